"""The pipeline: kinds in a fixed order, every question checked by verify.py, near-duplicates
merged, same story -> same quiz; and verify.py's checks on their own."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizapp.generators import gate as verify
from quizapp.generators import pipeline
from quizapp.generators import KINDS, generate_questions, load_story
from quizapp.generators.model import Article, Evidence, Question, Story

from tests.generators.corpus import SEED, STORIES

BRIDGE = STORIES / "bridge-closure"

ARTICLE = Article("a", "Paper One", "Title", "The mayor said the bridge would reopen in June.")
STORY = Story("s", "S", (ARTICLE, Article("b", "Paper Two", "Title", "The bridge stays shut.")))


def question(prompt="Which outlet says the bridge reopens in June?",
             choices=("Paper One", "Paper Two", "Paper Three"),
             answer=(0,), evidence=(Evidence("a", "the bridge would reopen in June"),), kind="outlet_detail",
             explanation="Paper One reports the date."):
    return Question(kind, "cross-checking", prompt, tuple(choices), tuple(answer), explanation, tuple(evidence))


def test_kinds_are_listed_in_quiz_order():
    assert KINDS == (
        "quote_attribution", "quote_matching", "label_attribution", "voice", "quote_rendering",
        "conflict", "timeline", "figure_matching", "outlet_detail", "numbers", "headline",
        "sourcing", "provenance", "word_choice", "hedging", "omission", "name_spelling",
        "find_evidence",
    )


def test_same_story_same_questions_in_the_same_order():
    first = generate_questions(load_story(SEED))
    second = generate_questions(load_story(SEED))
    assert first == second
    assert len({q.id for q in first}) == len(first)


def test_kinds_filter_and_order():
    only = generate_questions(load_story(BRIDGE), ["name_spelling", "quote_attribution"])
    kinds = [q.kind for q in only]
    assert set(kinds) == {"name_spelling", "quote_attribution"}
    assert kinds == sorted(kinds, key=list(KINDS).index)


def test_unknown_kind_is_an_error_that_lists_the_known_ones():
    with pytest.raises(ValueError) as error:
        generate_questions(STORY, ["quote_attribution", "astrology"])
    assert "astrology" in str(error.value)
    assert all(kind in str(error.value) for kind in KINDS)


def test_every_question_of_the_seed_is_sound():
    story = load_story(SEED)
    questions = generate_questions(story)
    assert len(questions) >= 15
    assert all(verify.problems(q, story) == [] for q in questions)



def test_pipeline_drops_what_verify_rejects(monkeypatch):
    good = question()
    bad = question(prompt="Which outlet says the bridge is closed?",
                   evidence=(Evidence("a", "words that are not in the article"),))
    fake = SimpleNamespace(name="outlet_detail", keep=0, write=lambda model: [good, bad])
    monkeypatch.setattr(pipeline, "chosen_kinds", lambda kinds: [fake])
    assert generate_questions(STORY) == [good]


def test_a_kind_that_offers_candidates_keeps_as_many_as_it_says(monkeypatch):
    first = question()
    second = question(prompt="Which outlet says the bridge reopens in the summer?",
                      choices=("Paper Two", "Paper One", "Paper Three"))
    fake = SimpleNamespace(name="outlet_detail", keep=1, write=lambda model: [first, second])
    monkeypatch.setattr(pipeline, "chosen_kinds", lambda kinds: [fake])
    assert generate_questions(STORY) == [first]
    monkeypatch.setattr(fake, "keep", 0)
    assert len(generate_questions(STORY)) == 2


def test_passage_in_article():
    assert verify.passage_in_article(ARTICLE.text, "the bridge would reopen")
    assert not verify.passage_in_article(ARTICLE.text, "the bridge would  reopen")
    assert not verify.passage_in_article(ARTICLE.text, "")
    assert not verify.passage_in_article(ARTICLE.text, "   ")


@pytest.mark.parametrize("broken, complaint", [
    (dict(evidence=()), "no evidence"),
    (dict(evidence=(Evidence("zz", "The mayor"),)), "does not have"),
    (dict(evidence=(Evidence("a", "the mayor"),)), "not a passage"),
    (dict(choices=("Paper One",)), "1 choices"),
    (dict(choices=tuple(f"Paper {i}" for i in range(9))), "9 choices"),
    (dict(choices=("Paper One", "paper one ")), "read the same"),
    (dict(choices=("Paper One", "")), "empty"),
    (dict(answer=()), "no choice is marked"),
    (dict(answer=(3,)), "points at no choice"),
    (dict(answer=(0, 0)), "listed twice"),
    (dict(answer=(0, 1, 2)), "every choice is correct"),
    (dict(prompt=" "), "prompt is empty"),
    (dict(explanation=""), "explanation is empty"),
])
def test_verify_names_each_problem(broken, complaint):
    assert verify.problems(question(), STORY) == []
    found = verify.problems(question(**broken), STORY)
    assert any(complaint in p for p in found), found
    assert not verify.is_sound(question(**broken), STORY)


def test_every_kind_writes_questions_of_its_registered_skill():
    from quizapp.generators import registry

    questions = generate_questions(load_story(SEED))
    for question in questions:
        assert question.skill == registry.kind(question.kind).skill, question.prompt
    assert {kind.skill for kind in registry.KINDS} <= set(registry.SKILL_NAMES)


def test_progress_is_told_after_each_kind_in_order():
    told = []
    generate_questions(load_story(BRIDGE), ["name_spelling", "quote_attribution"],
                       progress=lambda kind, done, total, written: told.append((kind, done, total)))
    assert told == [("quote_attribution", 1, 2), ("name_spelling", 2, 2)]
