"""Real-browser tests: the real app, seeded like a first run, served on 127.0.0.1 by werkzeug in a
background thread and driven by Debian's Chromium through Playwright's sync API.

One server (and one database) serves every browser test of the session; each test gets fresh
browser contexts, so cookies and storage never leak between tests. A test that needs other quiz
settings makes its own quiz (`make_quiz`) instead of changing the seed quiz other tests take.
"""
from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask, got_request_exception
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from sqlalchemy import create_engine, make_url
from werkzeug.serving import make_server

from quizapp import attempts, create_app, quiz_builder
from quizapp.extensions import db
from quizapp.models import Article, Attempt, Quiz, Story
from tests.databases import stamp_newest_revision

CHROMIUM = "/usr/bin/chromium"
# Headless in a container: no sandbox (no user namespaces), no GPU, and no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# Long enough for a loaded 2-core machine, short enough that a missing element fails fast.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)


@dataclass
class LiveSite:
    app: Flask
    url: str
    join_code: str  # the seed's published quiz
    errors: list[BaseException] = field(default_factory=list)


# ---------------------------------------------------------------- the database and the server

def _fresh_postgres_database(server_url: str):
    """A throwaway database on the PostgreSQL server the suite's PostgreSQL run points at.
    Its own database, so it never meets the tables the other tests create and drop."""
    url = make_url(server_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    name = f"quizapp_browser_{secrets.token_hex(4)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The app with the seed story and its published quiz (`setup`), served on a free port."""
    drop_database = None
    if os.environ.get("TEST_DATABASE_URL"):
        database_url, drop_database = _fresh_postgres_database(os.environ["TEST_DATABASE_URL"])
    else:
        database_url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'quizapp.sqlite'}"
    app = create_app({
        "SECRET_KEY": "browser-test-only-secret-0123456789abcdef",
        "SQLALCHEMY_DATABASE_URI": database_url,
    })
    with app.app_context():
        db.create_all()
        stamp_newest_revision()
    result = app.test_cli_runner().invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        quiz = db.session.execute(
            db.select(Quiz).where(Quiz.published).order_by(Quiz.id)).scalars().first()
        # The journeys read the review that follows a submission: the seed quiz shows the answers
        # right after each attempt, as a teacher may choose (a new quiz waits for its closing).
        quiz.review_answers = "after_attempt"
        join_code = quiz.join_code
        db.session.commit()
    assert join_code, f"`setup` published no quiz:\n{result.output}"

    server = make_server("127.0.0.1", 0, app, threaded=True)
    site = LiveSite(app=app, url=f"http://127.0.0.1:{server.server_port}", join_code=join_code)

    # Not TESTING, so errors reach the app's own error pages as in production; the trace is
    # kept here so the test that caused it fails instead of only seeing a polite 500 page.
    def record(_sender, exception, **_extra):
        site.errors.append(exception)

    got_request_exception.connect(record, app)
    thread = threading.Thread(target=server.serve_forever, name="live-site", daemon=True)
    thread.start()
    yield site
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()
    got_request_exception.disconnect(record, app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if drop_database is not None:
        drop_database()


@pytest.fixture
def make_quiz(live_site):
    """A new published quiz of the seed story's questions with the given settings, e.g.
    make_quiz(feedback="immediate", per_kind=1); returns its join code."""

    def make(per_kind: int | None = 1, title: str | None = None, **settings) -> str:
        with live_site.app.app_context():
            story = db.session.execute(db.select(Story).order_by(Story.id)).scalars().first()
            quiz = quiz_builder.quiz_from_story(story, title, per_kind=per_kind)
            settings.setdefault("review_answers", "after_attempt")  # as the seed quiz above
            for name, value in settings.items():
                if not hasattr(Quiz, name):
                    raise AttributeError(f"Quiz has no setting {name!r}")
                setattr(quiz, name, value)
            db.session.commit()
            return quiz.join_code

    return make


@dataclass(frozen=True)
class ChoiceFact:
    id: int
    text: str
    correct: bool
    value: str  # what its input carries in this attempt's pages (never its id)


@dataclass(frozen=True)
class QuestionFact:
    """A question at its place in one attempt, as the database knows it (key included)."""

    number: int
    id: int
    prompt: str
    skill: str
    multiple: bool
    choices: list[ChoiceFact]
    evidence: list[tuple[int, int, str]]  # (evidence id, article id, passage)

    @property
    def right(self) -> list[ChoiceFact]:
        return [choice for choice in self.choices if choice.correct]

    @property
    def wrong(self) -> list[ChoiceFact]:
        return [choice for choice in self.choices if not choice.correct]


class Facts:
    """What the database holds, read through the app, so a test can compare the pages with it."""

    def __init__(self, app: Flask):
        self.app = app

    def _attempt(self, token: str) -> Attempt:
        return db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()

    def questions(self, token: str) -> list[QuestionFact]:
        with self.app.app_context():
            return [
                QuestionFact(
                    number=slot.number, id=slot.question.id, prompt=slot.question.prompt,
                    skill=slot.question.skill, multiple=slot.question.multiple,
                    choices=[ChoiceFact(c.id, c.text, c.correct, slot.value_of(c))
                             for c in slot.choices],
                    evidence=[(e.id, e.article_id, e.passage) for e in slot.question.evidence],
                )
                for slot in attempts.slots(self._attempt(token))
            ]

    def choice_id(self, token: str, value: str) -> int:
        """The choice a page value of this attempt names."""
        with self.app.app_context():
            for slot in attempts.slots(self._attempt(token)):
                found = slot.choice_ids([value])
                if found:
                    return found.pop()
        raise KeyError(value)

    def saved(self, token: str) -> dict[int, set[int]]:
        """Question id -> the choice ids saved for it."""
        with self.app.app_context():
            return {r.question_id: {c.id for c in r.chosen} for r in self._attempt(token).responses}

    def attempt(self, token: str) -> dict:
        with self.app.app_context():
            row = self._attempt(token)
            return {"student_name": row.student_name, "resume_code": row.resume_code,
                    "submitted": row.submitted_at is not None, "score": row.score,
                    "max_score": row.max_score, "join_code": row.quiz.join_code}

    def tokens_of(self, join_code: str, student_name: str) -> list[str]:
        with self.app.app_context():
            return list(db.session.execute(
                db.select(Attempt.token).join(Quiz)
                .where(Quiz.join_code == join_code, Attempt.student_name == student_name)
            ).scalars())

    def article_text(self, article_id: int) -> str:
        with self.app.app_context():
            return db.session.get(Article, article_id).text

    def move_deadline(self, token: str, deadline) -> None:
        with self.app.app_context():
            self._attempt(token).deadline_at = deadline
            db.session.commit()


@pytest.fixture
def facts(live_site) -> Facts:
    return Facts(live_site.app)


# ---------------------------------------------------------------- the browser

@pytest.fixture(scope="session")
def browser() -> Browser:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, which is missing. "
            "Install it with `bash tests/ensure-chromium.sh` (the README's test command does).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What went wrong in the pages of one test: script errors, CSP refusals, server errors."""

    problems: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))
        context.on("console", self._console)

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"CSP refusal: {message.text}")


@pytest.fixture
def new_context(browser, live_site):
    """Makes browser contexts (a fresh profile each: cookies, storage) aimed at the site.
    At the end, fails the test when a page had a script error or a CSP refusal, or when the
    server raised."""
    contexts: list[BrowserContext] = []
    watch = Watch()
    live_site.errors.clear()

    def make(**options) -> BrowserContext:
        options.setdefault("base_url", live_site.url)
        options.setdefault("viewport", {"width": 1280, "height": 800})
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        watch.attach(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    problems = watch.problems + [f"server error: {error!r}" for error in live_site.errors]
    live_site.errors.clear()
    if problems:
        pytest.fail("While the pages were used:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


@pytest.fixture
def screenshot():
    """screenshot(page, "question") saves full-page PNGs at 360 and 1280 px wide as
    tests/artifacts/question-360.png and question-1280.png, for people to look at. Returns the
    page's full width at each window width: wider than the window means sideways scrolling."""

    def save(page: Page, name: str, widths=(360, 1280)) -> dict[int, int]:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        before = page.viewport_size
        page_widths = {}
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
            page_widths[width] = page.evaluate("() => document.documentElement.scrollWidth")
        if before:
            page.set_viewport_size(before)
        return page_widths

    return save
