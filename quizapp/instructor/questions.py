"""The question bank: the review queue of generated drafts, and the question form to add, edit
and delete a question. The versioning rules live in quizapp.question_versions."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from quizapp import question_versions
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.ownership import needs
from quizapp.instructor.question_form import FORM_TYPES, QuestionForm, form_type, question_data
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
                           types=FORM_TYPES, failed=status != 200), status


def _showing_sentences(form: QuestionForm) -> bool:
    """"Show its sentences" was pressed: the page comes back with the article's sentences and
    everything typed, and nothing is saved (how the form works without JavaScript)."""
    return form.question_type == "evidence" and bool(form.show_sentences.data)


@bp.route("/stories/<int:story_id>/questions/new", methods=["GET", "POST"])
@needs(Access.EDIT)
def new_question(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = QuestionForm()
    # The type is picked first (a menu that reloads the page), and stays in the form's address.
    form.question_type = request.args.get("type") if request.args.get("type") in FORM_TYPES \
        else "choice"
    form.use_articles(story.articles)
    if request.method == "GET" or _showing_sentences(form):
        return _form_page(form, story, None)
    if not form.validate():
        return _form_page(form, story, None, 422)
    question_versions.add_question(story, form.content())
    db.session.commit()
    flash("Question added and approved.")
    return redirect(_back(url_for("instructor.story", story_id=story.id)))


def _edit_form(question: Question, story: Story) -> QuestionForm:
    """The form filled with the question as it is."""
    content = question_versions.content_of(question)
    form = QuestionForm(data=question_data(content))
    for _ in range(EXTRA_EVIDENCE_ROWS):
        form.evidence.append_entry()
    form.question_type = form_type(question.type)
    form.keep_kind_and_skill(question.kind, question.skill)
    form.use_articles(story.articles)
    form.tick_sentences([choice.text for choice in question.key])
    return form


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
    if request.method == "GET":
        return _form_page(_edit_form(question, story), story, question)
    form = QuestionForm()
    # A question keeps its type: the form reads the part of its type, so no key is lost.
    form.question_type = form_type(question.type)
    form.keep_kind_and_skill(question.kind, question.skill)
    form.use_articles(story.articles)
    if _showing_sentences(form):
        return _form_page(form, story, question)
    if not form.validate():
        return _form_page(form, story, question, 422)
    saved = question_versions.edit_question(
        question, form.content(question_versions.content_of(question)))
    db.session.commit()
    if saved.id != question.id:
        flash("Students have started on this question and you changed its answer (its choices, "
              "pairs, order or sentences), so your edit is a new version: attempts that start "
              "from now on use it, and those already started keep the one they began with, "
              "answers and grades included.")
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
