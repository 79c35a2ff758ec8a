"""quote_attribution: "Who said “...”?" keyed to the speaker the evidence names in full, with
wrong answers who never said the words, and silence where nothing ties a quote to a name."""

from __future__ import annotations

import re

from quizapp.generators import load_story
from quizapp.generators.kinds import quote_attribution
from quizapp.generators.writing import quoted as quoted_words
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.text import contains_word, fold, sentences
from tests.generators.corpus import (
    SEED,
    evidence_is_article_text,
    key,
    quoted,
    the_one,
)

KIND = "quote_attribution"


def test_seed_questions_key_the_speaker_named_in_full_beside_the_whole_quote(seed_story, questions):
    seed = questions(seed_story)
    assert len(seed) >= 2
    for question in seed:
        evidence = " ".join(e.text for e in question.evidence)
        assert fold(quoted(question)) in fold(evidence), question
        # The full name the choice prints, in a passage of the article that quotes the words:
        # "Lin said" alone does not tell a student who Lin is.
        (quoting,) = {
            e.article for e in question.evidence if fold(quoted(question)) in fold(e.text)
        }
        own = " ".join(e.text for e in question.evidence if e.article == quoting)
        assert contains_word(own, key(question)), question


def test_a_surname_or_pronoun_tie_brings_the_sentence_that_introduces_the_speaker(
    seed_story, questions
):
    seed = questions(seed_story)
    # Zelensky is asked about once, for other words; the tie of these is read all the same.
    (quote,) = [q for q in StoryModel(seed_story).quotations.all
                if "someone gave any command" in q.text]
    assert quote.proof[0].text.startswith("Ukrainian President Volodymyr Zelensky has revealed")
    assert "stating" in quote.proof[-1].text
    question = the_one(seed, mentioning="major enabler of Russia")
    assert key(question) == "Tammy Bruce"
    first, last = question.evidence
    assert "spokesperson Tammy Bruce" in first.text and last.text.endswith("Bruce told reporters.")


def test_names_are_printed_as_the_quoting_outlet_spells_them(seed_story, questions):
    seed = questions(seed_story)
    spelled = {}
    for question in seed:
        outlets = {seed_story.article(e.article).outlet for e in question.evidence}
        assert len(outlets) == 1, question  # the seed names every key in its quoting article
        for choice in question.choices:
            if choice in ("Volodymyr Zelensky", "Volodymyr Zelenskyy"):
                spelled.setdefault(choice, set()).update(outlets)
        # One person is offered once, in one spelling.
        assert not {"Volodymyr Zelensky", "Volodymyr Zelenskyy"} <= set(question.choices)
    assert spelled.get("Volodymyr Zelensky", set()) <= {"The Moscow Times", "Paolo Bibat's blog"}
    assert spelled["Volodymyr Zelenskyy"] <= {"Dunya News", "Newszop", "Euromaidan Press"}
    question = the_one(seed, mentioning="ready to involve anyone in this war")
    assert (
        key(question) == "Volodymyr Zelenskyy"
        and "Newszop ties these words to Volodymyr Zelenskyy" in question.explanation
    )


def test_a_transliterated_name_keeps_each_outlets_spelling_in_choices_and_explanation():
    story = Story(
        "t",
        "t",
        (
            Article(
                "a",
                "North Wire",
                "Floods",
                "Governor Dmitri Valen visited the dam on Monday. "
                "\u201cThe spillway held through the night,\u201d Valen said.\n\n"
                "Engineer Lisa Marr said the river had peaked. \u201cThe water will drop by Thursday,\u201d Marr said.",
            ),
            Article(
                "b",
                "South Post",
                "Floods",
                "Governor Dmitry Valen flew over the valley on Monday. "
                "\u201cWe need boats, not speeches,\u201d Valen said.\n\n"
                "Mayor Ivo Brandt said the pumps failed. \u201cWe were told the pumps would hold for a week,\u201d Brandt said.",
            ),
        ),
    )
    questions = quote_attribution.write(StoryModel(story))
    # One person, asked about once, in the spelling of the outlet that quotes the words.
    (valen,) = [q for q in questions if key(q).endswith("Valen")]
    quoting = story.article(valen.evidence[0].article)
    assert key(valen) in quoting.text
    assert f"{quoting.outlet} ties these words to {key(valen)}" in valen.explanation
    other = "Dmitry" if "Dmitri" in key(valen) else "Dmitri"
    assert other not in valen.explanation
    for question in questions:
        # Every name in the quoting outlet's spelling, wrong answers too; one person offered once.
        quoting = story.article(question.evidence[0].article).text
        valen = [c for c in question.choices if c.endswith("Valen")]
        assert len(valen) <= 1 and all(c in quoting for c in valen), question


