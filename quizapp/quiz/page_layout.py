"""A question page around its question (the site's layout, the title, the buttons, the list of
questions, the open book's articles), rendered once per quiz version and question number in each
process (kept in the quiz's snapshot) by the page's own template, with marks where an attempt's
values go: its token, the form's CSRF token, the timer, the list's answered marks and the question
itself (quizapp.quiz.question_markup). A page is then its pieces joined with the attempt's values,
with no template run. Only the plain state is made so: a page with a message to show, seen by a
signed-in instructor, or with errors, a checked answer or its key shown, is rendered in full."""
from __future__ import annotations

import re
import secrets
from types import SimpleNamespace

from flask import current_app, get_template_attribute, render_template, request, session
from flask_login.config import COOKIE_NAME
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

# Random per process, so no title, prompt or article can hold one.
MARK = secrets.token_hex(8)
TOKEN, CSRF, TIMER, BODY, JUMPS = (f"{MARK}{hole}_" for hole in
                                   ("token", "csrf", "timer", "body", "jumps"))
_HOLE = re.compile(re.escape(MARK) + r"(token|csrf|timer|body|jumps)_")
# Attempt tokens are token_urlsafe: neither an address nor HTML escaping changes one, so it goes
# in as it is; anything else (never made by quizapp) is rendered in full.
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


def _parts_macro(name: str):
    return get_template_attribute("quiz/_parts.html", name)


def _article_links_marked(quiz) -> str:
    kept = quiz.fragments
    if "article_links" not in kept:
        kept["article_links"] = str(_parts_macro("article_links")(SimpleNamespace(token=TOKEN),
                                                                  list(quiz.articles)))
    return kept["article_links"]


def article_links(attempt) -> Markup:
    """The open book's list of articles, rendered once per quiz version (it is the same for
    every attempt but for the token in its links)."""
    return Markup(_article_links_marked(attempt.quiz).replace(TOKEN, attempt.token))


def timer(attempt, seconds_left: int | None) -> Markup:
    """The page's clock (nothing for an untimed attempt)."""
    if seconds_left is None:
        kept = attempt.quiz.fragments
        if "no_timer" not in kept:
            kept["no_timer"] = str(_parts_macro("timer")(attempt, None))
        return Markup(kept["no_timer"])
    return _parts_macro("timer")(attempt, seconds_left)


def jumps(quiz, count: int, answered: set[int], current: int) -> Markup:
    """The list of all questions' buttons, answered ones marked, each button made once per quiz
    version in each of its states."""
    kept = quiz.fragments.setdefault("jumps", {})
    parts = []
    for number in range(1, count + 1):
        state = (number, number in answered, number == current)
        if state not in kept:
            kept[state] = str(_parts_macro("question_jump")(*state))
        parts.append(kept[state])
    return Markup("".join(parts))


def plain_page(attempt, slot, total: int, answered: set[int], seconds_left: int | None,
               body: Markup, immediate: bool) -> str | None:
    """The question page of `slot` with `body` as its question, from its layout made once; None
    where it must be rendered in full (a message waits to be shown, an instructor is signed in,
    a token quizapp never made)."""
    if session.get("_flashes") or _may_be_signed_in() or not _PLAIN_TOKEN.fullmatch(attempt.token):
        return None
    csrf = current_app.config["WTF_CSRF_ENABLED"]
    pieces = _layout(attempt.quiz, slot, total, immediate, csrf)
    values = {"token": attempt.token, "body": body,
              "csrf": str(escape(generate_csrf())) if csrf else "",
              "timer": timer(attempt, seconds_left),
              "jumps": jumps(attempt.quiz, total, answered, slot.number)}
    # Split on its marks, the layout alternates text and the name of what goes there.
    page = list(pieces)
    page[1::2] = [values[hole] for hole in pieces[1::2]]
    return "".join(page)


def _may_be_signed_in() -> bool:
    # Flask-Login finds an instructor only from its key in the session or its remember cookie
    # (quizapp has no request or header loader): without either the visitor is anonymous, and
    # the page need not load a user (and mark the session) to know it.
    cookie = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
    return "_user_id" in session or cookie in request.cookies


def _layout(quiz, slot, total: int, immediate: bool, csrf: bool) -> tuple[str, ...]:
    # The address prefix too: the pages' links are made under it.
    key = (slot.number, total, immediate, csrf, request.script_root)
    kept = quiz.fragments.setdefault("layouts", {})
    if key not in kept:
        html = render_template(
            "quiz/question.html", attempt=SimpleNamespace(token=TOKEN), quiz=quiz, slot=slot,
            total=total, form=None, fields=None, response=None, body=Markup(BODY),
            feedback_shown=lambda _response: False, immediate=immediate,
            timer=Markup(TIMER), jumps=Markup(JUMPS), csrf_token=lambda: CSRF,
            article_links=Markup(_article_links_marked(quiz)) if quiz.open_book else Markup(""))
        kept[key] = tuple(_HOLE.split(html))
    return kept[key]
