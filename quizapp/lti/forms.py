"""The deep-linking picker's form: which quiz goes into the course, for which launch."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField
from wtforms.validators import DataRequired, Length, Optional


class PickQuizForm(FlaskForm):
    # The launch's id (pylti1p3's, random): its claims are read back from the database.
    launch = HiddenField(validators=[DataRequired(), Length(max=100)])
    # None: "I have linked my account", show the picker again.
    quiz = IntegerField(validators=[Optional()])
