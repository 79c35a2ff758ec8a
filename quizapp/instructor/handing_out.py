"""Handing a quiz to a class: its link with a QR code (drawn on the server by segno), a
projector page with the code in large type and live counts of students joined and finished
(the preview as a student is preview.py). The guard (quizapp.instructor.ownership) admits
those who may view the quiz."""
from __future__ import annotations

from flask import jsonify, render_template, url_for

from quizapp import sharing
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.models import Quiz

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
