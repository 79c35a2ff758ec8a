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


def _limit_from_env(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise SystemExit(f"{name} must be a whole number of tries (1 or more), not {text!r}.")
    return int(text)


class Config:
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {}
    # A quiz can stay open for hours; a form token must outlive it.
    WTF_CSRF_TIME_LIMIT = 6 * 60 * 60
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # A student's remembered attempts (a permanent session) last a month from when they last
    # changed; re-signing and re-sending the cookie on every page cost a quarter of a bare
    # request (issue 16).
    SESSION_REFRESH_EACH_REQUEST = False
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
    # Limits, as (tries, minutes): past them an address (or a quiz) must wait (quizapp.throttle).
    # Failed sign-ins per address.
    SIGN_IN_LIMIT = (5, 15)
    # Resume codes that opened nothing, per address and per quiz: a six-character code cannot
    # be guessed at a few tries a minute.
    RESUME_LIMIT_PER_ADDRESS = (10, 15)
    RESUME_LIMIT_PER_QUIZ = (60, 15)
    # Attempts started per address. A school's pupils may all share one address (one NAT):
    # room for a big class starting at once, none for a script starting 120 a second.
    ATTEMPT_START_LIMIT = (_limit_from_env("QUIZAPP_ATTEMPT_STARTS", 300), 10)
    # Question generation runs in a thread so the page answers at once; tests may run it inline.
    GENERATION_IN_BACKGROUND = True
    # A story from links (quizapp.page_fetching): each page gets this long, redirects included,
    # and may be this large. Loopback addresses stay refused but for the tests' local server.
    STORY_LINK_TIMEOUT = 8.0
    STORY_LINK_MAX_BYTES = 5 * 1024 * 1024
    STORY_LINKS_ALLOW_LOOPBACK = False
    # The zone a quiz's open and close dates are typed and shown in (quizapp.quiz_dates).
    TIMEZONE = os.environ.get("QUIZAPP_TIMEZONE", "").strip() or "UTC"
    SEEDS_FOLDER = str(Path(__file__).resolve().parent.parent / "seeds")


# Sessions and form tokens are signed with the secret: a short one can be guessed offline from
# one cookie. 32 bytes is what `secrets.token_hex(32)` gives twice over.
MIN_SECRET_BYTES = 32


class SecretRefused(SystemExit):
    """No usable secret: the app does not start, and the message says what to do. A SystemExit,
    so `flask` prints the message alone, with no trace."""


def _write_private(path: Path, text: str) -> None:
    # Created with owner-only permissions from the first byte: no moment when others may read it.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text)


def secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else a random one kept in the instance folder (made on
    the first start, readable by its owner only)."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        # Written aside, then linked into place: when several workers start at once, one key
        # wins and no worker ever reads a half-written file.
        draft = path.with_name(f"secret_key.{os.getpid()}.tmp")
        try:
            draft.unlink(missing_ok=True)
            _write_private(draft, secrets.token_hex(32))
            os.link(draft, path)
        except FileExistsError:
            pass
        except OSError as error:
            raise SecretRefused(
                f"quizapp cannot start: it has no SECRET_KEY and cannot write one to {path} "
                f"({error.strerror}). Set SECRET_KEY, or let quizapp write to its instance "
                "folder.") from None
        finally:
            draft.unlink(missing_ok=True)
    return path.read_text().strip()


def check_secret(key: object, instance_path: str) -> None:
    """Refuse to start on an empty or short secret, saying where it came from and what to do."""
    if isinstance(key, str):
        size = len(key.encode("utf-8"))
    elif isinstance(key, bytes):
        size = len(key)
    else:
        size = 0
    if size >= MIN_SECRET_BYTES:
        return
    where = ("the SECRET_KEY environment variable" if os.environ.get("SECRET_KEY")
             else f"{Path(instance_path) / 'secret_key'} (or SECRET_KEY in instance/config.py)")
    state = "empty" if size == 0 else f"only {size} bytes long"
    raise SecretRefused(
        f"quizapp cannot start: its secret key, from {where}, is {state}; it needs at least "
        f"{MIN_SECRET_BYTES} bytes, or anyone could forge sessions and form tokens. Make one with "
        "`python3 -c 'import secrets; print(secrets.token_hex(32))'`, or delete an empty "
        "instance/secret_key file so that quizapp writes a new one.")


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
