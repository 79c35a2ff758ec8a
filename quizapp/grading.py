"""Server-side scoring: each response earns a score from 0 to 1 by its question's type (the
rules are quizapp.scoring's), and is right when the score is full marks. Answers are saved
ungraded while the student works; they are graded when the attempt is submitted (once:
submitting again changes nothing), or one at a time when immediate feedback checks an answer."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update

from quizapp import attempts, scoring
from quizapp.extensions import db
from quizapp.models import Attempt, Question, Response, now
from quizapp.results import tallies


def response_score(question: Question, response: Response) -> float:
    """The marks (0-1) this response earns on this version of the question."""
    chosen = {choice.id for choice in response.chosen}
    if question.type == "matching":
        return scoring.matching_score({item.id: item.choice_id for item in question.items},
                                      {pair.item_id: pair.choice_id for pair in response.pairs})
    if question.type == "ordering":
        given = [place.choice_id for place in sorted(response.places, key=lambda p: p.position)]
        return scoring.ordering_score([choice.id for choice in question.choices], given)
    key = {choice.id for choice in question.key}
    if question.type == "evidence":
        return scoring.evidence_score([choice.id for choice in question.choices], key, chosen)
    return scoring.choice_score(key, chosen)


def marks_words(question: Question, response: Response | None) -> str | None:
    """The partial marks in words ("2 of 3 pairs right"); None for choice questions, where an
    answer is right or not."""
    if response is None or question.type in ("single", "multiple"):
        return None
    if question.type == "matching":
        given = {pair.item_id: pair.choice_id for pair in response.pairs}
        right = sum(1 for item in question.items if given.get(item.id) == item.choice_id)
        return f"{right} of {len(question.items)} pairs right"
    if question.type == "ordering":
        steps = max(len(question.choices) - 1, 1)
        right = round(response_score(question, response) * steps)
        return f"{right} of {steps} items followed by the right one"
    key = {choice.id for choice in question.key}
    chosen = {choice.id for choice in response.chosen}
    words = f"{len(key & chosen)} of {len(key)} proving sentences picked"
    if chosen - key:
        score = response_score(question, response)
        words += (", with a sentence next to them: half marks" if score
                  else ", with a sentence that does not prove it: no marks")
    return words


def mark(question: Question, response: Response) -> float:
    response.score = response_score(question, response)
    response.correct = scoring.is_full(response.score)
    return response.score


def check_response(response: Response, at: datetime | None = None) -> bool:
    """Grade one saved response for immediate feedback; from now on the answer is final."""
    mark(response.question, response)
    response.checked_at = at or now()
    return response.correct


def grade_attempt(attempt: Attempt, at: datetime | None = None) -> bool:
    """Grade every saved response and record the score, and count it in the item analysis's
    tallies if it is the student's first attempt; the caller commits.

    Returns False, changing nothing, when the attempt was submitted already: the guarded
    UPDATE lets exactly one of two submissions sent at once do the grading.
    """
    moment = at or now()
    tallies.hold_student(attempt)
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
    score = 0.0
    # The attempt's own versions of its questions: a checked answer keeps its wording and key.
    slots = attempts.slots(attempt)
    for slot in slots:
        response = saved.get(slot.question.id)
        if response is None:
            # An unanswered question is kept as a response with nothing chosen, marked wrong.
            response = Response(question=slot.question, chosen=[])
            attempt.responses.append(response)
        score += mark(slot.question, response)
    attempt.score = round(score, 4)
    attempt.max_score = len(slots)
    tallies.attempt_submitted(attempt)
    return True


@dataclass(frozen=True)
class SkillScore:
    skill: str
    right: float  # marks: partial credit counts its share
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def skill_scores(attempt: Attempt) -> list[SkillScore]:
    """Marks per skill over the attempt's questions, in the order skills first appear."""
    right = {response.question_id: response.score for response in attempt.responses}
    tally: dict[str, list[float]] = {}
    for slot in attempts.slots(attempt):
        counts = tally.setdefault(slot.question.skill, [0.0, 0])
        counts[0] += right.get(slot.question.id) or 0.0
        counts[1] += 1
    return [SkillScore(skill, round(got, 4), int(total)) for skill, (got, total) in tally.items()]
