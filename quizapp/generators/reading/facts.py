"""Figures grouped across outlets by the quantity they give: the same toll, the same share of a
vote, the same fine. Two figures are one fact only when their category, unit, place, time and
what they count (the noun and the event of their clause) agree; "96% voted to strike" and
"94.6% rejected the offer" are two facts, not a disagreement. For each fact: its values, who
gives each, whether they agree once qualifiers, rounding and conversions are read ("over 30,000"
and "about 33,000" agree; "145 kph" and "90 mph" agree) or conflict, and why where the text
says (a different source, a later count, a qualifier, a headline against its own body)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from collections import Counter
from functools import lru_cache

from quizapp.generators.reading.figures import PEOPLE_KINDS, Figure
from quizapp.generators.reading.text import fold, word_list, word_set

# A conversion between units or currencies may be rounded either way by this share.
CONVERSION_TOLERANCE = 0.02
# "about 12,000" may be this share away from 12,000.
ABOUT = 0.1
# Categories compared across outlets: counts, sums, shares, spans, measures and dates.
COMPARED = frozenset({"count", "money", "percent", "duration", "measure", "date"})


@dataclass(frozen=True)
class Value:
    """One value of a fact and the figures that print it (equal amounts, as outlets write them)."""

    figures: tuple[Figure, ...]

    @property
    def first(self) -> Figure:
        return self.figures[0]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.article for f in self.figures))


@dataclass(frozen=True)
class Fact:
    """One quantity the story's outlets give, with every figure that gives it."""

    category: str
    unit: str
    event: str  # what happened: "death", "jobcut", ... ("" when only the noun says)
    kind: str  # what is counted: "people", "vehicle", ...
    holder: str  # whose share it is, when the figures name one ("Lula")
    where: str  # the place it is limited to, if any
    label: str  # how a question names it: "the death toll"; "" when no label fits
    values: tuple[Value, ...]  # distinct amounts, most printed first
    conflicts: tuple[tuple[int, int], ...]  # pairs of values (indices) that cannot both be right
    # why values differ where the text says: "source", "time", "stage", "qualifier", "headline",
    # "rounding", "conversion", "group" (two groups told apart by their nouns)
    reasons: tuple[str, ...]
    own: bool = True  # a figure of the story's own subject, not of someone the headlines never name

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for value in self.values for f in value.figures)

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.article for f in self.figures))

    @property
    def agree(self) -> bool:
        return not self.conflicts

    def conflicting(self, index: int) -> tuple[int, ...]:
        """The values that cannot be right if value `index` is."""
        return tuple(sorted({b if a == index else a for a, b in self.conflicts
                             if index in (a, b)}))

    def compatible_with(self, index: int) -> tuple[int, ...]:
        """The other values that may be the same amount as value `index`, once qualifiers,
        rounding and conversions are read."""
        clash = set(self.conflicting(index))
        return tuple(i for i in range(len(self.values)) if i != index and i not in clash)


# --- labels -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    found = {}
    for line in word_list("fact_labels"):
        event, category, label = (part.strip() for part in line.split("|"))
        found[(event, category)] = label
    return found


def fact_label(event: str, category: str, figures: tuple[Figure, ...], holder: str,
               kind: str = "") -> str:
    """How a question names the fact ("the death toll", "the number of vehicles recalled"), or ""
    when no general label fits what the outlets write. A line for the kind of thing counted
    ("stolen | count:people") wins over the event's general one."""
    label = _labels().get((event, f"{category}:{kind}"), "") or _labels().get((event, category), "")
    kinds = [f.counts.kind for f in figures if f.counts.kind]
    if "people" in label and kinds and kinds.count("person") < max(map(kinds.count, kinds)):
        return ""  # "in more than 300 cities ... participated": not a count of people
    if "{noun}" in label:
        nouns = [fold(f.counts.noun.split()[-1]) for f in figures if f.counts.noun]
        if not nouns:
            return ""
        # The commonest noun; a tie goes to the one printed first, whatever the process's hash
        # seed (max over a set would pick by it).
        label = label.replace("{noun}", Counter(nouns).most_common(1)[0][0])
    if "{holder}" in label:
        if not holder:
            return ""
        label = label.replace("{holder}", holder)
    return label


# --- comparing two figures --------------------------------------------------------------------


def _vague(figure: Figure) -> bool:
    """Written as an estimate: rounded ("12,000", "2 million", "51%"), hedged ("about"), or a
    round bound ("more than 50", "at least 40"; "at least 17" is an exact count so far)."""
    if figure.quantity.precision > 0 or figure.qualifier in ("about", "near", "justover"):
        return True
    return bool(figure.qualifier) and figure.value >= 10 and figure.value % 10 == 0


