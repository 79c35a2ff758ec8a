"""An app on a fresh SQLite file per test, with a CSRF-aware way to send its forms."""
from __future__ import annotations

import re
from html import unescape

import pytest

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


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-only-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'quizapp.sqlite'}",
    })
    with app.app_context():
        # create_all is quicker than running every migration per test; stamping the result as
        # the newest revision keeps `setup`/`init-db` from re-running them. A test in
        # test_migrations checks that the migrations and the models agree.
        db.create_all()
        stamp_newest_revision()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


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
