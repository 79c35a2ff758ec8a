"""The tables, in the classroom's words: stories of articles, questions with their choices and
evidence, quizzes, and the attempts and responses of students."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Story(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=now)

    articles: Mapped[list[Article]] = relationship(
        back_populates="story", order_by="Article.position", cascade="all, delete-orphan"
    )
    questions: Mapped[list[Question]] = relationship(back_populates="story")


class Article(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id"), index=True)
    key: Mapped[str] = mapped_column(String(200))  # the file stem; the generators' article id
    position: Mapped[int]
    outlet: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    date: Mapped[str] = mapped_column(String(40), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)

    story: Mapped[Story] = relationship(back_populates="articles")

    __table_args__ = (UniqueConstraint("story_id", "key"),)

    @property
    def outlet_or_unknown(self) -> str:
        return self.outlet or "Unknown outlet"


class Question(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    skill: Mapped[str] = mapped_column(String(60), index=True)
    prompt: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20), default="generated")  # or "manual"
    generator_id: Mapped[str | None] = mapped_column(String(80))  # the generators' stable id
    status: Mapped[str] = mapped_column(String(20), default="draft")  # approved, rejected
    created_at: Mapped[datetime] = mapped_column(default=now)

    story: Mapped[Story | None] = relationship(back_populates="questions")
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", order_by="Choice.position", cascade="all, delete-orphan"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="question", order_by="Evidence.position", cascade="all, delete-orphan"
    )

    @property
    def multiple(self) -> bool:
        return sum(1 for choice in self.choices if choice.correct) > 1


class Choice(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="choices")


class Evidence(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"))
    position: Mapped[int]
    passage: Mapped[str] = mapped_column(Text)  # an exact substring of the article's text

    question: Mapped[Question] = relationship(back_populates="evidence")
    article: Mapped[Article] = relationship()


class Quiz(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    join_code: Mapped[str] = mapped_column(String(20), unique=True)
    published: Mapped[bool] = mapped_column(default=False)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id"))
    created_at: Mapped[datetime] = mapped_column(default=now)

    story: Mapped[Story | None] = relationship()
    items: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )


class QuizQuestion(db.Model):
    """A question's place in a quiz; one mark each."""

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int]

    quiz: Mapped[Quiz] = relationship(back_populates="items")
    question: Mapped[Question] = relationship()

    __table_args__ = (UniqueConstraint("quiz_id", "question_id"),)


class Attempt(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Addresses use this random token, never the id, so no one reaches another's attempt.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # The one-time key of the submitted form: a resent form finds this attempt, not a new one.
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), index=True)
    student_name: Mapped[str] = mapped_column(String(80))
    started_at: Mapped[datetime] = mapped_column(default=now)
    submitted_at: Mapped[datetime | None]
    score: Mapped[int | None]
    max_score: Mapped[int] = mapped_column(default=0)

    quiz: Mapped[Quiz] = relationship()
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )


response_choice = Table(
    "response_choice",
    db.metadata,
    Column("response_id", ForeignKey("response.id"), primary_key=True),
    Column("choice_id", ForeignKey("choice.id"), primary_key=True),
)


class Response(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    correct: Mapped[bool] = mapped_column(default=False)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
    chosen: Mapped[list[Choice]] = relationship(secondary=response_choice, order_by="Choice.position")

    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)


class Instructor(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=now)
