"""find_evidence: "Find the sentence in <outlet>'s article that ..." with that article's sentences
as the choices. Golden rules on invented articles (the credit that makes an article an agency's
copy, the source of a figure the prompt does not print, the outlet's own hedge), and invariants
on every real story and the seed: choices are whole sentences of the one article, in its order,
never cut off, never a caption or page debris, and no prompt quotes the words to find."""
from __future__ import annotations

import pytest

from quizapp.generators import generate_questions, load_story
from quizapp.generators.kinds import find_evidence
from quizapp.generators.reading.model import StoryModel
from tests.generators.kinds.stories import CORPUS, invented, model_of

KIND = "find_evidence"

OTHERS = (
    ("South Post", "Rescuers searched the harbour near Selmar on Monday night after the ferry "
                   "sank. Divers were sent to the wreck at first light on Tuesday."),
    ("East Times", "A ferry sank off Selmar on Monday evening after hitting rocks in fog. "
                   "The harbour stayed closed to other boats for the rest of the week."),
)


# An agency's report, sentence by sentence: tests join them with spaces or lines, cut or interleave.
REPORT = ("SELMAR (AP) \u2014 A ferry carrying 40 passengers sank after hitting rocks on Monday night.",
          "Rescue boats from three villages joined the search before midnight.",
          "Most of the passengers were pulled from the cold water by fishermen.",
          "The ferry had been inspected by the port authority in March of this year.")


def the_keys(question) -> list[str]:
    return [question.choices[i] for i in question.answer]


def written(*articles):
    return find_evidence.write(invented(*articles))


def who_gave(text: str):
    """North Wire's "who gave its figure" question, South Post giving a rival toll."""
    questions = written(("North Wire", text), ("South Post", "The coastguard said 14 people "
                                                             "were killed when a ferry sank off "
                                                             "Selmar."), OTHERS[1])
    return next(q for q in questions if "who gave" in q.prompt and "North Wire" in q.prompt)


def test_the_dateline_credit_is_found_among_sentences_that_credit_no_one_or_one_statement():
    text = ("SELMAR (AP) \u2014 A ferry carrying 40 passengers sank after hitting rocks on "
            "Monday night. The harbour master told Reuters the fog had been thick since noon. "
            "Rescue boats from three villages joined the search before midnight. Most of the "
            "passengers were pulled from the cold water by fishermen. The ferry had been "
            "inspected by the port authority in March of this year. Its owner has not yet said "
            "when the service will run again.")
    (question,) = [q for q in written(("North Wire", text), *OTHERS) if "credit" in q.prompt]
    assert question.type == "evidence"
    assert the_keys(question) == ["SELMAR (AP) \u2014 A ferry carrying 40 passengers sank after "
                                  "hitting rocks on Monday night."]
    assert "North Wire" in question.prompt and "AP" not in question.prompt.replace("APP", "")
    # The statement credited to another agency is offered, and said to be no credit of the copy.
    assert any("told Reuters" in c for c in question.choices)
    assert "only for one statement" in question.explanation
    offsets = [text.index(c) for c in question.choices]
    assert offsets == sorted(offsets) and len(question.choices) >= 4


def test_a_sign_off_in_its_own_line_is_the_key_and_the_sentence_before_it_is_not():
    text = "\n".join((REPORT[0].split("\u2014 ")[1], *REPORT[1:],
                      "Its owner has not yet said when the service will run again. REUTERS"))
    (question,) = [q for q in written(("North Wire", text), *OTHERS) if "credit" in q.prompt]
    assert the_keys(question) == ["REUTERS"]
    assert "Its owner has not yet said when the service will run again." in question.choices


def test_a_text_cut_off_mid_sentence_never_offers_its_last_line():
    text = " ".join(REPORT) + " Its owner said the service would"
    (question,) = written(("North Wire", text), *OTHERS)
    assert not any(c.endswith("would") for c in question.choices)


def test_captions_and_debris_are_never_offered():
    text = "\n".join((REPORT[0], "Photo: Jane Doe/AFP", REPORT[1],
                      "Sign up for our newsletter to get the latest news in your inbox.",
                      *REPORT[2:]))
    (question,) = written(("North Wire", text), *OTHERS)
    assert not any("Photo" in c or "newsletter" in c for c in question.choices)


def test_the_source_of_a_figure_is_found_without_the_figure_in_the_prompt():
    text = ("A ferry sank after hitting rocks off Selmar on Monday night. Rescue boats from three "
            "villages joined the search before midnight. The coastguard said 12 people were "
            "killed when the ferry went down. Fishermen pulled others from the cold water. The "
            "harbour will stay closed for the rest of the week.")
    question = who_gave(text)
    assert the_keys(question) == ["The coastguard said 12 people were killed when the ferry "
                                  "went down."]
    assert "12" not in question.prompt and "death toll" in question.prompt


def test_the_outlets_own_hedge_is_found_among_plain_sentences():
    text = ("A ferry sank after hitting rocks off Selmar on Monday night. Rescue boats from three "
            "villages joined the search before midnight. The ferry reportedly carried 60 passengers "
            "when it sank. Fishermen pulled passengers from the cold "
            "water. The harbour master claimed the fog had been unusually thick. The harbour "
            "will stay closed for the rest of the week.")
    (question,) = written(("North Wire", text), *OTHERS)
    assert the_keys(question) == ["The ferry reportedly carried 60 passengers when it sank."]
    # "claimed" leans one way: never offered as a plain wrong choice.
    assert not any("claimed" in c for c in question.choices)
    assert question.confidence < 1.0  # a matter of reading: offered, not sure