def test_a_full_name_only_another_outlet_prints_is_shown_as_a_second_passage():
    story = Story(
        "t",
        "t",
        (
            Article(
                "a",
                "North Wire",
                "Flood",
                "Governor Rhea Tamsin toured the flooded district of Orlin on Monday.\n\n"
                "Mayor Ivo Brandt said the pumps had failed. \u201cWe were told the pumps would hold for a week,\u201d "
                "Brandt said.\n\nEngineer Lisa Marr said the river had peaked. \u201cThe water will drop by "
                "Thursday,\u201d Marr said.",
            ),
            Article(
                "b",
                "South Post",
                "Flood",
                "Rescue boats reached Orlin on Monday.\n\n"
                "\u201cWe will rebuild every house on this street,\u201d Tamsin said.",
            ),
        ),
    )
    question = the_one(quote_attribution.write(StoryModel(story)), mentioning="rebuild every house")
    assert key(question) == "Rhea Tamsin"
    assert [(e.article, e.text) for e in question.evidence] == [
        ("b", "\u201cWe will rebuild every house on this street,\u201d Tamsin said."),
        ("a", "Governor Rhea Tamsin toured the flooded district of Orlin on Monday."),
    ]
    assert "North Wire gives the full name, Rhea Tamsin" in question.explanation


def test_seed_choices_are_full_names_never_a_bare_surname(seed_story, questions):
    seed = questions(seed_story)
    for question in seed:
        for choice in question.choices:
            others = [c for c in question.choices if c != choice]
            assert not any(
                len(choice.split()) == 1 and choice in other.split() for other in others
            ), question
    asked = {c for q in seed for c in q.choices}
    # People the seed names in full are offered in full, however the sentence shortens them.
    assert {"Lin Jian", "Tammy Bruce"} <= asked
    assert not {"Lin", "Bruce", "Kallas", "Zelensky", "Zelenskyy"} & asked


def test_wrong_answers_never_said_the_words_in_any_article(seed_story, questions, story):
    for s in (seed_story, story("bridge-closure")):
        for question in questions(s):
            words = fold(quoted(question))
            for index, choice in enumerate(question.choices):
                if index in question.answer:
                    continue
                surname = fold(choice.split()[-1])
                for article in s.articles:
                    for sentence in sentences(article.text):
                        if words in fold(sentence.text):
                            assert not re.search(
                                rf"\b{re.escape(surname)}\b", fold(sentence.text)
                            ), (choice, sentence.text)


def test_invented_story_keys(story, questions):
    bridge = questions(story("bridge-closure"))
    assert key(the_one(bridge, mentioning="three of the eight")) == "Nadia Okonkwo"
    assert key(the_one(bridge, mentioning="lose an hour every shift")) == "Ulla Sandvik"
    # "said:" introducing the quote, and a name followed by an age and a description
    assert key(the_one(bridge, mentioning="every morning for forty years")) == "Pedro Alvarenga"


def test_pronoun_tie_shows_the_sentence_that_names_the_speaker(story, questions):
    bridge = questions(story("bridge-closure"))
    question = the_one(bridge, mentioning="a date for the work by June")
    assert key(question) == "Tomasz Wierzbicki"
    assert question.evidence[0].text.startswith("Mayor Tomasz Wierzbicki")
    assert "he said" in question.evidence[-1].text


def test_quotes_the_text_does_not_tie_to_a_name_are_not_asked(story, questions):
    bridge = questions(story("bridge-closure"))
    prompts = " ".join(q.prompt for q in bridge)
    assert "well over ten million" not in prompts  # "a senior city official"
    assert "We will not be ignored" not in prompts  # "the spokesman", never named
    assert "safe to walk under" not in prompts  # "the engineer", not named in that article


