"""Security headers on every response: no inline scripts, no framing, no sniffing. A page an
LMS shows in its frame (quizapp.lti) names the LMS origins allowed to frame it, and the deep
link's return page the one LMS address its form may post to; nothing else is ever allowed."""
from __future__ import annotations

from flask import Flask, Response, g

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def allow_framing(origins: list[str]) -> None:
    """This response may be framed by these origins (an LMS's pages), and by no other."""
    g.frame_ancestors = list(origins)


def allow_form_posts_to(origins: list[str]) -> None:
    """This response's forms may post to these origins too (a deep link back to its LMS)."""
    g.form_targets = list(origins)


def _policy() -> str:
    policy = CONTENT_SECURITY_POLICY
    targets = g.get("form_targets")
    if targets:
        policy = policy.replace("form-action 'self'", "form-action 'self' " + " ".join(targets))
    framers = g.get("frame_ancestors")
    if framers:
        policy = policy.replace("frame-ancestors 'none'",
                                "frame-ancestors 'self' " + " ".join(framers))
    return policy


def _secure(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", _policy())
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if not g.get("frame_ancestors"):
        # X-Frame-Options cannot name an origin; where an LMS may frame the page, CSP's
        # frame-ancestors (which browsers prefer to it) says which.
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def init_app(app: Flask) -> None:
    app.after_request(_secure)
