"""A question page's layout is made once per quiz version and question number and filled in with
the attempt's values: the page a student gets must be exactly the one the template renders in
full, for every question, answered or not, timed or not, open book or not; and whatever the
layout cannot show (a message, an instructor's menu) still sends the page through the template."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from quizapp import attempts, models
from quizapp.quiz import page_layout
from tests.item_types import make_mixed_quiz
from tests.pages import hidden_fields
from tests.students.support import start

CSRF_VALUE = re.compile(r'(name="csrf_token" type="hidden" value=")[^"]+"')
A_CHOICE = re.compile(r'<input[^>]* name="answer"[^>]* value="([^"]+)"')


def _answer_one(client, token: str) -> int:
    """Tick the first choice of the first question that has choices to tick; its number."""
    number = 1
    while not (found := A_CHOICE.search(page := client.get(
            f"/attempt/{token}/q/{number}").get_data(as_text=True))):
        number += 1
    saved = client.post(f"/attempt/{token}/q/{number}", data={
        "csrf_token": hidden_fields(page)["csrf_token"], "answer": found.group(1), "go": "back"})
    assert saved.status_code == 302
    return number


def _pages(client, token: str) -> list[str]:
    pages, number = [], 1
    while (page := client.get(f"/attempt/{token}/q/{number}")).status_code == 200:
        # A form token is signed with the second it was made in: the one difference allowed.
        pages.append(CSRF_VALUE.sub(r'\1…"', page.get_data(as_text=True)))
        number += 1
    return pages


@pytest.mark.parametrize("settings", [
    {},
    {"time_limit_minutes": 20, "open_book": True},
    {"feedback": "immediate", "shuffle_questions": True, "shuffle_choices": True},
], ids=["plain", "timed-open-book", "immediate-shuffled"])
def test_the_layout_made_once_is_the_page_the_template_renders(app, client, monkeypatch,
                                                               settings):
    code = make_mixed_quiz(app, **settings)
    token = start(client, code)
    answered = _answer_one(client, token)
    # The clock stands still, so that both pages say the same time left.
    moment = models.now() + timedelta(seconds=30)
    monkeypatch.setattr(attempts, "now", lambda: moment)
    made = []
    plain_page = page_layout.plain_page
    monkeypatch.setattr(page_layout, "plain_page",
                        lambda *args: made.append(plain_page(*args)) or made[-1])
    filled = _pages(client, token)
    assert len(filled) >= 4 and all(made), "every page came from its layout"
    assert page_layout.MARK not in "".join(filled)
    monkeypatch.setattr(page_layout, "plain_page", lambda *args: None)
    assert filled == _pages(client, token)  # the template, rendered in full
    jumps = re.findall(r'value="(\d+)" class="jump( done)?"', filled[0])
    assert [number for number, done in jumps if done] == [str(answered)]
    assert len(jumps) == len(filled)


def test_a_message_waiting_is_shown_once_on_the_next_question_page(app, client):
    token = start(client, make_mixed_quiz(app))
    client.get(f"/attempt/{token}/q/1")  # the layout is made
    with client.session_transaction() as session:
        session["_flashes"] = [("notice", "Your teacher extended the time.")]
    shown = client.get(f"/attempt/{token}/q/1")
    assert "Your teacher extended the time." in shown.get_data(as_text=True)
    assert "Set-Cookie" in shown.headers  # the message is gone from the session
    again = client.get(f"/attempt/{token}/q/1")
    assert "Your teacher extended the time." not in again.get_data(as_text=True)
    assert "Set-Cookie" not in again.headers  # nothing changed: the cookie is not sent again


def test_a_signed_in_instructor_taking_the_quiz_keeps_the_instructor_menu(app, signed_in):
    token = start(signed_in, make_mixed_quiz(app))
    page = signed_in.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "Sign out" in page and 'href="/instructor/"' in page
    with signed_in.session_transaction() as session:
        del session["_user_id"]
    page = signed_in.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "Sign out" not in page
