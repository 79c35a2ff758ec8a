"""Each integrity rule, tried and failing to break: the key never reaches the page or the
script before feedback, submitting twice grades once, the time limit holds on the server,
and another attempt's address is not found."""
from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Response
from tests.pages import hidden_fields
from tests.students.support import (
    WHO,
    answer,
    attempt_row,
    choices,
    csrf,
    make_quiz,
    question_ids,
    saved_answers,
    start,
    submit,
    values,
)

STATIC = Path(__file__).resolve().parents[2] / "static"


def _without_tokens(html: str) -> str:
    """A page with its per-request form token blanked, to compare two renderings."""
    return re.sub(r'(name="csrf_token" type="hidden" value=")[^"]*', r"\1", html)


def _set_key(app, prompt: str, key_text: str) -> None:
    with app.app_context():
        question = db.session.execute(
            db.select(Question).where(Question.prompt == prompt)
        ).scalar_one()
        for choice in question.choices:
            choice.correct = choice.text == key_text
        db.session.commit()


@pytest.mark.parametrize("layout", ["one_per_page", "all_on_one"])
@pytest.mark.parametrize("feedback", ["at_end", "immediate"])
def test_the_question_page_is_the_same_whichever_choice_is_the_key(app, client, layout, feedback):
    code = make_quiz(app, layout=layout, feedback=feedback)
    token = start(client, code)
    client.get(f"/attempt/{token}", follow_redirects=True)  # the first page, with the resume code
    address = f"/attempt/{token}" if layout == "all_on_one" else None
    if address is None:
        number = next(
            n
            for n in (1, 2, 3)
            if "under control" in client.get(f"/attempt/{token}/q/{n}").get_data(as_text=True)
        )
        address = f"/attempt/{token}/q/{number}"
    renderings = []
    for key in ("Mara Osei", "The harbour master", "Bay Wire"):
        _set_key(app, WHO, key)
        html = client.get(address).get_data(as_text=True)
        assert "Mara Osei" in html and "The harbour master" in html
        renderings.append(_without_tokens(html))
    assert renderings[0] == renderings[1] == renderings[2]
    page = renderings[0].lower()
    assert "correct" not in page and "data-key" not in page and "right answer" not in page
    # Choices carry the attempt's opaque values, never their database ids.
    with app.app_context():
        for choice in db.session.execute(db.select(Choice)).scalars():
            if choice.question.prompt == WHO:
                field = "answer" if layout == "one_per_page" else f"q{choice.question_id}"
                assert f'name="{field}" type="radio" value="{choice.id}"' not in renderings[0]


def test_the_page_script_knows_nothing_of_the_key():
    script = (STATIC / "quiz.js").read_text()
    # The keyboard's keys (Enter checks an answer) are not the answer key.
    text = script.lower().replace("nothing here knows which one is right", "")
    text = text.replace('"keydown"', "").replace("event.key ", "")
    for word in ("correct", "key", "right answer", "explanation", "evidence"):
        assert word not in text
    # It only ever sends answers to the server; it reads nothing back but the save's status.
    assert "fetch(address" in script and ".json()" not in script


