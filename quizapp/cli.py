"""Command-line tasks, registered on the app by the factory: `flask --app quizapp <command>`."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from werkzeug.serving import run_simple

from quizapp import (
    accounts,
    bank,
    database,
    expiry,
    generators,
    question_import,
    quiz_builder,
    workspaces,
)
from quizapp.exports import question_bank
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.interchange.formats import FORMATS
from quizapp.lms import grades, launch_storage
from quizapp.models import GRADE_BEST, GRADES, QuestionStatus, Quiz, Story
from quizapp.results import tallies


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """"1 question", "3 questions": no "1 questions" in what the commands print."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create the tables that do not exist yet (existing data is kept)."""
    with database.setup_lock():
        database.create_tables()
    click.echo("Database ready.")


def _load(path: Path) -> Story:
    try:
        story = generators.load_story(path)
        # Loaded from the command line: the first admin's (or adopted by them once they exist).
        admin = workspaces.first_admin()
        row = bank.store_story(story, owner_id=admin.id if admin else None)
        db.session.commit()
    except (generators.StoryError, bank.StoryExists) as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    return row


def _generate(row: Story, approve: bool = False) -> dict:
    questions = generators.generate_questions(bank.story_for_generators(row))
    counts = bank.store_generated(
        row, questions, status=QuestionStatus.APPROVED if approve else QuestionStatus.DRAFT)
    db.session.commit()
    return counts


def _find_story(slug: str) -> Story:
    row = db.session.execute(db.select(Story).where(Story.slug == slug)).scalar_one_or_none()
    if row is None:
        raise click.ClickException(f"No story named {slug!r} is loaded. Load it with load-story.")
    return row


@click.command("load-story")
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
def load_story(path: Path) -> None:
    """Load a story folder (article files and an optional story.toml)."""
    row = _load(path)
    click.echo(f"Loaded story {row.slug!r}: {_count(len(row.articles), 'article')}.")


@click.command("generate")
@with_appcontext
@click.argument("slug")
@click.option("--approve", is_flag=True,
              help="Approve at once the new questions the generators are sure of; the others "
                   "stay drafts, marked for review.")
def generate(slug: str, approve: bool) -> None:
    """Write the questions of a loaded story (replaces generated questions no attempt used)."""
    counts = _generate(_find_story(slug), approve)
    click.echo("Questions: {added} added, {updated} updated, {kept} kept (already answered), "
               "{removed} removed.".format(**counts))
    if approve and counts["to_review"]:
        click.echo(f"{counts['to_review']} of the new questions were left as drafts to review: "
                   "the generators were not sure enough of them to approve them unread.")


@click.command("create-quiz")
@with_appcontext
@click.argument("slug")
@click.option("--title", default=None)
@click.option("--draft", is_flag=True, help="Leave the quiz unpublished.")
@click.option("--per-kind", type=click.IntRange(min=1), default=None,
              help="At most this many questions of each kind.")
@click.option("--attempts", type=click.IntRange(min=1), default=None,
              help="Attempts each student may make (default: unlimited).")
@click.option("--grade", type=click.Choice(GRADES), default=GRADE_BEST, show_default=True,
              help="Whose grade the gradebook keeps when a student makes several attempts.")
def create_quiz(slug: str, title: str | None, draft: bool, per_kind: int | None,
                attempts: int | None, grade: str) -> None:
    """Make a quiz of a story's approved questions."""
    longest = Quiz.__table__.c.title.type.length
    if title is not None and len(title) > longest:
        raise click.ClickException(f"The title has {len(title)} characters; a quiz title may "
                                   f"have at most {longest}.")
    try:
        quiz = quiz_builder.quiz_from_story(_find_story(slug), title, published=not draft,
                                            per_kind=per_kind, attempts_allowed=attempts,
                                            grade_kept=grade)
    except quiz_builder.BuildError as refused:
        db.session.rollback()
        raise click.ClickException(str(refused)) from None
    db.session.commit()
    allowed = ("" if quiz.attempts_allowed is None else
               f" ({_count(quiz.attempts_allowed, 'attempt')} each, the {quiz.grade_kept} kept)")
    click.echo(f"Quiz {quiz.title!r}: {_count(len(quiz.items), 'question')}{allowed}, "
               f"join code {quiz.join_code}.")


