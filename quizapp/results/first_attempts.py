"""Each student's first submitted attempt at a quiz: the attempts Moodle's item analysis reads
(quizapp.results.queries), and what the tallies behind it count (quizapp.results.tallies)."""
from __future__ import annotations

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from quizapp.extensions import db
from quizapp.models import Attempt


def first_attempts(quiz_id: int):
    """Each student's first submitted attempt at the quiz (by student key, never by the name
    typed: two students both called Sam are two students): id and score.

    Moodle's item analysis uses first attempts only, as later ones are shaped by the feedback
    of the first. "First" is the earliest submitted; the id breaks a tie.

    Two spellings of the same set, one per planner (measured with bench/report.py): PostgreSQL
    cannot estimate how many rows pass a row_number() = 1 filter (it guesses 0.5%) and then
    joins a million responses by nested loops, while it estimates an anti-join well and hashes;
    SQLite runs the anti-join as a correlated subquery per row, and the ranking well.
    """
    if db.engine.dialect.name == "postgresql":
        return _first_by_anti_join(quiz_id)
    return _first_by_rank(quiz_id)


def _first_by_anti_join(quiz_id: int):
    earlier = aliased(Attempt)
    has_earlier = exists().where(
        earlier.quiz_id == Attempt.quiz_id,
        earlier.student_key == Attempt.student_key,
        earlier.submitted_at.is_not(None),
        or_(earlier.submitted_at < Attempt.submitted_at,
            and_(earlier.submitted_at == Attempt.submitted_at, earlier.id < Attempt.id)),
    )
    return (
        select(Attempt.id, func.coalesce(Attempt.score, 0).label("score"))
        .where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None), ~has_earlier)
        .subquery("first_attempt")
    )


def _first_by_rank(quiz_id: int):
    ranked = (
        select(
            Attempt.id,
            func.coalesce(Attempt.score, 0).label("score"),
            func.row_number().over(
                partition_by=Attempt.student_key,
                order_by=(Attempt.submitted_at, Attempt.id),
            ).label("rank"),
        )
        .where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None))
        .subquery("ranked")
    )
    return select(ranked.c.id, ranked.c.score).where(ranked.c.rank == 1).subquery("first_attempt")
