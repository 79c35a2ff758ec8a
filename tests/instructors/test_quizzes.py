"""The quiz builder: a quiz of approved questions picked by hand or drawn per skill, its
settings, a join code of its own, and publishing, closing and reopening."""
from __future__ import annotations

import re

from quizapp import quiz_builder
from quizapp.extensions import db
from quizapp.models import Question, Quiz, Story
from tests.instructors.support import question, store_story, take_quiz
from tests.pages import hidden_fields


def mixed_story(app) -> tuple[int, dict[str, int]]:
    """Three approved attribution questions, two approved numbers questions, one draft."""
    story_id = store_story(
        app,
        [
            question("A1?"),
            question("A2?"),
            question("A3?"),
            question("N1?", skill="numbers", kind="numbers"),
            question("N2?", skill="numbers", kind="numbers"),
            question("Draft?", skill="numbers", kind="numbers"),
        ],
        status="approved",
    )
    with app.app_context():
        draft = db.session.execute(
            db.select(Question).where(Question.prompt == "Draft?")
        ).scalar_one()
        draft.status = "draft"
        db.session.commit()
        ids = {q.prompt: q.id for q in db.session.execute(db.select(Question)).scalars()}
    return story_id, ids


def settings(page_html: str, **fields) -> dict:
    data = {"csrf_token": hidden_fields(page_html)["csrf_token"], "title": "Harbour quiz",
            "join_code": re.search(r'name="join_code"[^>]*value="([^"]*)"', page_html).group(1),
            "layout": "one_per_page", "feedback": "at_end", "time_limit_minutes": "",
            "open_book": "y", "selection": "hand", "per_skill": "2",
            "review_answers": "after_close", "review_score": "after_attempt"}
    data.update(fields)
    return data


def test_the_builder_offers_only_approved_questions_and_a_fresh_join_code(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    offered = set(map(int, re.findall(r'name="questions"[^>]*value="(\d+)"', page)))
    assert offered == {ids[p] for p in ("A1?", "A2?", "A3?", "N1?", "N2?")}
    code = re.search(r'name="join_code"[^>]*value="([^"]*)"', page).group(1)
    assert re.fullmatch(r"[A-Z0-9]{6}", code)


def test_a_quiz_picked_by_hand_with_its_settings(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    data = settings(page, title="Harbour <quiz>", join_code=" harbor7 ", layout="all_on_one",
                    feedback="immediate", time_limit_minutes="20", shuffle_questions="y",
                    shuffle_choices="y", review_answers="after_attempt", review_score="never",
                    shared_computer="y", questions=[str(ids["N1?"]), str(ids["A2?"])])
    data.pop("open_book")  # unticked: closed book
    response = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=data,
                              follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Quiz saved with 2 questions. It is not published yet." in html
    assert "Harbour &lt;quiz&gt;" in html and "HARBOR7" in html
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert (quiz.title, quiz.join_code, quiz.layout, quiz.feedback, quiz.time_limit_minutes,
                quiz.open_book, quiz.shuffle_questions, quiz.shuffle_choices, quiz.published) == (
            "Harbour <quiz>", "HARBOR7", "all_on_one", "immediate", 20, False, True, True, False)
        assert (quiz.review_answers, quiz.review_score, quiz.shared_computer) == (
            "after_attempt", "never", True)
        assert [i.question.prompt for i in quiz.items] == ["N1?", "A2?"]


def test_a_new_quiz_keeps_the_right_answers_until_it_is_closed(app, signed_in):
    # Attempts are unlimited: a quiz that showed the key right after an attempt would give it
    # to a throwaway attempt, and the next one would score full marks.
    story_id, _ = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="review_answers"[^>]*value="after_close"', page)
    assert re.search(r'<input checked[^>]*name="review_score"[^>]*value="after_attempt"', page)
    with app.app_context():
        made_by_command = quiz_builder.quiz_from_story(db.session.get(Story, story_id))
        assert made_by_command.review_answers == "after_close"
        db.session.rollback()


def test_immediate_feedback_needs_the_answers_shown_after_the_attempt(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    response = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=settings(
        page, feedback="immediate", review_answers="after_close", review_score="after_attempt",
        questions=[str(ids["A1?"])]))
    assert response.status_code == 422
    assert "Immediate feedback shows each right answer" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(Quiz)).first() is None


def test_a_draft_question_cannot_be_slipped_into_a_quiz(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    response = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new",
                              data=settings(page, questions=[str(ids["A1?"]), str(ids["Draft?"])]))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Only this story&#39;s approved questions can go into a quiz." in html
    with app.app_context():
        assert db.session.execute(db.select(Quiz)).first() is None


def test_n_at_random_per_skill_draws_only_approved_questions(app, signed_in):
    story_id, _ = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    response = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new",
                              data=settings(page, selection="random", per_skill="2"))
    assert response.status_code == 302
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        questions = [i.question for i in quiz.items]
        assert sorted(q.skill for q in questions) == [
            "attribution",
            "attribution",
            "numbers",
            "numbers",
        ]
        assert {q.status for q in questions} == {"approved"}
        assert {q.prompt for q in questions if q.skill == "numbers"} == {
            "N1?",
            "N2?",
        }  # the draft never


