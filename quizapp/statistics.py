"""The numbers behind the instructor's score review: attempts, item analysis, skills, students.

Every aggregate is computed by the database with GROUP BY, so a quiz with a million responses
never travels into Python row by row. What Python receives is small: one row per score value,
one row per (question, total score, mark) cell, one row per choice, one row per skill. The
formulas that turn those cells into statistics are plain functions at the bottom of the module.

Item analysis follows Moodle's quiz statistics report
(https://docs.moodle.org/dev/Quiz_statistics_calculations): it uses each student's *first*
submitted attempt, a question's mark is 0 or 1 (one mark per question), and a student's total
is the attempt's score. The queries run unchanged on SQLite and PostgreSQL.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterator

from sqlalchemy import Float, Integer, and_, case, cast, exists, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased, selectinload
from sqlalchemy.sql.expression import FunctionElement

from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Quiz, QuizQuestion, Response, response_choice

# Thresholds for the flags, in percent. Moodle's own guidance
# (https://docs.moodle.org/en/Quiz_report_statistics) reads facility 90-94% as "very easy"
# and discrimination 0-19% as "very weak"; its statistics table marks a question dubious when
# the discriminative efficiency is under 15%.
TOO_EASY = 90           # facility above this: nearly everyone gets it, it tells students apart little
TOO_HARD = 20           # facility below this: worse than guessing among four or five choices
WEAK_DISCRIMINATION = 20
LOW_EFFICIENCY = 15
KEY_RARELY_PICKED = 20  # a generated question whose key so few pick may have a wrong key
STRONG_SHARE = 1 / 3    # "strong students": the top third of first attempts by score

ATTEMPTS_PER_PAGE = 100


# --- Time taken, in seconds, as SQL both databases understand (for sorting) ------------------

class seconds_between(FunctionElement):
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


def _mark():
    # A boolean column summed the same way on both databases (PostgreSQL cannot sum booleans).
    return cast(Response.correct, Integer)


def first_attempts(quiz_id: int):
    """Each student's first submitted attempt at the quiz (by name): id and score.

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
        earlier.student_name == Attempt.student_name,
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
                partition_by=Attempt.student_name,
                order_by=(Attempt.submitted_at, Attempt.id),
            ).label("rank"),
        )
        .where(Attempt.quiz_id == quiz_id, Attempt.submitted_at.is_not(None))
        .subquery("ranked")
    )
    return select(ranked.c.id, ranked.c.score).where(ranked.c.rank == 1).subquery("first_attempt")


# --- The whole quiz: attempts, spread, histogram, alpha -----------------------------------------