def test_short_labels_are_left_to_label_attribution(story, questions):
    bridge = questions(story("bridge-closure"))
    prompts = " ".join(q.prompt for q in bridge)
    assert "bureaucratic panic" not in prompts
    assert "far too early" not in prompts


def test_silent_without_quotes(story):
    assert quote_attribution.write(StoryModel(story("quiet-library-vote"))) == []


def test_silent_when_only_one_speaker_is_quoted():
    text = "Mayor Ana Ruiz said the park would reopen. \u201cWe will plant two hundred trees this spring,\u201d Ruiz said."
    single = Story("one", "One", (Article("a", "Town Paper", "Park", text),))
    assert (
        quote_attribution.write(StoryModel(single)) == []
    )  # no other speakers to offer as wrong answers


def test_every_evidence_passage_is_exact_article_text(seed_story, questions, story):
    for s in (seed_story, story("bridge-closure")):
        for question in questions(s):
            assert evidence_is_article_text(s, question), question


def test_deterministic():
    assert quote_attribution.write(StoryModel(load_story(SEED))) == quote_attribution.write(
        StoryModel(load_story(SEED))
    )


def _harbour(
    director_b: str,
    union_intro: str = "Rosa Quell, a spokeswoman for the Dockers Union, said members would stay home.",
) -> Story:
    """Two outlets on one port closure; `director_b` is how the second names its port director."""
    return Story(
        "harbour",
        "Harbour",
        (
            Article(
                "a",
                "Coast Herald",
                "Harbour",
                "Port director Oskar Tsaryov closed the eastern quay on Friday. "
                "\u201cNo ship will dock until the crane is inspected,\u201d Tsaryov said.\n\n"
                f"{union_intro} \u201cWe will not unload a single crate under that crane,\u201d Quell said.\n\n"
                "The Dockers Union said in a statement that it had warned the port in March.",
            ),
            Article(
                "b",
                "Bay Times",
                "Harbour",
                f"Port director {director_b} said the quay would stay shut over the "
                f"weekend. \u201cWe owe the crews a safe berth before anything else,\u201d {director_b.split()[-1]} said.\n\n"
                "Engineer Milan Dudek said the crane had a cracked boom. \u201cThe crack runs the length of my arm,\u201d "
                "Dudek said.",
            ),
        ),
    )


def test_one_person_under_two_romanisations_of_the_surname_is_offered_once():
    # "Ts" and "C" (and a close "-yov"/"-yev") render one letter of another alphabet: same
    # first name, same post, one person, printed the way the quoting outlet prints it.
    for spelled in ("Oskar Caryov", "Oskar Caryev"):
        story = _harbour(spelled)
        questions = quote_attribution.write(StoryModel(story))
        # One person: asked about once, under the spelling of the outlet quoting him.
        (director,) = [q for q in questions if key(q) in ("Oskar Tsaryov", spelled)]
        assert key(director) in story.article(director.evidence[0].article).text
        for question in questions:
            directors = [c for c in question.choices if c.startswith("Oskar ")]
            assert len(directors) <= 1, question
            quoting = story.article(question.evidence[0].article).text
            assert all(c in quoting for c in directors), question


def test_different_first_names_keep_near_surnames_two_people():
    story = _harbour("Vera Caryov")
    questions = quote_attribution.write(StoryModel(story))
    berth = the_one(questions, mentioning="a safe berth")
    assert key(berth) == "Vera Caryov" and "Oskar Tsaryov" in berth.choices
    dock = the_one(questions, mentioning="No ship will dock")
    assert key(dock) == "Oskar Tsaryov" and "Vera Caryov" in dock.choices


def test_an_organisation_the_speaker_speaks_for_is_never_a_wrong_answer():
    for intro in (
        "Rosa Quell, a spokeswoman for the Dockers Union, said members would stay home.",
        "The Dockers Union's spokeswoman Rosa Quell said members would stay home.",
        "Rosa Quell, a docker, said members would stay home. Quell of the Dockers Union "
        "has called the closure overdue.",
    ):
        questions = quote_attribution.write(StoryModel(_harbour("Oskar Caryov", intro)))
        crate = the_one(questions, mentioning="a single crate")
        assert key(crate) == "Rosa Quell", intro
        # A person's words are offered against people only: no body is a choice.
        assert all("Dockers Union" not in q.choices for q in questions), intro


