"""An instructor removes junk attempts, and finds every student however many there are.

The attack report: with attempt creation unthrottled, the Students page silently cut off at 500
names, and no attempt could be deleted."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Attempt, Quiz, Response, now
from tests.pages import hidden_fields
from tests.students.support import make_quiz, start, submit


def test_an_instructor_deletes_a_junk_attempt_and_its_answers(app, signed_in):
    code = make_quiz(app)
    student = app.test_client()
    junk, kept = start(student, code, "Mickey Mouse"), start(student, code, "Ada")
    submit(student, junk)
    submit(student, kept)
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
        junk_id = db.session.execute(
            db.select(Attempt.id).where(Attempt.token == junk)).scalar_one()
    results = f"/instructor/quizzes/{quiz_id}/results"
    page = signed_in.get(results).get_data(as_text=True)
    assert f"/instructor/attempts/{junk_id}/delete" in page
    assert 'aria-label="Delete the attempt by Mickey Mouse"' in page
    deleted = signed_in.post(f"/instructor/attempts/{junk_id}/delete",
                             data=hidden_fields(page) | {"next": results})
    assert deleted.status_code == 302 and deleted.headers["Location"] == results
    page = signed_in.get(results).get_data(as_text=True)
    assert "The attempt by Mickey Mouse was deleted, with its answers." in page
    assert "Mickey Mouse" not in page.split("was deleted", 1)[1]
    with app.app_context():
        names = db.session.execute(db.select(Attempt.student_name)).scalars().all()
        assert names == ["Ada"]
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 3
    assert student.get(f"/attempt/{junk}/result").status_code == 404


def test_an_attempt_in_progress_can_be_deleted_from_the_students_page(app, signed_in):
    code = make_quiz(app)
    token = start(app.test_client(), code, "Throwaway")
    page = signed_in.get("/instructor/students?name=Throwaway").get_data(as_text=True)
    action = re.search(r'action="(/instructor/attempts/\d+/delete)"', page).group(1)
    signed_in.post(action, data=hidden_fields(page))
    with app.app_context():
        assert db.session.execute(
            db.select(Attempt).where(Attempt.token == token)).scalar_one_or_none() is None


def test_the_students_page_pages_through_every_name(app, signed_in):
    make_quiz(app)
    names = [f"Student {number:04d}" for number in range(650)]
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        db.session.add_all(Attempt(quiz=quiz, student_name=name, token=f"t-{name}",
                                   submission_key=f"k-{name}", started_at=now())
                           for name in names)
        db.session.commit()
    seen, page_number = [], 1
    while True:
        html = signed_in.get(f"/instructor/students?page={page_number}").get_data(as_text=True)
        assert "Names with attempts (650)" in html
        seen += re.findall(r'href="/instructor/students\?name=([^"]+)">', html)
        if "next →" not in html:
            break
        page_number += 1
    assert page_number == 4
    assert [name.replace("+", " ") for name in seen] == names
