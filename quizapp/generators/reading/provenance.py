"""Which articles carry the same text: word for word, lightly edited, or reworded sentence by
sentence, found by the word sequences they share and by aligning their sentences, whatever they
credit. Where a copy's sentence says something else than its twin (a figure, a negation, "will
appeal" against "has appealed", an opposite), the change is kept.

Linear in the length of the story: sentences are paired only through word sequences (5-grams)
and rare words they share, never by comparing every sentence with every other."""
from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from quizapp.generators.reading.articles import ArticleReading, Passage
from quizapp.generators.reading.text import (
    fold,
    quotations,
    speaks_in_first_person,
    word_list,
    word_set,
)

WORD_FOR_WORD = "word for word"
EDITED = "lightly edited"
REWORDED = "reworded"
QUOTES = "quotes"  # only quoted words are shared: the same source quoted, not the same text

GRAM = 5  # words in a shared sequence
# A sequence in more sentences than this is a stock phrase, not a sign of copying.
COMMON_GRAM = 12
RARE_WORD = 6  # a word in at most this many sentences of the story pairs them
# Similarity (0-100) of two sentences' words: at or above SAME they are one sentence with at most
# a spelling or a word changed; above CLOSE, the same sentence edited; above REWORD, the same
# sentence reworded (counted only in a run of such sentences in the same order).
SAME = 93.0
CLOSE = 78.0
REWORD = 60.0
MIN_SENTENCES = 3  # aligned sentences of narration that make two texts one text
MIN_SHARED_WORDS = 8  # words two sentences share in order, at the least, to be aligned
LONG = 12  # words of a sentence long enough that two copies of it, and a third, are one text


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # normalised: folded, "per cent" as "%", "1,000" as "1000", "U.S." as "us"
    quoted: bool


@dataclass(frozen=True)
class Change:
    """A difference in what two aligned sentences say, not only in how."""

    what: str  # "figure", "negation", "tense", "qualifier", "opposite"
    a: Passage
    b: Passage


@dataclass(frozen=True)
class AlignedSentences:
    a: Passage  # a sentence of the first article
    b: Passage  # its twin in the second
    similarity: float  # 0-100, over normalised words
    quoted: bool  # the words they share are mostly inside quotation marks
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class SharedText:
    a: str  # article ids, in story order
    b: str
    how: str  # WORD_FOR_WORD, EDITED, REWORDED or QUOTES
    passages: tuple[AlignedSentences, ...]  # in the first article's order
    share: float  # of the shorter text's words of narration (in the parts shown), the share
    # its twin repeats

    @property
    def narration(self) -> tuple[AlignedSentences, ...]:
        return tuple(p for p in self.passages if not p.quoted)

    @property
    def copy(self) -> bool:
        """The two texts are one text: word for word, edited or reworded, not only quotes."""
        return self.how != QUOTES

    @property
    def in_order(self) -> int:
        """How many sentences of narration the two texts share in the same order."""
        return _in_order(list(self.narration))

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for p in self.passages for c in p.changes)

    def other(self, article_id: str) -> str:
        return self.b if article_id == self.a else self.a

    def side(self, article_id: str, aligned: AlignedSentences) -> Passage:
        return aligned.a if article_id == self.a else aligned.b


# --- words ------------------------------------------------------------------------------------

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+|%")
_INITIALS = re.compile(r"\b((?:[A-Za-z]\.){2,})")


def _words(reading: ArticleReading, start: int, end: int,
           quoted: list[tuple[int, int]]) -> list[Word]:
    text = reading.text
    # "U.S." and "US" are one word: drop the dots of initials, keeping offsets by padding.
    chunk = _INITIALS.sub(lambda m: m.group().replace(".", "") + " " * m.group().count("."),
                          text[start:end])
    found: list[Word] = []
    for m in _WORD.finditer(chunk):
        s, e = start + m.start(), start + m.end()
        word = fold(m.group())
        if word[:1].isdigit():
            word = word.replace(",", "")
        word = _NUMBER_WORDS.get(word, word)
        at = bisect_right(quoted, (s, len(text))) - 1
        inside = at >= 0 and quoted[at][0] <= s < quoted[at][1]
        if word == "cent" and found and found[-1].text == "per":
            found[-1] = Word(found[-1].start, e, "%", inside)
            continue
        found.append(Word(s, e, "%" if word == "percent" else word, inside))
    return found