def _water(errol_intro: str) -> Story:
    """A water outage: a utility, its chief executive (introduced by `errol_intro`), a farmer
    and two people of the council, each quoted."""
    return Story(
        "water",
        "Water",
        (
            Article(
                "a",
                "Fenmoor Post",
                "Water",
                "Brenna Valley Network, which supplies 40 towns, said on Monday that \u201cup to 9,000 "
                "homes\u201d could lose water this week.\n\n"
                f"{errol_intro} said crews were working through the night. \u201cNo household will be "
                "left without drinking water,\u201d Errol said.\n\n"
                "Farmer Ida Sorn said her cattle troughs were already dry. \u201cI have been hauling "
                "water by hand since Saturday,\u201d Sorn said.\n\n"
                "Councillor Piet Aalders of the Fenmoor Council said the outage was avoidable. "
                "\u201cThis pipe was due for replacement ten years ago,\u201d Aalders said.",
            ),
            Article(
                "b",
                "Marsh Courier",
                "Water",
                "Engineer Lise Holm of the Fenmoor Council said the burst main was the oldest in the "
                "county. \u201cThe main was laid before my grandfather was born,\u201d Holm said. Brenna "
                "Valley Network said \u201cthe old mains will all be replaced by 2030\u201d.",
            ),
        ),
    )


def test_a_quoted_figure_is_not_a_statement_to_attribute():
    assert quoted_words.mostly_figure("up to 9,000 homes")
    assert not quoted_words.mostly_figure("many more Chinese citizens")  # no number at all
    assert not quoted_words.mostly_figure("the old mains will all be replaced by 2030")
    questions = quote_attribution.write(StoryModel(_water("Chief executive Tomas Errol")))
    assert not [q for q in questions if "9,000" in q.prompt]


def test_an_organisation_and_its_officer_are_never_wrong_answers_for_each_other():
    for intro in (
        "Chief executive Tomas Errol",  # a bare role: whose chief executive is unclear
        "Tomas Errol, chief executive of Brenna Valley Network,",
    ):
        questions = quote_attribution.write(StoryModel(_water(intro)))
        errol = the_one(questions, mentioning="No household")
        assert key(errol) == "Tomas Errol" and "Brenna Valley Network" not in errol.choices, intro
        # People the story places elsewhere stay honest wrong answers for his words.
        assert {"Piet Aalders", "Lise Holm"} & set(errol.choices), intro
        # A body's words may be offered against people, never its own officer.
        network = the_one(questions, mentioning="replaced by 2030")
        assert key(network) == "Brenna Valley Network" and "Tomas Errol" not in network.choices
        assert {"Piet Aalders", "Lise Holm"} <= set(network.choices), intro


def test_a_surname_written_with_and_without_its_space_is_one_person_not_a_wrong_answer():
    # The Harbour Gazette writes "Vandamme", the Coast Courier "Van Damme": offering one as wrong
    # when the other is the key would mark a student wrong for naming the right person.
    from pathlib import Path

    from quizapp.generators import load_story
    from quizapp.generators.kinds import quote_attribution as kind

    story = load_story(Path(__file__).parents[2] / "browser" / "data")
    questions = kind.write(StoryModel(story))
    assert questions, "three speakers and five quotes: there are questions to ask"
    for question in questions:
        names = {choice.text if hasattr(choice, "text") else choice for choice in question.choices}
        assert not {"Pieter Vandamme", "Pieter Van Damme"} <= names, question.prompt


def test_on_every_real_story_the_evidence_names_the_key_and_no_wrong_answer_said_the_words():
    from bench.quality import story_folders

    for folder in story_folders():
        model = StoryModel(load_story(folder))
        for question in quote_attribution.write(model):
            words = quoted(question)
            evidence = " ".join(e.text for e in question.evidence)
            assert fold(words) in fold(evidence), question.prompt
            speaker = model.entities.find(key(question))
            assert speaker is not None, question.prompt
            assert any(contains_word(evidence, form) for form in speaker.full_forms())
            credited = model.quotations.credited_with(words)
            for index, choice in enumerate(question.choices):
                if index not in question.answer:
                    other = model.entities.find(choice)
                    assert other is not None and other.key not in credited, (choice, words)
                    assert not model.entities.affiliated(other.key, speaker.key), (choice, words)


