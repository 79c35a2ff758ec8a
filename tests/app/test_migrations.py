"""Schema changes go through migrations: they build exactly the models' tables, an upgrade keeps
the attempts a school already has, and nothing makes tables behind the operator's back."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from quizapp import create_app
from quizapp.extensions import db, migrate
from quizapp.models import Attempt, Quiz
from tests.databases import TEST_SECRET_KEY

HEAD = ScriptDirectory(migrate.directory).get_current_head()


def app_on(url: str):
    return create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET_KEY,
                       "SQLALCHEMY_DATABASE_URI": url})


def revision(app) -> str | None:
    with app.app_context(), db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def table_names(app) -> set[str]:
    with app.app_context():
        return set(inspect(db.engine).get_table_names())


def dispose(app) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# The first schema's tables, as migration 0001 made them, holding a school's work:
# one story with two articles, a two-question quiz and two graded attempts.
FIRST_SCHEMA_ROWS = """
INSERT INTO story (id, slug, title, created_at) VALUES (1, 'bridge', 'Bridge closes', '2026-01-05 09:00:00');
INSERT INTO article (id, story_id, key, position, outlet, title, url, date, author, text) VALUES
 (1, 1, 'a', 0, 'Daily Post', 'Bridge shut', '', '2026-01-05', '', 'The bridge closed on Monday, the mayor said.'),
 (2, 1, 'b', 1, 'Evening Star', 'Bridge closure', '', '2026-01-05', '', 'Officials closed the bridge.');
INSERT INTO question (id, story_id, kind, skill, prompt, explanation, origin, generator_id, status, created_at) VALUES
 (1, 1, 'outlet_detail', 'outlet_detail', 'Which outlet names the mayor?', 'Only one does.', 'generated', 'g1', 'approved', '2026-01-05 09:00:00'),
 (2, 1, 'sourcing', 'sourcing', 'Whom does the Evening Star cite?', 'Officials.', 'generated', 'g2', 'approved', '2026-01-05 09:00:00');
INSERT INTO choice (id, question_id, position, text, correct) VALUES
 (1, 1, 0, 'Daily Post', TRUE), (2, 1, 1, 'Evening Star', FALSE),
 (3, 2, 0, 'Officials', TRUE), (4, 2, 1, 'The mayor', FALSE);
INSERT INTO evidence (id, question_id, article_id, position, passage) VALUES
 (1, 1, 1, 0, 'the mayor said'), (2, 2, 2, 0, 'Officials closed the bridge');
INSERT INTO quiz (id, title, join_code, published, story_id, created_at) VALUES
 (1, 'Bridge quiz', 'BRIDGE1', TRUE, 1, '2026-01-05 09:00:00');
INSERT INTO quiz_question (id, quiz_id, question_id, position) VALUES (1, 1, 1, 0), (2, 1, 2, 1);
INSERT INTO attempt (id, token, submission_key, quiz_id, student_name, started_at, submitted_at, score, max_score) VALUES
 (1, 'token-ada', 'key-ada', 1, 'Ada', '2026-01-06 10:00:00', '2026-01-06 10:05:00', 2, 2),
 (2, 'token-bo', 'key-bo', 1, 'Bo', '2026-01-06 10:01:00', '2026-01-06 10:07:00', 1, 2);
INSERT INTO response (id, attempt_id, question_id, correct) VALUES
 (1, 1, 1, TRUE), (2, 1, 2, TRUE), (3, 2, 1, FALSE), (4, 2, 2, TRUE);
