"""Answering a question of any type the way a student does, for journeys that walk a whole quiz
(the seed quiz mixes single, multiple, matching and find-the-evidence questions), and a whole
quiz answered half wrong and submitted."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def label_of(page: Page, choice):
    """The label a student clicks for a choice (tied to its input by `for`)."""
    field = page.locator(f'fieldset input[value="{choice.value}"]')
    return page.locator(f'label[for="{field.get_attribute("id")}"]')


def field_of(page: Page, choice):
    return page.locator(f'fieldset input[value="{choice.value}"]')


def answer(page: Page, question, right: bool) -> set[int]:
    """Click the labels of the right choices, or of one wrong choice; returns the chosen ids.
    A matching question gets every left item's match from its menu, or for a wrong answer
    its first item a choice that is not its match (a share of 0)."""
    # quiz.js is deferred: it attaches the autosave just before DOMContentLoaded. A click made
    # earlier (the URL changes first) is saved only by the next button, so a test waiting for
    # "Saved" must not click before it (a loaded CI machine once did).
    page.wait_for_load_state("domcontentloaded")
    if question.type == "matching":
        return answer_matching(page, question, right)
    chosen = question.right if right else question.wrong[:1]
    for choice in chosen:
        label_of(page, choice).click()
    for choice in chosen:
        expect(field_of(page, choice)).to_be_checked()
    return {choice.id for choice in chosen}


def answer_matching(page: Page, question, right: bool) -> set[int]:
    by_value = {choice.value: choice.id for choice in question.choices}
    pairs = question.pairs if right else question.pairs[:1]
    chosen = set()
    for left, value in pairs:
        if not right:
            value = next(v for v in by_value if v != value)
        fieldset = page.locator(f'fieldset[data-question-id="{question.id}"]')
        fieldset.get_by_label(left, exact=True).select_option(value=value)
        chosen.add(by_value[value])
    return chosen


def submit_half_wrong(page: Page, token: str, questions) -> None:
    """Answer every odd-numbered question wrong and the others right, one page each, then submit
    and land on the result page."""
    for question in questions:
        page.goto(f"/attempt/{token}/q/{question.number}")
        answer(page, question, right=not question.number % 2)
        page.get_by_role("button", name="Finish").click()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(re.compile(r"/result$"))
