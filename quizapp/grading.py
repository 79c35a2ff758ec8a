"""Server-side scoring: a response is right when the chosen choices are exactly the key."""
from __future__ import annotations

from quizapp.models import Attempt, QuizQuestion, Response, now


def grade_attempt(attempt: Attempt, items: list[QuizQuestion], chosen: dict[int, list]) -> int:
    """Record one response per question (chosen: question id -> Choice rows) and the score.

    An unanswered question is stored as a response with nothing chosen, marked wrong.
    """
    score = 0
    for item in items:
        question = item.question
        picked = chosen.get(question.id, [])
        key = {choice.id for choice in question.choices if choice.correct}
        correct = bool(picked) and {choice.id for choice in picked} == key
        score += int(correct)
        attempt.responses.append(Response(question=question, chosen=list(picked), correct=correct))
    attempt.score = score
    attempt.max_score = len(items)
    attempt.submitted_at = now()
    return score
