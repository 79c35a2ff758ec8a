"""Questions the generators are unsure of are never approved unread: they wait in the review
queue, marked, with the generators' reasons in words."""
from __future__ import annotations

from quizapp import bank
from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Question, QuestionStatus

TEXT = "The ferry sank at 6.05 am, the coastguard said. Rescuers pulled 31 people from the water."
STORY = core.Story("ferry", "Ferry sinks", (
    core.Article("post", "Harbour Post", "Ferry sinks", TEXT),))


def written(prompt: str, confidence: float, reasons=()) -> core.Question:
    return core.Question(
        kind="numbers", skill="numbers", prompt=prompt,
        choices=("The coastguard", "Rescuers", "The port authority"), answer=(0,),
        explanation="Harbour Post credits the coastguard.",
        evidence=(core.Evidence("post", "The ferry sank at 6.05 am, the coastguard said."),),
        confidence=confidence, reasons=tuple(reasons))


def test_approving_a_run_leaves_the_unsure_questions_as_drafts(app):
    with app.app_context():
        row = bank.store_story(STORY)
        counts = bank.store_generated(row, [
            written("Who gave the time of 6.05 am?", 0.95),
            written("Who gave the sinking time?", 0.4, ["two outlets disagree on who gave it"]),
        ], status=QuestionStatus.APPROVED)
        db.session.commit()
        assert counts["added"] == 2 and counts["to_review"] == 1
        stored = {q.prompt: q for q in db.session.execute(db.select(Question)).scalars()}
        assert stored["Who gave the time of 6.05 am?"].status == QuestionStatus.APPROVED
        unsure = stored["Who gave the sinking time?"]
        assert unsure.status == QuestionStatus.DRAFT
        assert unsure.confidence == 0.4
        assert unsure.doubts == ["two outlets disagree on who gave it"]


def test_the_review_queue_marks_unsure_drafts_and_says_why(app, signed_in):
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, [
            written("Who gave the time of 6.05 am?", 0.95),
            written("Who gave the sinking time?", 0.4, ["two outlets disagree on who gave it"]),
        ])
        db.session.commit()
    page = signed_in.get("/instructor/review").get_data(as_text=True)
    # Each card, from its heading (the prompt comes again in its quick-edit box).
    sure, unsure = page.split("Who gave the sinking time?</h3>")
    sure_card = sure.split("Who gave the time of 6.05 am?</h3>")[1]
    assert "Read closely before approving" not in sure_card
    assert "Read closely before approving" in unsure
    assert "two outlets disagree on who gave it" in unsure
    assert "confidence 40%" in unsure