@dataclass
class _Sentence:
    article: int  # index in the story
    passage: Passage
    words: list[Word]

    @property
    def key(self) -> list[str]:
        return [w.text for w in self.words]


def _sentences(index: int, reading: ArticleReading) -> list[_Sentence]:
    quoted = [(q.inner_start, q.inner_end) for q in quotations(reading.text)]
    speech = _first_person_paragraphs(reading, quoted)
    found = []
    for sentence in reading.body:
        if sentence.role not in ("prose", "short"):
            continue
        words = _words(reading, sentence.start, sentence.end, quoted)
        if sentence.paragraph in speech:
            # A statement reprinted as prose ("I want to share ..."): its words are a speaker's,
            # shared by whoever prints the statement, as quoted words are.
            words = [Word(w.start, w.end, w.text, True) for w in words]
        if len(words) >= 4:
            found.append(_Sentence(index, reading.passage(sentence.start, sentence.end), words))
    return found


def _first_person_paragraphs(reading: ArticleReading, quoted: list[tuple[int, int]]) -> set[int]:
    """The paragraphs with a sentence saying "I" or "we" outside quotation marks."""
    found = set()
    spans = sorted(quoted)
    starts = [lo for lo, _ in spans]
    for sentence in reading.body:
        if sentence.paragraph in found:
            continue
        # Only the quotes opening before the sentence ends, from the last one opened before it.
        near = spans[max(0, bisect_right(starts, sentence.start) - 1):
                     bisect_right(starts, sentence.end)]
        inside = [(max(lo, sentence.start) - sentence.start, min(hi, sentence.end) - sentence.start)
                  for lo, hi in near if lo < sentence.end and sentence.start < hi]
        if speaks_in_first_person(sentence.text, inside):
            found.add(sentence.paragraph)
    return found


# --- pairing sentences ------------------------------------------------------------------------


def _candidates(sentences: list[_Sentence]) -> set[tuple[int, int]]:
    """Pairs of sentences (indices, of different articles) that share a 5-word sequence or
    several rare words: the only pairs ever compared."""
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    rare: dict[str, list[int]] = defaultdict(list)
    stop = word_set("function_words")
    for i, sentence in enumerate(sentences):
        key = sentence.key
        for gram in {tuple(key[j:j + GRAM]) for j in range(len(key) - GRAM + 1)}:
            grams[gram].append(i)
        for word in set(key):
            if len(word) >= 4 and word not in stop:
                rare[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for postings in grams.values():
        if len(postings) <= COMMON_GRAM:
            pairs.update(_across(sentences, postings))
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for postings in rare.values():
        if len(postings) <= RARE_WORD:
            for pair in _across(sentences, postings):
                counts[pair] += 1
    pairs.update(pair for pair, count in counts.items() if count >= 3)
    return pairs


def _across(sentences: list[_Sentence], postings: list[int]):
    for x in range(len(postings)):
        for y in range(x + 1, len(postings)):
            i, j = postings[x], postings[y]
            if sentences[i].article != sentences[j].article:
                yield (i, j) if sentences[i].article < sentences[j].article else (j, i)


def _shared(a: _Sentence, b: _Sentence) -> tuple[int, int]:
    """(words shared in order, of them outside quotation marks in both)."""
    matcher = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    total = outside = 0
    for block in matcher.get_matching_blocks():
        total += block.size
        outside += sum(1 for k in range(block.size)
                       if not a.words[block.a + k].quoted and not b.words[block.b + k].quoted)
    return total, outside


def _aligned(a: _Sentence, b: _Sentence, reading_a: ArticleReading,
             reading_b: ArticleReading) -> AlignedSentences | None:
    key_a, key_b = a.key, b.key
    # A sentence the page cuts off is compared with as much of its twin as it has.
    if not _finished(reading_a, a.passage):
        key_b = key_b[:len(key_a)]
    elif not _finished(reading_b, b.passage):
        key_a = key_a[:len(key_b)]
    similarity = fuzz.ratio(" ".join(key_a), " ".join(key_b))
    if similarity < REWORD:
        return None
    total, outside = _shared(a, b)
    # A short sentence counts when most of it is shared: "The board ruled out charges."
    if total < min(MIN_SHARED_WORDS, 0.7 * min(len(key_a), len(key_b))):
        return None
    quoted = outside * 2 < total
    # A cut-off sentence differs from its twin only where the page stops: no change to read.
    whole = _finished(reading_a, a.passage) and _finished(reading_b, b.passage)
    changes = _changes(a, b, reading_a, reading_b) if similarity >= CLOSE and whole else ()
    return AlignedSentences(a.passage, b.passage, round(similarity, 1), quoted, changes)


def _finished(reading: ArticleReading, passage: Passage) -> bool:
    sentence = reading.sentence_at(passage.start)
    return sentence is None or sentence.finished


# --- what a copy changes ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _meaning() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    roles: dict[str, str] = {}
    opposites: dict[str, set[str]] = defaultdict(set)
    for line in word_list("meaning_words"):
        entry, _, role = line.rpartition("|")
        entry, role = entry.strip(), role.strip()
        if role == "opposite":
            x, _, y = entry.partition("/")
            opposites[x.strip()].add(y.strip())
            opposites[y.strip()].add(x.strip())
        else:
            roles[entry] = role
    return roles, {k: frozenset(v) for k, v in opposites.items()}


_UNITS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                    "week", "weeks", "month", "months", "year", "years", "%"})


