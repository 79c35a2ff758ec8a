"""Changing a question without losing an answer. An edit that leaves the choices as they were (a
typo in the prompt, a better explanation, more evidence) changes the question in place, and every
answer saved or graded stays. An edit of the choices to a question that attempts have started
on makes a new version for the attempts that start later, while those already started stay on
theirs (quizapp.attempts.answered_version), answers and grades included."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import exists, or_

from quizapp import question_status
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Attempt,
    Choice,
    Evidence,
    MatchItem,
    Question,
    QuestionStatus,
    Quiz,
    QuizQuestion,
    Response,
    Story,
    now,
)

MANUAL = "manual"


@dataclass
class QuestionContent:
    """What the question form edits, as plain data."""

    prompt: str
    kind: str
    skill: str
    explanation: str
    choices: list[tuple[str, bool]]  # (text, correct), in order (ordering: the right order)
    evidence: list[tuple[Article, str]] = field(default_factory=list)  # (article, passage)
    type: str = ""  # one of QUESTION_TYPES; "" makes it single or multiple from the key
    # Matching: each left item with the index of its right choice in `choices`.
    items: list[tuple[str, int]] = field(default_factory=list)
    # Matching: the proof of each pair, as (index of the item, article, passage).
    pair_evidence: list[tuple[int, Article, str]] = field(default_factory=list)

    @property
    def question_type(self) -> str:
        if self.type:
            return self.type
        return "multiple" if sum(correct for _, correct in self.choices) > 1 else "single"

    @property
    def answer_key(self) -> tuple:
        """What grading reads: the type, choices and pairs (an edit of any is a new key). A
        matching question's right items are listed in an order of their own, not the key's, so its
        key is its pairs, by their texts, and its extra items."""
        if self.question_type == "matching":
            paired = {index for _, index in self.items}
            return (self.question_type, [(left, self.choices[index]) for left, index in self.items],
                    sorted(c for i, c in enumerate(self.choices) if i not in paired))
        return self.question_type, self.choices, self.items


def content_of(question: Question) -> QuestionContent:
    return QuestionContent(
        prompt=question.prompt, kind=question.kind, skill=question.skill,
        explanation=question.explanation,
        choices=[(c.text, c.correct) for c in question.choices],
        evidence=[(e.article, e.passage) for e in question.general_evidence],
        pair_evidence=[(question.items.index(e.item), e.article, e.passage)
                       for e in question.evidence if e.item is not None],
        type=question.type,
        items=[(item.text, question.choices.index(item.choice)) for item in question.items],
    )


def is_in_use(question: Question) -> bool:
    """Whether any attempt rests on this question: an answer saved (graded or not), or an
    attempt started on a quiz that holds it (its pages show these choices)."""
    answered = exists().where(Response.question_id == question.id)
    started = exists().where(
        Attempt.quiz_id == QuizQuestion.quiz_id, QuizQuestion.question_id == question.id)
    return bool(db.session.execute(db.select(or_(answered, started))).scalar())


def _fill_wording(question: Question, content: QuestionContent,
                  items: list[MatchItem] | None = None) -> None:
    question.prompt, question.kind = content.prompt, content.kind
    question.skill, question.explanation = content.skill, content.explanation
    items = question.items if items is None else items
    proofs = [(None, article, passage) for article, passage in content.evidence] + [
        (items[index], article, passage)
        for index, article, passage in content.pair_evidence if index < len(items)]
    question.evidence = [Evidence(position=i, article=article, passage=passage, item=item)
                         for i, (item, article, passage) in enumerate(proofs)]


def _fill(question: Question, content: QuestionContent) -> None:
    question.type = content.question_type
    # Old evidence points at old items, which point at old choices: all are replaced before
    # anything is flushed, so the deletes go in that order.
    with db.session.no_autoflush:
        choices = [Choice(position=i, text=text, correct=correct)
                   for i, (text, correct) in enumerate(content.choices)]
        items = [MatchItem(position=i, text=text, choice=choices[index])
                 for i, (text, index) in enumerate(content.items)]
        _fill_wording(question, content, items)
        question.items = items
        question.choices = choices


def _same(content: QuestionContent, other: QuestionContent) -> bool:
    return (content.prompt, content.kind, content.skill, content.explanation, content.answer_key,
            [(a.id, p) for a, p in content.evidence],
            [(i, a.id, p) for i, a, p in content.pair_evidence]) == (
        other.prompt, other.kind, other.skill, other.explanation, other.answer_key,
        [(a.id, p) for a, p in other.evidence], [(i, a.id, p) for i, a, p in other.pair_evidence])


def add_question(story: Story, content: QuestionContent,
                 status: QuestionStatus = QuestionStatus.APPROVED) -> Question:
    """A question the instructor wrote; approved at once, since its author has read it."""
    question = Question(story=story, origin=MANUAL, status=status)
    _fill(question, content)
    db.session.add(question)
    return question


def edit_question(question: Question, content: QuestionContent) -> Question:
    """Apply an edit; returns the version quizzes now use (the same row, or a new one).

    The choices unchanged (same texts, same key, same order): changed in place, its choice rows
    kept, so every saved answer still points at them. The choices changed on a question no
    attempt rests on: changed in place. Otherwise copied into a new version that takes the old
    one's place in every quiz, while the old one is kept, "superseded", for the attempts that
    started on it. Either way the question becomes the instructor's ("manual"), so running
    the generators again does not overwrite the edit. The caller commits.
    """
    if question.status == QuestionStatus.SUPERSEDED:
        raise question_status.StatusError(
            "This is an old version of the question; edit its newest version.")
    current = content_of(question)
    if _same(content, current):
        return question
    if content.answer_key == current.answer_key:
        _fill_wording(question, content)
        question.origin, question.updated_at = MANUAL, now()
        return question
    if not is_in_use(question):
        _fill(question, content)
        question.origin, question.updated_at = MANUAL, now()
        return question
    newer = Question(story_id=question.story_id, origin=MANUAL, status=question.status,
                     generator_id=question.generator_id, previous_id=question.id)
    _fill(newer, content)
    db.session.add(newer)
    db.session.flush()
    question_status.supersede(question)
    db.session.execute(db.update(QuizQuestion)
                       .where(QuizQuestion.question_id == question.id)
                       .values(question_id=newer.id))
    return newer


def newest_version(question: Question) -> Question:
    """The version that replaced `question`, following the chain of edits."""
    while question.status == QuestionStatus.SUPERSEDED:
        newer = db.session.execute(
            db.select(Question).where(Question.previous_id == question.id)
            .order_by(Question.id.desc())).scalars().first()
        if newer is None:
            break
        question = newer
    return question


def _attempted(quiz_id: int) -> bool:
    return bool(db.session.execute(
        db.select(exists().where(Attempt.quiz_id == quiz_id))).scalar())


def _drop_item(item: QuizQuestion) -> None:
    quiz = item.quiz
    quiz.items.remove(item)
    for position, remaining in enumerate(quiz.items):
        remaining.position = position


def delete_question(question: Question) -> list[Quiz]:
    """Delete a question; returns the quizzes that must keep it because students took them.

    Unused: the row goes, and with it its places in quizzes. In use: it is marked "rejected"
    and leaves every quiz no one has attempted yet; attempts keep it with their answers.
    The caller commits.
    """
    items = db.session.execute(
        db.select(QuizQuestion).where(QuizQuestion.question_id == question.id)).scalars().all()
    if not is_in_use(question):
        for item in items:
            _drop_item(item)
        # An unused question is never an earlier version (copies are made only of used ones),
        # but a dangling pointer must not block the delete.
        db.session.execute(db.update(Question).where(Question.previous_id == question.id)
                           .values(previous_id=None))
        db.session.delete(question)
        return []
    question_status.retire(question)
    kept = []
    for item in items:
        if _attempted(item.quiz_id):
            kept.append(item.quiz)
        else:
            _drop_item(item)
    return kept
