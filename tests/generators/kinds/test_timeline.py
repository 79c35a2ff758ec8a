"""timeline: a count updated over time, where the texts date each count. The key is the one
outlet whose count the texts date latest; every other choice gives an earlier, different count."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import timeline
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from tests.generators.figure_stories import every_story, model_of
from tests.generators.corpus import key

KIND = "timeline"
TITLE = "Floods hit the Marrow valley"


def _story(*dated: tuple[str, str]) -> Story:
    names = ("North Wire", "South Post", "East Herald", "West Ledger")
    return Story("flood", TITLE, tuple(
        Article(f"a{i}", names[i], TITLE, f"{TITLE}\n\n{text}", date=date)
        for i, (date, text) in enumerate(dated)))


def test_the_latest_count_by_the_days_the_texts_give():
    story = _story(("2024-10-13", "The death toll rose to 16 on Friday, officials said."),
                   ("2024-10-14", "The death toll rose to 17 on Saturday, officials said."),
                   ("2024-10-13", "The death toll rose to 14 on Thursday, the governor said."),
                   ("2024-10-15", "The death toll rose to 18 on Sunday, officials said."))
    (question,) = timeline.write(StoryModel(story))
    assert key(question) == "West Ledger" and len(question.choices) == 4
    assert "on Sunday" in question.explanation


def test_nothing_when_two_outlets_share_the_latest_day():
    story = _story(("2024-10-13", "The death toll rose to 16 on Friday, officials said."),
                   ("2024-10-14", "The death toll rose to 17 on Saturday, officials said."),
                   ("2024-10-14", "The death toll rose to 18 on Saturday, the governor said."),
                   ("2024-10-12", "The death toll rose to 12 on Thursday, officials said."))
    assert timeline.write(StoryModel(story)) == []


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_question_dates_each_choice(story_dir):
    for question in timeline.write(model_of(story_dir)):
        assert len(question.evidence) == len(question.choices)
