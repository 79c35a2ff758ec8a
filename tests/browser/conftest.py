"""Real-browser tests: the real app, seeded like a first run, served on 127.0.0.1 by pytest-flask's
`live_server` (in a process of its own) and driven by Debian's Chromium through Playwright's sync
API.

pytest-flask serves the fixture named `app`: here it is the session's seeded app, which overrides
the per-test `app` of tests/conftest.py for the tests of this folder. One server (and one database)
serves every browser test of the session; each test gets fresh browser contexts, so cookies and
storage never leak between tests. A test that needs other quiz settings makes its own quiz
(`make_quiz`) instead of changing the seed quiz other tests take.

The server runs in another process, so a server error cannot reach the test through Flask's
signals. Two things catch it instead (see `new_context`): every 5xx response the browser gets,
and the app's log of exceptions, which the server writes to a file the test reads.
"""
from __future__ import annotations

import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from sqlalchemy import create_engine, make_url

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
# The `teacher` fixture's account.
TEACHER_NAME, TEACHER_PASSWORD = "mr-analysis", "item statistics 2026"
expect.set_options(timeout=TIMEOUT_MS)


@dataclass
class LiveSite:
    app: Flask  # the app as this process has it: for commands and the database, not requests
    url: str
    join_code: str  # the seed's published quiz
    error_log: Path  # the server's log of exceptions (the app's logger, ERROR and above)

    def log_size(self) -> int:
        return self.error_log.stat().st_size if self.error_log.exists() else 0

    def logged_since(self, offset: int) -> str:
        if not self.error_log.exists():
            return ""
        with self.error_log.open(encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            return log.read()


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
def server_error_log(tmp_path_factory) -> Path:
    """The file the server process logs its exceptions to."""
    return tmp_path_factory.mktemp("server") / "errors.log"


@pytest.fixture(scope="session")
def app(tmp_path_factory, server_error_log):
    """The app with the seed story and its published quiz (`setup`), for `live_server` to serve.
    Not TESTING, so errors reach the app's own error pages as in production; each exception is
    also logged to `server_error_log`, for the test that caused it to fail on."""
    drop_database = None
    if os.environ.get("TEST_DATABASE_URL"):
        database_url, drop_database = _fresh_postgres_database(os.environ["TEST_DATABASE_URL"])
    else:
        database_url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'quizapp.sqlite'}"
    app = create_app({
        "SECRET_KEY": "browser-test-only-secret-0123456789abcdef",
        "SQLALCHEMY_DATABASE_URI": database_url,
        # live_server puts its port after this name; the browser goes to the same address.
        "SERVER_NAME": "127.0.0.1",
    })
    with app.app_context():
        db.create_all()
        stamp_newest_revision()
    result = app.test_cli_runner().invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    # delay: the server process opens the file itself, on its first error.
    handler = logging.FileHandler(server_error_log, encoding="utf-8", delay=True)
    handler.setLevel(logging.ERROR)
    app.logger.addHandler(handler)
    # The development server's line per request would land in whichever test's captured output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with app.app_context():
        quiz = db.session.execute(
            db.select(Quiz).where(Quiz.published).order_by(Quiz.id)).scalars().first()
        # The journeys read the review that follows a submission: the seed quiz shows the answers
        # right after each attempt, as a teacher may choose (a new quiz waits for its closing).
        quiz.review_answers = "after_attempt"
        db.session.commit()
        # The server process is forked from this one: it must open connections of its own.
        db.engine.dispose()
    yield app
    app.logger.removeHandler(handler)
    handler.close()  # opened here too if this process logged an error (a test using the app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if drop_database is not None:
        drop_database()


@pytest.fixture(scope="session")
def live_site(app, live_server, server_error_log) -> LiveSite:
    """The seeded app served by pytest-flask's live_server, with its address and join code."""
    with app.app_context():
        join_code = db.session.execute(
            db.select(Quiz.join_code).where(Quiz.published).order_by(Quiz.id)).scalars().first()
    assert join_code, "`setup` published no quiz"
    return LiveSite(app=app, url=live_server.url(), join_code=join_code,
                    error_log=server_error_log)


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
    type: str = "single"
    # Matching only: each left item's text and its match's page value, in item order.
    pairs: list[tuple[str, str]] = field(default_factory=list)

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
                    type=slot.question.type,
                    pairs=[(item.text, slot.value_of(item.choice))
                           for item in slot.question.items],
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
            return {r.question_id: {c.id for c in r.chosen} | {p.choice_id for p in r.pairs}
                    for r in self._attempt(token).responses}

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
def browser(live_site) -> Browser:
    # live_site first: the server process is forked before Playwright's driver starts.
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
        context.on("response", self._response)

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"CSP refusal: {message.text}")

    def _response(self, response) -> None:
        if response.status >= 500:
            self.problems.append(
                f"server error: {response.status} for {response.request.method} {response.url}")


@pytest.fixture
def new_context(browser, live_site):
    """Makes browser contexts (a fresh profile each: cookies, storage) aimed at the site.
    At the end, fails the test when a page had a script error or a CSP refusal, when the server
    answered with a 5xx, or when the server logged an exception while the test ran."""
    contexts: list[BrowserContext] = []
    watch = Watch()
    log_start = live_site.log_size()

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
    problems = list(watch.problems)
    logged = live_site.logged_since(log_start).strip()
    if logged:
        problems.append("the server logged:\n" + logged)
    if problems:
        pytest.fail("While the pages were used:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def teacher(live_site, new_context) -> Page:
    """A signed-in admin's page (axe may check it)."""
    # An admin: the seed quiz is the admins' (a plain account is admin only when it is the
    # server's first, which depends on the order the browser tests run in).
    result = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", TEACHER_NAME, "--admin"], input=TEACHER_PASSWORD + "\n")
    assert result.exit_code == 0 or "already" in result.output, result.output
    page = new_context(bypass_csp=True).new_page()
    page.goto("/sign-in")
    page.get_by_label("Name").fill(TEACHER_NAME)
    page.get_by_label("Password").fill(TEACHER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/instructor/$"))
    return page


@pytest.fixture
def a11y_context(new_context) -> BrowserContext:
    """A context for pages axe checks (tests/browser/accessibility.py): axe is injected as a
    script element, which the app's CSP (rightly) refuses without the bypass."""
    return new_context(bypass_csp=True)


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