def _layoffs(extra: str = "") -> Story:
    """A chief executive's memo, an analyst, a union leader, and two companies' statements."""
    return Story(
        "layoffs",
        "Layoffs",
        (
            Article(
                "a",
                "North Wire",
                "Cuts",
                "Chief executive Ada Brun wrote to staff on Friday. \u201cI have hard news to share "
                "about our plans,\u201d Brun wrote.\n\n"
                "Analyst Rui Sato said the cuts were overdue. \u201cThe sector hired far too fast "
                "last year,\u201d Sato said.\n\n"
                "Kell Group said in a statement that \u201cthe savings will fund new stores\u201d. "
                "Tarn Bank said \u201cour staff numbers will not change this year\u201d." + extra,
            ),
        ),
    )


def test_a_persons_words_are_never_offered_against_a_body():
    # Only one other person is quoted: Brun's memo against two companies would be a question
    # nobody gets wrong, so it is not asked.
    questions = quote_attribution.write(StoryModel(_layoffs()))
    assert not [q for q in questions if "hard news" in q.prompt]
    for question in questions:
        if key(question) not in ("Kell Group", "Tarn Bank") and question.confidence >= 0.7:
            assert not {"Kell Group", "Tarn Bank"} & set(question.choices)
    # With a third person quoted, the memo has two plausible wrong speakers.
    extra = ("\n\nUnion leader Olga Pavic said members were shocked. \u201cNobody saw this "
             "coming,\u201d Pavic said.")
    questions = quote_attribution.write(StoryModel(_layoffs(extra)))
    memo = the_one(questions, mentioning="hard news")
    assert key(memo) == "Ada Brun"
    assert set(memo.choices) == {"Ada Brun", "Rui Sato", "Olga Pavic"}


def test_words_naming_the_only_speaker_of_their_side_are_not_asked():
    text = (
        "Veldian Foreign Ministry spokesman Ivo Marek spoke on Monday. \u201cThe Veldian side is checking "
        "every report with its neighbours,\u201d Marek said.\n\n"
        "Envoy Lena Holt said talks would go on. \u201cWe expect an answer within a week,\u201d "
        "Holt said.\n\n"
        "Senator Paul Grie said the border stayed open. \u201cTrade has not stopped for a single "
        "day,\u201d Grie said."
    )
    story = Story("side", "Side", (Article("a", "Wire", "Talks", text),))
    questions = quote_attribution.write(StoryModel(story))
    assert not [q for q in questions if "Veldian side" in q.prompt]
    assert questions  # the others' words are asked about


def test_each_speaker_is_keyed_once(story, questions):
    for s in (story("bridge-closure"), story("unseen-port-strike")):
        keyed = [key(q) for q in questions(s)]
        assert len(keyed) == len(set(keyed)), keyed


def test_a_quote_left_open_where_a_cut_off_text_stops_is_not_asked():
    text = (
        "Mayor Ana Ruiz visited the dam. \u201cThe spillway held all night,\u201d Ruiz said.\n\n"
        "Engineer Lars Berg said the river had peaked. \u201cThe water will drop by Thursday,\u201d "
        "Berg said.\n\n"
        "Farmer Ida Sorn said her fields were lost. \u201cWe had sown every acre in April, and now"
    )
    story = Story("cut", "Cut", (Article("a", "Wire", "Dam", text),))
    questions = quote_attribution.write(StoryModel(story))
    assert not [q for q in questions if "every acre" in q.prompt]


def test_with_one_other_person_quoted_a_body_fills_the_choices_for_review_only():
    questions = quote_attribution.write(StoryModel(_layoffs()))
    sector = the_one(questions, mentioning="hired far too fast")
    assert key(sector) == "Rui Sato" and "Ada Brun" in sector.choices
    assert sector.confidence < 0.7 and sector.reasons  # a teacher decides, not the class
    # Words only a person says ("I have hard news") never get a body among their choices.
    assert not [q for q in questions if "hard news" in q.prompt]


