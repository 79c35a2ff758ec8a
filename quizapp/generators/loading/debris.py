"""Page debris: general rules that say what a line of a saved web page is. Navigation, dates,
reading times, links, appeals, adverts, script text, video teasers and broadcast cues are debris
and go; photo captions and credit lines are not (reading marks them), and the facts a byline or
a date line gives are kept. The vocabulary lives in data/debris.txt.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.loading.lines import (
    BULLET,
    DATE_PREFIX,
    HEADING,
    is_date_line,
    iso_date,
)
from quizapp.generators.reading.articles import (
    byline_name,
    ends_sentence,
    is_caption,
    is_credit,
    line_key,
    words_of,
)
from quizapp.generators.reading.text import fold, word_list, word_set

# A label, button or notice line is short; a long line that happens to contain "Related:" is prose.
SHORT_LINE_WORDS = 30


@dataclass
class Found:
    """Facts the page's furniture carries, kept while the furniture is thrown away."""
    author: str = ""
    date: str = ""
    credit: str = ""


# --- vocabulary --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Vocabulary:
    lines: frozenset[str]
    labels: re.Pattern[str] | None  # matches at the start of a folded line
    phrases: re.Pattern[str] | None  # matches anywhere in a folded line
    actions: re.Pattern[str] | None  # matches a call-to-action link's opening words
    self_description: re.Pattern[str] | None  # "<X> is a free weekly newsletter"
    calls: re.Pattern[str] | None  # "subscribe", "sign up", "in your inbox"
    lists: re.Pattern[str] | None  # matches the opening words of a heading of a list of links
    cuts: re.Pattern[str] | None  # a paywall's notice
    inline: re.Pattern[str] | None  # words a link leaves inside a sentence
    teasers: re.Pattern[str] | None  # "MORE:" glued after a sentence
    cues: re.Pattern[str] | None  # "SOT", "STORY:" opening a transcript's line


# Between "is a" and the publication noun: a few describing words ("free weekly", "reader-funded").
_DESCRIBING_WORDS = r"(?:[\w'\u2019\-]+,?\s+){0,4}?"
_MARKED = ("@list ", "@self ", "@call ", "@cut ", "@inline ", "@teaser ", "@cue ")


def _read_vocabulary() -> tuple[set[str], dict[str, list[str]]]:
    lines: set[str] = set()
    found: dict[str, list[str]] = {key: [] for key in (*_MARKED, "...", "...$", ":")}
    for entry in word_list("debris"):
        entry = fold(entry)
        mark = next((m for m in _MARKED if entry.startswith(m)), None)
        if mark:
            found[mark].append(entry[len(mark):].strip())
        elif entry.startswith("..."):
            found["..."].append(entry[3:].strip())
        elif entry.endswith("..."):
            found["...$"].append(entry[:-3].strip())
        elif entry.endswith(":"):
            # "Also Read: ..." and "Also Read | ...": pages set a label off by either.
            found[":"] += [entry, entry[:-1].rstrip() + " |"]
        else:
            lines.add(line_key(entry))
    return lines, found


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    lines, found = _read_vocabulary()
    upper = [entry.upper() for entry in found["@cue "]]
    return _Vocabulary(
        frozenset(lines), _alternatives(found[":"], r"^"),
        _alternatives(found["..."], r"(?<!\w)"), _alternatives(found["...$"], r"^", r"(?!\w)"),
        _alternatives(found["@self "],
                      r"(?<!\w)(?:is|are|'s)\s+(?:a|an|your)\s+" + _DESCRIBING_WORDS, r"s?(?!\w)"),
        _alternatives(found["@call "], r"(?<!\w)"), _alternatives(found["@list "], r"^", r"(?!\w)"),
        _alternatives(found["@cut "], r"(?<!\w)"),
        _alternatives(found["@inline "], r"\s*", "", re.IGNORECASE),
        _alternatives([e.upper() for e in found["@teaser "]],
                      r"(?<=[.!?\"\u201d\u2019])\s*", r"\s*:\s*"),
        _alternatives(upper, r"^", r"(?:(?<=:)|\s+)"),
    )


