"""An app on a fresh SQLite file per test (or, under tests/with-postgres.sh, an emptied
PostgreSQL database), with a CSRF-aware way to send its forms."""
from __future__ import annotations

import os
import re
from html import unescape

import pytest
from flask import g

from quizapp import create_app
from quizapp.extensions import db


def stamp_newest_revision() -> None:
    """Mark a database made by create_all as being at the newest migration."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from quizapp.extensions import migrate

    script = ScriptDirectory(migrate.directory)
    with db.engine.begin() as connection:
        MigrationContext.configure(connection).stamp(script, "heads")


# Set by tests/with-postgres.sh: the same tests then run against a real PostgreSQL server.
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


def app_config(database_url: str) -> dict:
    return {"TESTING": True, "SECRET_KEY": "test-only-secret", "SQLALCHEMY_DATABASE_URI": database_url}


@pytest.fixture(scope="session")
def postgresql_tables():
    """PostgreSQL's tables, made once per run: creating them per test would take seconds each."""
    app = create_app(app_config(TEST_DATABASE_URL))
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        db.create_all()
        stamp_newest_revision()
        db.engine.dispose()


def empty_postgresql_tables() -> None:
    quote = db.engine.dialect.identifier_preparer.quote
    tables = ", ".join(quote(table.name) for table in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        # A connection a test left open fails the next test here instead of hanging it.
        connection.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture
def app(tmp_path, request):
    if TEST_DATABASE_URL:
        request.getfixturevalue("postgresql_tables")
        app = create_app(app_config(TEST_DATABASE_URL))
        with app.app_context():
            # Emptied before (not after) each test, so a test that failed half-way leaves
            # nothing behind for the next one.
            empty_postgresql_tables()
    else:
        app = create_app(app_config(f"sqlite:///{tmp_path / 'quizapp.sqlite'}"))
        with app.app_context():
            # create_all is quicker than running every migration per test; stamping the result
            # as the newest revision keeps `setup`/`init-db` from re-running them. A test in
            # test_migrations checks that the migrations and the models agree.
            db.create_all()
            stamp_newest_revision()

    @app.teardown_request
    def forget_request_state(_error):
        # pytest-flask keeps one app context open for the whole test and every request reuses
        # it, so what Flask-Login (the user) and Flask-WTF (the form token) cache on `g` would
        # pass from one test client to the next, as it never does between real requests.
        g.pop("_login_user", None)
        g.pop(app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)

    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def empty_database_url(tmp_path):
    """The address of a database with no tables, on the backend this run tests."""
    if not TEST_DATABASE_URL:
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = make_url(TEST_DATABASE_URL)
    name = f"quizapp_{tmp_path.name.lower().replace('-', '_')[:40]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def instructor(app):
    """An instructor account (name "teacher", password "correct horse battery")."""
    from werkzeug.security import generate_password_hash

    from quizapp.models import Instructor

    with app.app_context():
        row = Instructor(name="teacher", password_hash=generate_password_hash("correct horse battery"))
        db.session.add(row)
        db.session.commit()
        return row.id


@pytest.fixture
def signed_in(client, instructor):
    """A test client whose session belongs to the instructor (as Flask-Login stores it)."""
    with client.session_transaction() as session:
        session["_user_id"] = str(instructor)
        session["_fresh"] = True
    return client


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of a page (the CSRF token and the form's one-time key)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = unescape(value.group(1)) if value else ""
    return fields
