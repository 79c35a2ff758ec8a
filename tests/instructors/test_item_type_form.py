"""The question form for matching, ordering and find-the-evidence questions, as an instructor
uses it: each type written, saved and then served on the student page; edited as the page fills
it in, keeping its type and key; its mistakes answered next to the field with what was typed
kept; a find-the-evidence question made by ticking an article's sentences (the article chosen
and shown first, as without JavaScript); and edits after students started making new versions."""
from __future__ import annotations

import re
from html import unescape

import pytest

from quizapp import quiz_builder
from quizapp.extensions import db
from quizapp.models import Question, Story
from tests.item_types import (
    FIND,
    MATCH,
    ORDER,
    boxes,
    item_order,
    make_mixed_quiz,
    menus,
    question_row,
)
from tests.students.support import OSEI_SAID, start

COURIER_FIGURE = "Fourteen boats were damaged, the harbour office said."
CAUSE = "The cause is not yet known."


def page_fields(html: str) -> dict[str, list[str]]:
    """The question form's fields as a browser would send them, filled as the page shows them."""
    form = re.search(r'<form method="post" class="instructor-form question-form".*?</form>',
                     html, re.S).group(0)
    data: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name is None or (kind and kind.group(1) == "checkbox" and "checked" not in tag):
            continue
        data.setdefault(name.group(1), []).append(unescape(value.group(1)) if value else "y")
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', form):
        data[name] = [unescape(value)]
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option selected value="([^"]*)"', body) or re.search(
            r'<option value="([^"]*)"', body)
        data[name] = [unescape(chosen.group(1))]
    return data


def send(client, url: str, data: dict[str, list[str]], **changes):
    """Post the form with these fields changed (a list for several values, None to leave out)."""
    data = dict(data)
    for name, value in changes.items():
        name = name.replace("__", "-")
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value if isinstance(value, list) else [value]
    return client.post(url, data=data)


def story_of(app) -> tuple[int, dict[str, int]]:
    with app.app_context():
        story = db.session.execute(db.select(Story)).scalar_one()
        return story.id, {a.outlet: a.id for a in story.articles}


def new_form(client, story_id: int, kind: str) -> tuple[str, dict[str, list[str]]]:
    url = f"/instructor/stories/{story_id}/questions/new?type={kind}"
    page = client.get(url)
    assert page.status_code == 200
    return url, page_fields(page.get_data(as_text=True))


def saved(app, prompt: str) -> Question:
    return db.session.execute(db.select(Question).where(Question.prompt == prompt)).scalar_one()


def student_page(app, client, prompt: str) -> str:
    """The student page of a new quiz holding just this question."""
    with app.app_context():
        question = saved(app, prompt)
        quiz = quiz_builder.new_quiz(question.story, quiz_builder.default_settings(question.story),
                                     [question])
        quiz_builder.publish(quiz)
        db.session.commit()
        code = quiz.join_code
    token = start(client, code)
    page = client.get(f"/attempt/{token}/q/1")
    assert page.status_code == 200
    return page.get_data(as_text=True)


# --- matching ------------------------------------------------------------------------------------

MATCH_PROMPT = "Match each outlet with the words it prints about the damage."
MATCHING = {
    "prompt": MATCH_PROMPT, "skill": "cross-checking",
    "explanation": "Each outlet gives the toll in its own words.",
    "pairs__0__left": "Coast Courier", "pairs__0__right": "Fourteen boats were damaged",
    "pairs__0__evidence__0__article": "COURIER", "pairs__0__evidence__0__passage": COURIER_FIGURE,
    "pairs__1__left": "Bay Wire", "pairs__1__right": "Officials counted 14 boats",
    "extras__0": "Twelve boats were damaged",
}


def matching_fields(articles: dict[str, int], **changes) -> dict:
    fields = {**MATCHING, **changes}
    return {k: str(articles["Coast Courier"]) if v == "COURIER" else v for k, v in fields.items()}


