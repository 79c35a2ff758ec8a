"""quizapp as an LTI 1.3 tool, end to end against a fake LMS made of a real platform
implementation (tests/lti/fake_lms.py): an admin registers the LMS, a teacher deep-links a quiz
into a course, a student launched from the course takes it under their LMS name and the grade
reaches the gradebook (or waits, visibly, while the LMS is down), and bad launches are refused
with a clear page."""
from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Attempt, GradeReturn, LmsPlatform, Quiz
from tests.lti.fake_lms import (
    INSTRUCTOR,
    ISSUER,
    LEARNER,
    TOOL,
    FakeLms,
    User,
    forged,
)
from tests.pages import hidden_fields, page_text
from tests.students.support import HEDGE, WHICH, WHO, answer, choices, make_quiz, submit

STUDENT = User("lms-user-42", "Grace Hopper", [LEARNER])
TEACHER = User("lms-user-7", "Tess Okafor", [INSTRUCTOR])


def register(admin, lms: FakeLms) -> None:
    """The admin types the LMS's values into the platforms page."""
    page = admin.get("/instructor/lms-platforms")
    assert page.status_code == 200
    assert f"{TOOL}/lti/jwks" in page.get_data(as_text=True)  # what to give the LMS
    sent = admin.post("/instructor/lms-platforms",
                      data=hidden_fields(page.get_data(as_text=True)) | lms.registration_form())
    assert sent.status_code == 302, page_text(sent.get_data(as_text=True))


@pytest.fixture
def course(app, signed_in):
    """A published quiz, and the LMS registered by the admin; gives (lms, join code)."""
    code = make_quiz(app)
    lms = FakeLms(tool=app.test_client())
    register(signed_in, lms)
    return lms, code


def attempt_token(response) -> str:
    assert response.status_code == 302, page_text(response.get_data(as_text=True))
    found = re.fullmatch(r"/attempt/([\w-]+)", response.headers["Location"])
    assert found, response.headers["Location"]
    return found.group(1)


def take_quiz(app, browser, token: str) -> None:
    """Two right answers and one wrong, through the question pages."""
    ids = choices(app)
    right = {WHO: [ids[WHO]["Mara Osei"]],
             WHICH: [ids[WHICH]["Coast Courier"], ids[WHICH]["Bay Wire"]],
             HEDGE: [ids[HEDGE]["True"]]}  # wrong: the cause is not yet known
    for number in (1, 2, 3):
        page = page_text(browser.get(f"/attempt/{token}/q/{number}").get_data(as_text=True))
        prompt = next(prompt for prompt in right if prompt in page)
        assert answer(browser, token, number, right[prompt]).status_code == 302


def test_a_teacher_links_their_account_once_and_deep_links_a_quiz(app, signed_in, course):
    lms, code = course
    frame = app.test_client()  # the LMS page's frame, where quizapp is shown
    with lms.serve():
        linking = lms.launch(frame, TEACHER, deep_link=True)
        html = linking.get_data(as_text=True)
        assert linking.status_code == 200
        assert "Link your School Moodle account to quizapp" in page_text(html)
        # The teacher opens the link in a tab of their own, where they are signed in.
        link = re.search(r'href="(http://localhost/instructor/lms-link\?code=[^"]+)"', html)
        confirm = signed_in.get(link.group(1).removeprefix(TOOL).replace("&amp;", "&"))
        assert "Tess Okafor" in page_text(confirm.get_data(as_text=True))
        linked = signed_in.post("/instructor/lms-link",
                                data=hidden_fields(confirm.get_data(as_text=True)))
        assert linked.status_code == 302
        # Back in the LMS's frame: "I have linked my account".
        picker = frame.post("/lti/deep-link", data=hidden_fields(html))
        picker_html = picker.get_data(as_text=True)
        assert picker.status_code == 200, page_text(picker_html)
        with app.app_context():
            quiz = db.session.execute(db.select(Quiz)).scalar_one()
            quiz_id, title, marks = quiz.id, quiz.title, len(quiz.items)
        assert title in page_text(picker_html)
        returned = frame.post("/lti/deep-link",
                              data=hidden_fields(picker_html) | {"quiz": str(quiz_id)})
        assert returned.status_code == 200
        items = lms.deep_link_items(returned.get_data(as_text=True))
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "ltiResourceLink"
    assert item["url"] == f"{TOOL}/lti/launch"
    assert item["custom"] == {"quiz": code}
    assert item["title"] == title
    assert item["lineItem"]["scoreMaximum"] == marks
    policy = returned.headers["Content-Security-Policy"]
    assert f"form-action 'self' {ISSUER}" in policy  # the form may post back to the LMS only
    assert f"frame-ancestors 'self' {ISSUER}" in policy
    assert "X-Frame-Options" not in returned.headers