@dataclass(frozen=True)
class Spread:
    count: int
    mean: float | None
    median: float | None
    sd: float | None  # sample standard deviation (n - 1), as Moodle reports it


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
    max_score = max([max_score, *[score for score, _ in histogram_rows]] or [0])

    item_rows = db.session.execute(
        select(Response.question_id, func.count(), func.sum(_mark()))
        .join(first, first.c.id == Response.attempt_id)
        .group_by(Response.question_id)
    ).all()
    spread = describe([(score, n) for score, n in histogram_rows])
    by_score = dict(histogram_rows)
    return QuizSummary(
        first_attempts=spread.count,
        submitted=submitted,
        in_progress=in_progress,
        max_score=max_score,
        spread=spread,
        alpha=cronbach_alpha([(n, right) for _, n, right in item_rows], spread),
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

@dataclass(frozen=True)
class ItemNumbers:
    """Moodle's statistics of one question, from its first-attempt responses."""

    responses: int
    facility: float | None                  # mean mark / max mark, %
    sd: float | None                        # of the mark, % of the max mark
    discrimination: float | None            # Pearson r of mark and rest of test, %
    efficiency: float | None                # covariance / the largest it could be, %


@dataclass(frozen=True)
class ChoiceCount:
    choice: Choice
    count: int
    share: float | None        # % of the question's responses that picked it
    strong_count: int          # picked by the strongest third
    strong_share: float | None


@dataclass
class ItemReport:
    number: str                 # "Q3", or "Q3 (earlier version)"
    question: Question
    numbers: ItemNumbers
    choices: list[ChoiceCount]
    strong_responses: int
    flags: list[str] = field(default_factory=list)
    reread: list[str] = field(default_factory=list)  # why a generated question should be re-read


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
    # formulas need, pairs of (mark, rest of test) included, in questions x (max + 1) rows.
    cells: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for question_id, total, n, right in db.session.execute(
        select(Response.question_id, first.c.score, func.count(), func.sum(_mark()))
        .join(first, first.c.id == Response.attempt_id)
        .group_by(Response.question_id, first.c.score)
    ):
        right = right or 0
        cells[question_id] += [(float(total), 1.0, right), (float(total), 0.0, n - right)]

    strong = case((first.c.score >= (cut if cut is not None else 0), 1), else_=0)
    picked = {
        choice_id: (n, strong_n or 0)
        for choice_id, n, strong_n in db.session.execute(
            select(response_choice.c.choice_id, func.count(), func.sum(strong))
            .select_from(response_choice)
            .join(Response, Response.id == response_choice.c.response_id)
            .join(first, first.c.id == Response.attempt_id)
            .group_by(response_choice.c.choice_id)
        )
    }

    places = _places(quiz_id)
    questions = db.session.execute(
        select(Question).where(Question.id.in_(list(cells))).options(selectinload(Question.choices))
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
            n, strong_n = picked.get(choice.id, (0, 0))
            choices.append(ChoiceCount(
                choice, n, _percent(n, numbers.responses), strong_n,
                _percent(strong_n, strong_responses)))
        if question.id not in places:
            number = "No longer in the quiz"
        elif places[question.id][1] == 0:
            number = f"Q{places[question.id][0] + 1}"
        else:
            number = f"Q{places[question.id][0] + 1} (earlier version)"
        item = ItemReport(number, question, numbers, choices, strong_responses)
        item.flags = flags(numbers)
        if question.origin == "generated":
            item.reread = reread_reasons(numbers, choices)
        items.append(item)
    return ItemAnalysis(items, students, cut)


def _places(quiz_id: int) -> dict[int, tuple[int, int]]:
    """question id -> (position in the quiz, how many edits ago): an edit after attempts copies
    a question, so older responses point at the earlier versions of today's quiz questions."""
    places = {question_id: (position, 0) for question_id, position in db.session.execute(
        select(QuizQuestion.question_id, QuizQuestion.position).where(QuizQuestion.quiz_id == quiz_id)
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


def flags(numbers: ItemNumbers) -> list[str]:
    """The warnings a teacher reads beside a question, in words."""
    out = []
    if numbers.facility is not None and numbers.facility > TOO_EASY:
        out.append("too easy")
    if numbers.facility is not None and numbers.facility < TOO_HARD:
        out.append("too hard")
    if numbers.discrimination is not None and numbers.discrimination < 0:
        out.append("negative discrimination")
    elif numbers.discrimination is not None and numbers.discrimination < WEAK_DISCRIMINATION:
        out.append("weak discrimination")
    if (numbers.efficiency is not None and numbers.efficiency < LOW_EFFICIENCY
            and not (numbers.discrimination is not None and numbers.discrimination < 0)):
        out.append("low discriminative efficiency")
    return out


def reread_reasons(numbers: ItemNumbers, choices: list[ChoiceCount]) -> list[str]:
    """Why a generated question's numbers suggest its key or wording is wrong."""
    reasons = []
    if numbers.discrimination is not None and numbers.discrimination < 0:
        reasons.append("students who did well on the rest of the quiz got it wrong more often "
                       "than those who did poorly")
    keys = [c for c in choices if c.choice.correct]
    for key in keys:
        if key.share is not None and key.share < KEY_RARELY_PICKED:
            reasons.append(f"only {key.share:.0f}% picked the key “{key.choice.text}”")
    best_key = max((c.strong_count for c in keys), default=0)
    for other in choices:
        if not other.choice.correct and other.strong_count > best_key:
            reasons.append(f"the strongest third of the class picked “{other.choice.text}” "
                           f"more often than the key")
    return reasons


# --- Skills and students --------------------------------------------------------------------

@dataclass(frozen=True)
class SkillMastery:
    skill: str
    responses: int
    correct: int

    @property
    def share(self) -> float:
        return 100 * self.correct / self.responses if self.responses else 0.0


def skill_mastery(quiz_id: int) -> list[SkillMastery]:
    """Share of right first-attempt responses per skill, weakest first."""
    first = first_attempts(quiz_id)
    # Counted per question first, then per skill: joining the question to every response
    # would cost a lookup per response instead of one per question.
    per_question = (
        select(Response.question_id, func.count().label("responses"), func.sum(_mark()).label("right"))
        .join(first, first.c.id == Response.attempt_id)
        .group_by(Response.question_id)
        .subquery("per_question")
    )
    rows = db.session.execute(
        select(Question.skill, func.sum(per_question.c.responses), func.sum(per_question.c.right))
        .join(per_question, per_question.c.question_id == Question.id)
        .group_by(Question.skill)
    ).all()
    skills = [SkillMastery(skill, int(n), int(right or 0)) for skill, n, right in rows]
    return sorted(skills, key=lambda s: (s.share, s.skill))


def weakest_sentence(skills: list[SkillMastery]) -> str | None:
    if not skills:
        return None
    weakest = skills[0]
    return f"The class is weakest at {weakest.skill} ({weakest.share:.0f}%)."


@dataclass(frozen=True)
class StudentAttempt:
    token: str
    quiz_id: int
    quiz_title: str
    score: int | None
    max_score: int
    started_at: datetime
    submitted_at: datetime | None


def student_attempts(name: str, quiz_id: int | None = None) -> list[StudentAttempt]:
    """Every attempt made under one name, oldest first."""
    query = (select(Attempt.token, Quiz.id, Quiz.title, Attempt.score, Attempt.max_score,
                    Attempt.started_at, Attempt.submitted_at)
             .join(Quiz, Quiz.id == Attempt.quiz_id)
             .where(Attempt.student_name == name)
             .order_by(Attempt.started_at, Attempt.id))
    if quiz_id is not None:
        query = query.where(Attempt.quiz_id == quiz_id)
    return [StudentAttempt(*row) for row in db.session.execute(query)]


def student_names(limit: int = 500) -> list[tuple[str, int]]:
    """Names that have attempts, with how many, alphabetically (for the students page)."""
    return [tuple(row) for row in db.session.execute(
        select(Attempt.student_name, func.count())
        .group_by(Attempt.student_name)
        .order_by(func.lower(Attempt.student_name), Attempt.student_name)
        .limit(limit)
    )]


# --- Rows for the CSV exports (streamed: fetched in batches, never all at once) ---------------

ATTEMPT_COLUMNS = ["attempt", "student_name", "first_attempt", "started_at", "submitted_at",
                   "time_taken_seconds", "score", "max_score"]
RESPONSE_COLUMNS = ["attempt", "student_name", "first_attempt", "question_number", "question_id",
                    "skill", "chosen", "chosen_text", "correct"]
BATCH = 2000


def _first_ids(quiz_id: int) -> set[int]:
    first = first_attempts(quiz_id)
    return set(db.session.execute(select(first.c.id)).scalars())


def _stream(statement):
    # Plain rows through the session's connection: no ORM bookkeeping per row, fetched in
    # batches (a server-side cursor on PostgreSQL).
    return db.session.connection().execute(
        statement.execution_options(stream_results=True, max_row_buffer=BATCH))


def attempt_rows(quiz_id: int) -> Iterator[list]:
    first = _first_ids(quiz_id)
    result = _stream(
        select(Attempt.id, Attempt.student_name, Attempt.started_at, Attempt.submitted_at,
               Attempt.score, Attempt.max_score)
        .where(Attempt.quiz_id == quiz_id)
        .order_by(Attempt.id)
    )
    for attempt_id, name, started, submitted, score, max_score in result:
        taken = None if submitted is None else round((submitted - started).total_seconds())
        yield [attempt_id, name, "yes" if attempt_id in first else "no",
               _iso(started), _iso(submitted), taken, score, max_score]


def response_rows(quiz_id: int) -> Iterator[list]:
    """One row per response; a response with several choices arrives as several joined rows,
    which are folded back into one here."""
    first = _first_ids(quiz_id)
    positions = {question_id: position for question_id, (position, _) in _places(quiz_id).items()}
    result = _stream(
        select(Response.id, Response.attempt_id, Attempt.student_name, Response.question_id,
               Question.skill, Response.correct, Choice.position, Choice.text)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Question, Question.id == Response.question_id)
        .outerjoin(response_choice, response_choice.c.response_id == Response.id)
        .outerjoin(Choice, Choice.id == response_choice.c.choice_id)
        .where(Attempt.quiz_id == quiz_id)
        .order_by(Response.attempt_id, Response.id, Choice.position)
    )
    current, letters, texts = None, [], []
    for response_id, attempt_id, name, question_id, skill, correct, position, text in result:
        if current is not None and current[0] != response_id:
            yield _response_row(current, letters, texts, first, positions)
            letters, texts = [], []
        current = (response_id, attempt_id, name, question_id, skill, correct)
        if position is not None:
            letters.append(_letter(position))
            texts.append(text)
    if current is not None:
        yield _response_row(current, letters, texts, first, positions)


def _response_row(current, letters, texts, first, positions) -> list:
    _, attempt_id, name, question_id, skill, correct = current
    number = positions.get(question_id)
    return [attempt_id, name, "yes" if attempt_id in first else "no",
            "" if number is None else number + 1, question_id, skill,
            "; ".join(letters), " | ".join(texts), 1 if correct else 0]


def _letter(position: int) -> str:
    return chr(ord("A") + position) if 0 <= position < 26 else str(position + 1)


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(sep=" ", timespec="seconds")


# --- The formulas: plain functions over the aggregated cells ---------------------------------

def describe(histogram: list[tuple[float, int]]) -> Spread:
    """Count, mean, median and sample SD of scores given as (score, how many) pairs."""
    pairs = sorted((float(score), n) for score, n in histogram if n)
    count = sum(n for _, n in pairs)
    if count == 0:
        return Spread(0, None, None, None)
    mean = sum(score * n for score, n in pairs) / count
    sd = (math.sqrt(sum(n * (score - mean) ** 2 for score, n in pairs) / (count - 1))
          if count > 1 else None)
    return Spread(count, mean, _median(pairs, count), sd)


def _score_at_rank(pairs: list[tuple[float, int]], rank: int) -> float:
    """The score at a 1-based rank of (score, how many) pairs sorted by score."""
    seen = 0
    for score, n in pairs:
        seen += n
        if seen >= rank:
            return score
    return pairs[-1][0]


def _median(pairs: list[tuple[float, int]], count: int) -> float:
    if count % 2:
        return _score_at_rank(pairs, count // 2 + 1)
    return (_score_at_rank(pairs, count // 2) + _score_at_rank(pairs, count // 2 + 1)) / 2


def cronbach_alpha(items: list[tuple[int, int]], total: Spread) -> float | None:
    """alpha = k/(k-1) * (1 - sum of item variances / variance of the totals).

    items: (responses, right) per question; marks are 0 or 1, so the sum of squared marks is
    the number right and an item's sample variance is (right - right^2/n) / (n - 1).
    """
    k = len(items)
    if k < 2 or total.sd is None or total.sd == 0:
        return None
    item_variance = 0.0
    for n, right in items:
        if n < 2:
            return None
        right = right or 0
        item_variance += (right - right * right / n) / (n - 1)
    return k / (k - 1) * (1 - item_variance / total.sd ** 2)


def item_numbers(cells: list[tuple[float, float, int]], max_mark: float = 1.0) -> ItemNumbers:
    """Moodle's per-question statistics from (total score, mark, how many) cells.

    rest = total - mark, the student's score on the rest of the test.
    discrimination = 100 * cov(mark, rest) / sqrt(var(mark) var(rest)), Pearson's r.
    efficiency = 100 * cov(mark, rest) / cov_max, where cov_max pairs the marks sorted
    ascending with the rest scores sorted ascending: the largest covariance these two sets of
    numbers could have, so a question is not blamed for being easy or hard.
    All (co)variances divide by n - 1, as Moodle's do.
    """
    pairs = [(mark, total - mark, n) for total, mark, n in cells if n]
    s = sum(n for _, _, n in pairs)
    if s == 0:
        return ItemNumbers(0, None, None, None, None)
    mark_mean = sum(mark * n for mark, _, n in pairs) / s
    rest_mean = sum(rest * n for _, rest, n in pairs) / s
    facility = 100 * mark_mean / max_mark
    if s < 2:
        return ItemNumbers(s, facility, None, None, None)
    mark_var = sum(n * (mark - mark_mean) ** 2 for mark, _, n in pairs) / (s - 1)
    rest_var = sum(n * (rest - rest_mean) ** 2 for _, rest, n in pairs) / (s - 1)
    covariance = sum(n * (mark - mark_mean) * (rest - rest_mean) for mark, rest, n in pairs) / (s - 1)
    covariance_max = _sorted_covariance_sum(
        [(mark, n) for mark, _, n in pairs], [(rest, n) for _, rest, n in pairs],
        mark_mean, rest_mean) / (s - 1)
    product = mark_var * rest_var
    discrimination = 100 * covariance / math.sqrt(product) if product > 1e-12 else None
    efficiency = 100 * covariance / covariance_max if abs(covariance_max) > 1e-12 else None
    return ItemNumbers(s, facility, 100 * math.sqrt(mark_var) / max_mark, discrimination, efficiency)


def _sorted_covariance_sum(a: list[tuple[float, int]], b: list[tuple[float, int]],
                           a_mean: float, b_mean: float) -> float:
    """Sum of (a_i - a_mean)(b_i - b_mean) with both lists sorted ascending and paired by rank;
    both are given as run lengths (value, how many)."""
    a_runs = _runs(a)
    b_runs = _runs(b)
    total = 0.0
    i = j = 0
    a_left = a_runs[0][1] if a_runs else 0
    b_left = b_runs[0][1] if b_runs else 0
    while i < len(a_runs) and j < len(b_runs):
        step = min(a_left, b_left)
        total += step * (a_runs[i][0] - a_mean) * (b_runs[j][0] - b_mean)
        a_left -= step
        b_left -= step
        if a_left == 0:
            i += 1
            a_left = a_runs[i][1] if i < len(a_runs) else 0
        if b_left == 0:
            j += 1
            b_left = b_runs[j][1] if j < len(b_runs) else 0
    return total


def _runs(values: list[tuple[float, int]]) -> list[tuple[float, int]]:
    merged: dict[float, int] = defaultdict(int)
    for value, n in values:
        merged[value] += n
    return sorted(merged.items())


def strong_cut(histogram: list[tuple[int, int]]) -> int | None:
    """The score from which a first attempt counts as "strong": the score of the student at
    two thirds of the way up the class (so roughly the top third, ties included)."""
    pairs = sorted((score, n) for score, n in histogram if n)
    count = sum(n for _, n in pairs)
    if count == 0:
        return None
    return _score_at_rank(pairs, max(1, math.ceil(count * (1 - STRONG_SHARE))))


def _percent(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None
