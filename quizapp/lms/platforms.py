"""The LMSs an admin registered: adding, changing and removing one, and the web origins they
live at (the only pages allowed to frame quizapp's LTI pages)."""
from __future__ import annotations

from urllib.parse import urlsplit

from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import LmsPlatform

FIELDS = ("name", "issuer", "client_id", "auth_login_url", "auth_token_url", "key_set_url",
          "deployment_ids")


class PlatformRefused(ValueError):
    """The registration cannot be saved; the message says why."""


def all_platforms() -> list[LmsPlatform]:
    return list(db.session.execute(db.select(LmsPlatform).order_by(LmsPlatform.name,
                                                                   LmsPlatform.id)).scalars())


def save(platform: LmsPlatform | None, values: dict) -> LmsPlatform:
    """Add a platform (None) or change one, from the admin's form; the caller commits."""
    platform = platform or LmsPlatform()
    for field in FIELDS:
        setattr(platform, field, values[field].strip())
    platform.deployment_ids = "\n".join(platform.deployments)
    db.session.add(platform)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise PlatformRefused("This issuer and client id are registered already: change that "
                              "registration instead.") from None
    return platform


def remove(platform: LmsPlatform) -> None:
    db.session.delete(platform)


def origin(url: str) -> str | None:
    """scheme://host[:port] of a URL, as Content-Security-Policy names a site."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def origins_of(platform: LmsPlatform, *urls: str) -> list[str]:
    """The platform's own origins (its issuer's and its login page's), and those of the URLs
    its signed launch gave (a Canvas course lives at the school's own address)."""
    found = [origin(url) for url in (platform.issuer, platform.auth_login_url, *urls)]
    return sorted({url for url in found if url})
