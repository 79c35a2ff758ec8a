"""word_choice: which outlet uses a word for people or acts that other outlets call by a word of
another tone; the wrong outlets never use the word, a word of the same tone ("strike" for
"stoppage") is no lesson, and a speaker's word in a quotation is not the outlet's."""
from __future__ import annotations

import re

from quizapp.generators.kinds import word_choice
from quizapp.generators.reading.details import word_forms
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import fold

from tests.generators.reading import keys, outlet_text, quoted

KIND = "word_choice"


def uses(text: str, word: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", fold(text)) for f in word_forms(word))


def three_outlets(north: str, south: str, east: str) -> Story:
    return Story("t", "t", (Article("a", "North Wire", "A", north), Article("b", "South Post", "B", south),
                            Article("c", "East Times", "C", east)))


def test_seed_asks_who_calls_them_chinese_mercenaries(seed_story, questions):
    (question,) = [q for q in questions(seed_story) if quoted(q) == "Chinese mercenaries"]
    assert keys(question) == {"Euromaidan Press"}
    assert len(question.choices) == 4


def test_keys_use_the_word_and_wrong_outlets_never_do(seed_story, story, questions):
    for s in (seed_story, story("vaccine-plant")):
        assert questions(s)
        for question in questions(s):
            phrase = quoted(question)
            word = phrase.split()[-1]
            for evidence in question.evidence:
                assert evidence.text in s.article(evidence.article).text
            key_evidence = [e for e in question.evidence if s.article(e.article).outlet in keys(question)]
            assert {s.article(e.article).outlet for e in key_evidence} == keys(question)
            # Each keyed outlet shows the phrase; a keyed passage without it shows the other word
            # the explanation says that outlet also writes ("… as well as “Chinese nationals”").
            for outlet in keys(question):
                own = [e for e in key_evidence if s.article(e.article).outlet == outlet]
                assert any(fold(phrase) in fold(e.text) for e in own)
                for e in own:
                    if fold(phrase) not in fold(e.text):
                        also = re.search(r"as well as (.+?);", question.explanation).group(1)
                        assert any(fold(w) in fold(e.text) for w in re.findall(r"\u201c(.+?)\u201d", also))
            for outlet in set(question.choices) - keys(question):
                assert not uses(outlet_text(s, outlet), word), (question.prompt, outlet)


def test_invented_story_compares_protesters_activists_and_rioters(story, questions):
    s = story("vaccine-plant")
    (question,) = questions(s)
    assert quoted(question) in {"protesters", "activists", "rioters"}
    assert set(question.choices) == {"Harbour Gazette", "Coastline News", "Merrovia Daily"}
    (key,) = keys(question)
    assert uses(outlet_text(s, key), quoted(question))


def test_silent_where_no_outlet_chooses_another_word(story):
    assert word_choice.generate(story("river-flood")) == []
    assert word_choice.generate(story("library-reopening")) == []


def test_words_of_one_tone_are_no_framing_lesson():
    same_tone = three_outlets("The stoppage closed the port of Selmar on Monday, the union said.",
                              "The strike closed the port of Selmar on Monday, the union said.",
                              "The walkout closed the port of Selmar on Monday, the union said.")
    assert word_choice.generate(same_tone) == []
    alike = three_outlets("Protesters damaged the town hall in Selmar on Sunday night, police said.",
                          "Demonstrators damaged the town hall in Selmar on Sunday night, police said.",
                          "Rioters damaged the town hall in Selmar on Sunday night, police said.")
    found = word_choice.generate(alike)
    assert found  # "rioters" is another tone
    for question in found:
        wrong = set(question.choices) - keys(question)
        # Never "protesters" (North Wire) set against "demonstrators" (South Post).
        assert not ({"North Wire", "South Post"} & keys(question) and {"North Wire", "South Post"} & wrong)


def test_seed_never_sets_words_of_one_tone_against_each_other(seed_story, questions):
    for question in questions(seed_story):
        assert quoted(question) not in ("detainee", "detainees", "prisoners", "citizens", "nationals"), question.prompt


def test_every_group_of_loaded_terms_holds_words_of_different_tones():
    for group in word_choice.term_groups():
        assert any(not word_choice.framed_alike(a, b) for a in group for b in group), group


def test_a_word_inside_a_quotation_is_the_speakers_not_the_outlets():
    found = word_choice.generate(three_outlets(
        "The minister said \u201crioters\u201d had damaged the town hall in Selmar on Sunday night.",
        "Protesters damaged the town hall in Selmar on Sunday night, police said.",
        "Rioters damaged the town hall in Selmar on Sunday night, witnesses said."))
    assert found  # South Post and East Times still differ: protesters / rioters
    for question in found:
        assert "North Wire" not in question.choices
        if quoted(question) == "rioters":
            assert keys(question) == {"East Times"}


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


def test_a_word_inside_a_paraphrase_of_a_speaker_is_the_speakers():
    found = word_choice.generate(three_outlets(
        "According to him, the detained Veldan sailors were held at the Selmar harbour on Sunday night.",
        "Police captured the Veldan sailors at the Selmar harbour on Sunday night after a chase.",
        "Police captured the Veldan sailors at the Selmar harbour on Sunday night after a chase."))
    assert not [q for q in found if quoted(q) == "detained"]
    said_that = word_choice.generate(three_outlets(
        "The mayor announced that police had detained the Veldan sailors at the Selmar harbour on Sunday night.",
        "Police captured the Veldan sailors at the Selmar harbour on Sunday night after a chase.",
        "Police captured the Veldan sailors at the Selmar harbour on Sunday night after a chase."))
    assert not [q for q in said_that if quoted(q) == "detained"]


def test_a_verb_the_keyed_outlet_also_writes_is_no_framing_contrast():
    both = three_outlets(
        "The Veldan sailors were detained at the Selmar harbour on Sunday night after a chase. "
        "They had been captured at the Selmar harbour after a long chase, the coastguard said.",
        "The Veldan sailors were captured at the Selmar harbour on Sunday night after a chase.",
        "The Veldan sailors were captured at the Selmar harbour on Sunday night after a chase.")
    assert not [q for q in word_choice.generate(both) if quoted(q) == "detained"]
    # The same story where the keyed outlet never writes "captured" still asks.
    only = three_outlets(
        "The Veldan sailors were detained at the Selmar harbour on Sunday night after a chase.",
        "The Veldan sailors were captured at the Selmar harbour on Sunday night after a chase.",
        "The Veldan sailors were captured at the Selmar harbour on Sunday night after a chase.")
    (question,) = [q for q in word_choice.generate(only) if quoted(q) == "detained"]
    assert keys(question) == {"North Wire"}
    assert "never \u201cdetained\u201d" in question.explanation


def test_an_extra_label_beside_the_shared_one_says_the_outlet_writes_both():
    s = three_outlets(
        "Veldan mercenaries were seen near the Selmar bridge on Monday. "
        "At least 40 Veldan nationals crossed the border at Orrin last week, the guards counted.",
        "Veldan nationals were seen near the Selmar bridge on Monday, police said.",
        "Veldan nationals were seen near the Selmar bridge on Monday, witnesses said.")
    (question,) = [q for q in word_choice.generate(s) if quoted(q) == "Veldan mercenaries"]
    assert keys(question) == {"North Wire"}
    assert "North Wire writes \u201cVeldan mercenaries\u201d as well as \u201cVeldan nationals\u201d" \
        in question.explanation
    assert "same people" not in question.explanation
    north = [e.text for e in question.evidence if e.article == "a"]
    assert any("Veldan nationals" in t for t in north)  # the "as well as" is shown
    for outlet in set(question.choices) - keys(question):
        assert uses(outlet_text(s, outlet), "nationals") and not uses(outlet_text(s, outlet), "mercenaries")
