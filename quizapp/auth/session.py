"""Flask-Login's wiring: how a session cookie turns back into an instructor."""
from __future__ import annotations

from flask import Flask

from quizapp.extensions import db, login_manager
from quizapp.models import Instructor


@login_manager.user_loader
def load_instructor(user_id: str) -> Instructor | None:
    if not user_id.isdigit():
        return None
    return db.session.get(Instructor, int(user_id))


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Please sign in as an instructor to see that page."
