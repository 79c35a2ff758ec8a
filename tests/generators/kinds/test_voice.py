"""voice: whose word a loaded term is in one article, asked where the same word stands in another
voice in another outlet (one quotes a source saying it, another writes it in its own narration);
the wrong choices are people the story gives words to. And first-hand against second-hand
accounts."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import voice
from quizapp.generators.reading.text import fold
from tests.generators.kinds.stories import CORPUS, invented, model_of
from tests.generators.corpus import key

KIND = "voice"

QUOTED = ("North Wire", "Port chief Marc Dever called the strike \u201ceconomic sabotage\u201d on "
                        "Monday. Union leader Ann Lee said the walkout would last a week. "
                        "Transport Minister Rui Tavo said the government would talk to both sides.")
NARRATED = ("South Post", "The strike at the port of Selmar, economic sabotage in all but name, "
                          "entered its second day on Tuesday. Union leader Ann Lee said the "
                          "walkout would last a week. Port chief Marc Dever said the port would "
                          "stay open.")


def test_a_word_one_outlet_narrates_and_another_quotes_is_asked_in_the_narrating_outlet():
    (question,) = voice.write(invented(QUOTED, NARRATED))
    assert question.prompt == "In South Post, whose word is \u201ceconomic sabotage\u201d?"
    assert key(question) == voice.OWN
    assert "Marc Dever" in question.choices  # the speaker of the same word in North Wire
    assert "Ann Lee" in question.choices
    assert "In North Wire, by contrast" in question.explanation
    assert [e.article for e in question.evidence][:2] == ["b", "a"]


def test_a_quoted_word_no_outlet_narrates_is_asked_against_the_other_speakers():
    model = invented(QUOTED, ("South Post", "The strike at the port of Selmar entered its second "
                                            "day on Tuesday."))
    (question,) = voice.write(model)
    assert question.prompt == "In North Wire, whose word is \u201ceconomic sabotage\u201d?"
    assert key(question) == "Marc Dever"
    assert set(question.choices) == {"Marc Dever", "Ann Lee", "Rui Tavo", voice.OWN}


def test_an_outlets_own_word_no_other_outlet_quotes_is_left_to_word_choice():
    model = invented(NARRATED, ("North Wire", "The strike at the port of Selmar entered its "
                                              "second day on Tuesday."))
    assert voice.write(model) == []


def test_words_credited_without_quotation_marks_are_not_keyed():
    model = invented(
        ("North Wire", "Port chief Marc Dever said the strike was economic sabotage. Union leader "
                       "Ann Lee said the walkout would last a week. Minister Rui Tavo said the "
                       "government would talk to both sides."),
        NARRATED,
    )
    for question in voice.write(model):
        assert key(question) != "Marc Dever"


def test_a_loaded_word_in_the_narration_needs_the_thing_named_plainly_too():
    model = invented(
        ("North Wire", "Port chief Marc Dever called the standoff \u201ceconomic sabotage\u201d. "
                       "Union leader Ann Lee said talks would resume on Monday."),
        ("South Post", "Union leader Ann Lee said talks would resume. Port chief Marc Dever said "
                       "both sides would meet. The standoff at the port of Selmar is economic "
                       "sabotage in its second day."),
    )
    assert voice.write(model) == []  # no "strike" or "walkout" anywhere: is it that thing?


@pytest.mark.parametrize("folder", CORPUS, ids=lambda f: f.name)
def test_the_keyed_voice_is_shown_by_the_sentence_and_every_wrong_one_speaks(folder):
    model = model_of(folder)
    for question in voice.write(model):
        if "whose word" not in question.prompt:
            continue
        word = question.prompt.split("\u201c")[1].split("\u201d")[0]
        first = question.evidence[0]
        assert fold(word) in fold(first.text)
        if key(question) != voice.OWN:
            assert fold(key(question).split()[-1]) in fold(first.text)
        for choice in question.choices:
            if choice in (key(question), voice.OWN):
                continue
            entity = model.entities.find(choice)
            assert entity is not None and not entity.outlet, choice
            assert any(fold(choice.split()[-1]) in fold(e.text) for e in question.evidence[1:])


def test_a_witness_who_saw_it_against_two_who_heard_it_from_someone():
    model = invented(
        ("North Wire", "Farmer Ann Lee said she saw the dam give way at dawn. \u201cI saw the wall "
                       "crack and the water come down the valley,\u201d Lee said."),
        ("South Post", "Shopkeeper Bo Park said a neighbour told him the water reached the "
                       "square within minutes of the dam giving way."),
        ("East Times", "Teacher Cai Ren said she was told by relatives that the dam had "
                       "cracked overnight before it gave way."),
    )
    (question,) = [q for q in voice.write(model) if "saw" in q.prompt]
    assert key(question) == "Ann Lee"
    assert set(question.choices) == {"Ann Lee", "Bo Park", "Cai Ren"}
    assert "Ann Lee saw it first-hand" in question.explanation


def test_an_account_with_both_hands_or_in_the_narration_is_not_judged():
    model = invented(
        ("North Wire", "I saw the dam give way, a reporter writes. Farmer Ann Lee said she "
                       "watched as the wall cracked, though a neighbour told her it had cracked "
                       "before."),
        ("South Post", "Shopkeeper Bo Park said a neighbour told him the water came fast."),
        ("East Times", "Teacher Cai Ren said she was told by relatives that the dam cracked."),
    )
    assert not [q for q in voice.write(model) if "saw" in q.prompt]
