"""Every figure of every article, read as a careful reader reads it: the amount (value, range,
qualifier, unit), what it counts (the noun and the event: killed, evacuated, jobs cut, voted
against), who gives it (a named source, an unnamed one, or the outlet itself), when if the text
says, and where it stands (headline, quote, caption). Model numbers, codes, ages, scores and
years used as dates are no counts (reading/quantities.py leaves them out)."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.reading.articles import ArticleReading, Passage, Sentence
from quizapp.generators.reading.quantities import (
    Quantity,
    counted_nouns,
    figure_words,
    quantities,
)
from quizapp.generators.reading.text import fold, quotations, word_list, word_set

# --- vocabulary -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def event_words() -> tuple[tuple[str, str, int], ...]:
    """(words, event, rank) from data/event_words.txt; a lower rank is the more specific event."""
    ranks: dict[str, int] = {}
    found = []
    for line in word_list("event_words"):
        words, _, event = (part.strip() for part in line.rpartition("|"))
        ranks.setdefault(event, len(ranks))
        found.append((words, event, ranks[event]))
    return tuple(found)


@lru_cache(maxsize=1)
def _event_pattern() -> re.Pattern[str]:
    phrases = sorted({words for words, _, _ in event_words()}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _event_of() -> dict[str, tuple[str, int]]:
    return {words: (event, rank) for words, event, rank in event_words()}


@lru_cache(maxsize=1)
def source_verbs() -> frozenset[str]:
    return word_set("source_verbs")


# Kinds of people a count of people may be written as: "17 people", "12,000 jobs", "the toll".
PEOPLE_KINDS = frozenset({"person", "worker", ""})
# Nouns that name a count itself rather than what it counts: "the death toll stood at 13".
_COUNT_NOUNS = frozenset({"toll", "tally", "number", "total", "count", "figure", "vote",
                          "share", "majority", "turnout", "estimate"})
_PLACE_NOUNS = frozenset({"town", "city", "county", "state", "region", "province", "village",
                          "district", "area", "country", "capital", "suburb", "hamlet"})
# Words that open a new clause within a sentence: a figure's event and source are read inside
# its clause only.
_CLAUSE_BREAK = re.compile(r";|\s[\u2014\u2013]\s|\s--\s|,\s(?:and|but|while|whereas|as)\s|"
                           r"\swhile\s|\swhereas\s")
_PARTICLES = frozenset({"da", "de", "do", "dos", "van", "von", "der", "del", "di", "le", "la",
                        "al", "bin", "ibn"})
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counted:
    """What a figure counts: "17 people ... killed" is people (kind "person"), event "death"."""

    noun: str  # the noun as written ("Chilean nationals", "jobs"), "" when there is none
    kind: str  # the kind of thing the noun counts ("person", "vehicle"), "" when no noun
    event: str  # what happened to them ("death", "jobcut", "against"), "" when the text says not
    event_words: str  # the words that said so, as written ("killed")
    gap: int = 0  # characters between the figure and those words: far words are a weaker reading


@dataclass(frozen=True)
class Source:
    """Who gives a figure, as the sentence says: "the Emergencies Ministry said"."""

    name: str  # as written, "" when the outlet states the figure itself
    kind: str  # "named", "unnamed" (a source the text does not name), "outlet", "unclear"
    via: str = ""  # who passed it on: "Reuters" of "told Reuters", "the Reuters news agency" of "reported ..."
    words: str = ""  # the attributing words as written: "according to CNBC"


@dataclass(frozen=True)
class Figure:
    article: str
    passage: Passage  # the figure as written, qualifier to unit: "at least 17"
    sentence: Sentence
    quantity: Quantity
    counts: Counted
    source: Source
    when: str = ""  # as written: "on Friday", "by the close", "yesterday"
    update: bool = False  # given as the latest of several counts: "rose to 17", "so far"
    quoted: bool = False  # inside a quotation
    place: str = "body"  # "headline", "body" or "caption"
    where: str = ""  # a place the count is limited to: "in Florida"
    holder: str = ""  # whose amount it is, when a name stands with it: "Lula", "Microsoft"
    anchor: str = ""  # another time the clause names: "in 2021", "last year"
    converted: bool = False  # an amount in brackets converting the one before: "(249 kph)"
    unsure: bool = False  # a projection or possibility: "could cost $3 billion"
    paired: bool = False  # one of two amounts of one kind set side by side: "51% to 49%"
    stage: str = ""  # how far the count had got, as written: "with 99.1% of voting machines counted"
    scope: str = ""  # what the count leaves in or out, as written: "not counting any victims in ..."
    since: str = ""  # a year a record is measured from, and its word: "first" of "first ... since 1986"
    part: bool = False  # a group of a breakdown, an exception or a whole: "48 women", "all but two"

    @property
    def text(self) -> str:
        return self.passage.text

    @property
    def value(self) -> float:
        return self.quantity.value

    @property
    def high(self) -> float | None:
        return self.quantity.high

    @property
    def qualifier(self) -> str:
        return self.quantity.qualifier

    @property
    def unit(self) -> str:
        return self.quantity.unit

    @property
    def category(self) -> str:
        return self.quantity.category

    @property
    def number(self) -> str:
        """The number as written, with currency, scale and unit but no qualifier: "17", "€1.2bn"."""
        q = self.quantity
        return self.passage.text[q.number_start - q.start:q.end - q.start].strip()

    @property
    def is_count_of_people(self) -> bool:
        return self.category == "count" and self.counts.kind in PEOPLE_KINDS


# --- reading one sentence ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int


def _clauses(text: str, sentence: Sentence) -> list[_Clause]:
    cuts = [sentence.start] + [sentence.start + m.start() for m in
                               _CLAUSE_BREAK.finditer(_masked(text, sentence))] + [sentence.end]
    return [_Clause(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _clause_of(clauses: list[_Clause], offset: int) -> _Clause:
    return next((c for c in clauses if c.start <= offset < c.end), clauses[-1])


@lru_cache(maxsize=2048)
def _masked_cached(text: str, start: int, end: int) -> str:
    chars = list(text[start:end])
    for q in quotations(text):
        for i in range(max(q.start, start), min(q.end, end)):
            chars[i - start] = "_" if chars[i - start] not in " " else " "
    return "".join(chars)


def _masked(text: str, sentence: Sentence) -> str:
    """The sentence with quoted words blanked, so nothing inside a quote breaks a clause or names
    a source."""
    return _masked_cached(text, sentence.start, sentence.end)


def _words(text: str, start: int, end: int) -> list[re.Match]:
    return list(re.finditer(r"[A-Za-z\u00C0-\u024F][\w'\u2019&.-]*", text[start:end]))


def _counted_noun(text: str, quantity: Quantity, stop: int) -> tuple[str, str]:
    """The noun right after the amount, as written, and its kind: "140 Chilean nationals" ->
    ("Chilean nationals", "person"); "more than 11,000 of its staff" -> ("staff", "worker")."""
    rest = text[quantity.end:stop]
    m = re.match(r"\s+(?:of\s+(?:the|its|their|his|her|our)\s+)?((?:[\w'\u2019-]+\s+){0,3}"
                 r"[\w'\u2019-]+)?", rest)
    if m and not m.group(1):
        m = None
    if not m:
        return "", ""
    words = m.group(1).split()
    nouns = counted_nouns()
    if re.search(r"\b(?:town|city|village|country|nation|community|region) of\s+$",
                 fold(text[max(0, quantity.start - 20):quantity.start])):
        return " ".join(words[:1]), "population"
    for i, word in enumerate(words):
        low = fold(word).strip("'\u2019")
        if low in nouns:
            return " ".join(words[:i + 1]), nouns[low]
        if low in ("and", "or") and i:
            continue  # "40 diesel and electric buses": two modifiers of one noun
        if low in word_set("function_words") or low in source_verbs() or not word.isalpha() \
                and "-" not in word:
            break
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3 and word.islower():
            return " ".join(words[:i + 1]), _singular(low)
    return "", ""


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _noun_before(text: str, quantity: Quantity, clause: _Clause) -> tuple[str, str]:
    """A count named before its number: "the number of homes destroyed at 140", "a vote of
    94.6%", "a fine of €746 million"."""
    before = fold(text[max(clause.start, quantity.start - 60):quantity.start])
    m = re.search(r"\bnumber of ([a-z]+)\b[^,;]*$", before)
    if m and m.group(1) in counted_nouns():
        return m.group(1), counted_nouns()[m.group(1)]
    return "", ""


