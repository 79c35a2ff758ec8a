"""The instructor's dashboard: the stories and quizzes of their workspace (their own and those
colleagues share with them), and how many drafts wait for review."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user
from sqlalchemy import func

from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.models import Article, Attempt, Question, Quiz, Story
from quizapp.workspaces import Access, visible_quizzes, visible_stories


@bp.get("/")
def dashboard():
    stories = db.session.execute(
        db.select(Story).where(visible_stories(current_user))
        .order_by(Story.created_at.desc(), Story.id.desc())).scalars().all()
    story_ids = [story.id for story in stories]
    articles = dict(db.session.execute(
        db.select(Article.story_id, func.count(Article.id))
        .where(Article.story_id.in_(story_ids)).group_by(Article.story_id)).all())
    by_status: dict[int, dict[str, int]] = {}
    for story_id, status, count in db.session.execute(
            db.select(Question.story_id, Question.status, func.count(Question.id))
            .where(Question.story_id.in_(story_ids))
            .group_by(Question.story_id, Question.status)):
        by_status.setdefault(story_id, {})[status] = count
    quizzes = db.session.execute(
        db.select(Quiz).where(visible_quizzes(current_user))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())).scalars().all()
    attempts = dict(db.session.execute(
        db.select(Attempt.quiz_id, func.count(Attempt.id))
        .where(Attempt.submitted_at.is_not(None), Attempt.quiz_id.in_([q.id for q in quizzes]))
        .group_by(Attempt.quiz_id)).all())
    # Drafts the instructor may review: those of the stories they may edit.
    editable = set(db.session.execute(db.select(Story.id).where(
        visible_stories(current_user, Access.EDIT))).scalars())
    drafts = sum(counts.get("draft", 0) for story_id, counts in by_status.items()
                 if story_id in editable)
    return render_template("instructor/dashboard.html", stories=stories, quizzes=quizzes,
                           articles=articles, by_status=by_status, attempts=attempts,
                           drafts=drafts)
