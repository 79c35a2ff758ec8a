"""A quiz's open and close dates as the teacher types and reads them, in the school's time zone
(QUIZAPP_TIMEZONE, UTC by default), and as the database keeps them (UTC)."""
from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIMEZONE"])


def to_utc(local: datetime | None) -> datetime | None:
    """A time typed in the school's zone, as stored (naive UTC)."""
    if local is None:
        return None
    return local.replace(tzinfo=zone()).astimezone(UTC).replace(tzinfo=None)


def to_local(stored: datetime | None) -> datetime | None:
    """A stored time in the school's zone (naive, as a datetime-local input shows it)."""
    if stored is None:
        return None
    return stored.replace(tzinfo=UTC).astimezone(zone()).replace(tzinfo=None)


def shown(stored: datetime | None) -> str:
    """A stored time in words a student reads: "Monday 8 December 2026, 09:00 (Europe/Paris)"."""
    if stored is None:
        return ""
    local = to_local(stored)
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M} ({zone().key})"
