"""A class of students taking a quiz at once: quizapp under gunicorn, driven by Locust, with a
check that every answer the server accepted is in the database afterwards.

From a fresh clone (SQLite, 200 students):

    python3 -m venv .venv && .venv/bin/pip install -q -e '.[bench]' && .venv/bin/python bench/load.py

On PostgreSQL (a throwaway cluster; the script makes and drops its own database in it):

    bash tests/with-postgres.sh sh -c '.venv/bin/python bench/load.py --database-url "$TEST_DATABASE_URL"'

Options: --students N (200), --database-url URL (default: a new SQLite file in a temporary
folder), --workers N (default: what gunicorn.conf.py says), --duration SECONDS (hard cap on
the students' run, 600), --bare-seconds SECONDS (how long the baseline runs, 20), --keep
(keep the temporary folder and database to look into afterwards).

What happens:
1. A fresh database: `flask --app quizapp setup` seeds the published quiz; its join code and
   question count are read from the database.
2. quizapp (`quizapp:create_app()`) and the baseline (`bench/bare_app.py`, a Flask route that
   returns a short string) are started under gunicorn with the repository's gunicorn.conf.py, on
   free ports of 127.0.0.1, and the script waits for /healthz.
3. Locust (as a library, headless) runs N students. Each acts as a browser without JavaScript
   would, and half of them also as the autosave script would: open the join page, send the start
   form (its CSRF token and one-time key read from the page), then for every question open its
   page, pick any choice the page offers and save it (autosave with the X-CSRFToken header, then
   the page's own form, with a choice picked afresh), then open the finish page, submit and
   open the result. Redirects are followed as separate requests, so each is timed under its
   own kind: "page view", "start" (the start form), "answer save", "submission". Each student
   does one attempt and stops; the run ends when all are done, or at --duration.
4. The baseline gets the same number of Locust users doing plain GETs, half of --bare-seconds
   before the students and half after, so drift on a busy machine hits both sides.
5. The database is read directly (SQLAlchemy): every answer a 2xx/3xx response accepted must
   be stored with exactly the choices sent (the last accepted save of each question), and every
   accepted submission must be graded.

Why the students move in step: a rate per kind of request (page views, answer saves,
submissions) only means something next to the baseline's rate if the server is doing that kind
of work alone, flat out. So every student opens question n, then every student saves it, and so
on; the time of each step is counted to its kind, and a kind's rate is its requests divided by
the time of its steps. It is also the hardest case for the database: N students writing at the
same moment.

It prints requests/second and p50/p95/p99 latency per kind, each rate's ratio to the
baseline's, the errors, and the lost answers; it exits with status 1 if there were errors or
lost answers. Targets (issue 6): no errors and no lost answers at 200 students; page views at
least 0.5 and answer saves at least 0.33 of the baseline's rate. The client runs on the same
machine as the server, so on a small machine Locust's own CPU use lowers both rates.
"""  # noqa: E501 - commands to copy whole
from __future__ import annotations

# Locust patches the standard library for gevent as it is imported; it comes first so every
# socket and subprocess here is cooperative.
# isort: off
from locust import FastHttpUser, constant, task
from locust.env import Environment
from locust.exception import StopUser
from locust.stats import StatsEntry
# isort: on

import argparse
import contextlib
import datetime
import itertools
import logging
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import gevent
import gevent.event
import lxml.html
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import attempts  # noqa: E402
from quizapp.models import (  # noqa: E402
    Attempt,
    Choice,
    MatchItem,
    Quiz,
    QuizQuestion,
    Response,
    ResponsePair,
    response_choice,
)

PAGE_VIEW, START, ANSWER_SAVE, SUBMISSION = "page view", "start", "answer save", "submission"
BARE = "bare route"
REDIRECT_HOP = "redirect"
KINDS = (PAGE_VIEW, START, ANSWER_SAVE, SUBMISSION)
TARGETS = {PAGE_VIEW: 0.5, ANSWER_SAVE: 1 / 3}
P95_TARGET_MS = 250  # every kind, at 200 students (issue 16)
REDIRECT = (301, 302, 303)


