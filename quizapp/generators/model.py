"""Plain data that flows through the generators: a story in, questions out.

Frozen dataclasses only, so the core stays usable without Flask or a database.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


class StoryError(ValueError):
    """A story folder or article that cannot be loaded; the message is for a person."""


@dataclass(frozen=True)
class Article:
    id: str  # stable within the story: the file name without its extension
    outlet: str  # who published it, from the manifest, front matter or credit line; "" if unknown
    title: str
    text: str  # cleaned text; every evidence passage is an exact substring of it
    date: str = ""  # ISO date when known, else as written, else ""
    url: str = ""
    author: str = ""
    filename: str = ""
    # Known to be the whole article, not an excerpt: True when the person who added it says so,
    # or the page it came from carried on past its end (comments, related links, a footer);
    # False when they say it is an excerpt; None when nothing tells. Only a whole article may be
    # said to leave something out.
    whole: bool | None = None


@dataclass(frozen=True)
class Story:
    slug: str  # folder name
    title: str
    articles: tuple[Article, ...]

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


@dataclass(frozen=True)
class Evidence:
    article: str  # Article.id
    text: str  # exact substring of that article's text


@dataclass(frozen=True)
class Question:
    kind: str  # the generator that wrote it, e.g. "quote_attribution"
    skill: str  # what it trains, for reports: "attribution", "sourcing", ...
    prompt: str
    choices: tuple[str, ...]
    answer: tuple[int, ...]  # indices into choices; several when several are right
    explanation: str  # teaches the skill in one or two sentences
    evidence: tuple[Evidence, ...]
    id: str = field(default="")  # stable hash of kind+prompt+choices, filled in when empty
    # How sure the generators are that the key is right and the question worth a class's time
    # (0-1), and why: the gate lowers it for each flaw it finds and says so.
    confidence: float = 1.0
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            digest = hashlib.sha1(
                "\x1f".join((self.kind, self.prompt, *self.choices)).encode("utf-8")
            ).hexdigest()[:12]
            object.__setattr__(self, "id", f"{self.kind}-{digest}")

    @property
    def multiple(self) -> bool:
        return len(self.answer) > 1

    @property
    def fingerprint(self) -> str:
        """What a grade is kept against: kind, prompt, choices and key. A question changed in
        any of them is graded afresh; an unchanged one keeps its grade."""
        key = [self.choices[i] for i in sorted(self.answer)]
        return hashlib.sha1("\x1f".join((self.kind, self.prompt, *self.choices, "\x1e", *key))
                            .encode("utf-8")).hexdigest()[:16]
