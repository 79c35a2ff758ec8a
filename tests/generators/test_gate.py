"""The gate: a question with an item-writing flaw never leaves the generators, a doubtful one
leaves with its confidence lowered and the reason said, and of two questions that ask the same
thing, or where one answers the other, only one stays."""
from __future__ import annotations

import dataclasses

from quizapp.generators import gate
from quizapp.generators.model import Article, Evidence, Question, Story
from quizapp.generators.reading.model import StoryModel

POST = Article("post", "Harbour Post", "Ferry sinks off the cape",
               "Ferry sinks off the cape\n\n"
               "The ferry sank at 6.05 am, the coastguard said.\n\n"
               "Rescuers pulled 31 people from the water.")
WIRE = Article("wire", "Cape Wire", "Ferry lost",
               "Ferry lost\n\n"
               "The ferry went down at about 6.20 am, according to the port authority.\n\n"
               "Divers searched the wreck until the")  # cut off mid-sentence
TIMES = Article("times", "Island Times", "Rescue at sea",
                "Rescue at sea\n\n"
                "Fishermen said the ferry sank around 7 am.", whole=True)
MODEL = StoryModel(Story("ferry", "Ferry", (POST, WIRE, TIMES)))


def question(prompt="Which outlet says the ferry sank at 6.05 am?",
             choices=("Harbour Post", "Cape Wire", "Island Times"), answer=(0,),
             evidence=(Evidence("post", "The ferry sank at 6.05 am, the coastguard said."),),
             explanation="Harbour Post gives 6.05 am, from the coastguard; Cape Wire gives about "
                         "6.20 am, from the port authority; Island Times around 7 am.",
             kind="conflict", confidence=1.0):
    return Question(kind, "cross-checking", prompt, tuple(choices), tuple(answer), explanation,
                    tuple(evidence), confidence=confidence)


def test_a_sound_question_passes_unchanged():
    assert gate.inspect(question(), MODEL) == question()


def test_two_choices_are_a_coin_toss_and_go():
    assert gate.inspect(question(choices=("Harbour Post", "Cape Wire")), MODEL) is None


def test_a_prompt_that_names_the_key_goes():
    assert gate.inspect(question(prompt="Does Harbour Post say the ferry sank at 6.05 am?"),
                        MODEL) is None


def test_a_wrong_choice_that_is_part_of_the_key_goes():
    assert gate.inspect(question(choices=("Harbour Post", "Post", "Island Times")), MODEL) is None


def test_the_cut_off_last_sentence_is_no_evidence():
    cut = question(prompt="Which outlet says divers searched the wreck?", answer=(1,),
                   evidence=(Evidence("wire", "Divers searched the wreck until the"),),
                   explanation="Cape Wire reports the divers' search.")
    assert gate.inspect(cut, MODEL) is None


def test_no_absence_is_claimed_of_a_text_that_may_be_cut_off():
    absent = question(explanation="Harbour Post gives 6.05 am; Cape Wire never gives a time.")
    assert gate.inspect(absent, MODEL) is None
    # Of a text known to be whole, it may be said.
    assert gate.inspect(question(
        explanation="Harbour Post gives 6.05 am; Island Times does not give that time."), MODEL)


def test_a_key_much_longer_than_the_rest_lowers_the_confidence_and_says_why():
    long_key = question(prompt="Who gave the time of 6.05 am?",
                        choices=("The coastguard of the cape's northern district", "Fishermen",
                                 "Divers"), kind="numbers")
    passed = gate.inspect(long_key, MODEL)
    assert passed is not None and passed.confidence < 1.0
    assert "the key is much longer than the other choices" in passed.reasons


def test_one_thing_asked_twice_keeps_the_surer_question():
    first = question(confidence=0.8)
    same_fact = question(prompt="Which outlet credits the coastguard for the sinking time?",
                         kind="numbers", confidence=0.9)
    other = question(prompt="Which outlet gives the sinking time as around 7 am?", answer=(2,),
                     evidence=(Evidence("times", "Fishermen said the ferry sank around 7 am."),))
    assert gate.across([first, same_fact, other], MODEL) == [same_fact, other]


def test_a_question_whose_prompt_answers_another_goes():
    which = question(confidence=0.8)
    who = question(prompt="In Harbour Post, who gave the time of 6.05 am?",
                   choices=("The coastguard", "The port authority", "Fishermen"), kind="numbers",
                   explanation="Harbour Post credits the coastguard.", confidence=0.9)
    assert gate.across([which, who], MODEL) == [who]


def test_the_same_answer_among_the_same_choices_is_asked_once():
    times = question(prompt="Which outlet gives the sinking time as 6.05 am?", confidence=0.9)
    coastguard = question(prompt="Which outlet credits the coastguard with a time?",
                          evidence=(Evidence("times", "Fishermen said the ferry sank around 7 am."),),
                          kind="numbers", confidence=0.8)
    assert gate.across([times, coastguard], MODEL) == [times]


# --- the item types: matching and "find the evidence" ---------------------------------------

SANK = Evidence("post", "The ferry sank at 6.05 am, the coastguard said.")
RESCUED = Evidence("post", "Rescuers pulled 31 people from the water.")


