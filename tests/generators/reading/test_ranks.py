"""Golden rules of reading ranks: an ordinal before a superlative and the noun it ranks, in an
outlet's own prose; never inside a quotation, never the noun's trailing "in the US"."""
from __future__ import annotations

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel


def ranks_of(text: str):
    return StoryModel(Story("t", "t", (Article("a", "Harbour Gazette", "x", text),))).ranks


@pytest.mark.parametrize("text, shown, ordinal, thing", [
    ("Regulators shut the country\u2019s 15th-largest bank on Friday.", "15th-largest bank",
     15, ("largest", "bank")),
    ("Tolmar Bank, the 16th largest bank in the US, failed on Friday.", "16th largest bank",
     16, ("largest", "bank")),
    ("It was the second-largest bank failure in the country\u2019s history.",
     "second-largest bank failure", 2, ("largest", "bank failure")),
])
def test_a_rank_is_read_with_what_it_ranks(text, shown, ordinal, thing):
    (rank,) = ranks_of(text)
    assert (rank.passage.text, rank.ordinal, rank.thing) == (shown, ordinal, thing)


def test_a_rank_inside_a_quotation_is_the_speakers_not_the_outlets():
    assert ranks_of("\u201cWe were the 15th-largest bank,\u201d the chief said on Friday.") == ()
