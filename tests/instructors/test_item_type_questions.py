"""The instructor's side of the item types beyond multiple choice, as far as it goes: the story
page lists them, and the question form, which knows only choices and a key, refuses to edit
them rather than turn them into multiple choice."""
from __future__ import annotations

from quizapp.extensions import db
from tests.item_types import MATCH, make_mixed_quiz, question_row


def test_the_question_form_keeps_a_matching_question_as_it_is(app, signed_in):
    make_mixed_quiz(app)
    with app.app_context():
        question = question_row(MATCH)
        question_id, story_id = question.id, question.story_id
    response = signed_in.get(f"/instructor/questions/{question_id}/edit")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/instructor/stories/{story_id}")
    page = signed_in.get(f"/instructor/stories/{story_id}").get_data(as_text=True)
    assert "only single and multiple choice questions" in page
    assert MATCH in page
    with app.app_context():
        question = question_row(MATCH)
        assert (question.type, len(question.items)) == ("matching", 2)
        assert db.session.get(type(question), question_id).prompt == MATCH


def test_the_review_queue_shows_each_type_with_its_key_and_evidence(app, signed_in):
    from quizapp.models import Question

    make_mixed_quiz(app)
    with app.app_context():
        for question in db.session.execute(db.select(Question)).scalars():
            question.status = "draft"
        db.session.commit()
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    assert "<strong>Coast Courier</strong>: Fourteen boats damaged, says the harbour office" in page
    assert ("Twelve boats damaged, says the coast guard <span class=\"hint\">(distractor)</span>"
            in page)
    assert "Officials counted 14 boats damaged." in page
    assert "Ordering: the right order" in page and "Find the evidence:" in page
