"""Building a quiz from a story's approved questions: by hand or N at random per skill, with
its settings, and publishing, closing and reopening it. Only approved questions ever go in."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from sqlalchemy import exists

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, QuizQuestion, Story

JOIN_CODE = re.compile(r"^[A-Z0-9]{4,20}$")


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


SETTINGS = tuple(QuizSettings.__dataclass_fields__)


def approved_questions(story: Story) -> list[Question]:
    return list(db.session.execute(
        db.select(Question)
        .where(Question.story_id == story.id, Question.status == "approved")
        .order_by(Question.id)).scalars())


def chosen_by_hand(story: Story, question_ids: list[int]) -> list[Question]:
    """The story's approved questions with these ids, in the order given."""
    approved = {q.id: q for q in approved_questions(story)}
    missing = [i for i in question_ids if i not in approved]
    if missing:
        raise BuildError("Only this story's approved questions can go into a quiz; "
                         f"question(s) {', '.join(map(str, missing))} are not.")
    return [approved[i] for i in dict.fromkeys(question_ids)]


def random_per_skill(story: Story, per_skill: int, rng: random.Random | None = None) -> list[Question]:
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
    if any(q.status != "approved" or q.story_id != quiz.story_id for q in questions):
        raise BuildError("Only the story's approved questions can go into a quiz.")
    if has_attempts(quiz):
        raise BuildError("Students have already taken this quiz, so its questions cannot change "
                         "(their grades must keep meaning the same). Build a new quiz instead.")
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]


def new_quiz(story: Story, settings: QuizSettings, questions: list[Question]) -> Quiz:
    """An unpublished quiz; the caller commits."""
    quiz = Quiz(story=story, story_id=story.id, published=False)
    apply_settings(quiz, settings)
    set_questions(quiz, questions)
    db.session.add(quiz)
    return quiz


def publish(quiz: Quiz) -> None:
    if not quiz.items:
        raise BuildError("A quiz needs at least one question before it is published.")
    if any(item.question.status != "approved" for item in quiz.items):
        raise BuildError("Every question of the quiz must be approved before it is published.")
    quiz.published, quiz.closed = True, False


def close(quiz: Quiz) -> None:
    """No new attempts or answers; the attempts so far are kept."""
    quiz.closed = True


def reopen(quiz: Quiz) -> None:
    quiz.closed = False
