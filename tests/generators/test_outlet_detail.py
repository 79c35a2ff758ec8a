"""outlet_detail: which outlets report a figure or a name, keyed to every outlet whose text
carries it; the prompt keeps the qualifier the keyed outlets print ("more than 50 ships"); the
outlets offered as wrong never write the number (or the name) at all."""
from __future__ import annotations

import re

from quizapp.generators import load_story
from quizapp.generators.kinds import outlet_detail
from quizapp.generators.reading.details import figures, is_measure, number_words, words_amount_of
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import fold

from tests.generators.reading import SEED, keys, outlet_text, qualifiers_before, the_one

KIND = "outlet_detail"


def numbers_in(text: str) -> set[str]:
    """Every number in `text` however written: digits in any grouping, small numbers in words."""
    found = {token.replace(",", "") for token in re.findall(r"\d+(?:[.,]\d+)*", text)}
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)?", fold(text)))
    found |= {str(n) for n in range(1, 1000) if set(number_words(str(n))) & words}
    return found


def asked_number(question) -> str:
    """The number a "Which outlet reported …?" prompt asks about, as printed ("1,200", "$3,500")."""
    return re.search(r"reported (?:[a-z ]+ )?(\$?[\d,.]*\d)", question.prompt).group(1)


def test_seed_asks_which_outlets_reported_155_nationals(seed_story, questions):
    question = the_one(questions(seed_story), mentioning="155 nationals")
    assert question.prompt == "Which outlets reported 155 nationals? Choose all that apply."
    assert keys(question) == {"Paolo Bibat's blog", "Euromaidan Press"}
    # The Moscow Times writes "two Chinese nationals": a whole count in words is another number.
    assert set(question.choices) - keys(question) == {"Dunya News", "Newszop", "The Moscow Times"}
    for evidence in question.evidence:
        assert re.search(r"155 Chinese nationals", evidence.text)
        assert evidence.text in seed_story.article(evidence.article).text
    # One prints "155", the other "At least 155": the explanation says what each prints.
    assert "Paolo Bibat's blog gives 155 nationals" in question.explanation
    assert "Euromaidan Press gives at least 155 nationals" in question.explanation


def test_seed_keeps_the_qualifier_its_one_outlet_prints(seed_story, questions):
    question = the_one(questions(seed_story), mentioning="80 per cent")
    # "per cent" says nothing of what is counted: the words after it that do go with it.
    assert question.prompt == "Which outlet reported nearly 80 per cent of the dual-use items?"
    assert keys(question) == {"Newszop"}


def test_every_question_is_proven_by_its_evidence_and_its_wrong_outlets(seed_story, story, questions):
    for s in (seed_story, story("vaccine-plant"), story("river-flood")):
        assert questions(s), s.slug
        for question in questions(s):
            assert 2 <= len(question.choices) <= 5
            assert all(c.strip() for c in question.choices)
            by_outlet = {s.article(e.article).outlet for e in question.evidence}
            assert keys(question) <= by_outlet, question.prompt
            for evidence in question.evidence:
                assert evidence.text in s.article(evidence.article).text
            wrong = set(question.choices) - keys(question)
            if " reported " in question.prompt:
                printed = asked_number(question)
                number = printed.lstrip("$").replace(",", "")
                noun = question.prompt.rstrip("?").split("?")[0].split()[-1]
                shown = qualifiers_before(question.prompt, printed)
                printed_by = {frozenset(qualifiers_before(e.text, printed)) for e in question.evidence}
                if len(printed_by) == 1:
                    assert {frozenset(shown)} == printed_by, question.prompt  # the qualifier they all print
                else:
                    assert not shown, question.prompt  # they print different ones: the bare figure
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


def test_a_qualifier_stays_and_differing_qualifiers_give_the_bare_figure():
    story = Story("t", "t", (
        Article("a", "North Wire", "A", "More than 50 ships were waiting at anchor off the port on Tuesday."),
        Article("b", "South Post", "B", "About 4,000 people marched to the ministry, police said."),
        Article("c", "East Times", "C", "Police said about 4,000 people marched to the ministry."),
        Article("d", "West Daily", "D", "At least 48 lorries were stuck at the border crossing on Friday."),
        Article("e", "Hill Review", "E", "Drivers said 48 lorries waited at the border crossing on Friday."),
    ))
    prompts = {q.prompt: keys(q) for q in outlet_detail.generate(story)}
    assert prompts["Which outlet reported more than 50 ships?"] == {"North Wire"}
    assert prompts["Which outlets reported about 4,000 people marched to the ministry? Choose all that apply."] \
        == {"South Post", "East Times"}
    assert prompts["Which outlets reported 48 lorries? Choose all that apply."] == {"West Daily", "Hill Review"}
    assert not [p for p in prompts if re.search(r"reported (50|4,000) ", p)]


