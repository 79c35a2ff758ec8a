"""The story map in real Chromium, for the seed story and every real story of tests/stories/real
(each loaded through the app's own `load-story` command): the instructor's map, the student's map
after submitting, and the reader each opens with the passage a value points at marked. Each page
at 360 and 1280 px, with screenshots in tests/artifacts/ and axe's checks. On a phone the page
itself never scrolls sideways: the table scrolls in its own box, and its first column (the facts)
stays in view, wide enough to read."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizapp import bank, quiz_builder
from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Quiz, Story
from tests.browser.accessibility import check_page
from tests.browser.layout import expect_fits

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED_SLUG = "beijing-denies-chinese-fighters"
REAL = sorted(path for path in (ROOT / "tests" / "stories" / "real").iterdir() if path.is_dir())
TEACHER, PASSWORD = "map-reader", "outlets side by side 7"
WIDTHS = (360, 1280)
# The fact column on a phone: the width it keeps while the outlets scroll under it.
MIN_FACT_COLUMN_PX = 110


@pytest.fixture(scope="module")
def teacher(live_site) -> tuple[str, str]:
    result = live_site.app.test_cli_runner().invoke(
        args=["create-instructor", TEACHER, "--admin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    return TEACHER, PASSWORD


def story_with_quiz(live_site, folder: Path | None) -> tuple[int, str]:
    """The story's id and the join code of a published quiz on it. A real story is loaded with
    `load-story` and given one question of our own (the map does not depend on the questions):
    enough for a student to take a quiz on it and see its map."""
    app = live_site.app
    if folder is None:
        with app.app_context():
            story_id = db.session.execute(
                db.select(Story.id).where(Story.slug == SEED_SLUG)).scalar_one()
        return story_id, live_site.join_code
    result = app.test_cli_runner().invoke(args=["load-story", str(folder)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        story = db.session.execute(
            db.select(Story).where(Story.slug == folder.name)).scalar_one()
        first, second, third = story.articles[:3]
        opening = next(line for line in first.text.splitlines() if line.strip())
        question = core.Question(
            kind="outlet_detail", skill="cross-checking",
            prompt=f"Which outlet's article opens with \u201c{opening[:80]}\u201d?",
            choices=(first.outlet, second.outlet, third.outlet), answer=(0,),
            explanation=f"{first.outlet}'s article opens with it.",
            evidence=(core.Evidence(first.key, opening),))
        bank.store_generated(story, [question], status="approved")
        quiz = quiz_builder.quiz_from_story(story, f"Map check: {story.title}")
        quiz.review_answers = "after_attempt"  # the map comes with the answers
        db.session.commit()
        return story.id, quiz.join_code


def sign_in(page: Page, teacher: tuple[str, str]) -> None:
    page.goto("/sign-in")
    page.get_by_label("Name").fill(teacher[0])
    page.get_by_label("Password").fill(teacher[1])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/instructor/$"))


def submit_an_attempt(page: Page, code: str) -> None:
    page.goto(f"/quiz/{code}")
    page.get_by_label("Your name").fill("Map Reader")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    token = re.search(r"/attempt/([^/?#]+)", page.url).group(1)
    page.goto(f"/attempt/{token}/finish")
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_url(re.compile(r"/result$"))


def check_map_layout(page: Page) -> list[str]:
    """At the width the page has now: the table's box scrolls, not the page; scrolled to its far
    right, the fact column is still at the box's left edge, wide enough to read, its words not
    cut."""
    box = page.locator(".story-map-box")
    problems = []
    scrolls = box.evaluate("b => b.scrollWidth > b.clientWidth")
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    for header in page.locator(".story-map tbody th[scope=row]").all()[:3]:
        place = header.evaluate("""th => {
            const box = th.closest('.story-map-box').getBoundingClientRect();
            const own = th.getBoundingClientRect();
            return {offset: own.left - box.left, width: own.width,
                    cut: th.scrollWidth > th.clientWidth + 1};
        }""")
        if abs(place["offset"]) > 2:
            problems.append(f"the fact column moved {place['offset']:.0f} px off the box's edge")
        if place["width"] < MIN_FACT_COLUMN_PX:
            problems.append(f"the fact column is only {place['width']:.0f} px wide")
        if place["cut"]:
            problems.append("a fact's label is cut")
    box.evaluate("b => { b.scrollLeft = 0; }")
    if not scrolls and page.viewport_size["width"] == 360 and page.locator(
            ".story-map thead th").count() > 2:
        problems.append("at 360 px the outlets' columns should scroll in their box")
    return problems


def check_map(page: Page, name: str, screenshot) -> tuple[list[str], list[str]]:
    """The map page open now, at each width: its table, layout and axe; and its value links."""
    expect(page.locator(".story-map caption")).to_be_visible()
    outlets = page.locator(".story-map thead th[scope=col]").count() - 1
    assert outlets >= 2
    assert page.locator(".story-map tbody th[scope=row]").count() >= 1
    cells = page.locator(".story-map tbody tr").first.locator("td").count()
    assert cells == outlets
    report: list[str] = []
    expect_fits(screenshot(page, name, WIDTHS), name)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        report += [f"{name} at {width} px: {p}" for p in check_map_layout(page)]
        report += check_page(page, f"{name}-{width}")
    links = [a.get_attribute("href") for a in page.locator(".story-map td a").all()]
    return report, links


def check_reader(page: Page, address: str, name: str, screenshot) -> list[str]:
    """The reader a map's value opens: the passage marked, in view, and the page checked."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(address)
    mark = page.locator("mark#marked")
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    expect(page.get_by_role("link", name="Back to the story map")).to_be_visible()
    expect_fits(screenshot(page, name, WIDTHS), name)
    report: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        report += check_page(page, f"{name}-{width}")
    return report


