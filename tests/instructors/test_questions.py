"""The question form (add, edit, delete, with its checks), versions that keep old grades, and
the review queue where generated drafts are approved or rejected."""
from __future__ import annotations

import re
from html import unescape

import pytest

from quizapp import bank, quiz_builder
from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, QuizQuestion, Story
from tests.instructors.support import question, store_story, take_quiz
from tests.pages import hidden_fields

OSEI = "Chief Mara Osei said the fire was \u201cunder control\u201d by noon."


def question_count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Question.id))).scalar()


def article_ids(app, story_id) -> dict[str, int]:
    with app.app_context():
        return {a.key: a.id for a in db.session.get(Story, story_id).articles}


def form_data(page_html: str, **fields) -> dict:
    """The page's form as a browser would send it, with these fields filled in."""
    data = {k: v for k, v in hidden_fields(page_html).items() if k in ("csrf_token", "next")}
    for index in range(8):
        data[f"choices-{index}-text"] = ""
    for index in range(2):
        data[f"evidence-{index}-article"] = ""
        data[f"evidence-{index}-passage"] = ""
    data.update(prompt="Who said the fire was under control?", kind="manual", skill="attribution",
                explanation="Osei is named in the Courier.")
    data.update(fields)
    return data


def good_question(article_id: int, **more) -> dict:
    fields = {"choices-0-text": "Mara Osei", "choices-0-correct": "y",
              "choices-1-text": "The harbour master", "choices-2-text": "Reuters",
              "evidence-0-article": str(article_id), "evidence-0-passage": OSEI}
    fields.update(more)
    return fields


def test_a_question_written_by_hand_is_saved_with_its_choices_and_evidence(app, signed_in):
    story_id = store_story(app)
    courier = article_ids(app, story_id)["courier"]
    page = signed_in.get(f"/instructor/stories/{story_id}/questions/new")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count('name="choices-') == 16  # eight rows of text + correct, no script needed
    assert "Coast Courier: Harbour fire" in html  # the story's articles to pick evidence from
    # A pasted passage arrives with the browser's CRLF and stray spaces: still the same words.
    response = signed_in.post(
        f"/instructor/stories/{story_id}/questions/new",
        data=form_data(
            html, **good_question(courier, **{"evidence-0-passage": "  " + OSEI + "\r\n"})
        ),
    )
    assert response.status_code == 302
    with app.app_context():
        saved = db.session.execute(db.select(Question)).scalar_one()
        assert (saved.prompt, saved.origin, saved.status) == (
            "Who said the fire was under control?", "manual", "approved")
        assert [(c.text, c.correct) for c in saved.choices] == [
            ("Mara Osei", True), ("The harbour master", False), ("Reuters", False)]
        assert [(e.article.key, e.passage) for e in saved.evidence] == [("courier", OSEI)]


def test_a_passage_that_is_not_in_the_article_is_refused_next_to_it_and_nothing_is_saved(
    app, signed_in
):
    story_id = store_story(app)
    ids = article_ids(app, story_id)
    html = signed_in.get(f"/instructor/stories/{story_id}/questions/new").get_data(as_text=True)
    # The passage is in the Courier's article, but the Wire is picked.
    response = signed_in.post(f"/instructor/stories/{story_id}/questions/new",
                              data=form_data(html, **good_question(ids["wire"])))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    message = "This passage is not in the Bay Wire article word for word."
    assert message in page
    # Next to the passage's field, and the typed values are all still there.
    assert re.search(
        r'name="evidence-0-passage"[^>]*>[^<]*</textarea><span class="error">' + re.escape(message),
        page,
    )
    assert "Who said the fire was under control?" in page
    assert 'value="The harbour master"' in page
    assert re.search(
        r'<input checked[^>]*name="choices-0-correct"|name="choices-0-correct"[^>]*checked', page
    )
    assert question_count(app) == 0


