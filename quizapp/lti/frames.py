"""An LMS shows quizapp inside a frame of its own page. Framing is refused everywhere
(quizapp.headers) but by the LMSs a launch came from, on the LTI pages and the attempt pages
that launch leads to; and the session cookie of a browser launched from an LMS is sent from
inside that frame (SameSite=None; Secure), over HTTPS only, or its forms' CSRF tokens could
never match."""
from __future__ import annotations

from flask import Flask, request, session
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer

from quizapp import headers

# The session's record of the LMS origins a launch came from.
FRAMED_BY = "lti_framed_by"


def allow(origins: list[str]) -> None:
    """This browser came from these LMS origins: they may frame the LTI and attempt pages."""
    session[FRAMED_BY] = origins
    headers.allow_framing(origins)


class LaunchedSessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie session, sent cross-site once a launch has marked it, when the
    cookie is Secure (browsers refuse SameSite=None on a cookie that is not)."""

    def __init__(self) -> None:
        self._serializers: dict[tuple, URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        # Flask makes the same serializer afresh for every request; it depends on the keys only.
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        serializer = self._serializers.get(keys)
        if serializer is None:
            serializer = self._serializers[keys] = super().get_signing_serializer(app)
        return serializer

    def get_cookie_samesite(self, app: Flask) -> str | None:
        if app.config["SESSION_COOKIE_SECURE"] and session.get(FRAMED_BY):
            return "None"
        return super().get_cookie_samesite(app)


def _frame_attempt_pages() -> None:
    # Attempt pages (they carry the attempt's token) opened after a launch stay framable by
    # that LMS; every other page keeps refusing frames.
    # The session is read only there: other responses (static files) stay without Vary: Cookie.
    if not (request.endpoint or "").startswith("quiz.") or "token" not in (request.view_args
                                                                             or {}):
        return
    framed_by = session.get(FRAMED_BY)
    if framed_by:
        headers.allow_framing(framed_by)


def init_app(app: Flask) -> None:
    app.session_interface = LaunchedSessionInterface()
    app.before_request(_frame_attempt_pages)
