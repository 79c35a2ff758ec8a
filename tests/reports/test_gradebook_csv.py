"""The gradebook download (issue 13): one row per student, their first submitted attempt, with a
column per question (its number and the start of its prompt) holding the mark from 0 to 1, as LMS
gradebooks import it. The class is test_quiz_reports' (first attempts, worked by hand there)."""
from __future__ import annotations

from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import Choice, Question
from tests.reports.test_quiz_reports import (  # noqa: F401  (quiz_id is a fixture)
    START,
    _attempt,
    _csv,
    _question,
    _quiz,
    quiz_id,
)

GRADEBOOK = "/instructor/quizzes/{id}/gradebook.csv"


def test_one_row_per_student_their_first_submitted_attempt_a_column_per_question(
        quiz_id, signed_in):  # noqa: F811
    response = signed_in.get(GRADEBOOK.format(id=quiz_id))
    assert response.mimetype == "text/csv"
    assert 'filename="quiz-' in response.headers["Content-Disposition"]
    rows = _csv(response)  # it checks the UTF-8 byte-order mark too
    assert rows[0] == ["Student", "Score", "Out of", "Q1: Q1", "Q2: Q2", "Q3: Q3"]
    # Ana's later 3/3, Cai's unfinished attempt and Ana's attempt at another quiz are left out.
    assert rows[1:] == [
        ["Ana", "2", "3", "1", "0", "1"],
        ["Ben", "2", "3", "1", "0", "1"],
        ["Cai", "1", "3", "0", "0", "1"],
        ["Dee", "1", "3", "0", "1", "0"],
        ["Eve", "0", "3", "0", "0", "0"],
    ]


def test_partial_marks_long_prompts_edited_questions_and_blanks(app, signed_in):
    with app.app_context():
        long = _question("Which outlet printed the figure of 155 Chinese nationals first, "
                         "and in whose words?", "numbers", "generated")
        old = _question("Old wording", "sourcing", "manual")
        quiz = _quiz("Gradebook", "GRADE1", [long, old])
        db.session.add(quiz)
        zoe = _attempt(quiz, [long, old], "zoë", ("A", "B"), START, 3)
        zoe.responses[0].score = 0.5  # a matching question's share, say
        db.session.add(zoe)
        # An edit after attempts: the question is copied; Abe answers the new version.
        new = Question(kind="test", skill="sourcing", prompt="New wording", origin="manual",
                       status="approved", previous_id=None,
                       choices=[Choice(position=0, text="key", correct=True)])
        db.session.add(new)
        db.session.flush()
        new.previous_id = old.id
        quiz.items[1].question = new
        abe = _attempt(quiz, [long, new], "Abe", ("A", "A"), START + timedelta(minutes=5), 2)
        abe.responses = [r for r in abe.responses if r.question is new]  # Q1 never saved
        db.session.add(abe)
        db.session.commit()
        quiz_id = quiz.id
    rows = _csv(signed_in.get(GRADEBOOK.format(id=quiz_id)))
    assert rows[0] == ["Student", "Score", "Out of",
                       "Q1: Which outlet printed the figure of 155…", "Q2: New wording"]
    # Sorted by name whatever its case; the old version's mark in today's column.
    assert rows[1:] == [["Abe", "2", "2", "0", "1"], ["zoë", "1", "2", "0.5", "0"]]


def test_formula_like_names_are_neutralised_and_an_empty_quiz_gives_the_header(app, signed_in):
    with app.app_context():
        question = _question("Which?", "sourcing", "manual")
        quiz = _quiz("Formulas", "FORM02", [question])
        db.session.add(quiz)
        for offset, name in enumerate(["=1+1", "+x", "-x", "@x"]):
            db.session.add(
                _attempt(quiz, [question], name, ("A",), START + timedelta(minutes=offset), 1))
        empty = _quiz("Nobody yet", "EMPTY2", [_question("Q", "sourcing", "generated")])
        db.session.add(empty)
        db.session.commit()
        quiz_id, empty_id = quiz.id, empty.id
    rows = _csv(signed_in.get(GRADEBOOK.format(id=quiz_id)))
    assert sorted(row[0] for row in rows[1:]) == sorted(["'=1+1", "'+x", "'-x", "'@x"])
    assert _csv(signed_in.get(GRADEBOOK.format(id=empty_id))) == [
        ["Student", "Score", "Out of", "Q1: Q"]]
    assert signed_in.get(GRADEBOOK.format(id=999999)).status_code == 404


def test_the_gradebook_needs_a_signed_in_instructor_and_is_linked_from_the_results(
        app, quiz_id, signed_in):  # noqa: F811
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert f'href="/instructor/quizzes/{quiz_id}/gradebook.csv"' in page
    response = app.test_client().get(GRADEBOOK.format(id=quiz_id))  # no one signed in
    assert response.status_code in (302, 401)
    assert b"Ana" not in response.get_data()
