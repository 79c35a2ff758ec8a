"""Why two outlets give different figures for one fact, as far as their own sentences show: the
count rose between the days they give, the count was at a different stage, or both convert the
same amount into another currency or unit. A question asks the reason; the wrong reasons offered
are each shown false by the two sentences themselves (both in the body, neither rounded, no
source credited by either...)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact, compatible
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import question
from quizapp.generators.writing.figures import (
    by_amount,
    contested,
    contradicts_itself,
    dated,
    fact_of,
    in_article,
    label,
    outlet_figures,
    sentence_of,
    shown,
    source_name,
)

# The reasons a student chooses from, in the same form: one short sentence each.
REASONS = {
    "time": "The figure changed: they give it on different days",
    "stage": "They give it at different stages of the count",
    "conversion": "Both convert the same amount, each rounding its own way",
    "currencies": "Both convert the same amount, into different currencies",
    "rounding": "One of them rounds the figure",
    "scope": "They count different things: one leaves some out",
    "source": "They credit the figure to different sources",
    "headline": "One of them gives it only in a headline",
    "qualifier": "One of them gives a floor or an estimate",
    "further": "One of them rounds the figure further",
}


@dataclass(frozen=True)
class Difference:
    """Two outlets' figures for one fact and the reason their sentences show for the gap."""

    fact: Fact
    first: Figure  # the earlier, the partial, or the first converted figure
    second: Figure
    reason: str  # "time", "stage", "conversion" or "currencies"
    originals: tuple[Figure, ...] = ()  # for a conversion: the amounts both convert


# Pairs are sought among this many figures of a fact at most: a story of hundreds of articles
# stays linear, and the outlets printing a fact first are the ones a question would show.
MAX_PAIRED = 40

# --- finding pairs ----------------------------------------------------------------------------


def _usable(model, fact: Fact) -> dict[str, list[Figure]]:
    """The outlets' figures that may stand in a pair: outlets that do not contradict themselves."""
    return {a: figs for a, figs in outlet_figures(model, fact).items()
            if not contradicts_itself(fact, a) and all(f.place == "body" for f in figs)}


def _one_value(figures: list[Figure]) -> Figure | None:
    """The outlet's one value for the fact, or None when it gives several."""
    groups = by_amount(figures)
    return groups[0][0] if len(groups) == 1 else None


def time_difference(model, fact: Fact) -> Difference | None:
    """Two outlets giving a count that rose between the days their sentences give: the later
    day's count is the higher, and the two cannot both be one count."""
    if fact.category != "count" or not fact.label or not fact.own:
        return None
    found = []
    for article, figures in _usable(model, fact).items():
        figure = _one_value(figures)
        when = dated(model, figure) if figure is not None else None
        if when is not None and figure.update:
            found.append((when, figure))
    found = sorted(found[:MAX_PAIRED], key=lambda pair: (pair[0], pair[1].value))
    for i, (early_day, early) in enumerate(found):
        for late_day, late in reversed(found[i + 1:]):
            if late_day > early_day and late.value > early.value and not compatible(early, late):
                return Difference(fact, early, late, "time")
    return None


def stage_share(figure: Figure) -> float | None:
    """How much had been counted, as a share: "all the votes" is 100, "99.1%" is 99.1; None
    when the sentence gives no stage or one these rules cannot place ("300 of 412 precincts")."""
    stage = figure.stage.lower()
    if not stage:
        return None
    if re.search(r"\ball\b", stage) and not re.search(r"\b(?:nearly|almost|virtually) all\b",
                                                     stage):
        return 100.0
    m = re.search(r"(\d[\d.,]*)\s?(?:%|percent|per cent)", stage)
    return float(m.group(1).replace(",", "")) if m else None


