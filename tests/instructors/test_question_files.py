"""The export control on the quiz and story pages (a download in each format) and the import
page (a CSRF-protected upload, capped in size, all or nothing), behind sign-in; imported
questions wait in the review queue marked "needs evidence", with no Approve button."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from markupsafe import escape

from quizapp.extensions import db
from quizapp.instructor import question_files
from quizapp.models import Question, Quiz, Story
from tests.pages import hidden_fields

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def ids(app) -> tuple[int, int]:
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().one()
        return quiz.id, quiz.story_id


def evidence_questions(app, quiz_id: int) -> int:
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        return sum(1 for slot in quiz.items if slot.question.type == "evidence")


def question_count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Question.id))).scalar()


@pytest.mark.parametrize(("fmt", "mimetype", "start"), [
    ("qti3", "application/zip", b"PK"), ("qti21", "application/zip", b"PK"),
    ("moodle", "application/xml", b"<?xml"), ("gift", "text/plain", b"// ")])
def test_the_quiz_page_offers_each_format_as_a_download(first_run, signed_in, fmt, mimetype,
                                                        start):
    quiz_id, story_id = ids(first_run)
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    assert f'action="/instructor/quizzes/{quiz_id}/export"' in page
    assert f'<option value="{fmt}">' in page
    download = signed_in.get(f"/instructor/quizzes/{quiz_id}/export?format={fmt}")
    assert download.status_code == 200
    if evidence_questions(first_run, quiz_id):
        # No format carries find-the-evidence: the teacher reads that before downloading.
        assert "leaves out this evidence question" in download.get_data(as_text=True)
        download = signed_in.get(f"/instructor/quizzes/{quiz_id}/export?format={fmt}&confirm=1")
    assert download.mimetype == mimetype.split(";")[0]
    assert download.headers["Content-Disposition"].startswith("attachment; filename=")
    assert download.data.startswith(start)
    story_page = signed_in.get(f"/instructor/stories/{story_id}").get_data(as_text=True)
    assert f'action="/instructor/stories/{story_id}/export"' in story_page
    assert signed_in.get(f"/instructor/stories/{story_id}/export?format={fmt}&confirm=1"
                         ).data.startswith(start)


def test_an_unknown_format_is_not_found(first_run, signed_in):
    quiz_id, _ = ids(first_run)
    assert signed_in.get(f"/instructor/quizzes/{quiz_id}/export?format=pdf").status_code == 404


def test_signed_out_visitors_get_neither_exports_nor_the_import_page(first_run, client):
    quiz_id, story_id = ids(first_run)
    before = question_count(first_run)
    for path in (f"/instructor/quizzes/{quiz_id}/export?format=gift",
                 f"/instructor/stories/{story_id}/import"):
        response = client.get(path)
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    response = client.post(f"/instructor/stories/{story_id}/import",
                           data={"file": (io.BytesIO(b"Q? {=a ~b}"), "q.gift")},
                           content_type="multipart/form-data")
    assert response.status_code in (302, 400)
    assert question_count(first_run) == before


def upload(client, story_id: int, data: bytes, name: str, **extra):
    page = client.get(f"/instructor/stories/{story_id}/import")
    assert page.status_code == 200
    fields = {"csrf_token": hidden_fields(page.get_data(as_text=True))["csrf_token"],
              "skill": "sourcing", "file": (io.BytesIO(data), name), **extra}
    return client.post(f"/instructor/stories/{story_id}/import", data=fields,
                       content_type="multipart/form-data")


def test_an_upload_imports_drafts_marked_needs_evidence_in_the_review_queue(first_run,
                                                                           signed_in):
    _, story_id = ids(first_run)
    before = question_count(first_run)
    response = upload(signed_in, story_id, (FILES / "ten-questions.xml").read_bytes(), "q.xml")
    assert response.status_code == 302
    assert question_count(first_run) == before + 10
    queue = signed_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Imported 10 questions as drafts" in queue
    assert queue.count("needs evidence</strong>") == 10
    with first_run.app_context():
        imported = db.session.execute(
            db.select(Question.id).where(Question.origin == "manual")).scalars().all()
    for question_id in imported:
        assert f"/instructor/questions/{question_id}/approve" not in queue
    # The skill chosen on the form goes to the questions whose file names none.
    with first_run.app_context():
        skills = db.session.execute(db.select(Question.skill).where(
            Question.origin == "manual").order_by(Question.id)).scalars().all()
    assert skills[:3] == ["attribution", "sourcing", "numbers"]


def test_approving_an_imported_question_is_refused_until_it_has_evidence(first_run, signed_in):
    _, story_id = ids(first_run)
    upload(signed_in, story_id, (FILES / "ten-questions.gift").read_bytes(), "q.gift")
    with first_run.app_context():
        question_id = db.session.execute(db.select(Question.id).where(
            Question.origin == "manual")).scalars().first()
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    token = hidden_fields(page)["csrf_token"]
    response = signed_in.post(f"/instructor/questions/{question_id}/approve",
                              data={"csrf_token": token}, follow_redirects=True)
    assert "needs evidence" in response.get_data(as_text=True)
    with first_run.app_context():
        assert db.session.get(Question, question_id).status == "draft"


@pytest.mark.parametrize(("data", "name", "words"), [
    (b"Fine? {=yes ~no}\n\nName him. {=Osei}\n", "q.gift", "GIFT: line 3: a short-answer"),
    (b"<quiz><question type='multichoice'>", "q.xml", "Moodle XML: line 1: the file is not"),
    (b"\xff\xfe not text", "q.gift", "not UTF-8"),
])
def test_a_bad_file_is_refused_with_its_line_and_saves_nothing(first_run, signed_in, data,
                                                                 name, words):
    _, story_id = ids(first_run)
    before = question_count(first_run)
    response = upload(signed_in, story_id, data, name, skill="numbers")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Nothing was imported." in page and words in page
    assert re.search(r'<option selected value="numbers">|<option value="numbers" selected',
                     page)
    assert question_count(first_run) == before


def test_a_file_over_the_cap_is_refused(first_run, signed_in, monkeypatch):
    # The cap lowered to 100 KB: the test client keeps smaller uploads in memory.
    monkeypatch.setattr(question_files, "MAX_IMPORT_BYTES", 100 * 1024)
    _, story_id = ids(first_run)
    before = question_count(first_run)
    big = b"// " + b"x" * (100 * 1024) + b"\n\nFine? {=yes ~no}\n"
    response = upload(signed_in, story_id, big, "big.gift")
    assert response.status_code == 422
    assert "larger than 100 KB" in response.get_data(as_text=True)
    assert question_count(first_run) == before


def test_an_upload_without_the_form_token_is_refused(first_run, signed_in):
    _, story_id = ids(first_run)
    before = question_count(first_run)
    response = signed_in.post(
        f"/instructor/stories/{story_id}/import",
        data={"file": (io.BytesIO((FILES / "ten-questions.gift").read_bytes()), "q.gift")},
        content_type="multipart/form-data")
    assert response.status_code in (400, 422)
    assert question_count(first_run) == before
    with first_run.app_context():
        assert db.session.execute(db.select(Story)).scalars().first() is not None


def test_a_question_the_format_cannot_carry_is_named_before_the_download(first_run, signed_in):
    quiz_id, _ = ids(first_run)
    with first_run.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        carried = [slot.question for slot in quiz.items if slot.question.type != "evidence"]
        left_out = len(quiz.items) - len(carried) + 1
        question = carried[0]
        question.type = "evidence"  # find-the-evidence: no format carries it
        prompt, ident = question.prompt, f"question-{question.id}"
        others = [f"question-{other.id}" for other in carried[1:]]
        db.session.commit()
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/export?format=moodle")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html"
    noun = "question cannot" if left_out == 1 else "questions cannot"
    assert f"{left_out} {noun} go into this format" in html
    assert escape(prompt) in html and "find-the-evidence questions have no equivalent" in html
    download = signed_in.get(f"/instructor/quizzes/{quiz_id}/export?format=moodle&confirm=1")
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert f"<idnumber>{ident}</idnumber>".encode() not in download.data
    assert all(f"<idnumber>{other}</idnumber>".encode() in download.data for other in others)


def test_approve_all_leaves_the_imported_drafts_and_says_they_need_evidence(first_run,
                                                                           signed_in):
    _, story_id = ids(first_run)
    upload(signed_in, story_id, (FILES / "ten-questions.gift").read_bytes(), "q.gift")
    queue = signed_in.get(f"/instructor/review?story={story_id}").get_data(as_text=True)
    fields = hidden_fields(queue)
    questions = re.findall(r'name="question" value="(\d+)"', queue)
    assert len(questions) >= 10
    response = signed_in.post("/instructor/review/approve-all",
                              data={"csrf_token": fields["csrf_token"], "question": questions},
                              follow_redirects=True)
    assert "10 still need evidence before approval." in response.get_data(as_text=True)
    with first_run.app_context():
        statuses = set(db.session.execute(db.select(Question.status).where(
            Question.origin == "manual")).scalars())
    assert statuses == {"draft"}
