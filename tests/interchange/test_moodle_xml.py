"""Moodle XML: multichoice with fractions that sum right and feedback per choice, in a category
named after the story, the articles as description questions; read back the same, and a file
we cannot take (or an unsafe one) refused naming the element."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from quizapp.interchange import moodle_xml
from quizapp.interchange.model import FormatError
from tests.interchange.support import (
    ARTICLES,
    ITEMS,
    MATCHING,
    ORDERING,
    bank,
    keyed,
    pairs,
    typed_bank,
)

FILES = Path(__file__).resolve().parent / "files"


def document() -> etree._Element:
    return etree.fromstring(moodle_xml.write(bank()).data)


def test_round_trip_keeps_prompts_choices_keys_and_skills():
    items = moodle_xml.read(moodle_xml.write(bank()).data)
    assert keyed(items) == keyed(ITEMS)
    assert [item.skill for item in items] == [item.skill for item in ITEMS]


def test_category_is_the_story_and_each_article_a_description_first():
    questions = document().findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == "$course$/top/Fire at the harbour // docks"
    descriptions = questions[1:1 + len(ARTICLES)]
    assert [q.get("type") for q in descriptions] == ["description"] * len(ARTICLES)
    text = descriptions[0].findtext("questiontext/text")
    assert "<p>Chief Mara Osei said the fire was “under control” by noon.</p>" in text
    assert all(q.get("type") == "multichoice" for q in questions[1 + len(ARTICLES):])


@pytest.mark.parametrize("index", range(len(ITEMS)))
def test_fractions_give_the_whole_mark_for_the_key_and_nothing_for_all(index):
    question = document().findall("question[@type='multichoice']")[index]
    fractions = [float(a.get("fraction")) for a in question.findall("answer")]
    right = [f for f, c in zip(fractions, ITEMS[index].choices, strict=True) if c.correct]
    assert sum(right) == pytest.approx(100, abs=0.001)
    single = question.findtext("single")
    assert single == ("true" if len(right) == 1 else "false")
    if single == "false":  # checkboxes: ticking every one earns nothing
        assert sum(fractions) <= 0.001


def test_every_choice_has_its_feedback_and_the_general_feedback_the_evidence():
    question = document().findall("question[@type='multichoice']")[1]
    feedback = [a.findtext("feedback/text") for a in question.findall("answer")]
    assert feedback[0] == "<p>Right.</p>" and "Not this one" in feedback[2]
    general = question.findtext("generalfeedback/text")
    assert "The outlets disagree: 14 and 12." in general
    assert "Evidence (Bay Wire: Blaze at the docks): “12 boats were damaged”" in general


def test_markup_in_a_choice_stays_text():
    items = moodle_xml.read(moodle_xml.write(bank()).data)
    assert items[1].choices[3].text == "<b>16</b>"


def test_a_file_shaped_as_moodle_exports_imports_ten_questions():
    items = moodle_xml.read((FILES / "ten-questions.xml").read_bytes())
    assert len(items) == 10
    assert items[0].prompt == "Who said the fire was “under control” by noon?"
    assert items[0].explanation == "Check whom “said” points to."
    assert items[2].prompt == "Which figures appear in the articles?\nChoose all that apply."
    assert items[2].type == "multiple" and items[2].skill == "numbers"
    assert keyed(items[4:5]) == [("Bay Wire calls it a “blaze” in its headline.",
                                  (("True", True), ("False", False)))]
    assert items[6].prompt == "What does Bay Wire's headline call it? Tom & Jerry <3"


QUESTION = ('<question type="multichoice"><name><text>Q</text></name><questiontext><text>Fine?'
            '</text></questiontext><answer fraction="100"><text>yes</text></answer>'
            '<answer fraction="0"><text>no</text></answer></question>')


@pytest.mark.parametrize(("source", "words"), [
    ("<quiz>" + QUESTION + '\n<question type="shortanswer"><name><text>Chief</text></name>'
     "</question></quiz>", "<question> 2 “Chief” (line 2): type=\"shortanswer\""),
    ("<quiz>\n" + QUESTION.replace('fraction="100"', 'fraction="lots"') + "</quiz>",
     'fraction="lots"'),
    ("<quiz>\n" + QUESTION.replace('fraction="100"', 'fraction="0"') + "</quiz>",
     "none is right"),
    ("<quiz>\n" + QUESTION.replace("Fine?", "") + "</quiz>", "<questiontext> is empty"),
    ("<quiz>\n<question type='multichoice'>\n</quiz>", "line 3: the file is not well-formed"),
    ("<questions/>", "starts with <quiz>"),
])
def test_a_file_we_cannot_take_is_refused_naming_the_element(source, words):
    with pytest.raises(FormatError) as refused:
        moodle_xml.read(source.encode())
    assert words in str(refused.value)


def test_entities_and_doctypes_are_refused_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    external = (f'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file://{secret}">]>'
                '<quiz>' + QUESTION.replace("Fine?", "&x;") + "</quiz>")
    laughs = ('<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              "<quiz>" + QUESTION.replace("Fine?", "&c;") + "</quiz>")
    for source in (external, laughs):
        with pytest.raises(FormatError, match="DOCTYPE") as refused:
            moodle_xml.read(source.encode())
        assert "TOP SECRET" not in str(refused.value)


def test_matching_is_moodle_matching_with_the_distractor_as_an_extra_answer():
    root = etree.fromstring(moodle_xml.write(typed_bank()).data)
    matching = root.find("question[@type='matching']")
    subs = [(s.findtext("text"), s.findtext("answer/text")) for s in matching.iter("subquestion")]
    assert subs == [("Coast Courier", "14"), ("Bay Wire", "12"), ("", "20")]
    items = moodle_xml.read(moodle_xml.write(typed_bank()).data)
    assert keyed(items[:3]) == keyed(ITEMS)
    assert items[3].type == "matching" and pairs(items[3]) == pairs(MATCHING)


def test_ordering_and_find_the_evidence_are_left_out_with_their_reasons():
    out = moodle_xml.write(typed_bank())
    assert [s.item.type for s in out.skipped] == ["ordering", "evidence"]
    assert "plugin" in out.skipped[0].reason
    assert ORDERING.prompt.encode() not in out.data


XML_PIECES = st.sampled_from(["<quiz>", "</quiz>", "<question type='multichoice'>",
                              "<question type='matching'>", "</question>", "<questiontext>",
                              "</questiontext>", "<text>", "</text>", "<answer fraction='100'>",
                              "<answer fraction='x'>", "</answer>", "<subquestion>",
                              "</subquestion>", "Fine?", "&amp;", "&x;", "<![CDATA[<p>",
                              "]]>", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(XML_PIECES, max_size=40).map("".join))
def test_any_xml_gives_questions_or_a_message_never_a_crash(source):
    try:
        items = moodle_xml.read(source.encode())
    except FormatError as refused:
        assert str(refused)
    else:
        assert all(item.prompt and any(c.correct for c in item.choices) for item in items)