def finding(confidence=1.0):
    """Harbour Post's sentences, the coastguard's one the key."""
    return Question("find_evidence", "evidence",
                    "Find the sentence in Harbour Post\u2019s article that says who gave its time.",
                    (SANK.text, RESCUED.text, "Ferry sinks off the cape"), (0,),
                    "Harbour Post credits the coastguard.", (SANK,), confidence=confidence,
                    type="evidence")


def matching(items=("Harbour Post", "Cape Wire"), confidence=1.0):
    return Question("figure_matching", "numbers", "Match each outlet to the time it gives.",
                    ("6.05 am", "about 6.20 am", "around 7 am"), (0, 1),
                    "Harbour Post gives 6.05 am; Cape Wire about 6.20 am.",
                    (SANK, Evidence("wire", "The ferry went down at about 6.20 am, according to "
                                            "the port authority.")),
                    confidence=confidence, type="matching", items=items,
                    item_evidence=((SANK,), (Evidence("wire", "The ferry went down at about "
                                                              "6.20 am, according to the port "
                                                              "authority."),)))


def test_sentences_to_find_that_print_another_questions_key_go_whatever_their_confidence():
    who = question(prompt="In Harbour Post, who gave the time of the sinking?",
                   choices=("The coastguard", "The port authority", "Fishermen"), kind="numbers",
                   explanation="Harbour Post credits the coastguard.", confidence=0.8)
    assert gate.across([finding(), who], MODEL) == [who]


def test_sentences_to_find_that_print_no_other_key_stay():
    rescued = question(prompt="Which outlet says rescuers pulled 31 people from the water?",
                       evidence=(RESCUED,), kind="outlet_detail")
    # The prompt names the outlet and a choice shows the sentence: Harbour Post is printed.
    assert gate.across([finding(), rescued], MODEL) == [rescued]
    other = question(prompt="Which outlet credits the port authority?",
                     evidence=(Evidence("wire", "The ferry went down at about 6.20 am, according "
                                                "to the port authority."),),
                     choices=("Cape Wire", "Harbour Post", "Island Times"), kind="sourcing")
    assert gate.across([finding(), other], MODEL) == [finding(), other]


def test_a_matching_pair_asked_again_by_a_single_question_yields_to_it():
    which = question(prompt="Which outlet says the ferry sank at 6.05 am?", confidence=0.8)
    assert gate.across([matching(), which], MODEL) == [which]
    # A pair no other question asks keeps the matching question.
    unrelated = question(prompt="Which outlet says rescuers pulled 31 people from the water?",
                         evidence=(RESCUED,), kind="outlet_detail")
    assert gate.across([matching(), unrelated], MODEL) == [matching(), unrelated]


def test_a_long_sentence_to_find_is_no_flaw():
    long_key = finding()
    assert gate.inspect(long_key, MODEL).confidence == 1.0


def test_sentences_to_find_must_all_be_passages_of_the_one_article():
    bad = Question("find_evidence", "evidence", "Find the sentence that credits the coastguard.",
                   (SANK.text, "A sentence no article prints.", RESCUED.text), (0,), "Because.",
                   (SANK,), type="evidence")
    assert "a sentence offered is not a passage of the article" in gate.problems(bad, MODEL.story)
    assert gate.problems(finding(), MODEL.story) == []


# --- repeats and give-aways across kinds (blind grading, round H2) ----------------------------

CREDITS = ("The coastguard", "The port authority", "Fishermen", "Divers")


def test_one_kind_asking_of_one_article_twice_among_the_same_choices_asks_once():
    time = question(prompt="Harbour Post writes: “The ferry sank at 6.05 am, … said.” Who is "
                           "credited where the … is?", choices=CREDITS, kind="sourcing",
                    explanation="Harbour Post credits the coastguard.")
    rescue = question(prompt="Harbour Post writes: “…pulled 31 people from the water.” Who is "
                             "credited where the … is?",
                      choices=CREDITS[::-1], answer=(3,), kind="sourcing",
                      evidence=(Evidence("post", "Rescuers pulled 31 people from the water."),),
                      explanation="Harbour Post credits rescuers.")
    assert gate.across([time, rescue], MODEL) == [time]
    # Of another article, the same choices ask something else.
    elsewhere = question(prompt="Cape Wire writes: “The ferry went down at about 6.20 am, "
                                "according to ….” Who is credited where the … is?",
                         choices=CREDITS, answer=(1,), kind="sourcing", evidence=(Evidence(
                             "wire", "The ferry went down at about 6.20 am, according to the "
                                     "port authority."),), explanation="The port authority.")
    assert gate.across([time, elsewhere], MODEL) == [time, elsewhere]


