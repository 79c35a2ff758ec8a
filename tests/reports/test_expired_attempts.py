"""Attempts the student never came back to are graded without them: once the time limit and its
grace ran out, or once the teacher closed the quiz, what they saved reaches the results. The
results pages sweep their quiz, `flask grade-expired` sweeps them all (for a timer), and closing
a quiz grades its open attempts at once.

The attack report: attempts that ran out of time were never graded if the student did not come
back, whether the deadline passed or the quiz was closed."""
from __future__ import annotations

from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, now
from tests.pages import hidden_fields
from tests.students.support import (
    HEDGE,
    WHICH,
    WHO,
    answer,
    choices,
    make_quiz,
    prompt_of_page,
    start,
)


def _saved_two_right(app, code: str, name: str) -> str:
    """A student answers two questions right (saved, never submitted) and walks away."""
    client = app.test_client()
    token = start(client, code, name)
    ids = choices(app)
    keys = {WHO: [ids[WHO]["Mara Osei"]], HEDGE: [ids[HEDGE]["False"]],
            WHICH: [ids[WHICH]["Neither"]]}
    for number in (1, 2, 3):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        answer(client, token, number, keys[prompt_of_page(page)])
    return token


def _run_out(app, token: str, seconds_ago: int) -> None:
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        attempt.started_at -= timedelta(hours=1)
        attempt.deadline_at = now() - timedelta(seconds=seconds_ago)
        db.session.commit()


def _row(app, token: str) -> Attempt:
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        db.session.expunge(attempt)
        return attempt


def _quiz_id(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(Quiz.id)).scalar_one()


def test_the_results_page_grades_an_attempt_whose_time_ran_out(app, signed_in):
    code = make_quiz(app, time_limit_minutes=60)
    gone = _saved_two_right(app, code, "Ada")
    in_grace = _saved_two_right(app, code, "Bo")
    _run_out(app, gone, seconds_ago=60)
    _run_out(app, in_grace, seconds_ago=10)  # answers may still be arriving: not yet
    page = signed_in.get(f"/instructor/quizzes/{_quiz_id(app)}/results").get_data(as_text=True)
    assert "1 submitted attempt" in page and ">Ada<" in page and ">Bo<" not in page
    row = _row(app, gone)
    assert (row.score, row.max_score) == (2, 3)
    assert row.submitted_at == row.deadline_at  # submitted when the time ran out
    assert _row(app, in_grace).submitted_at is None


def test_grade_expired_grades_every_quiz_for_a_timer(app, runner):
    code = make_quiz(app, time_limit_minutes=60)
    gone = _saved_two_right(app, code, "Ada")
    _run_out(app, gone, seconds_ago=120)
    result = runner.invoke(args=["grade-expired"])
    assert result.exit_code == 0, result.output
    assert "Graded 1 attempt" in result.output
    assert _row(app, gone).score == 2
    again = runner.invoke(args=["grade-expired"])
    assert "Graded 0 attempts" in again.output and _row(app, gone).score == 2


def test_closing_the_quiz_grades_its_open_attempts_at_once(app, signed_in):
    code = make_quiz(app)  # no time limit: only the closing ends these attempts
    tokens = [_saved_two_right(app, code, name) for name in ("Ada", "Bo")]
    quiz_id = _quiz_id(app)
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    closed = signed_in.post(f"/instructor/quizzes/{quiz_id}/close", data=hidden_fields(page),
                            follow_redirects=True)
    assert "2 attempts still in progress were submitted" in closed.get_data(as_text=True)
    for token in tokens:
        row = _row(app, token)
        assert row.submitted_at is not None and (row.score, row.max_score) == (2, 3)
    with app.app_context():
        # Every CSV and statistic now holds them.
        assert db.session.execute(db.select(db.func.count(Attempt.id))
                                  .where(Attempt.score == 2)).scalar_one() == 2


def test_a_student_who_comes_back_later_sees_the_attempt_graded_once(app, signed_in):
    code = make_quiz(app, time_limit_minutes=60)
    token = _saved_two_right(app, code, "Ada")
    _run_out(app, token, seconds_ago=120)
    signed_in.get(f"/instructor/quizzes/{_quiz_id(app)}/results")
    graded_at = _row(app, token).submitted_at
    student = app.test_client()
    result = student.get(f"/attempt/{token}/q/1", follow_redirects=True).get_data(as_text=True)
    assert "2 out of 3" in result
    assert _row(app, token).submitted_at == graded_at
