"""Instructor pages. (Skeleton: the dashboard; the rest comes with issue 5.)"""
from __future__ import annotations

from flask import render_template

from quizapp.extensions import db
from quizapp.instructor import bp
from quizapp.models import Quiz, Story


@bp.get("/")
def dashboard():
    stories = db.session.execute(db.select(Story).order_by(Story.created_at.desc())).scalars().all()
    quizzes = db.session.execute(db.select(Quiz).order_by(Quiz.created_at.desc())).scalars().all()
    return render_template("instructor/dashboard.html", stories=stories, quizzes=quizzes)
