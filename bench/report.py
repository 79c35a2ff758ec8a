"""How fast the instructor's score review is with a million responses: the per-quiz results page,
the item analysis, the skills page and the CSV exports, each timed through the Flask test client
(signed in, so the whole page is measured: queries, formulas, template), against the bare SQL
aggregate `SELECT question_id, count(*), sum(correct) FROM response GROUP BY question_id`
measured in the same run on the same data. Target: each page within 3x the bare aggregate.

    .venv/bin/python bench/report.py                 # SQLite file in a temporary folder, 1,000,000 responses
    .venv/bin/python bench/report.py --responses 100000 --repeat 3       # a quick run
    .venv/bin/python bench/report.py --database-url postgresql+psycopg://user@host/emptydb
    bash tests/with-postgres.sh sh -c '.venv/bin/python bench/report.py --database-url "$TEST_DATABASE_URL"'

The database is filled with --responses responses: 100 questions a quiz, so 10,000 attempts for a
million, a tenth of them second attempts (which the item analysis must skip). Marks follow a
simple ability-minus-difficulty model so the statistics look like a real class's. Rows go in by
executemany on SQLite and COPY on PostgreSQL. Every figure is the median of --repeat runs after
one warm-up run; the machine is shared and noisy, so read ratios, not seconds.
"""  # noqa: E501 - commands to copy whole
from __future__ import annotations

import argparse
import math
import os
import random
import secrets
import statistics as stats
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, inspect, text

SKILLS = ["attribution", "sourcing", "framing", "omission", "numbers", "names", "hedging",
          "quotation", "cross-checking", "attribution"]
TARGET = 3.0
BARE = ("SELECT question_id, count(*), sum(CAST(correct AS INTEGER)) "
        "FROM response GROUP BY question_id")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", help="an empty database (default: SQLite in a temp folder)"
    )
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--questions", type=int, default=100, help="questions in the quiz")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measure (median)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--explain", action="store_true",
                        help="also time the item analysis's counts as they were (joining the "
                             "responses to the first attempts) and as they are (reading the "
                             "tallies), and print their plans (EXPLAIN ANALYZE on PostgreSQL, "
                             "the query plan on SQLite)")
    return parser.parse_args()


def item_analysis_queries(db, quiz_id: int) -> dict[str, str]:
    """The bare aggregate and the item analysis's two big counts, as they were (joining the
    responses to the first attempts) and as they are (reading the tallies), as SQL for EXPLAIN."""
    from sqlalchemy import func, select

    from quizapp.models import Response, response_choice
    from quizapp.results import tallies
    from quizapp.results.queries import first_attempts

    first = first_attempts(quiz_id)
    cut = 60  # about the strongest third's cut in this class; any cut reads the same rows
    queries = {
        "(question, score) counts, every response (before)":
            select(Response.question_id, first.c.score, func.count(), func.sum(Response.score))
            .join(first, first.c.id == Response.attempt_id)
            .group_by(Response.question_id, first.c.score),
        "choice counts, the attempt on each pick (before)":
            select(response_choice.c.choice_id, func.count()).select_from(response_choice)
            .join(first, first.c.id == response_choice.c.attempt_id)
            .group_by(response_choice.c.choice_id),
        "(question, score) counts, question_tally (now)": tallies.question_cells_query(quiz_id),
        "choice counts, answer_tally (now)":
            tallies.answer_counts_query(quiz_id, tallies.CHOICE, cut),
    }
    compiled = {name: str(query.compile(dialect=db.engine.dialect,
                                        compile_kwargs={"literal_binds": True}))
                for name, query in queries.items()}
    return {"bare GROUP BY aggregate": BARE, **compiled}


