"""numbers: the figure an outlet gives when outlets disagree on one quantity, and whose figure
it is; wrong figures are absent from the asked outlet, wrong sources absent from the sentence."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from quizapp.generators import load_story, numbers
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
    return tuple(numbers.generate(story(path)))


def key(question) -> str:
    (index,) = question.answer
    return question.choices[index]


def digits(text: str) -> set[str]:
    return {t.replace(",", "") for t in re.findall(r"\d+(?:[.,]\d+)*", text)}


def outlet_text(s: Story, outlet: str) -> str:
    return "\n".join(a.text for a in s.articles if a.outlet == outlet)


def source_question(path: Path, figure: str):
    (question,) = [q for q in questions(path) if q.prompt.endswith(f"the figure {figure}?")]
    return question


def test_seed_names_the_source_of_each_drone_figure():
    assert key(source_question(SEED, "55 drones")) == "Ukraine\u2019s air force"
    assert key(source_question(SEED, "158 drones")) == "The Russian defence ministry"
    assert key(source_question(SEED, "155 nationals")) == "Ukrainian President Volodymyr Zelensky"


def test_every_source_question_is_proven_by_its_sentence():
    for path in (SEED, STORIES / "vaccine-plant", STORIES / "river-flood"):
        s = story(path)
        for question in questions(path):
            if "who is the source" not in question.prompt:
                continue
            (evidence,) = question.evidence
            assert evidence.text in s.article(evidence.article).text
            figure = question.prompt.rsplit("the figure ", 1)[1].rstrip("?")
            assert digits(figure) <= digits(evidence.text)
            answer = key(question)
            if answer == numbers.AS_FACT:
                assert not re.search(r"\b(said|says|told|according to|claimed|reported)\b", evidence.text)
            else:
                assert fold(answer) in fold(evidence.text)
            for choice in question.choices:
                if choice not in (answer, numbers.AS_FACT):
                    assert fold(choice) not in fold(evidence.text), (question.prompt, choice)


def test_invented_stories_ask_which_figure_an_outlet_gives_when_outlets_disagree():
    s = story(STORIES / "river-flood")
    (question,) = [q for q in questions(STORIES / "river-flood") if q.prompt.startswith("What figure")]
    assert question.prompt == "What figure does Lowmark Herald give for the number of people killed?"
    assert key(question) == "31"
    assert set(question.choices) == {"31", "at least 27"}
    assert "27" not in digits(outlet_text(s, "Lowmark Herald"))
    (question,) = [q for q in questions(STORIES / "vaccine-plant") if q.prompt.startswith("What figure")]
    assert question.prompt == "What figure does Coastline News give for the number of people injured?"
    assert key(question) == "9" and set(question.choices) == {"9", "at least 14"}


def test_a_figure_stated_in_the_outlets_own_voice_is_keyed_as_fact():
    question = source_question(STORIES / "vaccine-plant", "650 people")
    assert key(question) == numbers.AS_FACT
    assert question.evidence[0].text == "The plant employs 650 people and is the largest employer in the district."


def test_different_quantities_are_not_compared_and_pronoun_sources_are_not_guessed():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "Rebels launched 55 drones at the city overnight, the army said."),
        Article("b", "South Post", "B", "Air defences shot down 158 drones over the region, the army said."),
        Article("c", "East Times", "C", "He said 40 people were hurt in the attack on the city."),
    ))
    found = numbers.generate(s)
    assert not [q for q in found if q.prompt.startswith("What figure")]
    assert not [q for q in found if "40 people" in q.prompt]
    assert [key(q) for q in found if "55 drones" in q.prompt] == ["The army"]


def test_silent_without_figures():
    assert numbers.generate(story(STORIES / "library-reopening")) == []
