"""Outlets as the story has them: each article under the name a student sees as a choice. Two
articles from one publisher stay two choices, each named with its headline, so a question never
pools what two different articles say; a note in brackets after the publisher's name ("KOB 4
(Associated Press)") is kept aside, so a choice never gives away whose copy it carries."""
from __future__ import annotations

from dataclasses import dataclass

from quizapp.generators.reading.articles import ArticleReading
from quizapp.generators.reading.text import fold

# A headline shown to tell two articles of one outlet apart is cut at this many words.
HEADLINE_WORDS = 8


@dataclass(frozen=True)
class Outlet:
    """One article's publisher, as a choice: `label` is what the student reads."""

    label: str
    name: str  # the publisher's name alone
    article: str  # the article's id
    note: str = ""  # what the story's files add in brackets: whose copy, which country


def _headline_words(reading: ArticleReading) -> str:
    title = reading.headline.text if reading.headline else reading.id
    words = title.split()
    return " ".join(words[:HEADLINE_WORDS]) + ("\u2026" if len(words) > HEADLINE_WORDS else "")


def read_outlets(articles: tuple[ArticleReading, ...]) -> tuple[Outlet, ...]:
    """Every article that names its outlet, in story order; an unnamed one cannot be a choice."""
    counts: dict[str, int] = {}
    for reading in articles:
        if reading.outlet:
            counts[fold(reading.outlet)] = counts.get(fold(reading.outlet), 0) + 1
    found = []
    for reading in articles:
        if not reading.outlet:
            continue
        name, note = reading.outlet, reading.outlet_note
        label = name
        if counts[fold(name)] > 1:
            label = f"{name} (\u201c{_headline_words(reading)}\u201d)"
        found.append(Outlet(label, name, reading.id, note))
    return tuple(found)
