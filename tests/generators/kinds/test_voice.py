"""voice: whose word a loaded term is in one article, the outlet's own or a source's it quotes;
the other choices are people the same article quotes."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import voice
from quizapp.generators.reading.text import fold
from tests.generators.kinds.stories import CORPUS, invented, model_of
from tests.generators.corpus import key

KIND = "voice"

PORT = (
    ("North Wire", "Port chief Marc Dever called the strike \u201ceconomic sabotage\u201d on "
                   "Monday. Union leader Ann Lee said the walkout would last a week. Transport "
                   "Minister Rui Tavo said the government would talk to both sides."),
    ("South Post", "The strike at the port of Selmar entered its second day on Tuesday."),
)


def test_a_loaded_word_in_a_quotation_is_the_quoted_sources():
    (question,) = voice.write(invented(*PORT))
    assert question.prompt == "In North Wire, whose word is \u201ceconomic sabotage\u201d?"
    assert key(question) == "Marc Dever"
    assert set(question.choices) == {"Marc Dever", "Ann Lee", "Rui Tavo", voice.OWN}


def test_a_loaded_word_in_the_narration_is_the_outlets_own():
    model = invented(
        ("North Wire", "Union leader Ann Lee said the walkout would last a week. Port chief Marc "
                       "Dever said the port would stay open. The strike at the port of Selmar is "
                       "economic sabotage in its second day."),
        ("South Post", "The strike at the port of Selmar entered its second day on Tuesday."),
    )
    (question,) = voice.write(model)
    assert key(question) == voice.OWN
    assert set(question.choices) == {voice.OWN, "Ann Lee", "Marc Dever"}


def test_a_loaded_word_in_the_narration_needs_the_thing_named_plainly_too():
    model = invented(("North Wire", "Union leader Ann Lee said talks would resume on Monday. Port "
                                    "chief Marc Dever said both sides would meet. The standoff at "
                                    "the port of Selmar is economic sabotage in its second day."))
    assert voice.write(model) == []  # no "strike" or "walkout" anywhere: is it that thing?


@pytest.mark.parametrize("folder", CORPUS, ids=lambda f: f.name)
def test_the_keyed_voice_is_shown_by_the_sentence(folder):
    model = model_of(folder)
    for question in voice.write(model):
        word = question.prompt.split("\u201c")[1].split("\u201d")[0]
        first = question.evidence[0]
        assert fold(word) in fold(first.text)
        if key(question) != voice.OWN:
            assert fold(key(question).split()[-1]) in fold(first.text)
        for choice in question.choices:
            if choice not in (key(question), voice.OWN):
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
