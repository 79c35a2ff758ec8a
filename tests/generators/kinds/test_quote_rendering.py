"""quote_rendering: one speaker's same statement printed in different words by different outlets.
Keys print the asked wording; every wrong outlet prints the same spot otherwise; a quote cut
shorter, an ellipsis, a contraction or a hyphen is no different wording; every outlet's evidence
names the speaker."""

from __future__ import annotations

import re

from quizapp.generators import load_story
from quizapp.generators.kinds import quote_rendering
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import contains_word, fold
from tests.generators.corpus import SEED, keys, the_one

KIND = "quote_rendering"
PAPERS = (
    "Tramway Gazette",
    "Harbour Evening Post",
    "Civic Wire",
    "Valley Courier",
    "Ring Road News",
)


def wording(question) -> str:
    return re.findall(r"\u201c(.+?)\u201d", question.prompt)[-1]


def tram(*texts: str) -> Story:
    return Story(
        "tram",
        "Tram line",
        tuple(Article(f"tram-{i}", PAPERS[i], "Tram line", text) for i, text in enumerate(texts)),
    )


def said(words: str, tail: str = "Mayor Ilse Varga said.") -> str:
    opening = "The council backed the tram line on Tuesday after a long debate."
    return f"{opening}\n\n\u201c{words},\u201d {tail}"


def write(*texts: str):
    return quote_rendering.write(StoryModel(tram(*texts)))


def test_the_outlet_printing_other_words_is_found_and_wrong_outlets_print_the_spot_otherwise():
    found = write(
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot waste public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders"),
    )
    question = the_one(found)
    assert keys(question) == {"Civic Wire"} and "waste public money" in wording(question)
    # The cut version prints the spot too ("spend public money"): a fair wrong answer.
    assert set(question.choices) == set(PAPERS[:4])
    assert "Ilse Varga" in question.explanation and "Varga" not in question.prompt


def test_two_sentences_of_one_memo_are_not_one_statement_in_other_words():
    memo = ("This means saying goodbye to people we worked hard to hire. I am deeply sorry for "
            "that. I take full responsibility for the decisions that led us here")
    found = write(
        said(memo),
        said("I take full responsibility for the decisions that led us here"),
        said("The cuts weigh on me, and I take full responsibility for the decisions that led "
             "us here"),
        said("I take full responsibility for the decisions that led us here"),
    )
    assert not [q for q in found if "sorry" in q.prompt]


def test_an_outlet_printing_both_wordings_is_neither_key_nor_wrong():
    found = write(
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot waste public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day")
        + "\n\n\u201cWe cannot waste public money on a line that serves so few riders,\u201d "
        "Mayor Ilse Varga said again.",
    )
    for question in found:
        assert "Valley Courier" not in question.choices


def test_an_outlet_printing_the_wording_in_anyone_elses_words_is_no_wrong_answer():
    """The asked words in another's quotation ("critics said the city “cannot waste public
    money”") still print them: a student picking that outlet would be right."""
    found = write(
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot waste public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day")
        + "\n\nCritics said the city \u201ccannot waste public money\u201d on so few riders.",
    )
    for question in found:
        assert "Valley Courier" not in question.choices


def test_a_cut_an_ellipsis_a_contraction_or_a_hyphen_is_no_new_wording():
    assert (
        write(
            said("We cannot spend public money on a line that serves so few riders each day"),
            said("We cannot spend public money on a line that serves so few riders"),
            said("We can\u2019t spend public money \u2026 so few riders each day"),
            said("We cannot spend public-money on a line that serves so few riders each day"),
        )
        == []
    )


def test_a_speaker_never_named_in_full_by_an_outlet_leaves_it_out():
    found = write(
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot waste public money on a line that serves so few riders each day"),
        said(
            "We cannot waste public money on a line that serves so few riders each day",
            tail="Varga said.",
        ),
    )
    question = the_one(found)
    assert "Valley Courier" not in question.choices
    assert all(e.article != "tram-3" for e in question.evidence)


