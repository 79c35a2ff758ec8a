"""The rules that move a question through the bank: approve, reject, supersede, and what keeps a
question out of quizzes (no evidence). Routes, the command line and versioning call these, so a
rule is written once."""
from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Question, QuestionStatus, now


class StatusError(ValueError):
    """A change of status the rules refuse; the message is for the instructor."""


def needs_evidence(question: Question) -> bool:
    """A question with no passage to prove its key cannot be shown to a class."""
    return not question.evidence


def approve(question: Question) -> None:
    """Draft or rejected to approved, once it has evidence. The caller commits."""
    if question.status not in (QuestionStatus.DRAFT, QuestionStatus.REJECTED):
        raise StatusError("Only a draft or rejected question can be approved.")
    if needs_evidence(question):
        raise StatusError("This question needs evidence (a passage of an article that proves "
                          "its key) before it can be approved. Edit it to add some.")
    question.status, question.updated_at = QuestionStatus.APPROVED, now()


def reject(question: Question) -> None:
    """Draft to rejected: it stays in the bank, out of quizzes. The caller commits."""
    if question.status != QuestionStatus.DRAFT:
        raise StatusError("Only a draft question can be rejected; delete an approved one.")
    question.status, question.updated_at = QuestionStatus.REJECTED, now()


def approve_drafts(question_ids: list[int]) -> tuple[int, int]:
    """Approve each of these questions that is a draft with evidence; returns how many were,
    and how many drafts were left because they need evidence."""
    drafts = db.session.execute(
        db.select(Question).where(Question.id.in_(question_ids),
                                  Question.status == QuestionStatus.DRAFT)).scalars().all()
    approved = [q for q in drafts if not needs_evidence(q)]
    for question in approved:
        question.status, question.updated_at = QuestionStatus.APPROVED, now()
    return len(approved), len(drafts) - len(approved)


def supersede(question: Question) -> None:
    """An edit copied this question to a new version: it stays, for the attempts that answered
    it, and goes into no new quiz."""
    if question.status == QuestionStatus.SUPERSEDED:
        raise StatusError("This is an old version of the question; edit its newest version.")
    question.status, question.updated_at = QuestionStatus.SUPERSEDED, now()


def retire(question: Question) -> None:
    """A deleted question that attempts answered: kept for their grades, marked rejected."""
    question.status, question.updated_at = QuestionStatus.REJECTED, now()


def is_approved(question: Question) -> bool:
    return question.status == QuestionStatus.APPROVED
