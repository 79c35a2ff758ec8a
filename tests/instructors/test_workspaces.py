"""Teachers' own workspaces, through the pages: what one makes is theirs, a colleague sees it
only when it is shared with them (to view, or to edit), admins see everything and manage the
accounts, and the home page lists only the quizzes their owners chose to list."""
from __future__ import annotations

import re

import pytest

from quizapp import accounts
from quizapp.extensions import db
from quizapp.models import Instructor, Quiz, Share, Story
from tests.instructors.support import question, store_story, take_quiz
from tests.pages import hidden_fields
from tests.security.test_every_route import sign_in, sign_in_session


@pytest.fixture
def staff(app, instructor, instructor_password_hash):
    """The admin ("teacher", the first account) and two plain instructors, each signed in."""
    with app.app_context():
        rows = [accounts.add_account(name, instructor_password_hash) for name in ("alice", "bob")]
        db.session.commit()
        alice, bob = (row.id for row in rows)
    return {name: sign_in_session(app.test_client(), who)
            for name, who in (("admin", instructor), ("alice", alice), ("bob", bob))}


def token(client, url="/instructor/stories/new") -> str:
    return hidden_fields(client.get(url).get_data(as_text=True))["csrf_token"]


def new_story(client, title="Harbour fire") -> int:
    response = client.post("/instructor/stories/new", data={
        "csrf_token": token(client), "title": title,
        "articles-0-outlet": "Coast Courier", "articles-0-text": "Chief Mara Osei said the "
        "fire was “under control” by noon. Officials counted 14 boats damaged."})
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    return int(re.search(r"/stories/(\d+)", response.headers["Location"]).group(1))


def alices_quiz(app, alice_client) -> tuple[int, int, str]:
    """A story Alice made through the form, with an approved question and a quiz built of it
    through the builder; returns (story id, quiz id, join code)."""
    story_id = new_story(alice_client)
    with app.app_context():
        from quizapp import bank, generators

        row = db.session.get(Story, story_id)
        passage = "Chief Mara Osei said the fire was “under control” by noon."
        bank.store_generated(row, [generators.Question(
            kind="quote_attribution", skill="attribution", prompt="Who said it was under control?",
            choices=("Mara Osei", "The harbour master", "Bay Wire"), answer=(0,),
            explanation="The quote is attributed to Osei.",
            evidence=(generators.Evidence(row.articles[0].key, passage),))], status="approved")
        db.session.commit()
        question_id = row.questions[0].id
    page = alice_client.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    code = re.search(r'name="join_code"[^>]*value="([^"]*)"', page).group(1)
    response = alice_client.post(f"/instructor/stories/{story_id}/quizzes/new", data={
        "csrf_token": hidden_fields(page)["csrf_token"], "title": "Alice's harbour quiz",
        "join_code": code, "layout": "one_per_page", "feedback": "at_end", "open_book": "y",
        "selection": "hand", "per_skill": "2", "review_answers": "after_close",
        "review_score": "after_attempt", "questions": [str(question_id)]})
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    quiz_id = int(re.search(r"/quizzes/(\d+)", response.headers["Location"]).group(1))
    publish = alice_client.post(f"/instructor/quizzes/{quiz_id}/publish",
                                data={"csrf_token": token(alice_client)})
    assert publish.status_code == 302
    return story_id, quiz_id, code


def share(client, kind: str, object_id: int, colleague: str, level: str):
    page = f"/instructor/{kind}/{object_id}"
    return client.post(f"{page}/sharing", data={
        "csrf_token": token(client, page), "colleague": colleague, "level": level},
        follow_redirects=True)


