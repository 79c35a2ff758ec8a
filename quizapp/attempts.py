"""A student's attempt while it is taken: starting it, the order it shows questions and
choices in, its deadline, and saving answers (ungraded) as the student goes."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Integer, bindparam, func, or_, update

from quizapp.extensions import db
from quizapp.models import (
    Article,
    Attempt,
    Choice,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    ResponsePair,
    ResponsePlace,
    name_key,
    now,
)
from quizapp.quiz_builder import JOIN_CODE_ALPHABET
from quizapp.results import tallies
from quizapp.rosters import normalise_name

# A save sent just before the deadline may arrive a little after it (a slow phone network):
# answers are taken until this long after the deadline; the README says so.
GRACE = timedelta(seconds=30)
RESUME_CODE_LENGTH = 6
CHOICE_VALUE_LENGTH = 16  # hex digits: 64 bits, no two choices of a question alike


class AnswerRefused(Exception):
    """The answer cannot be saved: the attempt is submitted, past its deadline, or its quiz
    closed. The message says which, for the student."""


@dataclass(frozen=True)
class Slot:
    """A question at its place in one attempt (1-based), with its choices in the order shown
    and the value each choice carries in this attempt's pages."""

    number: int
    question: Question
    choices: list[Choice]
    values: dict[int, str] = field(default_factory=dict)  # choice id -> value in the page

    def value_of(self, choice: Choice) -> str:
        return self.values[choice.id]

    def values_of(self, choices: Iterable[Choice]) -> list[str]:
        return [self.values[choice.id] for choice in choices]

    def choice_ids(self, values: Iterable[str]) -> set[int] | None:
        """The choices these page values name; None if any names no choice of this slot."""
        by_value = {value: choice_id for choice_id, value in self.values.items()}
        ids = {by_value.get(value) for value in values}
        return None if None in ids else ids


@dataclass(frozen=True)
class Answer:
    """What a student gives one question: the choices ticked (single, multiple, evidence), the
    choice paired with each left item (matching: item id, choice id), or the choices in the
    student's order (ordering)."""

    chosen: frozenset[int] = frozenset()
    pairs: tuple[tuple[int, int], ...] = ()
    order: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.chosen or self.pairs or self.order)


def answer_of(response: Response | None) -> Answer:
    if response is None:
        return Answer()
    return Answer(frozenset(choice.id for choice in response.chosen),
                  tuple(sorted((pair.item_id, pair.choice_id) for pair in response.pairs)),
                  tuple(place.choice_id for place in response.places))


def shown_order(slot: Slot, given: Answer) -> list[Choice]:
    """An ordering question's choices as its page lists them: the student's saved order, else
    the attempt's shuffled one."""
    saved = given.order
    if not saved:
        return list(slot.choices)
    by_id = {choice.id: choice for choice in slot.choices}
    listed = [by_id[choice_id] for choice_id in saved if choice_id in by_id]
    return listed + [choice for choice in slot.choices if choice not in listed]


def arranged(shown: list[int], places: dict[int, int]) -> list[int]:
    """The order the place menus ask for. `shown` is the order the page listed; each item asks
    for a place (1-based). The items whose menu changed go to the places asked for, and the
    others keep their order in the places left: one change of one menu moves one item, as the
    page script moves it."""
    moving = sorted((places[item], index, item) for index, item in enumerate(shown)
                    if places.get(item, index + 1) != index + 1)
    order = [item for item in shown if item not in {m[2] for m in moving}]
    for place, _, item in moving:
        order.insert(min(max(place - 1, 0), len(order)), item)
    return order


def moved(order: list[int], item: int, step: int) -> list[int]:
    """The order with one item moved one place up (step -1) or down (+1)."""
    if item not in order:
        return order
    index = order.index(item)
    target = min(max(index + step, 0), len(order) - 1)
    order = list(order)
    order.insert(target, order.pop(index))
    return order


def new_resume_code() -> str:
    # The join code's alphabet: read off a screen and typed on a phone, it must not be mistyped.
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))


def start_attempt(quiz: Quiz, student_name: str, submission_key: str,
                  at: datetime | None = None, student_key: str | None = None) -> Attempt:
    """A new attempt; the caller commits. Its deadline is fixed now, from the quiz's limit,
    and comes no later than the quiz's close date: the clock a student sees is the one that
    ends their attempt. Without a student key the attempt is its name's (models.name_key)."""
    started = at or now()
    deadline = None
    if quiz.time_limit_minutes:
        deadline = started + timedelta(minutes=quiz.time_limit_minutes)
    if quiz.closes_at is not None and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    attempt = Attempt(quiz=quiz, student_name=student_name, submission_key=submission_key,
                      token=secrets.token_urlsafe(24), resume_code=new_resume_code(),
                      started_at=started, deadline_at=deadline, max_score=len(quiz.items),
                      student_key=student_key or name_key(student_name))
    db.session.add(attempt)
    return attempt


