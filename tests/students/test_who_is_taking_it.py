"""Who is taking it (issue 13, point 3): each attempt has a student key apart from the name typed
(kept by the browser for the quiz, taken along by the resume code), and every statistic's
"first attempt" is per student key. Same-device resuming is in test_joining.py."""
from __future__ import annotations

import csv
import io
import re

from quizapp import attempts
from quizapp.extensions import db
from quizapp.models import Attempt, Quiz
from tests.pages import hidden_fields
from tests.students.support import answer, attempt_row, choices, make_quiz, start, submit


def _teacher(app, instructor):
    """A signed-in instructor on a browser of their own (the students' clients stay students)."""
    teacher = app.test_client()
    with teacher.session_transaction() as session:
        session["_user_id"] = f"{instructor}:1"
        session["_fresh"] = True
    return teacher


def _quiz_id(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(Quiz.id)).scalar_one()


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def _answer_all(app, client, token: str, right: bool | int) -> None:
    """Answer the three questions right (the key) or wrong (a wrong choice), or the first
    `right` of them right and the others wrong; then submit."""
    by_prompt = choices(app)
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        count = 3 if right is True else int(right)
        picks = [[c.id for c in slot.question.choices if c.correct == (n < count)][
                 :None if n < count else 1]
                 for n, slot in enumerate(attempts.slots(attempt))]
    assert len(picks) == len(by_prompt)
    for number, chosen in enumerate(picks, start=1):
        answer(client, token, number, chosen)
    assert submit(client, token).status_code == 302


def _resume(client, code: str, name: str, resume_code: str):
    form = hidden_fields(client.get("/resume").get_data(as_text=True))
    return client.post("/resume", data=form | {"code": code, "student_name": name,
                                               "resume_code": resume_code})


def _other_sam(app, code: str) -> str:
    """A second Sam's attempt, made by another student key (two devices; or, from now on, the
    attempts of a class made before keys were kept apart from names)."""
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.join_code == code)).scalar_one()
        attempt = attempts.start_attempt(quiz, "Sam", "other-device-key-0001",
                                         student_key="another-device")
        db.session.commit()
        return attempt.token


def test_each_attempt_gets_this_browsers_student_key_for_the_quiz(app, client):
    code = make_quiz(app)
    token = start(client, code, "Sam")
    with client.session_transaction() as session:
        key = session["students"][str(_quiz_id(app))]
    row = attempt_row(app, token)
    assert row.student_key == key and "Sam" not in key and len(key) >= 32
    # The key is never shown in a page.
    assert key not in client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    # A second attempt from this browser under this name is the same student's.
    submit(client, token)
    again = start(client, code, "Sam")
    assert attempt_row(app, again).student_key == key
    # Another name at this browser is someone else.
    submit(client, again)
    assert attempt_row(app, start(client, code, "Bo")).student_key != key


def test_two_students_called_sam_are_two_students_in_every_statistic(app, client, instructor):
    """Issue 13: the second Sam was marked "not first attempt" and left out of every statistic."""
    code = make_quiz(app)
    first = start(client, code, "Sam")
    _answer_all(app, client, first, right=True)
    other_device = app.test_client()
    second = _other_sam(app, code)
    resumed = _resume(other_device, code, "Sam", attempt_row(app, second).resume_code)
    assert resumed.status_code == 302
    _answer_all(app, other_device, second, right=False)
    # The first Sam tries again: a later attempt of the same student, which never counts.
    again = start(client, code, "Sam")
    _answer_all(app, client, again, right=False)
    quiz_id = _quiz_id(app)
    teacher = _teacher(app, instructor)

    results = teacher.get(f"/instructor/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert re.search(r"Students \(first attempts\)</th><td>2<", results)
    items = teacher.get(f"/instructor/quizzes/{quiz_id}/items").get_data(as_text=True)
    assert "(2 students)" in items
    by_attempt = {row[0]: row for row in _rows(
        teacher.get(f"/instructor/quizzes/{quiz_id}/attempts.csv"))[1:]}
    ids = {token: str(attempt_row(app, token).id) for token in (first, second, again)}
    assert [by_attempt[ids[t]][2] for t in (first, second, again)] == ["yes", "yes", "no"]
    gradebook = _rows(teacher.get(f"/instructor/quizzes/{quiz_id}/gradebook.csv"))
    assert sorted(row[:3] for row in gradebook[1:]) == [["Sam", "0", "3"], ["Sam", "3", "3"]]
    skills = teacher.get(f"/instructor/quizzes/{quiz_id}/skills").get_data(as_text=True)
    assert "(50%)" in skills  # one Sam right, the other wrong, on every skill


def test_the_resume_code_takes_the_student_key_to_the_other_device(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    submit(client, token)
    laptop = app.test_client()
    assert _resume(laptop, code, "Ada", attempt_row(app, token).resume_code).status_code == 302
    # On the laptop, Ada's next attempt is hers, not a new student's.
    assert attempt_row(app, start(laptop, code, "Ada")).student_key == attempt_row(
        app, token).student_key


def test_start_fresh_forgets_the_student_too(app, client):
    code = make_quiz(app)
    token = start(client, code, "Ada")
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    fresh = re.search(r'<form[^>]*start-fresh[^>]*>.*?</form>', page, re.S).group(0)
    assert client.post(f"/quiz/{code}/start-fresh", data=hidden_fields(fresh)).status_code == 302
    with client.session_transaction() as session:
        assert str(_quiz_id(app)) not in session.get("students", {})
    assert attempt_row(app, token).submitted_at is None


def test_a_quiz_on_shared_computers_keeps_no_student_in_the_browser(app, client):
    code = make_quiz(app, shared_computer=True)
    start(client, code, "Ada")
    with client.session_transaction() as session:
        assert session.get("students", {}) == {}


def _intro_post(client, code: str, name: str):
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    return client.post(f"/quiz/{code}", data=hidden_fields(page) | {"student_name": name})


def _count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Attempt.id))).scalar_one()


