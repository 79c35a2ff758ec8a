"""A story in, its questions out: load (elsewhere) -> read -> write -> gate. The story is read
once into its model; each kind of the registry writes from the model, in registry order; the
gate drops flawed questions, lowers the confidence of doubtful ones, and removes questions that
repeat or give away one another."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from quizapp.generators import gate, registry
from quizapp.generators.model import Question, Story
from quizapp.generators.reading.model import StoryModel

KINDS: tuple[str, ...] = registry.KIND_NAMES

# Told after each kind is written: the kind, how many kinds are done, how many in all, and how
# many questions of the kind passed the gate (before repeats across kinds are removed).
Progress = Callable[[str, int, int, int], None]


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
                       progress: Progress | None = None,
                       min_confidence: float = 0.0) -> list[Question]:
    """The story's questions: the kinds asked for (all by default) in registry order, each one
    through the gate, repeats across kinds removed, and none below `min_confidence`. Same story,
    same questions, same order. `progress` is told after each kind."""
    model = StoryModel(story)  # read afresh: a run's time is its own, whatever ran before
    chosen = chosen_kinds(kinds)
    questions: list[Question] = []
    for done, kind in enumerate(chosen, start=1):
        passed = [q for q in (gate.inspect(q, model) for q in kind.write(model)) if q is not None]
        questions.extend(passed)
        if progress is not None:
            progress(kind.name, done, len(chosen), len(passed))
    kept = _capped(gate.across(questions, model), {kind.name: kind.keep for kind in chosen})
    return [q for q in kept if q.confidence >= min_confidence]


def _capped(questions: list[Question], keep: dict[str, int]) -> list[Question]:
    """At most `keep[kind]` questions of a kind that offers candidates, the first in order."""
    counts: dict[str, int] = {}
    found = []
    for question in questions:
        counts[question.kind] = counts.get(question.kind, 0) + 1
        if not keep.get(question.kind) or counts[question.kind] <= keep[question.kind]:
            found.append(question)
    return found