# Events that befall people or animals, and the kinds of counted noun that can suffer them.
_HAPPENS_TO_PEOPLE = frozenset({"death", "injury", "casualty", "missing", "arrest"})
_LIVING = frozenset({"person", "worker", "troops", "responders", "police", "animal", "household",
                     "population"})


def _clause_event(text: str, quantity: Quantity, clause: _Clause, noun: str,
                  found: list[Quantity]) -> tuple[str, str, int]:
    """The event in the figure's own window, else anywhere in its clause."""
    found_event = _event(text, quantity, _window(text, quantity, clause, found), noun, found)
    return found_event if found_event[0] else _event(text, quantity, clause, noun, found)


def _can_befall(event: str, kind: str) -> bool:
    """Whether the event can happen to what the figure counts: "killed across 10 provinces"
    counts provinces, never the dead."""
    return not (event in _HAPPENS_TO_PEOPLE and kind and kind not in _LIVING)


def _event(text: str, quantity: Quantity, window: _Clause, noun: str,
           found: list[Quantity]) -> tuple[str, str, int]:
    """What the figure counts happening: the event word nearest to it in its window, with no
    comma between ("at least 41 people were killed"), or a more specific one right beside that
    ("voted 96% in favour of a strike" is a strike vote). A word joining two figures ("50.9%
    against 49.1%") says nothing of either."""
    masked = fold(_masked_cached(text, window.start, window.end))
    hits = []
    for m in _event_pattern().finditer(masked):
        at = window.start + m.start()
        end = at + len(m.group())
        if quantity.start <= at < quantity.end or _joins_figures(text, at, end, found):
            continue
        between = text[quantity.end:at] if at >= quantity.end else text[end:quantity.start]
        lo, hi = (quantity.end, at) if at >= quantity.end else (end, quantity.start)
        if _comma_between(between, at > quantity.start) \
                or any(lo <= q.start < hi for q in found) or (
                at < quantity.start and re.search(r"\b(?:and|or)\b", between)):
            continue  # "41 people were killed and 120 are missing": "killed" is the 41's
        event, rank = _event_of()[m.group()]
        if m.group() in _VOTE_WORDS and not re.search(r"\bvot(?:e|es|ed|ing)\b|\bballots?\b",
                                                   fold(text[window.start:window.end])):
            continue  # "rose 1.8% against the euro" is no vote
        if event == "jobcut" and quantity.category != "count" and not re.search(
                r"\b(?:workforce|staff|jobs|employees|workers|roles|headcount)\b",
                fold(text[window.start:window.end])):
            continue  # "cut its forecast to 1.2%" cuts no jobs
        hits.append((len(between), rank, event, text[at:end], at >= quantity.end))
    if noun and fold(noun.split()[-1]) in _event_of():
        event, rank = _event_of()[fold(noun.split()[-1])]
        hits.append((0, rank, event, noun.split()[-1], True))
    hits = [h for h in hits if h[0] <= 70]
    if not hits:
        return "", "", 0
    nearest = min(hits)
    beside = [h for h in hits if h[4] == nearest[4] and h[0] <= nearest[0] + 15]
    best = min(beside, key=lambda h: (h[1], h[0]))
    return best[2], best[3], best[0]


# Words that are a vote's only in a sentence about voting ("rose 1.8% against the euro").
_VOTE_WORDS = frozenset({"against", "in favour", "in favor", "backed", "approved"})


