"""How an outlet presents what each sentence claims: flatly in its own voice, as someone's words
(and whose), or hedged in its own words ("reportedly", "may have"); and whether the claim matters
(a figure, a cause, a blame, a named person or body) or is too bland to ask about.

The whole sentence is judged, not one clause: "The regulator said the firm broke the rules, and
it will appeal" is the regulator's from its first words. A hedge inside a quotation or inside what
a sentence credits to someone is the source's, not the outlet's.
"""
from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import snowballstemmer

from quizapp.generators.reading.articles import ArticleReading, Passage, Sentence
from quizapp.generators.reading.spans import SpanIndex
from quizapp.generators.reading.speech import (
    NOUN_MARKERS,
    QUOTE,
    SentenceParse,
    parse_article,
    role_word,
)
from quizapp.generators.reading.text import (
    Token,
    fold,
    possessive_stripped,
    quotations,
    speaks_in_first_person,
    word_list,
    word_set,
)

# How strongly a sentence ties one thing to another.
CAUSE, POSSIBLE_CAUSE, ASSOCIATION = "cause", "possible cause", "association"

ASSERTED = "asserted"  # in the outlet's own voice, with no hedge and no credit
ATTRIBUTED = "attributed"  # credited to a source: "X said", "according to X", a quotation
HEDGED = "hedged"  # put as unconfirmed or possible in the outlet's own words
MIXED = "mixed"  # credited and hedged at once, or built on someone's "claim": left unjudged

# Where a credit stands in its sentence, which decides how much of the sentence it covers.
LEAD, END, ASIDE, INNER = "lead", "end", "aside", "inner"

# Words that open a subordinate clause: a credit after one ("after Lee said ...") covers that
# clause only, not the sentence's main claim.
_SUBORDINATORS = frozenset({
    "that", "which", "who", "whom", "whose", "after", "when", "as", "because", "while", "if",
    "since", "before", "where", "until", "though", "although", "unless", "once", "whereas",
    "and", "but", "or", "nor", "so", "than", "despite", "amid", "following",
})
# What sets a closing or parenthetical credit off from the claim: ", the union said",
# "-- scientists report --".
_BREAKS = frozenset({",", QUOTE, "\u2014", "\u2013"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s"})
# Words between a source and its verb, or after the verb, that change nothing ("on Monday",
# "in a statement", "told reporters").
_TIME_WORDS = frozenset({"on", "in", "at", "late", "early", "this", "last", "next", "week",
                         "month", "year", "morning", "afternoon", "evening", "night", "day"})
_MAX_SUBJECT = 10  # words in a source's name and title before its verb
_MAX_TAIL = 14  # words after a closing credit's verb: "said in a statement on Monday"
_NUMBER_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    "billion", "billions", "trillion", "half", "third", "quarter", "twice", "double", "triple",
})
_WORD = re.compile(r"[^\W\d_][\w\-'\u2019]*")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
# A figure in running text, with the words either side: a figure between capitals is a name or a
# model ("737 MAX", "Article 46", "Jan 20"), and "80th" is an order, not a count of 80.
_FIGURE_IN_TEXT = re.compile(r"(?P<before>[\w\u2019']+[,.]?\s+)?(?P<figure>\d[\d,.]*\d|\d)"
                             r"(?P<suffix>st|nd|rd|th)?(?P<after>\s+[\w\u2019']+)?")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec"})


@dataclass(frozen=True)
class Source:
    """Whom a sentence credits: as a student would read it, and whether it is a name."""

    name: str  # "Andrea Jelinek", "the regulator", "officials"
    named: bool  # a person or body named as such, not a description ("officials") or pronoun
    passage: Passage  # where this sentence gives it (for a pronoun: the pronoun)


@dataclass(frozen=True)
class Credit:
    """One place a sentence credits words to someone: "X said", "according to X"."""

    verb: Passage  # "said", "according to"
    source: Source | None
    place: str  # LEAD, END, ASIDE or INNER
    reach: tuple[int, int]  # offsets of the words credited to the source
    # "says" for a verb of saying ("said", "told", "according to"); "that" for a verb naming an
    # act that may carry words ("announced", "confirmed", "found"): see claim_verbs.txt
    verb_class: str = "says"


@dataclass(frozen=True)
class Hedge:
    passage: Passage
    # as hedges.txt has it ("unverified", "possible", "association", "qualifier"), or "clause":
    # a hedge inside a relative or conditional clause ("victims who may be buried"), which
    # hedges that clause, not the sentence's claim
    strength: str
    whose: str  # "outlet" (its narration) or "source" (inside a quote or credited words)


@dataclass(frozen=True)
class Statement:
    """How one sentence (prose or headline) presents its main claim."""

    sentence: Sentence
    presentation: str  # ASSERTED, ATTRIBUTED, HEDGED or MIXED
    markers: tuple[Passage, ...]  # the words that make it so: "said", "according to", "reportedly"
    sources: tuple[Source, ...]  # whom it credits, for an attributed statement
    credits: tuple[Credit, ...]
    hedges: tuple[Hedge, ...]
    quoted: float  # share of its words inside quotation marks
    stakes: tuple[str, ...]  # what makes it matter: "figure", "cause", "blame", "named"
    content: frozenset[str]  # its content words, stemmed, for finding the same claim elsewhere
    figures: frozenset[str]  # its figures as digits: "1.2", "12000"
    names: frozenset[str] = frozenset()  # the stems of its capitalised words past the first
    # Another sentence of its paragraph credits, quotes or hedges, or one of its figures is
    # credited elsewhere in the article: an assertion here may be someone's words after all.
    credited_nearby: bool = False
    # It speaks in the first person outside quotation marks ("I want to share ...", "We are
    # working ..."): a speaker's words printed without marks, as transcripts of a statement are.
    first_person: bool = False
    # How strongly it ties one thing to another, in its own words (not a quotation's): CAUSE
    # ("sweeteners increase the risk"), POSSIBLE_CAUSE ("may increase"), ASSOCIATION ("linked
    # to"), or "" where it states no link.
    link: str = ""
    link_words: Passage | None = None  # the words that make the link: "increase", "linked to"

    @property
    def article(self) -> str:
        return self.sentence.article

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def matters(self) -> bool:
        """Whether the claim is worth asking about: not "Crews were at the scene"."""
        return bool(self.stakes)

    def hedges_of(self, whose: str, *strengths: str) -> tuple[Hedge, ...]:
        return tuple(h for h in self.hedges
                     if h.whose == whose and (not strengths or h.strength in strengths))

    @property
    def clean(self) -> bool:
        """Plainly one presentation: an assertion with no hedge of any kind and no quotation, an
        attribution with a named or described source and no hedge of the outlet's, or a hedge
        of the outlet's that is a real hedge (not only a claim of a link)."""
        if self.presentation == ASSERTED:
            return not self.hedges and self.quoted == 0
        if self.presentation == ATTRIBUTED:
            return bool(self.sources) and not self.hedges_of("outlet")
        if self.presentation == HEDGED:
            return bool(self.hedges_of("outlet", "unverified", "possible"))
        return False


# A word or figure in more statements than this ("said", "Meta", "2023") ties no two of them
# together; looking only at rarer ones keeps finding a claim's matches linear in the story.
COMMON_WORD = 40
# A word at least this share of the story's articles use is the story's own vocabulary: what the
# event is about, not a side detail.
CENTRAL_SHARE = 0.4


def _claim_key(statement: Statement) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """All that `same_claim` reads of a statement."""
    return statement.content, statement.figures, statement.names