def _typed_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@click.command("create-instructor")
@with_appcontext
@click.argument("name")
@click.option("--admin", is_flag=True,
              help="An admin: sees every instructor's work and manages the accounts. The first "
                   "account is always one.")
def create_instructor(name: str, admin: bool) -> None:
    """Add an instructor; the password is typed (or read from standard input), stored hashed."""
    try:
        made = accounts.create_instructor(name, _typed_password(), admin=admin)
    except accounts.AccountRefused as refused:
        raise click.ClickException(str(refused)) from None
    db.session.commit()
    click.echo(f"Instructor {name!r} created" + (", an admin." if made.is_admin else "."))


@click.command("set-password")
@with_appcontext
@click.argument("name")
def set_password(name: str) -> None:
    """Give an instructor a new password (typed, or read from standard input); every session
    signed in before ends."""
    instructor = accounts.find(name)
    if instructor is None:
        raise click.ClickException(f"No instructor is named {name!r}.")
    try:
        accounts.set_password(instructor, _typed_password())
    except accounts.AccountRefused as refused:
        raise click.ClickException(str(refused)) from None
    db.session.commit()
    click.echo(f"New password set for {name!r}; every session signed in before has ended.")


# Two of each kind: a first quiz that touches every skill and fits a class period.
SEED_QUIZ_PER_KIND = 2


def prepare_first_run() -> Quiz | None:
    """On an empty database: tables, the seed stories, their questions and a published quiz.
    Two runs at once (two servers started together) take turns: the second finds the work
    done."""
    database.refuse_if_corrupt()
    with database.setup_lock():
        return _first_run()


def _first_run() -> Quiz | None:
    database.create_tables()
    if db.session.execute(db.select(Story.id)).first():
        db.session.rollback()
        return None
    quiz = None
    seeds = Path(current_app.config["SEEDS_FOLDER"])
    for folder in sorted(p for p in seeds.iterdir() if p.is_dir()):
        row = _load(folder)
        _generate(row, approve=True)
        quiz = quiz_builder.quiz_from_story(row, per_kind=SEED_QUIZ_PER_KIND)
        quiz.listed = True  # the demo quiz: on the home page, ready to take
        db.session.commit()
    return quiz


@click.command("setup")
@with_appcontext
def setup() -> None:
    """Tables, and on an empty database the seed stories with a published quiz each."""
    quiz = prepare_first_run()
    if quiz is None:
        click.echo("Database ready; stories were loaded before, nothing seeded.")
    else:
        click.echo(f"Seeded: quiz {quiz.title!r} with {_count(len(quiz.items), 'question')} "
                   f"(join code {quiz.join_code}).")


@click.command("start")
@with_appcontext
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=5000, type=int)
def start(host: str, port: int) -> None:
    """Get the database ready on first run, then serve the site (development server)."""
    quiz = prepare_first_run()
    if quiz is not None:
        click.echo(f"Seeded: quiz {quiz.title!r} with {_count(len(quiz.items), 'question')} "
                   f"(join code {quiz.join_code}).")
    published = db.session.execute(
        db.select(db.func.count(Quiz.id)).where(Quiz.published)).scalar_one()
    click.echo(f"{_count(published, 'published quiz', 'published quizzes')}. "
               f"Open http://{host}:{port}/ in your browser.")
    # Flask refuses app.run() inside a `flask` command; werkzeug's server is what it would use.
    run_simple(host, port, current_app._get_current_object(), threaded=True)


@click.command("restore")
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
def restore(path: Path) -> None:
    """Put a backup made by `backup` back in place of the live SQLite database (stop the site
    first); the database it replaces is kept beside it."""
    try:
        kept = database.restore_sqlite(path)
    except database.RestoreError as error:
        raise click.ClickException(str(error)) from None
    if kept is not None:
        click.echo(f"The database it replaced is kept in {kept}.")
    click.echo(f"Restored {path} into {database.sqlite_path()}; integrity_check: ok.")


@click.command("grade-expired")
@with_appcontext
def grade_expired() -> None:
    """Grade every attempt whose time ran out, or whose quiz was closed, with what the student
    saved (for a timer: the results pages do it too)."""
    graded = expiry.grade_expired()
    db.session.commit()
    click.echo(f"Graded {graded} attempt{'s' if graded != 1 else ''} whose time had run out "
               "or whose quiz was closed.")