def test_what_an_instructor_makes_is_theirs_and_no_one_elses(app, staff):
    story_id, quiz_id, code = alices_quiz(app, staff["alice"])
    with app.app_context():
        alice = accounts.find("alice")
        assert db.session.get(Story, story_id).owner_id == alice.id
        assert db.session.get(Quiz, quiz_id).owner_id == alice.id
    mine = staff["alice"].get("/instructor/").get_data(as_text=True)
    assert "Harbour fire" in mine and "Alice&#39;s harbour quiz" in mine
    theirs = staff["bob"].get("/instructor/").get_data(as_text=True)
    assert "Harbour fire" not in theirs and code not in theirs
    assert "No stories yet" in theirs
    for url in (f"/instructor/stories/{story_id}", f"/instructor/quizzes/{quiz_id}",
                f"/instructor/quizzes/{quiz_id}/results"):
        assert staff["bob"].get(url).status_code == 404, url
        assert staff["admin"].get(url).status_code == 200, url
    # The admin sees it, marked as Alice's.
    assert "alice’s" in staff["admin"].get("/instructor/").get_data(as_text=True)


def test_sharing_to_view_shows_results_but_changes_nothing(app, staff):
    story_id, quiz_id, code = alices_quiz(app, staff["alice"])
    take_quiz(app.test_client(), code, "Ada", {})
    shared = share(staff["alice"], "quizzes", quiz_id, "bob", "view")
    assert "Shared with bob, who may view it." in shared.get_data(as_text=True)
    assert "bob: may view" in shared.get_data(as_text=True)
    bob = staff["bob"]
    assert "Alice&#39;s harbour quiz" in bob.get("/instructor/").get_data(as_text=True)
    quiz_page = bob.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    assert "alice’s quiz, which you may view" in quiz_page
    assert "Close quiz" not in quiz_page and "Shared with colleagues" not in quiz_page
    assert "Ada" in bob.get(f"/instructor/quizzes/{quiz_id}/results").get_data(as_text=True)
    # Changing it is refused, as if it were not there.
    closed = bob.post(f"/instructor/quizzes/{quiz_id}/close", data={"csrf_token": token(bob)})
    assert closed.status_code == 404
    assert bob.get(f"/instructor/quizzes/{quiz_id}/edit").status_code == 404
    # The quiz is shared, not its story.
    assert bob.get(f"/instructor/stories/{story_id}").status_code == 404
    with app.app_context():
        assert not db.session.get(Quiz, quiz_id).closed


def test_sharing_to_edit_and_then_stopping(app, staff):
    story_id, _, _ = alices_quiz(app, staff["alice"])
    share(staff["alice"], "stories", story_id, "bob", "edit")
    bob = staff["bob"]
    page = bob.get(f"/instructor/stories/{story_id}").get_data(as_text=True)
    assert "alice’s story, which you may edit" in page and "Generate questions" in page
    assert bob.get(f"/instructor/stories/{story_id}/questions/new").status_code == 200
    # A quiz Bob builds from Alice's story is Bob's own.
    assert bob.get(f"/instructor/stories/{story_id}/quizzes/new").status_code == 200
    stopped = share(staff["alice"], "stories", story_id, "bob", "none")
    assert "bob no longer shares it." in stopped.get_data(as_text=True)
    assert bob.get(f"/instructor/stories/{story_id}").status_code == 404
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Share.id))).scalar_one() == 0


def test_a_view_share_of_a_story_lets_a_colleague_build_their_own_quiz(app, staff):
    story_id, _, _ = alices_quiz(app, staff["alice"])
    share(staff["alice"], "stories", story_id, "bob", "view")
    bob = staff["bob"]
    page = bob.get(f"/instructor/stories/{story_id}").get_data(as_text=True)
    assert "Generate questions" not in page and "Build a quiz" in page
    assert bob.get(f"/instructor/stories/{story_id}/questions/new").status_code == 404
    form = bob.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    question_id = re.search(r'name="questions"[^>]*value="(\d+)"', form).group(1)
    code = re.search(r'name="join_code"[^>]*value="([^"]*)"', form).group(1)
    made = bob.post(f"/instructor/stories/{story_id}/quizzes/new", data={
        "csrf_token": hidden_fields(form)["csrf_token"], "title": "Bob's quiz", "join_code": code,
        "layout": "one_per_page", "feedback": "at_end", "selection": "hand", "per_skill": "2",
        "review_answers": "after_close", "review_score": "after_attempt",
        "questions": [question_id]})
    assert made.status_code == 302
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.title == "Bob's quiz")).scalar_one()
        assert quiz.owner_id == accounts.find("bob").id
        quiz_id = quiz.id
    assert staff["alice"].get(f"/instructor/quizzes/{quiz_id}").status_code == 404