class _ArticleClaims:
    """One article's statements grouped by what `same_claim` reads of them, so a claim is
    compared once with each distinct wording that shares enough words with it, not with every
    sentence of the article (a long page repeats itself)."""

    def __init__(self, statements: tuple[Statement, ...]) -> None:
        self.position = {id(s): i for i, s in enumerate(statements)}
        self._told: dict[tuple, set[str]] = {}
        self._example: dict[tuple, Statement] = {}
        for statement in statements:
            key = _claim_key(statement)
            self._told.setdefault(key, set()).add(statement.presentation)
            self._example.setdefault(key, statement)
        self._holders: dict[str, list[tuple]] = {}
        for key in self._told:
            for word in key[0]:
                self._holders.setdefault(word, []).append(key)
        self._found: dict[tuple, frozenset[str]] = {}

    def presentations(self, statement: Statement) -> frozenset[str]:
        key = _claim_key(statement)
        if key not in self._found:
            shared: dict[tuple, int] = {}
            for word in statement.content:
                for other in self._holders.get(word, ()):
                    shared[other] = shared.get(other, 0) + 1
            found: set[str] = set()
            for other, count in shared.items():
                # same_claim asks for three content words in common at the least.
                if count >= 3 and same_claim(self._example[other], statement):
                    found |= self._told[other]
            self._found[key] = frozenset(found)
        return self._found[key]


class Statements(tuple):
    """Every statement of the story, in article order, with the ways kinds look them up."""

    @cached_property
    def _by_article(self) -> dict[str, tuple[Statement, ...]]:
        found: dict[str, list[Statement]] = {}
        for statement in self:
            found.setdefault(statement.article, []).append(statement)
        return {article: tuple(items) for article, items in found.items()}

    def of_article(self, article: str) -> tuple[Statement, ...]:
        return self._by_article.get(article, ())

    @cached_property
    def _claims(self) -> dict[str, _ArticleClaims]:
        return {article: _ArticleClaims(items) for article, items in self._by_article.items()}

    def position(self, statement: Statement) -> int:
        """Where the statement stands among its article's (of_article's index)."""
        return self._claims[statement.article].position[id(statement)]

    def told_in_article(self, statement: Statement) -> frozenset[str]:
        """How the statement's own article presents every sentence of it making the same claim
        (`same_claim`), the statement itself included when it matches itself."""
        return self._claims[statement.article].presentations(statement)

    def at(self, article: str, offset: int) -> Statement | None:
        for statement in self.of_article(article):
            if statement.sentence.start <= offset < statement.sentence.end:
                return statement
        return None

    @cached_property
    def _index(self) -> dict[str, list[Statement]]:
        index: dict[str, list[Statement]] = {}
        for statement in self:
            for word in statement.content | statement.figures:
                index.setdefault(word, []).append(statement)
        return index

    @cached_property
    def _spread(self) -> dict[str, int]:
        """How many articles use each content word: the story's own vocabulary."""
        found: dict[str, int] = {}
        for items in self._by_article.values():
            for word in frozenset().union(*(s.content for s in items)):
                found[word] = found.get(word, 0) + 1
        return found

    def centrality(self, statement: Statement) -> float:
        """The share of the statement's content words that most of the story's articles use
        too: near 1 for the event itself ("the stranded crew left the ship"), near 0
        for a side detail ("both sides are preparing spring offensives")."""
        hedging = frozenset().union(*(content_words(h.passage.text) for h in statement.hedges))
        words = statement.content - hedging  # "considered likely" says how, not what
        if not words:
            return 0.0
        enough = max(2, math.ceil(CENTRAL_SHARE * len(self._by_article)))
        common = [w for w in words if self._spread.get(w, 0) >= enough]
        return len(common) / len(words)

    def same_claim(self, statement: Statement) -> tuple[Statement, ...]:
        """Statements of other articles that make the same claim: they share its figures and
        most of its content words. Found through an index of rare words, so a story is not
        compared sentence by sentence with itself."""
        keys = statement.content | statement.figures
        # A sentence a long page repeats word for word is looked up once.
        repeat = (statement.article, tuple(keys), _claim_key(statement))
        if repeat not in self._matches:
            self._matches[repeat] = self._find_same_claim(statement, keys)
        return self._matches[repeat]

    @cached_property
    def _matches(self) -> dict[tuple, tuple[Statement, ...]]:
        return {}

    def _find_same_claim(self, statement: Statement, keys: frozenset[str]
                         ) -> tuple[Statement, ...]:
        counts: dict[int, int] = {}
        common = COMMON_WORD  # a word in more statements than this ties nothing
        by_id = {}
        for word in keys:
            holders = self._index.get(word, ())
            if len(holders) > common and word not in statement.figures:
                continue
            for other in holders:
                if other.article != statement.article:
                    counts[id(other)] = counts.get(id(other), 0) + 1
                    by_id[id(other)] = other
        # In story order: the words are a set, whose order changes with the hash seed, and the
        # first match is the one a question shows.
        found = [by_id[key] for key in counts if self._same_claim(statement, by_id[key])]
        return tuple(sorted(found, key=lambda s: self._order[id(s)]))

    @cached_property
    def _order(self) -> dict[int, int]:
        return {id(s): i for i, s in enumerate(self)}

    @cached_property
    def _same_claims(self) -> dict[tuple, bool]:
        return {}

    def _same_claim(self, a: Statement, b: Statement) -> bool:
        """same_claim, decided once for each pair of wordings (a long page repeats itself)."""
        pair = (_claim_key(a), _claim_key(b))
        found = self._same_claims.get(pair)
        if found is None:
            found = self._same_claims[pair] = same_claim(a, b)
        return found


# --- word lists ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _claim_verbs() -> dict[str, str]:
    verbs = {}
    for line in word_list("claim_verbs"):
        form, _, kind = line.partition("|")
        verbs[form.strip()] = kind.strip()
    return verbs


@lru_cache(maxsize=1)
def _hedge_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every hedge, longest first (so "may have" wins over "may"), and each
    hedge's strength by its words."""
    strengths: dict[str, str] = {}
    for line in word_list("hedges"):
        phrase, _, strength = line.rpartition("|")
        if strength.strip() not in ("attributed", "unchecked"):
            strengths.setdefault(" ".join(phrase.split()), strength.strip())
    phrases = sorted(strengths, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                     for p in phrases) + r")(?![\w\-])"
                         + _NOT_ABILITY)
    return pattern, strengths


# "The bank could no longer cope", "could not pay": "could" negated says what was not possible,
# as a fact; it hedges nothing (round H7 keyed such a sentence as the outlet's hedge).
_NOT_ABILITY = r"(?!(?<=\b[Cc]ould)\s+(?:not|no\s+longer|never)\b)"


@lru_cache(maxsize=1)
def _unchecked() -> re.Pattern[str]:
    phrases = [line.rpartition("|")[0].strip() for line in word_list("hedges")
               if line.rpartition("|")[2].strip() == "unchecked"]
    return re.compile("|".join(re.escape(p) for p in phrases))


@lru_cache(maxsize=1)
def _link_verbs() -> re.Pattern[str]:
    verbs = sorted(word_list("link_verbs"), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+")
                                                   for v in verbs) + r")(?![\w\-])")


@lru_cache(maxsize=1)
def _stake_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    entries = []
    for line in word_list("stakes"):
        phrase, _, what = line.rpartition("|")
        entries.append((phrase.strip(), re.compile(
            r"(?<![\w\-])" + re.escape(phrase.strip()) + r"(?![\w\-])"), what.strip()))
    return tuple(entries)


@lru_cache(maxsize=1)
def _claim_nouns() -> re.Pattern[str]:
    nouns = sorted(word_list("claim_nouns"), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in nouns) + r")(?![\w\-])")


@lru_cache(maxsize=1)
def _not_content() -> frozenset[str]:
    return (word_set("function_words") | word_set("calendar_words") | word_set("sentence_openers")
            | word_set("clause_adverbs") | frozenset(_claim_verbs()) | _NUMBER_WORDS
            | frozenset({"according", "percent", "cent", "per", "mr", "ms", "mrs", "dr", "s",
                          "night", "morning", "afternoon", "evening", "week", "weekend", "month",
                          "year", "day", "outside", "inside", "near", "around", "across"}))


