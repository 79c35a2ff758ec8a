"""Workspaces: one instructor gets 404 on every other instructor's objects, on every instructor
route of the URL map that names an object, whatever the method. A route added later is walked
the day it lands: one that forgets the check fails here, and one with a new kind of id fails
until it is taught to this walk and to quizapp.instructor.ownership.

Alice (a plain instructor) owns the seed story, its quiz and its attempts; Bob is another plain
instructor of the same school; "teacher" is the server's first account, its admin.
"""
from __future__ import annotations

import pytest

from quizapp import accounts, workspaces
from quizapp.extensions import db
from quizapp.models import Attempt, GenerationRun, Instructor, Quiz, Share
from tests.pages import hidden_fields
from tests.security.test_every_route import (
    lms_platform,
    row_counts,
    sign_in_session,
    start_attempt,
)


@pytest.fixture
def school(first_run, instructor, instructor_password_hash):
    """The seed in Alice's workspace (handed over from the admin, who adopted it on the first
    run), two students' attempts at its quiz, a generation run, and Bob next door."""
    app = first_run
    with app.app_context():
        admin = db.session.get(Instructor, instructor)
        alice = accounts.add_account("alice", instructor_password_hash)
        bob = accounts.add_account("bob", instructor_password_hash)
        db.session.flush()
        workspaces.hand_over(admin, alice)
        quiz = db.session.execute(db.select(Quiz)).scalars().first()
        run = GenerationRun(story_id=quiz.story_id, state="done")
        platform = lms_platform()
        db.session.add_all([run, platform])
        db.session.commit()
        assert not alice.is_admin and not bob.is_admin
        values = {"quiz_id": quiz.id, "story_id": quiz.story_id,
                  "question_id": quiz.items[0].question_id,
                  "article_id": quiz.story.articles[0].id, "run_id": run.id,
                  "instructor_id": alice.id, "join_code": quiz.join_code,
                  "alice": alice.id, "bob": bob.id, "admin": admin.id,
                  "title": quiz.story.title, "platform_id": platform.id}
    start_attempt(app.test_client(), values["join_code"], "Ada Lovelace")
    start_attempt(app.test_client(), values["join_code"], "Spare Student")
    with app.app_context():
        values["attempt_id"] = db.session.execute(db.select(Attempt.id).where(
            Attempt.student_name == "Spare Student")).scalar_one()
    return values


def object_rules(app):
    rules = [r for r in app.url_map.iter_rules()
             if r.endpoint.startswith("instructor.") and r.arguments]
    assert len(rules) >= 20, "the walk found too few instructor routes with an object id"
    return sorted(rules, key=lambda r: (r.rule, r.endpoint))


def build(rule, values) -> str:
    missing = sorted(set(rule.arguments) - set(values))
    if missing:
        pytest.fail(f"route {rule.rule} ({rule.endpoint}) names {missing}: give the walk a real "
                    "object of Alice's for it, and teach quizapp.instructor.ownership its owner")
    return rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1]


def csrf_of(client) -> str:
    """A valid form token for this client's session (the new-story form carries one)."""
    return hidden_fields(client.get("/instructor/stories/new").get_data(as_text=True))[
        "csrf_token"]


def test_another_instructor_gets_404_on_every_route_with_an_object_id(app, school):
    # Generation inline, so a POST that slipped through would show in the row counts at once.
    app.config.update(GENERATION_IN_BACKGROUND=False)
    bob = sign_in_session(app.test_client(), school["bob"])
    token = csrf_of(bob)
    failures = []
    for rule in object_rules(app):
        url = build(rule, school)
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            before = row_counts(app)
            response = bob.open(url, method=method, data={
                "csrf_token": token, "title": "Hijacked", "colleague": "bob", "level": "edit",
                "password": "hijacked password", "question": str(school["question_id"])})
            html = response.get_data(as_text=True)
            changed = {t for t, n in row_counts(app).items() if n != before[t]}
            if response.status_code != 404 or changed or school["title"] in html:
                failures.append(f"{method} {url} ({rule.endpoint}): {response.status_code}"
                                f"{', changed ' + str(sorted(changed)) if changed else ''}")
    assert not failures, (
        "instructor routes that let one instructor reach another's objects (check them in "
        "quizapp.instructor.ownership):\n" + "\n".join(failures))
    with app.app_context():  # nothing of Alice's moved: still hers, unshared, not hijacked
        quiz = db.session.get(Quiz, school["quiz_id"])
        assert quiz.owner_id == school["alice"] and quiz.title != "Hijacked"
        assert db.session.execute(db.select(db.func.count(Share.id))).scalar_one() == 0
        assert db.session.get(Attempt, school["attempt_id"]) is not None


