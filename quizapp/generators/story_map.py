"""The story map: the facts of a story as rows and its outlets as columns, read from the same
model the questions are. Each cell holds the value or wording an outlet gives, marked as stated,
hedged or credited (and to whom), or says why it is blank: the outlet is silent, or its text is
cut off so we cannot tell. Rows where outlets disagree are marked."""
from __future__ import annotations

from dataclasses import dataclass

from quizapp.generators.reading.articles import Passage
from quizapp.generators.reading.outlets import Outlet

SILENT = "not given"
CUT_OFF = "not in the part we have (the text is cut off)"
# A map is for reading at a glance: the facts several outlets give, or disagree on, at most this
# many of them, the disagreements first.
MAX_FACT_ROWS = 12


@dataclass(frozen=True)
class Cell:
    article: str
    text: str = ""  # the value or wording as the outlet prints it; "" when blank
    marks: tuple[str, ...] = ()  # "stated as fact", "credited to the sheriff", "hedged", ...
    passage: Passage | None = None  # where the reader shows it
    blank: str = ""  # why there is nothing: SILENT or CUT_OFF


@dataclass(frozen=True)
class Row:
    label: str  # the fact, in a teacher's words: "The death toll"
    kind: str  # "figure" or "credit"
    cells: tuple[Cell, ...]  # one per outlet, in the map's outlet order
    disagree: bool = False
    note: str = ""  # why the values differ, where the text says


@dataclass(frozen=True)
class StoryMap:
    outlets: tuple[Outlet, ...]
    rows: tuple[Row, ...]


def _blank(model, article_id: str) -> Cell:
    complete = model.article(article_id).complete
    return Cell(article_id, blank=SILENT if complete else CUT_OFF)


def _figure_marks(figure) -> tuple[str, ...]:
    marks = []
    source = figure.source
    if figure.unsure:
        marks.append("hedged: a projection or possibility")
    if source.kind == "named" and source.name:
        marks.append(f"credited to {source.name}")
    elif source.kind == "unnamed":
        marks.append(f"credited to an unnamed source{f' ({source.name})' if source.name else ''}")
    elif source.kind == "outlet":
        marks.append("stated as fact")
    if source.via:
        marks.append(f"passed on by {source.via}")
    if figure.quoted:
        marks.append("in a quote")
    if figure.place == "headline":
        marks.append("in the headline")
    if figure.when:
        marks.append(figure.when)
    return tuple(marks)


def _figure_cell(model, article_id: str, figures) -> Cell:
    if not figures:
        return _blank(model, article_id)
    texts = list(dict.fromkeys(f.passage.text for f in figures))
    first = figures[0]
    return Cell(article_id, "; ".join(texts), _figure_marks(first), first.passage)


_REASONS = {
    "source": "the outlets credit different sources",
    "time": "the figures were given at different times",
    "qualifier": "a qualifier (\u201cat least\u201d, \u201cabout\u201d) leaves room between them",
    "headline": "a headline gives a different figure from its own article",
}


def _fact_rows(model, outlets: tuple[Outlet, ...]) -> list[Row]:
    rows = []
    for fact in model.facts:
        if not fact.label or not getattr(fact, "own", True) or len(fact.articles) < 2:
            continue
        cells = tuple(_figure_cell(model, outlet.article,
                                   [f for f in fact.figures if f.article == outlet.article])
                      for outlet in outlets)
        note = "; ".join(_REASONS[r] for r in fact.reasons if r in _REASONS)
        rows.append(Row(fact.label[:1].upper() + fact.label[1:], "figure", cells,
                        disagree=bool(fact.conflicts), note=note))
    # Disagreements first, then what most outlets give.
    rows.sort(key=lambda row: (not row.disagree, -sum(1 for c in row.cells if c.text)))
    return rows[:MAX_FACT_ROWS]


def _credit_row(model, outlets: tuple[Outlet, ...]) -> Row | None:
    whole = {}
    for credit in model.credits:
        if credit.whole and credit.named and credit.passage is not None:
            whole.setdefault(credit.article, []).append(credit)
    if not whole:
        return None
    cells = []
    for outlet in outlets:
        credits = whole.get(outlet.article, [])
        if credits:
            names = list(dict.fromkeys(c.source for c in credits))
            cells.append(Cell(outlet.article, ", ".join(names),
                              tuple(dict.fromkeys(c.how for c in credits)), credits[0].passage))
        else:
            cells.append(_blank(model, outlet.article))
    sources = {cell.text for cell in cells if cell.text}
    return Row("Whose report it carries (credited for the whole article)", "credit", tuple(cells),
               disagree=len(sources) > 1)


def story_map(model) -> StoryMap:
    """The map of a story's model: one column per outlet, rows for the facts several outlets
    give (disagreements first) and for whom each article credits."""
    outlets = model.outlets
    rows = _fact_rows(model, outlets)
    credit = _credit_row(model, outlets)
    if credit is not None:
        rows.append(credit)
    return StoryMap(outlets, tuple(rows))
