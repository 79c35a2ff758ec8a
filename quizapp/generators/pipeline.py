"""A story in, its quiz out: every question kind in a fixed order, each question checked by
verify.py, near-duplicates merged."""
from __future__ import annotations

from types import ModuleType

from quizapp.generators import (
    hedging,
    label_attribution,
    name_spelling,
    numbers,
    omission,
    outlet_detail,
    quote_attribution,
    quote_rendering,
    sourcing,
    verify,
    word_choice,
)
from quizapp.generators.model import Question, Story

# The order questions appear in: who said what first, then how outlets differ.
_MODULES: dict[str, ModuleType] = {
    module.KIND: module
    for module in (
        quote_attribution,
        label_attribution,
        outlet_detail,
        quote_rendering,
        numbers,
        sourcing,
        word_choice,
        hedging,
        omission,
        name_spelling,
    )
}
KINDS: tuple[str, ...] = tuple(_MODULES)


def _quoted_parts(prompt: str) -> tuple[str, ...]:
    """The quoted words of a prompt (“...”), which say what a question is about."""
    parts, rest = [], prompt
    while "\u201c" in rest and "\u201d" in rest.split("\u201c", 1)[1]:
        inner, rest = rest.split("\u201c", 1)[1].split("\u201d", 1)
        parts.append(verify.prompt_signature(inner.rstrip("\u2026")))
    return tuple(parts)


def _signatures(question: Question) -> list[tuple]:
    """Ways a question can repeat an earlier one: the same prompt once case, punctuation and
    quote style are ignored; or, within one kind, the same quoted words and the same key."""
    key = tuple(sorted(verify.normalised_choice(question.choices[i]) for i in question.answer))
    found: list[tuple] = [("prompt", question.kind, verify.prompt_signature(question.prompt))]
    quoted = _quoted_parts(question.prompt)
    if quoted:
        found.append(("key", question.kind, quoted, key))
    return found


def merge_near_duplicates(questions: list[Question]) -> list[Question]:
    """The first of each group of near-duplicates, in the original order."""
    seen: set[tuple] = set()
    kept = []
    for question in questions:
        signatures = _signatures(question)
        if any(s in seen for s in signatures) or any(q.id == question.id for q in kept):
            continue
        seen.update(signatures)
        kept.append(question)
    return kept


def generate_questions(story: Story, kinds: list[str] | tuple[str, ...] | None = None) -> list[Question]:
    """The story's questions: the kinds asked for (all by default) in KINDS order, each one sound
    by verify.py, near-duplicates merged. Same story, same questions, same order."""
    if kinds is None:
        chosen = list(KINDS)
    else:
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"Unknown question kind(s): {', '.join(unknown)}. "
                             f"Known kinds: {', '.join(KINDS)}.")
        chosen = [k for k in KINDS if k in kinds]
    questions: list[Question] = []
    for kind in chosen:
        for question in _MODULES[kind].generate(story):
            if verify.is_sound(question, story):
                questions.append(question)
    return merge_near_duplicates(questions)
