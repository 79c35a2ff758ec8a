"""A student's journey in real Chromium: join with the code, answer with mouse and keyboard,
lose the page and come back (reload, a new tab, another device), submit, read the score, the
skills and the evidence highlighted in its article; and the same without JavaScript, with
immediate feedback, a time limit and a closed book.

The database tells each test which choices are right (the pages never do before feedback), so
the tests answer some right and some wrong on purpose and check the score the page shows.
"""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from quizapp.models import now
from tests.browser.answering import answer, field_of
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

QUESTION_URL = re.compile(r"/attempt/[^/?#]+/q/\d+$")
RESULT_URL = re.compile(r"/attempt/[^/?#]+/result$")


def token_of(page: Page) -> str:
    return re.search(r"/attempt/([^/?#]+)", page.url).group(1)


def expect_saved(page: Page) -> None:
    """The page's status line says the autosave landed."""
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()


def join_from_home(page: Page, code: str, name: str) -> str:
    page.goto("/")
    page.get_by_label("Quiz code").fill(code)
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start", exact=True).click()
    # The quiz's intro page comes first, with the name carried over; its button starts the clock.
    expect(page.get_by_label("Your name")).to_have_value(name)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    return token_of(page)


def join_by_link(page: Page, code: str, name: str) -> str:
    page.goto(f"/join?code={code}")
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(QUESTION_URL)
    return token_of(page)


def normalised(text: str) -> str:
    return " ".join(text.split())


def expect_evidence_in_view(page: Page, evidence_id: int, passage: str) -> None:
    """The reader view marks the passage and has scrolled it into the window."""
    mark = page.locator(f"mark#evidence-{evidence_id}")
    expect(mark).to_be_visible()
    assert normalised(passage) in normalised(mark.text_content())
    box = mark.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, (
        f"the highlighted passage is at y={box and box['y']}, outside the {height}px window")


def unfold(page: Page, question_id: int) -> None:
    """Open a result card's folded details: a right answer's evidence waits to be asked for."""
    folded = page.locator(f"#review-{question_id} details:not([open]) > summary")
    if folded.count():
        folded.click()


def deepest_evidence(facts, questions):
    """The (question, evidence) whose passage sits furthest into its article (within one
    paragraph, so one mark holds it all)."""
    def depth(pair):
        _question, (_id, article_id, passage) = pair
        text = facts.article_text(article_id)
        return text.find(passage) / max(len(text), 1)

    pairs = [(q, e) for q in questions for e in q.evidence if "\n\n" not in e[2]]
    return max(pairs, key=depth)


def test_answers_survive_reload_new_tab_and_another_device(context, new_context, live_site,
                                                           facts):
    page = context.new_page()
    # Typed as a student might: lower case, a space in the middle.
    code = live_site.join_code
    token = join_from_home(page, f"{code[:3].lower()} {code[3:].lower()}", "Ada Lovelace")
    questions = facts.questions(token)
    expect(page.get_by_text(f"Question 1 of {len(questions)}")).to_be_visible()
    # The resume code is shown once, on this first page, and after that only when asked for.
    resume_code = facts.attempt(token)["resume_code"]
    expect(page.locator(".flashes")).to_contain_text(f"Your resume code is {resume_code}.")
    page.reload()
    expect(page.get_by_text(resume_code)).to_have_count(0)
    page.get_by_role("link", name="Show my resume code").click()
    assert page.locator(".resume-code").inner_text().strip() == resume_code
    page.go_back()

    # Question 1 with the mouse: a wrong choice first, then the student changes their mind.
    first = questions[0]
    answer(page, first, right=False)
    expect_saved(page)
    chosen_first = answer(page, first, right=True)
    expect_saved(page)
    page.reload()
    for choice in first.right:
        expect(field_of(page, choice)).to_be_checked()
    for choice in first.wrong:
        expect(field_of(page, choice)).not_to_be_checked()
    assert facts.saved(token)[first.id] == chosen_first

    # The next single-choice question (the seed quiz mixes item types; matching is answered from
    # menus in tests/browser/test_item_types.py) with the keyboard only: Tab to the choices,
    # Space to choose, Enter to go on.
    second = next(question for question in questions[1:] if question.type == "single")
    n = second.number
    page.goto(f"/attempt/{token}/q/{n}")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "answer":
            break
    else:
        pytest.fail(f"Tab never reached the choices of question {n}")
    page.keyboard.press("Space")
    chosen_second = {facts.choice_id(token, page.evaluate("() => document.activeElement.value"))}
    expect(page.locator("fieldset input:checked")).to_have_count(1)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/q/{n + 1}$"))
    assert facts.saved(token)[second.id] == chosen_second

    # A reload mid-quiz keeps the place; Back shows the keyboard answer.
    page.reload()
    expect(page).to_have_url(re.compile(rf"/q/{n + 1}$"))
    expect(page.get_by_text(f"Question {n + 1} of {len(questions)}")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(page).to_have_url(re.compile(rf"/q/{n}$"))
    (chosen_id,) = chosen_second
    (chosen,) = [c for c in second.choices if c.id == chosen_id]
    expect(field_of(page, chosen)).to_be_checked()

    # The tab is closed; a new one in the same browser finds the attempt from the home page.
    page.close()
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name=re.compile("Continue Ada Lovelace")).click()
    expect(page).to_have_url(QUESTION_URL)
    assert token_of(page) == token

    # Another device: the quiz code, the name and the resume code open the same attempt.
    other = new_context().new_page()
    other.goto("/resume")
    other.get_by_label("Quiz code").fill(code)
    other.get_by_label("Your name").fill("Ada Lovelace")
    other.get_by_label("Resume code").fill(resume_code.lower())
    other.get_by_role("button", name="Resume").click()
    expect(other).to_have_url(QUESTION_URL)
    assert token_of(other) == token
    other.goto(f"/attempt/{token}/q/1")
    for choice in first.right:
        expect(field_of(other, choice)).to_be_checked()

    # A wrong resume code finds nothing and says so.
    other.goto("/resume")
    other.get_by_label("Quiz code").fill(code)
    other.get_by_label("Your name").fill("Ada Lovelace")
    other.get_by_label("Resume code").fill("ZZZZZZ" if resume_code != "ZZZZZZ" else "YYYYYY")
    other.get_by_role("button", name="Resume").click()
    expect(other.get_by_role("alert")).to_contain_text("No attempt matches")

    assert facts.tokens_of(code, "Ada Lovelace") == [token]


