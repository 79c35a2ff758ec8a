"""Finding an attempt from its address, settling one whose time is up, and the signed session
cookie that remembers a browser's attempts so a reload or a closed tab resumes them."""
from __future__ import annotations

from flask import abort, flash, session

from quizapp import attempts, grading
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


def settle(attempt: Attempt) -> bool:
    """Submit an attempt whose time is up, or whose quiz the teacher closed, with what was
    saved; True once it is submitted."""
    if attempt.submitted_at is None and attempts.is_over(attempt):
        closed = attempt.quiz.closed
        if grading.grade_attempt(attempt):
            db.session.commit()
            flash("Your teacher closed this quiz: the answers you saved were submitted." if closed
                  else "Time is up: the answers you saved were submitted.", "notice")
    return attempt.submitted_at is not None


def remember(attempt: Attempt) -> None:
    remembered = dict(session.get("attempts", {}))
    remembered.pop(str(attempt.quiz_id), None)
    remembered[str(attempt.quiz_id)] = attempt.token
    session["attempts"] = dict(list(remembered.items())[-REMEMBERED:])
    # Kept after the browser closes: a student who shuts the laptop lid comes back to the attempt.
    session.permanent = True


def remembered_attempt(quiz_id: int) -> Attempt | None:
    token = session.get("attempts", {}).get(str(quiz_id))
    if not token:
        return None
    return db.session.execute(
        db.select(Attempt).where(Attempt.token == token)).scalar_one_or_none()


def remembered_attempts() -> list[Attempt]:
    tokens = list(session.get("attempts", {}).values())
    if not tokens:
        return []
    return list(db.session.execute(
        db.select(Attempt).where(Attempt.token.in_(tokens))
        .order_by(Attempt.started_at.desc())).scalars())
