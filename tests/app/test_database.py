"""The database under several students at once: SQLite's per-connection settings, write
requests that wait their turn instead of failing with "database is locked", page views that
never wait for writers, and every answer kept."""
from __future__ import annotations

import os
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.exc import IntegrityError

from quizapp import database
from quizapp.extensions import csrf, db
from quizapp.models import Attempt, Question, Response, ThrottleEvent
from tests.pages import hidden_fields
from tests.students.support import make_quiz, prompt_of_page, start, values

ON_POSTGRESQL = bool(os.environ.get("TEST_DATABASE_URL"))
sqlite_only = pytest.mark.skipif(ON_POSTGRESQL, reason="SQLite's own settings and locking")

STUDENTS = 8


@sqlite_only
def test_every_sqlite_connection_has_foreign_keys_a_busy_timeout_and_wal(app):
    with app.app_context():
        first, second = db.engine.connect(), db.engine.connect()  # two pool connections
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == \
                database.BUSY_TIMEOUT_MS
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            connection.close()


def test_a_response_to_a_missing_attempt_is_refused(app):
    with app.app_context():
        db.session.add(Response(attempt_id=999, question_id=999, correct=True))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 0


def _right_answers(app) -> dict[str, list[int]]:
    with app.app_context():
        return {q.prompt: [c.id for c in q.choices if c.correct]
                for q in db.session.execute(db.select(Question)).scalars()}


def _take_the_quiz(app, code: str, name: str, right: dict[str, list[int]]) -> list[int]:
    """One student on their own browser: start, answer every question right, submit.
    Returns every status code the student saw."""
    client = app.test_client()
    statuses = []
    token = start(client, code, name)
    for number in range(1, len(right) + 1):
        page = client.get(f"/attempt/{token}/q/{number}")
        statuses.append(page.status_code)
        html = page.get_data(as_text=True)
        sent = client.post(f"/attempt/{token}/q/{number}", data={
            "csrf_token": hidden_fields(html)["csrf_token"], "go": "next",
            "answer": values(client, token, right[prompt_of_page(html)])})
        statuses.append(sent.status_code)
    finish = client.get(f"/attempt/{token}/finish")
    statuses.append(finish.status_code)
    submitted = client.post(f"/attempt/{token}/submit", data={
        "csrf_token": hidden_fields(finish.get_data(as_text=True))["csrf_token"]})
    statuses.append(submitted.status_code)
    statuses.append(client.get(submitted.headers["Location"]).status_code)
    return statuses


def test_students_answering_at_the_same_moment_lose_nothing(app):
    code = make_quiz(app)
    right = _right_answers(app)
    barrier = threading.Barrier(STUDENTS)

    def student(number: int) -> list[int]:
        barrier.wait()  # everyone starts together, so their writes collide
        return _take_the_quiz(app, code, f"Student {number}", right)

    with ThreadPoolExecutor(STUDENTS) as pool:
        seen = list(pool.map(student, range(STUDENTS)))  # re-raises any error of a thread
    for statuses in seen:
        assert set(statuses) <= {200, 302}, statuses
    with app.app_context():
        attempts = db.session.execute(db.select(Attempt)).scalars().all()
        assert sorted(a.student_name for a in attempts) == sorted(
            f"Student {n}" for n in range(STUDENTS))
        for attempt in attempts:
            assert attempt.submitted_at is not None
            assert (attempt.score, attempt.max_score) == (len(right), len(right))
            assert {r.question.prompt: sorted(c.id for c in r.chosen)
                    for r in attempt.responses} == {p: sorted(ids) for p, ids in right.items()}


@sqlite_only
def test_a_write_request_reads_and_writes_in_one_transaction_that_waits_its_turn(app):
    # A request that counts rows, then adds one numbered by that count, as grading reads
    # answers and then writes the score. Run by many students at once, a deferred SQLite
    # transaction would fail ("database is locked") or two would read the same count.
    @csrf.exempt
    def count_then_add():
        seen = db.session.execute(db.select(db.func.count(ThrottleEvent.id))).scalar_one()
        db.session.add(ThrottleEvent(scope="test", key=str(seen)))
        db.session.commit()
        return str(seen)

    app.add_url_rule("/count-then-add", view_func=count_then_add, methods=["POST"])
    barrier = threading.Barrier(STUDENTS)

    def writer(_):
        client = app.test_client()
        barrier.wait()
        return [client.post("/count-then-add") for _ in range(10)]

    with ThreadPoolExecutor(STUDENTS) as pool:
        responses = [r for batch in pool.map(writer, range(STUDENTS)) for r in batch]
    assert {r.status_code for r in responses} == {200}
    assert sorted(int(r.get_data(as_text=True)) for r in responses) == list(range(STUDENTS * 10))
    with app.app_context():
        stored = db.session.execute(db.select(ThrottleEvent.key)).scalars().all()
    assert sorted(map(int, stored)) == list(range(STUDENTS * 10))


@sqlite_only
def test_page_views_do_not_wait_for_a_writer(app, monkeypatch):
    code = make_quiz(app)
    # A page view that queued for the write lock would fail after this long.
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    with app.app_context():
        db.engine.dispose()  # new connections pick up the short timeout
        path = db.engine.url.database
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another worker, mid-way through a write
    writer.execute("INSERT INTO throttle_event (scope, key, at) VALUES ('test', 'x', '2026-01-01')")
    try:
        client = app.test_client()
        assert client.get("/").status_code == 200
        assert client.get(f"/quiz/{code}").status_code == 200
        assert client.get("/healthz").get_data(as_text=True) == "ok"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@sqlite_only
def test_a_get_request_that_writes_still_gets_the_lock(app, monkeypatch):
    # Reads in a page view run outside any transaction, so a write there begins fresh and
    # waits for the lock like any first statement, instead of failing on a stale snapshot.
    @app.get("/read-then-write")
    def read_then_write():
        seen = db.session.execute(db.select(db.func.count(ThrottleEvent.id))).scalar_one()
        other = sqlite3.connect(db.engine.url.database, isolation_level=None)
        other.execute("INSERT INTO throttle_event (scope, key, at) "
                      "VALUES ('test', 'other', '2026-01-01')")
        other.close()  # another worker wrote between this request's read and its write
        db.session.add(ThrottleEvent(scope="test", key=str(seen)))
        db.session.commit()
        return "done"

    assert app.test_client().get("/read-then-write").get_data(as_text=True) == "done"
    with app.app_context():
        assert sorted(db.session.execute(db.select(ThrottleEvent.key)).scalars()) == [
            "0", "other"]



def test_healthz_answers_ok_after_one_query_and_sets_no_cookie(app):
    response = app.test_client().get("/healthz")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "ok")
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in response.headers  # the site's headers apply here too


def test_healthz_says_503_when_the_database_is_unreachable(tmp_path):
    from quizapp import create_app
    from tests.databases import app_config

    unreachable = ("postgresql+psycopg://quizapp:x@127.0.0.1:1/quizapp?connect_timeout=2"
                   if ON_POSTGRESQL else f"sqlite:///{tmp_path / 'no-such-folder' / 'q.sqlite'}")
    app = create_app(app_config(unreachable))  # TESTING: an exception would reach the test
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "database unreachable"
    assert "Set-Cookie" not in response.headers
