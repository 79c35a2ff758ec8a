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


# The same wire text told again in other words, sentence by sentence: two sentences barely
# changed, two recast.
SPUN = [
    "A ferry with 212 passengers on board ran aground off Kessel Point late on Tuesday night.",
    "Two lifeboats and a helicopter were sent by the coastguard, reaching the stranded ship "
    "within the hour.",
    "By dawn every passenger was ashore; four of them went to hospital with minor injuries.",
    "The ferry's operator said it had been inspected in March and found fit to sail.",
    "Maritime safety board investigators are due to go aboard the ship on Thursday.",
]


def story(*articles: tuple[str, list[str]], notes: dict[str, str] | None = None,
          whole: frozenset[str] = frozenset()) -> StoryModel:
    """Articles as (name, paragraphs); `notes` adds a bracket to an outlet's name, `whole`
    names the articles known to be whole (the others may be cut off)."""
    notes = notes or {}
    return StoryModel(Story("s", "s", tuple(
        Article(name, name.title() + (f" ({notes[name]})" if name in notes else ""), "",
                "\n\n".join(text), whole=True if name in whole else None)
        for name, text in articles)))


def test_the_outlets_carrying_an_agency_text_without_naming_it():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", list(WIRE)),
                  ("island", [*WIRE[:4], "The operator told AP the ferry was insured."]),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = [q for q in provenance.write(model) if "without naming" in q.prompt]
    assert keys(question) == {"Gazette"}
    assert {"Island", "Notes", "Review"} <= set(question.choices)  # credits AP / own words
    assert "AP" not in question.prompt


def test_the_explanation_shows_both_sides_of_the_copy_and_claims_no_more_than_the_texts():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", list(WIRE)),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = [q for q in provenance.write(model) if "without naming" in q.prompt]
    texts = {(e.article, e.text) for e in question.evidence}
    twins = [t for a, t in texts if a == "gazette"]
    assert twins and all(("courier", t) in texts for t in twins)  # the credited copy's side too
    # The gazette's page may be cut off: no claim that its readers cannot tell whose it is.
    assert "cannot tell" not in question.explanation and "cut off" in question.explanation
    assert "own words" not in question.explanation  # nothing said of what was not measured
    assert "share no run of sentences" in question.explanation


def test_a_whole_uncredited_copy_leaves_its_readers_unable_to_tell():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", list(WIRE)), ("notes", OWN[0]), ("review", OWN[1]),
                  whole=frozenset({"gazette"}))
    (question,) = [q for q in provenance.write(model) if "without naming" in q.prompt]
    assert "cannot tell whose reporting it is" in question.explanation


def test_a_copy_whose_shown_name_credits_the_agency_is_no_key():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", list(WIRE)), ("island", list(WIRE)),
                  ("notes", OWN[0]), ("review", OWN[1]), notes={"island": "AP"})
    (question,) = [q for q in provenance.write(model) if "without naming" in q.prompt]
    assert keys(question) == {"Gazette"} and "Island" not in question.choices


def test_a_reworded_copy_that_credits_the_agency_is_a_wrong_choice_proven_by_its_credit():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", list(WIRE)),
                  ("island", [*SPUN[:4], "The operator told AP the ferry was insured."]),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = [q for q in provenance.write(model) if "without naming" in q.prompt]
    assert keys(question) == {"Gazette"} and "Island" in question.choices
    assert "Island carries a reworded version of the same text and names AP" in \
        question.explanation


def test_one_text_in_three_outlets_is_one_question_with_every_copy_keyed():
    model = story(("courier", list(WIRE)), ("gazette", list(WIRE)), ("island", list(SPUN)),
                  ("notes", OWN[0]), ("review", OWN[1]))
    (question,) = provenance.write(model)
    assert len(keys(question)) == 2 and "Choose all" in question.prompt
    assert set(question.choices) - keys(question) == {"Notes", "Review"}
    assert "reworded" in question.prompt and "sentence by sentence" in question.explanation


def test_a_run_of_three_reworded_sentences_with_one_close_is_not_asked():
    """One sentence barely changed and two recast, in the same order, may be two retellings of a
    common original that others retell too: blind round H7 graded such a key wrong."""
    twin = ["The coastguard sent two lifeboats and a helicopter to the stranded ferry within "
            "the hour.",
            "Every passenger was ashore by dawn, and four went to hospital with minor injuries, "
            "the coastguard said.",
            "It had been inspected in March and found fit to sail, according to the ferry's "
            "operator."]
    model = story(("courier", ["Storms battered the coast all week, residents said.",
                               *WIRE[1:4]]),
                  ("island", twin), ("notes", OWN[0]), ("review", OWN[1]))
    assert provenance.write(model) == []


def test_two_agencies_reporting_the_same_facts_are_not_one_text():
    model = story(("courier", ["KESSEL (AP) — " + WIRE[0], *WIRE[1:]]),
                  ("gazette", ["KESSEL, March 3 (Reuters) - " + SPUN[0], *SPUN[1:]]),
                  ("notes", OWN[0]), ("review", OWN[1]))
    assert not [q for q in provenance.write(model) if "Gazette" in q.choices]


def test_a_name_both_copies_misspell_is_shown_as_a_sign_of_copying():
    def copy(name: str) -> list[str]:
        return [*WIRE, f"Captain {name} said the rudder failed as the ferry turned into the "
                       f"swell off the point."]

    def own(name: str, text: list[str]) -> list[str]:
        return [*text, f"The ferry's master, {name}, has sailed the route for twenty years."]

    def asked(spelling: str) -> list:
        return provenance.write(story(
            ("courier", copy(spelling)), ("gazette", copy("Marten Kesselirng")),
            ("island", own("Marten Kesselring", OWN[0])),
            ("notes", own("Marten Kesselring", OWN[1])),
            ("review", ["The harbour master of the island declined to comment on Wednesday."])))

    (question,) = asked("Marten Kesselirng")
    assert "Kesselirng" in question.explanation and "Kesselring" in question.explanation
    assert sum("Kesselirng" in e.text for e in question.evidence) == 2
    # One copy spells it as everyone else does: the two texts share no odd spelling.
    (question,) = asked("Marten Kesselring")
    assert "Kesselirng" not in question.explanation


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
        assert "own words" not in question.explanation
        if "cannot tell" in question.explanation:
            told = question.explanation.split("cannot tell")[0].rsplit(".", 1)[-1]
            assert all(model.article(a).complete for a in labels.values()
                       if model.outlet_of(a).label in told), question.explanation
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
