"""Cross-checking: which outlets report a figure that matters ("Which outlets reported 140
stranded passengers?"). Every keyed outlet prints it in a sentence shown as evidence; every
wrong choice either prints a different value of the same fact (shown too) or is an article
whose whole text is here and carries the number in no form. Where that cannot be proven, or the
figure is a side detail, nothing is asked."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact, compatible
from quizapp.generators.reading.figures import Figure
from quizapp.generators.reading.quantities import spelled_value
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import MAX_CHOICES, choose_all, names_list, picked, question
from quizapp.generators.writing.figures import (
    by_amount,
    fact_of,
    in_article,
    label,
    sentence_of,
    shown,
)

KIND = "outlet_detail"
MAX_QUESTIONS = 3
MAX_TRIED = 12  # facts tried before giving up: a long story is not read again and again
_NUMBER_WORDS = re.compile(r"[a-z]+(?:[\s-][a-z]+)*")


def _worth_asking(model, figure: Figure) -> bool:
    """A figure of the event no outlet contradicts (a disagreement is the conflict kind's): a
    figure several outlets give, or one a headline gives; not a side figure, a date, a code, a
    change or a small count in passing."""
    if figure.category not in ("count", "money", "percent") or figure.place == "caption":
        return False
    if figure.quantity.role != "level" or figure.unit == "points":
        return False  # a change is written many ways ("a quarter of a point", "to 4.75% from 4.5%")
    if figure.unsure or figure.quoted or figure.anchor or figure.where or not (
            figure.counts.noun or figure.counts.event):
        return False
    if figure.category == "count" and figure.value < 10:
        return False
    fact = fact_of(model, figure)
    if fact is not None and (fact.conflicts or not fact.own):
        return False
    givers = {o.article for o in _alike(model, figure)}
    return figure.place == "headline" or len(givers) >= 2


@lru_cache(maxsize=4)
def _by_amount(model) -> dict[tuple[float, str], tuple[Figure, ...]]:
    found: dict[tuple[float, str], list[Figure]] = {}
    for figure in model.figures:
        found.setdefault((round(figure.value, 6), figure.category), []).append(figure)
    return {key: tuple(figures) for key, figures in found.items()}


@lru_cache(maxsize=4)
def _alike_found(model) -> dict[tuple, tuple[Figure, ...]]:
    return {}


def _alike(model, figure: Figure) -> tuple[Figure, ...]:
    """The story's figures giving the same detail, found by amount without reading them all,
    and once for all the figures that read alike (a long page gives one figure many times)."""
    key = (figure.value, figure.high, figure.unit, figure.category, figure.counts.kind,
           figure.counts.event)  # all that _same_detail reads of it
    found = _alike_found(model)
    if key not in found:
        bucket = _by_amount(model).get((round(figure.value, 6), figure.category), ())
        found[key] = tuple(other for other in bucket if _same_detail(figure, other))
    return found[key]


def _same_detail(a: Figure, b: Figure) -> bool:
    """Two figures giving one detail: the same amount of the same kind of thing."""
    return len(by_amount([a, b])) == 1 and a.category == b.category and (
        a.counts.kind == b.counts.kind or a.counts.event == b.counts.event and a.counts.event)


@lru_cache(maxsize=1024)
def _amounts_in(text: str) -> frozenset[float]:
    """Every amount a text carries in digits (with any scale) or in words."""
    found: set[float] = set()
    for m in re.finditer(r"\d[\d,.]*", text):
        try:
            amount = float(m.group().rstrip(".,").replace(",", ""))
        except ValueError:
            continue
        found.update(amount * scale for scale in (1, 1e3, 1e6, 1e9))
    for m in _NUMBER_WORDS.finditer(fold(text)):
        if len(m.group()) > 2 and (value := spelled_value(m.group())) is not None:
            found.add(float(value))
    return frozenset(round(a, 6) for a in found)


def _carries_number(text: str, figure: Figure) -> bool:
    """Whether a text carries the amount in any form: digits in any grouping, or words."""
    return round(figure.value, 6) in _amounts_in(text)


def _gives_alike(model, article: str, figure: Figure) -> bool:
    """Whether the article gives an amount of the same kind that may be this one ("some 33,000
    workers" beside "roughly 30,000 workers"): it may not be offered as lacking the figure."""
    return any(other.category == figure.category
               and other.unit == figure.unit and compatible(other, figure)
               and (other.counts.kind == figure.counts.kind
                    or other.counts.event == figure.counts.event)
               for other in in_article(model, article))


def _alike_elsewhere(model, figure: Figure, shown_already: set[str]) -> list[Figure]:
    """Outlets giving an amount that may be this one, written another way ("$14.3 billion"
    beside "$14.4 billion" for one sum in euros): neither key nor wrong, but worth saying."""
    fact = fact_of(model, figure)
    found: dict[str, Figure] = {}
    for other in (fact.figures if fact is not None else ()):
        if other.article not in shown_already and compatible(other, figure) \
                and len(by_amount([other, figure])) > 1 and label(model, other.article):
            found.setdefault(other.article, other)
    return list(found.values())


def _carriers(model, figure: Figure) -> dict[str, Figure]:
    """Article -> its sentence giving the detail, the article's own words before its headline."""
    carriers: dict[str, Figure] = {}
    alike = [other for other in _alike(model, figure)
             if label(model, other.article) and sentence_of(model, other) is not None]
    for other in sorted(alike, key=lambda f: f.place == "headline"):
        carriers.setdefault(other.article, other)
    return carriers


def _differing(model, fact: Fact | None, figure: Figure, carriers: dict) -> dict[str, Figure]:
    """Article -> its sentence giving a value of the fact that cannot be this one; an outlet
    with any value that may be this one is neither key nor wrong."""
    if fact is None:
        return {}
    differing: dict[str, Figure] = {}
    for other in fact.figures:
        if other.article not in carriers and not compatible(other, figure) \
                and sentence_of(model, other) is not None and label(model, other.article):
            differing.setdefault(other.article, other)
    for other in fact.figures:
        if other.article in differing and compatible(other, figure):
            differing.pop(other.article)
    return differing


def _what(figure: Figure, fact: Fact | None, amount: str) -> str:
    """The figure and what it counts, as the prompt asks it; "" when no words say what."""
    if figure.counts.noun and figure.category == "count":
        return f"{amount} {figure.counts.noun}"
    if fact is not None and fact.label:
        return f"{amount} for {fact.label}"
    return "" if figure.category == "count" else amount


def _in_other_units(model, figure: Figure, article: str) -> Figure | None:
    """The article's figure for the same fact in another unit ("$10 million" for "150 bitcoin")."""
    if not figure.counts.event:
        return None
    return next((f for f in in_article(model, article) if f.place == "body"
                 and f.category == figure.category and f.unit != figure.unit
                 and f.counts.event == figure.counts.event), None)


def _explanation(model, figure: Figure, carriers: dict, differing: dict, wrong: list[str]) -> str:
    given = [f"{label(model, a)} gives {shown(f)}" for a, f in carriers.items()]
    given += [f"{label(model, a)} gives {shown(differing[a])}" for a in wrong if a in differing]
    alike = _alike_elsewhere(model, figure, set(carriers) | set(differing))
    given += [f"{label(model, f.article)} gives {shown(f)}, which may be the same amount"
              for f in alike]
    silent = [a for a in wrong if a not in differing]
    instead = {a: _in_other_units(model, figure, a) for a in silent}
    given += [f"{label(model, a)} gives {shown(f)} instead" for a, f in instead.items() if f]
    explanation = "Cross-check figures between outlets: " + "; ".join(given)
    if silent:
        explanation += (f". {names_list([label(model, a) for a in silent])}, whose full texts are "
                        f"here, give no {figure.number}")
    return explanation + ". A figure only some outlets carry is worth tracing to its source."


def _question(model, figure: Figure) -> Question | None:
    carriers = _carriers(model, figure)
    fact = fact_of(model, figure)
    differing = _differing(model, fact, figure, carriers)
    lacking = [r.id for r in model.articles if r.complete and r.id not in carriers
               and r.id not in differing and label(model, r.id)
               and not _carries_number(r.text, figure) and not _gives_alike(model, r.id, figure)
               and not (fact is not None and any(f.article == r.id for f in fact.figures))]
    if not carriers or len(carriers) > 3 or len(differing) + len(lacking) < 2:
        return None
    if not differing and not any(f.place == "headline" for f in _alike(model, figure)):
        # Resting on absence alone, the detail must be one a headline leads with.
        return None
    keys = list(carriers)
    wrong = picked(sorted(differing) + sorted(lacking), shown(figure), MAX_CHOICES - len(keys))
    printed = {shown(f).lower() for f in carriers.values()}
    what = _what(figure, fact, shown(carriers[keys[0]]) if len(printed) == 1 else figure.number)
    if not what:
        return None  # "12,000" of what? no words to say
    prompt = (f"{'Which outlet' if len(keys) == 1 else 'Which outlets'} reported {what}?"
              f"{choose_all(len(keys))}")
    evidence = [sentence_of(model, carriers[a]) for a in keys]
    evidence += [sentence_of(model, differing[a]) for a in wrong if a in differing]
    return question(KIND, prompt, [label(model, a) for a in keys],
                    [label(model, a) for a in wrong],
                    _explanation(model, figure, carriers, differing, wrong), evidence)


def write(model) -> list[Question]:
    """One question per fact: its figure most outlets give, where others are shown giving
    another value or are whole texts without it."""
    questions: list[Question] = []
    tried: set = set()
    candidates = sorted((f for f in model.figures if _worth_asking(model, f)),
                        key=lambda f: -len({o.article for o in _alike(model, f)}))
    for figure in candidates:
        fact = fact_of(model, figure)
        spot = id(fact) if fact is not None else (round(figure.value, 6), figure.counts.kind)
        if spot in tried or len(tried) >= MAX_TRIED:
            continue
        tried.add(spot)
        found = _question(model, figure)
        if found is not None:
            questions.append(found)
    return questions[:MAX_QUESTIONS]
