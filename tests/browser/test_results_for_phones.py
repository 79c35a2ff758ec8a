"""Issue 13, results for phones, in Chromium at 360 px: mistakes first with a summary that jumps
to each, the right answers folded (the page's height with them folded and unfolded is written to
tests/artifacts/result-phone-height.txt), the deciding words marked inside the evidence in the
result and the reader, "Back to your result" landing on the question's card, and the gradebook
downloaded from the instructor's results page. Screenshots at 360 and 1280 px; axe on each page."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func

from quizapp.extensions import db
from quizapp.models import QuizQuestion
from tests.browser.accessibility import check_page
from tests.browser.answering import submit_half_wrong
from tests.browser.conftest import ARTIFACTS
from tests.browser.layout import expect_fits
from tests.browser.test_classroom_fixes import _class_took_it, start

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
HEIGHT = "() => document.documentElement.scrollHeight"
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => d.open = true)"
CLOSE_ALL = "() => document.querySelectorAll('details').forEach(d => d.open = false)"


def _half_wrong(page: Page, join_code: str, facts, name: str):
    """The seed quiz with every odd-numbered question answered wrong; its questions."""
    token = start(page, join_code, name)
    questions = facts.questions(token)
    submit_half_wrong(page, token, questions)
    return questions


def _in_view(page: Page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, (
        f"{selector} is at y={box and box['y']}, outside the {height}px window")


def test_mistakes_first_with_a_summary_and_the_right_answers_folded(a11y_context, live_site,
                                                                     facts, screenshot):
    page = a11y_context.new_page()
    page.set_viewport_size(PHONE)
    questions = _half_wrong(page, live_site.join_code, facts, "Phone Student")
    wrong = [q for q in questions if q.number % 2]
    right = [q for q in questions if not q.number % 2]

    # The cards: the mistakes in the order asked, then the right answers; each says its number.
    ids = page.locator("ol.review > li").evaluate_all("cards => cards.map(c => c.id)")
    assert ids == [f"review-{q.id}" for q in wrong + right]
    for question in questions:
        expect(page.locator(f"#review-{question.id} h3 .number")).to_have_text(
            f"Question {question.number}:")

    # The summary names each mistake by number and jumps to its card.
    links = page.locator(".mistakes-summary a")
    expect(links).to_have_text([f"Question {q.number}" for q in wrong])
    last = wrong[-1]
    links.last.click()
    expect(page).to_have_url(re.compile(rf"#review-{last.id}$"))
    _in_view(page, f"#review-{last.id}")

    # A mistake shows its key at once; a right answer shows its verdict, the rest on request.
    expect(page.locator(f"#review-{wrong[0].id} .verdict")).to_be_visible()
    expect(page.locator(f"#review-{wrong[0].id} .evidence").first).to_be_visible()
    first_right = page.locator(f"#review-{right[0].id}")
    expect(first_right.locator(".verdict")).to_contain_text("Right")
    expect(first_right.locator(".evidence").first).to_be_hidden()
    first_right.locator("summary").click()
    expect(first_right.locator(".evidence").first).to_be_visible()

    # The height on a phone, folded and unfolded, for the README.
    page.evaluate(CLOSE_ALL)
    folded = page.evaluate(HEIGHT)
    page.evaluate(OPEN_ALL)
    unfolded = page.evaluate(HEIGHT)
    page.evaluate(CLOSE_ALL)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "result-phone-height.txt").write_text(
        f"seed quiz, {len(wrong)} of {len(questions)} wrong, at 360 px: {folded} px with the "
        f"right answers folded, {unfolded} px with every card open\n")
    assert folded < unfolded

    page.evaluate("() => window.scrollTo(0, 0)")
    expect_fits(screenshot(page, "result-mistakes-first"), "result")
    page.set_viewport_size(PHONE)
    report = check_page(page, "result-mistakes-first")
    assert not report, "\n".join(report)


def _card_with_key_in_evidence(questions):
    """A wrong-answered choice question whose right choice is printed word for word in one of its
    evidence passages: (question, evidence id, the choice's text)."""
    for question in questions:
        if question.number % 2 and question.type == "single":
            for evidence_id, _article, passage in question.evidence:
                key = question.right[0].text
                if key in passage:
                    return question, evidence_id, key
    pytest.fail("the seed quiz has no wrong-answered question whose key its evidence prints")


def test_the_deciding_words_are_marked_and_back_leads_to_the_card(a11y_context, live_site,
                                                                  facts, screenshot):
    page = a11y_context.new_page()
    page.set_viewport_size(PHONE)
    questions = _half_wrong(page, live_site.join_code, facts, "Phone Reader")
    question, evidence_id, key = _card_with_key_in_evidence(questions)
    card = page.locator(f"#review-{question.id}")
    quote = card.locator("blockquote.evidence").filter(
        has=page.locator(f"a[href*='evidence={evidence_id}']"))
    expect(quote.locator("strong.deciding")).to_have_text([key])

    quote.get_by_role("link", name="Read it in the article").click()
    expect(page).to_have_url(re.compile(rf"/articles/\d+\?evidence={evidence_id}"))
    deciding = page.locator(f"mark#evidence-{evidence_id} strong.deciding")
    expect(deciding).to_have_text([key])
    expect(page.locator("strong.deciding")).to_have_count(1)  # only inside the highlight
    # Not by colour alone: heavier than the highlight around it, and underlined twice.
    style = deciding.evaluate(
        "el => [getComputedStyle(el).fontWeight, getComputedStyle(el).textDecorationStyle,"
        " getComputedStyle(el.parentElement).fontWeight]")
    assert int(style[0]) > int(style[2]) and style[1] == "double", style
    expect_fits(screenshot(page, "reader-deciding-words"), "reader")
    page.set_viewport_size(PHONE)
    report = check_page(page, "reader-deciding-words")

    page.get_by_role("link", name=re.compile("Back to your result")).click()
    expect(page).to_have_url(re.compile(rf"/result#review-{question.id}$"))
    _in_view(page, f"#review-{question.id}")
    assert not report, "\n".join(report)


def test_the_gradebook_downloads_from_the_results_page(teacher, live_site, screenshot):
    """The instructor's link gives one row per student of the class and a column per question."""
    quiz_id = _class_took_it(live_site.app, live_site.join_code, students=3)
    teacher.goto(f"/instructor/quizzes/{quiz_id}/results")
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="gradebook (CSV)").click()
    body = Path(download.value.path()).read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    with live_site.app.app_context():
        count = db.session.execute(db.select(func.count()).select_from(QuizQuestion)
                                   .where(QuizQuestion.quiz_id == quiz_id)).scalar_one()
    assert rows[0][:3] == ["Student", "Score", "Out of"]
    assert [cell.split(":")[0] for cell in rows[0][3:]] == [f"Q{n}" for n in range(1, count + 1)]
    names = [row[0] for row in rows[1:]]
    assert {f"Statistics student {n}" for n in range(3)} <= set(names)
    assert len(names) == len(set(names))  # one row per student
    for row in rows[1:]:
        assert all(0 <= float(cell) <= 1 for cell in row[3:])
    expect_fits(screenshot(teacher, "results-with-gradebook"), "results")
    report = check_page(teacher, "results-with-gradebook")
    assert not report, "\n".join(report)