def stage_difference(model, fact: Fact) -> Difference | None:
    """Two outlets giving a share at different stages of the count ("with 99.1% of voting
    machines counted" against "with all the votes counted"), their values in conflict."""
    if not fact.label or not fact.own:
        return None
    found = []
    for figures in _usable(model, fact).values():
        figure = _one_value(figures)
        share = stage_share(figure) if figure is not None else None
        if share is not None:
            found.append((share, figure))
    found = sorted(found[:MAX_PAIRED], key=lambda pair: pair[0])
    for early_share, early in found:
        for late_share, late in reversed(found):
            if late_share > early_share and not compatible(early, late) \
                    and not _more_than(early, late_share):
                return Difference(fact, early, late, "stage")
    return None


def _more_than(figure: Figure, share: float) -> bool:
    """"more than 99%" may already be the later stage: no order can be told."""
    return bool(re.search(r"\b(?:more than|over|just over)\b", figure.stage, re.I)) \
        and share < 100


def _original(model, figure: Figure) -> Figure | None:
    """The amount a converted figure converts: the figure right before it in its sentence."""
    figures = in_article(model, figure.article)
    at = figures.index(figure)
    before = figures[at - 1] if at else None
    if before is None or before.sentence is not figure.sentence or before.converted:
        return None
    return before


def conversion_differences(model) -> list[Difference]:
    """Pairs of outlets converting one amount of a fact ("€13 billion") into different amounts
    ("$14.4 billion", "$14.3 billion", "£1bn"): not a disagreement, the same sum."""
    groups: dict[tuple, list[tuple[Figure, Figure]]] = {}
    for figure in model.figures:
        if not figure.converted or figure.place != "body" or sentence_of(model, figure) is None:
            continue
        original = _original(model, figure)
        fact = fact_of(model, original) if original is not None else None
        if fact is None or not fact.label or not fact.own or not label(model, figure.article):
            continue
        key = (id(fact), original.unit, round(original.value, 6), original.qualifier)
        groups.setdefault(key, []).append((original, figure))
    found = []
    for pairs in groups.values():
        one = {}
        for original, figure in pairs:
            one.setdefault(figure.article, (original, figure))
        found.extend(_converted_pair(model, list(one.values())))
    return found


def _converted_pair(model, pairs: list[tuple[Figure, Figure]]) -> list[Difference]:
    for i, (original_a, a) in enumerate(pairs):
        for original_b, b in pairs[i + 1:]:
            if len(by_amount([a, b])) == 1 or a.qualifier or b.qualifier:
                continue
            reason = "conversion" if a.unit == b.unit else "currencies"
            fact = fact_of(model, original_a)
            return [Difference(fact, a, b, reason, (original_a, original_b))]
    return []


_LEAVES_OUT = re.compile(r"^(?:not counting|not including|excluding|which excludes|counting only)\b")
_LEAVES_IN = re.compile(r"^(?:including|which includes|plus)\b")


def scope_differences(model) -> list[Difference]:
    """Pairs of outlets whose counts differ and whose sentences say what each leaves out or in
    ("13, not counting any victims in Mexico Beach" against "14, including the victim found in
    the rubble of Florida's Mexico Beach"), the two naming the same thing."""
    found = []
    for fact in model.facts:
        if not fact.label or not fact.own or fact.category != "count":
            continue
        sides = [f for figs in _usable(model, fact).values()
                 if (f := _one_value(figs)) and f.scope][:MAX_PAIRED]
        out = [f for f in sides if _LEAVES_OUT.match(f.scope.lower())]
        into = [f for f in sides if _LEAVES_IN.match(f.scope.lower())]
        pair = next(((a, b) for a in out for b in into if a.article != b.article
                     and not compatible(a, b) and _same_thing(a.scope, b.scope)), None)
        if pair is not None:
            found.append(Difference(fact, *pair, "scope"))
    return found


def _same_thing(a: str, b: str) -> bool:
    """Two scopes naming one thing: a capitalised word in common ("Mexico Beach")."""
    return bool(set(re.findall(r"\b[A-Z]\w+", a)) & set(re.findall(r"\b[A-Z]\w+", b)))


