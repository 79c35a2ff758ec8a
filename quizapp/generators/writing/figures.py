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
from quizapp.generators.writing.sources import is_name

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


def source_name(figure: Figure, model=None) -> str:
    """The named source of a figure as running text writes it ("a study", "the Emergencies
    Ministry"), "" when the sentence names none, or, given the story model, when what stands
    there is no name ("Conflicting" of "Conflicting reports emerged", writing/sources.py)."""
    name = figure.source.name
    if figure.source.kind not in ("named", "unnamed") or not name:
        return ""
    if model is not None and not is_name(model, name):
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
    """"Taipei Times gives at least 18", "Dawn gives 41 (citing the ministry)", "Baltimore Sun
    gives 13 (not counting any victims in Mexico Beach)": one outlet's figures for a fact, each
    amount once, as its article prints it, with its named source and what it leaves in or out."""
    outlet = label(model, figures[0].article)
    parts = []
    for group in by_amount(figures):
        body = [f for f in group if f.place != "headline"]
        first = (body or group)[0]
        notes = [] if body else ["in its headline"]
        named = next((n for f in body + group if (n := source_name(f, model))), "")
        if named:
            notes.append(f"citing {named}")
        if first.scope and first.category == "count":
            notes.append(first.scope)
        parts.append(shown(first) + (f" ({', '.join(notes)})" if notes else ""))
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


def outlet_figures(model, fact: Fact) -> dict[str, list[Figure]]:
    """Article -> the figures it gives for the fact that a sentence may prove: those of its own
    article, or its headline's when the article gives none (a headline against its body is the
    headline kind's lesson)."""
    found: dict[str, list[Figure]] = {}
    for figure in fact.figures:
        if figure.place == "caption" or sentence_of(model, figure) is None \
                or not label(model, figure.article):
            continue
        found.setdefault(figure.article, []).append(figure)
    return {a: [f for f in figs if f.place == "body"] or figs for a, figs in found.items()}


def contradicts_itself(fact: Fact, article: str) -> bool:
    """Whether an article gives two values of the fact that cannot both be right, its headline
    included: "1200" in its headline and opening, "approximately 12,000" in the memo it prints."""
    mine = {i for i, value in enumerate(fact.values) if article in value.articles}
    return any(j in mine for i in mine for j in fact.conflicting(i))


def contested(fact: Fact) -> bool:
    """A fact the cross-checking kinds ask: two outlets, neither contradicting itself, give
    values that cannot both be right, or most write "more than" what one or two write bare. No
    other figure kind prints one of its values in a prompt, which would give their answer away."""
    if not (fact.label and fact.own):
        return False
    if dropped_floor(fact) is not None:
        return True
    steady = [a for a in fact.articles if not contradicts_itself(fact, a)]
    for i, j in fact.conflicts:
        if {a for a in fact.values[i].articles if a in steady} - set(fact.values[j].articles) \
                and {a for a in fact.values[j].articles if a in steady}:
            return True
    return False


FLOORS = {"atleast": "at least", "above": "more than"}


def dropped_floor(fact: Fact) -> tuple[list[Figure], list[str], list[str], str] | None:
    """One amount written with "more than" or "at least" by most outlets' articles and bare by
    one or two: (its figures, the bare outlets' articles, the others', the qualifier's words)."""
    for group in by_amount([f for f in fact.figures if f.place == "body"]):
        forms: dict[str, set[str]] = {}
        for figure in group:
            forms.setdefault(figure.article, set()).add(figure.qualifier)
        bare = [a for a, q in forms.items() if q == {""}]
        floors = [a for a, q in forms.items() if len(q) == 1 and next(iter(q)) in FLOORS]
        words = {FLOORS[next(iter(forms[a]))] for a in floors}
        if bare and len(bare) <= 2 and len(floors) >= 2 and len(floors) > len(bare) \
                and len(words) == 1:
            return group, bare, floors, next(iter(words))
    return None


@lru_cache(maxsize=256)
def resolve_day(day: str, published: str):
    """The date a day word names, read from the article's date ("Friday" in an article of
    Saturday 13 October is 12 October); None when the article has no date or the word none."""
    import datetime as dt

    import dateparser  # loaded on first use: most stories never need it

    try:
        base = dt.datetime.fromisoformat(published[:10])
    except ValueError:
        return None
    found = dateparser.parse(day, languages=["en"], settings={
        "RELATIVE_BASE": base + dt.timedelta(hours=23), "PREFER_DATES_FROM": "past"})
    if found is None or found.date() > base.date():
        return None
    return found.date()


def dated(model, figure: Figure):
    """The day a figure was given, read from its own words and its article's date, or None."""
    day = day_of(figure)
    if not day:
        return None
    return resolve_day(day, model.story.article(figure.article).date)


def _different_sources(model, keyed: list[Figure], others: list[Figure]) -> bool:
    """Every figure credited to a named source, the two sides to different ones, and no sentence
    of one side naming the other's source ("... Yonhap stating that three had been rescued"
    against "..., Yonhap reported"): true of every outlet the explanation names."""
    keyed_sources = {fold(source_name(f, model)) for f in keyed}
    other_sources = {fold(source_name(f, model)) for f in others}
    if "" in keyed_sources | other_sources or keyed_sources & other_sources:
        return False
    return not any(name in fold(f.sentence.text) for f in keyed for name in other_sources) \
        and not any(name in fold(f.sentence.text) for f in others for name in keyed_sources)


def _floor_below(figure: Figure, figures: list[Figure]) -> bool:
    """"at least 10" against 14: a floor that explains a higher figure, not a lower one."""
    return figure.qualifier in ("atleast", "above") and not figure.quantity.precision \
        and any(other.value > figure.value for other in figures if other is not figure)


def why_they_differ(model, keyed: list[Figure], others: list[Figure], moved: bool = False) -> str:
    """Why the figures differ, only as far as the text shows it: counts that leave different
    things in or out, a count given as rising (`moved`: the story shows the count moving, so a
    lone figure may be an earlier count, not one to distrust), counts credited to different
    sources, a floor."""
    figures = keyed + others
    reasons = []
    if moved:
        reasons.append("the story shows the count moving (an update, a time of day, or one "
                       "outlet giving two values), so some of these may be counts taken at "
                       "different moments")
    scoped = [f for f in figures if f.scope and f.category == "count"]
    if scoped:
        reasons.append("the counts do not all cover the same ground (" + "; ".join(
            f"{label(model, f.article)}: \u201c{f.scope}\u201d" for f in scoped[:2]) + ")")
    if any(f.update for f in figures) and different_days(keyed, others) or (
            any(f.update for f in keyed) and any(f.update for f in others)):
        reasons.append("the count was rising, and outlets reported it at different moments")
    if _different_sources(model, keyed, others):
        reasons.append("the figures are credited to different sources")
    if any(_floor_below(f, figures) for f in figures):
        reasons.append("\u201cat least\u201d or \u201cmore than\u201d gives a floor, not a "
                       "final count")
    # Only what the sentences shown say: an article may explain the gap elsewhere.
    if not reasons and len({f.article for f in keyed}) == 1 \
            and len({f.article for f in others}) >= 3:
        return (f"The sentences shown give no reason, and {label(model, keyed[0].article)} "
                "stands alone against the others here: check a figure only one outlet gives "
                "before repeating it.")
    if not reasons:
        return ("The sentences shown give no reason: check the original source before "
                "repeating either.")
    return "Why they differ, as far as the articles show: " + "; ".join(reasons) + "."
