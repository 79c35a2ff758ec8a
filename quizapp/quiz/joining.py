"""Joining a quiz: the home page's code box, a quiz's own join page, "Not you? Start fresh" on a
shared browser, and resuming an attempt on another device with the quiz code, the name and the
resume code. Starting attempts and guessing resume codes are limited per address (and per quiz)."""
from __future__ import annotations

import secrets

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError

from quizapp import attempts, grading, quiz_dates, rosters, throttle
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, now
from quizapp.quiz import students
from quizapp.quiz.access import (
    forget,
    forget_all,
    forget_student,
    keep_student_key,
    remember,
    remembered_attempt,
    remembered_attempts,
    student_key,
)
from quizapp.quiz.blueprint import bp
from quizapp.quiz.forms import JoinForm, ResumeForm, StartForm, StartFreshForm

NAME_TAKEN = ("That name is already in use in this quiz: add something to it, such as an "
              "initial, or use your resume code if it is you.")


NAME_CLAIMED = ("Another device has chosen this name: use your resume code if it is you, or "
                "choose your own name.")
NOT_ON_ROSTER = "Choose your name from your class's list. If it is missing, ask your teacher."


def _fresh_key() -> str:
    return secrets.token_urlsafe(24)


def _address() -> str:
    return request.remote_addr or "unknown"


def _quiz_by_code(code: str) -> Quiz | None:
    return db.session.execute(
        db.select(Quiz).where(Quiz.join_code == code.strip().upper())).scalar_one_or_none()


def _attempt_by_submission(key: str | None) -> Attempt | None:
    if not key:
        return None
    return db.session.execute(
        db.select(Attempt).where(Attempt.submission_key == key)).scalar_one_or_none()


def _open_quizzes() -> list[Quiz]:
    moment = now()
    return list(db.session.execute(
        # Only the quizzes their owners chose to list: the others are reached by code or link.
        db.select(Quiz).where(Quiz.published, Quiz.closed.is_(False), Quiz.listed,
                              or_(Quiz.opens_at.is_(None), Quiz.opens_at <= moment),
                              or_(Quiz.closes_at.is_(None), Quiz.closes_at > moment))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())).scalars())


def _too_many(template: str, message: str, until, **context):
    page = render_template(template, refused=message, **context)
    return page, 429, {"Retry-After": str(throttle.minutes_until(until) * 60)}


def _start(quiz: Quiz, form: StartForm, key: str, template: str, context: dict):
    """Start the attempt the form asks for, as the student whose key this is, once: a resent
    form lands on the same attempt."""
    until, _ = throttle.take(throttle.limit("start", "ATTEMPT_START_LIMIT"), _address())
    if until is not None:
        db.session.rollback()
        return _too_many(template, "Too many attempts were started from your address. Try "
                         f"again {throttle.refusal_words(until)}, or ask your teacher.", until,
                         form=form, **context)
    attempt = attempts.start_attempt(quiz, form.student_name.data, form.submission.data,
                                     student_key=key)
    try:
        db.session.commit()
    except IntegrityError:
        # The same form arrived twice at once; the first one won.
        db.session.rollback()
        attempt = _attempt_by_submission(form.submission.data)
        if attempt is None:
            raise
    _this_browsers(attempt)
    # Shown once, here; the attempt's pages show it again only when asked.
    flash(f"Your resume code is {attempt.resume_code}. Note it down: with the quiz code "
          f"{quiz.join_code} and your name it opens this attempt on another device.", "resume")
    return redirect(url_for("quiz.attempt", token=attempt.token))


def _this_browsers(attempt: Attempt) -> None:
    """This browser took (or resumed) the attempt: it offers it until it is submitted, and is
    its student at the quiz from now on."""
    remember(attempt)
    keep_student_key(attempt)


def _not_open_words(quiz: Quiz) -> str:
    if quiz.published and quiz.not_open_yet() and not quiz.has_closed():
        return f"The quiz “{quiz.title}” opens {quiz_dates.shown(quiz.opens_at)}."
    if quiz.published and quiz.has_closed():
        return f"The quiz “{quiz.title}” has closed."
    return f"The quiz “{quiz.title}” is not open. Ask your teacher when it will be."


