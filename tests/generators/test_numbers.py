"""numbers: where a figure that matters comes from. The key is the source its sentence names, or
the outlet itself only when nothing in or around the sentence attributes it; the other choices
are sources the story credits with the fact's figures, each shown wrong by the keyed sentence. A
figure outlets dispute is the cross-checking kinds' and is not asked here: a prompt showing one
outlet's value would give their answer away."""
from __future__ import annotations

import re

import pytest

from quizapp.generators.kinds import numbers
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.figures import source_verbs
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import fold
from tests.generators.figure_stories import every_story, model_of
from tests.generators.corpus import key, the_one

KIND = "numbers"
TITLE = "River floods the Marrow valley"


def flood(*texts: str) -> Story:
    outlets = ("Valley Wire", "Hill Post", "Marrow Times", "Delta Daily")
    return Story("flood", TITLE, tuple(Article(f"a{i}", outlets[i], TITLE, f"{TITLE}\n\n{text}")
                                       for i, text in enumerate(texts)))


def written(story: Story):
    return numbers.write(StoryModel(story))


STORY = flood(
    "At least 31 people were killed when the river burst its banks, the regional governor said.",
    "The flood killed 31 people, according to the fire service.",
    "Hospital officials told reporters that 31 people had died.",
    "The flood killed 31 people in the valley.\n\nSchools will stay shut this week.",
)


def test_the_source_the_sentence_names_is_the_key():
    question = the_one(written(STORY), lambda q: q.prompt.startswith("According to Hill Post"))
    assert question.prompt == ("According to Hill Post, who gave the figure of 31 for the death "
                               "toll?")
    assert key(question) == "The fire service"
    assert {"The regional governor", numbers.AS_FACT} <= set(question.choices)


def _asked_of(story: Story, outlet: str):
    """The question numbers would write about the outlet's figure of the story's one fact, were
    it the one asked (a story gets one question a fact)."""
    model = StoryModel(story)
    fact = next(f for f in model.facts if f.label)
    figure = next(f for f in fact.figures if model.outlet_of(f.article).label == outlet)
    return numbers._who_question(model, fact, figure)


def test_the_outlet_itself_only_when_nothing_attributes_the_figure():
    assert key(_asked_of(STORY, "Delta Daily")) == numbers.AS_FACT
    # Two paragraphs on, the article says whose figure it is: no longer its own.
    story = flood("At least 31 people were killed, the regional governor said.",
                  "The flood killed 31 people, according to the fire service.",
                  "Hospital officials told reporters that 31 people had died.",
                  "The flood killed 31 people in the valley.\n\n"
                  "The mayor gave the figure of 31 on Monday.")
    asked = _asked_of(story, "Delta Daily")
    assert asked is None or key(asked) != numbers.AS_FACT


def test_no_who_question_where_every_outlet_credits_the_same_source_and_no_other_is_named():
    """Where every outlet credits one source (by name or through its spokesperson) and the story
    names no other source to set against it, there is nothing to choose between."""
    same = flood(
        "At least 31 people were killed when the river burst its banks, the fire service said.",
        "The flood killed 31 people, according to the fire service.",
        "Fire service chief Ana Leto told reporters that 31 people had died.",
        "Hospital officials said 54 people were injured when the river burst its banks.",
    )
    assert [q.prompt for q in written(same) if "31" in q.prompt] == []
    # Another source, or an outlet giving it in its own voice, is the contrast that makes one.
    assert [q for q in written(STORY) if "31" in q.prompt]


def test_one_question_a_fact_a_named_source_first():
    (question,) = [q for q in written(STORY) if "death toll" in q.prompt]
    assert key(question) != numbers.AS_FACT


def test_the_subject_of_an_order_is_not_a_source():
    story = Story("tax", "Orvik must repay taxes", tuple(
        Article(f"a{i}", name, "Orvik must repay taxes", f"Orvik must repay taxes\n\n{text}")
        for i, (name, text) in enumerate((
            ("Valley Wire", "The court ordered Orvik to pay €2bn in back taxes to Norland."),
            ("Hill Post", "Orvik must repay €2bn in back taxes, the court ruled, according to "
                          "the finance ministry."),
            ("Marrow Times", "Orvik lost its appeal and must repay €2bn in back taxes, its lawyer "
                             "Ana Holt said."),
        ))))
    question = _asked_of(story, "Valley Wire")
    assert key(question) == numbers.AS_FACT and "The court" not in question.choices