def test_a_matching_question_is_written_with_its_pairs_extra_item_and_evidence(
        app, client, signed_in):
    make_mixed_quiz(app)
    story_id, articles = story_of(app)
    url, data = new_form(signed_in, story_id, "matching")
    assert "pairs-5-left" in data and "extras-1" in data and "choices-0-text" not in data
    response = send(signed_in, url, data, **matching_fields(articles))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        question = saved(app, MATCH_PROMPT)
        assert (question.type, question.origin, question.status) == (
            "matching", "manual", "approved")
        assert [(item.text, item.choice.text) for item in question.items] == [
            ("Coast Courier", "Fourteen boats were damaged"),
            ("Bay Wire", "Officials counted 14 boats")]
        assert sorted(c.text for c in question.choices if not c.correct) == [
            "Twelve boats were damaged"]
        assert [(e.item.text, e.passage) for e in question.evidence] == [
            ("Coast Courier", COURIER_FIGURE)]
    # The student page serves it: a menu per item offering every match and the extra item.
    offered = menus(student_page(app, client, MATCH_PROMPT))
    assert set(offered) == {"Coast Courier", "Bay Wire"}
    assert {"Fourteen boats were damaged", "Officials counted 14 boats",
            "Twelve boats were damaged"} <= set(offered["Bay Wire"])


@pytest.mark.parametrize("changes,message", [
    ({"pairs__1__left": "coast  COURIER"}, "This item reads the same as item 1."),
    ({"extras__0": ""}, "Write at least one extra item that matches nothing"),
    ({"extras__0": "officials counted 14 boats"},
     "This reads the same as the match of pair 2: an extra item must match nothing."),
    ({"pairs__1__left": "", "pairs__1__right": ""}, "Write at least 2 pairs"),
    ({"pairs__1__right": ""}, "Write this item&#39;s match, or clear the item."),
    ({"pairs__0__evidence__0__passage": "Fifteen boats were damaged."},
     "This passage is not in the Coast Courier article word for word."),
])
def test_a_matching_mistake_is_named_and_what_was_typed_is_kept(
        app, signed_in, changes, message):
    make_mixed_quiz(app)
    story_id, articles = story_of(app)
    url, data = new_form(signed_in, story_id, "matching")
    response = send(signed_in, url, data, **matching_fields(articles, **changes))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and "The question was not saved" in page
    assert MATCH_PROMPT in page and 'value="Fourteen boats were damaged"' in page
    with app.app_context():
        assert db.session.execute(
            db.select(Question).where(Question.prompt == MATCH_PROMPT)).first() is None


# --- ordering ------------------------------------------------------------------------------------

ORDER_PROMPT = "Put the Courier's report in its order, first to last."
STEPS = ["Osei says the fire is under control", "The office counts the boats",
         "The cause is still unknown"]


def order_fields(steps=STEPS, **changes) -> dict:
    return {"prompt": ORDER_PROMPT, "skill": "sourcing", "explanation": "As the article runs.",
            **{f"order__{i}": step for i, step in enumerate(steps)}, **changes}


def test_an_ordering_question_is_written_in_its_right_order_and_served_shuffled(
        app, client, signed_in):
    make_mixed_quiz(app)
    story_id, _ = story_of(app)
    url, data = new_form(signed_in, story_id, "ordering")
    # A blank row between items is ignored.
    fields = order_fields(steps=[STEPS[0], "", STEPS[1], STEPS[2]])
    response = send(signed_in, url, data, **fields)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        question = saved(app, ORDER_PROMPT)
        assert question.type == "ordering"
        assert [c.text for c in question.choices] == STEPS
    shown = item_order(student_page(app, client, ORDER_PROMPT))
    assert sorted(shown) == sorted(STEPS) and shown != STEPS


@pytest.mark.parametrize("steps,message", [
    (STEPS[:2], "Write at least 3 items, in the right order."),
    # Numbered as the rows are, blank rows included.
    ([STEPS[0], "", *STEPS[1:], "the office counts the BOATS"],
     "This item reads the same as item 3."),
])
def test_an_ordering_mistake_is_named_and_the_items_are_kept(app, signed_in, steps, message):
    make_mixed_quiz(app)
    story_id, _ = story_of(app)
    url, data = new_form(signed_in, story_id, "ordering")
    response = send(signed_in, url, data, **order_fields(steps=steps))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page and f'value="{STEPS[0]}"' in page


# --- find the evidence -------------------------------------------------------------------------

FIND_PROMPT = "Find the sentence that says who counted the damaged boats."


def sentence_boxes(html: str) -> dict[str, str]:
    """The form's sentence checkboxes: {sentence: value}."""
    return {unescape(text): value for value, text in re.findall(
        r'name="picks" type="checkbox" value="(\d+)"> <label for="picks-\d+">([^<]*)</label>',
        html)}


