"""Handing a quiz to a class: the link to copy, its QR code drawn on the server, the projector
page with live counts, and a preview as a student that stores nothing."""
from __future__ import annotations

import json
import re

import segno

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.instructors.support import take_quiz
from tests.item_types import (
    FIND,
    MATCH,
    MATCHING,
    ORDER,
    ORDERING,
    item_order,
    make_mixed_quiz,
    menus,
    question_row,
)
from tests.pages import hidden_fields
from tests.security.test_every_route import row_counts, start_attempt


def seed_quiz(app) -> tuple[int, str]:
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().first()
        return quiz.id, quiz.join_code


def test_the_quiz_page_offers_its_link_qr_code_projector_and_preview(first_run, signed_in):
    quiz_id, code = seed_quiz(first_run)
    html = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    link = f"http://localhost/quiz/{code}"
    # The link as text to select (no script needed) and a copy button the script shows.
    assert re.search(rf'<input type="text" id="join-link" value="{re.escape(link)}" readonly', html)
    assert re.search(r'<button type="button"[^>]*data-copy="join-link" hidden>Copy link</button>',
                     html)
    assert f'src="/instructor/quizzes/{quiz_id}/qr.svg" alt="QR code of the link to' in html
    assert f'href="/instructor/quizzes/{quiz_id}/projector"' in html
    assert f'href="/instructor/quizzes/{quiz_id}/preview"' in html


def modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules of segno's SVG path (M/m moves, h runs along a row)."""
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s*(-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            dark.update((int(x) + i, int(y)) for i in range(int(float(a))))
            x += float(a)
    return dark


def test_the_qr_code_is_an_svg_of_the_join_link(first_run, signed_in):
    quiz_id, code = seed_quiz(first_run)
    response = signed_in.get(f"/instructor/quizzes/{quiz_id}/qr.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    svg = response.get_data(as_text=True)
    assert svg.startswith("<svg") and "<script" not in svg
    expected = segno.make(f"http://localhost/quiz/{code}", error="m")
    border = 4
    want = {(col + border, row + border) for row, line in enumerate(expected.matrix)
            for col, bit in enumerate(line) if bit}
    assert modules(svg) == want  # module for module, the code of the join link


def test_the_projector_shows_the_code_link_and_live_counts(first_run, signed_in):
    quiz_id, code = seed_quiz(first_run)
    start_attempt(first_run.test_client(), code, "Ada")
    take_quiz(first_run.test_client(), code, "Grace", {})
    html = signed_in.get(f"/instructor/quizzes/{quiz_id}/projector").get_data(as_text=True)
    assert f'<p class="projector-code">{code}</p>' in html
    assert f"http://localhost/quiz/{code}" in html
    assert '<strong class="joined">2</strong> joined' in html
    assert '<strong class="finished">1</strong> finished' in html
    # Without JavaScript the page reloads itself; with it, the script polls the counts.
    assert '<noscript><meta http-equiv="refresh" content="10"></noscript>' in html
    assert f'data-counts="/instructor/quizzes/{quiz_id}/projector/counts"' in html
    counts = signed_in.get(f"/instructor/quizzes/{quiz_id}/projector/counts")
    assert json.loads(counts.get_data()) == {"joined": 2, "finished": 1, "open": True}
    start_attempt(first_run.test_client(), code, "Linus")
    counts = signed_in.get(f"/instructor/quizzes/{quiz_id}/projector/counts")
    assert json.loads(counts.get_data())["joined"] == 3


def test_a_preview_shows_feedback_and_stores_no_attempt(first_run, signed_in):
    quiz_id, _ = seed_quiz(first_run)
    with first_run.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        # Two single-choice questions of the seed quiz (it mixes item types), in quiz order.
        first, second = [item.question for item in quiz.items
                         if item.question.type == "single"][:2]
        right = [str(c.id) for c in first.choices if c.correct]
        wrong = [str(next(c.id for c in second.choices if not c.correct))]
        explanation = first.explanation
        count = len(quiz.items)
    # The intro page first, as students read it before the clock starts.
    intro = signed_in.get(f"/instructor/quizzes/{quiz_id}/preview").get_data(as_text=True)
    assert "nothing is saved and no attempt is made" in intro
    assert f"{count} questions, one at a time." in intro and "No time limit." in intro
    assert f'href="/instructor/quizzes/{quiz_id}/preview?start=1">Start the preview</a>' in intro
    assert first.prompt not in intro
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/preview?start=1").get_data(as_text=True)
    assert "nothing is saved and no attempt is made" in page
    assert first.prompt in page
    assert "right answer" not in page and explanation not in page  # no key before checking
    before = row_counts(first_run)
    checked = signed_in.post(f"/instructor/quizzes/{quiz_id}/preview", data={
        "csrf_token": hidden_fields(page)["csrf_token"], f"q{first.id}": right,
        f"q{second.id}": wrong})
    html = checked.get_data(as_text=True)
    assert checked.status_code == 200
    assert f"You scored <strong>1 out of {count}</strong>." in html
    assert "✓</span> Right" in html and "✗</span> Not right" in html
    assert explanation in html
    assert row_counts(first_run) == before  # no attempt, no response: the results are the class's


def _preview_page(client, quiz_id: int) -> str:
    return client.get(f"/instructor/quizzes/{quiz_id}/preview?start=1").get_data(as_text=True)


def test_a_preview_asks_and_grades_every_item_type_as_students_get_them(app, signed_in):
    make_mixed_quiz(app, time_limit_minutes=20)
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        quiz_id = quiz.id
        matching, ordering, finding = (question_row(p) for p in (MATCH, ORDER, FIND))
        # Coast Courier and Bay Wire each with its own figure: both pairs right.
        pairs = {f"q{matching.id}-{item.id}": str(item.choice_id) for item in matching.items}
        key_order = [choice.id for choice in ordering.choices]
        proving = [str(c.id) for c in finding.choices if c.correct]
        ids = {"matching": matching.id, "ordering": ordering.id, "evidence": finding.id}
    intro = signed_in.get(f"/instructor/quizzes/{quiz_id}/preview").get_data(as_text=True)
    assert "Time limit: 20 minutes." in intro
    page = _preview_page(signed_in, quiz_id)
    # Each type as its student page asks it: a menu per left item, a place per item, and the
    # article's sentences to tick; no key shown before checking.
    menus_by_label = menus(page)
    assert set(menus_by_label["Coast Courier"]) == {"Choose…", *MATCHING.choices}
    assert set(menus_by_label[ORDERING.choices[0]]) == {"1", "2", "3"}
    listed = item_order(page)
    assert sorted(listed) == sorted(ORDERING.choices) and listed != list(ORDERING.choices)
    assert f'<span class="sentence"><input type="checkbox" name="q{ids["evidence"]}"' in page
    assert "proves it" not in page and "the match:" not in page
    before = row_counts(app)
    # The first two in the right order, the last put first: one of two steps right.
    places = {f"q{ids['ordering']}-{key_order[0]}": "2", f"q{ids['ordering']}-{key_order[1]}": "3",
              f"q{ids['ordering']}-{key_order[2]}": "1"}
    html = signed_in.post(f"/instructor/quizzes/{quiz_id}/preview", data={
        "csrf_token": hidden_fields(page)["csrf_token"], **pairs, **places,
        f"q{ids['evidence']}": proving}).get_data(as_text=True)
    assert "2 of 2 pairs right" in html
    assert "◐</span> Partly right: 1 of 2 items followed by the right one (0.5 of 1 mark)" in html
    assert "1 of 1 proving sentences picked" in html and "proves it" in html
    assert "The right order:" in html and "you put it 1" in html
    # Three item-type questions (2.5 marks) and three choice questions left unanswered.
    assert "You scored <strong>2.5 out of 6</strong>." in html
    # The order given comes back as given, the answers as chosen.
    assert item_order(html) == [ORDERING.choices[2], ORDERING.choices[0], ORDERING.choices[1]]
    assert row_counts(app) == before


def test_a_preview_refuses_answers_that_name_another_questions_choices(app, signed_in):
    make_mixed_quiz(app)
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
        matching, finding = question_row(MATCH), question_row(FIND)
        stranger = str(finding.choices[0].id)
        item = matching.items[0].id
    page = _preview_page(signed_in, quiz_id)
    response = signed_in.post(f"/instructor/quizzes/{quiz_id}/preview", data={
        "csrf_token": hidden_fields(page)["csrf_token"],
        f"q{matching.id}-{item}": stranger, f"q{finding.id}": ["99999999999999999999", "x"]})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "You scored <strong>0 out of 6</strong>." in html
