"""Golden rules of reading an article, as pysbd keeps its own: for each rule a small invented
text and the exact reading expected. What each line is (headline, prose, caption, credit, short),
where the text stops mid-sentence, and when it shows it reaches the article's end."""
from __future__ import annotations

import time

import pytest

from quizapp.generators.model import Article
from quizapp.generators.reading.articles import (
    is_caption,
    is_credit,
    paragraph_roles,
    publisher_name,
    read_article,
    sentence_spans,
)
from quizapp.generators.reading.outlets import read_outlets

TITLE = "Ferry crew strike halts crossings to Varnholm"
LEAD = ("Ferry crews walked off the job on Monday, halting every crossing to the island of "
        "Varnholm, the operator said.")
SECOND = "The union said the strike would last until the operator raised its pay offer."


def reading(*paragraphs: str, title: str = TITLE, author: str = "", outlet: str = "Harbour Post"):
    text = "\n\n".join((title, *paragraphs) if title else paragraphs)
    return read_article(Article("a", outlet, title, text, author=author))


def roles(*paragraphs: str, **facts) -> list[tuple[str, str]]:
    return [(s.text, s.role) for s in reading(*paragraphs, **facts).sentences][1:]


# --- captions ----------------------------------------------------------------------------------

CAPTIONS = [
    "Image: Strikers gather on the quay at Tolmar",  # a caption label
    "Photo: Harbour Post",
    "Pickets at the ferry terminal on Monday. Photo: AFP",  # a caption ending on its credit
    "Photo credit Getty Images",
    "Crew members vote at the union hall in Tolmar. (Ana Vries/AP)",  # photographer/desk
    "Crew members vote at the union hall (AP Photo/Ana Vries, File)",
    "The ferry Arden Star at its berth (Getty)",  # a photo agency in brackets
    "FILE - The ferry Arden Star leaves Tolmar harbour, June 2, 2021.",  # a wire caption's opening
    "Union leader Mara Quist speaks to crews. \u00a9 JON BERG / AFP",
    "Jon Berg / AP / AP Crew members count the votes at the union hall on Monday.",
    "EPA / Jon Berg",
    "The union leader. Jon Berg/Getty Images",
    # A wire photo caption ends on the day the picture was taken, with no full stop.
    "Supporters of the union wave flags outside the ferry terminal in Tolmar, Norway "
    "October 3, 2024",
    # A picture lent by someone, closing the line with a full stop (round H7 offered one as a
    # sentence to weigh).
    "Mara Quist arrives at the union hall on Oct. 1, 2024. Courtesy Jon Berg/Tolmar News.",
]


@pytest.mark.parametrize("line", CAPTIONS)
def test_a_photo_caption_or_credit_is_a_caption(line):
    assert is_caption(line)
    assert {role for _, role in roles(LEAD, line, SECOND)} == {"prose", "caption"}


NOT_CAPTIONS = [
    LEAD,
    "The union's photographer said the pictures showed empty quays.",
    "The photo, taken on Monday, shows the empty quay.",
    "Posted at 2:16 PM, Oct 13, 2024",  # a date line names no scene
    "The ferry left for Tolmar on October 3, 2024",
    "The union and the operator (EU/EEA) will meet again",
    "The museum showed the painting courtesy of a private collector in Tolmar.",
]


@pytest.mark.parametrize("line", NOT_CAPTIONS)
def test_a_sentence_about_photos_or_dates_is_no_caption(line):
    assert not is_caption(line)


def test_a_short_line_beside_a_caption_is_part_of_it():
    # The picture's alt text above its caption, and a second caption line under it.
    found = roles("Union leader Mara Quist at the quay", "Mara Quist. Jon Berg/Getty Images",
                  "Some crews stayed aboard overnight", LEAD)
    assert [role for _, role in found] == ["caption", "caption", "caption", "caption", "prose"]


# --- credit lines ------------------------------------------------------------------------------

CREDITS = [
    "By Lena Ortiz",
    "By Lena Ortiz and Tom Vale, Harbour Post",
    "by LENA ORTIZ at harbourpost.example",
    "Writer: lena ortiz",
    "(AFP)",
    "(Xinhua)",
    "REUTERS",
    "Agence France-Presse",
    "\u2014 Reuters",
    "-AFP",
    "Source: Reuters",
    "Reporting by Ana Ortiz in Tolmar; Editing by Tom Vale",
    "(Reporting by Ana Ortiz; additional reporting by Jon Berg)",
    "Jon Berg in Tolmar contributed to this report.",
    "This article first ran on Harbour Radio.",
    "This post was originally published on this site",
    "This is a developing story. Please check back later for updates.",
    "\u00a9 2024 Harbour Post. All rights reserved.",
    "(Copyright 2024 The Associated Press. All rights reserved.)",
]


