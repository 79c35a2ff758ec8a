"""numbers: the figure an outlet gives when outlets give different figures for one quantity at
one moment, and whose figure it is; wrong figures are absent from the asked outlet, wrong
sources absent from the sentence."""
from __future__ import annotations

import re

from quizapp.generators.kinds import numbers
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import fold

from tests.generators.reading import key, outlet_text, qualifiers_before, the_one

KIND = "numbers"


def digits(text: str) -> set[str]:
    return {t.replace(",", "") for t in re.findall(r"\d+(?:[.,]\d+)*", text)}


def source_question(questions, figure: str):
    return the_one(questions, lambda q: q.prompt.endswith(f"the figure of {figure}?"))


def test_seed_names_the_source_of_each_drone_figure(seed_story, questions):
    assert key(source_question(questions(seed_story), "55 drones")) == "Ukraine\u2019s air force"
    assert key(source_question(questions(seed_story), "158 drones")) == "The Russian defence ministry"
    assert key(source_question(questions(seed_story), "155 nationals")) == "Ukrainian President Volodymyr Zelensky"


def test_source_questions_keep_the_qualifier_the_outlet_prints(seed_story, questions):
    question = source_question(questions(seed_story), "approximately $3,500")
    assert question.prompt == "In Paolo Bibat's blog, who is the source of the figure of approximately $3,500?"
    assert "approximately $3,500" in question.evidence[0].text


def test_every_source_question_is_proven_by_its_sentence(seed_story, story, questions):
    for s in (seed_story, story("vaccine-plant"), story("river-flood")):
        for question in questions(s):
            if "who is the source" not in question.prompt:
                continue
            (evidence,) = question.evidence
            assert evidence.text in s.article(evidence.article).text
            figure = question.prompt.rsplit("the figure of ", 1)[1].rstrip("?")
            assert digits(figure) <= digits(evidence.text)
            # The qualifier printed right before the number stays with it: "more than 50".
            number = re.search(r"[$\u20ac\u00a3]?\d[\d,.]*", figure).group()
            assert qualifiers_before(figure, number) == qualifiers_before(evidence.text, number), question.prompt
            answer = key(question)
            if answer == numbers.AS_FACT:
                assert not re.search(r"\b(said|says|told|according to|claimed|reported)\b", evidence.text)
            else:
                assert fold(answer) in fold(evidence.text)
            for choice in question.choices:
                if choice not in (answer, numbers.AS_FACT):
                    assert fold(choice) not in fold(evidence.text), (question.prompt, choice)


def test_invented_story_asks_which_figure_an_outlet_gives_when_figures_differ(story, questions):
    question = the_one(questions(story("vaccine-plant")), lambda q: q.prompt.startswith("What figure"))
    assert question.prompt == "What figure does Coastline News give for the number of people injured?"
    assert key(question) == "9" and set(question.choices) == {"9", "at least 14"}
    assert "14" not in digits(outlet_text(story("vaccine-plant"), "Coastline News"))
    assert "Outlets give different figures" in question.explanation and "disagree" not in question.explanation


def test_figures_from_different_days_are_not_set_against_each_other(story, questions):
    # "31 ... on Monday, a higher toll than officials gave on Sunday" and "at least 27 ...
    # overnight" are counts made at different moments, not two outlets at odds.
    assert not [q for q in questions(story("river-flood")) if q.prompt.startswith("What figure")]
    two_days = Story("t", "t", (
        Article("a", "North Wire", "A", "The strike shut the port on Monday, leaving 57 ships waiting at anchor, the port said."),
        Article("b", "South Post", "B", "More than 50 ships were waiting at anchor on Tuesday, according to tracking data."),
    ))
    assert not [q for q in numbers.generate(two_days) if q.prompt.startswith("What figure")]
    one_day = Story("t", "t", (
        Article("a", "North Wire", "A", "The strike shut the port on Monday, leaving 57 ships waiting at anchor, the port said."),
        Article("b", "South Post", "B", "More than 50 ships were waiting at anchor on Monday, according to tracking data."),
    ))
    question = the_one(numbers.generate(one_day), lambda q: q.prompt.startswith("What figure"))
    assert set(question.choices) == {"57", "more than 50"}


def test_a_figure_stated_in_the_outlets_own_voice_is_keyed_as_fact(story, questions):
    question = source_question(questions(story("vaccine-plant")), "650 people")
    assert key(question) == numbers.AS_FACT
    assert question.evidence[0].text == "The plant employs 650 people and is the largest employer in the district."


def test_different_quantities_are_not_compared_and_pronoun_sources_are_not_guessed():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "Rebels launched 55 drones at the city overnight, the army said."),
        Article("b", "South Post", "B", "Air defences shot down 158 drones over the region, the army said."),
        Article("c", "East Times", "C", "He said 40 people were hurt in the attack on the city."),
    ))
    found = numbers.generate(s)
    assert not [q for q in found if q.prompt.startswith("What figure")]
    assert not [q for q in found if "40 people" in q.prompt]
    assert [key(q) for q in found if "55 drones" in q.prompt] == ["The army"]


