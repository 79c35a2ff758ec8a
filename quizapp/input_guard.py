"""Refuses request values no database column can hold, before any view queries with them."""
from __future__ import annotations

from flask import Flask, abort, request


def refuse_nul_characters() -> None:
    # PostgreSQL text cannot hold U+0000 and no person types one. Refusing it here covers every
    # form and query string, including lookups a view makes before its form is validated.
    for source in (request.args, request.form):
        for _name, values in source.lists():
            if any("\x00" in value for value in values):
                abort(400, description="The form held a character that is not allowed (NUL).")


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)
