"""What the instructors' results pages ask the database: each student's first attempt, the quiz's
scores, a page of attempts, the counts behind the item analysis, skills and students."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Float, func, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.expression import FunctionElement

from quizapp.extensions import db
from quizapp.models import (
    GRADE_BEST,
    GRADE_LAST,
    Attempt,
    Question,
    Quiz,
    QuizQuestion,
)
from quizapp.results import tallies
from quizapp.results.first_attempts import first_attempts
from quizapp.results.measures import (
    ChoiceCount,
    ItemNumbers,
    SkillMastery,
    Spread,
    cronbach_alpha,
    describe,
    flags,
    item_numbers,
    percent,
    reread_reasons,
    strong_cut,
)
from quizapp.results.parts import Part, PartCounts, reread_parts

# Every aggregate is computed by the database with GROUP BY, so a quiz with a million responses
# never travels into Python row by row. What Python receives is small: one row per score value,
# one row per (question, total score, mark) cell, one row per choice, one row per skill, which
# quizapp.results.measures turns into statistics.
#
# Item analysis follows Moodle's quiz statistics report
# (https://docs.moodle.org/dev/Quiz_statistics_calculations): it uses each student's *first*
# submitted attempt, a question's mark is 0 or 1 (one mark per question), and a student's total
# is the attempt's score. The queries run unchanged on SQLite and PostgreSQL.

ATTEMPTS_PER_PAGE = 100


# --- Time taken, in seconds, as SQL both databases understand (for sorting) ------------------

class seconds_between(FunctionElement):  # noqa: N801 - named as the SQL function it writes
    """Seconds from the first datetime to the second. SQLite stores datetimes as text, so a
    plain subtraction would compare strings; each dialect gets its own spelling."""

    type = Float()
    name = "seconds_between"
    inherit_cache = True


@compiles(seconds_between)
def _seconds_between_default(element, compiler, **kw):
    start, end = list(element.clauses)
    return (f"EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - "
            f"{compiler.process(start, **kw)}))")


@compiles(seconds_between, "sqlite")
def _seconds_between_sqlite(element, compiler, **kw):
    start, end = list(element.clauses)
    return (f"((julianday({compiler.process(end, **kw)}) - "
            f"julianday({compiler.process(start, **kw)})) * 86400.0)")


def kept_attempts(quiz_id: int, grade_kept: str):
    """Each student's attempt whose grade the quiz keeps (its grade_kept, Moodle's grading
    method), by student key, among the submitted ones: the first (first_attempts), the best
    (the highest score; the earliest of equal ones) or the last submitted. id and score."""
    if grade_kept not in (GRADE_BEST, GRADE_LAST):
        return first_attempts(quiz_id)
    score = func.coalesce(Attempt.score, 0)
    order = ((score.desc(), Attempt.submitted_at, Attempt.id) if grade_kept == GRADE_BEST
             else (Attempt.submitted_at.desc(), Attempt.id.desc()))
    ranked = (
        select(Attempt.id, score.label("score"), func.row_number().over(
            partition_by=Attempt.student_key, order_by=order).label("rank"))
        .where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None))
        .subquery("ranked")
    )
    return select(ranked.c.id, ranked.c.score).where(ranked.c.rank == 1).subquery("kept_attempt")


def question_places(quiz_id: int) -> dict[int, tuple[int, int]]:
    """question id -> (position in the quiz, how many edits ago): an edit after attempts copies
    a question, so older responses point at the earlier versions of today's quiz questions."""
    places = {question_id: (position, 0) for question_id, position in db.session.execute(
        select(QuizQuestion.question_id, QuizQuestion.position)
        .where(QuizQuestion.quiz_id == quiz_id)
    )}
    newest = dict(places)
    while newest:  # one query per generation of edits, not per question
        older = {}
        for question_id, previous_id in db.session.execute(
            select(Question.id, Question.previous_id).where(Question.id.in_(list(newest)))
        ):
            if previous_id is not None and previous_id not in places:
                position, age = newest[question_id]
                places[previous_id] = older[previous_id] = (position, age + 1)
        newest = older
    return places


# --- The whole quiz: attempts, spread, histogram, alpha -----------------------------------------

@dataclass(frozen=True)
class QuizSummary:
    first_attempts: int
    submitted: int
    in_progress: int
    max_score: int
    spread: Spread
    alpha: float | None
    histogram: list[tuple[int, int]]  # (score, how many first attempts got it), every score 0..max


