"""Page debris: general rules that reduce a saved web page's text to the article as published:
its headline, its paragraphs (a cut-off last one too), and the photo captions and credit lines
it carries, which stay for reading to mark. Navigation, dates, reading times, links, appeals,
video teasers, script cues and markup go; their vocabulary lives in data/debris.txt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from quizapp.generators.loading.lines import (
    BULLET,
    DATE_PREFIX,
    HEADING,
    image_only,
    is_date_line,
    iso_date,
    unmarked,
)
from quizapp.generators.reading.articles import (
    byline_name,
    ends_sentence,
    is_caption,
    is_credit,
    line_key,
    reads_as_prose,
    words_of,
)
from quizapp.generators.reading.text import fold, word_list, word_set

# A label, button or notice line is short; a long line that happens to contain "Related:" is prose.
SHORT_LINE_WORDS = 30


@dataclass(frozen=True)
class ArticleText:
    paragraphs: tuple[str, ...]
    title: str = ""  # the headline the page opens with, "" when it has none
    author: str = ""  # from a byline ("By ...", "Writer: ...")
    date: str = ""  # from a date line: ISO when it gives day, month and year, else as written
    credit: str = ""  # the publisher a credit line names ("By AFP", "— Reuters", "Source: X")

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class _Line:
    text: str
    heading: int = 0  # markdown heading level, 0 for none
    kind: str = "text"  # "text", "credit" (a byline, sign-off...) or "caption"
    glued: bool = False  # the page broke a sentence here (a stock ticker between its words)
    parts: list[str] = field(default_factory=list)  # lines joined into this one
    debris_after: bool = False  # page debris follows it: it is not where the page stops

    @property
    def joined(self) -> str:
        return "".join([self.text, *self.parts])


@dataclass
class _Found:
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
            found[":"].append(entry)
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


def _note_credit(raw: str, text: str, found: _Found) -> None:
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


def _is_dated(text: str, found: _Found) -> bool:
    """A line that only dates the page ("Posted at 2:16 PM, Oct 13, 2018"); its date is kept."""
    dated = is_date_line(text) or (
        _DATED_LABEL.match(text) and len(_words(text)) <= DATED_LABEL_WORDS and iso_date(text))
    if dated:
        found.date = found.date or iso_date(text) or text
    return bool(dated)


def _debris_reason(raw: str, text: str, found: _Found) -> str:
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


def _without_teaser(text: str) -> str:
    """The paragraph without a teaser glued inside it ('... here."MORE: Another story Employees
    who ...'), when the place the article resumes is clear; else the paragraph as it is."""
    teasers = _vocabulary().teasers
    label = teasers.search(text) if teasers else None
    if not label:
        return text
    words = list(re.finditer(r"\S+", text[label.end():]))[:TEASER_WORDS]
    for before, word in zip(words, words[1:], strict=False):
        if (word.group()[:1].isupper() and before.group()[-1:].isalnum()
                and _common_word(re.sub(r"\W+$", "", word.group()), text)):
            start = label.end() + word.start()
            return f"{text[:label.start()].rstrip()} {text[start:]}".strip()
    return text


def _dated(text: str, found: _Found) -> str:
    """The line without a leading date ("date 2025-04-09 Headline"): the date is metadata."""
    prefix = DATE_PREFIX.match(text)
    if prefix:
        found.date = found.date or iso_date(prefix.group(1)) or prefix.group(1)
        return prefix.group(2)
    return text


def _cleaned(text: str, found: _Found) -> str:
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


def _without_buttons(text: str) -> str:
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


# --- the page's lines ----------------------------------------------------------------------------

# A stock ticker set in a sentence, a symbol over its day's change, each on its own line
# ("Alphabet / GOOG, / +2.32% / is poised to ..."): both lines go, and the sentence is rejoined.
_TICKER = re.compile(r"^[A-Z]{1,5}(?:\.[A-Z]{1,2})?,?$")
_CHANGE = re.compile(r"^[+\-\u2212]\s?\d+(?:[.,]\d+)?%$")
_PUNCTUATION_ONLY = re.compile(r"^[,;:.]$")


def _tickers(lines: list[str]) -> set[int]:
    found: set[int] = set()
    for i, line in enumerate(lines):
        if not _TICKER.match(line.strip()):
            continue
        j = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k].strip()), None)
        if j is not None and _CHANGE.match(lines[j].strip()):
            found.update((i, j))
    return found