def _alternatives(entries: list[str], before: str, ending: str | None = None,
                  flags: int = 0) -> re.Pattern[str] | None:
    if not entries:
        return None
    longest_first = sorted(set(entries), key=lambda e: (-len(e), e))
    if ending is None:
        ending = "" if before == "^" else r"(?!\w)"
    return re.compile(before + "(?:" + "|".join(map(re.escape, longest_first)) + ")" + ending,
                      flags)


def _key(text: str) -> str:
    return line_key(text)


def _words(text: str) -> tuple[str, ...]:
    return words_of(text)


# --- what a line is ----------------------------------------------------------------------------

_AUTHOR_END = re.compile(
    r"\s*(?:[|\u00b7\u2022;,(]|\s[-\u2013\u2014]\s|\bwith\b|\bin\b|\bfor\b|\bat\b).*$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_DASH_CREDIT = re.compile(r"^[-\u2013\u2014]+\s*(?P<who>[A-Z][\w&.'\u2019 ]{1,40}?)\s*$")
_SOURCE_CREDIT = re.compile(r"(?i)^source\s*:\s*(?P<who>\S.*?)\s*$")
_REPORTING_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:additional\s+)?(?:reporting|reported|writing)\s+by\s*:?\s+(?P<who>\S.*?)\)?$")
_READING_TIME = re.compile(
    r"(?i)\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\b(?:\s+read\b)?|\bread(?:ing)? time\b")
_URL_ONLY = re.compile(r"(?i)^<?(?:https?://|www\.)\S+>?$")
_NAV_SEPARATOR = re.compile(r"\s*[|\u203a\u00bb\u2022\u00b7>]\s*|\s+/\s+|\s{2,}")
_STRONG_SEPARATOR = re.compile(r"[|\u203a\u00bb]")
# A line of a page's script or style ("googletag.cmd.push(function() { ... });"): code signs.
_CODE = re.compile(
    r"[{}]|\)\s*;|=>|\bfunction\s*\(|\b(?:var|let|const)\s+[\w$]+\s*=|\b(?:window|document)\."
    r"|</?[a-z]+[^>]*>|\w+\([^()]*\);")
# "oliver-miller": an address's slug left on the page as a line of its own.
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
# "Published : Tuesday, 1 November, 2022 at 12:00 AM  Count : 93": a dated label line.
_DATED_LABEL = re.compile(r"(?i)^(?:published|updated|posted|last updated|first published)\b")
DATED_LABEL_WORDS = 15


def _author(who: str) -> str:
    who = _AUTHOR_END.sub("", who).strip(" .:")
    return who if 0 < len(_words(who)) <= 6 else ""


def _note_credit(raw: str, text: str, found: Found) -> None:
    """The author and the publisher a credit line names, for the article's facts."""
    if who := byline_name(text):
        author = _author(who)
        found.author = found.author or author
        if _ACRONYM.match(author):
            found.credit = found.credit or author
    elif reporting := _REPORTING_CREDIT.match(text):
        found.author = found.author or _author(reporting.group("who"))
    credit = _DASH_CREDIT.match(raw.strip()) or _SOURCE_CREDIT.match(text)
    if credit and len(_words(credit.group("who"))) <= 6 and not ends_sentence(text):
        found.credit = found.credit or credit.group("who").strip()


def _is_navigation(raw: str, text: str, vocabulary: _Vocabulary) -> bool:
    """A menu or breadcrumb: items split by |, ›, •, wide gaps..., each a menu word or short."""
    items = [item for item in _NAV_SEPARATOR.split(raw.strip()) if item.strip()]
    if len(items) < 2:
        return False
    if all(_key(item) in vocabulary.lines for item in items):
        return True
    return (bool(_STRONG_SEPARATOR.search(text)) and not ends_sentence(text)
            and all(len(_words(item)) <= 4 for item in items))


def _describes_itself(folded: str, vocabulary: _Vocabulary) -> bool:
    """A short paragraph in which a publication says what it is ("... is a free weekly
    newsletter about ...") and asks readers to subscribe, sign up or donate: its promotion box.
    A newsletter in the news ("The council's weekly newsletter told residents ...") is neither."""
    return bool(vocabulary.self_description and vocabulary.calls
                and vocabulary.self_description.search(folded) and vocabulary.calls.search(folded))


def _vocabulary_reason(text: str, folded: str, short: bool) -> str:
    vocabulary = _vocabulary()
    if _key(text) in vocabulary.lines:
        return "boilerplate"
    if vocabulary.labels and vocabulary.labels.match(folded) and short:
        return "label"
    if vocabulary.cuts and vocabulary.cuts.search(folded) and short:
        return "paywall"
    if vocabulary.phrases and vocabulary.phrases.search(folded):
        return "appeal or notice"
    if short and _describes_itself(folded, vocabulary):
        return "self-promotion"
    return ""


def is_dated(text: str, found: Found) -> bool:
    """A line that only dates the page ("Posted at 2:16 PM, Oct 13, 2018"); its date is kept."""
    dated = is_date_line(text) or (
        _DATED_LABEL.match(text) and len(_words(text)) <= DATED_LABEL_WORDS and iso_date(text))
    if dated:
        found.date = found.date or iso_date(text) or text
    return bool(dated)


def debris_reason(raw: str, text: str, found: Found) -> str:
    """Why the line is page debris ("" when it is not)."""
    words = _words(text)
    if not words:
        return "no words"
    if _URL_ONLY.match(text) or _SLUG.match(text):
        return "address"
    if _CODE.search(text) and (len(_CODE.findall(text)) >= 2 or not ends_sentence(text)):
        return "script"
    if reason := _vocabulary_reason(text, fold(text), len(words) <= SHORT_LINE_WORDS):
        return reason
    if len(words) <= 15 and _READING_TIME.search(text):
        return "reading time"
    if _is_navigation(raw, text, _vocabulary()):
        return "navigation"
    return ""


# --- a line cleaned of what pages leave inside it ----------------------------------------------

# "Â" is a no-break space read in the wrong encoding ("... a clot.Â").
_MOJIBAKE_SPACE = re.compile(r"\u00c2(?=[\s\u00a0]|$)")
_SPACES = re.compile(r"[ \t]{2,}")
# A teaser's headline ends where a sentence of the article resumes: a capitalised word that the
# paragraph also prints in lower case ("... lay off 11,000 employees Employees who are ...").
TEASER_WORDS = 25


def _common_word(word: str, text: str) -> bool:
    lower = word.lower()
    return lower in word_set("function_words") or re.search(
        rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


def without_teaser(text: str) -> str:
    """The paragraph without a teaser glued inside it ('... here."MORE: Another story Employees
    who ...'), when the place the article resumes is clear; else the paragraph as it is."""
    teasers = _vocabulary().teasers
    label = teasers.search(text) if teasers else None
    if not label:
        return text
    words = list(re.finditer(r"\S+", text[label.end():]))[:TEASER_WORDS]
    for before, word in itertools.pairwise(words):
        if (word.group()[:1].isupper() and before.group()[-1:].isalnum()
                and _common_word(re.sub(r"\W+$", "", word.group()), text)):
            start = label.end() + word.start()
            return f"{text[:label.start()].rstrip()} {text[start:]}".strip()
    return text


def _dated(text: str, found: Found) -> str:
    """The line without a leading date ("date 2024-11-03 Headline"): the date is metadata."""
    prefix = DATE_PREFIX.match(text)
    if prefix:
        found.date = found.date or iso_date(prefix.group(1)) or prefix.group(1)
        return prefix.group(2)
    return text


def cleaned(text: str, found: Found) -> str:
    """The line without a leading date, a link's notice, a script cue or a broken space."""
    vocabulary = _vocabulary()
    text = _dated(_MOJIBAKE_SPACE.sub("", text), found)
    if vocabulary.inline:
        text = vocabulary.inline.sub("", text)
    if vocabulary.cues:
        text = vocabulary.cues.sub("", text)
    return _SPACES.sub(" ", text).strip()


# --- buttons -----------------------------------------------------------------------------------

# Link buttons are joined by a spaced bar, middle dot or bullet: "Support us · Get posts by email".
_BUTTON_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022]\s+")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+")
# A button says what to do in a few words; a longer piece is prose or a headline.
BUTTON_WORDS = 6


