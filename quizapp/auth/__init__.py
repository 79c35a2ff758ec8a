"""Signing instructors in and out. Students never sign in."""
from quizapp.auth import sign_in  # noqa: F401  (its pages attach themselves to bp)
from quizapp.auth.blueprint import bp

__all__ = ["bp"]
