"""The question bank: the review queue of generated drafts, and the question form to add, edit
and delete a question. The versioning rules live in quizapp.question_versions."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from quizapp import question_versions
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import QuestionForm, question_data
from quizapp.instructor.ownership import needs
from quizapp.models import Question, QuestionStatus, Story
from quizapp.routing import safe_next
from quizapp.workspaces import Access

EXTRA_EVIDENCE_ROWS = 2


def _back(default: str) -> str:
    return safe_next(request.values.get("next")) or default


def _question(question_id: int) -> Question:
    return db.get_or_404(Question, question_id)


def _form_page(form: QuestionForm, story: Story, question: Question | None, status: int = 200):
    return render_template("instructor/question_form.html", form=form, story=story,
                           question=question, next=request.values.get("next", ""),
                           failed=status != 200), status


@bp.route("/stories/<int:story_id>/questions/new", methods=["GET", "POST"])
@needs(Access.EDIT)
def new_question(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = QuestionForm()
    form.use_articles(story.articles)
    if request.method == "GET":
        return _form_page(form, story, None)
    if not form.validate():
        return _form_page(form, story, None, 422)
    question_versions.add_question(story, form.content())
    db.session.commit()
    flash("Question added and approved.")
    return redirect(_back(url_for("instructor.story", story_id=story.id)))


CHOICE_TYPES = ("single", "multiple")
TYPE_WORDS = {"matching": "matching", "ordering": "ordering", "evidence": "find-the-evidence"}


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@needs(Access.EDIT)
def edit_question(question_id: int):
    question = _question(question_id)
    if question.status == QuestionStatus.SUPERSEDED:
        newest = question_versions.newest_version(question)
        flash("That was an old version of the question, kept for the attempts that answered it; "
              "this is its newest version.")
        return redirect(url_for("instructor.edit_question", question_id=newest.id))
    story = question.story
    if story is None:
        abort(404, description="This question belongs to no story, so it cannot be edited here.")
    if question.type not in CHOICE_TYPES:
        # The form knows choices and a key, not pairs, orders or an article's sentences: saving
        # it would turn the question into multiple choice and lose its key.
        flash(f"This is a {TYPE_WORDS[question.type]} question: the question form edits only "
              "single and multiple choice questions, so it is kept as it is.", "error")
        return redirect(url_for("instructor.story", story_id=story.id))
    if request.method == "GET":
        form = QuestionForm(data=question_data(question_versions.content_of(question)))
        for _ in range(EXTRA_EVIDENCE_ROWS):
            form.evidence.append_entry()
        form.keep_kind_and_skill(question.kind, question.skill)
        form.use_articles(story.articles)
        return _form_page(form, story, question)
    form = QuestionForm()
    form.keep_kind_and_skill(question.kind, question.skill)
    form.use_articles(story.articles)
    if not form.validate():
        return _form_page(form, story, question, 422)
    saved = question_versions.edit_question(question, form.content())
    db.session.commit()
    if saved.id != question.id:
        flash("Students have started on this question and you changed its choices, so your edit "
              "is a new version: attempts that start from now on use it, and those already "
              "started keep the choices they began with, answers and grades included.")
    else:
        flash("Question saved.")
    return redirect(_back(url_for("instructor.story", story_id=story.id)))


@bp.post("/questions/<int:question_id>/delete")
def delete_question(question_id: int):
    question = _question(question_id)
    if question.status == QuestionStatus.SUPERSEDED:
        abort(409, description="This is an old version, kept for the attempts that answered it; "
                               "delete its newest version instead.")
    story_id = question.story_id
    kept_in = question_versions.delete_question(question)
    db.session.commit()
    if kept_in:
        titles = ", ".join(quiz.title for quiz in kept_in)
        flash("Students had answered this question, so it is kept for their attempts and marked "
              f"rejected. It stays in quizzes already taken ({titles}); close them or build a new "
              "quiz to stop using it.")
    else:
        flash("Question deleted.")
    return redirect(url_for("instructor.story", story_id=story_id))
