"""Questions in and out as files: a quiz or a story's bank exported as QTI 3.0, QTI 2.1, Moodle
XML or GIFT (a download), and a GIFT or Moodle XML file imported into a story's bank as drafts.
The formats live in quizapp.interchange; the rows go through quizapp.exports.question_bank and
quizapp.question_import."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for

from quizapp import question_import
from quizapp.exports import question_bank
from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import ImportQuestionsForm
from quizapp.instructor.ownership import needs
from quizapp.interchange.formats import FORMATS
from quizapp.interchange.model import Bank
from quizapp.models import Quiz, Story
from quizapp.workspaces import Access

# Far below the site's 8 MB request cap: a thousand questions of GIFT is some 300 KB.
MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _download(bank: Bank, back: str):
    code = request.args.get("format", "qti3")  # the current standard, when none is asked for
    if code not in FORMATS:
        abort(404)
    chosen = FORMATS[code]
    written = chosen.write(bank)
    if written.skipped and not request.args.get("confirm"):
        # Never silently: the teacher reads what the format leaves out before downloading.
        return render_template("instructor/export_skipped.html", skipped=written.skipped,
                               format=chosen, back=back,
                               confirm=request.full_path + "&confirm=1")
    filename = question_bank.download_name(bank, chosen.extension)
    return Response(written.data, mimetype=chosen.mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})


@bp.get("/quizzes/<int:quiz_id>/export")
def export_quiz(quiz_id: int):
    quiz = db.get_or_404(Quiz, quiz_id)
    return _download(question_bank.quiz_bank(quiz), url_for("instructor.quiz", quiz_id=quiz.id))


@bp.get("/stories/<int:story_id>/export")
def export_story(story_id: int):
    story = db.get_or_404(Story, story_id)
    return _download(question_bank.story_bank(story),
                     url_for("instructor.story", story_id=story.id))


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def _read_upload(form: ImportQuestionsForm) -> list | None:
    """The file's questions, or None with the reason added to the form's errors."""
    upload = form.file.data
    data = upload.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        form.file.errors.append(f"The file is larger than {_size(MAX_IMPORT_BYTES)}; split it "
                                "into smaller files.")
        return None
    try:
        return question_import.read_file(upload.filename or "", data)
    except question_import.ImportRefused as refused:
        form.file.errors.append(f"Nothing was imported. {refused}")
        return None


@bp.route("/stories/<int:story_id>/import", methods=["GET", "POST"])
@needs(Access.EDIT)  # its form too: only those who may add questions to the story see it
def import_questions(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = ImportQuestionsForm()
    if request.method == "GET" or not form.validate():
        status = 200 if request.method == "GET" else 422
        return render_template("instructor/import.html", form=form, story=story), status
    items = _read_upload(form)
    if items is None:
        return render_template("instructor/import.html", form=form, story=story), 422
    stored = question_import.store_drafts(story, items, form.skill.data)
    count = len(stored)
    db.session.commit()
    flash(f"Imported {count} question{'s' if count != 1 else ''} as drafts. Each needs "
          "evidence (a passage that proves its key) before it can be approved.")
    return redirect(url_for("instructor.review", story=story.id))


@bp.context_processor
def offer_export_formats():
    return {"export_formats": FORMATS}
