"""Who is taking it (issue 13, point 3), in real Chromium: the same code and name on the same
browser resume the unfinished attempt; the same name in another browser (another student, or the
same one on another device) gets a warning and a choice; a quiz that allows one attempt shows
the result, never a second. Screenshots at 360 and 1280 px, axe on every page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

QUESTION_URL = re.compile(r"/attempt/[^/?#]+/q/\d+$")


def token_of(page: Page) -> str:
    return re.search(r"/attempt/([^/?#]+)", page.url).group(1)


def join_from_home(page: Page, code: str, name: str) -> None:
    page.goto("/")
    page.get_by_label("Quiz code").fill(code)
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()


def checked_page(page: Page, screenshot, name: str) -> None:
    expect_fits(screenshot(page, name), name)
    report = check_page(page, name)
    assert not report, "\n".join(report)


def test_same_browser_resumes_another_is_warned(a11y_context, new_context, make_quiz, facts,
                                                screenshot):
    code = make_quiz(per_kind=1, title="Who is taking it")
    page = a11y_context.new_page()
    join_from_home(page, code, "Sam Okafor")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    token = token_of(page)
    first = facts.questions(token)[0]
    page.locator(f'fieldset input[value="{first.wrong[0].value}"]').check()
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"/q/2$"))
    # The student leaves, then joins again with the same code and name.
    page.goto("/")
    join_from_home(page, code, "Sam Okafor")
    expect(page.get_by_text("Welcome back, Sam Okafor:")).to_be_visible()
    expect(page.get_by_role("button", name="Submit it as it is and start a new attempt")
           ).to_be_visible()
    checked_page(page, screenshot, "who-welcome-back")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(rf"/attempt/{token}/q/2$"))
    expect(page.locator(".flashes")).to_contain_text("Welcome back")
    assert facts.tokens_of(code, "Sam Okafor") == [token]
    assert facts.saved(token)[first.id] == {first.wrong[0].id}
    # Another browser (another device) with the same name: a warning and a choice, no attempt.
    other = new_context(bypass_csp=True).new_page()  # axe is injected as a script: CSP bypassed
    join_from_home(other, code, "sam okafor")
    warning = other.locator("#name-taken")
    expect(warning).to_contain_text("That name is already in use in this quiz.")
    expect(other.get_by_label("Your name")).to_have_value("sam okafor")
    checked_page(other, screenshot, "who-name-taken")
    other.get_by_role("button", name="Start the quiz").click()
    expect(other.locator("#name-taken")).to_be_visible()
    assert facts.tokens_of(code, "sam okafor") == []
    # Use the resume code: the form comes filled in but for the code itself.
    other.get_by_role("link", name="Use your resume code").click()
    expect(other.get_by_label("Quiz code")).to_have_value(code)
    expect(other.get_by_label("Your name")).to_have_value("sam okafor")
    other.get_by_label("Resume code").fill(facts.attempt(token)["resume_code"])
    other.get_by_role("button", name="Resume").click()
    expect(other).to_have_url(re.compile(rf"/attempt/{token}/q/2$"))


def test_one_attempt_allowed_gives_the_result_not_a_second(a11y_context, make_quiz, facts,
                                                          screenshot):
    code = make_quiz(per_kind=1, title="Only once", attempts_allowed=1)
    page = a11y_context.new_page()
    join_from_home(page, code, "Noor")
    expect(page.locator(".quiz-facts")).to_contain_text("You may make 1 attempt.")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    token = token_of(page)
    page.goto(f"/attempt/{token}/finish")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(re.compile(rf"/attempt/{token}/result$"))
    # Joining again: the intro says the attempt is used, and starting gives the result.
    join_from_home(page, code, "Noor")
    expect(page.locator("#used-up")).to_contain_text(
        "You have used the 1 attempt this quiz allows")
    checked_page(page, screenshot, "who-used-up")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(rf"/attempt/{token}/result$"))
    expect(page.locator(".flashes")).to_contain_text("no new attempt can start")
    checked_page(page, screenshot, "who-used-up-result")
    assert facts.tokens_of(code, "Noor") == [token]


def test_with_a_roster_the_student_picks_their_name(a11y_context, make_quiz, facts, screenshot):
    code = make_quiz(per_kind=1, title="Roster quiz", roster="Ada Lovelace\nGrace Hopper")
    page = a11y_context.new_page()
    page.goto(f"/quiz/{code}")
    page.get_by_role("button", name="Start the quiz").click()  # no name chosen
    expect(page.get_by_text("Choose your name from your class's list.")).to_be_visible()
    page.get_by_label("Your name").select_option("Grace Hopper")
    checked_page(page, screenshot, "who-roster")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    assert facts.tokens_of(code, "Grace Hopper") == [token_of(page)]


def test_a_roster_uploaded_as_a_spreadsheets_csv(teacher, new_context, make_quiz, live_site,
                                                 screenshot):
    code = make_quiz(per_kind=1, title="Uploaded roster")
    with live_site.app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id).where(Quiz.join_code == code)).scalar_one()
    teacher.goto(f"/instructor/quizzes/{quiz_id}/edit")
    upload = teacher.get_by_label("…or upload the class list")
    upload.set_input_files(files=[{"name": "photo.csv", "mimeType": "text/csv",
                                   "buffer": b"\x89PNG\r\n\x1a\n\x00\x00"}])
    teacher.get_by_role("button", name="Save quiz").click()
    expect(teacher.get_by_text("The file is not a text file of names in UTF-8")).to_be_visible()
    checked_page(teacher, screenshot, "roster-upload-refused")
    sheet = "\ufeffName,Class\r\nAda Lovelace,7B\r\nGrace Hopper,7B\r\n".encode()
    upload.set_input_files(files=[{"name": "class 7B.csv", "mimeType": "text/csv",
                                   "buffer": sheet}])
    teacher.get_by_role("button", name="Save quiz").click()
    expect(teacher.get_by_text("2 names: students pick theirs")).to_be_visible()
    student = new_context().new_page()
    student.goto(f"/quiz/{code}")
    names = student.get_by_label("Your name").locator("option")
    expect(names).to_have_text(["Choose your name…", "Ada Lovelace", "Grace Hopper"])