def test_invented_story_keys_the_shared_figure_and_leaves_out_an_outlet_with_the_number_in_words(story, questions):
    question = the_one(questions(story("vaccine-plant")), mentioning="2 million doses")
    assert keys(question) == {"Harbour Gazette", "Coastline News"}
    # Quiet Pages writes "two streets away": it carries the number, so it is not offered as wrong.
    assert set(question.choices) - keys(question) == {"Merrovia Daily"}


def test_invented_story_asks_about_a_name_two_outlets_carry(story, questions):
    question = the_one(questions(story("river-flood")), mentioning="Ilse Marten")
    assert keys(question) == {"Valley Courier", "Lowmark Herald"}
    assert question.prompt == "Which outlets mention Ilse Marten? Choose all that apply."


def test_silent_when_every_outlet_carries_the_same_details(story):
    assert outlet_detail.generate(story("library-reopening")) == []


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


def test_a_rate_keeps_what_it_is_per():
    story_ = Story("t", "t", (
        Article("a", "North Wire", "A", "Forecasters said winds of 70 kilometres an hour battered the coast on Friday."),
        Article("b", "South Post", "B", "Gusts of 110 km/h tore roofs from sheds along the coast."),
        Article("c", "East Times", "C", "The coast road was closed on Friday as the storm arrived."),
    ))
    prompts = {q.prompt: keys(q) for q in outlet_detail.generate(story_)}
    assert prompts == {"Which outlet reported 70 kilometres an hour?": {"North Wire"},
                       "Which outlet reported 110 km/h?": {"South Post"}}


def test_a_count_of_people_or_a_share_says_what_it_counts_or_is_not_asked():
    story_ = Story("t", "t", (
        Article("a", "North Wire", "A", "Roughly 300 people queued outside the clinic on Monday morning. "
                "The harvest is 25 per cent smaller than planned, the cooperative said."),
        Article("b", "South Post", "B", "Fees at the clinic have risen by 12 per cent since 2019, staff said. "
                "About 60 people, 9 nurses among them, signed the letter."),
        Article("c", "East Times", "C", "The clinic opened its doors early on Monday morning."),
    ))
    prompts = {q.prompt: keys(q) for q in outlet_detail.generate(story_)}
    assert prompts["Which outlet reported roughly 300 people queued outside the clinic?"] == {"North Wire"}
    assert prompts["Which outlet reported 25 per cent smaller?"] == {"North Wire"}
    # "12 per cent since 2019" and "60 people, ..." never say in a few words what they count.
    assert not [p for p in prompts if re.search(r"\b(12|60)\b", p)], prompts
    assert not [p for p in prompts if p.endswith(("people?", "per cent?"))], prompts


def test_outlets_printing_different_words_for_what_a_vague_count_counts_give_no_question():
    story_ = Story("t", "t", (
        Article("a", "North Wire", "A", "About 4,000 people joined the march to the ministry, police said."),
        Article("b", "South Post", "B", "Police said about 4,000 people marched to the ministry."),
        Article("c", "East Times", "C", "The ministry was closed to visitors on Sunday afternoon."),
    ))
    assert outlet_detail.generate(story_) == []


def test_a_unit_of_several_words_stays_whole_and_an_amount_of_it_in_words_counts_as_carrying_it():
    text = "The Oster Reserve raised its main rate by 25 basis points to 3.5% on Monday."
    (figure,) = [f for f in figures(Article("a", "Harbour Ledger", "A", text)) if f.value == "25"]
    assert figure.short == "25 basis points" and is_measure(figure.noun)
    for other in ("It raised the rate by a quarter of a point.", "Half a percentage point was priced in.",
                  "The rate rose three-quarters of a point this year.", "It added twenty basis points."):
        assert words_amount_of(other, figure.noun_key, True), other
    assert not words_amount_of("The rate rose to 3.5% at the point of sale.", figure.noun_key, True)
    # A count of things in whole words is another number; a fraction or scale may be the same.
    assert not words_amount_of("Two nationals were held.", "national", is_measure("nationals"))
    assert words_amount_of("Half a million people fled.", "people", is_measure("people"))


def test_an_outlet_writing_the_unit_with_a_number_word_is_never_offered_as_lacking_it():
    s = Story("t", "t", (
        Article("a", "Harbour Ledger", "A", "The storm flattened 40 square kilometres of forest near Osk on Monday."),
        Article("b", "Plain Wire", "B", "The storm flattened forty-two square kilometres of forest near Osk on Monday."),
        Article("c", "Coast Times", "C", "The storm flattened some of the forest near Osk on Monday, the rangers said."),
        Article("d", "Ridge Daily", "D", "Rangers said the storm hit the forest near Osk hard on Monday."),
    ))
    (question,) = [q for q in outlet_detail.generate(s) if "40" in q.prompt]
    assert question.prompt == "Which outlet reported 40 square kilometres?"
    assert keys(question) == {"Harbour Ledger"}
    assert set(question.choices) - keys(question) == {"Coast Times", "Ridge Daily"}
    # With no outlet left that surely lacks it, there is no question.
    alone = Story("t", "t", s.articles[:2])
    assert not [q for q in outlet_detail.generate(alone) if "40" in q.prompt]
