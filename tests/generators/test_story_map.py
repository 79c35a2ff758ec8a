"""The story map read from invented stories, each rule with the text that shows it: a figure two
outlets disagree on, one they agree on, what each cell says and marks, why a cell is blank, a
quotation printed in other words or credited to someone else, a claim one outlet states and
another credits, whose report each article carries. Then the seed and the real corpus whole:
every row well formed and every cell pointing at the words it shows."""
from __future__ import annotations

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.story_map import (
    AGENCIES,
    CREDITED,
    CUT_OFF,
    MAY_BE_CUT_OFF,
    NOT_FOUND,
    NOT_QUOTED,
    NOT_SHARED,
    PRESENTED,
    SILENT,
    WORDED,
    Row,
    story_map,
)

from tests.generators.kinds.stories import CORPUS, model_of


def story(*articles: tuple[str, str, bool | None]) -> StoryModel:
    """A story of one article per (outlet, text, whole), ids "a", "b", ... in order. `whole` is
    what the person adding it says: True a whole article, None nothing said."""
    return StoryModel(Story("t", "t", tuple(
        Article(chr(97 + n), outlet, "", text, whole=whole)
        for n, (outlet, text, whole) in enumerate(articles))))


def rows_of(model: StoryModel, kind: str) -> list[Row]:
    return [row for row in story_map(model).rows if row.kind == kind]


def the_row(model: StoryModel, kind: str) -> Row:
    (row,) = rows_of(model, kind)
    return row


def cell(row: Row, article: str):
    return next(c for c in row.cells if c.article == article)


# --- figures ------------------------------------------------------------------------------------

FERRY_TOLLS = story(
    ("Harbour Gazette", "At least 12 people were killed when a ferry sank off Port Ellis, the "
     "coast guard said.", True),
    ("Coast Courier", "A ferry sank off Port Ellis, killing 19 people.", True),
    ("Valley Times", "A ferry sank off Port Ellis. Rescuers searched the water.", None),
)


def test_a_figure_two_outlets_disagree_on_is_a_row_marked_disagree():
    row = the_row(FERRY_TOLLS, "figure")
    assert row.label == "The death toll"
    assert row.disagree and not row.differ
    assert "qualifier" in row.note  # "at least 12" leaves room above it


def test_each_figure_cell_holds_the_words_printed_and_how_they_are_given():
    row = the_row(FERRY_TOLLS, "figure")
    (gazette,) = cell(row, "a").entries
    assert gazette.text == "At least 12"
    assert gazette.marks == ("credited to the coast guard",)
    (courier,) = cell(row, "b").entries
    assert courier.text == "19"
    assert courier.marks == ("stated as fact",)
    # Each value points at its own words in its own article: the reader marks exactly these.
    for entry, article in ((gazette, "a"), (courier, "b")):
        text = FERRY_TOLLS.article(article).text
        assert entry.passage.article == article
        assert text[entry.passage.start:entry.passage.end] == entry.text


def test_figures_that_agree_make_a_row_without_a_disagreement():
    model = story(
        ("Harbour Gazette", "Twelve people died when a ferry sank off Port Ellis, the coast "
         "guard said.", True),
        ("Coast Courier", "A ferry sank off Port Ellis, killing 12 people, officials said.", True),
    )
    row = the_row(model, "figure")
    assert not row.disagree
    assert [c.text for c in row.cells] == ["Twelve", "12"]
    assert cell(row, "b").entries[0].marks == (
        "credited to an unnamed source (\u201cofficials\u201d)",)


def test_an_outlet_printing_two_values_shows_both_in_reading_order():
    model = story(
        ("Harbour Gazette", "At least 12 people died when a ferry sank off Port Ellis. By "
         "evening the toll had risen to 15 people killed, the coast guard said.", True),
        ("Coast Courier", "A ferry sank off Port Ellis, killing 15 people.", True),
    )
    row = the_row(model, "figure")
    texts = [entry.text for entry in cell(row, "a").entries]
    assert texts[0] == "At least 12" and "15" in texts[-1]
    starts = [entry.passage.start for entry in cell(row, "a").entries]
    assert starts == sorted(starts)


def test_a_figure_only_one_outlet_gives_makes_no_row():
    model = story(
        ("Harbour Gazette", "A ferry sank off Port Ellis, killing 12 people.", True),
        ("Coast Courier", "A ferry sank off Port Ellis on Monday.", True),
    )
    assert rows_of(model, "figure") == []


