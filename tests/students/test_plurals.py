"""Counts in words (issue 13): one question, one article, one minute, one attempt, never
"1 questions" or "1 minutes", on the students' pages, the instructor's results and the commands."""
from __future__ import annotations

from quizapp import bank
from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Quiz
from tests.pages import hidden_fields
from tests.students.support import QUESTIONS, STORY, start, submit

ONE_ARTICLE = core.Story(slug=STORY.slug, title=STORY.title, articles=STORY.articles[:1])


def _story_with_one_question(app) -> None:
    with app.app_context():
        row = bank.store_story(ONE_ARTICLE)
        bank.store_generated(row, [QUESTIONS[0]], status="approved")
        db.session.commit()


def test_one_of_each_is_said_in_the_singular(app, runner, signed_in):
    _story_with_one_question(app)
    made = runner.invoke(args=["create-quiz", STORY.slug])
    assert made.exit_code == 0, made.output
    assert ": 1 question, join code" in made.output
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        quiz.time_limit_minutes = 1
        quiz.review_answers = "after_attempt"
        quiz.listed = True  # on the home page, as its owner may choose
        db.session.commit()
        code, quiz_id = quiz.join_code, quiz.id

    student = app.test_client()
    home = student.get("/").get_data(as_text=True)
    assert "1 question · 1 article · code" in home
    intro = student.get(f"/quiz/{code}").get_data(as_text=True)
    assert "1 question, one at a time." in intro and "Time limit: 1 minute." in intro
    token = start(student, code)
    finish = student.get(f"/attempt/{token}/finish").get_data(as_text=True)
    assert "You answered 0 of 1 question." in finish
    assert "<summary>The question</summary>" in finish
    submit(student, token)

    results = signed_in.get(f"/instructor/quizzes/{quiz_id}/results")
    assert results.status_code == 200
    results = results.get_data(as_text=True)
    for slip in ("1 questions", "1 articles", "1 minutes", "1 attempts"):
        for page in (home, intro, finish, results, made.output):
            assert slip not in page, slip
    assert hidden_fields(intro)["csrf_token"]