def _intro(quiz: Quiz, form: StartForm, status: int = 200):
    """The quiz's intro page: what the quiz is, how long it lasts, and the button that starts
    the clock; a warning when the name typed is another student's in this quiz."""
    earlier = remembered_attempt(quiz.id)
    name = form.student_name.data or ""
    if quiz.roster_names and not name and form.student_name.errors:
        form.student_name.errors = [NOT_ON_ROSTER]  # picked from a list, not typed
    welcome_back = students.same_student(earlier, name)
    name_taken = bool(name) and not welcome_back and students.name_taken(
        quiz, name, students.key_for(quiz, name))
    if name_taken:
        form.student_name.errors = [*form.student_name.errors,
                                    NAME_CLAIMED if quiz.roster_names else NAME_TAKEN]
    return render_template("quiz/start.html", form=form, quiz=quiz, earlier=earlier,
                           fresh_form=StartFreshForm(), new_key=_fresh_key(),
                           welcome_back=welcome_back, name_taken=name_taken,
                           roster_choice=rosters.on_roster(quiz.roster_names, name),
                           **_limit_here(quiz)), status


def _limit_here(quiz: Quiz) -> dict:
    """For the intro page: the attempts of the student this browser is at the quiz, and whether
    they have used up what the quiz allows (no "new attempt" is then offered)."""
    made = _made_here(quiz)
    return {"made": made, "used_up": bool(made) and students.used_up(quiz, made)}


def _made_here(quiz: Quiz) -> list[Attempt]:
    """The attempts of the student this browser is at the quiz, when the quiz limits them."""
    key = student_key(quiz.id)
    if key is None or quiz.attempts_allowed is None:
        return []
    return students.attempts_of(quiz, key)


def _index(form: JoinForm, status: int = 200):
    return render_template("quiz/index.html", quizzes=_open_quizzes(), form=form,
                           in_progress=remembered_attempts(), fresh_form=StartFreshForm()), status


@bp.get("/")
def index():
    return _index(JoinForm(formdata=None, submission=_fresh_key()))


@bp.get("/join")
def join():
    code = "".join(request.args.get("code", "").split()).upper()
    if code:
        return redirect(url_for("quiz.start", code=code))
    form = JoinForm(formdata=None, submission=_fresh_key())
    return render_template("quiz/join.html", form=form)


@bp.post("/join")
def join_and_start():
    form = JoinForm()
    earlier = _attempt_by_submission(form.submission.data)
    if earlier is not None:
        _this_browsers(earlier)
        return redirect(url_for("quiz.attempt", token=earlier.token))
    if not form.validate():
        return render_template("quiz/join.html", form=form), 422
    quiz = _quiz_by_code(form.code.data)
    if quiz is None:
        form.code.errors.append(
            f"No quiz has the code {form.code.data}. Check it with your teacher.")
        return render_template("quiz/join.html", form=form), 404
    if not quiz.open_for_answers:
        form.code.errors.append(_not_open_words(quiz))
        return render_template("quiz/join.html", form=form), 403
    # The clock starts on the quiz's own page, once its rules are read: never from the code box.
    # The name typed and the form's one-time key come along, so a double press still makes one
    # attempt.
    intro = StartForm(formdata=None, student_name=form.student_name.data,
                      submission=form.submission.data)
    return _intro(quiz, intro)


@bp.route("/quiz/<code>", methods=["GET", "POST"])
def start(code: str):
    quiz = _quiz_by_code(code)
    if quiz is None:
        abort(404, description=f"No quiz has the code {code.upper()}.")
    form = StartForm() if request.method == "POST" else StartForm(
        formdata=None, submission=_fresh_key())
    if request.method == "POST":
        earlier = _attempt_by_submission(form.submission.data)
        if earlier is not None and earlier.quiz_id == quiz.id:
            _this_browsers(earlier)
            return redirect(url_for("quiz.attempt", token=earlier.token))
    if not quiz.open_for_answers:
        return render_template("quiz/closed.html", quiz=quiz, why=_not_open_words(quiz)), 403
    if request.method == "POST" and form.validate():
        return _start_or_resume(quiz, form)
    return _intro(quiz, form, 422 if form.errors else 200)


def _start_or_resume(quiz: Quiz, form: StartForm):
    """"Start the quiz" pressed: the same name on the same device resumes its unfinished
    attempt unless a new one is asked for; a name another student uses in the quiz is warned
    about, never merged; anything else starts an attempt."""
    if quiz.roster_names:
        listed = rosters.on_roster(quiz.roster_names, form.student_name.data)
        if listed is None:
            form.student_name.errors = [*form.student_name.errors, NOT_ON_ROSTER]
            return _intro(quiz, form, 422)
        form.student_name.data = listed  # as the teacher spelt it
    name = form.student_name.data
    earlier = remembered_attempt(quiz.id)
    if students.same_student(earlier, name) and not form.new_attempt.data:
        return _resumed(earlier)
    key = students.key_for(quiz, name)
    students.hold(quiz, name, key)
    if students.name_taken(quiz, name, key):
        return _intro(quiz, form, 409)
    made = students.attempts_of(quiz, key)
    if students.used_up(quiz, made):
        return _no_more_attempts(quiz, made)
    if students.same_student(earlier, name):
        _submit_for_a_new_one(earlier)
        earlier = None
    context = {"quiz": quiz, "earlier": earlier, "fresh_form": StartFreshForm(),
               "new_key": _fresh_key(), "made": made, "used_up": False,
               "roster_choice": name}
    return _start(quiz, form, key, "quiz/start.html", context)


