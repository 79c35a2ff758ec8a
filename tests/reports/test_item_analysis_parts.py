"""The item analysis breaks a matching question down by its pairs and an ordering question by
its successions (what came directly after each item, the part its partial credit marks), as it
breaks a choice question down by its choices: on the instructor's page, from first attempts."""
from __future__ import annotations

import re
from html import unescape

from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.results import queries
from tests.item_types import (
    MATCH,
    MATCHING,
    ORDER,
    ORDERING,
    answer_question,
    make_mixed_quiz,
    menu_names,
    menus,
)
from tests.students.support import start, submit

COURIER, WIRE = MATCHING.items
OSEI_SAYS, HARBOUR_COUNTS, CAUSE = ORDERING.choices
RIGHT_MATCHES = {COURIER: MATCHING.choices[0], WIRE: MATCHING.choices[1]}
SWAPPED_MATCHES = {COURIER: MATCHING.choices[0], WIRE: MATCHING.choices[2]}



def _take(client, code, name, matches, order) -> None:
    token = start(client, code, name)
    answer_question(client, token, MATCH, lambda page: {
        menu_names(page)[left]: menus(page)[left][right] for left, right in matches.items()})
    answer_question(client, token, ORDER, lambda page: {
        menu_names(page)[text]: str(place) for place, text in enumerate(order, start=1)})
    submit(client, token)


def _class_took_it(app, client) -> int:
    code = make_mixed_quiz(app)
    _take(client, code, "Ada", RIGHT_MATCHES, [OSEI_SAYS, HARBOUR_COUNTS, CAUSE])
    _take(client, code, "Bo", SWAPPED_MATCHES, [OSEI_SAYS, CAUSE, HARBOUR_COUNTS])
    with app.app_context():
        return db.session.execute(db.select(Quiz.id)).scalar_one()


def _parts(app, client, prompt) -> dict[str, dict[str, tuple[int, bool]]]:
    """The question's parts in the item analysis: each part's options given, with how many gave
    each and whether it is the key."""
    quiz_id = _class_took_it(app, client)
    with app.app_context():
        item = next(item for item in queries.item_analysis(quiz_id).items
                    if item.question.prompt == prompt)
        return {part.label: {row.choice.text: (row.count, row.choice.correct)
                             for row in part.options} for part in item.parts}


def test_a_matching_question_is_broken_down_by_its_pairs(app, client):
    parts = _parts(app, client, MATCH)
    # Both matched the Courier right; on Bay Wire one gave the key and one the coast guard's
    # twelve. The third choice nobody gave to the Courier is not listed under it.
    assert parts[COURIER] == {MATCHING.choices[0]: (2, True)}
    assert parts[WIRE] == {MATCHING.choices[1]: (1, True), MATCHING.choices[2]: (1, False)}


def test_an_ordering_question_is_broken_down_by_what_came_next(app, client):
    parts = _parts(app, client, ORDER)
    # Two successions are marked (the last item has none): after Osei's words both put the
    # harbour office's count, or the cause; after the count, the cause.
    assert parts == {
        f"After “{OSEI_SAYS}”": {HARBOUR_COUNTS: (1, True), CAUSE: (1, False)},
        f"After “{HARBOUR_COUNTS}”": {CAUSE: (1, True)},
    }


def test_the_items_page_shows_the_pairs_with_the_key_marked(app, client, instructor):
    quiz_id = _class_took_it(app, client)
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = f"{instructor}:1", True
    page = client.get(f"/instructor/quizzes/{quiz_id}/items")
    assert page.status_code == 200
    html = unescape(page.get_data(as_text=True))
    assert "What students matched with each item" in html
    assert "What students put directly after each item" in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert f"{WIRE} {MATCHING.choices[1]} key 1 (50.0%)" in text
    assert f"{MATCHING.choices[2]} 1 (50.0%)" in text
    assert f"After “{OSEI_SAYS}” {HARBOUR_COUNTS} key 1 (50.0%)" in text
