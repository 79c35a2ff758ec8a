"""The review queue at speed, in real Chromium: approve, reject and a wording edit happen in
place (the page is not reloaded: a mark on the window survives), the keyboard moves between
cards (j, k) and acts on them (a, r, e), and the filters narrow the queue. Screenshots at 360
and 1280 px, axe on the queue."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp import accounts, bank
from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Question
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

TEACHER, PASSWORD = "quick-reviewer", "red pen green pen 4"
SAID = "Chief Mara Osei said the fire was \u201cunder control\u201d by noon."
STORY = core.Story(slug="review-at-speed", title="Review at speed: harbour fire", articles=(
    core.Article(id="courier", outlet="Coast Courier", title="Harbour fire",
                 text=f"Harbour fire\n\n{SAID} Officials counted 14 boats damaged."),
    core.Article(id="wire", outlet="Bay Wire", title="Blaze at the docks",
                 text="Blaze at the docks\n\nThe harbour master said 12 boats were damaged."),
))
PROMPTS = ["Speed one: who said it was under control?", "Speed two: who said it?",
           "Speed three: whose words?"]


@pytest.fixture(scope="module")
def drafts(live_site) -> dict[str, int]:
    """Three drafts in a story of the reviewer's own workspace."""
    app = live_site.app
    result = app.test_cli_runner().invoke(args=["create-instructor", TEACHER],
                                          input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        row = bank.store_story(STORY, owner_id=accounts.find(TEACHER).id)
        bank.store_generated(row, [core.Question(
            kind="quote_attribution", skill="attribution", prompt=prompt,
            choices=("Mara Osei", "The harbour master", "Bay Wire"), answer=(0,),
            explanation="The quote is attributed to Osei.",
            evidence=(core.Evidence("courier", SAID),)) for prompt in PROMPTS], status="draft")
        db.session.commit()
        return {q.prompt: q.id for q in row.questions}


def status_of(live_site, question_id: int) -> str:
    with live_site.app.app_context():
        return db.session.get(Question, question_id).status


def review_page(new_context, **options):
    page = new_context(**options).new_page()
    page.goto("/sign-in")
    page.get_by_label("Name").fill(TEACHER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/instructor/$"))
    page.goto("/instructor/review?kind=quote_attribution")
    return page


def card(page, prompt: str):
    return page.locator("li.review-card").filter(has=page.locator("h3", has_text=prompt))


def test_reviewing_with_the_keyboard_and_in_place(new_context, live_site, drafts, screenshot):
    page = review_page(new_context, bypass_csp=True)
    for prompt in PROMPTS:
        expect(card(page, prompt)).to_be_visible()
    expect_fits(screenshot(page, "review-queue"), "review queue")
    report = check_page(page, "instructor-review-speed")
    assert not report, "\n".join(report)
    page.evaluate("() => { window.stillTheSamePage = true; }")

    # j to the first card, a: approved in place, and the next card has the focus.
    page.locator("h1").click()
    page.keyboard.press("j")
    expect(card(page, PROMPTS[0])).to_be_focused()
    page.keyboard.press("a")
    expect(card(page, PROMPTS[0])).to_have_count(0)
    expect(page.locator(".review-status")).to_have_text(
        "Question approved: it can now go into quizzes.")
    expect(card(page, PROMPTS[1])).to_be_focused()
    assert status_of(live_site, drafts[PROMPTS[0]]) == "approved"

    # r rejects the card in focus.
    page.keyboard.press("r")
    expect(card(page, PROMPTS[1])).to_have_count(0)
    expect(card(page, PROMPTS[2])).to_be_focused()
    assert status_of(live_site, drafts[PROMPTS[1]]) == "rejected"

    # e opens the wording editor on the card; saving changes the card's heading in place.
    page.keyboard.press("e")
    editor = card(page, PROMPTS[2]).get_by_label("Question")
    expect(editor).to_be_focused()
    editor.fill("Speed three, reworded: whose words are these?")
    card(page, PROMPTS[2]).get_by_role("button", name="Save wording").click()
    expect(page.locator("li.review-card h3").filter(
        has_text="Speed three, reworded")).to_be_visible()
    expect(page.locator(".review-status")).to_have_text("Question saved.")
    assert page.evaluate("() => window.stillTheSamePage === true")  # never reloaded
    with live_site.app.app_context():
        assert db.session.get(Question, drafts[PROMPTS[2]]).prompt.startswith("Speed three, rew")


def test_without_javascript_a_button_comes_back_at_the_next_card(new_context, live_site, drafts):
    with live_site.app.app_context():  # the first test approved one: back to drafts
        for question_id in drafts.values():
            db.session.get(Question, question_id).status = "draft"
        db.session.commit()
    page = review_page(new_context, java_script_enabled=False)
    first = card(page, PROMPTS[0])
    first.get_by_role("button", name="Approve").click()
    expect(page).to_have_url(re.compile(rf"#q-{drafts[PROMPTS[1]]}$"))
    expect(page.get_by_text("Question approved: it can now go into quizzes.")).to_be_visible()
    expect(card(page, PROMPTS[0])).to_have_count(0)
    assert status_of(live_site, drafts[PROMPTS[0]]) == "approved"


def test_the_filters_narrow_the_queue(new_context, live_site, drafts):
    page = review_page(new_context)
    page.get_by_label("Status").select_option("approved")
    page.get_by_label("Skill").select_option("attribution")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"status=approved"))
    expect(page.get_by_label("Status")).to_have_value("approved")
    for prompt in PROMPTS[1:]:
        expect(card(page, prompt)).to_have_count(0)
