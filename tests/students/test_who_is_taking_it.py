"""Who is taking it (issue 13, point 3): each attempt has a student key apart from the name typed
(kept by the browser for the quiz, taken along by the resume code), and every statistic's
"first attempt" is per student key. Same-device resuming is in test_joining.py."""
from __future__ import annotations

import csv
import io
import re

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from tests.pages import hidden_fields
from tests.students.support import answer, attempt_row, choices, make_quiz, start, submit


def _teacher(app, instructor):
    """A signed-in instructor on a browser of their own (the students' clients stay students)."""
    teacher = app.test_client()
    with teacher.session_transaction() as session:
        session["_user_id"] = f"{instructor}:1"
        session["_fresh"] = True
    return teacher


def _quiz_id(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(Quiz.id)).scalar_one()


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def _answer_all(app, client, token: str, right: bool) -> None:
    """Answer the three questions right (the key) or wrong (a wrong choice), then submit."""
    by_prompt = choices(app)
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        picks = [[c.id for c in slot.question.choices if c.correct == right][:None if right
                                                                              else 1]
                 for slot in attempts.slots(attempt)]
    assert len(picks) == len(by_prompt)
    for number, chosen in enumerate(picks, start=1):
        answer(client, token, number, chosen)
    assert submit(client, token).status_code == 302


def _resume(client, code: str, name: str, resume_code: str):
    form = hidden_fields(client.get("/resume").get_data(as_text=True))
    return client.post("/resume", data=form | {"code": code, "student_name": name,
                                               "resume_code": resume_code})


def _other_sam(app, code: str) -> str:
    """A second Sam's attempt, made by another student key (two devices; or, from now on, the
    attempts of a class made before keys were kept apart from names)."""
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.join_code == code)).scalar_one()
        attempt = attempts.start_attempt(quiz, "Sam", "other-device-key-0001",
                                         student_key="another-device")
        db.session.commit()
        return attempt.token


def test_each_attempt_gets_this_browsers_student_key_for_the_quiz(app, client):
    code = make_quiz(app)
    token = start(client, code, "Sam")
    with client.session_transaction() as session:
        key = session["students"][str(_quiz_id(app))]
    row = attempt_row(app, token)
    assert row.student_key == key and "Sam" not in key and len(key) >= 32
    # The key is never shown in a page.
    assert key not in client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    # A second attempt from this browser under this name is the same student's.
    submit(client, token)
    again = start(client, code, "Sam")
    assert attempt_row(app, again).student_key == key
    # Another name at this browser is someone else.
    submit(client, again)
    assert attempt_row(app, start(client, code, "Bo")).student_key != key


def test_two_students_called_sam_are_two_students_in_every_statistic(app, client, instructor):
    """Issue 13: the second Sam was marked "not first attempt" and left out of every statistic."""
    code = make_quiz(app)
    first = start(client, code, "Sam")
    _answer_all(app, client, first, right=True)
    other_device = app.test_client()
    second = _other_sam(app, code)
    resumed = _resume(other_device, code, "Sam", attempt_row(app, second).resume_code)
    assert resumed.status_code == 302
    _answer_all(app, other_device, second, right=False)
    # The first Sam tries again: a later attempt of the same student, which never counts.
    again = start(client, code, "Sam")
    _answer_all(app, client, again, right=False)
    quiz_id = _quiz_id(app)
    teacher = _teacher(app, instructor)

    results = teacher.get(f"/instructor/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert re.search(r"Students \(first attempts\)</th><td>2<", results)
    items = teacher.get(f"/instructor/quizzes/{quiz_id}/items").get_data(as_text=True)
    assert "(2 students)" in items
    by_attempt = {row[0]: row for row in _rows(
        teacher.get(f"/instructor/quizzes/{quiz_id}/attempts.csv"))[1:]}
    ids = {token: str(attempt_row(app, token).id) for token in (first, second, again)}
    assert [by_attempt[ids[t]][2] for t in (first, second, again)] == ["yes", "yes", "no"]
    gradebook = _rows(teacher.get(f"/instructor/quizzes/{quiz_id}/gradebook.csv"))
    assert sorted(row[:3] for row in gradebook[1:]) == [["Sam", "0", "3"], ["Sam", "3", "3"]]
    skills = teacher.get(f"/instructor/quizzes/{quiz_id}/skills").get_data(as_text=True)
    assert "(50%)" in skills  # one Sam right, the other wrong, on every skill


def test_the_resume_code_takes_the_student_key_to_the_other_device(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    submit(client, token)
    laptop = app.test_client()
    assert _resume(laptop, code, "Ada", attempt_row(app, token).resume_code).status_code == 302
    # On the laptop, Ada's next attempt is hers, not a new student's.
    assert attempt_row(app, start(laptop, code, "Ada")).student_key == attempt_row(
        app, token).student_key


def test_start_fresh_forgets_the_student_too(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    fresh = re.search(r'<form[^>]*start-fresh[^>]*>.*?</form>', page, re.S).group(0)
    assert client.post(f"/quiz/{code}/start-fresh", data=hidden_fields(fresh)).status_code == 302
    with client.session_transaction() as session:
        assert str(_quiz_id(app)) not in session.get("students", {})
    assert attempt_row(app, token).submitted_at is None


def test_a_quiz_on_shared_computers_keeps_no_student_in_the_browser(app, client):
    code = make_quiz(app, shared_computer=True)
    start(client, code, "Ada")
    with client.session_transaction() as session:
        assert session.get("students", {}) == {}
