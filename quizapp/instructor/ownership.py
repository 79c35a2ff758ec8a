"""Whose object a route names: the one check every instructor route passes through.

The blueprint's guard calls `check_route` before any view runs. Each id in the address is
looked up here, to the story or quiz whose workspace holds it, and the signed-in instructor's
access to that (quizapp.workspaces) must reach what the route needs: viewing for a GET,
editing for a POST, unless the view says otherwise with `@needs`. Anything less is a 404, as
if the object did not exist, so one teacher learns nothing of another's work. An address
parameter this module does not know stops the request with an error: a route added with a new
kind of id cannot skip the check.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import abort
from flask_login import current_user

from quizapp import workspaces
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Attempt,
    GenerationRun,
    Instructor,
    LmsPlatform,
    Question,
    Quiz,
    Story,
)
from quizapp.workspaces import Access

# The view attribute `needs` sets: the access a route needs, whatever its method.
NEEDS = "workspace_access"
ADMIN_ONLY = "admin_only"


def needs(access: Access) -> Callable:
    def mark(view):
        setattr(view, NEEDS, access)
        return view
    return mark


def admin_only(view):
    """A page for admins only (the accounts); anyone else finds nothing there."""
    setattr(view, ADMIN_ONLY, True)
    return view


def _story(story_id: int) -> Access:
    return workspaces.story_access(db.session.get(Story, story_id), current_user)


def _quiz(quiz_id: int) -> Access:
    return workspaces.quiz_access(db.session.get(Quiz, quiz_id), current_user)


def _question(question_id: int) -> Access:
    question = db.session.get(Question, question_id)
    if question is None:
        return Access.NONE
    if question.story is None:  # in no story's workspace: the admins'
        return Access.OWN if current_user.is_admin else Access.NONE
    return workspaces.story_access(question.story, current_user)


def _article(article_id: int) -> Access:
    article = db.session.get(Article, article_id)
    return Access.NONE if article is None else _story(article.story_id)


def _run(run_id: int) -> Access:
    run = db.session.get(GenerationRun, run_id)
    return Access.NONE if run is None else _story(run.story_id)


def _attempt(attempt_id: int) -> Access:
    attempt = db.session.get(Attempt, attempt_id)
    return Access.NONE if attempt is None else _quiz(attempt.quiz_id)


def _instructor(instructor_id: int) -> Access:
    # Accounts are the admins' business only.
    found = db.session.get(Instructor, instructor_id) is not None
    return Access.OWN if found and current_user.is_admin else Access.NONE


def _platform(platform_id: int) -> Access:
    # The LMSs registered for LTI are the admins' business only, as accounts are.
    found = db.session.get(LmsPlatform, platform_id) is not None
    return Access.OWN if found and current_user.is_admin else Access.NONE


# Every id an instructor route may carry, and whose workspace it is in.
OBJECTS: dict[str, Callable[[int], Access]] = {
    "story_id": _story,
    "quiz_id": _quiz,
    "question_id": _question,
    "article_id": _article,
    "run_id": _run,
    "attempt_id": _attempt,
    "instructor_id": _instructor,
    "platform_id": _platform,
}


def needed(view, method: str) -> Access:
    return getattr(view, NEEDS, Access.VIEW if method in ("GET", "HEAD") else Access.EDIT)


def check_route(view, view_args: dict, method: str) -> None:
    """404 unless the signed-in instructor may do this to every object the address names."""
    if getattr(view, ADMIN_ONLY, False) and not current_user.is_admin:
        abort(404)
    want = needed(view, method)
    for name, value in (view_args or {}).items():
        if name not in OBJECTS:
            raise LookupError(f"instructor route parameter {name!r} names no known object: add "
                              "it to quizapp.instructor.ownership.OBJECTS")
        if OBJECTS[name](value) < want:
            abort(404)
