"""figure_matching: where outlets give different figures for one quantity, each outlet matched to
its figure exactly as it prints it, with a figure another outlet gives as the extra. Golden rules
on invented stories (one amount per listed outlet, none printing another's figure, an outlet that
contradicts itself left out) and invariants on every real story and the seed."""
from __future__ import annotations

import re

import pytest

from quizapp.generators.gate import REVIEW_BELOW
from quizapp.generators.kinds import figure_matching
from tests.generators.kinds.stories import CORPUS, invented, model_of

KIND = "figure_matching"


def toll(outlet: str, figure: str) -> tuple[str, str]:
    return (outlet, f"A ferry sank off Selmar on Monday night. The coastguard said {figure} people "
                    f"were killed when the ferry went down. Divers reached the wreck on Tuesday.")


def pairs(question) -> dict[str, str]:
    return {item: question.choices[question.answer[i]] for i, item in enumerate(question.items)}


def test_each_outlet_is_matched_to_its_figure_as_printed_and_the_extra_is_another_outlets():
    (question,) = figure_matching.write(invented(
        toll("North Wire", "12"), toll("South Post", "at least 14"), toll("East Times", "17"),
        toll("West Daily", "21")))
    assert question.type == "matching" and "the death toll" in question.prompt
    printed = {"North Wire": "12", "South Post": "at least 14", "East Times": "17",
               "West Daily": "21"}
    for item, right in pairs(question).items():
        assert right == printed[item]
    (extra,) = set(question.choices) - set(pairs(question).values())
    assert extra in printed.values() and extra not in (printed[i] for i in question.items)
    for i, item in enumerate(question.items):
        assert printed[item] in question.item_evidence[i][0].text


def test_an_outlet_that_prints_another_listed_figure_is_not_listed():
    questions = figure_matching.write(invented(
        toll("North Wire", "12"), toll("South Post", "14"), toll("East Times", "17"),
        ("West Daily", "A ferry sank off Selmar on Monday night. The coastguard said 21 people "
                       "were killed. An earlier count of 12 was revised on Tuesday.")))
    for question in questions:
        listed = pairs(question)
        for item in question.items:
            assert not (item == "West Daily" and "12" in listed.values())


def test_two_outlets_to_match_go_to_review():
    """Two pairs match themselves once one is known: thin, for a teacher to look at."""
    (question,) = figure_matching.write(invented(
        toll("North Wire", "12"), toll("South Post", "14"), toll("East Times", "17")))
    assert len(question.items) == 2
    assert question.confidence < REVIEW_BELOW and question.reasons


def test_outlets_that_agree_make_no_matching_question():
    assert figure_matching.write(invented(toll("North Wire", "12"), toll("South Post", "12"),
                                          toll("East Times", "12"))) == []


@pytest.mark.parametrize("folder", CORPUS, ids=[f.name for f in CORPUS])
def test_on_real_pages_no_listed_outlet_prints_another_choices_number(folder, questions):
    model = model_of(folder)
    for question in questions(model.story):
        rights = pairs(question)
        for i, item in enumerate(question.items):
            (evidence,) = question.item_evidence[i]
            article = model.article(evidence.article).text
            assert rights[item] in evidence.text
            for choice in question.choices:
                if choice != rights[item]:
                    number = re.search(r"\d[\d,.]*", choice).group()
                    assert not re.search(rf"(?<![\d,.]){re.escape(number)}(?!\d)", article), (
                        item, choice)


# Four outlets' own texts (not one text copied, which is one voice), one count each.
OWN = ("Rescuers searched the cold water off Selmar all night. {} people were killed.",
       "The ferry went down in calm weather near the harbour wall. It killed {} people.",
       "Divers reached the wreck at first light after the sinking, and {} people died.",
       "Questions grew over the inspection of the old vessel. The sinking killed {} people.")


def own(names_and_figures) -> list[tuple[str, str]]:
    return [(name, text.format(figure))
            for (name, figure), text in zip(names_and_figures, OWN, strict=False)]


def test_outlets_counting_one_thing_at_one_moment_are_a_sure_question():
    (question,) = figure_matching.write(invented(*own(
        (("North Wire", "12"), ("South Post", "14"), ("East Times", "17"), ("West Daily", "21")))))
    assert question.confidence >= 0.7, question.reasons


def test_copies_of_one_text_are_one_voice_and_wait_for_review():
    (question,) = figure_matching.write(invented(
        toll("North Wire", "12"), toll("South Post", "at least 14"), toll("East Times", "17"),
        toll("West Daily", "21")))
    assert question.confidence < 0.7 and any("one text" in r for r in question.reasons)


def test_two_outlets_to_match_wait_for_review():
    # Three outlets, one figure each: two to list and one left over. The second pair follows
    # from the first: thin.
    (question,) = figure_matching.write(invented(*own(
        (("North Wire", "12"), ("South Post", "14"), ("East Times", "17")))))
    assert len(question.items) == 2 and question.confidence < 0.7
    assert "only two outlets" in question.reasons[0]


def test_a_count_one_outlet_marks_as_earlier_waits_for_review():
    texts = own((("North Wire", "12"), ("South Post", "14"), ("East Times", "17"),
                 ("West Daily", "21")))
    texts[3] = ("West Daily", "Questions grew over the inspection of the old vessel. As of 6 am, "
                              "the sinking had killed 21 people.")
    (question,) = figure_matching.write(invented(*texts))
    assert question.confidence < 0.7
    assert any("timeline" in reason for reason in question.reasons)