def _source_lines(raw: str) -> list[str]:
    """The text's lines; a hard-wrapped text has its wrapped lines put back together."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _hard_wrapped(lines):
        return lines
    merged: list[str] = []
    previous_blank = True
    for line in lines:
        blank = not line.strip()
        joins = (not blank and not previous_blank and merged
                 and not HEADING.match(line.strip()) and not BULLET.match(line.strip())
                 and not HEADING.match(merged[-1].strip()))
        if joins:
            merged[-1] = merged[-1].rstrip() + " " + line.strip()
        else:
            merged.append(line)
        previous_blank = blank
    return merged


def _hard_wrapped(lines: list[str]) -> bool:
    """Most long lines stop mid-sentence at a similar width: the text was wrapped by hand."""
    long_lines = [line.rstrip() for line in lines if len(line.strip()) >= 40]
    if len(long_lines) < 5 or max(len(line) for line in long_lines) > 100:
        return False
    open_ended = sum(1 for line in long_lines if not ends_sentence(line))
    return open_ended * 10 >= len(long_lines) * 6


# "By Jane Doe | June 2, 2024 | 3 min read": a byline set in a row with the page's furniture.
_ITEM_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _credit_only(text: str, found: _Found) -> str:
    """The credit line without the dates and reading times set beside it."""
    items = _ITEM_SEPARATOR.split(text)
    if len(items) < 2:
        return text
    kept = [item for item in items if not _is_dated(item, found) and not _debris_reason(
        item, item, found)]
    return " \u00b7 ".join(kept) if kept else text


def _kind(raw: str, text: str, found: _Found, author_key: str) -> str:
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


@dataclass
class _Reader:
    """The page read line by line: what each line is, and what the lines before it said."""
    author_key: str = ""  # the author given for the article, as a line's words
    outlet_key: str = ""  # the outlet's name: on a line of its own, it is the site's furniture
    found: _Found = field(default_factory=_Found)
    lines: list[_Line] = field(default_factory=list)
    in_list: bool = False  # under a "More from ..." heading
    after_prose: bool = False
    after_image: bool = False  # the line before held only an image: this one may caption it
    paywalled: bool = False  # a paywall's notice was met after the article's prose
    glue: bool = False  # the next line continues the last one's sentence

    def read(self, raw: str) -> None:
        source = _source_lines(raw)
        tickers = _tickers(source)
        for i, raw_line in enumerate(source):
            if i in tickers:
                self.glue = True
            elif image_only(raw_line):
                self.after_image = True
            else:
                self._line(raw_line)

    def _line(self, raw_line: str) -> None:
        text, level, emphasised = unmarked(raw_line)
        after_image, self.after_image = self.after_image, False
        if (kept := _without_buttons(text)) != text:
            text = raw_line = kept  # the buttons are gone from the line the other rules read
        text = _cleaned(text, self.found)
        if not text:
            return
        if _PUNCTUATION_ONLY.match(text) and self.lines:
            self.lines[-1].parts.append(text)
            self.glue = True
            return
        if _is_dated(text, self.found) or (self.outlet_key and _key(text) == self.outlet_key):
            return self._dropped()
        kind = _kind(raw_line, text, self.found, self.author_key)
        if kind == "text" and after_image and emphasised:
            text, kind = f"Photo: {text}", "caption"  # the italic line under a picture
        reason = "" if kind != "text" else _debris_reason(raw_line, text, self.found)
        if self._in_a_list(raw_line, text, reason) or reason:
            self.paywalled = self.paywalled or (reason == "paywall" and self.after_prose)
            return self._dropped()
        prose = kind == "text" and not level and reads_as_prose(text)
        if self.paywalled and not prose:
            return self._dropped()  # the footer under a paywall: no sign the article ended
        if kind == "credit" and not is_credit(text) and _key(text) != self.author_key:
            text = raw_line.strip()  # "- Jane Doe": the dash markdown took is what makes it one
        if kind == "credit":
            text = _credit_only(text, self.found)
        self.lines.append(_Line(text, level, kind, glued=self.glue and kind == "text"))
        self.glue = False
        self.after_prose = self.after_prose or prose

    def _dropped(self) -> None:
        if self.lines:
            self.lines[-1].debris_after = True

    def _in_a_list(self, raw: str, text: str, reason: str) -> bool:
        """Under a "More from ..." heading, its links to other stories go until prose resumes."""
        if _is_list_heading(text):
            self.in_list = True
            return True
        if self.in_list and (reason or _is_list_item(raw, text, self.after_prose)):
            return True
        self.in_list = False
        return False


# A heading of a list of links is a few words; a list item is a headline, not a paragraph.
LIST_HEADING_WORDS = 6
LIST_ITEM_WORDS = 20


def _is_list_heading(text: str) -> bool:
    """A short heading, no sentence, opening a list of links to other stories ("MORE FROM
    MONEY", "## Related stories", "Most read:")."""
    lists = _vocabulary().lists
    return (bool(lists) and 0 < len(_words(text)) <= LIST_HEADING_WORDS
            and not ends_sentence(text) and bool(lists.match(fold(text))))


def _is_list_item(raw: str, text: str, after_prose: bool) -> bool:
    """A link to another story in such a list: a short headline (no full stop, or a question),
    bulleted or numbered; once the article's prose has begun, unmarked short headlines count
    too. Before it, an unmarked line may be the article's own headline, so it stays."""
    words = _words(text)
    if not words or len(words) > LIST_ITEM_WORDS or HEADING.match(raw.strip()):
        return False
    headline_like = not ends_sentence(text) or text.rstrip().endswith("?")
    return headline_like and (bool(BULLET.match(raw.strip())) or after_prose)


# --- the headline --------------------------------------------------------------------------------

# A copy of the headline with a section word glued on ("... data law News") is still the headline.
TITLE_EXTRA_WORDS = 2
# A headline cut short with "..." is a copy of it when it keeps this many of its words.
TITLE_PREFIX_WORDS = 5


def repeats_title(text: str, title_key: str, heading: bool = False) -> bool:
    """The line is the headline again: the same words, the headline cut short with an ellipsis
    ("Researchers warn that a popular ..."), or, where the page sets its headline, the same with
    a section word glued on ("... data protection law News")."""
    key = _key(text)
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    extra = len(key.split()) - len(title_key.split())
    if heading and key.startswith(title_key + " ") and extra <= TITLE_EXTRA_WORDS:
        return True
    if text.rstrip().endswith(("...", "\u2026")):
        partial = key.split()[:-1]  # the last word may be cut ("... of he ...")
        return len(partial) >= TITLE_PREFIX_WORDS and title_key.startswith(" ".join(partial))
    return False


def _first_sentence(lines: list[_Line]) -> int:
    return next((i for i, line in enumerate(lines)
                 if line.kind == "text" and not line.heading and ends_sentence(line.text)
                 and len(_words(line.text)) >= 4 and not _looks_like_headline(line.text)),
                len(lines))


def _headline_index(lines: list[_Line], title_key: str) -> int | None:
    """The page's headline, before the first sentence of prose: the line repeating the title
    when one is known; else a markdown `#` heading or the first heading-like line."""
    before = lines[:_first_sentence(lines)]
    if title_key:
        return next((i for i, line in enumerate(before)
                     if repeats_title(line.text, title_key, heading=True)), None)
    for i, line in enumerate(before):
        if line.heading == 1:
            return i
    candidates = [i for i, line in enumerate(before) if line.kind == "text"
                  and (line.heading or _looks_like_headline(line.text))]
    # A site name of three or four words may stand above the headline; headlines run longer.
    longer = [i for i in candidates if len(_words(before[i].text)) >= 5]
    return (longer or candidates or [None])[0]


def _looks_like_headline(text: str) -> bool:
    words = _words(text)
    return (3 <= len(words) <= 30 and not text.rstrip().endswith((".", ",", ";", ":"))
            and not text[:1].islower())


def _without_headline(lines: list[_Line], title: str) -> tuple[str, list[_Line]]:
    """The headline, and the lines without it, its copies, the page's furniture above it (site
    names, menus, banners) and markdown subheadings."""
    at = _headline_index(lines, _key(title))
    headline = ""
    if at is not None:
        headline = lines[at].text
        lines = [line for line in lines[:at] if line.kind != "text"] + lines[at + 1:]
    repeated = {_key(title), _key(headline)} - {""}
    kept = [line for line in lines if not line.heading
            and not any(repeats_title(line.text, key) for key in repeated)]
    return headline, kept


# --- paragraphs ----------------------------------------------------------------------------------

def _continues(previous: str, line: str) -> bool:
    """A paragraph broken mid-sentence: no closing punctuation, then a lower-case start, or a
    last word no sentence ends on ("... the company to be" / "AI-first years ago ...")."""
    if ends_sentence(previous) or previous.endswith(":") or len(_words(line)) < 3:
        return False
    words = _words(previous)
    if words and words[-1].lower() in word_set("open_endings") and len(words) >= 4:
        return True
    return len(words) >= 4 and line[:1].islower()


def _joined(lines: list[_Line]) -> list[_Line]:
    paragraphs: list[_Line] = []
    for line in lines:
        last = paragraphs[-1] if paragraphs else None
        if (last and last.kind == line.kind == "text" and not last.heading
                and (line.glued or _continues(last.parts[-1] if last.parts else last.text,
                                              line.text))):
            last.parts.append(line.text if line.text[:1] in ",;:.)" else " " + line.text)
            last.parts.extend(line.parts)
            last.debris_after = line.debris_after
        else:
            paragraphs.append(line)
    # A teaser glued into a sentence is found once the page's broken lines are joined again.
    return [_Line(_without_teaser(p.joined) if p.kind == "text" else p.joined, p.heading, p.kind,
                  debris_after=p.debris_after) for p in paragraphs]


# Before the first paragraph of prose, a short line is a deck under the headline only if it is
# a phrase of several words ("Search teams find more bodies in the town"), not a label
# ("Priority: Urgent", "ISTANBUL"); among the paragraphs, a short line of three words or a figure
# ("Turnout: 79%") is kept: a subheading or a fact set on its own.
DECK_WORDS = 4
SHORT_FACT_WORDS = 3


def _is_deck(text: str) -> bool:
    words = _words(text)
    return (len(words) >= DECK_WORDS and (text[:1].isupper() or text[:1].isdigit())
            and ":" not in text and "|" not in text and not text.isupper())


def _is_short_fact(text: str) -> bool:
    words = _words(text)
    return ((len(words) >= SHORT_FACT_WORDS or any(ch.isdigit() for ch in text))
            and not text[:1].islower())


def _is_prose(line: _Line) -> bool:
    # A line that opens in lower case and ends no sentence is a page's instruction ("tap to
    # bring up your browser menu ..."), not a paragraph.
    return (line.kind == "text" and reads_as_prose(line.text)
            and (ends_sentence(line.text) or not line.text[:1].islower()))


def _kept(paragraphs: list[_Line], has_headline: bool) -> list[str]:
    """The article's paragraphs: prose, captions, credit lines, decks under the page's headline,
    short facts, and a last paragraph cut off mid-sentence; a run of link headlines after the
    prose goes, and so do short lines above the prose of a page that prints no headline (a
    wire's slug and priority lines)."""
    prose = [i for i, p in enumerate(paragraphs) if _is_prose(p)]
    first, last = (prose[0], prose[-1]) if prose else (len(paragraphs), -1)
    trailing = [i for i in range(last + 1, len(paragraphs)) if paragraphs[i].kind == "text"]
    kept, seen = [], set()
    for i, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if paragraph.kind != "text" or i in prose:
            keep = True
        elif i > last:
            # One line after the prose, where the page stops: the start of a cut-off paragraph.
            keep = (last >= 0 and len(trailing) < 2 and not paragraph.debris_after
                    and not text[:1].islower())
        elif i < first:
            keep = has_headline and _is_deck(text)
        else:
            keep = _is_short_fact(text)
        if keep and text not in seen:
            kept.append(text)
            seen.add(text)
    return kept


def _without_repeated_author(lines: list[_Line], found: str) -> list[_Line]:
    """A byline's name printed again on a line of its own ("Writer: jane doe" / "jane doe")."""
    key = _key(found)
    return [line for line in lines
            if not (key and line.kind != "caption" and _key(line.text) == key)]


def article_text(raw: str, title: str = "", author: str = "", outlet: str = "") -> ArticleText:
    """The article from a page's text: headline, paragraphs, captions and credit lines, with
    the byline, date and credit the page's furniture gave. `title`, when known, is removed
    wherever it repeats; `author` on a line of its own is a byline; `outlet` on a line of its
    own is the site's name, not the article's."""
    reader = _Reader(author_key=_key(author), outlet_key=_key(outlet))
    reader.read(raw)
    lines = _without_repeated_author(reader.lines, reader.found.author)
    headline, lines = _without_headline(lines, title.strip())
    found = reader.found
    return ArticleText(tuple(_kept(_joined(lines), bool(headline))), headline, found.author,
                       found.date, found.credit)
