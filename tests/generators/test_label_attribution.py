"""label_attribution: "Who called X a “label”?" keyed to whoever applied the label, people or
organisations, with wrong answers who never used those words."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from quizapp.generators import label_attribution, load_story
from quizapp.generators.model import Story
from quizapp.generators.text import fold, sentences

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "beijing-denies-chinese-fighters"
STORIES = ROOT / "tests" / "stories"


@cache
def story(path: Path) -> Story:
    return load_story(path)


@cache
def questions(path: Path):
    return tuple(label_attribution.generate(story(path)))


def find(path: Path, prompt: str):
    found = [q for q in questions(path) if q.prompt == prompt]
    assert len(found) == 1, [q.prompt for q in questions(path)]
    return found[0]


def keys(question) -> list[str]:
    return [question.choices[i] for i in question.answer]


def label_of(question) -> str:
    return re.search(r"\u201c(.+?)\u201d", question.prompt).group(1)


def test_seed_decisive_enabler_is_nato():
    question = find(SEED, "Who called China a \u201cdecisive enabler\u201d?")
    assert keys(question) == ["NATO"]
    assert "China" not in question.choices  # what was labelled is never a speaker choice
    assert len(question.choices) >= 3


def test_seed_main_sponsor_is_kaja_kallas():
    question = find(SEED, "Who called China the \u201cmain sponsor\u201d?")
    assert keys(question) == ["Kaja Kallas"]
    assert "Kallas" not in question.choices


def test_evidence_holds_the_label_and_names_the_key():
    for path in (SEED, STORIES / "bridge-closure"):
        for question in questions(path):
            evidence = " ".join(e.text for e in question.evidence)
            assert label_of(question) in evidence, question
            for name in keys(question):
                assert any(re.search(rf"\b{re.escape(part)}\b", evidence) for part in name.split()), question


def test_wrong_answers_never_used_the_label():
    for path in (SEED, STORIES / "bridge-closure"):
        for question in questions(path):
            label = fold(label_of(question))
            for index, choice in enumerate(question.choices):
                if index in question.answer:
                    continue
                for article in story(path).articles:
                    for sentence in sentences(article.text):
                        if label in fold(sentence.text):
                            assert fold(choice.split()[-1]) not in fold(sentence.text), (choice, sentence.text)


def test_invented_story_keys():
    bridge = STORIES / "bridge-closure"
    assert keys(find(bridge, "Who called the closure \u201ca bureaucratic panic\u201d?")) == ["Bram Hoekstra"]
    assert keys(find(bridge, "Who called the detour plan \u201ca commuter nightmare\u201d?")) == ["Ulla Sandvik"]
    # An organisation (an acronym as the subject) applies a label too.
    assert keys(find(bridge, "Who called the Kestrel Bridge a \u201cstructural liability\u201d?")) == ["NBSA"]


def test_one_dismissal_is_asked_once():
    # The mayor's verdict on the reports comes in three wordings; quote_rendering compares them.
    about_reports = [q for q in questions(STORIES / "bridge-closure") if "the reports" in q.prompt]
    assert len(about_reports) == 1


def test_silent_without_quotes():
    assert label_attribution.generate(story(STORIES / "quiet-library-vote")) == []


def test_deterministic():
    assert label_attribution.generate(load_story(SEED)) == label_attribution.generate(load_story(SEED))
