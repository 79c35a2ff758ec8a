"""sourcing: whom an article credits, for the whole article or for one statement. Keys are
proven by the crediting line itself; every wrong choice is proven wrong by it too (the line names
another), never by the silence of a text that may be cut off; an outlet's label never names the
answer."""
from __future__ import annotations

from functools import cache

import pytest

from quizapp.generators import load_story
from quizapp.generators.kinds import sourcing
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.credits import names_source
from quizapp.generators.reading.model import StoryModel
from tests.generators.corpus import SEED, STORIES, key, keys, quoted, the_one

KIND = "sourcing"
REAL = sorted(p for p in (STORIES / "real").iterdir() if p.is_dir())

BODY = ("The harbour authority said the quay would stay closed until divers finish their work. "
        "Four people were taken to hospital with minor injuries.")


def written(*articles: Article):
    return sourcing.write(StoryModel(Story("s", "s", tuple(articles))))


def article(name: str, text: str, outlet: str | None = None) -> Article:
    return Article(name, outlet or name.title(), "", text)


def test_the_whole_article_and_a_statement_are_told_apart():
    questions = written(
        article("courier", "PORT ELLEN (AP) — A ferry ran aground on Tuesday. " + BODY
                + " The captain told Reuters the rudder had failed."),
        article("gazette", BODY + " The ferry had been inspected in March, AFP reported."),
        article("notes", BODY))
    whole = next(q for q in questions if "whole of its article" in q.prompt)
    assert key(whole) == "AP" and "Courier" in whole.prompt
    assert "Reuters" in set(whole.choices) - keys(whole)  # credited for one statement only
    assert "only for one statement" in whole.explanation


def test_a_statement_credit_is_asked_with_the_name_left_out():
    (question,) = written(
        article("gazette", BODY + " The ferry carried 212 passengers, AFP reported."),
        article("courier", BODY), article("notes", BODY))
    assert key(question) == "AFP" and "AFP" not in question.prompt and "\u2026" in question.prompt
    assert names_source(question.evidence[0].text, "AFP")


def test_nothing_is_asked_that_the_label_already_names():
    questions = written(
        article("kob", "LONDON (AP) — A ferry ran aground. " + BODY, outlet="KOB 4 (AP)"),
        article("gazette", BODY + " The ferry carried 212 passengers, AFP reported."),
        article("notes", BODY))
    # The outlet is named without the note in brackets, so a prompt about it gives nothing away.
    assert not any("(AP)" in q.prompt or "KOB 4 (" in q.prompt for q in questions)


@pytest.mark.parametrize("outlet", ["KOB 4 (Associated Press)", "Lakeside Radio (AP)",
                                    "Daily Buzz (AP copy)"])
def test_no_question_on_a_credit_the_outlets_shown_name_gives(outlet):
    # Students read the full name above the article: the bracket hands the answer over, for the
    # whole article and for a statement alike.
    questions = written(
        article("kob", "LONDON (AP) — A ferry ran aground. " + BODY
                + " The ferry carried 212 passengers, AP reported.", outlet=outlet),
        article("gazette", BODY + " The ferry carried 212 passengers, AFP reported."),
        article("notes", BODY))
    assert not any(outlet.split(" (")[0] in q.prompt for q in questions)


def test_a_note_that_credits_a_source_keeps_it_out_of_the_wrong_choices():
    questions = written(
        article("kob", BODY + " The captain told Reuters the rudder had failed after a refit in "
                "2019.", outlet="KOB 4 (AFP)"),
        article("gazette", "PORT ELLEN (AP) — A ferry ran aground. " + BODY),
        article("notes", BODY + " The ferry carried 212 passengers, AFP reported."),
        article("review", BODY + " The operator's shares fell 4 per cent, Bloomberg reported."))
    question = the_one(questions, mentioning="KOB 4")
    assert key(question) == "Reuters" and "AFP" not in question.choices


def test_an_affiliates_channel_in_the_note_is_no_credit():
    questions = written(
        article("wtxl", "PORT ELLEN (AP) — A ferry ran aground. " + BODY,
                outlet="WTXL (ABC 27 Tallahassee)"),
        article("gazette", BODY + " The captain told ABC News the rudder had failed."),
        article("notes", BODY + " The ferry carried 212 passengers, AFP reported."))
    question = the_one(questions, mentioning="WTXL")
    assert key(question) == "AP" and "ABC News" in question.choices


