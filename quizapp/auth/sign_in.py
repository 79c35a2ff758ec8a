"""Signing in with a name and password, and signing out."""
from __future__ import annotations

import math
from functools import lru_cache

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.auth import throttle
from quizapp.auth.blueprint import bp
from quizapp.auth.forms import SignInForm
from quizapp.extensions import db
from quizapp.models import Instructor, now
from quizapp.routing import safe_next

WRONG = "That name and password do not match an instructor account."


@lru_cache(maxsize=1)
def _stand_in_hash() -> str:
    # Checked against when the name is unknown, so a wrong name takes as long as a wrong
    # password and the timing does not tell which names exist.
    return generate_password_hash("no instructor has this password")


def _refused_page(form: SignInForm, until):
    minutes = max(1, math.ceil((until - now()).total_seconds() / 60))
    message = (f"Too many failed sign-ins from your address. Try again after "
               f"{until:%H:%M} UTC (in about {minutes} minute{'s' if minutes != 1 else ''}).")
    page = render_template("auth/sign_in.html", form=form, refused=message)
    return page, 429, {"Retry-After": str(minutes * 60)}


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("instructor.dashboard"))
    form = SignInForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
        return render_template("auth/sign_in.html", form=form)
    address = request.remote_addr or "unknown"
    until = throttle.refused_until(address)
    if until is not None:
        form.password.data = ""
        return _refused_page(form, until)
    if not form.validate():
        return render_template("auth/sign_in.html", form=form), 422
    instructor = db.session.execute(
        db.select(Instructor).where(Instructor.name == form.name.data.strip())
    ).scalar_one_or_none()
    stored = instructor.password_hash if instructor else _stand_in_hash()
    if not check_password_hash(stored, form.password.data) or instructor is None:
        throttle.record_failure(address)
        form.password.errors = [WRONG]
        return render_template("auth/sign_in.html", form=form), 422
    login_user(instructor)
    flash(f"Signed in as {instructor.name}.")
    throttle.clear_failures(address)
    return redirect(safe_next(form.next.data) or url_for("instructor.dashboard"))


@bp.post("/sign-out")
@login_required
def sign_out():
    logout_user()
    flash("You are signed out.")
    return redirect(url_for("quiz.index"))
