"""Instructor accounts: making one, changing its password, and ending every session it has.
A session cookie carries the account's session version; moving the version on ends, on the
server, every cookie issued before (signing out, a new password)."""
from __future__ import annotations

from werkzeug.security import generate_password_hash

from quizapp import workspaces
from quizapp.extensions import db
from quizapp.models import Instructor

MIN_PASSWORD = 8


class AccountRefused(ValueError):
    """An account change the rules refuse; the message is for the person typing."""


def _checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountRefused(f"The password must have at least {MIN_PASSWORD} characters.")
    return generate_password_hash(password)


def find(name: str) -> Instructor | None:
    return db.session.execute(
        db.select(Instructor).where(Instructor.name == name)).scalar_one_or_none()


def create_instructor(name: str, password: str, admin: bool = False) -> Instructor:
    """A new account; the caller commits. The first account of a server is its admin (someone
    must manage the accounts), and the first admin adopts what was loaded before it (the
    seed)."""
    longest = Instructor.__table__.c.name.type.length
    if not name.strip() or len(name) > longest:
        raise AccountRefused(f"An instructor's name needs 1 to {longest} characters.")
    password_hash = _checked_password(password)
    if find(name) is not None:
        raise AccountRefused(f"An instructor named {name!r} exists already.")
    return add_account(name, password_hash, admin)


def add_account(name: str, password_hash: str, admin: bool = False) -> Instructor:
    """The account row, with the first-account rules (see create_instructor); the caller has
    checked the name and hashed the password, and commits."""
    first_admin = workspaces.first_admin() is None
    instructor = Instructor(name=name, password_hash=password_hash, is_admin=admin or first_admin)
    db.session.add(instructor)
    if first_admin:
        workspaces.adopt_ownerless(instructor)
    return instructor


def set_admin(instructor: Instructor, admin: bool) -> None:
    """Make an account an admin or a plain instructor; the last admin stays one. The caller
    commits."""
    if not admin and instructor.is_admin and _admins() <= 1:
        raise AccountRefused("This is the only admin: make another account an admin first.")
    instructor.is_admin = admin


def remove(instructor: Instructor, by: Instructor) -> None:
    """Remove an account; its stories and quizzes, with their results, go to the admin who
    removed it, so no class's work is lost. The caller commits."""
    if instructor.id == by.id:
        raise AccountRefused("You cannot remove your own account.")
    workspaces.hand_over(instructor, by)
    db.session.delete(instructor)


def _admins() -> int:
    return db.session.execute(
        db.select(db.func.count(Instructor.id)).where(Instructor.is_admin)).scalar_one()


def end_sessions(instructor: Instructor) -> None:
    """Every session cookie of this instructor stops working; the caller commits."""
    instructor.session_version = (instructor.session_version or 0) + 1


def set_password(instructor: Instructor, password: str) -> None:
    """A new password, and every session signed in with the old one ends; the caller commits."""
    instructor.password_hash = _checked_password(password)
    end_sessions(instructor)


def session_owner(user_id: str) -> Instructor | None:
    """The instructor a session's "id:version" names, if that version is still current."""
    number, _, version = user_id.partition(":")
    if not (number.isdigit() and version.isdigit()) or len(number) > 18:
        return None
    instructor = db.session.get(Instructor, int(number))
    if instructor is None or instructor.session_version != int(version):
        return None
    return instructor