# ---------------------------------------------------------------------------------------------
# The database and the servers


def sqlalchemy_url(url: str) -> str:
    """The URL as the app reads it: plain postgresql:// means psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


@contextlib.contextmanager
def fresh_database(url: str | None, folder: Path, keep: bool):
    """A new, empty database: a SQLite file in the folder, or a new database on the server the
    PostgreSQL URL points to (dropped afterwards unless kept)."""
    if url is None:
        yield "sqlite:///" + str(folder / "quizapp.sqlite")
        return
    server = make_url(sqlalchemy_url(url))
    if not server.drivername.startswith("postgresql"):
        raise SystemExit("--database-url: give a postgresql:// URL, or leave it out for SQLite.")
    name = "quizapp_load_" + secrets.token_hex(4)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        if not keep:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def app_environment(url: str, folder: Path, starts: int = 300) -> dict[str, str]:
    """The app's settings: every simulated student comes from 127.0.0.1, so the limit on the
    attempts one address may start (300 in 10 minutes) is raised to the run's `starts`."""
    return {**os.environ, "DATABASE_URL": url, "QUIZAPP_INSTANCE_PATH": str(folder / "instance"),
            "FLASK_DEBUG": "0", "QUIZAPP_ATTEMPT_STARTS": str(max(300, starts))}


@dataclass
class SeededQuiz:
    join_code: str
    questions: int


