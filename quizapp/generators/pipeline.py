"""A story in, its quiz out: every question kind in a fixed order, each question checked by
verify.py, near-duplicates merged."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from quizapp.generators import gate as verify
from quizapp.generators import registry
from quizapp.generators.model import Question, Story

KINDS: tuple[str, ...] = registry.KIND_NAMES

# Told after each kind is written: the kind, how many kinds are done, how many in all, and how
# many sound questions the kind wrote (before duplicates across kinds are merged).
Progress = Callable[[str, int, int, int], None]


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


def chosen_kinds(kinds: Iterable[str] | None) -> list[registry.Kind]:
    """The kinds asked for (all by default) in registry order; a ValueError names unknown ones."""
    if kinds is None:
        return list(registry.KINDS)
    wanted = list(kinds)
    unknown = registry.unknown_kinds(wanted)
    if unknown:
        raise ValueError(f"Unknown question kind(s): {', '.join(unknown)}. "
                         f"Known kinds: {', '.join(KINDS)}.")
    return [kind for kind in registry.KINDS if kind.name in wanted]


def generate_questions(story: Story, kinds: Iterable[str] | None = None,
                       progress: Progress | None = None) -> list[Question]:
    """The story's questions: the kinds asked for (all by default) in registry order, each one
    sound by verify.py, near-duplicates merged. Same story, same questions, same order.
    `progress` is told after each kind, for a page that shows how far a run is."""
    chosen = chosen_kinds(kinds)
    questions: list[Question] = []
    for done, kind in enumerate(chosen, start=1):
        sound = [q for q in kind.writer()(story) if verify.is_sound(q, story)]
        questions.extend(sound)
        if progress is not None:
            progress(kind.name, done, len(chosen), len(sound))
    return merge_near_duplicates(questions)
