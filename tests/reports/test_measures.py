"""The formulas of a quiz's results, on a class small enough to work by hand. No database.

The class (first attempts; 1 = right):

    student   Q1  Q2  Q3   total
    Ana        1   1   1     3
    Ben        1   1   0     2
    Cai        0   1   1     2
    Dee        0   0   0     0

A question's statistics read cells of (total score, mark, how many students), as the database
counts them; "rest" is the total minus the question's mark, the score on the rest of the quiz.
Every variance and covariance divides by n - 1 = 3, as Moodle's do.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from quizapp.results.charts import histogram_chart
from quizapp.results.measures import (
    ChoiceCount,
    ItemNumbers,
    SkillMastery,
    Spread,
    cronbach_alpha,
    describe,
    flags,
    item_numbers,
    percent,
    reread_reasons,
    strong_cut,
    weakest_sentence,
)

TOTALS = [(0, 1), (2, 2), (3, 1)]  # (score, how many): Dee 0, Ben and Cai 2, Ana 3

# Q1, right for Ana and Ben: one cell per student.
Q1 = [(3.0, 1.0, 1), (2.0, 1.0, 1), (2.0, 0.0, 1), (0.0, 0.0, 1)]
# Q2, right for Ana, Ben and Cai: Ben and Cai share a total and a mark, so one cell of two.
Q2 = [(3.0, 1.0, 1), (2.0, 1.0, 2), (0.0, 0.0, 1)]


def test_spread_of_the_totals():
    # Totals 0 2 2 3: mean 7/4 = 1.75; median (2 + 2) / 2 = 2.
    # Deviations -1.75 .25 .25 1.25, squares 3.0625 + .0625 + .0625 + 1.5625 = 4.75;
    # variance 4.75 / 3 = 1.58333, SD sqrt(1.58333) = 1.25831.
    spread = describe(TOTALS)
    assert spread.count == 4
    assert spread.mean == pytest.approx(1.75)
    assert spread.median == 2
    assert spread.sd == pytest.approx(1.25831, abs=1e-5)


def test_spread_of_an_even_class_averages_the_two_middle_scores():
    # Scores 1 and 2: median (1 + 2) / 2 = 1.5; deviations -.5 .5, variance .5 / 1, SD .70711.
    assert describe([(2, 1), (1, 1)]) == Spread(2, 1.5, 1.5, pytest.approx(0.70711, abs=1e-5))
    assert describe([(4, 1)]) == Spread(1, 4.0, 4.0, None)  # one student has no spread
    assert describe([]) == describe([(3, 0)]) == Spread(0, None, None, None)


def test_facility_discrimination_and_efficiency_of_q1():
    # Marks 1 1 0 0: mean 2/4 = .5 -> facility 50%.
    # Deviations .5 .5 -.5 -.5, squares 1 -> variance 1/3, SD sqrt(1/3) = 57.735%.
    # Rest 2 1 2 0: mean 1.25; deviations .75 -.25 .75 -1.25,
    #   squares .5625 + .0625 + .5625 + 1.5625 = 2.75 -> variance 2.75/3.
    # Products (.5)(.75) + (.5)(-.25) + (-.5)(.75) + (-.5)(-1.25)
    #   = .375 - .125 - .375 + .625 = .5 -> covariance .5/3.
    # Discrimination (Moodle's: the correlation of the mark with the rest of the quiz)
    #   = (.5/3) / sqrt(1/3 * 2.75/3) = .5 / sqrt(2.75) = .5 / 1.658312 = 30.151%.
    # Efficiency: marks sorted 0 0 1 1 (deviations -.5 -.5 .5 .5) beside rest sorted 0 1 2 2
    #   (deviations -1.25 -.25 .75 .75): .625 + .125 + .375 + .375 = 1.5 -> the largest
    #   covariance is 1.5/3, and efficiency = .5 / 1.5 = 33.333%. (The marks come in runs of
    #   two and two, the rest in runs of one, one and two: the pairing crosses runs.)
    numbers = item_numbers(Q1)
    assert numbers.responses == 4
    assert numbers.facility == pytest.approx(50.0)
    assert numbers.sd == pytest.approx(57.735, abs=1e-3)
    assert numbers.discrimination == pytest.approx(30.151, abs=1e-3)
    assert numbers.efficiency == pytest.approx(33.333, abs=1e-3)


def test_facility_discrimination_and_efficiency_of_q2():
    # Marks 1 1 1 0: mean .75 -> facility 75%.
    # Deviations .25 .25 .25 -.75, squares .1875 + .5625 = .75 -> variance .25, SD .5 = 50%.
    # Rest 2 1 1 0: mean 1; deviations 1 0 0 -1, squares 2 -> variance 2/3.
    # Products .25 + 0 + 0 + .75 = 1 -> covariance 1/3.
    # Discrimination = (1/3) / sqrt(.25 * 2/3) = (1/3) / sqrt(1/6) = sqrt(6)/3 = 81.650%.
    # Efficiency: the marks 1 1 1 0 and rest 2 1 1 0 already rise and fall together, so the
    #   sorted pairing gives the same sum, 1, and efficiency = 1 / 1 = 100%.
    numbers = item_numbers(Q2)
    assert (numbers.responses, numbers.facility, numbers.sd) == (4, 75.0, 50.0)
    assert numbers.discrimination == pytest.approx(100 * math.sqrt(6) / 3)
    assert numbers.discrimination == pytest.approx(81.650, abs=1e-3)
    assert numbers.efficiency == pytest.approx(100.0)


def test_a_question_everyone_got_right_tells_no_one_apart():
    # Marks 1 1 1 1: variance 0, so neither a correlation nor an efficiency can be worked out.
    all_right = [(3.0, 1.0, 1), (2.0, 1.0, 2), (1.0, 1.0, 1)]
    assert item_numbers(all_right) == ItemNumbers(4, 100.0, 0.0, None, None)
    assert item_numbers([(2.0, 1.0, 1)]) == ItemNumbers(1, 100.0, None, None, None)  # n - 1 = 0
    assert item_numbers([(2.0, 0.0, 0)]) == ItemNumbers(0, None, None, None, None)


def test_cronbach_alpha_of_the_class():
    # alpha = k/(k-1) * (1 - sum of the questions' variances / variance of the totals).
    # A question's variance with n answers, r of them right: (r - r*r/n) / (n - 1):
    #   Q1 (2 - 4/4)/3 = 1/3, Q2 (3 - 9/4)/3 = 1/4, Q3 (right for Ana and Cai) 1/3; sum 11/12.
    # Totals' variance 4.75/3 = 19/12.
    # alpha = 3/2 * (1 - (11/12) / (19/12)) = 3/2 * 8/19 = 12/19 = 0.63158.
    alpha = cronbach_alpha([(4, 2), (4, 3), (4, 2)], describe(TOTALS))
    assert alpha == pytest.approx(12 / 19)
    assert alpha == pytest.approx(0.63158, abs=1e-5)


def test_cronbach_alpha_needs_two_questions_and_a_spread_of_totals():
    assert cronbach_alpha([(4, 2)], describe(TOTALS)) is None
    assert cronbach_alpha([(2, 1), (2, 1)], describe([(1, 2)])) is None  # everyone scored 1
    assert cronbach_alpha([(1, 1), (4, 2)], describe(TOTALS)) is None  # one answer has no variance


def test_the_strongest_third_includes_ties():
    # Totals sorted 0 2 2 3; the student two thirds of the way up is number ceil(4 * 2/3) = 3,
    # who scored 2: Ana, Ben and Cai all count as strong.
    assert strong_cut(TOTALS) == 2
    # Five students 0 1 1 2 2: number ceil(5 * 2/3) = 4 scored 2.
    assert strong_cut([(0, 1), (1, 2), (2, 2)]) == 2
    assert strong_cut([]) is None


def test_percent_of_nothing_is_none():
    assert percent(1, 4) == 25.0
    assert percent(0, 0) is None


@pytest.mark.parametrize("facility, discrimination, efficiency, expected", [
    (95.0, 40.0, 60.0, ["too easy"]),
    (90.0, 40.0, 60.0, []),  # "above 90"
    (15.0, 40.0, 60.0, ["too hard"]),
    (50.0, -5.0, 3.0, ["negative discrimination"]),  # not also "low efficiency"
    (50.0, 10.0, 12.0, ["weak discrimination", "low discriminative efficiency"]),
    (50.0, 20.0, 15.0, []),
    (None, None, None, []),
])
def test_flags_in_words(facility, discrimination, efficiency, expected):
    assert flags(ItemNumbers(20, facility, 10.0, discrimination, efficiency)) == expected


@dataclass(frozen=True)
class Choice:  # the two things re-reading looks at in a models.Choice
    text: str
    correct: bool


def _picked(text: str, key: bool, share: float, strong_count: int) -> ChoiceCount:
    return ChoiceCount(Choice(text, key), 0, share, strong_count, None)


def test_reasons_to_reread_a_generated_question():
    numbers = ItemNumbers(20, 30.0, 46.0, -10.0, -20.0)
    choices = [_picked("Reuters", True, 15.0, 1),   # the key, picked by 15%
               _picked("AP", False, 60.0, 4),       # four strong students: more than the key
               _picked("AFP", False, 25.0, 1)]      # one strong student: as many as the key
    assert reread_reasons(numbers, choices) == [
        ("students who did well on the rest of the quiz got it wrong more often than those who did "
         "poorly"),
        "only 15% picked the key “Reuters”",
        "the strongest third of the class picked “AP” more often than the key",
    ]
    fine = ItemNumbers(20, 60.0, 49.0, 35.0, 50.0)
    assert (
        reread_reasons(fine, [_picked("Reuters", True, 60.0, 5), _picked("AP", False, 40.0, 2)])
        == []
    )


def test_the_weakest_skill_in_a_sentence():
    # 1 right of 5 is 20%; 5 of 10 is 50%.
    skills = [SkillMastery("numbers", 5, 1), SkillMastery("sourcing", 10, 5)]
    assert [skill.share for skill in skills] == [20.0, 50.0]
    assert weakest_sentence(skills) == "The class is weakest at numbers (20%)."
    assert weakest_sentence([]) is None
    assert SkillMastery("framing", 0, 0).share == 0.0


def test_histogram_bars_group_scores_when_a_quiz_has_many_marks():
    # Scores 0..2: three bars on a baseline at 240 - 40 = 200; the tallest (2 students) rises to
    # 24 below the top, 200 - 24 = 176 pixels, and the others (1 student) half as high, 88.
    chart = histogram_chart([(0, 1), (1, 2), (2, 1)])
    assert [(bar.label, bar.count, bar.height) for bar in chart.bars] == [
        ("0", 1, 88.0), ("1", 2, 176.0), ("2", 1, 88.0)]
    # Scores 0..59 would be 60 bars: at most 25, so ceil(60 / 25) = 3 scores a bar, 20 bars.
    wide = histogram_chart([(score, 1) for score in range(60)])
    assert len(wide.bars) == 20 and wide.bars[0].label == "0–2" and wide.bars[0].count == 3