def test_the_main_actors_words_against_passers_by_go_to_review():
    """A body every outlet quotes, against people one article names in passing (a ferry
    passenger, a shopkeeper): nobody would weigh them for the body's words, so a teacher decides."""
    operator = ("Kestrel Lines said \u201cthe engine fault was found during a routine check\u201d "
                "and cancelled the crossings.")
    story = Story("ferry", "Ferry", (
        Article("a", "Fenmoor Post", "Ferry", operator + "\n\nPassenger Ida Sorn said: "
                "\u201cWe waited four hours on the quay with our children.\u201d"),
        Article("b", "Marsh Courier", "Ferry", operator + "\n\nShopkeeper Piet Aalders said: "
                "\u201cThe harbour has been empty all week.\u201d"),
        Article("c", "Hill Times", "Ferry", operator),
        Article("d", "Valley Wire", "Ferry", operator),
    ))
    question = the_one(quote_attribution.write(StoryModel(story)), mentioning="engine fault")
    assert key(question) == "Kestrel Lines"
    assert question.confidence < 0.7 and question.reasons


def test_the_explanation_says_truly_who_quotes_more_and_who_less():
    """An outlet printing the asked words at more length is never said to quote "part of
    them": the explanation is true of every outlet it names."""
    story = Story("court", "Ten years for fraud", (
        Article("a", "North Wire", "Ten years", "Ten years for fraud\n\n\u201cI am deeply sorry "
                "for what happened to the savers,\u201d banker Sam Lee said. "
                "\u201cWe will appeal,\u201d lawyer Rui Sol said. \u201cIt was a fair trial,\u201d "
                "prosecutor Ivo Tam said."),
        Article("b", "South Post", "Prison", "Prison for banker\n\n\u201cI am deeply sorry for "
                "what happened to the savers, and to my own staff, at every stage,\u201d banker "
                "Sam Lee told the court. \u201cThe sentence is too harsh,\u201d Rui Sol said."),
    ))
    question = the_one(quote_attribution.write(StoryModel(story)),
                       lambda q: "deeply sorry" in q.prompt)
    assert "part of them" not in question.explanation
    assert "South Post quotes them at more length" in question.explanation


def test_a_name_one_outlet_misspells_by_a_letter_is_one_person_shown_as_most_spell_it():
    # "Gov. Wes Moor" in one outlet, "Gov. West Moor" in another: a typo. Offering "Wes Moor"
    # as the wrong answer to "West Moor"'s words would mark a true choice false.
    story = Story("bridge", "Bridge", (
        Article("a", "Harbour Post", "Bridge", "Gov. West Moor said at dawn that \u201cthe "
                "evidence points to an accident.\u201d Fire chief Ida Lenk said divers were "
                "searching. \u201cWe will not stop tonight,\u201d Lenk said."),
        Article("b", "Bay Times", "Bridge", "Gov. Wes Moor praised the crews. \u201cThese "
                "people are heroes,\u201d Moor said. Mayor Tom Brandt said the port would close."
                " \u201cThe port is shut until further notice,\u201d Brandt said."),
        Article("c", "City Wire", "Bridge", "Gov. Wes Moor declared an emergency. Pilot Ana "
                "Rees said the ship had lost power. \u201cThe lights went out twice,\u201d Rees "
                "said."),
        Article("d", "Evening Star", "Bridge", "Gov. Wes Moor met the families on Tuesday."),
    ))
    questions = quote_attribution.write(StoryModel(story))
    accident = the_one(questions, mentioning="points to an accident")
    assert key(accident) == "Wes Moor"
    assert "West Moor" in accident.explanation and "misspells" in accident.explanation
    assert not any("West Moor" in q.choices for q in questions)
    assert not any({"Wes Moor", "West Moor"} <= set(q.choices) for q in questions)


