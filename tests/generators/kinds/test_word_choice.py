"""word_choice: which outlet, in its own voice, uses a loaded word where the others print a plain
one for the same thing; every wrong outlet prints the plain word and no form of the loaded one."""
from __future__ import annotations

import re

import pytest

from quizapp.generators.kinds import word_choice
from quizapp.generators.reading.text import fold
from tests.generators.kinds.stories import CORPUS, invented, model_of
from tests.generators.corpus import keys

KIND = "word_choice"


def quoted_words(prompt: str) -> list[str]:
    return re.findall(r"\u201c(.+?)\u201d", prompt)


def test_a_loaded_word_in_one_outlets_voice_against_the_plain_word_in_the_others():
    model = invented(
        ("North Wire", "The bank announced a bloodbath of 600 jobs at its Selby call centre."),
        ("South Post", "The bank announced 600 layoffs at its Selby call centre on Monday."),
        ("East Times", "The bank confirmed 600 layoffs at its Selby call centre this week."),
    )
    (question,) = word_choice.write(model)
    assert keys(question) == {"North Wire"}
    assert set(question.choices) == {"North Wire", "South Post", "East Times"}
    assert quoted_words(question.prompt) == ["layoffs", "bloodbath"]
    assert "as violence" in question.explanation


def test_a_loaded_word_inside_a_quotation_is_not_the_outlets_choice():
    model = invented(
        ("North Wire", "\u201cIt is a bloodbath,\u201d said union leader Ann Lee of the 600 jobs "
                       "cut at the Selby call centre."),
        ("South Post", "The bank announced 600 layoffs at its Selby call centre on Monday."),
        ("East Times", "The bank confirmed 600 layoffs at its Selby call centre this week."),
    )
    assert word_choice.write(model) == []


def test_an_outlet_printing_the_loaded_word_anywhere_is_never_a_wrong_choice():
    model = invented(
        ("North Wire", "The bank announced a bloodbath of 600 jobs at its Selby call centre."),
        ("South Post", "The bank announced 600 layoffs at its Selby call centre on Monday. "
                       "\u201cA bloodbath,\u201d said a union official."),
        ("East Times", "The bank confirmed 600 layoffs at its Selby call centre this week."),
        ("West Echo", "The bank cut 600 jobs at its Selby call centre, making layoffs final."),
    )
    for question in word_choice.write(model):
        assert "South Post" not in question.choices


def test_words_for_different_things_are_not_set_against_each_other():
    model = invented(
        ("North Wire", "Chinese mercenaries were captured near the border town on Monday."),
        ("South Post", "Ukrainian nationals crossed the river at dawn on Sunday."),
        ("East Times", "Polish nationals crossed the river at dawn on Sunday."),
    )
    assert word_choice.write(model) == []


@pytest.mark.parametrize("folder", CORPUS, ids=lambda f: f.name)
def test_keys_print_the_loaded_word_and_wrong_outlets_the_plain_one(folder):
    model = model_of(folder)
    for question in word_choice.write(model):
        *plain, loaded = quoted_words(question.prompt)
        label_of = {e.article: model.outlet_of(e.article).label for e in question.evidence}
        for evidence in question.evidence:
            text = fold(evidence.text)
            if label_of[evidence.article] in keys(question):
                assert fold(loaded) in text
            else:
                assert any(fold(word) in text for word in plain)
                whole = fold(model.article(evidence.article).text)
                assert not re.search(rf"(?<!\w){re.escape(fold(loaded))}(?!\w)", whole)
        assert set(label_of.values()) == set(question.choices)
