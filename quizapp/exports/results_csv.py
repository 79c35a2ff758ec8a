"""A quiz's attempts and responses as CSV files a spreadsheet opens, streamed to the browser in
chunks so that a million rows are never held in memory."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime

from flask import Response as HTTPResponse
from flask import stream_with_context
from sqlalchemy import select

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import (
    GRADE_FIRST,
    Attempt,
    Choice,
    MatchItem,
    Question,
    Quiz,
    Response,
    ResponsePair,
    ResponsePlace,
    response_choice,
)
from quizapp.results.queries import first_attempts, kept_attempts, question_places
from quizapp.scoring import marks

# grade_kept: the attempt whose grade the quiz keeps for its student (first, best or last), as
# the gradebook reads it; last, so the older columns keep their places.
ATTEMPT_CSV_COLUMNS = ["attempt", "student_name", "first_attempt", "started_at", "submitted_at",
                       "time_taken_seconds", "score", "max_score", "grade_kept"]
RESPONSE_CSV_COLUMNS = ["attempt", "student_name", "first_attempt", "question_number",
                        "question_id", "skill", "chosen", "chosen_text", "correct",
                        "type", "score"]  # last, so the older columns keep their places
BATCH = 2000

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
FLUSH_EVERY = 500  # rows per chunk sent to the browser


# --- Rows (fetched in batches, never all at once) ---------------------------------------------

def _first_ids(quiz_id: int) -> set[int]:
    return _ids(first_attempts(quiz_id))


def _ids(attempts_subquery) -> set[int]:
    return set(db.session.execute(select(attempts_subquery.c.id)).scalars())


def _stream(statement):
    # Plain rows through the session's connection: no ORM bookkeeping per row, fetched in
    # batches (a server-side cursor on PostgreSQL).
    return db.session.connection().execute(
        statement.execution_options(stream_results=True, max_row_buffer=BATCH))


def attempt_rows(quiz_id: int, grade_kept: str = GRADE_FIRST) -> Iterator[list]:
    first = _first_ids(quiz_id)
    kept = _ids(kept_attempts(quiz_id, grade_kept))
    result = _stream(
        select(Attempt.id, Attempt.student_name, Attempt.started_at, Attempt.submitted_at,
               Attempt.score, Attempt.max_score)
        .where(Attempt.quiz_id == quiz_id)
        .order_by(Attempt.id)
    )
    for attempt_id, name, started, submitted, score, max_score in result:
        taken = None if submitted is None else round((submitted - started).total_seconds())
        yield [attempt_id, name, "yes" if attempt_id in first else "no",
               _iso(started), _iso(submitted), taken, marks(score), max_score,
               "yes" if attempt_id in kept else "no"]


class ShownLetters:
    """The letter a choice had on the student's page: its place among the question's choices,
    in the attempt's own order when the quiz shuffles them (A is what the student saw first)."""

    def __init__(self, quiz_id: int):
        self.shuffled = bool(db.session.execute(
            select(Quiz.shuffle_choices).where(Quiz.id == quiz_id)).scalar())
        self._choice_ids: dict[int, list[int]] = {}  # question id -> choice ids by position
        # A response with several choices comes as consecutive rows: its order is worked out once.
        self._last: tuple[str, int, list[int]] = ("", 0, [])

    def _choices_of(self, question_id: int) -> list[int]:
        if question_id not in self._choice_ids:
            self._choice_ids[question_id] = list(db.session.execute(
                select(Choice.id).where(Choice.question_id == question_id)
                .order_by(Choice.position)).scalars())
        return self._choice_ids[question_id]

    def letter(self, seed: str, question_id: int, choice_id: int, position: int) -> str:
        if not self.shuffled:
            return _letter(position)
        if self._last[:2] != (seed, question_id):
            self._last = (seed, question_id,
                          attempts.shuffled_choice_ids(seed, self._choices_of(question_id)))
        return _letter(self._last[2].index(choice_id))


def response_rows(quiz_id: int) -> Iterator[list]:
    """One row per response; a response with several choices arrives as several joined rows,
    which are folded back into one here. A matching or ordering answer lives in rows of its own
    (its pairs, its places): those are read for each batch of responses, by a query per batch."""
    batch: list[tuple[int, str, list]] = []
    for response in _choice_rows(quiz_id):
        batch.append(response)
        if len(batch) >= BATCH:
            yield from _with_pairs_and_orders(batch)
            batch = []
    yield from _with_pairs_and_orders(batch)


