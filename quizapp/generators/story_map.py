"""The story map: the facts of a story as rows and its outlets as columns, read from the same
model the questions are. Each cell holds what an outlet gives (a figure, a quotation, how it
presents a claim, whose report it carries), marked as stated, hedged or credited (and to whom),
or says why it is blank: the outlet is silent, or its text may be cut off so we cannot tell.
Rows where outlets disagree are marked, and so are rows where they word or present one thing
differently."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from quizapp.generators.reading.articles import Passage
from quizapp.generators.reading.outlets import Outlet
from quizapp.generators.reading.quotations import (
    Quotation,
    same_remark,
    same_statement,
    wording,
)
from quizapp.generators.reading.statements import (
    ASSERTED,
    ATTRIBUTED,
    HEDGED,
    Statement,
    content_words,
)

# Why a cell is blank. A whole article that does not give something is silent on it; a text
# that is, or may be, cut off may give it further on, so the cell says only what we have.
SILENT = "not given"
CUT_OFF = "not in the text we have (it is cut off)"
MAY_BE_CUT_OFF = "not in the text we have (it may be cut off)"
# A quotation or a claim is found by its words: a whole article without them may still say it
# in other words, so its blank says what was looked for.
NOT_QUOTED = "not quoted"
NOT_FOUND = "not found in this article"
# A map is for reading at a glance: at most this many rows of each sort, the most telling first.
MAX_FACT_ROWS = 12
MAX_CLAIM_ROWS = 3
MAX_QUOTATION_ROWS = 4
# A row's label quotes at most this many of the words its outlets share.
LABEL_WORDS = 8
MIN_QUOTATION_WORDS = 4
# Claims worth a row: the ones a question would ask about (a figure, a cause, a blame).
WEIGHTY = frozenset({"figure", "cause", "blame"})

# What a row's tag says when outlets do not contradict each other but still differ.
WORDED = "worded differently"
CREDITED = "credited to different speakers"
PRESENTED = "presented differently"
AGENCIES = "different sources credited"


@dataclass(frozen=True)
class Entry:
    """One thing an outlet prints for a row: its words, how it gives them, and where."""

    text: str  # the value or wording as the outlet prints it, or how it presents a claim
    marks: tuple[str, ...]  # "stated as fact", "credited to the sheriff", "in the headline", ...
    passage: Passage  # where the reader shows it


@dataclass(frozen=True)
class Cell:
    article: str
    entries: tuple[Entry, ...] = ()
    blank: str = ""  # why there is nothing: SILENT (NOT_QUOTED, NOT_FOUND), or CUT_OFF or
    # MAY_BE_CUT_OFF

    @property
    def text(self) -> str:
        return "; ".join(entry.text for entry in self.entries)


@dataclass(frozen=True)
class Row:
    label: str  # the fact, in a teacher's words: "The death toll"
    kind: str  # "figure", "claim", "quotation", "copy" or "credit"
    cells: tuple[Cell, ...]  # one per outlet, in the map's outlet order
    disagree: bool = False  # values that cannot all be right
    differ: str = ""  # outlets that do not contradict each other yet differ: WORDED, ...
    note: str = ""  # why the values differ, where the text says


@dataclass(frozen=True)
class StoryMap:
    outlets: tuple[Outlet, ...]
    rows: tuple[Row, ...]


def _blank(model, article_id: str, silent: str = SILENT) -> Cell:
    reading = model.article(article_id)
    if reading.complete:
        return Cell(article_id, blank=silent)
    return Cell(article_id, blank=CUT_OFF if reading.cut_off else MAY_BE_CUT_OFF)


def _cells(model, outlets: tuple[Outlet, ...], entries: dict[str, list[Entry]],
           silent: str = SILENT) -> tuple[Cell, ...]:
    """One cell per outlet: its entries in reading order (one per wording), or a blank."""
    cells = []
    for outlet in outlets:
        found = sorted(entries.get(outlet.article, ()), key=lambda e: e.passage.start)
        unique: list[Entry] = []
        for entry in found:
            if all(entry.text != kept.text for kept in unique):
                unique.append(entry)
        cells.append(Cell(outlet.article, tuple(unique)) if unique
                     else _blank(model, outlet.article, silent))
    return tuple(cells)


def _shared_words(texts: list[str]) -> str:
    """The longest run of words that every text prints, as the first prints it ("" if none)."""
    first = texts[0].split()
    keys = [_bare(word) for word in first]
    others = [f" {' '.join(_bare(word) for word in text.split())} " for text in texts[1:]]
    for length in range(len(first), 0, -1):
        for start in range(len(first) - length + 1):
            run = f" {' '.join(keys[start:start + length])} "
            if run.strip() and all(run in other for other in others):
                return " ".join(first[start:start + length]).strip(_PUNCTUATION + " ")
    return ""


_PUNCTUATION = ".,;:!?\u201c\u201d\u2018\u2019\"'()\u2014\u2013-"


def _bare(word: str) -> str:
    """A word as printings are compared: folded, quote marks and contractions aside."""
    return " ".join(wording(word))


def _quoted_label(what: str, words: str, whole: str) -> str:
    """"The quotation “…we still haven't gotten into…”": the shared words, cut to LABEL_WORDS,
    with an ellipsis where the printings go on."""
    shown = words.split()
    cut = len(shown) > LABEL_WORDS
    shown = shown[:LABEL_WORDS]
    text = " ".join(shown)
    before = "" if whole.split()[:1] == shown[:1] else "\u2026"
    after = "\u2026" if cut or not whole.rstrip(_PUNCTUATION).endswith(text) else ""
    return f"{what} \u201c{before}{text}{after}\u201d"


# --- figures ----------------------------------------------------------------------------------


def _source_mark(source) -> str:
    if source.kind == "named" and source.name:
        return f"credited to {source.name}"
    if source.kind == "unnamed":
        return "credited to an unnamed source" + (
            f" (\u201c{source.name}\u201d)" if source.name else "")
    if source.kind == "outlet":
        return "stated as fact"
    return "source not clear from its sentence"


def _figure_marks(figure) -> tuple[str, ...]:
    marks = [_source_mark(figure.source)]
    if figure.unsure:
        marks.append("hedged: a projection or possibility")
    if figure.source.via:
        marks.append(f"passed on by {figure.source.via}")
    if figure.quoted:
        marks.append("inside a quotation")
    if figure.place == "headline":
        marks.append("in the headline")
    if figure.update:
        marks.append("given as the latest count")
    if figure.when:
        marks.append(f"time given: {figure.when}")
    return tuple(marks)


_REASONS = {
    "source": "the outlets credit different sources",
    "time": "the figures were given at different times",
    "qualifier": "a qualifier (\u201cat least\u201d, \u201cabout\u201d) leaves room between them",
    "headline": "a headline gives a different figure from its own article",
    "rounding": "some differ only by rounding",
    "conversion": "some convert the same amount into another unit or currency",
}
_CURRENCIES = {"EUR": "euros", "USD": "dollars", "GBP": "pounds", "JPY": "yen", "CNY": "yuan",
               "INR": "rupees"}


def _fact_label(fact) -> str:
    """The fact's label with the place and time it is limited to: "The death toll in Florida"."""
    label = fact.label
    if fact.where and _folded(fact.where) not in _folded(label):
        label += f" {fact.where}"
    anchors = {f.anchor for f in fact.figures if f.anchor}
    if len(anchors) == 1:
        (anchor,) = anchors
        label += f" ({anchor})"
    return label[:1].upper() + label[1:]


