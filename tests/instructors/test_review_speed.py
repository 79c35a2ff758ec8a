"""The review queue at speed, through the test client: filters by kind, skill, status and
confidence; approve, reject and a quick edit of the wording answered as JSON for the page's
script, or, without it, back to the same place in the queue by the card's anchor. (The script
itself, with the keyboard shortcuts, is driven in Chromium: tests/browser/test_review_speed.py.)"""
from __future__ import annotations

import json
import re

from quizapp import bank
from quizapp.extensions import db
from quizapp.models import Question
from tests.instructors.support import question, store_story
from tests.item_types import FIND, FINDING, MATCH, MATCHING, ORDER, ORDERING, question_row
from tests.pages import hidden_fields
from tests.students.support import STORY

JSON = {"Accept": "application/json"}


def queue(app) -> dict[str, int]:
    store_story(app, [question("Who said it?"),
                      question("How many boats?", skill="numbers", kind="numbers"),
                      question("Which outlet?", skill="cross-checking", kind="outlet_detail"),
                      question("Rejected one?")])
    with app.app_context():
        rows = {q.prompt: q for q in db.session.execute(db.select(Question)).scalars()}
        rows["Who said it?"].confidence = 0.95
        rows["How many boats?"].confidence = 0.4
        rows["Which outlet?"].confidence = None  # as a hand-written question
        rows["Rejected one?"].status = "rejected"
        db.session.commit()
        return {prompt: row.id for prompt, row in rows.items()}


def shown(client, query: str = "") -> list[str]:
    html = client.get(f"/instructor/review{query}").get_data(as_text=True)
    return re.findall(r'<h3 id="prompt-\d+">([^<]+)</h3>', html)


def token(client) -> str:
    return hidden_fields(client.get("/instructor/review").get_data(as_text=True))["csrf_token"]


def test_filters_by_kind_skill_status_and_confidence(app, signed_in):
    queue(app)
    assert shown(signed_in) == ["Who said it?", "How many boats?", "Which outlet?"]  # drafts
    assert shown(signed_in, "?kind=numbers") == ["How many boats?"]
    assert shown(signed_in, "?skill=cross-checking") == ["Which outlet?"]
    assert shown(signed_in, "?status=rejected") == ["Rejected one?"]
    assert len(shown(signed_in, "?status=all")) == 4
    assert shown(signed_in, "?confidence=low") == ["How many boats?"]
    assert shown(signed_in, "?confidence=high") == ["Who said it?"]
    assert shown(signed_in, "?confidence=unscored") == ["Which outlet?"]
    assert shown(signed_in, "?kind=numbers&confidence=high") == []
    page = signed_in.get("/instructor/review?kind=numbers").get_data(as_text=True)
    assert '<option value="numbers" selected>numbers</option>' in page  # the menu says so
    # A value no menu offers: said plainly, and left out.
    odd = signed_in.get("/instructor/review?skill=<b>nonsense</b>").get_data(as_text=True)
    assert "Unknown skill in the address: that filter was left out." in odd
    assert "<b>nonsense</b>" not in odd
    assert len(re.findall(r'<h3 id="prompt-', odd)) == 3


def test_without_script_approving_comes_back_to_the_same_place_in_the_queue(app, signed_in):
    ids = queue(app)
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    # The first draft's Approve button sends the page back at the next card (this one leaves
    # the list of drafts); under "any status" it stays, so it comes back at itself.
    form = re.search(rf'action="/instructor/questions/{ids["Who said it?"]}/approve".*?</form>',
                     page, re.S).group(0)
    fields = hidden_fields(form)
    assert fields["anchor"] == f"q-{ids['How many boats?']}"
    done = signed_in.post(f"/instructor/questions/{ids['Who said it?']}/approve", data=fields)
    assert done.headers["Location"] == f"/instructor/review#q-{ids['How many boats?']}"
    assert f'id="q-{ids["How many boats?"]}"' in signed_in.get("/instructor/review").get_data(
        as_text=True)
    everything = signed_in.get("/instructor/review?status=all").get_data(as_text=True)
    form = re.search(rf'action="/instructor/questions/{ids["Which outlet?"]}/reject".*?</form>',
                     everything, re.S).group(0)
    assert hidden_fields(form)["anchor"] == f"q-{ids['Which outlet?']}"
    done = signed_in.post(f"/instructor/questions/{ids['Which outlet?']}/reject",
                          data=hidden_fields(form))
    assert done.headers["Location"] == (
        f"/instructor/review?status=all#q-{ids['Which outlet?']}")
    with app.app_context():
        assert db.session.get(Question, ids["Which outlet?"]).status == "rejected"


