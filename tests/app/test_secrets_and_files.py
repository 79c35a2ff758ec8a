"""The secret that signs sessions and form tokens, the files that hold the database and its
backups, and the health check that load balancers trust.

The attack report: an empty instance/secret_key made every page answer 500 while /healthz said
ok; a one-character key was accepted; /healthz said ok on a read-only database; the database and
its backups were readable by every user of the machine (0644), password hashes and answers
included."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import config, create_app
from quizapp.extensions import db
from tests.databases import TEST_DATABASE_URL, TEST_SECRET_KEY, app_config

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRESQL = bool(TEST_DATABASE_URL)
sqlite_only = pytest.mark.skipif(ON_POSTGRESQL, reason="the SQLite file's permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _flask(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flask", "--app", "quizapp", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def instance(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "instance"
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(folder))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'q.sqlite'}")
    return folder


@pytest.mark.parametrize("content,words", [("", "is empty"), ("\n", "is empty"),
                                           ("x", "only 1 bytes long"),
                                           ("a" * 31, "only 31 bytes long")])
def test_an_empty_or_short_secret_file_stops_the_app_with_what_to_do(instance, content, words):
    instance.mkdir()
    (instance / "secret_key").write_text(content)
    # config.SecretRefused read now, not at import: tests/security/test_sign_in.py reloads the
    # config module (to read QUIZAPP_HTTPS again), which makes the class anew.
    with pytest.raises(config.SecretRefused) as refused:
        create_app()
    message = str(refused.value)
    assert words in message and "at least 32 bytes" in message
    assert str(instance / "secret_key") in message


def test_a_short_secret_in_the_environment_is_refused(instance, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x")
    with pytest.raises(config.SecretRefused, match="SECRET_KEY environment variable"):
        create_app()
    monkeypatch.setenv("SECRET_KEY", "s" * 32)
    assert create_app().config["SECRET_KEY"] == "s" * 32


def test_the_command_line_says_why_it_will_not_start_without_a_trace(tmp_path):
    folder = tmp_path / "instance"
    folder.mkdir()
    (folder / "secret_key").write_text("")
    env = os.environ | {"QUIZAPP_INSTANCE_PATH": str(folder),
                        "DATABASE_URL": f"sqlite:///{tmp_path / 'q.sqlite'}"}
    env.pop("SECRET_KEY", None)
    result = _flask(env, "setup")
    assert result.returncode == 1
    assert "its secret key" in result.stderr and "is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_new_secret_file_and_instance_folder_are_the_owners_alone(instance):
    create_app()
    assert _mode(instance / "secret_key") == 0o600
    assert _mode(instance) == 0o700
    assert len((instance / "secret_key").read_text().strip()) >= 32


@sqlite_only
def test_the_database_and_its_backups_are_readable_by_their_owner_only(app, runner, tmp_path):
    with app.app_context():
        live = Path(db.engine.url.database)
    client = app.test_client()
    assert client.get("/").status_code == 200
    for part in (live, Path(f"{live}-wal"), Path(f"{live}-shm")):
        if part.exists():
            assert _mode(part) == 0o600, part
    backup = tmp_path / "backup.sqlite"
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 0
    assert _mode(backup) == 0o600


@sqlite_only
def test_a_database_made_by_sqlite_itself_is_narrowed_when_the_app_starts(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    os.chmod(path, 0o644)  # as an older quizapp (and SQLite's default) left it
    app = create_app(app_config(f"sqlite:///{path}"))
    assert _mode(path) == 0o600
    with app.app_context():
        db.engine.dispose()


def test_healthz_is_ok_on_a_database_that_takes_writes(app):
    response = app.test_client().get("/healthz")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "ok")


def _read_only_url(app) -> str:
    """The app's own database, opened so that it takes no write (a read-only mount, a replica)."""
    with app.app_context():
        url = db.engine.url
    if ON_POSTGRESQL:
        return url.update_query_dict(
            {"options": "-c default_transaction_read_only=on"}).render_as_string(
            hide_password=False)
    return f"sqlite:///file:{url.database}?mode=ro&uri=true"


def test_healthz_says_503_on_a_read_only_database(app):
    read_only = create_app(app_config(_read_only_url(app)))
    client = read_only.test_client()
    assert client.get("/").status_code == 200  # pages still load...
    response = client.get("/healthz")  # ...but no answer could be saved
    assert (response.status_code, response.get_data(as_text=True)) == (
        503, "database is read-only")
    with read_only.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_read_only_url_really_refuses_writes(app):
    # The check above means something only if that database truly refuses a write.
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    read_only = create_app(app_config(_read_only_url(app)))
    with read_only.app_context():
        with pytest.raises(SQLAlchemyError), db.engine.begin() as connection:
            connection.execute(text("UPDATE quiz SET title = title"))
        db.engine.dispose()


def test_the_test_secret_is_long_enough():
    assert len(TEST_SECRET_KEY.encode()) >= 32
