"""Server-side scoring: a response is right when the chosen choices are exactly the key.
Answers are saved ungraded while the student works; they are graded when the attempt is
submitted (once: submitting again changes nothing), or one at a time when immediate feedback
checks an answer."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt, Question, Response, now


def is_right(question: Question, chosen_ids: set[int]) -> bool:
    key = {choice.id for choice in question.choices if choice.correct}
    return bool(chosen_ids) and chosen_ids == key


def check_response(response: Response, at: datetime | None = None) -> bool:
    """Grade one saved response for immediate feedback; from now on the answer is final."""
    response.correct = is_right(response.question, {choice.id for choice in response.chosen})
    response.checked_at = at or now()
    return response.correct


def grade_attempt(attempt: Attempt, at: datetime | None = None) -> bool:
    """Grade every saved response and record the score; the caller commits.

    Returns False, changing nothing, when the attempt was submitted already: the guarded
    UPDATE lets exactly one of two submissions sent at once do the grading.
    """
    moment = at or now()
    claimed = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=moment)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    if not claimed:
        db.session.rollback()
        return False
    db.session.refresh(attempt)
    saved = {response.question_id: response for response in attempt.responses}
    score = 0
    # The attempt's own versions of its questions: a checked answer keeps its wording and key.
    slots = attempts.slots(attempt)
    for slot in slots:
        response = saved.get(slot.question.id)
        if response is None:
            # An unanswered question is kept as a response with nothing chosen, marked wrong.
            response = Response(question=slot.question, chosen=[])
            attempt.responses.append(response)
        response.correct = is_right(slot.question, {choice.id for choice in response.chosen})
        score += int(response.correct)
    attempt.score = score
    attempt.max_score = len(slots)
    return True


@dataclass(frozen=True)
class SkillScore:
    skill: str
    right: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def skill_scores(attempt: Attempt) -> list[SkillScore]:
    """Right answers per skill over the attempt's questions, in the order skills first appear."""
    right = {response.question_id: response.correct for response in attempt.responses}
    tally: dict[str, list[int]] = {}
    for slot in attempts.slots(attempt):
        counts = tally.setdefault(slot.question.skill, [0, 0])
        counts[0] += int(right.get(slot.question.id, False))
        counts[1] += 1
    return [SkillScore(skill, got, total) for skill, (got, total) in tally.items()]
