"""Handing a quiz to a class, in real Chromium: the quiz page's Copy link button puts the link on
the clipboard (and without JavaScript the link is there to select); the projector page shows the
code, link and QR code, and its counts of students joined and finished follow the class live,
by a fetch with JavaScript and by reloading itself without; the preview as a student, from the
intro page to the feedback on every item type. Screenshots at 360 and 1280 px, and axe on each
page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits
from tests.security.test_every_route import row_counts

pytestmark = pytest.mark.browser

TEACHER, PASSWORD = "hand-out-teacher", "chalk and a projector 9"
# Long enough for one poll (10 s) on a loaded machine; the wait ends as soon as the count shows.
POLL_WAIT_MS = 40_000


@pytest.fixture(scope="module")
def teacher(live_site):
    # An admin: the seed quiz is the admins'.
    result = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", TEACHER, "--admin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    return TEACHER


def signed_in_page(context):
    page = context.new_page()
    page.goto("/sign-in")
    page.get_by_label("Name").fill(TEACHER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/instructor/$"))
    return page


def seed_quiz_id(live_site) -> int:
    with live_site.app.app_context():
        return db.session.execute(
            db.select(Quiz.id).where(Quiz.join_code == live_site.join_code)).scalar_one()


def join(new_context, code: str, name: str) -> None:
    """A student joins from a browser of their own, as the projector tells them to."""
    student = new_context().new_page()
    student.goto(f"/quiz/{code}")
    student.get_by_label("Your name").fill(name)
    student.get_by_role("button", name=re.compile("Start")).click()
    expect(student).to_have_url(re.compile(r"/attempt/"))


def test_copy_link_puts_the_quiz_link_on_the_clipboard(new_context, live_site, teacher,
                                                       screenshot):
    context = new_context(bypass_csp=True, permissions=["clipboard-read", "clipboard-write"])
    page = signed_in_page(context)
    page.goto(f"/instructor/quizzes/{seed_quiz_id(live_site)}")
    link = page.get_by_label("Link for students")
    expected = f"{live_site.url}/quiz/{live_site.join_code}"
    expect(link).to_have_value(expected)
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".copy-status")).to_have_text("Link copied.")
    assert page.evaluate("() => navigator.clipboard.readText()") == expected
    expect(page.get_by_role("img", name=re.compile("QR code of the link"))).to_be_visible()
    expect_fits(screenshot(page, "quiz-hand-out"), "quiz (hand out)")
    report = check_page(page, "instructor-quiz-hand-out")
    assert not report, "\n".join(report)


def test_without_javascript_the_link_is_there_to_select(new_context, live_site, teacher):
    page = signed_in_page(new_context(java_script_enabled=False))
    page.goto(f"/instructor/quizzes/{seed_quiz_id(live_site)}")
    expect(page.get_by_label("Link for students")).to_have_value(
        f"{live_site.url}/quiz/{live_site.join_code}")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()


def test_the_projector_counts_students_as_they_join(new_context, live_site, teacher,
                                                    screenshot, make_quiz):
    code = make_quiz(title="Projector check")
    with live_site.app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id).where(Quiz.join_code == code)).scalar_one()
    page = signed_in_page(new_context(bypass_csp=True))
    page.goto(f"/instructor/quizzes/{quiz_id}/projector")
    expect(page.locator(".projector-code")).to_have_text(code)
    expect(page.locator(".projector-link")).to_have_text(f"{live_site.url}/quiz/{code}")
    expect(page.locator(".joined")).to_have_text("0")
    # A mark on the window: a fetch keeps it, a reload would drop it.
    page.evaluate("() => { window.stillTheSamePage = true; }")
    join(new_context, code, "Ada")
    expect(page.locator(".joined")).to_have_text("1", timeout=POLL_WAIT_MS)
    expect(page.locator(".finished")).to_have_text("0")
    assert page.evaluate("() => window.stillTheSamePage === true")
    expect_fits(screenshot(page, "projector"), "projector")
    report = check_page(page, "instructor-projector")
    assert not report, "\n".join(report)


def test_without_javascript_the_projector_reloads_itself(new_context, live_site, teacher,
                                                         make_quiz):
    code = make_quiz(title="Projector without scripts")
    with live_site.app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id).where(Quiz.join_code == code)).scalar_one()
    page = signed_in_page(new_context(java_script_enabled=False))
    page.goto(f"/instructor/quizzes/{quiz_id}/projector")
    expect(page.locator(".joined")).to_have_text("0")
    join(new_context, code, "Grace")
    expect(page.locator(".joined")).to_have_text("1", timeout=POLL_WAIT_MS)


def test_the_preview_starts_at_the_intro_page_and_checks_every_item_type(
        new_context, live_site, teacher, screenshot):
    """The seed quiz as a student gets it (its matching and find-the-evidence questions too),
    answered with the mouse and checked: feedback shows, nothing is stored."""
    quiz_id = seed_quiz_id(live_site)
    before = row_counts(live_site.app)
    page = signed_in_page(new_context(bypass_csp=True))
    page.goto(f"/instructor/quizzes/{quiz_id}/preview")
    expect(page.locator(".quiz-facts")).to_contain_text("No time limit.")
    expect_fits(screenshot(page, "preview-intro"), "preview intro")
    report = check_page(page, "instructor-preview-intro")
    page.get_by_role("link", name="Start the preview").click()
    expect(page.get_by_role("button", name="Check my answers")).to_be_visible()
    types = page.locator("fieldset[data-type]").evaluate_all(
        "sets => sets.map(s => s.dataset.type)")
    assert "single" in types
    for menu in page.locator(".pairs select").all():
        menu.select_option(index=1)
    boxes = page.locator(".sentence input[type=checkbox]")
    if boxes.count():
        boxes.first.check()
    page.locator("fieldset[data-type=single]").first.locator("input").first.check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".score")).to_contain_text("You scored")
    expect(page.locator(".feedback")).to_have_count(len(types))
    if "matching" in types:
        expect(page.locator(".key-pairs").first).to_contain_text("The right pairs:")
    expect_fits(screenshot(page, "preview-checked"), "preview (checked)")
    report += check_page(page, "instructor-preview-checked")
    assert not report, "\n".join(report)
    assert row_counts(live_site.app) == before