def _figure_changed(x: list[str], y: list[str]) -> bool:
    """Different figures for one quantity ("16" / "18", "a day" / "17 hours"); a figure dropped
    or added beside one kept (a conversion, an age) is no change."""
    nx = {w for w in x if w[:1].isdigit()}
    ny = {w for w in y if w[:1].isdigit()}
    if nx and ny:
        return not (nx <= ny or ny <= nx)
    ux, uy = {w for w in x if w in _UNITS}, {w for w in y if w in _UNITS}
    return bool((nx or ny) and ux and uy)


def _kind_of_change(x: list[str], y: list[str]) -> str | None:
    """What putting `y` where a copy had `x` changes, or None for an edit that keeps the
    meaning (a spelling, a synonym, a conversion)."""
    roles, opposites = _meaning()
    if _figure_changed(x, y):
        return "figure"
    if any(roles.get(w) == "negation" for w in x) != any(roles.get(w) == "negation" for w in y):
        return "negation"
    rx = {roles[w] for w in x if w in roles}
    ry = {roles[w] for w in y if w in roles}
    if ("future" in rx and "done" in ry) or ("done" in rx and "future" in ry):
        return "tense"
    if any(o in y for w in x for o in opposites.get(w, ())):
        return "opposite"
    return None


_QUALIFIERS = frozenset({"more", "about", "less", "floor", "ceiling"})


def _qualifier_before(words: list[str], at: int) -> str | None:
    """What the words just before a figure say of it: "more than 2" -> "more"."""
    roles, _ = _meaning()
    for word in reversed(words[max(0, at - 3):at]):
        if roles.get(word) in _QUALIFIERS:
            return roles[word]
    return None


def _qualifier_changes(a: _Sentence, b: _Sentence) -> list[tuple[int, int]]:
    """(word in a, word in b) of one figure that the two copies qualify differently ("more than
    2 million" / "about 2 million")."""
    matcher = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    found = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            i, j = block.a + k, block.b + k
            if a.key[i][:1].isdigit() and \
                    _qualifier_before(a.key, i) != _qualifier_before(b.key, j):
                found.append((i, j))
    return found


def _span(reading: ArticleReading, words: list[Word], i: int, j: int) -> Passage:
    """Words i..j-1 as a passage, widened by a word each side (two for an empty stretch), so the
    passage reads as a phrase."""
    pad = 1 if j > i else 2
    i, j = max(0, i - pad), min(len(words), j + pad)
    return reading.passage(words[i].start, words[j - 1].end)


