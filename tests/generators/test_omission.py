"""omission: a name only one outlet mentions, or the one outlet leaving out a name the others
all mention; an outlet offered as lacking a name has no word of it in any spelling."""
from __future__ import annotations

import re

from quizapp.generators import omission
from quizapp.generators.model import Article, Story
from quizapp.generators.text import fold
from quizapp.generators.verify import prompt_signature

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