def test_a_name_another_student_uses_gets_a_warning_and_a_choice_never_a_merge(app, client):
    code = make_quiz(app)
    start(client, code, "Sam")
    tablet = app.test_client()  # another student, on another device
    refused = _intro_post(tablet, code, "  SAM ")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and _count(app) == 1
    assert "That name is already in use in this quiz." in html
    assert f'href="/resume?code={code}&amp;name=SAM">Use your resume code</a>' in html
    assert "add something to your name below, such as an initial" in html.lower()
    assert 'aria-invalid="true"' in html and 'value="SAM"' in html  # what was typed stays
    # The home page's box warns on the intro page already, before anything is pressed.
    home = tablet.get("/").get_data(as_text=True)
    intro = tablet.post("/join", data=hidden_fields(home) | {"code": code, "student_name": "sam"})
    assert "That name is already in use in this quiz." in intro.get_data(as_text=True)
    # Choice two: a name of one's own.
    other = start(tablet, code, "Sam K.")
    assert attempt_row(app, other).student_name == "Sam K." and _count(app) == 2


def test_the_same_student_on_another_device_follows_the_resume_code(app, client):
    code = make_quiz(app)
    token = start(client, code, "Sam")
    laptop = app.test_client()
    assert _intro_post(laptop, code, "Sam").status_code == 409
    # Choice one: the link fills in the quiz code and the name; the resume code opens the attempt.
    form = laptop.get(f"/resume?code={code}&name=Sam").get_data(as_text=True)
    assert f'value="{code}"' in form and 'value="Sam"' in form
    assert _resume(laptop, code, "Sam", attempt_row(app, token).resume_code).headers[
        "Location"].endswith(f"/attempt/{token}")
    submit(laptop, token)
    # From now on the laptop is Sam's device too: no warning, and the next attempt is hers.
    again = start(laptop, code, "Sam")
    assert attempt_row(app, again).student_key == attempt_row(app, token).student_key


def test_on_shared_computers_and_after_start_fresh_the_name_is_warned_about(app, client):
    shared = make_quiz(app, shared_computer=True)
    start(client, shared, "Ada")
    # The lab computer remembers no one: Ada's name is another student's to the next login.
    assert _intro_post(client, shared, "Ada").status_code == 409
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.join_code == shared)).scalar_one()
        quiz.shared_computer = False
        db.session.commit()
    bo = start(client, shared, "Bo")
    page = client.get(f"/quiz/{shared}").get_data(as_text=True)
    fresh = re.search(r'<form[^>]*start-fresh[^>]*>.*?</form>', page, re.S).group(0)
    client.post(f"/quiz/{shared}/start-fresh", data=hidden_fields(fresh))
    assert _intro_post(client, shared, "Bo").status_code == 409
    assert attempt_row(app, bo).submitted_at is None


def _new_attempt_form(html: str) -> dict:
    form = re.search(r'<form[^>]*>(?:(?!</form>).)*new_attempt(?:(?!</form>).)*</form>', html,
                     re.S)
    return hidden_fields(form.group(0)) | {"new_attempt": "1"} if form else {}


def test_one_attempt_allowed_then_the_result_and_a_message_never_a_second(app, client):
    code = make_quiz(app, attempts_allowed=1)
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "You may make 1 attempt." in intro
    token = start(client, code, "Ada")
    assert _new_attempt_form(client.get(f"/quiz/{code}").get_data(as_text=True)) == {}
    # At the limit with the attempt unfinished: asking for a new one resumes it.
    again = _intro_post(client, code, "Ada")
    assert again.headers["Location"].endswith(f"/attempt/{token}")
    submit(client, token)
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "You have used the 1 attempt this quiz allows" in intro
    assert f'href="/attempt/{token}/result">See your result</a>' in intro
    refused = _intro_post(client, code, "Ada")
    assert refused.status_code == 302 and refused.headers["Location"].endswith(
        f"/attempt/{token}/result")
    page = client.get(refused.headers["Location"]).get_data(as_text=True)
    assert "You have used the 1 attempt this quiz allows, so no new attempt can start." in page
    assert _count(app) == 1
    # On another device, with the resume code: the same student, the same limit.
    laptop = app.test_client()
    assert _intro_post(laptop, code, "Ada").status_code == 409  # whose name? the code says
    _resume(laptop, code, "Ada", attempt_row(app, token).resume_code)
    assert _intro_post(laptop, code, "Ada").headers["Location"].endswith(
        f"/attempt/{token}/result")
    assert _count(app) == 1


