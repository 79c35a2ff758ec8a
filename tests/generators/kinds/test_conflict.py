"""conflict: outlets give different values for one fact. The key prints the asked value; every
wrong outlet prints only values that cannot be it (each shown in its evidence); outlets whose
value may be the same once qualifiers and rounding are read are never offered as wrong."""
from __future__ import annotations

import re

import pytest

from quizapp.generators.kinds import conflict
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.facts import compatible
from quizapp.generators.reading.model import StoryModel
from tests.generators.figure_stories import every_story, model_of
from tests.generators.corpus import key, keys

KIND = "conflict"
TITLE = "Dam collapse floods the Ilvet valley"
NAMES = ("North Wire", "South Post", "East Herald", "West Ledger", "Valley Times")


def _story(*texts: str) -> Story:
    return Story("dam", TITLE, tuple(Article(f"a{i}", NAMES[i], TITLE, f"{TITLE}\n\n{text}")
                                     for i, text in enumerate(texts)))


TOLLS = _story(
    "At least 41 people were killed, the Emergencies Ministry said.",
    "The collapse killed 41 people, the ministry said.",
    "Doctors told East Herald that hospitals had registered 47 deaths.",
    "The death toll rose to 38 on Monday, the governor said.",
    "At least 45 people were killed in the valley, officials said.",
)


def test_the_odd_value_is_asked_and_every_other_value_is_a_wrong_outlet():
    questions = conflict.write(StoryModel(TOLLS))
    question = next(q for q in questions if q.prompt.endswith("Which outlet gives 47?"))
    assert question.prompt.startswith("Outlets give different figures for the death toll.")
    assert key(question) == "East Herald"
    assert set(question.choices) - keys(question) <= {"North Wire", "South Post", "West Ledger",
                                                      "Valley Times"}
    assert "citing doctors" in question.explanation
    assert "Emergencies Ministry" in question.explanation


def test_values_that_agree_after_reading_the_qualifier_are_no_conflict():
    story = _story("Over 30,000 workers walked out, the union said.",
                   "About 33,000 workers walked out on Friday.",
                   "Some 33,000 workers walked out, the company said.")
    assert conflict.write(StoryModel(story)) == []


def test_counts_of_different_days_are_not_set_against_each_other():
    story = _story("The death toll rose to 31 on Monday, the governor said.",
                   "The death toll rose to 27 on Sunday, the governor said.",
                   "The death toll rose to 25 on Saturday, officials said.",
                   "The death toll rose to 22 on Friday, officials said.")
    assert conflict.write(StoryModel(story)) == []


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_wrong_outlet_is_shown_giving_a_different_value(story_dir):
    model = model_of(story_dir)
    for question in conflict.write(model):
        asked = re.search(r"gives? (.+?)\?", question.prompt).group(1)
        fact = next(f for f in model.facts if f.label and f.label in question.prompt)
        for choice in question.choices:
            article = next(o.article for o in model.outlets if o.label == choice)
            shown = [e for e in question.evidence if e.article == article]
            assert shown, (question.prompt, choice)
            mine = [f for f in fact.figures if f.article == article]
            if choice in keys(question):
                number = re.search(r"\d[\d,.]*\d|\d", asked).group()
                assert any(number in e.text for e in shown), (question.prompt, choice)
            else:
                keyed = [f for f in fact.figures
                         if model.outlet_of(f.article).label in keys(question)]
                assert not any(compatible(a, b) for a in mine for b in keyed
                               if b.text.lower().endswith(asked.lower().split()[-1])), choice
