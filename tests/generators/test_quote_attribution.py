"""quote_attribution: "Who said “...”?" keyed to the speaker the evidence names, with wrong
answers who never said the words, and silence where nothing ties a quote to a name."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from quizapp.generators import load_story, quote_attribution
from quizapp.generators.model import Article, Story
from quizapp.generators.text import fold, sentences

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "beijing-denies-chinese-fighters"
STORIES = ROOT / "tests" / "stories"


@cache
def story(path: Path) -> Story:
    return load_story(path)


@cache
def questions(path: Path):
    return tuple(quote_attribution.generate(story(path)))


def quoted(prompt: str) -> str:
    return re.search(r"\u201c(.+?)\u2026?\u201d", prompt).group(1).rstrip("\u2026")


def key(question) -> str:
    (index,) = question.answer
    return question.choices[index]


def by_quote(path: Path, words: str):
    found = [q for q in questions(path) if fold(words) in fold(q.prompt)]
    assert len(found) == 1, [q.prompt for q in questions(path)]
    return found[0]


def test_seed_questions_key_the_speaker_named_beside_the_whole_quote():
    assert len(questions(SEED)) >= 5
    for question in questions(SEED):
        evidence = " ".join(e.text for e in question.evidence)
        assert fold(quoted(question.prompt)) in fold(evidence), question
        # The name as the evidence gives it, in full or shortened ("Lin said", "Bruce told").
        assert any(re.search(rf"\b{re.escape(part)}\b", evidence) for part in key(question).split()), question


def test_seed_choices_are_full_names_never_a_bare_surname():
    for question in questions(SEED):
        for choice in question.choices:
            others = [c for c in question.choices if c != choice]
            assert not any(len(choice.split()) == 1 and choice in other.split() for other in others), question
    asked = {c for q in questions(SEED) for c in q.choices}
    # People the seed names in full are offered in full, however the sentence shortens them.
    assert {"Lin Jian", "Tammy Bruce"} <= asked
    assert not {"Lin", "Bruce", "Kallas", "Zelensky", "Zelenskyy"} & asked


def test_wrong_answers_never_said_the_words_in_any_article():
    for path in (SEED, STORIES / "bridge-closure"):
        for question in questions(path):
            words = fold(quoted(question.prompt))
            for index, choice in enumerate(question.choices):
                if index in question.answer:
                    continue
                surname = fold(choice.split()[-1])
                for article in story(path).articles:
                    for sentence in sentences(article.text):
                        if words in fold(sentence.text):
                            assert not re.search(rf"\b{re.escape(surname)}\b", fold(sentence.text)), (
                                choice, sentence.text)


def test_invented_story_keys():
    bridge = STORIES / "bridge-closure"
    assert key(by_quote(bridge, "eight support cables")) == "Nadia Okonkwo"
    assert key(by_quote(bridge, "lose an hour every shift")) == "Ulla Sandvik"
    # "said:" introducing the quote, and a name followed by an age and a description
    assert key(by_quote(bridge, "every morning for forty years")) == "Pedro Alvarenga"


def test_pronoun_tie_shows_the_sentence_that_names_the_speaker():
    question = by_quote(STORIES / "bridge-closure", "a date for the work by June")
    assert key(question) == "Tomasz Wierzbicki"
    (evidence,) = question.evidence
    assert evidence.text.startswith("Mayor Tomasz Wierzbicki")
    assert "he said" in evidence.text


def test_quotes_the_text_does_not_tie_to_a_name_are_not_asked():
    prompts = " ".join(q.prompt for q in questions(STORIES / "bridge-closure"))
    assert "well over ten million" not in prompts  # "a senior city official"
    assert "We will not be ignored" not in prompts  # "the spokesman", never named
    assert "safe to walk under" not in prompts  # "the engineer", not named in that article


def test_short_labels_are_left_to_label_attribution():
    prompts = " ".join(q.prompt for q in questions(STORIES / "bridge-closure"))
    assert "bureaucratic panic" not in prompts
    assert "far too early" not in prompts


def test_silent_without_quotes():
    assert quote_attribution.generate(story(STORIES / "quiet-library-vote")) == []


def test_silent_when_only_one_speaker_is_quoted():
    text = "Mayor Ana Ruiz said the park would reopen. \u201cWe will plant two hundred trees this spring,\u201d Ruiz said."
    single = Story("one", "One", (Article("a", "Town Paper", "Park", text),))
    assert quote_attribution.generate(single) == []  # no other speakers to offer as wrong answers


def test_every_evidence_passage_is_exact_article_text():
    for path in (SEED, STORIES / "bridge-closure"):
        for question in questions(path):
            for evidence in question.evidence:
                assert evidence.text in story(path).article(evidence.article).text


def test_deterministic():
    assert quote_attribution.generate(load_story(SEED)) == quote_attribution.generate(load_story(SEED))