def _comma_between(between: str, after: bool) -> bool:
    """A comma parts the figure from the word, unless what follows it is only "have been"
    ("140 homes, have been destroyed" after a parenthesis)."""
    if "," not in between:
        return False
    tail = between.rsplit(",", 1)[1].split()
    return not (after and tail and all(w in ("have", "has", "had", "been", "were", "was", "are",
                                             "is", "be") for w in tail))


def _joins_figures(text: str, start: int, end: int, found: list[Quantity]) -> bool:
    """A word that only sets one figure against the next: "50.9% against Mr Bolsonaro's 49.1%"."""
    after = any(q.start >= end and re.fullmatch(r"\s*(?:[A-Z][\w.'\u2019-]*\s+){0,4}",
                                                text[end:q.start]) for q in found)
    before = any(q.end <= start and re.fullmatch(r"\s*(?:of\s+(?:the\s+)?(?:valid\s+)?votes?\s*)?",
                                                 text[q.end:start]) for q in found)
    return after and before


def _window(text: str, quantity: Quantity, clause: _Clause, found: list[Quantity]) -> _Clause:
    """The part of its clause that speaks of one figure: from the figure before it to the figure
    after it, and after it only up to an "and" or a comma ("a vote of 94.6% and to strike with
    96%": "to strike" is the second figure's)."""
    start, end = clause.start, clause.end
    for other in found:
        if other.end <= quantity.start and other.end > start:
            start = other.end
        if other.start >= quantity.end and other.start < end:
            end = other.start
    cut = re.search(r",|\sand\s|\sor\s|\sas\s|\swhen\s|\swhile\s", text[quantity.end:end])
    if cut and (cut.group().strip() in ("as", "when", "while") or any(
            o.start >= quantity.end and o.start <= clause.end for o in found if o is not quantity)):
        end = quantity.end + cut.start()
    return _Clause(start, end)


def _where(text: str, quantity: Quantity, clause: _Clause) -> str:
    """A place the count is limited to, written right after it or its noun: "eight deaths ...
    in Florida", "nearly 1,000 in India", "one death in the town" (not "not counting any
    victims in Mexico Beach", which leaves a place out)."""
    after = text[quantity.end:min(clause.end, quantity.end + 70)]
    m = re.match(r"((?:\s[\w'\u2019-]+){0,6}?)\sin\s((?:the\s)?(?:[A-Z][\w'\u2019-]+(?:\s(?:[A-Z]"
                 r"[\w'\u2019-]+|County|Province|province|county|state|region))*|[a-z]+))", after)
    if not m or re.search(r"\b(?:counting|including|excluding|except|besides|as|when|after|"
                          r"while|because|since|that|which|who|where)\b", fold(m.group(1))):
        return ""
    place = m.group(2)
    low = fold(place).removeprefix("the ")
    if place[:1].isupper() and not re.match(r"(?:The\s)?(?:" + "|".join(
            d.capitalize() for d in _DAYS) + r"|January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b", place):
        return "in " + place
    return "in " + place if low in _PLACE_NOUNS else ""


def _holder(text: str, quantity: Quantity, clause: _Clause) -> str:
    """Whose amount it is when a name stands with it: "Bolsonaro's 49.2%", "49.1% for
    Bolsonaro", "Lula got 50.8%", "Stripe reduced its workforce by 14%", "Apple (€1.1bn)"."""
    before = text[clause.start:quantity.start]
    after = text[quantity.end:clause.end]
    name = (r"([A-Z][\w\u00C0-\u024F-]+(?:\s(?:da|de|van|von|der|del|dos)?\s?[A-Z][\w-]+)*)"
            r"(?![\w\u00C0-\u024F])")
    m = re.search(name + r"(?:['\u2019]s?|\s\()\s*$", before)
    if m:
        return m.group(1)
    m = re.match(r"\s+(?:of\s+(?:the\s+)?(?:valid\s+)?votes?\s+)?(?:for|to|received by|by)\s+"
                 + name + r"(?!['\u2019]s)(?!\s[A-Z])", after)
    if m and not re.match(r"(?:The|A|An)\b", m.group(1)):
        return m.group(1)
    m = re.search(name + r"\s+(?:(?:had|got|won|obtained|received|took|secured)\s+(?:about\s+|"
                  r"around\s+|nearly\s+)?)?$", before)
    if m and not _is_opening_word(text, clause.start + m.start(), m.group(1)):
        return m.group(1)
    # The subject of the verb that governs the figure: "Stripe reduced its workforce by 14%",
    # "software giant Microsoft said it would lay off 10,000", "Meta will lay off 11,000".
    m = re.search(name + r"(?:['\u2019]s)?\s+(?:(?:has|have|had|is|was)\s+)?(?:[a-z]+ed\b(?<!said)|"
                  r"employs\b|is\s+[a-z]+ing\b|[a-z]+ing\b|(?:will|would|to)\s+[a-z]+\b|"
                  r"(?:said|announced)\s+(?:that\s+)?(?:it\s+(?:will|would)\s+[a-z]+|plans\s+to\s+"
                  r"[a-z]+|to\s+[a-z]+)\b|plans\s+to\s+[a-z]+\b)(?:\s+[a-z]+){0,4}\s*$", before)
    if m and not _is_opening_word(text, clause.start + m.start(1), m.group(1)) \
            and not re.search(r"\b(?:stands?|stood|rose|risen|rises|reached|reaches|hits?|totals?|"
                              r"totalled|climbed|climbs)\b", m.group()):
        return m.group(1)
    # "..., announcing layoffs of 10,000": the subject of the clause the participle hangs from.
    parts = re.split(r",\s", before)
    if len(parts) >= 2 and re.match(r"\s*[a-z]+ing\b", parts[-1]):
        m = re.search(r"(?:^|\s)" + name + r"\s+(?:[a-z]+ed|[a-z]+s)\b", parts[-2])
        if m and not _is_opening_word(text, clause.start + before.find(parts[-2]) + m.start(1),
                                      m.group(1)):
            return m.group(1)
    return ""


