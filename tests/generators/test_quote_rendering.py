"""quote_rendering: one speaker's words printed differently by different outlets; every key is
proven by which outlets' texts carry the exact wording."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from quizapp.generators import load_story, quote_rendering
from quizapp.generators.model import Article, Story
from quizapp.generators.text import contains_word

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "beijing-denies-chinese-fighters"
STORIES = ROOT / "tests" / "stories"


@cache
def story(path: Path) -> Story:
    return load_story(path)


@cache
def questions(path: Path):
    return tuple(quote_rendering.generate(story(path)))


def outlet_text(path: Path, outlet: str) -> str:
    return "\n".join(a.text for a in story(path).articles if a.outlet == outlet)


def wording(question) -> str:
    return re.findall(r"\u201c(.+?)\u201d", question.prompt)[-1]


def outlet_questions(path: Path):
    outlets = {a.outlet for a in story(path).articles}
    return [q for q in questions(path) if set(q.choices) <= outlets]


def keys(question) -> set[str]:
    return {question.choices[i] for i in question.answer}


def test_seed_finds_the_differing_renderings_of_the_spokesmans_dismissal():
    asked = " ".join(q.prompt + " " + " ".join(q.choices) for q in questions(SEED))
    found = [w for w in ("totally unfounded", "absolutely groundless", "groundless") if f"\u201c{w}\u201d" in asked]
    assert len(found) >= 2, asked
    moscow = [q for q in outlet_questions(SEED) if wording(q) == "absolutely groundless"]
    assert moscow and keys(moscow[0]) == {"The Moscow Times"}
    # Lin Jian is the one quoted, by his full name
    assert all("Lin Jian" in q.prompt for q in questions(SEED) if "groundless" in q.prompt)


def test_outlet_keys_carry_the_wording_and_the_others_do_not():
    for path in (SEED, STORIES / "bridge-closure"):
        assert outlet_questions(path)
        for question in outlet_questions(path):
            for index, outlet in enumerate(question.choices):
                carries = contains_word(outlet_text(path, outlet), wording(question))
                assert carries == (index in question.answer), (outlet, question.prompt)


def test_which_wording_questions_offer_only_wordings_the_outlet_did_not_print():
    for path in (SEED, STORIES / "bridge-closure"):
        for question in questions(path):
            asked = re.search(r"Which wording did (.+) print\?", question.prompt)
            if not asked:
                continue
            text = outlet_text(path, asked.group(1))
            for index, choice in enumerate(question.choices):
                assert contains_word(text, choice.strip("\u201c\u201d")) == (index in question.answer), question


def test_invented_story_short_and_long_renderings():
    bridge = STORIES / "bridge-closure"
    deeply = [q for q in outlet_questions(bridge) if wording(q) == "deeply premature"]
    assert deeply and keys(deeply[0]) == {"Riverside Chronicle"}
    # "premature" alone is inside "deeply premature": The Valley Observer is still a wrong
    # answer, since it never prints "deeply premature".
    assert "The Valley Observer" in deeply[0].choices
    long = [q for q in outlet_questions(bridge) if "Nadia Okonkwo" in q.prompt]
    assert len(long) == 1 and wording(long[0]) == "of the eight support cables"
    assert keys(long[0]) == {"Riverside Chronicle"}


def test_evidence_shows_each_outlets_wording():
    for question in outlet_questions(STORIES / "bridge-closure"):
        by_article = {a.id: a.outlet for a in story(STORIES / "bridge-closure").articles}
        for evidence in question.evidence:
            outlet = by_article[evidence.article]
            assert outlet in question.choices
            if question.choices.index(outlet) in question.answer:
                assert contains_word(evidence.text, wording(question))


def test_silent_when_outlets_agree_or_nobody_is_quoted():
    assert quote_rendering.generate(story(STORIES / "quiet-library-vote")) == []
    same = "Minister Oren Falk called the budget \u201ca careful plan\u201d on Monday."
    agreeing = Story("same", "Same", (Article("a", "Paper One", "Budget", same),
                                      Article("b", "Paper Two", "Budget", same)))
    assert quote_rendering.generate(agreeing) == []


def test_deterministic():
    assert quote_rendering.generate(load_story(SEED)) == quote_rendering.generate(load_story(SEED))