def rounding_differences(model) -> list[Difference]:
    """Pairs of outlets giving one amount precisely ("2,031,220", "50.9%") and rounded in a way
    the precise amount satisfies ("more than 2 million", "51%"): one figure, written two ways."""
    found = []
    for fact in model.facts:
        if not fact.label or not fact.own or fact.category not in ("count", "money", "percent"):
            continue
        sides = _usable(model, fact)
        figures = [f for figs in sides.values() for f in figs if not f.converted][:MAX_PAIRED]
        pair = next(((a, b) for a in figures if _precise(a) for b in figures
                     if b.article != a.article and _rounds(a, b)), None)
        if pair is not None:
            found.append(Difference(fact, pair[1], pair[0], "rounding"))
    return found


def _precise(figure: Figure) -> bool:
    """Written to the unit with four significant digits or more ("2,031,220"), or a share to a
    decimal ("50.9%"), with no qualifier."""
    if figure.qualifier:
        return False
    if figure.category == "percent":
        return _decimals(figure) > 0
    digits = re.sub(r"\D", "", figure.number)
    return not figure.quantity.precision and len(digits.rstrip("0")) >= 4


def _rounds(precise: Figure, other: Figure) -> bool:
    """The other figure is a coarser writing of the precise one: "more than 2 million" of
    2,031,220, "51%" of 50.9%."""
    if other.quantity.precision <= precise.quantity.precision or not compatible(precise, other) \
            or len(by_amount([precise, other])) == 1:
        return False
    if precise.category == "percent":
        return not other.qualifier and _decimals(other) == 0
    return bool(other.qualifier) and _within_a_step(precise.value, other)


# Where a qualified round figure puts the true value, in steps of its last written digit.
_STEPS = {"above": (0, 1), "atleast": (0, 1), "justover": (0, 1), "about": (-0.5, 0.5),
          "near": (-1, 0), "below": (-1, 0), "atmost": (-1, 0)}


def _within_a_step(value: float, rounded: Figure) -> bool:
    """Whether `rounded` ("more than 2 million") is how a writer rounds `value`: 2,031,220 is,
    13,293 is not "more than 5,000" (that figure is a floor of another moment's count)."""
    step = 2 * rounded.quantity.precision
    low, high = _STEPS.get(rounded.qualifier, (0, 0))
    return step > 0 and rounded.value + low * step <= value <= rounded.value + high * step


# --- asking why -------------------------------------------------------------------------------


def _decimals(figure: Figure) -> int:
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", figure.number)
    return len(number.group(1) or "") if number else 0


def _wrong_reasons(pair: Difference) -> list[str]:
    """The reasons the two sentences themselves show false."""
    a, b = pair.first, pair.second
    wrong = []
    if pair.reason in ("scope", "rounding") and a.category == "percent" \
            and not (a.stage or b.stage):
        wrong.append("stage")  # a share of a vote: "stages of the count" is a plausible reason
    if pair.reason in ("conversion", "currencies"):
        wrong.append("time")  # both convert one amount: the sum did not change between them
    if a.source.kind == "outlet" and b.source.kind == "outlet" and not (a.quoted or b.quoted):
        wrong.append("source")  # neither credits anyone
    wrong.append("headline")  # both pairs are read from the articles' own sentences
    if pair.reason in ("time", "rounding") and a.category == "count" \
            and not (a.scope or b.scope or a.where or b.where):
        wrong.append("scope")  # neither says it leaves anything out or counts one place
    if pair.reason == "rounding" and not (a.converted or b.converted):
        wrong.append("conversion")
    if not (a.qualifier or b.qualifier) and pair.reason in ("time", "stage"):
        wrong.append("qualifier")
    if pair.reason in ("time", "stage", "scope") and _decimals(a) == _decimals(b) \
            and a.quantity.precision == b.quantity.precision and not (a.qualifier or b.qualifier):
        wrong.append("further")
    return wrong


