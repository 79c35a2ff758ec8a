"""Hedging: how an outlet presents a statement, as unconfirmed ("reportedly", "purporting to",
"appeared to") or as established fact, proven by the hedge word in the sentence or by a
paragraph with no hedge, no source and no quotation."""
from __future__ import annotations

import re

from quizapp.generators import verify
from quizapp.generators.details import (
    figures, has_quotation, hedges_in, paragraph_of, prose_sentences, unquoted,
)
from quizapp.generators.model import Article, Evidence, Question, Story
from quizapp.generators.outlets import Outlet, choice_question, story_outlets
from quizapp.generators.numbers import attributed_in_article
from quizapp.generators.sourcing import has_reporting_verb, may_credit_someone
from quizapp.generators.text import Sentence, quotations

KIND = "hedging"
SKILL = "hedging"
MAX_HEDGED = 4
MAX_FLAT = 2

HEDGED = "As unconfirmed: the outlet signals it has not verified it"
FLAT = "As established fact, with no hedge or source"
QUOTED = "As a direct quotation from someone in the story"
CHOICES = (HEDGED, FLAT, QUOTED)


def _shown(sentence: Sentence) -> str:
    """The sentence as the prompt quotes it; a sentence broken by a line break ends in "…"."""
    text = sentence.text.strip()
    return text if text.endswith((".", "!", "?")) else text + "\u2026"


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
              explanation: str) -> Question | None:
    prompt = f"How does {outlet.name} present this statement? \u201c{_shown(sentence)}\u201d"
    question = choice_question(KIND, SKILL, prompt, [key], [c for c in CHOICES if c != key],
                               explanation, [Evidence(article.id, sentence.text)])
    return question if verify.is_sound(question, story) else None


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
        explanation = (f"\u201c{hedge}\u201d marks the statement as unconfirmed: {outlet.name} passes "
                       f"it on without vouching for it. Notice such hedges before repeating a claim as fact.")
        question = _question(story, outlet, article, sentence, HEDGED, explanation)
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
        question = _question(story, outlet, article, sentence, FLAT, explanation)
        if question:
            questions.append(question)
            flat += 1
    return questions