# --- reading one sentence -----------------------------------------------------------------------


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A word's stem (Snowball's English stemmer), so "fined" meets "fine" and "voted" meets
    "vote"."""
    word = fold(word).replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _STEMMER.stemWord(word)


def figures_in(text: str) -> frozenset[str]:
    """The figures of a text as plain digits ("12,000" -> "12000", "80th" -> "80th"), leaving out
    figures that are part of a name, a model or a date ("737 MAX", "Article 46", "Jan 20")."""
    found = set()
    for m in _FIGURE_IN_TEXT.finditer(text):
        before, after = (m.group("before") or "").strip(), (m.group("after") or "").strip()
        opens = m.start() == 0 or not text[:m.start()].strip()  # "About 4,000 ..." opens it
        if (before[:1].isupper() and not opens) or after[:1].isupper():
            continue
        found.add(m.group("figure").replace(",", "").rstrip(".") + (m.group("suffix") or ""))
    return frozenset(found)


def content_words(text: str) -> frozenset[str]:
    """The stems of a text's content words: no function words, verbs of speech or figures."""
    skip = _not_content()
    found = set()
    for m in _WORD.finditer(text):
        word = fold(m.group())
        if word in skip or len(word) < 3:
            continue
        found.add(stem(word))
    return frozenset(found)


def distinctive(figure: str) -> bool:
    """A figure that ties two sentences to one fact: not a year, an order ("80th") or a small
    count ("2")."""
    return (figure[-1:].isdigit() and not _YEAR.match(figure)
            and ("." in figure or len(figure) >= 3 or int(figure) >= 20))


def _name_stems(text: str) -> frozenset[str]:
    words = _WORD.findall(text)[1:]
    return frozenset(stem(w) for w in words if w[:1].isupper())


def same_claim(a: Statement, b: Statement) -> bool:
    """Whether two sentences make the same claim: they share a figure where both give any, and
    most content words of the shorter one (at least four); with a distinctive figure in common
    ("94.6", "12000"), two in five content words are enough."""
    if a.figures and b.figures and not a.figures & b.figures:
        return False
    if bool(a.figures) != bool(b.figures) and any(distinctive(f) for f in a.figures | b.figures):
        return False
    shared = len(a.content & b.content)
    if len((a.content & b.content) - a.names - b.names) < 2:
        return False  # the same people and places, but nothing said of them in common
    smaller = min(len(a.content), len(b.content))
    larger = max(len(a.content), len(b.content))
    if any(distinctive(f) for f in a.figures & b.figures):
        return shared >= 3 and shared >= 0.4 * smaller and shared >= 0.25 * larger
    return shared >= 4 and shared >= 0.6 * smaller and shared >= 0.4 * larger


def shared_wording(texts: list[str], least: int = 3) -> str | None:
    """The words every text prints, in the same order, that name what they share: the longest
    such run (as the first text writes it), trimmed of little words at its edges, that holds
    `least` content words, or a distinctive figure and one; else None."""
    first = _plain_words(texts[0])
    others = [" " + " ".join(fold(w) for w in _plain_words(t)) + " " for t in texts[1:]]
    for size in range(len(first), 0, -1):
        for at in range(len(first) - size + 1):
            run = first[at:at + size]
            if fold(run[0]) in _EDGE_WORDS or fold(run[-1]) in _EDGE_WORDS:
                continue  # the same run without its little words is tried as a shorter one
            needle = " " + " ".join(fold(w) for w in run) + " "
            if not all(needle in other for other in others):
                continue
            text = " ".join(run)
            words = content_words(text)
            if len(words) >= least or (words and any(distinctive(f) for f in figures_in(text))):
                return text
    return None


# Words a shared wording should not begin or end with.
_EDGE_WORDS = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with", "from",
    "that", "which", "who", "as", "its", "their", "his", "her", "is", "was", "are", "were", "has",
    "have", "had", "be", "been", "after", "before", "when", "while", "than", "into", "over",
    "about", "since"})
_PUNCTUATION = ".,;:!?\u201c\u201d\"'()"


def _plain_words(text: str) -> list[str]:
    """A text's words with their punctuation stripped, as written (figures kept whole)."""
    stripped = (w.strip(_PUNCTUATION) for w in text.split())
    return [w for w in stripped if w]


def _first_word(toks: list[Token]) -> int:
    """Where the sentence's own words begin, past an opener: "But", "However,", "On Monday,"."""
    k = 0
    while k < len(toks) and not toks[k].is_word and toks[k].text != QUOTE:
        k += 1
    if k < len(toks) and fold(toks[k].text) in word_set("sentence_openers"):
        for j in range(k, min(len(toks), k + 6)):
            if toks[j].text == ",":
                return j + 1
        if fold(toks[k].text) in ("but", "and", "meanwhile", "however", "still", "yet", "also"):
            return k + 1
    return k


_PREPOSITIONS = frozenset({"into", "of", "for", "about", "over", "from", "with", "against", "on",
                           "in", "by", "at", "under", "among", "without", "upon"})


def _is_verb_here(toks: list[Token], k: int) -> bool:
    """A credit verb used as a verb: not "the claims", "the union's claim", "inquiries into alleged
    breaches", nor passive ("is said to", a hedge) nor a headline's capitalised word."""
    if k > 0:
        prev = fold(toks[k - 1].text)
        if prev in NOUN_MARKERS or prev in _PREPOSITIONS or prev in _BE or prev == "to" \
                or toks[k - 1].is_possessive:
            return False  # "the claims", "into alleged breaches", "is said to", "appeared to say"
    low = fold(toks[k].text)
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if low in ("alleged", "suspected") and nxt is not None and nxt.is_word \
            and not nxt.is_capitalised and fold(nxt.text) not in _CLAUSE_OPENERS:
        return False  # "alleged breaches": an adjective
    # "Initial reports suggest that ...", "media claims say": a plural noun whose own verb of
    # saying follows it, so the source is the phrase, never the capitalised word before it.
    if low.endswith("s") and nxt is not None and nxt.is_word and not nxt.is_capitalised \
            and (fold(nxt.text) in _claim_verbs() or fold(nxt.text) + "s" in _claim_verbs()):
        return False
    # "the data found by ...", "a report of ...": a noun's description, not a verb's.
    return not (nxt is not None and fold(nxt.text) in ("by", "of") and low not in ("said", "says"))


# Words that open the clause a credit verb introduces ("alleged that", "alleged the firm ...").
_CLAUSE_OPENERS = frozenset({"that", "the", "a", "an", "it", "he", "she", "they", "its", "his",
                             "her", "their", "this", "these", "those"})


def _introduces_words(toks: list[Token], k: int, kind: str) -> bool:
    """Whether the verb at `k` goes on to give someone's words ("said the union would ...",
    "announced that ...", "called it 'a gamble'") rather than name an act ("rejected the plan")."""
    end = min(len(toks), k + 9)
    following = [fold(t.text) for t in toks[k + 1:end]]
    if not following or following[0] in (".", "!", "?"):
        return False
    if following[0] == "to":
        return False  # "told to leave", "urged to stay": an order, not words
    if kind == "at":  # "puts the cost at 120 crowns", not "put forward a plan"
        return "at" in following[:6]
    if kind == "says" and following[0] not in ("by", "for", "with", "as", "in", "on", "at"):
        return True
    window = toks[k + 1:min(len(toks), k + 16)]
    for n, t in enumerate(window):
        low = fold(t.text)
        if t.text == QUOTE or low in ("that", ":"):
            return True
        if low in (".", ";") or (low == "," and kind != "says"):
            return False
        # "announced it would cut", "added the firm had been", "announced 30,000 workers
        # voted": a clause with its own verb follows.
        if low in _AUXILIARIES or (_looks_past(t) and n >= 2
                                   and fold(window[n - 1].text) not in NOUN_MARKERS):
            return True
    return False


def _looks_past(token: Token) -> bool:
    """A past-tense verb, by its ending: "voted", "rejected" (never certain, so used only to
    tell a reported clause from an object: "announced 30,000 workers voted to strike")."""
    low = fold(token.text)
    return token.is_word and not token.is_capitalised and len(low) >= 5 and low.endswith("ed")


_AUXILIARIES = frozenset({"would", "will", "had", "has", "have", "was", "were", "is", "are",
                          "could", "may", "might", "did", "does", "can", "should", "must"})