def test_sharing_with_no_such_colleague_says_so_and_changes_nothing(app, staff):
    story_id, _, _ = alices_quiz(app, staff["alice"])
    response = share(staff["alice"], "stories", story_id, "nobody", "edit")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "No instructor is named &#39;nobody&#39;." in html
    assert 'value="nobody"' in html  # what was typed is kept
    assert "alice owns it already." in share(
        staff["alice"], "stories", story_id, "alice", "view").get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Share.id))).scalar_one() == 0


def test_only_listed_quizzes_are_on_the_home_page(app, staff):
    _, quiz_id, code = alices_quiz(app, staff["alice"])
    student = app.test_client()
    assert "Alice&#39;s harbour quiz" not in student.get("/").get_data(as_text=True)
    assert student.get(f"/quiz/{code}").status_code == 200  # the code still opens it
    page = staff["alice"].get(f"/instructor/quizzes/{quiz_id}/edit").get_data(as_text=True)
    fields = hidden_fields(page)
    question_id = re.search(r'name="questions"[^>]*value="(\d+)"', page).group(1)
    staff["alice"].post(f"/instructor/quizzes/{quiz_id}/edit", data={
        **fields, "title": "Alice's harbour quiz", "join_code": code, "layout": "one_per_page",
        "feedback": "at_end", "selection": "hand", "per_skill": "2", "listed": "y",
        "review_answers": "after_close", "review_score": "after_attempt",
        "questions": [question_id]})
    assert "Alice&#39;s harbour quiz" in student.get("/").get_data(as_text=True)


def test_another_teacher_signed_in_sees_a_students_result_as_the_student_does(app, staff):
    _, _, code = alices_quiz(app, staff["alice"])
    ada = take_quiz(app.test_client(), code, "Ada", {})
    # Answers wait for the closing (the default): the owner sees them, Bob only what Ada sees.
    owner = staff["alice"].get(f"/attempt/{ada}/result").get_data(as_text=True)
    other = staff["bob"].get(f"/attempt/{ada}/result").get_data(as_text=True)
    assert "The quote is attributed to Osei." in owner
    assert "The quote is attributed to Osei." not in other


# --- the admins' page of accounts --------------------------------------------------------------

def admin_post(client, url: str, **data):
    return client.post(url, data={"csrf_token": token(client, "/instructor/accounts"), **data},
                       follow_redirects=True)


def test_an_admin_creates_an_account_and_bad_input_keeps_what_was_typed(app, staff):
    admin = staff["admin"]
    short = admin_post(admin, "/instructor/accounts", name="carol", password="short")
    assert short.status_code == 422
    assert "at least 8 characters" in short.get_data(as_text=True)
    assert 'value="carol"' in short.get_data(as_text=True)
    taken = admin_post(admin, "/instructor/accounts", name="alice", password="long enough one")
    assert "exists already" in taken.get_data(as_text=True)
    made = admin_post(admin, "/instructor/accounts", name="carol", password="long enough one",
                      admin="y")
    assert "Account carol created." in made.get_data(as_text=True)
    assert sign_in(app.test_client(), "carol", "long enough one").status_code == 302
    with app.app_context():
        assert accounts.find("carol").is_admin


def test_an_admin_resets_a_password_and_the_old_one_stops_working(app, staff):
    with app.app_context():
        alice_id = accounts.find("alice").id
    done = admin_post(staff["admin"], f"/instructor/accounts/{alice_id}/password",
                      password="a brand new password")
    assert "New password set" in done.get_data(as_text=True)
    assert staff["alice"].get("/instructor/").status_code == 302  # her session ended
    assert sign_in(app.test_client(), "alice").status_code == 422  # the old one is refused
    assert sign_in(app.test_client(), "alice", "a brand new password").status_code == 302


