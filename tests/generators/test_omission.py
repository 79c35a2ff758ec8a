"""omission: a name only one outlet mentions, or the one outlet leaving out a name the others
all mention; an outlet offered as lacking a name has no word of it in any spelling."""
from __future__ import annotations

import re

from quizapp.generators.kinds import omission
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import fold
from quizapp.generators.gate import prompt_signature

from tests.generators.reading import keys, outlet_text

KIND = "omission"


def asked_name(question) -> str:
    return re.search(r"mentions? (.+?)(?:\. Which one)?\?$", question.prompt).group(1)


def never_mentions(text: str, name: str) -> bool:
    return not any(fold(part) in fold(text) for part in name.split())


def test_every_question_is_proven_by_the_texts(seed_story, story, questions):
    for s in (seed_story, story("vaccine-plant"), story("river-flood")):
        assert questions(s), s.slug
        for question in questions(s):
            name = asked_name(question)
            for evidence in question.evidence:
                assert evidence.text in s.article(evidence.article).text
                assert name in evidence.text
            if "NOT" in question.prompt:
                (key,) = keys(question)
                assert never_mentions(outlet_text(s, key), name)
                for outlet in set(question.choices) - {key}:
                    assert name in outlet_text(s, outlet)
            else:
                (key,) = keys(question)
                assert name in outlet_text(s, key)
                for outlet in {a.outlet for a in s.articles} - {key}:
                    assert never_mentions(outlet_text(s, outlet), name), (question.prompt, outlet)


def test_seed_names_only_one_outlet_carries(seed_story, questions):
    seed = seed_story
    only = [q for q in questions(seed) if q.prompt.startswith("Only one outlet")]
    assert len(only) >= 4
    assert len({next(iter(keys(q))) for q in only}) >= 4  # spread over the outlets
    for question in only:
        carriers = {a.outlet for a in seed.articles if asked_name(question) in a.text}
        assert carriers == keys(question)


def test_invented_story_finds_the_outlet_leaving_out_the_plant_director(story, questions):
    found = {q.prompt: keys(q) for q in questions(story("vaccine-plant"))}
    assert found["Which outlet does NOT mention Oskar Lindqvist?"] == {"Quiet Pages"}
    assert found["Only one outlet mentions Hanna Brevik. Which one?"] == {"Quiet Pages"}
    assert found["Only one outlet mentions Edda Vollan. Which one?"] == {"Harbour Gazette"}


def test_a_name_spelled_another_way_is_not_an_omission():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "Union leader Karim Mansouri said the strike would go on. "
                "Mayor Ada Voss called for talks."),
        Article("b", "South Post", "B", "Union leader Karim Mansouri spoke to workers at the gate."),
        Article("c", "East Times", "C", "Union leader Karim Mansuri told the crowd to stay calm."),
    ))
    found = omission.generate(s)
    assert [q.prompt for q in found] == ["Only one outlet mentions Ada Voss. Which one?"]


def test_does_not_repeat_outlet_detail_questions(seed_story, story, questions, questions_of):
    for s in (seed_story, story("vaccine-plant"), story("river-flood")):
        mine = {prompt_signature(q.prompt) for q in questions(s)}
        theirs = {prompt_signature(q.prompt) for q in questions_of("outlet_detail", s)}
        assert not mine & theirs
        mine_names = {asked_name(q) for q in questions(s)}
        assert not any(name in q.prompt for q in questions_of("outlet_detail", s) for name in mine_names)


def test_silent_when_every_outlet_names_the_same_people(story):
    assert omission.generate(story("library-reopening")) == []


def prompts_of(story_: Story) -> dict[str, set[str]]:
    return {q.prompt: keys(q) for q in omission.generate(story_)}


def test_never_asks_about_the_publisher_signing_its_own_copy():
    s = Story("t", "t", (
        Article("a", "Kestrel News Agency", "A",
                "KNA-QUAKE/TALLOW (UPDATE 2)\n\n"
                "TALLOW, March 3 (KNA) - A strong earthquake shook the port of Tallow on Monday, "
                "the Harbour Authority said. Engineer Rosa Ulm said the quay walls had held.\n\n"
                "(Reporting by Ivo Brann; Editing by Lea Tams)\n\n"
                "\u00a9 2024 Kestrel News Agency. All rights reserved.",
                url="https://www.kna.example/wire/quake"),
        Article("b", "Marsh Herald", "B", "An earthquake shook the port of Tallow on Monday morning."),
        Article("c", "Ridge Post", "C", "The port of Tallow was closed after the earthquake on Monday."),
    ))
    found = prompts_of(s)
    assert found["Only one outlet mentions Rosa Ulm. Which one?"] == {"Kestrel News Agency"}
    assert not [p for p in found if re.search(r"KNA|Kestrel|Brann|Tams", p)], found


def test_initials_of_an_outlet_in_its_dateline_are_never_a_name_to_ask_about():
    s = Story("t", "t", (
        Article("a", "Vell Wire Service", "A",
                "OSTRA, June 9 (VWS) - Floodwater reached the old town of Ostra on Sunday, "
                "Mayor Tilde Sorn said at a briefing."),
        Article("b", "Marsh Herald", "B", "Floodwater reached the old town of Ostra on Sunday night."),
        Article("c", "Ridge Post", "C", "The old town of Ostra flooded on Sunday, residents said."),
    ))
    found = prompts_of(s)
    assert not [p for p in found if "VWS" in p], found
    assert found["Only one outlet mentions Tilde Sorn. Which one?"] == {"Vell Wire Service"}


def test_never_asks_about_a_unit_or_a_date():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "The thermometer in Pello showed 44 degrees Fahrenheit on Thu. "
                "Farmer Oona Kask said the frost had killed her seedlings."),
        Article("b", "South Post", "B", "A late frost hit the valley near Pello this week."),
        Article("c", "East Times", "C", "Frost damaged crops near Pello, growers said."),
    ))
    found = prompts_of(s)
    assert not [p for p in found if re.search(r"Fahrenheit|Thu\b", p)], found
    assert found["Only one outlet mentions Oona Kask. Which one?"] == {"North Wire"}


def test_a_word_naming_only_part_of_a_place_is_asked_as_the_whole_place():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "Families slept in the Quillon school gym after the storm, "
                "the council said."),
        Article("b", "South Post", "B", "Families slept in a school gym after the storm on Monday."),
        Article("c", "East Times", "C", "Dozens of families left their homes after the storm on Monday."),
    ))
    found = prompts_of(s)
    assert found == {"Only one outlet mentions the Quillon school gym. Which one?": {"North Wire"}}
    (question,) = omission.generate(s)
    assert "Quillon school gym" in question.evidence[0].text


def test_a_name_also_used_on_its_own_is_asked_as_the_name():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "Families slept in the Quillon school gym after the storm. "
                "Quillon was the worst hit village, the council said."),
        Article("b", "South Post", "B", "Families slept in a school gym after the storm on Monday."),
        Article("c", "East Times", "C", "Dozens of families left their homes after the storm on Monday."),
    ))
    assert prompts_of(s) == {"Only one outlet mentions Quillon. Which one?": {"North Wire"}}
