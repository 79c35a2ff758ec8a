"""Pages of the students' side."""
from __future__ import annotations

import secrets

from flask import abort, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.grading import grade_attempt
from quizapp.models import Attempt, Quiz
from quizapp.quiz import bp
from quizapp.quiz.forms import field_name, quiz_form


@bp.get("/")
def index():
    quizzes = db.session.execute(
        db.select(Quiz).where(Quiz.published).order_by(Quiz.created_at.desc(), Quiz.id.desc())
    ).scalars().all()
    return render_template("quiz/index.html", quizzes=quizzes)


@bp.get("/join")
def join():
    code = request.args.get("code", "").strip().upper()
    if not code:
        return redirect(url_for("quiz.index"))
    return redirect(url_for("quiz.take", code=code))


def _open_quiz(code: str) -> Quiz:
    quiz = db.session.execute(
        db.select(Quiz).where(Quiz.join_code == code.upper())).scalar_one_or_none()
    if quiz is None:
        abort(404, description=f"No quiz has the code {code}.")
    return quiz


def _attempt_by_submission(key: str | None) -> Attempt | None:
    if not key:
        return None
    return db.session.execute(
        db.select(Attempt).where(Attempt.submission_key == key)).scalar_one_or_none()


@bp.route("/quiz/<code>", methods=["GET", "POST"])
def take(code: str):
    quiz = _open_quiz(code)
    if not quiz.published:
        return render_template("quiz/closed.html", quiz=quiz), 403
    items = list(quiz.items)
    if request.method == "GET":
        form = quiz_form(items, formdata=None, submission=secrets.token_urlsafe(24))
        return render_template("quiz/take.html", quiz=quiz, form=form)

    form = quiz_form(items)
    earlier = _attempt_by_submission(form.submission.data)
    if earlier is not None and earlier.quiz_id == quiz.id:
        return redirect(url_for("quiz.result", token=earlier.token))
    if not form.validate():
        return render_template("quiz/take.html", quiz=quiz, form=form), 400

    chosen = {}
    for item in items:
        wanted = form[field_name(item)].data
        ids = set(wanted if isinstance(wanted, list) else [wanted] if wanted else [])
        chosen[item.question_id] = [c for c in item.question.choices if c.id in ids]
    attempt = Attempt(quiz=quiz, student_name=form.student_name.data,
                      token=secrets.token_urlsafe(24), submission_key=form.submission.data)
    grade_attempt(attempt, items, chosen)
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:
        # The same form arrived twice at once; the first one won.
        db.session.rollback()
        earlier = _attempt_by_submission(form.submission.data)
        if earlier is None:
            raise
    return redirect(url_for("quiz.result", token=attempt.token if earlier is None else earlier.token))


@bp.get("/attempt/<token>")
def result(token: str):
    attempt = db.session.execute(
        db.select(Attempt).where(Attempt.token == token)).scalar_one_or_none()
    if attempt is None or attempt.submitted_at is None:
        abort(404)
    responses = {r.question_id: r for r in attempt.responses}
    return render_template("quiz/result.html", attempt=attempt, quiz=attempt.quiz,
                           responses=responses)
