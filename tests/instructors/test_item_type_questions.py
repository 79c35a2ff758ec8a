"""The instructor's side of the item types beyond multiple choice: the review queue shows each
with its key and evidence (the question form that writes and edits them is tested in
test_item_type_form.py)."""
from __future__ import annotations

from quizapp.extensions import db
from tests.item_types import make_mixed_quiz


def test_the_review_queue_shows_each_type_with_its_key_and_evidence(app, signed_in):
    from quizapp.models import Question

    make_mixed_quiz(app)
    with app.app_context():
        for question in db.session.execute(db.select(Question)).scalars():
            question.status = "draft"
        db.session.commit()
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    assert "<strong>Coast Courier</strong>: Fourteen boats damaged, says the harbour office" in page
    assert ("Twelve boats damaged, says the coast guard <span class=\"hint\">(distractor)</span>"
            in page)
    assert "Officials counted 14 boats damaged." in page
    assert "Ordering: the right order" in page and "Find the evidence:" in page
