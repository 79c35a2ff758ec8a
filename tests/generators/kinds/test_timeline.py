"""timeline: a count updated over time, where the texts date each count. The key is the one
outlet whose count the texts date latest; every other choice gives an earlier, different count.
Where only two outlets date their counts, or give a share at two stages of the count, the
question asks why the figures differ, every wrong reason shown false by the two sentences."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import timeline
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.writing.differences import REASONS
from tests.generators.corpus import key
from tests.generators.figure_stories import every_story, model_of

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


def test_no_latest_count_when_two_outlets_share_the_latest_day():
    story = _story(("2024-10-13", "The death toll rose to 16 on Friday, officials said."),
                   ("2024-10-14", "The death toll rose to 17 on Saturday, officials said."),
                   ("2024-10-14", "The death toll rose to 18 on Saturday, the governor said."),
                   ("2024-10-12", "The death toll rose to 12 on Thursday, officials said."))
    assert not [q for q in timeline.write(StoryModel(story)) if "latest" in q.prompt]


def test_two_counts_of_two_days_asked_as_why_they_differ():
    story = _story(("2024-10-13", "The death toll rose to at least 16 on Friday."),
                   ("2024-10-14", "The death toll has risen to 18, the mayor said on Saturday."),
                   ("2024-10-13", "Rescuers searched the valley for survivors."))
    (question,) = timeline.write(StoryModel(story))
    assert question.prompt == ("North Wire gives the death toll as at least 16 and South Post as "
                               "18. What do their articles show about why the figures differ?")
    assert key(question) == REASONS["time"]
    assert REASONS["headline"] in question.choices and REASONS["scope"] in question.choices
    assert REASONS["stage"] not in question.choices  # a toll has no "stages of the count"
    assert "Friday 11 October" in question.explanation


def test_shares_given_at_two_stages_of_the_count():
    title = "Vasquez wins the runoff"
    story = Story("vote", title, (
        Article("a0", "North Wire", title, f"{title}\n\nVasquez had 50.8% of the votes against "
                "49.2% for Ortiz, with 98.2% of voting machines counted."),
        Article("a1", "South Post", title, f"{title}\n\nWith all the votes counted, Vasquez had "
                "50.9% of the votes against 49.1% for Ortiz."),
        Article("a2", "East Herald", title, f"{title}\n\nVasquez won 50.9% of the vote to "
                "Ortiz's 49.1%.")))
    (question,) = timeline.write(StoryModel(story))
    assert key(question) == REASONS["stage"]
    assert question.prompt.startswith("North Wire gives the share of the vote won by ")
    assert " and South Post as " in question.prompt  # one question for the two shares
    assert "\u201cwith 98.2% of voting machines counted\u201d" in question.explanation


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_question_dates_each_choice(story_dir):
    for question in timeline.write(model_of(story_dir)):
        if "why the figures differ" in question.prompt:
            assert set(question.choices) <= set(REASONS.values()) and len(question.evidence) == 2
        else:
            assert len(question.evidence) == len(question.choices)
