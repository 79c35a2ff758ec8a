"""Changing a question without rewriting history: an edit to a question students have answered
makes a new version, so their attempts keep the wording and key they were graded on."""
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
    choices: list[tuple[str, bool]]  # (text, correct), in order
    evidence: list[tuple[Article, str]] = field(default_factory=list)  # (article, passage)


def content_of(question: Question) -> QuestionContent:
    return QuestionContent(
        prompt=question.prompt, kind=question.kind, skill=question.skill,
        explanation=question.explanation,
        choices=[(c.text, c.correct) for c in question.choices],
        evidence=[(e.article, e.passage) for e in question.evidence],
    )


def is_used(question: Question) -> bool:
    """Whether a grade rests on this question: a response of a submitted attempt, or one whose
    key immediate feedback already showed."""
    graded = exists().where(
        Response.question_id == question.id,
        or_(Response.checked_at.is_not(None),
            Response.attempt_id.in_(db.select(Attempt.id).where(Attempt.submitted_at.is_not(None)))))
    return bool(db.session.execute(db.select(graded)).scalar())


def _drop_unsent_answers(question: Question) -> None:
    """Answers saved, not yet graded, by attempts still in progress: they picked choices of the
    wording being replaced, so the student answers the new wording instead."""
    unsent = db.session.execute(
        db.select(Response).join(Attempt).where(
            Response.question_id == question.id, Response.checked_at.is_(None),
            Attempt.submitted_at.is_(None))).scalars().all()
    for response in unsent:
        db.session.delete(response)
    db.session.flush()


def _fill(question: Question, content: QuestionContent) -> None:
    question.prompt, question.kind = content.prompt, content.kind
    question.skill, question.explanation = content.skill, content.explanation
    question.choices = [Choice(position=i, text=text, correct=correct)
                        for i, (text, correct) in enumerate(content.choices)]
    question.evidence = [Evidence(position=i, article=article, passage=passage)
                         for i, (article, passage) in enumerate(content.evidence)]


def _same(content: QuestionContent, other: QuestionContent) -> bool:
    return (content.prompt, content.kind, content.skill, content.explanation, content.choices,
            [(a.id, p) for a, p in content.evidence]) == (
        other.prompt, other.kind, other.skill, other.explanation, other.choices,
        [(a.id, p) for a, p in other.evidence])


def add_question(story: Story, content: QuestionContent,
                 status: QuestionStatus = QuestionStatus.APPROVED) -> Question:
    """A question the instructor wrote; approved at once, since its author has read it."""
    question = Question(story=story, origin=MANUAL, status=status)
    _fill(question, content)
    db.session.add(question)
    return question


def edit_question(question: Question, content: QuestionContent) -> Question:
    """Apply an edit; returns the version quizzes now use (the same row, or a new one).

    Unused: changed in place. Graded in any attempt: copied into a new version that takes the
    old one's place in every quiz, while the old one is kept, "superseded", for the attempts
    that answered it. Either way the question becomes the instructor's ("manual"), so running
    the generators again does not overwrite the edit. The caller commits.
    """
    if question.status == QuestionStatus.SUPERSEDED:
        raise question_status.StatusError(
            "This is an old version of the question; edit its newest version.")
    if _same(content, content_of(question)):
        return question
    _drop_unsent_answers(question)
    if not is_used(question):
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

    Unused: the row goes, and with it its places in quizzes. Used: it is marked "rejected"
    and leaves every quiz no one has attempted yet; attempts keep it with their grades.
    The caller commits.
    """
    items = db.session.execute(
        db.select(QuizQuestion).where(QuizQuestion.question_id == question.id)).scalars().all()
    _drop_unsent_answers(question)
    if not is_used(question):
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