@pytest.mark.parametrize("line", CREDITS)
def test_a_byline_agency_tag_or_sign_off_is_a_credit(line):
    assert is_credit(line)
    assert {role for _, role in roles(LEAD, line)} == {"prose", "credit"}


NOT_CREDITS = [
    "By the numbers",  # no name after "By"
    "Harbour Post",  # a name alone that no agency has
    "By Friday, crews had stopped every crossing to the island.",
    "Reuters reported that the union would vote again on Friday.",
    "The operator said the agency's report was wrong.",
]


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_a_sentence_that_names_an_agency_is_no_credit_line(line):
    assert not is_credit(line)


def test_an_agency_tag_closing_the_last_paragraph_is_a_credit():
    found = roles(LEAD, "The crossings will resume when the strike ends. REUTERS")
    assert found[-1] == ("REUTERS", "credit")
    assert found[-2][1] == "prose"


def test_the_authors_name_on_a_line_of_its_own_is_the_byline():
    byline = "Lena Ortiz - Harbour Post, Tolmar"
    found = roles(byline, LEAD, author=byline)
    assert found[0][1] == "credit"


# --- prose and short lines ---------------------------------------------------------------------

def test_a_short_quoted_paragraph_is_prose():
    found = roles(LEAD, "\u201cWe won,\u201d she said.", "\u201cNo.\u201d", "He declined.", SECOND)
    assert [role for _, role in found] == ["prose"] * 5


def test_a_deck_under_the_headline_and_a_subheading_are_short():
    found = roles("Crews walk out after talks on pay break down", LEAD,
                  "Who Is Mara Quist?", SECOND)
    assert [role for _, role in found] == ["short", "prose", "short", "prose"]


def test_a_figure_set_on_its_own_line_is_kept_as_a_short_line():
    found = roles(LEAD, "Organisers' count: 12,000", SECOND)
    assert found[1] == ("Organisers' count: 12,000", "short")


def test_a_long_line_that_lost_its_full_stop_inside_the_text_is_prose():
    found = roles(LEAD, "But the operator has so far refused to raise its offer to the crews "
                        "of the island ferries", SECOND)
    assert [role for _, role in found] == ["prose", "prose", "prose"]


# --- the headline ------------------------------------------------------------------------------

def test_the_headline_is_the_first_line_when_it_is_the_title_and_one_sentence():
    title = "Ferry crews strike. Now the island waits."
    found = reading(LEAD, title=title)
    assert found.headline is not None and found.headline.text == title
    assert [s.role for s in found.sentences] == ["headline", "prose"]


def test_without_a_title_there_is_no_headline():
    found = reading(LEAD, SECOND, title="")
    assert found.headline is None
    assert [s.role for s in found.sentences] == ["prose", "prose"]


# --- where the text stops ----------------------------------------------------------------------

def test_a_text_cut_mid_sentence_is_not_complete_and_its_last_sentence_is_unfinished():
    found = reading(LEAD, "The union said the strike would last until the operator raised its")
    last = found.sentences[-1]
    assert (last.role, last.finished) == ("prose", False)
    assert found.cut_off and not found.complete and not found.ends_on_sentence
    assert all(s.finished for s in found.sentences[:-1])


def test_a_cut_off_fragment_of_a_few_capitalised_words_is_still_prose():
    found = reading(LEAD, "S&P Global Rat")
    assert (found.sentences[-1].role, found.sentences[-1].finished) == ("prose", False)


def test_a_text_that_stops_after_a_full_stop_with_no_sign_off_may_be_cut_there():
    found = reading(LEAD, SECOND)
    assert found.ends_on_sentence and not found.cut_off
    assert not found.complete


SIGNED_ENDS = [
    (SECOND, "(AFP)"),
    (SECOND, "\u2014 Reuters"),
    (SECOND, "Reporting by Ana Ortiz; Editing by Tom Vale"),
    (SECOND, "\u00a9 2024 Harbour Post. All rights reserved."),
    (SECOND + " REUTERS",),
    (SECOND + " Reuters",),  # the last paragraph ending in the agency's name
    (SECOND + " (March 3, 2025)",),  # a dateline closing the text
    (SECOND, "Photo: AFP", "(AFP)"),  # a caption between the text and its sign-off
]