def test_an_admin_makes_and_unmakes_admins_but_never_the_last(app, staff, instructor):
    with app.app_context():
        bob_id = accounts.find("bob").id
    admin = staff["admin"]
    admin_post(admin, f"/instructor/accounts/{bob_id}/admin")
    assert staff["bob"].get("/instructor/accounts").status_code == 200
    admin_post(admin, f"/instructor/accounts/{bob_id}/plain")
    assert staff["bob"].get("/instructor/accounts").status_code == 404
    last = admin_post(admin, f"/instructor/accounts/{instructor}/plain")
    assert "This is the only admin" in last.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Instructor, instructor).is_admin


def test_removing_an_account_hands_its_work_to_the_admin(app, staff, instructor):
    story_id, quiz_id, code = alices_quiz(app, staff["alice"])
    take_quiz(app.test_client(), code, "Ada", {})
    with app.app_context():
        alice_id = accounts.find("alice").id
    removed = admin_post(staff["admin"], f"/instructor/accounts/{alice_id}/remove")
    assert "alice&#39;s account was removed" in removed.get_data(as_text=True)
    assert staff["alice"].get("/instructor/").status_code == 302  # signed out for good
    with app.app_context():
        assert accounts.find("alice") is None
        assert db.session.get(Story, story_id).owner_id == instructor
        assert db.session.get(Quiz, quiz_id).owner_id == instructor
    results = staff["admin"].get(f"/instructor/quizzes/{quiz_id}/results")
    assert "Ada" in results.get_data(as_text=True)
    themselves = admin_post(staff["admin"], f"/instructor/accounts/{instructor}/remove")
    assert "You cannot remove your own account." in themselves.get_data(as_text=True)


def test_create_instructor_admin_flag_and_the_first_account(app, runner):
    first = runner.invoke(args=["create-instructor", "head"], input="long enough password\n")
    assert first.exit_code == 0 and "an admin" in first.output
    plain = runner.invoke(args=["create-instructor", "colleague"], input="long enough password\n")
    assert plain.exit_code == 0 and "an admin" not in plain.output
    second = runner.invoke(args=["create-instructor", "deputy", "--admin"],
                           input="long enough password\n")
    assert second.exit_code == 0 and "an admin" in second.output
    with app.app_context():
        assert [(i.name, i.is_admin) for i in db.session.execute(
            db.select(Instructor).order_by(Instructor.id)).scalars()] == [
            ("head", True), ("colleague", False), ("deputy", True)]


def test_the_seed_belongs_to_the_first_admin(first_run, runner):
    result = runner.invoke(args=["create-instructor", "head"], input="long enough password\n")
    assert result.exit_code == 0
    with first_run.app_context():
        head = accounts.find("head")
        stories = db.session.execute(db.select(Story)).scalars().all()
        assert stories and all(story.owner_id == head.id for story in stories)
        assert all(quiz.owner_id == head.id
                   for quiz in db.session.execute(db.select(Quiz)).scalars())


def test_a_story_loaded_from_the_command_line_is_the_first_admins(app, runner, tmp_path):
    runner.invoke(args=["create-instructor", "head"], input="long enough password\n")
    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "courier.txt").write_text("Harbour fire\n\nOfficials counted 14 boats damaged.\n")
    assert runner.invoke(args=["load-story", str(folder)]).exit_code == 0
    with app.app_context():
        assert db.session.execute(db.select(Story)).scalar_one().owner_id == (
            accounts.find("head").id)


def test_stories_stored_outside_any_workspace_are_the_admins_only(app, staff):
    store_story(app, [question("Who said it?")], status="approved")
    assert "Fire at the harbour" in staff["admin"].get("/instructor/").get_data(as_text=True)
    assert "Fire at the harbour" not in staff["alice"].get("/instructor/").get_data(as_text=True)
