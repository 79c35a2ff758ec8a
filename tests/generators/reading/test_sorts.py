"""Golden rules of reading a speaker's sort: a body, a public person (an office or role, or
named with no introduction) or a private person (a resident, an attendee, "a weeping Jo Doe"),
from how small invented texts introduce them."""

from __future__ import annotations

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.sorts import BODY, PRIVATE, PUBLIC


def sort(name: str, *texts: str) -> str:
    story = Story(
        "t", "t", tuple(Article(f"a{i}", f"Outlet {i}", "", text) for i, text in enumerate(texts))
    )
    model = StoryModel(story)
    return model.sorts.of(model.entities.find(name).key)


def test_an_appositive_whose_head_is_a_private_word_makes_a_private_person():
    text = "\u201cWe walked all night,\u201d Jalen Okafor, a harbour march attendee, told reporters."
    assert sort("Jalen Okafor", text) == PRIVATE


def test_a_title_of_a_private_word_before_the_name_makes_a_private_person():
    assert sort("Rana Idris", "Nursing student Rana Idris said the ward was full.") == PRIVATE


def test_a_description_set_off_by_a_comma_before_the_name_is_read_by_its_head():
    assert sort("Omar Fell", "A resident of the old town, Omar Fell, said the walls cracked.") \
        == PRIVATE
    assert sort("Omar Fell", "The governor of the northern province, Omar Fell, said the walls "
                "cracked. Omar Fell, a resident of the old town, was at home.") == PUBLIC


def test_someone_introduced_by_what_befell_them_is_a_private_person():
    """"said Jo Doe, who lost five of his closest friends": a bystander of the disaster (a
    colour quote graded trivia in round H7), unless an office is read for them too."""
    text = "\u201cThere is nothing to do but wait,\u201d said Tarik Omen, who lost his house."
    assert sort("Tarik Omen", text) == PRIVATE
    assert sort("Tarik Omen", text, "Mayor Tarik Omen opened the shelter.") == PUBLIC


def test_a_weeping_name_who_speaks_is_a_private_person_but_a_dejected_player_consoled_is_not():
    plea = "\u201cPlease find them,\u201d a weeping Dilan Sarp pleaded beside the ruins."
    assert sort("Dilan Sarp", plea) == PRIVATE
    consoled = "Kylo Maret scored twice. The coach was seen comforting a dejected Kylo Maret."
    assert sort("Kylo Maret", consoled) == PUBLIC


def test_the_head_of_a_description_decides_not_every_word_in_it():
    # "who knew the passengers": a choreographer, not a passenger.
    text = ("\u201cWe are all in pain,\u201d said Ada Blom, a Lisbon-based choreographer who "
            "knew the passengers.")
    assert sort("Ada Blom", text) == PUBLIC


def test_an_office_wins_over_a_private_description_and_an_undescribed_name_is_public():
    assert sort("Tova Lind", "Tova Lind, a resident of Brae, said the road was shut.",
                "Mayor Tova Lind opened the shelter.") == PUBLIC
    assert sort("Sela Marr", "Sela Marr and Ivo Tan sang at the rally.") == PUBLIC


def test_a_body_is_a_body():
    assert sort("Harbour Transit Authority", "The Harbour Transit Authority said trains were "
                "full.") == BODY