@click.command("rebuild-statistics")
@with_appcontext
@click.option("--quiz", "quiz_id", type=click.IntRange(1, 2**63 - 1), default=None,
              help="Only this quiz (its id, as in its results page's address).")
def rebuild_statistics(quiz_id: int | None) -> None:
    """Count the first attempts behind the item analysis, results and skills pages again from
    the responses (after rows were copied into the database by hand, or to check the pages)."""
    if quiz_id is not None and db.session.get(Quiz, quiz_id) is None:
        raise click.ClickException(f"No quiz has the id {quiz_id}; nothing was changed.")
    counted = tallies.rebuild(quiz_id)
    db.session.commit()
    click.echo(f"Counted the first attempts of {_count(counted, 'quiz', 'quizzes')} again.")


@click.command("lti-send-grades")
@with_appcontext
def lti_send_grades() -> None:
    """Send the LMSs every grade that could not be sent yet (for a timer: the results pages
    try again too), and forget old LTI launches."""
    sent, failing = grades.send_due()
    launch_storage.forget_expired()
    db.session.commit()
    click.echo(f"Sent {_count(sent, 'grade')} to the LMSs; {_count(failing, 'grade')} could "
               "not be sent and will be tried again.")


@click.command("backup")
@with_appcontext
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def backup(path: Path, force: bool) -> None:
    """Copy the live SQLite database to PATH, safely while the site runs."""
    try:
        database.backup_sqlite(path, overwrite=force)
    except database.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up the database to {path}.")


def _bank_to_export(quiz_code: str | None, story_slug: str | None):
    if (quiz_code is None) == (story_slug is None):
        raise click.UsageError("Name a quiz by its join code, or a story with --story SLUG.")
    if story_slug is not None:
        return question_bank.story_bank(_find_story(story_slug))
    quiz = db.session.execute(
        db.select(Quiz).where(Quiz.join_code == quiz_code.upper())).scalar_one_or_none()
    if quiz is None:
        raise click.ClickException(f"No quiz has the join code {quiz_code!r}.")
    return question_bank.quiz_bank(quiz)


@click.command("export")
@with_appcontext
@click.argument("quiz_code", required=False)
@click.option("--story", "story_slug", default=None,
              help="Export this story's bank of approved questions instead of a quiz.")
@click.option("--format", "format_code", type=click.Choice(list(FORMATS)), required=True)
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
def export(quiz_code: str | None, story_slug: str | None, format_code: str, output: Path) -> None:
    """Write a quiz (by join code) or a story's bank as QTI 3.0, QTI 2.1, Moodle XML or GIFT."""
    bank_data = _bank_to_export(quiz_code, story_slug)
    written = FORMATS[format_code].write(bank_data)
    output.write_bytes(written.data)
    for skipped in written.skipped:
        click.echo(f"Left out: {skipped.item.prompt[:70]!r}: {skipped.reason}.")
    count = len(bank_data.items) - len(written.skipped)
    click.echo(f"Wrote {count} question{'s' if count != 1 else ''} and "
               f"{len(bank_data.articles)} article{'s' if len(bank_data.articles) != 1 else ''} "
               f"as {FORMATS[format_code].name} to {output}.")


@click.command("import-questions")
@with_appcontext
@click.argument("slug")
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--skill", type=click.Choice(sorted(registry.SKILL_NAMES)),
              default="cross-checking", show_default=True,
              help="The skill of questions whose file does not name one.")
def import_questions(slug: str, path: Path, skill: str) -> None:
    """Add the questions of a GIFT or Moodle XML file to a story's bank as drafts (all or
    none); they need evidence before they can be approved."""
    story = _find_story(slug)
    try:
        items = question_import.read_file(path.name, path.read_bytes())
        stored = question_import.store_drafts(story, items, skill)
    except question_import.ImportRefused as refused:
        db.session.rollback()
        raise click.ClickException(f"Nothing imported. {refused}") from None
    db.session.commit()
    click.echo(f"Imported {len(stored)} question{'s' if len(stored) != 1 else ''} into "
               f"{story.slug!r} as drafts; each needs evidence before it can be approved.")


def init_app(app: Flask) -> None:
    for command in (init_db, load_story, generate, create_quiz, create_instructor, set_password,
                    setup, start, backup, restore, grade_expired, export, import_questions,
                    lti_send_grades, rebuild_statistics):
        app.cli.add_command(command)