def seed(url: str, folder: Path) -> SeededQuiz:
    """`flask --app quizapp setup` on the empty database: the seed story's published quiz."""
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "quizapp", "setup"],
        cwd=ROOT,
        env=app_environment(url, folder),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"flask setup failed:\n{done.stdout}{done.stderr}")
    engine = create_engine(sqlalchemy_url(url))
    with Session(engine) as session:
        row = session.execute(
            select(Quiz.join_code, func.count(QuizQuestion.id))
            .join(QuizQuestion, QuizQuestion.quiz_id == Quiz.id)
            .where(Quiz.published).group_by(Quiz.id).order_by(Quiz.id)
        ).first()
    engine.dispose()
    if row is None:
        raise SystemExit("flask setup published no quiz.")
    return SeededQuiz(join_code=row[0], questions=row[1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    log: Path
    worker_class: str = "?"
    workers: int = 0

    def describe(self) -> None:
        """What gunicorn says it started, read from its log once it has stopped."""
        log = self.log.read_text(errors="replace")
        found = re.search(r"Using worker: (\S+)", log)
        self.worker_class = found.group(1) if found else "?"
        self.workers = len(re.findall(r"Booting worker with pid", log))


@contextlib.contextmanager
def gunicorn(app: str, env: dict[str, str], workers: int | None, log: Path):
    """`gunicorn -c gunicorn.conf.py APP` on a free port of 127.0.0.1; stopped on the way out.

    The bind address and (if given) the worker count go on the command line, where they win
    over the configuration file; everything else is as the repository configures production.
    """
    port = free_port()
    command = [sys.executable, "-m", "gunicorn"]
    if (ROOT / "gunicorn.conf.py").exists():
        command += ["-c", str(ROOT / "gunicorn.conf.py")]
    elif workers is None:
        workers = 2 * (os.cpu_count() or 1) + 1
    command += ["--bind", f"127.0.0.1:{port}"]
    if workers is not None:
        command += ["--workers", str(workers)]
    command.append(app)
    with open(log, "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Server(url=f"http://127.0.0.1:{port}", log=log)
    try:
        wait_until_up(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(server: Server, process: subprocess.Popen, timeout: float = 60) -> None:
    """Until /healthz (or, in an app without one, /) answers 200."""
    deadline = time.monotonic() + timeout
    paths = ["/healthz", "/"]
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{server.log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(server.url + paths[0], timeout=5) as answer:
                if answer.status == 200:
                    return
        except urllib.error.HTTPError as error:
            if error.code == 404 and len(paths) > 1:
                paths.pop(0)
        except OSError:
            pass
        gevent.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer in {timeout:.0f} s:\n"
                     f"{server.log.read_text(errors='replace')[-3000:]}")


# ---------------------------------------------------------------------------------------------
# The students


class JourneyBroken(Exception):
    """A request failed (already counted by Locust): this student stops taking part."""


# Seats are numbered on across the repeats: each repeat's students have names of their own, as
# quizapp refuses a second student under a name already taken in the quiz.
SEATS = itertools.count()


@dataclass
class Classroom:
    """What the simulated students share: the quiz, the steps they take together, and the
    record of what the server accepted."""

    size: int
    quiz: SeededQuiz
    timeout: float
    seconds: Counter = field(default_factory=Counter)  # time spent in steps of each kind
    accepted: dict = field(default_factory=dict)  # (token, question page) -> choice ids
    # Saves sent but not answered when the time cap stopped the run: stored or not, both are right.
    in_flight: dict = field(default_factory=dict)
    submitted: set = field(default_factory=set)  # tokens whose submission was accepted
    problems: Counter = field(default_factory=Counter)  # pages the students could not use
    finished: int = 0
    all_finished: gevent.event.Event = field(default_factory=gevent.event.Event)

    def __post_init__(self) -> None:
        # threading is gevent's once Locust is imported: the barrier parks greenlets.
        self._barrier = threading.Barrier(self.size, action=self._next_step)
        self._seats = SEATS
        self._kind: str | None = None
        self._next_kind: str | None = None
        self._since = 0.0

    def take_seat(self) -> int:
        return next(self._seats)

    def step(self, kind: str | None) -> None:
        """Wait for every student; then the step of this kind begins (None: the end)."""
        self._next_kind = kind
        self._barrier.wait(self.timeout)

    def _next_step(self) -> None:
        now = time.perf_counter()
        if self._kind is not None:
            self.seconds[self._kind] += now - self._since
        self._kind, self._since = self._next_kind, now

    def leave(self) -> None:
        self.finished += 1
        if self.finished == self.size:
            self.all_finished.set()


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def form_with(page, name: str):
    """The page's form that has a field of this name (or, for a matching question's menus,
    of this name and a suffix: answer-1, answer-2…)."""
    for form in page.forms:
        if form.xpath(f".//*[@name='{name}' or starts-with(@name, '{name}-')]"):
            return form
    return None


def offered_choices(form) -> list[str]:
    """The choice ids the question's radio buttons or checkboxes offer."""
    return [box.get("value") for box in form.xpath(".//input[@name='answer']")
            if box.get("type") in ("radio", "checkbox")]


def form_target(form) -> str:
    """Where the form posts: its action, or (no action) the page's own address."""
    return path_of(form.action or form.base_url)


def button_values(form, name: str) -> list[str]:
    return [b.get("value") for b in form.xpath(f".//button[@name='{name}'] | "
                                               f".//input[@type='submit'][@name='{name}']")]


class Student(FastHttpUser):
    """One student taking the quiz once, in step with the class (see the module's docstring)."""

    wait_time = constant(0)
    # A new connection for every request: students wait for the class longer than gunicorn keeps
    # an idle connection open (keepalive), and a POST sent just as the server closes it fails
    # with no answer. Browsers resend it; HTTP clients rightly do not resend a POST. A connection
    # costs far less than any quizapp page, so the rates are not flattered.
    default_headers = {"Connection": "close"}  # noqa: RUF012 - Locust reads the class's
    classroom: Classroom  # set before the run

    def on_start(self) -> None:
        self.seat = self.classroom.take_seat()
        # Half the class has JavaScript: its autosave script saves each answer as it is picked.
        self.autosaves = self.seat % 2 == 0
        self.broken = False
        self.url = f"/quiz/{self.classroom.quiz.join_code}"
        self.page = None
        self.token: str | None = None
        self.rng = random.Random(self.seat)

    @task
    def take_quiz(self) -> None:
        try:
            self.take_steps()
            self.classroom.leave()
        except threading.BrokenBarrierError:
            pass  # the time cap ended the run; the report counts who did not finish
        raise StopUser()  # one attempt each

    def take_steps(self) -> None:
        steps = [(PAGE_VIEW, self.view_page), (START, self.start_attempt)]
        for number in range(1, self.classroom.quiz.questions + 1):
            last = number == self.classroom.quiz.questions
            steps += [
                (PAGE_VIEW, self.view_page),
                (ANSWER_SAVE, lambda last=last: self.answer(last)),
            ]
        steps += [
            (PAGE_VIEW, self.view_page),
            (SUBMISSION, self.submit),
            (PAGE_VIEW, self.view_page),
        ]
        for kind, act in steps:
            self.classroom.step(kind)
            if self.broken:
                continue
            try:
                act()
            except JourneyBroken:
                self.broken = True
            except Exception as error:  # a page the student could not use: count it, go on
                self.classroom.problems[f"{type(error).__name__}: {error}"] += 1
                self.broken = True
        self.classroom.step(None)

    # Requests: redirects are not followed, so each request is timed under its own kind.

    def send(self, method: str, url: str, kind: str, expect: tuple[int, ...], **kwargs):
        with self.client.request(method, url, name=kind, allow_redirects=False,
                                 catch_response=True, **kwargs) as response:
            if kind == PAGE_VIEW and response.status_code in REDIRECT:
                # A hop on the way to a page is not a page view (its time still counts to
                # the page views' step).
                response.request_meta["name"] = REDIRECT_HOP
            if response.status_code in expect:
                response.success()
                ok = True
            else:
                trouble = (f"status {response.status_code}" if response.status_code
                           else f"no answer ({type(response.error).__name__})")
                response.failure(f"{trouble}, expected {'/'.join(map(str, expect))}")
                ok = False
        if not ok:
            raise JourneyBroken
        return response

    def post_form(self, url: str, kind: str, fields: list[tuple[str, str]], expect=REDIRECT):
        response = self.send("POST", url, kind, expect, data=urlencode(fields),
                             headers={"Content-Type": "application/x-www-form-urlencoded",
                                      "Referer": self.origin + self.url})
        if response.status_code in REDIRECT:
            self.url = path_of(response.headers["Location"])
        return response

    @property
    def origin(self) -> str:
        return self.host.rstrip("/")

    def view_page(self) -> None:
        """GET the page, following redirects as a browser does."""
        for _hop in range(5):
            response = self.send("GET", self.url, PAGE_VIEW, (200, *REDIRECT))
            if response.status_code == 200:
                self.page = lxml.html.fromstring(response.text,
                                                 base_url=self.origin + self.url)
                return
            self.url = path_of(response.headers["Location"])
        raise ValueError(f"too many redirects on the way to {self.url}")

    def start_attempt(self) -> None:
        form = form_with(self.page, "student_name")
        if form is None:
            raise ValueError("the join page has no form with a name field")
        fields = [(k, v) for k, v in form.form_values() if k != "student_name"]
        fields.append(("student_name", f"Student {self.seat:03d}"))
        self.post_form(form_target(form), START, fields)
        found = re.match(r"/attempt/([^/?]+)", self.url)
        if found is None:
            raise ValueError(f"starting led to {self.url!r}, not an attempt")
        self.token = found.group(1)

    def answer(self, last: bool) -> None:
        form = form_with(self.page, "answer")
        if form is None:
            raise ValueError("a question page has no answer field")
        question = (self.token, form_target(form))
        csrf = dict(form.form_values()).get("csrf_token", "")
        if self.autosaves:
            picked = self.pick(form)
            fields = [("question_id", self.question_id(form)), *picked]
            with self.saving(question, picked):
                self.send("POST", f"/attempt/{self.token}/answers", ANSWER_SAVE, (204,),
                          data=urlencode(fields),
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "X-CSRFToken": csrf, "Referer": self.origin + self.url})
        # Then the page's own form, with a choice picked afresh: the last save must win.
        picked = self.pick(form)
        moves = button_values(form, "go")
        move = "finish" if last and "finish" in moves else "next" if "next" in moves else "finish"
        fields = [(k, v) for k, v in form.form_values() if k != "answer"
                  and not k.startswith("answer-")]
        fields += [*picked, ("go", move)]
        with self.saving(question, picked):
            self.post_form(form_target(form), ANSWER_SAVE, fields)

    @contextlib.contextmanager
    def saving(self, question: tuple[str, str], picked: list[tuple[str, str]]):
        """Record the answer as accepted once the server says so."""
        self.classroom.in_flight[question] = answer_set(picked)
        try:
            yield
        except JourneyBroken:
            del self.classroom.in_flight[question]  # refused: counted as an error already
            raise
        del self.classroom.in_flight[question]
        self.classroom.accepted[question] = answer_set(picked)

    def pick(self, form) -> list[tuple[str, str]]:
        """Any answer the page offers, as the fields a browser sends: one radio button, one or
        two checkboxes (several answers, or an article's sentences), or a right item picked in
        every menu of a matching question."""
        offered = offered_choices(form)
        if offered:
            boxes = form.xpath(".//input[@name='answer'][@type='checkbox']")
            count = self.rng.randint(1, min(2, len(offered))) if boxes else 1
            return [("answer", value) for value in sorted(self.rng.sample(offered, count))]
        menus = form.xpath(".//select[starts-with(@name, 'answer-')]")
        picked = []
        for menu in menus:
            options = [o.get("value") for o in menu.xpath(".//option") if o.get("value")]
            if options:
                picked.append((menu.get("name"), self.rng.choice(options)))
        if not picked:
            raise ValueError("a question page offers no choices")
        return picked

    def question_id(self, form) -> str:
        """The question id the autosave script sends, from where the page gives it."""
        for element in [form, *form.xpath(".//*[@data-question-id]")]:
            if element.get("data-question-id"):
                return element.get("data-question-id")
        values = dict(form.form_values())
        if values.get("question_id"):
            return values["question_id"]
        raise ValueError("a question page does not say its question id for autosave")

    def submit(self) -> None:
        form = next((f for f in self.page.forms if form_target(f).endswith("/submit")), None)
        if form is None:
            raise ValueError(f"no submit form on {self.url}")
        self.post_form(form_target(form), SUBMISSION, form.form_values())
        self.classroom.submitted.add(self.token)


class Visitor(FastHttpUser):
    """The baseline's user: GET the bare route, again and again."""

    wait_time = constant(0)

    @task
    def visit(self) -> None:
        self.client.get("/", name=BARE)


# ---------------------------------------------------------------------------------------------
# The runs


def spawn(environment: Environment, users: int) -> None:
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)


def run_students(
    server: Server, quiz: SeededQuiz, students: int, cap: float
) -> tuple[Environment, Classroom, float]:
    classroom = Classroom(size=students, quiz=quiz, timeout=cap)
    Student.classroom = classroom
    environment = Environment(user_classes=[Student], host=server.url)
    started = time.perf_counter()
    spawn(environment, students)
    classroom.all_finished.wait(timeout=cap)
    elapsed = time.perf_counter() - started
    environment.runner.quit()
    return environment, classroom, elapsed


def run_bare(server: Server, users: int, seconds: float) -> tuple[StatsEntry, float]:
    """Requests of the bare route in a window of `seconds` once all users are running."""
    with urllib.request.urlopen(server.url + "/", timeout=10) as answer:
        if answer.read() != b"Hello":  # gunicorn serves the app it was given, not the config's
            raise SystemExit(f"{server.url} does not serve bench/bare_app.py")
    environment = Environment(user_classes=[Visitor], host=server.url)
    spawn(environment, users)
    with gevent.Timeout(60):
        while environment.runner.user_count < users:
            gevent.sleep(0.1)
    gevent.sleep(1)  # let every user get going before counting
    environment.stats.reset_all()
    started = time.perf_counter()
    gevent.sleep(seconds)
    entry = StatsEntry(environment.stats, BARE, "GET", use_response_times_cache=False)
    entry.extend(environment.stats.get(BARE, "GET"))
    elapsed = time.perf_counter() - started
    environment.runner.quit()
    return entry, elapsed


# ---------------------------------------------------------------------------------------------
# The check: what the server accepted is in the database


@dataclass
class Losses:
    answers_sent: int
    answers_lost: int
    submissions_sent: int
    submissions_lost: int
    examples: list[str]


def answer_set(picked: list[tuple[str, str]]) -> frozenset[str]:
    """An answer as "field:value" strings, comparable with what the database holds."""
    return frozenset(f"{name}:{value}" for name, value in picked)


def stored_answers(session: Session) -> tuple[dict, dict]:
    """(token, question id) -> the stored answer as answer_set() writes it, and each attempt's
    page values: value -> question id. The values are the attempt's own (quizapp.attempts)."""
    question_of = dict(session.execute(select(Choice.id, Choice.question_id)).all())
    seeds = dict(session.execute(select(Attempt.token, Attempt.choice_seed)).all())
    values = {token: {attempts.choice_value(SimpleNamespace(choice_seed=seed),
                                            SimpleNamespace(id=choice_id)): question_id
                      for choice_id, question_id in question_of.items()}
              for token, seed in seeds.items()}

    def value(token: str, choice_id: int) -> str:
        return attempts.choice_value(SimpleNamespace(choice_seed=seeds[token]),
                                     SimpleNamespace(id=choice_id))

    stored: dict[tuple[str, int], set[str]] = {}
    picks = session.execute(
        select(Attempt.token, Response.question_id, response_choice.c.choice_id)
        .join(Response, Response.attempt_id == Attempt.id)
        .outerjoin(response_choice, response_choice.c.response_id == Response.id))
    for token, question_id, choice_id in picks:
        chosen = stored.setdefault((token, question_id), set())
        if choice_id is not None:
            chosen.add(f"answer:{value(token, choice_id)}")
    pairs = session.execute(
        select(Attempt.token, Response.question_id, MatchItem.position, ResponsePair.choice_id)
        .join(Response, Response.attempt_id == Attempt.id)
        .join(ResponsePair, ResponsePair.response_id == Response.id)
        .join(MatchItem, MatchItem.id == ResponsePair.item_id))
    for token, question_id, position, choice_id in pairs:
        stored.setdefault((token, question_id), set()).add(
            f"answer-{position}:{value(token, choice_id)}")
    return stored, values


def check_database(url: str, classroom: Classroom) -> Losses:
    engine = create_engine(sqlalchemy_url(url))
    with Session(engine) as session:
        stored, values = stored_answers(session)
        graded = set(session.execute(
            select(Attempt.token).where(Attempt.submitted_at.is_not(None))).scalars())
    engine.dispose()
    lost, examples = 0, []
    for (token, page), chosen in classroom.accepted.items():
        questions = {values[token].get(pick.split(":", 1)[1]) for pick in chosen}
        found = stored.get((token, questions.pop())) if len(questions) == 1 else None
        if found not in (set(chosen), classroom.in_flight.get((token, page))):
            lost += 1
            if len(examples) < 5:
                examples.append(f"{page}: sent {sorted(chosen)}, stored {sorted(found or [])}")
    missing = classroom.submitted - graded
    return Losses(len(classroom.accepted), lost, len(classroom.submitted), len(missing), examples)


# ---------------------------------------------------------------------------------------------
# The report


@dataclass
class Run:
    """One repeat: the baseline around one class taking the quiz, and what the database kept."""

    bare: StatsEntry
    bare_seconds: float
    environment: Environment
    classroom: Classroom
    elapsed: float
    losses: Losses

    @property
    def bare_rate(self) -> float:
        return self.bare.num_requests / self.bare_seconds if self.bare_seconds else 0.0

    def kind(self, kind: str) -> tuple[StatsEntry, float]:
        """All requests of this kind, and their rate over the time of the steps of this kind."""
        entry = StatsEntry(self.environment.stats, kind, "", use_response_times_cache=False)
        for each in self.environment.stats.entries.values():
            if each.name == kind:
                entry.extend(each)
        seconds = self.classroom.seconds.get(kind, 0.0)
        return entry, entry.num_requests / seconds if seconds else 0.0

    @property
    def failures(self) -> int:
        return self.bare.num_failures + self.environment.stats.total.num_failures

    @property
    def unfinished(self) -> int:
        return self.classroom.size - self.classroom.finished


def p(entry: StatsEntry, share: float) -> float:
    return entry.get_response_time_percentile(share) if entry.num_requests else 0.0


def table_row(name: str, entries: list[StatsEntry], rates: list[float],
              ratios: list[float]) -> str:
    """Medians over the repeats: requests, errors, req/s, p50/p95/p99, ratio to the bare rate,
    and each repeat's ratio."""
    middle = statistics.median
    times = " ".join(f"{middle([p(e, share) for e in entries]):7.0f}"
                     for share in (0.5, 0.95, 0.99))
    each = " ".join(f"{ratio:.3f}" for ratio in ratios)
    return (f"{name:<13}{middle([e.num_requests for e in entries]):>9.0f}"
            f"{sum(e.num_failures for e in entries):>8}{middle(rates):>9.1f} {times}"
            f"{middle(ratios):>8.3f}  {each}")


def report(args, database: str, app: Server, runs: list[Run]) -> int:
    app.describe()
    first = runs[0].classroom
    print()
    print(f"quizapp load benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} cores (load average {args.load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after)")
    print(f"database: {database}; gunicorn: {app.workers} {app.worker_class} worker(s); "
          f"{args.students} students, {first.quiz.questions} questions each; "
          f"medians of {len(runs)} repeat(s), each with its own baseline")
    print()
    print(f"{'':<13}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}"
          f"{'p99 ms':>8}{'/ bare':>8}  each repeat / bare")
    print(table_row(BARE, [run.bare for run in runs], [run.bare_rate for run in runs],
                    [1.0 for _ in runs]))
    verdicts = print_kinds(runs)
    print()
    for number, run in enumerate(runs, start=1):
        print(f"repeat {number}: {run.classroom.finished} of {args.students} students finished "
              f"in {run.elapsed:.1f} s (cap {args.duration:.0f} s)")
    for line in verdicts:
        print(line)
    errors = print_errors(runs, app)
    return print_losses(runs) or (1 if errors else 0)


def print_kinds(runs: list[Run]) -> list[str]:
    """A row per kind of request; returns the verdicts on the targets."""
    verdicts = []
    for kind in KINDS:
        measured = [run.kind(kind) for run in runs]
        ratios = [rate / run.bare_rate if run.bare_rate else 0.0
                  for run, (_, rate) in zip(runs, measured, strict=True)]
        print(table_row(kind, [entry for entry, _ in measured], [rate for _, rate in measured],
                        ratios))
        ratio = statistics.median(ratios)
        if kind in TARGETS:
            verdicts.append(f"{kind} {ratio:.3f} of the bare rate "
                            f"({'meets' if ratio >= TARGETS[kind] else 'misses'} the target "
                            f"{TARGETS[kind]:.2f})")
        slowest = statistics.median(p(entry, 0.95) for entry, _ in measured)
        met = "meets" if slowest < P95_TARGET_MS else "misses"
        verdicts.append(f"{kind} p95 {slowest:.0f} ms ({met} the target < {P95_TARGET_MS} ms)")
    return verdicts


def print_errors(runs: list[Run], app: Server) -> int:
    problems = Counter()
    for run in runs:
        problems.update(run.classroom.problems)
    failures = sum(run.failures for run in runs)
    unfinished = sum(run.unfinished for run in runs)
    errors = failures + sum(problems.values()) + unfinished
    if unfinished:
        print("  the time cap cut a run short: the unfinished step's requests count, not its time")
    print(f"errors: {errors} ({failures} failed requests, {sum(problems.values())} unusable "
          f"pages, {unfinished} students cut off by the time cap)")
    for run in runs:
        for error in sorted(run.environment.stats.errors.values(),
                            key=lambda e: -e.occurrences)[:5]:
            print(f"  {error.occurrences} x {error.method} {error.name}: {error.error}")
    for problem, count in problems.most_common(5):
        print(f"  {count} x {problem}")
    server_log = app.log.read_text(errors="replace")
    for marker in ("database is locked", "Traceback", "WORKER TIMEOUT"):
        if marker in server_log:
            print(f"  server log: {server_log.count(marker)} x {marker!r} (see {app.log})")
    return errors


def print_losses(runs: list[Run]) -> int:
    """1 if any accepted answer or submission is not in the database."""
    lost = sum(run.losses.answers_lost for run in runs)
    lost_submissions = sum(run.losses.submissions_lost for run in runs)
    print(f"lost answers: {lost} of {sum(run.losses.answers_sent for run in runs)} accepted "
          f"answers; lost submissions: {lost_submissions} of "
          f"{sum(run.losses.submissions_sent for run in runs)}")
    for run in runs:
        for example in run.losses.examples:
            print(f"  {example}")
    return 1 if lost or lost_submissions else 0


def measure(args, url: str, quiz: SeededQuiz, app: Server, bare_server: Server) -> Run:
    """One repeat: half the baseline, the class, the other half (drift hits both sides)."""
    before = run_bare(bare_server, args.students, args.bare_seconds / 2)
    environment, classroom, elapsed = run_students(app, quiz, args.students, args.duration)
    after = run_bare(bare_server, args.students, args.bare_seconds / 2)
    before[0].extend(after[0])
    return Run(before[0], before[1] + after[1], environment, classroom, elapsed,
               check_database(url, classroom))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=200, help="simulated students (200)")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL server to make a fresh database on "
                             "(default: a new SQLite file in a temporary folder)")
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--duration", type=float, default=600,
                        help="hard cap in seconds on the students' run (600)")
    parser.add_argument("--bare-seconds", type=float, default=20,
                        help="seconds of the baseline, half before and half after (20)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the class, each between halves of its own baseline; the "
                             "table gives their medians (3)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (logs, SQLite file) and database")
    args = parser.parse_args(argv)
    if args.students < 1 or args.repeat < 1:
        parser.error("--students and --repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.load_before = os.getloadavg()[0]  # a busy machine makes slow servers: say how busy
    # Locust logs every failed request; the report sums them up instead.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    folder = Path(tempfile.mkdtemp(prefix="quizapp-load-"))
    status = 1
    try:
        with fresh_database(args.database_url, folder, args.keep) as url:
            database = "PostgreSQL" if url.startswith("postgresql") else "SQLite (file)"
            quiz = seed(url, folder)
            env = app_environment(url, folder, 2 * args.students * args.repeat)
            with (
                gunicorn(
                    "bench.bare_app:app", env, args.workers, folder / "bare.log"
                ) as bare_server,
                gunicorn("quizapp:create_app()", env, args.workers, folder / "quizapp.log") as app,
            ):
                print(f"quiz {quiz.join_code}: {quiz.questions} questions; quizapp at {app.url}, "
                      f"baseline at {bare_server.url}; logs in {folder}", flush=True)
                runs = [measure(args, url, quiz, app, bare_server) for _ in range(args.repeat)]
            status = report(args, database, app, runs)
    finally:
        # A failed run keeps its server logs to read.
        if args.keep or status:
            print(f"logs kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
