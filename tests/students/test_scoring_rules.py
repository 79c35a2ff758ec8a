"""The partial-credit rules, on plain values: what each answer to each item type earns."""
from __future__ import annotations

import pytest

from quizapp.scoring import (
    choice_score,
    evidence_score,
    is_full,
    marks,
    matching_score,
    ordering_score,
)


def test_choice_questions_are_all_or_nothing():
    assert choice_score({1}, {1}) == 1
    assert choice_score({1, 2}, {1}) == 0
    assert choice_score({1, 2}, {1, 2, 3}) == 0
    assert choice_score({1}, set()) == 0


@pytest.mark.parametrize(("pairs", "score"), [
    ({10: 1, 11: 2, 12: 3}, 1.0),
    ({10: 1, 11: 3, 12: 2}, 1 / 3),  # one right pair of three
    ({10: 1, 11: 2}, 2 / 3),  # one left blank
    ({10: 4, 11: 4, 12: 4}, 0.0),  # the distractor everywhere
    ({}, 0.0),
])
def test_matching_earns_a_share_per_right_pair(pairs, score):
    assert matching_score({10: 1, 11: 2, 12: 3}, pairs) == pytest.approx(score)


@pytest.mark.parametrize(("given", "score"), [
    ([1, 2, 3, 4], 1.0),
    ([4, 3, 2, 1], 0.0),  # every item followed by the wrong one
    ([2, 3, 4, 1], 2 / 3),  # 2->3 and 3->4 kept; 1 put last
    ([1, 2, 4, 3], 1 / 3),  # only 1->2
    ([3, 4, 1, 2], 2 / 3),  # two blocks in the wrong order: 3->4 and 1->2
    ([1, 2], 1 / 3),  # unfinished
])
def test_ordering_earns_a_share_per_item_followed_by_its_right_successor(given, score):
    assert ordering_score([1, 2, 3, 4], given) == pytest.approx(score)


SENTENCES = [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(("key", "chosen", "score"), [
    ({3}, {3}, 1.0),
    ({3, 4}, {3, 4}, 1.0),
    ({3, 4}, {3}, 0.5),  # half the proof
    ({3}, {3, 4}, 0.5),  # the proof and its neighbour: partial
    ({3}, {2, 3, 4}, 0.5),  # both neighbours
    ({3}, {3, 6}, 0.0),  # an unrelated sentence
    ({3}, {4}, 0.0),  # only a neighbour
    ({3}, set(), 0.0),
])
def test_find_the_evidence_covers_the_key_and_adds_nothing_unrelated(key, chosen, score):
    assert evidence_score(SENTENCES, key, chosen) == pytest.approx(score)


def test_marks_are_written_as_people_write_them():
    assert [marks(v) for v in (2.0, 2.5, 2 / 3, 0.0, None)] == ["2", "2.5", "0.67", "0", ""]
    assert is_full(1.0) and is_full(0.9999999999) and not is_full(2 / 3)


@pytest.mark.parametrize(("places", "order"), [
    ({1: 1, 2: 2, 3: 3}, [1, 2, 3]),
    ({1: 3, 2: 2, 3: 3}, [2, 3, 1]),  # one menu changed: that item moves, the others close up
    ({1: 1, 2: 2, 3: 1}, [3, 1, 2]),
    ({1: 2, 2: 3, 3: 1}, [3, 1, 2]),  # a whole new order, as the page script sends it
])
def test_the_place_menus_move_the_item_changed(places, order):
    from quizapp.attempts import arranged, moved

    assert arranged([1, 2, 3], places) == order
    assert moved([1, 2, 3], 3, -1) == [1, 3, 2] and moved([1, 2, 3], 1, -1) == [1, 2, 3]
