"""Configuration: defaults here, then instance/config.py, then the environment, then tests."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import ClassVar


def _count_of_proxies(text: str) -> int:
    text = text.strip()
    if not text:
        return 0
    if not text.isdigit():
        raise SystemExit("QUIZAPP_PROXIES must be a whole number of proxies (0, 1, 2…), "
                         f"not {text!r}.")
    return int(text)


class Config:
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {}
    # A quiz can stay open for hours; a form token must outlive it.
    WTF_CSRF_TIME_LIMIT = 6 * 60 * 60
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Served over HTTPS (QUIZAPP_HTTPS=1, or set in instance/config.py), the session cookie is
    # only ever sent encrypted; over plain http on a laptop it must not be, or no one can sign in.
    SESSION_COOKIE_SECURE = os.environ.get("QUIZAPP_HTTPS", "") == "1"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # How many reverse proxies (nginx, Caddy) stand in front and set X-Forwarded-For and
    # X-Forwarded-Proto (QUIZAPP_PROXIES=1 behind one). 0 trusts no such header: anyone could
    # send one. Behind a proxy without it, every visitor has the proxy's address, and sign-in
    # throttling would shut everyone out after a few failures by anyone.
    TRUSTED_PROXIES = _count_of_proxies(os.environ.get("QUIZAPP_PROXIES", ""))
    # After this many failed sign-ins from one address within the window, it must wait.
    SIGN_IN_MAX_FAILURES = 5
    SIGN_IN_WINDOW_MINUTES = 15
    # Question generation runs in a thread so the page answers at once; tests may run it inline.
    GENERATION_IN_BACKGROUND = True
    SEEDS_FOLDER = str(Path(__file__).resolve().parent.parent / "seeds")


def secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else a random one kept in the instance folder."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        # Written aside, then linked into place: when several workers start at once, one key
        # wins and no worker ever reads a half-written file.
        draft = path.with_name(f"secret_key.{os.getpid()}.tmp")
        draft.write_text(secrets.token_hex(32))
        draft.chmod(0o600)
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


def database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        # Heroku-style URLs name the old driver; psycopg 3 is what we install.
        if url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url[len("postgres://"):]
        elif url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        return url
    return "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite")
