"""One press of "Generate questions": the generators run kind by kind, in a background thread
with its own app context, and the GenerationRun row tells the run page how far they are."""
from __future__ import annotations

import json
import threading
from datetime import timedelta

from flask import Flask, current_app

from quizapp import bank, generators
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.models import GenerationRun, QuestionStatus, Story, now

# A run this old that never finished died with its worker; another may start.
STALE_AFTER = timedelta(minutes=15)


class RunBusy(RuntimeError):
    """The story already has a run under way."""


def active_run(story: Story) -> GenerationRun | None:
    return db.session.execute(
        db.select(GenerationRun)
        .where(GenerationRun.story_id == story.id,
               GenerationRun.state.in_(("queued", "running")),
               GenerationRun.started_at > now() - STALE_AFTER)
        .order_by(GenerationRun.id.desc())).scalars().first()


def is_stalled(run: GenerationRun) -> bool:
    """A run that never finished though it is older than any run takes: its worker stopped."""
    return run.state in ("queued", "running") and run.started_at <= now() - STALE_AFTER


def start(story: Story) -> int:
    """Record a queued run and set it going: in a thread, or here and now when the app says so
    (GENERATION_IN_BACKGROUND = False, for tests and one-off scripts). Returns the run's id."""
    if active_run(story) is not None:
        raise RunBusy("Questions for this story are being written already.")
    run = GenerationRun(story=story, state="queued", total=len(registry.KINDS) + 1,
                        step="Waiting to start")
    db.session.add(run)
    db.session.flush()
    run_id = run.id  # read before the commit: reading after it would open a new transaction
    db.session.commit()
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


def _progress(run: GenerationRun, step: str, done: int, counts: dict[str, int]) -> None:
    run.step, run.done, run.counts = step, done, json.dumps(counts)
    db.session.commit()


def execute(run_id: int) -> None:
    """Write the story's questions kind by kind, then store them as drafts in one transaction."""
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