def _is_opening_word(text: str, at: int, name: str) -> bool:
    """A capitalised word only because it opens the sentence ("Hourly workers", "With ...",
    "Hospitals in ...": the story writes it in lower case elsewhere)."""
    first = fold(name.split()[0])
    if first in _PARTICLES:
        return False  # "Da Silva won 51%": a name's particle, capitalised at the start
    if first in word_set("function_words") or first in word_set("sentence_openers") \
            or first in figure_words("about") or first in qualifier_words():
        return True
    opening = at == 0 or bool(re.search(r"(?:^|[.!?:\n\u201c\"]\s*)$", text[max(0, at - 3):at]))
    if not opening:
        return False
    common = word_set("roles") | word_set("organisation_words") | _PLACE_NOUNS | {
        "hospital", "hospitals", "doctors", "rescuers", "firefighters", "residents", "witnesses"}
    if first in counted_nouns() or first.rstrip("s") in common or first in common:
        return True  # "Researchers studied", "Police arrested": a common noun opening the sentence
    lower = re.escape(name.split()[0].lower())
    return re.search(r"(?<![\w])" + lower + r"(?![\w])", text) is not None


@lru_cache(maxsize=1)
def qualifier_words() -> frozenset[str]:
    return frozenset(w for role in ("above", "atleast", "below", "atmost", "about", "near",
                                    "justover") for w in figure_words(role) if " " not in w)


_WHEN = re.compile(
    r"\b(?:(?:on|by|since|until|as of|from|late on|early on|late|early)\s)?"
    r"(?:(?:" + "|".join(_DAYS) + r")(?:\s(?:morning|afternoon|evening|night))?|yesterday|"
    r"today|tonight|last night|overnight|this week|last week|this morning|this afternoon|"
    r"this evening|in afternoon trading|by the close|at the close|so far|later|earlier|"
    r"initially|now|as of [A-Z][a-z]+ \d{4})\b", re.I)


def _when(text: str, quantity: Quantity, clause: _Clause, dates: list[Quantity]) -> str:
    """When the clause says the figure was given or held: the time words nearest to it."""
    masked = _masked_cached(text, clause.start, clause.end)
    found = [(abs(clause.start + m.start() - quantity.start), m.group())
             for m in _WHEN.finditer(masked)]
    found += [(abs(d.start - quantity.start), text[d.start:d.end]) for d in dates
              if d.unit in ("monthday", "date") and clause.start <= d.start < clause.end]
    return min(found)[1].strip() if found else ""


def _anchor(text: str, quantity: Quantity, clause: _Clause, dates: list[Quantity]) -> str:
    """Another time the clause puts the figure in: a year, a month, "last year": figures of
    other times are other facts ("the previous record of €746m, levied in 2021")."""
    for d in dates:
        if clause.start <= d.start < clause.end and d.unit in ("year", "month") and not d.is_range:
            return text[d.start:d.end]
    masked = _masked_cached(text, clause.start, clause.end)
    m = re.search(r"\bin (?:January|February|March|April|May|June|July|August|September|October|"
                  r"November|December)\b|\b(?:in total|total|cumulative|combined|"
                  r"so far this year)\b",
                  masked)
    if m:
        return m.group()
    m = re.search(r"\b(?:last|previous|this) (?:year|month|quarter)|\bprevious\b|\bearlier this "
                  r"(?:month|year|week)\b|\b(?:first|second|third|previous|last|final) "
                  r"(?:round|leg|"
                  r"half|phase|wave)\b", fold(_masked_cached(text, clause.start, clause.end)))
    return m.group() if m else ""


@lru_cache(maxsize=1)
def _update_pattern() -> re.Pattern[str]:
    words = "|".join(map(re.escape, figure_words("update")))
    return re.compile(r"\b(?:" + words + r")\s+(?:at\s+least\s+|about\s+|nearly\s+)?$")


@lru_cache(maxsize=1)
def _unsure_pattern() -> re.Pattern[str]:
    words = "|".join(map(re.escape, figure_words("unsure")))
    return re.compile(r"(?<![\w])(?:" + words + r")(?![\w])(?!\s+have\b)")


def _update(text: str, quantity: Quantity, clause: _Clause) -> bool:
    before = fold(text[max(clause.start, quantity.start - 40):quantity.start])
    after = fold(text[quantity.end:min(clause.end, quantity.end + 30)])
    return bool(_update_pattern().search(before)) or "so far" in after


def _unsure(text: str, quantity: Quantity, clause: _Clause) -> bool:
    """A projection or possibility: an "unsure" word before the figure in its clause, or after it
    with no comma between ("a 50-day strike could cost ...")."""
    masked = fold(_masked_cached(text, clause.start, clause.end))
    at = quantity.start - clause.start
    window = masked[:at] + re.split(r",(?!\d)", masked[at:])[0]  # not the comma of "250,000"
    return bool(_unsure_pattern().search(window))


def _converted(text: str, quantity: Quantity, previous: Quantity | None) -> bool:
    """An amount in brackets right after another of the same kind: "€13bn ($14.4bn)",
    "90 mph (145 kph)", "€1.2bn (£1bn)"."""
    if previous is None or previous.category != quantity.category:
        return False
    gap = fold(text[previous.end:quantity.start])
    return bool(re.fullmatch(r"\s*\(\s*(?:about|around|roughly|some|approximately|nearly)?\s*",
                             gap))


