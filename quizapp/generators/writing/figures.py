"""What the kinds that ask about figures share to word a question: a figure as a choice shows
it ("at least 17", "94.2%"), the sentence that proves it, whose figure it is in a teacher's
words, and which outlet prints it."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators.reading.articles import Passage
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.reading.quantities import counted_nouns
from quizapp.generators.reading.text import fold, word_set
from quizapp.generators.writing.choices import names_list

_ROLES = frozenset(w.rstrip(" *") for w in word_set("roles"))
# How a question may name when a figure was given, as the article's words say.
_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                  r"today|tonight|overnight|\d{1,2} [a-z]+|[a-z]+ \d{1,2})\b")


@lru_cache(maxsize=4)
def _indexes(model) -> tuple[dict[str, tuple[Figure, ...]], dict[int, Fact]]:
    by_article: dict[str, list[Figure]] = {}
    for figure in model.figures:
        by_article.setdefault(figure.article, []).append(figure)
    facts = {id(figure): fact for fact in model.facts for figure in fact.figures}
    return {a: tuple(f) for a, f in by_article.items()}, facts


def in_article(model, article_id: str) -> tuple[Figure, ...]:
    """The figures of one article, found without reading every figure of the story."""
    return _indexes(model)[0].get(article_id, ())


def fact_of(model, figure: Figure) -> Fact | None:
    """The fact a figure gives, if it gives one."""
    return _indexes(model)[1].get(id(figure))


def label(model, article_id: str) -> str:
    """The outlet's choice label for an article, "" when the article names no outlet."""
    outlet = model.outlet_of(article_id)
    return outlet.label if outlet is not None else ""


def shown(figure: Figure) -> str:
    """The figure as a choice or prompt shows it: its qualifier, number and unit as printed,
    lower-cased at the start ("At least 41" -> "at least 41")."""
    text = " ".join(figure.text.split())
    lower = figure.quantity.qualifier_text or figure.quantity.spelled
    return text[:1].lower() + text[1:] if lower else text


def sentence_of(model, figure: Figure) -> Passage | None:
    """The sentence that proves the figure, unless it may not be shown as evidence (a caption,
    or the last sentence of a text cut off in the middle of it)."""
    reading = model.article(figure.article)
    sentence = figure.sentence
    if sentence.role == "caption" or (not sentence.finished and sentence is reading.last_sentence):
        return None
    return reading.passage(sentence.start, sentence.end)


def source_name(figure: Figure) -> str:
    """The named source of a figure as running text writes it ("a study", "the Emergencies
    Ministry"), "" when the sentence names none."""
    name = figure.source.name
    if figure.source.kind not in ("named", "unnamed") or not name:
        return ""
    first, _, rest = name.partition(" ")
    if first in ("A", "An", "The") or (first.istitle() and _common(first)):
        return (first.lower() + " " + rest).strip()
    return name


def _common(word: str) -> bool:
    """A capitalised common noun opening a source ("Doctors", "Police", "Officials")."""
    low = fold(word)
    return low in counted_nouns() or low in _ROLES or low.rstrip("s") in _ROLES or low in (
        "police", "doctors", "hospitals", "officials", "authorities", "rescuers", "researchers")


def _same_amount(a: Figure, b: Figure) -> bool:
    return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value)) and a.high == b.high \
        and a.unit == b.unit


def by_amount(figures: list[Figure]) -> list[list[Figure]]:
    """Figures grouped by the amount they give, in order of first appearance."""
    groups: list[list[Figure]] = []
    for figure in figures:
        for group in groups:
            if _same_amount(group[0], figure):
                group.append(figure)
                break
        else:
            groups.append([figure])
    return groups


def gives(model, figures: list[Figure], verb: str = "gives") -> str:
    """"Taipei Times gives at least 18", "Dawn gives 41 (citing the ministry) and 47 (in its
    headline)": one outlet's figures for a fact, each amount once, as its article prints it,
    with its named source and whether only the headline gives it."""
    outlet = label(model, figures[0].article)
    parts = []
    for group in by_amount(figures):
        body = [f for f in group if f.place != "headline"]
        text = shown((body or group)[0])
        notes = [] if body else ["in its headline"]
        named = next((source_name(f) for f in body + group if source_name(f)), "")
        if named:
            notes.append(f"citing {named}")
        parts.append(text + (f" ({', '.join(notes)})" if notes else ""))
    return f"{outlet} {verb} {names_list(parts)}"


def day_of(figure: Figure) -> str:
    """The day the figure's own words give it ("on Monday", "October 2"), folded; "" if none."""
    m = _DAY.search(fold(figure.when))
    return m.group() if m else ""


def different_days(a: list[Figure], b: list[Figure]) -> bool:
    """Whether two sets of figures are given for days the text names differently ("on Monday"
    and "on Tuesday"): counts of two moments, which may both be right."""
    days_a = {day_of(f) for f in a} - {""}
    days_b = {day_of(f) for f in b} - {""}
    return bool(days_a and days_b and not days_a & days_b)


def why_they_differ(model, keyed: list[Figure], others: list[Figure]) -> str:
    """Why the figures differ, only as far as the text shows it: a headline against its own
    body, a count given as rising, counts credited to different sources, a floor."""
    figures = keyed + others
    reasons = []
    for article in dict.fromkeys(f.article for f in figures):
        own = [f for f in figures if f.article == article]
        heads = [f for f in own if f.place == "headline"]
        bodies = [f for f in own if f.place != "headline"]
        if heads and bodies and not any(_same_amount(h, b) for h in heads for b in bodies):
            reasons.append(f"{label(model, article)}\u2019s headline gives a different figure "
                           "from its own article")
    if any(f.update for f in figures):
        reasons.append("the count was rising, and outlets reported it at different moments")
    keyed_sources = {fold(source_name(f)) for f in keyed} - {""}
    other_sources = {fold(source_name(f)) for f in others} - {""}
    if keyed_sources and other_sources and not keyed_sources & other_sources:
        reasons.append("the figures are credited to different sources")
    if any(f.qualifier in ("atleast", "above") for f in figures):
        reasons.append("\u201cat least\u201d or \u201cmore than\u201d gives a floor, not a "
                       "final count")
    if not reasons:
        return "The articles give no reason: check the original source before repeating either."
    return "Why they differ, as far as the articles show: " + "; ".join(reasons) + "."
