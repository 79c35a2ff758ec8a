"""Fair timing (issue 13, point 2), through the pages as sent (no JavaScript): the minutes left
printed on every page of a timed attempt, the reader's included, with a warning in the last five
minutes; and a quiz's open and close dates, set in the settings form in the school's time zone
and enforced by the server: no start before the opening, no answer after the closing, attempts
in progress submitted at it, a time limit that never runs past it."""
from __future__ import annotations

import re
from datetime import timedelta

from quizapp import expiry
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, now
from tests.instructors.test_quizzes import mixed_story, settings
from tests.pages import hidden_fields
from tests.students.support import (
    WHO,
    answer,
    attempt_row,
    choices,
    make_quiz,
    set_quiz,
    start,
    submit,
)


def _count_attempts(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one()


def _deadline_in(app, token: str, seconds: int) -> None:
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        attempt.deadline_at = now() + timedelta(seconds=seconds)
        db.session.commit()


def _timer_text(html: str) -> str:
    found = re.search(r'<div class="timer[^"]*"[^>]*>(.*?)</div>', html, re.S)
    assert found, "no timer on the page"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def test_every_page_of_a_timed_attempt_prints_the_minutes_left(app, client):
    code = make_quiz(app, time_limit_minutes=20)
    token = start(client, code)
    with app.app_context():
        article_id = db.session.execute(db.select(Quiz)).scalar_one().story.articles[0].id
    pages = {"question": f"/attempt/{token}/q/1", "finish": f"/attempt/{token}/finish",
             "reader": f"/attempt/{token}/articles/{article_id}"}
    for name, address in pages.items():
        html = client.get(address).get_data(as_text=True)
        assert "Time left: about 20 minutes" in _timer_text(html), name
        assert 'role="timer"' in html and 'aria-live="polite"' in html, name
        assert "warning" not in re.search(r'<div class="timer[^"]*"', html).group(0), name

    # Five minutes before the end the page warns, in words; one minute before, again.
    _deadline_in(app, token, 4 * 60 + 50)
    html = client.get(pages["reader"]).get_data(as_text=True)
    assert 'class="timer warning"' in html
    assert "Time left: about 5 minutes Less than 5 minutes left." in _timer_text(html)
    _deadline_in(app, token, 75)
    html = client.get(pages["question"]).get_data(as_text=True)
    assert "Time left: about 1 minute Less than 5 minutes left." in _timer_text(html)
    assert "1 minutes" not in html  # the plural slip of issue 13
    _deadline_in(app, token, 30)
    assert "Time left: less than a minute Less than a minute left" in _timer_text(
        client.get(pages["finish"]).get_data(as_text=True))

    # Once submitted, the reader shows no clock.
    submit(client, token)
    assert 'class="timer' not in client.get(pages["reader"]).get_data(as_text=True)


def test_an_untimed_quiz_shows_no_clock(app, client):
    token = start(client, make_quiz(app))
    assert 'class="timer' not in client.get(f"/attempt/{token}/q/1").get_data(as_text=True)


def test_before_its_opening_a_quiz_starts_no_attempt(app, client):
    code = make_quiz(app)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    set_quiz(app, opens_at=now() + timedelta(days=1, hours=2))
    shown = client.get(f"/quiz/{code}")
    assert shown.status_code == 403
    assert re.search(r"opens \w+day \d+ \w+ \d{4}, \d\d:\d\d \(UTC\)", shown.get_data(as_text=True))
    refused = client.post(f"/quiz/{code}", data=hidden_fields(page) | {"student_name": "Ada"})
    assert refused.status_code == 403
    home = client.get("/").get_data(as_text=True)
    assert f"/quiz/{code}" not in home  # not listed before it opens
    by_box = client.post("/join", data=hidden_fields(home) | {"code": code, "student_name": "Ada"})
    assert by_box.status_code == 403 and "opens" in by_box.get_data(as_text=True)
    assert _count_attempts(app) == 0
    # At its opening it takes students as usual.
    set_quiz(app, opens_at=now() - timedelta(minutes=1))
    start(client, code)
    assert _count_attempts(app) == 1


def test_at_its_close_date_a_quiz_takes_no_answer_and_submits_what_was_saved(app, client):
    code = make_quiz(app, review_answers="after_close")
    token = start(client, code)
    ids = choices(app)
    assert answer(client, token, 1, [ids[WHO]["Mara Osei"]]).status_code == 302
    page = client.get(f"/attempt/{token}/q/2").get_data(as_text=True)
    set_quiz(app, closes_at=now() - timedelta(seconds=1))
    late = client.post(f"/attempt/{token}/q/2", data={
        "csrf_token": hidden_fields(page)["csrf_token"], "go": "next", "answer": []})
    assert late.status_code == 302 and late.headers["Location"].endswith("/result")
    result = client.get(late.headers["Location"]).get_data(as_text=True)
    assert "Your teacher has closed this quiz" in result
    row = attempt_row(app, token)
    assert row.submitted_at is not None and row.score == 1
    # The right answers that waited for the closing are shown now.
    assert "right answer" in result
    assert client.get(f"/quiz/{code}").status_code == 403
    assert "has closed" in client.get(f"/quiz/{code}").get_data(as_text=True)


def test_an_attempt_left_open_is_graded_when_the_close_date_passes(app, client):
    code = make_quiz(app)
    token = start(client, code)
    set_quiz(app, closes_at=now() - timedelta(minutes=1))
    with app.app_context():
        assert expiry.grade_expired() == 1
    assert attempt_row(app, token).submitted_at is not None


def test_a_time_limit_never_runs_past_the_close_date(app, client):
    closing = now() + timedelta(minutes=10)
    code = make_quiz(app, time_limit_minutes=30, closes_at=closing)
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "The quiz closes" in intro and "even if your time limit runs longer" in intro
    token = start(client, code)
    assert attempt_row(app, token).deadline_at == closing
    html = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "Time left: about 10 minutes" in _timer_text(html)


def test_dates_are_set_in_the_school_time_zone_and_kept_in_utc(app, signed_in):
    app.config["TIMEZONE"] = "Europe/Paris"
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    assert "times in Europe/Paris" in page
    # Winter in Paris is UTC+1.
    data = settings(page, questions=[str(ids["A1?"])], opens_at="2030-01-14T08:30",
                    closes_at="2030-01-14T08:00")
    refused = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=data)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "The quiz must close after it opens." in html
    assert 'value="2030-01-14T08:30"' in html and 'value="2030-01-14T08:00"' in html
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Quiz.id))).scalar_one() == 0
    data["closes_at"] = "2030-01-14T09:15"
    saved = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=data,
                           follow_redirects=True)
    assert "Monday 14 January 2030, 08:30 (Europe/Paris)" in saved.get_data(as_text=True)
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert (quiz.opens_at.isoformat(), quiz.closes_at.isoformat()) == (
            "2030-01-14T07:30:00", "2030-01-14T08:15:00")
        quiz_id = quiz.id
    edit = signed_in.get(f"/instructor/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert 'value="2030-01-14T08:30"' in edit and 'value="2030-01-14T09:15"' in edit
