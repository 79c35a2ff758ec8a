"""Golden rules of grouping figures into facts across outlets: which figures give one quantity,
and whether their values agree once qualifiers, rounding and conversions are read."""
from __future__ import annotations

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel

OUTLETS = ("North Wire", "South Post", "East Herald", "West Ledger")


def model_of(*texts: str, title: str = "Storm hits the coast") -> StoryModel:
    """A story with one invented article per text, each from its own outlet."""
    articles = tuple(Article(f"a{i}", OUTLETS[i], title, f"{title}\n\n{text}")
                     for i, text in enumerate(texts))
    return StoryModel(Story("t", title, articles))


def only_fact(model: StoryModel):
    (fact,) = [f for f in model.facts if len(f.articles) > 1]
    return fact


@pytest.mark.parametrize("a, b", [
    ("Over 30,000 workers walked out, the union said.", "About 33,000 workers walked out."),
    ("Winds of 155 mph hit the coast.", "Winds of 249 kph hit the coast."),
    ("The ruling party won 51% of the vote.", "The ruling party won 50.9% of the vote."),
    ("The firm will cut 12,000 jobs.", "The firm will cut about 12,000 jobs."),
    ("At least 155 fighters were captured.", "Officials said 155 fighters were captured."),
])
def test_values_that_agree(a, b):
    fact = only_fact(model_of(a, b))
    assert fact.agree, [v.first.text for v in fact.values]


@pytest.mark.parametrize("a, b", [
    ("The ruling party won 50.9% of the vote.", "The ruling party won 50.8% of the vote."),
    ("At least 13 people were killed in the storm.", "At least 17 people were killed."),
    ("At least 16 people were killed in the storm.", "17 people were killed in the storm."),
    ("The firm will cut 12,000 jobs.", "The firm will cut 1,200 jobs."),
])
def test_values_that_conflict(a, b):
    fact = only_fact(model_of(a, b))
    assert not fact.agree and fact.conflicts == ((0, 1),)


def test_a_strike_vote_and_a_rejection_are_two_facts():
    model = model_of("Members voted 96% to strike and 94.6% rejected the offer.",
                     "Members rejected the offer by 94.2%; 96% voted to strike.")
    events = {f.event: sorted(v.first.value for v in f.values) for f in model.facts}
    assert events["strikevote"] == [96] and events["against"] == [94.2, 94.6]


def test_casualties_are_never_compared_with_a_death_toll():
    model = model_of("The blast left 85 dead and injured.", "At least 20 people were killed.")
    assert not [f for f in model.facts if len(f.articles) > 1]


def test_shares_set_against_each_other_split_by_holder():
    model = model_of("Marta Reis won 50.9% of the vote to Joao Lemos's 49.1%.",
                     "Reis had 50.8% of votes compared with 49.2% for Lemos.",
                     title="Marta Reis beats Joao Lemos")
    holders = {f.holder: sorted(v.first.value for v in f.values) for f in model.facts}
    assert holders == {"Marta Reis": [50.8, 50.9], "Joao Lemos": [49.1, 49.2]}


def test_a_figure_of_someone_the_headlines_never_name_stands_apart():
    model = model_of("Orvik will cut 12,000 jobs, the firm said.",
                     "Orvik is cutting 12,000 jobs. Rival Delmar said it would lay off 10,000 "
                     "workers.", title="Orvik to cut 12,000 jobs")
    own = [f for f in model.facts if f.own and f.event == "jobcut"]
    assert [sorted(v.first.value for v in f.values) for f in own] == [[12000]]
    assert [f.label for f in model.facts if not f.own] == [""]


def test_counts_limited_to_a_place_are_another_fact():
    model = model_of("The death toll rose to 17.", "Eight deaths have been reported in Norland.",
                     "At least 17 people were killed.")
    (toll,) = [f for f in model.facts if f.label == "the death toll" and not f.where]
    assert [v.first.value for v in toll.values] == [17, 17]


def test_a_value_outlets_give_for_another_quantity_is_no_disagreement():
    # The union's 40% demand, misread as the offer in one outlet, is not a second offer.
    model = model_of("The deal included a 25% pay rise; the union had demanded 40%.",
                     "The offer was a 25% pay rise, short of the 40% the union demanded.",
                     "The deal would have meant a 40% pay rise.",
                     "It offered a 25% pay rise.")
    assert all(f.agree for f in model.facts if f.event == "payrise")


def test_labels_name_the_fact():
    fact = only_fact(model_of("Tesla recalled 2 million vehicles.",
                              "Tesla recalled more than 2 million vehicles.",
                              title="Tesla recalls its cars"))
    assert fact.label == "the number of vehicles recalled"


def test_a_name_with_a_particle_is_one_holder_by_any_of_its_words():
    model = model_of("Luiz Inácio Lula da Silva won 50.9% of the vote against 49.1% for Jair "
                     "Bolsonaro.", "Da Silva had 50.9% of the vote and Bolsonaro 49.1%.",
                     "Lula won 50.9% of the vote to Bolsonaro's 49.1%.",
                     title="Lula beats Bolsonaro")
    shares = [f for f in model.facts if f.category == "percent" and 50.9 in
              [v.first.value for v in f.values]]
    assert len(shares) == 1 and len(shares[0].articles) == 3


def test_two_groups_named_with_different_nouns_are_no_disagreement():
    model = model_of("Researchers studied 4,000 people in two countries.",
                     "The team studied over 4,000 people.",
                     "The risk rose among 1,157 patients who were studied.")
    fact = only_fact(model)
    assert fact.agree and "group" in fact.reasons


def test_the_year_a_record_is_measured_from_is_one_fact():
    model = model_of("Valdoria won their first cup title since 1986 on Sunday.",
                     "It was the first cup title for Valdoria since 1986.",
                     "Valdoria are champions for the first time since 1982.",
                     title="Valdoria win the cup")
    (fact,) = [f for f in model.facts if f.event == "since"]
    assert sorted(v.first.value for v in fact.values) == [1982, 1986] and fact.conflicts


def test_records_of_different_subjects_are_not_one_fact():
    model = model_of("Valdoria won their first cup title since 1986.",
                     "Moreno scored the first hat-trick in a final since 1966.",
                     title="Valdoria win the cup")
    assert not [f for f in model.facts if f.event == "since" and f.conflicts]
