"""A student who presses "Start" in several tabs at once gets the attempts the quiz allows, never
more, and one name is never two students', on SQLite and on PostgreSQL (where
quizapp.quiz.students.hold makes starts under one name, or by one student, take turns).

Without the hold, PostgreSQL stored 6 attempts for a limit of 1, 9 for a limit of 2, and 8
students called Ada from one fresh browser."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt
from tests.pages import hidden_fields
from tests.students.support import make_quiz, start, submit

TABS = 8
STARTED_THEM_ALL = "you have started them all: here is the one you have not submitted yet."


def _press_start_in_every_tab(app, client, code: str, name: str) -> list[tuple[int, str]]:
    """Open the intro page in TABS tabs of the student's browser (each form with its own
    submission key, as separate page loads have), press "Start the quiz" in all of them at the
    same moment; returns each tab's status and the page it lands on, redirects followed."""
    forms = [hidden_fields(client.get(f"/quiz/{code}").get_data(as_text=True))
             | {"student_name": name} for _ in range(TABS)]
    assert len({form["submission"] for form in forms}) == TABS
    cookie = client.get_cookie("session").value
    tabs = [app.test_client() for _ in range(TABS)]
    for tab in tabs:
        tab.set_cookie("session", cookie)  # one browser: the same student key in every tab
    gate = threading.Barrier(TABS)

    def press(number: int) -> tuple[int, str]:
        gate.wait()  # every press lands together
        sent = tabs[number].post(f"/quiz/{code}", data=forms[number])
        if sent.status_code != 302:
            return sent.status_code, sent.get_data(as_text=True)
        landed = tabs[number].get(sent.headers["Location"], follow_redirects=True)
        return landed.status_code, landed.get_data(as_text=True)

    with ThreadPoolExecutor(TABS) as pool:
        return list(pool.map(press, range(TABS)))  # re-raises any error of a tab


def _attempts(app) -> list[Attempt]:
    with app.app_context():
        return list(db.session.execute(db.select(Attempt).order_by(Attempt.id)).scalars())


def test_one_attempt_allowed_eight_tabs_pressing_start_at_once_make_one(app, client):
    code = make_quiz(app, attempts_allowed=1)
    token = start(client, code, "Ada")
    submit(client, token)
    # The teacher deletes the attempt to let Ada try again; her browser is still her.
    with app.app_context():
        attempts.delete_attempt(db.session.execute(db.select(Attempt)).scalar_one())
        db.session.commit()
    landed = _press_start_in_every_tab(app, client, code, "Ada")
    assert {status for status, _ in landed} == {200}
    pages = [page for _, page in landed]
    stored = _attempts(app)
    assert len(stored) == 1 and stored[0].student_name == "Ada"
    started = [page for page in pages if "Your resume code is" in page]
    refused = [page for page in pages if STARTED_THEM_ALL in page]
    assert len(started) == 1 and len(refused) == TABS - 1
    assert "This quiz allows 1 attempt and" in refused[0]


def test_two_attempts_allowed_eight_tabs_pressing_start_at_once_make_the_second_only(app,
                                                                                       client):
    code = make_quiz(app, attempts_allowed=2)
    submit(client, start(client, code, "Ada"))
    landed = _press_start_in_every_tab(app, client, code, "Ada")
    assert {status for status, _ in landed} == {200}
    pages = [page for _, page in landed]
    stored = _attempts(app)
    assert len(stored) == 2 and {a.student_key for a in stored} == {stored[0].student_key}
    assert sum("Your resume code is" in page for page in pages) == 1
    refused = [page for page in pages if STARTED_THEM_ALL in page]
    assert len(refused) == TABS - 1
    assert "This quiz allows 2 attempts and" in refused[0]



def test_a_fresh_browsers_tabs_pressing_start_at_once_make_one_student_not_eight(app, client):
    code = make_quiz(app)  # unlimited attempts: the name check alone keeps Ada one student
    landed = _press_start_in_every_tab(app, client, code, "Ada")
    stored = _attempts(app)
    assert len(stored) == 1 and stored[0].student_name == "Ada"
    statuses = sorted(status for status, _ in landed)
    # The tabs that lost hold no student key yet, so to them Ada is another student's name.
    assert statuses == [200] + [409] * (TABS - 1), statuses
    warned = [page for status, page in landed if status == 409]
    assert all("That name is already in use in this quiz." in page for page in warned)
