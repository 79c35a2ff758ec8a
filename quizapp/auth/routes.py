"""Sign-in pages. (Skeleton: the sign-in form and throttling come with issue 5.)"""
from __future__ import annotations

from flask import redirect, url_for
from flask_login import login_required, logout_user

from quizapp.auth import bp


@bp.get("/sign-in")
def sign_in():
    return "Sign-in comes with issue 5."


@bp.post("/sign-out")
@login_required
def sign_out():
    logout_user()
    return redirect(url_for("quiz.index"))