def _folded(text: str) -> str:
    return " ".join(wording(text))


def _unit_words(fact) -> str:
    if fact.category == "money":
        return _CURRENCIES.get(fact.unit, fact.unit)
    return fact.unit


def _fact_rows(model, outlets: tuple[Outlet, ...]) -> list[Row]:
    facts = [fact for fact in model.facts
             if fact.label and getattr(fact, "own", True) and len(fact.articles) >= 2]
    labels = [_fact_label(fact) for fact in facts]
    rows = []
    for fact, label in zip(facts, labels, strict=True):
        if labels.count(label) > 1 and _unit_words(fact):
            # One fine in euros and in dollars: two rows, told apart by the unit.
            label += f", in {_unit_words(fact)}"
        entries: dict[str, list[Entry]] = {}
        for figure in fact.figures:
            entries.setdefault(figure.article, []).append(
                Entry(figure.passage.text, _figure_marks(figure), figure.passage))
        note = "; ".join(_REASONS[r] for r in fact.reasons if r in _REASONS)
        rows.append(Row(label, "figure", _cells(model, outlets, entries),
                        disagree=bool(fact.conflicts), note=note))
    # Disagreements first, then what most outlets give.
    rows.sort(key=lambda row: (not row.disagree, -sum(1 for c in row.cells if c.entries)))
    return rows[:MAX_FACT_ROWS]


