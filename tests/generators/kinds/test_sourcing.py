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
from tests.generators.corpus import SEED, STORIES, key, keys

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
            assert names_source(crediting.text, source), (question.prompt, source)
            assert not names_source(question.prompt, source)
            assert not names_source(label, source)
        for source in set(question.choices) - keys(question):
            assert not names_source(crediting.text, source), (question.prompt, source)
            assert not names_source(label, source)


def test_the_seed_credits_ap_afp_and_ukrinform():
    found = {key(q) for q in sourcing.write(model_of(SEED))}
    assert found == {"AP", "AFP", "Ukrinform"}
