"""Per-connection settings SQLite needs to be a safe default under several workers."""
from __future__ import annotations

from flask import Flask
from sqlalchemy import event, inspect

from quizapp.extensions import db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def init_app(app: Flask) -> None:
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            event.listen(db.engine, "connect", _sqlite_pragmas)


def create_tables() -> None:
    """Bring the schema to the newest migration; the one way tables are made outside tests.

    A database made before migrations existed (by `create_all`, with the first schema) is
    stamped as the first revision, then upgraded like any other.
    """
    from flask_migrate import stamp, upgrade

    tables = set(inspect(db.engine).get_table_names())
    if "story" in tables and "alembic_version" not in tables:
        stamp(revision=FIRST_REVISION)
    upgrade()


FIRST_REVISION = "0001"
