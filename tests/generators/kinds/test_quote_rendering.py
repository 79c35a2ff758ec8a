"""quote_rendering: one speaker's words printed differently by different outlets; every key is
proven by which outlets' texts carry the exact wording."""
from __future__ import annotations

import difflib
import re

import pytest

from quizapp.generators import load_story
from quizapp.generators.kinds import quote_rendering
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import contains_word

from tests.generators.reading import SEED, keys, outlet_text, the_one

KIND = "quote_rendering"


def wording(question) -> str:
    return re.findall(r"\u201c(.+?)\u201d", question.prompt)[-1]


def outlet_questions(story: Story, questions) -> list:
    """The questions whose choices are the story's outlets."""
    outlets = {a.outlet for a in story.articles}
    return [q for q in questions if set(q.choices) <= outlets]


def test_seed_finds_the_differing_renderings_of_the_spokesmans_dismissal(seed_story, questions):
    seed = questions(seed_story)
    asked = " ".join(q.prompt + " " + " ".join(q.choices) for q in seed)
    found = [w for w in ("totally unfounded", "absolutely groundless", "groundless") if f"\u201c{w}\u201d" in asked]
    assert len(found) >= 2, asked
    moscow = [q for q in outlet_questions(seed_story, seed) if wording(q) == "absolutely groundless"]
    assert moscow and keys(moscow[0]) == {"The Moscow Times"}
    # Lin Jian is the one quoted, by his full name
    assert all("Lin Jian" in q.prompt for q in seed if "groundless" in q.prompt)


def test_outlet_keys_carry_the_wording_and_the_others_do_not(seed_story, story, questions):
    for s in (seed_story, story("bridge-closure")):
        assert outlet_questions(s, questions(s))
        for question in outlet_questions(s, questions(s)):
            for index, outlet in enumerate(question.choices):
                carries = contains_word(outlet_text(s, outlet), wording(question))
                assert carries == (index in question.answer), (outlet, question.prompt)


def test_which_wording_questions_offer_only_wordings_the_outlet_did_not_print(seed_story, story, questions):
    for s in (seed_story, story("bridge-closure")):
        for question in questions(s):
            asked = re.search(r"Which wording did (.+) print\?", question.prompt)
            if not asked:
                continue
            text = outlet_text(s, asked.group(1))
            for index, choice in enumerate(question.choices):
                assert contains_word(text, choice.strip("\u201c\u201d")) == (index in question.answer), question


def test_invented_story_short_and_long_renderings(story, questions):
    bridge = outlet_questions(story("bridge-closure"), questions(story("bridge-closure")))
    deeply = [q for q in bridge if wording(q) == "deeply premature"]
    assert deeply and keys(deeply[0]) == {"Riverside Chronicle"}
    # "premature" alone is inside "deeply premature": The Valley Observer is still a wrong
    # answer, since it never prints "deeply premature".
    assert "The Valley Observer" in deeply[0].choices
    long = [q for q in bridge if "Nadia Okonkwo" in q.prompt]
    assert len(long) == 1 and wording(long[0]) == "of the eight support cables"
    assert keys(long[0]) == {"Riverside Chronicle"}


def test_evidence_shows_each_outlets_wording(story, questions):
    bridge = story("bridge-closure")
    for question in outlet_questions(bridge, questions(bridge)):
        outlet_of = {a.id: a.outlet for a in bridge.articles}
        for article_id, passages in passages_by_article(question).items():
            outlet = outlet_of[article_id]
            assert outlet in question.choices
            if question.choices.index(outlet) in question.answer:
                assert contains_word(" ".join(passages), wording(question))


# --- who is speaking: each outlet's evidence names the speaker in full ------------------------

SPEAKER = re.compile(r"quoted (.+?)(?:’s words|'s words| as calling| in different words)")


def passages_by_article(question) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for evidence in question.evidence:
        found.setdefault(evidence.article, []).append(evidence.text)
    return found


def spelled_in(text: str, name: str) -> str | None:
    """How `text` spells the full `name`: the name itself, else as many capitalised words in a
    row, each close to the name's word in its place ("Wierzbicky" for "Wierzbicki")."""
    if contains_word(text, name):
        return name
    parts = name.split()
    run = r"[A-Z][\w'\u2019-]*" + r"\s+[A-Z][\w'\u2019-]*" * (len(parts) - 1)
    for match in re.finditer(rf"(?<![\w])(?=({run}))", text):
        found = match.group(1)
        if all(difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.75
               for a, b in zip(found.split(), parts)):
            return found
    return None