_RELATIVE = ("yesterday", "today", "tonight", "overnight", "last night", "this morning")


def _told(model, figure: Figure, pair: Difference) -> str:
    outlet = label(model, figure.article)
    said = f"{outlet} gives {shown(figure)}"
    if pair.reason == "time":
        when = dated(model, figure)
        day = f"{when:%A} {when.day} {when:%B}"
        if any(word in figure.when.lower() for word in _RELATIVE):
            return (f"{said} \u201c{figure.when}\u201d (in its edition of "
                    f"{_edition(model, figure)}: {day})")
        return f"{said} \u201c{figure.when}\u201d ({day})"
    if pair.reason == "stage":
        return f"{said} \u201c{figure.stage}\u201d"
    if pair.reason == "rounding":
        return said
    if pair.reason == "scope":
        return f"{said}, \u201c{figure.scope}\u201d"
    original = pair.originals[0] if figure is pair.first else pair.originals[1]
    return f"{said}, converting {shown(original)}"


def _edition(model, figure: Figure) -> str:
    """The article's date as a reader says it: "14 October"."""
    import datetime as dt

    published = dt.date.fromisoformat(model.story.article(figure.article).date[:10])
    return f"{published.day} {published:%B}"


def _lesson(pair: Difference) -> str:
    amount = "sum" if pair.first.category == "money" else "amount"
    return {
        "time": "A toll or a count rises as it is updated: note when each figure was given "
                "before calling either outlet wrong.",
        "stage": "A share moves until the last votes are counted: a figure from a partial count "
                 "is early, not wrong.",
        "conversion": f"It is one {amount}, converted at slightly different rates or rounded "
                      "differently: not a disagreement.",
        "currencies": f"It is one {amount}, converted into different currencies: not a "
                      "disagreement.",
        "rounding": f"It is one {amount}: the exact figure lies within the rounded one, so they "
                    "do not disagree.",
        "scope": "Before setting two counts against each other, read what each one covers.",
    }[pair.reason]


def why_question(kind: str, model, pair: Difference, confidence: float = 1.0,
                 reasons: tuple[str, ...] = ()) -> Question | None:
    """"A gives X and B gives Y. What do their articles show about why the figures differ?"."""
    wrong = _wrong_reasons(pair)[:3]
    if len(wrong) < 2:
        return None
    a, b = pair.first, pair.second
    prompt = (f"{label(model, a.article)} gives {pair.fact.label} as {shown(a)} and "
              f"{label(model, b.article)} as {shown(b)}. What do their articles show about why "
              "the figures differ?")
    explanation = f"{_told(model, a, pair)}; {_told(model, b, pair)}. {_lesson(pair)}"
    evidence = [sentence_of(model, a), sentence_of(model, b)]
    return question(kind, prompt, [REASONS[pair.reason]], [REASONS[r] for r in wrong],
                    explanation, evidence, confidence, reasons)


def new_ground(asked: Question, questions: list[Question]) -> bool:
    """Whether a question rests on sentences no earlier question of the list rests on: two
    shares of one vote ("50.8% against 49.2%") are one sentence, asked once."""
    used = {(e.article, e.text) for q in questions for e in q.evidence}
    return not any((e.article, e.text) in used for e in asked.evidence)


def over_time(model, fact: Fact) -> bool:
    """The texts explain the outlets' difference by when, or how far into a count, each figure
    was given: the timeline kind asks why, not which outlet."""
    return stage_difference(model, fact) is not None or time_difference(model, fact) is not None


def asked_by_outlet(model, fact: Fact) -> bool:
    """Whether the conflict kind asks the fact as "which outlet gives N?": a prompt of another
    kind showing an outlet's value of it would give the answer away."""
    return contested(fact) and not over_time(model, fact)
