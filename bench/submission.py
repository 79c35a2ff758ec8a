"""What grading a submitted attempt costs, in-process: each round starts an attempt at a
20-question quiz and saves an answer to every question (not timed), then times its grading and
commit (quizapp.grading.grade_attempt: what the submit button, a deadline and a quiz's closing
run), and, in the same round, the floor of any write: one UPDATE of the attempt and a commit.

    PYTHONPATH=$PWD .venv/bin/python bench/submission.py                     # --rounds 200
    PYTHONPATH=/work/main .venv/bin/python bench/submission.py               # another checkout's code
    bash tests/with-postgres.sh sh -c 'PYTHONPATH=$PWD .venv/bin/python bench/submission.py --database-url "$TEST_DATABASE_URL"'

The code measured is whichever quizapp PYTHONPATH names, so one script times two checkouts. The
quiz has --class graded first attempts before the rounds begin, so a new first attempt's counts
land on rows that exist; every tenth round is a second attempt of an earlier student. It prints
the median milliseconds of each and their ratio (the ratio is what to read on a shared machine).
"""  # noqa: E501 - commands to copy whole
from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import tempfile
import time
from pathlib import Path


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="an empty database (default: SQLite in a temp "
                                               "folder)")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--class", dest="class_size", type=int, default=300,
                        help="first attempts graded before the timed rounds")
    parser.add_argument("--seed", type=int, default=16)
    return parser.parse_args()


def make_quiz(db, questions: int = 20):
    from quizapp.models import Choice, Question, Quiz, QuizQuestion

    rows = [Question(kind="bench", skill="sourcing", prompt=f"Question {i + 1}?",
                     origin="generated", status="approved",
                     choices=[Choice(position=c, text=f"Choice {c + 1}", correct=c == 0)
                              for c in range(4)])
            for i in range(questions)]
    quiz = Quiz(title="Bench quiz", join_code="SUBMIT", published=True,
                items=[QuizQuestion(question=q, position=i) for i, q in enumerate(rows)])
    db.session.add(quiz)
    db.session.commit()
    return quiz


def answered_attempt(db, quiz, key: str, rng: random.Random):
    """A started attempt with every question answered, committed, not yet submitted."""
    from quizapp import attempts

    attempt = attempts.start_attempt(quiz, f"Student {key}", secrets.token_hex(16),
                                     student_key=key)
    db.session.flush()
    attempts.save_answers(attempt, [
        (item.question, attempts.Answer(chosen=frozenset({rng.choice(item.question.choices).id})))
        for item in quiz.items])
    db.session.commit()
    return attempt


def timed(run) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def main() -> int:
    args = parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="quizapp-submission-") as folder:
        os.environ["QUIZAPP_INSTANCE_PATH"] = folder  # keep the checkout's instance/ untouched
        from sqlalchemy import update

        from quizapp import create_app, grading
        from quizapp.extensions import db
        from quizapp.models import Attempt

        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        app = create_app({"TESTING": True, "SECRET_KEY": secrets.token_hex(32),
                          "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            db.create_all()
            quiz = make_quiz(db)
            keys = [f"student-{n}" for n in range(args.class_size)]
            for key in keys:
                attempt = answered_attempt(db, quiz, key, rng)
                grading.grade_attempt(attempt)
                db.session.commit()
            grading_times, floor_times = [], []
            for round_ in range(args.rounds):
                key = rng.choice(keys) if round_ % 10 == 9 else f"new-{round_}"
                attempt = answered_attempt(db, quiz, key, rng)

                def grade(attempt=attempt):
                    assert grading.grade_attempt(attempt)
                    db.session.commit()

                def floor(attempt_id=attempt.id):
                    db.session.execute(update(Attempt).where(Attempt.id == attempt_id)
                                       .values(last_position=1))
                    db.session.commit()

                floor_times.append(timed(floor))
                grading_times.append(timed(grade))
            dialect = db.engine.dialect.name
            db.session.remove()
            db.engine.dispose()
    grading_ms = statistics.median(grading_times) * 1000
    floor_ms = statistics.median(floor_times) * 1000
    print(f"quizapp submission bench · {dialect} · {os.cpu_count()} cores · "
          f"{args.rounds} rounds after {args.class_size} first attempts; medians")
    print(f"one UPDATE and commit (the floor)   {floor_ms:7.2f} ms   1.00x")
    print(f"grading a 20-question attempt       {grading_ms:7.2f} ms {grading_ms / floor_ms:6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
