"""The sign-in form."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class SignInForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Type your instructor name."),
                                           Length(max=80)],
                       render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField("Password", validators=[DataRequired("Type your password."),
                                                     Length(max=500)],
                             render_kw={"autocomplete": "current-password"})
    # Where to go after signing in; only a path on this site is ever followed.
    next = HiddenField()
    submit = SubmitField("Sign in")
