"""A student takes a quiz mixing all five item types through the real pages: a menu per left
item (matching), place menus and Up/Down buttons (ordering), an article's sentences to tick
(find the evidence); autosave and resume; immediate feedback; partial marks on the result."""
from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt
from tests.item_types import (
    FIND,
    MATCH,
    ORDER,
    boxes,
    item_order,
    make_mixed_quiz,
    menu_names,
    menus,
    number_of,
)
from tests.pages import hidden_fields
from tests.students.support import WHICH, WHO, answer, choices, start, submit

COURIER = "Fourteen boats damaged, says the harbour office"
WIRE = "14 boats damaged, officials counted"
DISTRACTOR = "Twelve boats damaged, says the coast guard"
RIGHT_ORDER = ["Osei says the fire is under control", "The harbour office counts the damaged boats",
               "The cause is not known yet"]
KEY_SENTENCE = "Fourteen boats were damaged, the harbour office said."


def _page(client, token, number) -> str:
    return client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)


def _post(client, token, number, fields: dict, go="next"):
    page = _page(client, token, number)
    data = {"csrf_token": hidden_fields(page)["csrf_token"], "go": go} | fields
    return client.post(f"/attempt/{token}/q/{number}", data=data)


def _match(client, token, number, picks: dict[str, str], go="next"):
    page = _page(client, token, number)
    options, names = menus(page), menu_names(page)
    return _post(client, token, number, {names[left]: options[left][right]
                                         for left, right in picks.items()}, go)


def _order(client, token, number, order: list[str], go="next"):
    page = _page(client, token, number)
    names = menu_names(page)
    return _post(client, token, number, {names[text]: str(place)
                                         for place, text in enumerate(order, start=1)}, go)


def _find(client, token, number, sentences: list[str]):
    values = boxes(_page(client, token, number))
    return _post(client, token, number, {"answer": [values[s] for s in sentences]})


def _score(app, token) -> tuple[float, dict[str, float]]:
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        return attempt.score, {r.question.prompt: r.score for r in attempt.responses}


def test_a_quiz_of_all_five_types_is_taken_and_graded_with_partial_credit(app, client):
    code = make_mixed_quiz(app)
    ids = choices(app)
    token = start(client, code)
    numbers = {prompt: number_of(client, token, prompt)
               for prompt in (WHO, WHICH, MATCH, ORDER, FIND)}
    answer(client, token, numbers[WHO], [ids[WHO]["Mara Osei"]])
    answer(client, token, numbers[WHICH], [ids[WHICH]["Coast Courier"]])  # half the key: wrong
    assert _match(client, token, numbers[MATCH],
                  {"Coast Courier": COURIER, "Bay Wire": DISTRACTOR}).status_code == 302
    # The cause put first: Osei's words are still followed by the toll, the toll not by the cause.
    assert _order(client, token, numbers[ORDER], [RIGHT_ORDER[2], RIGHT_ORDER[0],
                                                  RIGHT_ORDER[1]]).status_code == 302
    assert _find(client, token, numbers[FIND], [KEY_SENTENCE]).status_code == 302
    assert submit(client, token).status_code == 302
    total, scores = _score(app, token)
    assert scores == {WHO: 1.0, WHICH: 0.0, MATCH: 0.5, ORDER: 0.5, FIND: 1.0,
                      "Does Coast Courier present the cause as known?": 0.0}
    assert total == 3.0
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "you scored <strong>3 out of 6</strong>" in result
    assert "Partly right" in result and "1 of 2 pairs right" in result
    assert "1 of 2 items followed by the right one" in result
    # Every pair with its proof and a link to it in the article; the right order.
    assert "The right pairs:" in result and "you chose: " + DISTRACTOR in result
    assert "Officials counted 14 boats damaged." in result and "Read it in the article" in result
    assert "The right order:" in result


def test_the_pages_hold_no_key_before_feedback(app, client):
    code = make_mixed_quiz(app, review_answers="after_close")
    token = start(client, code)
    for prompt in (MATCH, ORDER, FIND):
        page = _page(client, token, number_of(client, token, prompt))
        for marker in ("tag key", "proves it", "The right", "evidence=", "the match:"):
            assert marker not in page, (prompt, marker)
    order_page = _page(client, token, number_of(client, token, ORDER))
    assert item_order(order_page) != RIGHT_ORDER  # never shown in the right order
    # The left items' menus all list the same right items, the distractor among them.
    match_menus = menus(_page(client, token, number_of(client, token, MATCH)))
    assert match_menus["Coast Courier"] == match_menus["Bay Wire"]
    assert set(match_menus["Bay Wire"]) == {"Choose…", COURIER, WIRE, DISTRACTOR}