@pytest.mark.parametrize("name", ["seed", "unseen-dam-collapse", "unseen-port-strike", "bridge-closure"])
def test_each_outlets_evidence_names_the_speaker_in_full_as_it_spells_the_name(
        name, seed_story, story, questions):
    s = seed_story if name == "seed" else story(name)
    asked = questions(s)
    assert asked
    for question in asked:
        speaker = SPEAKER.search(question.prompt).group(1)
        for article_id, passages in passages_by_article(question).items():
            text = s.article(article_id).text
            spelling = spelled_in(text, speaker)
            # A bare "Lee said" does not tell a student who Lee is.
            assert spelling and contains_word(" ".join(passages), spelling), (question.prompt, passages)
            # The naming sentence comes before the words it names the speaker of.
            starts = [text.index(p) for p in passages]
            assert starts == sorted(starts), passages


def test_the_prompt_spells_the_name_as_the_keyed_outlet_does(story, questions):
    bridge = story("bridge-closure")
    outlet_of = {a.id: a.outlet for a in bridge.articles}
    for question in questions(bridge):
        speaker = SPEAKER.search(question.prompt).group(1)
        asked = re.search(r"Which wording did (.+) print\?", question.prompt)
        shown_by = {asked.group(1)} if asked else keys(question)
        assert any(contains_word(" ".join(p), speaker)
                   for a, p in passages_by_article(question).items() if outlet_of[a] in shown_by), question
    early = the_one(questions(bridge), mentioning="far too early")
    assert "Wierzbicky" in early.prompt  # Metro Daily Wire's spelling; the others print "Wierzbicki"
    assert any("Wierzbicki" in e.text for e in early.evidence)


TRAM_FULL = ("The city council approved a new tram line on Tuesday after a six-hour debate.\n\n"
             "Mayor Ilse Varga called the plan \u201ca costly mistake\u201d and said she would ask for a review.")
TRAM_OTHER = ("Councillors voted 14 to 9 for the tram line late on Tuesday.\n\n"
              "Mayor Ilse Varga called the plan \u201ca needless expense\u201d in a statement.")
TRAM_SURNAME = ("The tram line will cost the city about 80 million crowns.\n\n"
                "Varga called the plan \u201ca serious blunder\u201d and urged councillors to think again.")
TRAM_NAMED_EARLIER = ("Mayor Ilse Varga has opposed the tram line from the start.\n\n"
                      "Varga called the plan \u201ca serious blunder\u201d and urged councillors to think again.")
LONG = "\u201cWe cannot {verb} public money on a line that {serves} so few {riders} each day,\u201d"
LONG_FULL = f"The council backed the tram line.\n\n{LONG.format(verb='spend', serves='serves', riders='riders')} Mayor Ilse Varga said."
LONG_OTHER = (f"Councillors voted for the tram.\n\n"
              f"{LONG.format(verb='spend', serves='carries', riders='passengers')} Mayor Ilse Varga told reporters.")
LONG_SURNAME = f"The line will cost 80 million crowns.\n\n{LONG.format(verb='waste', serves='serves', riders='riders')} Varga said."
PAPERS = ("Tramway Gazette", "Harbour Evening Post", "Civic Wire")


def tram(*texts: str) -> Story:
    return Story("tram", "Tram line", tuple(Article(f"tram-{i}", PAPERS[i], "Tram line", text)
                                            for i, text in enumerate(texts)))


@pytest.mark.parametrize("texts", [(TRAM_FULL, TRAM_OTHER, TRAM_SURNAME), (LONG_FULL, LONG_OTHER, LONG_SURNAME)],
                         ids=["label", "statement"])
def test_an_outlet_that_never_names_the_speaker_in_full_is_not_offered(texts):
    found = quote_rendering.write(StoryModel(tram(*texts)))
    assert found  # the two outlets that name the mayor in full still differ
    for question in found:
        assert "Civic Wire" not in question.choices
        assert "serious blunder" not in question.prompt + " ".join(question.choices)
        assert all(e.article != "tram-2" for e in question.evidence)
    # With only one outlet left to offer, nothing is asked.
    assert quote_rendering.write(StoryModel(tram(texts[0], texts[2]))) == []


def test_an_outlet_naming_the_speaker_earlier_is_offered_with_that_sentence():
    found = quote_rendering.write(StoryModel(tram(TRAM_FULL, TRAM_NAMED_EARLIER)))
    blunder = the_one(found, mentioning="serious blunder")
    assert keys(blunder) == {"Harbour Evening Post"}
    assert [e.text for e in blunder.evidence if e.article == "tram-1"] == [
        "Mayor Ilse Varga has opposed the tram line from the start.",
        "Varga called the plan \u201ca serious blunder\u201d and urged councillors to think again."]


def test_silent_when_outlets_agree_or_nobody_is_quoted(story):
    assert quote_rendering.write(StoryModel(story("quiet-library-vote"))) == []
    same = "Minister Oren Falk called the budget \u201ca careful plan\u201d on Monday."
    agreeing = Story("same", "Same", (Article("a", "Paper One", "Budget", same),
                                      Article("b", "Paper Two", "Budget", same)))
    assert quote_rendering.write(StoryModel(agreeing)) == []


def test_deterministic():
    assert quote_rendering.write(StoryModel(load_story(SEED))) == quote_rendering.write(StoryModel(load_story(SEED)))
