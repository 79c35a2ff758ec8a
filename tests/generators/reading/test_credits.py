"""Golden rules of reading credits: for each rule, a small invented text and the credit expected
(whom, how, for the whole article or one statement, and the name as printed)."""
from __future__ import annotations

import pytest

from quizapp.generators.model import Article
from quizapp.generators.reading.articles import read_article
from quizapp.generators.reading.credits import ARTICLE, STATEMENT, read_article_credits

FILLER = "The harbour authority said the quay would stay closed until the divers finish their work."


def credits_of(text: str, outlet: str = "The Valley Courier", author: str = "",
               outlets: tuple[str, ...] = ()):
    article = Article("a", outlet, "", text)
    return read_article_credits(read_article(article), outlets, author)


def only(text: str, **kwargs):
    (credit,) = credits_of(text, **kwargs)
    return credit


@pytest.mark.parametrize("text, source, how", [
    ("By AFP\n\n" + FILLER, "AFP", "byline"),
    ("By Ann Lee and Bo Chan, The Associated Press\n\n" + FILLER, "AP", "byline"),
    # The last writer run into the paper by the page: the paper, not "Bo Chan Washington Post".
    ("By Ann Lee, Cy Moss and Bo Chan Washington Post\n\n" + FILLER, "The Washington Post",
     "byline"),
    ("SEATTLE (Reuters) — " + FILLER, "Reuters", "dateline"),
    ("LONDON (AP) — " + FILLER, "AP", "dateline"),
    ("(AP) -- MADRID -- " + FILLER, "AP", "dateline"),
    ("Rivertown, Mar 3 (IANS) " + FILLER, "IANS", "dateline"),
    ("Sky News(PORT ELLEN, Islay) — " + FILLER, "Sky News", "dateline"),
    (FILLER + "\n\n(Xinhua)", "Xinhua", "sign-off"),
    (FILLER + "\n\nSource: Xinhua", "Xinhua", "sign-off"),  # the label is no part of the name
    (FILLER + " The divers expect to finish on Sunday. REUTERS", "Reuters", "sign-off"),
    (FILLER + "\n\nThis article first ran on NPR.", "NPR", "first ran"),
    (FILLER + "\n\n(Copyright 2021 The Associated Press. All rights reserved.)", "AP", "copyright"),
])
def test_a_credit_for_the_whole_article(text, source, how):
    credit = only(text)
    assert (credit.source, credit.how, credit.scope) == (source, how, ARTICLE)
    assert credit.passage is not None and credit.printed in credit.passage.text


def test_an_agencies_sign_off_credits_agencies_it_does_not_name():
    credit = only(FILLER + "\n\n-Agencies")
    assert credit.whole and not credit.named and credit.how == "sign-off"


@pytest.mark.parametrize("sentence, source, printed", [
    ("The quay will reopen on Monday, the Asociated Press reported.", "AP", "Asociated Press"),
    ("The quay will reopen on Monday, United Push International reported.", "UPI",
     "United Push International"),
    ("The quay will reopen on Monday, Reuter reported.", "Reuters", "Reuter"),
    ("“We will not reopen before Monday,” the mayor said, quoted by Kenyan broadcaster NTV.",
     "NTV", "NTV"),
    ("A port official told AFP that the quay would reopen on Monday.", "AFP", "AFP"),
    ("The findings were in a report shared with Al Jazeera on Tuesday.", "Al Jazeera",
     "Al Jazeera"),
    ("According to the Harbour Evening Post, the quay will reopen on Monday.",
     "Harbour Evening Post", "Harbour Evening Post"),
    ("The quay will reopen on Monday, the Wall Street Journal reported.", "Wall Street Journal",
     "Wall Street Journal"),
])
def test_a_credit_for_one_statement_keeps_the_name_as_printed(sentence, source, printed):
    credit = only(FILLER + " " + sentence)
    assert (credit.source, credit.printed, credit.scope) == (source, printed, STATEMENT)
    assert credit.passage.text == sentence


def test_the_description_before_a_name_is_not_the_credit():
    (credit,) = credits_of("The minister spoke on Friday, quoted by Kenyan broadcaster NTV.")
    assert credit.source == "NTV" and "Kenyan" not in credit.printed


@pytest.mark.parametrize("text", [
    FILLER + "\n\nDivers search the harbour on Monday. Photo: AFP/Jane Roe",
    FILLER + "\n\nDivers at work. (AP Photo/Jane Roe)",
    "Paid Leave (PL): staff keep their pay while the quay is shut, the authority said.",
    FILLER + " Gusts reached 90 km/h, the National Weather Service reported.",
    FILLER + " “We told Reuters everything we knew,” the harbour master said.",
    FILLER + " Ann Lee said the divers would finish on Sunday.",
    # A dateline's place and its region: "NV" is a state, not an agency.
    "(PORT TOWN, NV) -- " + FILLER,
])
def test_what_is_not_a_credit(text):
    assert credits_of(text) == ()


def test_an_outlet_naming_itself_credits_no_one():
    text = "ORDEN, May 2 (NPA) – " + FILLER
    assert credits_of(text, outlet="Norland Press Agency") == ()
    assert credits_of("(Xinhua) -- " + FILLER, outlet="Xinhua News Agency") == ()


def test_an_outlet_of_the_story_is_credited_by_name():
    credit = only(FILLER + " The quay was shut at dawn, according to Riverbank Notes.",
                  outlets=("Riverbank Notes", "The Valley Courier"))
    assert credit.source == "Riverbank Notes"


def test_a_byline_kept_aside_by_the_loader_rules_out_but_proves_nothing():
    credit = only(FILLER, author="Courier staff with AFP")
    assert credit.source == "AFP" and credit.whole and credit.passage is None


def test_a_credit_in_the_first_sentence_marks_the_lede():
    first, second = credits_of(
        "Harbour shut\n\nThe quay will stay shut until Monday, Reuters reported.\n\n"
        "Divers found the wreck at dawn, the BBC said.")
    assert first.lede and not second.lede and second.source == "BBC"