def _no_more_attempts(quiz: Quiz, made: list[Attempt]):
    """At the quiz's limit: the unfinished attempt if there is one, else the latest result,
    with a message; never a new attempt."""
    db.session.rollback()
    allowed = students.attempts_words(quiz.attempts_allowed)
    unfinished = next((attempt for attempt in made if attempt.submitted_at is None), None)
    if unfinished is not None:
        _this_browsers(unfinished)
        flash(f"This quiz allows {allowed} and you have started them all: here is the one you "
              "have not submitted yet.", "notice")
        return redirect(url_for("quiz.attempt", token=unfinished.token))
    flash(f"You have used the {allowed} this quiz allows, so no new attempt can start. Here is "
          "your result.", "notice")
    return redirect(url_for("quiz.result", token=made[-1].token))


def _resumed(earlier: Attempt):
    """The same name on the same device: back to the unfinished attempt, not a new one."""
    flash("Welcome back: you started this quiz on this device, so here is that attempt, "
          "where you left it.", "notice")
    return redirect(url_for("quiz.attempt", token=earlier.token))


def _submit_for_a_new_one(earlier: Attempt) -> None:
    """"Start a new attempt" beside an unfinished one: that one is submitted as it is (one
    attempt in progress at a time, as Moodle has it); the caller commits with the new one."""
    if grading.grade_attempt(earlier):
        forget(earlier)
        flash("Your unfinished attempt was submitted with the answers you had saved.", "notice")


@bp.post("/quiz/<code>/start-fresh")
@bp.post("/start-fresh", defaults={"code": None})
def start_fresh(code: str | None):
    """"Not you? Start fresh": this browser forgets the attempt it remembers (of this quiz, or
    all of them); the attempt itself is kept, and resumes with its resume code."""
    form = StartFreshForm()
    if not form.validate():
        abort(400)
    quiz = _quiz_by_code(code) if code else None
    if code and quiz is None:
        abort(404)
    if quiz is None:
        forget_all()
        forget_student()
        return redirect(url_for("quiz.index"))
    earlier = remembered_attempt(quiz.id)
    if earlier is not None:
        forget(earlier)
    forget_student(quiz.id)
    return redirect(url_for("quiz.start", code=quiz.join_code))


def _resume_refused(form: ResumeForm, quiz: Quiz | None):
    """Count this try against the address and the quiz; the page to answer with when either
    has run out of tries (nothing is then counted), else None."""
    tries = [(throttle.limit("resume", "RESUME_LIMIT_PER_ADDRESS"), _address(), "your address")]
    if quiz is not None:
        tries.append((throttle.limit("resume-quiz", "RESUME_LIMIT_PER_QUIZ"), str(quiz.id),
                      "this quiz"))
    for limit, key, whose in tries:
        until, _ = throttle.take(limit, key)
        if until is not None:
            db.session.rollback()
            return _too_many(
                "quiz/resume.html", f"Too many resume codes that matched nothing were tried "
                f"for {whose}. Try again {throttle.refusal_words(until)}, or ask your teacher.",
                until, form=form)
    return None


@bp.route("/resume", methods=["GET", "POST"])
def resume():
    form = ResumeForm()
    if request.method == "GET":
        # Filled in from the links that lead here (a name already in use on the intro page).
        form = ResumeForm(formdata=None, code=request.args.get("code", "").strip().upper(),
                          student_name=request.args.get("name", "").strip()[:80])
        return render_template("quiz/resume.html", form=form)
    if not form.validate():
        return render_template("quiz/resume.html", form=form), 422
    quiz = _quiz_by_code(form.code.data)
    refused = _resume_refused(form, quiz)
    if refused is not None:
        return refused
    attempt = attempts.find_for_resume(form.code.data, form.student_name.data,
                                       form.resume_code.data)
    if attempt is None:
        db.session.commit()  # a try that matched nothing stays counted
        # One message whatever was wrong: the page must not help anyone guess a part.
        return render_template("quiz/resume.html", form=form, not_found=True), 422
    # A right code is no guess: it does not count against anyone.
    db.session.rollback()
    _this_browsers(attempt)
    if attempt.submitted_at is not None:
        return redirect(url_for("quiz.result", token=attempt.token))
    return redirect(url_for("quiz.attempt", token=attempt.token))
