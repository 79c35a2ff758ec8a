"""What pylti1p3 remembers between the OIDC login, the launch and the pages after it (state,
nonce, the launch's claims), kept in the database: the LMS posts the launch from its own site,
so the browser does not send our session cookie (SameSite=Lax) with it, and every worker must
find what another stored."""
from __future__ import annotations

import json
from datetime import timedelta

from pylti1p3.launch_data_storage.base import LaunchDataStorage

from quizapp.extensions import db
from quizapp.models import LaunchValue, now

# pylti1p3 asks for a day for a launch's claims; a login's state and nonce need minutes.
DEFAULT_LIFETIME = 24 * 60 * 60


class DatabaseLaunchStorage(LaunchDataStorage):
    """Keys are prefixed with the browser's LTI session id (pylti1p3's `lti1p3-session-id`
    cookie, SameSite=None over HTTPS), so one browser cannot read another's nonce."""

    def can_set_keys_expiration(self) -> bool:
        return True

    def get_session_cookie_name(self) -> str | None:
        # Over plain http (a laptop, the tests) browsers drop SameSite=None cookies: the launch
        # would find no session id. There the keys go unprefixed, as pylti1p3's cache storage
        # does; the nonce is still random and single-use.
        if self._request is None or not self._request.is_secure():
            return None
        return super().get_session_cookie_name()

    def _row(self, key: str) -> LaunchValue | None:
        return db.session.execute(db.select(LaunchValue).where(
            LaunchValue.key == self._prepare_key(key),
            LaunchValue.expires_at > now())).scalar_one_or_none()

    def get_value(self, key: str):
        row = self._row(key)
        return None if row is None else json.loads(row.value)

    def set_value(self, key: str, value, exp: int | None = None) -> None:
        stored = self._prepare_key(key)
        row = db.session.execute(
            db.select(LaunchValue).where(LaunchValue.key == stored)).scalar_one_or_none()
        if row is None:
            row = LaunchValue(key=stored)
            db.session.add(row)
        row.value = json.dumps(value)
        row.expires_at = now() + timedelta(seconds=exp or DEFAULT_LIFETIME)
        db.session.flush()

    def check_value(self, key: str) -> bool:
        return self._row(key) is not None


def forget_expired() -> int:
    """Delete what no launch will ask for again; the caller commits."""
    return db.session.execute(
        db.delete(LaunchValue).where(LaunchValue.expires_at <= now())).rowcount
