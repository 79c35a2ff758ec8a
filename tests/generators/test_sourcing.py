"""sourcing: whom each outlet credits (an agency, another outlet found by the shape of a credit,
an unnamed official) and which credits no one; wrong sources are never named by the outlet."""
from __future__ import annotations

import re

from quizapp.generators.kinds import sourcing
from quizapp.generators.model import Article, Story
from quizapp.generators.writing.outlets import agency_forms, story_outlets
from quizapp.generators.reading.text import fold

from tests.generators.reading import keys, outlet_text

KIND = "sourcing"


def credited(questions) -> dict[str, set[str]]:
    """Outlet -> the sources keyed for "Which news agency or outlet does OUTLET credit"."""
    found = {}
    for question in questions:
        m = re.match(r"Which news agency or outlet does (.+) credit", question.prompt)
        if m:
            found[m.group(1)] = keys(question)
    return found


def test_seed_credits_afp_ap_and_an_agency_found_by_the_shape_of_its_credit(seed_story, questions):
    assert credited(questions(seed_story)) == {"The Moscow Times": {"AFP"}, "Newszop": {"AP"}, "Euromaidan Press": {"UkrInform"}}
    assert "UkrInform" not in agency_forms() and "Ukrinform" not in agency_forms()


def test_seed_finds_the_unnamed_senior_official_and_the_outlets_crediting_no_one(seed_story, questions):
    (unnamed,) = [q for q in questions(seed_story) if "unnamed" in q.prompt]
    assert "The Moscow Times" in keys(unnamed)
    assert any("senior Ukrainian official told AFP" in e.text for e in unnamed.evidence)
    (no_one,) = [q for q in questions(seed_story) if "credit no" in q.prompt or "credits no" in q.prompt]
    assert keys(no_one) == {"Dunya News", "Paolo Bibat's blog"}


def test_wrong_sources_are_never_named_by_the_outlet_and_keys_are_in_the_evidence(seed_story, story, questions):
    for s in (seed_story, story("vaccine-plant"), story("river-flood")):
        for question in questions(s):
            for evidence in question.evidence:
                assert evidence.text in s.article(evidence.article).text
            m = re.match(r"Which news agency or outlet does (.+) credit", question.prompt)
            if m:
                text = fold(outlet_text(s, m.group(1)))
                for source in keys(question):
                    assert any(source in e.text for e in question.evidence)
                for wrong in set(question.choices) - keys(question):
                    if wrong not in (sourcing.UNNAMED, sourcing.NO_ONE):
                        assert not re.search(rf"(?<!\w){re.escape(fold(wrong))}(?!\w)", text), (question.prompt, wrong)
            elif "unnamed" in question.prompt:
                for outlet in set(question.choices) - keys(question):
                    text = fold(outlet_text(s, outlet))
                    assert not re.search(r"anonym|not to be named|\bsources?\b|\bofficials?\b", text), outlet
            else:  # credits no one
                for outlet in keys(question):
                    text = outlet_text(s, outlet)
                    assert not any(re.search(rf"(?<![\w-]){re.escape(fold(f))}(?![\w-])", fold(text))
                                   for f in agency_forms())
                    assert not re.search(r"\b[A-Z]\w+ report(s|ed)\b|according to [A-Z]", text)


def test_invented_stories_credit_agencies_and_outlets_found_only_by_shape(story, questions):
    assert credited(questions(story("vaccine-plant"))) == {
        "Harbour Gazette": {"Reuters"}, "Coastline News": {"AFP"}, "Merrovia Daily": {"Radio Merrovia"}}
    assert credited(questions(story("river-flood"))) == {
        "Valley Courier": {"AP"}, "Lowmark Herald": {"dpa"}, "Orden Post": {"Lowpress"}}
    expected = (("vaccine-plant", "Quiet Pages", "Coastline News"),
                ("river-flood", "Riverbank Notes", "Valley Courier"))
    for name, blog, relies_on_unnamed in expected:
        (no_one,) = [q for q in questions(story(name)) if "no news agency" in q.prompt]
        assert keys(no_one) == {blog}
        (unnamed,) = [q for q in questions(story(name)) if "unnamed" in q.prompt]
        assert keys(unnamed) == {relies_on_unnamed}


