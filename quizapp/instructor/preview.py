"""Preview as a student: the quiz's intro page, then every question as a student answers it (a
menu per left item for matching, a place per item for ordering, an article's sentences to tick
for find the evidence), and "Check my answers" grades them in memory by the students' own rules
(quizapp.grading) and shows the students' feedback. No attempt is made and nothing is stored,
so the results stay the class's. The guard (quizapp.instructor.ownership) admits those who may
view the quiz."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import render_template, request
from flask_wtf import FlaskForm

from quizapp import attempts, grading, scoring
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.ownership import needs
from quizapp.models import Choice, Question, Quiz
from quizapp.workspaces import Access


@dataclass(frozen=True)
class PreviewAttempt:
    """What quizapp.attempts reads of an attempt to order a quiz's questions and choices. The
    seed is the quiz's own, so the answers sent back meet the order the page showed."""

    quiz: Quiz

    @property
    def token(self) -> str:
        return f"preview-{self.quiz.id}"

    @property
    def choice_seed(self) -> str:
        return self.token


@dataclass(frozen=True)
class PreviewPair:
    item_id: int
    choice_id: int
    choice: Choice


@dataclass(frozen=True)
class PreviewPlace:
    choice_id: int
    position: int


@dataclass
class PreviewResponse:
    """An answer kept in memory, read by grading and the feedback templates as a Response."""

    chosen: list[Choice] = field(default_factory=list)
    pairs: list[PreviewPair] = field(default_factory=list)
    places: list[PreviewPlace] = field(default_factory=list)
    score: float = 0.0
    correct: bool = False
    checked_at = None  # never locked: the preview may be answered again

    @property
    def answered(self) -> bool:
        return bool(self.chosen or self.pairs or self.places)


@dataclass
class PreviewSlot:
    number: int
    question: Question
    choices: list[Choice]  # in the order the page lists them
    response: PreviewResponse | None = None


def _ids(values: list[str], allowed: dict[int, Choice]) -> list[Choice]:
    """The question's choices these form values name; anything else is passed over."""
    return [allowed[int(value)] for value in values
            if value.isdigit() and len(value) < 19 and int(value) in allowed]


def _place(value: str, count: int) -> int | None:
    return int(value) if value.isdigit() and 1 <= int(value) <= count else None


def _read_answer(slot: PreviewSlot, form) -> PreviewResponse:
    question, name = slot.question, f"q{slot.question.id}"
    by_id = {choice.id: choice for choice in question.choices}
    if question.type == "matching":
        pairs = []
        for item in question.items:
            chosen = _ids(form.getlist(f"{name}-{item.id}"), by_id)[:1]
            pairs += [PreviewPair(item.id, choice.id, choice) for choice in chosen]
        return PreviewResponse(pairs=pairs)
    if question.type == "ordering":
        places = {choice.id: _place(form.get(f"{name}-{choice.id}", ""), len(slot.choices))
                  for choice in slot.choices}
        places = {choice_id: place for choice_id, place in places.items() if place}
        if not places:
            return PreviewResponse()
        order = attempts.arranged([choice.id for choice in slot.choices], places)
        return PreviewResponse(places=[PreviewPlace(choice_id, position)
                                       for position, choice_id in enumerate(order)])
    return PreviewResponse(chosen=_ids(form.getlist(name), by_id))


def _graded(response: PreviewResponse, question: Question) -> PreviewResponse:
    response.score = grading.response_score(question, response)
    response.correct = scoring.is_full(response.score)
    return response


def _shown_order(slot: PreviewSlot) -> list[Choice]:
    """An ordering question's items as listed after checking: in the order given."""
    if not slot.response or not slot.response.places:
        return slot.choices
    by_id = {choice.id: choice for choice in slot.choices}
    return [by_id[place.choice_id] for place in slot.response.places]


def preview_slots(quiz: Quiz, form=None) -> list[PreviewSlot]:
    """The quiz's questions in the order a student may see them; answered and graded when the
    preview's form came back."""
    stand_in = PreviewAttempt(quiz)
    slots = [PreviewSlot(number, item.question, attempts.ordered_choices(stand_in, item.question))
             for number, item in enumerate(attempts.ordered_items(stand_in), start=1)]
    if form is not None:
        for slot in slots:
            slot.response = _graded(_read_answer(slot, form), slot.question)
            if slot.question.type == "ordering":
                slot.choices = _shown_order(slot)
    return slots


@bp.route("/quizzes/<int:quiz_id>/preview", methods=["GET", "POST"])
@needs(Access.VIEW)  # answering the preview changes nothing
def preview(quiz_id: int):
    """The intro page first, as students see it before the clock starts; then the questions
    all on one page; "Check my answers" shows the feedback."""
    quiz = db.get_or_404(Quiz, quiz_id)
    form = FlaskForm()  # the CSRF token only
    if request.method == "GET" and not request.args.get("start"):
        return render_template("instructor/preview_intro.html", quiz=quiz)
    checked = request.method == "POST" and form.validate()
    slots = preview_slots(quiz, request.form if checked else None)
    score = sum(slot.response.score for slot in slots) if checked else 0
    return render_template("instructor/preview.html", quiz=quiz, form=form, slots=slots,
                           checked=checked, score=round(score, 4),
                           marks_words=grading.marks_words)
