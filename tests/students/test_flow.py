"""A student joins with the code, answers question by question, submits and sees the score;
the attempt and every response are stored, graded by the server."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response
from tests.pages import hidden_fields, page_text
from tests.students.support import (
    HEDGE,
    WHICH,
    WHO,
    answer,
    choices,
    make_quiz,
    prompt_of_page,
    start,
    submit,
)


def test_home_lists_the_published_quiz_with_its_code(app, client):
    # Listed by its owner's choice (quizzes are unlisted unless the owner lists them).
    code = make_quiz(app, listed=True)
    page = client.get("/").get_data(as_text=True)
    assert "Fire at the harbour" in page
    assert code in page
    assert f'href="/quiz/{code}"' in page


def test_home_leaves_out_an_unlisted_quiz_which_its_code_still_opens(app, client):
    code = make_quiz(app)
    page = client.get("/").get_data(as_text=True)
    assert "Fire at the harbour" not in page and code not in page
    assert "Fire at the harbour" in client.get(f"/quiz/{code}").get_data(as_text=True)


def test_student_takes_the_quiz_and_the_score_is_stored(app, client):
    code = make_quiz(app)
    home = client.get("/").get_data(as_text=True)
    intro = client.post("/join", data=hidden_fields(home) | {"code": code.lower(),
                                                            "student_name": "  Ada  "})
    assert intro.status_code == 200  # the quiz's intro page: the clock has not started
    started = client.post(f"/quiz/{code}", data=hidden_fields(intro.get_data(as_text=True))
                          | {"student_name": "  Ada  "})
    assert started.status_code == 302
    token = started.headers["Location"].rsplit("/", 1)[1]
    ids = choices(app)
    picks = {WHO: [ids[WHO]["Mara Osei"]],
             WHICH: [ids[WHICH]["Coast Courier"]],  # half of a two-answer key: wrong
             HEDGE: [ids[HEDGE]["False"]]}
    for number in (1, 2, 3):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        assert f"Question {number} of 3" in page
        moved = answer(client, token, number, picks[prompt_of_page(page)])
        assert moved.status_code == 302
    assert moved.headers["Location"].endswith(f"/attempt/{token}/finish")
    finish = client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    assert "You answered 3 of 3 questions." in finish
    result = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "you scored <strong>2 out of 3</strong>" in result
    assert "The quote is attributed to Osei." in result
    assert "Chief Mara Osei said" in page_text(result)  # the evidence is shown after submission
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        assert attempt.student_name == "Ada"
        assert (attempt.score, attempt.max_score) == (2, 3)
        assert attempt.submitted_at is not None
        responses = db.session.execute(db.select(Response)).scalars().all()
        assert sorted(r.correct for r in responses) == [False, True, True]
        assert sum(len(r.chosen) for r in responses) == 3


def test_full_marks_for_every_key_choice(app, client):
    code = make_quiz(app)
    token = start(client, code, "Bo")
    ids = choices(app)
    keys = {WHO: [ids[WHO]["Mara Osei"]],
            WHICH: [ids[WHICH]["Coast Courier"], ids[WHICH]["Bay Wire"]],
            HEDGE: [ids[HEDGE]["False"]]}
    for number in (1, 2, 3):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        answer(client, token, number, keys[prompt_of_page(page)])
    result = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "3 out of 3" in result


def test_no_name_is_refused_with_a_message_and_keeps_the_code(app, client):
    code = make_quiz(app)
    home = client.get("/").get_data(as_text=True)
    response = client.post(
        "/join", data=hidden_fields(home) | {"code": code, "student_name": "   "}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter your name" in html
    assert f'value="{code}"' in html
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 0


def test_unknown_choice_is_refused_and_nothing_is_stored(app, client):
    code = make_quiz(app)
    token = start(client, code)
    for bad in ("999999", "not-a-number"):
        page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
        response = client.post(f"/attempt/{token}/q/1", data={
            "csrf_token": hidden_fields(page)["csrf_token"], "answer": bad, "go": "next"})
        assert response.status_code == 400
        html = response.get_data(as_text=True)
        assert "not saved" in html
        assert "Not a valid choice" in html or "Invalid Choice" in html
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 0


def test_a_form_without_its_csrf_token_is_refused(app, client):
    code = make_quiz(app)
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    form = hidden_fields(page) | {"student_name": "Eve"}
    del form["csrf_token"]
    response = client.post(f"/quiz/{code}", data=form)
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 0


def test_unknown_codes_and_attempts_are_plain_404s(app, client):
    make_quiz(app)
    missing = client.get("/quiz/NOPE42")
    assert missing.status_code == 404
    assert "No quiz has the code NOPE42" in missing.get_data(as_text=True)
    for address in ("/attempt/1", "/attempt/1/q/1", "/attempt/1/result", "/attempt/1/finish"):
        response = client.get(address)
        assert response.status_code == 404
        assert "Traceback" not in response.get_data(as_text=True)


def test_an_unpublished_quiz_says_so(app, client):
    code = make_quiz(app)
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        quiz.published = False
        db.session.commit()
    response = client.get(f"/quiz/{code}")
    assert response.status_code == 403
    assert "not open" in response.get_data(as_text=True)
    assert code not in client.get("/").get_data(as_text=True)


def test_student_names_are_escaped(app, client):
    code = make_quiz(app)
    token = start(client, code, "<script>alert(1)</script>")
    result = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)" not in result
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result


def test_every_page_of_the_journey_carries_the_content_security_policy(app, client):
    code = make_quiz(app)
    token = start(client, code)
    page = client.get(f"/attempt/{token}/q/1")
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    html = page.get_data(as_text=True)
    # The page script is a file, loaded deferred; no inline script or handler.
    assert re.search(r'<script src="/static/quiz\.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+=", html)
