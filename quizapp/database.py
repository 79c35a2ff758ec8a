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

import fcntl
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, has_request_context, request
from sqlalchemy import event, inspect, text
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
    # In WAL mode NORMAL syncs the log at checkpoints, not at every commit: the database stays
    # whole after a crash or power cut, and only a power cut may lose the last commits before
    # it. A sync per commit was most of an answer save's time (issue 16; README, "Under load").
    cursor.execute("PRAGMA synchronous=NORMAL")
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
    # lives on (as in tests): an open BEGIN IMMEDIATE would hold SQLite's write lock. A request
    # that never used the database has no session to end, and asking for one would make one.
    if db.session.registry.has():
        db.session.rollback()


def init_app(app: Flask) -> None:
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            configure_sqlite(db.engine)
            path = sqlite_path()
            if path is not None:
                keep_private(path)
    app.teardown_request(_end_transaction)


# --- Files readable by their owner only -------------------------------------------------------

# The database holds password hashes and every answer; its backups too.
PRIVATE = 0o600


def sqlite_path() -> Path | None:
    """The app's SQLite database file, or None (another backend, or a database in memory)."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    if url.database.startswith("file:"):  # a URI filename (?mode=ro and such)
        return Path(url.database[len("file:"):].partition("?")[0])
    return Path(url.database)


def create_private(path: Path) -> None:
    """An empty file only its owner may read (SQLite takes an empty file for an empty database,
    and makes its -wal and -shm files with the database file's permissions)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    os.close(descriptor)


def keep_private(path: Path) -> None:
    """Make the database file owner-only: created so, or narrowed if an older quizapp (or a
    copy) left it readable by others. A file that is not ours is left as it is."""
    if not path.exists():
        if path.parent.is_dir():
            try:
                create_private(path)
            except FileExistsError:  # another worker made it a moment ago
                pass
            except OSError:
                return  # not ours to make (a read-only folder): SQLite will say so
        return
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if part.exists() and part.stat().st_mode & 0o077:
                part.chmod(PRIVATE)
        except OSError:
            pass


# --- Can this worker write? Is the database whole? --------------------------------------------

def write_problem() -> str | None:
    """Why the database cannot take a write now, or None when it can. Nothing is written: a
    transaction that would write is begun and rolled back. A lock held by another writer means
    the database does take writes."""
    if db.engine.dialect.name == "postgresql":
        read_only = db.session.execute(text("SHOW transaction_read_only")).scalar()
        db.session.rollback()
        return "database is read-only" if read_only == "on" else None
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA busy_timeout=0")  # a health check never queues behind writers
        try:
            version = int(cursor.execute("PRAGMA user_version").fetchone()[0])
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute(f"PRAGMA user_version={version}")
        except sqlite3.OperationalError as error:
            words = str(error).lower()
            if "locked" in words or "busy" in words:
                return None
            return "database is read-only" if "readonly" in words else "database cannot write"
        finally:
            if raw.in_transaction:
                cursor.execute("ROLLBACK")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        raw.close()
    return None


def _problems_of(connection: sqlite3.Connection) -> list[str]:
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if rows == ["ok"] else rows


def integrity_problems() -> list[str]:
    """What SQLite's integrity_check finds wrong with the app's database (nothing: []).
    PostgreSQL keeps its own checksums; there is nothing to check here."""
    path = sqlite_path()
    if path is None or not path.exists():
        return []
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return _problems_of(connection)
    finally:
        connection.close()


class DatabaseCorrupt(SystemExit):
    """The database failed integrity_check: the site does not start on it. A SystemExit, so
    `flask` and gunicorn print the message alone and stop."""


def refuse_if_corrupt() -> None:
    problems = integrity_problems()
    if problems:
        raise DatabaseCorrupt(
            f"quizapp will not serve {sqlite_path()}: SQLite's integrity_check finds it damaged "
            f"({'; '.join(problems[:3])}). Restore the newest backup with "
            "`flask --app quizapp restore BACKUP_FILE` (README: Backups), then start again.")


# --- One setup at a time --------------------------------------------------------------------

# Any fixed number: the PostgreSQL advisory lock that `setup` and `init-db` hold.
SETUP_LOCK = 0x71756978  # "quix"


@contextmanager
def setup_lock() -> Iterator[None]:
    """Hold the database's setup lock: a second `setup` (two servers started together) waits
    for the first, then finds the work done, instead of racing it to make the same tables and
    seed the same stories."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({SETUP_LOCK})")
            try:
                yield
            finally:
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({SETUP_LOCK})")
                connection.commit()
        return
    path = sqlite_path()
    if path is None:
        yield
        return
    lock_path = Path(f"{path}.setup-lock")
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, PRIVATE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # SQLite's file is local: so is this lock
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


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
        draft.unlink(missing_ok=True)
        create_private(draft)  # the copy holds what the database holds: owner-only
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


# --- Restore -----------------------------------------------------------------------------------

class RestoreError(Exception):
    """A restore that cannot be made; the message says why and what to do."""


def _open_backup(backup: Path) -> sqlite3.Connection:
    """The backup, read-only, once it is known to be a whole quizapp database."""
    if not backup.is_file():
        raise RestoreError(f"There is no backup file at {backup}.")
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        problems = _problems_of(source)
        tables = {row[0] for row in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")} if not problems else set()
    except sqlite3.Error as error:
        raise RestoreError(f"{backup} cannot be read as a database ({error}); nothing was "
                           "changed.") from None
    if problems:
        source.close()
        raise RestoreError(f"{backup} is itself damaged ({'; '.join(problems[:3])}); nothing was "
                           "changed. Restore an older backup.")
    if not {"quiz", "attempt", "alembic_version"} <= tables:
        source.close()
        raise RestoreError(f"{backup} is not a quizapp database; nothing was changed.")
    return source


def _keep_current(live: Path) -> Path | None:
    """A copy of the database being replaced (with what its -wal file holds), so a restore of
    the wrong file can be undone; None when there was no database."""
    if not live.exists():
        return None
    kept = live.with_name(f"{live.name}.before-restore-{datetime.now(UTC):%Y%m%d-%H%M%S}")
    create_private(kept)
    try:
        current = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
        copy = sqlite3.connect(kept)
        try:
            current.backup(copy)
        finally:
            copy.close()
            current.close()
    except sqlite3.Error:
        # Too damaged to read as a database: keep its files as they are.
        for suffix in ("", "-wal"):
            if Path(f"{live}{suffix}").exists():
                shutil.copyfile(f"{live}{suffix}", f"{kept}{suffix}")
                os.chmod(f"{kept}{suffix}", PRIVATE)
    return kept


def _copy_into(source: sqlite3.Connection, live: Path) -> None:
    """Every page of the backup into the live database, through SQLite itself: the live
    database's own -wal file is read and then overwritten page by page, so no stale frame can
    apply to the restored pages afterwards (as it would to a file copied over the database)."""
    destination = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        source.backup(destination)
        destination.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        problems = _problems_of(destination)
    finally:
        destination.close()
    if problems:
        raise RestoreError(f"After the restore, integrity_check reports: {'; '.join(problems)}.")


def restore_sqlite(backup: Path) -> Path | None:
    """Replace the app's SQLite database with the backup's content, then check it.

    Returns where the replaced database was kept (None if there was none). A live database too
    damaged to be written into is moved aside, with its -wal and -shm files, and the backup is
    copied into a fresh file in its place.
    """
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise RestoreError(
            f"restore copies a SQLite backup; this site uses {url.get_backend_name()}. Restore "
            "PostgreSQL with pg_restore, e.g. pg_restore --clean --dbname=DBNAME quizapp.dump.")
    live = sqlite_path()
    if live is None:
        raise RestoreError("The database lives in memory; there is no file to restore into.")
    backup = Path(backup)
    if live.exists() and backup.exists() and backup.resolve() == live.resolve():
        raise RestoreError(f"{backup} is the live database itself; give a backup file.")
    source = _open_backup(backup)
    try:
        db.engine.dispose()  # no pooled connection of this process keeps the old pages
        kept = _keep_current(live)
        if not live.exists():
            create_private(live)
        try:
            _copy_into(source, live)
        except sqlite3.DatabaseError:
            # Not writable as a database (a damaged header, a foreign -wal): start afresh.
            for suffix in ("", "-wal", "-shm"):
                Path(f"{live}{suffix}").unlink(missing_ok=True)
            create_private(live)
            _copy_into(source, live)
    finally:
        source.close()
    return kept