@pytest.mark.parametrize("folder", [None, *REAL],
                         ids=["seed", *(folder.name for folder in REAL)])
def test_the_story_map_renders_for_the_instructor_and_the_student(
        folder, live_site, teacher, new_context, a11y_context, screenshot):
    story_id, code = story_with_quiz(live_site, folder)
    name = f"story-map-{folder.name if folder else 'seed'}"
    report: list[str] = []

    instructor = a11y_context.new_page()
    sign_in(instructor, teacher)
    instructor.goto(f"/instructor/stories/{story_id}")
    instructor.get_by_role("link", name="See the story map").click()
    expect(instructor).to_have_url(re.compile(rf"/instructor/stories/{story_id}/map$"))
    found, links = check_map(instructor, f"{name}-instructor", screenshot)
    report += found
    assert links, "every story's map links at least one value to its passage"
    report += check_reader(instructor, links[0], f"{name}-instructor-reader", screenshot)

    student = new_context(bypass_csp=True).new_page()  # a browser of the student's own
    submit_an_attempt(student, code)
    student.get_by_role("link", name="See the story map").click()
    expect(student).to_have_url(re.compile(r"/attempt/[^/]+/map$"))
    found, student_links = check_map(student, f"{name}-student", screenshot)
    report += found
    assert len(student_links) == len(links)
    report += check_reader(student, student_links[-1], f"{name}-student-reader", screenshot)
    assert not report, "\n".join(report)


def test_a_student_cannot_open_the_map_before_submitting(page, live_site):
    page.goto(f"/quiz/{live_site.join_code}")
    page.get_by_label("Your name").fill("Early Bird")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/attempt/"))
    token = re.search(r"/attempt/([^/?#]+)", page.url).group(1)
    response = page.goto(f"/attempt/{token}/map")
    assert response.status == 404
    with live_site.app.app_context():
        assert db.session.execute(db.select(Quiz).where(
            Quiz.join_code == live_site.join_code)).scalar_one().story is not None
