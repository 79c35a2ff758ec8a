"""The security suite on the item types beyond multiple choice: their pages hold no key before
feedback (the same page whichever pairing or sentence is right, an order never the right one),
every text they show is escaped, their answers need the form's CSRF token, and the autosave
reply says nothing of whether a pair is right."""
from __future__ import annotations

import re

from quizapp.extensions import db
from tests.item_types import FIND, MATCH, ORDER, item_order, make_mixed_quiz, menus, question_row
from tests.pages import hidden_fields
from tests.students.support import start

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _numbers(client, token) -> dict[str, int]:
    found = {}
    for number in range(1, 7):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        for prompt in (MATCH, ORDER, FIND):
            if prompt in page:
                found[prompt] = number
    return found


def _pages(client, token, numbers) -> dict[str, str]:
    return {prompt: client.get(f"/attempt/{token}/q/{n}").get_data(as_text=True)
            for prompt, n in numbers.items()}


def _without_tokens(html: str) -> str:
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "", html)


def test_the_matching_and_evidence_pages_are_the_same_whichever_answer_is_right(app, client):
    code = make_mixed_quiz(app, review_answers="after_close")
    token = start(client, code)
    numbers = _numbers(client, token)
    before = _pages(client, token, numbers)
    with app.app_context():
        matching = question_row(MATCH)
        first, second = matching.items
        first.choice_id, second.choice_id = second.choice_id, first.choice_id
        finding = question_row(FIND)
        for choice in finding.choices:
            choice.correct = not choice.correct
        db.session.commit()
    after = _pages(client, token, numbers)
    for prompt in (MATCH, FIND):
        assert _without_tokens(before[prompt]) == _without_tokens(after[prompt]), prompt


def test_an_ordering_page_never_lists_the_right_order_nor_values_that_follow_it(app, client):
    code = make_mixed_quiz(app)
    with app.app_context():
        right = [c.text for c in question_row(ORDER).choices]
    for name in ("Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"):
        token = start(app.test_client(), code, name)
        student = app.test_client()
        page = student.get(f"/attempt/{token}/q/{_numbers(student, token)[ORDER]}")
        assert item_order(page.get_data(as_text=True)) != right


def test_markup_in_left_items_order_items_and_sentences_is_shown_escaped(app, client):
    code = make_mixed_quiz(app, review_answers="after_attempt")
    with app.app_context():
        matching = question_row(MATCH)
        matching.items[0].text = "left " + SCRIPT
        matching.choices[0].text = "right " + SCRIPT
        question_row(ORDER).choices[0].text = "order " + SCRIPT
        finding = question_row(FIND)
        finding.choices[0].text = "sentence " + SCRIPT
        db.session.commit()
    token = start(client, code)
    numbers = _numbers(client, token)
    html = "".join(_pages(client, token, numbers).values())
    page = client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    client.post(f"/attempt/{token}/submit", data={"csrf_token": hidden_fields(page)["csrf_token"]})
    html += client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert SCRIPT not in html
    for field in ("left", "right", "order", "sentence"):
        assert f"{field} {ESCAPED}" in html, field


def test_moving_an_item_or_saving_a_pair_needs_the_csrf_token(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    code = make_mixed_quiz(app)
    token = start(client, code)
    numbers = _numbers(client, token)
    page = client.get(f"/attempt/{token}/q/{numbers[ORDER]}").get_data(as_text=True)
    shown = item_order(page)
    value = re.search(r'value="move-\d+-([0-9a-f]+)-down"', page).group(1)
    with app.app_context():
        question_id = question_row(ORDER).id
    refused = client.post(f"/attempt/{token}/q/{numbers[ORDER]}",
                          data={"go": f"move-{question_id}-{value}-down"})
    assert refused.status_code == 400
    saved = client.post(f"/attempt/{token}/answers",
                        data={"question_id": question_id, "prefix": "answer"})
    assert saved.status_code == 400
    again = client.get(f"/attempt/{token}/q/{numbers[ORDER]}").get_data(as_text=True)
    assert item_order(again) == shown


def test_the_autosave_reply_is_the_same_for_a_right_and_a_wrong_pair(app, client):
    code = make_mixed_quiz(app)
    token = start(client, code)
    numbers = _numbers(client, token)
    page = client.get(f"/attempt/{token}/q/{numbers[MATCH]}").get_data(as_text=True)
    options = menus(page)["Coast Courier"]
    with app.app_context():
        question_id = question_row(MATCH).id
    replies = set()
    for text in ("Fourteen boats damaged, says the harbour office",
                 "Twelve boats damaged, says the coast guard"):
        reply = client.post(f"/attempt/{token}/answers",
                            headers={"X-CSRFToken": hidden_fields(page)["csrf_token"]},
                            data={"question_id": question_id, "prefix": "answer",
                                  "answer-0": options[text]})
        replies.add((reply.status_code, reply.get_data()))
    assert replies == {(204, b"")}
