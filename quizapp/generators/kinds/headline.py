"""Framing: what a headline claims against what its own article says. A headline whose figure its
own article contradicts ("13 killed" over "at least 17 people are dead"; "1200 jobs" over a memo
saying "approximately 12,000 roles"), asked as the outlet contradicting itself; or a headline
dropping the "at least" its article gives an exact count so far (a headline rounding "more than 2
million" to "2 million" only rounds, and is not asked). Every choice is an outlet whose headline
and article sentences are both shown."""
from __future__ import annotations

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact, compatible
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import MAX_CHOICES, choose_all, picked, question
from quizapp.generators.writing.figures import by_amount, label, sentence_of, shown

KIND = "headline"
MAX_QUESTIONS = 3
# A headline may drop only this qualifier without merely rounding: an exact count so far.
_FLOORS = {"atleast": "at least"}


def _pairs(model, fact: Fact) -> dict[str, tuple[list[Figure], list[Figure]]]:
    """Article -> (its headline's figures, its article's figures) for the fact, each with a
    sentence that may be shown."""
    found: dict[str, tuple[list[Figure], list[Figure]]] = {}
    for figure in fact.figures:
        if sentence_of(model, figure) is None or not label(model, figure.article):
            continue
        heads, bodies = found.setdefault(figure.article, ([], []))
        (heads if figure.place == "headline" else bodies).append(figure)
    return {a: pair for a, pair in found.items() if pair[0] and pair[1]}


def _contradiction(heads: list[Figure], bodies: list[Figure]) -> tuple[Figure, Figure] | None:
    """The headline's figure and an article figure that cannot both be right, or None."""
    for head in heads:
        for body in bodies:
            if not compatible(head, body):
                return head, body
    return None


def _agrees(heads: list[Figure], bodies: list[Figure]) -> bool:
    return all(compatible(h, b) for h in heads for b in bodies)


def _evidence(model, shown_pairs: dict[str, tuple[Figure, Figure]]):
    return [sentence_of(model, f) for head, body in shown_pairs.values() for f in (head, body)]


def _told(model, article: str, head: Figure, body: Figure, echoed: bool) -> str:
    where = " (inside a quotation)" if body.quoted else ""
    if echoed:
        return (f"{label(model, article)}\u2019s headline gives {shown(head)}, and its article "
                f"gives both {shown(head)} and {shown(body)}{where}")
    return (f"{label(model, article)}\u2019s headline gives {shown(head)}, but its article "
            f"gives {shown(body)}{where}")


def _contradicted(model, fact: Fact) -> Question | None:
    pairs = _pairs(model, fact)
    keyed = {a: found for a, (h, b) in pairs.items() if (found := _contradiction(h, b))}
    agreeing = {a: (h[0], b[0]) for a, (h, b) in pairs.items() if a not in keyed and _agrees(h, b)}
    if not keyed or len(keyed) > 2 or len(agreeing) < 2:
        return None
    chosen = picked(sorted(agreeing), fact.label, MAX_CHOICES - len(keyed))
    one = len(keyed) == 1
    prompt = (f"{'Which outlet' if one else 'Which outlets'}\u2019 headline gives a figure for "
              f"{fact.label} that {'its' if one else 'their'} own article contradicts?"
              f"{choose_all(len(keyed))}").replace("Which outlet\u2019", "Which outlet\u2019s")
    told = [_told(model, a, head, body, any(len(by_amount([head, b])) == 1 for b in pairs[a][1]))
            for a, (head, body) in keyed.items()]
    told += [f"{label(model, a)}\u2019s headline gives {shown(h)} and its article {shown(b)}"
             for a, (h, b) in ((a, agreeing[a]) for a in chosen)]
    explanation = ("; ".join(told) + ". An outlet that gives two figures for one fact has "
                   "got one of them wrong, or left its headline behind an update: read past the "
                   "headline before repeating its figure.")
    shown_pairs = {**keyed, **{a: agreeing[a] for a in chosen}}
    return question(KIND, prompt, [label(model, a) for a in keyed],
                    [label(model, a) for a in chosen], explanation,
                    _evidence(model, shown_pairs))


def _drops_floor(model, fact: Fact) -> Question | None:
    """A headline giving as a plain number the count its article gives "at least": a count so
    far read as a final one."""
    pairs = _pairs(model, fact)
    keys, wrong = {}, {}
    for article, (heads, bodies) in pairs.items():
        same = [(h, b) for h in heads for b in bodies if len(by_amount([h, b])) == 1
                and not b.quantity.precision]
        if not same:
            continue
        head, body = same[0]
        if body.qualifier in _FLOORS and not head.qualifier:
            keys[article] = (head, body)
        elif head.qualifier == body.qualifier:
            wrong[article] = (head, body)
    if not keys or len(keys) > 2 or len(wrong) < 2:
        return None
    chosen = picked(sorted(wrong), fact.label, MAX_CHOICES - len(keys))
    one = len(keys) == 1
    prompt = (f"{'Which outlet' if one else 'Which outlets'}\u2019 headline gives {fact.label} "
              f"without the \u201cat least\u201d that {'its' if one else 'their'} own article "
              f"gives it?{choose_all(len(keys))}").replace("Which outlet\u2019",
                                                           "Which outlet\u2019s")
    told = [f"{label(model, a)}\u2019s headline gives {shown(h)} and its article {shown(b)}"
            for a, (h, b) in [*keys.items(), *((a, wrong[a]) for a in chosen)]]
    explanation = ("; ".join(told) + ". \u201cAt least\u201d marks a count so far, which may "
                   "still rise; a headline without it reads as a final count.")
    return question(KIND, prompt, [label(model, a) for a in keys],
                    [label(model, a) for a in chosen], explanation,
                    _evidence(model, {**keys, **{a: wrong[a] for a in chosen}}), 0.8,
                    ["dropping \u201cat least\u201d in a headline is a small slip"])


def write(model) -> list[Question]:
    questions: list[Question] = []
    for fact in model.facts:
        if not fact.label:
            continue
        found = _contradicted(model, fact) or _drops_floor(model, fact)
        if found is not None:
            questions.append(found)
    return questions[:MAX_QUESTIONS]