# --- blank cells --------------------------------------------------------------------------------


def test_a_whole_article_that_gives_nothing_is_not_given_and_a_text_that_may_be_cut_off_says_so():
    row = the_row(FERRY_TOLLS, "figure")
    valley = cell(row, "c")
    assert valley.entries == () and valley.blank == MAY_BE_CUT_OFF
    assert "cut off" in valley.blank
    whole = story(
        ("Harbour Gazette", "At least 12 people were killed when a ferry sank off Port Ellis, "
         "the coast guard said.", True),
        ("Coast Courier", "A ferry sank off Port Ellis, killing 19 people.", True),
        ("Valley Times", "A ferry sank off Port Ellis. Rescuers searched the water.", True),
    )
    assert cell(the_row(whole, "figure"), "c").blank == SILENT == "not given"


def test_a_text_that_stops_mid_sentence_is_cut_off():
    model = story(
        ("Harbour Gazette", "At least 12 people were killed when a ferry sank off Port Ellis, "
         "the coast guard said.", True),
        ("Coast Courier", "A ferry sank off Port Ellis, killing 19 people.", True),
        ("Valley Times", "A ferry sank off Port Ellis. Rescuers searched the water and the", None),
    )
    assert cell(the_row(model, "figure"), "c").blank == CUT_OFF


# --- quotations ---------------------------------------------------------------------------------


def test_a_quotation_outlets_print_in_other_words_is_a_row_with_each_wording_and_its_credit():
    model = story(
        ("Harbour Gazette", "A ferry sank off Port Ellis. \u201cWe are still searching the "
         "water for survivors,\u201d said Captain Mara Voss, who leads the rescue.", True),
        ("Coast Courier", "A ferry sank off Port Ellis. \u201cWe are still searching the waters "
         "near the harbour for survivors,\u201d Captain Mara Voss told reporters.", True),
        ("Valley Times", "A ferry sank off Port Ellis on Monday.", True),
    )
    row = the_row(model, "quotation")
    assert row.differ == WORDED and not row.disagree
    assert row.label.startswith("The quotation \u201cWe are still searching the water")
    (gazette,), (courier,) = cell(row, "a").entries, cell(row, "b").entries
    assert gazette.text == "\u201cWe are still searching the water for survivors\u201d"
    assert gazette.marks == ("credited to Mara Voss (\u201csaid\u201d)",)
    assert courier.marks == ("credited to Mara Voss (\u201ctold\u201d)",)
    # The link shows the whole sentence, with whom it credits.
    assert "Voss" in courier.passage.text
    assert cell(row, "c").blank == NOT_QUOTED


def test_a_quotation_printed_word_for_word_everywhere_makes_no_row():
    words = "\u201cWe are still searching the water for survivors,\u201d said Captain Mara Voss."
    model = story(("Harbour Gazette", f"A ferry sank. {words}", True),
                  ("Coast Courier", f"A ferry sank off Port Ellis. {words}", True))
    assert rows_of(model, "quotation") == []


def test_the_same_words_credited_to_two_speakers_are_a_row_saying_so():
    words = "The ferry was never fit to carry passengers in winter"
    model = story(
        ("Harbour Gazette", f"A ferry sank. \u201c{words},\u201d said Captain Mara Voss.", True),
        ("Coast Courier", f"A ferry sank. \u201c{words},\u201d said Mayor Tomas Reyes.", True),
    )
    row = the_row(model, "quotation")
    assert CREDITED in row.differ
    assert cell(row, "a").entries[0].marks[0].startswith("credited to Mara Voss")
    assert cell(row, "b").entries[0].marks[0].startswith("credited to Tomas Reyes")


def test_two_remarks_sharing_a_phrase_are_not_one_quotation():
    model = story(
        ("Harbour Gazette", "A ferry sank. \u201cIt's like a bomb went off,\u201d said Governor "
         "Ana Pike.", True),
        ("Coast Courier", "A ferry sank. \u201cIt's like a war zone,\u201d said Governor Ana "
         "Pike.", True),
    )
    assert rows_of(model, "quotation") == []


# --- claims -------------------------------------------------------------------------------------


