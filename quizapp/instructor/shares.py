"""Sharing a story or a quiz with named colleagues, to view or to edit: the owner's form on the
story's and the quiz's pages posts here. The rules live in quizapp.workspaces."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from quizapp import workspaces
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import ShareForm
from quizapp.instructor.ownership import needs
from quizapp.models import Quiz, Story
from quizapp.workspaces import Access


def _share(kind: str, thing: Story | Quiz, page: str, back: str):
    form = ShareForm()
    if form.validate():
        try:
            flash(workspaces.share(kind, thing, form.colleague.data, form.level.data))
        except workspaces.ShareRefused as refused:
            db.session.rollback()
            form.colleague.errors.append(str(refused))
        else:
            db.session.commit()
            return redirect(back)
    return render_template("instructor/share.html", thing=thing, kind=kind, form=form,
                           shares=workspaces.shares_of(kind, thing.id), action=page,
                           back=back), 422


@bp.post("/stories/<int:story_id>/sharing")
@needs(Access.OWN)
def share_story(story_id: int):
    story = db.get_or_404(Story, story_id)
    return _share("story", story, url_for("instructor.share_story", story_id=story.id),
                  url_for("instructor.story", story_id=story.id, _anchor="sharing-heading"))


@bp.post("/quizzes/<int:quiz_id>/sharing")
@needs(Access.OWN)
def share_quiz(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    return _share("quiz", quiz, url_for("instructor.share_quiz", quiz_id=quiz.id),
                  url_for("instructor.quiz", quiz_id=quiz.id, _anchor="sharing-heading"))
