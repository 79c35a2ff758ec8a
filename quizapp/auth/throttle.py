"""Refusing sign-in for a while to an address that keeps getting the password wrong.

Failures are rows in the database, not counters in memory, so every worker process sees them.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app

from quizapp.extensions import db
from quizapp.models import SignInFailure, now


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["SIGN_IN_WINDOW_MINUTES"])


def refused_until(address: str) -> datetime | None:
    """When `address` may try again, or None if it may try now."""
    limit = current_app.config["SIGN_IN_MAX_FAILURES"]
    recent = db.session.execute(
        db.select(SignInFailure.at)
        .where(SignInFailure.address == address, SignInFailure.at > now() - _window())
        .order_by(SignInFailure.at.desc())
        .limit(limit)
    ).scalars().all()
    if len(recent) < limit:
        return None
    # Free again once the oldest of the last `limit` failures leaves the window.
    return recent[-1] + _window()


def record_failure(address: str) -> None:
    # Failures older than the window count for nothing; dropping them keeps the table small.
    db.session.execute(db.delete(SignInFailure).where(SignInFailure.at <= now() - _window()))
    db.session.add(SignInFailure(address=address))
    db.session.commit()


def clear_failures(address: str) -> None:
    db.session.execute(db.delete(SignInFailure).where(SignInFailure.address == address))
    db.session.commit()
