"""provenance: which outlets carry one text, which copy names its source, and what a copy
changes. Keys rest on the text the outlets share, measured; a wrong outlet is one whose text
shares no run of sentences with the copies."""
from __future__ import annotations

from functools import cache

import pytest

from quizapp.generators import load_story
from quizapp.generators.kinds import provenance
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from tests.generators.corpus import SEED, STORIES, key, keys

KIND = "provenance"
REAL = sorted(p for p in (STORIES / "real").iterdir() if p.is_dir())

WIRE = [
    "A ferry carrying 212 passengers ran aground off Kessel Point late on Tuesday night.",
    "The coastguard sent two lifeboats and a helicopter to the stranded vessel within an hour.",
    "All passengers were brought ashore by dawn, and four were taken to hospital with minor "
    "injuries.",
    "The operator said the ferry had been inspected in March and found fit to sail.",
    "Investigators from the maritime safety board will board the vessel on Thursday.",
]
OWN = [
    ["Rescuers worked through the night after a passenger boat struck rocks near Kessel.",
     "Local fishermen helped to guide people onto the jetty as the tide turned.",
     "Nobody was seriously hurt, according to the regional health service."],
    ["The crossing had been rough for most of the week, residents of the island said.",
     "A spokeswoman for the ferry company promised a full inquiry into the grounding.",
     "Two more sailings were cancelled on Wednesday as the weather worsened."],
]


def story(*articles: tuple[str, list[str]]) -> StoryModel:
    return StoryModel(Story("s", "s", tuple(
        Article(name, name.title(), "", "\n\n".join(text)) for name, text in articles)))


def test_the_outlets_carrying_an_agency_text_without_naming_it():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", list(WIRE)),
                  ("island", [*WIRE[:4], "The operator told AP the ferry was insured."]),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = [q for q in provenance.write(model) if "without naming" in q.prompt]
    assert keys(question) == {"Gazette"}
    assert {"Island", "Notes", "Review"} <= set(question.choices)  # credits AP / own words
    assert "AP" not in question.prompt


def test_the_same_text_and_the_outlets_that_do_not_share_it():
    model = story(("courier", list(WIRE)), ("gazette", list(WIRE)),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = provenance.write(model)
    assert keys(question) == {"Gazette"} or keys(question) == {"Courier"}
    assert set(question.choices) - keys(question) == {"Notes", "Review"}


def test_a_copy_that_changes_a_figure():
    changed = [*WIRE[:1], WIRE[1].replace("within an hour", "within three hours"), *WIRE[2:]]
    model = story(("courier", list(WIRE)), ("gazette", changed),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = [q for q in provenance.write(model) if "differently" in q.prompt]
    assert "within an hour" in key(question) or "an hour" in key(question)
    assert "Courier" in question.prompt and "Gazette" in question.prompt
    for wrong in set(question.choices) - keys(question):
        assert wrong in "\n".join(changed)  # printed word for word by the copy


def test_no_question_without_copies():
    assert provenance.write(story(("notes", OWN[0]), ("review", OWN[1]),
                                  ("courier", [WIRE[0]]))) == []


@cache
def model_of(path) -> StoryModel:
    return StoryModel(load_story(path))


@pytest.mark.parametrize("path", [*REAL, SEED], ids=lambda p: p.name)
def test_keyed_outlets_share_text_and_wrong_ones_share_none(path):
    model = model_of(path)
    labels = {o.label: o.article for o in model.outlets}
    shared = model.shared_texts
    for question in provenance.write(model):
        assert "(in the texts shown)" in question.prompt or "differently" in question.prompt
        for evidence in question.evidence:
            assert evidence.text in model.article(evidence.article).text
        if "differently" in question.prompt:
            continue
        evidence_articles = {e.article for e in question.evidence}
        for outlet in keys(question):
            assert labels[outlet] in evidence_articles
        for outlet in set(question.choices) - keys(question):
            article = labels[outlet]
            close = [p for t in shared if article in (t.a, t.b)
                     and (t.a in evidence_articles or t.b in evidence_articles)
                     for p in t.narration if p.similarity >= 78]
            credited = any(c.article == article for c in model.credits)
            assert not close or credited, (question.prompt, outlet)


def test_the_seed_asks_about_the_uncredited_agency_copy():
    (question,) = provenance.write(model_of(SEED))
    assert key(question) == "Dunya News"
