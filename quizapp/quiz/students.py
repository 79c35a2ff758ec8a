"""Who is taking a quiz: the student a browser is at a quiz (its student key, kept by
quizapp.quiz.access), and a name that another student already uses in the quiz."""
from __future__ import annotations

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from quizapp.quiz.access import new_student_key, student_key


def same_student(earlier: Attempt | None, name: str) -> bool:
    """The attempt this browser remembers for the quiz was started under this name."""
    return earlier is not None and (attempts.normalise_name(earlier.student_name)
                                    == attempts.normalise_name(name))


def key_for(quiz: Quiz, name: str) -> str:
    """The student this browser is at the quiz when it took the quiz under this name; under
    another name it is someone else at the same browser: a new student."""
    key = student_key(quiz.id)
    if key is not None:
        taken_as = attempts.name_of_student(quiz.id, key)
        if taken_as is None or attempts.normalise_name(taken_as) == attempts.normalise_name(name):
            return key
    return new_student_key()


def name_taken(quiz: Quiz, name: str, key: str) -> bool:
    """Another student (another key) has an attempt at the quiz under this name, as names are
    compared (case and spacing aside), and this student has none under it: joining would look
    like one student. A name a student has used here stays theirs too."""
    wanted = attempts.normalise_name(name)
    # The names in SQL; the comparison in Python, as resuming compares them (casefold).
    used = db.session.execute(
        db.select(Attempt.student_name, Attempt.student_key == key).distinct()
        .where(Attempt.quiz_id == quiz.id)).all()
    owners = {mine for other, mine in used if attempts.normalise_name(other) == wanted}
    return owners == {False}