# --- quotations -------------------------------------------------------------------------------


def _usable_quotation(model, quote: Quotation) -> bool:
    return (bool(quote.speaker or quote.unnamed) and not quote.caption and not quote.weak
            and quote.word_count >= MIN_QUOTATION_WORDS
            and model.outlet_of(quote.article) is not None)


def _one_remark(a: Quotation, b: Quotation) -> bool:
    """Two printings of one remark: most words in order (reading's rule), and three in five of
    the shorter one's content words, so "like a bomb went off" is not "like a war zone". Words
    credited to two different speakers must be the same words, one holding the other: two
    people may share a phrase ("get back to the table") without sharing a remark."""
    if a.speaker != b.speaker or a.unnamed != b.unnamed:
        return same_statement(a.text, b.text)
    if not same_remark(a.text, b.text):
        return False
    ours, theirs = content_words(a.text), content_words(b.text)
    shared = len(ours & theirs)
    return shared >= 2 and shared >= 0.6 * min(len(ours), len(theirs))


def _closeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, wording(a), wording(b), autojunk=False).ratio()


def _printings(model, lead: Quotation, usable: list[Quotation], used: set[int]
               ) -> dict[str, Quotation]:
    """The lead quotation and, in each other article, its closest printing of the same remark:
    each one a printing of the remark every other one prints, so two parts of one long quote
    are never set side by side as if they were one remark."""
    found = {lead.article: lead}
    candidates = [q for q in usable if id(q) not in used and q.article != lead.article]
    candidates.sort(key=lambda q: -_closeness(lead.text, q.text))
    for quote in candidates:
        if quote.article not in found and all(
                _one_remark(quote, other) for other in found.values()):
            found[quote.article] = quote
    return found


