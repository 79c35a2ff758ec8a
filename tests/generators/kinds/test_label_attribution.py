"""label_attribution: "Who called X a “label”?" keyed to whoever applied the label, people or
organisations, with wrong answers who never used those words."""

from __future__ import annotations

from quizapp.generators import load_story
from quizapp.generators.kinds import label_attribution
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import contains_word, fold, sentences
from tests.generators.corpus import SEED, keys, quoted, the_one

KIND = "label_attribution"


def test_seed_decisive_enabler_is_nato_against_people_not_of_the_labelled_side(
        seed_story, questions):
    seed = questions(seed_story)
    question = the_one(seed, prompt="Who called China a \u201cdecisive enabler\u201d?")
    assert keys(question) == {"NATO"}
    assert len(question.choices) >= 3
    # What was labelled, and those who speak for it, are no speakers to offer.
    assert not {"China", "Beijing", "Lin Jian"} & set(question.choices)


def test_seed_main_sponsor_is_kaja_kallas_against_people_not_of_the_labelled_side(
        seed_story, questions):
    seed = questions(seed_story)
    question = the_one(seed, prompt="Who called China the \u201cmain sponsor\u201d?")
    assert keys(question) == {"Kaja Kallas"}
    assert "Kallas" not in question.choices
    # Lin Jian speaks for China: calling it Russia's "main sponsor" is not his to say.
    assert not {"Lin Jian", "Beijing", "NATO"} & set(question.choices)


def test_evidence_holds_the_label_and_names_the_key_in_full(seed_story, questions, story):
    for s in (seed_story, story("bridge-closure")):
        for question in questions(s):
            evidence = " ".join(e.text for e in question.evidence)
            assert quoted(question) in evidence, question
            for name in keys(question):
                assert contains_word(evidence, name), question


def test_a_surname_tie_brings_the_introduction_and_one_spelling_per_question():
    story = Story(
        "t",
        "t",
        (
            Article(
                "a",
                "North Wire",
                "Dam",
                "Governor Dmitri Valen toured the dam on Monday.\n\n"
                "Valen called the operator \u201ca reckless gambler\u201d on Tuesday.\n\n"
                "Engineer Lisa Marr called the repairs \u201ca patch job\u201d on Monday.\n\n"
                "Mayor Ivo Brandt called the warnings \u201ca false alarm\u201d last week.",
            ),
            Article(
                "b",
                "South Post",
                "Dam",
                "Governor Dmitry Valen called the operator \u201ca reckless gambler\u201d "
                "on Tuesday.\n\nMayor Ivo Brandt spoke on Monday.",
            ),
        ),
    )
    question = the_one(label_attribution.write(StoryModel(story)), mentioning="reckless gambler")
    # One person, offered once, spelled as the evidence spells him.
    (name,) = keys(question)
    assert name in ("Dmitri Valen", "Dmitry Valen")
    assert not {"Dmitri Valen", "Dmitry Valen"} - {name} & set(question.choices)
    assert all(
        contains_word(" ".join(e.text for e in question.evidence), part) for part in name.split()
    )
    assert name in question.explanation


def test_wrong_answers_never_used_the_label(seed_story, questions, story):
    for s in (seed_story, story("bridge-closure")):
        for question in questions(s):
            label = fold(quoted(question))
            for index, choice in enumerate(question.choices):
                if index in question.answer:
                    continue
                for article in s.articles:
                    for sentence in sentences(article.text):
                        if label in fold(sentence.text):
                            assert fold(choice.split()[-1]) not in fold(sentence.text), (
                                choice,
                                sentence.text,
                            )


def test_invented_story_keys(story, questions):
    bridge = questions(story("bridge-closure"))
    assert keys(
        the_one(bridge, prompt="Who called the closure \u201ca bureaucratic panic\u201d?")
    ) == {"Bram Hoekstra"}
    # Ulla Sandvik's own statements are asked "Who said ...?": her label is not asked again.
    assert not [q for q in bridge if "commuter nightmare" in q.prompt]


def test_a_speaker_asked_who_said_is_not_asked_again_for_a_label(story, questions):
    model = StoryModel(story("bridge-closure"))
    asked = model.quotations.statement_speakers()
    for question in label_attribution.write(model):
        assert not {model.entities.find(k).key for k in keys(question)} & asked, question.prompt
    # The mayor's verdict on the reports comes in three wordings; quote_rendering compares them.
    assert not [q for q in questions(story("bridge-closure")) if "the reports" in q.prompt]


def test_silent_without_quotes(story):
    assert label_attribution.write(StoryModel(story("quiet-library-vote"))) == []


def test_deterministic():
    assert label_attribution.write(StoryModel(load_story(SEED))) == label_attribution.write(
        StoryModel(load_story(SEED))
    )


def test_on_every_real_story_the_key_applied_the_label_and_no_wrong_answer_did():
    from bench.quality import story_folders

    for folder in story_folders():
        model = StoryModel(load_story(folder))
        for question in label_attribution.write(model):
            label = quoted(question)
            evidence = " ".join(e.text for e in question.evidence)
            assert fold(label) in fold(evidence), question.prompt
            credited = {lab.speaker for lab in model.quotations.labels
                        if fold(lab.quotation.text) == fold(label)}
            for index, choice in enumerate(question.choices):
                entity = model.entities.find(choice)
                assert entity is not None, choice
                assert (entity.key in credited) == (index in question.answer), (choice, label)


def test_a_label_naming_the_only_speaker_of_its_side_is_not_asked():
    text = (
        "Veldian Trade Minister Ivo Marek called the ruling \u201ca win for Veldian farmers\u201d "
        "on Monday.\n\n"
        "Envoy Lena Holt called the talks \u201ca long road\u201d. \u201cWe expect an answer "
        "within a week,\u201d Holt said.\n\n"
        "Senator Paul Grie called the border \u201ca sieve\u201d. \u201cTrade has not stopped "
        "for a single day,\u201d Grie said."
    )
    story = Story("side", "Side", (Article("a", "Wire", "Trade", text),))
    questions = label_attribution.write(StoryModel(story))
    assert not [q for q in questions if "Veldian farmers" in q.prompt]