def _is_button(text: str, vocabulary: _Vocabulary) -> bool:
    return (bool(vocabulary.actions) and 0 < len(_words(text)) <= BUTTON_WORDS
            and not ends_sentence(text) and bool(vocabulary.actions.match(fold(text))))


def _names(pieces: list[str]) -> set[str]:
    """Capitalised words past each piece's first, which is capitalised anyway ("The", "Support")."""
    return {word for piece in pieces for word in _words(piece)[1:] if word[:1].isupper()}


def without_buttons(text: str) -> str:
    """The line without a closing row of call-to-action links ("Support the X · Get new posts
    by email"); "" when the whole line is the appeal: only buttons, or a short pitch naming what
    the buttons name ("The X is written by volunteers. Support the X · ...")."""
    vocabulary = _vocabulary()
    segments = _BUTTON_SEPARATOR.split(text)
    if len(segments) < 2 or ends_sentence(text):
        return text
    ends = list(_SENTENCE_END.finditer(segments[0]))
    cut = ends[-1].end() if ends else 0
    pitch, buttons = segments[0][:cut].strip(), [segments[0][cut:], *segments[1:]]
    if not all(_is_button(button, vocabulary) for button in buttons):
        return text
    if not pitch or (len(_words(text)) <= SHORT_LINE_WORDS and _names(buttons) & _names(
            _SENTENCE_END.split(pitch))):
        return ""
    return pitch


