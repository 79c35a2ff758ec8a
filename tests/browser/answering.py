"""Answering a question of any type the way a student does, for journeys that walk a whole quiz
(the seed quiz mixes single, multiple, matching and find-the-evidence questions)."""
from __future__ import annotations

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
