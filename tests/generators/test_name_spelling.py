"""name_spelling: one name spelled two ways by different outlets, keyed by which outlets' texts
carry each spelling as a whole word; different people and related words are left alone."""
from __future__ import annotations

import re

from quizapp.generators import load_story
from quizapp.generators.kinds import name_spelling
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import contains_word

from tests.generators.reading import SEED, keys


def outlets_writing(s: Story, spelling: str) -> set[str]:
    return {a.outlet for a in s.articles if contains_word(a.text, spelling)}


def asked(question) -> str:
    return re.findall(r"\u201c(.+?)\u201d", question.prompt)[-1]


def test_seed_finds_the_two_spellings_with_the_right_outlets(seed_story):
    seed = seed_story
    questions = name_spelling.generate(seed)
    outlet_q = [q for q in questions if q.prompt.startswith("Outlets spell")]
    assert len(outlet_q) == 1
    (question,) = outlet_q
    # "Zelensky" is inside "Zelenskyy", so the question asks for the longer spelling.
    assert asked(question) == "Zelenskyy"
    assert keys(question) == outlets_writing(seed, "Zelenskyy") == {"Dunya News", "Newszop", "Euromaidan Press"}
    wrong = set(question.choices) - keys(question)
    assert "The Moscow Times" in wrong
    assert not any(contains_word(a.text, "Zelenskyy") for a in seed.articles if a.outlet in wrong)
    reverse = [q for q in questions if q.prompt.endswith("use?")]
    assert reverse and set(reverse[0].choices) == {"Zelensky", "Zelenskyy"}


def test_invented_story_keys_and_evidence(story):
    bridge = story("bridge-closure")
    questions = name_spelling.generate(bridge)
    assert questions
    for question in questions:
        if question.prompt.startswith("Outlets spell"):
            assert keys(question) == outlets_writing(bridge, asked(question)) - outlets_writing(bridge, "Wierzbicky")
            assert keys(question) == {"Riverside Chronicle", "The Valley Observer"}
        for evidence in question.evidence:
            assert contains_word(evidence.text, "Wierzbicki") or contains_word(evidence.text, "Wierzbicky")


def test_different_first_names_are_different_people(story):
    # Marta Lindqvist and Johan Lindquist: near-identical surnames, two people.
    assert name_spelling.generate(story("quiet-library-vote")) == []


def test_one_spelling_only_is_silent():
    text = "Mayor Ana Ruiz opened the Korvian fair. Ruiz said the fair would return."
    same = Story("same", "Same", (Article("a", "Paper One", "Fair", text), Article("b", "Paper Two", "Fair", text)))
    assert name_spelling.generate(same) == []


def test_related_words_and_possessives_are_not_spellings():
    one = Article("a", "Paper One", "Talks", "Delegates from Korvia met in Talmaro. Adaeze Okoro's plan won.")
    two = Article("b", "Paper Two", "Talks", "Korvian delegates met in Talmaro. Adaeze Okoro spoke first.")
    assert name_spelling.generate(Story("rel", "Rel", (one, two))) == []


def test_first_name_transliterations_of_one_official():
    one = Article("a", "Paper One", "Floods", "Governor Dmitri Valen said the river was falling. Valen visited the dam.")
    two = Article("b", "Paper Two", "Floods", "Governor Dmitry Valen said the river was falling. Valen visited the dam.")
    questions = name_spelling.generate(Story("tr", "Tr", (one, two)))
    assert questions
    for question in questions:
        assert set(question.choices) in ({"Paper One", "Paper Two"}, {"Dmitri Valen", "Dmitry Valen"})
        if question.prompt.startswith("Outlets spell"):
            assert keys(question) == outlets_writing(Story("tr", "Tr", (one, two)), asked(question))


def test_deterministic():
    assert name_spelling.generate(load_story(SEED)) == name_spelling.generate(load_story(SEED))


def test_a_surname_romanised_two_ways_names_the_outlets_of_each():
    one = Article("a", "Paper One", "Port", "Port director Oskar Tsaryov said the quay was shut. Tsaryov visited the crane.")
    two = Article("b", "Paper Two", "Port", "Port director Oskar Caryov said the quay was shut. Caryov visited the crane.")
    three = Article("c", "Paper Three", "Port", "Port director Oskar Tsaryov said the crane was cracked.")
    story = Story("ts", "Ts", (one, two, three))
    questions = name_spelling.generate(story)
    outlet_q = [q for q in questions if q.prompt.startswith("Outlets spell")]
    assert len(outlet_q) == 1
    assert asked(outlet_q[0]) == "Caryov" and keys(outlet_q[0]) == {"Paper Two"}
    assert set(outlet_q[0].choices) == {"Paper One", "Paper Two", "Paper Three"}
    reverse = [q for q in questions if q.prompt.endswith("use?")]
    assert reverse and set(reverse[0].choices) == {"Caryov", "Tsaryov"}


def test_a_romanised_surname_under_another_first_name_is_another_person():
    one = Article("a", "Paper One", "Port", "Port director Oskar Tsaryov said the quay was shut. Tsaryov visited the crane.")
    two = Article("b", "Paper Two", "Port", "Port director Vera Caryov said the quay was shut. Caryov visited the crane.")
    assert name_spelling.generate(Story("ts", "Ts", (one, two))) == []