def test_a_blank_another_question_prints_whole_is_given_away():
    blank = question(prompt="Harbour Post writes: “The ferry sank at 6.05 am, … said.” Who is "
                            "credited where the … is?", choices=CREDITS, kind="sourcing",
                     explanation="Harbour Post credits the coastguard.", confidence=0.9)
    # Keyed to another outlet, it shows Harbour Post's sentence whole among its evidence.
    shows = question(prompt="Which outlet gives the sinking time as about 6.20 am?", answer=(1,),
                     evidence=(Evidence("wire", "The ferry went down at about 6.20 am, according "
                                                "to the port authority."),
                               Evidence("post", "The ferry sank at 6.05 am, the coastguard "
                                                "said.")))
    assert gate.across([shows, blank], MODEL) == [shows]
    # A quotation shortened at its end ("…" closing it) hides nothing.
    shortened = question(prompt="Who said the words that begin “The ferry sank at 6.05 am…”?",
                         choices=CREDITS, kind="quote_attribution", confidence=0.9,
                         explanation="Harbour Post credits the coastguard.")
    assert gate.across([shows, shortened], MODEL) == [shows, shortened]


def test_of_two_equally_sure_questions_that_clash_the_one_comparing_outlets_stays():
    # Asked first, with the same confidence, the blank in one article yields to the question
    # that sets two outlets' texts side by side (and prints the blank's sentence whole).
    blank = question(prompt="Harbour Post writes: “The ferry sank at 6.05 am, … said.” Who is "
                            "credited where the … is?", choices=CREDITS, kind="sourcing",
                     explanation="Harbour Post credits the coastguard.")
    shows = question(prompt="Which outlet gives the sinking time as about 6.20 am?", answer=(1,),
                     evidence=(Evidence("wire", "The ferry went down at about 6.20 am, according "
                                                "to the port authority."),
                               Evidence("post", "The ferry sank at 6.05 am, the coastguard "
                                                "said.")))
    assert gate.across([blank, shows], MODEL) == [shows]
    # A surer single-article question still stays.
    surer = dataclasses.replace(blank, confidence=1.0)
    assert gate.across([surer, dataclasses.replace(shows, confidence=0.9)], MODEL) == [surer]


def test_a_third_question_among_the_same_choices_waits_for_review():
    asked = [question(prompt=f"Which outlet gives the time as {t}?", answer=(i,),
                      evidence=(Evidence(a, text),), explanation=f"{t}.")
             for i, (t, a, text) in enumerate((
                 ("6.05 am", "post", "The ferry sank at 6.05 am, the coastguard said."),
                 ("about 6.20 am", "wire", "The ferry went down at about 6.20 am, according to "
                                           "the port authority."),
                 ("around 7 am", "times", "Fishermen said the ferry sank around 7 am.")))]
    kept = gate.across(asked, MODEL)
    assert kept[:2] == asked[:2]
    assert kept[2].prompt == asked[2].prompt and kept[2].confidence < gate.REVIEW_BELOW
    assert "elimination" in kept[2].reasons[-1]


COURT = Article("court", "Court Gazette", "Ten years for fraud",
                "Ten years for fraud\n\n"
                "\u201cHe knew it was wrong,\u201d Judge Ana Berg said.\n\n"
                "\u201cHe knew it was criminal. He regrets nothing,\u201d Berg added.\n\n"
                "The defence said he was \u201csorry about what happened at every stage\u201d.\n\n"
                "\u201cWe will appeal,\u201d lawyer Rui Sol said.")
COURT_MODEL = StoryModel(Story("court", "Court", (COURT,)))


def _who_said(words: str, key: str, sentence: str) -> Question:
    return Question("quote_attribution", "attribution", f"Who said \u201c{words}\u201d?",
                    ("Ana Berg", "Rui Sol", "Ivo Tam"), (("Ana Berg", "Rui Sol", "Ivo Tam")
                                                         .index(key),),
                    "Court Gazette ties these words.", (Evidence("court", sentence),))


def _quote_matching(right: str, sentence: str) -> Question:
    return Question("quote_matching", "attribution", "Match each speaker to the words.",
                    (f"\u201c{right}\u201d", "\u201cWe will appeal\u201d", "\u201cNo comment\u201d"),
                    (0, 1), "Berg's words; Sol's words.",
                    (Evidence("court", sentence),
                     Evidence("court", "\u201cWe will appeal,\u201d lawyer Rui Sol said.")),
                    type="matching", items=("Ana Berg", "Rui Sol"),
                    item_evidence=((Evidence("court", sentence),),
                                   (Evidence("court", "\u201cWe will appeal,\u201d lawyer Rui Sol "
                                                      "said."),)))


def test_a_quote_matching_pair_that_repeats_a_who_said_question_yields_to_it():
    """The asked words printed longer in a matching pair of the same speaker: the single
    question answers the pair. Another sentence of the same speaker is another question."""
    pairs = _quote_matching("He knew it was criminal. He regrets nothing",
                            "\u201cHe knew it was criminal. He regrets nothing,\u201d Berg added.")
    shorter = _who_said("He knew it was criminal", "Ana Berg",
                        "\u201cHe knew it was criminal. He regrets nothing,\u201d Berg added.")
    assert gate.across([pairs, shorter], COURT_MODEL) == [shorter]
    single = _who_said("He knew it was wrong", "Ana Berg",
                       "\u201cHe knew it was wrong,\u201d Judge Ana Berg said.")
    assert gate.across([pairs, single], COURT_MODEL) == [pairs, single]