def test_a_changed_word_in_the_passage_is_refused(app, signed_in):
    story_id = store_story(app)
    courier = article_ids(app, story_id)["courier"]
    html = signed_in.get(f"/instructor/stories/{story_id}/questions/new").get_data(as_text=True)
    response = signed_in.post(
        f"/instructor/stories/{story_id}/questions/new",
        data=form_data(
            html, **good_question(courier, **{"evidence-0-passage": OSEI.replace("noon", "midday")})
        ),
    )
    assert response.status_code == 422
    assert "is not in the Coast Courier article word for word" in response.get_data(as_text=True)
    assert question_count(app) == 0


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"prompt": ""}, "Write the question."),
        ({"explanation": "  "}, "Write an explanation for the students."),
        ({"choices-1-text": "", "choices-2-text": ""}, "Write at least 2 choices."),
        ({"choices-0-correct": ""}, "Mark at least one choice as correct."),
        ({"choices-1-correct": "y", "choices-2-correct": "y"}, "Every choice is marked correct"),
        ({"choices-2-text": "  mara OSEI "}, "This choice reads the same as choice 1."),
        ({"choices-5-correct": "y"}, "A blank choice cannot be the right answer."),
        (
            {"evidence-1-passage": "Officials counted 14 boats damaged."},
            "Pick the article this passage comes from.",
        ),
        ({"evidence-1-article": "COURIER"}, "Paste the passage from this article"),
    ],
)
def test_each_mistake_gets_its_message_and_nothing_is_saved(app, signed_in, fields, message):
    story_id = store_story(app)
    courier = article_ids(app, story_id)["courier"]
    fields = {k: (str(courier) if v == "COURIER" else v) for k, v in fields.items()}
    html = signed_in.get(f"/instructor/stories/{story_id}/questions/new").get_data(as_text=True)
    data = form_data(html, **{**good_question(courier), **fields})
    data = {k: v for k, v in data.items() if v != ""  or not k.endswith("-correct")}
    response = signed_in.post(f"/instructor/stories/{story_id}/questions/new", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert "The question was not saved" in page
    assert question_count(app) == 0


def test_a_question_form_without_its_token_is_refused(app, signed_in):
    story_id = store_story(app)
    courier = article_ids(app, story_id)["courier"]
    html = signed_in.get(f"/instructor/stories/{story_id}/questions/new").get_data(as_text=True)
    data = form_data(html, **good_question(courier))
    del data["csrf_token"]
    response = signed_in.post(f"/instructor/stories/{story_id}/questions/new", data=data)
    assert response.status_code == 400
    assert question_count(app) == 0


def test_markup_typed_into_a_question_is_shown_escaped(app, signed_in):
    story_id = store_story(app)
    courier = article_ids(app, story_id)["courier"]
    html = signed_in.get(f"/instructor/stories/{story_id}/questions/new").get_data(as_text=True)
    data = form_data(html, **{**good_question(courier), "prompt": '<script>alert("p")</script>',
                              "choices-2-text": "<b>bold</b>"})
    assert (
        signed_in.post(f"/instructor/stories/{story_id}/questions/new", data=data).status_code
        == 302
    )
    with app.app_context():
        question_id = db.session.execute(db.select(Question.id)).scalar_one()
    for url in (f"/instructor/stories/{story_id}", f"/instructor/questions/{question_id}/edit"):
        page = signed_in.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<b>bold</b>" not in page
        assert "&lt;script&gt;" in page


def edit(client, question_id: int, **fields):
    page = client.get(f"/instructor/questions/{question_id}/edit")
    assert page.status_code == 200
    data = edit_data(page.get_data(as_text=True))
    data.update(fields)
    return client.post(f"/instructor/questions/{question_id}/edit", data=data)


def edit_data(html: str) -> dict:
    """Every field of the edit form as the page fills it in."""
    data = {k: v for k, v in hidden_fields(html).items() if k in ("csrf_token", "next")}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        if name.startswith("choices-") and name.endswith("-text"):
            data[name] = value
    for tag in re.findall(r'<input[^>]*name="choices-\d+-correct"[^>]*>', html):
        if "checked" in tag:
            data[re.search(r'name="([^"]+)"', tag).group(1)] = "y"
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', html):
        data[name] = unescape(value)
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(
            r'<option selected value="([^"]*)"|<option value="([^"]*)" selected', body
        )
        data[name] = next(g for g in selected.groups() if g is not None) if selected else ""
    return data


def test_editing_an_unanswered_question_changes_it_in_place(app, signed_in):
    store_story(app, [question("Who said it was \u201cunder control\u201d?")], status="approved")
    with app.app_context():
        original = db.session.execute(db.select(Question)).scalar_one()
        question_id = original.id
    response = edit(
        signed_in, question_id, prompt="Who, in the Courier, said it was under control?"
    )
    assert response.status_code == 302
    with app.app_context():
        rows = db.session.execute(db.select(Question)).scalars().all()
        assert [(q.id, q.prompt, q.origin) for q in rows] == [
            (question_id, "Who, in the Courier, said it was under control?", "manual")]
        assert [e.passage for e in rows[0].evidence] == [OSEI]  # kept through the form


def test_running_the_generators_again_keeps_an_instructor_edit(app, signed_in):
    generated = question("Who said it was \u201cunder control\u201d?")
    story_id = store_story(app, [generated], status="approved")
    with app.app_context():
        question_id = db.session.execute(db.select(Question.id)).scalar_one()
    assert edit(signed_in, question_id, prompt="Edited by the teacher").status_code == 302
    with app.app_context():
        counts = bank.store_generated(db.session.get(Story, story_id), [generated])
        db.session.commit()
        assert counts["added"] == 0 and counts["updated"] == 0
        assert db.session.execute(db.select(Question.prompt)).scalars().all() == [
            "Edited by the teacher"
        ]


def test_editing_a_question_students_answered_keeps_their_grades_and_wording(app, signed_in):
    old_prompt = "Who said it was \u201cunder control\u201d?"
    story_id = store_story(app, [question(old_prompt)], status="approved")
    with app.app_context():
        quiz = quiz_builder.quiz_from_story(db.session.get(Story, story_id))
        db.session.commit()
        code = quiz.join_code
        old = db.session.execute(db.select(Question)).scalar_one()
        old_id = old.id
        right = {c.text: c.id for c in old.choices}
    student = app.test_client()
    token = take_quiz(student, code, "Ada", {1: [right["Mara Osei"]]})
    before = student.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "1 out of 1" in before

    # The teacher decides the key was wrong and rewords the question.
    page = signed_in.get(f"/instructor/questions/{old_id}/edit").get_data(as_text=True)
    data = edit_data(page)
    osei_row = next(k for k, v in data.items() if v == "Mara Osei").replace("-text", "-correct")
    master = next(k for k, v in data.items() if v == "The harbour master")
    master_row = master.replace("-text", "-correct")
    data.pop(osei_row, None)
    data[master_row] = "y"
    data["prompt"] = "Who, according to the Wire, said boats were damaged?"
    response = signed_in.post(
        f"/instructor/questions/{old_id}/edit", data=data, follow_redirects=True
    )
    assert "your edit is a new version" in response.get_data(as_text=True)

    with app.app_context():
        old = db.session.get(Question, old_id)
        newer = db.session.execute(
            db.select(Question).where(Question.previous_id == old_id)
        ).scalar_one()
        assert old.status == "superseded" and newer.status == "approved"
        assert old.prompt == old_prompt and [c.text for c in old.choices if c.correct] == [
            "Mara Osei"
        ]
        assert [c.text for c in newer.choices if c.correct] == ["The harbour master"]
        # The quiz now asks the new version; the attempt keeps its grade and its response.
        items = db.session.execute(db.select(QuizQuestion.question_id)).scalars().all()
        assert items == [newer.id]
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        assert (attempt.score, attempt.max_score) == (1, 1)
        assert [(r.question_id, r.correct) for r in attempt.responses] == [(old_id, True)]
        new_right = {c.text: c.id for c in newer.choices}

    after = student.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "1 out of 1" in after
    assert "under control" in after and "according to the Wire" not in after
    # A new student is graded on the new key.
    token2 = take_quiz(app.test_client(), code, "Grace", {1: [new_right["The harbour master"]]})
    assert "1 out of 1" in app.test_client().get(f"/attempt/{token2}/result").get_data(as_text=True)
    # The old version's edit address leads to the newest version.
    moved = signed_in.get(f"/instructor/questions/{old_id}/edit")
    assert moved.status_code == 302
    assert moved.headers["Location"].endswith(f"/questions/{newer.id}/edit")


def test_deleting_an_unanswered_question_removes_it_from_its_quizzes(app, signed_in):
    story_id = store_story(
        app,
        [question("First?"), question("Second?", skill="numbers", kind="numbers")],
        status="approved",
    )
    with app.app_context():
        quiz_builder.quiz_from_story(db.session.get(Story, story_id))
        db.session.commit()
        first = (
            db.session.execute(db.select(Question).where(Question.prompt == "First?"))
            .scalar_one()
            .id
        )
    page = signed_in.get(f"/instructor/questions/{first}/edit").get_data(as_text=True)
    response = signed_in.post(
        f"/instructor/questions/{first}/delete",
        data={"csrf_token": hidden_fields(page)["csrf_token"]},
        follow_redirects=True,
    )
    assert "Question deleted." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, first) is None
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert [(i.question.prompt, i.position) for i in quiz.items] == [("Second?", 0)]


