"""Issue 13's smaller bugs, in real Chromium: Enter checks the answer in immediate-feedback mode
(one question per page, and all on one page); result pages never scroll sideways on a 360 px
phone; the item-analysis table shows whole at 1280 px and scrolls in its own box on a phone.
Screenshots at 360 and 1280 px; axe on each page."""
from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp import attempts, grading
from quizapp.extensions import db
from quizapp.models import Quiz
from tests.browser.accessibility import check_page
from tests.browser.answering import submit_half_wrong
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"  # as screenshot() saves them
# How many lines the tallest question cell of the item table takes.
ROW_LINES = """() => Math.max(...Array.from(document.querySelectorAll("table.items tbody th"))
  .map(cell => Math.round(cell.querySelector(".meta").getClientRects().length
                          || cell.getClientRects().length)))"""


def token_of(page: Page) -> str:
    return re.search(r"/attempt/([^/?#]+)", page.url).group(1)


def start(page: Page, code: str, name: str) -> str:
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempt/"))
    return token_of(page)


def choose_by_keyboard(page: Page, value: str) -> None:
    """Focus the choice's input as Tab would, and tick it with Space."""
    page.locator(f'fieldset input[value="{value}"]').focus()
    page.keyboard.press("Space")
    expect(page.locator(f'fieldset input[value="{value}"]')).to_be_checked()


def test_enter_checks_the_answer_with_immediate_feedback(page, make_quiz, facts):
    code = make_quiz(per_kind=1, feedback="immediate")
    token = start(page, code, "Enter Presser")
    first = facts.questions(token)[0]
    expect(page).to_have_url(re.compile(r"/q/1$"))
    choose_by_keyboard(page, first.wrong[0].value)
    page.keyboard.press("Enter")
    # Checked, not skipped: still question 1, with its verdict, and the answer is final.
    expect(page.locator(".feedback")).to_contain_text("Not right")
    expect(page).to_have_url(re.compile(r"/q/1$"))
    assert facts.saved(token)[first.id] == {first.wrong[0].id}


def test_enter_checks_that_question_on_an_all_on_one_page(page, make_quiz, facts):
    code = make_quiz(per_kind=1, feedback="immediate", layout="all_on_one")
    token = start(page, code, "Enter Presser Two")
    # Two choice questions (the seed quiz has matching ones too, answered from menus).
    first, second = [q for q in facts.questions(token) if q.type in ("single", "multiple")][:2]
    choose_by_keyboard(page, second.right[0].value)
    page.keyboard.press("Enter")
    expect(page.locator(f"#feedback-{second.id}")).to_contain_text("Right")
    expect(page.locator(f"#feedback-{first.id}")).to_have_count(0)


def test_result_pages_fit_a_phone(a11y_context, live_site, facts, screenshot):
    page = a11y_context.new_page()
    # A name typed as an e-mail address: one long word, as pupils often type it.
    token = start(page, live_site.join_code, "alexandra.konstantinopoulou@students.example.org")
    submit_half_wrong(page, token, facts.questions(token))
    expect_fits(screenshot(page, "result-phone"), "result")
    report = check_page(page, "result-phone")
    page.goto(f"/attempt/{token}/map")
    expect_fits(screenshot(page, "result-map-phone"), "story map")
    assert not report, "\n".join(report)


def _answer(question, right: bool) -> attempts.Answer:
    """A right answer, or a wrong one: every pair right or the first item's pair wrong for a
    matching question; one right choice or one wrong one for the others."""
    if question.type == "matching":
        pairs = [(item.id, item.choice_id) for item in question.items]
        if not right:
            item_id, match = pairs[0]
            pairs = [(item_id, next(c.id for c in question.choices if c.id != match))]
        return attempts.Answer(pairs=tuple(pairs))
    pool = [c for c in question.choices if c.correct == right]
    return attempts.Answer(chosen=frozenset({pool[0].id} if pool else ()))


def _class_took_it(app, join_code: str, students: int = 8) -> int:
    """A class's submitted attempts with right and wrong answers mixed, so that every column of
    the item analysis has figures and flags; returns the quiz's id."""
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz).where(Quiz.join_code == join_code)).scalar_one()
        for number in range(students):
            attempt = attempts.start_attempt(quiz, f"Statistics student {number}",
                                             secrets.token_urlsafe(16))
            db.session.flush()
            answers = []
            for slot in attempts.slots(attempt):
                right = (number + slot.number) % 3 != 0 and number % 4 != 3
                answers.append((slot.question, _answer(slot.question, right)))
            attempts.save_answers(attempt, answers)
            grading.grade_attempt(attempt)
            db.session.commit()
        return quiz.id


def test_the_item_analysis_table_is_whole_at_1280_and_scrolls_in_its_box_on_a_phone(
        teacher, live_site, screenshot):
    quiz_id = _class_took_it(live_site.app, live_site.join_code)
    teacher.goto(f"/instructor/quizzes/{quiz_id}/results")
    teacher.get_by_role("link", name="Item analysis", exact=True).click()
    box = teacher.locator(".table-scroll").filter(has=teacher.locator("table.items"))
    expect(box).to_be_visible()
    widths = screenshot(teacher, "item-analysis")
    expect_fits(widths, "item analysis")
    teacher.set_viewport_size({"width": 1280, "height": 800})
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    box.screenshot(path=str(ARTIFACTS / "item-analysis-table-1280.png"))
    assert sizes[0] <= sizes[1], f"the table is clipped at 1280 px (table, box): {sizes}"
    # Not squeezed either: with the room a 1280 px screen has, a question's prompt takes at most
    # three lines of its column.
    tallest = teacher.evaluate(ROW_LINES)
    assert tallest <= 3, f"a question's prompt takes {tallest} lines at 1280 px"
    teacher.set_viewport_size({"width": 360, "height": 800})
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert sizes[0] > sizes[1], "on a phone the table should scroll in its own box"
    # The seed quiz's matching question is broken down by its pairs, under axe too.
    expect(teacher.locator("table.parts caption").first).to_contain_text("matched with each item")
    report = check_page(teacher, "item-analysis")
    assert not report, "\n".join(report)