@lru_cache(maxsize=1)
def _stage_pattern() -> re.Pattern[str]:
    """"with 99.1 percent of voting machines counted", "with all the votes counted", "after more
    than 99% of the ballots were tallied", "with 300 of 412 precincts reporting"."""
    roles: dict[str, list[str]] = {"unit": [], "verb": []}
    for line in word_list("count_stages"):
        words, _, role = (part.strip() for part in line.rpartition("|"))
        roles[role].append(re.escape(words))
    units = "|".join(sorted(roles["unit"], key=len, reverse=True))
    verbs = "|".join(sorted(roles["verb"], key=len, reverse=True))
    everything = r"(?:nearly |almost |virtually )?(?:all|most) (?:of )?(?:the )?"
    share = (r"(?:(?:more than|over|about|nearly|almost|some|just over|around) )?"
             r"\d[\d.,]*\s?(?:%|percent|per cent) of (?:the )?")
    part = r"\d[\d,]* of (?:the )?\d[\d,]* "
    return re.compile(r"\b(?:with|after|as of|once|when) (?:" + everything + "|" + share + "|"
                      + part + r")(?:" + units + r")(?: had been| have been| were| was| are| is)? "
                      r"(?:" + verbs + r")\b", re.I)


_SCOPE = re.compile(r"^,?\s(?:(?:not counting|not including|excluding|including|which includes|"
                    r"which excludes|counting only|plus)\s[^,;.:]{3,90})")


def _scope(text: str, quantity: Quantity, clause: _Clause) -> str:
    """What the count leaves in or out, written right after it: "13, not counting any victims
    in Mexico Beach", "14, including the victim found in the rubble"."""
    m = _SCOPE.match(text[quantity.end:clause.end])
    return m.group().lstrip(", ").strip() if m else ""


# Words that measure an event against the past: "the first title since 1986", "the highest
# inflation since 1982", "the worst storm since 1935".
_SINCE = re.compile(r"\b(first|highest|lowest|biggest|largest|worst|best|deadliest|strongest|"
                    r"weakest|fewest|steepest|sharpest)\b(?:[\s\w'\u2019-]{0,60}?)\bsince\s$",
                    re.I)


def _since(text: str, quantity: Quantity, clause: _Clause) -> str:
    """The word a year after "since" measures from ("first" of "their first World Cup title since
    1986"), when the year follows "since" directly; "" otherwise."""
    if quantity.category != "date" or quantity.unit != "year":
        return ""
    m = _SINCE.search(text[max(clause.start, quantity.start - 90):quantity.start])
    return fold(m.group(1)) if m else ""


def _stage(sentence: Sentence) -> str:
    """How far the count had got when the sentence gives its figures, as written, or ""."""
    m = _stage_pattern().search(sentence.text)
    return m.group() if m else ""


# --- who gives it -----------------------------------------------------------------------------

_TIME_WORDS = frozenset({"earlier", "later", "on", "this", "last", "yesterday", "today",
                         "tonight", "in", "at", "during", "late", "early", "week", "month",
                         "year", "weekend", "morning", "evening", "night", *_DAYS})
_FIRST_PERSON = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y|[Ww]e['\u2019](?:ve|re|ll)|I['\u2019](?:m|ve))\b")

_WORD = r"[A-Za-z\u00C0-\u024F0-9][A-Za-z\u00C0-\u024F0-9'\u2019&.-]*"
_NP = r"((?:" + _WORD + r"\s){0,10}?" + _WORD + r")"


@lru_cache(maxsize=1)
def _verbs() -> str:
    return "|".join(sorted(map(re.escape, source_verbs()), key=len, reverse=True))


def _trimmed(phrase: str) -> list[str]:
    """The words of a phrase before a speech verb, without an opening "But" or a trailing time
    ("Microsoft earlier this week")."""
    words = phrase.strip(" ,.").split()
    while words and fold(words[0]) in word_set("sentence_openers") | {"and", "but", "also"}:
        words = words[1:]
    if words and all(fold(w) in _TIME_WORDS for w in words):
        return []
    for i, word in enumerate(words):
        if i and fold(word) in _TIME_WORDS:
            return words[:i]
    # "Microsoft recently disclosed": an adverb between the source and its verb is not the name.
    while len(words) > 1 and words[-1].islower() and fold(words[-1]) in word_set("clause_adverbs"):
        words = words[:-1]
    return words


_NOT_IN_NAMES = frozenset({"it", "to", "he", "she", "they", "we", "according", "whose", "who",
                           "which", "than"})
_CLAUSE_WORDS = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would",
                           "that", "when", "after", "if", "because", "not"})


def _reads_as_clause(words: list[str]) -> bool:
    """Words that make a phrase a clause rather than a name: a pronoun, a verb, a number."""
    low = [fold(w) for w in words]
    if low[0] in word_set("pronouns") or low[0] in ("they", "it", "we", "i", "you", "this",
                                                     "that", "which", "who", "there"):
        return True
    if any(w in _NOT_IN_NAMES for w in low) or "its" in low[1:] or (
            low[0].endswith("ing") and words[0].islower()):
        return True
    if low[-1] in word_set("function_words") or (
            words[-1].islower() and low[-1].endswith(("ed", "ing"))):
        return True  # "fined Meta a (record)", "Meta fined (record)"
    nouns = {0} if len(low) > 1 and low[1] in ("by", "from", "of") else set()
    if low[-1].endswith("s"):
        nouns.add(len(low) - 1)  # "fire service estimates": a plural noun, not a verb
    verbs = any(w in source_verbs() for i, (w, written) in enumerate(zip(low, words, strict=True))
                if written.islower() and i not in nouns)
    return verbs or any(re.search(r"\d", w) for w in words) or any(w in _CLAUSE_WORDS for w in low)


def _source_np(phrase: str) -> str | None:
    """A phrase that can name a source, cleaned ("But officials" -> "officials"), or None when
    it reads as a clause, a pronoun or a number, or names a thing that cannot speak."""
    words = _trimmed(phrase)
    if not words or len(words) > 12 or _reads_as_clause(words):
        return None
    return " ".join(words)


# Verbs a thing does as well as a person: "the wreckage indicates", "the results show".
_THING_VERBS = frozenset({"show", "shows", "showed", "shown", "suggest", "suggests", "suggested",
                          "indicate", "indicates", "indicated", "reveal", "reveals", "revealed",
                          "give", "gives", "gave", "put", "puts", "record", "records", "recorded"})