def test_silent_without_figures(story):
    assert numbers.generate(story("library-reopening")) == []


def _flood_story(lead: str, *more: str) -> Story:
    """Two outlets on an invented flood; the first prints `lead`, then each of `more` as its own
    paragraph, then a named source elsewhere (a wrong choice for "who is the source")."""
    text = "\n\n".join([lead, *more, "Ranger Tomas Brek said the river was still rising."])
    return Story("t", "t", (
        Article("a", "Valley Wire", "A", text),
        Article("b", "Hill Post", "B", "The river rose overnight, the ranger said."),
    ))


def test_a_figure_credited_elsewhere_in_the_article_is_not_keyed_as_fact():
    lead = "A flood has driven some 7,200 people from their homes in the Marrow valley."
    flat = the_one(numbers.generate(_flood_story(lead)), lambda q: "7,200" in q.prompt)
    assert key(flat) == numbers.AS_FACT  # alone, the sentence is the outlet's own word
    # Two paragraphs on, the article says whose figure it is: no longer "stated as fact".
    for credit in ("District mayor Ana Holt gave the evacuation figure on Friday.",
                   "The district council put the number at some 7,200 on Friday.",
                   "Police said the people who left were staying with relatives."):
        found = numbers.generate(_flood_story(lead, credit))
        assert not [q for q in found if "7,200" in q.prompt and key(q) == numbers.AS_FACT], credit
    # A figure word that plainly counts something else leaves the figure the outlet's own.
    other = "Council estimates put the number of bridges destroyed at 3."
    assert key(the_one(numbers.generate(_flood_story(lead, other)), lambda q: "7,200" in q.prompt)) == numbers.AS_FACT


def test_a_named_body_that_records_a_figure_is_its_source_never_no_one():
    lead = "The Weather Bureau measured 140 millimetres of rain at the Marrow dam on Thursday."
    question = the_one(numbers.generate(_flood_story(lead)), lambda q: "140 millimetres" in q.prompt)
    assert key(question) == "The Weather Bureau"
    assert numbers.AS_FACT in question.choices and question.evidence[0].text == lead
    # A subject that is not plainly a name is not guessed, and not called "no one" either.
    vague = "Gauges upstream recorded 140 millimetres of rain at the Marrow dam on Thursday."
    assert not [q for q in numbers.generate(_flood_story(vague)) if "140 millimetres" in q.prompt]


# --- whose figure: the verb that governs it ----------------------------------------------------

def _museum(first_paragraph: str) -> Story:
    return Story("museum", "Museum theft", (
        Article("a", "Lunden Daily", "Theft", first_paragraph + "\n\n"
                "Museum director Ilse Varga said 12 paintings were taken from the east wing.\n\n"
                "Police recorded 14 break-ins at city museums this year, a police spokesman said."),
        Article("b", "Harbour Gazette", "Theft",
                "Thieves took 11 paintings from the Lunden museum overnight, according to Ilse Varga, "
                "its director."),
    ))


def _figure_in(article: Article, value: str):
    return next(f for f in numbers.figures(article) if f.value == value)


def test_the_actor_a_figure_describes_is_not_its_source():
    # The gang demands the coins; nobody is cited for the figure: the outlet states it.
    story = _museum("The Marrow Street Gang has claimed responsibility for the theft at the Lunden "
                    "museum, and it wants 300 gold coins to return the paintings.")
    article = story.article("a")
    assert numbers.source_of(article, _figure_in(article, "300")) is None
    questions = numbers.generate(story)
    assert not [q for q in questions if "300" in q.prompt or "Marrow" in key(q)]
    # A figure the reporting verb does govern still keys the one who said it.
    assert key(source_question(questions, "12 paintings")) == "Museum director Ilse Varga"


def test_a_figure_inside_what_someone_said_is_still_theirs():
    story = _museum("The Lunden Museum said on Monday that it lost 300 gold coins in the theft.")
    article = story.article("a")
    assert numbers.source_of(article, _figure_in(article, "300")) == "The Lunden Museum"


# --- how a prompt names the quantity -----------------------------------------------------------

def test_money_is_an_amount_and_a_prompt_never_has_a_blank_noun():
    story = Story("ransom", "Ransom", (
        Article("a", "Lunden Daily", "Ransom",
                "The kidnappers demanded $2 million for the engineer's release, police said."),
        Article("b", "Harbour Gazette", "Ransom",
                "The kidnappers have demanded about $1.5 million, the family's lawyer said."),
    ))
    question = the_one(numbers.generate(story), lambda q: q.prompt.startswith("What figure"))
    assert question.prompt == "What figure does Lunden Daily give for the amount demanded?"
    assert key(question) == "$2 million" and "about $1.5 million" in question.choices
    for q in numbers.generate(story):
        assert "  " not in q.prompt and "number of  " not in q.prompt and " ?" not in q.prompt, q.prompt
