"""Matching outlets to their figures: where outlets give different figures for the same quantity
(a fact the cross-checking kinds call contested), "Match each outlet to the figure it gives for
<the death toll>", the outlets on the left, on the right each one's figure exactly as it prints
it, and a figure another outlet gives that none of those listed prints. Each listed outlet gives
one amount only, never contradicts itself, and prints none of the other figures offered, so each
pair is proven by its own sentence and no pair could be read another way."""
from __future__ import annotations

import re

from quizapp.generators import registry
from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact, compatible
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import evidence_of, ordered
from quizapp.generators.writing.disagreements import doubts
from quizapp.generators.writing.figures import (
    by_amount,
    contested,
    contradicts_itself,
    gives,
    label,
    outlet_figures,
    sentence_of,
    shown,
)

KIND = "figure_matching"
MIN_PAIRS = 2
FULL_PAIRS = 3  # fewer pairs: the second follows from the first (blind graders: thin)
THIN = 0.6
UNSURE = 0.5  # figures that may not disagree at all (writing/disagreements.py)
MAX_PAIRS = 4
MAX_EXTRA = 2
MAX_QUESTIONS = 2
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _one_figure(model, fact: Fact) -> dict[str, Figure]:
    """Article -> its one figure for the fact: body sentences only, one amount, no self
    contradiction."""
    found = {}
    for article, figures in outlet_figures(model, fact).items():
        groups = by_amount(figures)
        if len(groups) != 1 or contradicts_itself(fact, article) \
                or any(f.place != "body" for f in figures):
            continue
        found[article] = groups[0][0]
    return found


def _digits(figure: Figure) -> set[str]:
    return set(_NUMBER.findall(figure.text))


def _prints(model, article: str, figure: Figure) -> bool:
    """Whether the article prints the figure's number anywhere (in any form of words around)."""
    text = model.article(article).text
    return any(re.search(r"(?<![\d,.])" + re.escape(n) + r"(?![\d])", text)
               for n in _digits(figure))


def _clash(model, figure: Figure, article: str, other: Figure, other_article: str) -> bool:
    """Two outlets that cannot stand side by side: the same amount, the same printed figure, or
    one printing the other's number."""
    return (len(by_amount([figure, other])) == 1 or shown(figure) == shown(other)
            or compatible(figure, other)
            or _prints(model, other_article, figure) or _prints(model, article, other))


def _listed(model, figures: dict[str, Figure], limit: int) -> list[str]:
    left: list[str] = []
    for article, figure in figures.items():
        if len(left) < limit and label(model, article) and not any(
                _clash(model, figure, article, figures[a], a) for a in left):
            left.append(article)
    return left


def _extras(model, figures: dict[str, Figure], left: list[str]) -> list[Figure]:
    """Figures of other outlets that no listed outlet prints, each amount once."""
    extra: list[Figure] = []
    for article, figure in figures.items():
        if article in left or len(extra) >= MAX_EXTRA:
            continue
        # A rounding of a listed figure ("51%" of "50.9%") is that figure, not another's.
        if any(len(by_amount([figure, f])) == 1 or shown(figure) == shown(f)
               or compatible(figure, f) for f in [figures[a] for a in left] + extra):
            continue
        if not any(_prints(model, a, figure) for a in left):
            extra.append(figure)
    return extra


def _pick(model, figures: dict[str, Figure]) -> tuple[list[str], list[Figure]]:
    """As many outlets as can be listed (up to MAX_PAIRS) with a figure left over for the extra:
    outlets with distinct amounts, none printing another's number."""
    for limit in range(MAX_PAIRS, MIN_PAIRS - 1, -1):
        left = _listed(model, figures, limit)
        extra = _extras(model, figures, left)
        if extra:
            return left, extra
    return [], []


def _question(model, fact: Fact, left: list[str], figures: dict[str, Figure],
              extra: list[Figure]) -> Question:
    prompt = (f"Outlets give different figures for {fact.label}. Match each outlet to the figure "
              f"it gives, exactly as it prints it. One figure is given by none of them.")
    items = tuple(label(model, a) for a in left)
    rights = [shown(figures[a]) for a in left]
    choices = tuple(ordered(prompt, [*rights, *(shown(f) for f in extra)]))
    answer = tuple(choices.index(r) for r in rights)
    item_evidence = tuple(evidence_of([sentence_of(model, figures[a])]) for a in left)
    others = "; ".join(gives(model, [f]) for f in extra)
    explanation = ("; ".join(gives(model, [figures[a]]) for a in left)
                   + f". The other figure is another outlet's: {others}. Outlets report one "
                   f"quantity with different figures: note which outlet gives which, and why "
                   f"they might differ, before repeating one.")
    confidence, reasons = 1.0, []
    if len(left) < FULL_PAIRS:
        confidence = THIN
        reasons.append("only two outlets to match: the second pair follows from the first")
    unsure = doubts(model, fact, [figures[a] for a in left] + extra)
    if unsure:
        confidence = min(confidence, UNSURE)
        reasons += unsure
    return Question(KIND, registry.kind(KIND).skill, prompt, choices, answer, explanation,
                    tuple(e for pair in item_evidence for e in pair), type="matching",
                    items=items, item_evidence=item_evidence, confidence=confidence,
                    reasons=tuple(reasons))


def write(model) -> list[Question]:
    found: list[Question] = []
    for fact in model.facts:
        if len(found) >= MAX_QUESTIONS or not contested(fact):
            continue
        figures = _one_figure(model, fact)
        left, extra = _pick(model, figures)
        if len(left) < MIN_PAIRS or not extra or len(left) + len(extra) < 3:
            continue
        found.append(_question(model, fact, left, figures, extra))
    return found
