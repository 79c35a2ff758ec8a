"""A quiz mixing all five item types is reported and exported: the attempts CSV carries the
fractional score, the responses CSV each response's type and partial score; and a generated
matching or find-the-evidence question that passes the gate enters a quiz built from its story,
as the seed quiz is built."""
from __future__ import annotations

import csv
import io

from quizapp import bank, quiz_builder
from quizapp.extensions import db
from quizapp.models import Quiz, Story
from tests.item_types import ALL_TYPES, FIND, MATCH, make_mixed_quiz, menu_names, menus, number_of
from tests.pages import hidden_fields
from tests.students.support import STORY, start, submit


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_the_csv_exports_carry_the_type_and_the_partial_score(app, client, instructor):
    code = make_mixed_quiz(app)
    token = start(client, code)
    number = number_of(client, token, MATCH)
    page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
    options, names = menus(page), menu_names(page)
    client.post(f"/attempt/{token}/q/{number}", data={
        "csrf_token": hidden_fields(page)["csrf_token"], "go": "next",
        names["Coast Courier"]: options["Coast Courier"][
            "Fourteen boats damaged, says the harbour office"]})
    submit(client, token)
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = f"{instructor}:1", True
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
    attempts = _rows(client.get(f"/instructor/quizzes/{quiz_id}/attempts.csv"))
    assert attempts[0]["score"] == "0.5" and attempts[0]["max_score"] == "6"
    responses = _rows(client.get(f"/instructor/quizzes/{quiz_id}/responses.csv"))
    by_type = {row["type"]: row for row in responses}
    assert set(by_type) == {"single", "multiple", "matching", "ordering", "evidence"}
    assert (by_type["matching"]["score"], by_type["matching"]["correct"]) == ("0.5", "0")
    assert by_type["evidence"]["score"] == "0"


def test_generated_matching_and_evidence_questions_that_pass_the_gate_enter_the_story_quiz(app):
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, ALL_TYPES, status="approved")
        db.session.commit()
        story = db.session.get(Story, row.id)
        quiz = quiz_builder.quiz_from_story(story, per_kind=1)
        db.session.commit()
        prompts = {item.question.prompt: item.question.type for item in quiz.items}
        assert prompts[MATCH] == "matching" and prompts[FIND] == "evidence"