def test_submitting_twice_grades_once_and_keeps_the_first_result(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    client.post(f"/attempt/{token}/answers", headers=headers,
                data={"question_id": qids[WHO],
                      "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    page = client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    form = {"csrf_token": hidden_fields(page)["csrf_token"]}
    first = client.post(f"/attempt/{token}/submit", data=form)
    graded_at = attempt_row(app, token).submitted_at
    # The answer changes in the database behind the page's back; a second press must not regrade.
    with app.app_context():
        response = db.session.execute(
            db.select(Response).where(Response.question_id == qids[WHO])).scalar_one()
        response.chosen = [db.session.get(Choice, ids[WHO]["Bay Wire"])]
        db.session.commit()
    second = client.post(f"/attempt/{token}/submit", data=form)
    assert first.headers["Location"] == second.headers["Location"]
    row = attempt_row(app, token)
    assert (row.score, row.max_score, row.submitted_at) == (1, 3, graded_at)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 1
        # One response per question, made once.
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 3


def test_after_the_deadline_the_next_page_submits_what_was_saved(app, client):
    code = make_quiz(app, time_limit_minutes=15)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    row = attempt_row(app, token)
    assert row.deadline_at == row.started_at + timedelta(minutes=15)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "Time left:" in page and "about 15 minutes" in page
    headers = {"X-CSRFToken": hidden_fields(page)["csrf_token"]}
    client.post(f"/attempt/{token}/answers", headers=headers,
                data={"question_id": qids[WHO],
                      "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        attempt.deadline_at = attempt.started_at - timedelta(minutes=1)  # time ran out
        db.session.commit()
    # No timer in the page is involved: the server notices on the next page load.
    response = client.get(f"/attempt/{token}/q/2")
    assert response.status_code == 302 and response.headers["Location"].endswith("/result")
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Time is up: the answers you saved were submitted." in result
    assert "1 out of 3" in result
    row = attempt_row(app, token)
    assert row.submitted_at is not None and row.score == 1
    # A form sent after the deadline is refused with a message and changes nothing.
    late = client.post(f"/attempt/{token}/q/1", follow_redirects=True, data={
        "csrf_token": headers["X-CSRFToken"], "go": "next",
        "answer": values(client, token, [ids[WHO]["Bay Wire"]])})
    assert "nothing was changed" in late.get_data(as_text=True)
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Mara Osei"]}


def test_a_form_sent_after_the_deadline_is_not_saved_and_the_attempt_is_submitted(app, client):
    code = make_quiz(app, time_limit_minutes=15)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        attempt.deadline_at = attempt.started_at - timedelta(minutes=5)
        db.session.commit()
    late = client.post(
        f"/attempt/{token}/q/1",
        data={
            "csrf_token": hidden_fields(page)["csrf_token"],
            "answer": values(client, token, [ids[WHO]["Bay Wire"]]),
            "go": "next",
        },
    )
    assert late.headers["Location"].endswith(f"/attempt/{token}/result")
    html = client.get(late.headers["Location"]).get_data(as_text=True)
    assert "that answer arrived after the deadline and was not saved" in html
    assert "0 out of 3" in html
    assert saved_answers(app, token)[qids[WHO]] == set()


def test_another_attempts_address_is_not_found(app, client):
    code = make_quiz(app)
    mine = start(client, code, "Ada")
    other = start(client, code, "Bo")
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", mine) and mine != other
    # Changing a character of the token, or using the numeric id, finds nothing.
    guessed = mine[:-1] + ("A" if mine[-1] != "A" else "B")
    with app.app_context():
        ids = [a.id for a in db.session.execute(db.select(Attempt)).scalars()]
    for address in [f"/attempt/{guessed}", f"/attempt/{guessed}/q/1", f"/attempt/{guessed}/result",
                    f"/attempt/{guessed}/finish", f"/attempt/{guessed}/articles/1",
                    *[f"/attempt/{i}" for i in ids], *[f"/attempt/{i}/result" for i in ids]]:
        assert client.get(address).status_code == 404, address
    page = client.get(f"/attempt/{mine}/q/1").get_data(as_text=True)
    refused = client.post(f"/attempt/{guessed}/submit",
                          data={"csrf_token": hidden_fields(page)["csrf_token"]})
    assert refused.status_code == 404


def test_one_question_number_out_of_range_is_not_found(app, client):
    code = make_quiz(app)
    token = start(client, code)
    assert client.get(f"/attempt/{token}/q/0").status_code == 404
    assert client.get(f"/attempt/{token}/q/4").status_code == 404


def test_two_submissions_at_the_same_moment_grade_once(app, client):
    """Two presses racing each other (two tabs, a double click on a slow network)."""
    import threading

    code = make_quiz(app)
    token = start(client, code)
    page = client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    form = {"csrf_token": hidden_fields(page)["csrf_token"]}
    cookie = client.get_cookie("session").value
    browsers = [app.test_client(), app.test_client()]
    for browser in browsers:
        browser.set_cookie("session", cookie)
    gate = threading.Barrier(2)
    statuses = []

    def press(browser):
        gate.wait()
        statuses.append(browser.post(f"/attempt/{token}/submit", data=form).status_code)

    threads = [threading.Thread(target=press, args=(b,)) for b in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302, 302]
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 3
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        assert (attempt.score, attempt.max_score) == (0, 3) and attempt.submitted_at is not None


def test_a_checked_answer_keeps_its_question_when_the_instructor_edits_it(app, client):
    code = make_quiz(app, feedback="immediate")
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    number = next(
        n
        for n in (1, 2, 3)
        if "under control" in client.get(f"/attempt/{token}/q/{n}").get_data(as_text=True)
    )
    answer(client, token, number, [ids[WHO]["Mara Osei"]], go="check")
    # What an edit of a graded question does: a new version takes its place in the quiz.
    with app.app_context():
        from quizapp.models import QuizQuestion

        old = db.session.get(Question, qids[WHO])
        newer = Question(story_id=old.story_id, kind=old.kind, skill=old.skill, origin="manual",
                         prompt="Who said the fire was “contained”?", explanation="Reworded.",
                         status="approved", previous_id=old.id,
                         choices=[Choice(position=0, text="Mara Osei", correct=False),
                                  Choice(position=1, text="Bay Wire", correct=True)])
        db.session.add(newer)
        db.session.flush()
        old.status = "superseded"
        db.session.execute(db.update(QuizQuestion).where(QuizQuestion.question_id == old.id)
                           .values(question_id=newer.id))
        db.session.commit()
    page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
    assert "under control" in page and "contained" not in page
    result = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "1 out of 3" in result
    assert "under control" in result


def test_closing_the_quiz_stops_answers_and_submits_what_was_saved(app, client):
    from tests.students.support import set_quiz

    code = make_quiz(app)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    client.post(f"/attempt/{token}/answers", headers=headers,
                data={"question_id": qids[WHO],
                      "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    set_quiz(app, closed=True)
    refused = client.post(f"/attempt/{token}/answers", headers=headers,
                          data={"question_id": qids[WHO],
                                "answer": values(client, token, [ids[WHO]["Bay Wire"]])})
    assert refused.status_code == 409
    assert "closed this quiz" in refused.get_data(as_text=True)
    page = client.get(f"/attempt/{token}", follow_redirects=True).get_data(as_text=True)
    assert "Your teacher closed this quiz: the answers you saved were submitted." in page
    assert "1 out of 3" in page
