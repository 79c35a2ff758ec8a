"""Cross-checking: which outlets report a figure that matters ("Which outlets reported 155
Chinese nationals?"). Every keyed outlet prints it in a sentence shown as evidence; every
wrong choice either prints a different value of the same fact (shown too) or is an article
whose whole text is here and carries the number in no form. Where that cannot be proven, or the
figure is a side detail, nothing is asked."""
from __future__ import annotations

import re

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact, compatible
from quizapp.generators.reading.figures import Figure
from quizapp.generators.reading.quantities import spelled_value
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import MAX_CHOICES, choose_all, names_list, picked, question
from quizapp.generators.writing.figures import by_amount, label, sentence_of, shown

KIND = "outlet_detail"
MAX_QUESTIONS = 3
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
    fact = _fact_of(model, figure)
    if fact is not None and (fact.conflicts or not fact.own):
        return False
    givers = {o.article for o in model.figures if _same_detail(figure, o)}
    return figure.place == "headline" or len(givers) >= 2


def _fact_of(model, figure: Figure) -> Fact | None:
    return next((f for f in model.facts if figure in f.figures), None)


def _same_detail(a: Figure, b: Figure) -> bool:
    """Two figures giving one detail: the same amount of the same kind of thing."""
    return len(by_amount([a, b])) == 1 and a.category == b.category and (
        a.counts.kind == b.counts.kind or a.counts.event == b.counts.event and a.counts.event)


def _carries_number(text: str, figure: Figure) -> bool:
    """Whether a text carries the amount in any form: digits in any grouping, or words."""
    value = figure.value
    digits = re.sub(r"\D", "", text)
    if not digits:
        return False
    whole = str(int(value)) if value == int(value) else ""
    for m in re.finditer(r"\d[\d,.]*", text):
        number = m.group().rstrip(".,").replace(",", "")
        try:
            amount = float(number)
        except ValueError:
            continue
        if amount == value or any(abs(amount * scale - value) < 1e-6 * max(1.0, value)
                                  for scale in (1e3, 1e6, 1e9)):
            return True
    return bool(whole) and any(spelled_value(m.group()) == int(value)
                               for m in _NUMBER_WORDS.finditer(fold(text)) if len(m.group()) > 2)


def _gives_alike(model, article: str, figure: Figure) -> bool:
    """Whether the article gives an amount of the same kind that may be this one ("some 33,000
    workers" beside "roughly 30,000 workers"): it may not be offered as lacking the figure."""
    return any(other.article == article and other.category == figure.category
               and other.unit == figure.unit and compatible(other, figure)
               and (other.counts.kind == figure.counts.kind
                    or other.counts.event == figure.counts.event)
               for other in model.figures)


def _alike_elsewhere(model, figure: Figure, shown_already: set[str]) -> list[Figure]:
    """Outlets giving an amount that may be this one, written another way ("$14.3 billion"
    beside "$14.4 billion" for one sum in euros): neither key nor wrong, but worth saying."""
    fact = next((f for f in model.facts if figure in f.figures), None)
    found: dict[str, Figure] = {}
    for other in (fact.figures if fact is not None else ()):
        if other.article not in shown_already and compatible(other, figure) \
                and len(by_amount([other, figure])) > 1 and label(model, other.article):
            found.setdefault(other.article, other)
    return list(found.values())


def _carriers(model, figure: Figure) -> dict[str, Figure]:
    """Article -> its sentence giving the detail, the article's own words before its headline."""
    carriers: dict[str, Figure] = {}
    alike = [other for other in model.figures if _same_detail(figure, other)
             and label(model, other.article) and sentence_of(model, other) is not None]
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
    return next((f for f in model.figures if f.article == article and f.place == "body"
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
    fact = next((f for f in model.facts if figure in f.figures), None)
    differing = _differing(model, fact, figure, carriers)
    lacking = [r.id for r in model.articles if r.complete and r.id not in carriers
               and r.id not in differing and label(model, r.id)
               and not _carries_number(r.text, figure) and not _gives_alike(model, r.id, figure)
               and not (fact is not None and any(f.article == r.id for f in fact.figures))]
    if not carriers or len(carriers) > 3 or len(differing) + len(lacking) < 2:
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
    asked: set[int] = set()
    candidates = sorted((f for f in model.figures if _worth_asking(model, f)),
                        key=lambda f: -len({o.article for o in model.figures
                                            if _same_detail(f, o)}))
    for figure in candidates:
        fact = _fact_of(model, figure)
        spot = id(fact) if fact is not None else hash((figure.value, figure.counts.kind))
        if spot in asked:
            continue
        found = _question(model, figure)
        if found is not None:
            asked.add(spot)
            questions.append(found)
    return questions[:MAX_QUESTIONS]