def interval(figure: Figure, tolerance: float = 0.0) -> tuple[float, float]:
    """The amounts a figure allows, as a reader takes it ("at least 17": 17 and up)."""
    q = figure.quantity
    low, high = q.value, q.high if q.high is not None else q.value
    slack = q.precision + tolerance * high
    spread = max(q.precision, ABOUT * high)
    return {
        "above": (low, math.inf), "atleast": (low, math.inf),
        "below": (-math.inf, high), "atmost": (-math.inf, high),
        "about": (low - spread, high + spread), "near": (low - spread, high + slack),
        "justover": (low, high + spread),
    }.get(figure.qualifier, (low - slack, high + slack))


def _converted(a: Figure, b: Figure) -> bool:
    return a.converted or b.converted or a.unit != b.unit


def same_amount(a: Figure, b: Figure) -> bool:
    """Whether two figures of one fact give the same amount as written."""
    return math.isclose(a.value, b.value, rel_tol=1e-9) and (a.high or 0) == (b.high or 0)


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures of one fact may both be right: the same amount, or amounts that agree
    once rounding, qualifiers and conversions are read. Two exact small counts that differ
    ("at least 16" and "17") do not agree: they are different counts, made at different times
    or by different people, even when "at least" would allow it."""
    if same_amount(a, b):
        return True
    if not (_vague(a) or _vague(b) or _converted(a, b)):
        return False
    tolerance = CONVERSION_TOLERANCE if _converted(a, b) else 0.0
    (a_low, a_high), (b_low, b_high) = interval(a, tolerance), interval(b, tolerance)
    # Intervals that only touch ("50.85") do not overlap: 50.8% and 50.9% are two figures.
    eps = 1e-9 * max(1.0, abs(a.value), abs(b.value))
    return a_low < b_high - eps and b_low < a_high - eps and not _both_floors_differ(a, b)


def _both_floors_differ(a: Figure, b: Figure) -> bool:
    """"at least 16" and "at least 18": two counts, each a floor of its own moment."""
    return a.qualifier in ("atleast", "above") and b.qualifier in ("atleast", "above") \
        and not (_vague(a) and _vague(b)) and not math.isclose(a.value, b.value)


# --- grouping figures into facts --------------------------------------------------------------


def _kind_group(figure: Figure) -> str:
    return "people" if figure.counts.kind in PEOPLE_KINDS else figure.counts.kind


def _comparable(figure: Figure) -> bool:
    """A figure that may be compared across outlets: a count, sum, share, span, measure or
    date of something the text says, given as a fact of the event (not a projection, not one
    of a pair with no owner, not an ordinal or a time of day)."""
    if figure.category not in COMPARED or figure.unsure or figure.place == "caption":
        return False
    if figure.quantity.role != "level":
        return False
    if not figure.counts.event and _kind_group(figure) == "people":
        return False  # "17 people" of what? no event, no telling
    return not (figure.category == "count" and figure.value < 2)


def _unit_key(figure: Figure) -> str:
    """Figures in one dimension compare after conversion; money only in one currency."""
    q = figure.quantity
    if figure.category in ("money", "percent", "date", "count"):
        return q.unit + ("/" + q.rate if q.rate else "")
    return q.dimension + ("/" + q.rate if q.rate else "")


def _key(figure: Figure) -> tuple:
    return (figure.category, _unit_key(figure), figure.counts.event,
            _kind_group(figure) if figure.category == "count" else "",
            fold(figure.where), fold(figure.anchor))


_CAPITALISED = r"[A-Z][\w\u00C0-\u024F-]+"
# A particle may stand between any two words of a name: "Luiz Inácio Lula da Silva".
_JOIN = r"(?: (?:da|de|do|dos|van|von|der|del|di|le|la|bin|al) | )"
_NAME_RUN = re.compile(_CAPITALISED + r"(?:" + _JOIN + _CAPITALISED + r")+")


@lru_cache(maxsize=8)
def _name_clusters(texts: tuple[str, ...]) -> dict[str, str]:
    """Name word -> cluster: words written together in one name ("Luiz Inácio Lula da Silva")
    are one person, so "Lula" and "da Silva" are the same holder. Read from prose sentences
    only (a headline in title case runs names together)."""
    parent: dict[str, str] = {}

    def find(word: str) -> str:
        while parent.setdefault(word, word) != word:
            word = parent[word]
        return word

    skip = word_set("name_stopwords") | word_set("function_words") | word_set("calendar_words") \
        | word_set("role_modifiers") | frozenset(w.rstrip(" *") for w in word_set("roles"))
    for text in texts:
        for run in _NAME_RUN.finditer(text):
            words = [fold(w) for w in run.group().split() if w[:1].isupper()]
            # Titles and a people's adjective before a name ("Former Brazilian President")
            # are no part of it.
            words = [w for i, w in enumerate(words) if w not in skip and w not in _PARTICLES
                     and not (i < len(words) - 1 and w.endswith(("ian", "ese", "ish", "ean")))]
            for word in words[1:]:
                parent[find(word)] = find(words[0])
    return {word: find(word) for word in parent}


# Words that join the parts of a name ("da" of "Lula da Silva"), capitalised at a sentence's start.
_PARTICLES = frozenset({"da", "de", "do", "dos", "van", "von", "der", "del", "di", "le", "la",
                        "bin", "al"})


def _holder_key(holder: str, clusters: dict[str, str]) -> str:
    words = [fold(w) for w in holder.split() if w[:1].isupper() and fold(w) not in _PARTICLES]
    keys = {clusters.get(w, w) for w in words if w not in word_set("name_stopwords")}
    return min(keys) if keys else ""


def _split_by_holder(figures: list[Figure], clusters: dict[str, str],
                     main: frozenset[str]) -> list[list[Figure]]:
    """Figures of one kind belonging to different owners are different facts. Shares set
    against each other in one sentence ("Lula 50.9%, Bolsonaro 49.1%") split by holder, and a
    figure without a holder then joins none. Otherwise a figure of someone the headlines never
    name ("Microsoft said it would lay off 10,000") stands apart from the story's own."""
    # Only shares are set against each other by owner ("51% to 49%"); two counts in one
    # sentence are two sources' values of one quantity ("police said 4,000, the union 12,000").
    spots = [(f.article, f.sentence.start) for f in figures if f.category == "percent"]
    paired = any(spots.count(spot) > 1 for spot in spots)
    by_holder: dict[str, list[Figure]] = {}
    for figure in figures:
        key = _holder_key(figure.holder, clusters)
        if paired and not key:
            continue
        if not paired and key in main:
            key = ""
        by_holder.setdefault(key, []).append(figure)
    return [(group, paired or not key) for key, group in by_holder.items()]