def test_deleting_an_answered_question_keeps_it_for_the_attempts(app, signed_in):
    story_id = store_story(
        app,
        [question("First?"), question("Second?", skill="numbers", kind="numbers")],
        status="approved",
    )
    with app.app_context():
        story = db.session.get(Story, story_id)
        taken = quiz_builder.quiz_from_story(story, title="Taken")
        quiz_builder.quiz_from_story(story, title="Not yet taken")
        db.session.commit()
        code, first = taken.join_code, db.session.execute(
            db.select(Question).where(Question.prompt == "First?")).scalar_one()
        first_id, first_key = first.id, next(c.id for c in first.choices if c.correct)
    token = take_quiz(app.test_client(), code, "Ada", {1: [first_key]})
    page = signed_in.get(f"/instructor/questions/{first_id}/edit").get_data(as_text=True)
    response = signed_in.post(
        f"/instructor/questions/{first_id}/delete",
        data={"csrf_token": hidden_fields(page)["csrf_token"]},
        follow_redirects=True,
    )
    assert "It stays in quizzes already taken (Taken)" in response.get_data(as_text=True)
    with app.app_context():
        first = db.session.get(Question, first_id)
        assert first.status == "rejected"
        by_title = {q.title: [i.question_id for i in q.items]
                    for q in db.session.execute(db.select(Quiz)).scalars()}
        assert first_id in by_title["Taken"] and first_id not in by_title["Not yet taken"]
        assert db.session.execute(db.select(Attempt.score)).scalar_one() == 1
    assert "Ada" in app.test_client().get(f"/attempt/{token}/result").get_data(as_text=True)


