"""Cross-checking: outlets give different values for one fact (a toll, a share of a vote, a
sum). "Which outlet gives N?": the wrong choices are outlets printing a different value of the
same fact, each proven by its own sentence; the explanation says who gave each value and why
they differ where the text says. An outlet that gives two values itself is no side in the
disagreement (its slip is the headline kind's lesson), and a difference the texts explain by
time or by the stage of a count is the timeline kind's. Also: two outlets converting one amount
into different figures ("$14.4 billion", "$14.3 billion"), asked as why they differ, and a figure
written without the "more than" most outlets give."""
from __future__ import annotations

import re

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact, compatible
from quizapp.generators.reading.figures import Figure
from quizapp.generators.reading.quantities import spelled_value
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import MAX_CHOICES, choose_all, picked, question
from quizapp.generators.writing.disagreements import MOVED, copies, doubts
from quizapp.generators.writing.differences import (
    conversion_differences,
    new_ground,
    over_time,
    rounding_differences,
    scope_differences,
    why_question,
)
from quizapp.generators.writing.figures import (
    by_amount,
    contradicts_itself,
    different_days,
    FLOORS,
    dropped_floor,
    gives,
    in_article,
    label,
    outlet_figures,
    sentence_of,
    shown,
    why_they_differ,
)

KIND = "conflict"
WRITTEN_TWO_WAYS = 0.5  # below the bar: to the review queue, never approved unread
MAX_QUESTIONS = 5
MAX_CONVERSIONS = 1


UNSURE = 0.5  # a difference that may not be a disagreement: to the review queue, with why


def _sides(model, fact: Fact) -> dict[str, list[Figure]]:
    """Article -> its figures for the fact in its body, for the outlets that give one value of
    it (a headline's figure against its own body is the headline kind's lesson)."""
    return {a: body for a, figs in outlet_figures(model, fact).items()
            if not contradicts_itself(fact, a)
            and (body := [f for f in figs if f.place == "body"])}


def _prints_number(model, article: str, figure: Figure) -> bool:
    """Whether the article prints the figure's number anywhere, in digits or in words ("all 179
    people", "two survivors"): it may give that value too, however the reading took it."""
    text = fold(model.article(article).text)
    numbers = re.findall(r"\d[\d,.]*\d|\d", figure.text)
    if not numbers and figure.value == int(figure.value):
        numbers = [n for n in re.findall(r"[a-z]+", fold(figure.text))
                   if spelled_value(n) == figure.value]
    return any(re.search(r"(?<![\d,.])" + re.escape(fold(n)) + r"(?![\d]|[,.]\d)", text)
               for n in numbers)


def _prints_amount(model, article: str, figure: Figure) -> bool:
    """Whether the article prints the amount anywhere, for this fact or not ("the union put the
    number at 12,000"): it may not be offered as not giving it."""
    return any(other.category == figure.category
               and len(by_amount([other, figure])) == 1 for other in in_article(model, article))


def _shown_value(figures: list[Figure]) -> str:
    """The asked value as the keyed outlets print it in their articles."""
    printed = {shown(f).lower() for f in figures}
    if len(printed) > 1 and figures[0].category == "percent":
        return f"{figures[0].value:g}%"  # "49.2 percent" and "49.2%": one amount
    return shown(figures[0])


def _odd_one_out(model, fact: Fact) -> Question | None:
    """The value one or two outlets give against the others', rarest first."""
    sides = _sides(model, fact)
    groups = sorted(by_amount([f for figs in sides.values() for f in figs]),
                    key=lambda g: len({f.article for f in g}))
    for group in groups:
        keyed = {a: [f for f in sides[a] if f in group] for a in dict.fromkeys(
            f.article for f in group)}
        if len(keyed) > 2:
            continue
        asked = [f for figs in keyed.values() for f in figs]
        wrong = {a: figs for a, figs in sides.items() if a not in keyed
                 and not any(compatible(f, k) for f in figs for k in asked)
                 and not different_days(asked, figs)
                 and not _prints_amount(model, a, group[0])}
        # A keyed outlet printing another side's number may give that value too ("120 have been
        # confirmed ... all 179 are believed dead"): it is no side.
        if any(_prints_number(model, k, f) for k in keyed for figs in wrong.values()
               for f in figs):
            continue
        wrong = _one_voice(model, wrong)
        if len(wrong) >= 2:
            return _which_gives(model, fact, keyed, wrong)
    return None


