"""The tallies the item analysis, results and skills pages read (models.QuestionTally and
AnswerTally): each quiz's first attempts counted per question and per answer given, by the
attempt's score. Kept as attempts are submitted (by the student, at the deadline, at a close)
and deleted, and rebuilt from the responses by `flask rebuild-statistics`. What they count is
what the joins of first_attempts to the responses count, which stay the source of truth."""
from __future__ import annotations

from sqlalchemy import (
    and_,
    case,
    delete,
    func,
    literal,
    literal_column,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from quizapp.extensions import db
from quizapp.models import (
    AnswerTally,
    Attempt,
    Choice,
    QuestionTally,
    Quiz,
    Response,
    ResponsePair,
    ResponsePlace,
    response_choice,
)
from quizapp.results.first_attempts import first_attempts

CHOICE, PAIR, NEXT = "choice", "pair", "next"

Counts = dict[tuple[int, int], tuple[int, int]]  # (part id, option id) -> (all, strongest third)


# --- Counting from the responses (the rebuild, and one attempt at a time) -------------------

def _question_rows(first, sign: int):
    """(question, score, responses, marks) of the attempts `first` gives (id, score). Marks
    are the responses' scores: partial credit counts its share, as Moodle computes it."""
    return (select(Response.question_id, first.c.score, (func.count() * sign).label("responses"),
                   (func.sum(Response.score) * sign).label("marks"))
            .join(first, first.c.id == Response.attempt_id)
            .group_by(Response.question_id, first.c.score))


def _answer_rows(first, sign: int):
    """(kind, part, option, score, given) of the attempts `first` gives: picks, matched pairs,
    and successions (two places of one response, the second directly after the first)."""
    def kind(name: str):
        return literal_column(f"'{name}'").label("kind")

    given = (func.count() * sign).label("given")

    picks = (select(kind(CHOICE), Choice.question_id, response_choice.c.choice_id, first.c.score,
                    given)
             .select_from(response_choice)
             # The attempt on the picks themselves: no join of every response (migration 0010).
             .join(first, first.c.id == response_choice.c.attempt_id)
             .join(Choice, Choice.id == response_choice.c.choice_id)
             .group_by(Choice.question_id, response_choice.c.choice_id, first.c.score))
    pairs = (select(kind(PAIR), ResponsePair.item_id, ResponsePair.choice_id, first.c.score,
                    given)
             .join(Response, Response.id == ResponsePair.response_id)
             .join(first, first.c.id == Response.attempt_id)
             .group_by(ResponsePair.item_id, ResponsePair.choice_id, first.c.score))
    after = aliased(ResponsePlace)
    successions = (select(kind(NEXT), ResponsePlace.choice_id, after.choice_id, first.c.score,
                          given)
                   .join(after, and_(after.response_id == ResponsePlace.response_id,
                                     after.position == ResponsePlace.position + 1))
                   .join(Response, Response.id == ResponsePlace.response_id)
                   .join(first, first.c.id == Response.attempt_id)
                   .group_by(ResponsePlace.choice_id, after.choice_id, first.c.score))
    return union_all(picks, pairs, successions)


def _add(table, quiz_id: int, rows, amounts: list[str]) -> None:
    """Add rows (the key's columns but the quiz, then the amounts) to a tally: summed into the
    row of the same key, or a new row."""
    columns = [column.name for column in table.primary_key.columns if column.name != "quiz_id"]
    rows = rows.subquery("counted")
    keys = [rows.c[i] for i in range(len(columns))]
    source = (select(literal(quiz_id), *rows.c)
              # A WHERE before ON CONFLICT: SQLite's parser would take ON for a join's.
              .where(true())
              # One order of rows for every writer: PostgreSQL locks them in it, no deadlock.
              .order_by(*keys))
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).from_select(["quiz_id", *columns, *amounts], source)
    db.session.execute(statement.on_conflict_do_update(
        index_elements=["quiz_id", *columns],
        set_={name: table.c[name] + statement.excluded[name] for name in amounts}))


def _count(quiz_id: int, first, sign: int) -> None:
    _add(QuestionTally.__table__, quiz_id, _question_rows(first, sign), ["responses", "marks"])
    _add(AnswerTally.__table__, quiz_id, _answer_rows(first, sign), ["given"])


def _count_attempt(quiz_id: int, attempt_id: int, sign: int) -> None:
    """Add (sign 1) or take away (-1) one attempt's responses, at its score."""
    one = (select(Attempt.id, func.coalesce(Attempt.score, 0).label("score"))
           .where(Attempt.id == attempt_id).subquery("first_attempt"))
    _count(quiz_id, one, sign)


