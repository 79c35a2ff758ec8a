"""A quiz mixing all five item types is reported and exported: the attempts CSV carries the
fractional score, the responses CSV each response's type and partial score; and a generated
matching or find-the-evidence question that passes the gate enters a quiz built from its story,
as the seed quiz is built."""
from __future__ import annotations

import csv
import io

from quizapp import bank, quiz_builder
from quizapp.exports import results_csv
from quizapp.extensions import db
from quizapp.models import Quiz, Story
from tests.item_types import (
    ALL_TYPES,
    COURIER_FIGURE,
    FIND,
    MATCH,
    ORDER,
    answer_question,
    boxes,
    make_mixed_quiz,
    menu_names,
    menus,
)
from tests.students.support import OSEI_SAID, STORY, start, submit


def _rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))



def _take_mixed_quiz(client, code) -> None:
    """One student: Coast Courier's pair right and Bay Wire's wrong, the last two steps of the
    order swapped, and the key sentence with its neighbour before it."""
    token = start(client, code)
    answer_question(client, token, MATCH, lambda page: {
        menu_names(page)[left]: menus(page)[left][right] for left, right in {
            "Coast Courier": "Fourteen boats damaged, says the harbour office",
            "Bay Wire": "Twelve boats damaged, says the coast guard"}.items()})
    answer_question(client, token, ORDER, lambda page: {
        menu_names(page)[text]: str(place) for place, text in enumerate(GIVEN_ORDER, start=1)})
    answer_question(client, token, FIND, lambda page: {
        "answer": [boxes(page)[OSEI_SAID], boxes(page)[COURIER_FIGURE]]})
    submit(client, token)


GIVEN_ORDER = ["Osei says the fire is under control", "The cause is not known yet",
               "The harbour office counts the damaged boats"]


def test_the_csv_exports_carry_the_type_the_partial_score_and_each_type_s_answer(
        app, client, instructor, monkeypatch):
    # Batches of two responses: the pairs and orders are read while the rows still stream.
    monkeypatch.setattr(results_csv, "BATCH", 2)
    code = make_mixed_quiz(app)
    _take_mixed_quiz(client, code)
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = f"{instructor}:1", True
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
    attempts = _rows(client.get(f"/instructor/quizzes/{quiz_id}/attempts.csv"))
    assert attempts[0]["score"] == "1" and attempts[0]["max_score"] == "6"
    responses = _rows(client.get(f"/instructor/quizzes/{quiz_id}/responses.csv"))
    by_type = {row["type"]: row for row in responses}
    assert set(by_type) == {"single", "multiple", "matching", "ordering", "evidence"}
    assert (by_type["single"]["chosen_text"], by_type["single"]["score"]) == ("", "0")
    assert (by_type["matching"]["score"], by_type["matching"]["correct"]) == ("0.5", "0")
    # The student's answer, in words: the pairs, the order, the sentences picked.
    assert by_type["matching"]["chosen_text"] == (
        "Coast Courier \u2192 Fourteen boats damaged, says the harbour office; "
        "Bay Wire \u2192 Twelve boats damaged, says the coast guard")
    assert by_type["ordering"]["chosen_text"] == " > ".join(GIVEN_ORDER)
    assert by_type["ordering"]["score"] == "0"
    assert by_type["evidence"]["chosen_text"] == f"{OSEI_SAID} | {COURIER_FIGURE}"
    assert (by_type["evidence"]["chosen"], by_type["evidence"]["score"]) == ("A; B", "0.5")


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
