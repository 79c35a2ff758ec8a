"""name_spelling: one name spelled two ways by different outlets, keyed by which outlets print
the rarer form, every wrong outlet printing the other; a slip explained as a slip, a
romanisation as one; different people and related words left alone."""

from __future__ import annotations

import re

from quizapp.generators import load_story
from quizapp.generators.kinds import name_spelling
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import contains_word
from tests.generators.corpus import SEED, STORIES, keys


def outlets_writing(s: Story, spelling: str) -> set[str]:
    return {a.outlet for a in s.articles if contains_word(a.text, spelling)}


def asked(question) -> str:
    return re.findall(r"\u201c(.+?)\u201d", question.prompt)[-1]


def write(*articles: Article):
    return name_spelling.write(StoryModel(Story("s", "S", articles)))


def test_seed_asks_which_outlets_write_the_rarer_romanisation(seed_story):
    (question,) = name_spelling.write(StoryModel(seed_story))
    assert asked(question) == "Zelensky"
    assert (
        keys(question)
        == outlets_writing(seed_story, "Zelensky")
        == {"The Moscow Times", "Paolo Bibat's blog"}
    )
    for wrong in set(question.choices) - keys(question):
        assert wrong in outlets_writing(seed_story, "Zelenskyy")
    assert "romanisations" in question.explanation


def test_invented_story_keys_and_evidence(story):
    bridge = story("bridge-closure")
    (question,) = name_spelling.write(StoryModel(bridge))
    spelling = asked(question)
    other = {"Wierzbicki", "Wierzbicky"} - {spelling}
    assert keys(question) == outlets_writing(bridge, spelling)
    assert set(question.choices) - keys(question) == outlets_writing(bridge, other.pop())
    for evidence in question.evidence:
        assert contains_word(evidence.text, "Wierzbicki") or contains_word(
            evidence.text, "Wierzbicky"
        )
    assert "as most outlets" not in question.explanation  # two outlets each: neither is "most"


def test_a_typo_is_explained_as_a_slip_never_as_a_transliteration():
    questions = write(
        Article(
            "a",
            "Paper One",
            "Cup",
            "Midfielder Aurelian Tomescu missed his penalty, said coach Rui Prado.",
        ),
        Article(
            "b",
            "Paper Two",
            "Cup",
            "Midfielder Aurelien Tomescu missed his penalty in the shoot-out.",
        ),
        Article(
            "c", "Paper Three", "Cup", "Aurelien Tomescu missed his penalty as the final ended 4-2."
        ),
        Article(
            "d",
            "Paper Four",
            "Cup",
            "The shoot-out turned when Aurelien Tomescu missed his penalty.",
        ),
    )
    (question,) = questions
    assert asked(question) == "Aurelian" and keys(question) == {"Paper One"}
    assert "slip" in question.explanation and "alphabet" not in question.explanation
    assert "as most outlets here do" in question.explanation
    # One outlet's typo teaches little: the question goes to review, not to a class.
    assert question.confidence < 0.7 and question.reasons


def test_a_slip_outlets_share_is_a_copying_clue():
    shared = ("Midfielder Kinsgley Tomescu missed his penalty as the final ended 4-2 in the "
              "rain. Coach Rui Prado said the team had trained for penalties all week.")
    questions = write(
        Article("a", "Paper One", "Cup", shared),
        Article("b", "Paper Two", "Cup", shared),
        Article("c", "Paper Three", "Cup", "Kingsley Tomescu missed his penalty in the shoot-out."),
        Article("d", "Paper Four", "Cup", "The shoot-out turned when Kingsley Tomescu missed."),
        Article("e", "Paper Five", "Cup", "Kingsley Tomescu hit the bar in the shoot-out."),
    )
    (question,) = questions
    assert asked(question) == "Kinsgley" and keys(question) == {"Paper One", "Paper Two"}
    assert len(question.choices) == 5
    assert question.confidence >= 0.7
    assert "copied" in question.explanation
    assert "differently" in question.prompt and "two ways" not in question.prompt


def test_two_choices_are_never_asked():
    # Two outlets, one spelling each: a coin toss, not a question.
    assert (
        write(
            Article(
                "a", "Paper One", "Floods", "Governor Dmitri Valen said the river was falling."
            ),
            Article(
                "b", "Paper Two", "Floods", "Governor Dmitry Valen said the river was falling."
            ),
        )
        == []
    )


def test_different_first_names_are_different_people(story):
    # Marta Lindqvist and Johan Lindquist: near-identical surnames, two people.
    assert name_spelling.write(StoryModel(story("quiet-library-vote"))) == []


def test_one_spelling_only_is_silent():
    text = "Mayor Ana Ruiz opened the Korvian fair. Ruiz said the fair would return."
    assert (
        write(
            Article("a", "Paper One", "Fair", text),
            Article("b", "Paper Two", "Fair", text),
            Article("c", "Paper Three", "Fair", text),
        )
        == []
    )


