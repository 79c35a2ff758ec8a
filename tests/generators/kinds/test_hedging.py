"""hedging: how outlets present one claim (as fact in their own voice, credited to a source, or
hedged in their own words), asked only where the whole sentence's wording settles it; on invented
stories, and as invariants on every real story and the seed."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import hedging
from quizapp.generators.reading.statements import ASSERTED, ATTRIBUTED, HEDGED
from tests.generators.kinds.stories import CORPUS, invented, model_of
from tests.generators.corpus import key, keys

KIND = "hedging"


def written(*articles: tuple[str, str]) -> list:
    return hedging.write(invented(*articles))


def test_an_outlets_own_hedge_on_a_claim_that_matters_is_asked_about():
    (question,) = written(("North Wire", "The ferry reportedly hit rocks near Selmar, killing 12 "
                                         "passengers on Monday night."))
    assert key(question) == hedging.HEDGE
    assert question.prompt.startswith("How does North Wire present this claim?")
    assert "\u201creportedly\u201d" in question.explanation
    assert set(question.choices) == {hedging.FACT, hedging.SOURCE, hedging.HEDGE}


def test_a_hedge_the_outlet_puts_in_a_sources_mouth_is_not_the_outlets():
    assert written(("North Wire", "Mira Voss, an engineer at the port authority, said the crane "
                                  "appeared to have failed under a load of 40 tonnes.")) == []
    assert written(("North Wire", "\u201cThe shop was reportedly looted by 20 men,\u201d the mayor "
                                  "told reporters on Monday.")) == []


def test_alleged_on_a_noun_and_a_claimed_link_are_never_keyed():
    assert written(("North Wire", "She leads inquiries into alleged breaches of the rules by 40 "
                                  "banks in the region."),
                   ("South Post", "The sweetener has been linked in studies to a higher risk of "
                                  "strokes in 4,000 patients.")) == []


def test_bland_and_two_claim_sentences_are_not_asked_about():
    assert written(("North Wire", "Fire crews were reportedly still at the scene late in the "
                                  "evening.")) == []
    assert written(("North Wire", "No one was hurt in the flood on Monday, but the old mill "
                                  "reportedly collapsed into the river near Orden.")) == []


def test_a_claim_one_outlet_states_and_others_credit_asks_which_outlet_differs():
    questions = written(
        ("North Wire", "The crane had a defective brake system that failed twice before the "
                       "accident at the port."),
        ("South Post", "The inspectors said the crane had a defective brake system that failed "
                       "twice before the accident at the port."),
        ("East Times", "According to the union, the crane had a defective brake system that "
                       "failed twice before the accident at the port."),
    )
    across = [q for q in questions if q.prompt.startswith("Several outlets")]
    (question,) = across
    assert keys(question) == {"North Wire"}
    assert set(question.choices) == {"North Wire", "South Post", "East Times"}
    assert "defective brake system" in question.prompt
    assert "the inspectors" in question.explanation and "the union" in question.explanation


def test_a_plain_statement_is_asked_about_only_beside_another_outlets_credit():
    alone = written(("North Wire", "The crane had a defective brake system that failed twice "
                                   "before the accident at the port."))
    assert alone == []


@pytest.mark.parametrize("folder", CORPUS, ids=lambda f: f.name)
def test_every_key_is_the_presentation_of_its_whole_sentence(folder):
    model = model_of(folder)
    for question in hedging.write(model):
        for evidence in question.evidence:
            assert evidence.text in model.story.article(evidence.article).text
        if question.prompt.startswith("How does"):
            first = question.evidence[0]
            assert first.text in question.prompt  # the whole sentence, never one clause of it
            statement = next(s for s in model.statements.of_article(first.article)
                             if s.text == first.text)
            assert hedging.CHOICE_OF[statement.presentation] == key(question)
            assert statement.matters
        else:
            label = question.prompt.split("\u201c")[1].split("\u201d")[0]
            for evidence in question.evidence:
                assert label.replace("\u2019", "'") in evidence.text.replace("\u2019", "'")
            for choice in question.choices:
                presentations = {s.presentation for e in question.evidence
                                 for s in model.statements.of_article(e.article)
                                 if s.text == e.text and model.outlet_of(e.article).label == choice}
                assert presentations and (ASSERTED in presentations) == (
                    ("states it as fact" in question.prompt and choice in keys(question))
                    or ("states it as fact" not in question.prompt
                    and choice not in keys(question)))
                assert presentations <= {ASSERTED, ATTRIBUTED, HEDGED}
