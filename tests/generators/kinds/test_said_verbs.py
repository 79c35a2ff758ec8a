"""word_choice, the verb on a quotation: where outlets print the same words of one speaker, the
outlet that introduces them with a verb that judges them ("admitted", "claimed") where the
others use a plain "said" or "told". Only verbs shown in the outlet's own sentence, in its own
voice, are set against each other; a verb no list holds ("noted") is never offered."""
from __future__ import annotations

import pytest

from quizapp.generators import gate
from quizapp.generators.kinds import word_choice
from quizapp.generators.model import Article, Story
from quizapp.generators.pipeline import generate_questions
from quizapp.generators.reading.model import StoryModel
from tests.generators.corpus import keys
from tests.generators.kinds.stories import invented

WORDS = "We followed every rule and we will appeal this decision in full"
FINE = "The airline was fined 40 million euros on Monday for cancelling 900 flights. "


def said(verb: str, then: str = " Its shares fell.") -> str:
    return f"{FINE}\u201c{WORDS},\u201d chief executive Anna Berg {verb}.{then}"


def told() -> str:
    return f"{FINE}Chief executive Anna Berg told reporters: \u201c{WORDS}.\u201d"


def verb_questions(model: StoryModel) -> list:
    return [q for q in word_choice.write(model) if "verb that judges" in q.prompt]


@pytest.mark.parametrize("verb", ["admitted", "claimed", "insisted", "conceded", "boasted"])
def test_the_outlet_whose_verb_judges_the_words_against_outlets_that_say_them_plainly(verb):
    model = invented(("North Wire", said(verb)), ("South Post", said("said")), ("East Times", told()))
    (question,) = verb_questions(model)
    assert keys(question) == {"North Wire"}
    assert set(question.choices) == {"North Wire", "South Post", "East Times"}
    assert "Anna Berg\u2019s words \u201cWe followed every rule" in question.prompt
    assert "plain \u201csaid\u201d or \u201ctold\u201d" in question.prompt
    assert f"North Wire writes \u201c{verb}\u201d" in question.explanation
    assert "South Post writes \u201csaid\u201d and East Times writes \u201ctold\u201d" \
        in question.explanation
    assert [e.text.split("\u201d")[-1] for e in question.evidence][:2] == [
        f" chief executive Anna Berg {verb}.", " chief executive Anna Berg said."]
    assert gate.inspect(question, model) is not None
    assert question.confidence >= gate.REVIEW_BELOW


def test_outlets_that_all_say_the_words_plainly_are_not_asked_about():
    model = invented(("North Wire", said("said")), ("South Post", said("said")), ("East Times", told()))
    assert verb_questions(model) == []


def test_a_verb_no_list_holds_is_neither_the_key_nor_a_wrong_choice():
    """"Noted" is held plain by some guides and loaded by others: South Post is not offered, and
    two choices are too few."""
    model = invented(("North Wire", said("admitted")), ("South Post", said("noted")),
                  ("East Times", told()))
    assert verb_questions(model) == []
    model = invented(("North Wire", said("noted")), ("South Post", said("said")),
                  ("East Times", told()), ("West Echo", said("said")))
    assert verb_questions(model) == []


def test_a_judging_verb_in_a_sentence_passing_on_a_report_is_not_the_outlets():
    """North Wire passes on what another outlet reported: "admitted" may be that outlet's."""
    passed_on = (f"{FINE}The Daily Courier reported that chief executive Anna Berg admitted: "
                 f"\u201c{WORDS}.\u201d")
    model = invented(("North Wire", passed_on), ("South Post", said("said")), ("East Times", told()),
                  ("West Echo", said("said")))
    assert verb_questions(model) == []


def test_an_outlet_printing_the_words_again_under_a_verb_no_list_holds_is_not_offered():
    """South Post says the words plainly once, then prints them again as "noted": it is not
    shown as an outlet that only said them plainly."""
    again = said("said", f" Speaking to staff later, Berg noted: \u201c{WORDS}.\u201d")
    model = invented(("North Wire", said("admitted")), ("South Post", again), ("East Times", told()))
    assert verb_questions(model) == []


def test_a_judging_verb_shown_in_the_first_sentence_of_a_quote_is_not_put_on_the_next():
    """North Wire's second quotation stands alone in its sentence: a student cannot see the
    verb that introduced it there, so it proves nothing about North Wire's verb for those words."""
    other = "\u201cThe regulator misread the rules,\u201d chief executive Anna Berg claimed. "
    model = invented(("North Wire", f"{FINE}{other}\u201c{WORDS}.\u201d"),
                  ("South Post", said("said")), ("East Times", told()))
    assert all(keys(q) != {"North Wire"} for q in verb_questions(model))


def test_copies_of_one_text_printing_the_same_verb_count_as_one_voice():
    """South Post and West Echo run one text: their "said" is one outlet's choice shown twice,
    so only one stands as a wrong choice, and two choices are too few to ask."""
    copy = said("said", " The union said it would meet the airline's managers on Friday to "
                        "discuss the flights, which were cancelled without notice in March.")
    model = invented(("North Wire", said("admitted")), ("South Post", copy), ("West Echo", copy))
    assert verb_questions(model) == []


def test_a_verb_most_outlets_chose_is_no_one_outlets_choice():
    model = invented(("North Wire", said("claimed")), ("South Post", said("claimed")),
                  ("East Times", told()), ("West Echo", said("said")))
    assert verb_questions(model) == []


def test_a_judging_verb_inside_the_quoted_words_is_the_speakers_not_the_outlets():
    """North Wire's "claimed" stands inside Berg's own words: the outlet's verb for them is
    not shown in their sentence."""
    mine = (f"{FINE}Chief executive Anna Berg claimed: \u201cThe regulator misread the rules.\u201d "
            f"\u201c{WORDS}, as we have always claimed.\u201d")
    model = invented(("North Wire", mine), ("South Post", said("said")), ("East Times", told()))
    assert all(keys(q) != {"North Wire"} for q in verb_questions(model))


def test_a_judging_verb_in_an_agencys_copy_is_the_agencys_not_the_republishing_outlets():
    tagged = "LONDON (Reuters) - " + said("admitted")
    model = invented(("North Wire", tagged), ("South Post", said("said")), ("East Times", told()),
                  ("West Echo", said("said", " Flights resume on Friday.")))
    assert verb_questions(model) == []


def test_the_verb_question_is_kept_in_the_storys_quiz():
    articles = (("North Wire", said("claimed")), ("South Post", said("said")),
                ("East Times", told()))
    found = generate_questions(Story("t", "t", tuple(
        Article(chr(97 + n), outlet, "", text) for n, (outlet, text) in enumerate(articles))))
    (question,) = [q for q in found if "verb that judges" in q.prompt]
    assert question.kind == "word_choice" and question.skill == "framing"
    assert keys(question) == {"North Wire"}
