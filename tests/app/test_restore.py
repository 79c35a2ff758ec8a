"""Restoring a backup, and refusing to serve a damaged database.

The README used to say: copy the backup over the database file. After a crash the old -wal file
is still beside it, and SQLite replays it onto the copy: the database is damaged and holds
attempts the backup never had, and the server started on it all the same. `flask restore`
copies the backup into the live database through SQLite itself, and a server refuses to start
on a database that fails integrity_check."""
from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from quizapp import create_app, database
from quizapp.extensions import db
from tests.databases import TEST_SECRET_KEY, app_config
from tests.pages import hidden_fields
from tests.students.support import make_quiz

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRESQL = bool(os.environ.get("TEST_DATABASE_URL"))
sqlite_only = pytest.mark.skipif(ON_POSTGRESQL, reason="restore and integrity_check are SQLite's")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(tmp_path: Path, database_file: Path, port: int = 0) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": f"sqlite:///{database_file}",
        "QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": TEST_SECRET_KEY,
        "QUIZAPP_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "QUIZAPP_THREADS": "4",
    }


def _flask(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flask", "--app", "quizapp", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=180)


def _quiz_database(path: Path) -> str:
    """A migrated database holding the students' three-question quiz; returns its join code."""
    app = create_app(app_config(f"sqlite:///{path}"))
    with app.app_context():
        database.create_tables()
    code = make_quiz(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    return code


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


class Student(threading.Thread):
    """A student's browser against the real server: joins, then keeps changing answers through
    the page script's autosave until told to stop. Counts the answers the server accepted."""

    def __init__(self, base: str, code: str, name: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.base, self.code, self.name, self.stop = base, code, name, stop
        self.saved = 0
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def _open(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        with self.opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def run(self) -> None:
        # The server is killed under the student: that is the point.
        with contextlib.suppress(OSError, urllib.error.URLError):
            self._answer_until_stopped()

    def _answer_until_stopped(self) -> None:
        _, page = self._open(f"/quiz/{self.code}")
        fields = hidden_fields(page) | {"student_name": self.name}
        url, page = self._open(f"/quiz/{self.code}", fields)
        token = re.search(r"/attempt/([^/?#]+)", url).group(1)
        csrf = hidden_fields(page)["csrf_token"]
        questions = []
        for number in (1, 2, 3):
            _, page = self._open(f"/attempt/{token}/q/{number}")
            question_id = re.search(r'data-question-id="(\d+)"', page).group(1)
            options = re.findall(r'name="answer" type="(?:radio|checkbox)" value="([0-9a-f]+)"',
                                 page)
            questions.append((question_id, options))
        turn = 0
        while not self.stop.is_set():
            question_id, options = questions[turn % len(questions)]
            self._open(f"/attempt/{token}/answers",
                       {"question_id": question_id, "answer": options[turn % len(options)]},
                       {"X-CSRFToken": csrf})
            self.saved += 1
            turn += 1


def _serve(env: dict[str, str], log: Path) -> subprocess.Popen:
    with open(log, "w") as out:
        # Its own process group: the crash below kills the master and every worker at once.
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")], cwd=ROOT,
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_for(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60  # a bound on a hung start, not a speed check
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer within a minute")


@sqlite_only
def test_after_a_crash_mid_class_the_restored_database_is_whole_and_equals_the_backup(tmp_path):
    live = tmp_path / "quizapp.sqlite"
    code = _quiz_database(live)
    port = _free_port()
    env = _environment(tmp_path, live, port)
    server = _serve(env, tmp_path / "server.log")
    base = f"http://127.0.0.1:{port}"
    stop = threading.Event()
    students = [Student(base, code, f"Student {n}", stop) for n in range(6)]
    try:
        _wait_for(f"{base}/healthz", server)
        for student in students:
            student.start()
        while sum(s.saved for s in students) < 60:
            time.sleep(0.05)
        # 1. A backup while the class writes, then more answers after it...
        backup = tmp_path / "backup.sqlite"
        made = _flask(env, "backup", str(backup))
        assert made.returncode == 0, made.stderr
        after_backup = sum(s.saved for s in students)
        while sum(s.saved for s in students) < after_backup + 60:
            time.sleep(0.05)
        # ...2. and the server is killed with -9 while students write.
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
    finally:
        stop.set()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
    for student in students:
        student.join(timeout=30)
    wal = Path(f"{live}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the crash left its -wal file behind

    # 3. The restore, as the README says.
    restored = _flask(env, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "integrity_check: ok" in restored.stdout
    assert "Traceback" not in restored.stderr
    # 4. The database is whole, and holds exactly what the backup holds: none of the answers
    # written after it came back from the old -wal file.
    assert _integrity(live) == "ok"
    assert _dump(live) == _dump(backup)
    kept = re.search(r"kept in (\S+)\.", restored.stdout).group(1)
    assert _integrity(Path(kept)) == "ok"  # what it replaced, crash and all, is kept
    assert Path(kept).stat().st_mode & 0o777 == 0o600

    # 5. A server starts on it again and answers.
    port = _free_port()
    again = _serve(_environment(tmp_path, live, port), tmp_path / "again.log")
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", again)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            assert response.read() == b"ok"
    finally:
        os.killpg(again.pid, signal.SIGTERM)
        again.wait(timeout=60)
    assert _dump(live) == _dump(backup)


@sqlite_only
def test_restore_refuses_a_damaged_or_foreign_backup_and_changes_nothing(tmp_path):
    live = tmp_path / "quizapp.sqlite"
    _quiz_database(live)
    env = _environment(tmp_path, live)
    before = _dump(live)
    damaged = tmp_path / "damaged.sqlite"
    assert _flask(env, "backup", str(damaged)).returncode == 0
    _damage(damaged)
    foreign = tmp_path / "notes.sqlite"
    other = sqlite3.connect(foreign)
    other.execute("CREATE TABLE note (text)")
    other.commit()
    other.close()
    for backup, words in [(damaged, "is itself damaged"), (foreign, "is not a quizapp database"),
                          (tmp_path / "missing.sqlite", "There is no backup file"),
                          (live, "is the live database itself")]:
        refused = _flask(env, "restore", str(backup))
        assert refused.returncode == 1, refused.stdout
        assert words in refused.stderr and "Traceback" not in refused.stderr
    assert _dump(live) == before
    assert not list(tmp_path.glob("quizapp.sqlite.before-restore-*"))


def _damage(path: Path) -> None:
    """Overwrite the start of every page but the first, as torn writes would."""
    page_size = 4096
    pages = path.stat().st_size // page_size
    with open(path, "r+b") as file:
        for page in range(1, pages):
            file.seek(page * page_size)
            file.write(b"\xff" * 64)


@sqlite_only
def test_a_damaged_database_is_refused_at_startup_with_a_clear_message(tmp_path):
    live = tmp_path / "quizapp.sqlite"
    _quiz_database(live)
    _damage(live)
    port = _free_port()
    env = _environment(tmp_path, live, port)
    for command in (["setup"], ["start", "--port", str(port)]):
        refused = _flask(env, *command)
        assert refused.returncode == 1, (command, refused.stdout)
        assert "integrity_check finds it damaged" in refused.stderr
        assert "flask --app quizapp restore" in refused.stderr
        assert "Traceback" not in refused.stderr
    server = _serve(env, tmp_path / "server.log")
    try:
        returncode = server.wait(timeout=60)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    log = (tmp_path / "server.log").read_text()
    assert returncode != 0
    assert "integrity_check finds it damaged" in log
    assert "Booting worker" not in log  # no worker ever served it


def test_restore_on_postgresql_says_to_use_pg_restore(app, runner, tmp_path):
    if not ON_POSTGRESQL:
        pytest.skip("the PostgreSQL case; SQLite is tested above")
    result = runner.invoke(args=["restore", str(tmp_path / "quizapp.dump")])
    assert result.exit_code == 1
    assert "pg_restore" in result.output
