"""An instructor's journey in real Chromium, with a student in between: sign in, upload a
two-article story (two .txt files from tests/browser/data, invented articles by two outlets),
generate its questions, approve two, build and publish a quiz of them; a student takes it; the
instructor sees the attempt, the score histogram and the item analysis."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
ARTICLES = [
    {"file": DATA / "harbour-gazette.txt", "outlet": "Harbour Gazette", "date": "2026-02-03",
     "author": "Lena Brandt", "url": "https://harbour-gazette.example/ferry-fares"},
    {"file": DATA / "coast-courier.txt", "outlet": "Coast Courier", "date": "2026-02-04",
     "author": "Tom Okafor", "url": "https://coast-courier.example/fares-up"},
]
# Two questions the generators write from these articles, and their keys (read in the texts).
QUOTE_PROMPT = "We cannot keep running boats built in 1979"
QUOTE_KEY = "Ingrid Solberg"
SECOND_PROMPT = "rushed through without a single public meeting"
SECOND_KEY = "Pieter Van Damme"
NAME, PASSWORD = "ms-rivera", "tide tables at dawn 42"


@pytest.fixture
def instructor_account(live_site):
    result = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", NAME], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output


def card(page, prompt: str):
    """One question of the review queue, found by its prompt."""
    return page.locator("ol.review-queue > li").filter(
        has=page.locator("h3", has_text=prompt))


def test_instructor_builds_a_quiz_a_student_takes_and_reads_the_results(
        new_context, instructor_account, screenshot):
    teacher = new_context().new_page()

    # Sign in.
    teacher.goto("/instructor/")
    expect(teacher).to_have_url(re.compile(r"/sign-in"))  # the dashboard needs a signed-in user
    teacher.get_by_label("Name").fill(NAME)
    teacher.get_by_label("Password").fill(PASSWORD)
    teacher.get_by_role("button", name="Sign in").click()
    expect(teacher).to_have_url(re.compile(r"/instructor/$"))
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Your stories and quizzes")

    # Upload the story: one file and its facts per article row.
    teacher.get_by_role("link", name="Add a story").click()
    teacher.get_by_label("Story title").fill("Marlow Bay ferry fares rise")
    for number, article in enumerate(ARTICLES, start=1):
        row = teacher.locator("fieldset").filter(
            has=teacher.locator("legend", has_text=f"Article {number}"))
        row.get_by_label("Upload a .txt").set_input_files(article["file"])
        row.get_by_label("Outlet").fill(article["outlet"])
        row.get_by_label("Date").fill(article["date"])
        row.get_by_label("Author").fill(article["author"])
        row.get_by_label("Address (URL)").fill(article["url"])
    teacher.get_by_role("button", name="Save story").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Marlow Bay ferry fares rise")
    expect(teacher.get_by_text("Story saved with 2 articles")).to_be_visible()
    for article in ARTICLES:
        expect(teacher.locator(".article-list")).to_contain_text(article["outlet"])

    # Generate: the run page shows progress, then how many questions of each kind came out.
    teacher.get_by_role("button", name="Generate questions").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Generating questions")
    expect(teacher.locator(".run-state")).to_have_text("Done.", timeout=60_000)
    counts = teacher.locator("table.run-counts")
    expect(counts).to_contain_text("quote attribution")
    expect(counts.locator("tfoot td")).to_have_text(re.compile(r"^[1-9]\d*$"))

    # Review: approve two drafts, each after reading its key and evidence.
    teacher.get_by_role("link", name="Review the drafts").click()
    for prompt, key in [(QUOTE_PROMPT, QUOTE_KEY), (SECOND_PROMPT, SECOND_KEY)]:
        draft = card(teacher, prompt)
        expect(draft).to_have_count(1)
        expect(draft.locator("li.key")).to_contain_text(key)
        expect(draft.locator("blockquote").first).to_be_visible()
        draft.get_by_role("button", name="Approve").click()
        expect(card(teacher, prompt)).to_have_count(0)

    # Build the quiz from the two approved questions and publish it.
    teacher.get_by_role("link", name="Marlow Bay ferry fares rise").first.click()
    teacher.get_by_role("link", name="Build a quiz").click()
    teacher.get_by_label("Title").fill("Ferry fares: who said what")
    teacher.get_by_label(re.compile("^Join code")).fill("FERRY42")
    # Quizzes are unlisted unless their owner lists them: this one goes on the home page.
    teacher.get_by_role("checkbox", name=re.compile("List it on the home page")).check()
    picks = teacher.locator(".question-picks input[type=checkbox]")
    expect(picks).to_have_count(2)  # only approved questions are offered
    teacher.get_by_role("checkbox", name=re.compile(re.escape(QUOTE_PROMPT))).check()
    teacher.get_by_role("checkbox", name=re.compile(re.escape(SECOND_PROMPT))).check()
    teacher.get_by_role("button", name="Save quiz").click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text("Ferry fares: who said what")
    expect(teacher.locator(".quiz-state")).to_contain_text("Not published")
    teacher.get_by_role("button", name="Publish quiz").click()
    expect(teacher.locator(".quiz-state")).to_contain_text("Published and open")
    quiz_page = teacher.url

    # A student, on another device, takes it: the first quote right, the second wrong.
    student = new_context().new_page()
    student.goto("/")
    expect(student.get_by_role("link", name="Ferry fares: who said what")).to_be_visible()
    student.get_by_label("Quiz code").fill("ferry42")
    student.get_by_label("Your name").fill("Noor")
    student.get_by_role("button", name="Start", exact=True).click()
    # The quiz's intro page first: the clock (none here) starts with its button.
    student.get_by_role("button", name="Start the quiz").click()
    for number in (1, 2):
        expect(student.locator(".progress")).to_have_text(f"Question {number} of 2")
        prompt = student.locator("fieldset legend").inner_text()
        if QUOTE_PROMPT in prompt:
            student.get_by_label(QUOTE_KEY, exact=True).check()
        else:
            choices = student.locator("fieldset label").all_inner_texts()
            wrong = next(text.strip() for text in choices if text.strip() != SECOND_KEY)
            student.get_by_label(wrong, exact=True).check()
        student.get_by_role("button", name="Next" if number == 1 else "Finish").click()
    student.get_by_role("button", name="Submit my answers").click()
    expect(student.locator(".score")).to_contain_text("1 out of 2")

    # The instructor sees the attempt, the histogram and the item analysis.
    teacher.goto(quiz_page)
    teacher.get_by_role("link", name="Results").click()
    attempts = teacher.locator("table.attempts tbody tr")
    expect(attempts).to_have_count(1)
    expect(attempts.first.locator("td").nth(0)).to_have_text("Noor")
    expect(attempts.first.locator("td").nth(1)).to_have_text("1")
    expect(attempts.first.locator("td").nth(2)).to_have_text("2")
    histogram = teacher.locator("svg.histogram")
    expect(histogram).to_be_visible()
    expect(histogram.locator("desc")).to_contain_text("1 scored 1")
    box = histogram.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50, f"histogram drawn at {box}"
    expect(histogram.locator("rect")).not_to_have_count(0)
    expect_fits(screenshot(teacher, "instructor-results"), "instructor results")

    teacher.get_by_role("link", name="Item analysis").click()
    rows = teacher.locator("table.items tbody tr")
    expect(rows).to_have_count(2)
    quote_row = rows.filter(has_text=QUOTE_PROMPT[:40])
    second_row = rows.filter(has_text=SECOND_PROMPT)
    expect(quote_row.locator("td").nth(1)).to_have_text("100.0%")  # facility: one of one right
    expect(second_row.locator("td").nth(1)).to_have_text("0.0%")
    second = teacher.locator("section.item").filter(has_text=SECOND_PROMPT)
    picked = second.locator("table.choices tbody tr").filter(has_text=wrong)
    expect(picked.locator("td").nth(2)).to_contain_text("1 (100.0%)")
    expect_fits(screenshot(teacher, "instructor-items"), "item analysis")
