"""Every instructor page and action needs a signed-in instructor (the URL map is walked, so a
route added later is covered), and every instructor form needs its CSRF token."""
from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, GenerationRun, Question, Quiz, Story
from tests.security.test_every_route import lms_platform


@pytest.fixture
def seeded(first_run):
    """The seed story with its questions and quiz, and an attempt at it; the ids every
    instructor route needs."""
    with first_run.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().first()
        question = quiz.items[0].question
        run = GenerationRun(story_id=quiz.story_id, state="done")
        attempt = Attempt(quiz=quiz, student_name="Ada", token="token-of-ada",
                          submission_key="key-of-ada")
        platform = lms_platform()
        db.session.add_all([run, attempt, platform])
        db.session.commit()
        return {"quiz_id": quiz.id, "story_id": quiz.story_id, "question_id": question.id,
                "run_id": run.id, "article_id": quiz.story.articles[0].id,
                "attempt_id": attempt.id,
                # An account's id (the admins' accounts page): the first account made.
                "instructor_id": 1, "platform_id": platform.id}


def instructor_rules(app):
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("instructor.")]
    assert len(rules) >= 15  # the walk found the blueprint's routes
    return rules


def build(rule, values) -> str:
    return rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1]


def test_every_instructor_route_sends_an_anonymous_visitor_to_sign_in(app, client, seeded):
    # CSRF off, so that a POST without a token still reaches the sign-in check.
    app.config["WTF_CSRF_ENABLED"] = False
    with app.app_context():
        before = db.session.execute(db.select(db.func.count(Question.id))).scalar()
    for rule in instructor_rules(app):
        url = build(rule, seeded)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method)
            assert response.status_code == 302, (method, url, response.status_code)
            assert response.headers["Location"].startswith("/sign-in?next="), (method, url)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar() == before
        assert db.session.get(Quiz, seeded["quiz_id"]).published  # not closed by a POST
        assert db.session.get(Attempt, seeded["attempt_id"]) is not None  # nor deleted


def test_every_instructor_page_opens_for_a_signed_in_instructor(app, signed_in, seeded):
    for rule in instructor_rules(app):
        if "GET" not in rule.methods:
            continue
        response = signed_in.get(build(rule, seeded))
        response.get_data()  # a streamed page (CSV) ends its context once read and closed
        response.close()
        assert response.status_code == 200, (rule.rule, response.status_code)


def test_every_instructor_post_without_its_token_is_refused(app, signed_in, seeded):
    assert app.config.get("WTF_CSRF_ENABLED", True)  # on in tests, as in production
    for rule in instructor_rules(app):
        if "POST" not in rule.methods:
            continue
        response = signed_in.post(
            build(rule, seeded), data={"question": str(seeded["question_id"])}
        )
        assert response.status_code == 400, (rule.rule, response.status_code)
        assert "security token" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Quiz, seeded["quiz_id"]).closed is False
        assert db.session.get(Question, seeded["question_id"]) is not None
        assert db.session.execute(db.select(db.func.count(Story.id))).scalar() == 1


def test_dashboard_lists_stories_quizzes_and_the_review_count(app, signed_in, seeded):
    with app.app_context():
        question = db.session.get(Question, seeded["question_id"])
        question.status = "draft"
        db.session.commit()
        # setup leaves the questions the generators were unsure of as drafts too.
        drafts = db.session.execute(db.select(db.func.count(Question.id))
                                    .where(Question.status == "draft")).scalar()
    html = signed_in.get("/instructor/").get_data(as_text=True)
    assert "Beijing" in html or "China" in html  # the seed story's title
    assert f'/instructor/stories/{seeded["story_id"]}' in html
    assert f'/instructor/quizzes/{seeded["quiz_id"]}' in html
    assert re.search(rf"<strong>{drafts}</strong> draft questions? waiting for review", html)