@pytest.mark.parametrize("ending", SIGNED_ENDS)
def test_a_sign_off_after_a_finished_last_paragraph_shows_the_text_is_complete(ending):
    assert reading(LEAD, *ending).complete


UNSIGNED_ENDS = [
    ("The union said the strike would last until the", "(AFP)"),  # cut, then a sign-off
    (SECOND, "Photo: AFP"),  # a caption is no sign-off
    ("\u201cWe will not go back until the offer is fair.", "(AFP)"),  # the quote runs on
    (SECOND, "Talks and what comes next", "(AFP)"),  # a heading with nothing under it
    ("By Lena Ortiz", SECOND),  # a byline above the text says nothing of its end
    ("The operator said the crews would receive:",),  # a lead-in with nothing after it
]


@pytest.mark.parametrize("ending", UNSIGNED_ENDS)
def test_a_text_that_shows_no_end_or_shows_it_was_cut_is_not_complete(ending):
    assert not reading(LEAD, *ending).complete


def test_a_lead_in_colon_inside_the_text_is_finished():
    found = reading(LEAD, "Every crew member will receive:", SECOND)
    assert all(s.finished for s in found.sentences)


# --- sentences ---------------------------------------------------------------------------------

def spans(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentences_keep_abbreviations_datelines_and_quotes_whole():
    text = ("TOLMAR, Fla. \u2014 Mr. Vale said U.S. officials met on Jan. 5 at 10 a.m. in Tolmar. "
            "\u201cWe will meet again. Nothing is settled,\u201d he said. The talks end on Friday.")
    assert spans(text) == [
        "TOLMAR, Fla. \u2014 Mr. Vale said U.S. officials met on Jan. 5 at 10 a.m. in Tolmar.",
        "\u201cWe will meet again. Nothing is settled,\u201d he said.",
        "The talks end on Friday.",
    ]


def test_two_sentences_run_together_by_a_lost_space_are_two():
    """"evaluated.The tremor": a page that lost the space between two sentences; a quote or
    an abbreviation ("U.S.Army" is none of these) stays whole."""
    text = ("The tsunami risk was being evaluated.The tremor lasted about a minute, the "
            "agency said. \u201cWe left.Then it hit,\u201d a resident said.")
    assert spans(text) == ["The tsunami risk was being evaluated.",
                           "The tremor lasted about a minute, the agency said.",
                           "\u201cWe left.Then it hit,\u201d a resident said."]


def test_a_long_paragraph_is_split_in_time_linear_in_its_length():
    sentence = ("The ferry operator said on Monday that the crews of the island routes would "
                "vote again after the talks failed, and the mayor told reporters she hoped for "
                "an agreement. ")
    short, long = sentence * 100, sentence * 400  # about 17 KB and 70 KB, with no line break
    started = time.perf_counter()
    assert len(spans(short)) == 100
    middle = time.perf_counter()
    assert len(spans(long)) == 400
    ended = time.perf_counter()
    assert ended - middle < 10 * (middle - started) + 0.5  # four times the text: not sixteen


# --- outlets -----------------------------------------------------------------------------------

def test_a_note_in_brackets_after_the_outlets_name_is_kept_out_of_its_choice():
    assert publisher_name("KOB 4 (Associated Press)") == ("KOB 4", "Associated Press")
    assert publisher_name("Harbour Post") == ("Harbour Post", "")
    found = read_article(Article("a", "Harbour Post (via Wire Service)", TITLE, LEAD))
    assert (found.outlet, found.outlet_note) == ("Harbour Post", "via Wire Service")


def test_two_articles_of_one_outlet_are_two_choices_named_by_their_headlines():
    one = read_article(Article("a", "Harbour Post", TITLE, f"{TITLE}\n\n{LEAD}"))
    two = read_article(Article("b", "Harbour Post (Reuters)", "Crossings resume after strike",
                               f"Crossings resume after strike\n\n{SECOND}"))
    labels = [o.label for o in read_outlets((one, two))]
    assert labels == ["Harbour Post (\u201cFerry crew strike halts crossings to Varnholm\u201d)",
                      "Harbour Post (\u201cCrossings resume after strike\u201d)"]


def test_roles_of_a_whole_page_read_in_order():
    texts = [TITLE, "By Lena Ortiz", "Image: Crews on the quay", LEAD, SECOND, "(AFP)"]
    assert paragraph_roles(texts, TITLE) == [
        "headline", "credit", "caption", "prose", "prose", "credit"]