# --- lines of a page ----------------------------------------------------------------------------

# A stock ticker set in a sentence, a symbol over its day's change, each on its own line
# ("Alphabet / GOOG, / +2.32% / is poised to ..."): both lines go, and the sentence is rejoined.
_TICKER = re.compile(r"^[A-Z]{1,5}(?:\.[A-Z]{1,2})?,?$")
_CHANGE = re.compile(r"^[+\-\u2212]\s?\d+(?:[.,]\d+)?%$")
PUNCTUATION_ONLY = re.compile(r"^[,;:.]$")


def tickers(lines: list[str]) -> set[int]:
    """The lines of the page that are a stock's symbol or its day's change."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if not _TICKER.match(line.strip()):
            continue
        j = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k].strip()), None)
        if j is not None and _CHANGE.match(lines[j].strip()):
            found.update((i, j))
    return found


# "By Jane Doe | June 2, 2024 | 3 min read": a byline set in a row with the page's furniture.
_ITEM_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022]\s+")


def credit_only(text: str, found: Found) -> str:
    """The credit line without the dates and reading times set beside it."""
    items = _ITEM_SEPARATOR.split(text)
    if len(items) < 2:
        return text
    kept = [item for item in items if not is_dated(item, found) and not debris_reason(
        item, item, found)]
    return " \u00b7 ".join(kept) if kept else text


def line_kind(raw: str, text: str, found: Found, author_key: str) -> str:
    """"caption", "credit", or "text"; a credit line's facts are noted. The author's name on a
    line of its own is the byline ("Jane Doe - BBC News, Rio")."""
    if is_caption(text):
        return "caption"
    if author_key and _key(text) == author_key:
        return "credit"
    if _DASH_CREDIT.match(raw.strip()) or is_credit(text):
        _note_credit(raw, text, found)
        return "credit"
    return "text"


# A heading of a list of links is a few words; a list item is a headline, not a paragraph.
LIST_HEADING_WORDS = 6
LIST_ITEM_WORDS = 20


def is_list_heading(text: str) -> bool:
    """A short heading, no sentence, opening a list of links to other stories ("MORE FROM
    MONEY", "## Related stories", "Most read:")."""
    lists = _vocabulary().lists
    return (bool(lists) and 0 < len(_words(text)) <= LIST_HEADING_WORDS
            and not ends_sentence(text) and bool(lists.match(fold(text))))


def is_list_item(raw: str, text: str, after_prose: bool) -> bool:
    """A link to another story in such a list: a short headline (no full stop, or a question),
    bulleted or numbered; once the article's prose has begun, unmarked short headlines count
    too. Before it, an unmarked line may be the article's own headline, so it stays."""
    words = _words(text)
    if not words or len(words) > LIST_ITEM_WORDS or HEADING.match(raw.strip()):
        return False
    headline_like = not ends_sentence(text) or text.rstrip().endswith("?")
    return headline_like and (bool(BULLET.match(raw.strip())) or after_prose)


