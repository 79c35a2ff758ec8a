"""A student opens a quiz, answers, submits and sees the score; the attempt is stored."""
from __future__ import annotations

import re

import pytest

from quizapp import bank, generators as core, quizzes
from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Quiz, Response
from tests.conftest import hidden_fields

STORY = core.Story(
    slug="harbour-fire",
    title="Fire at the harbour",
    articles=(
        core.Article(id="a", outlet="Coast Courier", title="Harbour fire",
                     text="Chief Mara Osei said the fire was \u201cunder control\u201d by noon."),
        core.Article(id="b", outlet="Bay Wire", title="Blaze at the docks",
                     text="Officials counted 14 boats damaged."),
    ),
)

QUESTIONS = [
    core.Question(
        kind="quote_attribution", skill="attribution",
        prompt="Who said the fire was \u201cunder control\u201d?",
        choices=("Mara Osei", "The harbour master", "Bay Wire"), answer=(0,),
        explanation="The quote is attributed to Osei.",
        evidence=(core.Evidence("a", "Chief Mara Osei said the fire was \u201cunder control\u201d by noon."),),
    ),
    core.Question(
        kind="outlet_detail", skill="cross-checking",
        prompt="Which outlets mention the harbour? Choose all that apply.",
        choices=("Coast Courier", "Bay Wire", "Neither"), answer=(0, 1),
        explanation="Both titles mention it.",
        evidence=(core.Evidence("a", "Harbour fire"), core.Evidence("b", "Officials counted 14 boats damaged.")),
    ),
]


@pytest.fixture
def quiz_code(app):
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, QUESTIONS, status="approved")
        quiz = quizzes.quiz_from_story(row)
        db.session.commit()
        return quiz.join_code


def _choice_ids(app):
    """question prompt -> {choice text: (id, correct)}"""
    with app.app_context():
        out = {}
        for question in db.session.execute(db.select(Question)).scalars():
            out[question.prompt] = {c.text: (c.id, c.correct) for c in question.choices}
        return out


def _field_names(html):
    return sorted(set(re.findall(r'name="(q\d+)"', html)))


def test_home_lists_the_published_quiz(client, quiz_code):
    page = client.get("/").get_data(as_text=True)
    assert "Fire at the harbour" in page
    assert quiz_code in page


def test_question_page_does_not_carry_the_key(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    assert "Who said the fire was" in page and "Mara Osei" in page
    assert "correct" not in page.lower()
    assert "checked" not in page
    # The page names choices by id only; their order is not the generators' order.
    with app.app_context():
        for choice in db.session.execute(db.select(Choice)).scalars():
            assert f'value="{choice.id}"' in page


def test_student_takes_the_quiz_and_the_score_is_stored(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    ids = _choice_ids(app)
    fields = _field_names(page)
    assert len(fields) == 2
    who = ids["Who said the fire was \u201cunder control\u201d?"]
    which = ids["Which outlets mention the harbour? Choose all that apply."]
    form = hidden_fields(page) | {"student_name": "  Ada  "}
    # Which field is which question follows the page's order, the quiz's order.
    form[fields[0]] = str(who["Mara Osei"][0])
    form[fields[1]] = [str(which["Coast Courier"][0])]  # half of a two-answer key: wrong
    response = client.post(f"/quiz/{quiz_code}", data=form)
    assert response.status_code == 302
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "you scored <strong>1 out of 2</strong>" in result
    assert "The quote is attributed to Osei." in result
    assert "Chief Mara Osei said" in result  # the evidence is shown after submission
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        assert attempt.student_name == "Ada"
        assert (attempt.score, attempt.max_score) == (1, 2)
        assert attempt.submitted_at is not None
        responses = db.session.execute(db.select(Response)).scalars().all()
        assert sorted(r.correct for r in responses) == [False, True]
        assert sum(len(r.chosen) for r in responses) == 2


def test_full_marks_for_every_key_choice(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    ids = _choice_ids(app)
    fields = _field_names(page)
    who = ids["Who said the fire was \u201cunder control\u201d?"]
    which = ids["Which outlets mention the harbour? Choose all that apply."]
    form = hidden_fields(page) | {"student_name": "Bo"}
    form[fields[0]] = str(who["Mara Osei"][0])
    form[fields[1]] = [str(which["Coast Courier"][0]), str(which["Bay Wire"][0])]
    result = client.post(f"/quiz/{quiz_code}", data=form, follow_redirects=True)
    assert "2 out of 2" in result.get_data(as_text=True)


def test_sending_the_same_form_twice_gives_one_attempt(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    form = hidden_fields(page) | {"student_name": "Cy"}
    first = client.post(f"/quiz/{quiz_code}", data=form)
    second = client.post(f"/quiz/{quiz_code}", data=form)
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 1


def test_no_name_is_refused_with_a_message_and_keeps_the_answers(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    ids = _choice_ids(app)
    fields = _field_names(page)
    chosen = ids["Who said the fire was \u201cunder control\u201d?"]["Bay Wire"][0]
    form = hidden_fields(page) | {"student_name": "   ", fields[0]: str(chosen)}
    response = client.post(f"/quiz/{quiz_code}", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter your name" in html
    assert re.search(rf'value="{chosen}"[^>]*checked|checked[^>]*value="{chosen}"', html)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 0


@pytest.mark.parametrize("bad", ["999999", "not-a-number"])
def test_unknown_choice_is_refused_and_nothing_is_stored(app, client, quiz_code, bad):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    fields = _field_names(page)
    form = hidden_fields(page) | {"student_name": "Di", fields[0]: bad}
    response = client.post(f"/quiz/{quiz_code}", data=form)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Not a valid choice" in html or "Invalid Choice" in html
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 0
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 0


def test_a_form_without_its_csrf_token_is_refused(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    form = hidden_fields(page) | {"student_name": "Eve"}
    del form["csrf_token"]
    response = client.post(f"/quiz/{quiz_code}", data=form)
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one() == 0


def test_unknown_codes_and_attempts_are_plain_404s(client, quiz_code):
    missing = client.get("/quiz/NOPE42")
    assert missing.status_code == 404
    assert "No quiz has the code NOPE42" in missing.get_data(as_text=True)
    assert client.get("/attempt/1").status_code == 404
    assert "Traceback" not in client.get("/attempt/1").get_data(as_text=True)


def test_an_unpublished_quiz_says_so(app, client, quiz_code):
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        quiz.published = False
        db.session.commit()
    response = client.get(f"/quiz/{quiz_code}")
    assert response.status_code == 403
    assert "not open" in response.get_data(as_text=True)
    assert quiz_code not in client.get("/").get_data(as_text=True)


def test_join_code_form_leads_to_the_quiz(client, quiz_code):
    response = client.get(f"/join?code={quiz_code.lower()}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/quiz/{quiz_code}")


def test_student_names_are_escaped(app, client, quiz_code):
    page = client.get(f"/quiz/{quiz_code}").get_data(as_text=True)
    form = hidden_fields(page) | {"student_name": "<script>alert(1)</script>"}
    result = client.post(f"/quiz/{quiz_code}", data=form, follow_redirects=True)
    html = result.get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