def _noun_phrase(toks: list[Token], first: int, last: int) -> bool:
    """Whether tokens first..last read as a short name or description: no clause inside."""
    span = toks[first:last + 1]
    if first > last or sum(t.is_word for t in span) > _MAX_SUBJECT:
        return False
    for t in span:
        low = fold(t.text)
        if t.text == QUOTE or (not t.is_word and t.text not in (".", "-", "&")) \
                or (low in _SUBORDINATORS and low != "and") or low in _claim_verbs() or low in _BE \
                or low in _AUXILIARIES:
            return False
    return True


def _source_head(token: Token) -> bool:
    """A word a source's name or description can begin with: a capital, "the", "a", "its", or a
    role word ("officials said", "police said")."""
    return (token.is_capitalised or fold(token.text) in NOUN_MARKERS | _PRONOUNS
            or role_word(token.text) is not None)


_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def _skip_back(toks: list[Token], j: int, floor: int) -> int:
    """Back over words between a source and its verb: "on Monday", "on January 20", "also"."""
    skip = word_set("clause_adverbs") | word_set("calendar_words") | _TIME_WORDS
    while j >= floor and toks[j].text != QUOTE and (fold(toks[j].text) in skip
                                                    or toks[j].text.isdigit()):
        j -= 1
    return j


def _pieces(toks: list[Token], first: int, last: int) -> list[tuple[int, int]] | None:
    """The comma-separated pieces of tokens first..last, or None across a quote or colon."""
    pieces: list[tuple[int, int]] = []
    lo = first
    for i in range(first, last + 1):
        if toks[i].text == QUOTE or toks[i].text in (";", ":"):
            return None
        if toks[i].text == ",":
            pieces.append((lo, i - 1))
            lo = i + 1
    pieces.append((lo, last))
    return pieces


def _names_and_descriptions(toks: list[Token], pieces: list[tuple[int, int]]) -> bool:
    """Names at even places ("Ann Lee", "and Bo Park"), short descriptions at odd ones."""
    for n, (first, last) in enumerate(pieces):
        if n % 2:
            if last - first > 16 or first > last:
                return False
            continue
        if n and first <= last and fold(toks[first].text) == "and":
            first += 1
        if not _noun_phrase(toks, first, last):
            return False
    return True


def _subject_span(toks: list[Token], k: int, start0: int) -> tuple[int, int] | None:
    """Token span of the source before the verb at `k`, when the words from the sentence's start
    to the verb are only that source: "The regulator", "Ann Lee, a spokesperson for the
    ministry,", "Ann Lee, 44, and Bo Park, her neighbour,". The span is the first name."""
    j = _skip_back(toks, k - 1, start0)
    described_last = j >= start0 and toks[j].text == ","
    if described_last:
        j -= 1
    pieces = _pieces(toks, start0, j) if j >= start0 else None
    # An odd count of pieces ends on a name, an even one on a description set off by commas.
    if not pieces or len(pieces) % 2 != (0 if described_last else 1) \
            or not _names_and_descriptions(toks, pieces):
        return None
    first, last = pieces[0]
    if len(pieces) >= 2 and role_word(toks[last].text):
        # "the EU's chief diplomat, Ann Lee, said": the name set off after the title
        lo, hi = pieces[1]
        if lo <= hi and all(t.is_capitalised for t in toks[lo:hi + 1] if t.is_word):
            return lo, hi
    return (first, last) if _source_head(toks[first]) else None


def _closing_span(toks: list[Token], k: int, start0: int) -> tuple[int, int] | None:
    """The source of a credit closing the sentence after a comma or quotation: ", the company
    said", ", Ann Lee told reporters". Its span, when only the source stands between."""
    j = _skip_back(toks, k - 1, 0)
    i = j
    while i >= 0 and toks[i].text not in _BREAKS and j - i < _MAX_SUBJECT:
        i -= 1
    if i < start0 or toks[i].text not in _BREAKS or not _noun_phrase(toks, i + 1, j) \
            or not _source_head(toks[i + 1]):
        return None
    return i + 1, j


def _source(article: ArticleReading, parse: SentenceParse, span: tuple[int, int]) -> Source:
    """The source a span names, as a student would read it: a name as the text gives it
    ("Bo Park" for "spokesperson Bo Park"), else the description as written ("the
    regulator", "Meta's statement"), named when a name is part of it."""
    toks = parse.tokens
    first, last = span
    passage = article.passage(toks[first].start, toks[last].end)
    inside = [ref for ref in parse.references if first <= ref.first and ref.last <= last]
    for ref in inside:
        if ref.form == "name" and ref.words and ref.last == last \
                and (not ref.in_appositive or ref.first == first) \
                and all(_title_word(t) for t in toks[first:last + 1 - len(ref.words)]):
            return Source(" ".join(ref.words), True, passage)
    people = [ref for ref in inside if ref.form == "name" and len(ref.words) >= 2
              and ref.is_person_like and not ref.in_appositive]
    titled = [ref for ref in people if ref.first > first
              and role_word(toks[ref.first - 1].text) is not None]
    if titled or people:  # "economist Dag Soelheim of ...", "tech analyst Dan Ives"
        return Source(" ".join((titled or people)[0].words), True, passage)
    named = any(ref.form == "name" and ref.words for ref in inside)
    return Source(passage.text, named, passage)


def _title_word(token: Token) -> bool:
    """A word of a title before a name: "Peruvian Health Ministry spokesperson", "the", "Dr"."""
    low = fold(token.text)
    return (not token.is_word or token.is_capitalised or role_word(token.text) is not None
            or low in word_set("role_modifiers") or low in NOUN_MARKERS)


def _inverted_span(toks: list[Token], k: int) -> tuple[int, int] | None:
    """The source named after an inverted verb ('"...," said Ann Lee, the chair.'), when the
    rest of the sentence is only that: a name or description, then perhaps time words."""
    first = k + 1
    if first >= len(toks):
        return None
    if not _source_head(toks[first]):
        return None
    last = first
    while last + 1 < len(toks) and toks[last + 1].is_word and toks[last + 1].text != QUOTE:
        last += 1
    if not _noun_phrase(toks, first, min(last, first + _MAX_SUBJECT - 1)):
        return None
    return first, min(last, first + _MAX_SUBJECT - 1)


def _according_span(toks: list[Token], k: int) -> tuple[int, int] | None:
    """The source after "according to": up to a comma or the end."""
    first = k + 1
    last = first
    while last < len(toks) and toks[last].is_word and toks[last].text != QUOTE:
        last += 1
    return (first, last - 1) if last > first else None


def _ends_at(toks: list[Token], k: int) -> bool:
    """Whether the sentence ends with the words completing a closing credit: nothing, or time
    and place ("said on Monday", "said in a statement"), or whom it was told ("told reporters in
    Ottawa") -- not an object of its own ("maintained strong ties with Lima")."""
    j = k + 1
    if fold(toks[k].text) in ("told", "tells", "telling") and j < len(toks):
        while j < len(toks) and toks[j].is_word and fold(toks[j].text) not in _PREPOSITIONS \
                and j - k <= 4:
            j += 1  # whom: "reporters", "The Associated Press", "a news briefing"
    if j < len(toks) and toks[j].is_word:
        low = fold(toks[j].text)
        if low not in _PREPOSITIONS and low not in _TIME_WORDS and low not in word_set(
                "calendar_words") and low not in word_set("clause_adverbs") and low != "during":
            return False
    while j < len(toks) and toks[j].text not in (".", "!", "?"):
        if toks[j].text == QUOTE or toks[j].text in (";", ":") or fold(toks[j].text) in (
                "that", "but", "and", "while", "as", "after", "because", "which", "who", "since"):
            return False
        j += 1
    return j - k <= _MAX_TAIL


