"""hedging: how an outlet presents a statement; hedged keys carry a hedge word in the outlet's
own voice, fact keys a paragraph with no hedge, no source and no quotation."""
from __future__ import annotations

import re

from quizapp.generators.kinds import hedging
from quizapp.generators.reading.details import hedge_words
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import fold

from tests.generators.reading import key

KIND = "hedging"


def has_hedge(text: str, strength: str | None = None) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(h)}(?!\w)", fold(text)) for h in hedge_words(strength))


def test_seed_finds_purporting_appeared_and_reportedly(seed_story, questions):
    hedged = [q.evidence[0].text for q in questions(seed_story) if key(q) == hedging.HEDGED]
    joined = " ".join(hedged)
    for hedge in ("purporting to show", "appeared to", "reportedly"):
        assert hedge in joined


def test_keys_are_proven_by_the_sentence_and_its_paragraph(seed_story, story, questions):
    # river-flood hedges only inside an official's reported words: see the test below.
    for s in (seed_story, story("vaccine-plant")):
        assert questions(s)
        for question in questions(s):
            (evidence,) = question.evidence
            text = s.article(evidence.article).text
            assert evidence.text in text
            assert evidence.text.rstrip(".") in question.prompt
            assert not re.search(r"[\"\u201c\u201d]", evidence.text)  # so "a direct quotation" is wrong
            if key(question) == hedging.HEDGED:
                assert has_hedge(evidence.text, "unverified")
            else:
                assert key(question) == hedging.FLAT
                start = text.rfind("\n", 0, text.find(evidence.text)) + 1
                paragraph = text[start:].split("\n", 1)[0]
                assert not has_hedge(paragraph)
                assert not re.search(r"\b(said|says|told|according to|reported)\b", paragraph)


def test_invented_story_hedges_reportedly_and_appeared_to(story, questions):
    hedged = {q.evidence[0].text for q in questions(story("vaccine-plant")) if key(q) == hedging.HEDGED}
    assert hedged == {
        "The fire reportedly started in a storage room on the ground floor shortly after dawn.",
        "The blaze appeared to spread through the ventilation system before firefighters brought it under control.",
    }


def test_silent_without_hedges(story):
    assert hedging.generate(story("library-reopening")) == []


def test_a_hedge_inside_a_quotation_is_not_the_outlets():
    quoted = Article("a", "North Wire", "A", "“The shop was reportedly looted,” the mayor told reporters on Monday.")
    plain = Article("a", "North Wire", "A", "The shop on the corner was reportedly looted on Monday night.")
    assert hedging.generate(Story("t", "t", (quoted,))) == []
    (question,) = hedging.generate(Story("t", "t", (plain,)))
    assert key(question) == hedging.HEDGED


def _flood_story(*paragraphs: str) -> Story:
    """Two outlets on an invented flood: the first hedges one claim (so fact-keyed questions may
    follow) and prints `paragraphs`; the second hedges another."""
    text = "\n\n".join(["The levee reportedly gave way near the old mill.", *paragraphs])
    return Story("t", "t", (
        Article("a", "Valley Wire", "A", text),
        Article("b", "Hill Post", "B", "Looters allegedly broke into two shops overnight."),
    ))


def fact_keyed(story: Story) -> list[str]:
    return [q.evidence[0].text for q in hedging.generate(story) if key(q) == hedging.FLAT]


def test_a_statement_whose_subject_records_or_gives_a_figure_is_not_fact_without_a_source():
    plain = "The river burst its banks at dawn near the Marrow bridge."
    assert fact_keyed(_flood_story(plain)) == [plain]  # the rule still finds plain statements
    recorded = "The Weather Bureau recorded 140 millimetres of rain at the Marrow dam on Thursday."
    assert recorded not in fact_keyed(_flood_story(recorded))
    # A figure the article credits to someone two paragraphs later is not the outlet's own word.
    lead = "A flood has driven some 7,200 people from their homes in the Marrow valley."
    assert lead in fact_keyed(_flood_story(lead))
    credited = _flood_story(lead, "District mayor Ana Holt gave the evacuation figure on Friday.")
    assert lead not in fact_keyed(credited)


def test_the_writers_analysis_is_never_keyed_as_established_fact():
    opinion = "The flood underscores growing concerns about a river that remains deeply unpredictable."
    assert opinion not in fact_keyed(_flood_story(opinion))
    vague = "The water was brown and cold and smelled of mud."  # nothing a reader could check
    assert vague not in fact_keyed(_flood_story(vague))
    checkable = "The Marrow bridge closed at 6 a.m. on Tuesday."
    assert fact_keyed(_flood_story(checkable)) == [checkable]
    assert not hedging.is_checkable(opinion) and hedging.is_checkable(checkable)


def test_a_hedge_in_one_clause_of_a_compound_sentence_quotes_only_that_clause():
    compound = ("No one was hurt in the flood, but several roads were closed for hours, and the old mill "
                "reportedly collapsed into the river near Orden.")
    s = Story("t", "t", (Article("a", "Valley Wire", "A", compound),))
    (question,) = hedging.generate(s)
    assert key(question) == hedging.HEDGED
    clause = "the old mill reportedly collapsed into the river near Orden."
    assert question.evidence[0].text == clause
    assert question.prompt.endswith(f"\u201c\u2026{clause}\u201d")
    assert "No one was hurt" not in question.prompt
    # Short pieces are a list, not clauses: no clean clause to quote, so no question.
    listed = Story("t", "t", (Article("a", "Valley Wire", "A",
                                      "Boats, cars, and three barns were reportedly swept away near Orden."),))
    assert hedging.generate(listed) == []


def test_a_hedge_inside_someones_reported_words_is_not_the_outlets(story):
    # "An official ... said the barrier had allegedly not been inspected": the official's hedge.
    assert hedging.generate(story("river-flood")) == []
    said = Article("a", "North Wire", "A", "Mira Voss, an engineer at the port authority, said the crane "
                                           "appeared to have failed under a load of 40 tonnes.")
    according = Article("a", "North Wire", "A", "According to the port authority, the crane reportedly "
                                                "failed under a load of 40 tonnes.")
    for article in (said, according):
        assert hedging.generate(Story("t", "t", (article,))) == []
    # A reporting verb with an object leaves the hedge the outlet's own.
    released = Article("a", "North Wire", "A", "The port authority released a video purporting to show "
                                               "the crane failing on Monday.")
    (question,) = hedging.generate(Story("t", "t", (released,)))
    assert key(question) == hedging.HEDGED
