"""The instructors' forms: a quiz's settings and questions, and a new story with its articles
(the question form has a module of its own, question_form.py)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp import rosters
from quizapp.generators import registry
from quizapp.models import (
    ALL_ON_ONE,
    FEEDBACK_AT_END,
    FEEDBACK_IMMEDIATE,
    GRADE_BEST,
    GRADE_FIRST,
    GRADE_LAST,
    ONE_PER_PAGE,
    REVIEW_AFTER_ATTEMPT,
)
from quizapp.question_versions import MANUAL
from quizapp.review import DEFAULT_SCORE_REVIEW, WHEN, default_answers_review


def kind_choices() -> list[tuple[str, str]]:
    return [SelectChoice(MANUAL, "manual (written by hand)")] + [
        SelectChoice(kind.name, kind.name.replace("_", " ")) for kind in registry.KINDS]


def skill_choices() -> list[tuple[str, str]]:
    return [SelectChoice(skill) for skill in sorted(registry.SKILL_NAMES)]


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


# --- a quiz -----------------------------------------------------------------------------------

class CheckboxPicks(SelectMultipleField):
    """Checkboxes, one an offered value; any other value is refused with `refusal`."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
    refusal = "Tick only the boxes shown."

    def pre_validate(self, form) -> None:
        offered = {choice.value for choice in self.choices}
        if any(value not in offered for value in self.data or ()):
            raise ValidationError(self.refusal)


class QuestionPicks(CheckboxPicks):
    """Checkboxes of the story's approved questions; any other id is refused."""

    refusal = "Only this story's approved questions can go into a quiz."


# Moodle's grading methods, but the average (a mean of attempts is no attempt to read back).
GRADE_WORDS = [(GRADE_FIRST, "The first attempt's"), (GRADE_BEST, "The best attempt's"),
               (GRADE_LAST, "The last attempt's")]