def test_the_owner_and_the_admin_open_the_same_pages(app, school):
    """The control: the 404s above come from whose object it is, not from a broken address."""
    for who in ("alice", "admin"):
        client = sign_in_session(app.test_client(), school[who])
        for rule in object_rules(app):
            if "GET" not in (rule.methods or ()):
                continue
            if rule.endpoint.startswith("instructor.") and "instructor_id" in rule.arguments:
                continue  # the accounts pages are POST only
            if "platform_id" in rule.arguments and who != "admin":
                continue  # the LMS platforms are the admins' alone (below)
            response = client.get(build(rule, school))
            response.get_data()
            response.close()
            assert response.status_code == 200, (who, rule.rule, response.status_code)


def test_account_routes_are_the_admins_alone(app, school):
    alice = sign_in_session(app.test_client(), school["alice"])
    assert alice.get("/instructor/accounts").status_code == 404
    admin = sign_in_session(app.test_client(), school["admin"])
    page = admin.get("/instructor/accounts").get_data(as_text=True)
    assert "alice" in page and "bob" in page


def test_lms_platform_routes_are_the_admins_alone(app, school):
    alice = sign_in_session(app.test_client(), school["alice"])
    for url in ("/instructor/lms-platforms", f"/instructor/lms-platforms/{school['platform_id']}"):
        assert alice.get(url).status_code == 404
    token = csrf_of(alice)
    removing = f"/instructor/lms-platforms/{school['platform_id']}/remove"
    assert alice.post(removing, data={"csrf_token": token}).status_code == 404
    admin = sign_in_session(app.test_client(), school["admin"])
    assert "Moodle" in admin.get("/instructor/lms-platforms").get_data(as_text=True)


def test_listings_show_another_instructor_nothing_of_alices(app, school):
    bob = sign_in_session(app.test_client(), school["bob"])
    for url in ("/instructor/", "/instructor/review", "/instructor/students"):
        html = bob.get(url).get_data(as_text=True)
        for secret in (school["title"], school["join_code"], "Ada Lovelace"):
            assert secret not in html, (url, secret)
    # Searching for her by name (the page repeats the name typed) finds none of her attempts.
    html = bob.get("/instructor/students?name=Ada+Lovelace").get_data(as_text=True)
    assert school["title"] not in html and "/attempt/" not in html
    # A quiz of Alice's named in the query is not found either.
    assert bob.get(f"/instructor/students?name=Ada&quiz_id={school['quiz_id']}").status_code == 404
    assert bob.get(f"/instructor/review?story={school['story_id']}").status_code == 404
    alice = sign_in_session(app.test_client(), school["alice"])
    assert "Ada Lovelace" in alice.get("/instructor/students").get_data(as_text=True)


def test_approving_all_passes_over_another_instructors_drafts(app, school):
    from quizapp.models import Question

    with app.app_context():
        question = db.session.get(Question, school["question_id"])
        question.status = "draft"
        db.session.commit()
    bob = sign_in_session(app.test_client(), school["bob"])
    response = bob.post("/instructor/review/approve-all", data={
        "csrf_token": csrf_of(bob), "question": str(school["question_id"])},
        follow_redirects=True)
    assert "0 questions approved." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, school["question_id"]).status == "draft"
