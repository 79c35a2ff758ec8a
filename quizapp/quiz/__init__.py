"""The students' side: find a quiz, take it, see the score and what proves each answer."""
from flask import Blueprint

bp = Blueprint("quiz", __name__)

from quizapp.quiz import routes  # noqa: E402,F401  (routes attach themselves to bp)
