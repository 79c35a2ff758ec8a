"""Accessibility of every kind of page a student or instructor meets, checked in Chromium:
axe-core's rules (vendored, see vendor/axe-core/VERSION.md) with serious and critical violations
failing the test, and plain checks a teacher can state: one h1, a page language, a label for every
input, and a visible keyboard focus. Every page's full axe report is written to
tests/artifacts/axe/."""
from __future__ import annotations

import re

import pytest

from tests.browser.accessibility import check_page

pytestmark = pytest.mark.browser


def test_home_join_and_sign_in_pages(a11y_context, live_site):
    report: list[str] = []
    page = a11y_context.new_page()
    for name, path in [("home", "/"), ("join", f"/quiz/{live_site.join_code}"),
                       ("join-box", "/join"), ("resume", "/resume"), ("sign-in", "/sign-in")]:
        page.goto(path)
        report += check_page(page, name)
    assert not report, "\n".join(report)


def test_attempt_pages(a11y_context, live_site, facts):
    """Question pages (one answer and several), the finish page, the results and the reader."""
    report: list[str] = []
    page = a11y_context.new_page()
    page.goto(f"/quiz/{live_site.join_code}")
    page.get_by_label("Your name").fill("Axe Tester")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    token = re.search(r"/attempt/([^/?#]+)", page.url).group(1)
    questions = facts.questions(token)
    single = next(q for q in questions if not q.multiple)
    multiple = next((q for q in questions if q.multiple), None)
    assert multiple is not None, "the seed quiz should have a choose-all-that-apply question"

    page.goto(f"/attempt/{token}/q/{single.number}")
    report += check_page(page, "question-single")
    page.goto(f"/attempt/{token}/q/{multiple.number}")
    report += check_page(page, "question-multiple")
    page.goto(f"/attempt/{token}/resume-code")
    report += check_page(page, "resume-code")
    page.goto(f"/attempt/{token}/finish")
    report += check_page(page, "finish")
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(re.compile(r"/result$"))
    report += check_page(page, "results")
    evidence_id, article_id, _passage = next(e for q in questions for e in q.evidence)
    page.goto(f"/attempt/{token}/articles/{article_id}?evidence={evidence_id}")
    report += check_page(page, "reader")
    assert not report, "\n".join(report)


def test_all_on_one_and_immediate_feedback_pages(a11y_context, make_quiz, facts):
    report: list[str] = []
    page = a11y_context.new_page()
    code = make_quiz(per_kind=1, layout="all_on_one", feedback="immediate", time_limit_minutes=30)
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill("Axe Tester")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    token = re.search(r"/attempt/([^/?#]+)", page.url).group(1)
    report += check_page(page, "all-on-one")
    first = facts.questions(token)[0]
    page.locator(f'fieldset input[value="{first.wrong[0].value}"]').check()
    page.get_by_role("button", name="Check this answer").first.click()
    page.locator(".feedback").first.wait_for()
    report += check_page(page, "all-on-one-feedback")
    page.get_by_role("button", name="Save my answers").click()
    page.locator(".flashes").wait_for()
    report += check_page(page, "all-on-one-saved")
    assert not report, "\n".join(report)


def test_a_result_whose_answers_wait_for_the_closing(a11y_context, make_quiz):
    """The review options' page: the student's answers, no key, and what waits for when."""
    page = a11y_context.new_page()
    code = make_quiz(per_kind=1, review_answers="after_close", review_score="after_close")
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill("Axe Tester")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    token = re.search(r"/attempt/([^/?#]+)", page.url).group(1)
    page.goto(f"/attempt/{token}/finish")
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(re.compile(r"/result$"))
    report = check_page(page, "results-waiting")
    assert not report, "\n".join(report)


def test_error_pages(a11y_context):
    report: list[str] = []
    page = a11y_context.new_page()
    page.goto("/quiz/NOSUCHCODE")
    report += check_page(page, "not-found")
    assert not report, "\n".join(report)


def test_instructor_pages(a11y_context, live_site):
    """The instructor's pages, on the seed story and its quiz (the seed is the admins')."""
    report: list[str] = []
    result = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", "axe-teacher", "--admin"], input="a long enough password\n")
    assert result.exit_code == 0, result.output
    page = a11y_context.new_page()
    page.goto("/sign-in")
    page.get_by_label("Name").fill("axe-teacher")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/instructor/$"))
    report += check_page(page, "instructor-dashboard")
    dashboard = page.url

    def follow(link) -> None:
        # By address, so the check never runs on a page that is still being left.
        page.goto(link.first.get_attribute("href"))

    follow(page.get_by_role("link", name="Add a story"))
    report += check_page(page, "instructor-new-story")
    page.goto(dashboard)
    follow(page.locator(".story-list a"))
    report += check_page(page, "instructor-story")
    story = page.url
    follow(page.get_by_role("link", name="Import questions"))
    report += check_page(page, "instructor-import-questions")
    page.goto(story)
    follow(page.get_by_role("link", name="Build a quiz"))
    report += check_page(page, "instructor-quiz-form")
    page.goto(dashboard)
    follow(page.locator(".quiz-list li > a"))
    report += check_page(page, "instructor-quiz")
    page.goto(dashboard)
    for name, link in [("instructor-results", "attempts and scores"),
                       ("instructor-items", "item analysis"), ("instructor-skills", "skills")]:
        follow(page.get_by_role("link", name=link, exact=True))
        report += check_page(page, name)
        page.goto(dashboard)
    page.goto("/instructor/review")
    report += check_page(page, "instructor-review")
    assert not report, "\n".join(report)