def test_words_about_the_speaker_in_the_third_person_go_to_review():
    # "Reed wrote that “he will say more next week”": the outlet's paraphrase in quotation
    # marks, not the speaker's own words.
    extra = ("\n\nUnion leader Olga Pavic said members were shocked. \u201cNobody saw this "
             "coming,\u201d Pavic said.\n\nMayor Tom Reed wrote on social media that \u201che "
             "will say more about the empty stores next week\u201d.")
    questions = quote_attribution.write(StoryModel(_layoffs(extra)))
    (paraphrase,) = [q for q in questions if "he will say more" in q.prompt]
    assert key(paraphrase) == "Tom Reed" and paraphrase.confidence < 0.7
    assert any(q.confidence >= 0.7 for q in questions)  # the others are asked as before


def _final(extra_b: str = "") -> Story:
    """One speaker quoted; players and a coach named with titles in both articles; a cup final
    named like a person."""
    a = ("Goalkeeper Tomas Vell saved two penalties as Norland won the Harbour Cup on Sunday. "
         "Striker Ilo Brant scored twice and coach Pia Dorn watched from the bench.\n\n"
         "Prime Minister Sara Holm praised the team. \u201cThis country has waited forty years "
         "for a night like this one,\u201d Holm said.")
    b = ("Norland beat Sutheria on penalties in the Harbour Cup. Goalkeeper Tomas Vell was the "
         "hero and striker Ilo Brant scored twice, while coach Pia Dorn said little.\n\n"
         "Prime Minister Sara Holm said the team had united the nation." + extra_b)
    return _two_outlets("Cup", a, b)


def _two_outlets(title: str, a: str, b: str) -> Story:
    """A story of two articles, North Wire's `a` and South Post's `b`."""
    return Story(title.lower(), title, (Article("a", "North Wire", title, a),
                                        Article("b", "South Post", title, b)))


def test_a_lone_speakers_words_are_asked_against_people_the_story_names_but_never_quotes():
    (question,) = quote_attribution.write(StoryModel(_final()))
    assert key(question) == "Sara Holm"
    assert set(question.choices) == {"Sara Holm", "Tomas Vell", "Ilo Brant", "Pia Dorn"}
    assert question.confidence >= 0.7
    assert "named in the story but quoted nowhere" in " ".join(question.reasons)


def test_no_one_is_offered_for_words_another_printing_credits_to_nobody():
    # South Post prints the same words with no speaker: whose they are is not certain there.
    uncredited = ("\n\n\u201cThis country has waited forty years for a night like this one,\u201d "
                  "the banner read.")
    assert quote_attribution.write(StoryModel(_final(uncredited))) == []


def test_the_dead_are_never_offered_as_speakers_but_officials_speaking_of_them_are():
    a = ("A ferry sank off Selmar on Monday. The victims were identified as engineer Carl Voss "
         "and teacher Mia Lund.\n\n"
         "Harbour master Ivo Marek said divers worked through the night. \u201cWe will not stop "
         "until every family has answers,\u201d Marek said.\n\n"
         "Speaking of the victims, Mayor Lena Holt said the town was in shock. \u201cThe town will "
         "grieve together,\u201d Holt said.\n\n"
         "Coastguard chief Paul Grie gave an update. \u201cThe wreck lies in forty metres of "
         "water,\u201d Grie said.")
    b = ("Engineer Carl Voss and teacher Mia Lund died when the ferry sank off Selmar.\n\n"
         "Harbour master Ivo Marek and Mayor Lena Holt visited the quay on Tuesday.")
    story = Story("ferry", "Ferry", (Article("a", "North Wire", "Ferry", a),
                                     Article("b", "South Post", "Ferry", b)))
    questions = quote_attribution.write(StoryModel(story))
    assert questions
    offered = {c for q in questions for c in q.choices}
    assert not offered & {"Carl Voss", "Mia Lund"}
    assert "Lena Holt" in offered


def _quake(extra_b: str = "") -> Story:
    """Officials quoted in two articles, and a resident's plea in one."""
    a = ("President Lena Holt spoke from the capital. \u201cWe will rebuild every town,\u201d "
         "Holt said.\n\n"
         "Governor Ivo Marek toured the coast. \u201cThe roads north are still cut,\u201d Marek "
         "said.\n\n"
         "\u201cPlease find my grandson, he was on the fourth floor,\u201d a weeping Dilan Sarp "
         "pleaded beside the ruins.")
    b = ("President Lena Holt declared a week of mourning. Governor Ivo Marek asked for tents.\n\n"
         "Alliance chief Paul Grie promised aid. \u201cPlanes will land by morning,\u201d Grie "
         "said. Paul Grie spoke in Brussels." + extra_b)
    return _two_outlets("Quake", a, b)


