"""Flask-Login's wiring: how a session cookie turns back into an instructor. The cookie names
the instructor and their session version; one that names an old version (signed out, password
changed since) is refused (quizapp.accounts)."""
from __future__ import annotations

from flask import Flask

from quizapp import accounts
from quizapp.extensions import login_manager
from quizapp.models import Instructor


@login_manager.user_loader
def load_instructor(user_id: str) -> Instructor | None:
    return accounts.session_owner(user_id)


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Please sign in as an instructor to see that page."
