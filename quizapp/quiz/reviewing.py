"""After answering: the results page (score, skills, every question reviewed) and the reader
view of an article, with an evidence passage marked. What is shown follows the quiz's review
options (quizapp.review): the right answers and the score may wait for the quiz's closing, or
never be shown; a signed-in instructor sees everything."""
from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import attempts, grading, reader, review, story_maps, workspaces
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.lms import grades
from quizapp.models import Evidence
from quizapp.quiz.access import attempt_or_404, settle
from quizapp.quiz.blueprint import bp
from quizapp.routing import database_id


def _instructor(attempt) -> bool:
    """Signed in as an instructor whose workspace holds the attempt's quiz: another teacher
    sees only what the student sees."""
    return workspaces.quiz_access(attempt.quiz, current_user) >= workspaces.Access.VIEW


def _mistakes_first(slots: list, responses: dict, answers_shown: bool) -> tuple[list, list]:
    """The questions whose verdict the student sees and which were not right (wrong, partly
    right, not answered), then the others, each group in the order asked. A question whose
    verdict waits stays among the others: its place must not give the verdict away."""
    def mistaken(slot) -> bool:
        response = responses.get(slot.question.id)
        shown = answers_shown or (response is not None and response.checked_at is not None)
        return shown and not (response is not None and response.correct)

    mistakes = [slot for slot in slots if mistaken(slot)]
    return mistakes, [slot for slot in slots if not mistaken(slot)]


@bp.get("/attempt/<token>/result")
def result(token: str):
    attempt = attempt_or_404(token)
    if not settle(attempt):
        return redirect(url_for("quiz.attempt", token=token))
    quiz = attempt.quiz
    # From an LMS: a grade that could not be sent yet is tried again on each view.
    grade_return = grades.send_for(attempt)
    if grade_return is not None:
        db.session.commit()
    answers = review.answers_shown(attempt, _instructor(attempt))
    score = review.score_shown(attempt, _instructor(attempt))
    responses = attempts.responses_by_question(attempt)
    mistakes, others = _mistakes_first(attempts.slots(attempt), responses, answers)
    return render_template(
        "quiz/result.html", attempt=attempt, quiz=quiz, mistakes=mistakes, others=others,
        responses=responses,
        skills=grading.skill_scores(attempt) if score else [], skill_words=registry.SKILL_HINTS,
        answers_shown=answers, score_shown=score, as_instructor=_instructor(attempt),
        student_sees_answers=review.answers_shown(attempt),
        student_sees_score=review.score_shown(attempt),
        answers_wait=review.waiting_words(quiz.review_answers, quiz.has_closed()),
        score_wait=review.waiting_words(quiz.review_score, quiz.has_closed()),
        reader_view=True, marks_words=grading.marks_words, grade_return=grade_return,
        grade_words=grades.STATUS_WORDS,
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
    return evidence if review.feedback_shown(attempt, response, _instructor(attempt)) else None


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
    # A story map's link marks a place by its offsets; the map comes with the answers.
    mapped = review.answers_shown(attempt, _instructor(attempt))
    span = reader.span_in(article.text, request.args.get("at")) if mapped else None
    paragraphs, found = reader.paragraphs(article.text, evidence.passage if evidence else None,
                                          span=None if evidence else span)
    return render_template("quiz/article.html", attempt=attempt, quiz=attempt.quiz,
                           article=article, paragraphs=paragraphs, evidence=evidence,
                           found=found, submitted=submitted, mapped=span is not None and found,
                           seconds_left=None if submitted else attempts.seconds_left(attempt))


@bp.get("/attempt/<token>/map")
def story_map(token: str):
    """With the answers, the story as a map: what each outlet gives, fact by fact. It answers
    many of the questions, so it waits for them."""
    attempt = attempt_or_404(token)
    if not settle(attempt) or attempt.quiz.story is None:
        abort(404)
    if not review.answers_shown(attempt, _instructor(attempt)):
        abort(404, description="The story map is shown with the right answers: "
                               f"{review.waiting_words(attempt.quiz.review_answers, False)}.")
    found, columns = story_maps.map_of(attempt.quiz.story)

    def link(article, start: int, end: int) -> str:
        return url_for("quiz.article", token=token, article_id=article.id, at=f"{start}-{end}",
                       _anchor="marked")

    return render_template(
        "story_map/page.html", story=attempt.quiz.story, columns=columns,
        rows=story_maps.shown_rows(found, columns, link),
        back_url=url_for("quiz.result", token=token), back_label="Back to your result")
