"""word_choice: which outlet chose a loaded word in its own voice where other outlets, telling
the same thing, print a plain one; compared headline to headline, sentence to sentence, or whole
article to whole article (a cut-off wrong outlet sends the question to review). A word that a copy
of the text carries, or most outlets use, is no outlet's choice."""
from __future__ import annotations

import re

import pytest

from quizapp.generators.gate import REVIEW_BELOW
from quizapp.generators.kinds import word_choice
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import fold
from tests.generators.kinds.stories import CORPUS, invented, model_of
from tests.generators.corpus import keys

KIND = "word_choice"


def quoted_words(prompt: str) -> list[str]:
    return re.findall(r"\u201c(.+?)\u201d", prompt)


def story(*articles: tuple[str, str, str], whole: bool | None = True) -> StoryModel:
    """One article per (outlet, headline, body), known whole unless `whole` says otherwise."""
    return StoryModel(Story("t", "t", tuple(
        Article(chr(97 + n), outlet, title, f"{title}\n\n{body}" if title else body, whole=whole)
        for n, (outlet, title, body) in enumerate(articles))))


BANK = "The bank will close its Selby call centre in March, the company said on Monday."


def test_a_loaded_word_in_one_headline_against_plain_words_in_the_others():
    model = story(
        ("North Wire", "Bank announces bloodbath of 600 jobs at Selby call centre", BANK),
        ("South Post", "Bank announces 600 layoffs at Selby call centre", BANK),
        ("East Times", "Selby call centre: bank confirms 600 job cuts", BANK),
    )
    (question,) = word_choice.write(model)
    assert keys(question) == {"North Wire"}
    assert set(question.choices) == {"North Wire", "South Post", "East Times"}
    assert question.prompt.startswith("Which outlet\u2019s headline uses \u201cbloodbath\u201d")
    assert "as violence" in question.explanation
    assert question.confidence == 1.0


# Three reports of one closure, each telling it in its own sentences: compared whole.
CLOSURE = (
    ("North Wire", "", "Workers learned on Monday of a bloodbath: 600 jobs will go when the "
                       "bank shuts its Selby call centre in March."),
    ("South Post", "", "The bank is closing its Selby call centre in March. Staff were told on "
                       "Monday of 600 layoffs at the site."),
    ("East Times", "", "Selby will lose its call centre in March. The bank confirmed 600 "
                       "layoffs there on Monday, blaming falling calls."),
)


def test_a_loaded_word_in_one_outlets_voice_against_whole_articles_printing_the_plain_word():
    (question,) = word_choice.write(story(*CLOSURE))
    assert keys(question) == {"North Wire"}
    assert quoted_words(question.prompt) == ["bloodbath", "layoffs"]
    assert question.prompt.startswith("Which outlet writes \u201cbloodbath\u201d in its own voice")
    assert question.confidence == 1.0


def test_wrong_outlets_whose_text_may_be_cut_off_send_the_question_to_review():
    (question,) = word_choice.write(invented(*((outlet, text) for outlet, _, text in CLOSURE)))
    assert question.confidence < REVIEW_BELOW
    assert any("cut off" in reason for reason in question.reasons)


def test_sentences_telling_the_same_claim_are_compared_word_for_word():
    model = invented(
        ("North Wire", "The airline was slapped with a penalty of 40 million euros on Monday "
                       "for cancelling 900 flights without notice. Its shares fell."),
        ("South Post", "The airline was given a penalty of 40 million euros on Monday for "
                       "cancelling 900 flights without notice. It will appeal."),
        ("East Times", "On Monday the airline was given a penalty of 40 million euros for "
                       "cancelling 900 flights without notice. Unions welcomed it."),
    )
    (question,) = word_choice.write(model)
    assert keys(question) == {"North Wire"}
    assert "in one sentence" in question.prompt and "\u201cslapped with\u201d" in question.prompt
    assert question.confidence == 1.0  # the sentences are whole, whatever follows them


def test_a_loaded_word_inside_a_quotation_is_not_the_outlets_choice():
    model = story(
        ("North Wire", "", "\u201cIt is a bloodbath,\u201d said union leader Ann Lee of the 600 "
                           "jobs cut at the Selby call centre."),
        ("South Post", "", "The bank announced 600 layoffs at its Selby call centre on Monday."),
        ("East Times", "", "The bank confirmed 600 layoffs at its Selby call centre this week."),
    )
    assert word_choice.write(model) == []


def test_an_outlet_printing_the_loaded_word_anywhere_is_never_a_wrong_article():
    north, south, east = CLOSURE
    model = story(north, (south[0], "", south[2] + " \u201cA bloodbath,\u201d said a union "
                                                    "official."), east,
                  ("West Echo", "", "Selby will lose 600 jobs in March. The bank confirmed the "
                                    "layoffs at its call centre on Monday."))
    (question,) = word_choice.write(model)
    assert "South Post" not in question.choices


