"""`flask --app quizapp backup PATH`: a safe copy of the live SQLite database, taken while the
site runs, that a new app can be pointed at with every attempt in it."""
from __future__ import annotations

import os
import sqlite3

import pytest

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt
from tests.databases import app_config
from tests.students.support import answer, choices, make_quiz, prompt_of_page, start, submit

ON_POSTGRESQL = bool(os.environ.get("TEST_DATABASE_URL"))
sqlite_only = pytest.mark.skipif(ON_POSTGRESQL, reason="backup copies a SQLite database")


def _take_an_attempt(app) -> str:
    code = make_quiz(app)
    ids = choices(app)
    client = app.test_client()
    token = start(client, code, "Ada")
    for number in (1, 2, 3):
        prompt = prompt_of_page(client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True))
        answer(client, token, number, [next(iter(ids[prompt].values()))])  # the first choice
    assert submit(client, token).status_code == 302
    return token


def _stored(app, token: str):
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        return (attempt.student_name, attempt.score, attempt.max_score,
                sorted((r.question.prompt, r.correct, tuple(c.text for c in r.chosen))
                       for r in attempt.responses))


@sqlite_only
def test_a_backup_taken_while_the_site_writes_restores_every_attempt(app, runner, tmp_path):
    token = _take_an_attempt(app)
    before = _stored(app, token)
    assert len(before[3]) == 3
    with app.app_context():
        live = db.engine.url.database
    # Another worker is half-way through a write when the backup runs: the copy holds what
    # was committed, and the half-done write neither blocks the backup nor leaks into it.
    writer = sqlite3.connect(live, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE attempt SET student_name = 'half-written'")
    copy = tmp_path / "backups" / "quizapp-copy.sqlite"
    copy.parent.mkdir()
    try:
        result = runner.invoke(args=["backup", str(copy)])
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.exit_code == 0, result.output
    assert f"Backed up the database to {copy}" in result.output
    assert [p.name for p in copy.parent.iterdir()] == ["quizapp-copy.sqlite"]  # no leftovers

    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    restored = create_app(app_config(f"sqlite:///{copy}"))
    assert _stored(restored, token) == before
    # The restored site serves the student's result page.
    assert restored.test_client().get(f"/attempt/{token}/result").status_code == 200
    with restored.app_context():
        db.engine.dispose()


@sqlite_only
def test_backup_refuses_to_overwrite_a_file_unless_forced(app, runner, tmp_path):
    _take_an_attempt(app)
    target = tmp_path / "old-backup.sqlite"
    target.write_text("last week's backup")
    refused = runner.invoke(args=["backup", str(target)])
    assert refused.exit_code != 0
    assert "exists already; add --force to overwrite it" in refused.output
    assert target.read_text() == "last week's backup"
    forced = runner.invoke(args=["backup", str(target), "--force"])
    assert forced.exit_code == 0, forced.output
    with sqlite3.connect(target) as check:
        assert check.execute("SELECT count(*) FROM attempt").fetchone() == (1,)


@sqlite_only
def test_backup_into_a_missing_folder_says_so(runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "no-such-folder" / "copy.sqlite")])
    assert result.exit_code != 0
    assert "There is no folder" in result.output
    assert "Traceback" not in result.output


def test_backup_of_a_postgresql_database_points_to_pg_dump(tmp_path):
    app = create_app(app_config("postgresql+psycopg://quizapp@127.0.0.1:1/quizapp"))
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "copy.sqlite")])
    assert result.exit_code != 0
    assert "pg_dump" in result.output
    assert not (tmp_path / "copy.sqlite").exists()
