"""The students' side: join a quiz, take it, see the score and what proves each answer."""
# The pages attach themselves to bp: joining, taking, then results and the reader view.
from quizapp.quiz import joining, reviewing, taking  # noqa: F401
from quizapp.quiz.blueprint import bp

__all__ = ["bp"]