def explain(app, db, quiz_id: int, repeat: int) -> None:
    with app.app_context():
        queries = item_analysis_queries(db, quiz_id)
        postgresql = db.engine.dialect.name == "postgresql"
        times = {name: median_time(lambda sql=sql: db.session.execute(text(sql)).all(), repeat)
                 for name, sql in queries.items()}
        print()
        for name in queries:
            ratio = times[name] / times["bare GROUP BY aggregate"]
            print(f"{name:50} {times[name] * 1000:9.1f} ms {ratio:6.2f}x")
        for name, sql in queries.items():
            prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgresql else "EXPLAIN QUERY PLAN "
            plan = db.session.execute(text(prefix + sql)).all()
            print(f"\n-- {name}\n{sql}")
            for row in plan:
                print("   " + (row[0] if postgresql else f"{row[1]:>3} {row[3]}"))
        db.session.remove()


def make_app(url: str, instance: str):
    os.environ["QUIZAPP_INSTANCE_PATH"] = instance  # keep the checkout's instance/ untouched
    from quizapp import create_app

    # A fresh key each run: quizapp refuses short ones, and nothing signed here outlives the run.
    return create_app({"TESTING": True, "SECRET_KEY": secrets.token_hex(32),
                       "SQLALCHEMY_DATABASE_URI": url})


