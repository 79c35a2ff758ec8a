"""Finding an attempt from its address, settling one whose time is up, and the signed session
cookie that remembers a browser's attempts in progress, so a reload or a closed tab resumes them,
and the student key the browser holds for each quiz (who is taking it, apart from the name).
An attempt is forgotten once it is submitted, and nothing is remembered for a quiz taken on
shared computers: the next student at the keyboard is not offered it, nor taken for the last."""
from __future__ import annotations

import dataclasses
import secrets

from flask import abort, flash, session

from quizapp import attempt_rows, expiry, snapshots
from quizapp.attempt_rows import AttemptView
from quizapp.extensions import db
from quizapp.models import Attempt

# Enough for a student's quizzes over a term; the cookie must stay small.
REMEMBERED = 20


def attempt_or_404(token: str) -> Attempt:
    """The attempt whose token this is. The random token is the capability: there is no number
    in the address to change, and a wrong token is simply not found."""
    attempt = db.session.execute(
        db.select(Attempt).where(Attempt.token == token)).scalar_one_or_none()
    if attempt is None:
        abort(404)
    return attempt


def attempt_view_or_404(token: str) -> AttemptView:
    """The attempt whose token this is, read in one query, with its quiz's snapshot: what the
    question pages and answer saves need, without loading the quiz's rows again."""
    attempt = attempt_rows.attempt_by_token(token)
    quiz = attempt and snapshots.quiz_snapshot(attempt.quiz_id, attempt.quiz_version)
    if quiz is None:
        abort(404)
    return dataclasses.replace(attempt, quiz=quiz)


def attempt_view_and_responses_or_404(token: str, to_save: bool = False
                                      ) -> tuple[AttemptView, dict]:
    """The attempt whose token this is, with its quiz's snapshot and its responses by question
    id, read in one query: what a question page and an answer save (`to_save`) need."""
    attempt, rows = attempt_rows.attempt_and_response_rows(token, to_save)
    quiz = attempt and snapshots.quiz_snapshot(attempt.quiz_id, attempt.quiz_version)
    if quiz is None:
        abort(404)
    attempt = dataclasses.replace(attempt, quiz=quiz)
    return attempt, attempt_rows.responses_by_question(attempt, rows)


def settle(attempt: Attempt) -> bool:
    """Submit an attempt whose time is up, or whose quiz the teacher closed, with what was
    saved; True once it is submitted."""
    closed = attempt.quiz.has_closed()
    if expiry.settle(attempt):
        db.session.commit()
        flash("Your teacher closed this quiz: the answers you saved were submitted." if closed
              else "Time is up: the answers you saved were submitted.", "notice")
    if attempt.submitted_at is not None:
        forget(attempt)
        return True
    return False


def remember(attempt: Attempt) -> None:
    if attempt.quiz.shared_computer or attempt.submitted_at is not None:
        return
    _keep("attempts", attempt.quiz_id, attempt.token)


def _keep(name: str, quiz_id: int, value: str) -> None:
    """Keep a value per quiz in the session's `name`, the newest last, REMEMBERED at most."""
    kept = dict(session.get(name, {}))
    kept.pop(str(quiz_id), None)
    kept[str(quiz_id)] = value
    session[name] = dict(list(kept.items())[-REMEMBERED:])
    # Kept after the browser closes: a student who shuts the laptop lid comes back to the attempt.
    session.permanent = True


def forget(attempt: Attempt) -> None:
    """This browser no longer offers the attempt (submitted, or "Not you? Start fresh")."""
    remembered = session.get("attempts", {})
    if remembered.get(str(attempt.quiz_id)) == attempt.token:
        session["attempts"] = {quiz: token for quiz, token in remembered.items()
                               if quiz != str(attempt.quiz_id)}


def forget_all() -> None:
    session.pop("attempts", None)


def _still_open(attempts: list[Attempt]) -> list[Attempt]:
    """The attempts still in progress; the others leave the cookie."""
    done = [attempt for attempt in attempts if attempt.submitted_at is not None]
    for attempt in done:
        forget(attempt)
    return [attempt for attempt in attempts if attempt.submitted_at is None]


def remembered_attempt(quiz_id: int) -> Attempt | None:
    token = session.get("attempts", {}).get(str(quiz_id))
    if not token:
        return None
    attempt = db.session.execute(
        db.select(Attempt).where(Attempt.token == token)).scalar_one_or_none()
    return next(iter(_still_open([attempt])), None) if attempt is not None else None


def remembered_attempts() -> list[Attempt]:
    tokens = list(session.get("attempts", {}).values())
    if not tokens:
        return []
    return _still_open(list(db.session.execute(
        db.select(Attempt).where(Attempt.token.in_(tokens))
        .order_by(Attempt.started_at.desc())).scalars()))


def new_student_key() -> str:
    return secrets.token_urlsafe(24)


def student_key(quiz_id: int) -> str | None:
    """The student key this browser holds for the quiz, if any."""
    return session.get("students", {}).get(str(quiz_id))


def keep_student_key(attempt: Attempt) -> None:
    """This browser is the student who took the attempt (started here, or resumed with its
    code): their next attempt at the quiz counts as theirs."""
    if not attempt.quiz.shared_computer:
        _keep("students", attempt.quiz_id, attempt.student_key)


def forget_student(quiz_id: int | None = None) -> None:
    """"Not you? Start fresh": the next person at this browser is a new student (of this quiz,
    or of every quiz)."""
    if quiz_id is None:
        session.pop("students", None)
        return
    kept = session.get("students", {})
    if str(quiz_id) in kept:
        session["students"] = {quiz: key for quiz, key in kept.items() if quiz != str(quiz_id)}
