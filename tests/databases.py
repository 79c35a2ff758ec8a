"""The databases the tests run on: a fresh SQLite file per test, or, under tests/with-postgres.sh,
the PostgreSQL server it starts (TEST_DATABASE_URL), emptied before each test."""
from __future__ import annotations

import os

from quizapp.extensions import db

# Set by tests/with-postgres.sh: the same tests then run against a real PostgreSQL server.
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
# Long enough for the app's check (32 bytes at least); never used outside the tests.
TEST_SECRET_KEY = "test-only-secret-not-for-any-real-site"


def app_config(database_url: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": TEST_SECRET_KEY,
        "SQLALCHEMY_DATABASE_URI": database_url,
    }


def stamp_newest_revision() -> None:
    """Mark a database made by create_all as being at the newest migration."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from quizapp.extensions import migrate

    script = ScriptDirectory(migrate.directory)
    with db.engine.begin() as connection:
        MigrationContext.configure(connection).stamp(script, "heads")


def empty_postgresql_tables() -> None:
    quote = db.engine.dialect.identifier_preparer.quote
    tables = ", ".join(quote(table.name) for table in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        # A connection a test left open fails the next test here instead of hanging it.
        connection.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
