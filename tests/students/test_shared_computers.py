"""An attempt is not handed to the next person at the keyboard: the browser forgets it once it
is submitted, "Not you? Start fresh" forgets it on request, and a quiz taken on shared computers
is never remembered at all. The resume code is not on every page (test_joining.py).

The attack report: on a shared lab computer, the next user saw "Continue X's attempt" for 31
days; a neighbour who read the resume code off the screen opened the attempt and submitted it."""
from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Attempt
from tests.pages import hidden_fields
from tests.students.support import attempt_row, make_quiz, start, submit


def _remembered(client) -> dict:
    with client.session_transaction() as session:
        return dict(session.get("attempts", {}))


def test_a_submitted_attempt_is_no_longer_offered_on_this_computer(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    assert "Continue Ada’s attempt" in client.get(f"/quiz/{code}").get_data(as_text=True)
    submit(client, token)
    assert token not in _remembered(client).values()
    for page in (client.get(f"/quiz/{code}"), client.get("/")):
        html = page.get_data(as_text=True)
        assert "Ada" not in html and token not in html


def test_not_you_start_fresh_forgets_the_attempt_here_and_keeps_it(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "Not Ada? Start fresh" in page
    fresh = client.post(f"/quiz/{code}/start-fresh", data=hidden_fields(page))
    assert fresh.status_code == 302 and fresh.headers["Location"].endswith(f"/quiz/{code}")
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "Ada" not in page and token not in page
    assert token not in _remembered(client).values()
    # The attempt itself is kept: Ada resumes it with her code, anywhere.
    assert attempt_row(app, token).submitted_at is None


def test_start_fresh_on_the_home_page_forgets_every_attempt_of_this_browser(app, client):
    code = make_quiz(app)
    start(client, code, "Ada")
    home = client.get("/").get_data(as_text=True)
    assert "Continue Ada’s attempt" in home and "Not you? Start fresh" in home
    assert client.post("/start-fresh", data=hidden_fields(home)).status_code == 302
    assert "Continue Ada" not in client.get("/").get_data(as_text=True)
    assert _remembered(client) == {}


def test_start_fresh_needs_its_form_token(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    assert client.post(f"/quiz/{code}/start-fresh").status_code == 400
    assert token in _remembered(client).values()


def test_a_quiz_for_shared_computers_remembers_no_attempt_in_the_browser(app, client):
    code = make_quiz(app, shared_computer=True)
    token = start(client, code, "Ada")
    assert _remembered(client) == {}
    assert "Continue" not in client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "Continue" not in client.get("/").get_data(as_text=True)
    # The attempt's own address still works (a reload), and the code resumes it elsewhere.
    assert client.get(f"/attempt/{token}/q/1").status_code == 200
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 1