def test_a_question_put_to_the_reader_is_never_offered_as_a_sentence_to_weigh():
    text = ("A ferry sank after hitting rocks off Selmar on Monday night. Rescue boats from three "
            "villages joined the search before midnight. The ferry reportedly carried 60 passengers "
            "when it sank. Were you on the harbour front that night? Fishermen pulled passengers "
            "from the cold water. What do you think of the rescue? The harbour will stay closed "
            "for the rest of the week.")
    (question,) = written(("North Wire", text), *OTHERS)
    assert the_keys(question) == ["The ferry reportedly carried 60 passengers when it sank."]
    assert not any(c.rstrip().endswith("?") for c in question.choices)


def test_an_article_without_a_credit_a_sourced_figure_or_a_hedge_gets_no_question():
    assert written(*OTHERS) == []


@pytest.mark.parametrize("folder", CORPUS, ids=[f.name for f in CORPUS])
def test_on_real_pages_choices_are_whole_sentences_of_one_article_in_order(folder, questions):
    model = model_of(folder)
    for question in questions(model.story):
        assert question.type == "evidence" and "\u201c" not in question.prompt
        (article,) = {e.article for e in question.evidence}
        reading = model.article(article)
        offsets = [reading.text.find(c) for c in question.choices]
        assert -1 not in offsets and offsets == sorted(offsets), question.prompt
        keyed = {question.choices[i] for i in question.answer}
        assert {e.text for e in question.evidence} == keyed
        for choice in question.choices:
            sentence = reading.sentence_at(reading.text.find(choice))
            assert sentence.finished, choice
            assert sentence.role in ("prose", "credit") and sentence is not reading.headline, choice
            assert sentence.role == "prose" or choice in keyed, choice


def test_the_seed_quiz_has_a_find_the_evidence_question_a_class_can_take():
    found = [q for q in generate_questions(load_story(CORPUS[-1])) if q.kind == KIND]
    assert any(q.confidence >= 0.7 for q in found)


def test_no_question_of_the_quiz_is_answered_by_a_find_the_evidence_choice_list():
    # On every real story and the seed: a sentence offered as a choice never proves, and prints,
    # the key of another question of the same quiz.
    for folder in CORPUS:
        model = StoryModel(load_story(folder))
        quiz = generate_questions(model.story)
        for finding in (q for q in quiz if q.type == "evidence"):
            article = finding.evidence[0].article
            for other in (q for q in quiz if q is not finding and q.type != "matching"):
                for evidence in (e for e in other.evidence if e.article == article):
                    for key in (other.choices[i] for i in other.answer):
                        assert not any(evidence.text in c and key in c for c in finding.choices), (
                            folder.name, finding.prompt, other.prompt)


def test_an_agency_credited_for_a_statement_is_found_among_sentences_that_credit_none():
    text = " ".join((REPORT[0].split("\u2014 ")[1], REPORT[1],
                     "The harbour master told Reuters the fog had been thick since noon.",
                     *REPORT[2:], "Its owner has not yet said when the service will run again."))
    (question,) = [q for q in written(("North Wire", text), *OTHERS) if "credit" in q.prompt]
    assert the_keys(question) == ["The harbour master told Reuters the fog had been thick since "
                                  "noon."]
    assert "for what it says" in question.prompt and "Reuters" in question.explanation
    assert len(question.choices) >= 4


# --- blind grading, round H2: the frame must fit every sentence offered ----------------------

PLAIN = ("A ferry sank after hitting rocks off Selmar on Monday night. Rescue boats from three "
         "villages joined the search before midnight. Fishermen pulled passengers from the cold "
         "water. The harbour will stay closed for the rest of the week. ")


def test_a_sources_hedge_credited_in_its_sentence_is_not_the_outlets_own():
    text = PLAIN + ("The coastguard said the ferry may have struck a sunken container.")
    assert not [q for q in written(("North Wire", text), *OTHERS) if "itself" in q.prompt]


def test_a_forecast_is_no_unconfirmed_claim_and_waits_for_review():
    text = PLAIN + "The inquiry into the sinking is expected to take two years."
    (question,) = [q for q in written(("North Wire", text), *OTHERS) if "itself" in q.prompt]
    assert question.confidence < 0.7 and "forecast" in question.reasons[0]


def test_an_agency_that_did_the_interview_makes_the_frame_doubtful():
    text = PLAIN + "The harbour master told Reuters that the fog had been thick since noon."
    (question,) = [q for q in written(("North Wire", text), *OTHERS) if "credit" in q.prompt]
    assert question.confidence < 0.7 and "did the interview" in question.reasons[0]
    plain_credit = PLAIN + "The fog had been thick since noon, Reuters reported."
    (question,) = [q for q in written(("North Wire", plain_credit), *OTHERS)
                   if "credit" in q.prompt]
    assert question.confidence >= 0.7


def test_the_sourced_figure_is_not_the_only_sentence_with_a_figure_offered():
    text = ("A ferry sank after hitting rocks off Selmar on Monday night. The ferry, built in "
            "1998, was on its 4 pm run. The coastguard said 12 people were killed when the ferry "
            "went down. Fishermen pulled others from the cold water. The harbour will stay "
            "closed for the rest of the week.")
    question = who_gave(text)
    assert "The ferry, built in 1998, was on its 4 pm run." in question.choices
    question = who_gave(PLAIN + "The coastguard said 12 people were killed.")
    assert question.confidence < 0.7 and "only sentence" in question.reasons[0]