def test_one_figure_credited_to_different_sources_by_different_outlets():
    story = flood("Police said 23 people were arrested after the clashes.",
                  "Police arrested 23 people after the clashes, according to Norland Press.",
                  "Police said 23 people were arrested.",
                  "Police said 23 people had been arrested near the dam.")
    question = the_one(written(story), lambda q: q.prompt.startswith("Outlets credit"))
    assert question.prompt.endswith("Which outlet credits it to Norland Press?")
    assert key(question) == "Hill Post" and len(question.choices) == 4


def test_a_disputed_figure_is_left_to_the_cross_checking_kinds():
    story = flood("At least 31 people were killed, the regional governor said.",
                  "The flood killed 27 people, according to the fire service.",
                  "Hospital officials told reporters that 33 people had died.",
                  "The flood killed 29 people in the valley.")
    assert not [q for q in written(story) if "death toll" in q.prompt]


def test_the_explanation_says_where_each_wrong_source_comes_from():
    question = the_one(written(STORY), lambda q: q.prompt.startswith("According to Hill Post"))
    assert "Valley Wire credits at least 31 to the regional governor" in question.explanation
    assert "Marrow Times credits 31 to hospital officials" in question.explanation


def test_a_side_figure_is_not_asked():
    story = flood("At least 31 people were killed, the governor said.",
                  "The flood killed 27 people, according to the fire service.",
                  "Volunteer Ana Holt said 3 of her neighbours were missing.")
    assert not [q for q in written(story) if "3 " in q.prompt]


def test_silent_without_figures(story):
    assert numbers.write(StoryModel(story("library-reopening"))) == []


# --- on every story: each question proves itself ----------------------------------------------


@pytest.mark.parametrize("story_dir", every_story(), ids=lambda p: p.name)
def test_every_question_is_proven_by_its_sentence(story_dir):
    for question in numbers.write(model_of(story_dir)):
        sentences = [fold(e.text) for e in question.evidence]
        if question.prompt.startswith("Outlets credit"):
            assert len(sentences) == len(question.choices), question.prompt
            continue
        (sentence,) = sentences
        answer = key(question)
        if answer == numbers.AS_FACT:
            words = set(re.findall(r"[a-z]+", sentence))
            assert not words & (source_verbs() | {"according"}), question.prompt
        else:
            named = fold(answer) in sentence or answer.split()[-1].lower() in sentence
            assert named, question.prompt
        # A wrong source the sentence names is there as the source of another value.
        model = model_of(story_dir)
        others = {fold(f.source.name) for f in model.figures
                  if fold(f.sentence.text) == sentence and f.source.name}
        for choice in question.choices:
            if choice not in (answer, numbers.AS_FACT):
                assert fold(choice) not in sentence or fold(choice) in others, (
                    question.prompt, choice)


def test_a_titled_person_is_offered_by_name_alone():
    """"Ostland President Ana Berg" among bare names would stand out as the answer: the choice
    names the person as the story does elsewhere, "Ana Berg"."""
    story = Story("quake", "Quake toll rises", tuple(
        Article(f"a{i}", name, "Quake toll rises", f"Quake toll rises\n\n{text}")
        for i, (name, text) in enumerate((
            ("Valley Wire", "At least 40 people were killed, Ostland President Ana Berg said."),
            ("Hill Post", "The quake killed 45 people, the fire service said. Ana Berg visited "
                          "the valley on Tuesday."),
            ("Marrow Times", "The quake killed 38 people, Red Cross officials said."),
        ))))
    question = _asked_of(story, "Valley Wire")
    assert key(question) == "Ana Berg"


