"""What a published quiz shows its students, as plain frozen data: its settings, its questions in
quiz order (with the older versions attempts may still show), their choices, matching items,
evidence and articles. Built once per quiz version and kept per process, so a question page
reads only the attempt and its responses. The pages read these as they read the rows (same
attribute names); the version (quizapp.quiz_versions) moves on with every edit, close or
reopen, and a snapshot of an older version is never used again."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Evidence, MatchItem, Question, Quiz, QuizQuestion, Story

# Quizzes kept per process; past it the cache starts afresh (a school has a few live quizzes).
KEPT = 256


@dataclass(frozen=True, eq=False)
class ArticleView:
    id: int
    outlet: str
    title: str
    date: str
    text: str

    @property
    def outlet_or_unknown(self) -> str:
        return self.outlet or "Unknown outlet"


@dataclass(frozen=True, eq=False)
class ChoiceView:
    id: int
    question_id: int
    position: int
    text: str
    correct: bool


@dataclass(frozen=True, eq=False)
class EvidenceView:
    id: int
    article_id: int
    article: ArticleView
    position: int
    passage: str
    item_id: int | None


@dataclass(frozen=True, eq=False)
class ItemView:
    id: int
    position: int
    text: str
    choice_id: int
    choice: ChoiceView
    evidence: tuple[EvidenceView, ...]  # the proof of this pair


@dataclass(frozen=True, eq=False)
class QuestionView:
    id: int
    type: str
    kind: str
    skill: str
    prompt: str
    explanation: str
    created_at: datetime
    previous_id: int | None
    previous: QuestionView | None
    choices: tuple[ChoiceView, ...]
    items: tuple[ItemView, ...]
    evidence: tuple[EvidenceView, ...]

    # The same rules as the row's (quizapp.models.Question).
    multiple = Question.multiple
    key = Question.key
    general_evidence = Question.general_evidence


@dataclass(frozen=True, eq=False)
class PlaceView:
    """A question's place in the quiz (QuizQuestion's part the pages read)."""

    question_id: int
    position: int
    question: QuestionView


@dataclass(frozen=True, eq=False)
class QuizView:
    id: int
    version: int
    title: str
    published: bool
    closed: bool
    opens_at: datetime | None
    closes_at: datetime | None
    layout: str
    open_book: bool
    feedback: str
    time_limit_minutes: int | None
    shuffle_questions: bool
    shuffle_choices: bool
    review_answers: str
    review_score: str
    shared_computer: bool
    items: tuple[PlaceView, ...]
    articles: tuple[ArticleView, ...]  # the open book's list
    choices: dict[int, ChoiceView] = field(default_factory=dict)  # every version's, by id
    # The questions with more than one version: which one an attempt shows depends on them.
    versioned: frozenset[int] = frozenset()
    # Each attempt's slots (quizapp.attempt_rows.slots), kept with the version they were made of.
    attempt_slots: dict = field(default_factory=dict)
    # Pieces of page rendered once for this version (quizapp.quiz.taking).
    fragments: dict = field(default_factory=dict)

    has_closed = Quiz.has_closed
    not_open_yet = Quiz.not_open_yet
    open_for_answers = Quiz.open_for_answers


class _Builder:
    """Rows to views, each row made into a view once (an article quoted twice is one view)."""

    def __init__(self) -> None:
        self.articles: dict[int, ArticleView] = {}
        self.questions: dict[int, QuestionView] = {}
        self.choices: dict[int, ChoiceView] = {}

    def article(self, row) -> ArticleView:
        if row.id not in self.articles:
            self.articles[row.id] = ArticleView(row.id, row.outlet, row.title, row.date, row.text)
        return self.articles[row.id]

    def question(self, row: Question) -> QuestionView:
        if row.id in self.questions:
            return self.questions[row.id]
        choices = tuple(ChoiceView(c.id, row.id, c.position, c.text, c.correct)
                        for c in row.choices)
        self.choices.update((choice.id, choice) for choice in choices)
        by_id = {choice.id: choice for choice in choices}
        evidence = tuple(EvidenceView(e.id, e.article_id, self.article(e.article), e.position,
                                      e.passage, e.item_id) for e in row.evidence)
        items = tuple(ItemView(i.id, i.position, i.text, i.choice_id, by_id[i.choice_id],
                               tuple(e for e in evidence if e.item_id == i.id))
                      for i in row.items)
        previous = self.question(row.previous) if row.previous is not None else None
        view = QuestionView(row.id, row.type, row.kind, row.skill, row.prompt, row.explanation,
                            row.created_at, row.previous_id, previous, choices, items, evidence)
        self.questions[row.id] = view
        return view


def build(quiz_id: int) -> QuizView | None:
    """The quiz as it is in the database now, under the version read with it."""
    question_parts = (selectinload(Question.evidence).selectinload(Evidence.article),
                      selectinload(Question.items).selectinload(MatchItem.choice))
    quiz = db.session.execute(
        db.select(Quiz).where(Quiz.id == quiz_id).options(
            selectinload(Quiz.items).selectinload(QuizQuestion.question).options(*question_parts),
            selectinload(Quiz.story).selectinload(Story.articles))
    ).scalar_one_or_none()
    if quiz is None:
        return None
    builder = _Builder()
    items = tuple(PlaceView(item.question_id, item.position, builder.question(item.question))
                  for item in quiz.items)
    if quiz.story is not None:
        articles = tuple(builder.article(article) for article in quiz.story.articles)
    else:  # the articles its questions' evidence quotes, in the order they are first quoted
        articles = tuple({e.article_id: e.article for place in items
                          for e in place.question.evidence}.values())
    versioned = frozenset(question.id for question in builder.questions.values()
                          if question.previous is not None
                          or any(other.previous is question
                                 for other in builder.questions.values()))
    return QuizView(
        quiz.id, quiz.version, quiz.title, quiz.published, quiz.closed, quiz.opens_at,
        quiz.closes_at, quiz.layout, quiz.open_book, quiz.feedback, quiz.time_limit_minutes,
        quiz.shuffle_questions, quiz.shuffle_choices, quiz.review_answers, quiz.review_score,
        quiz.shared_computer, items, articles, builder.choices, versioned)


_lock = threading.Lock()


def quiz_snapshot(quiz_id: int, version: int) -> QuizView | None:
    """The snapshot of this version of the quiz: kept, or built now. A build that finds a newer
    version keeps that one; the next request, reading the newer version too, uses it."""
    kept: dict[int, QuizView] = current_app.extensions.setdefault("quizapp_snapshots", {})
    snapshot = kept.get(quiz_id)
    if snapshot is not None and snapshot.version == version:
        return snapshot
    snapshot = build(quiz_id)
    if snapshot is None:
        return None
    with _lock:  # workers' threads share the dict
        if len(kept) >= KEPT:
            kept.clear()
        kept[quiz_id] = snapshot
    return snapshot