def _can_speak(words: list[str]) -> bool:
    """Whether a phrase names someone who can give a figure: a name (a capitalised word past a
    determiner), a role, a body, a document or an unnamed source ("officials") -- not a thing
    that "indicates" or "shows" ("the debris", "the wreckage", "the results")."""
    skip = word_set("function_words")
    if any(w[:1].isupper() and fold(w) not in skip for w in words):
        return True
    lists = (word_set("roles") | word_set("body_nouns") | word_set("organisation_words")
             | word_set("document_nouns"))
    for word in words:
        low = fold(word).strip(",.")
        if low in lists or low.rstrip("s") in lists or low[:-3] + "y" in lists \
                or re.fullmatch(_SPEAKERS, low):
            return True
    return False


# Words naming people a text does not name ("officials", "analysts", "residents").
_SPEAKERS = (r"officials?|sources?|persons?|people|insiders?|media|reports?|analysts?|experts?|"
             r"witnesses|residents|someone|spokes\w+|employees?|researchers?|scientists?|"
             r"authorities|police|investigators?|rescuers?|organi[sz]ers|workers|staff|"
             r"he|she|they|it|who")


def _unnamed(name: str) -> bool:
    """A source the text does not name: "officials", "a person familiar with...", "local
    media", "sources"."""
    low = fold(name)
    if any(w[:1].isupper() for w in name.split()[1:]) and not re.search(
            r"\bofficials?\b|\bsources?\b", low):
        return False
    return bool(re.search(r"\b(?:officials?|sources?|person|people|insiders?|media|reports?|"
                          r"analysts?|experts?|witnesses|residents|someone|spokes\w+|"
                          r"employee|researchers?)\b", low)) and not name[:1].isupper() or \
        low.startswith(("a ", "an ", "local ", "some ", "several ", "officials", "sources"))


def _as_source(np: str, words: str, via: str = "") -> Source:
    return Source(np, "unnamed" if _unnamed(np) else "named", via, words)


def _source(text: str, sentence: Sentence, clause: _Clause, quantity: Quantity) -> Source:
    """Who gives the figure; unclear when the sentence credits it to two different sources
    ("Alphabet announced ..., CEO Sundar Pichai told employees")."""
    found = _attribution(text, sentence, clause, quantity)
    if found.kind in ("named", "unnamed"):
        tail = _tail_attribution(text, sentence, clause, quantity)
        if tail is not None and not _overlap(tail.name, found.name):
            return Source("", "unclear")
    return found


def _overlap(a: str, b: str) -> bool:
    words_a = {w for w in re.findall(r"[a-z]+", fold(a)) if len(w) > 2}
    words_b = {w for w in re.findall(r"[a-z]+", fold(b)) if len(w) > 2}
    return bool(words_a & words_b) or fold(a) in fold(b) or fold(b) in fold(a)


def _tail_attribution(text: str, sentence: Sentence, clause: _Clause,
                      quantity: Quantity) -> Source | None:
    return _trailing(_spot(text, sentence, clause, quantity))


@dataclass(frozen=True)
class _Spot:
    """A figure in its sentence, as the attribution rules read it."""

    text: str
    sentence: Sentence
    masked: str  # the sentence with quotations blanked
    lo: int  # the figure's clause, in offsets within the sentence
    hi: int
    at: int  # the figure's start within the sentence

    def source(self, match: re.Match, group: int | str = 1, via: str = "") -> Source | None:
        np = _source_np(match.group(group))
        if np is None:
            return None
        verb = match.string[match.end(group):match.end()].split()[:1]
        if verb and fold(verb[0]) in _THING_VERBS and not _can_speak(np.split()):
            return None  # "The debris indicates that ...": a thing, not a source
        words = self.text[self.sentence.start + match.start():self.sentence.start + match.end()]
        return _as_source(np, words.strip(" ,"), _via(via))


def _spot(text: str, sentence: Sentence, clause: _Clause, quantity: Quantity) -> _Spot:
    return _Spot(text, sentence, _masked(text, sentence), clause.start - sentence.start,
                 clause.end - sentence.start, quantity.start - sentence.start)


def _according(spot: _Spot) -> Source | None:
    """"according to X" covers its clause, or the whole sentence when it opens or closes it."""
    # A full stop before a capital ("according to U.S. Geological Survey data") is inside an
    # abbreviation: the sentence goes on, and so does the name.
    for m in re.finditer(r"\b[Aa]ccording to " + _NP + r"(?=\s*[,;]|\.(?!\s?[A-Z])|\s*$)",
                         spot.masked):
        if spot.lo <= m.start() < spot.hi or m.start() == 0 \
                or m.end() >= len(spot.masked.rstrip(" .")) - 1:
            found = spot.source(m)
            if found:
                return found
    return None


def _described(spot: _Spot) -> Source | None:
    """"Captain Sofia Arenz, a police spokeswoman, said ...": the name before its description."""
    m = re.match(_NP + r",\s(?:a|an|the|who|which|whose|[a-z]+\s(?:of|at|for))\s[^,]{2,70},\s(?:"
                 + _verbs() + r")\b", spot.masked)
    return spot.source(m) if m and m.end() <= spot.at and spot.lo == 0 else None


def _adding(spot: _Spot) -> Source | None:
    """"..." Pichai said, adding that the workforce would be cut by 12,000 roles."""
    lead = len(spot.masked) - len(spot.masked.lstrip("_ ,"))
    m = re.compile(_NP + r"\s(?:" + _verbs() + r")\b[^,]*,\s(?:adding|saying|noting)\b").match(
        spot.masked, lead)
    return spot.source(m) if m and m.end() < spot.at else None


