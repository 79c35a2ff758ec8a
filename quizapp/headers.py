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


# Most responses carry these, unchanged: built once, not header by header on every response.
SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)
_NAMES = frozenset(name.lower() for name, _ in SECURITY_HEADERS)


def _security_headers(framers: list[str] | None, targets: list[str] | None) -> list:
    """This response's security headers when a page allowed framing or form targets."""
    policy = CONTENT_SECURITY_POLICY
    if targets:
        policy = policy.replace("form-action 'self'", "form-action 'self' " + " ".join(targets))
    if framers:
        policy = policy.replace("frame-ancestors 'none'",
                                "frame-ancestors 'self' " + " ".join(framers))
    # X-Frame-Options cannot name an origin; where an LMS may frame the page, CSP's
    # frame-ancestors (which browsers prefer to it) says which.
    return [("Content-Security-Policy", policy), *SECURITY_HEADERS[1:3],
            *([] if framers else SECURITY_HEADERS[3:])]


def _secure(response: Response) -> Response:
    framers, targets = g.get("frame_ancestors"), g.get("form_targets")
    wanted = _security_headers(framers, targets) if framers or targets else SECURITY_HEADERS
    # A header the view set itself stays as it is.
    set_already = {name.lower() for name, _ in response.headers} & _NAMES
    if set_already:
        wanted = [(name, value) for name, value in wanted if name.lower() not in set_already]
    response.headers.extend(wanted)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_secure)
