"""Our QTI 3.0 export of the seed quiz loaded in a real QTI 3 player, @citolab/qti-components
from npm, in headless Chromium: each item answered right and wrong, and the score the player's
response processing computes is the score our grading gives the same choices. The article
(the shared stimulus) and the feedback with the evidence show beside the question.

The player is installed from npm when missing (qti_player/ensure.sh); the test skips, saying
why, only when npm cannot reach the registry."""
from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from quizapp import grading, scoring
from quizapp.exports import question_bank
from quizapp.extensions import db
from quizapp.interchange import qti3
from quizapp.models import Question, Quiz, Response
from tests.interchange.support import MATCHING, typed_bank

pytestmark = pytest.mark.browser

PLAYER = Path(__file__).resolve().parents[1] / "interchange" / "qti_player"
BUNDLE = PLAYER / "node_modules" / "@citolab" / "qti-components" / "cdn" / "index.js"
ORIGIN = "http://qti.test"  # answered by Playwright's router: nothing leaves the machine
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>QTI player</title>
</head><body><main id="item"></main>
<script type="module">
import { qtiTransformItem } from '/player/index.js';
window.loadItem = async (href) => {
  const api = await qtiTransformItem().load(href);
  const holder = document.getElementById('item');
  holder.replaceChildren(api.htmlDoc());
  await customElements.whenDefined('qti-assessment-item');
  await holder.querySelector('qti-assessment-item').updateComplete;
};
window.answer = (values) => {
  // As an interaction reports a drag or a pairing: for matching and ordering, whose pointer
  // gestures are the player's own business, not what this test checks.
  document.querySelector('qti-assessment-item').updateResponseVariable('RESPONSE', values);
};
window.score = () => {
  const item = document.querySelector('qti-assessment-item');
  item.processResponse();
  return [Number(item.getOutcome('SCORE').value), item.getOutcome('FEEDBACK').value];
};
window.ready = true;
</script></body></html>"""


@pytest.fixture(scope="module")
def player() -> Path:
    done = subprocess.run(["bash", str(PLAYER / "ensure.sh")], capture_output=True, text=True,
                          timeout=600, check=False)
    if done.returncode == 3:
        pytest.skip(f"QTI player not installed: {done.stdout.strip() or done.stderr.strip()}")
    assert done.returncode == 0, done.stdout + done.stderr
    subprocess.run(["bash", str(Path(__file__).resolve().parents[1] / "ensure-chromium.sh")],
                   check=True, timeout=900)
    return BUNDLE


@pytest.fixture(scope="module")
def qti_page(player, browser):
    """One Chromium page with the player, serving whatever package `served` holds; in the
    browser tests' own Chromium, since Playwright's sync API runs one instance a thread."""
    served: dict[str, bytes] = {}
    errors: list[str] = []
    page = browser.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(f"{ORIGIN}/**", _router(served, player))
    page.goto(f"{ORIGIN}/index.html")
    page.wait_for_function("window.ready === true")
    yield page, served, errors
    page.close()


def _router(files: dict[str, bytes], bundle: Path):
    def handle(route):
        path = route.request.url.removeprefix(ORIGIN + "/")
        if path == "index.html":
            return route.fulfill(body=PAGE, content_type="text/html")
        if path == "player/index.js":
            return route.fulfill(path=str(bundle), content_type="text/javascript")
        name = path.removeprefix("package/")
        if name in files:
            return route.fulfill(body=files[name], content_type="application/xml")
        return route.fulfill(status=404, body="")
    return handle


def answers_to_try(question: Question) -> list[list[int]]:
    """Choice positions to answer with: the key; each wrong choice alone; and for several
    right choices, the key short of one and the key plus a wrong one."""
    key = [i for i, c in enumerate(question.choices) if c.correct]
    wrong = [i for i, c in enumerate(question.choices) if not c.correct]
    tries = [key] + [[i] for i in wrong]
    if len(key) > 1:
        tries += [key[:-1], sorted([*key, wrong[0]])] if wrong else [key[:-1]]
    return tries


def our_score(question: Question, positions: list[int]) -> float:
    """What our grading gives these choices (a response never stored)."""
    return grading.response_score(question, Response(chosen=[question.choices[i]
                                                             for i in positions]))


def _package(bank) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(qti3.write(bank).data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_player_scores_every_seed_choice_item_as_we_do(first_run, qti_page):
    page, served, errors = qti_page
    with first_run.app_context():
        # The seed quiz `setup` published first; other browser tests may have built more.
        quiz = db.session.execute(db.select(Quiz).order_by(Quiz.id).limit(1)).scalar_one()
        served.clear()
        served.update(_package(question_bank.quiz_bank(quiz)))
        cases = []
        for slot in quiz.items:
            question = slot.question
            if question.type not in ("single", "multiple"):
                continue  # matching and ordering: the test below; evidence: in no package
            article = question.evidence[0].article.text.split("\n")[0] if question.evidence \
                else None
            for positions in answers_to_try(question):
                cases.append((f"question-{question.id}", positions,
                              our_score(question, positions), question.explanation, article))
    assert {case[2] for case in cases} == {0, 1}  # right and wrong answers both tried

    seen = []
    for ident, positions, ours, explanation, article in cases:
        page.evaluate(f"loadItem('/package/{ident}.xml')")
        for position in positions:
            page.click(f"qti-simple-choice[identifier=C{position + 1}]")
        theirs, feedback = page.evaluate("score()")
        seen.append((ident, positions, theirs, ours))
        assert feedback == "EXPLANATION"
        assert explanation.split("\n")[0] in page.inner_text("#item")
        if article:
            page.wait_for_function(
                "t => document.getElementById('item').innerText.includes(t)", arg=article)
    assert errors == []
    assert [(i, p, theirs) for i, p, theirs, _ in seen] == [(i, p, ours) for i, p, _, ours in seen]


# Matching: Coast Courier (L1) -> 14 (R3), Bay Wire (L2) -> 12 (R1); 20 (R2) is the distractor.
MATCHING_ANSWERS = [
    {0: 2, 1: 0},  # both right
    {0: 2, 1: 1},  # one right
    {0: 0, 1: 2},  # swapped
    {0: 1},  # one left unpaired, and wrong
    {},  # nothing
]
# Ordering: the right order is C1, C2, C3.
ORDERS = [[0, 1, 2], [1, 0, 2], [0, 2, 1], [2, 1, 0], [2, 0, 1], [1, 2, 0], []]


def test_the_player_gives_matching_and_ordering_our_partial_credit(qti_page):
    page, served, errors = qti_page
    served.clear()
    served.update(_package(typed_bank()))
    seen = []
    page.evaluate("loadItem('/package/question-4.xml')")
    for answer in MATCHING_ANSWERS:
        page.evaluate("answer", [f"L{left + 1} R{right + 1}" for left, right in answer.items()])
        theirs, _ = page.evaluate("score()")
        seen.append((answer, theirs, scoring.matching_score(dict(enumerate(MATCHING.matches)),
                                                            answer)))
    page.evaluate("loadItem('/package/question-5.xml')")
    for order in ORDERS:
        page.evaluate("answer", [f"C{i + 1}" for i in order])
        theirs, _ = page.evaluate("score()")
        seen.append((order, theirs, scoring.ordering_score([0, 1, 2], order)))
    assert errors == []
    assert {ours for *_, ours in seen} >= {0.0, 0.5, 1.0}  # partial credit is tried
    assert [(a, round(theirs, 6)) for a, theirs, _ in seen] == [
        (a, round(ours, 6)) for a, _, ours in seen]
