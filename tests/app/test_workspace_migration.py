"""Migration 0008 (workspaces) on a school's existing database: the work already there goes to
the first instructor, who becomes the admin; quizzes turn unlisted; nothing is lost, what 0005
(item types, partial scores) and 0007 (quiz dates) stored included, up and back down."""
from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from quizapp.extensions import db
from quizapp.models import Instructor, Quiz, Story
from tests.app.test_migrations import (
    HEAD,
    app_on,
    assert_school_work_kept,
    dispose,
    fill_first_schema,
    revision,
    table_names,
)

INSTRUCTORS = """
INSERT INTO instructor (id, name, password_hash, created_at, session_version) VALUES
 (1, 'head', 'x', '2026-01-01 08:00:00', 1), (2, 'colleague', 'y', '2026-01-02 08:00:00', 1)
"""

# What the two migrations before this one let a school store: a quiz's dates (0007), an
# ordering question and a half mark (0005).
DATES_AND_ITEM_TYPES = """
UPDATE quiz SET opens_at = '2026-03-02 08:00:00', closes_at = '2026-03-09 16:00:00' WHERE id = 1;
UPDATE question SET type = 'ordering' WHERE id = 2;
UPDATE response SET score = 0.5 WHERE id = 3
"""


def _dates_and_item_types(app) -> tuple:
    with app.app_context(), db.engine.connect() as connection:
        return (
            connection.execute(text("SELECT opens_at, closes_at FROM quiz WHERE id = 1")).one(),
            connection.execute(text("SELECT type FROM question WHERE id = 2")).scalar_one(),
            connection.execute(text("SELECT score FROM response WHERE id = 3")).scalar_one())


def test_existing_work_goes_to_the_first_instructor_who_becomes_admin(empty_database_url):
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    with app.app_context():
        upgrade(revision="0007")
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(INSTRUCTORS))
        for statement in DATES_AND_ITEM_TYPES.split(";\n"):
            connection.execute(text(statement))
    before = _dates_and_item_types(app)
    assert before[1:] == ("ordering", 0.5)
    with app.app_context():
        upgrade()
    assert revision(app) == HEAD
    assert _dates_and_item_types(app) == before
    with app.app_context():
        head, colleague = db.session.execute(
            db.select(Instructor).order_by(Instructor.id)).scalars().all()
        assert head.is_admin and not colleague.is_admin
        assert db.session.get(Story, 1).owner_id == head.id
        quiz = db.session.get(Quiz, 1)
        assert quiz.owner_id == head.id
        assert quiz.published and not quiz.listed  # reached by its code, no longer listed
    assert_school_work_kept(app)
    with app.app_context():
        downgrade(revision="0007")
    assert revision(app) == "0007"
    assert _dates_and_item_types(app) == before
    assert "share" not in table_names(app)
    dispose(app)


def test_without_any_account_the_work_waits_for_the_first_admin(empty_database_url):
    app = app_on(empty_database_url)
    with app.app_context():
        upgrade(revision="0001")
    fill_first_schema(app)
    with app.app_context():
        upgrade()
        assert db.session.get(Story, 1).owner_id is None
    # The first account made adopts it (what `create-instructor` does).
    result = app.test_cli_runner().invoke(args=["create-instructor", "head"],
                                          input="long enough password\n")
    assert result.exit_code == 0, result.output
    assert "an admin" in result.output
    with app.app_context():
        head = db.session.execute(db.select(Instructor)).scalar_one()
        assert db.session.get(Story, 1).owner_id == head.id
        assert db.session.get(Quiz, 1).owner_id == head.id
    dispose(app)