def test_a_find_the_evidence_question_is_made_by_ticking_the_article_s_sentences(
        app, client, signed_in):
    make_mixed_quiz(app)
    story_id, articles = story_of(app)
    url, data = new_form(signed_in, story_id, "evidence")
    assert "Pick the article, then press" in signed_in.get(url).get_data(as_text=True)
    # Without JavaScript: choose the article and press "Show its sentences". Nothing is saved,
    # what was typed is kept, and the article comes back split into sentences to tick.
    shown = send(signed_in, url, data, prompt=FIND_PROMPT, explanation="The office is named.",
                 article=str(articles["Coast Courier"]), show_sentences="y")
    assert shown.status_code == 200
    page = shown.get_data(as_text=True)
    assert FIND_PROMPT in page and "The office is named." in page
    sentences = sentence_boxes(page)
    assert list(sentences) == [OSEI_SAID, COURIER_FIGURE, CAUSE]
    with app.app_context():
        assert db.session.execute(
            db.select(Question).where(Question.prompt == FIND_PROMPT)).first() is None
    # Tick the proving sentence and save.
    response = send(signed_in, url, page_fields(page), picks=sentences[COURIER_FIGURE])
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        question = saved(app, FIND_PROMPT)
        assert question.type == "evidence"
        assert [(c.text, c.correct) for c in question.choices] == [
            (OSEI_SAID, False), (COURIER_FIGURE, True), (CAUSE, False)]
        assert [(e.article.outlet, e.passage) for e in question.evidence] == [
            ("Coast Courier", COURIER_FIGURE)]
    # The student page lays the article out with a box on each of those sentences.
    assert set(boxes(student_page(app, client, FIND_PROMPT))) == {OSEI_SAID, COURIER_FIGURE, CAUSE}


def test_a_find_the_evidence_question_needs_a_sentence_ticked_and_another_left(app, signed_in):
    make_mixed_quiz(app)
    story_id, articles = story_of(app)
    url, data = new_form(signed_in, story_id, "evidence")
    fields = {"prompt": FIND_PROMPT, "explanation": "The office is named."}
    nothing = send(signed_in, url, data, **fields)
    assert nothing.status_code == 422
    assert "Pick the article whose sentences prove the claim." in nothing.get_data(as_text=True)
    courier = send(signed_in, url, data, **fields, article=str(articles["Coast Courier"]),
                   show_sentences="y").get_data(as_text=True)
    unticked = send(signed_in, url, page_fields(courier))
    assert unticked.status_code == 422
    assert "Tick the sentence or sentences that prove the claim." in unticked.get_data(
        as_text=True)
    # Every sentence ticked: nothing would be asked.
    every = send(signed_in, url, page_fields(courier), picks=["0", "1", "2"])
    assert every.status_code == 422
    assert "so nothing is being asked" in every.get_data(as_text=True)
    # Ticks made in one article's sentences are dropped when another article is chosen.
    switched = send(signed_in, url, page_fields(courier), picks="1",
                    article=str(articles["Bay Wire"]))
    assert switched.status_code == 422
    page = switched.get_data(as_text=True)
    assert "These are the sentences of the article you picked" in page
    assert list(sentence_boxes(page)) == ["Officials counted 14 boats damaged.",
                                          "The harbour reopened on Tuesday."]
    assert "checked" not in re.search(r'<div id="sentence-list">.*?</fieldset>', page, re.S)[0]
    with app.app_context():
        assert db.session.execute(
            db.select(Question).where(Question.prompt == FIND_PROMPT)).first() is None


# --- editing keeps each type and its key -------------------------------------------------------

@pytest.mark.parametrize("prompt", [MATCH, ORDER, FIND])
def test_editing_the_wording_keeps_the_type_the_key_and_every_choice_row(app, signed_in, prompt):
    make_mixed_quiz(app)
    with app.app_context():
        question = question_row(prompt)
        before = (question.id, question.type, [(c.id, c.text, c.correct) for c in question.choices],
                  [(i.text, i.choice_id) for i in question.items],
                  [(e.passage, e.item_id is None) for e in question.evidence])
    url = f"/instructor/questions/{before[0]}/edit"
    page = signed_in.get(url).get_data(as_text=True)
    response = send(signed_in, url, page_fields(page), prompt=prompt + " Read closely.")
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        question = db.session.get(Question, before[0])
        assert question.prompt == prompt + " Read closely."
        assert (question.id, question.type, [(c.id, c.text, c.correct) for c in question.choices],
                [(i.text, i.choice_id) for i in question.items],
                [(e.passage, e.item_id is None) for e in question.evidence]) == before
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar() == 6


