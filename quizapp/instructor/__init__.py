"""The instructors' side: the dashboard, stories, the question bank and review queue, quizzes,
and results. Every page needs a signed-in instructor (see blueprint.py)."""
# The pages attach themselves to bp.
from quizapp.instructor import (  # noqa: F401
    account_pages,
    dashboard,
    handing_out,
    lms_platforms,
    preview,
    question_files,
    questions,
    quizzes,
    reports,
    review_queue,
    shares,
    stories,
    story_reading,
)
from quizapp.instructor.blueprint import bp

__all__ = ["bp"]