def test_submit_then_score_skills_review_and_evidence(page, live_site, facts, screenshot):
    token = join_by_link(page, live_site.join_code, "Grace Hopper")
    questions = facts.questions(token)
    total = len(questions)
    # Right on odd-numbered questions, wrong on even ones: the score must say exactly that.
    plan = {q.number: q.number % 2 == 1 for q in questions}
    multiple_seen = False
    for question in questions:
        expect(page).to_have_url(re.compile(rf"/q/{question.number}$"))
        expect(page.get_by_text(f"Question {question.number} of {total}")).to_be_visible()
        expect(page.locator("fieldset legend")).to_contain_text(question.prompt[:40])
        if question.multiple:
            expect(page.locator("fieldset legend")).to_contain_text("all that apply")
            expect(page.locator("fieldset input[type=checkbox]")).to_have_count(
                len(question.choices))
            if not multiple_seen:
                answer(page, question, plan[question.number])
                expect_saved(page)
                expect_fits(screenshot(page, "question-multiple"), "question-multiple")
                multiple_seen = True
                button = "Finish" if question.number == total else "Next"
                page.get_by_role("button", name=button, exact=True).click()
                continue
        answer(page, question, plan[question.number])
        if question.number == 1:
            expect_saved(page)
            expect_fits(screenshot(page, "question"), "question")
        button = "Finish" if question.number == total else "Next"
        page.get_by_role("button", name=button, exact=True).click()

    expect(page).to_have_url(re.compile(r"/finish$"))
    expect(page.get_by_text(f"You answered {total} of {total} questions")).to_be_visible()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(RESULT_URL)

    right = sum(plan.values())
    expect(page.locator(".score")).to_contain_text(f"{right} out of {total}")
    assert facts.attempt(token)["score"] == right

    # The skills table: per skill, how many right of how many.
    by_skill: dict[str, list[int]] = {}
    for question in questions:
        counts = by_skill.setdefault(question.skill, [0, 0])
        counts[0] += int(plan[question.number])
        counts[1] += 1
    rows = page.locator("table.skills tbody tr")
    expect(rows).to_have_count(len(by_skill))
    for skill, (got, of) in by_skill.items():
        row = rows.filter(
            has=page.locator("th", has_text=re.compile(rf"^{re.escape(skill)}", re.I))
        )
        expect(row).to_have_count(1)
        expect(row.locator("td").nth(0)).to_have_text(str(got))
        expect(row.locator("td").nth(1)).to_have_text(str(of))

    # Every question reviewed, with the verdict the plan implies and the right answers tagged.
    reviews = page.locator("ol.review > li")
    expect(reviews).to_have_count(total)
    for question in questions:
        review = page.locator(f"#review-{question.id}")
        verdict = review.locator(".verdict")
        if plan[question.number]:
            expect(verdict).not_to_contain_text("Not")
        else:
            expect(verdict).to_contain_text("Not right")
        if question.type == "matching":  # each pair listed with the student's answer
            expect(review.locator(".key-pairs li")).to_have_count(len(question.pairs))
        else:
            expect(review.locator(".tag.key")).to_have_count(len(question.right))
    expect_fits(screenshot(page, "results"), "results")

    # Evidence: the link opens the article with the passage marked and scrolled into view. The
    # passage printed furthest down its article, so the reader view really has to scroll.
    question, (evidence_id, _article_id, passage) = deepest_evidence(facts, questions)
    unfold(page, question.id)
    page.locator(f"#review-{question.id} a[href*='evidence={evidence_id}']").click()
    expect(page).to_have_url(re.compile(rf"/articles/\d+\?evidence={evidence_id}"))
    expect_evidence_in_view(page, evidence_id, passage)
    expect_fits(screenshot(page, "reader"), "reader")


