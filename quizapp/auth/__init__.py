"""Signing instructors in and out. Students never sign in."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from quizapp.auth import routes  # noqa: E402,F401  (routes attach themselves to bp)