def _according_credit(article: ArticleReading, parse: SentenceParse, k: int,
                      start0: int) -> Credit:
    """The credit of "according to X": leading the sentence, closing it after a comma, or
    inside it."""
    toks, sentence = parse.tokens, parse.sentence
    verb = article.passage(toks[k].start, toks[k + 1].end)
    span = _according_span(toks, k + 1)
    source = _source(article, parse, span) if span else None
    if span and any(fold(t.bare) in word_set("basis_nouns") for t in toks[span[0]:span[1] + 1]):
        source = _basis_source(article, parse, span) or source  # "the agency's estimate"
    after = span[1] + 1 if span else k + 2
    rest = (toks[after].start if after < len(toks) else sentence.end, sentence.end)
    before = toks[k - 1] if k > 0 else None
    if k <= start0:
        return Credit(verb, source, LEAD, rest, "according")
    if before is not None and before.text in (",", QUOTE) and (
            after >= len(toks) or toks[after].text in (".", "!", "?")):
        return Credit(verb, source, END, (sentence.start, _claim_end(before)), "according")
    return Credit(verb, source, INNER, rest, "according")


def _basis_span(toks: list[Token], k: int) -> tuple[int, int] | None:
    """The words after "based on" or "by" up to a comma or the end, when they name an estimate,
    count or other basis (data/basis_nouns.txt): "estimates made by the port authority",
    "the union's count"; None for "based on the novel"."""
    last = k
    while last + 1 < len(toks) and toks[last + 1].is_word and toks[last + 1].text != QUOTE:
        last += 1
    if last == k or not any(fold(t.bare) in word_set("basis_nouns") for t in toks[k + 1:last + 1]):
        return None
    return k + 1, last


def _basis_source_span(toks: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """Whose the estimate is: the words after "by" ("estimates made by the port authority"),
    else those up to a possessive ("the union's count") or the capitalised run before the noun
    ("Coast Authority estimates"); None where the text does not say ("based on estimates")."""
    first, last = span
    for j in range(first, last + 1):
        if fold(toks[j].text) == "by" and j < last:
            return j + 1, last
    for j in range(first, last + 1):
        if toks[j].is_possessive and fold(toks[j].bare) not in word_set("basis_nouns"):
            return first, j
    noun = next(j for j in range(first, last + 1) if fold(toks[j].bare) in word_set("basis_nouns"))
    run = noun
    while run > first and toks[run - 1].is_capitalised:
        run -= 1
    return (run, noun - 1) if run < noun else None


def _basis_source(article: ArticleReading, parse: SentenceParse,
                  span: tuple[int, int]) -> Source | None:
    whose = _basis_source_span(parse.tokens, span)
    source = _source(article, parse, whose) if whose else None
    if source is not None and source.name.endswith(("'s", "\u2019s")):
        source = dataclasses.replace(source, name=possessive_stripped(source.name))
    return source


def _basis_credit(article: ArticleReading, parse: SentenceParse, k: int, words: int,
                  start0: int) -> Credit | None:
    """A claim credited to the estimate or count it rests on: "Based on estimates made by the
    port authority, the ferry was expected to ...", "..., by the union's count.". The `words`
    tokens from `k` ("based on", "by") open it; it covers the sentence like "according to"."""
    toks, sentence = parse.tokens, parse.sentence
    span = _basis_span(toks, k + words - 1)
    if span is None:
        return None
    source = _basis_source(article, parse, span)
    verb = article.passage(toks[k].start, toks[k + words - 1].end)
    after = span[1] + 1
    rest = (toks[after].start if after < len(toks) else sentence.end, sentence.end)
    before = toks[k - 1] if k > 0 else None
    if k <= start0:
        return Credit(verb, source, LEAD, rest, "according")
    if before is not None and before.text == "," and (
            after >= len(toks) or toks[after].text in (".", "!", "?")):
        return Credit(verb, source, END, (sentence.start, _claim_end(before)), "according")
    if words == 1:
        return None  # "fell by the union's count of ..." inside a clause: not surely a credit
    return Credit(verb, source, INNER, rest, "according")


def _claim_end(mark: Token) -> int:
    """Where the credited words end, given what sets the credit off: a comma, or a quotation
    (whose words are the credited ones)."""
    return mark.end if mark.text == QUOTE else mark.start


def _inverted_credit(article: ArticleReading, parse: SentenceParse, k: int, start0: int,
                     kind: str) -> Credit | None:
    """A credit closing the sentence with its verb first: '"...," said Ann Lee, the chair.'"""
    toks = parse.tokens
    before = toks[k - 1] if k > 0 else None
    if before is None or before.text not in (",", QUOTE) or k <= start0:
        return None
    span = _inverted_span(toks, k)
    if span and (_ends_at(toks, span[1]) or (before.text == QUOTE
                                             and _no_more_words(toks, span[1]))):
        verb = article.passage(toks[k].start, toks[k].end)
        return Credit(verb, _source(article, parse, span), END,
                      (parse.sentence.start, _claim_end(before)), kind)
    return None


def _closing_credit(article: ArticleReading, parse: SentenceParse, k: int, start0: int,
                    kind: str) -> Credit | None:
    """A credit set off after the claim: closing it (", the company said.") or inside it as an
    aside ("The fine, the regulator said, is a record")."""
    toks, sentence = parse.tokens, parse.sentence
    span = _closing_span(toks, k, start0)
    if span is None:
        return None
    verb = article.passage(toks[k].start, toks[k].end)
    lead_in = toks[span[0] - 1]
    if _ends_at(toks, k) or (lead_in.text == QUOTE and _no_more_words(toks, k)):
        return Credit(verb, _source(article, parse, span), END,
                      (sentence.start, _claim_end(lead_in)), kind)
    after = _after_aside(toks, k)
    if toks[after].text in _BREAKS and lead_in.text in _BREAKS and lead_in.text != QUOTE:
        return Credit(verb, _source(article, parse, span), ASIDE, (sentence.start, sentence.end),
                      kind)
    return None


def _credit(article: ArticleReading, parse: SentenceParse, k: int, kind: str) -> Credit | None:
    """The credit made by the verb at token `k`, or None where the verb names an act rather than
    giving someone's words."""
    toks, sentence = parse.tokens, parse.sentence
    start0 = _first_word(toks)
    if kind == "according":
        return _according_credit(article, parse, k, start0)
    verb = article.passage(toks[k].start, toks[k].end)
    if _is_order(toks, k):
        kind = "that"  # "told Google it would have to pay": an order reported, not words credited
    if fold(toks[k].text).endswith("ing"):  # "..., saying that ...": a clause inside
        return Credit(verb, None, INNER, (toks[k].end, sentence.end), kind) \
            if _introduces_words(toks, k, kind) else None
    lead = _subject_span(toks, k, start0)
    if lead is not None and _introduces_words(toks, k, kind):
        return Credit(verb, _source(article, parse, lead), LEAD, (toks[k].end, sentence.end),
                      kind)
    found = _inverted_credit(article, parse, k, start0, kind) \
        or _closing_credit(article, parse, k, start0, kind)
    if found is not None:
        return found
    if not _introduces_words(toks, k, kind):
        return None
    return Credit(verb, None, INNER, (toks[k].end, sentence.end), kind)


def _no_more_words(toks: list[Token], k: int) -> bool:
    """After a credit closing a quotation ('"...," Lee said of the town where ...'), no other
    quotation and no "that" clause follows: what comes after describes, it does not report."""
    return not any(t.text == QUOTE or fold(t.text) == "that" for t in toks[k + 1:])


def _is_order(toks: list[Token], k: int) -> bool:
    """Whether "told" reports an order to someone ("told Google to pay", "told Meta it would have
    to stop") rather than words to someone ("told reporters the plant was safe")."""
    if fold(toks[k].text) not in ("told", "tells", "telling"):
        return False
    ahead = [fold(t.text) for t in toks[k + 1:k + 9]]
    return "to" in ahead[:3] or any(ahead[i:i + 2] == ["have", "to"] or ahead[i] == "must"
                                    for i in range(len(ahead)))


def _after_aside(toks: list[Token], k: int) -> int:
    """The token after a parenthetical credit's verb and time words: "the fine, she said on
    Monday, is ..." -> the comma."""
    j = k + 1
    while j < len(toks) - 1 and toks[j].is_word and fold(toks[j].text) in (
            _TIME_WORDS | word_set("calendar_words")):
        j += 1
    return min(j, len(toks) - 1)


def _credits(article: ArticleReading, parse: SentenceParse) -> list[Credit]:
    toks = parse.tokens
    verbs = _claim_verbs()
    subjects = {clause.verb: clause.speaker_reference() for clause in parse.clauses}
    start0 = _first_word(toks)
    found = []
    for k, t in enumerate(toks):
        low = fold(t.text)
        if t.text == QUOTE:
            continue
        if low == "according" and k + 1 < len(toks) and fold(toks[k + 1].text) == "to":
            credit = _credit(article, parse, k, "according")
        elif low in ("based", "going") and k + 1 < len(toks) and fold(toks[k + 1].text) in (
                "on", "by"):
            credit = _basis_credit(article, parse, k, 2, start0)
        elif low == "by" and (k == start0 or k > 0 and toks[k - 1].text == ","):
            credit = _basis_credit(article, parse, k, 1, start0)
        elif low in verbs and not (t.is_capitalised and k > 0) and _is_verb_here(toks, k):
            credit = _credit(article, parse, k, verbs[low])
        else:
            continue
        if credit is not None and credit.source is None and subjects.get(k) is not None:
            ref = subjects[k]
            source = _source(article, parse, (ref.first, ref.last))
            credit = dataclasses.replace(credit, source=source)
        if credit is not None:
            found.append(credit)
    return found


@lru_cache(maxsize=256)
def open_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """Quotations opened and never closed in their paragraph (a text cut off mid-quote, or a
    quote running on into the next paragraph): from the opening mark to the paragraph's end."""
    closed = SpanIndex((q.start, q.end) for q in quotations(text))
    found = []
    for para in re.finditer(r"[^\n]+", text):
        chunk = para.group()
        opener = max(chunk.rfind("\u201c"), -1)
        if opener >= 0 and chunk.rfind("\u201d") < opener:
            at = para.start() + opener
            if not closed.covering(at):
                found.append((at, para.end()))
        elif chunk.count('"') % 2 and chunk.rfind('"') >= 0:
            at = para.start() + chunk.rfind('"')
            rest = chunk[chunk.rfind('"') + 1:].strip()
            if not closed.covering(at) and rest:
                found.append((at, para.end()))
    return tuple(found)


def _masked(article: ArticleReading, sentence: Sentence) -> tuple[str, list[tuple[int, int]]]:
    """The sentence folded, with quoted words blanked, and the quoted spans (sentence offsets)."""
    chars = list(fold(sentence.text))
    spans = []
    quoted, index = quoted_spans(article.text)
    for start, end in (quoted[i] for i in index.overlapping(sentence.start, sentence.end)):
        lo, hi = max(start, sentence.start), min(end, sentence.end)
        if lo < hi:
            spans.append((lo - sentence.start, hi - sentence.start))
            for i in range(lo - sentence.start, hi - sentence.start):
                chars[i] = " "
    return "".join(chars), spans


@lru_cache(maxsize=4096)  # every article of a 500-article story, read by several stages
def quoted_spans(text: str) -> tuple[tuple[tuple[int, int], ...], SpanIndex]:
    """The article's quoted spans, closed then open, read once per article, not per sentence."""
    quoted = tuple((q.start, q.end) for q in quotations(text)) + open_quotes(text)
    return quoted, SpanIndex(quoted)


def _quoted_share(sentence: Sentence, spans: list[tuple[int, int]]) -> float:
    total = len(sentence.text.split())
    inside = sum(len(sentence.text[lo:hi].split()) for lo, hi in spans)
    return min(1.0, inside / total) if total else 0.0


_INNER_CLAUSE = re.compile(r"(?<![\w])(who|which|that|whom|whose|if|whether|unless|where|when|so|how|"
                           r"like|until|as|after|because|since|although|though|before|while|what)"
                           r"(?![\w])")


def _in_inner_clause(folded: str, at: int) -> bool:
    """Whether the words at `at` stand in a relative or conditional clause ("victims who may be
    buried", "so that it could pay"), judged from the clause's start (the last comma)."""
    start = max(folded.rfind(",", 0, at), folded.rfind(";", 0, at), 0)
    return bool(_INNER_CLAUSE.search(folded, start, at))


_NOT_REACHED = re.compile(r"\s+not\s+be\s+(reached|immediately)")


def _is_month(folded: str, start: int, end: int) -> bool:
    """Whether "may" is the month: before a day or year, or after "in", "on", "since"."""
    after = folded[end:].lstrip()
    before = folded[:start].rstrip().split()
    return after[:1].isdigit() or bool(before) and before[-1] in (
        "in", "on", "since", "until", "of", "last", "next", "this", "early", "late", "mid",
        "between", "from", "by")


# A determiner or a possessive right before a word: what follows is a noun phrase's.
_IN_NOUN_PHRASE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|our|"
                             r"your)|['\u2019]s)\s+$", re.IGNORECASE)