def test_a_student_launch_takes_the_quiz_and_the_grade_reaches_the_gradebook(app, course):
    lms, code = course
    frame = app.test_client()
    with lms.serve():
        token = attempt_token(lms.launch(frame, STUDENT, custom={"quiz": code}))
        first = frame.get(f"/attempt/{token}", follow_redirects=True)
        assert first.status_code == 200
        # No join code, no name typed: the LMS's name is the attempt's.
        assert 'name="student_name"' not in first.get_data(as_text=True)
        assert f"frame-ancestors 'self' {ISSUER}" in first.headers["Content-Security-Policy"]
        take_quiz(app, frame, token)
        assert submit(frame, token).status_code == 302
        assert [(s["scoreGiven"], s["scoreMaximum"], s["userId"], s["activityProgress"],
                 s["gradingProgress"]) for s in lms.scores] == [
            (2.0, 3.0, STUDENT.id, "Completed", "FullyGraded")]
        result = frame.get(f"/attempt/{token}/result").get_data(as_text=True)
        assert "Grade sent to your course's gradebook." in page_text(result)
        assert "Grace Hopper, you scored" in page_text(result)
        # Opening the activity again shows the result; no second attempt starts.
        again = lms.launch(app.test_client(), STUDENT, custom={"quiz": code})
        assert again.headers["Location"] == f"/attempt/{token}/result"
    assert len(lms.scores) == 1  # the later view sent nothing twice
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        assert attempt.student_name == "Grace Hopper"
        assert attempt.student_key.startswith("lti:")


def submitted_while_down(app, lms: FakeLms, code: str):
    """A student launched from the LMS takes the quiz and submits it while the LMS is down;
    gives the student's browser and the attempt's token. Call inside `lms.serve()`."""
    frame = app.test_client()
    token = attempt_token(lms.launch(frame, STUDENT, custom={"quiz": code}))
    take_quiz(app, frame, token)
    lms.reachable = False
    assert submit(frame, token).status_code == 302
    return frame, token


def test_an_unreachable_lms_shows_the_retry_and_a_later_retry_sends_the_grade(
        app, signed_in, course, runner):
    lms, code = course
    with lms.serve():
        frame, token = submitted_while_down(app, lms, code)
        result = frame.get(f"/attempt/{token}/result")
        assert result.status_code == 200
        assert "The LMS could not be reached: your grade is kept and will be sent again." in \
            page_text(result.get_data(as_text=True))
        # The teacher sees it too, with why.
        seen = page_text(signed_in.get(f"/attempt/{token}/result").get_data(as_text=True))
        assert "could not be reached" in seen and "connection refused" in seen
        assert lms.scores == []
        lms.reachable = True
        done = runner.invoke(args=["lti-send-grades"])
        assert done.exit_code == 0, done.output
        assert "Sent 1 grade to the LMSs; 0 grades could not be sent" in done.output
        assert [(s["scoreGiven"], s["scoreMaximum"]) for s in lms.scores] == [(2.0, 3.0)]
        assert "Grade sent" in page_text(frame.get(f"/attempt/{token}/result")
                                         .get_data(as_text=True))
    with app.app_context():
        row = db.session.execute(db.select(GradeReturn)).scalar_one()
        assert (row.status, row.tries) == ("sent", 3)