def _leading(spot: _Spot) -> Source | None:
    """"X said (that) ...", "X told reporters ...", "X put the number at ...": covers what
    follows the verb."""
    for m in re.finditer(r"(?:^|,\s|\bthat\s|\s[-\u2014\u2013]\s)" + _NP + r"\s(?:has\s|have\s|"
                         r"had\s|also\s|previously\s|earlier\s|on\s\w+\s)*(?P<verb>" + _verbs()
                         + r")\b", spot.masked):
        if m.end() > spot.at or not spot.lo <= m.start() + 2 <= spot.hi:
            continue
        if re.search(r"\b(?:a|an|the|its|their|his|her)\s$", spot.masked[:m.start("verb")], re.I):
            continue  # "fined Meta a record €1.2 billion": a noun, not a verb of saying
        found = spot.source(m)
        if found and re.match(r"\s(?:put|puts|show|shows|gave|give)\b", spot.masked[m.end():]) \
                and m.group("verb").endswith("s"):
            # "fire service estimates put the number at 140"
            found = _as_source(f"{found.name} {m.group('verb')}", found.words)
        if found and not _is_clause_subject(found.name):
            return found
    return None


def _trailing(spot: _Spot) -> Source | None:
    """"..., X said." / "..., X told reporters on Friday.": covers what comes before."""
    body = spot.masked[:spot.hi] if spot.hi < len(spot.masked) else spot.masked
    m = re.search(r"(?:,|_)\s" + _NP + r"\s(?:" + _verbs() + r")\b(?P<rest>[^,;]{0,120})$",
                  body.rstrip(" ."))
    if m and m.start() > spot.at and _attribution_tail(m.group("rest")):
        return spot.source(m, via=m.group("rest"))
    return None


def _inverted(spot: _Spot) -> Source | None:
    """"..., said the spokeswoman, Ana Leto." covers what comes before."""
    m = re.search(r",\s(?:said|says|added|wrote)\s" + _NP + r"(?:,\s[^,]{2,160})?\s*[.,]?\s*$",
                  spot.masked)
    return spot.source(m) if m and m.start() > spot.at else None


def _middle(spot: _Spot) -> Source | None:
    """"..., hospital officials told Ilvet Today, a higher figure": attribution mid-sentence."""
    m = re.search(r",\s" + _NP + r"\s(?:" + _verbs() + r")\b(?P<via>[^,;\d]{0,40}),\s",
                  spot.masked)
    if m and m.start() > spot.at and spot.lo <= m.start() < spot.hi \
            and _attribution_tail(m.group("via")):
        return spot.source(m, via=m.group("via") or "")
    return None


_READERS = (_according, _described, _adding, _leading, _trailing, _inverted, _middle)


def _attribution(text: str, sentence: Sentence, clause: _Clause, quantity: Quantity) -> Source:
    """Who the sentence says gives the figure, read inside the figure's clause, as news writes
    attribution, each shape tried in turn."""
    spot = _spot(text, sentence, clause, quantity)
    if _FIRST_PERSON.search(spot.masked):
        return Source("", "unclear")  # "We've decided to cut 12,000 roles": someone's own words
    for reader in _READERS:
        found = reader(spot)
        if found is not None:
            return found
    if re.search(r"\b(?:" + _verbs() + r")\b", fold(spot.masked[spot.lo:spot.hi])) \
            or '"' in spot.masked:
        return Source("", "unclear")
    return Source("", "outlet")


def _attribution_tail(rest: str) -> bool:
    """What may follow "X said" when X is the source of what came before: nothing, a time, a
    place, a medium or whom X told ("told Reuters", "in a statement on Friday"), not a new clause
    ("officials say it could rise")."""
    words = fold(rest).split()
    if not words:
        return True
    if words[0] in ("that", "it", "they", "he", "she", "this", "there", "the", "its", "their"):
        return False
    return not any(w in ("is", "was", "will", "would", "could", "may", "might", "had", "has",
                         "have", "are", "were", "that") for w in words)


def _is_clause_subject(np: str) -> bool:
    """A phrase that cannot speak: "the figure", "the cuts", "estimates" stay unclear."""
    low = fold(np).split()
    return low[-1] in _COUNT_NOUNS | {"cuts", "figures", "data", "results", "it"}


_NOT_VIA = frozenset({*_TIME_WORDS, "reporters", "journalists", "a", "the", "that", "parliament",
                      "employees", "staff", "his", "her"})


def _via(words: str) -> str:
    """Who a source told: "Reuters" of "told Reuters", nothing for "told reporters"."""
    words = words.strip(" ,.")
    if not words or fold(words).split()[0] in _NOT_VIA:
        return ""
    return words if words[:1].isupper() else ""


# --- reading the story ------------------------------------------------------------------------


def _place(sentence: Sentence) -> str:
    if sentence.role == "headline":
        return "headline"
    return "caption" if sentence.role == "caption" else "body"


def _in_quote(text: str, quantity: Quantity) -> bool:
    return any(q.start <= quantity.start and quantity.end <= q.end for q in quotations(text))


def _paired(found: list[Quantity], quantity: Quantity) -> bool:
    """One of two amounts of one kind in one sentence, set against each other ("51% to 49%",
    "50.9% of votes against 49.1% for Bolsonaro")."""
    same = [q for q in found if q.category == quantity.category and q.unit == quantity.unit
            and q.role == quantity.role and q.category in ("percent", "count")]
    return len(same) >= 2


def read_sentence_figures(reading: ArticleReading, sentence: Sentence) -> list[Figure]:
    """The figures of one sentence of an article. An amount in brackets converting the one
    before it ("€13bn ($14.4bn)") counts what that one counts, and is looked through when
    reading the words around the other."""
    text = reading.text
    found = list(quantities(text, sentence.start, sentence.end))
    if not found:
        return []
    clauses = _clauses(text, sentence)
    dates = [q for q in found if q.category == "date"]
    conversions = {id(q) for q, previous in zip(found[1:], found, strict=False)
                   if _converted(text, q, previous)}
    plain = [q for q in found if id(q) not in conversions]
    figures: list[Figure] = []
    for quantity in found:
        clause = _clause_of(clauses, quantity.start)
        if id(quantity) in conversions and figures:
            figures.append(_conversion(reading, quantity, figures[-1]))
            continue
        counts, holder, paired = _counts(text, sentence, quantity, clause, plain)
        part = _not_the_event_count(text, quantity, clause, counts.kind)
        if part:  # the event's words count something else: no event, no holder
            counts, holder = Counted(counts.noun, counts.kind, "", ""), ""
        figures.append(Figure(
            reading.id, reading.passage(quantity.start, quantity.end), sentence, quantity,
            counts, _source(text, sentence, clause, quantity),
            when=_when(text, quantity, clause, dates), update=_update(text, quantity, clause),
            quoted=_in_quote(text, quantity), place=_place(sentence),
            where=_where(text, quantity, clause), holder=holder,
            anchor=_anchor(text, quantity, clause, dates),
            unsure=_unsure(text, quantity, clause), paired=paired, stage=_stage(sentence),
            scope=_scope(text, quantity, clause), since=_since(text, quantity, clause),
            part=part))
    return figures


