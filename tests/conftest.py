"""An app on a fresh SQLite file per test (or, under tests/with-postgres.sh, an emptied
PostgreSQL database), a test client, an instructor, and the seed story set up as on a first run.

The fixtures are flaskr's (`app`, `client`, `runner`) and nothing keeps a context open between
requests. pytest-flask is on (the browser tests use its `live_server`), and two of its fixtures
would keep one: its `client` keeps the last request's context pushed (ours below replaces it), and
its autouse `_push_request_context` pushes a request context for the whole of every test that uses
`app`, so that the test body and the requests share `g` and `db.session` and Flask-Login's user
cached on `g`. `_push_request_context` below switches that off, here, for every test: a test that
reads or writes the database does so in `with app.app_context():`, as a command would."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp import create_app, generators
from quizapp.extensions import db
from tests.databases import (
    TEST_DATABASE_URL,
    app_config,
    empty_postgresql_tables,
    stamp_newest_revision,
)

INSTRUCTOR_PASSWORD = "correct horse battery"  # the `instructor` fixture's
# Fixtures that give a test the database this run is about; see pytest_collection_modifyitems.
DATABASE_FIXTURES = frozenset({"app", "empty_database_url"})
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only", action="store_true",
        help="run only the tests that use the database under test (the `app` or "
             "`empty_database_url` fixture): tests/run's PostgreSQL pass, where the others "
             "would only repeat the SQLite pass")


def pytest_collection_modifyitems(config, items):
    if not config.getoption("database_tests_only"):
        return
    # The generators (pure: no database) use neither fixture, nor do tests that make an app on a
    # SQLite file of their own. The browser tests have an `app` (the one live_server serves) but
    # seed one server once for the session: in this pass they would only repeat the SQLite pass.
    keep = [item for item in items
            if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
            and not Path(item.path).is_relative_to(BROWSER_TESTS)]
    config.hook.pytest_deselected(items=[item for item in items if item not in keep])
    items[:] = keep


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


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty SQLite database at the newest revision, made once per run: a test gets a copy of
    the file (a millisecond) instead of making the tables again (a tenth of a second)."""
    path = tmp_path_factory.mktemp("template") / "quizapp.sqlite"
    app = create_app(app_config(f"sqlite:///{path}"))
    with app.app_context():
        # create_all is quicker than running every migration; stamping the result as the newest
        # revision keeps `setup`/`init-db` from re-running them. tests/app/test_migrations.py
        # checks that the migrations and the models agree.
        db.create_all()
        stamp_newest_revision()
        db.engine.dispose()  # the last connection to close folds the WAL into the file
    return path


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
        database = tmp_path / "quizapp.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), database)
        app = create_app(app_config(f"sqlite:///{database}"))
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


@pytest.fixture(autouse=True)
def _push_request_context():
    """Switches off pytest-flask's autouse fixture of this name (see the module's docstring): the
    one place the suite says so. No test runs inside a request context it did not open."""


@pytest.fixture
def client(app):
    """A browser: its own cookies, and a fresh context for each request, as on a server. A test
    that reads or writes the database between requests does so in `with app.app_context():`."""
    return app.test_client()


@pytest.fixture(scope="session")
def instructor_password_hash() -> str:
    """The instructor's password hashed once per run: scrypt takes a fifth of a second."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(INSTRUCTOR_PASSWORD)


@pytest.fixture
def instructor(app, instructor_password_hash):
    """An instructor account (name "teacher", password INSTRUCTOR_PASSWORD); returns its id.
    Made as `create-instructor` makes it: the first account of the server, so its admin, and
    the owner of the seed when `first_run` loaded it before (tests/instructors/test_workspaces.py
    has plain instructors who see only their own work)."""
    from quizapp import accounts

    with app.app_context():
        row = accounts.add_account("teacher", instructor_password_hash)
        db.session.commit()
        return row.id


@pytest.fixture
def signed_in(client, instructor):
    """A test client whose session belongs to the instructor (as Flask-Login stores it: the
    account's id and session version)."""
    with client.session_transaction() as session:
        session["_user_id"] = f"{instructor}:1"
        session["_fresh"] = True
    return client


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def questions_by_story() -> dict[str, tuple]:
    """The generators' output per story, kept for the whole run (see `generated_once`)."""
    return {}


@pytest.fixture
def generated_once(monkeypatch, questions_by_story):
    """The generators write each story's questions once per test run (two seconds for the
    seed), not once per test that loads it: for tests of what the web and the commands do with
    questions. The generators' own tests (tests/generators) check what they write."""
    write = generators.generate_questions

    def written_once(story, *args, **kwargs):
        key = repr((story, args, kwargs))
        if key not in questions_by_story:
            questions_by_story[key] = tuple(write(story, *args, **kwargs))
        return list(questions_by_story[key])

    monkeypatch.setattr(generators, "generate_questions", written_once)


@pytest.fixture
def first_run(app, runner, generated_once):
    """The database as `flask setup` leaves it on a first run: the seed stories, their approved
    questions and a published quiz."""
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, (result.output, result.exception)
    return app
