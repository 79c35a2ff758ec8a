"""conflict: outlets give different values for one fact. The key prints the asked value; every
wrong outlet prints only values that cannot be it (each shown in its evidence); outlets whose
value may be the same once qualifiers and rounding are read are never offered as wrong; an
outlet that contradicts itself is no side; one amount written two ways is asked as why."""
from __future__ import annotations

import re

import pytest

from quizapp.generators.kinds import conflict
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.facts import compatible
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.writing.differences import REASONS
from tests.generators.corpus import key, keys
from tests.generators.figure_stories import every_story, model_of

KIND = "conflict"
TITLE = "Dam collapse floods the Ilvet valley"
NAMES = ("North Wire", "South Post", "East Herald", "West Ledger", "Valley Times")


def _story(*texts: str, title: str = TITLE) -> Story:
    return Story("dam", title, tuple(Article(f"a{i}", NAMES[i], title, f"{title}\n\n{text}")
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


def test_an_outlet_giving_two_values_itself_is_no_side_of_the_disagreement():
    # West Ledger's own article says 1,200 and, further down, about 12,000: a slip of its own
    # (the headline kind's lesson), not an outlet disagreeing with the others.
    story = _story("The carmaker will cut 12,000 jobs, it said.",
                   "The carmaker is cutting about 12,000 jobs.",
                   "The carmaker plans to cut 12,000 jobs worldwide.",
                   "The carmaker will cut 1,200 jobs.\n\nIts memo says it will cut about 12,000 "
                   "jobs.")
    assert conflict.write(StoryModel(story)) == []


def test_two_groups_named_with_different_nouns_are_no_disagreement():
    story = _story("Researchers studied 4,000 people in two countries.",
                   "The team studied over 4,000 people.",
                   "Researchers studied 4,000 people across Europe.",
                   "The risk rose among 1,157 patients who were studied for three years.")
    assert not [q for q in conflict.write(StoryModel(story)) if "1,157" in q.prompt]


def test_a_year_a_record_is_measured_from():
    title = "Valdoria win the cup"
    story = _story("Valdoria won their first cup title since 1986 on Sunday.",
                   "It was the first cup title for Valdoria since 1986.",
                   "Valdoria lifted the cup, their first since 1986.",
                   "Valdoria are champions for the first time since 1982.", title=title)
    question = next(q for q in conflict.write(StoryModel(story)) if "since 1982" in q.prompt)
    assert key(question) == "West Ledger"
    assert set(question.choices) == {"North Wire", "South Post", "East Herald", "West Ledger"}


def test_one_sum_converted_two_ways_is_asked_as_why_they_differ():
    title = "Court orders carmaker to repay taxes"
    story = _story("The carmaker must repay €13 billion ($14.4 billion) in back taxes.",
                   "The carmaker must repay 13 billion euros ($14.3 billion) in back taxes.",
                   "The court upheld the €13 billion tax bill.", title=title)
    question = next(q for q in conflict.write(StoryModel(story)) if "why" in q.prompt)
    assert question.prompt.startswith("North Wire gives the sum in back taxes as $14.4 billion "
                                      "and South Post as $14.3 billion.")
    assert key(question) == REASONS["conversion"]
    assert REASONS["headline"] in question.choices and len(question.evidence) == 2


def test_an_exact_figure_and_its_rounding_are_asked_as_why_they_differ():
    title = "Carmaker recalls its cars"
    story = _story("The carmaker is recalling more than 2 million vehicles.",
                   "The recall affects 2,031,220 vehicles.",
                   "The carmaker is recalling more than 2 million vehicles in the US.",
                   title=title)
    question = next(q for q in conflict.write(StoryModel(story)) if "why" in q.prompt)
    assert key(question) == REASONS["rounding"]
    assert "2,031,220" in question.prompt


def test_a_floor_far_below_an_exact_count_is_no_rounding_of_it():
    """"more than 5,000 injured" early and "13,293 injured" later: 13,293 is no rounding of
    more than 5,000 (that would be "more than 13,000"), so nothing is asked as a rounding."""
    title = "Quake hits the valley"
    story = _story("The quake killed 300 people, with more than 5,000 injured.",
                   "Officials said 2,316 people had been killed and 13,293 injured.",
                   "The quake left more than 5,000 people injured.",
                   title=title)
    for question in conflict.write(StoryModel(story)):
        assert not (question.type == "single" and key(question) == REASONS["rounding"])


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_wrong_outlet_is_shown_giving_a_different_value(story_dir):
    model = model_of(story_dir)
    for question in conflict.write(model):
        if "why the figures differ" in question.prompt:
            assert set(question.choices) <= set(REASONS.values()) and len(question.evidence) == 2
            continue
        if not question.prompt.startswith("Outlets give different figures"):
            continue
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
                assert not any(compatible(a, b) for a in mine for b in keyed), choice


# --- a difference is a disagreement only when the figures count one thing at one moment ------

CLEAN = ("The collapse killed 41 people, the Emergencies Ministry said.",
         "The collapse killed 41 people, the ministry said.",
         "The collapse killed 47 people, doctors told East Herald.",
         "The collapse killed 41 people, officials said.")


def _odd(story: Story):
    return next(q for q in conflict.write(StoryModel(story)) if q.prompt.startswith(
        "Outlets give different figures"))


def test_one_thing_counted_at_one_moment_is_a_sure_disagreement():
    question = _odd(_story(*CLEAN))
    assert key(question) == "East Herald"
    assert question.confidence >= 0.7 and question.explanation.startswith("Outlets disagree")


@pytest.mark.parametrize("texts, why", [
    # A count the text marks as one moment's: the toll's timeline, not a disagreement.
    ((CLEAN[0], CLEAN[1], "As of 10.30am, the collapse had killed 12 people, doctors told East "
      "Herald.", CLEAN[3]), "moved over time"),
    ((CLEAN[0], CLEAN[1], "Earlier, the collapse was said to have killed 12 people, doctors "
      "told East Herald.", CLEAN[3]), "moved over time"),
    # One town's count against the whole valley's.
    ((CLEAN[0], CLEAN[1], "In Ostrava, the collapse killed 12 people, doctors told East "
      "Herald.", CLEAN[3]), "different places"),
    # A count an order apart, in the outlet's own voice: another place or group, most likely
    # ("Sixteen people were injured" a paragraph after "In Bangkok, ...").
    ((CLEAN[0], CLEAN[1], "The collapse killed 4 people.", CLEAN[3]), "far apart"),
    # Feared dead against counted dead.
    ((CLEAN[0], CLEAN[1], "Some 60 people are feared dead after the collapse, doctors told "
      "East Herald.", CLEAN[3]), "estimated or feared"),
])
def test_a_difference_the_model_cannot_make_sure_of_waits_for_review(texts, why):
    question = _odd(_story(*texts))
    assert question.confidence < 0.7
    assert any(why in reason for reason in question.reasons)
    assert not question.explanation.startswith("Outlets disagree")


VOTE = "Dockers reject pay deal at Ilvet port"


def test_a_vote_share_one_outlet_dates_is_still_one_result_told_two_ways():
    # A vote's result is settled once: "on Friday" on one side is no update of it, and the
    # place one outlet names ("in the Ilvet valley") where others name none is no other count.
    story = _story(
        "Dockers in the Ilvet valley voted 94.6% to reject the pay deal on Friday, the union said.",
        "Dockers voted 94.6% to reject the pay deal, the union said.",
        "Dockers rejected the pay deal by 94.2% in a vote on the deal.",
        "The union said dockers voted 94.6% to reject the pay deal.",
        title=VOTE)
    question = _odd(story)
    assert question.prompt.endswith("Which outlet gives 94.2%?")
    assert key(question) == "East Herald"
    assert question.confidence >= 0.7, question.reasons


def test_a_count_that_moved_is_explained_as_counts_of_different_moments():
    """A lone figure of a count the story shows moving is an earlier count, not one to distrust:
    round H7's grader faulted "stands alone against the others" for a toll that rose all day."""
    question = _odd(_story(CLEAN[0], CLEAN[1], "As of 10.30am, the collapse had killed 12 people, "
                           "doctors told East Herald.", CLEAN[3]))
    assert "counts taken at different moments" in question.explanation
    assert "stands alone" not in question.explanation


def test_a_toll_one_outlet_dates_may_have_moved_and_waits_for_review():
    story = _story(CLEAN[0], CLEAN[1], "The collapse had killed 47 people by Monday, doctors told "
                   "East Herald.", CLEAN[3])
    question = _odd(story)
    assert question.confidence < 0.7
    assert any("moved over time" in reason for reason in question.reasons)


def test_an_outlet_printing_the_others_figure_too_is_not_the_key():
    # East Herald confirms 12 and, a paragraph on, says all 41 are believed dead: it gives both.
    story = _story(CLEAN[0], CLEAN[1], "The deaths of 12 people have been confirmed, officials "
                   "said.\n\nRescuers believe all 41 people who could not be reached have died.",
                   CLEAN[3])
    assert not [q for q in conflict.write(StoryModel(story)) if key(q) == "East Herald"]


def test_a_figure_only_in_a_headline_is_no_side():
    story = Story("dam", TITLE, (
        *(Article(f"a{i}", NAMES[i], TITLE, f"{TITLE}\n\n{text}")
          for i, text in enumerate(CLEAN[:2] + CLEAN[3:])),
        Article("a4", NAMES[4], "At least 90 killed as dam collapses",
                "At least 90 killed as dam collapses\n\nThe dam above the Ilvet valley gave way "
                "after days of rain, flooding three villages.")))
    assert not [q for q in conflict.write(StoryModel(story)) if "Valley Times" in q.choices]


def test_a_copy_is_one_voice_not_two():
    copy = ("The collapse killed 41 people, officials said.\n\nCrowds gathered on the bridge "
            "over the river to watch the brown water rise past the old mill and the church "
            "tower.\n\nEngineers had warned for a decade that the wall of the dam was cracking "
            "under the weight of the reservoir.\n\nThe regional governor promised an inquiry "
            "into why the warnings went unheeded by the water board.")
    question = _odd(_story(CLEAN[0], copy, CLEAN[2], copy))
    assert not {"South Post", "West Ledger"} <= set(question.choices)


def test_a_sentence_opener_is_never_cited_as_a_source_and_one_source_is_not_two():
    # "Conflicting reports emerged, with the Nord news agency stating three": Nord is named
    # beside both values, so it is Nord's update or a misreport, not two sources disagreeing.
    story = _story("The collapse killed 41 people, the Emergencies Ministry said.",
                   "Two people were rescued from the rubble, the Nord news agency reported.",
                   "Conflicting reports emerged on the number of survivors, with the Nord news "
                   "agency stating that three people had been rescued.",
                   "Two people were rescued from the rubble.")
    question = next(q for q in conflict.write(StoryModel(story)) if "rescued" in q.prompt)
    assert "Conflicting" not in question.explanation
    assert "different sources" not in question.explanation
    assert question.confidence < 0.7 and any("one source" in r for r in question.reasons)


def _without_floor(story: Story) -> list:
    return [q for q in conflict.write(StoryModel(story)) if "without" in q.prompt]


def test_an_outlet_that_prints_the_floor_elsewhere_did_not_drop_it():
    """"Which outlet writes it as 144, without “at least”?" is asked of an outlet that prints
    144 bare only; one that also writes "at least 144" keeps the floor, and is no answer."""
    floors = ("The quake killed at least 144 people in the valley.",
              "At least 144 people were killed, officials said.",
              "Officials said at least 144 people were killed.")
    dropped = _story(*floors, "The quake killed 144 people in the valley.")
    assert [key(q) for q in _without_floor(dropped)] == [NAMES[3]]
    kept = _story(*floors, "The quake claimed at least 144 lives. The army confirmed 144 deaths.")
    assert _without_floor(kept) == []


def test_outlets_ranking_one_thing_differently_ask_which_gives_the_rarer_rank():
    """"the 15th-largest bank" against "the 16th-largest bank" twice (round H7's bank story):
    keyed to the outlet setting itself apart, each other outlet shown giving another rank."""
    story = _story("Regulators shut Tolmar Bank, the country\u2019s 15th-largest bank, on Friday.",
                   "Tolmar Bank, the nation's 16th-largest bank, failed on Friday.",
                   "Tolmar Bank, the 16th largest bank in the country, failed on Friday.",
                   "Tolmar Bank failed on Friday after a run on deposits.")
    question = next(q for q in conflict.write(StoryModel(story)) if "rank" in q.prompt)
    assert question.prompt == ("Outlets give different ranks among the largest banks. Which "
                               "outlet writes \u201c15th-largest bank\u201d?")
    assert keys(question) == {NAMES[0]}
    assert len(question.choices) == 3 and "16th-largest bank" in question.explanation
    assert 0.7 <= question.confidence < 1


def test_one_rank_everywhere_is_no_question():
    story = _story("Tolmar Bank, the 15th-largest bank, failed on Friday.",
                   "Tolmar Bank, the 15th-largest bank, failed on Friday, officials said.",
                   "Tolmar Bank, the nation's 15th-largest bank, failed.",
                   "Tolmar Bank failed on Friday after a run on deposits.")
    assert not [q for q in conflict.write(StoryModel(story)) if "rank" in q.prompt]
