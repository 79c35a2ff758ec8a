"""The instructor's dashboard: every story and quiz, and how many drafts wait for review."""
from __future__ import annotations

from flask import render_template
from sqlalchemy import func

from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.models import Article, Attempt, Question, Quiz, Story


@bp.get("/")
def dashboard():
    stories = db.session.execute(
        db.select(Story).order_by(Story.created_at.desc(), Story.id.desc())).scalars().all()
    articles = dict(db.session.execute(
        db.select(Article.story_id, func.count(Article.id)).group_by(Article.story_id)).all())
    by_status: dict[int, dict[str, int]] = {}
    for story_id, status, count in db.session.execute(
            db.select(Question.story_id, Question.status, func.count(Question.id))
            .group_by(Question.story_id, Question.status)):
        by_status.setdefault(story_id, {})[status] = count
    quizzes = db.session.execute(
        db.select(Quiz).order_by(Quiz.created_at.desc(), Quiz.id.desc())).scalars().all()
    attempts = dict(db.session.execute(
        db.select(Attempt.quiz_id, func.count(Attempt.id))
        .where(Attempt.submitted_at.is_not(None)).group_by(Attempt.quiz_id)).all())
    drafts = sum(counts.get("draft", 0) for counts in by_status.values())
    return render_template("instructor/dashboard.html", stories=stories, quizzes=quizzes,
                           articles=articles, by_status=by_status, attempts=attempts,
                           drafts=drafts)