def _one_voice(model, wrong: dict[str, list[Figure]]) -> dict[str, list[Figure]]:
    """The wrong sides with only the first of two outlets carrying one text: a copy is not a
    second voice."""
    kept: dict[str, list[Figure]] = {}
    for article in sorted(wrong):
        if not any(copies(model, [article, other]) for other in kept):
            kept[article] = wrong[article]
    return kept


def _which_gives(model, fact: Fact, keyed: dict[str, list[Figure]],
                 wrong: dict[str, list[Figure]]) -> Question:
    asked = [f for figs in keyed.values() for f in figs]
    value = _shown_value(asked)
    chosen = picked(sorted(wrong), f"{fact.label}{value}", MAX_CHOICES - len(keyed))
    unsure = doubts(model, fact, asked + [f for a in chosen for f in wrong[a]])
    prompt = (f"Outlets give different figures for {fact.label}. "
              f"{'Which outlet gives' if len(keyed) == 1 else 'Which outlets give'} "
              f"{value}?{choose_all(len(keyed))}")
    if fact.event == "since":  # "first ... since 1986": the year a record is measured from
        prompt = _since_prompt(model, fact, asked, value, len(keyed))
    evidence = [sentence_of(model, figs[0]) for figs in keyed.values()]
    evidence += [sentence_of(model, wrong[a][0]) for a in chosen]
    everyone = [gives(model, figs) for figs in keyed.values()]
    everyone += [gives(model, wrong[a]) for a in chosen]
    opening = (f"Outlets disagree on {fact.label}" if not unsure
               else f"The outlets\u2019 figures for {fact.label}")
    explanation = (f"{opening}: {'; '.join(everyone)}. "
                   + why_they_differ(model, asked, [f for a in chosen for f in wrong[a]],
                                     moved=MOVED in unsure))
    return question(KIND, prompt, [label(model, a) for a in keyed],
                    [label(model, a) for a in chosen], explanation, evidence,
                    UNSURE if unsure else 1.0, unsure)


def _since_prompt(model, fact: Fact, asked: list[Figure], value: str, keys: int) -> str:
    """The record's own words as the key's sentence prints them ("the first time since 1982"),
    so the prompt says what is counted from the year, not a template's "a given year"."""
    word = fact.label.split("\u201c")[1].split()[0]
    sentence = sentence_of(model, asked[0]).text
    span = re.search(rf"\b{re.escape(word)}\b[^.;:]{{0,60}}?\bsince\s+{re.escape(value)}\b",
                     sentence, re.IGNORECASE)
    words = span.group(0) if span else f"{word} \u2026 since {value}"
    return (f"Outlets disagree on the year in \u201c{word} \u2026 since \u2026\u201d. "
            f"{'Which outlet writes' if keys == 1 else 'Which outlets write'} "
            f"\u201c{words}\u201d?{choose_all(keys)}")


def _dropped_floor(model, fact: Fact) -> Question | None:
    """One amount written with "more than" or "at least" by most outlets and bare by a few: the
    same figure, but the bare one reads as an exact count. Articles only (a headline dropping
    it is the headline kind's)."""
    found = dropped_floor(fact)
    if found is None:
        return None
    group, bare, floors, word = found
    # "claiming at least 144 lives", then "confirmed 144 deaths": the outlet kept the floor in
    # its own voice (a floor inside a quoted memo is the memo's).
    bare = [a for a in bare if not any(
        f.article == a and f.qualifier in FLOORS and not f.quoted
        and len(by_amount([f, group[0]])) == 1 for f in in_article(model, a))]
    first = {a: next(f for f in group if f.article == a and sentence_of(model, f))
             for a in bare + floors if any(f.article == a and sentence_of(model, f)
                                           for f in group)}
    bare = [a for a in bare if a in first and label(model, a)]
    floors = picked([a for a in floors if a in first and label(model, a)], fact.label,
                    MAX_CHOICES - len(bare))
    if not bare or len(floors) < 2:
        return None
    amount = shown(first[bare[0]])
    prompt = (f"Most outlets give {fact.label} as \u201c{word} {amount}\u201d. "
              f"{'Which outlet writes' if len(bare) == 1 else 'Which outlets write'} it as "
              f"{amount}, without \u201c{word}\u201d?{choose_all(len(bare))}")
    told = [f"{label(model, a)} gives {shown(first[a])}" for a in bare + floors]
    explanation = ("; ".join(told)
                   + f". It is the same figure, but without \u201c{word}\u201d it reads as an "
                   "exact count: a qualifier is part of the figure.")
    # A bare count of a later moment may be exact, and a copy drops nothing of its own.
    unsure = doubts(model, fact, [first[a] for a in bare + floors], amounts_differ=False)
    return question(KIND, prompt, [label(model, a) for a in bare],
                    [label(model, a) for a in floors], explanation,
                    [sentence_of(model, first[a]) for a in bare + floors],
                    UNSURE if unsure else 1.0, unsure)


