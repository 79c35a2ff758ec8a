"""quote_matching: speakers on the left, the words each gives on the right, and words that belong
to none of them. Golden rules on invented stories (only sure attributions; the extra words are
someone else's or an outlet's own; a speaker whose words name their side gives one pair away at
most), and invariants on every real story and the seed: each pair is proven by a passage naming
the speaker beside the words, and the extra words are no listed speaker's."""
from __future__ import annotations

import pytest

from quizapp.generators import generate_questions, load_story
from quizapp.generators.kinds import quote_matching
from quizapp.generators.reading.text import fold
from tests.generators.kinds.stories import CORPUS, invented, model_of

KIND = "quote_matching"

HARBOUR = (
    ("North Wire", "A ferry sank off Selmar on Monday night.\n\n"
                   "\u201cWe searched the water until dawn and found every passenger,\u201d "
                   "coastguard captain Mira Voss said.\n\n"
                   "\u201cThe harbour will stay shut until the wreck is lifted from the channel,\u201d "
                   "harbour master Tomas Brel said.\n\n"
                   "The ferry had been inspected in March."),
    ("South Post", "Rescuers worked through the night after a ferry sank off Selmar.\n\n"
                   "\u201cMy engines stopped before we reached the rocks off the point,\u201d "
                   "the ferry's captain, Ilse Narr, told reporters.\n\n"
                   "\u201cNo family will pay for a single night in the hotels of this town,\u201d "
                   "Mayor Jonas Keel said on Tuesday.\n\n"
                   "Divers reached the wreck on Tuesday."),
)


def pairs(question) -> dict[str, str]:
    return {item: question.choices[question.answer[i]] for i, item in enumerate(question.items)}


def test_each_speaker_is_matched_to_their_own_words_and_one_set_belongs_to_none():
    questions = quote_matching.write(invented(*HARBOUR))
    assert questions, "four sure speakers make a matching question"
    question = questions[0]
    assert question.type == "matching" and 3 <= len(question.items) <= 4
    assert len(question.choices) == len(question.items) + 1
    said = {"Mira Voss": "searched the water", "Tomas Brel": "harbour will stay shut",
            "Ilse Narr": "engines stopped", "Jonas Keel": "No family will pay"}
    for item, right in pairs(question).items():
        assert said[item] in right
    (extra,) = set(question.choices) - set(pairs(question).values())
    assert not any(said[item] in extra for item in question.items)
    # Each pair is proven by a passage that names the speaker and prints the words.
    for i, item in enumerate(question.items):
        proof = " ".join(e.text for e in question.item_evidence[i])
        assert item.split()[-1] in proof and said[item] in proof


def test_words_whose_speaker_is_named_only_in_the_next_paragraph_are_not_matched():
    weak = ("East Times", "The ferry left Selmar late.\n\n"
                          "\u201cWe knew the fog would come down before the ferry reached the "
                          "point.\u201d\n\nThat was the warning of pilot Aron Fell, who had "
                          "sailed the route for years.")
    for question in quote_matching.write(invented(*HARBOUR, weak)):
        assert "Aron Fell" not in question.items
        assert not any("fog would come down" in question.choices[i] for i in question.answer)


def test_too_few_sure_speakers_make_no_matching_question():
    assert quote_matching.write(invented(HARBOUR[0])) == []


def test_the_extra_words_may_be_an_outlets_own_sentence_credited_to_no_one():
    three = (HARBOUR[0], ("South Post", HARBOUR[1][1].replace(
        "\u201cNo family will pay for a single night in the hotels of this town,\u201d "
        "Mayor Jonas Keel said on Tuesday.\n\n", "")))
    (question, *_) = quote_matching.write(invented(*three))
    (extra,) = set(question.choices) - set(pairs(question).values())
    assert fold(extra.strip("\u201c\u201d")) in fold(" ".join(a for _, a in three))
    assert "own words" in question.explanation and question.confidence < 1.0


@pytest.mark.parametrize("folder", CORPUS, ids=[f.name for f in CORPUS])
def test_on_real_pages_each_pair_is_proven_and_the_extra_is_no_listed_speakers(folder, questions):
    model = model_of(folder)
    for question in questions(model.story):
        assert 3 <= len(question.items) <= 4 and len(question.item_evidence) == len(question.items)
        rights = pairs(question)
        (extra,) = set(question.choices) - set(rights.values())
        for i, item in enumerate(question.items):
            proof = fold(" ".join(e.text for e in question.item_evidence[i]))
            opening = fold(rights[item].strip("\u201c\u201d").rstrip("\u2026").split()[0])
            assert opening in proof, (item, rights[item])
            assert fold(item.split()[-1]) in proof, (item, proof)  # the speaker is named there
        extra_opening = " ".join(extra.strip("\u201c\u201d").rstrip("\u2026").split()[:6])
        for quote in model.quotations.all:
            if fold(extra_opening) in fold(quote.text) and quote.speaker:
                names = {fold(n) for n in question.items}
                assert fold(model.entities.get(quote.speaker).name) not in names


def test_the_seed_quiz_has_a_matching_question_a_class_can_take():
    found = [q for q in generate_questions(load_story(CORPUS[-1])) if q.type == "matching"]
    assert any(q.confidence >= 0.7 for q in found)


def test_long_words_are_shown_whole_or_by_whole_sentences_never_cut_mid_sentence():
    long_quote = ("\u201cWe searched the water from the harbour mouth to the point until dawn "
                  "and found every passenger who had been on the deck when the ferry went "
                  "down. The families can rest tonight, and tomorrow we will start to ask how "
                  "a ship inspected in March could sink in calm water,\u201d coastguard "
                  "captain Mira Voss said.")
    north = (HARBOUR[0][0], HARBOUR[0][1].replace(
        "\u201cWe searched the water until dawn and found every passenger,\u201d coastguard "
        "captain Mira Voss said.", long_quote))
    question = quote_matching.write(invented(north, HARBOUR[1]))[0]
    for choice in question.choices:
        words = choice.strip("\u201c\u201d").rstrip(" \u2026")
        # Whole words as quoted, or whole sentences of them followed by "…".
        assert choice.endswith("\u201d") and (not choice.endswith("\u2026\u201d")
                                              or words.endswith((".", "!", "?")))
    voss = pairs(question).get("Mira Voss")
    if voss is not None:
        assert voss.endswith("went down. \u2026\u201d")
