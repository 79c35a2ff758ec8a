"""After answering: the results page (score, skills, every question reviewed) and the reader
view of an article, with an evidence passage marked once feedback allows it."""
from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from quizapp import attempts, grading, reader
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.models import Evidence
from quizapp.quiz.access import attempt_or_404, settle
from quizapp.quiz.blueprint import bp
from quizapp.routing import database_id


@bp.get("/attempt/<token>/result")
def result(token: str):
    attempt = attempt_or_404(token)
    if not settle(attempt):
        return redirect(url_for("quiz.attempt", token=token))
    return render_template(
        "quiz/result.html", attempt=attempt, quiz=attempt.quiz, slots=attempts.slots(attempt),
        responses=attempts.responses_by_question(attempt),
        skills=grading.skill_scores(attempt), skill_words=registry.SKILL_HINTS,
        reader_view=True,
    )


def _highlight(attempt, article_id: int) -> Evidence | None:
    """The evidence to mark, if the address asks for one this student may see now."""
    evidence_id = request.args.get("evidence", type=database_id)
    if evidence_id is None:
        return None
    evidence = db.session.get(Evidence, evidence_id)
    if evidence is None or evidence.article_id != article_id:
        return None
    # One of this attempt's questions (the version it answered, should the quiz have a newer one).
    if evidence.question_id not in {slot.question.id for slot in attempts.slots(attempt)}:
        return None
    response = attempts.responses_by_question(attempt).get(evidence.question_id)
    return evidence if attempts.feedback_shown(attempt, response) else None


@bp.get("/attempt/<token>/articles/<int:article_id>")
def article(token: str, article_id: int):
    attempt = attempt_or_404(token)
    submitted = settle(attempt)
    if not attempt.quiz.open_book and not submitted:
        abort(404)
    article = next((a for a in attempts.articles_of(attempt.quiz) if a.id == article_id), None)
    if article is None:
        abort(404)
    evidence = _highlight(attempt, article_id)
    paragraphs, found = reader.paragraphs(article.text, evidence.passage if evidence else None)
    return render_template("quiz/article.html", attempt=attempt, quiz=attempt.quiz,
                           article=article, paragraphs=paragraphs, evidence=evidence,
                           found=found, submitted=submitted)