def _is_attributive(folded: str, end: int) -> bool:
    """Whether a qualifier word is followed by the noun it describes ("alleged breaches"), not
    used as a verb ("the lawsuit alleged that ...")."""
    rest = folded[end:].lstrip()
    nxt = re.match(r"[a-z][\w\-]*", rest)
    return bool(nxt) and nxt.group() not in ("that", "to", "by", "in", "the", "a", "an", "it")


def _strength(masked: str, m: re.Match[str], strengths: dict[str, str]) -> str | None:
    """How a matched hedge word hedges, here: None where it is no hedge ("May 3", "could not be
    reached", "the lawsuit alleged that"), "clause" inside a relative or conditional clause."""
    strength = strengths[" ".join(m.group().split())]
    if strength == "possible" and m.group() == "may" and _is_month(masked, m.start(), m.end()):
        return None
    if strength == "possible" and _NOT_REACHED.match(masked, m.end()):
        return None  # "could not be reached": the outlet tried, it hedges nothing
    if strength == "qualifier" and not _is_attributive(masked, m.end()):
        return None
    if strength == "unverified" and m.group().endswith("ly") and _IN_NOUN_PHRASE.search(
            masked[:m.start()]):
        # "the company's supposedly revolutionary technology didn't work": the adverb doubts
        # one word of a noun phrase, and the sentence asserts (round H7 keyed it as a hedge).
        return "qualifier"
    if strength in ("possible", "unverified") and _in_inner_clause(masked, m.start()):
        return "clause"  # "victims who may be buried": not the sentence's claim
    return strength


def _hedges(sentence: Sentence, masked: str, credits: list[Credit]) -> tuple[list[Hedge], bool]:
    """The sentence's hedges outside quotations, each the outlet's or its source's, and whether
    the outlet hedges a credit itself ("reportedly said")."""
    found: list[Hedge] = []
    hedged_credit = False
    pattern, strengths = _hedge_pattern()
    for m in pattern.finditer(masked):
        strength = _strength(masked, m, strengths)
        if strength is None:
            continue
        at = sentence.start + m.start()
        passage = Passage(sentence.article, at, sentence.start + m.end(),
                          sentence.text[m.start():m.end()])
        whose = "outlet"
        for credit in credits:
            if credit.reach[0] <= at < credit.reach[1]:
                whose = "source"
            elif credit.place in (LEAD, END) and abs(at - credit.verb.start) <= 14:
                hedged_credit = hedged_credit or strength == "unverified"
        found.append(Hedge(passage, strength, whose))
    found.sort(key=lambda h: h.passage.start)
    return found, hedged_credit


def _stakes(article: ArticleReading, sentence: Sentence, masked: str, parse: SentenceParse
            ) -> tuple[str, ...]:
    stakes = []
    if _has_figure(sentence.text):
        stakes.append("figure")
    for phrase, pattern, what in _stake_patterns():
        # The plain substring test first: most sentences hold few of the phrases.
        if what not in stakes and phrase in masked and pattern.search(masked):
            stakes.append(what)
    start0 = _first_word(parse.tokens)
    # A capital opening the sentence may be any word ("Fire crews were ..."): a name there
    # counts when it has two words or the article capitalises it mid-sentence too ("Peru").
    if any(ref.form == "name" and not ref.in_appositive
           and (ref.first > start0 or len(ref.words) >= 2
                or _capitalised_elsewhere(article.text, ref.words[0]))
           for ref in parse.references):
        stakes.append("named")
    return tuple(stakes)


