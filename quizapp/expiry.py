"""Attempts the student never came back to: when the time limit ran out or the teacher closed
the quiz (or its close date passed), what the student saved is graded without them, so it
reaches the results. The instructors' results pages sweep their quiz, `flask grade-expired`
sweeps them all (for a timer), and closing a quiz grades its open attempts at once."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_

from quizapp import grading, quiz_builder
from quizapp.attempts import GRACE
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, now


def _expired_ids(quiz_id: int | None, moment: datetime) -> list[int]:
    # Past the deadline and its grace (answers in flight are taken until then), or closed.
    ran_out = and_(Attempt.deadline_at.is_not(None), Attempt.deadline_at < moment - GRACE)
    closed = Attempt.quiz_id.in_(db.select(Quiz.id).where(
        or_(Quiz.closed, and_(Quiz.closes_at.is_not(None), Quiz.closes_at <= moment))))
    query = (db.select(Attempt.id)
             .where(Attempt.submitted_at.is_(None), or_(ran_out, closed))
             .order_by(Attempt.id))
    if quiz_id is not None:
        query = query.where(Attempt.quiz_id == quiz_id)
    return list(db.session.execute(query).scalars())


def grade_expired(quiz_id: int | None = None, at: datetime | None = None) -> int:
    """Grade every unsubmitted attempt (of one quiz, or all) whose time ran out or whose quiz is
    closed, each in its own transaction; returns how many were graded. An attempt that ran out
    is recorded as submitted at its deadline, one of a closed quiz at the moment it is graded.
    A student submitting at the same moment is graded once: grading claims the attempt first."""
    moment = at or now()
    graded = 0
    for attempt_id in _expired_ids(quiz_id, moment):
        attempt = db.session.get(Attempt, attempt_id)
        if attempt is None or attempt.submitted_at is not None:
            continue
        ran_out = attempt.deadline_at is not None and attempt.deadline_at < moment
        if grading.grade_attempt(attempt, at=attempt.deadline_at if ran_out else moment):
            db.session.commit()
            graded += 1
    return graded


def close_quiz(quiz: Quiz) -> int:
    """Close the quiz to new attempts and answers, and grade its open attempts now; returns how
    many were graded. Commits."""
    quiz_builder.close(quiz)
    db.session.commit()
    return grade_expired(quiz.id)


def settle(attempt: Attempt, at: datetime | None = None) -> bool:
    """Grade this one attempt if its time ran out or its quiz was closed; True if it was graded
    now (the caller commits)."""
    moment = at or now()
    if attempt.submitted_at is not None:
        return False
    ran_out = attempt.deadline_at is not None and attempt.deadline_at <= moment
    if not (ran_out or attempt.quiz.has_closed(moment)):
        return False
    return grading.grade_attempt(attempt, at=attempt.deadline_at if ran_out else moment)
