"""The quiz builder's pages: a quiz from a story's approved questions, its settings, and
publishing, closing and reopening it. The rules live in quizapp.quiz_builder."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from quizapp import expiry, quiz_builder, quiz_dates, review, workspaces
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import QuizForm, ShareForm
from quizapp.instructor.ownership import needs
from quizapp.models import Quiz, Story
from quizapp.quiz_builder import new_join_code
from quizapp.workspaces import Access


def _offer_questions(form: QuizForm, story: Story) -> list:
    questions = quiz_builder.approved_questions(story)
    form.questions.choices = [SelectChoice(q.id, q.prompt) for q in questions]
    return questions


DATES = ("opens_at", "closes_at")


def _settings(form: QuizForm) -> quiz_builder.QuizSettings:
    values = {name: form[name].data for name in quiz_builder.SETTINGS}
    values.update({name: quiz_dates.to_utc(form[name].data) for name in DATES})
    return quiz_builder.QuizSettings(**values)


def _chosen(form: QuizForm, story: Story) -> list:
    if form.selection.data == "random":
        return quiz_builder.random_per_skill(story, form.per_skill.data)
    return quiz_builder.chosen_by_hand(story, form.questions.data)


def _form_page(form, story, quiz, questions, status=200):
    by_id = {q.id: q for q in questions}
    return render_template("instructor/quiz_form.html", form=form, story=story, quiz=quiz,
                           by_id=by_id, failed=status != 200,
                           locked=quiz is not None and quiz_builder.has_attempts(quiz)), status


def _save(form: QuizForm, story: Story, quiz: Quiz | None, questions: list):
    """Validate, build and commit; the form page with messages when anything is wrong."""
    if not form.validate():
        return _form_page(form, story, quiz, questions, 422)
    try:
        chosen = _chosen(form, story)
        if quiz is None:
            # The maker's own, even from a story a colleague shares with them.
            quiz = quiz_builder.new_quiz(story, _settings(form), chosen,
                                         owner_id=current_user.id)
        else:
            quiz_builder.apply_settings(quiz, _settings(form))
            quiz_builder.set_questions(quiz, chosen)
    except quiz_builder.BuildError as error:
        db.session.rollback()
        form[error.field].errors.append(str(error))
        return _form_page(form, story, None if quiz is None or quiz.id is None else quiz,
                          questions, 422)
    db.session.commit()
    flash(f"Quiz saved with {len(quiz.items)} question{'s' if len(quiz.items) != 1 else ''}."
          + ("" if quiz.published else " It is not published yet."))
    return redirect(url_for("instructor.quiz", quiz_id=quiz.id))


@bp.route("/stories/<int:story_id>/quizzes/new", methods=["GET", "POST"])
@needs(Access.VIEW)  # a story shared to view may still be made into one's own quiz
def new_quiz(story_id: int):
    story = db.get_or_404(Story, story_id)
    if request.method == "GET":
        form = QuizForm(data={"title": story.title, "join_code": new_join_code(),
                              "per_skill": 2})
        questions = _offer_questions(form, story)
        return _form_page(form, story, None, questions)
    form = QuizForm()
    questions = _offer_questions(form, story)
    return _save(form, story, None, questions)


@bp.route("/quizzes/<int:quiz_id>/edit", methods=["GET", "POST"])
@needs(Access.EDIT)
def edit_quiz(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    story = quiz.story
    if story is None:
        abort(404, description="This quiz belongs to no story, so its questions cannot be "
                               "picked here.")
    if request.method == "GET":
        data = {name: getattr(quiz, name) for name in quiz_builder.SETTINGS}
        data.update({name: quiz_dates.to_local(getattr(quiz, name)) for name in DATES})
        data.update(selection="hand", per_skill=2,
                    questions=[item.question_id for item in quiz.items])
        form = QuizForm(data=data)
        questions = _offer_questions(form, story)
        return _form_page(form, story, quiz, questions)
    form = QuizForm()
    questions = _offer_questions(form, story)
    return _save(form, story, quiz, questions)


@bp.get("/quizzes/<int:quiz_id>")
def quiz(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    results = "instructor.quiz_results" in current_app.view_functions
    return render_template("instructor/quiz.html", quiz=quiz, results=results,
                           attempted=quiz_builder.has_attempts(quiz), review_words=review.WHEN,
                           access=workspaces.quiz_access(quiz, current_user), Access=Access,
                           shares=workspaces.shares_of("quiz", quiz.id),
                           share_form=ShareForm(formdata=None),
                           link=url_for("quiz.start", code=quiz.join_code, _external=True))


def _change(quiz_id: int, action, message: str):
    quiz = db.get_or_404(Quiz, quiz_id)
    try:
        action(quiz)
    except quiz_builder.BuildError as error:
        db.session.rollback()
        flash(str(error))
        return redirect(url_for("instructor.quiz", quiz_id=quiz.id))
    db.session.commit()
    flash(message.format(code=quiz.join_code))
    return redirect(url_for("instructor.quiz", quiz_id=quiz.id))


@bp.post("/quizzes/<int:quiz_id>/publish")
def publish_quiz(quiz_id: int):
    return _change(quiz_id, quiz_builder.publish,
                   "Quiz published: students can join it with the code {code}.")


@bp.post("/quizzes/<int:quiz_id>/close")
def close_quiz(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    graded = expiry.close_quiz(quiz)
    flash("Quiz closed: it takes no new attempts or answers; the attempts are kept."
          + (f" {graded} attempt{'s' if graded != 1 else ''} still in progress "
             f"{'were' if graded != 1 else 'was'} submitted with the answers saved so far."
             if graded else ""))
    return redirect(url_for("instructor.quiz", quiz_id=quiz_id))


@bp.post("/quizzes/<int:quiz_id>/reopen")
def reopen_quiz(quiz_id: int):
    return _change(quiz_id, quiz_builder.reopen, "Quiz reopened: students can answer again.")
