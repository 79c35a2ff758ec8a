"""An attempt in progress in as few statements as a page needs: the attempt by its token (with
its deadline, state and its quiz's version), its responses with what they picked (one query),
and saving one answer as an upsert of the response and a rewrite of its picks, in the request's
one transaction (BEGIN IMMEDIATE on SQLite, quizapp.database). The rows come back as plain
views that the pages read like the models; the quiz itself comes from its snapshot."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from quizapp import attempts
from quizapp.attempts import Answer, Slot
from quizapp.extensions import db
from quizapp.models import (
    Attempt,
    Quiz,
    Response,
    ResponsePair,
    ResponsePlace,
    now,
    response_choice,
)
from quizapp.snapshots import ChoiceView, QuestionView, QuizView


@dataclass(frozen=True, eq=False)
class AttemptView:
    id: int
    token: str
    quiz_id: int
    choice_seed: str
    started_at: datetime
    deadline_at: datetime | None
    last_position: int
    submitted_at: datetime | None
    quiz_version: int
    quiz: QuizView | None = None  # set from the snapshot of quiz_version


@dataclass(frozen=True, eq=False)
class PickedPair:
    item_id: int
    choice_id: int
    choice: ChoiceView


@dataclass(frozen=True, eq=False)
class PickedPlace:
    choice_id: int
    position: int
    choice: ChoiceView


@dataclass(frozen=True, eq=False)
class ResponseView:
    id: int
    question_id: int
    correct: bool
    score: float
    saved_at: datetime | None
    checked_at: datetime | None
    chosen: tuple[ChoiceView, ...]
    pairs: tuple[PickedPair, ...]
    places: tuple[PickedPlace, ...]

    answered = Response.answered


# Read through the session's connection with SQLAlchemy Core: the same transaction as the
# rest of the request, without the ORM's work per statement (these run on every page).
_attempt, _quiz, _response = Attempt.__table__, Quiz.__table__, Response.__table__
_pair, _place = ResponsePair.__table__, ResponsePlace.__table__
ATTEMPT_BY_TOKEN = (
    select(_attempt.c.id, _attempt.c.token, _attempt.c.quiz_id, _attempt.c.choice_seed,
           _attempt.c.started_at, _attempt.c.deadline_at, _attempt.c.last_position,
           _attempt.c.submitted_at, _quiz.c.version)
    .join(_quiz, _quiz.c.id == _attempt.c.quiz_id)
    .where(_attempt.c.token == bindparam("token")))
_RESPONSE_COLUMNS = (
    _response.c.id, _response.c.question_id, _response.c.correct, _response.c.score,
    _response.c.saved_at, _response.c.checked_at, response_choice.c.choice_id,
    _pair.c.item_id, _pair.c.choice_id, _place.c.choice_id, _place.c.position)


def _with_picks(joined, response_id):
    return (joined.outerjoin(response_choice, response_choice.c.response_id == response_id)
            .outerjoin(_pair, _pair.c.response_id == response_id)
            .outerjoin(_place, _place.c.response_id == response_id))


RESPONSES_OF_ATTEMPT = (
    select(*_RESPONSE_COLUMNS).select_from(_with_picks(_response, _response.c.id))
    .where(_response.c.attempt_id == bindparam("attempt_id")))
# The attempt and its responses in one statement, for the pages that need both (a question
# page, an answer save): a row per pick, the attempt's columns first, the response's after
# them (all empty when it has none yet).
ATTEMPT_WITH_RESPONSES = (
    select(*ATTEMPT_BY_TOKEN.selected_columns, *_RESPONSE_COLUMNS)
    .select_from(_with_picks(
        _attempt.join(_quiz, _quiz.c.id == _attempt.c.quiz_id)
        .outerjoin(_response, _response.c.attempt_id == _attempt.c.id), _response.c.id))
    .where(_attempt.c.token == bindparam("token")))
# An answer save reads them under the attempt row's lock (PostgreSQL's FOR UPDATE; SQLite's
# BEGIN IMMEDIATE has locked the database already): another tab's save waits, so what the save
# compares its answer with is still what is stored when it writes.
ATTEMPT_WITH_RESPONSES_LOCKED = ATTEMPT_WITH_RESPONSES.with_for_update(of=_attempt)
_ATTEMPT_WIDTH = len(ATTEMPT_BY_TOKEN.selected_columns)


def attempt_by_token(token: str) -> AttemptView | None:
    """One query: the attempt and its quiz's version."""
    row = db.session.connection().execute(ATTEMPT_BY_TOKEN, {"token": token}).one_or_none()
    return AttemptView(*row) if row is not None else None


def attempt_and_response_rows(token: str, to_save: bool = False
                              ) -> tuple[AttemptView | None, list]:
    """One query: the attempt and its quiz's version, and its responses' rows for
    responses_by_question (None and no rows when no attempt has the token). `to_save` reads in
    the request's transaction, locking the attempt for the save that follows (a request that
    writes must: on SQLite a second connection would wait for its lock); otherwise the read has
    a connection of its own."""
    if to_save:
        rows = db.session.connection().execute(ATTEMPT_WITH_RESPONSES_LOCKED,
                                               {"token": token}).all()
    else:
        # A page that only reads takes a connection of its own and gives it back at once: the
        # session's transaction, and ending it after the request, cost more than the query.
        with db.engine.connect() as connection:
            rows = connection.execute(ATTEMPT_WITH_RESPONSES, {"token": token}).all()
    if not rows:
        return None, []
    return (AttemptView(*rows[0][:_ATTEMPT_WIDTH]),
            [row[_ATTEMPT_WIDTH:] for row in rows if row[_ATTEMPT_WIDTH] is not None])


