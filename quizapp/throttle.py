"""Limits on how often one address, or one quiz, may try something: signing in, typing a resume
code, starting an attempt. Each try counted is a row (ThrottleEvent), so every worker process
sees the same count, and counting and adding happen under one lock, so tries sent at the same
moment cannot all slip under the limit."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import text

from quizapp.extensions import db
from quizapp.models import ThrottleEvent, now

KEY_LENGTH = ThrottleEvent.__table__.c.key.type.length


@dataclass(frozen=True)
class Limit:
    """At most `tries` within `minutes`, per key; the numbers come from the app's config."""

    scope: str
    tries: int
    minutes: int

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=self.minutes)


def limit(scope: str, setting: str) -> Limit:
    """The limit named `setting` in the config: a (tries, minutes) pair."""
    tries, minutes = current_app.config[setting]
    return Limit(scope, int(tries), int(minutes))


def _hold(limit: Limit, key: str) -> None:
    """Make concurrent counts of one key wait for each other until the transaction ends.

    PostgreSQL: an advisory lock on the key. SQLite: the delete of expired tries is a write, so
    it takes the database's one write lock first (a POST request holds it from its first
    statement anyway), and the count below reads under it."""
    if db.engine.dialect.name == "postgresql":
        digest = hashlib.sha256(f"{limit.scope}\x1f{key}".encode()).digest()
        db.session.execute(text("SELECT pg_advisory_xact_lock(:lock)"),
                           {"lock": int.from_bytes(digest[:8], "big", signed=True)})
    db.session.execute(db.delete(ThrottleEvent).where(
        ThrottleEvent.scope == limit.scope, ThrottleEvent.at <= now() - limit.window))


def _refused_until(limit: Limit, key: str) -> datetime | None:
    recent = db.session.execute(
        db.select(ThrottleEvent.at)
        .where(ThrottleEvent.scope == limit.scope, ThrottleEvent.key == key,
               ThrottleEvent.at > now() - limit.window)
        .order_by(ThrottleEvent.at.desc())
        .limit(limit.tries)
    ).scalars().all()
    if len(recent) < limit.tries:
        return None
    # Free again once the oldest of the last `tries` leaves the window.
    return recent[-1] + limit.window


def refused_until(limit: Limit, key: str) -> datetime | None:
    """When `key` may try again, or None if it may try now; counts nothing."""
    return _refused_until(limit, key[:KEY_LENGTH])


def take(limit: Limit, key: str) -> tuple[datetime | None, ThrottleEvent | None]:
    """Count one try of `key`, if the limit allows it: (None, the try counted), or (when the
    key may try again, None) with nothing counted. The caller commits, and should do so soon:
    on PostgreSQL other tries of the same key wait for it."""
    key = key[:KEY_LENGTH]
    _hold(limit, key)
    until = _refused_until(limit, key)
    if until is not None:
        return until, None
    event = ThrottleEvent(scope=limit.scope, key=key, at=now())
    db.session.add(event)
    db.session.flush()
    return None, event


def forget(event: ThrottleEvent) -> None:
    """Take back one counted try (it turned out to be no failure)."""
    db.session.execute(db.delete(ThrottleEvent).where(ThrottleEvent.id == event.id))


def clear(limit: Limit, key: str) -> None:
    """Forget every try of `key` (a right password clears its address's failures)."""
    db.session.execute(db.delete(ThrottleEvent).where(
        ThrottleEvent.scope == limit.scope, ThrottleEvent.key == key[:KEY_LENGTH]))


def minutes_until(moment: datetime) -> int:
    return max(1, -(-int((moment - now()).total_seconds()) // 60))


def refusal_words(moment: datetime) -> str:
    """"after 14:05 UTC (in about 12 minutes)": when a refused key may try again."""
    minutes = minutes_until(moment)
    return (f"after {moment:%H:%M} UTC (in about {minutes} minute"
            f"{'s' if minutes != 1 else ''})")
