"""An instructor makes a find-the-evidence question in real Chromium by ticking an article's
sentences, with JavaScript (choosing the article lays its sentences out in place) and without
(the "Show its sentences" button reloads the form, keeping what was typed); the page passes axe
(run where scripts run) and fits a 360 px phone; the question is then saved with the ticked
sentence as its key. The matching and ordering forms pass axe and fit a phone too."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Question, Story
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

PASSWORD = "sentences to tick 7"


def sign_in(page, name: str) -> None:
    page.goto("/instructor/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your stories and quizzes")


@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
def test_an_instructor_ticks_the_sentence_that_proves_a_claim(
        live_site, new_context, screenshot, script):
    name = f"evidence-{'js' if script else 'plain'}"
    # An admin: the seed story is the admins' (a plain account is admin only when it is the
    # server's first, which depends on the order the browser tests run in).
    made = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", name, "--admin"], input=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    with live_site.app.app_context():
        story = db.session.execute(db.select(Story).order_by(Story.id)).scalars().first()
        story_id, article = story.id, story.articles[0]
        article_label = f"{article.outlet_or_unknown}: {article.title}" if article.title \
            else article.outlet_or_unknown
    prompt = f"Find the sentence that opens the report ({name})."

    # axe is added to the page as a script of its own: the CSP that refuses inline scripts is
    # set aside for it, as the other accessibility checks do.
    page = new_context(java_script_enabled=script, bypass_csp=True).new_page()
    sign_in(page, name)
    page.goto(f"/instructor/stories/{story_id}/questions/new")
    page.get_by_label("Type of question").select_option("evidence")
    page.get_by_role("button", name="Use this type").click()
    expect(page.get_by_text("Pick the article, then press")).to_be_visible()
    page.get_by_label("Question", exact=True).fill(prompt)
    page.get_by_label("Skill", exact=True).select_option("evidence")
    page.get_by_label(re.compile("^Explanation")).fill("The report's first sentence says it.")

    if script:
        page.evaluate("() => { window.sameDocument = true; }")
    page.get_by_label("Article", exact=True).focus()
    page.get_by_label("Article", exact=True).select_option(label=article_label)
    if not script:
        page.get_by_role("button", name="Show its sentences").click()
    sentences = page.locator("#sentence-list input[type=checkbox]")
    expect(sentences.first).to_be_visible()
    if script:  # laid out in place: the same document, the focus still on the menu
        assert page.evaluate("() => window.sameDocument === true")
        expect(page.get_by_label("Article", exact=True)).to_be_focused()
        expect(page.get_by_role("status").filter(has_text="sentences are shown")).to_have_count(1)
    # What was typed is kept, with or without a reload.
    expect(page.get_by_label("Question", exact=True)).to_have_value(prompt)
    first = page.locator("#sentence-list label").first.inner_text().strip()
    assert first and first in article.text

    if script:  # axe runs as a script of the page: the same markup, laid out by the server
        report = check_page(page, "question-form-evidence")
        assert not report, "\n".join(report)
    expect_fits(screenshot(page, f"question-form-{name}"), "question form")

    page.get_by_label(first, exact=True).check()
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text("Question added and approved.")).to_be_visible()

    with live_site.app.app_context():
        question = db.session.execute(
            db.select(Question).where(Question.prompt == prompt)).scalar_one()
        assert question.type == "evidence" and question.origin == "manual"
        assert [choice.text for choice in question.key] == [first]
        assert len(question.choices) > 1
        assert all(choice.text in article.text for choice in question.choices)
        assert [(e.article_id, e.passage) for e in question.evidence] == [(article.id, first)]


def test_the_matching_and_ordering_forms_pass_axe_and_fit_a_phone(
        live_site, new_context, screenshot):
    made = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", "pairs-and-orders", "--admin"], input=PASSWORD + "\n")
    assert made.exit_code == 0, made.output
    with live_site.app.app_context():
        story_id = db.session.execute(db.select(Story.id).order_by(Story.id)).scalars().first()
    page = new_context(bypass_csp=True).new_page()
    sign_in(page, "pairs-and-orders")
    report = []
    for kind, part in (("matching", "Pair 6"), ("ordering", "Item 6 in the right order")):
        page.goto(f"/instructor/stories/{story_id}/questions/new?type={kind}")
        expect(page.get_by_text(part, exact=True)).to_be_visible()
        expect_fits(screenshot(page, f"question-form-{kind}"), f"question form ({kind})")
        report += check_page(page, f"question-form-{kind}")
    assert not report, "\n".join(report)