def _main_names(model, clusters: dict[str, str]) -> frozenset[str]:
    """The clusters of the names the headlines and the story's title use: the story's own."""
    texts = [model.story.title] + [r.headline.text for r in model.articles if r.headline]
    words = {fold(w) for text in texts for w in re.findall(r"[A-Z][\w\u00C0-\u024F-]+", text)}
    return frozenset(clusters.get(w, w) for w in words)


def _values(figures: list[Figure]) -> tuple[Value, ...]:
    groups: list[list[Figure]] = []
    for figure in figures:
        for group in groups:
            if same_amount(group[0], figure) and group[0].qualifier == figure.qualifier \
                    and group[0].unit == figure.unit:
                group.append(figure)
                break
        else:
            groups.append([figure])
    groups.sort(key=lambda g: -len({f.article for f in g}))
    return tuple(Value(tuple(g)) for g in groups)


def _conflicts(values: tuple[Value, ...]) -> tuple[tuple[int, int], ...]:
    """Pairs of values that cannot both be right. Two values that several outlets print side by
    side are two quantities these rules could not tell apart (an offer and a demand), not a
    disagreement; one outlet printing both is kept, to be explained."""
    pairs = []
    for i, a in enumerate(values):
        for j in range(i + 1, len(values)):
            together = set(a.articles) & set(values[j].articles)
            if not compatible(a.first, values[j].first) and len(together) < 2 \
                    and not _other_group(a, values[j]):
                pairs.append((i, j))
    return tuple(pairs)


# Counts this many times apart, named with different nouns, are more likely two groups than
# two readings of one: "1,157 patients" monitored in one arm of a study, "4,000 people" in all.
OTHER_GROUP_RATIO = 2.0


def _nouns(value: Value) -> set[str]:
    return {_head(f.counts.noun) for f in value.figures if f.counts.noun}


def _head(noun: str) -> str:
    word = fold(noun.split()[-1])
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _other_group(a: Value, b: Value) -> bool:
    """Two counts far apart whose outlets name what they count with different nouns: a part and
    a whole, or two groups, not a disagreement ("1,157 patients" against "4,000 people")."""
    low, high = sorted((abs(a.first.value), abs(b.first.value)))
    if a.first.category != "count" or low == 0 or high / low < OTHER_GROUP_RATIO:
        return False
    nouns_a, nouns_b = _nouns(a), _nouns(b)
    return bool(nouns_a and nouns_b) and not nouns_a & nouns_b