def quiz_summary(quiz_id: int) -> QuizSummary:
    first = first_attempts(quiz_id)
    histogram_rows = db.session.execute(
        select(first.c.score, func.count()).group_by(first.c.score).order_by(first.c.score)
    ).all()
    counts = db.session.execute(
        select(
            func.count(Attempt.submitted_at),
            func.count() - func.count(Attempt.submitted_at),
            func.max(Attempt.max_score),
        ).where(Attempt.quiz_id == quiz_id)
    ).one()
    submitted, in_progress, max_score = counts[0], counts[1], counts[2] or 0
    max_score = max([max_score, *[score for score, _ in histogram_rows]])

    item_rows = db.session.execute(tallies.per_question(quiz_id)).all()
    spread = describe([(score, n) for score, n in histogram_rows])
    by_score = dict(histogram_rows)
    return QuizSummary(
        first_attempts=spread.count,
        submitted=submitted,
        in_progress=in_progress,
        max_score=max_score,
        spread=spread,
        alpha=cronbach_alpha([(int(n), right) for _, n, right in item_rows], spread),
        histogram=[(score, by_score.get(score, 0)) for score in range(max_score + 1)],
    )


SORTS = {
    "name": func.lower(Attempt.student_name),
    "score": Attempt.score,
    "max": Attempt.max_score,
    "time": seconds_between(Attempt.started_at, Attempt.submitted_at),
    "submitted": Attempt.submitted_at,
}
DEFAULT_SORT = "submitted"


@dataclass(frozen=True)
class AttemptRow:
    id: int
    token: str
    student_name: str
    score: int | None
    max_score: int
    started_at: datetime
    submitted_at: datetime | None
    first: bool

    @property
    def time_taken(self) -> timedelta | None:
        return None if self.submitted_at is None else self.submitted_at - self.started_at


@dataclass(frozen=True)
class AttemptPage:
    rows: list[AttemptRow]
    total: int
    page: int
    pages: int
    sort: str
    descending: bool


def attempt_page(quiz_id: int, sort: str = DEFAULT_SORT, descending: bool = False,
                 page: int = 1, per_page: int = ATTEMPTS_PER_PAGE) -> AttemptPage:
    """One page of the quiz's submitted attempts, sorted in SQL by a whitelisted column."""
    if sort not in SORTS:
        sort = DEFAULT_SORT
    total = db.session.execute(
        select(func.count()).where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None))
    ).scalar_one()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    key = SORTS[sort]
    first = first_attempts(quiz_id)
    rows = db.session.execute(
        select(Attempt.id, Attempt.token, Attempt.student_name, Attempt.score, Attempt.max_score,
               Attempt.started_at, Attempt.submitted_at, first.c.id.is_not(None))
        .outerjoin(first, first.c.id == Attempt.id)
        .where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None))
        .order_by(key.desc() if descending else key.asc(),
                  Attempt.id.desc() if descending else Attempt.id.asc())
        .limit(per_page).offset((page - 1) * per_page)
    ).all()
    return AttemptPage([AttemptRow(*row) for row in rows], total, page, pages, sort, descending)


# --- Item analysis --------------------------------------------------------------------------

@dataclass
class ItemReport:
    number: str                 # "Q3", or "Q3 (earlier version)"
    question: Question
    numbers: ItemNumbers
    choices: list[ChoiceCount]
    strong_responses: int
    flags: list[str] = field(default_factory=list)
    reread: list[str] = field(default_factory=list)  # why a generated question should be re-read
    parts: list[Part] = field(default_factory=list)  # matching's pairs, ordering's successions


@dataclass(frozen=True)
class ItemAnalysis:
    items: list[ItemReport]
    students: int
    strong_cut: int | None      # first attempts scoring at least this are "strong"