def test_a_private_persons_words_among_officials_only_go_to_review():
    # A grandmother's plea against a president, a governor and an alliance chief: the words'
    # tone gives the answer away, whatever the story says.
    plea = the_one(quote_attribution.write(StoryModel(_quake())), mentioning="my grandson")
    assert key(plea) == "Dilan Sarp"
    assert plea.confidence < 0.7
    assert "only private person" in " ".join(plea.reasons)


def test_a_private_persons_words_are_offered_with_another_private_person():
    # A second ordinary voice, named in one article only, is taken before the officials the
    # story names more often, so the key is no longer alone of its sort.
    extra = ("\n\nKemal Ozan, a resident of the old town, said he slept in his car. \u201cThe "
             "cold at night is the worst of it,\u201d Ozan said.")
    questions = quote_attribution.write(StoryModel(_quake(extra)))
    plea = the_one(questions, mentioning="my grandson")
    assert "Kemal Ozan" in plea.choices, plea
    assert not any("only private person" in reason for reason in plea.reasons)


def test_a_private_persons_words_in_one_outlet_only_go_to_review():
    """A passer-by's colour quote printed by one outlet has no claim or credit to check: blind
    graders called every such question trivia (an attendee, two residents of a quake zone)."""
    extra = ("\n\nKemal Ozan, a resident of the old town, said he slept in his car. \u201cThe "
             "cold at night is the worst of it,\u201d Ozan said.")
    questions = quote_attribution.write(StoryModel(_quake(extra)))
    cold = the_one(questions, mentioning="cold at night")
    assert key(cold) == "Kemal Ozan" and cold.confidence < 0.7
    assert any("one outlet only" in reason for reason in cold.reasons)
    official = the_one(questions, mentioning="Planes will land")
    assert official.confidence >= 0.7


def _transit() -> Story:
    """A transit body under two names: its acronym signs a post as "Metro (@hata)"."""
    a = ("The Harbour Area Transit Authority (HATA) said 90,000 people rode the trains by noon. "
         "Mayor Lena Holt said the march was peaceful. \u201cThe city has never been so full,"
         "\u201d Holt said.")
    b = ("The city\u2019s Metro warned that \u201cstations and trains are very crowded.\u201d\n"
         "Ridership at noon: 90k, more than a usual weekday.\u2014 Metro (@hata) May 3\n"
         "The Ferry Board said \u201cevery crossing runs twice an hour today\u201d. The Port Office "
         "said \u201cthe quay is closed to cars until evening\u201d.")
    return _two_outlets("March", a, b)


def test_a_bodys_short_name_and_its_full_name_are_never_key_and_wrong_answer():
    questions = quote_attribution.write(StoryModel(_transit()))
    crowded = the_one(questions, mentioning="very crowded")
    assert key(crowded) == "Harbour Area Transit Authority"
    assert "Metro" not in crowded.choices
    # The explanation names the body as the evidence prints it.
    assert "ties these words to Metro (the Harbour Area Transit Authority)" in crowded.explanation


def test_a_bodys_words_among_people_only_go_to_review():
    # A company's statement against three people: the one body among the choices stands out.
    text = ("Analyst Rui Sato said the cuts were overdue. \u201cThe sector hired far too fast "
            "last year,\u201d Sato said.\n\n"
            "Union leader Olga Pavic said members were shocked. \u201cNobody saw this coming,"
            "\u201d Pavic said.\n\n"
            "Mayor Tom Reed said the town would help. \u201cWe will find the families new work,"
            "\u201d Reed said.\n\n"
            "Kell Group said in a statement that \u201cthe savings will fund new stores\u201d.")
    story = Story("cuts", "Cuts", (Article("a", "North Wire", "Cuts", text),))
    statement = the_one(quote_attribution.write(StoryModel(story)), mentioning="new stores")
    assert key(statement) == "Kell Group" and statement.confidence < 0.7
    assert "only body" in " ".join(statement.reasons)
