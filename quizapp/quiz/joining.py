"""Joining a quiz: the home page's code box, a quiz's own join page, and resuming an attempt
on another device with the quiz code, the name and the resume code."""
from __future__ import annotations

import secrets

from flask import abort, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.quiz.access import remember, remembered_attempt, remembered_attempts
from quizapp.quiz.blueprint import bp
from quizapp.quiz.forms import JoinForm, ResumeForm, StartForm


def _fresh_key() -> str:
    return secrets.token_urlsafe(24)


def _quiz_by_code(code: str) -> Quiz | None:
    return db.session.execute(
        db.select(Quiz).where(Quiz.join_code == code.strip().upper())).scalar_one_or_none()


def _attempt_by_submission(key: str | None) -> Attempt | None:
    if not key:
        return None
    return db.session.execute(
        db.select(Attempt).where(Attempt.submission_key == key)).scalar_one_or_none()


def _open_quizzes() -> list[Quiz]:
    return list(db.session.execute(
        db.select(Quiz).where(Quiz.published, Quiz.closed.is_(False))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())).scalars())


def _start(quiz: Quiz, form: StartForm):
    """Start the attempt the form asks for, once: a resent form lands on the same attempt."""
    attempt = attempts.start_attempt(quiz, form.student_name.data, form.submission.data)
    try:
        db.session.commit()
    except IntegrityError:
        # The same form arrived twice at once; the first one won.
        db.session.rollback()
        attempt = _attempt_by_submission(form.submission.data)
        if attempt is None:
            raise
    remember(attempt)
    return redirect(url_for("quiz.attempt", token=attempt.token))


def _index(form: JoinForm, status: int = 200):
    in_progress = [a for a in remembered_attempts() if a.submitted_at is None]
    return render_template("quiz/index.html", quizzes=_open_quizzes(), form=form,
                           in_progress=in_progress), status


@bp.get("/")
def index():
    return _index(JoinForm(formdata=None, submission=_fresh_key()))


@bp.get("/join")
def join():
    code = "".join(request.args.get("code", "").split()).upper()
    if code:
        return redirect(url_for("quiz.start", code=code))
    form = JoinForm(formdata=None, submission=_fresh_key())
    return render_template("quiz/join.html", form=form)


@bp.post("/join")
def join_and_start():
    form = JoinForm()
    earlier = _attempt_by_submission(form.submission.data)
    if earlier is not None:
        remember(earlier)
        return redirect(url_for("quiz.attempt", token=earlier.token))
    if not form.validate():
        return render_template("quiz/join.html", form=form), 422
    quiz = _quiz_by_code(form.code.data)
    if quiz is None:
        form.code.errors.append(
            f"No quiz has the code {form.code.data}. Check it with your teacher.")
        return render_template("quiz/join.html", form=form), 404
    if not quiz.open_for_answers:
        form.code.errors.append(
            f"The quiz “{quiz.title}” is not open. Ask your teacher when it will be.")
        return render_template("quiz/join.html", form=form), 403
    return _start(quiz, form)


@bp.route("/quiz/<code>", methods=["GET", "POST"])
def start(code: str):
    quiz = _quiz_by_code(code)
    if quiz is None:
        abort(404, description=f"No quiz has the code {code.upper()}.")
    form = StartForm() if request.method == "POST" else StartForm(
        formdata=None, submission=_fresh_key())
    if request.method == "POST":
        earlier = _attempt_by_submission(form.submission.data)
        if earlier is not None and earlier.quiz_id == quiz.id:
            remember(earlier)
            return redirect(url_for("quiz.attempt", token=earlier.token))
    if not quiz.open_for_answers:
        return render_template("quiz/closed.html", quiz=quiz), 403
    if request.method == "POST" and form.validate():
        return _start(quiz, form)
    earlier = remembered_attempt(quiz.id)
    status = 422 if form.errors else 200
    return render_template("quiz/start.html", quiz=quiz, form=form, earlier=earlier), status


@bp.route("/resume", methods=["GET", "POST"])
def resume():
    form = ResumeForm()
    if request.method == "GET":
        form = ResumeForm(formdata=None, code=request.args.get("code", "").strip().upper())
        return render_template("quiz/resume.html", form=form)
    if not form.validate():
        return render_template("quiz/resume.html", form=form), 422
    attempt = attempts.find_for_resume(form.code.data, form.student_name.data,
                                       form.resume_code.data)
    if attempt is None:
        # One message whatever was wrong: the page must not help anyone guess a part.
        return render_template("quiz/resume.html", form=form, not_found=True), 422
    remember(attempt)
    return redirect(url_for("quiz.attempt", token=attempt.token))