def _counts(text: str, sentence: Sentence, quantity: Quantity, clause: _Clause,
            found: list[Quantity]) -> tuple[Counted, str, bool]:
    """What the figure counts, whose it is, and whether it is set against another."""
    noun, kind = "", ""
    if quantity.category in ("count", "percent"):
        noun, kind = _counted_noun(text, quantity, clause.end)
        if quantity.category == "percent" and not re.match(r"\s+of\b", text[quantity.end:]):
            noun, kind = "", ""
    if not noun:
        noun, kind = _noun_before(text, quantity, clause)
    if noun and fold(noun.split()[-1]) in _event_of():
        kind = ""  # "47 deaths", "23 arrests": the noun is the event itself
    if re.match(r"\s+of\s+(?:the|those|them)\b", text[quantity.end:quantity.end + 12]):
        part = re.match(r"\s+of\s+(?:the|those)\s+([a-z]+)",
                        fold(text[quantity.end:quantity.end + 30]))
        if part and part.group(1) in _event_of():
            # "Nine of the dead": a part of the toll, not the toll.
            return Counted(noun, kind, "", ""), "", False
    event, event_text, gap = _clause_event(text, quantity, clause, noun, found)
    if not noun and not event:
        noun, kind, event, event_text = _restated(text, quantity, clause)
        gap = 99
    if not _can_befall(event, kind):
        event, event_text, gap = "", "", 0
    holder = _holder(text, quantity, clause)
    paired = _paired(found, quantity)
    if not event and paired and holder and quantity.category == "percent":
        event = "vote" if re.search(r"\b(?:votes?|ballots?|election|polls?)\b",
                                    fold(sentence.text)) else "share"
        gap = 0
    return Counted(noun, kind, event, event_text, gap), holder, paired


# "all but two onboard were killed": the two are who escaped it; "most of the 181 aboard are
# presumed dead": the 181 are the whole of which a part died. Neither is the event's count.
_EXCEPTED = re.compile(r"\b(?:all\s+but|except(?:\s+for)?|save\s+for|apart\s+from|"
                       r"(?:most|all|some|many|half|several|none|each|any)\s+of\s+"
                       r"(?:the|its|their|those|these))\s+$")
# Two counts of a list side by side: "47 men, 48 women and one child".
_A_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_JOIN = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
_LIST_BEFORE = re.compile(r"(?<![\w.,])" + _A_NUMBER + r"\s+(?P<noun>[a-z-]+)" + _JOIN + r"$")
_LIST_AFTER = re.compile(r"^\s+[a-z-]+" + _JOIN + _A_NUMBER + r"\s+(?P<noun>[a-z-]+)")


def _not_the_event_count(text: str, quantity: Quantity, clause: _Clause, kind: str) -> bool:
    """A count the event's words do not count: the exception or the whole a part is taken from,
    or one group of a breakdown ("47 men, 48 women and one child were killed"), whose parts are
    each no toll."""
    before = fold(text[clause.start:quantity.start])
    if _EXCEPTED.search(before):
        return True
    if quantity.category != "count" or not kind:
        return False  # "2 dead and 5 injured": counts of two events, each its own
    beside = (_LIST_BEFORE.search(fold(text[max(0, quantity.start - 40):quantity.start]))
              or _LIST_AFTER.match(fold(text[quantity.end:quantity.end + 40])))
    # "10 fatalities and 101 missing people": the other count is of an event, not a group.
    return bool(beside) and beside.group("noun") not in _event_of()


def _restated(text: str, quantity: Quantity, clause: _Clause) -> tuple[str, str, str, str]:
    """A figure set off by a comma after the noun it counts restates it: "recalling nearly all
    the vehicles it sold in the US, more than 2 million": the noun and event before the comma."""
    before = text[clause.start:quantity.start]
    if not re.search(r",\s*$", before):
        return "", "", "", ""
    segment = before.rstrip(", ")
    nouns = [(m.group(), m.start()) for m in re.finditer(r"[a-z]+", segment)
             if m.group() in counted_nouns()]
    events = [(m.group(), m.start()) for m in _event_pattern().finditer(fold(segment))]
    if not nouns or not events:
        return "", "", "", ""
    noun = nouns[-1][0]
    words, _ = events[-1]
    return noun, counted_nouns()[noun], _event_of()[words][0], words


def _conversion(reading: ArticleReading, quantity: Quantity, original: Figure) -> Figure:
    return Figure(reading.id, reading.passage(quantity.start, quantity.end), original.sentence,
                  quantity, original.counts, original.source, original.when, original.update,
                  original.quoted, original.place, original.where, original.holder,
                  original.anchor, converted=True, unsure=original.unsure, paired=original.paired,
                  stage=original.stage, scope=original.scope)


def read_article_figures(reading: ArticleReading) -> tuple[Figure, ...]:
    found: list[Figure] = []
    for sentence in reading.sentences:
        if sentence.role == "credit":
            continue
        found.extend(read_sentence_figures(reading, sentence))
    return tuple(found)


def read_figures(model) -> tuple[Figure, ...]:
    """Every figure of the story's articles, article by article in text order."""
    return tuple(figure for reading in model.articles for figure in read_article_figures(reading))
