"""omission: the one outlet that gives no figure for a fact every other outlet gives. The key
is a whole text carrying no amount of that kind; the wrong choices are outlets shown giving
one. Where no absence can be proven, nothing is asked."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import omission
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from tests.generators.figure_stories import every_story, model_of
from tests.generators.corpus import key

KIND = "omission"
TITLE = "Flood kills dozens in the Marrow valley"


def _story(last: str) -> Story:
    texts = ("At least 31 people were killed in the flood, the governor said.",
             "The flood killed 31 people, according to the fire service.",
             "Hospital officials said 31 people died in the flood.",
             last)
    names = ("North Wire", "South Post", "East Herald", "West Ledger")
    # Each article known to be whole: only then may its silence be claimed.
    return Story("flood", TITLE, tuple(Article(f"a{i}", names[i], TITLE, f"{TITLE}\n\n{text}",
                                               whole=True)
                                       for i, text in enumerate(texts)))


def test_the_outlet_reporting_the_deaths_without_a_figure():
    (question,) = omission.write(StoryModel(_story(
        "Families mourned those killed in the flood as the water fell.")))
    assert question.prompt == "Which outlet gives no figure for the death toll?"
    assert key(question) == "West Ledger" and len(question.choices) == 4
    assert {e.article for e in question.evidence} == {"a0", "a1", "a2"}


def test_nothing_when_the_last_outlet_may_give_the_figure_in_words_or_is_cut_off():
    assert omission.write(StoryModel(_story("Thirty-one people were killed in the flood."))) == []
    assert omission.write(StoryModel(_story("Families mourned those killed in the flood as"))) == []


def test_nothing_on_an_article_about_something_else():
    assert omission.write(StoryModel(_story("Schools reopened in the valley on Monday."))) == []


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_key_is_a_whole_text(story_dir):
    model = model_of(story_dir)
    for question in omission.write(model):
        article = next(o.article for o in model.outlets if o.label == key(question))
        assert model.article(article).complete
        assert article not in {e.article for e in question.evidence}
