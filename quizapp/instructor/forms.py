"""The instructors' forms: a question with its choices and evidence, a quiz's settings and
questions, and a new story with its articles."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
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

from quizapp.generators import registry
from quizapp.generators.gate import (
    MAX_CHOICES,
    MIN_CHOICES,
    normalised_choice,
    passage_in_article,
)
from quizapp.models import (
    ALL_ON_ONE,
    FEEDBACK_AT_END,
    FEEDBACK_IMMEDIATE,
    ONE_PER_PAGE,
    REVIEW_AFTER_ATTEMPT,
    Article,
)
from quizapp.question_versions import MANUAL, QuestionContent
from quizapp.review import DEFAULT_SCORE_REVIEW, WHEN, default_answers_review


def kind_choices() -> list[tuple[str, str]]:
    return [SelectChoice(MANUAL, "manual (written by hand)")] + [
        SelectChoice(kind.name, kind.name.replace("_", " ")) for kind in registry.KINDS]


def skill_choices() -> list[tuple[str, str]]:
    return [SelectChoice(skill) for skill in sorted(registry.SKILL_NAMES)]


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def _passage(value):
    # Browsers send a textarea's line breaks as CRLF; the articles are stored with LF.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


# --- a question -------------------------------------------------------------------------------

class ChoiceRow(Form):
    text = StringField("Choice", filters=[_stripped], validators=[Length(max=1000)])
    correct = BooleanField("Correct")


class EvidenceRow(Form):
    article = SelectField("Article", choices=[SelectChoice("", "(no evidence)")])
    passage = TextAreaField("Passage, copied exactly from the article",
                            filters=[_passage], validators=[Length(max=5000)])


class QuestionForm(FlaskForm):
    prompt = TextAreaField("Question", filters=[_stripped],
                           validators=[DataRequired("Write the question."), Length(max=2000)])
    kind = SelectField("Kind", choices=kind_choices(), default=MANUAL)
    skill = SelectField("Skill", choices=skill_choices())
    explanation = TextAreaField(
        "Explanation (shown after answering: what the evidence shows and the skill it trains)",
        filters=[_stripped],
        validators=[DataRequired("Write an explanation for the students."), Length(max=4000)])
    # Every row is always there, blank ones ignored: adding a choice needs no script.
    choices = FieldList(FormField(ChoiceRow), min_entries=MAX_CHOICES, max_entries=MAX_CHOICES)
    evidence = FieldList(FormField(EvidenceRow), min_entries=2, max_entries=20)
    submit = SubmitField("Save question")

    def keep_kind_and_skill(self, kind: str, skill: str) -> None:
        """Offer a question's own kind and skill even when no generator names them now."""
        if kind not in {choice.value for choice in self.kind.choices}:
            self.kind.choices = [*self.kind.choices, SelectChoice(kind)]
        if skill not in {choice.value for choice in self.skill.choices}:
            self.skill.choices = [*self.skill.choices, SelectChoice(skill)]

    def use_articles(self, articles: list[Article]) -> None:
        """Offer the story's articles in every evidence row."""
        self.articles = {str(a.id): a for a in articles}
        options = [SelectChoice("", "(no evidence)")] + [
            SelectChoice(str(a.id),
                         f"{a.outlet_or_unknown}: {a.title}" if a.title else a.outlet_or_unknown)
            for a in articles]
        for row in self.evidence:
            row.article.choices = options

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        valid = self._choices_valid() and valid
        valid = self._evidence_valid() and valid
        return valid and not self.choices_errors

    def _choices_valid(self) -> bool:
        """Each filled choice reads differently; at least two, some but not all correct."""
        valid = True
        self.choices_errors: list[str] = []
        filled = []
        seen: dict[str, int] = {}
        for number, row in enumerate(self.choices, start=1):
            text, correct = row.form.text.data or "", row.form.correct.data
            if not text:
                if correct:
                    row.form.text.errors.append("A blank choice cannot be the right answer.")
                    valid = False
                continue
            same = seen.get(normalised_choice(text))
            if same is not None:
                row.form.text.errors.append(f"This choice reads the same as choice {same}.")
                valid = False
            seen.setdefault(normalised_choice(text), number)
            filled.append(correct)
        if len(filled) < MIN_CHOICES:
            self.choices_errors.append(f"Write at least {MIN_CHOICES} choices.")
        elif not any(filled):
            self.choices_errors.append("Mark at least one choice as correct.")
        elif all(filled):
            self.choices_errors.append(
                "Every choice is marked correct, so nothing is being asked: add a wrong choice.")
        return valid

    def _evidence_valid(self) -> bool:
        """Each evidence row names an article and a passage found in it word for word."""
        valid = True
        for row in self.evidence:
            article_id, passage = row.form.article.data or "", row.form.passage.data or ""
            if not article_id and not passage:
                continue
            article = self.articles.get(article_id)
            if article is None:
                row.form.article.errors.append("Pick the article this passage comes from.")
            elif not passage:
                row.form.passage.errors.append(
                    "Paste the passage from this article, or set the row back to (no evidence).")
            elif not passage_in_article(article.text, passage):
                row.form.passage.errors.append(
                    f"This passage is not in the {article.outlet_or_unknown} article word for "
                    "word. Copy it exactly from the article (quotation marks and dashes included).")
            else:
                continue
            valid = False
        return valid

    def content(self) -> QuestionContent:
        return QuestionContent(
            prompt=self.prompt.data, kind=self.kind.data, skill=self.skill.data,
            explanation=self.explanation.data,
            choices=[(row.form.text.data, bool(row.form.correct.data))
                     for row in self.choices if row.form.text.data],
            evidence=[(self.articles[row.form.article.data], row.form.passage.data)
                      for row in self.evidence if row.form.article.data and row.form.passage.data],
        )


def question_data(content: QuestionContent) -> dict:
    """Form data for an existing question, to fill the edit form."""
    return {
        "prompt": content.prompt, "kind": content.kind, "skill": content.skill,
        "explanation": content.explanation,
        "choices": [{"text": text, "correct": correct} for text, correct in content.choices],
        "evidence": [{"article": str(article.id), "passage": passage}
                     for article, passage in content.evidence],
    }


# --- a quiz -----------------------------------------------------------------------------------

class QuestionPicks(SelectMultipleField):
    """Checkboxes of the story's approved questions; any other id is refused."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:
        offered = {choice.value for choice in self.choices}
        if any(value not in offered for value in self.data or ()):
            raise ValidationError("Only this story's approved questions can go into a quiz.")


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