def rebuild(quiz_id: int | None = None) -> int:
    """Count one quiz's first attempts (or every quiz's) again from their responses; returns
    how many quizzes. The caller commits."""
    if db.session.get_bind().dialect.name == "postgresql":
        # Submissions wait at their first tally write until the rebuild commits; those
        # committed before it are in the rebuild's counts.
        db.session.execute(text(
            "LOCK TABLE question_tally, answer_tally IN SHARE ROW EXCLUSIVE MODE"))
    quiz_ids = [quiz_id] if quiz_id is not None else list(
        db.session.execute(select(Quiz.id).order_by(Quiz.id)).scalars())
    for one in quiz_ids:
        for table in (QuestionTally, AnswerTally):
            db.session.execute(delete(table).where(table.quiz_id == one))
        _count(one, first_attempts(one), 1)
    return len(quiz_ids)


# --- Keeping them as attempts come and go -----------------------------------------------------

def hold_student(attempt: Attempt) -> None:
    """Lock the student's attempts at the quiz for this transaction (PostgreSQL; SQLite's writes
    queue already): two of their attempts submitted at once then mend the tallies in turn."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(
            select(Attempt.id)
            .where(Attempt.quiz_id == attempt.quiz_id, Attempt.student_key == attempt.student_key)
            .order_by(Attempt.id).with_for_update()).all()


def _first_two(attempt: Attempt) -> list[int]:
    """The student's two earliest submitted attempts (first_attempts' order)."""
    return list(db.session.execute(
        select(Attempt.id)
        .where(Attempt.quiz_id == attempt.quiz_id, Attempt.student_key == attempt.student_key,
               Attempt.submitted_at.is_not(None))
        .order_by(Attempt.submitted_at, Attempt.id).limit(2)).scalars())


def attempt_submitted(attempt: Attempt) -> None:
    """Count a just graded attempt if it is the student's first. It may displace an earlier
    first: an attempt graded at its deadline can be dated before one submitted since."""
    first = _first_two(attempt)
    if first[0] != attempt.id:
        return
    _count_attempt(attempt.quiz_id, attempt.id, 1)
    if len(first) > 1:
        _count_attempt(attempt.quiz_id, first[1], -1)


def attempt_leaving(attempt: Attempt) -> None:
    """Before an attempt is deleted: if it is the student's first, take it away and count the
    next one, which becomes the first."""
    first = _first_two(attempt)
    if not first or first[0] != attempt.id:
        return
    _count_attempt(attempt.quiz_id, attempt.id, -1)
    if len(first) > 1:
        _count_attempt(attempt.quiz_id, first[1], 1)


# --- Reading them -----------------------------------------------------------------------------

def question_cells_query(quiz_id: int):
    return (select(QuestionTally.question_id, QuestionTally.attempt_score,
                   QuestionTally.responses, QuestionTally.marks)
            .where(QuestionTally.quiz_id == quiz_id, QuestionTally.responses > 0))


def question_cells(quiz_id: int) -> list[tuple[int, float, int, float]]:
    """(question, first-attempt score, responses, marks), every row that counts something."""
    return [(question_id, score, int(n), marks)
            for question_id, score, n, marks in db.session.execute(question_cells_query(quiz_id))]


def per_question(quiz_id: int):
    """A select of (question, responses, marks), the first-attempt scores summed."""
    return (select(QuestionTally.question_id,
                   func.sum(QuestionTally.responses).label("responses"),
                   func.sum(QuestionTally.marks).label("marks"))
            .where(QuestionTally.quiz_id == quiz_id)
            .group_by(QuestionTally.question_id)
            .having(func.sum(QuestionTally.responses) > 0))


def answer_counts_query(quiz_id: int, kind: str, cut: float | None):
    strong = case((AnswerTally.attempt_score >= (cut if cut is not None else 0),
                   AnswerTally.given), else_=0)
    return (select(AnswerTally.part_id, AnswerTally.option_id, func.sum(AnswerTally.given),
                   func.sum(strong))
            .where(AnswerTally.quiz_id == quiz_id, AnswerTally.kind == kind)
            .group_by(AnswerTally.part_id, AnswerTally.option_id))


def answer_counts(quiz_id: int, kind: str, cut: float | None) -> Counts:
    """(part, option) -> (how often given, how often by first attempts scoring at least cut)."""
    rows = db.session.execute(answer_counts_query(quiz_id, kind, cut))
    return {(part, option): (int(n), int(strong_n or 0))
            for part, option, n, strong_n in rows if n}