INSERT INTO response_choice (response_id, choice_id) VALUES (1, 1), (2, 3), (3, 2), (4, 3);
"""  # noqa: E501 - one row a line


def fill_first_schema(app) -> None:
    with app.app_context(), db.engine.begin() as connection:
        for statement in FIRST_SCHEMA_ROWS.split(";\n"):
            if statement.strip():
                connection.execute(text(statement))
        if connection.dialect.name == "postgresql":
            # Rows inserted with explicit ids leave the sequences behind; a real database
            # made them through the app, so its sequences are ahead of its ids.
            for table in ("story", "article", "question", "choice", "evidence", "quiz",
                          "quiz_question", "attempt", "response"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"))


def assert_school_work_kept(app) -> None:
    with app.app_context():
        attempts = db.session.execute(db.select(Attempt).order_by(Attempt.id)).scalars().all()
        assert [(a.student_name, a.score, a.max_score) for a in attempts] == [
            ("Ada", 2, 2), ("Bo", 1, 2)]
        bo = attempts[1]
        assert {(r.question.prompt, r.correct, tuple(c.text for c in r.chosen))
                for r in bo.responses} == {
            ("Which outlet names the mayor?", False, ("Evening Star",)),
            ("Whom does the Evening Star cite?", True, ("Officials",)),
        }
        assert bo.last_position == 0 and bo.resume_code is None  # columns 0002 added
        quiz = db.session.get(Quiz, 1)
        # 0002's settings arrive with the defaults a quiz had before they existed.
        assert (quiz.layout, quiz.open_book, quiz.closed, quiz.feedback) == (
            "one_per_page", True, False, "at_end")
        assert [item.question.prompt for item in quiz.items] == [
            "Which outlet names the mayor?", "Whom does the Evening Star cite?"]
        # The upgraded database takes new work: ids continue after the old ones.
        attempt = Attempt(quiz=quiz, student_name="Cy", token="token-cy", submission_key="key-cy")
        db.session.add(attempt)
        db.session.commit()
        assert attempt.id == 3


def test_the_migrations_build_exactly_the_models_tables(empty_database_url):
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert revision(app) == HEAD
    dispose(app)
    assert differences == []


def test_an_upgrade_from_the_first_schema_keeps_attempts_and_their_scores(empty_database_url):
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    with app.app_context():
        upgrade()
    assert revision(app) == HEAD
    assert_school_work_kept(app)
    dispose(app)


def test_init_db_upgrades_a_database_made_before_migrations(empty_database_url):
    # Before migrations, `init-db` ran create_all: the first schema without alembic_version.
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE alembic_version"))
    fill_first_schema(app)
    assert "alembic_version" not in table_names(app)
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert "Database ready" in result.output
    assert revision(app) == HEAD
    assert_school_work_kept(app)
    again = app.test_cli_runner().invoke(args=["init-db"])  # running it twice changes nothing
    assert again.exit_code == 0, again.output
    assert revision(app) == HEAD
    dispose(app)


def test_init_db_on_an_empty_database_makes_the_newest_schema(empty_database_url):
    app = app_on(empty_database_url)
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert revision(app) == HEAD
    assert {"story", "quiz", "attempt", "response", "generation_run"} <= table_names(app)
    dispose(app)


def test_starting_the_app_makes_no_tables(empty_database_url):
    # Several gunicorn workers start at once; none of them may race to create tables.
    app = app_on(empty_database_url)
    assert app.test_client().get("/healthz").status_code == 200
    assert table_names(app) == set()
    dispose(app)


@pytest.mark.parametrize("down_to", ["0001", "base"])
def test_downgrades_run_back(empty_database_url, down_to):
    from flask_migrate import downgrade

    app = app_on(empty_database_url)
    with app.app_context():
        upgrade()
        downgrade(revision=down_to)
    expected = None if down_to == "base" else down_to
    assert revision(app) == expected
    if down_to == "base":
        assert table_names(app) <= {"alembic_version"}
    dispose(app)


# A question with two right choices, and Bo's half-right answer to it, in the first schema.
MULTIPLE_ANSWER_ROWS = """
INSERT INTO question (id, story_id, kind, skill, prompt, explanation, origin, generator_id, status, created_at) VALUES
 (3, 1, 'outlet_detail', 'outlet_detail', 'Which outlets report the closure?', 'Both do.', 'generated', 'g3', 'approved', '2026-01-05 09:00:00');
INSERT INTO choice (id, question_id, position, text, correct) VALUES
 (5, 3, 0, 'Daily Post', TRUE), (6, 3, 1, 'Evening Star', TRUE), (7, 3, 2, 'Morning Call', FALSE);
INSERT INTO response (id, attempt_id, question_id, correct) VALUES (5, 2, 3, FALSE), (6, 1, 3, TRUE);
INSERT INTO response_choice (response_id, choice_id) VALUES (5, 5), (6, 5), (6, 6)
"""  # noqa: E501 - one row a line


def test_the_item_types_upgrade_keeps_questions_answers_and_scores(empty_database_url):
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    with app.app_context(), db.engine.begin() as connection:
        for statement in MULTIPLE_ANSWER_ROWS.split(";\n"):
            connection.execute(text(statement))
    with app.app_context():
        upgrade(revision="0004")
        upgrade()
    assert revision(app) == HEAD
    with app.app_context():
        from quizapp.models import Question, Response
        assert [(a.student_name, a.score, a.max_score) for a in db.session.execute(
            db.select(Attempt).order_by(Attempt.id)).scalars()] == [("Ada", 2, 2), ("Bo", 1, 2)]
        questions = db.session.execute(db.select(Question).order_by(Question.id)).scalars()
        # One right choice: single; two: multiple, as the pages always asked them.
        assert [(q.prompt, q.type, [c.text for c in q.key]) for q in questions] == [
            ("Which outlet names the mayor?", "single", ["Daily Post"]),
            ("Whom does the Evening Star cite?", "single", ["Officials"]),
            ("Which outlets report the closure?", "multiple", ["Daily Post", "Evening Star"]),
        ]
        responses = db.session.execute(db.select(Response).order_by(Response.id)).scalars()
        # A right answer keeps its full mark, a wrong one none.
        assert [(r.id, r.correct, r.score, [c.text for c in r.chosen]) for r in responses] == [
            (1, True, 1.0, ["Daily Post"]), (2, True, 1.0, ["Officials"]),
            (3, False, 0.0, ["Evening Star"]), (4, True, 1.0, ["Officials"]),
            (5, False, 0.0, ["Daily Post"]), (6, True, 1.0, ["Daily Post", "Evening Star"]),
        ]
        attempt = db.session.get(Attempt, 2)
        attempt.score = 1.5  # a partial mark fits the score now
        db.session.commit()
        db.session.expire_all()
        assert db.session.get(Attempt, 2).score == 1.5
    dispose(app)


def test_the_choice_counts_upgrade_gives_every_pick_its_attempt(empty_database_url):
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    with app.app_context():
        upgrade(revision="0009")
        upgrade()
    assert revision(app) == HEAD
    with app.app_context():
        picks = db.session.execute(text(
            "SELECT response_id, choice_id, attempt_id FROM response_choice "
            "ORDER BY response_id")).all()
        # Ada's picks (attempt 1) and Bo's (attempt 2), each with its response's attempt.
        assert [tuple(row) for row in picks] == [(1, 1, 1), (2, 3, 1), (3, 2, 2), (4, 3, 2)]
    assert_school_work_kept(app)
    dispose(app)


def add_adas_second_attempt(app, score: int) -> None:
    """Ada's second try at the quiz of the first schema, an hour after her first."""
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO attempt (id, token, submission_key, quiz_id, student_name, started_at, "
            "submitted_at, score, max_score) VALUES (3, 'token-ada-2', 'key-ada-2', 1, 'Ada', "
            "'2026-01-06 11:00:00', '2026-01-06 11:05:00', :score, 2)"), {"score": score})
        if connection.dialect.name == "postgresql":
            connection.execute(text(
                "SELECT setval(pg_get_serial_sequence('attempt', 'id'), 3)"))


