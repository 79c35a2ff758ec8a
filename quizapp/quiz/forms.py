"""The students' forms: joining a quiz, resuming an attempt, and answering questions, built per
attempt in the order it shows: radio buttons for one answer, checkboxes for several (and for the
sentences of find-the-evidence), a menu of right items per left item (matching) and a menu of
places per item (ordering). Every value is the attempt's opaque one, never an id."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp import attempts
from quizapp.attempts import Answer, Slot
from quizapp.models import Choice


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _code(value):
    return "".join(value.split()).upper() if isinstance(value, str) else value


NAME_VALIDATORS = [
    DataRequired(message="Enter your name so your teacher can find your score."),
    Length(max=80, message="Keep your name under 80 characters."),
]


class StartForm(FlaskForm):
    student_name = StringField("Your name", filters=[_strip], validators=NAME_VALIDATORS)
    # One random key a page view: a form sent twice is recognised, not counted twice.
    submission = HiddenField(validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{16,64}$")])
    # Sent by "Start a new attempt" beside an unfinished one: the same name on the same device
    # otherwise resumes that attempt.
    new_attempt = HiddenField(validators=[Optional()])


class JoinForm(StartForm):
    """The home page's box: the quiz code as well as the name."""

    code = StringField("Quiz code", filters=[_code], validators=[
        DataRequired(message="Enter the quiz code your teacher gave you."),
        Length(max=20, message="A quiz code is a few letters and digits."),
    ])


class ResumeForm(FlaskForm):
    code = StringField("Quiz code", filters=[_code], validators=[
        DataRequired(message="Enter the quiz code."), Length(max=20)])
    student_name = StringField("Your name", filters=[_strip], validators=NAME_VALIDATORS)
    resume_code = StringField("Resume code", filters=[_code], validators=[
        DataRequired(message="Enter the resume code shown when you started."), Length(max=20)])


class SubmitAttemptForm(FlaskForm):
    """Only the CSRF token: submitting needs nothing else, and twice is the same as once."""


class StartFreshForm(FlaskForm):
    """Only the CSRF token: "Not you? Start fresh" forgets this browser's remembered attempt."""


def answer_field(slot: Slot, label: str | None = None):
    # Each choice carries its opaque value for this attempt, never its id: nothing in the page
    # follows the order the choices were written in.
    choices = [SelectChoice(slot.value_of(choice), choice.text) for choice in slot.choices]
    field_class = (CheckboxesField if slot.question.type in ("multiple", "evidence")
                   else RadioField)
    return field_class(label or slot.question.prompt, choices=choices, validators=[Optional()])


def answer_fields(slot: Slot, prefix: str, order: list[Choice] | None = None) -> dict:
    """The fields of one question, by name: `prefix` for choice questions; `prefix-<item
    position>` per left item (matching); `prefix-<choice value>` per item (ordering), listed in
    `order` (the order the page shows)."""
    question = slot.question
    if question.type == "matching":
        options = [SelectChoice("", "Choose…")] + [
            SelectChoice(slot.value_of(choice), choice.text) for choice in slot.choices]
        return {f"{prefix}-{item.position}": SelectField(item.text, choices=options,
                                                         validators=[Optional()])
                for item in question.items}
    if question.type == "ordering":
        places = [SelectChoice(str(n), str(n)) for n in range(1, len(slot.choices) + 1)]
        return {f"{prefix}-{slot.value_of(choice)}": SelectField(choice.text, choices=places,
                                                                 validators=[Optional()])
                for choice in (order or slot.choices)}
    return {prefix: answer_field(slot)}


def answer_data(slot: Slot, prefix: str, given: Answer) -> dict:
    """A saved answer as the fields' data, to fill the form with."""
    question = slot.question
    if question.type == "matching":
        by_choice = {choice.id: slot.value_of(choice) for choice in slot.choices}
        pairs = dict(given.pairs)
        return {f"{prefix}-{item.position}": by_choice.get(pairs.get(item.id), "")
                for item in question.items}
    if question.type == "ordering":
        return {f"{prefix}-{slot.value_of(choice)}": str(place)
                for place, choice in enumerate(attempts.shown_order(slot, given), start=1)}
    values = [slot.value_of(choice) for choice in slot.choices if choice.id in given.chosen]
    if question.type in ("multiple", "evidence"):
        return {prefix: values}
    return {prefix: values[0] if values else None}


class AnswerForm(FlaskForm):
    _parts: dict[str, list[str]]  # each question's field prefix -> its fields' names

    def parts(self, prefix: str) -> list:
        """The bound fields of the question whose fields start with `prefix`."""
        return [self[name] for name in self._parts[prefix]]

    def answer_fields(self):
        return [self[name] for names in self._parts.values() for name in names]


def field_name(slot: Slot) -> str:
    return f"q{slot.question.id}"


def _form_class(name: str, questions: list[tuple[Slot, str, list[Choice] | None]]):
    fields, parts = {}, {}
    for slot, prefix, order in questions:
        these = answer_fields(slot, prefix, order)
        fields.update(these)
        parts[prefix] = list(these)
    form_class = type(name, (AnswerForm,), fields)
    form_class._parts = parts
    return form_class


def question_form(slot: Slot, order: list[Choice] | None = None, **kwargs) -> AnswerForm:
    """One question's form (one-per-page): its fields start with `answer`."""
    return _form_class("QuestionForm", [(slot, "answer", order)])(**kwargs)


def page_form(slots: list[Slot], orders: dict[int, list[Choice]] | None = None,
              **kwargs) -> AnswerForm:
    """Every question on one page (all-on-one): fields starting `q<question id>` each."""
    orders = orders or {}
    return _form_class("AllQuestionsForm", [
        (slot, field_name(slot), orders.get(slot.question.id)) for slot in slots])(**kwargs)


def given_answer(slot: Slot, form: AnswerForm, prefix: str, shown: list[Choice]) -> Answer:
    """The answer a validated form gives the question (validation refused any other value);
    `shown` is the order an ordering question's page listed its items in."""
    question = slot.question
    if question.type == "matching":
        pairs = []
        for item in question.items:
            ids = slot.choice_ids([form[f"{prefix}-{item.position}"].data or ""])
            if ids:
                pairs.append((item.id, ids.pop()))
        return Answer(pairs=tuple(sorted(pairs)))
    if question.type == "ordering":
        places = {}
        for choice in shown:
            data = form[f"{prefix}-{slot.value_of(choice)}"].data
            if data:
                places[choice.id] = int(data)
        if not places:
            return Answer()
        return Answer(order=tuple(attempts.arranged([c.id for c in shown], places)))
    data = form[prefix].data
    if data is None:
        return Answer()
    return Answer(chosen=frozenset(slot.choice_ids(data if isinstance(data, list) else [data])
                                   or ()))