@lru_cache(maxsize=4096)
def _capitalised_elsewhere(text: str, word: str) -> bool:
    """Once per article and word: the search reads the whole article."""
    return re.search(r"[\w,;] " + re.escape(word) + r"\b", text) is not None


def _has_figure(text: str) -> bool:
    """Whether a sentence gives a count or amount: a figure that is not a year, an order ("80th"),
    a date or part of a name ("737 MAX"), or a number word ("two", "thousands")."""
    if any(fold(w) in _NUMBER_WORDS - {"half", "third", "quarter"}
           for w in re.findall(r"[^\W\d_]+", text)):
        return True
    return any(f[-1:].isdigit() and not _YEAR.match(f) for f in figures_in(text))


_LOOK_BACK = 5  # sentences a pronoun or a description ("the spokesperson") may look back over


def _people(parse: SentenceParse, surnames: set[str]) -> list[tuple[str, ...]]:
    """The people a sentence names, in order, each as its name words: names the speech reader
    takes for a person's, and a surname alone of someone named in full before ("Okafor")."""
    toks = parse.tokens
    found = []
    for ref in parse.references:
        if ref.form != "name" or not ref.words or ref.in_appositive:
            continue
        if ref.first > 0 and fold(toks[ref.first - 1].text) == "the":
            continue  # "the United States": a place, whatever its length
        if ref.is_person_like or (len(ref.words) == 1 and fold(ref.words[0]) in surnames):
            found.append(ref.words)
    return found


