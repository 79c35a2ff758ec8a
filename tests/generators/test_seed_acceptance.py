"""What the product promises on its seed story: a quiz of at least fifteen questions over at
least six kinds, with the mission's two example questions keyed right. (Per-question key checks on the seed story run
in test_unseen_stories.py, beside the unseen stories.)"""
from __future__ import annotations

from collections import Counter

from quizapp.generators import KINDS

from tests.generators.corpus import keys


def test_at_least_fifteen_questions_over_at_least_six_kinds(seed_questions):
    kinds = Counter(q.kind for q in seed_questions)
    assert len(seed_questions) >= 15
    assert len(kinds) >= 6 and set(kinds) <= set(KINDS)


def test_which_outlet_reported_155_nationals(seed_questions):
    # "155 Chinese nationals", as the outlets print it.
    found = [q for q in seed_questions if q.kind == "outlet_detail" and "155" in q.prompt
             and "nationals" in q.prompt]
    assert len(found) == 1, [q.prompt for q in seed_questions if "155" in q.prompt]
    question = found[0]
    assert question.prompt.startswith("Which outlet")
    assert keys(question) == {"Paolo Bibat's blog", "Euromaidan Press"}
    assert {"Dunya News", "Newszop", "The Moscow Times"} & set(question.choices)
    assert "all that apply" in question.prompt


def test_who_called_china_a_decisive_enabler(seed_questions):
    found = [q for q in seed_questions if "decisive enabler" in q.prompt and q.prompt.startswith("Who")]
    assert len(found) == 1
    question = found[0]
    assert question.prompt == "Who called China a \u201cdecisive enabler\u201d?"
    assert keys(question) == {"NATO"}
    assert any("decisive enabler" in e.text and "NATO" in e.text for e in question.evidence)


def test_every_question_carries_what_a_teacher_needs(seed_questions):
    for question in seed_questions:
        assert question.skill and question.explanation and question.evidence
        assert 2 <= len(question.choices) <= 8 and question.answer
