"""Review options, as Moodle has them: per quiz, when the right answers (with the verdicts,
explanations and evidence) are shown, and when the score is. Enforced by the server on the
result page, the reader's marks and the story map.

The attack report: attempts are unlimited and tied to no one, so a blank attempt under one name
showed every right answer, and a second attempt under another name scored 20/20 in under a
second."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Evidence
from tests.pages import hidden_fields, page_text
from tests.students.support import (
    HEDGE,
    WHICH,
    WHO,
    answer,
    choices,
    make_quiz,
    prompt_of_page,
    set_quiz,
    start,
    submit,
)

EXPLANATION = "The quote is attributed to Osei."
EVIDENCE = "Chief Mara Osei said"


def _blank_attempt(client, code: str, name: str = "Throwaway") -> str:
    """Start and submit at once, answering nothing: what a student mining the key would do."""
    token = start(client, code, name)
    assert submit(client, token).status_code == 302
    return token


def _result(client, token: str) -> str:
    return client.get(f"/attempt/{token}/result").get_data(as_text=True)


def _key_shown(html: str) -> bool:
    """Anything on the page that tells which choice is right."""
    return ('class="tag key"' in html or EXPLANATION in html or EVIDENCE in page_text(html)
            or "✓" in html or "Not right" in html or "Read it in the article" in html)


def test_by_default_a_throwaway_attempt_shows_no_key_until_the_quiz_closes(app, client):
    code = make_quiz(app, review_answers=None)  # the quiz's own default
    with app.app_context():
        from quizapp.models import Quiz

        assert db.session.execute(db.select(Quiz.review_answers)).scalar_one() == "after_close"
    token = _blank_attempt(client, code)
    html = _result(client, token)
    assert "0 out of 3" in html  # the score is shown at once, by default
    assert not _key_shown(html)
    assert "shown when your teacher closes the quiz" in html
    # The prompts and the student's own (blank) answers are there; nothing that marks the key.
    assert WHO in html and "Not answered" in html
    set_quiz(app, closed=True)
    html = _result(client, token)
    assert _key_shown(html) and EXPLANATION in html and EVIDENCE in page_text(html)


def test_answers_never_shown_stay_hidden_even_after_closing(app, client):
    code = make_quiz(app, review_answers="never", review_score="never")
    token = _blank_attempt(client, code)
    set_quiz(app, closed=True)
    html = _result(client, token)
    assert not _key_shown(html)
    assert "out of 3" not in html
    assert "not shown to students of this quiz" in html
    assert '<table class="skills">' not in html  # the per-skill table counts right answers


def test_the_score_can_wait_for_the_closing_too(app, client):
    code = make_quiz(app, review_answers="after_close", review_score="after_close")
    ids = choices(app)
    token = start(client, code)
    for number in (1, 2, 3):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        prompt = prompt_of_page(page)
        key = {WHO: ["Mara Osei"], WHICH: ["Coast Courier", "Bay Wire"], HEDGE: ["False"]}[prompt]
        answer(client, token, number, [ids[prompt][text] for text in key])
    submit(client, token)
    html = _result(client, token)
    assert "3 out of 3" not in html and "Your score is shown when your teacher closes" in html
    assert html.count('<em class="tag mine">your answer</em>') == 4  # their own answers stay
    set_quiz(app, closed=True)
    assert "3 out of 3" in _result(client, token)


def test_right_after_the_attempt_shows_everything_at_once(app, client):
    code = make_quiz(app, review_answers="after_attempt")
    html = _result(client, _blank_attempt(client, code))
    assert 'class="tag key"' in html and EXPLANATION in html and EVIDENCE in page_text(html)


def test_the_reader_marks_no_evidence_and_the_map_waits_until_answers_are_due(app, client):
    code = make_quiz(app, review_answers="after_close")
    token = _blank_attempt(client, code)
    with app.app_context():
        evidence = db.session.execute(db.select(Evidence)).scalars().first()
        address = f"/attempt/{token}/articles/{evidence.article_id}?evidence={evidence.id}"
    page = client.get(address).get_data(as_text=True)
    assert "<mark" not in page and "proves the answer" not in page
    assert client.get(f"/attempt/{token}/map").status_code == 404
    set_quiz(app, closed=True)
    page = client.get(address).get_data(as_text=True)
    assert "<mark" in page and "proves the answer" in page
    assert client.get(f"/attempt/{token}/map").status_code == 200


def test_the_instructor_sees_the_whole_review_whatever_the_students_may(app, signed_in):
    code = make_quiz(app, review_answers="never", review_score="never")
    student = app.test_client()
    token = _blank_attempt(student, code)
    html = signed_in.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert _key_shown(html) and "0 out of 3" in html
    assert "You see this page as an instructor" in html
    assert not _key_shown(_result(student, token))


def test_the_start_page_says_when_the_answers_will_be_shown(app, client):
    code = make_quiz(app, review_answers="after_close")
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "You see your score when you submit; the right answers once your teacher closes" \
           in page


def test_the_quiz_form_offers_the_review_options_and_keeps_them(app, signed_in):
    make_quiz(app)
    with app.app_context():
        from quizapp.models import Quiz

        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/edit").get_data(as_text=True)
    for value in ("after_attempt", "after_close", "never"):
        assert re.search(rf'name="review_answers"[^>]*value="{value}"', page)
        assert re.search(rf'name="review_score"[^>]*value="{value}"', page)
    fields = hidden_fields(page)
    data = {"csrf_token": fields["csrf_token"], "title": "Harbour", "layout": "one_per_page",
            "join_code": re.search(r'name="join_code"[^>]*value="([^"]*)"', page).group(1),
            "feedback": "at_end", "selection": "hand", "per_skill": "2",
            "review_answers": "never", "review_score": "after_close",
            "questions": re.findall(r'<input checked[^>]*name="questions"[^>]*value="(\d+)"',
                                    page)}
    saved = signed_in.post(f"/instructor/quizzes/{quiz_id}/edit", data=data)
    assert saved.status_code == 302, saved.get_data(as_text=True)
    shown = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    assert "Right answers shown</dt><dd>Never" in shown
    assert "Score shown</dt><dd>Only after the quiz is closed" in shown
