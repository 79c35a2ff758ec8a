"""headline: a headline against its own article. Keyed outlets' headlines give a figure their own
articles contradict (or drop the "at least" of an exact count so far; dropping "more than" from a
rounded figure only rounds, and is not asked); every other choice is an outlet whose headline
agrees with its article, both shown."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import headline
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from tests.generators.figure_stories import every_story, model_of
from tests.generators.corpus import key, keys

KIND = "headline"


def _story(*pairs: tuple[str, str]) -> Story:
    names = ("North Wire", "South Post", "East Herald", "West Ledger")
    return Story("storm", "Storm hits the coast", tuple(
        Article(f"a{i}", names[i], head, f"{head}\n\n{body}")
        for i, (head, body) in enumerate(pairs)))


def test_a_headline_giving_a_figure_its_article_contradicts():
    story = _story(("Storm kills 13 on the coast", "At least 17 people were killed in the storm."),
                   ("Storm toll rises to 17", "The death toll rose to 17 on Friday."),
                   ("Storm toll reaches 16", "The death toll rose to at least 16 on Friday."),
                   ("Coast counts its dead", "Rescuers searched the coast for survivors."))
    (question,) = headline.write(StoryModel(story))
    assert question.prompt == ("Which outlet\u2019s headline gives a figure for the death toll "
                               "that its own article contradicts?")
    assert key(question) == "North Wire" and set(question.choices) == {
        "North Wire", "South Post", "East Herald"}
    assert len(question.evidence) == 6


def test_a_headline_its_own_article_both_repeats_and_contradicts():
    # The opening repeats the headline's slip; the memo printed further down gives the figure the
    # other outlets give. It is still the outlet contradicting itself.
    story = _story(("Carmaker cuts 1200 jobs", "The carmaker is cutting 1200 jobs.\n\nIn its "
                    "memo, the company said it will cut about 12,000 jobs."),
                   ("Carmaker to cut 12,000 jobs", "The carmaker will cut about 12,000 jobs."),
                   ("Carmaker cuts 12,000 jobs", "The carmaker said it would cut 12,000 jobs."))
    (question,) = headline.write(StoryModel(story))
    assert key(question) == "North Wire"
    assert "gives both 1200 and about 12,000" in question.explanation


def test_a_headline_rounding_more_than_away_is_not_asked():
    story = _story(("Carmaker recalls 2 million vehicles", "The carmaker is recalling more than "
                    "2 million vehicles across its range."),
                   ("Carmaker recalls over 2 million vehicles", "The carmaker is recalling more "
                    "than 2 million vehicles, the regulator said."),
                   ("Carmaker recalls more than 2 million vehicles", "The carmaker recalled more "
                    "than 2 million vehicles on Tuesday."))
    assert headline.write(StoryModel(story)) == []


def test_a_headline_dropping_at_least_from_a_count_so_far():
    story = _story(("Storm kills 16", "At least 16 people were killed in the storm."),
                   ("Storm kills at least 16", "At least 16 people were killed, officials said."),
                   ("Storm kills at least 16 on coast", "At least 16 people were killed."))
    (question,) = headline.write(StoryModel(story))
    assert "\u201cat least\u201d" in question.prompt and key(question) == "North Wire"
    assert question.confidence < 1


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_choice_shows_its_headline_and_its_article(story_dir):
    model = model_of(story_dir)
    for question in headline.write(model):
        for choice in question.choices:
            article = next(o.article for o in model.outlets if o.label == choice)
            places = {next(s.role for s in model.article(article).sentences if s.text == e.text)
                      for e in question.evidence if e.article == article}
            assert places == {"headline", "prose"}, (question.prompt, choice)
        assert keys(question)