def find_for_resume(join_code: str, student_name: str, resume_code: str) -> Attempt | None:
    """The attempt these three identify, or None (the caller must not say which part was wrong)."""
    code = resume_code.strip().upper().replace("-", "").replace(" ", "")
    candidates = db.session.execute(
        db.select(Attempt).join(Quiz)
        .where(Quiz.join_code == join_code.strip().upper(), Attempt.resume_code == code)
        .order_by(Attempt.started_at.desc())
    ).scalars()
    wanted = normalise_name(student_name)
    for attempt in candidates:
        if normalise_name(attempt.student_name) == wanted:
            return attempt
    return None


def _stable_key(token: str, row_id: int) -> str:
    return hashlib.sha256(f"{token}:{row_id}".encode()).hexdigest()


def ordered_items(attempt: Attempt) -> list[QuizQuestion]:
    """The quiz's questions in this attempt's order: shuffled per attempt when the quiz says so,
    the same on every reload because the order comes from the attempt's token."""
    items = list(attempt.quiz.items)
    if attempt.quiz.shuffle_questions:
        items.sort(key=lambda item: _stable_key(attempt.token, item.question_id))
    return items


def _seeded_digest(choice_seed: str, purpose: str, choice_id: int) -> str:
    # Keyed by the attempt's secret seed, never by anything a page shows (its token is in the
    # address): no one can recompute which value or place belongs to which choice.
    return hmac.new(choice_seed.encode(), f"{purpose}:{choice_id}".encode(),
                    hashlib.sha256).hexdigest()


def _secret_digest(attempt: Attempt, purpose: str, choice_id: int) -> str:
    return _seeded_digest(attempt.choice_seed, purpose, choice_id)


def shuffled_choice_ids(choice_seed: str, choice_ids: Iterable[int]) -> list[int]:
    """A question's choice ids in the order an attempt with this seed shows them when the quiz
    shuffles choices (the results' exports letter the choices as the student saw them)."""
    return sorted(choice_ids, key=lambda choice_id: _seeded_digest(choice_seed, "order",
                                                                   choice_id))


def choice_value(attempt: Attempt, choice: Choice) -> str:
    """What a choice's input carries in this attempt's pages: unrelated to the choice's id or the
    order it was written in, the same on every reload of the attempt."""
    return _secret_digest(attempt, "value", choice.id)[:CHOICE_VALUE_LENGTH]


def ordered_choices(attempt: Attempt, question: Question) -> list[Choice]:
    choices = list(question.choices)
    if question.type == "evidence":
        return choices  # sentences keep the article's order: the page reads as the article
    # Ordering's stored order is its key: it is always shuffled, and never shown as it is.
    if attempt.quiz.shuffle_choices or question.type == "ordering":
        order = shuffled_choice_ids(attempt.choice_seed, [choice.id for choice in choices])
        choices.sort(key=lambda choice: order.index(choice.id))
    if question.type == "ordering" and len(choices) > 1 and choices == list(question.choices):
        choices = choices[1:] + choices[:1]
    return choices


def slots(attempt: Attempt, answered: set[int] | None = None) -> list[Slot]:
    """The attempt's questions as it shows them; `answered` (the ids of the questions it has
    responses to) is read from the attempt's responses unless given."""
    if answered is None:
        answered = {response.question_id for response in attempt.responses}
    shown = [answered_version(attempt, item.question, answered)
             for item in ordered_items(attempt)]
    return [Slot(number, question, ordered_choices(attempt, question),
                 {choice.id: choice_value(attempt, choice) for choice in question.choices})
            for number, question in enumerate(shown, start=1)]


def answered_version(attempt: Attempt, question: Question, answered: set[int]) -> Question:
    """The version of `question` this attempt shows and is graded on. An instructor's edit of
    the choices makes a newer version for the attempts that start later
    (quizapp.question_versions); an attempt keeps the version it started on, or the one it
    answered, so no answer saved or graded is lost or re-read against other choices."""
    version = question
    while (version.previous_id is not None and version.id not in answered
           and version.created_at > attempt.started_at):
        if version.previous is None:
            break
        version = version.previous
    return version


def responses_by_question(attempt: Attempt) -> dict[int, Response]:
    return {response.question_id: response for response in attempt.responses}


def time_is_up(attempt: Attempt, at: datetime | None = None) -> bool:
    """Past the deadline: the next page the student loads submits what was saved."""
    return attempt.deadline_at is not None and (at or now()) >= attempt.deadline_at


def is_over(attempt: Attempt, at: datetime | None = None) -> bool:
    """Time is up, or the teacher closed the quiz (it takes no new answers): either way the
    next page the student loads submits what was saved."""
    return attempt.quiz.has_closed(at) or time_is_up(attempt, at)


