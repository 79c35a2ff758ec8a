"""bank.py stores a generated question of every type as its rows say it: matching's left items
with their right choice and proof per pair, ordering's choices in the right order, and
find-the-evidence's sentences in the article's order with the key marked."""
from __future__ import annotations

from quizapp import bank
from quizapp.extensions import db
from tests.item_types import ALL_TYPES, FIND, MATCH, ORDER, question_row
from tests.students.support import STORY, WHICH, WHO


def _stored(app):
    with app.app_context():
        row = bank.store_story(STORY)
        counts = bank.store_generated(row, ALL_TYPES, status="approved")
        db.session.commit()
        return counts


def test_every_type_is_stored_with_its_key(app):
    assert _stored(app)["added"] == 6
    with app.app_context():
        assert question_row(WHO).type == "single"
        assert question_row(WHICH).type == "multiple"
        matching = question_row(MATCH)
        assert matching.type == "matching"
        assert [(item.text, item.choice.text) for item in matching.items] == [
            ("Coast Courier", "Fourteen boats damaged, says the harbour office"),
            ("Bay Wire", "14 boats damaged, officials counted")]
        # The distractor is a choice no item pairs with.
        assert {c.text for c in matching.choices if not c.correct} == {
            "Twelve boats damaged, says the coast guard"}
        assert [[e.passage for e in item.evidence] for item in matching.items] == [
            ["Fourteen boats were damaged, the harbour office said."],
            ["Officials counted 14 boats damaged."]]
        assert [e.article.outlet for e in matching.items[1].evidence] == ["Bay Wire"]
        ordering = question_row(ORDER)
        assert ordering.type == "ordering"
        assert [c.text for c in ordering.key] == [
            "Osei says the fire is under control", "The harbour office counts the damaged boats",
            "The cause is not known yet"]
        finding = question_row(FIND)
        assert finding.type == "evidence"
        assert [c.text for c in finding.choices][1:] == [
            "Fourteen boats were damaged, the harbour office said.", "The cause is not yet known."]
        assert [c.text for c in finding.key] == [
            "Fourteen boats were damaged, the harbour office said."]


def test_storing_again_updates_every_type_in_place(app):
    _stored(app)
    with app.app_context():
        story = db.session.execute(db.select(bank.Story)).scalar_one()
        counts = bank.store_generated(story, ALL_TYPES, status="approved")
        db.session.commit()
        assert (counts["added"], counts["updated"]) == (0, 6)
        matching = question_row(MATCH)
        assert [item.choice.text for item in matching.items] == [
            "Fourteen boats damaged, says the harbour office",
            "14 boats damaged, officials counted"]
        assert len(matching.evidence) == 2