def _told_apart_by_when(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    """Whether the texts may give the two values at different moments: each side says when and
    no moment is shared ("on Friday" on both sides tells them apart by nothing); or one side
    alone says when of a count, which rises as it is updated (a toll), unlike a share or a sum
    settled once (a vote's result)."""
    when_a = {fold(f.when) for f in a if f.when}
    when_b = {fold(f.when) for f in b if f.when}
    if when_a and when_b:
        return not when_a & when_b
    return bool(when_a or when_b) and any(f.category == "count" for f in a + b)


def _reasons(values: tuple[Value, ...], conflicts: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """Why values differ where the text shows it."""
    reasons = []
    for i, j in conflicts:
        a, b = values[i].figures, values[j].figures
        names_a = {fold(f.source.name) for f in a if f.source.kind in ("named", "unnamed")}
        names_b = {fold(f.source.name) for f in b if f.source.kind in ("named", "unnamed")}
        if names_a and names_b and not names_a & names_b:
            reasons.append("source")
        if any(f.update for f in a + b) or _told_apart_by_when(a, b):
            reasons.append("time")
        if any(f.qualifier for f in a + b):
            reasons.append("qualifier")
        if all(f.place == "headline" for f in a) or all(f.place == "headline" for f in b):
            reasons.append("headline")
    for i, value in enumerate(values):
        for j in range(i + 1, len(values)):
            if (i, j) in conflicts or same_amount(value.first, values[j].first):
                continue
            if _other_group(value, values[j]):
                reasons.append("group")
            else:
                reasons.append("conversion" if _converted(value.first, values[j].first)
                               else "rounding")
    return tuple(dict.fromkeys(reasons))


def read_facts(model) -> tuple[Fact, ...]:
    """The story's facts: figures of one quantity, from every article that gives it."""
    clusters = _name_clusters(tuple(" \n".join(s.text for s in reading.sentences if s.prose)
                                    for reading in model.articles))
    main = _main_names(model, clusters)
    groups: dict[tuple, list[Figure]] = {}
    for figure in model.figures:
        if _comparable(figure):
            groups.setdefault(_key(figure), []).append(figure)
    facts = []
    for key, figures in groups.items():
        for part, own in _split_by_holder(figures, clusters, main):
            facts.append(_fact(key, part, own))
    facts += _landmarks(model, clusters, main)
    facts = [_without_borrowed(fact, facts) for fact in facts]
    facts.sort(key=lambda fact: (-len(fact.articles), fact.label))
    return tuple(facts)


def _landmarks(model, clusters: dict[str, str], main: frozenset[str]) -> list[Fact]:
    """Years a record is measured from ("their first World Cup title since 1986", "world champions
    for the first time since 1982"): one fact for each measuring word, when every sentence names
    one of the story's own names in common, so two records of one story are not merged."""
    groups: dict[str, list[Figure]] = {}
    for figure in model.figures:
        if figure.since and figure.place == "body" and not figure.quoted:
            groups.setdefault(figure.since, []).append(figure)
    facts = []
    for word, figures in groups.items():
        names = [_own_names(f.sentence.text, clusters, main) for f in figures]
        shared = frozenset.intersection(*names) if names else frozenset()
        if len({f.article for f in figures}) < 2 or not shared:
            continue
        values = _values(figures)
        conflicts = _conflicts(values)
        label = f"the year in \u201c{word} \u2026 since \u2026\u201d"
        facts.append(Fact("date", "year", "since", "", "", "", label, values, conflicts,
                          _reasons(values, conflicts)))
    return facts


def _own_names(text: str, clusters: dict[str, str], main: frozenset[str]) -> frozenset[str]:
    words = {fold(w) for w in re.findall(r"[A-Z][\w\u00C0-\u024F-]+", text)}
    return frozenset(clusters.get(w, w) for w in words) & main


def _without_borrowed(fact: Fact, facts: list[Fact]) -> Fact:
    """A value that other outlets give for another quantity of the same kind (the union's 40%
    demand beside the 25% offer) is more likely that quantity misread than a disagreement
    about this one: its conflicts are dropped."""
    borrowed = set()
    for index, value in enumerate(fact.values):
        for other in facts:
            if other is fact or other.category != fact.category or other.unit != fact.unit:
                continue
            for their in other.values:
                if same_amount(their.first, value.first) and \
                        len(set(their.articles) - set(value.articles)) >= 2:
                    borrowed.add(index)
    if not borrowed:
        return fact
    conflicts = tuple(pair for pair in fact.conflicts if not set(pair) & borrowed)
    return Fact(fact.category, fact.unit, fact.event, fact.kind, fact.holder, fact.where,
                fact.label, fact.values, conflicts, _reasons(fact.values, conflicts), fact.own)


def _fact(key: tuple, figures: list[Figure], own: bool = True) -> Fact:
    category, unit, event, kind, _where, _ = key
    values = _values(figures)
    conflicts = _conflicts(values)
    holders = [f.holder for f in figures if f.holder]
    holder = max(sorted(set(holders)), key=holders.count) if holders else ""
    # A fact of someone the headlines never name is not "the death toll" of the story: it gets no
    # label, so no question names it as if it were.
    label = fact_label(event, category, tuple(figures), holder, kind) if own else ""
    return Fact(category, unit, event, kind, holder, figures[0].where, label, values, conflicts,
                _reasons(values, conflicts), own)
