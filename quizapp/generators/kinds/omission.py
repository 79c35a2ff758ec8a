"""Omission: the outlet that leaves out a figure of the event the others all give ("Which outlet
gives no figure for the death toll?"). The key is an article whose whole text is here and
carries no value of that fact, in no form; every wrong choice is an outlet shown giving one.
Where no absence can be proven, nothing is asked."""
from __future__ import annotations

import re

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.reading.quantities import quantities
from quizapp.generators.writing.choices import MAX_CHOICES, picked, question
from quizapp.generators.writing.figures import label, sentence_of, shown

KIND = "omission"
MAX_QUESTIONS = 2
# A fact is an event's when this many outlets give it.
MIN_GIVERS = 3


def _any_amount(text: str, fact: Fact) -> bool:
    """Whether the text carries an amount near any value of the fact, in whatever unit or with
    none ("repay 13 billion"): an outlet with one may give the figure in a form these rules do
    not read, so it is never keyed as lacking it."""
    return any(abs(quantity.value - f.value) <= max(f.quantity.precision, 0.25 * f.value)
               for quantity in quantities(text) for f in fact.figures)


def _shown_by(model, fact: Fact) -> dict[str, Figure]:
    found: dict[str, Figure] = {}
    for figure in sorted(fact.figures, key=lambda f: f.place == "headline"):
        if sentence_of(model, figure) is not None and label(model, figure.article):
            found.setdefault(figure.article, figure)
    return found


def _question(model, fact: Fact) -> Question | None:
    givers = _shown_by(model, fact)
    if len(givers) < MIN_GIVERS:
        return None
    lacking = [r for r in model.articles if r.complete and r.id not in givers
               and label(model, r.id) and r.id not in fact.articles
               and not _any_amount(r.text, fact) and _same_event(r.text, fact)]
    if len(lacking) != 1:
        return None
    (key,) = lacking
    wrong = picked(sorted(givers), fact.label, MAX_CHOICES - 1)
    prompt = f"Which outlet gives no figure for {fact.label}?"
    explanation = ("; ".join(f"{label(model, a)} gives {shown(givers[a])}" for a in wrong)
                   + f". {label(model, key.id)}, whose full text is here, reports the story "
                   f"without any figure for {fact.label}. Comparing outlets shows what each "
                   "leaves out.")
    return question(KIND, prompt, [label(model, key.id)], [label(model, a) for a in wrong],
                    explanation, [sentence_of(model, givers[a]) for a in wrong],
                    0.9, ["the key rests on the absence of a figure from a whole article"])


def _same_event(text: str, fact: Fact) -> bool:
    """The article speaks of what the figure counts (its event's words), so leaving the figure
    out is a choice, not another subject."""
    words = {f.counts.event_words.lower() for f in fact.figures if f.counts.event_words}
    return any(re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", text.lower()) for w in words)


def write(model) -> list[Question]:
    questions = []
    for fact in model.facts:
        if fact.label and fact.own and fact.category in ("count", "money", "percent"):
            found = _question(model, fact)
            if found is not None:
                questions.append(found)
    return questions[:MAX_QUESTIONS]