def test_the_next_result_view_retries_a_grade_the_lms_missed(app, course):
    lms, code = course
    with lms.serve():
        frame, token = submitted_while_down(app, lms, code)
        lms.reachable = True
        page = frame.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "Grade sent to your course's gradebook." in page_text(page)
    assert len(lms.scores) == 1


class HttpsBrowser(FlaskClient):
    """A browser on the site served over HTTPS (QUIZAPP_HTTPS=1): Secure cookies come back, and
    its forms name the page they were sent from (Flask-WTF checks the Referer over HTTPS; our
    Referrer-Policy, same-origin, sends it from our own pages, framed or not)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.environ_base["HTTP_REFERER"] = "https://localhost/"

    def open(self, *args, **kwargs):
        kwargs.setdefault("base_url", "https://localhost")
        return super().open(*args, **kwargs)


def session_cookie(response) -> str:
    return next(cookie for cookie in response.headers.getlist("Set-Cookie")
                if cookie.startswith("session="))


def test_over_https_a_launched_browser_keeps_its_session_inside_the_lms_frame(app, course):
    _, code = course
    app.config["SESSION_COOKIE_SECURE"] = True
    lms = FakeLms(tool=app.test_client(), tool_url="https://localhost")
    frame = HttpsBrowser(app, app.response_class, use_cookies=True)
    with lms.serve():
        fields = lms.id_token_fields(frame, STUDENT, custom={"quiz": code})
        # pylti1p3's own cookie ties the login's nonce (kept in the database) to this browser.
        login_id = frame.get_cookie("lti1p3-session-id")
        assert login_id is not None and login_id.secure
        launched = frame.post("/lti/launch", data=fields)
        token = attempt_token(launched)
        # Sent from inside the LMS's frame, cross-site: SameSite=None, and only encrypted.
        assert "SameSite=None" in session_cookie(launched)
        assert "Secure" in session_cookie(launched)
        take_quiz(app, frame, token)  # the quiz goes on in that session, answer by answer
        assert submit(frame, token).status_code == 302
    assert [score["scoreGiven"] for score in lms.scores] == [2.0]
    # A browser that came from no LMS keeps SameSite=Lax.
    plain = HttpsBrowser(app, app.response_class, use_cookies=True).get(f"/quiz/{code}")
    assert "SameSite=Lax" in session_cookie(plain)


def _expired(lms, frame):
    return lms.id_token_fields(frame, STUDENT, custom={"quiz": "X"}, lifetime=-120)


def _wrong_issuer(lms, frame):
    return lms.id_token_fields(frame, STUDENT, extra_claims={"iss": "https://other-lms.test"})


def _forged(lms, frame):
    fields = lms.id_token_fields(frame, STUDENT, custom={"quiz": "X"})
    return fields | {"id_token": forged(fields["id_token"], name="Someone Else")}


def _anonymous(lms, frame):
    return lms.id_token_fields(frame, STUDENT, custom={"quiz": "X"}, extra_claims={"sub": ""})


def _no_token(lms, frame):
    return {"state": lms.id_token_fields(frame, STUDENT)["state"]}


@pytest.mark.parametrize(("make_fields", "reason"), [
    (_wrong_issuer, "No LMS with this issuer and client id is registered"),
    (_forged, "signature does not match"),
    (_expired, "token has expired"),
    (_no_token, "carried no signed token"),
    (_anonymous, "sent no user with the launch"),
])
def test_a_bad_launch_gets_a_clear_400_and_changes_nothing(app, course, make_fields, reason):
    lms, _ = course
    frame = app.test_client()
    with lms.serve():
        refused = frame.post("/lti/launch", data=make_fields(lms, frame))
    text = page_text(refused.get_data(as_text=True))
    assert refused.status_code == 400
    assert "This launch from your LMS could not be accepted" in text
    assert reason in text
    assert "Traceback" not in text
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Attempt.id))).scalar() == 0


def test_a_launch_from_an_unregistered_deployment_is_refused(app, course):
    _, code = course
    elsewhere = FakeLms(tool=app.test_client(), deployment="deployment-99")
    with elsewhere.serve():
        refused = elsewhere.launch(app.test_client(), STUDENT, custom={"quiz": code})
    assert refused.status_code == 400
    assert "deployment of the tool is not registered" in page_text(
        refused.get_data(as_text=True))


def test_a_login_from_an_unknown_lms_is_refused(client, app):
    refused = client.get("/lti/login", query_string={
        "iss": "https://unknown-lms.test", "login_hint": "1", "client_id": "nobody",
        "target_link_uri": f"{TOOL}/lti/launch"})
    assert refused.status_code == 400
    assert "No LMS with this issuer" in page_text(refused.get_data(as_text=True))


def test_the_tool_serves_its_public_key_and_frames_stay_refused_elsewhere(app, client):
    keys = client.get("/lti/jwks").get_json()["keys"]
    assert len(keys) == 1 and keys[0]["kid"] and keys[0]["alg"] == "RS256"
    assert "d" not in keys[0]  # the public half only
    assert client.get("/lti/jwks").get_json()["keys"] == keys  # one key, kept
    home = client.get("/")
    assert "frame-ancestors 'none'" in home.headers["Content-Security-Policy"]
    assert home.headers["X-Frame-Options"] == "DENY"


def test_the_platforms_page_refuses_a_second_registration_and_plain_addresses(app, signed_in,
                                                                             course):
    lms, _ = course
    page = signed_in.get("/instructor/lms-platforms").get_data(as_text=True)
    again = signed_in.post("/instructor/lms-platforms",
                           data=hidden_fields(page) | lms.registration_form())
    assert again.status_code == 422
    assert "registered already" in page_text(again.get_data(as_text=True))
    plain = signed_in.post("/instructor/lms-platforms", data=hidden_fields(page) | {
        **lms.registration_form(), "client_id": "other", "key_set_url": "http://lms.test/k"})
    assert plain.status_code == 422
    assert "starting with https://" in page_text(plain.get_data(as_text=True))
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(LmsPlatform.id))).scalar() == 1


def test_a_teacher_cannot_deep_link_a_quiz_outside_their_workspace(app, course,
                                                                   instructor_password_hash):
    from quizapp import accounts
    from quizapp.lms import people

    lms, code = course
    with app.app_context():
        bob = accounts.add_account("bob", instructor_password_hash)  # a plain instructor
        db.session.flush()
        platform = db.session.execute(db.select(LmsPlatform)).scalar_one()
        people.link(platform, TEACHER.id, bob)
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        quiz_id, title = quiz.id, quiz.title
        db.session.add(Quiz(title="Bob's own quiz", join_code="BOBS01", owner_id=bob.id))
        db.session.commit()
    frame = app.test_client()
    with lms.serve():
        picker = lms.launch(frame, TEACHER, deep_link=True).get_data(as_text=True)
        assert "Bob's own quiz" in page_text(picker)
        assert title not in page_text(picker)
        fields = hidden_fields(picker) | {"quiz": str(quiz_id)}
        refused = frame.post("/lti/deep-link", data=fields)
    assert refused.status_code == 422
    assert "not in your workspace" in page_text(refused.get_data(as_text=True))
    assert code not in refused.get_data(as_text=True)


def test_an_attempt_started_without_an_lms_stays_unframable(app, course):
    from tests.students.support import start

    _, code = course
    token = start(app.test_client(), code)
    page = app.test_client().get(f"/attempt/{token}")
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "DENY"
