"""An instructor's session ends on the server: a cookie copied before signing out (or before a
password change) opens nothing afterwards, and signing in gives the session a new form-token
secret.

The attack report: a cookie copied before sign-out still downloaded the class's CSV afterwards."""
from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Instructor
from tests.pages import hidden_fields
from tests.students.support import make_quiz

PASSWORD = "correct horse battery"  # the `instructor` fixture's


def _sign_in(client) -> None:
    page = client.get("/sign-in").get_data(as_text=True)
    response = client.post("/sign-in", data=hidden_fields(page) | {"name": "teacher",
                                                                   "password": PASSWORD})
    assert response.status_code == 302, response.status_code


def _quiz_id(app) -> int:
    from quizapp.models import Quiz

    make_quiz(app)
    with app.app_context():
        return db.session.execute(db.select(Quiz.id)).scalar_one()


def test_a_cookie_copied_before_sign_out_opens_nothing_after_it(app, instructor):
    quiz_id = _quiz_id(app)
    teacher = app.test_client()
    _sign_in(teacher)
    csv = f"/instructor/quizzes/{quiz_id}/attempts.csv"
    assert teacher.get(csv).status_code == 200
    copied = teacher.get_cookie("session").value  # a colleague's laptop, a shared screen

    page = teacher.get("/instructor/").get_data(as_text=True)
    assert teacher.post("/sign-out", data=hidden_fields(page)).status_code == 302

    thief = app.test_client()
    thief.set_cookie("session", copied)
    refused = thief.get(csv)
    assert refused.status_code == 302 and refused.headers["Location"].startswith("/sign-in")
    assert thief.get("/instructor/").status_code == 302
    # Signing in again works, with a fresh session.
    _sign_in(teacher)
    assert teacher.get(csv).status_code == 200


def test_a_new_password_ends_every_session_signed_in_before(app, instructor, runner):
    teacher = app.test_client()
    _sign_in(teacher)
    assert teacher.get("/instructor/").status_code == 200
    result = runner.invoke(args=["set-password", "teacher"], input="a brand new password\n")
    assert result.exit_code == 0, result.output
    assert "every session signed in before has ended" in result.output
    assert teacher.get("/instructor/").status_code == 302
    with app.app_context():
        from werkzeug.security import check_password_hash

        row = db.session.get(Instructor, instructor)
        assert check_password_hash(row.password_hash, "a brand new password")


def test_set_password_refuses_a_short_password_or_an_unknown_name(app, instructor, runner):
    short = runner.invoke(args=["set-password", "teacher"], input="short\n")
    assert short.exit_code == 1 and "at least 8 characters" in short.output
    unknown = runner.invoke(args=["set-password", "nobody"], input="long enough pass\n")
    assert unknown.exit_code == 1 and "No instructor is named 'nobody'" in unknown.output
    with app.app_context():
        assert db.session.get(Instructor, instructor).session_version == 1


def test_signing_in_renews_the_form_token_secret(app, instructor):
    quiz_id = _quiz_id(app)
    client = app.test_client()
    before = hidden_fields(client.get("/sign-in").get_data(as_text=True))["csrf_token"]
    _sign_in(client)
    # A token read before signing in (by whoever used this browser before) is worth nothing.
    stale = client.post(f"/instructor/quizzes/{quiz_id}/close", data={"csrf_token": before})
    assert stale.status_code == 400
    page = client.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    fresh = client.post(f"/instructor/quizzes/{quiz_id}/close", data=hidden_fields(page))
    assert fresh.status_code == 302


def test_a_session_from_before_session_versions_is_refused(app, instructor):
    # A cookie written by the previous quizapp names the instructor alone: it must sign in again.
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(instructor)
        session["_fresh"] = True
    assert client.get("/instructor/").status_code == 302
