"""One press of "Generate questions": the generators run kind by kind, in a background thread
with its own app context, and the GenerationRun row tells the run page how far they are.

One run per story at a time, enforced by the database (a unique index over the story's
unfinished runs), so presses sent at the same moment start one run. While it works, a run moves
its heartbeat on every few seconds; a run whose heartbeat stopped died with its worker, is seen
as dead within a minute, and no longer blocks a new one."""
from __future__ import annotations

import json
import threading
from datetime import timedelta

from flask import Flask, current_app
from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from quizapp import bank, generators
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.models import GenerationRun, QuestionStatus, Story, now

UNFINISHED = ("queued", "running")
HEARTBEAT_EVERY = timedelta(seconds=10)
# Several missed heartbeats: the run's worker is gone (killed, restarted, out of memory).
DEAD_AFTER = timedelta(seconds=45)
DIED = ("This run stopped without finishing (the server may have restarted). Nothing from it "
        "was saved; start again.")


class RunBusy(RuntimeError):
    """The story already has a run under way."""


def _last_sign_of_life():
    return func.coalesce(GenerationRun.heartbeat_at, GenerationRun.started_at)


def mark_dead_runs(story: Story) -> None:
    """Unfinished runs of the story whose heartbeat stopped: marked failed. The caller commits."""
    db.session.execute(
        update(GenerationRun)
        .where(GenerationRun.story_id == story.id, GenerationRun.state.in_(UNFINISHED),
               _last_sign_of_life() < now() - DEAD_AFTER)
        .values(state="failed", error=DIED, finished_at=now())
        .execution_options(synchronize_session=False))


def active_run(story: Story) -> GenerationRun | None:
    """The story's run under way (alive), if any."""
    return db.session.execute(
        db.select(GenerationRun)
        .where(GenerationRun.story_id == story.id, GenerationRun.state.in_(UNFINISHED),
               _last_sign_of_life() >= now() - DEAD_AFTER)
        .order_by(GenerationRun.id.desc())).scalars().first()


def is_stalled(run: GenerationRun) -> bool:
    """An unfinished run whose heartbeat stopped: its worker is gone."""
    return (run.state in UNFINISHED
            and (run.heartbeat_at or run.started_at) < now() - DEAD_AFTER)


def start(story: Story) -> int:
    """Record a queued run and set it going: in a thread, or here and now when the app says so
    (GENERATION_IN_BACKGROUND = False, for tests and one-off scripts). Returns the run's id;
    RunBusy when the story has a run under way."""
    mark_dead_runs(story)
    run = GenerationRun(story=story, state="queued", total=len(registry.KINDS) + 1,
                        step="Waiting to start", heartbeat_at=now())
    db.session.add(run)
    try:
        db.session.flush()
        run_id = run.id  # read before the commit: reading after it would open a new transaction
        db.session.commit()
    except IntegrityError:
        # Another press got there first: the database holds one unfinished run per story.
        db.session.rollback()
        raise RunBusy("Questions for this story are being written already.") from None
    if current_app.config["GENERATION_IN_BACKGROUND"]:
        app = current_app._get_current_object()
        threading.Thread(target=_run_in_thread, args=(app, run_id),
                         name=f"generation-run-{run_id}", daemon=True).start()
    else:
        execute(run_id)
    return run_id


def _run_in_thread(app: Flask, run_id: int) -> None:
    with app.app_context():
        execute(run_id)
        db.session.remove()


def _beat(app: Flask, run_id: int, stop: threading.Event) -> None:
    """Move the run's heartbeat on until told to stop, in a session of its own."""
    with app.app_context():
        while not stop.wait(HEARTBEAT_EVERY.total_seconds()):
            try:
                db.session.execute(
                    update(GenerationRun)
                    .where(GenerationRun.id == run_id, GenerationRun.state.in_(UNFINISHED))
                    .values(heartbeat_at=now()))
                db.session.commit()
            except SQLAlchemyError:  # a busy database: the next beat tries again
                db.session.rollback()
        db.session.remove()


def _progress(run: GenerationRun, step: str, done: int, counts: dict[str, int]) -> None:
    run.step, run.done, run.counts = step, done, json.dumps(counts)
    run.heartbeat_at = now()
    db.session.commit()


def execute(run_id: int) -> None:
    """Write the story's questions kind by kind, then store them as drafts in one transaction,
    with a heartbeat beside it."""
    stop = threading.Event()
    heart = threading.Thread(target=_beat, args=(current_app._get_current_object(), run_id, stop),
                             name=f"generation-heartbeat-{run_id}", daemon=True)
    heart.start()
    try:
        _write(run_id)
    finally:
        stop.set()
        heart.join()


def _write(run_id: int) -> None:
    run = db.session.get(GenerationRun, run_id)
    run.state = "running"
    try:
        story = run.story
        plain = bank.story_for_generators(story)
        counts: dict[str, int] = {}
        _progress(run, "Reading the articles", 0, counts)

        def told(kind: str, done: int, _total: int, written: int) -> None:
            counts[kind] = written
            _progress(run, f"Wrote {kind.replace('_', ' ')} questions", done, counts)

        written = generators.generate_questions(plain, progress=told)
        counts = {kind.name: sum(1 for q in written if q.kind == kind.name)
                  for kind in registry.KINDS}
        stored = bank.store_generated(story, written, status=QuestionStatus.DRAFT)
        run.counts = json.dumps({"kinds": counts, "stored": stored})
        run.state, run.step, run.done = "done", "Finished", run.total
        run.finished_at = now()
        db.session.commit()
    except Exception as error:  # the run page must say it failed, whatever broke
        db.session.rollback()
        current_app.logger.exception("Generation run %s failed", run_id)
        run = db.session.get(GenerationRun, run_id)
        run.state, run.finished_at = "failed", now()
        run.error = (str(error) if isinstance(error, generators.StoryError) else
                     "Something went wrong while writing the questions; none were saved.")
        db.session.commit()


def run_counts(run: GenerationRun) -> dict:
    """{"kinds": {kind: n}, "stored": {added, updated, kept, removed}} once done; while
    running, {"kinds": {kind: n}} for the kinds written so far."""
    data = json.loads(run.counts or "{}")
    if "kinds" not in data:
        data = {"kinds": data}
    return data
