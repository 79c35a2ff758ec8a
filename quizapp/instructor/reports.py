"""Score review pages: a quiz's attempts and histogram, item analysis, skills, one student's
attempts, and CSV exports. The numbers come from quizapp.results and the files from
quizapp.exports; this module only shows them.

The blueprint's before_request already refuses anyone not signed in.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.routing import BuildError

from quizapp import attempts, expiry, workspaces
from quizapp.exports import gradebook_csv, results_csv
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.models import Attempt, Quiz
from quizapp.results import charts, measures, queries
from quizapp.routing import database_id, safe_next


def _quiz_swept(quiz_id: int) -> Quiz:
    """The quiz, once its attempts whose time ran out (or whose quiz closed) are graded: the
    results hold what those students saved, whether or not they came back."""
    quiz = db.get_or_404(Quiz, quiz_id)
    if expiry.grade_expired(quiz.id):
        db.session.commit()
    return quiz


@bp.get("/quizzes/<int:quiz_id>/results")
def quiz_results(quiz_id: int):
    quiz = _quiz_swept(quiz_id)
    sort = request.args.get("sort", queries.DEFAULT_SORT)
    unknown_sort = sort not in queries.SORTS
    descending = request.args.get("order") == "desc"
    page = queries.attempt_page(quiz.id, sort, descending,
                                request.args.get("page", 1, type=database_id))
    summary = queries.quiz_summary(quiz.id)
    return render_template(
        "instructor/reports/results.html", quiz=quiz, page=page, summary=summary,
        chart=charts.histogram_chart(summary.histogram), unknown_sort=unknown_sort,
        columns=ATTEMPT_TABLE_COLUMNS, sort_labels=SORT_PHRASES, result_link=result_link,
    )


@bp.get("/quizzes/<int:quiz_id>/items")
def quiz_items(quiz_id: int):
    quiz = _quiz_swept(quiz_id)
    analysis = queries.item_analysis(quiz.id)
    return render_template(
        "instructor/reports/items.html", quiz=quiz, analysis=analysis,
        edit_link=question_link, thresholds=measures,
    )


@bp.get("/quizzes/<int:quiz_id>/skills")
def quiz_skills(quiz_id: int):
    quiz = _quiz_swept(quiz_id)
    skills = queries.skill_mastery(quiz.id)
    return render_template("instructor/reports/skills.html", quiz=quiz, skills=skills,
                           sentence=measures.weakest_sentence(skills))


@bp.get("/students")
def students():
    if expiry.grade_expired():
        db.session.commit()
    name = request.args.get("name", "").strip()
    quiz_id = request.args.get("quiz_id", type=database_id)
    # An id no database column can hold finds no quiz (SQLite would refuse the number).
    quiz = db.session.get(Quiz, quiz_id) if quiz_id is not None and 0 < quiz_id < 2**63 else None
    if quiz is not None and workspaces.quiz_access(quiz, current_user) < workspaces.Access.VIEW:
        abort(404)
    # Only the attempts at quizzes this instructor may see.
    mine = db.select(Quiz.id).where(workspaces.visible_quizzes(current_user))
    found = queries.student_attempts(name, quiz.id if quiz else None, within=mine) if name else []
    names = None if name else queries.student_names(
        request.args.get("page", 1, type=database_id), within=mine)
    return render_template("instructor/reports/student.html", name=name, quiz=quiz,
                           attempts=found, names=names, result_link=result_link)


@bp.post("/attempts/<int:attempt_id>/delete")
def delete_attempt(attempt_id: int):
    """Delete one attempt and its answers (a junk name, a test run): the results, item analysis
    and exports leave it out from now on."""
    attempt = db.get_or_404(Attempt, attempt_id)
    name, quiz_id = attempt.student_name, attempt.quiz_id
    attempts.delete_attempt(attempt)
    db.session.commit()
    flash(f"The attempt by {name} was deleted, with its answers.")
    return redirect(safe_next(request.form.get("next"))
                    or url_for("instructor.quiz_results", quiz_id=quiz_id))


@bp.get("/quizzes/<int:quiz_id>/attempts.csv")
def attempts_csv(quiz_id: int):
    quiz = _quiz_swept(quiz_id)
    return results_csv.csv_download(f"quiz-{quiz.id}-attempts.csv", results_csv.ATTEMPT_CSV_COLUMNS,
                                    results_csv.attempt_rows(quiz.id, quiz.grade_kept))


@bp.get("/quizzes/<int:quiz_id>/responses.csv")
def responses_csv(quiz_id: int):
    quiz = _quiz_swept(quiz_id)
    return results_csv.csv_download(f"quiz-{quiz.id}-responses.csv",
                                    results_csv.RESPONSE_CSV_COLUMNS,
                                    results_csv.response_rows(quiz.id))


@bp.get("/quizzes/<int:quiz_id>/gradebook.csv")
def gradebook_csv_download(quiz_id: int):
    """One row per student and a column per question, as LMS gradebooks import it."""
    quiz = _quiz_swept(quiz_id)
    return results_csv.csv_download(f"quiz-{quiz.id}-gradebook.csv",
                                    gradebook_csv.header(quiz.id),
                                    gradebook_csv.rows(quiz.id, quiz.grade_kept))


# --- Links that may point at pages other helpers own ------------------------------------------

def result_link(token: str) -> str:
    """The student's result page for a submitted attempt."""
    return url_for("quiz.result", token=token)


def question_link(question_id: int) -> str | None:
    """Where to re-read a question: its edit form, else the review queue, else nowhere."""
    for endpoint, values in (("instructor.edit_question", {"question_id": question_id,
                                                           "next": request.path}),
                             ("instructor.review", {})):
        try:
            return url_for(endpoint, **values)
        except BuildError:
            continue
    return None


# The attempts table on the results page: (sort key, heading). The CSV's columns are
# quizapp.exports.results_csv.ATTEMPT_CSV_COLUMNS.
ATTEMPT_TABLE_COLUMNS = [("name", "Student"), ("score", "Score"), ("max", "Out of"),
                         ("time", "Time taken"), ("submitted", "Submitted (UTC)")]
SORT_PHRASES = {"name": "student name", "score": "score", "max": "maximum score",
                "time": "time taken", "submitted": "time of submission"}