def _contained(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = sorted((a, b), key=len)
    return f" {' '.join(short)} " in f" {' '.join(long)} "


def _worded_differently(quotes: list[Quotation]) -> bool:
    """Some two printings differ in more than their length: a quote cut shorter is the same
    words; another word, order or ending is another wording."""
    forms = [tuple(w for w in wording(q.text) if w != "\u2026") for q in quotes]
    return any(not _contained(a, b) for i, a in enumerate(forms) for b in forms[i + 1:])


def _speaker_name(model, quote: Quotation) -> str:
    if quote.speaker:
        entity = model.entities.get(quote.speaker)
        if entity is not None:
            return entity.printed_in(quote.article) or entity.name
    return quote.unnamed or "someone the text does not name"


def _quotation_marks(model, quote: Quotation) -> tuple[str, ...]:
    marks = [f"credited to {_speaker_name(model, quote)}"
             + (f" (\u201c{quote.verb}\u201d)" if quote.verb else "")]
    if quote.unnamed and not quote.speaker:
        marks[0] = f"credited to an unnamed source (\u201c{quote.unnamed}\u201d)"
    if quote.fragment:
        marks.append("a few words inside the outlet's own sentence")
    return tuple(marks)


def _quotation_row(model, outlets, printings: dict[str, Quotation]) -> Row | None:
    quotes = list(printings.values())
    speakers = {q.speaker or f"unnamed:{q.unnamed}" for q in quotes}
    differ = [WORDED] if _worded_differently(quotes) else []
    if len(speakers) > 1:
        differ.append(CREDITED)
    if not differ:
        return None  # the same words from the same speaker everywhere: nothing to compare
    words = _shared_words([q.text for q in quotes])
    if len(content_words(words)) < 3:
        words = " ".join(quotes[0].text.split()[:LABEL_WORDS])  # too little in common to name it
    entries = {q.article: [Entry(f"\u201c{q.text}\u201d", _quotation_marks(model, q),
                                 q.sentence)] for q in quotes}
    return Row(_quoted_label("The quotation", words, quotes[0].text), "quotation",
               _cells(model, outlets, entries, NOT_QUOTED), differ="; ".join(differ))


def _quotation_rows(model, outlets: tuple[Outlet, ...]) -> list[Row]:
    """Remarks two or more outlets quote, where they print them in different words or credit
    them to different speakers: the most widely printed first."""
    usable = [q for q in model.quotations.all if _usable_quotation(model, q)]
    used: set[int] = set()
    rows = []
    for lead in usable:
        if id(lead) in used:
            continue
        printings = _printings(model, lead, usable, used)
        if len(printings) < 2:
            continue
        used |= {id(q) for q in printings.values()}
        row = _quotation_row(model, outlets, printings)
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda row: -sum(1 for c in row.cells if c.entries))
    return rows[:MAX_QUOTATION_ROWS]


# --- claims -----------------------------------------------------------------------------------


def _plain(statement: Statement) -> bool:
    """A sentence of the report making one claim whose own words settle how it presents it:
    an assertion with no credit nearby, a credit for saying, or a hedge of the outlet's."""
    if not (statement.sentence.role == "prose" and statement.sentence.finished
            and statement.clean and statement.quoted == 0
            and not _TWO_CLAIMS.search(statement.text)):
        return False
    if statement.presentation == ASSERTED:
        return not statement.credited_nearby
    if statement.presentation == ATTRIBUTED:
        return any(c.verb_class in ("says", "according") and c.source is not None
                   for c in statement.credits)
    return statement.presentation == HEDGED


# Two claims joined in one sentence: a credit or hedge of one says nothing of the other.
_TWO_CLAIMS = re.compile(r",\s+(?:and|but|while|whereas|yet)\s|;\s")


def _presentation(statement: Statement) -> str:
    if statement.presentation == ATTRIBUTED:
        credit = next(c for c in statement.credits
                      if c.verb_class in ("says", "according") and c.source is not None)
        name = credit.source.name
        if not credit.source.named or name.split()[0] in ("A", "An", "The"):
            name = name[0].lower() + name[1:]  # "Officials said", "A top court ruled"
        return f"credits it to {name} (\u201c{credit.verb.text}\u201d)"
    if statement.presentation == HEDGED:
        hedges = statement.hedges_of("outlet") or statement.hedges
        return f"hedges it (\u201c{hedges[0].passage.text}\u201d)" if hedges else "hedges it"
    return "states it as fact"


def _tellings(model, claim: Statement, used: set[int]) -> dict[str, list[Statement]]:
    found: dict[str, list[Statement]] = {}
    for statement in (claim, *model.statements.same_claim(claim)):
        if id(statement) in used or not _plain(statement) \
                or model.outlet_of(statement.article) is None:
            continue
        found.setdefault(statement.article, []).append(statement)
    return found


