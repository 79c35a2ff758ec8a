"""Making quizzes, for the web and the command line alike: a story's approved questions chosen by
hand, N at random per skill or the first few of each kind, with settings and a join code; then
publishing, closing and reopening. Only approved questions ever go in."""
from __future__ import annotations

import random
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists

from quizapp import review, rosters
from quizapp.extensions import db
from quizapp.models import (
    FEEDBACK_AT_END,
    FEEDBACK_IMMEDIATE,
    GRADE_BEST,
    GRADES,
    ONE_PER_PAGE,
    REVIEW_AFTER_ATTEMPT,
    Attempt,
    Question,
    QuestionStatus,
    Quiz,
    QuizQuestion,
    Story,
)

JOIN_CODE = re.compile(r"^[A-Z0-9]{4,20}$")
# No 0/O or 1/I/L: a code read aloud in a classroom must not be mistyped.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class BuildError(ValueError):
    """A quiz that cannot be built as asked; the message is for the instructor, `field` names
    the setting at fault ("questions" unless said)."""

    def __init__(self, message: str, field: str = "questions") -> None:
        super().__init__(message)
        self.field = field


@dataclass
class QuizSettings:
    title: str
    join_code: str
    layout: str
    open_book: bool
    feedback: str
    time_limit_minutes: int | None
    shuffle_questions: bool
    shuffle_choices: bool
    review_answers: str
    review_score: str
    shared_computer: bool
    listed: bool = False  # on the home page; unlisted quizzes are reached by code or link
    opens_at: datetime | None = None  # UTC, as stored
    closes_at: datetime | None = None
    attempts_allowed: int | None = None  # per student; None: unlimited
    grade_kept: str = GRADE_BEST  # first, best or last, when several are allowed
    roster: str = ""  # the class's names, one a line; "" for names typed by the students


SETTINGS = tuple(QuizSettings.__dataclass_fields__)


def new_join_code(length: int = 6) -> str:
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(length))
        if not join_code_taken(code):
            return code


def default_settings(story: Story, title: str | None = None, attempts_allowed: int | None = None,
                     grade_kept: str = GRADE_BEST) -> QuizSettings:
    """What a quiz made in one step gets: the story's title (its start, should it be longer
    than a quiz title may be), a fresh code, one question per page, open book, feedback at
    the end, no time limit, nothing shuffled, and the review options' defaults (the right
    answers once the quiz is closed, the score at once; with one attempt allowed, the answers
    right after it)."""
    return QuizSettings(
        title=title or _shortened(story.title, Quiz.title.type.length), join_code=new_join_code(),
        layout=ONE_PER_PAGE, open_book=True, feedback=FEEDBACK_AT_END, time_limit_minutes=None,
        shuffle_questions=False, shuffle_choices=False,
        review_answers=review.default_answers_review(attempts_allowed),
        review_score=review.DEFAULT_SCORE_REVIEW, shared_computer=False,
        attempts_allowed=attempts_allowed, grade_kept=grade_kept)


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def approved_questions(story: Story) -> list[Question]:
    return list(db.session.execute(
        db.select(Question)
        .where(Question.story_id == story.id, Question.status == QuestionStatus.APPROVED)
        .order_by(Question.id)).scalars())


def first_per_kind(story: Story, per_kind: int) -> list[Question]:
    """The first few approved questions of each kind, in the order they were written, so one
    class period covers every skill."""
    taken: dict[str, int] = {}
    chosen = []
    for question in approved_questions(story):
        if taken.get(question.kind, 0) < per_kind:
            taken[question.kind] = taken.get(question.kind, 0) + 1
            chosen.append(question)
    return chosen


def chosen_by_hand(story: Story, question_ids: list[int]) -> list[Question]:
    """The story's approved questions with these ids, in the order given."""
    approved = {q.id: q for q in approved_questions(story)}
    missing = [i for i in question_ids if i not in approved]
    if missing:
        raise BuildError("Only this story's approved questions can go into a quiz; "
                         f"question(s) {', '.join(map(str, missing))} are not.")
    return [approved[i] for i in dict.fromkeys(question_ids)]


def random_per_skill(story: Story, per_skill: int,
                     rng: random.Random | None = None) -> list[Question]:
    """Up to `per_skill` approved questions of each skill, drawn at random, skill by skill."""
    rng = rng or random.Random()
    by_skill: dict[str, list[Question]] = {}
    for question in approved_questions(story):
        by_skill.setdefault(question.skill, []).append(question)
    chosen = []
    for skill in sorted(by_skill):
        pool = by_skill[skill]
        chosen.extend(sorted(rng.sample(pool, min(per_skill, len(pool))), key=lambda q: q.id))
    return chosen