def _response_rows(attempt_id: int):
    return db.session.connection().execute(RESPONSES_OF_ATTEMPT,
                                           {"attempt_id": attempt_id}).all()


def responses_by_question(attempt: AttemptView, rows: list | None = None
                          ) -> dict[int, ResponseView]:
    """The attempt's responses with their picks, pairs and places, by question id: from the
    rows read with the attempt, or in one query. A response holds one kind of pick, so the
    outer joins multiply no rows."""
    choices = attempt.quiz.choices
    found: dict[int, tuple] = {}
    for (response_id, question_id, correct, score, saved_at, checked_at, chosen_id,
         item_id, pair_choice_id, place_choice_id, place) in (
            _response_rows(attempt.id) if rows is None else rows):
        _, chosen, pairs, places = found.setdefault(
            response_id, ((response_id, question_id, correct, score, saved_at, checked_at),
                          {}, {}, {}))
        if chosen_id in choices:
            chosen[chosen_id] = choices[chosen_id]
        if pair_choice_id in choices:
            pairs[item_id] = PickedPair(item_id, pair_choice_id, choices[pair_choice_id])
        if place_choice_id in choices:
            places[place_choice_id] = PickedPlace(place_choice_id, place, choices[place_choice_id])
    views = (ResponseView(*fields, tuple(sorted(chosen.values(), key=lambda c: c.position)),
                          tuple(sorted(pairs.values(), key=lambda p: p.item_id)),
                          tuple(sorted(places.values(), key=lambda p: p.position)))
             for fields, chosen, pairs, places in found.values())
    return {view.question_id: view for view in views}


# Slots kept per quiz version; past it that version's are made afresh.
SLOTS_KEPT = 5000


def slots(attempt: AttemptView, answered: set[int]) -> list[Slot]:
    """The attempt's questions as it shows them (quizapp.attempts.slots), made once per attempt
    and quiz version: their orders and choice values come from keyed hashes that cost more
    than the rest of a page's work on the questions."""
    kept = attempt.quiz.attempt_slots
    key = (attempt.id, attempt.choice_seed, frozenset(answered & attempt.quiz.versioned))
    made = kept.get(key)
    if made is None:
        if len(kept) >= SLOTS_KEPT:
            kept.clear()
        made = kept[key] = attempts.slots(attempt, answered)
    return made


@functools.cache
def _upsert_response(dialect_name: str):
    """INSERT … ON CONFLICT (attempt, question) DO UPDATE the response, unless it was checked,
    RETURNING its id: built once per database dialect, as it runs on every save."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    table = Response.__table__
    statement = dialect.insert(table).values(
        attempt_id=bindparam("attempt_id"), question_id=bindparam("question_id"),
        saved_at=bindparam("saved_at"), correct=False, score=0.0)
    return statement.on_conflict_do_update(
        index_elements=["attempt_id", "question_id"],
        set_={"saved_at": statement.excluded.saved_at},
        where=table.c.checked_at.is_(None)).returning(table.c.id)


@functools.cache
def _delete_picks(table):
    return delete(table).where(table.c.response_id == bindparam("saved_response"))


def save_answer(attempt: AttemptView, question: QuestionView, given: Answer,
                saved: Answer | None, position: int | None = None,
                at: datetime | None = None) -> bool:
    """Save one answer, ungraded, and (when given) the place a resumed attempt opens at; the
    caller commits. `saved` is the answer stored before (None: no response yet), read under the
    attempt's lock (attempt_and_response_rows(to_save=True)). Raises AnswerRefused when the
    attempt no longer takes answers. False when the answer stayed as it was: it was checked
    (final) in the meantime."""
    moment = at or now()
    attempts.hold_for_change(attempt, moment, position)
    if not given and saved is None:
        return True  # nothing chosen, nothing saved before: no response to keep
    response_id = db.session.execute(
        _upsert_response(db.session.get_bind().dialect.name),
        {"attempt_id": attempt.id, "question_id": question.id, "saved_at": moment}
    ).scalar_one_or_none()
    if response_id is None:
        return False
    # "Next" and "Back" send the answer again as it was: only its time is new.
    if given != saved:
        _replace_picks(response_id, attempt.id, question, given)
    return True


def _replace_picks(response_id: int, attempt_id: int, question: QuestionView,
                   given: Answer) -> None:
    if question.type == "matching":
        table = ResponsePair.__table__
        rows = [{"response_id": response_id, "item_id": item_id, "choice_id": choice_id}
                for item_id, choice_id in given.pairs]
    elif question.type == "ordering":
        table = ResponsePlace.__table__
        rows = [{"response_id": response_id, "choice_id": choice_id, "position": position}
                for position, choice_id in enumerate(given.order)]
    else:
        table = response_choice
        rows = [{"response_id": response_id, "choice_id": choice_id, "attempt_id": attempt_id}
                for choice_id in sorted(given.chosen)]
    db.session.execute(_delete_picks(table), {"saved_response": response_id})
    if rows:
        db.session.execute(insert(table), rows)