def test_mistakes_in_the_settings_are_shown_and_nothing_is_saved(app, signed_in):
    story_id, ids = mixed_story(app)
    with app.app_context():
        other = quiz_builder.quiz_from_story(db.session.get(Story, story_id), title="Other")
        other.join_code = "TAKEN1"
        db.session.commit()
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    cases = [
        (
            dict(join_code="taken1", questions=[str(ids["A1?"])]),
            "Another quiz already has the join code TAKEN1.",
        ),
        (
            dict(join_code="AB-12", questions=[str(ids["A1?"])]),
            "A join code is 4 to 20 capital letters and digits.",
        ),
        (dict(title="", questions=[str(ids["A1?"])]), "Give the quiz a title."),
        (dict(time_limit_minutes="0", questions=[str(ids["A1?"])]), "Between 1 and 600 minutes."),
        (dict(), "Tick at least one question."),
        (dict(selection="random", per_skill=""), "Say how many questions of each skill to draw."),
    ]
    for fields, message in cases:
        response = signed_in.post(
            f"/instructor/stories/{story_id}/quizzes/new", data=settings(page, **fields)
        )
        assert response.status_code == 422, fields
        assert message in response.get_data(as_text=True), fields
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Quiz.id))).scalar() == 1


def test_publish_close_and_reopen(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    signed_in.post(f"/instructor/stories/{story_id}/quizzes/new",
                   data=settings(page, join_code="HARBOR", questions=[str(ids["A1?"])]))
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
    student = app.test_client()
    assert student.get("/quiz/HARBOR").status_code == 403  # not published yet

    page = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    token = {"csrf_token": hidden_fields(page)["csrf_token"]}
    assert ">Publish quiz<" in page
    response = signed_in.post(
        f"/instructor/quizzes/{quiz_id}/publish", data=token, follow_redirects=True
    )
    html = response.get_data(as_text=True)
    assert "Quiz published: students can join it with the code HARBOR." in html
    assert student.get("/quiz/HARBOR").status_code == 200
    # Unlisted unless its owner lists it (test_workspaces.py): reached by its code or link.
    assert "Harbour quiz" not in student.get("/").get_data(as_text=True)

    response = signed_in.post(
        f"/instructor/quizzes/{quiz_id}/close", data=token, follow_redirects=True
    )
    assert ">Reopen quiz<" in response.get_data(as_text=True)
    assert student.get("/quiz/HARBOR").status_code == 403
    signed_in.post(f"/instructor/quizzes/{quiz_id}/reopen", data=token)
    assert student.get("/quiz/HARBOR").status_code == 200


def test_a_taken_quiz_keeps_its_questions_but_its_settings_can_change(app, signed_in):
    story_id, _ = mixed_story(app)
    with app.app_context():
        quiz = quiz_builder.quiz_from_story(db.session.get(Story, story_id))
        db.session.commit()
        quiz_id, code = quiz.id, quiz.join_code
        first = quiz.items[0].question
        key = next(c.id for c in first.choices if c.correct)
    take_quiz(app.test_client(), code, "Ada", {1: [key]})
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert "Students have taken this quiz, so its questions stay as they are" in page
    ticked = re.findall(
        r'<input checked[^>]*name="questions"[^>]*value="(\d+)"'
        r'|name="questions"[^>]*value="(\d+)"[^>]*checked',
        page,
    )
    ticked = [a or b for a, b in ticked]
    assert len(ticked) == 5
    fewer = signed_in.post(f"/instructor/quizzes/{quiz_id}/edit",
                           data=settings(page, join_code=code, questions=ticked[:2]))
    assert fewer.status_code == 422
    assert "Students have already taken this quiz" in fewer.get_data(as_text=True)
    renamed = signed_in.post(f"/instructor/quizzes/{quiz_id}/edit",
                             data=settings(page, title="Renamed", join_code=code, questions=ticked))
    assert renamed.status_code == 302
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.title == "Renamed" and len(quiz.items) == 5


def test_the_attempts_setting_and_the_grade_kept(app, signed_in):
    """Issue 13: attempts were unlimited. 1, N or unlimited, with the first, best or last grade
    kept; a bad number is named and what was typed stays."""
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    assert "Attempts each student may make (leave empty for unlimited)" in page
    assert re.search(r'<input checked[^>]*name="grade_kept"[^>]*value="best"', page)
    refused = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=settings(
        page, attempts_allowed="0", title="Kept title", questions=[str(ids["A1?"])]))
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Between 1 and 100 attempts, or empty." in html and 'value="Kept title"' in html
    with app.app_context():
        assert db.session.execute(db.select(Quiz)).first() is None
    saved = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=settings(
        page, attempts_allowed="2", grade_kept="last", questions=[str(ids["A1?"])]),
        follow_redirects=True)
    assert "2 per student, the last one’s grade kept" in saved.get_data(as_text=True)
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert (quiz.attempts_allowed, quiz.grade_kept) == (2, "last")
        quiz_id, version = quiz.id, quiz.version
    # Editing: back to unlimited. The quiz's version moves on (its pages' snapshots).
    edit = signed_in.get(f"/instructor/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert re.search(r'name="attempts_allowed"[^>]*value="2"', edit)
    signed_in.post(f"/instructor/quizzes/{quiz_id}/edit", data=settings(
        edit, attempts_allowed="", grade_kept="first", questions=[str(ids["A1?"])]))
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert (quiz.attempts_allowed, quiz.grade_kept) == (None, "first")
        assert quiz.version != version


def test_create_quiz_takes_the_attempts_setting(app, runner):
    story_id, _ = mixed_story(app)
    with app.app_context():
        slug = db.session.get(Story, story_id).slug
    made = runner.invoke(args=["create-quiz", slug, "--attempts", "1", "--grade", "last"])
    assert made.exit_code == 0, made.output
    assert "(1 attempt each, the last kept)" in made.output
    refused = runner.invoke(args=["create-quiz", slug, "--attempts", "0"])
    assert refused.exit_code != 0
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        # One attempt: the right answers may show right after it (quizapp.review).
        assert (quiz.attempts_allowed, quiz.grade_kept, quiz.review_answers) == (
            1, "last", "after_attempt")


def test_a_class_roster_is_saved_tidied_and_checked(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    assert "Class roster (optional): one name a line." in page
    twice = "Ada Lovelace\nGrace Hopper\n  ada   lovelace "
    refused = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=settings(
        page, roster=twice, questions=[str(ids["A1?"])]))
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "“ada lovelace” is on the roster twice: add an initial" in html
    assert "Grace Hopper\n  ada   lovelace" in html  # what was typed stays
    saved = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=settings(
        page, roster="  Ada  Lovelace \n\nGrace Hopper\n", questions=[str(ids["A1?"])]),
        follow_redirects=True)
    assert "2 names: students pick theirs" in saved.get_data(as_text=True)
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert quiz.roster == "Ada Lovelace\nGrace Hopper"
        assert quiz.roster_names == ["Ada Lovelace", "Grace Hopper"]