class QuizForm(FlaskForm):
    title = StringField("Title", filters=[_stripped],
                        validators=[DataRequired("Give the quiz a title."), Length(max=300)])
    join_code = StringField(
        "Join code (students type it to open the quiz)",
        filters=[lambda v: v.strip().upper() if isinstance(v, str) else v],
        validators=[DataRequired("Give the quiz a join code."), Length(min=4, max=20)])
    layout = RadioField("Layout", default=ONE_PER_PAGE, choices=[
        SelectChoice(ONE_PER_PAGE, "One question per page"),
        SelectChoice(ALL_ON_ONE, "All questions on one page")])
    open_book = BooleanField("Open book: students may read the articles while answering",
                             default=True)
    feedback = RadioField("Feedback", default=FEEDBACK_AT_END, choices=[
        SelectChoice(FEEDBACK_AT_END, "At the end, after submitting"),
        SelectChoice(FEEDBACK_IMMEDIATE, "Right after each answer (the answer is then final)")])
    time_limit_minutes = IntegerField(
        "Time limit in minutes (leave empty for none)",
        validators=[Optional(), NumberRange(min=1, max=600, message="Between 1 and 600 minutes.")])
    # In the school's time zone (quizapp.quiz_dates); the page names it.
    opens_at = DateTimeLocalField("Opens (leave empty to open when published)",
                                  format="%Y-%m-%dT%H:%M", validators=[Optional()])
    closes_at = DateTimeLocalField("Closes (leave empty to close by hand)",
                                   format="%Y-%m-%dT%H:%M", validators=[Optional()])
    shuffle_questions = BooleanField("Shuffle the order of questions for each student")
    shuffle_choices = BooleanField("Shuffle the order of choices for each student")
    review_answers = RadioField(
        "When students see the right answers, with the explanations and evidence",
        default=default_answers_review(),
        choices=[SelectChoice(value, label) for value, label in WHEN.items()])
    review_score = RadioField(
        "When students see their score", default=DEFAULT_SCORE_REVIEW,
        choices=[SelectChoice(value, label) for value, label in WHEN.items()])
    attempts_allowed = IntegerField(
        "Attempts each student may make (leave empty for unlimited)",
        validators=[Optional(), NumberRange(min=1, max=100,
                                            message="Between 1 and 100 attempts, or empty.")])
    grade_kept = RadioField(
        "The grade kept when a student makes several attempts (the gradebook's)",
        default=GRADE_BEST, choices=[SelectChoice(value, label) for value, label in GRADE_WORDS])
    roster = TextAreaField(
        "Class roster (optional): one name a line. Students then pick their name from it, and "
        "each name is one student's", validators=[Length(max=50_000)])
    roster_file = FileField(
        "…or upload the class list: a .txt or .csv file, one name a line (a CSV's first "
        "column). Its names replace those in the box",
        validators=[FileAllowed(["txt", "csv"], "Upload the class list as a .txt or .csv file."),
                    FileSize(rosters.FILE_BYTES, message=(
                        f"The file is over {rosters.FILE_BYTES // 1024} KiB, far more than a "
                        "class list: is it the right file?"))])
    shared_computer = BooleanField(
        "Taken on shared computers: the browser remembers no attempt, so the next student is "
        "not offered the last one's (a student who closes the tab comes back with the resume "
        "code)")
    listed = BooleanField("List it on the home page, for anyone who opens the site (otherwise "
                          "students reach it by its code or link)")
    selection = RadioField("How to pick the questions", default="hand", choices=[
        SelectChoice("hand", "Pick questions by hand (tick them below)"),
        SelectChoice("random", "Draw questions at random for each skill")])
    per_skill = IntegerField("Questions per skill",
                             validators=[Optional(), NumberRange(min=1, max=50)])
    questions = QuestionPicks("Approved questions", coerce=int, choices=[])
    submit = SubmitField("Save quiz")

    def validate_roster_file(self, field: FileField) -> None:
        if not field.data or field.errors:  # none sent, or the wrong kind or size
            return
        try:
            names = rosters.from_file(field.data.read(), field.data.filename or "")
        except rosters.UnreadableFile as error:
            raise ValidationError(str(error)) from None
        if (problem := rosters.problem(names)) is not None:
            raise ValidationError(problem)
        # Into the box: should another field send the form back, the names are still there
        # (a browser never refills a file input).
        self.roster.data = rosters.cleaned(names)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.selection.data == "random" and not self.per_skill.data:
            self.per_skill.errors.append("Say how many questions of each skill to draw.")
            valid = False
        if self.selection.data == "hand" and not self.questions.data:
            self.questions.errors.append("Tick at least one question.")
            valid = False
        if (self.feedback.data == FEEDBACK_IMMEDIATE
                and self.review_answers.data != REVIEW_AFTER_ATTEMPT):
            self.review_answers.errors.append(
                "Immediate feedback shows each right answer as soon as it is checked: choose "
                "“right after the attempt” here, or feedback at the end.")
            valid = False
        return valid


# --- a story ----------------------------------------------------------------------------------

class ArticleRow(Form):
    file = FileField("Upload a .txt or a saved .html page")
    text = TextAreaField("…or paste the article's text", validators=[Length(max=2_000_000)])
    outlet = StringField("Outlet", filters=[_stripped], validators=[Length(max=200)])
    title = StringField("Headline (read from the page when empty)", filters=[_stripped],
                        validators=[Length(max=500)])
    date = StringField("Date", filters=[_stripped], validators=[Length(max=40)])
    author = StringField("Author", filters=[_stripped], validators=[Length(max=200)])
    url = StringField("Address (URL)", filters=[_stripped], validators=[Length(max=2000)])
    whole = BooleanField("This is the whole article, not an excerpt (questions may then say what "
                         "it leaves out)")


MAX_LINKS = 20