def _changes(a: _Sentence, b: _Sentence, reading_a: ArticleReading,
             reading_b: ArticleReading) -> tuple[Change, ...]:
    matcher = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        x, y = a.key[i1:i2], b.key[j1:j2]
        # A clause added or dropped is an edit; a lone "not" added or dropped is not.
        quoted = any(w.quoted for w in a.words[i1:i2]) or any(w.quoted for w in b.words[j1:j2])
        if quoted:
            continue  # a quote worded otherwise is the quotation kinds' lesson, not a copy's
        if op == "replace" or (op != "equal" and len(x) + len(y) <= 2):
            what = _kind_of_change(x, y)
            if what:
                found.append(Change(what, _span(reading_a, a.words, i1, i2),
                                    _span(reading_b, b.words, j1, j2)))
    for i, j in _qualifier_changes(a, b):
        start_a = max(0, i - 3)
        start_b = max(0, j - 3)
        found.append(Change("qualifier", _span(reading_a, a.words, start_a + 1, i + 1),
                            _span(reading_b, b.words, start_b + 1, j + 1)))
    return tuple(found)


# --- two texts, one text ----------------------------------------------------------------------


def _in_order(passages: list[AlignedSentences]) -> int:
    """The longest run of aligned sentences in the same order in both texts."""
    ends: list[int] = []
    for passage in sorted(passages, key=lambda p: p.a.start):
        at = next((k for k, end in enumerate(ends) if end >= passage.b.start), len(ends))
        if at == len(ends):
            ends.append(passage.b.start)
        else:
            ends[at] = passage.b.start
    return len(ends)


def _how(passages: list[AlignedSentences]) -> str:
    told = [p for p in passages if not p.quoted]
    close = [p for p in told if p.similarity >= CLOSE]
    same = [p for p in close if p.similarity >= SAME and len(p.a.text.split()) >= LONG]
    if len(close) >= MIN_SENTENCES or len(same) >= 2:
        same_count = sum(p.similarity >= SAME for p in close)
        return WORD_FOR_WORD if same_count * 4 >= len(close) * 3 else EDITED
    if len(told) >= MIN_SENTENCES and _in_order(told) >= MIN_SENTENCES:
        return REWORDED
    return QUOTES


def _narration_words(sentences: list[_Sentence]) -> int:
    return sum(1 for s in sentences for w in s.words if not w.quoted)


def _share(passages: list[AlignedSentences], mine: list[_Sentence], theirs: list[_Sentence],
           side: str) -> float:
    shorter = min(_narration_words(mine), _narration_words(theirs)) or 1
    spans = {(getattr(p, side).start) for p in passages if not p.quoted}
    words = sum(1 for s in (mine if side == "a" else theirs) if s.passage.start in spans
                for w in s.words if not w.quoted)
    return round(min(1.0, words / shorter), 2)


def _best_pairs(pairs: list[tuple[AlignedSentences, int, int]]) -> list[AlignedSentences]:
    """Each sentence aligned once, with its most similar twin."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for aligned, i, j in sorted(pairs, key=lambda p: -p[0].similarity):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        kept.append(aligned)
    return sorted(kept, key=lambda p: p.a.start)


def read_shared_texts(model) -> tuple[SharedText, ...]:
    """Every pair of articles that share text, in story order: how, which passages, and what
    the copy changes."""
    readings = model.articles
    by_article = [_sentences(k, reading) for k, reading in enumerate(readings)]
    sentences = [s for group in by_article for s in group]
    found: dict[tuple[int, int], list[tuple[AlignedSentences, int, int]]] = defaultdict(list)
    for i, j in sorted(_candidates(sentences)):
        a, b = sentences[i], sentences[j]
        aligned = _aligned(a, b, readings[a.article], readings[b.article])
        if aligned:
            found[(a.article, b.article)].append((aligned, i, j))
    shared = []
    for (x, y), pairs in sorted(found.items()):
        passages = _best_pairs(pairs)
        shared.append(SharedText(readings[x].id, readings[y].id, _how(passages), tuple(passages),
                                 _share(passages, by_article[x], by_article[y], "a")))
    return tuple(shared)


def copy_groups(shared: tuple[SharedText, ...]) -> list[tuple[str, ...]]:
    """Articles that are one text, grouped (linked by copies, not by shared quotes alone)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for text in shared:
        if text.copy:
            parent[root(text.a)] = root(text.b)
    groups: dict[str, list[str]] = defaultdict(list)
    for article in parent:
        groups[root(article)].append(article)
    return [tuple(sorted(g)) for g in groups.values() if len(g) > 1]
