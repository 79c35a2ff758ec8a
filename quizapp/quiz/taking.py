"""Taking a quiz: question pages (one per page, or all on one), saving answers as the student
goes (form buttons, or the page script's autosave), immediate feedback, finishing and submitting."""
from __future__ import annotations

from flask import (
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from quizapp import attempt_rows, attempts, expiry, grading, review
from quizapp.attempt_rows import AttemptView
from quizapp.attempts import Answer, AnswerRefused, Slot, answer_of
from quizapp.extensions import db
from quizapp.lms import grades
from quizapp.models import FEEDBACK_IMMEDIATE, ONE_PER_PAGE, Attempt, Choice, Response
from quizapp.quiz import page_layout
from quizapp.quiz.access import (
    attempt_or_404,
    attempt_view_and_responses_or_404,
    attempt_view_or_404,
    forget,
    settle,
)
from quizapp.quiz.blueprint import bp
from quizapp.quiz.forms import (
    AnswerForm,
    SubmitAttemptForm,
    answer_data,
    field_name,
    given_answer,
    page_form,
    question_form,
)
from quizapp.quiz.question_markup import question_markup
from quizapp.routing import database_id

LATE = ("Time is up: that answer arrived after the deadline and was not saved. "
        "The answers you saved before it were submitted.")
CLOSED = ("Your teacher has closed this quiz: that answer was not saved. "
          "The answers you saved before were submitted.")
ALREADY_SUBMITTED = "This attempt was submitted already; nothing was changed."
LOCKED = "You checked this answer already; it cannot be changed."
NOTHING_TO_CHECK = "Choose an answer before checking it."


def _finished(attempt: Attempt):
    """A redirect to the result when the attempt is submitted (or its time is up), else None."""
    if settle(attempt):
        return redirect(url_for("quiz.result", token=attempt.token))
    return None


def _order(slot: Slot, response: Response | None) -> list[Choice] | None:
    """The order an ordering question's page lists its items in (None for other types)."""
    if slot.question.type != "ordering":
        return None
    return attempts.shown_order(slot, answer_of(response))


def _orders(attempt: Attempt, slot_list: list[Slot]) -> dict[int, list[Choice] | None]:
    responses = attempts.responses_by_question(attempt)
    return {slot.question.id: _order(slot, responses.get(slot.question.id))
            for slot in slot_list}


def _context(attempt: Attempt | AttemptView, slot_list: list[Slot],
             responses: dict | None = None) -> dict:
    """What every page of an attempt in progress shows around its questions. An attempt read
    as a view (the question pages) brings its responses and its quiz's snapshot, articles
    included; an attempt row reads its own."""
    if responses is None:
        responses = attempts.responses_by_question(attempt)
    return {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "slots": slot_list,
        "responses": responses,
        "answered": {slot.number for slot in slot_list
                     if responses.get(slot.question.id) and responses[slot.question.id].answered},
        "marks_words": grading.marks_words,
        "articles": _articles(attempt) if attempt.quiz.open_book else [],
        "seconds_left": attempts.seconds_left(attempt),
        "feedback_shown": lambda response: review.feedback_shown(attempt, response),
        "immediate": attempt.quiz.feedback == FEEDBACK_IMMEDIATE,
    }


def _articles(attempt: Attempt | AttemptView) -> list:
    if isinstance(attempt, AttemptView):
        return list(attempt.quiz.articles)
    return attempts.articles_of(attempt.quiz)


def _question_page(attempt: AttemptView, slot_list: list[Slot], responses: dict, number: int,
                   form=None, status: int = 200):
    slot = slot_list[number - 1]
    response = responses.get(slot.question.id)
    immediate = attempt.quiz.feedback == FEEDBACK_IMMEDIATE
    answered = {other.number for other in slot_list
                if responses.get(other.question.id) and responses[other.question.id].answered}
    seconds_left = attempts.seconds_left(attempt)
    body = None
    locked = response is not None and response.checked_at is not None
    if form is None and not locked and not review.feedback_shown(attempt, response):
        # Nothing to show but the answer saved: the question's markup made once, filled in,
        # and the page around it too where it can be.
        body = question_markup(attempt.quiz, slot, _order(slot, response), answer_of(response))
        page = body is not None and page_layout.plain_page(
            attempt, slot, len(slot_list), answered, seconds_left, body, immediate)
        if page:
            return page, status
    if form is None and body is None:
        form = question_form(slot, _order(slot, response), formdata=None,
                             data=answer_data(slot, "answer", answer_of(response)))
    links = page_layout.article_links(attempt) if attempt.quiz.open_book else Markup("")
    return render_template(
        "quiz/question.html", slot=slot, form=form, body=body, response=response,
        fields=form.parts("answer") if form else None, total=len(slot_list),
        article_links=links, timer=page_layout.timer(attempt, seconds_left),
        jumps=page_layout.jumps(attempt.quiz, len(slot_list), answered, number),
        **_context(attempt, slot_list, responses)), status


def _all_page(attempt: Attempt, slot_list: list[Slot], form=None, status: int = 200):
    context = _context(attempt, slot_list)
    if form is None:
        saved = {}
        for slot in slot_list:
            given = answer_of(context["responses"].get(slot.question.id))
            saved.update(answer_data(slot, field_name(slot), given))
        form = page_form(slot_list, _orders(attempt, slot_list), formdata=None, data=saved)
    fields = {slot.question.id: form.parts(field_name(slot)) for slot in slot_list}
    return render_template("quiz/all.html", form=form, fields=fields, **context), status


def _slot_number(slot_list: list[Slot], number: int) -> int:
    if not 1 <= number <= len(slot_list):
        abort(404)
    return number


def _check(attempt: Attempt, slot: Slot) -> None:
    """Grade one saved answer for immediate feedback; it is final from then on."""
    db.session.flush()
    response = attempts.responses_by_question(attempt).get(slot.question.id)
    if response is None or not response.answered:
        flash(NOTHING_TO_CHECK, "error")
    elif response.checked_at is None:
        grading.check_response(response)


def _late(attempt: Attempt):
    """A form that came after the deadline (or the quiz's closing): submit what was saved
    before it, and say so."""
    db.session.rollback()
    closed = attempt.quiz.has_closed()
    if expiry.settle(attempt):
        db.session.commit()
        flash(CLOSED if closed else LATE, "notice")
    else:
        flash(ALREADY_SUBMITTED, "notice")
    forget(attempt)
    return redirect(url_for("quiz.result", token=attempt.token))


def _in_progress(token: str) -> AttemptView | None:
    """The attempt (a view) while it takes answers; None once it is submitted or over."""
    attempt = attempt_view_or_404(token)
    if attempt.submitted_at is not None or attempts.is_over(attempt):
        return None
    return attempt


@bp.get("/attempt/<token>", endpoint="attempt")
def current_page(token: str):
    view = _in_progress(token)
    count = len(view.quiz.items) if view is not None else 0
    if view is not None and count and view.quiz.layout == ONE_PER_PAGE:
        number = min(max(view.last_position + 1, 1), count)
        return redirect(url_for("quiz.question", token=token, number=number))
    attempt = attempt_or_404(token)
    if (done := _finished(attempt)) is not None:
        return done
    if not count:  # a quiz published empty: nothing to answer, only to submit
        return redirect(url_for("quiz.finish", token=token))
    return _all_page(attempt, attempts.slots(attempt))


@bp.post("/attempt/<token>")
def save_page(token: str):
    """All questions on one page: save every answer, then check one, finish, or stay."""
    attempt = attempt_or_404(token)
    if attempt.submitted_at is not None:
        flash(ALREADY_SUBMITTED, "notice")
        return redirect(url_for("quiz.result", token=token))
    slot_list = attempts.slots(attempt)
    orders = _orders(attempt, slot_list)
    form = page_form(slot_list, orders)
    if not form.validate():
        return _all_page(attempt, slot_list, form, 400)
    saved = attempts.responses_by_question(attempt)
    # A checked answer's inputs are disabled, so the form does not send it: leave it be.
    open_slots = [slot for slot in slot_list
                  if not (saved.get(slot.question.id) and saved[slot.question.id].checked_at)]
    go = request.form.get("go", "save")
    answers = [(slot.question, _moved(slot, go, _given(slot, form, field_name(slot),
                                                        orders[slot.question.id])))
               for slot in open_slots]
    try:
        attempts.save_answers(attempt, answers)
    except AnswerRefused:
        return _late(attempt)
    anchor = None
    if go.startswith("move-"):
        db.session.commit()
        return redirect(url_for("quiz.attempt", token=token,
                                _anchor=f"question-{go.split('-')[1]}"))
    if go == "finish":
        db.session.commit()
        return redirect(url_for("quiz.finish", token=token))
    if go.startswith("check-") and attempt.quiz.feedback == FEEDBACK_IMMEDIATE:
        wanted = go.removeprefix("check-")
        slot = next((s for s in slot_list if str(s.question.id) == wanted), None)
        if slot is None:
            abort(400)
        _check(attempt, slot)
        anchor = f"question-{slot.question.id}"
    else:
        flash("Your answers are saved.", "notice")
    db.session.commit()
    return redirect(url_for("quiz.attempt", token=token, _anchor=anchor))


@bp.get("/attempt/<token>/q/<int:number>")
def question(token: str, number: int):
    """A question page: the attempt and its responses in one query, the rest from the quiz's
    snapshot (tests/students/test_snapshots.py counts them)."""
    attempt, responses = attempt_view_and_responses_or_404(token)
    if attempt.submitted_at is not None or attempts.is_over(attempt):
        # Submitted, or over now: the attempt row settles it.
        return _finished(attempt_or_404(token)) or redirect(url_for("quiz.attempt", token=token))
    if attempt.quiz.layout != ONE_PER_PAGE:
        return redirect(url_for("quiz.attempt", token=token))
    slot_list = attempt_rows.slots(attempt, set(responses))
    return _question_page(attempt, slot_list, responses, _slot_number(slot_list, number))


def _destination(go: str, number: int, count: int) -> int | None:
    """The question a button leads to from question `number` of `count`; None for the finish
    page. "check" (and anything unknown) stays on the question."""
    if go == "back":
        return max(number - 1, 1)
    if go.startswith("move-"):
        return number
    if go == "finish" or (go == "next" and number == count):
        return None
    if go == "next":
        return number + 1
    if go.isdigit() and 1 <= int(go) <= count:
        return int(go)
    return number


@bp.post("/attempt/<token>/q/<int:number>")
def answer(token: str, number: int):
    """Save this question's answer, then move: next, back, to a numbered question, check the
    answer (immediate feedback), or finish. The attempt and its responses are read in one
    query; the save is an upsert (quizapp.attempt_rows) in the request's transaction."""
    attempt, responses = attempt_view_and_responses_or_404(token, to_save=True)
    if attempt.submitted_at is not None:
        flash(ALREADY_SUBMITTED, "notice")
        return redirect(url_for("quiz.result", token=token))
    go = request.form.get("go", "next")
    if go == "check" and attempt.quiz.feedback == FEEDBACK_IMMEDIATE:
        return _answer_and_check(attempt_or_404(token), number)
    slot_list = attempt_rows.slots(attempt, set(responses))
    number = _slot_number(slot_list, number)
    slot = slot_list[number - 1]
    response = responses.get(slot.question.id)
    order = _order(slot, response)
    # CSRFProtect has checked the request's token already: the form need not check it again.
    form = question_form(slot, order, meta={"csrf": False})
    if not form.validate():
        return _question_page(attempt, slot_list, responses, number, form, 400)
    given = _moved(slot, go, _given(slot, form, "answer", order))
    destination = _destination(go, number, len(slot_list))
    position = (destination or number) - 1
    try:
        if response is not None and response.checked_at is not None:
            # A checked answer's inputs are disabled, so the form sends nothing for it; a page
            # from before the check (another tab) may send a different answer: refuse that.
            if given and given != answer_of(response):
                flash(LOCKED, "error")
            attempts.hold_for_change(attempt, position=position)
        elif not attempt_rows.save_answer(attempt, slot.question, given, _saved(response),
                                          position):
            flash(LOCKED, "error")  # checked in another tab a moment ago
    except AnswerRefused:
        return _late(attempt_or_404(token))
    db.session.commit()
    if destination is None:
        return redirect(url_for("quiz.finish", token=token))
    return redirect(url_for("quiz.question", token=token, number=destination))


def _answer_and_check(attempt: Attempt, number: int):
    """Immediate feedback's "Check my answer": save it, grade it, show the key on its page."""
    slot_list = attempts.slots(attempt)
    number = _slot_number(slot_list, number)
    slot = slot_list[number - 1]
    response = attempts.responses_by_question(attempt).get(slot.question.id)
    order = _order(slot, response)
    form = question_form(slot, order)
    if not form.validate():
        # Inside the save's transaction: a read on a connection of its own would wait for it.
        view, responses = attempt_view_and_responses_or_404(attempt.token, to_save=True)
        return _question_page(view, attempt_rows.slots(view, set(responses)), responses, number,
                              form, 400)
    given = _given(slot, form, "answer", order)
    if response is not None and response.checked_at is not None:
        if given and given != answer_of(response):
            flash(LOCKED, "error")
        answers = []
    else:
        answers = [(slot.question, given)]
    try:
        attempts.save_answers(attempt, answers)
    except AnswerRefused:
        return _late(attempt)
    _check(attempt, slot)
    attempts.remember_position(attempt, number)
    db.session.commit()
    return redirect(url_for("quiz.question", token=attempt.token, number=number))


@bp.post("/attempt/<token>/answers")
def autosave(token: str):
    """The page script's save of one question's answer: 204, or 409 when it can no longer change."""
    attempt, responses = attempt_view_and_responses_or_404(token, to_save=True)
    question_id = request.form.get("question_id", type=database_id)
    slot = next((s for s in attempt_rows.slots(attempt, set(responses))
                 if s.question.id == question_id), None)
    if slot is None:
        return "That question is not in this quiz.", 400, {"Content-Type": "text/plain"}
    prefix = request.form.get("prefix", "answer")
    if prefix not in ("answer", field_name(slot)):
        return "Not a valid choice.", 400, {"Content-Type": "text/plain"}
    response = responses.get(slot.question.id)
    order = _order(slot, response)
    # The page's own fields, read as its form reads them; the token came in the header.
    form = (question_form if prefix == "answer" else _one_question_page_form)(
        slot, order, meta={"csrf": False})
    if not form.validate() or _too_many(slot, form, prefix):
        return "Not a valid choice.", 400, {"Content-Type": "text/plain"}
    given = _given(slot, form, prefix, order)
    try:
        if response is not None and response.checked_at is not None:
            attempts.hold_for_change(attempt)
            saved = not given or given == answer_of(response)  # the same answer changes nothing
        else:
            saved = attempt_rows.save_answer(attempt, slot.question, given, _saved(response))
    except AnswerRefused as refusal:
        return str(refusal), 409, {"Content-Type": "text/plain"}
    if not saved:
        db.session.rollback()
        return LOCKED, 409, {"Content-Type": "text/plain"}
    db.session.commit()
    return "", 204


def _saved(response) -> Answer | None:
    return answer_of(response) if response is not None else None


def _one_question_page_form(slot: Slot, order, **kwargs) -> AnswerForm:
    return page_form([slot], {slot.question.id: order}, **kwargs)


def _too_many(slot: Slot, form: AnswerForm, prefix: str) -> bool:
    """Several values sent for a one-answer question (a browser never does)."""
    return slot.question.type == "single" and len(request.form.getlist(prefix)) > 1


def _given(slot: Slot, form: AnswerForm, prefix: str, order) -> Answer:
    return given_answer(slot, form, prefix, order or slot.choices)


def _moved(slot: Slot, go: str, given: Answer) -> Answer:
    """An ordering answer with one item moved, when the button pressed was that item's "Move
    up" or "Move down" (go = move-<question id>-<choice value>-up|down)."""
    parts = go.split("-")
    if len(parts) != 4 or parts[0] != "move" or parts[1] != str(slot.question.id):
        return given
    ids = slot.choice_ids([parts[2]])
    if not ids or not given.order or parts[3] not in ("up", "down"):
        return given
    return Answer(order=tuple(attempts.moved(list(given.order), ids.pop(),
                                             -1 if parts[3] == "up" else 1)))


@bp.get("/attempt/<token>/finish")
def finish(token: str):
    attempt = attempt_or_404(token)
    if (done := _finished(attempt)) is not None:
        return done
    slot_list = attempts.slots(attempt)
    return render_template("quiz/finish.html", form=SubmitAttemptForm(),
                           **_context(attempt, slot_list))


@bp.post("/attempt/<token>/submit")
def submit(token: str):
    """Grade the attempt once; a second press (or a resent form) finds it graded already."""
    attempt = attempt_or_404(token)
    if grading.grade_attempt(attempt):
        db.session.commit()
        # Started from an LMS: the grade goes to its gradebook now (or is kept for a retry).
        if grades.send_for(attempt) is not None:
            db.session.commit()
    # Submitted: this browser stops offering the attempt (a shared computer's next user).
    forget(attempt)
    return redirect(url_for("quiz.result", token=token))


@bp.get("/attempt/<token>/resume-code")
def resume_code(token: str):
    """The resume code, shown when the student asks: it is not printed on every page, where a
    neighbour could read it off the screen."""
    attempt = attempt_or_404(token)
    return render_template("quiz/resume_code.html", attempt=attempt, quiz=attempt.quiz)
