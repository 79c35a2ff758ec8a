"""Golden rules of reading/terms.py: loaded and plain words for one thing, and whose voice each use
is in (the outlet's narration, a quotation, words credited to a source), on invented sentences;
and the vocabulary's reach beyond war and protest words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.terms import (
    OUTLET,
    PARAPHRASE,
    QUOTE,
    UNCLEAR,
    copies_of,
    term_groups,
    tie,
)
from quizapp.generators.reading.text import fold


def uses(text: str):
    return StoryModel(Story("t", "t", (Article("a", "North Wire", "", text),))).terms


def use_of(text: str, word: str):
    """The use of `word` in the text (a word of several groups is one use in each: "bloodbath"
    for job losses and for a market's fall), checking they all read its voice alike."""
    found = [u for u in uses(text) if fold(u.passage.text) == word]
    assert found and len({(u.voice, u.speaker, u.loaded) for u in found}) == 1
    return found[0]


def test_a_loaded_word_in_the_outlets_narration_is_its_own():
    use = use_of("Shares in the lender fell into a bloodbath on Monday after the report.",
                 "bloodbath")
    assert use.loaded and use.voice == OUTLET and use.speaker is None
    assert use.frame  # the file says how the word frames the thing


def test_a_word_inside_a_quotation_is_the_speakers():
    use = use_of("\u201cIt was a bloodbath for the staff,\u201d said union leader Ann Lee.",
                 "bloodbath")
    assert use.voice == QUOTE and use.speaker.name == "Ann Lee"


def test_a_word_inside_words_credited_to_a_source_is_the_sources():
    use = use_of("Police said they had detained 12 rioters outside the town hall.", "rioters")
    assert use.voice == PARAPHRASE and use.speaker.name == "Police"


def test_a_word_right_after_a_verb_of_labelling_is_the_labellers():
    use = use_of("Some of the national coverage called them rioters on Monday.", "rioters")
    assert use.voice == PARAPHRASE


def test_a_word_in_a_sentence_built_on_a_claim_is_of_unclear_voice():
    use = use_of("Ukraine's claim that mercenaries fight for Russia is groundless.",
                 "mercenaries")
    assert use.voice == UNCLEAR


def test_plain_words_are_read_too():
    use = use_of("The company announced 600 layoffs at its plant in Selby.", "layoffs")
    assert not use.loaded and use.voice == OUTLET


def test_a_word_inside_a_longer_one_of_another_group_is_the_longer_ones():
    found = {fold(u.passage.text) for u in uses("Riot police dispersed the crowd with tear gas.")}
    assert "riot" not in found and "riot police" in found


def test_a_word_that_names_something_is_not_a_word_chosen():
    use = use_of("Storm Ciaran brought winds of 100 mph to the coast on Thursday.", "storm")
    assert use.in_name


def test_uses_for_one_thing_are_tied_by_their_modifier_or_context():
    story = Story("t", "t", (
        Article("a", "North Wire", "", "Chinese mercenaries were captured near the border town."),
        Article("b", "South Post", "", "Two Chinese nationals were captured near the border town."),
        Article("c", "East Times", "", "Ukrainian nationals crossed the river at dawn on Sunday."),
    ))
    mercenaries, chinese, ukrainian = [u for u in StoryModel(story).terms
                                       if u.group.names == "people from one country in a war"]
    assert tie(mercenaries, chinese) and not tie(mercenaries, ukrainian)


def test_every_group_sets_a_plain_tone_against_loaded_ones_that_say_how_they_frame():
    for group in term_groups():
        assert group.plain.frame == "" and len(group.tones) >= 2, group.names
        assert all(tone.frame for tone in group.tones[1:]), group.names


DATA = Path(__file__).resolve().parents[3] / "quizapp" / "generators" / "data"


def domains() -> dict[str, list[str]]:
    """The groups of data/loaded_terms.txt under each "# --- domain ---" header."""
    found: dict[str, list[str]] = {}
    current = None
    for line in (DATA / "loaded_terms.txt").read_text(encoding="utf-8").splitlines():
        header = re.match(r"# --- (.+?) -+$", line)
        if header:
            current = header.group(1)
            found[current] = []
        elif current and line.strip() and not line.startswith("#"):
            found[current].append(line)
    return found


@pytest.mark.parametrize("domain", [
    "work and business", "courts, regulators and crime", "politics", "conflict and security",
    "protest and unrest", "disasters and accidents", "health and science", "sport",
])
def test_the_vocabulary_reaches_beyond_war_and_protest(domain):
    assert len(domains()[domain]) >= 3


def test_a_loaded_verb_of_motion_is_no_word_for_a_fight():
    assert not [u for u in uses("The hurricane slammed into the coast on Wednesday.")
                if u.loaded]
    assert [u for u in uses("The senator slammed the ruling on Wednesday.") if u.loaded]


def test_articles_sharing_one_text_are_each_others_copies():
    text = ("The ferry sank near the harbour of Selmar on Monday night with 40 passengers aboard. "
            "Rescuers pulled 31 people from the water before dawn, the coastguard said. "
            "The company that ran the ferry said it would help the families of the missing. "
            "The harbour will stay closed until divers have searched the wreck for survivors.")
    story = Story("t", "t", (
        Article("a", "North Wire", "", text),
        Article("b", "South Post", "", text.replace("Monday night", "Monday")),
        Article("c", "East Times", "", "A storm closed the airport at Orden for a day."),
    ))
    assert copies_of(StoryModel(story)) == {"a": frozenset({"b"}), "b": frozenset({"a"})}
