"""Stories: add one through the web, see its articles and questions, and generate questions."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func

from quizapp import bank, generation_runs, workspaces
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.instructor import story_links
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import GenerateForm, ShareForm, StoryForm
from quizapp.instructor.story_upload import keep_chosen_files, story_from_form
from quizapp.models import Attempt, GenerationRun, Question, Quiz, Story


@bp.route("/stories/new", methods=["GET", "POST"])
def new_story():
    form = StoryForm()
    if request.method == "GET":
        return render_template("instructor/story_form.html", form=form)
    if form.read_links.data:
        return _read_links(form)
    if form.add_article.data:
        # Another row, without a script; typed values stay, and chosen files are read now
        # (a browser never refills a file input).
        form.validate()
        keep_chosen_files(form)
        _forget_errors(form, keep=("file",))
        if len(form.articles) < form.articles.max_entries:
            form.articles.append_entry()
        return render_template("instructor/story_form.html", form=form, added=True)
    if not form.validate():
        return render_template("instructor/story_form.html", form=form, failed=True), 422
    plain = story_from_form(form)
    if plain is None:
        return render_template("instructor/story_form.html", form=form, failed=True), 422
    story = bank.store_story(plain, owner_id=current_user.id)
    db.session.flush()
    story_id, count = story.id, len(plain.articles)
    db.session.commit()
    flash(f"Story saved with {count} article{'s' if count != 1 else ''}. "
          "Now generate its questions.")
    return redirect(url_for("instructor.story", story_id=story_id))


def _forget_errors(form: StoryForm, keep: tuple[str, ...] = ()) -> None:
    """Before saving, a half-filled form is no mistake: only the messages named stay."""
    for field in (form.title, form.links):
        if field.name not in keep:
            field.errors = []
    for entry in form.articles:
        for field in entry.form:
            if field.short_name not in keep:
                field.errors = []


def _read_links(form: StoryForm):
    """Fetch the links into article rows; the teacher checks them, then saves the story."""
    form.validate()
    if form.csrf_token.errors:
        return render_template("instructor/story_form.html", form=form, failed=True), 400
    _forget_errors(form, keep=("links",))
    read = story_links.read_links_into(form)
    return render_template("instructor/story_form.html", form=form, links_read=read,
                           failed=read is None), 200 if read else 422


@bp.get("/stories/<int:story_id>")
def story(story_id: int):
    story = db.get_or_404(Story, story_id)
    questions = db.session.execute(
        db.select(Question).where(Question.story_id == story.id).order_by(Question.id)
    ).scalars().all()
    by_status: dict[str, list[Question]] = {}
    for question in questions:
        by_status.setdefault(question.status, []).append(question)
    quizzes = db.session.execute(
        db.select(Quiz).where(Quiz.story_id == story.id, workspaces.visible_quizzes(current_user))
        .order_by(Quiz.id)).scalars().all()
    attempts = dict(db.session.execute(
        db.select(Attempt.quiz_id, func.count(Attempt.id))
        .where(Attempt.quiz_id.in_([q.id for q in quizzes])).group_by(Attempt.quiz_id)).all())
    last_run = db.session.execute(
        db.select(GenerationRun).where(GenerationRun.story_id == story.id)
        .order_by(GenerationRun.id.desc())).scalars().first()
    access = workspaces.story_access(story, current_user)
    return render_template("instructor/story.html", story=story, by_status=by_status,
                           quizzes=quizzes, attempts=attempts, last_run=last_run,
                           generate_form=GenerateForm(), access=access, Access=workspaces.Access,
                           shares=workspaces.shares_of("story", story.id),
                           share_form=ShareForm(formdata=None))


@bp.post("/stories/<int:story_id>/generate")
def generate(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = GenerateForm()
    if not form.validate():
        return redirect(url_for("instructor.story", story_id=story.id))
    try:
        run_id = generation_runs.start(story)
    except generation_runs.RunBusy as error:
        flash(str(error))
        running = generation_runs.active_run(story)
        if running is None:  # it finished in the meantime
            return redirect(url_for("instructor.story", story_id=story.id))
        return redirect(url_for("instructor.generation_run", run_id=running.id))
    return redirect(url_for("instructor.generation_run", run_id=run_id))


@bp.get("/runs/<int:run_id>")
def generation_run(run_id: int):
    run = db.get_or_404(GenerationRun, run_id)
    working = run.state in ("queued", "running")
    stalled = working and generation_runs.is_stalled(run)
    return render_template("instructor/run.html", run=run, counts=generation_runs.run_counts(run),
                           kinds=registry.KIND_NAMES, refresh=working and not stalled,
                           stalled=stalled, generate_form=GenerateForm())
