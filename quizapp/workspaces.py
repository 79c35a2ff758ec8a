"""Workspaces: each story and quiz belongs to the instructor who made it (a question and a
generation run belong to their story's owner, an attempt and its results to its quiz's). An
owner may share a story or a quiz with named colleagues, to view or to edit; an admin sees and
changes everything. What an instructor may do with an object is its *access*, worked out here
and nowhere else: the instructor blueprint asks it for every object a route names, and the
listings filter with `visible_stories` and `visible_quizzes`."""
from __future__ import annotations

import enum

from sqlalchemy import or_, select

from quizapp.extensions import db
from quizapp.models import Instructor, Quiz, Share, Story


class Access(enum.IntEnum):
    NONE = 0
    VIEW = 1  # read it, its questions, its results; build a quiz of one's own from a story
    EDIT = 2  # change it: questions, settings, publishing, deleting attempts
    OWN = 3  # all of that, and share it


class ShareRefused(ValueError):
    """A share the rules refuse; the message is for the owner."""


def _share(kind: str, object_id: int, who: Instructor) -> Share | None:
    column = Share.story_id if kind == "story" else Share.quiz_id
    return db.session.execute(select(Share).where(
        column == object_id, Share.instructor_id == who.id)).scalar_one_or_none()


def _access(kind: str, thing: Story | Quiz | None, who: Instructor | None) -> Access:
    if thing is None or who is None or not who.is_authenticated:
        return Access.NONE
    if who.is_admin or (thing.owner_id is not None and thing.owner_id == who.id):
        return Access.OWN
    share = _share(kind, thing.id, who)
    if share is None:
        return Access.NONE
    return Access.EDIT if share.can_edit else Access.VIEW


def story_access(story: Story | None, who: Instructor | None) -> Access:
    return _access("story", story, who)


def quiz_access(quiz: Quiz | None, who: Instructor | None) -> Access:
    return _access("quiz", quiz, who)


def _shared_ids(column, who: Instructor, at_least: Access):
    query = select(column).where(Share.instructor_id == who.id, column.is_not(None))
    if at_least >= Access.EDIT:
        query = query.where(Share.can_edit)
    return query


def visible_stories(who: Instructor, at_least: Access = Access.VIEW):
    """A WHERE clause for the stories this instructor may see (or edit)."""
    if who.is_admin:
        return Story.id.is_not(None)
    return or_(Story.owner_id == who.id,
               Story.id.in_(_shared_ids(Share.story_id, who, at_least)))


def visible_quizzes(who: Instructor, at_least: Access = Access.VIEW):
    """A WHERE clause for the quizzes this instructor may see (or edit)."""
    if who.is_admin:
        return Quiz.id.is_not(None)
    return or_(Quiz.owner_id == who.id,
               Quiz.id.in_(_shared_ids(Share.quiz_id, who, at_least)))


def shares_of(kind: str, object_id: int) -> list[Share]:
    column = Share.story_id if kind == "story" else Share.quiz_id
    return list(db.session.execute(
        select(Share).join(Instructor, Instructor.id == Share.instructor_id)
        .where(column == object_id).order_by(Instructor.name)).scalars())


def share(kind: str, thing: Story | Quiz, colleague_name: str, level: str) -> str:
    """Share with a colleague by name ("view" or "edit"), or stop sharing ("none"); returns
    what was done, in words. The caller commits."""
    colleague = db.session.execute(
        select(Instructor).where(Instructor.name == colleague_name)).scalar_one_or_none()
    if colleague is None:
        raise ShareRefused(f"No instructor is named {colleague_name!r}.")
    if colleague.id == thing.owner_id:
        raise ShareRefused(f"{colleague.name} owns it already.")
    existing = _share(kind, thing.id, colleague)
    if level == "none":
        if existing is not None:
            db.session.delete(existing)
        return f"{colleague.name} no longer shares it."
    if existing is None:
        existing = Share(instructor_id=colleague.id, **{f"{kind}_id": thing.id})
        db.session.add(existing)
    existing.can_edit = level == "edit"
    return f"Shared with {colleague.name}, who may {'edit' if existing.can_edit else 'view'} it."


def first_admin() -> Instructor | None:
    return db.session.execute(select(Instructor).where(Instructor.is_admin)
                              .order_by(Instructor.created_at, Instructor.id)).scalars().first()


def adopt_ownerless(admin: Instructor) -> None:
    """Stories and quizzes loaded before any admin existed (the seed, on a first run) become
    this admin's. The caller commits."""
    db.session.flush()
    for model in (Story, Quiz):
        db.session.execute(db.update(model).where(model.owner_id.is_(None))
                           .values(owner_id=admin.id))


def hand_over(leaving: Instructor, heir: Instructor) -> None:
    """An account is removed: its stories and quizzes go to `heir`, its shares end. The caller
    commits."""
    for model in (Story, Quiz):
        db.session.execute(db.update(model).where(model.owner_id == leaving.id)
                           .values(owner_id=heir.id))
    db.session.execute(db.delete(Share).where(Share.instructor_id == leaving.id))
