"""A quiz's version: moved on in the same transaction as any change to the quiz, its questions'
places, or the questions, choices, matching items, evidence and articles its students see. The
student pages keep a snapshot of each quiz per process under its version (quizapp.snapshots), so
an edit, a close or a reopen is never served stale, by any worker. A change made row by row
moves on the quizzes it touches; a bulk UPDATE or DELETE of these tables (the edit that makes a
question's new version moves its places in quizzes at once) moves every quiz on: rare, and
always safe."""
from __future__ import annotations

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from quizapp.models import Article, Choice, Evidence, MatchItem, Question, Quiz, QuizQuestion

# What a question shows its students: a change to any of these changes the question's quizzes.
QUESTION_PARTS = (Choice, MatchItem, Evidence)
SHOWN_TABLES = frozenset(model.__table__ for model in (QuizQuestion, Question, Article,
                                                        *QUESTION_PARTS))


def _changed(session: Session) -> list:
    return [*session.new, *(row for row in session.dirty if session.is_modified(row)),
            *session.deleted]


def _question_id(row) -> int | None:
    if isinstance(row, Question):
        return row.id
    return row.question_id if row.question_id is not None else getattr(
        row.question, "id", None)


def _quiz_id(row: QuizQuestion) -> int | None:
    return row.quiz_id if row.quiz_id is not None else getattr(row.quiz, "id", None)


def _affected(session: Session) -> tuple[set[Quiz], set[int], set[int], bool]:
    """The quizzes changed as rows, the ids of quizzes and questions changed through their
    parts, and whether an article changed (it may be quoted by any quiz)."""
    quizzes, quiz_ids, question_ids, articles = set(), set(), set(), False
    for row in _changed(session):
        if isinstance(row, Quiz):
            quizzes.add(row)
        elif isinstance(row, QuizQuestion):
            quiz_ids.add(_quiz_id(row))
        elif isinstance(row, (Question, *QUESTION_PARTS)):
            question_ids.add(_question_id(row))
        elif isinstance(row, Article):
            articles = True
    return quizzes, quiz_ids - {None}, question_ids - {None}, articles


def _move_on(session: Session, _context, _instances) -> None:
    quizzes, quiz_ids, question_ids, articles = _affected(session)
    for quiz in quizzes:
        if quiz not in session.new:
            quiz.version = (quiz.version or 0) + 1
            quiz_ids.discard(quiz.id)
    if question_ids:
        quiz_ids |= set(session.execute(
            select(QuizQuestion.quiz_id).where(QuizQuestion.question_id.in_(question_ids))
        ).scalars())
    statement = update(Quiz.__table__).values(version=Quiz.__table__.c.version + 1)
    if articles:  # rare (a story's text corrected): every quiz starts afresh
        session.execute(statement)
    elif quiz_ids:
        session.execute(statement.where(Quiz.__table__.c.id.in_(quiz_ids)))


def _move_all_on(state) -> None:
    """After a bulk UPDATE or DELETE of what students see, every quiz starts afresh."""
    if (state.is_update or state.is_delete) and getattr(state.statement, "table",
                                                         None) in SHOWN_TABLES:
        quiz = Quiz.__table__
        state.session.execute(update(quiz).values(version=quiz.c.version + 1))


def init_app() -> None:
    """Listen to every session's flushes and statements (once, however many apps a process
    makes)."""
    for name, listener in (("before_flush", _move_on), ("do_orm_execute", _move_all_on)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)
