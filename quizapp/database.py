"""The database connection done right for each backend, and the one way tables are made.

SQLite is the default and must stay safe with several gunicorn workers writing at once:
every connection turns on foreign keys, a busy timeout and the WAL journal, and a request
that may write (POST and the other unsafe methods) runs in a transaction begun with
BEGIN IMMEDIATE. Such a request reads, then writes (is the attempt submitted? then grade it).
In a deferred transaction, SQLite would take a read snapshot first and upgrade it to a write
lock at the first write; when another worker wrote in between, that upgrade fails at once
with "database is locked", whatever the busy timeout. Taking the write lock at BEGIN makes
the request wait its turn instead, and its reads and writes see one consistent database.
This is SQLAlchemy's documented pysqlite recipe: the driver's own transaction handling is
switched off and the engine's "begin" event emits the BEGIN.

Everything else (GET pages, commands, tests) keeps the driver's default: reads run outside
any transaction and a transaction begins just before the first write, which waits for the
lock like any first statement. Page views thus never queue behind writers (WAL lets readers
and one writer work side by side).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from flask import Flask, has_request_context, request
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine

from quizapp.extensions import db

# Milliseconds a connection waits for another's write lock before giving up.
BUSY_TIMEOUT_MS = 30_000
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# An execution option for work outside requests that must run in one immediate transaction
# (migrations: SQLite's DDL is transactional once the driver stops managing transactions).
BEGIN_IMMEDIATE = "quizapp_begin_immediate"
# pysqlite's isolation_level: None hands transactions to us; "" is its default (deferred,
# implicit BEGIN before the first INSERT, UPDATE or DELETE).
OWN_TRANSACTIONS, DRIVER_TRANSACTIONS = None, ""


def _sqlite_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    dbapi_connection = connection.connection.dbapi_connection
    if connection.get_execution_options().get(BEGIN_IMMEDIATE) or (
            has_request_context() and request.method not in READ_ONLY_METHODS):
        dbapi_connection.isolation_level = OWN_TRANSACTIONS
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        dbapi_connection.isolation_level = DRIVER_TRANSACTIONS


def configure_sqlite(engine: Engine) -> None:
    """Attach the per-connection settings and immediate write transactions to SQLite."""
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)


def _end_transaction(_error: BaseException | None = None) -> None:
    # A request's transaction ends with the request, even when its application context
    # lives on (as in tests): an open BEGIN IMMEDIATE would hold SQLite's write lock.
    db.session.rollback()


def init_app(app: Flask) -> None:
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            configure_sqlite(db.engine)
    app.teardown_request(_end_transaction)


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


class BackupError(Exception):
    """A backup that cannot be made; the message says why and what to do."""


def backup_sqlite(target: Path, overwrite: bool = False) -> Path:
    """Copy the app's SQLite database to `target` while the site keeps running.

    SQLite's online backup API copies a consistent snapshot page by page (committed data only,
    WAL included), which copying the file would not. The copy is written beside `target` and
    renamed into place, so a failed backup never leaves half a file or spoils an older one.
    """
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise BackupError(
            f"backup copies a SQLite database; this site uses {url.get_backend_name()}. "
            "Back up PostgreSQL with pg_dump, e.g. pg_dump --format=custom --file=quizapp.dump "
            "DBNAME.")
    if not url.database or url.database == ":memory:":
        raise BackupError("The database lives in memory; there is no file to back up.")
    source_path = Path(url.database)
    if not source_path.is_file():
        raise BackupError(f"There is no database at {source_path}; run init-db first.")
    target = Path(target)
    if target.exists() and target.resolve() == source_path.resolve():
        raise BackupError(f"{target} is the live database itself; choose another file.")
    if target.is_dir():
        raise BackupError(f"{target} is a folder; give the backup's file name.")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists already; add --force to overwrite it.")
    if not target.parent.is_dir():
        raise BackupError(f"There is no folder {target.parent}.")

    draft = target.with_name(f".{target.name}.{os.getpid()}.partial")
    # Read-only, so a mistyped path never creates an empty database.
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True,
                             timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        destination = sqlite3.connect(draft)
        try:
            source.backup(destination)  # all pages in one step: one consistent snapshot
        finally:
            destination.close()
        os.replace(draft, target)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(f"The backup failed: {error}; nothing was written to {target}.") \
            from None
    finally:
        source.close()
        draft.unlink(missing_ok=True)
    return target
