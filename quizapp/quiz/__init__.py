"""The students' side: join a quiz, take it, see the score and what proves each answer."""
from flask import Blueprint

bp = Blueprint("quiz", __name__)

# The pages attach themselves to bp: joining, taking, then results and the reader view.
from quizapp.quiz import joining, reviewing, taking  # noqa: E402,F401