def _choice_rows(quiz_id: int) -> Iterator[tuple[int, str, list]]:
    """Each response's id, type and row, with the choices it picked."""
    first = _first_ids(quiz_id)
    positions = {question_id: position
                 for question_id, (position, _) in question_places(quiz_id).items()}
    letters_shown = ShownLetters(quiz_id)
    result = _stream(
        select(Response.id, Response.attempt_id, Attempt.student_name, Response.question_id,
               Question.skill, Response.correct, Choice.position, Choice.text, Choice.id,
               Attempt.choice_seed, Question.type, Response.score)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Question, Question.id == Response.question_id)
        .outerjoin(response_choice, response_choice.c.response_id == Response.id)
        .outerjoin(Choice, Choice.id == response_choice.c.choice_id)
        .where(Attempt.quiz_id == quiz_id)
        .order_by(Response.attempt_id, Response.id, Choice.position)
    )
    current, chosen = None, []
    for (response_id, attempt_id, name, question_id, skill, correct, position, text, choice_id,
         seed, kind, score) in result:
        if current is not None and current[0] != response_id:
            yield current[0], current[6], _response_row(current, chosen, first, positions)
            chosen = []
        current = (response_id, attempt_id, name, question_id, skill, correct, kind, score)
        if position is not None:
            chosen.append((letters_shown.letter(seed, question_id, choice_id, position), text))
    if current is not None:
        yield current[0], current[6], _response_row(current, chosen, first, positions)


ANSWER_TEXT = RESPONSE_CSV_COLUMNS.index("chosen_text")


def _with_pairs_and_orders(batch: list[tuple[int, str, list]]) -> Iterator[list]:
    """The rows, a matching answer's text written as its pairs ("Left → Right; …") and an
    ordering answer's as its order ("A > B > C")."""
    answers = {**_pair_texts([rid for rid, kind, _ in batch if kind == "matching"]),
               **_order_texts([rid for rid, kind, _ in batch if kind == "ordering"])}
    for response_id, _, row in batch:
        if response_id in answers:
            row[ANSWER_TEXT] = answers[response_id]
        yield row


def _pair_texts(response_ids: list[int]) -> dict[int, str]:
    if not response_ids:
        return {}
    found: dict[int, list[str]] = {}
    for response_id, left, right in db.session.execute(
            select(ResponsePair.response_id, MatchItem.text, Choice.text)
            .join(MatchItem, MatchItem.id == ResponsePair.item_id)
            .join(Choice, Choice.id == ResponsePair.choice_id)
            .where(ResponsePair.response_id.in_(response_ids))
            .order_by(ResponsePair.response_id, MatchItem.position)):
        found.setdefault(response_id, []).append(f"{left} \u2192 {right}")
    return {response_id: "; ".join(pairs) for response_id, pairs in found.items()}


def _order_texts(response_ids: list[int]) -> dict[int, str]:
    if not response_ids:
        return {}
    found: dict[int, list[str]] = {}
    for response_id, text in db.session.execute(
            select(ResponsePlace.response_id, Choice.text)
            .join(Choice, Choice.id == ResponsePlace.choice_id)
            .where(ResponsePlace.response_id.in_(response_ids))
            .order_by(ResponsePlace.response_id, ResponsePlace.position)):
        found.setdefault(response_id, []).append(text)
    return {response_id: " > ".join(order) for response_id, order in found.items()}


def _response_row(current, chosen, first, positions) -> list:
    _, attempt_id, name, question_id, skill, correct, kind, score = current
    number = positions.get(question_id)
    chosen = sorted(chosen)  # in the order the student saw them
    return [attempt_id, name, "yes" if attempt_id in first else "no",
            "" if number is None else number + 1, question_id, skill,
            "; ".join(letter for letter, _ in chosen), " | ".join(text for _, text in chosen),
            1 if correct else 0, kind, marks(score)]


def _letter(position: int) -> str:
    return chr(ord("A") + position) if 0 <= position < 26 else str(position + 1)


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(sep=" ", timespec="seconds")


# --- The file ---------------------------------------------------------------------------------

def neutralise_row(row: list) -> list:
    """A text cell that a spreadsheet would read as a formula gets a leading single quote."""
    # The test is written out per cell, not as a function call: it runs once per cell of a
    # million-row export.
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


def csv_download(filename: str, header: list[str], rows: Iterable[list]) -> HTTPResponse:
    return HTTPResponse(
        stream_with_context(csv_chunks(header, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"},
    )

