"""Golden rules of reading/statements.py: for each rule, a small invented sentence and how its
outlet presents the claim (asserted, credited to whom, hedged in its own words), whose each hedge
is, and what makes the claim matter."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.statements import (
    ASSERTED,
    ASSOCIATION,
    ATTRIBUTED,
    CAUSE,
    HEDGED,
    MIXED,
    POSSIBLE_CAUSE,
    same_claim,
    shared_wording,
)


def read(text: str, title: str = ""):
    """The statements of one invented article (the headline first, when `title` is given)."""
    body = f"{title}\n\n{text}" if title else text
    return StoryModel(Story("t", "t", (Article("a", "North Wire", title, body),))).statements


def the(text: str):
    (statement,) = read(text)
    return statement


@pytest.mark.parametrize("text, presentation", [
    ("The ferry sank near the harbour on Monday with 40 people aboard.", ASSERTED),
    ("The fire reportedly started in a storage room on the ground floor.", HEDGED),
    ("The ferry almost certainly sank after hitting rocks near the harbour.", HEDGED),
    ("Meta is likely to appeal the record fine in the High Court.", HEDGED),
    ("The minister is said to have left the meeting early on Friday.", HEDGED),
    ("The bank is considered likely to raise rates again in May.", HEDGED),
    ("The regulator said the firm broke the rules, and it will appeal the fine.", ATTRIBUTED),
    ("According to the port authority, the crane failed under a load of 40 tonnes.", ATTRIBUTED),
    ("The crane failed under a load of 40 tonnes, according to the port authority.", ATTRIBUTED),
    ("The crane failed under a load of 40 tonnes, the port authority said on Monday.",
     ATTRIBUTED),
    ("Ann Lee, a spokesperson for the ministry, said the plant would close in June.",
     ATTRIBUTED),
    ("The fine, the regulator said, is the largest it has ever imposed.", ATTRIBUTED),
    ("Ukraine's claim that the plant was shelled is false, the ministry says.", ATTRIBUTED),
    ("Ukraine's claim that the plant was shelled is groundless.", MIXED),
    ("The company was fined after the mayor said the dam was unsafe.", MIXED),
    ("The council reportedly said it would close the bridge for a month.", MIXED),
    # A claim resting on someone's estimate is theirs wherever the credit stands, and the
    # estimate's own caution ("was expected to") is not the outlet's hedge.
    ("Based on estimates made earlier by the harbour authority, the ferry was expected to have "
     "run out of fuel by noon.", ATTRIBUTED),
    ("The ferry was expected to have run out of fuel by noon, based on estimates made by the "
     "harbour authority.", ATTRIBUTED),
    ("Based on the harbour authority's estimates, the ferry was likely to run out of fuel.",
     ATTRIBUTED),
    ("The ferry was likely to run out of fuel by noon, according to the harbour authority's "
     "estimate.", ATTRIBUTED),
    ("The ferry likely ran out of fuel by noon, by the harbour authority's estimate.", ATTRIBUTED),
    ("The ferry was likely to run out of fuel by noon according to an estimate by the harbour "
     "authority.", MIXED),
    ("The ferry likely ran out of fuel by noon based on estimates.", MIXED),
    ("The verdict was based on the evidence, and the ferry likely sank.", HEDGED),
    # "could" negated tells what was not possible, as a fact (a wrong key in round H7).
    ("The bank could no longer cope with the withdrawals on Thursday.", ASSERTED),
    ("The ferry could not reach the harbour before the storm.", ASSERTED),
    ("The ferry could reach the harbour before the storm.", HEDGED),
    # An adverb doubting one word of a noun phrase hedges no claim (round H7).
    ("The company's supposedly unsinkable ferry sank off the harbour on Monday.", ASSERTED),
    ("The ferry supposedly sank off the harbour on Monday.", HEDGED),
])
def test_how_a_sentence_presents_its_claim(text, presentation):
    assert the(text).presentation == presentation


def test_a_sentence_that_begins_with_a_credit_is_credited_whole():
    statement = the("The regulator said the firm broke the rules, and it will appeal the fine.")
    assert [s.name for s in statement.sources] == ["The regulator"]
    assert [m.text for m in statement.markers] == ["said"]


def test_a_hedge_inside_a_quotation_or_a_credit_is_the_sources():
    quoted = the("\u201cThe shop was reportedly looted,\u201d the mayor told reporters on Monday.")
    assert quoted.presentation == ATTRIBUTED and not quoted.hedges_of("outlet")
    credited = the("Mira Voss said the crane appeared to have failed under a heavy load.")
    assert credited.presentation == ATTRIBUTED
    assert [(h.passage.text, h.whose) for h in credited.hedges] == [("appeared to", "source")]
    assert credited.clean


def test_a_hedge_in_a_speech_printed_without_quotation_marks_is_the_speakers():
    """A statement printed as paragraphs without quotation marks ("I want to share what I know.
    It appears the ferry hit rocks."): its first person shows whose words they are, so its hedge
    is the speaker's, never the outlet's."""
    found = read("\u201cGood evening,\u201d said Ferry Line chief Ana Holt in a video.\n\n"
                 "I want to share what I know at this time. The ferry left Porto at 9 am.\n\n"
                 "It appears to have struck rocks near the harbour. We are working with the "
                 "coastguard.\n\n"
                 "Rescuers were believed to be searching the bay on Friday night.")
    speech = next(s for s in found if s.text.startswith("It appears"))
    assert speech.presentation == MIXED and not speech.hedges_of("outlet")
    assert next(s for s in found if s.text.startswith("The ferry left")).presentation == MIXED
    own = next(s for s in found if s.text.startswith("Rescuers"))
    assert own.presentation == HEDGED


def test_alleged_before_a_noun_hedges_the_noun_not_the_claim():
    statement = the("She is responsible for inquiries into alleged breaches by the banks.")
    assert statement.presentation == ASSERTED
    assert [(h.passage.text, h.strength) for h in statement.hedges] == [("alleged", "qualifier")]
    assert not statement.clean  # nor a plain assertion to offer as one


def test_a_claimed_link_is_neither_an_assertion_nor_a_plain_hedge():
    statement = the("The sweetener has been linked in studies to a higher risk of strokes.")
    assert statement.presentation != ASSERTED
    assert not statement.clean


def test_a_hedge_inside_a_relative_clause_does_not_hedge_the_sentence():
    statement = the("Rescue teams searched for victims who may be buried under the rubble.")
    assert statement.presentation == ASSERTED and not statement.clean


def test_a_plural_noun_before_a_verb_of_saying_is_no_credit_to_the_word_before_it():
    """"Initial reports suggest ...": "reports" is the subject's noun, so the capitalised first
    word is never read as a source named "Initial" (a wrong key in a blind round)."""
    statement = the("Initial reports suggest that a fire may have started in the kitchen.")
    assert not any(source.named for source in statement.sources)
    assert statement.presentation != ATTRIBUTED


def test_a_claim_an_outlet_cites_a_source_for_is_the_sources_not_the_outlets_hedge():
    """"X cited officials suggesting ... may have": the caution is the officials'."""
    statement = the("The news agency cited harbour officials suggesting the ferry may have hit "
                    "rocks.")
    assert statement.presentation == ATTRIBUTED and not statement.hedges_of("outlet")


def test_a_credit_names_its_source_as_the_text_gives_it():
    assert the("Ann Lee, a spokesperson for the ministry, said the plant would close in June."
               ).sources[0].name == "Ann Lee"
    assert the("Chief engineer Nadia Oke said the cracks were found during an inspection."
               ).sources[0].name == "Nadia Oke"
    told = the("A senior official told reporters the two men were captured last week.")
    assert told.presentation == ATTRIBUTED and not told.sources[0].named


def test_an_estimate_is_credited_to_whose_estimate_it_is():
    for text in ("Based on estimates made earlier by the harbour authority, the ferry was "
                 "expected to have run out of fuel by noon.",
                 "According to the harbour authority's estimate, the ferry was likely to have run "
                 "out of fuel by noon."):
        statement = the(text)
        assert [s.name for s in statement.sources] == ["the harbour authority"]
        assert not statement.hedges_of("outlet")


def test_a_pronoun_or_a_surname_is_the_person_named_before():
    _first, second, third = read(
        "Harbour master Ann Lee inspected the dock on Monday morning. "
        "She said the crane had failed twice this year. "
        "Lee added that the port would reopen on Friday.")
    assert [s.name for s in second.sources] == ["Ann Lee"]
    assert [s.name for s in third.sources] == ["Ann Lee"]


def test_an_order_told_to_someone_is_not_a_credit():
    statement = the("The court told the company to pay the fine within a month.")
    assert statement.presentation == ASSERTED


def test_a_headline_credits_with_a_verb_of_saying():
    headline, _ = read("The port will reopen on Monday, the minister said.",
                       title="Minister Says Port Will Reopen")
    assert headline.presentation == ATTRIBUTED


@pytest.mark.parametrize("text, stakes", [
    ("Fire crews were still at the scene late in the evening.", ()),
    ("Police arrested 12 people after the march on Sunday.", ("figure",)),
    ("The levee failed because of poor maintenance, engineers said.", ("cause",)),
    ("The firm illegally transferred the data of its customers.", ("blame",)),
])
def test_what_makes_a_claim_matter(text, stakes):
    statement = the(text)
    assert set(stakes) <= set(statement.stakes)
    assert statement.matters == bool(stakes)


def test_the_same_claim_is_found_across_outlets_by_its_words_and_figures():
    story = Story("t", "t", (
        Article("a", "North Wire", "", "The union says 4,000 workers joined the strike on Monday."),
        Article("b", "South Post", "", "About 4,000 workers joined the strike at the port."),
        Article("c", "East Times", "", "The port handles 4,000 containers on a busy day."),
    ))
    union, south, east = StoryModel(story).statements
    assert same_claim(union, south)
    assert not same_claim(union, east)
    assert StoryModel(story).statements.same_claim(union) == (south,)


@pytest.mark.parametrize("text, link, words", [
    ("The sweetener increases the risk of heart attacks, the study found.", CAUSE, "increases"),
    ("Sweeteners raise stroke risk", CAUSE, "raise"),
    ("The sweetener may increase the risk of heart attacks.", POSSIBLE_CAUSE, "may increase"),
    ("The drug could also lower blood pressure in older patients.", POSSIBLE_CAUSE,
     "could also lower"),
    ("The sweetener is linked to a higher risk of heart attacks.", ASSOCIATION, "linked to"),
    ("Higher blood levels were associated with strokes in the study.", ASSOCIATION,
     "associated with"),
    ("The sweetener has an association with an increased rate of strokes.", ASSOCIATION,
     "association with"),
    ("Doctors saw an increase in strokes among the patients.", "", None),  # a noun, no link
    ("The sweetener is linked to strokes and may raise the risk of clots.", "", None),  # both
])
def test_how_strongly_a_sentence_ties_one_thing_to_another(text, link, words):
    statement = the(text)
    assert statement.link == link
    assert (statement.link_words.text if statement.link_words else None) == words


def test_a_link_inside_a_quotation_is_not_the_sentences():
    assert the("\u201cIt raises the risk,\u201d said Dr Ann Lee of the study.").link == ""


def test_a_sentence_in_the_storys_own_words_is_central_a_side_detail_is_not():
    story = Story("t", "t", (
        Article("a", "North Wire", "", "The ferry sank near Selmar with 40 passengers aboard. "
                                       "Local fishermen reportedly sold their boats last spring."),
        Article("b", "South Post", "", "Forty passengers were aboard the ferry that sank off "
                                       "Selmar on Monday."),
        Article("c", "East Times", "", "Rescuers searched for passengers after the ferry sank "
                                       "near Selmar."),
    ))
    statements = StoryModel(story).statements
    event, aside = statements.of_article("a")
    assert statements.centrality(event) > 0.5 > statements.centrality(aside)


def test_the_wording_several_sentences_share():
    assert shared_wording([
        "Tesla is recalling 2 million cars to fix a defective system that monitors drivers.",
        "Regulators said the cars have a defective system that monitors drivers at the wheel.",
    ]) == "defective system that monitors drivers"
    assert shared_wording(["Alphabet plans to cut 12,000 jobs, over 6% of its workforce.",
                           "Alphabet will cut about 12,000 jobs from its global workforce.",
                           "The firm is cutting 12,000 jobs, the chief executive said."]
                          ) == "12,000 jobs"
    assert shared_wording(["The ferry sank.", "A storm hit the coast."]) is None


_SAME_CLAIM_ORDER = """
from pathlib import Path
from quizapp.generators import load_story
from quizapp.generators.reading.model import StoryModel
model = StoryModel(load_story(Path("bench/heldout/2024-jeju-air-muan-crash")))
claim = next(s for s in model.statements if s.text.startswith("Initial reports suggest"))
print([s.article for s in model.statements.same_claim(claim)])
"""


def test_the_same_claim_is_found_in_story_order_whatever_the_hash_seed():
    """A question shows the first outlet found making the same claim: found through a set of
    words, whose order changes with PYTHONHASHSEED, it gave one hedging question of this real
    story two explanations. Story order, every time."""
    root = Path(__file__).resolve().parents[3]
    printed = {subprocess.run([sys.executable, "-c", _SAME_CLAIM_ORDER], cwd=root,
                              capture_output=True, text=True, timeout=60, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("0", "1", "2", "3")}
    assert printed == {"['24kg', 'news365times', 'vietnamnews']\n"}
