"""quote_rendering: one speaker's words printed differently by different outlets; every key is
proven by which outlets' texts carry the exact wording."""
from __future__ import annotations

import re

from quizapp.generators import load_story, quote_rendering
from quizapp.generators.model import Article, Story
from quizapp.generators.text import contains_word

from tests.generators.reading import SEED, keys, outlet_text

KIND = "quote_rendering"


def wording(question) -> str:
    return re.findall(r"\u201c(.+?)\u201d", question.prompt)[-1]


def outlet_questions(story: Story, questions) -> list:
    """The questions whose choices are the story's outlets."""
    outlets = {a.outlet for a in story.articles}
    return [q for q in questions if set(q.choices) <= outlets]


def test_seed_finds_the_differing_renderings_of_the_spokesmans_dismissal(seed_story, questions):
    seed = questions(seed_story)
    asked = " ".join(q.prompt + " " + " ".join(q.choices) for q in seed)
    found = [w for w in ("totally unfounded", "absolutely groundless", "groundless") if f"\u201c{w}\u201d" in asked]
    assert len(found) >= 2, asked
    moscow = [q for q in outlet_questions(seed_story, seed) if wording(q) == "absolutely groundless"]
    assert moscow and keys(moscow[0]) == {"The Moscow Times"}
    # Lin Jian is the one quoted, by his full name
    assert all("Lin Jian" in q.prompt for q in seed if "groundless" in q.prompt)


def test_outlet_keys_carry_the_wording_and_the_others_do_not(seed_story, story, questions):
    for s in (seed_story, story("bridge-closure")):
        assert outlet_questions(s, questions(s))
        for question in outlet_questions(s, questions(s)):
            for index, outlet in enumerate(question.choices):
                carries = contains_word(outlet_text(s, outlet), wording(question))
                assert carries == (index in question.answer), (outlet, question.prompt)


def test_which_wording_questions_offer_only_wordings_the_outlet_did_not_print(seed_story, story, questions):
    for s in (seed_story, story("bridge-closure")):
        for question in questions(s):
            asked = re.search(r"Which wording did (.+) print\?", question.prompt)
            if not asked:
                continue
            text = outlet_text(s, asked.group(1))
            for index, choice in enumerate(question.choices):
                assert contains_word(text, choice.strip("\u201c\u201d")) == (index in question.answer), question


def test_invented_story_short_and_long_renderings(story, questions):
    bridge = outlet_questions(story("bridge-closure"), questions(story("bridge-closure")))
    deeply = [q for q in bridge if wording(q) == "deeply premature"]
    assert deeply and keys(deeply[0]) == {"Riverside Chronicle"}
    # "premature" alone is inside "deeply premature": The Valley Observer is still a wrong
    # answer, since it never prints "deeply premature".
    assert "The Valley Observer" in deeply[0].choices
    long = [q for q in bridge if "Nadia Okonkwo" in q.prompt]
    assert len(long) == 1 and wording(long[0]) == "of the eight support cables"
    assert keys(long[0]) == {"Riverside Chronicle"}


def test_evidence_shows_each_outlets_wording(story, questions):
    bridge = story("bridge-closure")
    for question in outlet_questions(bridge, questions(bridge)):
        by_article = {a.id: a.outlet for a in bridge.articles}
        for evidence in question.evidence:
            outlet = by_article[evidence.article]
            assert outlet in question.choices
            if question.choices.index(outlet) in question.answer:
                assert contains_word(evidence.text, wording(question))


def test_silent_when_outlets_agree_or_nobody_is_quoted(story):
    assert quote_rendering.generate(story("quiet-library-vote")) == []
    same = "Minister Oren Falk called the budget \u201ca careful plan\u201d on Monday."
    agreeing = Story("same", "Same", (Article("a", "Paper One", "Budget", same),
                                      Article("b", "Paper Two", "Budget", same)))
    assert quote_rendering.generate(agreeing) == []


def test_deterministic():
    assert quote_rendering.generate(load_story(SEED)) == quote_rendering.generate(load_story(SEED))
