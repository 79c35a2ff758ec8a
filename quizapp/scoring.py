"""The marks a response earns, from 0 to 1, as pure functions over plain values (choice ids and
positions), so each rule is tested without a database. The rules, as the README states them:

- single and multiple choice: all or nothing, the chosen choices exactly the key;
- matching (Moodle's matching question): each left item paired with its right choice earns an
  equal share;
- ordering (Moodle's ordering plugin, "relative to the next item, excluding the last"): each item
  but the last in the right order earns an equal share when the student put its right successor
  directly after it;
- find the evidence: every key sentence picked and nothing else is full marks; a selection that
  adds only sentences next to a key sentence (the one just before or after it) earns half of
  the share of the key it covers; any other sentence picked makes it wrong."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

FULL = 1.0
NEIGHBOUR_SHARE = 0.5


def choice_score(key: Iterable[int], chosen: Iterable[int]) -> float:
    key, chosen = set(key), set(chosen)
    return FULL if chosen and chosen == key else 0.0


def matching_score(key: Mapping[int, int], pairs: Mapping[int, int]) -> float:
    """key and pairs: left item -> choice; a share for each item paired as the key pairs it."""
    if not key:
        return 0.0
    right = sum(1 for item, choice in key.items() if pairs.get(item) == choice)
    return right / len(key)


def ordering_score(key: Sequence[int], given: Sequence[int]) -> float:
    """key: the choices in the right order; given: the student's order (some may be missing).
    A share for each item but the last whose right successor comes directly after it."""
    if len(key) < 2:
        return FULL if list(given) == list(key) else 0.0
    following = {given[i]: given[i + 1] for i in range(len(given) - 1)}
    right = sum(1 for i in range(len(key) - 1) if following.get(key[i]) == key[i + 1])
    return right / (len(key) - 1)


def evidence_score(sentences: Sequence[int], key: Iterable[int], chosen: Iterable[int]) -> float:
    """sentences: the selectable sentences in the article's order; key: those that prove the
    claim; chosen: the student's selection."""
    key, chosen = set(key), set(chosen)
    if not key or not chosen:
        return 0.0
    extra = chosen - key
    neighbours = _neighbours(sentences, key)
    if extra - neighbours:
        return 0.0
    covered = len(chosen & key) / len(key)
    return covered * (NEIGHBOUR_SHARE if extra else FULL)


def _neighbours(sentences: Sequence[int], key: set[int]) -> set[int]:
    """The sentences just before and after a key sentence that are not key sentences."""
    near = set()
    for i, sentence in enumerate(sentences):
        if sentence in key:
            near.update(sentences[max(i - 1, 0):i + 2])
    return near - key


def is_full(score: float) -> bool:
    return score >= FULL - 1e-9


def marks(value: float | None) -> str:
    """A score as people write it: 2, 2.5, 1.67."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
