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


# The item types a question can take. `single` and `multiple` pick choices; the other three
# reuse `choices` with a meaning of their own:
# - matching: `items` are the left items (outlets, sources); `choices` the right items (values,
#   wordings) with at least one distractor; answer[i] is the index in choices of items[i]'s match;
#   item_evidence[i] proves that pair.
# - ordering: `choices` are the items in their right order and answer is (0, 1, ..., n-1); pages
#   shuffle them.
# - evidence: `choices` are the sentences a student may pick, all from one article (exact
#   substrings of its text, in the article's order); answer holds the ones that prove the claim
#   in the prompt, and `evidence` quotes them.
QUESTION_TYPES = ("single", "multiple", "matching", "ordering", "evidence")


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
    type: str = ""  # one of QUESTION_TYPES; "single" or "multiple" from the answer when empty
    items: tuple[str, ...] = ()  # matching only: the left items
    item_evidence: tuple[tuple[Evidence, ...], ...] = ()  # matching only: proof of each pair

    def __post_init__(self) -> None:
        if not self.type:
            object.__setattr__(self, "type", "multiple" if len(self.answer) > 1 else "single")
        if self.type not in QUESTION_TYPES:
            raise ValueError(f"unknown question type {self.type!r}")
        if self.type == "matching" and (len(self.answer) != len(self.items)
                                        or len(self.item_evidence) not in (0, len(self.items))):
            raise ValueError("a matching question needs one answer (and proof) per item")
        if not self.id:
            digest = hashlib.sha1(
                "\x1f".join((self.kind, self.prompt, *self.items, *self.choices)).encode("utf-8")
            ).hexdigest()[:12]
            object.__setattr__(self, "id", f"{self.kind}-{digest}")

    @property
    def multiple(self) -> bool:
        return self.type == "multiple"

    @property
    def fingerprint(self) -> str:
        """What a grade is kept against: kind, prompt, choices and key. A question changed in
        any of them is graded afresh; an unchanged one keeps its grade."""
        key = [self.choices[i] for i in (self.answer if self.type in ("matching", "ordering")
                                         else sorted(self.answer))]
        return hashlib.sha1("\x1f".join((self.kind, self.prompt, *self.items, *self.choices,
                                         "\x1e", *key))
                            .encode("utf-8")).hexdigest()[:16]