def test_related_words_and_possessives_are_not_spellings():
    assert (
        write(
            Article(
                "a",
                "Paper One",
                "Talks",
                "Delegates from Korvia met in Talmaro. Adaeze Okoro's plan won.",
            ),
            Article(
                "b",
                "Paper Two",
                "Talks",
                "Korvian delegates met in Talmaro. Adaeze Okoro spoke first.",
            ),
            Article("c", "Paper Three", "Talks", "Korvia's delegates met. Adaeze Okoro spoke."),
        )
        == []
    )


def test_a_surname_romanised_two_ways_names_the_outlets_of_each():
    articles = (
        Article(
            "a",
            "Paper One",
            "Port",
            "Port director Oskar Tsaryov said the quay was shut. Tsaryov visited the crane.",
        ),
        Article(
            "b",
            "Paper Two",
            "Port",
            "Port director Oskar Caryov said the quay was shut. Caryov visited the crane.",
        ),
        Article(
            "c", "Paper Three", "Port", "Port director Oskar Tsaryov said the crane was cracked."
        ),
    )
    (question,) = write(*articles)
    assert asked(question) == "Caryov" and keys(question) == {"Paper Two"}
    assert set(question.choices) == {"Paper One", "Paper Two", "Paper Three"}


def test_a_romanised_surname_under_another_first_name_is_another_person():
    assert (
        write(
            Article(
                "a", "Paper One", "Port", "Port director Oskar Tsaryov said the quay was shut."
            ),
            Article("b", "Paper Two", "Port", "Port director Vera Caryov said the quay was shut."),
            Article(
                "c",
                "Paper Three",
                "Port",
                "Port director Oskar Tsaryov said the crane was cracked.",
            ),
        )
        == []
    )


def test_a_name_a_cut_off_sentence_prints_is_not_evidence():
    # Paper Three prints the slip only in its last, unfinished sentence: it is not offered.
    questions = write(
        Article("a", "Paper One", "Cup", "Kinsgley Morel missed the first kick of the shoot-out."),
        Article("b", "Paper Two", "Cup", "Kingsley Morel missed the first kick of the shoot-out."),
        Article(
            "c",
            "Paper Three",
            "Cup",
            "The final went to penalties after a long night of rain.\n\nBut Kinsgley Morel an",
        ),
        Article(
            "d", "Paper Four", "Cup", "Kingsley Morel missed; the keeper saved the second kick."
        ),
    )
    (question,) = questions
    assert "Paper Three" not in question.choices and keys(question) == {"Paper One"}


def test_deterministic():
    assert name_spelling.write(StoryModel(load_story(SEED))) == name_spelling.write(
        StoryModel(load_story(SEED))
    )


def test_every_wrong_outlet_prints_the_other_form_on_every_real_story():
    from bench.quality import story_folders

    for folder in story_folders():
        story = load_story(folder)
        for question in name_spelling.write(StoryModel(story)):
            rare = asked(question)
            by_outlet = {e.article: e.text for e in question.evidence}
            for index, choice in enumerate(question.choices):
                article = next(
                    a for a in story.articles if a.outlet == choice or choice.startswith(a.outlet)
                )
                printed = by_outlet[article.id]
                assert contains_word(printed, rare) == (index in question.answer), question




def test_a_plural_is_never_asked_as_a_spelling():
    """"three career Super Bowls" on a real page is the name's plural, not a respelling: no
    question on the real pages asks about a word that is another printed word plus "s"."""
    for folder in sorted((STORIES.parent.parent / "bench" / "heldout").iterdir()) + sorted((STORIES / "real").iterdir()):
        story = load_story(folder)
        words = {w.lower() for a in story.articles for w in re.findall(r"[\w-]+", a.text)}
        for question in name_spelling.write(StoryModel(story)):
            rare = asked(question).split()[-1].lower()
            assert not (rare.endswith("s") and rare[:-1] in words), question.prompt


def test_an_outlet_printing_both_forms_is_no_side_and_a_shouted_banner_never_names_it():
    # Paper One writes "Aurelian" once and "Aurelien" elsewhere: a slip in passing, which a
    # student could not call the way it "writes" the name. Paper Five's all-capitals tweet
    # ("COACH SACKS AURELIEN TOMESCU") is a form of the name, but no way to show it.
    story = [
        Article("a", "Paper One", "Cup", "Aurelian Tomescu missed his penalty. Aurelien Tomescu "
                "later apologised to the fans, said coach Rui Prado."),
        Article("b", "Paper Two", "Cup", "Midfielder Aurelien Tomescu missed his penalty."),
        Article("c", "Paper Three", "Cup", "Aurelien Tomescu missed as the final ended 4-2."),
        Article("d", "Paper Four", "Cup", "The shoot-out turned when Aurelien Tomescu missed."),
    ]
    assert write(*story) == []
    story[0] = Article("a", "Paper One", "Cup", "Midfielder Aurelian Tomescu missed his penalty.")
    story.append(Article("e", "Paper Five", "Cup",
                         "BREAKING: COACH SACKS AURELIEN TOMESCU AFTER FINAL pic.twitter.com/x\n\n"
                         "Aurelien Tomescu was dropped on Monday."))
    (question,) = write(*story)
    assert keys(question) == {"Paper One"}
    assert "SACKS" not in question.prompt and "Aurelien Tomescu" in question.prompt
