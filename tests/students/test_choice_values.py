"""Nothing in a question page orders the key: each choice carries a value made for the attempt
from a secret the page never shows, so neither the values nor the order of a shuffled list
follow the order the teacher typed the choices in.

The attack report: with "Shuffle choices" on, the `value=` ids in the page kept the author's
order; where a teacher typed the right answer first, the lowest id was the key in 40 of 40
questions."""
from __future__ import annotations

import re

import pytest

from quizapp import question_versions, quiz_builder
from quizapp.extensions import db
from quizapp.models import Question, Quiz, Story
from tests.students.support import STORY, start

QUESTIONS = 40


def _quiz_typed_key_first(app, shuffle: bool) -> str:
    """A quiz of 40 questions a teacher wrote by hand, typing the right answer first each time."""
    from quizapp import bank

    with app.app_context():
        story = bank.store_story(STORY)
        db.session.flush()
        for number in range(QUESTIONS):
            question_versions.add_question(story, question_versions.QuestionContent(
                prompt=f"Question {number}: which outlet printed it?", kind="manual",
                skill="cross-checking", explanation="See the evidence.",
                choices=[(f"Right {number}", True), (f"Wrong {number} a", False),
                         (f"Wrong {number} b", False)]))
        db.session.flush()
        questions = db.session.execute(
            db.select(Question).where(Question.story_id == story.id).order_by(Question.id)
        ).scalars().all()
        settings = quiz_builder.default_settings(db.session.get(Story, story.id))
        settings.layout, settings.shuffle_choices = "all_on_one", shuffle
        quiz = quiz_builder.new_quiz(story, settings, questions)
        quiz_builder.publish(quiz)
        db.session.commit()
        return quiz.join_code


def _options(page: str) -> list[list[tuple[str, str]]]:
    """Each question's (value, label) pairs, in the order the page shows them."""
    questions = []
    for fieldset in re.findall(r"<fieldset.*?</fieldset>", page, re.S):
        questions.append(re.findall(
            r'type="radio" value="([^"]+)"> <label for="[^"]+">([^<]+)</label>', fieldset))
    return questions


@pytest.mark.parametrize("shuffle", [True, False])
def test_the_lowest_value_is_no_guide_to_the_key(app, client, shuffle):
    code = _quiz_typed_key_first(app, shuffle)
    token = start(client, code)
    page = client.get(f"/attempt/{token}").get_data(as_text=True)
    questions = _options(page)
    assert len(questions) == QUESTIONS and all(len(q) == 3 for q in questions)
    with app.app_context():
        ids = {c.text: c.id for q in db.session.execute(db.select(Question)).scalars()
               for c in q.choices}
    key_lowest = key_first_shown = 0
    for options in questions:
        values = [value for value, _ in options]
        # Opaque digests, never a database id (a digest may be all digits by chance: 16 hex
        # digits are all decimal in about 6 % of values, so the id test is by value, below).
        assert all(re.fullmatch(r"[0-9a-f]{16}", value) for value in values), values
        assert all(str(ids[label]) not in values for _, label in options)
        key_value = next(value for value, label in options if label.startswith("Right"))
        key_lowest += key_value == min(values)
        key_first_shown += options[0][1].startswith("Right")
    # By chance the key is lowest in about a third of the questions; 30 of 40 or more would
    # happen less than once in a million runs.
    assert key_lowest < 30, key_lowest
    if shuffle:
        assert key_first_shown < 30, key_first_shown


def test_the_values_hold_on_reload_and_differ_between_attempts(app):
    code = _quiz_typed_key_first(app, shuffle=True)
    first, second = app.test_client(), app.test_client()
    mine, theirs = start(first, code, "Ada"), start(second, code, "Bo")
    seen = [_options(first.get(f"/attempt/{mine}").get_data(as_text=True)) for _ in range(2)]
    assert seen[0] == seen[1]
    other = _options(second.get(f"/attempt/{theirs}").get_data(as_text=True))
    assert {v for q in seen[0] for v, _ in q}.isdisjoint({v for q in other for v, _ in q})
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Quiz.id))).scalar_one() == 1
