"""headline: a headline against its own article. Keyed outlets' headlines give a figure their
articles give nowhere (or drop the article's "more than"); every other choice is an outlet whose
headline agrees with its article, both shown."""
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


def test_a_headline_giving_a_figure_its_article_does_not():
    story = _story(("Storm kills 13 on the coast", "At least 17 people were killed in the storm."),
                   ("Storm toll rises to 17", "The death toll rose to 17 on Friday."),
                   ("Storm toll reaches 16", "The death toll rose to at least 16 on Friday."),
                   ("Coast counts its dead", "Rescuers searched the coast for survivors."))
    (question,) = headline.write(StoryModel(story))
    assert question.prompt == ("Which outlet\u2019s headline gives a different figure for the "
                               "death toll from the article below it?")
    assert key(question) == "North Wire" and set(question.choices) == {
        "North Wire", "South Post", "East Herald"}
    assert len(question.evidence) == 6


def test_headlines_that_drop_more_than():
    story = _story(("Carmaker recalls 2 million vehicles", "The carmaker is recalling more than "
                    "2 million vehicles across its range."),
                   ("Carmaker recalls over 2 million vehicles", "The carmaker is recalling more "
                    "than 2 million vehicles, the regulator said."),
                   ("Carmaker recalls more than 2 million vehicles", "The carmaker recalled more "
                    "than 2 million vehicles on Tuesday."))
    (question,) = headline.write(StoryModel(story))
    assert "\u201cmore than\u201d" in question.prompt and key(question) == "North Wire"


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