def has_attempts(quiz: Quiz) -> bool:
    if quiz.id is None:
        return False
    return bool(db.session.execute(
        db.select(exists().where(Attempt.quiz_id == quiz.id))).scalar())


def join_code_taken(code: str, quiz: Quiz | None = None) -> bool:
    query = db.select(Quiz.id).where(Quiz.join_code == code)
    if quiz is not None and quiz.id is not None:
        query = query.where(Quiz.id != quiz.id)
    return db.session.execute(query).first() is not None


def apply_settings(quiz: Quiz, settings: QuizSettings) -> None:
    code = settings.join_code.strip().upper()
    if not JOIN_CODE.match(code):
        raise BuildError("A join code is 4 to 20 capital letters and digits.", "join_code")
    if join_code_taken(code, quiz):
        raise BuildError(f"Another quiz already has the join code {code}.", "join_code")
    if settings.feedback == FEEDBACK_IMMEDIATE and settings.review_answers != REVIEW_AFTER_ATTEMPT:
        raise BuildError("Immediate feedback shows each right answer as soon as it is checked: "
                         "choose to show the right answers right after the attempt, or give "
                         "feedback at the end.", "review_answers")
    if settings.opens_at and settings.closes_at and settings.closes_at <= settings.opens_at:
        raise BuildError("The quiz must close after it opens.", "closes_at")
    if settings.attempts_allowed is not None and settings.attempts_allowed < 1:
        raise BuildError("Allow at least one attempt, or leave it empty for unlimited.",
                         "attempts_allowed")
    if settings.grade_kept not in GRADES:
        raise BuildError("Keep the first, the best or the last grade.", "grade_kept")
    if (roster_problem := rosters.problem(settings.roster)) is not None:
        raise BuildError(roster_problem, "roster")
    settings.roster = rosters.cleaned(settings.roster)
    for name in SETTINGS:
        setattr(quiz, name, getattr(settings, name))
    quiz.join_code = code


def set_questions(quiz: Quiz, questions: list[Question]) -> None:
    """Put these questions in the quiz, in this order."""
    if not questions:
        raise BuildError("Pick at least one approved question.")
    current = [item.question_id for item in quiz.items]
    wanted = [q.id for q in questions]
    if current == wanted:
        return
    if any(q.status != QuestionStatus.APPROVED or q.story_id != quiz.story_id for q in questions):
        raise BuildError("Only the story's approved questions can go into a quiz.")
    if has_attempts(quiz):
        raise BuildError("Students have already taken this quiz, so its questions cannot change "
                         "(their grades must keep meaning the same). Build a new quiz instead.")
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]


def new_quiz(story: Story, settings: QuizSettings, questions: list[Question],
             owner_id: int | None = None) -> Quiz:
    """An unpublished quiz in the workspace of `owner_id` (by default the story's owner's); the
    caller commits."""
    quiz = Quiz(story=story, story_id=story.id, published=False,
                owner_id=owner_id if owner_id is not None else story.owner_id)
    apply_settings(quiz, settings)
    set_questions(quiz, questions)
    db.session.add(quiz)
    return quiz


def quiz_from_story(story: Story, title: str | None = None, published: bool = True,
                    per_kind: int | None = None, attempts_allowed: int | None = None,
                    grade_kept: str = GRADE_BEST) -> Quiz:
    """A quiz of the story's approved questions in one step (the command line, first run): all
    of them, or the first `per_kind` of each kind; published unless asked not to be. The same
    rules as the quiz builder's; a BuildError when they refuse. The caller commits."""
    questions = (approved_questions(story) if per_kind is None
                 else first_per_kind(story, per_kind))
    if not questions:
        raise BuildError("The story has no approved questions yet.")
    quiz = new_quiz(story, default_settings(story, title, attempts_allowed, grade_kept), questions)
    if published:
        publish(quiz)
    return quiz


def publish(quiz: Quiz) -> None:
    if not quiz.items:
        raise BuildError("A quiz needs at least one question before it is published.")
    if any(item.question.status != QuestionStatus.APPROVED for item in quiz.items):
        raise BuildError("Every question of the quiz must be approved before it is published.")
    quiz.published, quiz.closed = True, False


def close(quiz: Quiz) -> None:
    """No new attempts or answers; the attempts so far are kept."""
    quiz.closed = True


def reopen(quiz: Quiz) -> None:
    quiz.closed = False
