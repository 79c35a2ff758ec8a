"""The item types beyond multiple choice in real Chromium, on a quiz mixing all five: matching
by its menus, ordering by its place menus and Up/Down buttons, find-the-evidence by ticking an
article's sentences, each answered by mouse, by keyboard alone and without JavaScript; autosave
and resume; screenshots at 360 and 1280 px (no sideways scrolling) and axe on every page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from quizapp import bank, quiz_builder
from quizapp.extensions import db
from quizapp.models import Story
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits
from tests.item_types import ALL_TYPES
from tests.students.support import STORY

pytestmark = pytest.mark.browser

RESULT_URL = re.compile(r"/attempt/[^/?#]+/result$")
PAIRS = {"Coast Courier": "Fourteen boats damaged, says the harbour office",
         "Bay Wire": "14 boats damaged, officials counted"}
RIGHT_ORDER = ["Osei says the fire is under control", "The harbour office counts the damaged boats",
               "The cause is not known yet"]
KEY_SENTENCE = "Fourteen boats were damaged, the harbour office said."
CHOICE_KEYS = {"Who said the fire was \u201cunder control\u201d?": ["Mara Osei"],
               "Which outlets report 14 damaged boats? Choose all that apply.":
                   ["Coast Courier", "Bay Wire"],
               "Does Coast Courier present the cause as known?": ["False"]}


@pytest.fixture
def mixed_quiz(live_site):
    """A new published quiz of the harbour story's six questions, one of every type."""

    def make(**settings) -> str:
        with live_site.app.app_context():
            story = db.session.execute(
                db.select(Story).where(Story.slug == STORY.slug)).scalar_one_or_none()
            if story is None:
                story = bank.store_story(STORY)
                bank.store_generated(story, ALL_TYPES, status="approved")
                db.session.flush()
            quiz = quiz_builder.quiz_from_story(story, "Harbour: every item type")
            settings.setdefault("review_answers", "after_attempt")
            for name, value in settings.items():
                setattr(quiz, name, value)
            db.session.commit()
            return quiz.join_code

    return make


def join(page: Page, code: str, name: str) -> None:
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("fieldset")).to_have_count(1)


def kind_of(page: Page) -> tuple[str, str]:
    fieldset = page.locator("fieldset")
    return fieldset.get_attribute("data-type"), " ".join(
        fieldset.locator("legend").inner_text().split())


def listed(page: Page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(".order-item .item-text").all_inner_texts()]


def expect_saved(page: Page) -> None:
    try:
        expect(page.locator(".save-status")).to_contain_text("Saved")
    except AssertionError as error:
        raise AssertionError(f"{page.locator('.save-status').inner_text()!r} on "
                             f"{kind_of(page)}") from error


def order_by_buttons(page: Page, script: bool) -> None:
    """Put the items in the right order with the Up buttons (mouse clicks)."""
    for place, text in enumerate(RIGHT_ORDER):
        while listed(page).index(text) > place:
            page.get_by_role("button", name=f"Move “{text}” up").click()
            if script:
                expect_saved(page)
    assert listed(page) == RIGHT_ORDER


def answer_by_mouse(page: Page, script: bool = True) -> str:
    kind, prompt = kind_of(page)
    if kind == "matching":
        for left, right in PAIRS.items():
            page.get_by_label(left, exact=True).select_option(label=right)
            if script:
                expect_saved(page)
    elif kind == "ordering":
        order_by_buttons(page, script)
    elif kind == "evidence":
        page.get_by_text(KEY_SENTENCE, exact=True).click()
        expect(page.get_by_label(KEY_SENTENCE)).to_be_checked()
    else:
        key = next(texts for p, texts in CHOICE_KEYS.items() if p in prompt)
        for text in key:
            page.locator("fieldset label", has_text=re.compile(f"^{re.escape(text)}$")).click()
    if script and kind != "ordering":
        expect_saved(page)
    return kind


def finish(page: Page) -> None:
    page.get_by_role("button", name="Finish").click()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(RESULT_URL)


def test_every_type_by_mouse_with_autosave_resume_screenshots_and_axe(
        a11y_context, mixed_quiz, screenshot):
    page = a11y_context.new_page()
    join(page, mixed_quiz(), "Mouse")
    report, seen = [], set()
    for number in range(1, 7):
        kind = answer_by_mouse(page)
        seen.add(kind)
        if kind in ("matching", "ordering", "evidence"):
            # What was saved comes back on a reload (resume): nothing rests on the page alone.
            page.reload()
            if kind == "matching":
                for left, right in PAIRS.items():
                    expect(page.get_by_label(left, exact=True).locator("option:checked")
                           ).to_have_text(right)
            elif kind == "ordering":
                assert listed(page) == RIGHT_ORDER
            else:
                expect(page.get_by_label(KEY_SENTENCE)).to_be_checked()
            expect_fits(screenshot(page, f"question-{kind}"), f"question-{kind}")
            report += check_page(page, f"question-{kind}")
        if number < 6:
            page.get_by_role("button", name="Next").click()
    assert seen == {"single", "multiple", "matching", "ordering", "evidence"}
    finish(page)
    expect(page.locator(".score")).to_contain_text("6 out of 6")
    for summary in page.locator("details.answer-details > summary").all():
        summary.click()  # every answer right: each card's details are folded until asked for
    expect(page.get_by_text("The right pairs:")).to_be_visible()
    expect(page.get_by_text("The right order:")).to_be_visible()
    expect_fits(screenshot(page, "results-item-types"), "results-item-types")
    report += check_page(page, "results-item-types")
    assert not report, "\n".join(report)


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)",
                         selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def select_by_keyboard(page: Page, label: str, wanted: str) -> None:
    """Focus a menu with Tab and move through its options with the arrow keys."""
    menu = page.get_by_label(label, exact=True)
    tab_to(page, f"select#{menu.get_attribute('id')}")
    for _ in range(10):
        if menu.locator("option:checked").inner_text() == wanted:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{wanted!r} not reached in the {label!r} menu")