def test_forecasts_pointers_and_parts_of_a_total_are_never_asked_as_counts():
    # "the 250,000 that were expected" is a forecast; "76 others" says nothing of what they
    # are; "84 men" is a part of the total its sentence gives. A prompt naming any of them
    # as a figure would ask about the wrong thing.
    story = flood(
        "About 120,000 people marched, far exceeding the 250,000 marchers that were expected, "
        "according to the city police.",
        "Some 26 people have been injured and 76 others are missing, the fire service said.",
        "A total of 179 people, including 85 women and 84 men, died in the flood, the regional "
        "governor said.",
        "The flood killed 179 people, according to the regional governor.",
    )
    prompts = [q.prompt for q in written(story)]
    assert not any(re.search(r"\b(?:250,000|76|84|85)\b", p) for p in prompts), prompts
    assert any("179" in p for p in prompts) and any("120,000" in p for p in prompts), prompts


def test_bodies_recovered_are_not_called_the_death_toll():
    story = flood(
        "At least 28 bodies had been pulled from the river, officials said.",
        "Rescuers have recovered 28 bodies, according to the fire service.",
        "The flood killed at least 40 people, the regional governor said.",
        "Hospital officials told reporters that 40 people had died.",
    )
    prompts = [q.prompt for q in written(story)]
    assert not any("28 for the death toll" in p for p in prompts), prompts
    assert any("28 for the number of bodies recovered" in p for p in prompts), prompts


# Every outlet credits the toll to one body (or its chief); the story names other sources for
# other things.
ALIKE = (
    "At least 31 people were killed when the river burst its banks, the Marrow Fire Service "
    "said.\n\nMayor Jon Brek said the dam would be inspected on Monday.",
    "The flood killed 31 people, according to the Marrow Fire Service.\n\nGovernor Ola Pik said "
    "schools would stay shut.",
    "Fire chief Ana Leto told reporters that 31 people had died.\n\nThe Norland Weather Office "
    "said more rain would fall.",
)


def test_a_source_every_outlet_credits_is_asked_against_other_sources_the_story_names():
    question = the_one(written(flood(*ALIKE)), lambda q: "death toll" in q.prompt)
    assert question.prompt == ("According to Hill Post, who gave the figure of 31 for the death "
                               "toll?")
    assert key(question) == "The Marrow Fire Service"
    # People and bodies quoted elsewhere, never the body's own chief, and the outlet's own voice.
    assert set(question.choices) - {key(question)} == {
        "Jon Brek", "Ola Pik", "The Norland Weather Office", numbers.AS_FACT}
    assert "no outlet credits this figure to them" in question.explanation


def test_no_one_credited_with_the_same_amount_is_a_wrong_choice():
    """"About 30" (of anything) may be the same amount read as a quantity: the mayor who gives
    it is no sure wrong answer; "10" is another amount, so the governor who gives it is."""
    story = flood(ALIKE[0].replace("the dam would be inspected on Monday",
                                   "about 30 homes were destroyed"),
                  ALIKE[1].replace("schools would stay shut", "10 schools would stay shut"),
                  ALIKE[2])
    question = the_one(written(story), lambda q: "death toll" in q.prompt)
    assert not [c for c in question.choices if "Brek" in c]
    assert [c for c in question.choices if "Ola Pik" in c]


def test_a_headline_crediting_the_figure_gives_the_answer_away():
    story = Story("flood", TITLE, tuple(
        Article(f"a{i}", outlet, head, f"{head}\n\n{text}") for i, (outlet, head, text) in
        enumerate((("Valley Wire", "Marrow Fire Service: 31 killed in flood", ALIKE[0]),
                   ("Hill Post", "Marrow Fire Service says flood killed 31", ALIKE[1]),
                   ("Marrow Times", TITLE, ALIKE[2])))))
    assert not [q for q in written(story) if "death toll" in q.prompt]


