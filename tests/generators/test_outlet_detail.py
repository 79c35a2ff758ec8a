"""outlet_detail: which outlets report a figure or a name, keyed to every outlet whose text
carries it; the outlets offered as wrong never write the number (or the name) at all."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from quizapp.generators import load_story, outlet_detail
from quizapp.generators.details import number_words
from quizapp.generators.model import Article, Story
from quizapp.generators.text import fold

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "beijing-denies-chinese-fighters"
STORIES = ROOT / "tests" / "stories"


@cache
def story(path: Path) -> Story:
    return load_story(path)


@cache
def questions(path: Path):
    return tuple(outlet_detail.generate(story(path)))


def keys(question) -> set[str]:
    return {question.choices[i] for i in question.answer}


def outlet_text(s: Story, outlet: str) -> str:
    return "\n".join(a.text for a in s.articles if a.outlet == outlet)


def numbers_in(text: str) -> set[str]:
    """Every number in `text` however written: digits in any grouping, small numbers in words."""
    found = {token.replace(",", "") for token in re.findall(r"\d+(?:[.,]\d+)*", text)}
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)?", fold(text)))
    found |= {str(n) for n in range(1, 1000) if set(number_words(str(n))) & words}
    return found


def asked_number(question) -> str:
    return re.search(r"reported \$?([\d,.]+)", question.prompt).group(1).replace(",", "")


def test_seed_asks_which_outlets_reported_155_nationals():
    seed = story(SEED)
    (question,) = [q for q in questions(SEED) if "155 nationals" in q.prompt]
    assert keys(question) == {"Paolo Bibat's blog", "Euromaidan Press"}
    assert set(question.choices) - keys(question) == {"Dunya News", "Newszop", "The Moscow Times"}
    assert "Choose all that apply" in question.prompt
    for evidence in question.evidence:
        assert re.search(r"155 Chinese nationals", evidence.text)
        assert evidence.text in seed.article(evidence.article).text


def test_every_question_is_proven_by_its_evidence_and_its_wrong_outlets():
    for path in (SEED, STORIES / "vaccine-plant", STORIES / "river-flood"):
        s = story(path)
        assert questions(path), path
        for question in questions(path):
            assert 2 <= len(question.choices) <= 5
            assert all(c.strip() for c in question.choices)
            by_outlet = {s.article(e.article).outlet for e in question.evidence}
            assert keys(question) <= by_outlet, question.prompt
            for evidence in question.evidence:
                assert evidence.text in s.article(evidence.article).text
            wrong = set(question.choices) - keys(question)
            if " reported " in question.prompt:
                number = asked_number(question)
                noun = question.prompt.rstrip("?").split("?")[0].split()[-1]
                for evidence in question.evidence:
                    assert number in numbers_in(evidence.text)
                    assert noun.rstrip("s") in fold(evidence.text), question.prompt
                for outlet in wrong:
                    assert number not in numbers_in(outlet_text(s, outlet)), (question.prompt, outlet)
            else:
                name = re.search(r"mentions? (.+)\?", question.prompt).group(1)
                for outlet in wrong:
                    text = fold(outlet_text(s, outlet))
                    assert not any(fold(part) in text for part in name.split()), (question.prompt, outlet)


def test_invented_story_keys_the_shared_figure_and_leaves_out_an_outlet_with_the_number_in_words():
    (question,) = [q for q in questions(STORIES / "vaccine-plant") if "2 million doses" in q.prompt]
    assert keys(question) == {"Harbour Gazette", "Coastline News"}
    # Quiet Pages writes "two streets away": it carries the number, so it is not offered as wrong.
    assert set(question.choices) - keys(question) == {"Merrovia Daily"}


def test_invented_story_asks_about_a_name_two_outlets_carry():
    (question,) = [q for q in questions(STORIES / "river-flood") if "Ilse Marten" in q.prompt]
    assert keys(question) == {"Valley Courier", "Lowmark Herald"}
    assert question.prompt == "Which outlets mention Ilse Marten? Choose all that apply."


def test_silent_when_every_outlet_carries_the_same_details():
    assert outlet_detail.generate(story(STORIES / "library-reopening")) == []


def test_articles_sharing_an_outlet_count_as_one_and_unnamed_ones_are_never_choices():
    text_a = "Officials said 48 lorries were stuck at the border crossing on Friday."
    story_ = Story("t", "t", (
        Article("a1", "North Wire", "A", "The border crossing reopened on Friday afternoon."),
        Article("a2", "North Wire", "B", text_a),
        Article("b", "South Post", "C", "Traffic at the border crossing was heavy on Friday."),
        Article("c", "", "D", "Drivers said 48 lorries waited at the border crossing on Friday."),
        Article("d", "East Times", "E", "The border crossing was busy all day on Friday."),
    ))
    (question,) = outlet_detail.generate(story_)
    assert question.prompt == "Which outlet reported 48 lorries?"
    assert keys(question) == {"North Wire"}
    assert sorted(question.choices) == ["East Times", "North Wire", "South Post"]
    assert [e.article for e in question.evidence] == ["a2"]


def test_same_story_same_questions():
    assert outlet_detail.generate(load_story(SEED)) == outlet_detail.generate(load_story(SEED))