def test_the_student_keys_upgrade_keeps_grouping_by_name(empty_database_url):
    """Migrations 0011 to 0013: old attempts get one student key per name within their quiz, so
    "first attempt" (and every statistic on it) is what it was before the upgrade."""
    from quizapp.results.queries import first_attempts

    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    add_adas_second_attempt(app, score=2)  # later and as good: not her first, before or after
    with app.app_context():
        upgrade(revision="0010")
        first_before = set(db.session.execute(text(
            "SELECT id FROM attempt a WHERE NOT EXISTS (SELECT 1 FROM attempt b WHERE "
            "b.quiz_id = a.quiz_id AND b.student_name = a.student_name AND "
            "b.submitted_at < a.submitted_at)")).scalars())
        db.session.remove()
        upgrade()
    assert revision(app) == HEAD
    with app.app_context():
        keys = dict(db.session.execute(text("SELECT id, student_key FROM attempt")).all())
        assert keys[1] == keys[3] != keys[2]
        assert all(key.startswith("name:") and "Ada" not in key for key in keys.values())
        first = first_attempts(1)
        assert set(db.session.execute(db.select(first.c.id)).scalars()) == first_before == {1, 2}
        # 0012: a quiz made before the attempts setting allows unlimited attempts, as it did,
        # and keeps each student's first grade, as its gradebook showed.
        quiz = db.session.get(Quiz, 1)
        assert (quiz.attempts_allowed, quiz.grade_kept) == (None, "first")
        assert quiz.roster == "" and quiz.roster_names == []  # 0013: names typed, as before
        db.session.remove()
    dispose(app)


def test_the_tallies_upgrade_counts_the_first_attempts_already_there(empty_database_url):
    """Migration 0015 fills the item analysis's tallies from the attempts a school has, as
    `rebuild-statistics` would count them: first attempts only, at their scores."""
    from quizapp.results import tallies

    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    add_adas_second_attempt(app, score=0)  # later: never counted
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text("INSERT INTO response (id, attempt_id, question_id, correct) "
                                "VALUES (5, 3, 1, FALSE)"))
        connection.execute(text("INSERT INTO response_choice (response_id, choice_id) "
                                "VALUES (5, 2)"))
    with app.app_context():
        upgrade()
    assert revision(app) == HEAD

    def counted():
        with app.app_context():
            questions = db.session.execute(text(
                "SELECT quiz_id, question_id, attempt_score, responses, marks FROM question_tally"
                " ORDER BY question_id, attempt_score")).all()
            answers = db.session.execute(text(
                "SELECT quiz_id, kind, part_id, option_id, attempt_score, given FROM answer_tally"
                " ORDER BY option_id, attempt_score")).all()
            db.session.remove()
            return [tuple(row) for row in questions], [tuple(row) for row in answers]

    upgraded = counted()
    # Ada (2 of 2) and Bo (1 of 2): each question's responses and marks at their totals, and
    # their picks; Ada's second attempt (a wrong pick of choice 2) nowhere.
    assert upgraded == (
        [(1, 1, 1.0, 1, 0.0), (1, 1, 2.0, 1, 1.0), (1, 2, 1.0, 1, 1.0), (1, 2, 2.0, 1, 1.0)],
        [(1, "choice", 1, 1, 2.0, 1), (1, "choice", 1, 2, 1.0, 1),
         (1, "choice", 2, 3, 1.0, 1), (1, "choice", 2, 3, 2.0, 1)])
    with app.app_context():
        tallies.rebuild()
        db.session.commit()
        db.session.remove()
    assert counted() == upgraded
    dispose(app)