def test_two_attempts_allowed_the_new_attempt_button_goes_at_the_limit(app, client):
    code = make_quiz(app, attempts_allowed=2)
    first = start(client, code, "Ada")
    offered = _new_attempt_form(client.get(f"/quiz/{code}").get_data(as_text=True))
    second = client.post(f"/quiz/{code}", data=offered).headers["Location"].rsplit("/", 1)[1]
    assert second != first and attempt_row(app, first).submitted_at is not None
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert "You may make 2 attempts; your teacher keeps the grade of your best." in intro
    assert "Continue Ada’s attempt" in intro and _new_attempt_form(intro) == {}
    # A new attempt sent anyway (an old page) gets the unfinished one back, not a third.
    forced = client.post(f"/quiz/{code}", data=offered | {
        "submission": "a-fresh-key-from-an-old-page"})
    assert forced.headers["Location"].endswith(f"/attempt/{second}")
    assert attempt_row(app, second).submitted_at is None and _count(app) == 2


def test_the_gradebook_keeps_the_first_the_best_or_the_last_grade(app, client, instructor):
    code = make_quiz(app)
    made = []
    for right in (0, 3, 1):  # scores 0, then 3, then 1
        token = start(client, code, "Sam")
        _answer_all(app, client, token, right)
        made.append(token)
    teacher = _teacher(app, instructor)
    quiz_id = _quiz_id(app)
    ids = [str(attempt_row(app, token).id) for token in made]
    for rule, score, kept in (("first", "0", 0), ("best", "3", 1), ("last", "1", 2)):
        with app.app_context():
            db.session.get(Quiz, quiz_id).grade_kept = rule
            db.session.commit()
        gradebook = _rows(teacher.get(f"/instructor/quizzes/{quiz_id}/gradebook.csv"))
        assert [row[:3] for row in gradebook[1:]] == [["Sam", score, "3"]], rule
        rows = {row[0]: row for row in _rows(
            teacher.get(f"/instructor/quizzes/{quiz_id}/attempts.csv"))[1:]}
        assert [rows[i][8] for i in ids] == ["yes" if n == kept else "no" for n in range(3)]
        # The item analysis reads the first attempt whatever the rule, as Moodle's does.
        assert [rows[i][2] for i in ids] == ["yes", "no", "no"]


ROSTER = "Ada Lovelace\nGrace Hopper\nKatherine Johnson"


def test_with_a_roster_students_pick_their_name_and_each_name_is_one_device(app, client):
    code = make_quiz(app, roster=ROSTER)
    intro = client.get(f"/quiz/{code}").get_data(as_text=True)
    assert '<select id="student_name" name="student_name">' in intro
    assert "<option>Grace Hopper</option>" in intro
    assert 'type="text"' not in intro  # no box to type a name into
    # A name not on the list (typed into an old page, or sent by hand) starts nothing.
    refused = _intro_post(client, code, "Grace H.")
    assert refused.status_code == 422 and _count(app) == 0
    assert "Choose your name from your class&#39;s list." in refused.get_data(as_text=True)
    # The home page's box: a typed name on the roster comes along chosen, in the roster's spelling.
    home = client.get("/").get_data(as_text=True)
    page = client.post("/join", data=hidden_fields(home) | {"code": code,
                                                          "student_name": "grace  hopper"})
    assert "<option selected>Grace Hopper</option>" in page.get_data(as_text=True)
    token = start(client, code, "grace hopper")
    assert attempt_row(app, token).student_name == "Grace Hopper"
    # Another device picking the same name: claimed, a warning, no attempt.
    tablet = app.test_client()
    claimed = _intro_post(tablet, code, "Grace Hopper")
    html = claimed.get_data(as_text=True)
    assert claimed.status_code == 409 and _count(app) == 1
    assert "Another device has chosen this name" in html and "Use your resume code" in html
    assert "such as an initial" not in html
    # Her resume code moves the name to the tablet; someone else picks their own name.
    _resume(tablet, code, "Grace Hopper", attempt_row(app, token).resume_code)
    submit(tablet, token)
    assert attempt_row(app, start(tablet, code, "Grace Hopper")).student_key == attempt_row(
        app, token).student_key
    assert attempt_row(app, start(app.test_client(), code, "Ada Lovelace")).student_name == (
        "Ada Lovelace")