def _one_person(names: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The one person a list of names is, counting "Park" as "Bo Park"; None for several."""
    longest = max(names, key=len, default=None)
    if longest is None:
        return None
    if all(name == longest or fold(name[-1]) == fold(longest[-1]) for name in names):
        return longest
    return None


@dataclass
class _Context:
    """What the sentences before this one tell about who is who: full names, and the people
    each sentence names (with a pronoun credit already resolved to its person)."""

    full: dict[str, str] = dataclasses.field(default_factory=dict)  # surname -> full name
    roles: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)  # name -> roles
    recent: list[list[str]] = dataclasses.field(default_factory=list)  # people per sentence
    sources: list[str] = dataclasses.field(default_factory=list)  # one named source per sentence

    def learn(self, parse: SentenceParse, credits: list[Credit]) -> None:
        people = []
        for words in _people(parse, set(self.full)):
            name = self.full_name(" ".join(words))
            people.append(name)
            if len(words) > 1:
                for word in (words[0], words[-1]):  # "Park" of "Bo Park", "Lee" of "Ann Lee"
                    known = self.full.setdefault(fold(word), " ".join(words))
                    if known != " ".join(words):
                        self.full[fold(word)] = ""  # two people share the word: no guessing
        for ref in parse.references:
            if ref.form == "name" and ref.words and ref.roles:
                name = self.full_name(" ".join(ref.words))
                self.roles[name] = self.roles.get(name, frozenset()) | ref.roles
        for credit in credits:
            if credit.source is not None and credit.source.named and credit.source.name in \
                    self.roles | dict.fromkeys(self.full.values(), 0):
                people.append(credit.source.name)
        self.recent.append(list(dict.fromkeys(people)))
        named = {c.source.name for c in credits if c.source is not None and c.source.named}
        self.sources.append(named.pop() if len(named) == 1 else "")

    def full_name(self, name: str) -> str:
        """A surname alone as the article first gave it in full: "Jelinek" -> "Andrea Jelinek"."""
        return name if " " in name else self.full.get(fold(name)) or name

    def last_source(self) -> str:
        """The named source the sentence before credits, if exactly one: what "it said" means."""
        return self.sources[-1] if self.sources else ""

    def nearest(self) -> list[str]:
        """The people of the nearest earlier sentence that names anyone."""
        for people in reversed(self.recent[-_LOOK_BACK:]):
            if people:
                return people
        return []


def _resolve(source: Source | None, context: _Context) -> Source | None:
    """Whom a credit means: a surname is the full name the article gave before; a pronoun ("he
    said") the one person the nearest earlier sentence naming anyone names; a description ("the
    spokesperson") that same nearest person, if the article gave them that role. Otherwise the
    source as written."""
    if source is None:
        return None
    if source.named:
        return Source(context.full_name(source.name), True, source.passage)
    low = fold(source.name)
    words = source.name.split()
    if low in ("it", "they"):
        body = context.last_source()
        return Source(body, True, source.passage) if body else source
    nearest = context.nearest()
    person = _one_person([tuple(p.split()) for p in nearest]) if nearest else None
    if person is None:
        return source
    name = " ".join(person)
    if low in ("he", "she", "him", "her"):
        return Source(name, True, source.passage)
    role = role_word(words[-1]) if len(words) >= 2 else None
    if role and fold(words[0]) in ("the", "this") and role in context.roles.get(name, ()):
        return Source(name, True, source.passage)
    return source


def _presentation(credits: list[Credit], hedges: list[Hedge], hedged_credit: bool,
                  quoted: float, masked: str) -> str:
    covering = [c for c in credits if c.place in (LEAD, END, ASIDE)]
    own = [h for h in hedges if h.whose == "outlet" and h.strength not in ("qualifier", "clause")]
    if hedged_credit:
        return MIXED
    if covering:
        return MIXED if own else ATTRIBUTED
    if credits:
        return MIXED  # a credit inside a clause: the main claim is the outlet's, part is not
    if quoted >= 0.5:
        return ATTRIBUTED  # a quotation standing as its own sentence
    if _claim_nouns().search(masked):
        return MIXED
    if own:
        return HEDGED
    return ASSERTED


def read_sentence(article: ArticleReading, sentence: Sentence, parse: SentenceParse,
                  context: _Context) -> Statement:
    masked, spans = _masked(article, sentence)
    credits = list(_credits(article, parse))
    credits = [dataclasses.replace(c, source=_resolve(c.source, context)) for c in credits]
    if sentence.role == "headline":
        credits = []  # a headline's title case hides its verbs; read by its own rule below
    hedges, hedged_credit = _hedges(sentence, masked, credits)
    quoted = _quoted_share(sentence, spans)
    presentation = _presentation(credits, hedges, hedged_credit, quoted, masked)
    if sentence.role == "headline":
        presentation = _headline_presentation(masked, spans, presentation)
    markers: list[Passage] = []
    sources: list[Source] = []
    if presentation in (ATTRIBUTED, MIXED):
        for credit in credits:
            markers.append(credit.verb)
            if credit.source is not None and credit.source not in sources:
                sources.append(credit.source)
    if presentation in (HEDGED, MIXED):
        markers.extend(h.passage for h in hedges if h.whose == "outlet"
                       and h.strength not in ("qualifier", "clause"))
    credit_words = _credit_words(credits, sentence)
    plain = "".join(" " if i in credit_words else ch for i, ch in enumerate(sentence.text))
    link, link_words = _link(sentence, masked, hedges)
    return Statement(
        sentence=sentence, presentation=presentation,
        markers=tuple(sorted(markers, key=lambda p: p.start)), sources=tuple(sources),
        credits=tuple(credits), hedges=tuple(hedges), quoted=round(quoted, 2),
        stakes=_stakes(article, sentence, masked, parse), content=content_words(plain),
        figures=figures_in(sentence.text), names=_name_stems(plain), link=link,
        link_words=link_words, first_person=speaks_in_first_person(sentence.text, spans))


# Words before a link verb that make it a noun ("an increase in", "the cut") or a description.
_NOT_VERB_BEFORE = frozenset({"a", "an", "the", "any", "this", "that", "its", "their", "his", "her",
                              "no", "of", "to", "job", "jobs", "price", "tax", "rate"})
_MODALS = frozenset({"may", "might", "could", "can", "would", "likely", "possibly", "probably"})


def _link(sentence: Sentence, masked: str, hedges: list[Hedge]) -> tuple[str, Passage | None]:
    """How strongly the sentence, outside its quotations, ties one thing to another: a cause
    ("increase"), a possible cause ("may increase") or a link ("linked to"); "" for none, or for
    both at once ("linked to ... and may raise"), which says no one thing."""
    found: list[tuple[str, int, int]] = []
    for hedge in hedges:
        if hedge.strength == "association":
            start = hedge.passage.start - sentence.start
            found.append((ASSOCIATION, start, start + len(hedge.passage.text)))
    for m in _link_verbs().finditer(masked):
        before = masked[:m.start()].split()
        if before and before[-1].strip(",.;:") in _NOT_VERB_BEFORE:
            continue
        modal = next((len(masked[:m.start()].rstrip()) - len(w) for w in before[-1:]
                      if w in _MODALS), None)
        if modal is None and len(before) >= 2 and before[-2] in _MODALS and before[-1] in (
                "not", "also", "even", "further", "significantly", "greatly"):
            modal = masked.rfind(before[-2], 0, m.start())
        if modal is not None:
            found.append((POSSIBLE_CAUSE, modal, m.end()))  # "may increase", "could also raise"
        else:
            found.append((CAUSE, m.start(), m.end()))
    if not found or len({how for how, _, _ in found}) != 1:
        return "", None
    how, start, end = found[0]
    return how, Passage(sentence.article, sentence.start + start, sentence.start + end,
                        sentence.text[start:end])


def _credit_words(credits: list[Credit], sentence: Sentence) -> set[int]:
    """Offsets (in the sentence) of the credits' verbs and sources, left out of its content."""
    out: set[int] = set()
    for credit in credits:
        for passage in (credit.verb, credit.source.passage if credit.source else None):
            if passage is not None:
                out.update(range(passage.start - sentence.start, passage.end - sentence.start))
    return out


# A headline credits with a colon after or before a quotation ("'Reckless': Union hits back")
# or with a present-tense verb of speech in title case ("Minister Says Port Will Reopen").
_HEADLINE_VERBS = frozenset({"says", "say", "claims", "warns", "warn", "tells", "insists",
                             "alleges", "according", "find", "finds", "show", "shows", "suggests",
                             "suggest"})
# Verbs that report an act about a claim ("Union denies ..."): neither the outlet's claim nor
# plainly a credit.
_HEADLINE_ACTS = frozenset({"denies", "deny", "admits", "reveals", "confirms", "rejects",
                            "dismisses"})


def _headline_presentation(masked: str, spans: list[tuple[int, int]], found: str) -> str:
    words = set(re.findall(r"[a-z]+", masked))
    if words & _HEADLINE_VERBS or (spans and ":" in masked):
        return ATTRIBUTED if found in (ASSERTED, ATTRIBUTED) else MIXED
    if found in (HEDGED, MIXED):
        return found
    if words & _HEADLINE_ACTS or _claim_nouns().search(masked):
        return MIXED
    return found


def read_article_statements(article: ArticleReading) -> list[Statement]:
    by_span = {(p.sentence.start, p.sentence.end): p for p in parse_article(article.text)}
    found: list[Statement] = []
    context = _Context()
    for sentence in article.sentences:
        parse = by_span.get((sentence.start, sentence.end))
        if sentence.role not in ("prose", "headline") or parse is None:
            continue
        statement = read_sentence(article, sentence, parse, context)
        if sentence.role == "prose":  # a headline's capitals make names of everything
            context.learn(parse, list(statement.credits))
        found.append(statement)
    return _with_neighbours(found)


def _with_neighbours(statements: list[Statement]) -> list[Statement]:
    """Each statement marked when its paragraph credits or quotes someone in another sentence
    ("The fire killed 12. The figure came from police."), or one of its figures is credited
    elsewhere in the article: its own words then do not show the whole of how it is presented."""
    credited_figures = {f for s in statements if s.presentation in (ATTRIBUTED, MIXED)
                        for f in s.figures}
    crediting: dict[int, int] = {}  # per paragraph, its sentences that credit or quote
    for statement in statements:
        if _credits_someone(statement):
            paragraph = statement.sentence.paragraph
            crediting[paragraph] = crediting.get(paragraph, 0) + 1
    speaking = {s.sentence.paragraph for s in statements if s.first_person and s.sentence.prose}
    out = []
    for statement in statements:
        others = crediting.get(statement.sentence.paragraph, 0) - _credits_someone(statement)
        near = others > 0
        far = bool(statement.figures & credited_figures) and statement.presentation == ASSERTED
        statement = dataclasses.replace(statement, credited_nearby=near or far)
        paragraph = statement.sentence.paragraph
        if statement.sentence.prose and (paragraph in speaking or paragraph - 1 in speaking
                                         and paragraph + 1 in speaking):
            statement = _in_speakers_voice(statement)
        out.append(statement)
    return out


def _in_speakers_voice(statement: Statement) -> Statement:
    """A sentence of a paragraph that speaks in the first person (or between two such): a
    speaker's words printed without quotation marks. Its hedges are the speaker's, and it is not
    plainly the outlet's assertion, credit or hedge."""
    hedges = tuple(dataclasses.replace(h, whose="source") for h in statement.hedges)
    markers = tuple(m for m in statement.markers
                    if not any(h.passage == m for h in statement.hedges))
    return dataclasses.replace(statement, presentation=MIXED, hedges=hedges, markers=markers,
                               credited_nearby=True)


def _credits_someone(statement: Statement) -> bool:
    return bool(statement.credits or statement.quoted > 0 or statement.presentation != ASSERTED)


def read_statements(model) -> Statements:
    """Every prose sentence and headline of the story, read for how it presents its claim."""
    found: list[Statement] = []
    for article in model.articles:
        found.extend(read_article_statements(article))
    return Statements(found)


# --- first-hand and second-hand accounts ---------------------------------------------------------

FIRST_HAND, SECOND_HAND = "first-hand", "second-hand"


@dataclass(frozen=True)
class Account:
    """A named source's account in one sentence, and whether they saw it themselves or tell what
    someone else told them, as the words credited to them show."""

    source: Source
    statement: Statement
    hand: str  # FIRST_HAND or SECOND_HAND
    marker: Passage  # the words that show it: "I saw", "a neighbour told her"


@lru_cache(maxsize=1)
def _account_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    hands: dict[str, str] = {}
    for line in word_list("accounts"):
        phrase, _, hand = line.rpartition("|")
        hands[" ".join(phrase.split())] = hand.strip()
    phrases = sorted(hands, key=len, reverse=True)
    return (re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                    for p in phrases) + r")(?![\w\-])"), hands)


def _account(statement: Statement) -> Account | None:
    """The account in one credited sentence, if the credited words show one hand only."""
    credits = [c for c in statement.credits if c.source is not None and c.source.named
               and c.verb_class in ("says", "according")]
    if statement.presentation != ATTRIBUTED or len({c.source.name for c in credits}) != 1:
        return None
    credit = credits[0]
    pattern, hands = _account_pattern()
    found = []
    text, start = statement.text, statement.sentence.start
    for m in pattern.finditer(fold(text)):
        at = start + m.start()
        # The credited words, or the source's own description: "Ann Lee, who saw it, said".
        describes = m.group().startswith("who ") or m.group() == "eyewitness"
        if credit.reach[0] <= at < credit.reach[1] or (describes and at < credit.reach[0]):
            found.append((hands[" ".join(m.group().split())], m))
    if not found or len({hand for hand, _ in found}) != 1:
        return None
    hand, m = found[0]
    marker = Passage(statement.article, start + m.start(), start + m.end(),
                     text[m.start():m.end()])
    return Account(credit.source, statement, hand, marker)


def accounts(statements: tuple[Statement, ...]) -> tuple[Account, ...]:
    """Every account of the story whose credited words show whether the source saw it."""
    return tuple(a for a in (_account(s) for s in statements) if a is not None)