def choose_by_keyboard(page: Page, kind: str, prompt: str) -> None:
    key = next(texts for p, texts in CHOICE_KEYS.items() if p in prompt)
    for text in key:
        box = page.locator("fieldset label", has_text=re.compile(f"^{re.escape(text)}$"))
        field = page.locator(f"input#{box.get_attribute('for')}")
        if kind == "single":
            # A radio group is one Tab stop; the arrow keys move through it and choose.
            tab_to(page, "fieldset input[type=radio]")
            for _ in range(6):
                if field.is_checked():
                    break
                page.keyboard.press("ArrowDown")
        else:
            tab_to(page, f"input#{box.get_attribute('for')}")
            page.keyboard.press("Space")
        expect(field).to_be_checked()
    expect_saved(page)


def answer_by_keyboard(page: Page) -> str:
    kind, prompt = kind_of(page)
    if kind == "matching":
        for left, right in PAIRS.items():
            select_by_keyboard(page, left, right)
            expect_saved(page)
    elif kind == "ordering":
        for place, text in enumerate(RIGHT_ORDER):
            while listed(page).index(text) > place:
                button = page.get_by_role("button", name=f"Move “{text}” up")
                tab_to(page, f"button[value='{button.get_attribute('value')}']")
                page.keyboard.press("Enter")
                expect_saved(page)
        assert listed(page) == RIGHT_ORDER
    elif kind == "evidence":
        box = page.get_by_label(KEY_SENTENCE)
        tab_to(page, f"input#{box.get_attribute('id')}")
        page.keyboard.press("Space")
        expect(box).to_be_checked()
        expect_saved(page)
    else:
        choose_by_keyboard(page, kind, prompt)
    return kind


def test_every_type_by_keyboard_alone(page, mixed_quiz):
    join(page, mixed_quiz(), "Keys")
    seen = set()
    for number in range(1, 7):
        seen.add(answer_by_keyboard(page))
        tab_to(page, "button[value='next']" if number < 6 else "button[value='finish']")
        page.keyboard.press("Enter")
        if number < 6:
            expect(page.locator(".progress")).to_contain_text(f"Question {number + 1} of 6")
    assert seen == {"single", "multiple", "matching", "ordering", "evidence"}
    expect(page.get_by_role("button", name="Submit my answers")).to_be_visible()
    tab_to(page, "form[action$='/submit'] button")
    page.keyboard.press("Enter")
    expect(page).to_have_url(RESULT_URL)
    expect(page.locator(".score")).to_contain_text("6 out of 6")


def test_every_type_without_javascript(new_context, mixed_quiz):
    page = new_context(java_script_enabled=False).new_page()
    join(page, mixed_quiz(), "NoScript")
    seen = set()
    for number in range(1, 7):
        seen.add(answer_by_mouse(page, script=False))
        page.get_by_role("button", name="Next" if number < 6 else "Finish", exact=True).click()
    assert seen == {"single", "multiple", "matching", "ordering", "evidence"}
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.locator(".score")).to_contain_text("6 out of 6")


def test_immediate_feedback_and_partial_marks_in_the_browser(a11y_context, mixed_quiz, screenshot):
    page = a11y_context.new_page()
    join(page, mixed_quiz(feedback="immediate", review_answers="after_close"), "Check")
    while kind_of(page)[0] != "matching":
        page.get_by_role("button", name="Next").click()
    page.get_by_label("Coast Courier", exact=True).select_option(label=PAIRS["Coast Courier"])
    expect_saved(page)
    page.get_by_label("Bay Wire", exact=True).select_option(
        label="Twelve boats damaged, says the coast guard")
    expect_saved(page)
    page.get_by_role("button", name="Check my answer").click()
    feedback = page.locator(".feedback")
    expect(feedback).to_contain_text("Partly right: 1 of 2 pairs right")
    expect(feedback).to_contain_text("Officials counted 14 boats damaged.")
    expect(page.get_by_label("Bay Wire", exact=True)).to_be_disabled()
    expect_fits(screenshot(page, "feedback-matching"), "feedback-matching")
    report = check_page(page, "feedback-matching")
    assert not report, "\n".join(report)