def _same_amounts(model) -> list[Question]:
    """Two outlets' figures that do not disagree, asked as why they differ: counts of different
    things, one amount converted two ways (sums first: a currency changes what readers take away
    more than kilometres do), an exact figure against its rounding."""
    found = []
    pairs = sorted(conversion_differences(model), key=lambda p: p.first.category != "money")
    chosen = [*scope_differences(model)[:1], *pairs[:MAX_CONVERSIONS],
              *rounding_differences(model)[:1]]
    for pair in chosen:
        # One amount written two ways (a conversion, a rounding) shows its answer in the prompt
        # ("$1.3 billion" against "£1bn", "249 kph" against "250 kph"): blind graders found these
        # giveaways or trivia, so they wait in the review queue for a teacher who wants one.
        if pair.reason == "scope":
            confidence, why = 0.9, "two counts of different things, as their sentences say"
        else:
            confidence, why = WRITTEN_TWO_WAYS, ("one amount written two ways, which the prompt "
                                                 "may show at a glance: read before approving")
        asked = why_question(KIND, model, pair, confidence, (why,))
        if asked is not None:
            found.append(asked)
    return found


# A rank is asked only where at least this many outlets rank the same thing.
MIN_RANKED = 3
RANK_DOUBT = 0.8
_RANK_REASON = ("ranks are read from their words (\u201c15th-largest bank\u201d): check that every "
                "outlet ranks the same thing")


def _rank_question(model) -> Question | None:
    """Outlets ranking one thing differently ("15th-largest bank" against "16th-largest bank"):
    "Which outlet calls it the 15th-largest bank?", keyed to the outlets giving the rarer rank,
    each other outlet shown giving another. An outlet giving two ranks of it takes no side."""
    groups: dict[tuple[str, str], dict[str, set[int]]] = {}
    first: dict[tuple[tuple[str, str], str], object] = {}
    for rank in model.ranks:
        if not label(model, rank.article):
            continue
        groups.setdefault(rank.thing, {}).setdefault(rank.article, set()).add(rank.ordinal)
        first.setdefault((rank.thing, rank.article), rank)
    for thing, by_article in groups.items():
        sides = {a: next(iter(o)) for a, o in by_article.items() if len(o) == 1}
        ordinals = sorted(set(sides.values()))
        if len(sides) < MIN_RANKED or len(ordinals) < 2:
            continue
        odd = min(ordinals, key=lambda o: (sum(v == o for v in sides.values()), o))
        keys = [a for a, o in sides.items() if o == odd]
        wrong = [a for a, o in sides.items() if o != odd]
        if len(keys) * 2 >= len(sides):
            continue  # no rank the others set apart
        wrong = picked(sorted(wrong), f"{thing}{odd}", MAX_CHOICES - len(keys))
        shown = first[(thing, keys[0])].passage.text
        told = [f"{label(model, a)} gives \u201c{first[(thing, a)].passage.text}\u201d"
                for a in [*keys, *wrong]]
        # The prompt names no subject ("it" was graded garbled): the evidence shows what each
        # outlet ranks, and the question asks only who wrote which rank.
        prompt = (f"Outlets give different ranks among the {thing[0]} {_plural(thing[1])}. "
                  f"{'Which outlet writes' if len(keys) == 1 else 'Which outlets write'} "
                  f"\u201c{shown}\u201d?{choose_all(len(keys))}")
        explanation = ("; ".join(told) + ". A rank depends on the list behind it (by what "
                       "measure, and as of when): check which list an outlet used before "
                       "repeating a rank.")
        evidence = [first[(thing, a)].sentence for a in [*keys, *wrong]]
        return question(KIND, prompt, [label(model, a) for a in keys],
                        [label(model, a) for a in wrong], explanation, evidence, RANK_DOUBT,
                        [_RANK_REASON])
    return None


def _plural(noun: str) -> str:
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


def write(model) -> list[Question]:
    questions: list[Question] = []
    for fact in model.facts:
        if not fact.label or not fact.own:
            continue
        found = None
        if fact.conflicts and not over_time(model, fact):
            found = _odd_one_out(model, fact)
        found = found or _dropped_floor(model, fact)
        if found is not None and new_ground(found, questions):
            questions.append(found)
    questions += [q for q in _same_amounts(model) if new_ground(q, questions)]
    ranked = _rank_question(model)
    if ranked is not None and new_ground(ranked, questions):
        questions.append(ranked)
    return questions[:MAX_QUESTIONS]