def item_analysis(quiz_id: int) -> ItemAnalysis:
    first = first_attempts(quiz_id)
    histogram = db.session.execute(
        select(first.c.score, func.count()).group_by(first.c.score).order_by(first.c.score)
    ).all()
    students = sum(n for _, n in histogram)
    cut = strong_cut(histogram)

    # One row per (question, total score) with how many got it right: everything Moodle's
    # formulas need, pairs of (mark, rest of test) included, in questions x (max + 1) rows,
    # read from the tallies kept as attempts are submitted (no response is read here).
    cells: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for question_id, total, n, right in tallies.question_cells(quiz_id):
        cells[question_id] += [(float(total), 1.0, right), (float(total), 0.0, n - right)]

    picked = tallies.answer_counts(quiz_id, tallies.CHOICE, cut)
    part_counts = PartCounts(tallies.answer_counts(quiz_id, tallies.PAIR, cut),
                             tallies.answer_counts(quiz_id, tallies.NEXT, cut))

    places = question_places(quiz_id)
    questions = db.session.execute(
        select(Question).where(Question.id.in_(list(cells)))
        .options(selectinload(Question.choices), selectinload(Question.items))
    ).scalars().all()
    # In quiz order, each question's earlier versions (answered before an edit) after it.
    ordered = sorted(questions, key=lambda q: (places.get(q.id, (math.inf, 0))[0],
                                               places.get(q.id, (0, 0))[1], q.id))

    items = []
    for question in ordered:
        own = cells[question.id]
        numbers = item_numbers(own)
        strong_responses = sum(n for total, _, n in own if cut is not None and total >= cut)
        choices = []
        for choice in question.choices:
            n, strong_n = picked.get((question.id, choice.id), (0, 0))
            choices.append(ChoiceCount(
                choice, n, percent(n, numbers.responses), strong_n,
                percent(strong_n, strong_responses)))
        if question.id not in places:
            number = "No longer in the quiz"
        elif places[question.id][1] == 0:
            number = f"Q{places[question.id][0] + 1}"
        else:
            number = f"Q{places[question.id][0] + 1} (earlier version)"
        item = ItemReport(number, question, numbers, choices, strong_responses)
        item.flags = flags(numbers)
        item.parts = part_counts.parts(question, numbers.responses, strong_responses)
        if question.origin == "generated":
            # A matching or ordering question's choices are never picked alone: its parts are.
            item.reread = (reread_reasons(numbers, []) + reread_parts(item.parts) if item.parts
                           else reread_reasons(numbers, choices))
        items.append(item)
    return ItemAnalysis(items, students, cut)


# --- Skills and students --------------------------------------------------------------------

def skill_mastery(quiz_id: int) -> list[SkillMastery]:
    """Share of right first-attempt responses per skill, weakest first."""
    # Counted per question first (the tallies), then per skill: joining the question to every
    # response would cost a lookup per response instead of one per question.
    per_question = tallies.per_question(quiz_id).subquery("per_question")
    rows = db.session.execute(
        select(Question.skill, func.sum(per_question.c.responses), func.sum(per_question.c.marks))
        .join(per_question, per_question.c.question_id == Question.id)
        .group_by(Question.skill)
    ).all()
    skills = [SkillMastery(skill, int(n), int(right or 0)) for skill, n, right in rows]
    return sorted(skills, key=lambda s: (s.share, s.skill))


@dataclass(frozen=True)
class StudentAttempt:
    id: int
    token: str
    quiz_id: int
    quiz_title: str
    score: int | None
    max_score: int
    started_at: datetime
    submitted_at: datetime | None


def student_attempts(name: str, quiz_id: int | None = None,
                     within=None) -> list[StudentAttempt]:
    """Every attempt made under one name, oldest first (at the quizzes whose ids the select
    `within` gives, when given: an instructor's own)."""
    query = (select(Attempt.id, Attempt.token, Quiz.id, Quiz.title, Attempt.score,
                    Attempt.max_score,
                    Attempt.started_at, Attempt.submitted_at)
             .join(Quiz, Quiz.id == Attempt.quiz_id)
             .where(Attempt.student_name == name)
             .order_by(Attempt.started_at, Attempt.id))
    if quiz_id is not None:
        query = query.where(Attempt.quiz_id == quiz_id)
    if within is not None:
        query = query.where(Attempt.quiz_id.in_(within))
    return [StudentAttempt(*row) for row in db.session.execute(query)]


NAMES_PER_PAGE = 200


@dataclass(frozen=True)
class NamePage:
    names: list[tuple[str, int]]  # (name, how many attempts)
    total: int
    page: int
    pages: int


def student_names(page: int = 1, per_page: int = NAMES_PER_PAGE, within=None) -> NamePage:
    """One page of the names that have attempts, with how many, alphabetically (for the
    students page): every name is on some page, however many there are. Only attempts at the
    quizzes whose ids the select `within` gives, when given."""
    scope = Attempt.quiz_id.in_(within) if within is not None else true()
    total = db.session.execute(
        select(func.count(func.distinct(Attempt.student_name))).where(scope)).scalar_one()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    names = [tuple(row) for row in db.session.execute(
        select(Attempt.student_name, func.count())
        .where(scope)
        .group_by(Attempt.student_name)
        .order_by(func.lower(Attempt.student_name), Attempt.student_name)
        .limit(per_page).offset((page - 1) * per_page)
    )]
    return NamePage(names, total, page, pages)