def test_an_article_giving_the_amount_twice_is_not_asked_whose_it_is():
    """A second sentence giving the amount in the outlet's own voice (or from another source)
    makes two answers to "according to the outlet, who gave it?"."""
    story = flood(ALIKE[0], ALIKE[1].replace("Governor Ola Pik said schools would stay shut.",
                                             "Governor Ola Pik said schools would stay shut. "
                                             "The toll of 31 is the worst in decades."),
                  ALIKE[2])
    asked = [q for q in written(story) if "death toll" in q.prompt]
    assert not [q for q in asked if q.prompt.startswith("According to Hill Post")]


def test_amounts_are_compared_as_quantities():
    from quizapp.generators.writing.named_sources import may_be_same

    def figure(text: str):
        model = StoryModel(flood(text))
        return next(f for f in model.figures if f.place == "body")

    about = figure("Alphabet will cut about 12,000 jobs.")
    assert not may_be_same(figure("Microsoft will cut 10,000 jobs."), about)
    assert may_be_same(figure("Meta will cut more than 11,000 jobs."), about)
    assert may_be_same(figure("Tesla recalled 2,031,220 cars."),
                       figure("Tesla recalled 2 million cars."))


def test_an_actor_and_a_second_form_of_one_name_are_no_wrong_choices():
    """"Storm Ula slammed the coast" makes the storm no source, and "Norland Weather" beside
    "the Norland Weather Office" is one body offered twice."""
    story = flood(ALIKE[0] + "\n\nStorm Ula slammed the coast on Sunday.",
                  ALIKE[1].replace("Governor Ola Pik said schools would stay shut.",
                                   "Norland Weather said the rain would stop."), ALIKE[2])
    question = the_one(written(story), lambda q: "death toll" in q.prompt)
    assert not [c for c in question.choices if "Ula" in c]
    assert len([c for c in question.choices if "Norland Weather" in c]) == 1


def test_one_sources_figure_carried_by_several_outlets_is_asked_once():
    story = flood(*(text + "\n\nRescuer Ivo Stam said 40 diesel buses took people to safety."
                    for text in ALIKE))
    assert len([q for q in written(story) if "40 diesel buses" in q.prompt]) == 1


def test_two_amounts_of_one_unlabelled_count_from_two_sides_are_two_questions(seed_story):
    """"Ukraine's air force reported 55 drones" and "the Russian defence ministry claimed 158
    drones": one count of no label, two sources, two lessons; only one amount carried by
    several outlets is asked once."""
    prompts = [q.prompt for q in written(seed_story)]
    assert any("55 Shahed and decoy drones" in p for p in prompts)
    assert any("158 Ukrainian drones" in p for p in prompts)


def test_a_wrong_source_of_another_figure_is_only_said_to_be_cited():
    """Where a wrong choice's source gives a figure of another fact, the explanation says only
    that its outlet cites it: "for another figure" was found false twice in blind grading (the
    same people counted as missing and as presumed dead; a time read as a count)."""
    story = flood("The flood killed 31 people, according to the fire service.",
                  "The flood killed 31 people, the fire service said.",
                  "More than 400 homes were flooded, the regional governor said.",
                  "Hospital officials said 31 people had died in the flood.")
    question = the_one(written(story), lambda q: q.prompt.startswith("According to Marrow Times"))
    assert key(question) == "The regional governor"
    assert "Valley Wire also cites the fire service" in question.explanation
    assert "another figure" not in question.explanation


def test_a_figure_credited_to_a_country_is_never_asked_who_gave_it():
    """"Thailand reported 101 missing": a place names no one who counted (a blind grader's
    "misleading frame"); the same figure credited to a body is asked (STORY's fire service)."""
    story = flood(
        "At least 31 people were killed when the river burst its banks, the regional governor "
        "said.",
        "The flood killed 31 people, according to Norland.\n\nWater also rose in neighbouring "
        "Norland.",
        "Hospital officials told reporters that 31 people had died.",
        "The flood killed 31 people in the valley.\n\nSchools will stay shut this week.")
    assert not [q for q in written(story) if "Norland" in numbers_keys(q)]
    asked = the_one(written(STORY), lambda q: q.prompt.startswith("According to Hill Post"))
    assert numbers_keys(asked) == ["The fire service"]


def numbers_keys(question) -> list[str]:
    return [question.choices[i] for i in question.answer]
