"""A question page and an answer save in-process, against a bare Flask route in the same run:
no server, no network, no client's CPU, so what is left is quizapp's own work per request.

    PYTHONPATH=$PWD .venv/bin/python bench/question_page.py            # --rounds 200

It seeds a fresh SQLite file with `flask setup` (the seed story's published quiz), starts one
attempt through the join page as a browser would, then in each round opens every question page,
saves an answer through the page's form (the same one each round, as "Next" and "Back" send an
answer again unchanged), saves another answer and the first again (an answer that changes),
asks an empty route added to quizapp (its request hooks alone: the floor for any of its pages),
and the bare route (bench/bare_app.py) after the page and after each save, interleaved so a busy
machine slows both alike. It prints the median milliseconds per request of each kind and its
ratio to the bare route's (the ratio is what to read on a shared machine)."""
from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

import lxml.html
from werkzeug.datastructures import MultiDict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bare_app import app as bare_app  # noqa: E402
from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Quiz, QuizQuestion  # noqa: E402


def seeded_app(folder: Path):
    os.environ["QUIZAPP_INSTANCE_PATH"] = str(folder / "instance")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite'}",
                      "SECRET_KEY": secrets.token_hex(32), "QUIZAPP_ATTEMPT_STARTS": 1000})
    done = app.test_cli_runner().invoke(args=["setup"])
    if done.exit_code != 0:
        raise SystemExit(f"flask setup failed:\n{done.output}")
    with app.app_context():
        join_code, count = db.session.execute(
            db.select(Quiz.join_code, db.func.count(QuizQuestion.id))
            .join(QuizQuestion, QuizQuestion.quiz_id == Quiz.id)
            .where(Quiz.published).group_by(Quiz.id).order_by(Quiz.id)).first()
    return app, join_code, count


def start_attempt(client, join_code: str) -> str:
    page = client.get(f"/quiz/{join_code}")
    form = next(f for f in lxml.html.fromstring(page.text).forms
                if "student_name" in f.fields)
    fields = dict(form.form_values())
    fields["student_name"] = "Bench Student"
    started = client.post(form.action, data=fields)
    found = re.search(r"/attempt/([^/?]+)", started.headers.get("Location", ""))
    if found is None:
        raise SystemExit(f"starting an attempt failed ({started.status_code})")
    return found.group(1)


def answer_fields(html: str, other: bool = False) -> list[tuple[str, str]]:
    """The page's form with the first choice of each answer field picked (as a browser sends);
    `other` picks another answer: the second choice, each menu's option after its neighbour's."""
    form = next(f for f in lxml.html.fromstring(html).forms if "/q/" in (f.action or ""))
    fields = [(name, value) for name, value in form.form_values()
              if not name.startswith("answer")]
    for box in form.xpath(".//input[@name='answer']")[other:other + 1]:
        fields.append(("answer", box.get("value")))
    for place, menu in enumerate(form.xpath(".//select[starts-with(@name, 'answer-')]")):
        options = [o.get("value") for o in menu.xpath(".//option") if o.get("value")]
        fields.append((menu.get("name"), options[(place + 1) % len(options) if other else 0]))
    return [*fields, ("go", "back")]


def timed(call) -> float:
    began = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - began
    if response.status_code >= 400:
        raise SystemExit(f"{response.request.path}: {response.status_code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app, join_code, count = seeded_app(Path(folder))
        # The floor for any page of quizapp: its request hooks (session, headers, the
        # database's teardown) around a view that does nothing.
        app.add_url_rule("/bench-empty", "bench_empty", lambda: "Hello")
        client, bare = app.test_client(), bare_app.test_client()
        token = start_attempt(client, join_code)
        pages = [f"/attempt/{token}/q/{n}" for n in range(1, count + 1)]
        html = {page: client.get(page).text for page in pages}
        forms = {page: answer_fields(html[page]) for page in pages}
        others = {page: answer_fields(html[page], other=True) for page in pages}
        times: dict[str, list[float]] = {"bare route": [], "empty quizapp route": [],
                                         "question page": [], "answer save": [],
                                         "answer change": []}
        for _ in range(options.rounds):
            for page in pages:
                times["empty quizapp route"].append(timed(lambda: client.get("/bench-empty")))
                times["question page"].append(timed(lambda page=page: client.get(page)))
                times["bare route"].append(timed(lambda: bare.get("/")))
                # The answer the page shows, sent again (as "Next" and "Back" send it) ...
                times["answer save"].append(timed(
                    lambda page=page: client.post(page, data=MultiDict(forms[page]))))
                times["bare route"].append(timed(lambda: bare.get("/")))
                # ... and another one, then the first again: a save that changes the answer.
                for sent in (others, forms):
                    times["answer change"].append(timed(
                        lambda page=page, sent=sent: client.post(page, data=MultiDict(sent[page]))))
                    times["bare route"].append(timed(lambda: bare.get("/")))
    bare_ms = statistics.median(times["bare route"]) * 1000
    print(f"{count} questions x {options.rounds} rounds; median ms a request, and the bare "
          "route's time divided by it (the rate's ratio, as bench/load.py reports)")
    for kind, samples in times.items():
        median = statistics.median(samples) * 1000
        print(f"{kind:20} {median:7.3f} ms   / bare {bare_ms / median:5.3f}")


if __name__ == "__main__":
    main()
