"""Handing a quiz to a class: its link, and the link as a QR code for phones to scan, drawn on
the server as SVG by segno (no script, no image service), and the projector's live counts."""
from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz


def qr_svg(link: str) -> str:
    """The link as an inline SVG QR code, scaled by its container (a stylesheet sizes it): dark
    modules on white with the standard quiet zone, so phone cameras read it off a projector."""
    code = segno.make(link, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True,
              title="QR code of the quiz's link", dark="#000", light="#fff", border=4)
    return out.getvalue().decode("utf-8")


@dataclass(frozen=True)
class Counts:
    joined: int  # students who started an attempt
    finished: int  # of them, those who submitted


def counts(quiz: Quiz) -> Counts:
    """How many attempts were started and submitted, counted in SQL."""
    joined, finished = db.session.execute(
        select(func.count(Attempt.id), func.count(Attempt.submitted_at))
        .where(Attempt.quiz_id == quiz.id)).one()
    return Counts(joined=joined, finished=finished)
