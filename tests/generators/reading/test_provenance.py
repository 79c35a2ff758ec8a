"""Golden rules of reading shared text: invented pairs of articles and what a careful reader sees
in them: one text or two, word for word, edited or reworded, and what a copy changes."""
from __future__ import annotations

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.provenance import (
    EDITED,
    QUOTES,
    REWORDED,
    WORD_FOR_WORD,
    copy_groups,
)

ORIGINAL = [
    "A ferry carrying 212 passengers ran aground off Kessel Point late on Tuesday night.",
    "The coastguard sent two lifeboats and a helicopter to the stranded vessel within an hour.",
    "All passengers were brought ashore by dawn, and four were taken to hospital with minor "
    "injuries.",
    "The operator said the ferry had been inspected in March and found fit to sail.",
    "Investigators from the maritime safety board will board the vessel on Thursday.",
]
OTHER = [
    "Rescuers worked through the night after a passenger boat struck rocks near Kessel.",
    "Local fishermen helped to guide people onto the jetty as the tide turned.",
    "Nobody was seriously hurt, according to the regional health service.",
    "Residents said the crossing had been rough for most of the week.",
]


def model_of(*texts: list[str]) -> StoryModel:
    articles = tuple(Article(f"a{i}", f"Outlet {i}", "", "\n\n".join(text))
                     for i, text in enumerate(texts))
    return StoryModel(Story("s", "s", articles))


def shared(*texts: list[str]):
    return model_of(*texts).shared_texts


def edited(sentence_number: int, old: str, new: str) -> list[str]:
    copy = list(ORIGINAL)
    assert old in copy[sentence_number]
    copy[sentence_number] = copy[sentence_number].replace(old, new)
    return copy


def test_a_copy_word_for_word_is_one_text():
    (text,) = shared(ORIGINAL, list(ORIGINAL))
    assert text.how == WORD_FOR_WORD and text.copy and not text.changes
    assert len(text.passages) == len(ORIGINAL) and text.share == 1.0


def test_two_texts_about_one_event_are_not_one_text():
    assert not any(t.copy for t in shared(ORIGINAL, OTHER))


@pytest.mark.parametrize("number, old, new", [
    (0, "ran aground", "ran aground"),  # nothing changed
    (3, "inspected", "checked"),  # a synonym
    (1, "within an hour", "within one hour"),  # a number written out
    (0, "212 passengers", "212 passengers (and crew)"),  # a clause added
])
def test_edits_that_keep_the_meaning_are_no_change(number, old, new):
    (text,) = shared(ORIGINAL, edited(number, old, new))
    assert text.copy and not text.changes


@pytest.mark.parametrize("number, old, new, what", [
    (1, "within an hour", "within three hours", "figure"),
    (4, "on Thursday", "within 17 hours", None),  # a day named, not a figure changed
    (1, "within an hour", "within 17 hours", "figure"),
    (3, "had been inspected in March and found fit to sail",
     "had not been inspected in March and found fit to sail", "negation"),
    (4, "will board", "have boarded", "tense"),
    (0, "212 passengers", "more than 212 passengers", "qualifier"),
    (3, "found fit to sail", "found unfit to sail", None),  # a changed word, not on the lists
])
def test_a_copy_that_says_something_else(number, old, new, what):
    (text,) = shared(ORIGINAL, edited(number, old, new))
    assert text.how in (WORD_FOR_WORD, EDITED)
    assert [c.what for c in text.changes] == ([what] if what else [])
    copy = edited(number, old, new)
    for change in text.changes:
        assert change.a.text in ORIGINAL[number] and change.b.text in copy[number]


def test_an_opposite_word_is_a_change():
    first = ["The new sea wall makes the harbour flood-proof, the council said on Monday.",
             *ORIGINAL[1:]]
    second = ["The new sea wall makes the harbour flood-prone, the council said on Monday.",
              *ORIGINAL[1:]]
    (text,) = shared(first, second)
    assert [c.what for c in text.changes] == ["opposite"]


def test_did_not_rule_out_against_ruled_out():
    first = [*ORIGINAL[:4], "The board did not rule out charges against the captain."]
    second = [*ORIGINAL[:4], "The board ruled out charges against the captain."]
    (text,) = shared(first, second)
    assert [c.what for c in text.changes] == ["negation"]


def test_a_dropped_conversion_is_no_change():
    first = [*ORIGINAL[:4], "Winds of 60 mph (97 kph) were blowing when the ferry struck."]
    second = [*ORIGINAL[:4], "Winds of 60 mph were blowing when the ferry struck."]
    (text,) = shared(first, second)
    assert not text.changes


def test_sharing_only_a_quotation_is_not_one_text():
    quote = ("“We were lucky that the sea was calm and the lifeboats were close,” the captain "
             "told reporters on the quay.")
    (text,) = shared([*OTHER[:2], quote], [ORIGINAL[0], ORIGINAL[3], quote])
    assert text.how == QUOTES and not text.copy


def test_a_reworded_copy_sentence_by_sentence():
    spun = [
        "A ferry carrying 212 travellers ran aground off Kessel Point late on Tuesday evening.",
        "The coastguard dispatched two lifeboats and a helicopter to the stuck vessel within an "
        "hour.",
        "All travellers were taken ashore by dawn, and four were brought to hospital with small "
        "injuries.",
        "The company said the ferry had been checked in March and judged fit to sail.",
    ]
    (text,) = shared(ORIGINAL, spun)
    assert text.how in (REWORDED, EDITED) and text.copy


def test_copies_are_grouped_across_outlets():
    model = model_of(ORIGINAL, OTHER, list(ORIGINAL), edited(3, "inspected", "checked"))
    assert copy_groups(model.shared_texts) == [("a0", "a2", "a3")]


def test_sentences_shared_in_the_same_order_are_counted():
    (text,) = shared(ORIGINAL, list(ORIGINAL))
    assert text.in_order == len(ORIGINAL)
    # The same sentences shuffled: only a run kept in order counts.
    shuffled = [ORIGINAL[3], ORIGINAL[4], ORIGINAL[0], ORIGINAL[1], ORIGINAL[2]]
    (text,) = shared(ORIGINAL, shuffled)
    assert len(text.narration) == 5 and text.in_order == 3


def test_one_statement_reprinted_as_prose_by_two_outlets_is_no_copied_text():
    """Two outlets printing a chief's video statement as prose, without quotation marks ("I
    want to share ...", "We are working ..."): the same speech quoted, not one outlet's text."""
    speech = ("I want to share what I know at this time. Flight 12, operated by Lark Air, was "
              "involved in an accident near the river on Tuesday night.\n\n"
              "It appears to have collided with a small aircraft on approach. We are working "
              "with local, state and federal authorities on the emergency response.\n\n"
              "Our care team has been sent to help the passengers and their families tonight.")
    story = Story("s", "s", (
        Article("a", "North Wire", "Air crash", "Lark Air's chief spoke in a video on Tuesday "
                "evening after the crash near the river.\n\n" + speech),
        Article("b", "South Post", "Crash", "The airline's chief gave this statement in full "
                "to reporters late on Tuesday.\n\n" + speech),
    ))
    shared = StoryModel(story).shared_texts
    assert not any(pair.copy for pair in shared)