def test_label_renderings_of_one_speaker_for_one_thing():
    found = write(
        "Mayor Ilse Varga called the plan \u201ca costly mistake\u201d on Monday.",
        "Mayor Ilse Varga called the plan \u201ca costly mistake\u201d in a statement.",
        "Mayor Ilse Varga called the plan \u201ca needless expense\u201d on Monday.",
        "Mayor Ilse Varga called the plan \u201ca serious blunder\u201d on Monday.",
    )
    question = the_one(found)
    assert "Ilse Varga" in question.prompt and "the plan" in question.prompt
    printed = {a.outlet: a.text for a in tram().articles} or {}
    for index, outlet in enumerate(question.choices):
        text = next(
            e.text for e in question.evidence if e.article == f"tram-{PAPERS.index(outlet)}"
        )
        assert (fold(wording(question)) in fold(text)) == (index in question.answer), printed


def test_a_label_cut_from_another_is_never_offered_against_it():
    # "groundless" is cut from "absolutely groundless": it may be a wrong answer beside
    # "totally unfounded", never beside the words it is cut from.
    texts = (
        "Minister Oren Falk called the claims \u201cabsolutely groundless\u201d on Monday.",
        "Minister Oren Falk called the claims \u201cgroundless\u201d on Monday.",
        "Minister Oren Falk called the claims \u201ctotally unfounded\u201d on Monday.",
    )
    for question in write(*texts):
        asked = fold(wording(question))
        for index, outlet in enumerate(question.choices):
            printed = fold(texts[PAPERS.index(outlet)])
            if index not in question.answer:
                assert not re.search(rf"\u201c[^\u201d]*{re.escape(asked)}", printed), outlet
                assert not any(w in asked for w in re.findall(r"\u201c(.+?)\u201d", printed))


def test_seed_asks_the_agency_translation_that_differs(seed_story, questions):
    question = the_one(questions(seed_story), mentioning="stay away from")
    assert keys(question) == {"The Moscow Times"}
    assert "areas of armed conflict" in wording(question)
    for index, outlet in enumerate(question.choices):
        printed = " ".join(
            e.text for e in question.evidence if seed_story.article(e.article).outlet == outlet
        )
        assert contains_word(printed, wording(question)) == (index in question.answer)
        assert contains_word(printed, "Lin Jian"), outlet  # each outlet's evidence names him


def test_silent_when_outlets_agree_or_nobody_is_quoted(story):
    assert quote_rendering.write(StoryModel(story("quiet-library-vote"))) == []
    same = "Minister Oren Falk called the budget \u201ca careful plan\u201d on Monday."
    assert write(same, same, same) == []


def test_keys_print_the_wording_and_wrong_outlets_do_not_on_every_real_story():
    from bench.quality import story_folders

    for folder in story_folders():
        model = StoryModel(load_story(folder))
        for question in quote_rendering.write(model):
            asked = fold(wording(question))
            for index, choice in enumerate(question.choices):
                article_ids = {o.article for o in model.outlets if o.label == choice}
                printed = fold(
                    " ".join(e.text for e in question.evidence if e.article in article_ids)
                )
                assert (asked in printed) == (index in question.answer), (question.prompt, choice)


def test_deterministic():
    assert quote_rendering.write(StoryModel(load_story(SEED))) == quote_rendering.write(
        StoryModel(load_story(SEED))
    )


def test_two_statements_of_one_speaker_merged_are_not_asked_as_one_in_other_words():
    # The mayor said two things alike: "a line that serves so few riders" and "a line that
    # costs so much money". Outlets print a third word at the same spot ("helps"): which
    # printing renders which statement is not for a rule to say.
    found = write(
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that serves so few riders each day"),
        said("We cannot spend public money on a line that costs so much money each day"),
        said("We cannot spend public money on a line that helps so few riders each day"),
        said("We cannot spend public money on a line that costs so much money each day"),
    )
    assert not [q for q in found if "serves" in q.prompt or "helps" in q.prompt
                or "costs" in q.prompt], [q.prompt for q in found]
