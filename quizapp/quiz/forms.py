"""The quiz form, built per quiz: a name, and one field per question of radio buttons
(one answer) or checkboxes (several)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.models import QuizQuestion


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class TakeQuizForm(FlaskForm):
    student_name = StringField(
        "Your name",
        filters=[_strip],
        validators=[
            DataRequired(message="Enter your name so your teacher can find your score."),
            Length(max=80, message="Keep your name under 80 characters."),
        ],
    )
    # One random key a page view: a form sent twice is recognised, not counted twice.
    submission = HiddenField(validators=[DataRequired(), Regexp(r"^[A-Za-z0-9_-]{16,64}$")])

    def question_fields(self):
        return [self[name] for name in self._question_names]


def field_name(item: QuizQuestion) -> str:
    return f"q{item.id}"


def quiz_form(items: list[QuizQuestion], **kwargs) -> TakeQuizForm:
    fields = {}
    for item in items:
        question = item.question
        choices = [SelectChoice(choice.id, choice.text) for choice in question.choices]
        field_class = CheckboxesField if question.multiple else RadioField
        fields[field_name(item)] = field_class(
            question.prompt, coerce=int, choices=choices, validators=[Optional()]
        )
    form_class = type("QuizForm", (TakeQuizForm,), fields)
    form_class._question_names = list(fields)
    return form_class(**kwargs)
