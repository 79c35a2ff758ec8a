"""A quiz's gradebook as a CSV file an LMS gradebook (or a spreadsheet) imports: one row per
student (per student key), the submitted attempt whose grade the quiz keeps (first, best or
last; the item analysis always reads the first), with its score and a column per question
holding the mark from 0 to 1. The file itself (UTF-8 with a byte-order mark,
formula-like cells neutralised) is written by results_csv."""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import GRADE_FIRST, Attempt, Question, QuizQuestion, Response
from quizapp.results.queries import kept_attempts, question_places
from quizapp.scoring import marks

FIXED_COLUMNS = ["Student", "Score", "Out of"]
PROMPT_CHARACTERS = 40  # a header a spreadsheet column can show; the number says which question


def _short(prompt: str) -> str:
    """The prompt's start, cut at a word, so the header names the question without a paragraph."""
    prompt = " ".join(prompt.split())
    if len(prompt) <= PROMPT_CHARACTERS:
        return prompt
    cut = prompt[:PROMPT_CHARACTERS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _positions(quiz_id: int) -> list[tuple[int, str]]:
    """The quiz's questions today: (position, prompt), in the order asked."""
    return list(db.session.execute(
        select(QuizQuestion.position, Question.prompt)
        .join(Question, Question.id == QuizQuestion.question_id)
        .where(QuizQuestion.quiz_id == quiz_id)
        .order_by(QuizQuestion.position)).all())


def header(quiz_id: int) -> list[str]:
    """Student, score, out of, then "Q1: Who said …" for each question as numbered when asked."""
    return FIXED_COLUMNS + [f"Q{number}: {_short(prompt)}"
                            for number, (_, prompt) in enumerate(_positions(quiz_id), 1)]


def rows(quiz_id: int, grade_kept: str = GRADE_FIRST) -> Iterator[list]:
    """One row per student, sorted by name. A response to an earlier version of a question
    (edited after attempts) goes in that question's column; a question with no response
    (left blank, never saved) has the mark 0."""
    column = {position: index for index, (position, _) in enumerate(_positions(quiz_id))}
    column_of = {question_id: column[position]
                 for question_id, (position, _) in question_places(quiz_id).items()
                 if position in column}
    kept = kept_attempts(quiz_id, grade_kept)
    result = db.session.execute(
        select(Attempt.id, Attempt.student_name, Attempt.score, Attempt.max_score,
               Response.question_id, Response.score)
        .join(kept, kept.c.id == Attempt.id)
        .outerjoin(Response, Response.attempt_id == Attempt.id)
        .order_by(func.lower(Attempt.student_name), Attempt.student_name, Attempt.id))
    current, cells = None, []
    for attempt_id, name, score, max_score, question_id, mark in result:
        if current is None or current[0] != attempt_id:
            if current is not None:
                yield _row(current, cells)
            current, cells = (attempt_id, name, score, max_score), ["0"] * len(column)
        if question_id in column_of:
            cells[column_of[question_id]] = marks(mark or 0)
    if current is not None:
        yield _row(current, cells)


def _row(attempt: tuple, cells: list[str]) -> list:
    _, name, score, max_score = attempt
    return [name, marks(score or 0), max_score, *cells]
