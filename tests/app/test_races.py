"""Requests that arrive at the same moment, on SQLite and PostgreSQL alike: presses of "Generate
questions", wrong passwords, and two `setup` runs.

The attack report, on PostgreSQL: six simultaneous presses of "Generate questions" put every
question in the queue twice (102 rows for 53); the sign-in throttle let 7 and 10 passwords
through instead of 5; two `setup` runs at once sometimes ended with a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from quizapp import bank, generators
from quizapp.extensions import db
from quizapp.models import GenerationRun, Question, Quiz, Story
from tests.databases import TEST_SECRET_KEY
from tests.pages import hidden_fields

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"  # the `instructor` fixture's
PRESSES = 6


def _signed_in_client(app, instructor_id: int):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = f"{instructor_id}:1"
        session["_fresh"] = True
    return client


def test_six_generate_presses_at_once_start_one_run_and_store_each_question_once(
        app, instructor, generated_once):
    app.config["GENERATION_IN_BACKGROUND"] = False
    seeds = sorted(p for p in Path(app.config["SEEDS_FOLDER"]).iterdir() if p.is_dir())
    with app.app_context():
        story = bank.store_story(generators.load_story(seeds[0]))
        db.session.commit()
        story_id = story.id
    teachers = [_signed_in_client(app, instructor) for _ in range(PRESSES)]
    tokens = [hidden_fields(t.get(f"/instructor/stories/{story_id}").get_data(as_text=True))
              ["csrf_token"] for t in teachers]
    gate = threading.Barrier(PRESSES)

    def press(number: int) -> int:
        gate.wait()  # every press lands together
        return teachers[number].post(f"/instructor/stories/{story_id}/generate",
                                     data={"csrf_token": tokens[number]}).status_code

    with ThreadPoolExecutor(PRESSES) as pool:
        statuses = list(pool.map(press, range(PRESSES)))
    assert set(statuses) == {302}, statuses
    with app.app_context():
        runs = db.session.execute(db.select(GenerationRun)).scalars().all()
        stored = db.session.execute(db.select(db.func.count(Question.id))).scalar_one()
        per_generator_id = db.session.execute(
            db.select(Question.generator_id, db.func.count())
            .group_by(Question.generator_id)).all()
    done = [run for run in runs if run.state == "done"]
    assert done and all(run.state == "done" for run in runs)
    assert stored > 0 and all(count == 1 for _, count in per_generator_id)
    # However the presses fell, the questions are the one run's: none is stored twice.
    assert stored == len(per_generator_id)


def test_ten_wrong_passwords_at_once_get_exactly_five_tries(app, instructor):
    limit = app.config["SIGN_IN_LIMIT"][0]
    clients = [app.test_client() for _ in range(2 * limit)]
    tokens = [hidden_fields(c.get("/sign-in").get_data(as_text=True))["csrf_token"]
              for c in clients]
    gate = threading.Barrier(len(clients))

    def guess(number: int) -> int:
        gate.wait()
        return clients[number].post("/sign-in", data={
            "csrf_token": tokens[number], "name": "teacher", "password": f"guess {number}"
        }).status_code

    with ThreadPoolExecutor(len(clients)) as pool:
        statuses = list(pool.map(guess, range(len(clients))))
    # A 422 is a password checked (and wrong); a 429 a try refused before any check.
    assert sorted(statuses) == [422] * limit + [429] * limit, statuses
    page = clients[0].get("/sign-in").get_data(as_text=True)
    right = clients[0].post("/sign-in", data=hidden_fields(page) | {"name": "teacher",
                                                                    "password": PASSWORD})
    assert right.status_code == 429  # even the right password waits now


def _setup(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "quizapp", "setup"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_two_setups_at_once_take_turns_and_seed_once(empty_database_url, tmp_path):
    env = os.environ | {"DATABASE_URL": empty_database_url, "SECRET_KEY": TEST_SECRET_KEY,
                        "QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance")}
    runs = [_setup(env), _setup(env)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    said = sorted(out.splitlines()[-1].split(":")[0] for out, _ in outputs)
    assert said == ["Database ready; stories were loaded before, nothing seeded.", "Seeded"]
    from quizapp import create_app
    from tests.databases import app_config

    app = create_app(app_config(empty_database_url))
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Quiz.id))).scalar_one() == 1
        slugs = db.session.execute(db.select(Story.slug)).scalars().all()
        assert len(slugs) == len(set(slugs)) >= 1
        db.session.remove()
        db.engine.dispose()
