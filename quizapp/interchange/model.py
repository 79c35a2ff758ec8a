"""The plain data the writers take and the readers return: a bank of items (questions) with the
articles they rest on. Frozen dataclasses, so the formats stay usable without Flask or a
database."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

SINGLE, MULTIPLE = "single", "multiple"
MATCHING, ORDERING, EVIDENCE = "matching", "ordering", "evidence"
# Why a format leaves out find-the-evidence: its score (half a share for a sentence next to a
# key sentence) has no equivalent in any of them, and as multiple choice it would grade otherwise.
EVIDENCE_REASON = ("find-the-evidence questions have no equivalent there (their partial "
                   "credit for a sentence next to a key sentence cannot be written)")


class FormatError(ValueError):
    """A file a reader cannot take; the message names the line or element, for a person."""


@dataclass(frozen=True)
class Article:
    key: str  # stable within the story (the file stem): identifiers are made from it
    outlet: str
    title: str
    text: str
    date: str = ""
    url: str = ""

    @property
    def label(self) -> str:
        return f"{self.outlet}: {self.title}" if self.title else (self.outlet or self.key)

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n") if part.strip()]


@dataclass(frozen=True)
class Passage:
    """An evidence passage: exact words of one article that prove the key."""

    article_key: str
    text: str


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool = False


@dataclass(frozen=True)
class Item:
    """One question. `type` says which writer hook renders it (see supported)."""

    prompt: str
    choices: tuple[Choice, ...]
    explanation: str = ""
    evidence: tuple[Passage, ...] = ()
    skill: str = ""
    kind: str = ""
    type: str = ""  # "single" or "multiple" from the key when empty; the item-type names else
    ident: str = ""  # a stable identifier within the bank (the question's id on export)
    line: int = 0  # where a reader found it (1-based), for messages; 0 when written
    # Matching only: the left items, and for each the index in `choices` of its match (the
    # choices matched by none are distractors). Ordering: `choices` in their right order.
    lefts: tuple[str, ...] = ()
    matches: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not self.type:
            keys = sum(1 for choice in self.choices if choice.correct)
            object.__setattr__(self, "type", MULTIPLE if keys > 1 else SINGLE)

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(i for i, choice in enumerate(self.choices) if choice.correct)

    def article_keys(self) -> list[str]:
        """The articles its evidence quotes, each once, in the order first quoted."""
        return list(dict.fromkeys(passage.article_key for passage in self.evidence))


@dataclass(frozen=True)
class Bank:
    """A quiz or a story's question bank, in order, with the story's articles."""

    title: str
    story_title: str
    story_slug: str
    articles: tuple[Article, ...]
    items: tuple[Item, ...]
    shuffle_questions: bool = False
    shuffle_choices: bool = False

    def article(self, key: str) -> Article | None:
        return next((a for a in self.articles if a.key == key), None)


@dataclass(frozen=True)
class Skipped:
    """An item a format cannot carry, left out with the reason printed (never silently)."""

    item: Item
    reason: str


@dataclass
class Written:
    """What a writer made: the file's bytes and the items it left out, with why."""

    data: bytes
    skipped: list[Skipped] = field(default_factory=list)


def by_type(items: Iterable[Item], hooks: Mapping[str, Callable], format_name: str,
            reasons: Mapping[str, str] | None = None
            ) -> tuple[list[tuple[Item, Callable]], list[Skipped]]:
    """Each item with the hook that writes its type in this format, or a Skipped saying why the
    format cannot carry that type. Adding an item type to a format is adding a hook."""
    reasons = {EVIDENCE: EVIDENCE_REASON, **(reasons or {})}
    kept, skipped = [], []
    for item in items:
        hook = hooks.get(item.type)
        if hook is None:
            why = reasons.get(item.type, f"it has no {item.type} questions")
            skipped.append(Skipped(item, f"{format_name} leaves out this {item.type} question: "
                                         f"{why}"))
        else:
            kept.append((item, hook))
    return kept, skipped