# --- the review queue -------------------------------------------------------------------------

def test_the_review_queue_shows_each_draft_with_its_key_and_evidence(app, signed_in):
    store_story(app, [question("Who said it was \u201cunder control\u201d?")])
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    assert "Who said it was \u201cunder control\u201d?" in page
    assert re.search(r'<li class="key">Mara Osei <strong class="tag key">correct</strong>', page)
    assert "The harbour master" in page
    assert OSEI in page and "Coast Courier" in page  # the passage and its outlet
    assert "The quote is attributed to Osei." in page
    for button in ("Approve", "Reject", "Edit", "Approve all 1 shown"):
        assert f">{button}<" in page


def test_approve_and_reject_from_the_queue(app, signed_in):
    store_story(app, [question("Keep me?"), question("Drop me?", skill="numbers", kind="numbers")])
    with app.app_context():
        ids = {q.prompt: q.id for q in db.session.execute(db.select(Question)).scalars()}
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    token = hidden_fields(page)["csrf_token"]
    approved = signed_in.post(f"/instructor/questions/{ids['Keep me?']}/approve",
                              data={"csrf_token": token, "next": "/instructor/review"})
    assert approved.headers["Location"] == "/instructor/review"
    signed_in.post(f"/instructor/questions/{ids['Drop me?']}/reject", data={"csrf_token": token})
    with app.app_context():
        assert {q.prompt: q.status for q in db.session.execute(db.select(Question)).scalars()} == {
            "Keep me?": "approved", "Drop me?": "rejected"}
    review = signed_in.get("/instructor/review").get_data(as_text=True)
    assert "No draft questions wait for review" in review


def test_a_draft_without_evidence_cannot_be_approved_until_it_has_some(app, signed_in):
    store_story(app, [question("Proven?"), question("Unproven?")])
    with app.app_context():
        unproven = db.session.execute(
            db.select(Question).where(Question.prompt == "Unproven?")).scalar_one()
        unproven.evidence = []
        unproven_id = unproven.id
        db.session.commit()
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    token = hidden_fields(page)["csrf_token"]
    refused = signed_in.post(f"/instructor/questions/{unproven_id}/approve",
                             data={"csrf_token": token})
    assert refused.status_code == 409
    assert "needs evidence" in refused.get_data(as_text=True)
    ids = re.findall(r'name="question" value="(\d+)"', page)
    approved = signed_in.post("/instructor/review/approve-all",
                              data={"csrf_token": token, "question": ids}, follow_redirects=True)
    assert "1 question approved." in approved.get_data(as_text=True)
    with app.app_context():
        assert {q.prompt: q.status for q in db.session.execute(db.select(Question)).scalars()} == {
            "Proven?": "approved", "Unproven?": "draft"}