def test_a_photo_credit_is_not_a_credit_for_the_account():
    s = Story("t", "t", (
        Article("a", "North Wire", "A", "Photo: AFP/Jo Lind\n\nThe bridge reopened on Friday after repairs, the council said."),
        Article("b", "South Post", "B", "The bridge reopened on Friday, the council told Reuters."),
    ))
    outlets = story_outlets(s)
    assert sourcing.credits(outlets[0], outlets) == []
    assert [c.source for c, _ in sourcing.credits(outlets[1], outlets)] == ["Reuters"]
    # North Wire names AFP in a caption, so it is not offered as crediting no one either.
    assert not [q for q in sourcing.generate(s) if "no news agency" in q.prompt]


def test_silent_without_credits_or_unnamed_sources(story):
    assert sourcing.generate(story("library-reopening")) == []


def test_vague_attributions_are_neither_keyed_nor_offered_as_naming_everyone():
    def story(*vague: str) -> Story:
        return Story("t", "t", (
            Article("a", "Valley Wire", "A", "Sources said the levee had not been inspected for years."),
            Article("b", "Hill Post", "B", "Mayor Ana Holt said the bridge would stay closed. " + " ".join(vague)),
            Article("c", "Dale Times", "C", "Ranger Tomas Brek said the river was still rising."),
            Article("d", "Marsh Daily", "D", "Engineer Lise Moor said the pumps were working."),
        ))
    (plain,) = [q for q in sourcing.generate(story()) if "unnamed" in q.prompt]
    assert keys(plain) == {"Valley Wire"} and "Hill Post" in plain.choices  # names everyone: wrong
    for vague in ("Local media reported that at least 30 houses had been destroyed.",
                  "Scientists say floods are becoming more frequent.",
                  "Witnesses said the water rose within minutes.",
                  "It is understood the pumps failed overnight.",
                  "Experts said the levee was too low."):
        (question,) = [q for q in sourcing.generate(story(vague)) if "unnamed" in q.prompt]
        assert keys(question) == {"Valley Wire"}
        assert "Hill Post" not in question.choices, vague  # maybe unnamed: neither key nor wrong


def test_an_outlet_with_vague_attributions_is_not_offered_an_unnamed_source_as_wrong():
    s = Story("t", "t", (
        Article("a", "Valley Wire", "A", "The levee broke on Friday, Reuters reported. "
                "Local media reported that at least 30 houses had been destroyed."),
        Article("b", "Hill Post", "B", "The levee broke on Friday, AFP reported."),
    ))
    question = next(q for q in sourcing.generate(s) if q.prompt.startswith("Which news agency or outlet does Valley Wire"))
    assert keys(question) == {"Reuters"} and sourcing.UNNAMED not in question.choices


def test_an_official_known_only_by_place_or_nationality_is_unnamed():
    assert sourcing.relies_on_unnamed("The claim is false, a Selmar official said Wednesday.")
    assert sourcing.relies_on_unnamed("Veldan officials disclosed that the ferry was overloaded.")
    assert sourcing.relies_on_unnamed("An Orrin official told reporters the port would reopen.")
    assert not sourcing.relies_on_unnamed("The officials said the port would reopen.")  # "The" is no place
    assert not sourcing.relies_on_unnamed("Mayor Ana Holt said the port would reopen.")


def _port_story(*extra: Article) -> Story:
    return Story("t", "t", (
        Article("a", "Valley Wire", "A", "The ferry sank near Orrin, a Selmar official said Wednesday."),
        Article("b", "Hill Post", "B", "Veldan officials disclosed that the ferry was overloaded."),
        Article("c", "Dale Times", "C", "Harbour master Tomas Brek said the ferry sank near Orrin."),
        *extra,
    ))


def test_several_outlets_relying_on_unnamed_sources_are_all_keyed():
    (question,) = [q for q in sourcing.generate(_port_story()) if "unnamed" in q.prompt]
    assert keys(question) == {"Valley Wire", "Hill Post"}
    assert set(question.choices) == {"Valley Wire", "Hill Post", "Dale Times"}
    assert question.prompt == "Which outlets rely on an unnamed official or source? Choose all that apply."


def test_an_outlet_left_out_as_unclear_makes_the_prompt_say_of_these():
    unclear = Article("d", "Marsh Daily", "D", "Local media reported that the ferry was overloaded.")
    (question,) = [q for q in sourcing.generate(_port_story(unclear)) if "unnamed" in q.prompt]
    assert "Marsh Daily" not in question.choices
    assert question.prompt.startswith("Of these outlets, which ones rely on")
