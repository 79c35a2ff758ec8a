"""Story maps for the web: a stored story read by the generators into its map, kept per process
until the story's articles change, with each column tied to the article row it shows."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from quizapp import bank
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.story_map import StoryMap, story_map
from quizapp.models import Article, Story

# Reading a story takes a fraction of a second; a class opening the map at once reads it once.
_CACHE: dict[tuple[int, str], StoryMap] = {}
CACHE_SIZE = 32


@dataclass(frozen=True)
class Column:
    label: str
    article: Article


def _version(story: Story) -> str:
    digest = hashlib.sha1()
    for article in story.articles:
        digest.update(f"{article.key}\x1f{article.outlet}\x1f{article.title}\x1f".encode())
        digest.update(article.text.encode("utf-8"))
    return digest.hexdigest()


def map_of(story: Story) -> tuple[StoryMap, list[Column]]:
    """The story's map and its columns (outlet label and article row), read once per version."""
    key = (story.id, _version(story))
    found = _CACHE.get(key)
    if found is None:
        found = story_map(StoryModel(bank.story_for_generators(story)))
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = found
    rows = {article.key: article for article in story.articles}
    columns = [Column(outlet.label, rows[outlet.article]) for outlet in found.outlets]
    return found, columns


@dataclass(frozen=True)
class ShownEntry:
    text: str
    marks: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class ShownCell:
    outlet: str  # the column's outlet, said again in each cell for a reader on a phone
    entries: tuple[ShownEntry, ...]
    blank: str


@dataclass(frozen=True)
class ShownRow:
    label: str
    kind: str
    disagree: bool
    differ: str
    note: str
    cells: tuple[ShownCell, ...]


def shown_rows(found: StoryMap, columns: list[Column], link) -> list[ShownRow]:
    """The map's rows as a page shows them: `link(article, start, end)` gives each value's
    address in a reader."""
    rows = []
    for row in found.rows:
        cells = tuple(
            ShownCell(column.label, tuple(
                ShownEntry(entry.text, entry.marks,
                           link(column.article, entry.passage.start, entry.passage.end))
                for entry in cell.entries), cell.blank)
            for cell, column in zip(row.cells, columns, strict=True))
        rows.append(ShownRow(row.label, row.kind, row.disagree, row.differ, row.note, cells))
    return rows
