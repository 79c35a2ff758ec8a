"""The instructors' side: the dashboard, stories, the question bank and review queue, quizzes,
and results. Every page needs a signed-in instructor (see blueprint.py)."""
# The pages attach themselves to bp.
from quizapp.instructor import (  # noqa: F401
    dashboard,
    question_files,
    questions,
    quizzes,
    reports,
    stories,
    story_reading,
)
from quizapp.instructor.blueprint import bp

__all__ = ["bp"]
