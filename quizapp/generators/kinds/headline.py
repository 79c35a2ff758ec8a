"""Framing: what a headline claims against what its own article says. A headline whose figure
differs from its own article's for the same fact ("13 killed" over "at least 17 people are
dead"), or that drops the "more than" or "at least" its article gives the figure. Every choice
is an outlet whose headline and article sentences are both shown."""
from __future__ import annotations

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import MAX_CHOICES, choose_all, picked, question
from quizapp.generators.writing.figures import by_amount, in_article, label, sentence_of, shown

KIND = "headline"
MAX_QUESTIONS = 3
# Qualifiers a headline may drop, as a prompt names them.
_FLOORS = {"atleast": "at least", "above": "more than", "about": "about", "near": "nearly"}


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


def _differs(model, heads: list[Figure], bodies: list[Figure]) -> bool:
    """The headline gives an amount its own article gives nowhere, for this fact or any other."""
    everything = [f for f in in_article(model, heads[0].article) if f.place == "body"]
    return not any(len(by_amount([h, b])) == 1 for h in heads for b in bodies + everything)


def _agrees(heads: list[Figure], bodies: list[Figure]) -> bool:
    return all(any(len(by_amount([h, b])) == 1 for b in bodies) for h in heads)


def _evidence(model, pairs: dict[str, tuple[list[Figure], list[Figure]]], articles: list[str]):
    return [sentence_of(model, f) for a in articles for f in (pairs[a][0][0], pairs[a][1][0])]


def _gives(model, article: str, heads: list[Figure], bodies: list[Figure]) -> str:
    return (f"{label(model, article)}\u2019s headline gives {shown(heads[0])} and its article "
            f"{shown(bodies[0])}")


def _different_figure(model, fact: Fact) -> Question | None:
    pairs = _pairs(model, fact)
    keys = [a for a, (h, b) in pairs.items() if _differs(model, h, b)]
    wrong = [a for a, (h, b) in pairs.items() if _agrees(h, b)]
    if not keys or len(keys) > 2 or len(wrong) < 2:
        return None
    wrong = picked(wrong, fact.label, MAX_CHOICES - len(keys))
    prompt = (f"{'Which outlet' if len(keys) == 1 else 'Which outlets'}\u2019 headline gives a "
              f"different figure for {fact.label} from the article below it?"
              f"{choose_all(len(keys))}").replace("Which outlet\u2019", "Which outlet\u2019s")
    explanation = ("; ".join(_gives(model, a, *pairs[a]) for a in keys + wrong)
                   + ". A headline is written to be short and striking, sometimes before the "
                   "article is updated: read past it before repeating its figure.")
    return question(KIND, prompt, [label(model, a) for a in keys],
                    [label(model, a) for a in wrong], explanation,
                    _evidence(model, pairs, keys + wrong))


def _drops_qualifier(model, fact: Fact) -> Question | None:
    pairs = _pairs(model, fact)
    keys, wrong, dropped = [], [], []
    for article, (heads, bodies) in pairs.items():
        same = [(h, b) for h in heads for b in bodies if len(by_amount([h, b])) == 1]
        if not same:
            continue
        head, body = same[0]
        if body.qualifier in _FLOORS and not head.qualifier:
            keys.append(article)
            dropped.append(_FLOORS[body.qualifier])
        elif body.qualifier in _FLOORS and head.qualifier == body.qualifier:
            wrong.append(article)
    if not keys or not wrong or len(keys) + len(wrong) < 3:
        return None
    keys = keys[:MAX_CHOICES - 1]
    wrong = picked(wrong, fact.label, MAX_CHOICES - len(keys))
    words = " or ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(dropped))
    if len(keys) == 1:
        prompt = (f"Which outlet\u2019s headline drops the {words} that its own article gives "
                  f"{fact.label}?")
    else:
        prompt = (f"Which outlets\u2019 headlines drop the {words} that their own articles give "
                  f"{fact.label}?{choose_all(len(keys))}")
    explanation = ("; ".join(_gives(model, a, *pairs[a]) for a in keys + wrong)
                   + ". Words such as \u201cmore than\u201d, \u201cat least\u201d or "
                   "\u201cabout\u201d tell the reader a figure is a floor or an estimate; a "
                   "headline without them states more than its article does.")
    return question(KIND, prompt, [label(model, a) for a in keys],
                    [label(model, a) for a in wrong], explanation,
                    _evidence(model, pairs, keys + wrong))


def write(model) -> list[Question]:
    questions: list[Question] = []
    for fact in model.facts:
        if not fact.label:
            continue
        for ask in (_different_figure, _drops_qualifier):
            found = ask(model, fact)
            if found is not None:
                questions.append(found)
    return questions[:MAX_QUESTIONS]
