"""Who is taking a quiz: the student a browser is at a quiz (its student key, kept by
quizapp.quiz.access), a name that another student already uses in the quiz, and the attempts a
student has made against the quiz's limit."""
from __future__ import annotations

from sqlalchemy import func

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.quiz.access import new_student_key, student_key
from quizapp.rosters import normalise_name


def same_student(earlier: Attempt | None, name: str) -> bool:
    """The attempt this browser remembers for the quiz was started under this name."""
    return earlier is not None and (normalise_name(earlier.student_name)
                                    == normalise_name(name))


def key_for(quiz: Quiz, name: str) -> str:
    """The student this browser is at the quiz when it took the quiz under this name; under
    another name it is someone else at the same browser: a new student."""
    key = student_key(quiz.id)
    if key is not None:
        taken_as = attempts.name_of_student(quiz.id, key)
        if taken_as is None or normalise_name(taken_as) == normalise_name(name):
            return key
    return new_student_key()


def name_taken(quiz: Quiz, name: str, key: str) -> bool:
    """Another student (another key) has an attempt at the quiz under this name, as names are
    compared (case and spacing aside), and this student has none under it: joining would look
    like one student. A name a student has used here stays theirs too."""
    wanted = normalise_name(name)
    # The names in SQL; the comparison in Python, as resuming compares them (casefold).
    used = db.session.execute(
        db.select(Attempt.student_name, Attempt.student_key == key).distinct()
        .where(Attempt.quiz_id == quiz.id)).all()
    owners = {mine for other, mine in used if normalise_name(other) == wanted}
    return owners == {False}


def hold(quiz: Quiz, name: str, key: str) -> None:
    """Make starts under one name, or by one student, at one moment take turns, so two cannot
    both pass the name check or the attempt limit: SQLite's starts already do (BEGIN
    IMMEDIATE); PostgreSQL takes a lock on the name in the quiz, then one on the student, held
    to the end of the transaction (always in that order, so no two starts deadlock)."""
    if db.engine.dialect.name != "postgresql":
        return
    for holder in (f"name:{normalise_name(name)}", f"student:{key}"):
        db.session.execute(db.select(func.pg_advisory_xact_lock(
            func.hashtext(f"quizapp:{quiz.id}:{holder}"))))


def attempts_of(quiz: Quiz, key: str) -> list[Attempt]:
    """The student's attempts at the quiz, oldest first."""
    return list(db.session.execute(
        db.select(Attempt).where(Attempt.quiz_id == quiz.id, Attempt.student_key == key)
        .order_by(Attempt.started_at, Attempt.id)).scalars())


def used_up(quiz: Quiz, made: list[Attempt]) -> bool:
    """The student has made every attempt the quiz allows."""
    return quiz.attempts_allowed is not None and len(made) >= quiz.attempts_allowed


def attempts_words(count: int) -> str:
    return f"{count} attempt" + ("" if count == 1 else "s")
