"""Signing in with a name and password, and signing out."""
from __future__ import annotations

from functools import lru_cache

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp import accounts, throttle
from quizapp.auth.blueprint import bp
from quizapp.auth.forms import SignInForm
from quizapp.extensions import db
from quizapp.models import Instructor
from quizapp.routing import safe_next

WRONG = "That name and password do not match an instructor account."


@lru_cache(maxsize=1)
def _stand_in_hash() -> str:
    # Checked against when the name is unknown, so a wrong name takes as long as a wrong
    # password and the timing does not tell which names exist.
    return generate_password_hash("no instructor has this password")


def _sign_in_limit() -> throttle.Limit:
    return throttle.limit("sign-in", "SIGN_IN_LIMIT")


def _refused_page(form: SignInForm, until):
    message = ("Too many failed sign-ins from your address. Try again "
               f"{throttle.refusal_words(until)}.")
    page = render_template("auth/sign_in.html", form=form, refused=message)
    return page, 429, {"Retry-After": str(throttle.minutes_until(until) * 60)}


def _matching_instructor(name: str, password: str) -> Instructor | None:
    instructor = db.session.execute(
        db.select(Instructor).where(Instructor.name == name.strip())).scalar_one_or_none()
    stored = instructor.password_hash if instructor else _stand_in_hash()
    if not check_password_hash(stored, password) or instructor is None:
        return None
    return instructor


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("instructor.dashboard"))
    form = SignInForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
        return render_template("auth/sign_in.html", form=form)
    if not form.validate():
        return render_template("auth/sign_in.html", form=form), 422
    address = request.remote_addr or "unknown"
    # Every try counts as a failure until the password proves right, and is counted before the
    # password is checked: tries sent at the same moment cannot all pass under the limit.
    until, _ = throttle.take(_sign_in_limit(), address)
    db.session.commit()
    if until is not None:
        form.password.data = ""
        return _refused_page(form, until)
    instructor = _matching_instructor(form.name.data, form.password.data)
    if instructor is None:
        form.password.errors = [WRONG]
        return render_template("auth/sign_in.html", form=form), 422
    throttle.clear(_sign_in_limit(), address)
    db.session.commit()
    login_user(instructor)
    # A new form-token secret for the signed-in session: a token read before signing in (on a
    # shared computer, by whoever used it last) is worth nothing after.
    session.pop("csrf_token", None)
    flash(f"Signed in as {instructor.name}.")
    return redirect(safe_next(form.next.data) or url_for("instructor.dashboard"))


@bp.post("/sign-out")
@login_required
def sign_out():
    # Every cookie of this instructor ends here, on the server: a copy made before is refused.
    accounts.end_sessions(current_user)
    db.session.commit()
    logout_user()
    session.pop("csrf_token", None)
    flash("You are signed out.")
    return redirect(url_for("quiz.index"))