def test_quiz_works_without_javascript(new_context, make_quiz, facts):
    code = make_quiz(per_kind=1, title="No-script quiz")
    page = new_context(java_script_enabled=False).new_page()
    token = join_from_home(page, code, "Linus")
    questions = facts.questions(token)
    expect(page.locator("script[src$='quiz.js']")).to_have_count(1)  # present, but not run
    chosen = {}
    for question in questions:
        chosen[question.id] = answer(page, question, right=True)
        button = "Finish" if question.number == len(questions) else "Next"
        page.get_by_role("button", name=button, exact=True).click()
    # The buttons saved every answer without any script.
    assert facts.saved(token) == chosen
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.locator(".score")).to_contain_text(f"{len(questions)} out of {len(questions)}")


def test_all_on_one_page_autosaves_and_submits(page, make_quiz, facts):
    code = make_quiz(per_kind=1, layout="all_on_one")
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill("Margaret")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/attempt/[^/?#]+$"))
    token = token_of(page)
    questions = facts.questions(token)
    expect(page.locator("fieldset")).to_have_count(len(questions))
    first, second = questions[0], questions[1]
    answer(page, first, right=True)
    expect_saved(page)
    answer(page, second, right=False)
    expect_saved(page)
    page.reload()
    for choice in first.right:
        expect(field_of(page, choice)).to_be_checked()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text(f"You answered 2 of {len(questions)} questions")).to_be_visible()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.locator(".score")).to_contain_text(f"1 out of {len(questions)}")


def test_immediate_feedback_shows_verdict_and_evidence(page, make_quiz, facts):
    code = make_quiz(per_kind=1, feedback="immediate")
    token = join_by_link(page, code, "Katherine")
    questions = facts.questions(token)
    first = next(q for q in questions if q.evidence)
    page.goto(f"/attempt/{token}/q/{first.number}")
    answer(page, first, right=False)
    page.get_by_role("button", name="Check my answer").click()
    feedback = page.locator(".feedback")
    expect(feedback).to_contain_text("Not right")
    for choice in first.choices:
        expect(field_of(page, choice)).to_be_disabled()  # a checked answer is final
    expect(page.locator(".tag.key")).to_have_count(len(first.right))
    expect(page.get_by_role("button", name="Check my answer")).to_have_count(0)

    evidence_id, _article_id, passage = first.evidence[0]
    feedback.locator(f"a[href*='evidence={evidence_id}']").click()
    expect_evidence_in_view(page, evidence_id, passage)
    page.go_back()

    other = next(q for q in questions if q.number != first.number)
    page.goto(f"/attempt/{token}/q/{other.number}")
    expect(page.locator(".feedback")).to_have_count(0)  # nothing shown before checking
    answer(page, other, right=True)
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator(".feedback")).to_contain_text("Right")
    expect(page.locator(".feedback")).not_to_contain_text("Not right")


def test_time_limit_is_enforced_by_the_server(page, make_quiz, facts):
    code = make_quiz(per_kind=1, time_limit_minutes=5)
    token = join_by_link(page, code, "Hedy")
    questions = facts.questions(token)
    timer = page.get_by_role("timer")
    expect(timer).to_contain_text("Time left")
    expect(timer).to_contain_text(re.compile(r"\d+ min \d+ s"))  # the script's countdown
    answer(page, questions[0], right=True)
    expect_saved(page)
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"/q/2$"))

    # The deadline passes (moved in the database: no test waits five minutes).
    facts.move_deadline(token, now() - timedelta(minutes=2))
    answer(page, questions[1], right=True)
    expect(page.get_by_role("status").filter(has_text="not saved")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_text("Time is up")).to_be_visible()
    expect(page.locator(".score")).to_contain_text(f"1 out of {len(questions)}")
    assert set(facts.saved(token)) >= {questions[0].id}
    assert not facts.saved(token).get(questions[1].id)


def test_closed_book_hides_the_articles_until_submission(page, make_quiz, facts):
    code = make_quiz(per_kind=1, open_book=False)
    token = join_by_link(page, code, "Rosalind")
    questions = facts.questions(token)
    expect(page.get_by_role("heading", name=re.compile("articles", re.I))).to_have_count(0)
    expect(page.locator("a[href*='/articles/']")).to_have_count(0)
    question = next(q for q in questions if q.evidence)
    evidence_id, article_id, passage = question.evidence[0]
    response = page.goto(f"/attempt/{token}/articles/{article_id}")
    assert response.status == 404

    page.goto(f"/attempt/{token}/finish")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(RESULT_URL)
    page.locator(f"#review-{question.id} a[href*='evidence={evidence_id}']").click()
    expect_evidence_in_view(page, evidence_id, passage)
