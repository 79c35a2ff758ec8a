"""URL pieces shared by every blueprint."""
from __future__ import annotations

from urllib.parse import urlsplit

from werkzeug.routing import IntegerConverter


class DatabaseId(IntegerConverter):
    """`<int:…>` limited to what a database id column can hold.

    An address like /quizzes/100000000000000000000 would otherwise reach the database driver,
    which raises OverflowError (a 500); beyond the limit the rule does not match: a plain 404.
    """

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", 2**63 - 1)
        super().__init__(map, *args, **kwargs)


def init_app(app) -> None:
    # Before any blueprint is registered: rules pick their converter when they are added.
    app.url_map.converters["int"] = DatabaseId


def database_id(text: str) -> int:
    """`type=` for request.args/form.get: a whole number an id column can hold, else ValueError
    (which makes werkzeug return the default instead)."""
    value = int(text)
    if not 0 <= value < 2**63:
        raise ValueError(f"{text!r} is not an id")
    return value


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None: a sign-in link must not send an
    instructor on to another site."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(c) < 32 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
