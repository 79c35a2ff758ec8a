"""Fair timing in real Chromium (issue 13, point 2): the intro page before the clock starts, even
from the home page's code box; the timer pinned to the top of question and reader pages; the
warnings at 5 minutes and 1 minute, spoken once each through a polite live region while the
visible clock ticks silently; and, without JavaScript, the minutes left printed on every page.
Screenshots at 360 and 1280 px, axe on every page."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from quizapp.models import now
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

QUESTION_URL = re.compile(r"/attempt/[^/?#]+/q/\d+$")

# Counts the changes to the live region: a screen reader speaks each one.
COUNT_SPOKEN = """() => {
  window.spokenTimes = 0;
  const region = document.querySelector(".time-warning");
  new MutationObserver(() => { window.spokenTimes += 1; })
    .observe(region, {childList: true, characterData: true, subtree: true});
}"""


def token_of(page: Page) -> str:
    return re.search(r"/attempt/([^/?#]+)", page.url).group(1)


def timer_top(page: Page) -> float:
    box = page.locator(".timer").bounding_box()
    assert box is not None, "no timer on the page"
    return box["y"]


def test_the_home_page_leads_to_the_intro_before_the_clock(a11y_context, make_quiz, facts,
                                                           screenshot):
    code = make_quiz(per_kind=1, time_limit_minutes=5, title="Timed from home")
    page = a11y_context.new_page()
    page.goto("/")
    page.get_by_label("Quiz code").fill(code)
    page.get_by_label("Your name").fill("Dorothy")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Timed from home")
    expect(page.locator(".time-rule")).to_contain_text("Time limit: 5 minutes.")
    expect(page.locator(".time-rule")).to_contain_text("The clock starts when you press")
    assert facts.tokens_of(code, "Dorothy") == []  # no attempt, no clock, yet
    expect_fits(screenshot(page, "intro"), "intro")
    report = check_page(page, "intro")
    assert not report, "\n".join(report)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    assert facts.tokens_of(code, "Dorothy") == [token_of(page)]


def test_the_timer_stays_in_view_and_warns_politely(a11y_context, make_quiz, facts,
                                                    screenshot):
    code = make_quiz(per_kind=2, time_limit_minutes=30)
    page = a11y_context.new_page()
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill("Mary")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    token = token_of(page)
    timer = page.get_by_role("timer")
    expect(timer).to_contain_text(re.compile(r"\d+ min \d+ s"))
    # The ticking clock is not a live region; the warning line is a polite one.
    assert timer.get_attribute("aria-live") in (None, "off")
    expect(page.locator(".time-warning")).to_have_attribute("aria-live", "polite")

    # Pinned: on a phone, scrolled to the bottom of the page, the clock is still at the top.
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 640})
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        assert page.evaluate("() => window.scrollY") > 0, "the page is too short to scroll"
        assert 0 <= timer_top(page) < 2, f"the timer left the window at {width} px"
    expect_fits(screenshot(page, "question-timer"), "question-timer")

    # Five minutes and two seconds before the end (the deadline moved in the database): the
    # warning is spoken once when the clock crosses five minutes, not at every tick.
    facts.move_deadline(token, now() + timedelta(seconds=302))
    page.reload()
    page.evaluate(COUNT_SPOKEN)
    expect(page.locator(".time-warning")).to_have_text("5 minutes left.")
    expect(page.locator(".timer")).to_have_class(re.compile(r"\bwarning\b"))
    expect(timer).to_contain_text(re.compile(r"4 min 5\d s"))  # it kept ticking
    assert page.evaluate("() => window.spokenTimes") == 1
    report = check_page(page, "question-timer-warning")

    # The reader has the same pinned clock, and the last minute's warning.
    article = page.locator(".sources a").first
    article.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+"))
    facts.move_deadline(token, now() + timedelta(seconds=62))
    page.reload()
    expect(page.locator(".time-warning")).to_have_text(re.compile(r"^1 minute left"))
    page.set_viewport_size({"width": 360, "height": 640})
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("() => window.scrollY") > 0
    assert 0 <= timer_top(page) < 2, "the timer left the reader's window"
    expect_fits(screenshot(page, "reader-timer"), "reader-timer")
    report += check_page(page, "reader-timer")
    assert not report, "\n".join(report)


def test_without_javascript_every_page_prints_the_minutes_left(new_context, make_quiz, facts):
    code = make_quiz(per_kind=1, time_limit_minutes=20)
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill("Ida")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    token = token_of(page)
    expect(page.get_by_role("timer")).to_have_text("Time left: about 20 minutes")
    page.locator(".sources a").first.click()
    expect(page.get_by_role("timer")).to_have_text("Time left: about 20 minutes")
    facts.move_deadline(token, now() + timedelta(seconds=75))
    page.goto(f"/attempt/{token}/finish")
    expect(page.get_by_role("timer")).to_have_text("Time left: about 1 minute")
    expect(page.locator(".time-warning")).to_have_text("Less than 5 minutes left.")
