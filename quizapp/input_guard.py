"""Refuses request values no database column can hold, before any view queries with them."""
from __future__ import annotations

from flask import Flask, abort, request


def _holds_nul(source) -> bool:
    return any("\x00" in value for _name, values in source.lists() for value in values)


def refuse_nul_characters() -> None:
    # PostgreSQL text cannot hold U+0000 and no person types one. Refusing it here covers every
    # form and query string, including lookups a view makes before its form is validated.
    environ = request.environ
    # A query string decodes to a NUL only from "%00" or a raw NUL: without either there is
    # nothing to parse (most pages' addresses have no query string at all).
    query = environ.get("QUERY_STRING", "")
    nul_possible = "%00" in query or "\x00" in query
    # A request without a body type has no form (werkzeug parses none), so it is not read here.
    if (nul_possible and _holds_nul(request.args)) or (
            environ.get("CONTENT_TYPE") and _holds_nul(request.form)):
        abort(400, description="The form held a character that is not allowed (NUL).")


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)