def test_a_word_carried_by_copies_of_one_text_is_the_copys_not_an_outlets_choice():
    copy = ("The bank announced a bloodbath of 600 jobs at its Selby call centre on Monday, "
            "closing the site it opened in 1998 and moving the work to its offices in Leeds. "
            "Staff were told at a meeting on Monday morning that the centre would shut in March. "
            "The union said it would meet the bank's managers on Friday to discuss the closure.")
    model = story(
        ("North Wire", "", copy),
        ("Wire Copy", "", copy.replace("Monday morning", "Monday")),
        ("South Post", "", "The bank announced 600 layoffs at its Selby call centre on Monday."),
        ("East Times", "", "The bank confirmed 600 layoffs at its Selby call centre this week."),
        ("West Echo", "", "Selby lost 600 jobs in layoffs at the bank's call centre this week."),
    )
    assert word_choice.write(model) == []


def test_a_loaded_word_in_an_agencys_copy_is_not_the_republishing_outlets_choice():
    """North Wire runs the agency's text under its dateline tag: "bloodbath" is the agency's
    word, so North Wire is not asked about as if it had chosen it."""
    north, south, east = CLOSURE
    tagged = (north[0], "", "SELBY, England (Reuters) - " + north[2])
    assert word_choice.write(story(tagged, south, east)) == []


def test_a_plain_word_only_inside_a_quotation_is_not_a_wrong_outlets_wording():
    """South Post's plain word stands only in a worker's quotation: the outlet's own wording is
    not shown, so South Post is no wrong choice said to write "layoffs"."""
    north, _, east = CLOSURE
    quoted = ("South Post", "", "The bank is closing its call centre in March. \u201cThese 600 "
                                "layoffs at the Selby call centre will empty the town,\u201d said "
                                "Ann Lee, who has worked there since 1998.")
    west = ("West Echo", "", east[2].replace("Selby will", "The town will"))
    (question,) = word_choice.write(story(north, quoted, east, west))
    assert keys(question) == {"North Wire"} and "South Post" not in question.choices


def test_a_word_most_outlets_use_is_the_storys_common_word():
    model = story(
        ("North Wire", "", "The bank announced a bloodbath of 600 jobs at its Selby call centre."),
        ("South Post", "", "A bloodbath at the bank: 600 jobs go at its Selby call centre."),
        ("East Times", "", "The Selby call centre bloodbath will cost 600 jobs at the bank."),
        ("West Echo", "", "The bank confirmed 600 layoffs at its Selby call centre this week."),
        ("Far Post", "", "Selby lost 600 jobs in layoffs at the bank's call centre this week."),
    )
    assert word_choice.write(model) == []


def test_a_euphemism_beside_the_plain_word_hides_nothing():
    model = story(
        ("North Wire", "Bank layoffs: 600 staff let go at Selby call centre", BANK),
        ("South Post", "Bank announces 600 layoffs at Selby call centre", BANK),
        ("East Times", "Selby call centre: bank confirms 600 job cuts", BANK),
    )
    assert word_choice.write(model) == []


def test_words_for_different_things_are_not_set_against_each_other():
    model = story(
        ("North Wire", "", "Chinese mercenaries were captured near the border town on Monday."),
        ("South Post", "", "Ukrainian nationals crossed the river at dawn on Sunday."),
        ("East Times", "", "Polish nationals crossed the river at dawn on Sunday."),
    )
    assert word_choice.write(model) == []


@pytest.mark.parametrize("folder", CORPUS, ids=lambda f: f.name)
def test_keys_print_the_loaded_word_and_wrong_outlets_the_plain_one(folder):
    model = model_of(folder)
    for question in word_choice.write(model):
        words = quoted_words(question.prompt)
        loaded, plain = (words[1], words[2:]) if "in one sentence" in question.prompt \
            else (words[0], words[1:])
        label_of = {e.article: model.outlet_of(e.article).label for e in question.evidence}
        assert set(label_of.values()) == set(question.choices)
        for evidence in question.evidence:
            text = fold(evidence.text)
            if label_of[evidence.article] in keys(question):
                assert fold(loaded) in text
                continue
            assert any(fold(word) in text for word in plain)
            assert not re.search(rf"(?<!\w){re.escape(fold(loaded))}(?!\w)", text)
            if "headline" not in question.prompt and "in one sentence" not in question.prompt:
                whole = fold(model.article(evidence.article).text)
                assert not re.search(rf"(?<!\w){re.escape(fold(loaded))}(?!\w)", whole)
                assert model.article(evidence.article).complete \
                    or question.confidence < REVIEW_BELOW
