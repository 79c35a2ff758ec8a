"""Score review pages: a quiz's attempts and histogram, item analysis, skills, one student's
attempts, and CSV exports. The numbers come from quizapp.statistics; this module only shows them.

The blueprint's before_request already refuses anyone not signed in.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from typing import Iterable, Iterator

from flask import Response, render_template, request, stream_with_context, url_for
from werkzeug.routing import BuildError

from quizapp import statistics
from quizapp.routing import database_id
from quizapp.extensions import db
from quizapp.instructor import bp
from quizapp.models import Quiz


@bp.get("/quizzes/<int:quiz_id>/results")
def quiz_results(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    sort = request.args.get("sort", statistics.DEFAULT_SORT)
    unknown_sort = sort not in statistics.SORTS
    descending = request.args.get("order") == "desc"
    page = statistics.attempt_page(quiz.id, sort, descending, request.args.get("page", 1, type=database_id))
    summary = statistics.quiz_summary(quiz.id)
    return render_template(
        "instructor/reports/results.html", quiz=quiz, page=page, summary=summary,
        chart=histogram_chart(summary.histogram), unknown_sort=unknown_sort,
        columns=ATTEMPT_COLUMNS, sort_labels=SORT_PHRASES, result_link=result_link,
    )


@bp.get("/quizzes/<int:quiz_id>/items")
def quiz_items(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    analysis = statistics.item_analysis(quiz.id)
    return render_template(
        "instructor/reports/items.html", quiz=quiz, analysis=analysis,
        edit_link=question_link, thresholds=statistics,
    )


@bp.get("/quizzes/<int:quiz_id>/skills")
def quiz_skills(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    skills = statistics.skill_mastery(quiz.id)
    return render_template("instructor/reports/skills.html", quiz=quiz, skills=skills,
                           sentence=statistics.weakest_sentence(skills))


@bp.get("/students")
def students():
    name = request.args.get("name", "").strip()
    quiz_id = request.args.get("quiz_id", type=database_id)
    # An id no database column can hold finds no quiz (SQLite would refuse the number).
    quiz = db.session.get(Quiz, quiz_id) if quiz_id is not None and 0 < quiz_id < 2**63 else None
    attempts = statistics.student_attempts(name, quiz.id if quiz else None) if name else []
    names = [] if name else statistics.student_names()
    return render_template("instructor/reports/student.html", name=name, quiz=quiz,
                           attempts=attempts, names=names, result_link=result_link)


@bp.get("/quizzes/<int:quiz_id>/attempts.csv")
def attempts_csv(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    return csv_download(f"quiz-{quiz.id}-attempts.csv", statistics.ATTEMPT_COLUMNS,
                        statistics.attempt_rows(quiz.id))


@bp.get("/quizzes/<int:quiz_id>/responses.csv")
def responses_csv(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    return csv_download(f"quiz-{quiz.id}-responses.csv", statistics.RESPONSE_COLUMNS,
                        statistics.response_rows(quiz.id))


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


ATTEMPT_COLUMNS = [("name", "Student"), ("score", "Score"), ("max", "Out of"),
                   ("time", "Time taken"), ("submitted", "Submitted (UTC)")]
SORT_PHRASES = {"name": "student name", "score": "score", "max": "maximum score",
                "time": "time taken", "submitted": "time of submission"}


# --- CSV ------------------------------------------------------------------------------------

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
FLUSH_EVERY = 500  # rows per chunk sent to the browser


def neutralise(value) -> object:
    """A text cell that a spreadsheet would read as a formula gets a leading single quote."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def neutralise_row(row: list) -> list:
    # neutralise() inlined: this runs once per cell of a million-row export.
    return ["'" + cell if cell.__class__ is str and cell[:1] in FORMULA_STARTS else cell
            for cell in row]


def csv_chunks(header: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark (so Excel reads the accents right), in chunks, so a million
    rows are never held in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff".encode("utf-8")
    writer.writerow(header)
    for count, row in enumerate(rows, 1):
        writer.writerow(neutralise_row(row))
        if count % FLUSH_EVERY == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def csv_download(filename: str, header: list[str], rows: Iterable[list]) -> Response:
    return Response(
        stream_with_context(csv_chunks(header, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"},
    )


# --- The histogram as SVG geometry (drawn by the template, no script) -------------------------

@dataclass(frozen=True)
class Bar:
    label: str       # "7" or "10-14"
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    bars: list[Bar]
    most: int


CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM, MAX_BARS = 640, 240, 24, 40, 25


def histogram_chart(histogram: list[tuple[int, int]]) -> Chart:
    """Bars for each score, or for ranges of scores when a quiz has many marks."""
    if not histogram:
        return Chart(CHART_WIDTH, CHART_HEIGHT, CHART_HEIGHT - CHART_BOTTOM, [], 0)
    width = max(1, math.ceil(len(histogram) / MAX_BARS))
    groups = [histogram[i:i + width] for i in range(0, len(histogram), width)]
    most = max(sum(n for _, n in group) for group in groups)
    slot = CHART_WIDTH / len(groups)
    baseline = CHART_HEIGHT - CHART_BOTTOM
    usable = baseline - CHART_TOP
    bars = []
    for index, group in enumerate(groups):
        count = sum(n for _, n in group)
        low, high = group[0][0], group[-1][0]
        label = str(low) if low == high else f"{low}–{high}"
        height = usable * count / most if most else 0
        bars.append(Bar(label, count, round(index * slot + slot * 0.1, 1), round(baseline - height, 1),
                        round(slot * 0.8, 1), round(height, 1)))
    return Chart(CHART_WIDTH, CHART_HEIGHT, baseline, bars, most)