def test_approve_all_shown_approves_only_the_drafts_shown(app, signed_in):
    store_story(app, [question("One?"), question("Two?", skill="numbers", kind="numbers")])
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    ids = re.findall(r'name="question" value="(\d+)"', page)
    assert len(ids) == 2
    response = signed_in.post(
        "/instructor/review/approve-all",
        data={"csrf_token": hidden_fields(page)["csrf_token"], "question": ids},
        follow_redirects=True,
    )
    assert "2 questions approved." in response.get_data(as_text=True)
    with app.app_context():
        assert set(db.session.execute(db.select(Question.status)).scalars()) == {"approved"}


def _live_quiz_all_answered(app) -> tuple[str, dict[str, int]]:
    """The students' three-question quiz, published, and Ada's attempt with every answer
    saved and right but not submitted; returns her token and the questions' ids by prompt."""
    from tests.students.support import (
        HEDGE,
        WHICH,
        WHO,
        answer,
        choices,
        make_quiz,
        prompt_of_page,
        start,
    )

    code = make_quiz(app)
    student = app.test_client()
    token = start(student, code, "Ada")
    ids = choices(app)
    right = {WHO: [ids[WHO]["Mara Osei"]], HEDGE: [ids[HEDGE]["False"]],
             WHICH: [ids[WHICH]["Coast Courier"], ids[WHICH]["Bay Wire"]]}
    for number in (1, 2, 3):
        page = student.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        answer(student, token, number, right[prompt_of_page(page)])
    with app.app_context():
        return token, {q.prompt: q.id for q in db.session.execute(db.select(Question)).scalars()}


def test_editing_only_the_explanation_mid_class_keeps_every_saved_answer(app, signed_in):
    # The attack report: an explanation edit removed a student's saved answer, 3/3 became 2/3.
    from tests.students.support import WHO, saved_answers, submit

    token, qids = _live_quiz_all_answered(app)
    before = saved_answers(app, token)
    assert len(before) == 3 and all(before.values())
    response = edit(signed_in, qids[WHO], explanation="Osei is quoted by name, with her title.")
    assert response.status_code == 302
    with app.app_context():
        # No new version: the question changed in place, its choices (and the answer) kept.
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar() == 3
        assert db.session.get(Question, qids[WHO]).explanation.startswith("Osei is quoted")
    assert saved_answers(app, token) == before
    result = app.test_client().get(submit(app.test_client(), token).headers["Location"])
    assert "3 out of 3" in result.get_data(as_text=True)
    assert "Osei is quoted by name" in result.get_data(as_text=True)


def test_editing_the_choices_mid_class_leaves_started_attempts_on_their_version(app, signed_in):
    from tests.students.support import WHO, saved_answers, start, submit

    token, qids = _live_quiz_all_answered(app)
    before = saved_answers(app, token)
    page = signed_in.get(f"/instructor/questions/{qids[WHO]}/edit").get_data(as_text=True)
    data = edit_data(page)
    wire = next(k for k, v in data.items() if v == "Bay Wire")
    data[wire] = "The Bay Wire"
    response = signed_in.post(f"/instructor/questions/{qids[WHO]}/edit", data=data,
                              follow_redirects=True)
    assert "your edit is a new version" in response.get_data(as_text=True)
    assert saved_answers(app, token) == before  # Ada's answers are all still there
    # Ada still sees the choices she started with; a student who starts now sees the new ones.
    ada = app.test_client()
    pages = [ada.get(f"/attempt/{token}/q/{n}").get_data(as_text=True) for n in (1, 2, 3)]
    assert not any("The Bay Wire" in page for page in pages)
    late = app.test_client()
    with app.app_context():
        code = db.session.execute(db.select(Quiz.join_code)).scalar_one()
    newcomer = start(late, code, "Grace")
    pages = [late.get(f"/attempt/{newcomer}/q/{n}").get_data(as_text=True) for n in (1, 2, 3)]
    assert any("The Bay Wire" in page for page in pages)
    result = ada.get(submit(ada, token).headers["Location"]).get_data(as_text=True)
    assert "3 out of 3" in result


def test_a_question_of_a_skill_no_generator_names_can_still_be_edited(app, signed_in):
    store_story(app, [question("Odd skill?", skill="context")], status="approved")
    with app.app_context():
        question_id = db.session.execute(db.select(Question.id)).scalar_one()
    assert edit(signed_in, question_id, prompt="Still odd?").status_code == 302
    with app.app_context():
        assert db.session.get(Question, question_id).skill == "context"