def seconds_left(attempt: Attempt, at: datetime | None = None) -> int | None:
    if attempt.deadline_at is None:
        return None
    return max(0, int((attempt.deadline_at - (at or now())).total_seconds()))


# The guarded UPDATE, built once as a plain table statement: it runs on every save, and the
# ORM's bulk-update path cost more than the statement (no Attempt row is kept in step
# with it, as before: the pages read the attempt afresh).
_attempt = Attempt.__table__
HOLD = (update(_attempt)
        .where(_attempt.c.id == bindparam("attempt_id"), _attempt.c.submitted_at.is_(None),
               or_(_attempt.c.deadline_at.is_(None),
                   _attempt.c.deadline_at >= bindparam("earliest")))
        .values(last_position=func.coalesce(bindparam("position", type_=Integer),
                                            _attempt.c.last_position)))


def hold_for_change(attempt: Attempt, at: datetime | None = None,
                    position: int | None = None) -> None:
    """Take the attempt's row for this transaction if it still accepts answers, else refuse;
    `position` (0-based) is where a resumed attempt will open, when given.

    The guarded UPDATE makes a save and a submission of the same attempt wait for each other
    (SQLite's write lock, PostgreSQL's row lock), so no answer lands after the grading.
    """
    if attempt.quiz.has_closed(at):
        db.session.rollback()
        raise AnswerRefused("Your teacher has closed this quiz: this answer was not saved.")
    moment = at or now()
    result = db.session.execute(
        HOLD, {"attempt_id": attempt.id, "earliest": moment - GRACE, "position": position})
    if result.rowcount != 1:
        db.session.rollback()
        raise AnswerRefused("Time is up or the quiz was submitted: this answer was not saved.")


def save_answers(attempt: Attempt, answers: list[tuple[Question, Answer]],
                 at: datetime | None = None) -> list[Question]:
    """Save the answers to some questions, ungraded; the caller has checked that the ids
    belong to their question, and commits. Returns the questions whose answer stayed as it was
    because it was checked (final) and the new one differs."""
    hold_for_change(attempt, at)
    saved = {
        response.question_id: response for response in db.session.execute(
            db.select(Response).where(Response.attempt_id == attempt.id)
            .execution_options(populate_existing=True)
        ).scalars()
    }
    refused = []
    for question, given in answers:
        response = saved.get(question.id)
        if response is None:
            if not given:
                continue  # nothing chosen, nothing saved before: no response to keep
            response = Response(question=question)
            attempt.responses.append(response)
        elif response.checked_at is not None:
            if answer_of(response) != given:
                refused.append(question)
            continue
        _store(response, question, given)
        response.saved_at = at or now()
    return refused


def _store(response: Response, question: Question, given: Answer) -> None:
    response.chosen = [choice for choice in question.choices if choice.id in given.chosen]
    # Pairs and places are changed in place, row by row: a row removed and one added with the
    # same key in one flush would collide.
    pairs = {pair.item_id: pair for pair in response.pairs}
    wanted = dict(given.pairs)
    response.pairs = [_pair(pairs.get(item_id), item_id, choice_id)
                      for item_id, choice_id in wanted.items()]
    places = {place.choice_id: place for place in response.places}
    response.places = [_place(places.get(choice_id), choice_id, position)
                       for position, choice_id in enumerate(given.order)]


def _pair(row: ResponsePair | None, item_id: int, choice_id: int) -> ResponsePair:
    row = row or ResponsePair(item_id=item_id)
    row.choice_id = choice_id
    return row


def _place(row: ResponsePlace | None, choice_id: int, position: int) -> ResponsePlace:
    row = row or ResponsePlace(choice_id=choice_id)
    row.position = position
    return row


def articles_of(quiz: Quiz) -> list[Article]:
    """The articles a quiz is about: its story's, else those its questions' evidence quotes."""
    if quiz.story is not None:
        return list(quiz.story.articles)
    seen: dict[int, Article] = {}
    for item in quiz.items:
        for evidence in item.question.evidence:
            seen.setdefault(evidence.article_id, evidence.article)
    return list(seen.values())


def remember_position(attempt: Attempt, number: int) -> None:
    attempt.last_position = number - 1


def delete_attempt(attempt: Attempt) -> None:
    """The attempt goes, with its responses and the choices they picked, and from the item
    analysis's tallies (the student's next attempt becoming their first); the caller commits."""
    tallies.hold_student(attempt)
    tallies.attempt_leaving(attempt)
    db.session.delete(attempt)


def name_of_student(quiz_id: int, student_key: str) -> str | None:
    """The name a student key took the quiz under (its latest attempt's), or None before its
    first attempt."""
    return db.session.execute(
        db.select(Attempt.student_name)
        .where(Attempt.quiz_id == quiz_id, Attempt.student_key == student_key)
        .order_by(Attempt.started_at.desc(), Attempt.id.desc()).limit(1)).scalar_one_or_none()
