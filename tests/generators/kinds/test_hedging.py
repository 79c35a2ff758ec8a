"""hedging: how outlets present one claim (as fact in their own voice, credited to a source, or
hedged in their own words), asked where outlets part ways on it, or where an outlet hedges a
claim central to the story; never a plain statement as the answer about one sentence. On
invented stories, and as invariants on every real story and the seed."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import hedging
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.statements import ASSERTED, ATTRIBUTED, HEDGED
from tests.generators.kinds.stories import CORPUS, invented, model_of
from tests.generators.corpus import key, keys

KIND = "hedging"

# Two plain reports of a ferry sinking, for a third outlet's sentence to be read against: the
# story's own words ("ferry", "rocks", "Selmar", "passengers") make a claim about them central.
FERRY = (
    ("South Post", "The ferry hit rocks near Selmar on Monday night and sank within the hour. "
                   "Rescuers pulled passengers from the water near Selmar until dawn."),
    ("East Times", "A ferry carrying passengers sank after it hit rocks off Selmar on Monday. "
                   "The coastguard searched the water near the rocks for passengers."),
)


def written(*articles: tuple[str, str]) -> list:
    return hedging.write(invented(*articles))


def singles(questions) -> list:
    return [q for q in questions if q.prompt.startswith("How does")]


def test_an_outlets_own_hedge_on_a_claim_central_to_the_story_is_asked_about():
    (question,) = singles(written(("North Wire", "The ferry reportedly hit rocks near Selmar, "
                                                 "drowning 12 passengers on Monday night."),
                                  *FERRY))
    assert key(question) == hedging.HEDGE
    assert question.prompt.startswith("How does North Wire present this claim?")
    assert "\u201creportedly\u201d" in question.explanation
    assert set(question.choices) == {hedging.FACT, hedging.SOURCE, hedging.HEDGE}


def test_a_hedge_on_a_side_detail_is_not_asked_about():
    assert singles(written(("North Wire", "Local fishermen are believed to have sold their "
                                          "boats to a cannery in the spring of that year."),
                           *FERRY)) == []


def test_a_hedge_the_outlet_puts_in_a_sources_mouth_is_not_the_outlets():
    assert singles(written(("North Wire", "Mira Voss, a harbour engineer, said the ferry "
                                          "appeared to have hit rocks near Selmar with 40 "
                                          "passengers aboard."), *FERRY)) == []
    assert singles(written(("North Wire", "\u201cThe ferry reportedly hit rocks near Selmar,\u201d "
                                          "the mayor told reporters on Monday."), *FERRY)) == []


def test_a_hedge_inside_an_estimate_the_sentence_credits_is_not_the_outlets():
    """"Based on estimates made by X, ... was expected to": the caution is X's estimate, so the
    outlet credits the claim; it never hedges it in its own words."""
    for text in ("Based on estimates made earlier by the Selmar coastguard, the ferry was expected "
                 "to have sunk with 40 passengers aboard after it hit rocks near Selmar.",
                 "The ferry was expected to have sunk with 40 passengers aboard after it hit rocks "
                 "near Selmar, according to the Selmar coastguard's estimate."):
        for question in singles(written(("North Wire", text), *FERRY)):
            assert key(question) != hedging.HEDGE


def test_alleged_on_a_noun_and_a_claimed_link_are_never_keyed():
    assert singles(written(("North Wire", "She leads inquiries into alleged breaches of the rules "
                                          "by 40 banks in the region."),
                           ("South Post", "The sweetener has been linked in studies to a higher "
                                          "risk of strokes in 4,000 patients."))) == []


def test_bland_and_two_claim_sentences_are_not_asked_about():
    assert singles(written(("North Wire", "Fire crews were reportedly still at the scene late "
                                          "in the evening."))) == []
    assert singles(written(("North Wire", "No one was hurt on the ferry near Selmar, but the "
                                          "old pier reportedly collapsed into the water near the "
                                          "rocks."), *FERRY)) == []


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


def test_a_credit_is_asked_about_beside_another_outlets_plain_statement_never_the_plain_one():
    questions = singles(written(
        ("North Wire", "The crane had a defective brake system that failed twice before the "
                       "accident at the port of Selmar."),
        ("South Post", "The crane had a defective brake system that failed twice before the "
                       "accident at the port of Selmar, the inspectors said."),
    ))
    (question,) = questions
    assert question.prompt.startswith("How does South Post")
    assert key(question) == hedging.SOURCE
    assert "Compare North Wire, which states it in its own voice" in question.explanation
    assert [e.article for e in question.evidence] == ["b", "a"]


def test_a_plain_statement_alone_is_never_asked_about():
    assert written(("North Wire", "The crane had a defective brake system that failed twice "
                                  "before the accident at the port.")) == []


def test_no_more_than_two_questions_share_an_answer():
    hedged = [(f"Outlet {n}", text) for n, text in enumerate((
        "The ferry reportedly hit rocks near Selmar with passengers aboard on Monday.",
        "The ferry's captain is said to have steered towards the rocks near Selmar.",
        "Passengers on the ferry were allegedly told to stay below as it hit the rocks.",
        "The ferry apparently sank within minutes after hitting rocks near Selmar.",
    ))]
    questions = singles(written(*hedged, *FERRY))
    assert len(questions) == 2 and all(key(q) == hedging.HEDGE for q in questions)


def headlined(*articles: tuple[str, str, str]) -> StoryModel:
    """A story of one article per (outlet, headline, body)."""
    return StoryModel(Story("t", "t", tuple(
        Article(chr(97 + n), outlet, title, f"{title}\n\n{body}", whole=True)
        for n, (outlet, title, body) in enumerate(articles))))


STUDY = "Researchers compared blood levels of the sweetener in 4,000 adults over three years."


def test_a_headline_stating_a_cause_against_headlines_stating_a_link():
    model = headlined(
        ("North Wire", "Sweetener raises heart attack risk, study finds",
         "The sweetener may raise the risk of heart attacks, a study found. " + STUDY),
        ("South Post", "Sweetener linked to heart attack risk in study", STUDY),
        ("East Times", "Study links sweetener to higher heart attack risk", STUDY),
        ("West Echo", "Heart attack risk associated with popular sweetener", STUDY),
    )
    (question,) = [q for q in hedging.write(model) if "headline" in q.prompt]
    assert keys(question) == {"North Wire"}
    assert set(question.choices) == {"North Wire", "South Post", "East Times", "West Echo"}
    assert "\u201craises\u201d" in question.prompt
    assert "\u201cmay raise\u201d" in question.explanation  # its own body claims less
    texts = [e.text for e in question.evidence]
    assert "Sweetener linked to heart attack risk in study" in texts


def test_headlines_that_all_state_a_link_ask_nothing():
    model = headlined(
        ("North Wire", "Sweetener linked to heart attack risk", STUDY),
        ("South Post", "Sweetener tied to heart attack risk", STUDY),
        ("East Times", "Heart attack risk associated with sweetener", STUDY),
    )
    assert not [q for q in hedging.write(model) if "headline" in q.prompt]


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
            assert hedging.CHOICE_OF[statement.presentation] == key(question) != hedging.FACT
            assert len(question.evidence) == 2 or statement.presentation == HEDGED
        elif question.prompt.startswith("Several outlets"):
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


@pytest.mark.parametrize("folder", CORPUS, ids=lambda f: f.name)
def test_headlines_keyed_as_a_cause_print_it_and_the_others_a_link(folder):
    model = model_of(folder)
    for question in hedging.write(model):
        if "headline" not in question.prompt:
            continue
        for reading in model.articles:
            label = model.outlet_of(reading.id).label if model.outlet_of(reading.id) else None
            if label not in question.choices:
                continue
            statement = model.statements.at(reading.id, reading.headline.start)
            assert statement.link == ("cause" if label in keys(question) else "association")