def test_a_changed_pair_after_students_started_is_a_new_version(app, client, signed_in):
    code = make_mixed_quiz(app)
    start(client, code)
    with app.app_context():
        old_id = question_row(MATCH).id
    url = f"/instructor/questions/{old_id}/edit"
    data = page_fields(signed_in.get(url).get_data(as_text=True))
    response = send(signed_in, url, data,
                    pairs__1__right="Twelve boats damaged, says the coast guard",
                    extras__0="14 boats damaged, officials counted")
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        old = db.session.get(Question, old_id)
        newer = db.session.execute(
            db.select(Question).where(Question.previous_id == old_id)).scalar_one()
        assert old.status == "superseded" and newer.type == "matching"
        assert [(i.text, i.choice.text) for i in old.items][1] == (
            "Bay Wire", "14 boats damaged, officials counted")
        assert [(i.text, i.choice.text) for i in newer.items][1] == (
            "Bay Wire", "Twelve boats damaged, says the coast guard")


def test_an_evidence_question_with_another_sentence_ticked_is_saved_with_its_new_key(
        app, signed_in):
    make_mixed_quiz(app)
    with app.app_context():
        question_id = question_row(FIND).id
    url = f"/instructor/questions/{question_id}/edit"
    page = signed_in.get(url).get_data(as_text=True)
    assert re.search(r'<input checked id="picks-1" name="picks"', page)  # its key, ticked
    response = send(signed_in, url, page_fields(page), picks="2")
    assert response.status_code == 302
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert [c.text for c in question.key] == [CAUSE]
        assert [e.passage for e in question.evidence] == [CAUSE]


def test_the_question_form_refuses_a_post_without_its_token(app, signed_in):
    make_mixed_quiz(app)
    story_id, articles = story_of(app)
    url, data = new_form(signed_in, story_id, "matching")
    response = send(signed_in, url, data, csrf_token=None, **matching_fields(articles))
    assert response.status_code == 400
    with app.app_context():
        question_id = question_row(ORDER).id
    edit_url = f"/instructor/questions/{question_id}/edit"
    edit_data = page_fields(signed_in.get(edit_url).get_data(as_text=True))
    assert send(signed_in, edit_url, edit_data, csrf_token=None,
                prompt="Changed").status_code == 400
    with app.app_context():
        assert question_row(ORDER).prompt == ORDER
        assert db.session.execute(
            db.select(Question).where(Question.prompt == MATCH_PROMPT)).first() is None


def test_the_type_menu_offers_every_type_and_markup_typed_is_escaped(app, signed_in):
    make_mixed_quiz(app)
    story_id, _ = story_of(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/questions/new").get_data(as_text=True)
    for words in ("Matching", "Ordering", "Find the evidence", "Multiple choice"):
        assert words in page
    url, data = new_form(signed_in, story_id, "ordering")
    response = send(signed_in, url, data, **order_fields(
        steps=["<b>first</b>", *STEPS[1:]]))
    assert response.status_code == 302
    with app.app_context():
        question_id = saved(app, ORDER_PROMPT).id
    edit = signed_in.get(f"/instructor/questions/{question_id}/edit").get_data(as_text=True)
    assert "<b>first</b>" not in edit and "&lt;b&gt;first&lt;/b&gt;" in edit


@pytest.mark.parametrize("prompt,changes", [
    (ORDER, {"order__0": "The harbour office counts the damaged boats",
             "order__1": "Osei says the fire is under control"}),
    (FIND, {"picks": "2"}),
])
def test_a_changed_order_or_sentence_after_students_started_is_a_new_version(
        app, client, signed_in, prompt, changes):
    code = make_mixed_quiz(app)
    start(client, code)
    with app.app_context():
        old = question_row(prompt)
        old_id, old_key = old.id, [c.text for c in old.key]
    url = f"/instructor/questions/{old_id}/edit"
    response = send(signed_in, url, page_fields(signed_in.get(url).get_data(as_text=True)),
                    **changes)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        old = db.session.get(Question, old_id)
        newer = db.session.execute(
            db.select(Question).where(Question.previous_id == old_id)).scalar_one()
        assert (old.status, [c.text for c in old.key]) == ("superseded", old_key)
        assert newer.type == old.type and [c.text for c in newer.key] != old_key
