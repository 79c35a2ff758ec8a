"""Joining a quiz by its code or its link, closed quizzes, starting once, and resuming an
attempt on the same device or on another one with the resume code."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.quiz_builder import JOIN_CODE_ALPHABET
from tests.pages import hidden_fields
from tests.students.support import (
    answer,
    attempt_row,
    make_quiz,
    saved_answers,
    set_quiz,
    start,
    submit,
    values,
)


def _count_attempts(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one()


def test_join_link_with_the_code_leads_to_the_quiz(app, client):
    code = make_quiz(app)
    response = client.get(f"/join?code={code.lower()}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/quiz/{code}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Fire at the harbour" in page and 'name="student_name"' in page


def test_home_box_leads_to_the_intro_page_before_the_clock_starts(app, client):
    """Issue 13: joining from the home page skipped the intro page, so a timed quiz's clock
    started with no warning."""
    code = make_quiz(app, time_limit_minutes=1)
    home = client.get("/").get_data(as_text=True)
    # A code read aloud may be typed in lower case and with a space.
    intro = client.post("/join", data=hidden_fields(home) | {
        "code": f" {code[:3].lower()} {code[3:]}", "student_name": "Ada"})
    html = intro.get_data(as_text=True)
    assert intro.status_code == 200
    assert _count_attempts(app) == 0  # no clock yet
    assert "Time limit: 1 minute." in html and "1 minutes" not in html
    assert "The clock starts when you press “Start the quiz”" in html
    assert 'value="Ada"' in html  # the name typed comes along
    # A double press on the home page's button shows the intro twice and starts nothing.
    again = client.post("/join", data=hidden_fields(home) | {"code": code, "student_name": "Ada"})
    assert again.status_code == 200 and _count_attempts(app) == 0
    response = client.post(f"/quiz/{code}", data=hidden_fields(html) | {"student_name": "Ada"})
    assert response.status_code == 302
    token = response.headers["Location"].rsplit("/", 1)[1]
    assert attempt_row(app, token).student_name == "Ada"
    first = client.get(f"/attempt/{token}", follow_redirects=True).get_data(as_text=True)
    assert "Question 1 of 3" in first


def test_unknown_code_in_the_home_box_says_so_and_keeps_the_name(app, client):
    make_quiz(app)
    home = client.get("/").get_data(as_text=True)
    response = client.post(
        "/join", data=hidden_fields(home) | {"code": "ZZZZZZ", "student_name": "Ada"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "No quiz has the code ZZZZZZ" in html
    assert 'value="Ada"' in html and 'value="ZZZZZZ"' in html
    assert _count_attempts(app) == 0


def test_a_closed_quiz_says_so_plainly_and_starts_nothing(app, client):
    code = make_quiz(app)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    set_quiz(app, closed=True)
    closed = client.get(f"/quiz/{code}")
    assert closed.status_code == 403
    assert "This quiz is not open: your teacher has closed it." in closed.get_data(as_text=True)
    refused = client.post(f"/quiz/{code}", data=hidden_fields(page) | {"student_name": "Ada"})
    assert refused.status_code == 403
    home = client.get("/").get_data(as_text=True)
    assert code not in home
    by_box = client.post("/join", data=hidden_fields(home) | {"code": code, "student_name": "Ada"})
    assert by_box.status_code == 403
    assert "has closed" in by_box.get_data(as_text=True)
    assert _count_attempts(app) == 0


def test_a_resent_or_double_clicked_start_form_gives_one_attempt(app, client):
    code = make_quiz(app)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    form = hidden_fields(page) | {"student_name": "Cy"}
    first = client.post(f"/quiz/{code}", data=form)
    second = client.post(f"/quiz/{code}", data=form)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert _count_attempts(app) == 1
    # A new view of the join page with the same name on the same device is no new start
    # either: it resumes the unfinished attempt (test_same_name_on_the_same_device_resumes…).
    assert start(client, code, "Cy") == first.headers["Location"].rsplit("/", 1)[1]
    assert _count_attempts(app) == 1


def test_the_resume_code_is_shown_once_at_the_start_and_then_only_when_asked(app, client):
    # A code printed on every page is read off the screen by a neighbour, who then opens the
    # attempt, changes the answers and submits.
    code = make_quiz(app)
    token = start(client, code)
    resume_code = attempt_row(app, token).resume_code
    assert len(resume_code) == 6 and set(resume_code) <= set(JOIN_CODE_ALPHABET)
    assert not set(resume_code) & set("0O1IL")
    first = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert f"Your resume code is {resume_code}." in first
    again = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert resume_code not in again
    assert resume_code not in client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    assert "Show my resume code" in again
    asked = client.get(f"/attempt/{token}/resume-code").get_data(as_text=True)
    assert f'<strong class="resume-code">{resume_code}</strong>' in asked


def test_same_device_comes_back_to_the_same_attempt(app, client):
    code = make_quiz(app, time_limit_minutes=20)
    token = start(client, code)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    first = re.search(r'value="([0-9a-f]+)"', page.split("<fieldset", 1)[1]).group(1)
    answer(client, token, 1, [first])  # saved, and now on question 2
    # The tab is closed; the student opens the quiz's link again.
    join_page = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert f'<a class="continue" href="/attempt/{token}">Continue Ada’s attempt</a>' in join_page
    home = client.get("/").get_data(as_text=True)
    assert f'href="/attempt/{token}"' in home
    back = client.get(f"/attempt/{token}")
    assert back.headers["Location"].endswith(f"/attempt/{token}/q/2")
    [saved] = saved_answers(app, token).values()
    assert values(client, token, sorted(saved)) == [first]
    again = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert re.search(rf'checked[^>]*value="{first}"', again)
    # The remembered attempt is in the signed session cookie, and outlives the browser session.
    with client.session_transaction() as session:
        assert token in session["attempts"].values()
        assert session.permanent
    assert _count_attempts(app) == 1


def test_resume_on_another_device_with_code_name_and_resume_code(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada Lovelace Ñúñez")
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    chosen = re.search(r'name="answer" type="radio" value="([0-9a-f]+)"', page).group(1)
    answer(client, token, 1, [chosen], go="2")
    resume_code = attempt_row(app, token).resume_code
    other = app.test_client()  # another device: its own cookies
    form = other.get("/resume").get_data(as_text=True)
    response = other.post(
        "/resume",
        data=hidden_fields(form)
        | {
            "code": code.lower(),
            "student_name": "ada  lovelace ñúñez",
            "resume_code": resume_code.lower(),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith(f"/attempt/{token}")
    page = other.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Question 2 of 3" in page
    first = other.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert re.search(rf'checked[^>]*value="{chosen}"', first)
    assert _count_attempts(app) == 1


def test_a_wrong_resume_combination_gets_one_message_that_names_no_part(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    resume_code = attempt_row(app, token).resume_code
    other = app.test_client()  # another device: its own cookies
    form = hidden_fields(other.get("/resume").get_data(as_text=True))
    tries = [
        {"code": code, "student_name": "Bo", "resume_code": resume_code},
        {
            "code": code,
            "student_name": "Ada",
            "resume_code": "XXXXXX" if resume_code != "XXXXXX" else "YYYYYY",
        },
        {"code": "ZZZZZZ", "student_name": "Ada", "resume_code": resume_code},
    ]
    pages = []
    for data in tries:
        response = other.post("/resume", data=form | data)
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert "No attempt matches that quiz code, name and resume code." in html
        pages.append(re.sub(r'value="[^"]*"', "", html))
    assert pages[0] == pages[1] == pages[2]
    with other.session_transaction() as session:
        assert "attempts" not in session


def test_same_name_on_the_same_device_resumes_the_unfinished_attempt(app, client):
    """Issue 13: typing the same code and name again, even in the same browser, started a new
    attempt."""
    code = make_quiz(app)
    token = start(client, code, "Ada")
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    chosen = re.search(r'name="answer" type="radio" value="([0-9a-f]+)"', page).group(1)
    answer(client, token, 1, [chosen])
    # The student leaves, and joins again from the home page with the same code and name.
    home = client.get("/").get_data(as_text=True)
    intro = client.post("/join", data=hidden_fields(home) | {"code": code,
                                                            "student_name": " ada "})
    html = intro.get_data(as_text=True)
    assert intro.status_code == 200
    assert "Welcome back, Ada:" in html and "unfinished attempt" in html
    assert f'<a class="continue" href="/attempt/{token}">Continue Ada’s attempt</a>' in html
    assert "Submit it as it is and start a new attempt" in html
    # "Start the quiz" with that name goes back to the attempt, where it was left.
    again = client.post(f"/quiz/{code}", data=hidden_fields(html) | {"student_name": "ada"})
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/attempt/{token}")
    resumed = client.get(again.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Welcome back" in resumed and "Question 2 of 3" in resumed
    assert _count_attempts(app) == 1
    assert len(saved_answers(app, token)) == 1  # the answer saved before leaving is there


def test_start_a_new_attempt_submits_the_unfinished_one_first(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    # The button's own form: its key, the name it was started under, and new_attempt.
    form = re.search(r'<form[^>]*>(?:(?!</form>).)*new_attempt(?:(?!</form>).)*</form>', intro,
                     re.S).group(0)
    response = client.post(f"/quiz/{code}", data=hidden_fields(form) | {"new_attempt": "1"})
    assert response.status_code == 302
    new_token = response.headers["Location"].rsplit("/", 1)[1]
    assert new_token != token
    assert attempt_row(app, token).submitted_at is not None  # submitted as it was
    assert attempt_row(app, new_token).student_name == "Ada"
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Your unfinished attempt was submitted with the answers you had saved." in page
    assert _count_attempts(app) == 2
    # The form without its CSRF token changes nothing.
    bare = {k: v for k, v in hidden_fields(form).items() if k != "csrf_token"}
    assert client.post(f"/quiz/{code}", data=bare | {"new_attempt": "1"}).status_code in (
        400, 422)
    assert _count_attempts(app) == 2


def test_another_name_on_the_same_device_is_someone_else(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    other = start(client, code, "Bo")
    assert other != token and _count_attempts(app) == 2
    assert attempt_row(app, token).submitted_at is None  # Ada's is kept, for her resume code


def test_a_submitted_attempt_is_not_resumed(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    submit(client, token)
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "Welcome back" not in intro and token not in intro
    assert start(client, code, "Ada") != token
