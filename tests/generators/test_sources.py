"""Which source names a question may print (writing/sources.py): names and described sources,
never a piece of the sentence that stood where a source stands. Golden rules on an invented
story."""
from __future__ import annotations

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.writing.sources import is_name

TEXT = ("Flood waters rose overnight in the Ilvet valley.\n\n"
        "Conflicting reports emerged on the number of survivors, with Nordpress stating that "
        "three people had been rescued.\n\n"
        "Initial reports suggest the dam wall gave way at dawn.\n\n"
        "Official figures put the toll at 12, while Ostrava reported 4 more.")
MODEL = StoryModel(Story("flood", "Flood", (Article("a", "North Wire", "Flood", TEXT),)))


@pytest.mark.parametrize("name", ["the coastguard", "The national fire agency", "Emergency "
                                  "services", "crowd scientists", "Ministry of Health", "AFP",
                                  "Ostrava"])
def test_names_and_described_sources_may_be_printed(name):
    assert is_name(MODEL, name)


@pytest.mark.parametrize("name", ["Conflicting", "Initial", "Official", "only two survivors",
                                  "three officials"])
def test_sentence_openers_counts_and_adjectives_are_no_source(name):
    assert not is_name(MODEL, name)


CUT = ("Coach Liam O'Dwyer said the club was in shock.\n\n"
       "More than 30 aftershocks hit, according to U.S. Seismic Office data.\n\n"
       "\u201cWe grieve,\u201d said Rev. Ada Fenwick.\n\n"
       "Alliance Secretary General Ana Berg said 12 teams would help.")
CUT_MODEL = StoryModel(Story("quake", "Quake", (Article("a", "North Wire", "Quake", CUT),)))


@pytest.mark.parametrize("name", ["U.S", "Rev", "Dwyer", "Liam O", "General Ana Berg",
                                  "Seismic Office"])
def test_a_name_cut_at_a_full_stop_or_an_apostrophe_is_no_name(name):
    assert not is_name(CUT_MODEL, name)


@pytest.mark.parametrize("name", ["Liam O'Dwyer", "U.S. Seismic Office", "Ada Fenwick",
                                  "Ana Berg"])
def test_the_whole_name_is_one(name):
    assert is_name(CUT_MODEL, name)
