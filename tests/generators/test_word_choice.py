"""word_choice: which outlet uses a word for people or acts that other outlets call by another
word of the same group; the wrong outlets never use the word, and a speaker's word in a
quotation is not the outlet's."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from quizapp.generators import load_story, word_choice
from quizapp.generators.details import word_forms
from quizapp.generators.model import Article, Story
from quizapp.generators.text import fold

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "beijing-denies-chinese-fighters"
STORIES = ROOT / "tests" / "stories"


@cache
def story(path: Path) -> Story:
    return load_story(path)


@cache
def questions(path: Path):
    return tuple(word_choice.generate(story(path)))


def keys(question) -> set[str]:
    return {question.choices[i] for i in question.answer}


def quoted(question) -> str:
    return re.search(r"\u201c(.+?)\u201d", question.prompt).group(1)


def outlet_text(s: Story, outlet: str) -> str:
    return "\n".join(a.text for a in s.articles if a.outlet == outlet)


def uses(text: str, word: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", fold(text)) for f in word_forms(word))


def test_seed_asks_who_calls_them_chinese_mercenaries():
    (question,) = [q for q in questions(SEED) if quoted(q) == "Chinese mercenaries"]
    assert keys(question) == {"Euromaidan Press"}
    assert len(question.choices) == 4


def test_keys_use_the_word_and_wrong_outlets_never_do():
    for path in (SEED, STORIES / "vaccine-plant"):
        s = story(path)
        assert questions(path)
        for question in questions(path):
            phrase = quoted(question)
            word = phrase.split()[-1]
            for evidence in question.evidence:
                assert evidence.text in s.article(evidence.article).text
            key_evidence = [e for e in question.evidence if s.article(e.article).outlet in keys(question)]
            assert {s.article(e.article).outlet for e in key_evidence} == keys(question)
            assert all(fold(phrase) in fold(e.text) for e in key_evidence)
            for outlet in set(question.choices) - keys(question):
                assert not uses(outlet_text(s, outlet), word), (question.prompt, outlet)


def test_invented_story_compares_protesters_activists_and_rioters():
    s = story(STORIES / "vaccine-plant")
    (question,) = questions(STORIES / "vaccine-plant")
    assert quoted(question) in {"protesters", "activists", "rioters"}
    assert set(question.choices) == {"Harbour Gazette", "Coastline News", "Merrovia Daily"}
    (key,) = keys(question)
    assert uses(outlet_text(s, key), quoted(question))


def test_silent_where_no_outlet_chooses_another_word():
    assert word_choice.generate(story(STORIES / "river-flood")) == []
    assert word_choice.generate(story(STORIES / "library-reopening")) == []


def test_a_word_inside_a_quotation_is_the_speakers_not_the_outlets():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "The minister said “rioters” had damaged the town hall in Selmar on Sunday night."),
        Article("b", "South Post", "B", "Protesters damaged the town hall in Selmar on Sunday night, police said."),
        Article("c", "East Times", "C", "Demonstrators damaged the town hall in Selmar on Sunday night, witnesses said."),
    ))
    found = word_choice.generate(s)
    assert found  # South Post and East Times still differ: protesters / demonstrators
    for question in found:
        assert "North Wire" not in question.choices
        assert quoted(question) != "rioters"


def test_headlines_are_compared_only_when_the_article_text_shows_them():
    def article(id_, outlet, title, body):
        return Article(id_, outlet, title, f"{title}\n\n{body}")

    s = Story("t", "t", (
        article("a", "North Wire", "Rioters clash with police in Selmar", "The town hall was damaged on Sunday."),
        article("b", "South Post", "Protesters clash with police in Selmar", "The town hall was damaged on Sunday."),
        Article("c", "East Times", "Activists clash with police in Selmar", "The town hall was damaged on Sunday."),
    ))
    (question,) = [q for q in word_choice.generate(s) if "headline" in q.prompt]
    assert question.prompt == "Which outlet's headline uses the word \u201cprotesters\u201d?"
    assert keys(question) == {"South Post"}
    assert set(question.choices) == {"South Post", "North Wire"}  # East Times' headline is not in its text
    assert [e.text for e in question.evidence] == [
        "Protesters clash with police in Selmar", "Rioters clash with police in Selmar"]
