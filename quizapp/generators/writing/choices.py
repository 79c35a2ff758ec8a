"""Putting a question together the same way in every kind: choices in a fixed but varied order,
the key's place, the skill from the registry, evidence from passages, and the words lists and
counts are written with."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from quizapp.generators import registry
from quizapp.generators.model import Evidence, Question
from quizapp.generators.reading.articles import Passage

MIN_CHOICES = 3  # two choices are a coin toss (the gate refuses fewer)
MAX_CHOICES = 5


def ordered(salt: str, choices: Iterable[str]) -> list[str]:
    """Choices in an order fixed by `salt` (usually the prompt), so the key's place varies
    between questions but never between runs."""
    return sorted(dict.fromkeys(choices),
                  key=lambda c: hashlib.sha1(f"{salt}\x1f{c}".encode()).hexdigest())


def picked(candidates: Sequence[str], salt: str, limit: int) -> list[str]:
    """Up to `limit` of `candidates`, chosen by a hash of `salt`: varied, but fixed run to run."""
    return ordered(salt, candidates)[:limit]


def evidence_of(passages: Iterable[Passage]) -> tuple[Evidence, ...]:
    """Passages as evidence, each once, in the order given."""
    seen: set[tuple[str, int, int]] = set()
    found = []
    for passage in passages:
        if (passage.article, passage.start, passage.end) in seen:
            continue
        seen.add((passage.article, passage.start, passage.end))
        found.append(Evidence(passage.article, passage.text))
    return tuple(found)


def question(kind: str, prompt: str, keys: Sequence[str], wrong: Sequence[str], explanation: str,
             evidence: Iterable[Passage], confidence: float = 1.0,
             reasons: Iterable[str] = ()) -> Question:
    """A question of `kind` whose keyed choices are `keys` and wrong ones `wrong`, in a fixed
    varied order; its skill is the one the registry gives the kind."""
    choices = ordered(prompt, [*keys, *wrong])
    answer = tuple(sorted(choices.index(k) for k in dict.fromkeys(keys)))
    return Question(kind, registry.kind(kind).skill, prompt, tuple(choices), answer, explanation,
                    evidence_of(evidence), confidence=confidence, reasons=tuple(reasons))


def names_list(names: Sequence[str], conjunction: str = "and") -> str:
    """"A", "A and B", "A, B and C" (or "A, B or C")."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def choose_all(count: int) -> str:
    """What a prompt with several right answers says, so a student knows to tick several."""
    return "" if count == 1 else " Choose all that apply."


def plural(count: int, word: str, plural_form: str | None = None) -> str:
    """"1 outlet", "3 outlets"."""
    return f"{count} {word if count == 1 else plural_form or word + 's'}"
