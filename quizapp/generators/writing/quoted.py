"""Quotations sure enough to ask about, grouped by statement: the rules quote_attribution grew
(a speaker who speaks, not an outlet or a report; not a caption, a continued paragraph, a quote
left open where a cut-off text stops, a quoted count; words that do not name their own speaker),
shared with quote_matching so both ask only what is surely attributed."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from quizapp.generators.reading.names import name_tokens
from quizapp.generators.reading.quotations import Quotation, same_remark, wording
from quizapp.generators.reading.text import words

MIN_WORDS = 4  # fewer quoted words are a label or a phrase, asked by label_attribution
SIDE_PARAGRAPH = 7  # past this, a voice no other article names is a side remark


@dataclass
class Statement:
    """One speaker's words, as every outlet that quotes them prints them."""

    speaker: str
    quotes: list[Quotation]
    others: set[str]  # other speakers some outlet credits with the same words

    @property
    def outlets(self) -> set[str]:
        return {q.article for q in self.quotes}


def side_remark(model, statement: Statement) -> bool:
    """Words of someone only one article names, deep in it and printed by no other outlet: a
    side voice ("a retiree said"), not a main actor of the story."""
    entity = model.entities.get(statement.speaker)
    chosen = best(model, statement)
    return (
        entity is not None
        and len(entity.articles) == 1
        and len(statement.outlets) == 1
        and paragraph(model, chosen) > SIDE_PARAGRAPH
    )


def names_itself(model, quote: Quotation) -> bool:
    """ "The Court of Justice gives final judgment...", said the court: words naming their own
    speaker give the answer away."""
    speaker = model.entities.get(quote.speaker)
    named = set(name_tokens(quote.text))
    return any(set(name_tokens(form)) <= named for form in speaker.forms if name_tokens(form))


def askable(model, quote: Quotation) -> bool:
    """A quotation worth asking about: tied to someone who speaks (not an outlet that reports,
    not "according to" a report), not in a caption, long enough to be a statement."""
    speaker = model.entities.get(quote.speaker) if quote.speaker else None
    return (
        speaker is not None
        and not speaker.outlet
        and quote.verb != "according to"
        and not quote.caption
        and not quote.continued
        and not left_open(model, quote)
        and quote.word_count >= MIN_WORDS
        and not mostly_figure(quote.text)
    )


def left_open(model, quote: Quotation) -> bool:
    """A quote still open where a cut-off text stops: its words, and its speaker's next
    sentence, are lost with the rest of the page."""
    reading = model.article(quote.article)
    return not reading.complete and not reading.text[quote.words.end:].strip(" \n\u201d\"")


def mostly_figure(text: str) -> bool:
    """ "up to 870,000 patients": a quoted count, not a statement anyone could be asked about."""
    found = words(text)
    figures = [w for w in found if re.search(r"\d", w)]
    return bool(figures) and len(found) - len(figures) < 4


def statements(model) -> list[Statement]:
    """Quotations grouped by speaker and words: the same statement printed by several outlets,
    cut, whole or reworded, is one. Labels a speaker applied are left to label_attribution.
    Each distinct wording is compared once, so many outlets printing the same words cost
    little."""
    labels: dict[str, list[Quotation]] = defaultdict(list)
    for label in model.quotations.labels:
        if label.speaker:
            labels[label.speaker].append(label.quotation)
    groups: list[Statement] = []
    by_wording: dict[tuple[str, tuple[str, ...]], Statement] = {}
    shown: dict[int, list[str]] = defaultdict(list)  # group -> its distinct wordings
    for quote in model.quotations.all:
        if not askable(model, quote) or names_itself(model, quote) or any(
                same_remark(label.text, quote.text) for label in labels[quote.speaker]):
            continue
        slot = (quote.speaker, wording(quote.text))
        home = by_wording.get(slot) or next(
            (g for g in groups if g.speaker == quote.speaker
             and any(same_remark(quote.text, text) for text in shown[id(g)])), None)
        if home is None:
            home = Statement(quote.speaker, [], set())
            groups.append(home)
        if slot not in by_wording:
            shown[id(home)].append(quote.text)
        by_wording[slot] = home
        home.quotes.append(quote)
    groups = by_paragraph(model, groups)
    for group in groups:
        for text in {q.text for q in group.quotes}:
            group.others |= {q.speaker for q in model.quotations.printings(text)
                             if q.speaker and q.speaker != group.speaker}
    return groups


def by_paragraph(model, groups: list[Statement]) -> list[Statement]:
    """One speaker's quotes in one paragraph are asked about once: two questions from the same
    few lines would be one question asked twice."""
    merged: list[Statement] = []
    home_of: dict[tuple[str, str, int], Statement] = {}
    for group in groups:
        places = {(group.speaker, q.article, paragraph(model, q)) for q in group.quotes}
        home = next((home_of[p] for p in places if p in home_of), None)
        if home is None:
            merged.append(group)
            home = group
        else:
            home.quotes.extend(group.quotes)
        for place in places:
            home_of.setdefault(place, home)
    return merged


def paragraph(model, quote: Quotation) -> int:
    return model.article(quote.article).sentences[sentence_index(model, quote)].paragraph


def sentence_index(model, quote: Quotation) -> int:
    reading = model.article(quote.article)
    found = reading.sentence_at(quote.words.start)
    return found.index if found is not None else 0


def best(model, statement: Statement) -> Quotation:
    """The printing to ask from: a whole statement, tied in its own article, with the shortest
    proof, cleanly typed."""
    return min(
        statement.quotes,
        key=lambda q: (
            q.fragment,
            bool(q.named_elsewhere),
            q.weak,
            "\u2026" in q.text or "..." in q.text,
            "\u00b4" in q.text,
            len(q.proof),
            article_order(model, q.article),
            q.words.start,
        ),
    )


def article_order(model, article_id: str) -> int:
    return next(i for i, a in enumerate(model.articles) if a.id == article_id)
