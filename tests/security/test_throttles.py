"""Limits on what one address (or everyone, for one quiz) may try: resume codes that match
nothing, and attempts started. Past a limit the page says until when, and nothing is changed.

The attack report: about 500 resume-code guesses a second from one client, and 120 attempts
started a second, with nothing to stop either."""
from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt
from tests.pages import hidden_fields
from tests.students.support import attempt_row, make_quiz, start

ELSEWHERE = {"REMOTE_ADDR": "10.1.2.3"}


def _count_attempts(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one()


def _resume(client, code: str, name: str, resume_code: str, environ=None):
    environ = environ or {}
    page = client.get("/resume", environ_base=environ).get_data(as_text=True)
    return client.post("/resume", environ_base=environ, data=hidden_fields(page) | {
        "code": code, "student_name": name, "resume_code": resume_code})


@pytest.fixture
def quiz(app):
    """A quiz and Ada's attempt at it: (join code, Ada's token, her resume code)."""
    code = make_quiz(app)
    token = start(app.test_client(), code, "Ada")
    return code, token, attempt_row(app, token).resume_code


def test_resume_guesses_from_one_address_are_limited(app, quiz):
    code, token, real = quiz
    tries = app.config["RESUME_LIMIT_PER_ADDRESS"][0]
    guesser = app.test_client()
    for number in range(tries):
        assert _resume(guesser, code, "Ada", f"ZZZ{number:03d}").status_code == 422
    refused = _resume(guesser, code, "Ada", real)  # even the right code, now
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "Too many resume codes that matched nothing were tried for your address" in html
    assert "UTC (in about 15 minutes)" in html and int(refused.headers["Retry-After"]) == 900
    assert token not in html
    # Ada, from her own device elsewhere, still gets in.
    ada = app.test_client()
    assert _resume(ada, code, "Ada", real, ELSEWHERE).headers["Location"].endswith(token)


def test_resume_guesses_at_one_quiz_are_limited_whatever_the_addresses(app, quiz):
    code, _token, real = quiz
    app.config["RESUME_LIMIT_PER_QUIZ"] = (4, 15)
    for number in range(4):
        address = {"REMOTE_ADDR": f"10.9.0.{number}"}
        assert _resume(app.test_client(), code, "Ada", "WRONG1", address).status_code == 422
    refused = _resume(app.test_client(), code, "Ada", real, {"REMOTE_ADDR": "10.9.1.1"})
    assert refused.status_code == 429
    assert "were tried for this quiz" in refused.get_data(as_text=True)


def test_a_right_resume_code_counts_against_no_one(app, quiz):
    code, _token, real = quiz
    tries = app.config["RESUME_LIMIT_PER_ADDRESS"][0]
    client = app.test_client()
    for _ in range(tries + 3):
        assert _resume(client, code, "Ada", real).status_code == 302


def test_attempts_started_from_one_address_are_limited_and_none_is_made_past_it(app, client):
    app.config["ATTEMPT_START_LIMIT"] = (3, 10)
    code = make_quiz(app)
    for number in range(3):
        start(client, code, f"Name {number}")
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    refused = client.post(f"/quiz/{code}", data=hidden_fields(page) | {"student_name": "One more"})
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "Too many attempts were started from your address. Try again after" in html
    assert 'value="One more"' in html  # what was typed is kept
    home = client.get("/").get_data(as_text=True)
    intro = client.post("/join", data=hidden_fields(home) | {"code": code,
                                                             "student_name": "Box"})
    by_box = client.post(f"/quiz/{code}", data=hidden_fields(intro.get_data(as_text=True))
                         | {"student_name": "Box"})
    assert by_box.status_code == 429
    assert _count_attempts(app) == 3
    # A classmate at another address starts as usual.
    other = app.test_client()
    page = other.get(f"/quiz/{code}", environ_base=ELSEWHERE).get_data(as_text=True)
    started = other.post(f"/quiz/{code}", environ_base=ELSEWHERE,
                         data=hidden_fields(page) | {"student_name": "Grace"})
    assert started.status_code == 302 and _count_attempts(app) == 4


def test_a_resent_start_form_is_not_counted_twice(app, client):
    app.config["ATTEMPT_START_LIMIT"] = (1, 10)
    code = make_quiz(app)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    form = hidden_fields(page) | {"student_name": "Cy"}
    first, again = client.post(f"/quiz/{code}", data=form), client.post(f"/quiz/{code}", data=form)
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"] == again.headers["Location"] and _count_attempts(app) == 1
