"""What every kind needs from raw article text: sentences with their places, and matching
that ignores case and typographic quotes while keeping offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pysbd

# One character in, one character out, so offsets found in the folded text are offsets in the
# original: evidence must be an exact substring of what was loaded.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case, straight quotes, plain dashes and spaces; same length as `text`.

    Cached: the kinds fold the same article texts thousands of times."""
    text = text.translate(_FOLD)
    lowered = text.lower()
    if len(lowered) == len(text):  # the usual case; only a few letters ("İ") lower to two
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # == article_text[start:end]


_segmenter = pysbd.Segmenter(language="en", clean=False)
_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text`, each an exact slice of it, never spanning a paragraph break."""
    found: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        offset = para.start()
        cursor = 0
        chunk = para.group()
        for piece in _segmenter.segment(chunk):
            stripped = piece.strip()
            if not stripped:
                continue
            at = chunk.find(stripped, cursor)
            if at < 0:  # pysbd altered the piece; fall back to the rest of the paragraph
                rest = chunk[cursor:].strip()
                if rest:
                    at = chunk.find(rest, cursor)
                    found.append(Sentence(offset + at, offset + at + len(rest), rest))
                break
            found.append(Sentence(offset + at, offset + at + len(stripped), stripped))
            cursor = at + len(stripped)
    return tuple(found)


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `text`, ignoring case, quote style and dash style."""
    hay, pin = fold(text), fold(needle)
    if not pin:
        return []
    hits, at = [], hay.find(pin)
    while at >= 0:
        hits.append(at)
        at = hay.find(pin, at + 1)
    return hits


def contains(text: str, needle: str) -> bool:
    return bool(find_all(text, needle))


def contains_word(text: str, phrase: str) -> bool:
    """`phrase` as whole words (so "212" is not found inside "2120" nor "war" in "award")."""
    pattern = r"(?<![\w])" + re.escape(fold(phrase)) + r"(?![\w])"
    return re.search(pattern, fold(text)) is not None


def sentence_at(text: str, offset: int) -> Sentence | None:
    for sentence in sentences(text):
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


# --- word lists -------------------------------------------------------------------------------

_DATA = Path(__file__).parent.parent / "data"


@lru_cache(maxsize=64)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of data/<name>.txt in file order: one a line, `#` lines and blanks skipped."""
    lines = (_DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@lru_cache(maxsize=64)
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


# --- words ------------------------------------------------------------------------------------

# A word keeps inner hyphens and a possessive ending ("cross-border", "Lee's"), and a name its
# apostrophe after one capital ("O'Reilly", "D'Souza"); anything else that is not a space is a
# one-character token (punctuation, quote marks).
_TOKEN = re.compile(r"[A-Z]['\u2019][A-Z][\w\-]*[^\W_](?:['\u2019][sS](?![^\W_]))?|"
                    r"[^\W_](?:[\w\-]*[^\W_])?(?:['\u2019][sS](?![^\W_]))?|[^\w\s]")
_WORD = re.compile(r"[^\W_](?:[\w\-'\u2019]*[^\W_])?")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def lower(self) -> str:
        return fold(self.text)

    @property
    def bare(self) -> str:
        """The word without a possessive ending: "Lee's" -> "Lee"."""
        return possessive_stripped(self.text)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_possessive(self) -> bool:
        return self.bare != self.text


def possessive_stripped(word: str) -> str:
    if len(word) > 2 and word[-2] in "'\u2019" and word[-1] in "sS":
        return word[:-2]
    return word


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation of text[start:end], with offsets into `text`."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def words(text: str) -> list[str]:
    """The words of `text`, folded, for comparing wordings."""
    return [m.group() for m in _WORD.finditer(fold(text))]


# --- quotations -------------------------------------------------------------------------------

_DOUBLE_OPEN = "\u201c\u201e\u00ab"
_DOUBLE_CLOSE = "\u201d\u00bb"
_SINGLE_OPEN = "\u2018"
_SINGLE_CLOSE = "\u2019"
_BEFORE_OPENING = " \t([{\u2014\u2013-/"
_AFTER_CLOSING = " \t,.;:!?)]}\u2014\u2013-\u201d\""
_TRIM = " \t,.;:\u2014\u2013-"


@dataclass(frozen=True)
class Quotation:
    start: int  # the opening mark, or the paragraph's start when the writer left the mark out
    end: int  # just after the closing mark
    inner_start: int  # the quoted words, without edge spaces or trailing , . ; :
    inner_end: int
    text: str  # == article_text[inner_start:inner_end]

    @property
    def word_count(self) -> int:
        return len(words(self.text))


def _quotation(text: str, start: int, inner_from: int, inner_to: int, end: int) -> Quotation | None:
    inner = text[inner_from:inner_to]
    left = len(inner) - len(inner.lstrip(_TRIM))
    right = len(inner.rstrip(_TRIM))
    if right <= left or not any(ch.isalnum() for ch in inner):
        return None
    return Quotation(start, end, inner_from + left, inner_from + right, inner[left:right])


def _paragraph_quotations(text: str, p_start: int, p_end: int) -> list[Quotation]:
    found: list[Quotation] = []
    double_at: int | None = None  # offset of an open double mark
    single_at: int | None = None
    seen_mark = False
    i = p_start
    while i < p_end:
        ch = text[i]
        prev = text[i - 1] if i > p_start else " "
        nxt = text[i + 1] if i + 1 < p_end else " "
        is_straight_double = ch == '"'
        opens_double = ch in _DOUBLE_OPEN or (
            is_straight_double and double_at is None and (prev in _BEFORE_OPENING or i == p_start))
        closes_double = ch in _DOUBLE_CLOSE or (is_straight_double and double_at is not None)
        if opens_double:
            double_at, single_at, seen_mark = i, None, True
        elif closes_double:
            if double_at is not None:
                quote = _quotation(text, double_at, double_at + 1, i, i + 1)
                if quote:
                    found.append(quote)
            elif not seen_mark and len(text[p_start:i].split()) >= 3:
                # The writer left out the opening mark of a quote that starts the paragraph.
                lead = p_start + len(text[p_start:i]) - len(text[p_start:i].lstrip())
                quote = _quotation(text, lead, lead, i, i + 1)
                if quote:
                    found.append(quote)
            double_at, seen_mark = None, True
        elif double_at is None and ch in (_SINGLE_OPEN + "'") and single_at is None:
            if (prev in _BEFORE_OPENING or i == p_start) and nxt.isalnum():
                single_at = i
        elif double_at is None and ch in (_SINGLE_CLOSE + "'") and single_at is not None:
            if (prev.isalnum() or prev in ".!?") and (nxt in _AFTER_CLOSING or i + 1 == p_end):
                quote = _quotation(text, single_at, single_at + 1, i, i + 1)
                if quote and quote.word_count <= 20:
                    found.append(quote)
                single_at = None
        i += 1
    return found


@lru_cache(maxsize=4096)  # every article of a 500-article story, read by several stages
def quotations(text: str) -> tuple[Quotation, ...]:
    """Quoted passages of `text` in order: double marks of any style, single marks used as
    quotes (not apostrophes), and a paragraph-opening quote whose opening mark is missing.
    A quote never spans a paragraph break; an unclosed one is left out."""
    found: list[Quotation] = []
    for para in _PARAGRAPH.finditer(text):
        found.extend(_paragraph_quotations(text, para.start(), para.end()))
    return tuple(found)


def wording_overlap(a: str, b: str) -> float:
    """The share of the shorter wording's words that the other repeats in the same order:
    1.0 when one quote is cut from the other ("searching house by house" from a longer one)."""
    import difflib
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared / min(len(wa), len(wb))


# --- whose voice ------------------------------------------------------------------------------

# "I", "we", "our" outside quotation marks, as printed: "US" is the country, not "us".
_FIRST_PERSON = re.compile(r"(?<![\w.'\u2019])(?:I|[Ww]e|[Oo]urs?|us|[Mm]y|me|[Mm]yself|"
                           r"[Oo]urselves)(?![\w.]|['\u2019]s)")


def speaks_in_first_person(text: str, quoted: list[tuple[int, int]]) -> bool:
    """Whether `text` says "I" or "we" outside its quoted spans (offsets into `text`): a
    speaker's words printed without quotation marks, as a statement reprinted as prose is."""
    chars = list(text)
    for lo, hi in quoted:
        chars[lo:hi] = " " * (hi - lo)
    return bool(_FIRST_PERSON.search("".join(chars)))
