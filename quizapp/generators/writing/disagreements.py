"""When two outlets' figures for one fact disagree: only when they count the same thing (the same
noun, the same place, as sure as each other) at comparable moments, in two texts that are not
one text, and no one source is named beside both. What the story model cannot make sure of is
said as a reason, and the question asking it waits in the review queue. Shared by the kinds that
set outlets' figures against each other (conflict, figure_matching)."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators.reading.details import singular
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.reading.text import fold, quotations, word_list, word_set
from quizapp.generators.writing.figures import by_amount, contradicts_itself, dated, source_name


_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s?(?:a\.?m\b\.?|p\.?m\b\.?)", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Nn]ear|[Oo]utside)\s+((?:the\s+)?"
                    r"[A-Z][\w\u2019'.-]*(?:\s+(?:of\s+)?[A-Z][\w\u2019'.-]*)*)")
_ESTIMATE = re.compile(r"\b(?:feared|presumed|believed|thought|estimat\w*|projected|expected|"
                       r"likely|possibly|probably)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _moments() -> re.Pattern[str]:
    phrases = sorted(word_list("count_moments"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def _unquoted(text: str) -> str:
    """The sentence with its quotations blanked: a speaker's words are not the outlet's frame."""
    for quote in reversed(quotations(text)):
        text = text[:quote.start] + " " * (quote.end - quote.start) + text[quote.end:]
    return text


def _timed(figure: Figure) -> bool:
    """A count the text marks as one moment's or as changed: "rose to", "so far", "earlier",
    "as of 10.30am"."""
    text = _unquoted(figure.sentence.text)
    return bool(figure.update or _TIME_OF_DAY.search(text) or _moments().search(fold(text)))


def _moved(model, fact: Fact, figures: list[Figure]) -> bool:
    """A count that moved: one marked as a moment's, counts given for different days, or an
    article giving two values of it (its own update). Only counts and shares move; a year does
    not."""
    if fact.category not in ("count", "percent", "money") or fact.event == "since":
        return False
    days = {d for f in figures if (d := dated(model, f)) is not None}
    return bool({"time", "stage"} & set(fact.reasons) or len(days) > 1
                or any(_timed(f) for f in figures)
                or any(contradicts_itself(fact, a) for a in fact.articles))


def _places(model, figure: Figure) -> frozenset[str]:
    """The places a figure's sentence limits it to ("in Ohio", "at Lakeside Airport"): not days
    or months, not a person or a body the story names ("in Acme's history")."""
    calendar = word_set("calendar_words")
    found = {figure.where.split(None, 1)[-1]} if figure.where else set()
    for m in _PLACE.finditer(_unquoted(figure.sentence.text)):
        name = re.sub(r"^the\s+", "", m.group(1)).rstrip(".,")
        after = figure.sentence.text[m.end(1):m.end(1) + 2]
        if fold(name.split()[0]) in calendar or after[:1] in "'\u2019" and after[:2] != "' " \
                or model.entities.find(name) is not None:
            continue
        found.add(name)
    return frozenset(fold(p) for p in found)


def _other_places(model, figures: list[Figure]) -> bool:
    """Whether two amounts may be counts of different places: figures of each name places that
    share none ("in Ohio" against "in Texas"), or every figure of one amount names a place and no
    figure of another does ("16 injured in Bangkok" against "3,400 injured"). An amount some
    outlets print with a place and others without is one count however its places are worded."""
    by_amount: dict[tuple, list[frozenset[str]]] = {}
    for figure in figures:
        by_amount.setdefault((figure.value, figure.high), []).append(_places(model, figure))
    amounts = list(by_amount.values())
    for i, these in enumerate(amounts):
        for those in amounts[i + 1:]:
            if any(a and b and not a & b for a in these for b in those):
                return True
            if all(these) and not any(those) or all(those) and not any(these):
                return True
    return False


def _noun(figure: Figure) -> str:
    noun = figure.counts.noun.split()
    return singular(noun[-1]) if noun else ""


def _hedged(model, figure: Figure) -> bool:
    """Given as feared, presumed, estimated or possible, not as counted."""
    if figure.unsure or _ESTIMATE.search(_unquoted(figure.sentence.text)):
        return True
    return any(s.sentence is figure.sentence and s.hedges
               for s in model.statements.of_article(figure.article))


def copies(model, articles: list[str]) -> bool:
    """Two of the articles carry one text (word for word, edited or reworded)."""
    chosen = set(articles)
    return any(pair.copy and pair.a in chosen and pair.b in chosen for pair in model.shared_texts)


MOVED = "the count moved over time in the story: a timeline, not a disagreement"


def doubts(model, fact: Fact, figures: list[Figure], amounts_differ: bool = True) -> list[str]:
    """Why the figures' difference may not be a disagreement, as far as the model shows; empty
    when they surely count one thing at one moment in separate texts. Where they give one
    amount (a qualifier dropped), nouns may differ ("staff", "employees") without doubt."""
    found = []
    if _moved(model, fact, figures):
        found.append(MOVED)
    if _other_places(model, figures):
        found.append("the figures may count different places")
    if amounts_differ and (len({n for f in figures if (n := _noun(f))}) > 1
                           or len({f.counts.kind for f in figures}) > 1):
        found.append("the figures count things named differently")
    if amounts_differ and _far_apart(model, fact, figures):
        found.append("the figures are far apart and not all sourced: they may count different "
                     "places, groups or moments")
    if len({_hedged(model, f) for f in figures}) > 1:
        found.append("some figures are estimated or feared, others counted")
    if copies(model, list(dict.fromkeys(f.article for f in figures))):
        found.append("two of the outlets carry one text")
    if _one_source(model, figures):
        found.append("one source is named beside two of the figures: its update or a misreport, "
                     "not two voices")
    return found


FAR_APART = 5  # one count this many times another: rarely one count told two ways


def _far_apart(model, fact: Fact, figures: list[Figure]) -> bool:
    """Counts an order apart ("sixteen" injured against "3,400"), unless each is credited to
    a named source (organisers' and police's crowds differ that much, and say so): the sentence
    alone rarely shows that the place or group counted differs ("In Bangkok" a paragraph up)."""
    values = [f.value for f in figures if f.value > 0]
    if fact.category != "count" or len(values) < 2 or max(values) < FAR_APART * min(values):
        return False
    return not all(source_name(f, model) for f in figures)


def _one_source(model, figures: list[Figure]) -> bool:
    """A source one figure is credited to, named in the sentence of a different figure too
    ("..., Nord reported" against "with Nord stating that three ...")."""
    for figure in figures:
        name = fold(source_name(figure, model))
        if name and any(name in fold(other.sentence.text) for other in figures
                        if other.article != figure.article
                        and len(by_amount([figure, other])) > 1):
            return True
    return False