class StoryForm(FlaskForm):
    title = StringField("Story title", filters=[_stripped],
                        validators=[DataRequired("Give the story a title."), Length(max=500)])
    links = TextAreaField(f"Links to the articles, one per line (up to {MAX_LINKS})",
                          validators=[Length(max=MAX_LINKS * 2100)])
    read_links = SubmitField("Read the links")
    # As many rows as links: a story read from links fills one row per page.
    articles = FieldList(FormField(ArticleRow), min_entries=2, max_entries=MAX_LINKS)
    add_article = SubmitField("Add another article")
    submit = SubmitField("Save story")


class GenerateForm(FlaskForm):
    submit = SubmitField("Generate questions")


# --- sharing and accounts ---------------------------------------------------------------------

class ShareForm(FlaskForm):
    colleague = StringField("Colleague's instructor name", filters=[_stripped],
                            validators=[DataRequired("Type the colleague's instructor name."),
                                        Length(max=80)])
    level = RadioField("They may", default="view", choices=[
        SelectChoice("view", "view it and its results"),
        SelectChoice("edit", "edit it"),
        SelectChoice("none", "no longer see it (stop sharing)")])


class NewAccountForm(FlaskForm):
    name = StringField("Name", filters=[_stripped],
                       validators=[DataRequired("Give the account a name."), Length(max=80)])
    password = PasswordField("Password (at least 8 characters)",
                             validators=[DataRequired("Give the account a password.")])
    admin = BooleanField("An admin: sees every instructor's work and manages accounts")


class PasswordForm(FlaskForm):
    password = PasswordField("New password (at least 8 characters)",
                             validators=[DataRequired("Type the new password.")])


class QuickEditForm(FlaskForm):
    """A question's wording, edited on its card in the review queue (choices and evidence in the
    full question form)."""

    prompt = TextAreaField("Question", filters=[_stripped],
                           validators=[DataRequired("Write the question."), Length(max=2000)])
    explanation = TextAreaField(
        "Explanation", filters=[_stripped],
        validators=[DataRequired("Write an explanation for the students."), Length(max=4000)])


# --- question files ----------------------------------------------------------------------------

class ImportQuestionsForm(FlaskForm):
    file = FileField("A GIFT (.txt, .gift) or Moodle XML (.xml) file",
                     validators=[FileRequired("Choose a file to import.")])
    skill = SelectField("Skill of questions whose file does not name one",
                        choices=skill_choices(), default="cross-checking")
    submit = SubmitField("Import as drafts")


def _https_address(form, field) -> None:
    """LTI's endpoints are HTTPS addresses: the LMS's keys and tokens never travel in clear."""
    if not (field.data or "").startswith("https://") or len(field.data) < 12 or " " in field.data:
        raise ValidationError("Give the full address, starting with https://.")


class LmsPlatformForm(FlaskForm):
    """An LMS registered for LTI 1.3: the values its administrator gives for the tool."""

    name = StringField("Name (for you: “Our Moodle”)", filters=[_stripped],
                       validators=[DataRequired("Give the LMS a name."), Length(max=120)])
    issuer = StringField("Issuer (platform ID)", filters=[_stripped],
                         validators=[DataRequired("Give the issuer."), Length(max=300),
                                     _https_address])
    client_id = StringField("Client ID", filters=[_stripped],
                            validators=[DataRequired("Give the client ID."), Length(max=300)])
    auth_login_url = StringField("Authentication request URL", filters=[_stripped],
                                 validators=[DataRequired("Give the authentication request URL."),
                                             Length(max=500), _https_address])
    auth_token_url = StringField("Access token URL", filters=[_stripped],
                                 validators=[DataRequired("Give the access token URL."),
                                             Length(max=500), _https_address])
    key_set_url = StringField("Public keyset URL", filters=[_stripped],
                              validators=[DataRequired("Give the public keyset URL."),
                                          Length(max=500), _https_address])
    deployment_ids = TextAreaField("Deployment IDs (one a line)",
                                   validators=[DataRequired("Give at least one deployment ID."),
                                               Length(max=5000)])


class LmsLinkForm(FlaskForm):
    # The signed code the LMS's picker gave (quizapp.lms.people.link_code).
    code = HiddenField(validators=[DataRequired(), Length(max=2000)])
