"""`/healthz` for load balancers and process managers: is this worker up, can it reach the
database, can the database take a write? A trivial query and a write begun and rolled back; no
session, no template."""
from __future__ import annotations

from flask import Blueprint, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from quizapp import database
from quizapp.extensions import db

bp = Blueprint("health", __name__)

PLAIN = {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
        problem = database.write_problem()
    except SQLAlchemyError as error:
        current_app.logger.warning("Health check: database unreachable: %s", error)
        return "database unreachable", 503, PLAIN
    if problem is not None:
        # A read-only database would refuse every answer while the pages still load.
        current_app.logger.warning("Health check: %s", problem)
        return problem, 503, PLAIN
    return "ok", 200, PLAIN
