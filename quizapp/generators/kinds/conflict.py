"""Cross-checking: outlets give different values for one fact (a toll, a share of a vote, a
sum). "Which outlet gives N?": the wrong choices are outlets printing a different value of the
same fact, each proven by its own sentence; the explanation says who gave each value and why
they differ where the text says (a different source, a later count, a qualifier)."""
from __future__ import annotations

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import MAX_CHOICES, choose_all, picked, question
from quizapp.generators.writing.figures import (
    by_amount,
    different_days,
    gives,
    in_article,
    label,
    sentence_of,
    shown,
    why_they_differ,
)

KIND = "conflict"
MAX_QUESTIONS = 5
MAX_PER_FACT = 2


def _by_article(figures: tuple[Figure, ...]) -> dict[str, list[Figure]]:
    found: dict[str, list[Figure]] = {}
    for figure in figures:
        found.setdefault(figure.article, []).append(figure)
    return found


def _provable(model, figures: list[Figure]) -> list[Figure]:
    """The figures that a sentence may be shown for, body sentences first."""
    usable = [f for f in figures if sentence_of(model, f) is not None]
    return sorted(usable, key=lambda f: f.place == "headline")


def _question(model, fact: Fact, index: int) -> Question | None:
    value = fact.values[index]
    clash = set(fact.conflicting(index))
    per_article = _by_article(fact.figures)
    keyed = {a: _provable(model, [f for f in figs if f in value.figures])
             for a, figs in per_article.items() if any(f in value.figures for f in figs)}
    keyed = {a: figs for a, figs in keyed.items() if figs and label(model, a)}
    wrong = {}
    for article, figs in per_article.items():
        if article in keyed or not label(model, article):
            continue
        indices = {i for i, v in enumerate(fact.values) for f in figs if f in v.figures}
        usable = _provable(model, figs)
        # Wrong only when every value it prints cannot be this one, and not because it counts
        # another day.
        if indices <= clash and usable and len(usable) == len(figs) \
                and not different_days(keyed_figures(keyed), figs) \
                and not _prints_amount(model, article, value.first):
            wrong[article] = usable
    if not keyed or len(wrong) < 2 or len(keyed) > 2:
        return None
    printed = {shown(f).lower() for f in keyed_figures(keyed)}
    shown_value = shown(keyed_figures(keyed)[0])
    if len(printed) > 1 and value.first.category == "percent":
        shown_value = f"{value.first.value:g}%"  # "49.2 percent" and "49.2%": one amount
    room = MAX_CHOICES - len(keyed)
    chosen = picked(sorted(wrong), f"{fact.label}{shown_value}", room)
    prompt = (f"Outlets give different figures for {fact.label}. "
              f"{'Which outlet gives' if len(keyed) == 1 else 'Which outlets give'} "
              f"{shown_value}?{choose_all(len(keyed))}")
    keys = [label(model, a) for a in keyed]
    wrong_labels = [label(model, a) for a in chosen]
    evidence = [sentence_of(model, figs[0]) for figs in keyed.values()]
    evidence += [sentence_of(model, wrong[a][0]) for a in chosen]
    everyone = [gives(model, _all_in(fact, a)) for a in keyed]
    everyone += [gives(model, wrong[a]) for a in chosen]
    explanation = (f"Outlets disagree on {fact.label}: {'; '.join(everyone)}. "
                   + why_they_differ(model, [f for a in keyed for f in _all_in(fact, a)],
                                     [f for a in chosen for f in wrong[a]]))
    confidence, reasons = _confidence(keyed, {a: wrong[a] for a in chosen})
    return question(KIND, prompt, keys, wrong_labels, explanation, evidence, confidence, reasons)


def _prints_amount(model, article: str, figure: Figure) -> bool:
    """Whether the article prints the amount anywhere, for this fact or not ("the union put the
    number at 12,000"): it may not be offered as not giving it."""
    return any(other.category == figure.category
               and len(by_amount([other, figure])) == 1 for other in in_article(model, article))