def test_the_blank_hides_the_credited_name_and_nothing_else():
    long_sentence = ("The ferry, which had been refitted at the yard in Kessel two winters ago "
                     "and was due for its annual inspection next month, carried 212 passengers "
                     "and 14 crew when it struck the rocks off the point, AFP reported.")
    questions = written(article("gazette", BODY + " " + long_sentence),
                        article("courier", BODY), article("notes", BODY))
    (question,) = questions
    gapped = quoted(question).replace("\u2019", "'").replace("\u2018", "'")
    assert gapped.replace("\u2026", "AFP") == long_sentence
    assert quoted(question).count("\u2026") == 1


def test_the_blank_takes_the_description_that_points_at_the_name():
    """"according to the Nordic news agency NTB": "Nordic news agency" left in the prompt
    would point at the one Nordic choice, so the blank takes it too."""
    sentence = ("Among those aboard, according to the Nordic news agency NTB, were two former "
                "skating champions from Bergen.")
    questions = written(article("gazette", BODY + " " + sentence),
                        article("courier", BODY + " The ferry was late, AFP reported."),
                        article("notes", BODY + " Divers were sent, Reuters reported."))
    question = next(q for q in questions if "Among those" in q.prompt)
    assert "agency" not in quoted(question) and "according to \u2026, were" in quoted(question)


def test_a_sentence_too_long_to_show_whole_is_not_asked():
    sentence = "The ferry " + "was old and slow, " * 30 + "AFP reported."
    assert written(article("gazette", BODY + " " + sentence), article("courier", BODY),
                   article("notes", BODY)) == []


def test_the_same_answer_and_the_same_choices_are_asked_once():
    # Two outlets crediting AP, with only the three largest agencies to offer: the second
    # question would be the first one again.
    questions = written(
        article("courier", "PORT ELLEN (AP) — A ferry ran aground. " + BODY),
        article("gazette", BODY + " The ferry carried 212 passengers, AP reported."),
        article("notes", BODY))
    assert [key(q) for q in questions] == ["AP"]


def test_no_statement_is_asked_that_another_questions_explanation_shows():
    told = ("“We lost the rudder in the swell and could not steer,” the captain told Reuters "
            "on the quay.")
    questions = written(
        article("courier", "PORT ELLEN (AP) — A ferry ran aground. " + BODY + " " + told),
        article("gazette", BODY + " " + told.replace("on the quay", "at the harbour")),
        article("notes", BODY + " The ferry carried 212 passengers, AFP reported."))
    whole = the_one(questions, mentioning="Courier")
    assert "Reuters" in whole.explanation  # tempting: credited for one statement only
    assert not any("Gazette" in q.prompt for q in questions)


def test_an_article_without_credits_is_never_asked_about():
    questions = written(article("courier", BODY), article("gazette", BODY),
                        article("notes", BODY + " Reuters reported 212 passengers."))
    assert all("Courier" not in q.prompt and "Gazette" not in q.prompt for q in questions)


@cache
def model_of(path) -> StoryModel:
    return StoryModel(load_story(path))


@pytest.mark.parametrize("path", [*REAL, SEED], ids=lambda p: p.name)
def test_every_key_is_printed_in_its_evidence_and_every_wrong_choice_is_not(path):
    model = model_of(path)
    labels = {o.article: o.label for o in model.outlets}
    for question in sourcing.write(model):
        crediting = question.evidence[0]
        label = labels[crediting.article]
        assert crediting.text in model.article(crediting.article).text
        for source in keys(question):
            # As printed, misspelt or run on included ("The Wall Street Journalfirst reported")
            printed = [c.printed for c in model.credits if c.source == source
                       and c.passage is not None and c.passage.text == crediting.text]
            assert printed and all(p in crediting.text for p in printed), (question.prompt, source)
            assert not names_source(question.prompt, source)
            assert not names_source(label, source)
        for source in set(question.choices) - keys(question):
            assert not names_source(crediting.text, source), (question.prompt, source)
            assert not names_source(label, source)


def test_the_seed_credits_ap_afp_and_ukrinform():
    found = {key(q) for q in sourcing.write(model_of(SEED))}
    assert found == {"AP", "AFP", "Ukrinform"}


@pytest.mark.parametrize("path", [*REAL, SEED], ids=lambda p: p.name)
def test_no_answer_is_named_by_the_outlets_shown_name_and_none_repeats(path):
    model = model_of(path)
    outlets = {o.label: o for o in model.outlets}
    asked = set()
    for question in sourcing.write(model):
        outlet = next(o for label, o in outlets.items()
                      if question.prompt.startswith((label + " ", f"Which news agency or outlet "
                                                     f"does {label} ")))
        for source in keys(question):
            assert not names_source(outlet.note, source), (question.prompt, outlet.note)
        signature = (key(question), frozenset(question.choices))
        assert signature not in asked, question.prompt
        asked.add(signature)
        assert question.prompt.split("Which news agency")[0].count("\u2026") <= 1
