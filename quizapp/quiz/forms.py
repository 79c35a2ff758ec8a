"""The students' forms: joining a quiz, resuming an attempt, and answering questions (radio
buttons for one answer, checkboxes for several), built per attempt in the order it shows."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.attempts import Slot


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
    field_class = CheckboxesField if slot.question.multiple else RadioField
    return field_class(label or slot.question.prompt, choices=choices, validators=[Optional()])


class AnswerForm(FlaskForm):
    def answer_fields(self):
        return [self[name] for name in self._answer_names]


def field_name(slot: Slot) -> str:
    return f"q{slot.question.id}"


def question_form(slot: Slot, **kwargs) -> AnswerForm:
    """One question's form (one-per-page): its choices in the field `answer`."""
    form_class = type("QuestionForm", (AnswerForm,), {"answer": answer_field(slot)})
    form_class._answer_names = ["answer"]
    return form_class(**kwargs)


def page_form(slots: list[Slot], **kwargs) -> AnswerForm:
    """Every question on one page (all-on-one): field `q<question id>` each."""
    fields = {field_name(slot): answer_field(slot) for slot in slots}
    form_class = type("AllQuestionsForm", (AnswerForm,), fields)
    form_class._answer_names = list(fields)
    return form_class(**kwargs)


def chosen_ids(slot: Slot, field) -> set[int]:
    """The choice ids a validated field's values name (validation refused any other value)."""
    data = field.data
    if data is None:
        return set()
    return slot.choice_ids(data if isinstance(data, list) else [data]) or set()