def fill(db, n_questions: int, n_responses: int, seed: int) -> tuple[int, int]:
    """Questions, a quiz, attempts and responses; returns (quiz id, instructor id)."""
    from werkzeug.security import generate_password_hash

    from quizapp.models import (
        Attempt,
        Choice,
        Instructor,
        Question,
        Quiz,
        QuizQuestion,
        Response,
        response_choice,
    )

    rng = random.Random(seed)
    n_attempts = max(1, n_responses // n_questions)
    instructor = Instructor(name="bench", password_hash=generate_password_hash("bench"))
    questions = [
        Question(
            kind="bench",
            skill=SKILLS[i % len(SKILLS)],
            prompt=f"Question {i + 1}?",
            origin="generated",
            status="approved",
            choices=[
                Choice(position=c, text=f"Choice {c + 1} of question {i + 1}", correct=c == 0)
                for c in range(4)
            ],
        )
        for i in range(n_questions)
    ]
    # Owned by the signed-in instructor: another's quiz is a 404 (instructor/ownership.py).
    quiz = Quiz(title="Bench quiz", join_code="BENCH1", published=True, owner=instructor,
                items=[QuizQuestion(question=q, position=i) for i, q in enumerate(questions)])
    db.session.add_all([instructor, quiz])
    db.session.commit()
    question_ids = [q.id for q in questions]
    choice_ids = [[c.id for c in q.choices] for q in questions]
    difficulty = [rng.gauss(0, 1) for _ in questions]

    # A tenth of the attempts are second attempts by a student who already made one.
    n_students = max(1, n_attempts - n_attempts // 10)
    ability = [rng.gauss(0, 1) for _ in range(n_students)]
    start = datetime(2026, 1, 5, 9, 0)
    attempt_rows, response_rows, chosen_rows = [], [], []
    response_id = 0
    for a in range(n_attempts):
        student = a if a < n_students else rng.randrange(n_students)
        started = start + timedelta(seconds=a * 7 + (86400 if a >= n_students else 0))
        score = 0
        for q, question_id in enumerate(question_ids):
            response_id += 1
            p = 1 / (
                1 + math.exp(difficulty[q] - ability[student] - (0.5 if a >= n_students else 0))
            )
            correct = rng.random() < p
            score += correct
            response_rows.append((response_id, a + 1, question_id, correct, float(correct)))
            if correct:
                chosen_rows.append((response_id, choice_ids[q][0], a + 1))
            elif rng.random() < 0.97:  # a few leave it blank
                chosen_rows.append((response_id, choice_ids[q][rng.randrange(1, 4)], a + 1))
        attempt_rows.append(
            {
                "id": a + 1,
                "token": f"bench-{a}",
                "submission_key": f"bench-key-{a}",
                "quiz_id": quiz.id,
                "student_name": f"Student {student:05d}",
                "started_at": started,
                "submitted_at": started + timedelta(seconds=rng.randint(300, 2400)),
                "score": score,
                "max_score": n_questions,
                "last_position": 0,
            }
        )
    db.session.execute(insert(Attempt), attempt_rows)
    db.session.commit()
    bulk_insert(
        db, Response.__table__.name, ["id", "attempt_id", "question_id", "correct", "score"],
        response_rows
    )
    bulk_insert(db, response_choice.name, ["response_id", "choice_id", "attempt_id"],
                chosen_rows)
    # Fresh statistics for the planners (and PostgreSQL's visibility map, which lets it read
    # indexes alone), as a database that has lived a while has them from autovacuum.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE" if db.engine.dialect.name == "postgresql"
                                   else "ANALYZE")
    return quiz.id, instructor.id


def bulk_insert(
    db, table: str, columns: list[str], rows: list[tuple], chunk: int = 100_000
) -> None:
    if db.engine.dialect.name == "postgresql":
        raw = db.engine.raw_connection()
        try:
            with raw.cursor() as cursor, \
                    cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            raw.commit()
        finally:
            raw.close()
        return
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    with db.engine.begin() as connection:
        for i in range(0, len(rows), chunk):
            connection.exec_driver_sql(sql, rows[i:i + chunk])


def median_time(run, repeat: int) -> float:
    run()  # warm-up: caches, compiled statements, templates
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return stats.median(times)


def main() -> int:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        app = make_app(url, folder)
        from quizapp.extensions import db
        from quizapp.results import tallies

        with app.app_context():
            if "attempt" in inspect(db.engine).get_table_names() and db.session.execute(
                    text("SELECT count(*) FROM attempt")).scalar():
                print(
                    "The database already holds attempts; give the bench an empty one.",
                    file=sys.stderr,
                )
                return 2
            db.create_all()
            began = time.perf_counter()
            quiz_id, instructor_id = fill(db, args.questions, args.responses, args.seed)
            filled = time.perf_counter() - began
            # Rows copied in behind the app's back: the tallies the pages read are counted as
            # an upgrade or `flask rebuild-statistics` counts them.
            began = time.perf_counter()
            tallies.rebuild(quiz_id)
            db.session.commit()
            counted = time.perf_counter() - began
            n = db.session.execute(text("SELECT count(*) FROM response")).scalar()
            dialect = db.engine.dialect.name
            db.session.remove()

        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = f"{instructor_id}:1"  # id:session version (auth.sessions)
            session["_fresh"] = True

        def bare():
            with app.app_context():
                db.session.execute(text(BARE)).all()
                db.session.remove()

        def page(path):
            def get():
                response = client.get(path)
                body = response.get_data()  # drains a streamed CSV too
                assert response.status_code == 200, (path, response.status_code, body[:300])
            return get

        base = f"/instructor/quizzes/{quiz_id}"
        measures = [
            ("results page (attempts, summary, histogram)", page(f"{base}/results"), True),
            ("item analysis page", page(f"{base}/items"), True),
            ("skills page", page(f"{base}/skills"), True),
            ("attempts.csv (one row per attempt)", page(f"{base}/attempts.csv"), True),
            ("responses.csv (one row per response)", page(f"{base}/responses.csv"), False),
        ]
        print(
            f"quizapp report bench · {datetime.now():%Y-%m-%d} · {os.cpu_count()} cores · {dialect}"
        )
        print(
            f"{n:,} responses in {args.responses // args.questions:,} attempts of "
            f"{args.questions} questions, filled in {filled:.1f} s, tallies counted in "
            f"{counted:.1f} s; median of {args.repeat} runs\n"
        )
        baseline = median_time(bare, args.repeat)
        print(f"{'bare GROUP BY aggregate':46} {baseline * 1000:9.1f} ms   1.00x")
        missed = 0
        for name, run, targeted in measures:
            seconds = median_time(run, args.repeat)
            ratio = seconds / baseline
            if targeted:
                verdict = "within 3x" if ratio <= TARGET else "OVER 3x"
                missed += ratio > TARGET
            else:
                verdict = f"{n / seconds:,.0f} rows/s (grows with rows written; no target)"
            print(f"{name:46} {seconds * 1000:9.1f} ms {ratio:6.2f}x  {verdict}")
        print(f"\n{'all targeted pages within 3x' if not missed else f'{missed} page(s) over 3x'}")
        if args.explain:
            explain(app, db, quiz_id, args.repeat)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
