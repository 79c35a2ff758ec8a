"""Handing a quiz to a class: its link with a QR code (drawn on the server by segno), a
projector page with the code in large type and live counts of students joined and finished,
and a preview in which the instructor answers as a student and sees the feedback, with no
attempt stored. The guard (quizapp.instructor.ownership) admits those who may view the quiz."""
from __future__ import annotations

from flask import jsonify, render_template, request, url_for
from flask_wtf import FlaskForm

from quizapp import sharing
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.ownership import needs
from quizapp.models import Quiz
from quizapp.workspaces import Access

# How often the projector's counts refresh: by a fetch with JavaScript, a reload without.
PROJECTOR_REFRESH_SECONDS = 10


def join_link(quiz: Quiz) -> str:
    """The address a student opens to join: the quiz's start page, code included."""
    return url_for("quiz.start", code=quiz.join_code, _external=True)


@bp.get("/quizzes/<int:quiz_id>/qr.svg")
def quiz_qr(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    return sharing.qr_svg(join_link(quiz)), 200, {"Content-Type": "image/svg+xml",
                                                  "Cache-Control": "private, max-age=300"}


@bp.get("/quizzes/<int:quiz_id>/projector")
def projector(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    return render_template("instructor/projector.html", quiz=quiz, link=join_link(quiz),
                           counts=sharing.counts(quiz), refresh=PROJECTOR_REFRESH_SECONDS)


@bp.get("/quizzes/<int:quiz_id>/projector/counts")
def projector_counts(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    counts = sharing.counts(quiz)
    return jsonify(joined=counts.joined, finished=counts.finished,
                   open=quiz.open_for_answers)


def _graded(quiz: Quiz) -> dict[int, dict]:
    """The instructor's answers, graded in memory: question id -> what was chosen and whether
    it is right. Nothing is written."""
    graded = {}
    for item in quiz.items:
        question = item.question
        chosen = {int(value) for value in request.form.getlist(f"q{question.id}")
                  if value.isdigit() and len(value) < 19}
        key = {choice.id for choice in question.choices if choice.correct}
        graded[question.id] = {"chosen": chosen, "correct": bool(chosen) and chosen == key}
    return graded


@bp.route("/quizzes/<int:quiz_id>/preview", methods=["GET", "POST"])
@needs(Access.VIEW)  # answering the preview changes nothing
def preview(quiz_id: int):
    """The quiz as a student sees it, all on one page; "Check my answers" shows the feedback.
    No attempt is made and nothing is stored, so the results stay the class's."""
    quiz = db.get_or_404(Quiz, quiz_id)
    form = FlaskForm()  # the CSRF token only
    graded = _graded(quiz) if request.method == "POST" and form.validate() else None
    score = sum(1 for g in graded.values() if g["correct"]) if graded else 0
    return render_template("instructor/preview.html", quiz=quiz, form=form, graded=graded,
                           score=score)