def _claim_row(model, outlets, tellings: dict[str, list[Statement]]) -> Row | None:
    shown = [statements[0] for statements in tellings.values()]
    if len(tellings) < 2 or len({s.presentation for s in shown}) < 2:
        return None
    words = _shared_words([s.text for s in shown])
    if len(content_words(words)) < 3:
        return None  # no words in common that name the claim
    entries = {article: [Entry(_presentation(s), (), s.sentence) for s in statements]
               for article, statements in tellings.items()}
    return Row(_quoted_label("The claim", words, shown[0].text), "claim",
               _cells(model, outlets, entries, NOT_FOUND), differ=PRESENTED)


def _claim_rows(model, outlets: tuple[Outlet, ...]) -> list[Row]:
    """Claims that matter, told by two or more outlets, stated as fact by some and credited or
    hedged by others."""
    used: set[int] = set()
    rows = []
    for claim in model.statements:
        if len(rows) >= MAX_CLAIM_ROWS:
            break
        if id(claim) in used or not _plain(claim) or not WEIGHTY & set(claim.stakes):
            continue
        tellings = _tellings(model, claim, used)
        row = _claim_row(model, outlets, tellings)
        if row is not None:
            used |= {id(s) for statements in tellings.values() for s in statements}
            rows.append(row)
    return rows


# --- credits ----------------------------------------------------------------------------------

_HOW = {"byline": "in the byline", "dateline": "in the dateline", "sign-off": "in the sign-off",
        "first ran": "a note on where it first ran", "copyright": "in a copyright line"}


def _credit_row(model, outlets: tuple[Outlet, ...]) -> Row | None:
    entries: dict[str, list[Entry]] = {}
    for credit in model.credits:
        if credit.whole and credit.named and credit.passage is not None:
            marks = [_HOW.get(credit.how, credit.how)]
            if credit.printed and _folded(credit.printed) != _folded(credit.source):
                marks.append(f"printed as \u201c{credit.printed}\u201d")
            entries.setdefault(credit.article, []).append(
                Entry(credit.source, tuple(marks), credit.passage))
    if not entries:
        return None
    cells = _cells(model, outlets, entries)
    sources = {entry.text for cell in cells for entry in cell.entries}
    # Carrying different agencies' reports is no contradiction: the row says so in words.
    return Row("Whose report it carries (credited for the whole article)", "credit", cells,
               differ=AGENCIES if len(sources) > 1 else "")


# --- shared copy ------------------------------------------------------------------------------

NOT_SHARED = "none found in the text we have"


def _copy_row(model, outlets: tuple[Outlet, ...]) -> Row | None:
    """Which outlets carry one text (word for word, lightly edited or reworded), whatever they
    credit: each cell names the other outlets and links to the first sentence they share."""
    entries: dict[str, list[Entry]] = {}
    for shared in model.shared_texts:
        ours, theirs = model.outlet_of(shared.a), model.outlet_of(shared.b)
        if not shared.copy or ours is None or theirs is None:
            continue
        first = (shared.narration or shared.passages)[0]
        marks = (f"{shared.how}, {round(100 * shared.share)}% of the shorter text",)
        entries.setdefault(shared.a, []).append(Entry(theirs.label, marks, first.a))
        entries.setdefault(shared.b, []).append(Entry(ours.label, marks, first.b))
    if not entries:
        return None
    # What is compared is the text we have, cut off or not: "none found" says just that.
    cells = tuple(cell if cell.entries else Cell(cell.article, blank=NOT_SHARED)
                  for cell in _cells(model, outlets, entries))
    return Row("Shares its text with", "copy", cells)


def story_map(model) -> StoryMap:
    """The map of a story's model: one column per outlet; rows for the figures several outlets
    give (disagreements first), the claims they present differently, the quotations they word
    or credit differently, which of them carry one text, and whom each article credits for its
    report."""
    outlets = model.outlets
    rows = [*_fact_rows(model, outlets), *_claim_rows(model, outlets),
            *_quotation_rows(model, outlets)]
    rows += [row for row in (_copy_row(model, outlets), _credit_row(model, outlets))
             if row is not None]
    return StoryMap(outlets, tuple(rows))
