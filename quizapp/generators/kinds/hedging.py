"""Hedging: how an outlet presents a statement, as unconfirmed ("reportedly", "purporting to",
"appeared to") or as established fact, proven by the hedge word in the sentence or by a
paragraph with no hedge, no source and no quotation."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators import gate as verify
from quizapp.generators.kinds.numbers import attributed_in_article
from quizapp.generators.kinds.sourcing import has_reporting_verb, may_credit_someone
from quizapp.generators.model import Article, Evidence, Question, Story
from quizapp.generators.reading.details import (
    figures,
    has_quotation,
    has_speech_verb,
    hedges_in,
    paragraph_of,
    phrase_pattern,
    prose_sentences,
    unquoted,
)
from quizapp.generators.reading.text import Sentence, fold, quotations, word_list, word_set
from quizapp.generators.writing.outlets import Outlet, choice_question, story_outlets

KIND = "hedging"
SKILL = "hedging"
MAX_HEDGED = 4
MAX_FLAT = 2

HEDGED = "As unconfirmed: the outlet signals it has not verified it"
FLAT = "As established fact, with no hedge or source"
QUOTED = "As a direct quotation from someone in the story"
CHOICES = (HEDGED, FLAT, QUOTED)


# Where a compound sentence joins independent clauses: ", but", ", and", ", while", "; ".
_CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|whereas|yet)\s+|;\s+")
MIN_CLAUSE_WORDS = 4  # shorter pieces are list items ("Kyiv, Lviv, and Odesa"), not clauses


def _shown(passage: str, whole: str) -> str:
    """The passage as the prompt quotes it: "…" where it starts inside its sentence or breaks
    off at a line break."""
    text = passage.strip()
    if not whole.strip().startswith(text):
        text = "\u2026" + text
    return text if text.endswith((".", "!", "?")) else text + "\u2026"


def hedged_clause(sentence_text: str, hedge: str) -> str | None:
    """The part of a sentence a hedge covers: the whole sentence, or in a compound sentence
    ("No one was hurt, but the ferry reportedly sank") only the clause holding the hedge, since
    the other clauses are stated as fact. None when the hedge sits in several clauses or the
    pieces are too short to be clauses (a list), so no clean clause can be quoted."""
    pieces, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence_text):
        pieces.append(sentence_text[start:m.start()])
        start = m.end()
    pieces.append(sentence_text[start:])
    if len(pieces) == 1:
        return sentence_text
    if any(len(p.split()) < MIN_CLAUSE_WORDS for p in pieces):
        return None
    hedged = [p for p in pieces if hedge in hedges_in(p, "unverified")]
    if len(hedged) != 1 or fold(hedged[0].split()[0]) in word_set("pronouns"):
        return None  # "..., but it reportedly sank": the clause alone does not say what sank
    return hedged[0].strip()


@lru_cache(maxsize=1)
def _opinion_pattern() -> re.Pattern[str] | None:
    return phrase_pattern(list(word_list("opinion_words")))


_PAST_TENSE_SUBJECT = re.compile(
    r"(?<![\w\-])(?P<name>(?:[A-Z][\w\-'\u2019.]*\s+){1,4})(?:(?:has|had|have)\s+)?(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]+ed|(?<=has )[a-z]+|(?<=had )[a-z]+|(?<=have )[a-z]+)\b")


def _named_subject_acts(text: str) -> bool:
    """A named person, place or body does something in the past tense: "Moscow launched",
    "The Red Cross opened", "China has provided". Capitalised openers ("The situation
    underscores") name no one."""
    for m in _PAST_TENSE_SUBJECT.finditer(text):
        words = [fold(w) for w in m.group("name").split()]
        while words and (words[0] in word_set("name_stopwords") or words[0] in word_set("sentence_openers")
                         or words[0] in word_set("pronouns")):
            words.pop(0)
        if words and not all(w in word_set("calendar_words") for w in words):
            return True
    return False


def is_checkable(text: str) -> bool:
    """A statement a reader could check, not the writer's reading of events: it carries a number,
    a day, month or year, a named subject acting in the past tense or another name, and no word of evaluation
    or analysis (opinion_words.txt: "underscores", "growing concerns", "remains")."""
    opinion = _opinion_pattern()
    if opinion and opinion.search(fold(text)):
        return False
    days = set(re.findall(r"[a-z]+", fold(text))) & word_set("calendar_words")
    return bool(re.search(r"\d", text)) or bool(days) or _named_subject_acts(text) or _names_inside(text)


def _names_inside(text: str) -> bool:
    """A capitalised word past the sentence's first word, so a name rather than the sentence's
    capital: "near the Marrow bridge". Pronouns ("I") and days are no names."""
    for m in re.finditer(r"(?<=\s)[A-Z][\w\-'\u2019]*", text.strip()):
        word = re.sub(r"'s$", "", fold(m.group()))
        if word not in word_set("pronouns") and word not in word_set("calendar_words") \
                and word not in word_set("name_stopwords"):
            return True
    return False


def hedged_sentences(article: Article) -> list[tuple[Sentence, str]]:
    """(sentence, its first "unverified" hedge) for sentences that hedge in the outlet's own
    voice and quote no one, so "as a direct quotation" is plainly wrong."""
    found = []
    for sentence in prose_sentences(article.text):
        if has_quotation(article.text, sentence):
            continue
        hedges = hedges_in(unquoted(article.text, sentence), "unverified")
        if hedges:
            found.append((sentence, hedges[0]))
    return found


def flat_sentences(article: Article) -> list[Sentence]:
    """Sentences stated as fact: their whole paragraph has no hedge of any strength, no verb of
    speech or reporting ("said", "according to", "recorded", "estimated", "put ... at"), no credit
    to an agency or outlet, and no quotation; and no figure of theirs is credited to someone
    elsewhere in the article ("The premier gave the evacuation figure")."""
    found = []
    for sentence in prose_sentences(article.text):
        paragraph = paragraph_of(article.text, sentence)
        start = article.text.rfind("\n", 0, sentence.start) + 1
        quoted = any(q.start < start + len(paragraph) and start < q.end for q in quotations(article.text))
        if hedges_in(paragraph) or has_reporting_verb(paragraph) or quoted or may_credit_someone(paragraph) \
                or re.search(r"[\"\u201c\u201d\u201e\u00ab\u00bb]", paragraph):
            continue
        if any(f.sentence == sentence and attributed_in_article(article, f) for f in figures(article)):
            continue
        found.append(sentence)
    return found


def _question(story: Story, outlet: Outlet, article: Article, sentence: Sentence, key: str,
              explanation: str, passage: str | None = None) -> Question | None:
    """The question on `passage` (the sentence, or the clause of it that a hedge covers)."""
    passage = passage or sentence.text
    prompt = f"How does {outlet.name} present this statement? \u201c{_shown(passage, sentence.text)}\u201d"
    question = choice_question(KIND, SKILL, prompt, [key], [c for c in CHOICES if c != key],
                               explanation, [Evidence(article.id, passage)])
    return question if verify.is_sound(question, story) else None


_REPORTED_THAT = re.compile(r"(?<![\w\-])(?P<verb>[a-z]+)\s+that(?![\w])")


def _reported_before_hedge(passage: str, hedge: str) -> bool:
    """Whether a verb of speech ("said", "told"), "according to", or a reporting verb opening
    indirect speech ("estimated that") comes before the hedge: the hedge then sits in someone's
    reported words, not in the outlet's own voice. A reporting verb with an object ("released a
    video purporting to show") leaves the hedge the outlet's."""
    folded = fold(passage)
    at = folded.find(fold(hedge))
    before = folded[:at] if at >= 0 else folded
    return has_speech_verb(before) or any(
        has_reporting_verb(m.group("verb")) for m in _REPORTED_THAT.finditer(before))


def _round_robin(per_outlet: list[list]) -> list:
    """Items taken one outlet at a time, so the questions spread over the outlets."""
    order = []
    for depth in range(max((len(items) for items in per_outlet), default=0)):
        order.extend(items[depth] for items in per_outlet if depth < len(items))
    return order


def generate(story: Story) -> list[Question]:
    outlets = story_outlets(story)
    if not outlets:
        return []
    hedged_per_outlet = [[(o, a, s, h) for a in o.articles for s, h in hedged_sentences(a)] for o in outlets]
    questions = []
    for outlet, article, sentence, hedge in _round_robin(hedged_per_outlet):
        if len(questions) >= MAX_HEDGED:
            break
        # The proof: the hedge stands in the sentence, outside any quotation.
        if hedge not in hedges_in(unquoted(article.text, sentence), "unverified"):
            continue
        passage = hedged_clause(sentence.text, hedge)
        if passage is None or hedge not in hedges_in(passage, "unverified"):
            continue
        if _reported_before_hedge(passage, hedge):
            continue  # "X said the move appeared to ...": the hedge is X's, not the outlet's
        explanation = (f"\u201c{hedge}\u201d marks the statement as unconfirmed: {outlet.name} passes "
                       f"it on without vouching for it. Notice such hedges before repeating a claim as fact.")
        question = _question(story, outlet, article, sentence, HEDGED, explanation, passage)
        if question:
            questions.append(question)
    if not questions:
        return []  # fact-keyed questions only balance hedged ones; alone they teach nothing
    # Flat sentences with a figure first: numbers stated as fact are the ones worth checking.
    flat_per_outlet = [[(o, a, s) for a in o.articles for s in sorted(
        flat_sentences(a), key=lambda s: (not any(f.sentence == s for f in figures(a)), s.start))]
        for o in outlets]
    flat = 0
    for outlet, article, sentence in _round_robin(flat_per_outlet):
        if flat >= MAX_FLAT:
            break
        explanation = (f"{outlet.name} states this in its own voice: the paragraph has no hedge, no "
                       f"source and no quotation. Statements like this rest on the outlet's own word.")
        if hedges_in(paragraph_of(article.text, sentence)) or has_reporting_verb(sentence.text):
            continue
        if not is_checkable(sentence.text):
            continue  # the writer's analysis or opinion: calling it "established fact" blurs the two
        question = _question(story, outlet, article, sentence, FLAT, explanation)
        if question:
            questions.append(question)
            flat += 1
    return questions