def test_with_script_approve_and_reject_answer_json(app, signed_in):
    ids = queue(app)
    csrf = token(signed_in)
    approved = signed_in.post(f"/instructor/questions/{ids['Who said it?']}/approve",
                              data={"csrf_token": csrf}, headers=JSON)
    assert approved.status_code == 200
    assert json.loads(approved.get_data())["status"] == "approved"
    refused = signed_in.post(f"/instructor/questions/{ids['Who said it?']}/reject",
                             data={"csrf_token": csrf}, headers=JSON)
    assert refused.status_code == 409
    body = json.loads(refused.get_data())
    assert body["ok"] is False and "Only a draft question can be rejected" in body["message"]
    with app.app_context():
        assert db.session.get(Question, ids["Who said it?"]).status == "approved"


def test_the_wording_is_edited_in_place_and_a_blank_one_is_refused(app, signed_in):
    ids = queue(app)
    csrf = token(signed_in)
    url = f"/instructor/questions/{ids['Which outlet?']}/quick-edit"
    saved = signed_in.post(url, headers=JSON, data={
        "csrf_token": csrf, "prompt": "Which outlet named the chief?",
        "explanation": "Only the Courier names her."})
    assert saved.status_code == 200
    body = json.loads(saved.get_data())
    assert body["id"] == ids["Which outlet?"]  # the same question, changed in place
    assert body["prompt"] == "Which outlet named the chief?"
    blank = signed_in.post(url, headers=JSON, data={
        "csrf_token": csrf, "prompt": "  ", "explanation": "Still here."})
    assert blank.status_code == 422
    assert "Write the question." in json.loads(blank.get_data())["message"]
    # Without the script: back at the card, with the message.
    plain = signed_in.post(url, data={"csrf_token": csrf, "prompt": "Which outlet, really?",
                                      "explanation": "Only the Courier names her.",
                                      "next": "/instructor/review",
                                      "anchor": f"q-{ids['Which outlet?']}"})
    assert plain.headers["Location"] == f"/instructor/review#q-{ids['Which outlet?']}"
    with app.app_context():
        row = db.session.get(Question, ids["Which outlet?"])
        assert (row.prompt, row.explanation) == ("Which outlet, really?",
                                                 "Only the Courier names her.")


def test_item_type_questions_show_their_keys_and_keep_them_through_a_quick_edit(app, signed_in):
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, [MATCHING, ORDERING, FINDING], status="draft")
        db.session.commit()
        matching = question_row(MATCH)
        matching_id, pairs = matching.id, [(i.text, i.choice.text) for i in matching.items]
        ids = {q: question_row(q).id for q in (ORDER, FIND)}
    html = signed_in.get("/instructor/review").get_data(as_text=True)
    assert shown(signed_in) == [MATCH, ORDER, FIND]
    # Each with its key: matching's pairs, ordering's right order, the proving sentence.
    assert "Matching: each left item with its right item" in html
    assert f"<strong>Coast Courier</strong>: {MATCHING.choices[0]}" in html
    assert "Ordering: the right order (students see it shuffled)." in html
    assert "Find the evidence: the sentences students may pick, the proving ones marked." in html
    # The wording edits here, and the question form (every type's) edits the key; it opens.
    for question_id in (matching_id, *ids.values()):
        assert f"/instructor/questions/{question_id}/edit?next=/instructor/review" in html
        assert f"/instructor/questions/{question_id}/quick-edit" in html
        assert signed_in.get(f"/instructor/questions/{question_id}/edit").status_code == 200
    saved = signed_in.post(f"/instructor/questions/{matching_id}/quick-edit", headers=JSON, data={
        "csrf_token": token(signed_in), "prompt": "Match each outlet with its damage figure.",
        "explanation": MATCHING.explanation})
    assert saved.status_code == 200 and json.loads(saved.get_data())["id"] == matching_id
    approved = signed_in.post(f"/instructor/questions/{ids[ORDER]}/approve", headers=JSON,
                              data={"csrf_token": token(signed_in)})
    assert json.loads(approved.get_data())["status"] == "approved"
    with app.app_context():
        row = db.session.get(Question, matching_id)
        assert (row.type, row.prompt) == ("matching", "Match each outlet with its damage figure.")
        assert [(i.text, i.choice.text) for i in row.items] == pairs
        assert [c.text for c in db.session.get(Question, ids[ORDER]).choices] == list(
            ORDERING.choices)