def test_ordering_without_javascript_moves_an_item_with_its_buttons(app, client):
    code = make_mixed_quiz(app)
    token = start(client, code)
    number = number_of(client, token, ORDER)
    shown = item_order(_page(client, token, number))
    page = _page(client, token, number)
    last = shown[-1]
    value = menu_names(page)[last].split("-", 1)[1]
    moved = _order(client, token, number, shown, go=f"move-{_question_id(app, ORDER)}-{value}-up")
    assert moved.status_code == 302 and moved.headers["Location"].endswith(f"/q/{number}")
    assert item_order(_page(client, token, number)) == [shown[0], last, shown[1]]
    # A place menu changed alone: that item takes the place, the others close up.
    _order_one(client, token, number, shown[0], 3)
    assert item_order(_page(client, token, number)) == [last, shown[1], shown[0]]


def _order_one(client, token, number, text, place):
    page = _page(client, token, number)
    names = menu_names(page)
    fields = {names[item]: str(i) for i, item in enumerate(item_order(page), start=1)}
    fields[names[text]] = str(place)
    return _post(client, token, number, fields, go="save")


def _question_id(app, prompt) -> int:
    from tests.item_types import question_row

    with app.app_context():
        return question_row(prompt).id


def test_autosave_saves_every_type_and_a_reload_resumes_it(app, client):
    code = make_mixed_quiz(app)
    token = start(client, code)
    csrf = hidden_fields(client.get(f"/attempt/{token}", follow_redirects=True)
                         .get_data(as_text=True))["csrf_token"]
    headers = {"X-CSRFToken": csrf}
    match_number, order_number, find_number = (number_of(client, token, prompt)
                                               for prompt in (MATCH, ORDER, FIND))
    page = _page(client, token, match_number)
    options, names = menus(page), menu_names(page)
    saved = client.post(f"/attempt/{token}/answers", headers=headers, data={
        "question_id": _question_id(app, MATCH), "prefix": "answer",
        names["Bay Wire"]: options["Bay Wire"][WIRE]})
    assert saved.status_code == 204
    page = _page(client, token, match_number)
    assert f'<option selected value="{options["Bay Wire"][WIRE]}">' in page
    page = _page(client, token, order_number)
    names = menu_names(page)
    assert client.post(f"/attempt/{token}/answers", headers=headers, data={
        "question_id": _question_id(app, ORDER), "prefix": "answer",
        **{names[text]: str(i) for i, text in enumerate(RIGHT_ORDER, start=1)}}).status_code == 204
    assert item_order(_page(client, token, order_number)) == RIGHT_ORDER
    values = boxes(_page(client, token, find_number))
    assert client.post(f"/attempt/{token}/answers", headers=headers, data={
        "question_id": _question_id(app, FIND), "prefix": "answer",
        "answer": [values[KEY_SENTENCE]]}).status_code == 204
    before_key = _page(client, token, find_number).split(KEY_SENTENCE)[0]
    assert "checked" in before_key.rsplit("<span", 1)[1]
    # A value that is no choice of the question is refused, and nothing changes.
    refused = client.post(f"/attempt/{token}/answers", headers=headers, data={
        "question_id": _question_id(app, MATCH), "prefix": "answer",
        "answer-0": "0123456789abcdef"})
    assert refused.status_code == 400
    assert submit(client, token).status_code == 302
    _, scores = _score(app, token)
    assert (scores[MATCH], scores[ORDER], scores[FIND]) == (0.5, 1.0, 1.0)


@pytest.mark.parametrize("layout", ["one_per_page", "all_on_one"])
def test_immediate_feedback_shows_every_pair_the_order_and_the_key_sentences(app, client, layout):
    code = make_mixed_quiz(app, feedback="immediate", review_answers="after_close", layout=layout)
    token = start(client, code)
    if layout == "one_per_page":
        number = number_of(client, token, MATCH)
        _match(client, token, number, {"Coast Courier": COURIER, "Bay Wire": WIRE}, go="check")
        page = _page(client, token, number)
    else:
        page = client.get(f"/attempt/{token}").get_data(as_text=True)
        options, names = menus(page), menu_names(page)
        data = hidden_fields(page) | {"go": f"check-{_question_id(app, MATCH)}",
                                      names["Coast Courier"]: options["Coast Courier"][COURIER],
                                      names["Bay Wire"]: options["Bay Wire"][WIRE]}
        for name in names.values():
            data.setdefault(name, "")
        assert client.post(f"/attempt/{token}", data=data).status_code == 302
        page = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert "The right pairs:" in page and "Read it in the article" in page
    assert 'class="feedback right"' in page
    # Checked: final, its menus disabled; the other questions still hold no key.
    assert page.count("disabled") >= 2
    assert "The right order:" not in page


def test_find_the_evidence_with_a_neighbouring_sentence_earns_half(app, client):
    code = make_mixed_quiz(app)
    token = start(client, code)
    number = number_of(client, token, FIND)
    _find(client, token, number, [KEY_SENTENCE, "The cause is not yet known."])
    submit(client, token)
    _, scores = _score(app, token)
    assert scores[FIND] == 0.5
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "with a sentence next to them: half marks" in result
