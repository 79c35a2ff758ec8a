"""The admins' page of instructor accounts: create one, reset a password, make or unmake an
admin, remove one (whose work goes to the admin removing it). The rules live in
quizapp.accounts; anyone but an admin finds nothing here (quizapp.instructor.ownership)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import accounts
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import NewAccountForm, PasswordForm
from quizapp.instructor.ownership import admin_only
from quizapp.models import Instructor


def _page(form: NewAccountForm | None = None, status: int = 200, failed_for: int | None = None,
          password_form: PasswordForm | None = None):
    everyone = db.session.execute(db.select(Instructor).order_by(Instructor.name)).scalars().all()
    return render_template("instructor/accounts.html", accounts=everyone,
                           form=form or NewAccountForm(formdata=None),
                           password_form=password_form or PasswordForm(formdata=None),
                           failed_for=failed_for), status


@bp.route("/accounts", methods=["GET", "POST"])
@admin_only
def accounts_page():
    if request.method == "GET":
        return _page()
    form = NewAccountForm()
    if form.validate():
        try:
            accounts.create_instructor(form.name.data, form.password.data, admin=form.admin.data)
        except accounts.AccountRefused as refused:
            db.session.rollback()
            form.name.errors.append(str(refused))
        else:
            db.session.commit()
            flash(f"Account {form.name.data} created.")
            return redirect(url_for("instructor.accounts_page"))
    return _page(form, 422)


def _act(instructor_id: int, action, done: str):
    """Apply an account change and come back to the list, with what happened in words."""
    account = db.get_or_404(Instructor, instructor_id)
    try:
        action(account)
    except accounts.AccountRefused as refused:
        db.session.rollback()
        flash(str(refused))
    else:
        name = account.name
        db.session.commit()
        flash(done.format(name=name))
    return redirect(url_for("instructor.accounts_page"))


@bp.post("/accounts/<int:instructor_id>/password")
@admin_only
def reset_password(instructor_id: int):
    form = PasswordForm()
    if not form.validate():
        return _page(status=422, failed_for=instructor_id, password_form=form)
    try:
        accounts.set_password(db.get_or_404(Instructor, instructor_id), form.password.data)
    except accounts.AccountRefused as refused:
        db.session.rollback()
        form.password.errors.append(str(refused))
        return _page(status=422, failed_for=instructor_id, password_form=form)
    db.session.commit()
    flash("New password set; every session signed in with the old one has ended.")
    return redirect(url_for("instructor.accounts_page"))


@bp.post("/accounts/<int:instructor_id>/admin")
@admin_only
def make_admin(instructor_id: int):
    return _act(instructor_id, lambda account: accounts.set_admin(account, True),
                "{name} is now an admin.")


@bp.post("/accounts/<int:instructor_id>/plain")
@admin_only
def unmake_admin(instructor_id: int):
    return _act(instructor_id, lambda account: accounts.set_admin(account, False),
                "{name} is no longer an admin.")


@bp.post("/accounts/<int:instructor_id>/remove")
@admin_only
def remove_account(instructor_id: int):
    return _act(instructor_id, lambda account: accounts.remove(account, by=current_user),
                "{name}'s account was removed; their stories and quizzes are now yours.")
