"""What a student may see of their attempt, and when. Each quiz has review options, as Moodle's
quizzes do: when the right answers (with whether each answer was right, the explanations and the
evidence) are shown, and when the score is: right after the attempt, only once the quiz is
closed, or never. Every page that could show them asks here; the instructor always sees all."""
from __future__ import annotations

from quizapp.models import (
    FEEDBACK_IMMEDIATE,
    REVIEW_AFTER_ATTEMPT,
    REVIEW_AFTER_CLOSE,
    REVIEW_NEVER,
    Attempt,
    Response,
)

# The options in the order the quiz form offers them, in the instructor's words.
WHEN = {
    REVIEW_AFTER_ATTEMPT: "Right after the attempt is submitted",
    REVIEW_AFTER_CLOSE: "Only after the quiz is closed",
    REVIEW_NEVER: "Never",
}


def default_answers_review(attempts_allowed: int | None = None) -> str:
    """When a new quiz shows the right answers. With more than one attempt allowed (None:
    unlimited), a throwaway attempt would give the key to the next one, so the answers wait for
    the quiz's closing; with one attempt, right after it."""
    return REVIEW_AFTER_ATTEMPT if attempts_allowed == 1 else REVIEW_AFTER_CLOSE


DEFAULT_SCORE_REVIEW = REVIEW_AFTER_ATTEMPT


def _released(option: str, attempt: Attempt) -> bool:
    if attempt.submitted_at is None or option == REVIEW_NEVER:
        return False
    if option == REVIEW_AFTER_CLOSE:
        return attempt.quiz.has_closed()
    return option == REVIEW_AFTER_ATTEMPT


def answers_shown(attempt: Attempt, instructor: bool = False) -> bool:
    """Whether the attempt's review may show the keys, verdicts, explanations and evidence."""
    return instructor or _released(attempt.quiz.review_answers, attempt)


def score_shown(attempt: Attempt, instructor: bool = False) -> bool:
    """Whether the attempt's score and per-skill table may be shown."""
    return instructor or _released(attempt.quiz.review_score, attempt)


def feedback_shown(attempt: Attempt, response: Response | None, instructor: bool = False) -> bool:
    """Whether one question's key, explanation and evidence may be shown: when the review options
    release the answers, or once immediate feedback checked this answer (it showed them then)."""
    if answers_shown(attempt, instructor):
        return True
    return (attempt.quiz.feedback == FEEDBACK_IMMEDIATE and response is not None
            and response.checked_at is not None)


def waiting_words(option: str, closed: bool) -> str | None:
    """What a student is told about something not shown yet; None once it is shown."""
    if option == REVIEW_NEVER:
        return "not shown to students of this quiz"
    if option == REVIEW_AFTER_CLOSE and not closed:
        return "shown when your teacher closes the quiz"
    return None