def test_a_claim_one_outlet_states_and_others_credit_is_a_row_presented_differently():
    model = story(
        ("Harbour Gazette", "The ferry was carrying 140 passengers from Port Ellis, the coast "
         "guard said.", True),
        ("Coast Courier", "The ferry was carrying 140 passengers from Port Ellis.", True),
        ("Valley Times", "Rescuers searched the water on Monday.", True),
    )
    row = the_row(model, "claim")
    assert row.differ == PRESENTED and not row.disagree
    assert row.label.startswith("The claim \u201cThe ferry was carrying 140 passengers")
    assert cell(row, "a").text == "credits it to the coast guard (\u201csaid\u201d)"
    assert cell(row, "b").text == "states it as fact"
    assert cell(row, "b").entries[0].passage.text == \
        "The ferry was carrying 140 passengers from Port Ellis."
    assert cell(row, "c").blank == NOT_FOUND


def test_a_claim_every_outlet_presents_alike_makes_no_row():
    model = story(
        ("Harbour Gazette", "The ferry was carrying 140 passengers from Port Ellis.", True),
        ("Coast Courier", "The ferry was carrying 140 passengers from Port Ellis.", True),
    )
    assert rows_of(model, "claim") == []


# --- whose report -------------------------------------------------------------------------------


def test_whose_report_each_article_carries_and_different_agencies_are_no_disagreement():
    model = story(
        ("Harbour Gazette", "PORT ELLIS (AP) \u2014 A ferry sank off Port Ellis on Monday.", True),
        ("Coast Courier", "PORT ELLIS (Reuters) \u2014 A ferry sank off Port Ellis.", True),
        ("Valley Times", "A ferry sank off Port Ellis on Monday.", True),
    )
    row = the_row(model, "credit")
    assert [c.text for c in row.cells] == ["AP", "Reuters", ""]
    assert cell(row, "a").entries[0].marks == ("in the dateline",)
    assert cell(row, "c").blank == SILENT
    assert not row.disagree and row.differ == AGENCIES


# --- shared copy --------------------------------------------------------------------------------

WIRE_COPY = (
    "A passenger ferry carrying 140 people sank off Port Ellis early on Monday after striking "
    "rocks in heavy fog, the regional coast guard said. Rescue boats from three harbours "
    "searched the cold water through the morning while families gathered at the quay. The "
    "ferry operator said its vessel had passed a safety inspection in March and that it would "
    "cooperate fully with investigators from the maritime authority.")


def test_outlets_carrying_one_text_name_each_other():
    model = story(
        ("Harbour Gazette", WIRE_COPY, True),
        ("Coast Courier", WIRE_COPY, None),
        ("Valley Times", "A ferry sank off Port Ellis on Monday. Families waited at the quay "
         "for news of the passengers and crew.", None),
    )
    row = the_row(model, "copy")
    assert not row.disagree
    (gazette,), (courier,) = cell(row, "a").entries, cell(row, "b").entries
    assert (gazette.text, courier.text) == ("Coast Courier", "Harbour Gazette")
    assert gazette.marks[0].startswith("word for word")
    assert courier.passage.article == "b"
    # Only the text we have is compared, cut off or not.
    assert cell(row, "c").blank == NOT_SHARED


# --- the seed and the real corpus ---------------------------------------------------------------


@pytest.mark.parametrize("folder", CORPUS, ids=lambda folder: folder.name)
def test_every_map_of_the_corpus_is_well_formed(folder):
    model = model_of(folder)
    found = story_map(model)
    assert found.rows, "every story of the corpus has something to set side by side"
    labels = [row.label for row in found.rows]
    assert len(labels) == len(set(labels)), labels
    outlets = [outlet.article for outlet in found.outlets]
    for row in found.rows:
        assert [c.article for c in row.cells] == outlets
        assert any(c.entries for c in row.cells)
        assert row.kind != "figure" or sum(1 for c in row.cells if c.entries) >= 2
        for one in row.cells:
            assert bool(one.entries) != bool(one.blank)
            text = model.article(one.article).text
            for entry in one.entries:
                assert entry.passage.article == one.article
                assert text[entry.passage.start:entry.passage.end] == entry.passage.text


def test_the_seed_map_sets_lin_jians_words_side_by_side():
    """The seed's outlets print the spokesman's warning to citizens in three wordings."""
    rows = rows_of(model_of(CORPUS[-1]), "quotation")
    assert any(row.differ == WORDED and "stay away from" in row.label for row in rows)
    assert all("Lin Jian" in entry.marks[0] for row in rows for c in row.cells
               for entry in c.entries)
