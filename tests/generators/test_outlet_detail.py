"""outlet_detail: which outlets report a figure that matters. Keyed outlets print it in their
evidence; every wrong outlet prints a different value of the same fact (in its evidence too) or
is a whole text with the number in no form. The seed keeps its mission question."""
from __future__ import annotations

import pytest

from quizapp.generators.kinds import outlet_detail
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.quantities import quantities
from tests.generators.figure_stories import every_story, model_of
from tests.generators.corpus import keys, the_one

KIND = "outlet_detail"


def test_seed_asks_which_outlets_reported_155_chinese_nationals(seed_story):
    question = the_one(outlet_detail.write(StoryModel(seed_story)), mentioning="155")
    assert question.prompt == "Which outlets reported 155 Chinese nationals? Choose all that apply."
    assert keys(question) == {"Paolo Bibat's blog", "Euromaidan Press"}
    # Offered as lacking it only where the article is known whole (Dunya News's may be cut).
    assert {"Newszop", "The Moscow Times"} <= set(question.choices)
    assert "at least 155" in question.explanation


def _story(*texts: str, complete: bool = True) -> Story:
    titles = ("Wildfire forces 8,500 people from homes", "Thousands flee wildfire",
              "Wildfire rages on", "Villagers told to leave")
    names = ("North Wire", "South Post", "East Herald", "West Ledger")
    end = "" if complete else "\n\nFirefighters said the wind"
    return Story("fire", "Wildfire", tuple(
        Article(f"a{i}", names[i], titles[i], f"{titles[i]}\n\n{text}{end if i == 3 else ''}",
                whole=True)
        for i, text in enumerate(texts)))


def test_an_outlet_whose_text_may_be_cut_off_is_never_offered_as_lacking_the_figure():
    texts = ("The fire forced 8,500 people from their homes, the agency said.",
             "The fire has forced 8,500 people from their homes, officials said.",
             "Crews fought the fire through the night near the village.",
             "Residents of the village were told to leave their homes.")
    whole = outlet_detail.write(StoryModel(_story(*texts)))
    assert [keys(q) for q in whole] == [{"North Wire", "South Post"}]
    cut = outlet_detail.write(StoryModel(_story(*texts, complete=False)))
    assert all("West Ledger" not in q.choices for q in cut)


def test_an_outlet_with_an_amount_that_may_be_the_same_is_never_offered_as_lacking_it():
    texts = ("The fire forced 8,500 people from their homes, the agency said.",
             "The fire has forced 8,500 people from their homes, officials said.",
             "The fire has forced some 9,000 people from their homes, the service said.",
             "Residents of the village were told to leave their homes.")
    for question in outlet_detail.write(StoryModel(_story(*texts))):
        assert "East Herald" not in question.choices


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_question_is_proven(story_dir):
    model = model_of(story_dir)
    for question in outlet_detail.write(model):
        evidence_of = {model.outlet_of(e.article).label: e for e in question.evidence}
        for outlet in keys(question):
            assert outlet in evidence_of, question.prompt
        for outlet in set(question.choices) - keys(question):
            if outlet in evidence_of:
                continue  # shown giving a different value
            article = next(o.article for o in model.outlets if o.label == outlet)
            reading = model.article(article)
            assert reading.complete, (question.prompt, outlet)
            number = question.prompt.split(" reported ")[1].split()[0]
            printed = {reading.text[q.number_start:q.number_end] for q in quantities(reading.text)}
            assert number not in printed, (question.prompt, outlet)