def _all_in(fact: Fact, article: str) -> list[Figure]:
    """Every figure an outlet gives for the fact: one printing two values says both."""
    return [f for f in fact.figures if f.article == article and f.sentence.role != "caption"]


def keyed_figures(keyed: dict[str, list[Figure]]) -> list[Figure]:
    return [f for figs in keyed.values() for f in figs]


def _confidence(keyed: dict[str, list[Figure]],
                wrong: dict[str, list[Figure]]) -> tuple[float, list[str]]:
    confidence, reasons = 1.0, []
    if any(len(figs) > 1 for figs in wrong.values()):
        confidence *= 0.95
        reasons.append("an outlet offered as wrong prints more than one figure for it")
    return round(confidence, 3), reasons


def _asked_values(fact: Fact) -> list[int]:
    """The values worth asking about, the rarest first: the odd one out is the lesson."""
    def givers(index: int) -> int:
        same = [v for v in fact.values if len(by_amount([v.first, fact.values[index].first])) == 1]
        return len({a for v in same for a in v.articles})

    order = sorted(range(len(fact.values)), key=lambda i: (givers(i), i))
    return [i for i in order if fact.conflicting(i)]


_FLOORS = {"atleast": "at least", "above": "more than"}


def _dropped_floor(model, fact: Fact) -> Question | None:
    """One amount written with "more than" or "at least" by most outlets and bare by a few: the
    same figure, but the bare one reads as an exact count. Articles only (a headline dropping
    it is the headline kind's)."""
    for group in by_amount([f for f in fact.figures if f.place == "body"]):
        forms: dict[str, set[str]] = {}
        for figure in group:
            forms.setdefault(figure.article, set()).add(figure.qualifier)
        bare = [a for a, q in forms.items() if q == {""}]
        floors = [a for a, q in forms.items() if len(q) == 1 and next(iter(q)) in _FLOORS]
        words = {_FLOORS[next(iter(forms[a]))] for a in floors}
        if not bare or len(bare) > 2 or len(floors) < 2 or len(floors) <= len(bare) \
                or len(words) != 1:
            continue
        (word,) = words
        first = {a: next(f for f in group if f.article == a and sentence_of(model, f))
                 for a in bare + floors if any(f.article == a and sentence_of(model, f)
                                               for f in group)}
        bare = [a for a in bare if a in first and label(model, a)]
        floors = picked([a for a in floors if a in first and label(model, a)], fact.label,
                        MAX_CHOICES - len(bare))
        if not bare or len(floors) < 2:
            continue
        amount = shown(first[bare[0]])
        prompt = (f"Most outlets give {fact.label} as \u201c{word} {amount}\u201d. "
                  f"{'Which outlet writes' if len(bare) == 1 else 'Which outlets write'} it as "
                  f"{amount}, without \u201c{word}\u201d?{choose_all(len(bare))}")
        gives = [f"{label(model, a)} gives {shown(first[a])}" for a in bare + floors]
        explanation = ("; ".join(gives)
                       + f". It is the same figure, but without \u201c{word}\u201d it reads as an "
                       "exact count: a qualifier is part of the figure.")
        return question(KIND, prompt, [label(model, a) for a in bare],
                        [label(model, a) for a in floors], explanation,
                        [sentence_of(model, first[a]) for a in bare + floors])
    return None


def write(model) -> list[Question]:
    questions: list[Question] = []
    for fact in model.facts:
        if not fact.label:
            continue
        dropped = _dropped_floor(model, fact)
        if dropped is not None:
            questions.append(dropped)
        if not fact.conflicts:
            continue
        asked = 0
        per_fact = MAX_PER_FACT if len(fact.values) >= 4 else 1
        for index in _asked_values(fact):
            found = _question(model, fact, index)
            if found is not None and asked < per_fact:
                questions.append(found)
                asked += 1
        if len(questions) >= MAX_QUESTIONS:
            break
    return questions[:MAX_QUESTIONS]
