"""Page debris: general rules that reduce a saved web page's text to the article's own paragraphs.

Navigation, bylines, dates, reading times, credits, links, appeals and markdown markup go; the
boilerplate vocabulary any news site uses lives in data/debris.txt.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.reading.text import fold, word_list

# Fewer words than this, with no sentence punctuation, is a label, a name or a menu, not prose.
PROSE_WORDS_WITHOUT_PUNCTUATION = 12
# Words a sentence needs to count as a paragraph without further checks.
PROSE_WORDS_WITH_PUNCTUATION = 4
# A credit, byline or label line is short; a long line that happens to contain "Photo:" is prose.
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
    credit: bool = False  # a reporting credit: kept although it is not a sentence


@dataclass
class _Found:
    """Facts the debris itself carries, kept while the debris is thrown away."""
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


# Between "is a" and the publication noun: a few describing words ("free weekly", "reader-funded").
_DESCRIBING_WORDS = r"(?:[\w'\u2019\-]+,?\s+){0,4}?"


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    lines, labels, phrases, actions, selves, calls, lists = set(), [], [], [], [], [], []
    for entry in word_list("debris"):
        entry = fold(entry)
        if entry.startswith("@list "):
            lists.append(entry[6:].strip())
        elif entry.startswith("@self "):
            selves.append(entry[6:].strip())
        elif entry.startswith("@call "):
            calls.append(entry[6:].strip())
        elif entry.startswith("..."):
            phrases.append(entry[3:].strip())
        elif entry.endswith("..."):
            actions.append(entry[:-3].strip())
        elif entry.endswith(":"):
            labels.append(entry)
        else:
            lines.add(_key(entry))
    return _Vocabulary(frozenset(lines), _alternatives(labels, r"^"),
                       _alternatives(phrases, r"(?<!\w)"), _alternatives(actions, r"^", r"(?!\w)"),
                       _alternatives(selves, r"(?<!\w)(?:is|are|'s)\s+(?:a|an|your)\s+" + _DESCRIBING_WORDS,
                                     r"s?(?!\w)"),
                       _alternatives(calls, r"(?<!\w)"), _alternatives(lists, r"^", r"(?!\w)"))


def _alternatives(entries: list[str], before: str, ending: str | None = None) -> re.Pattern[str] | None:
    if not entries:
        return None
    longest_first = sorted(set(entries), key=lambda e: (-len(e), e))
    if ending is None:
        ending = "" if before == "^" else r"(?!\w)"
    return re.compile(before + "(?:" + "|".join(map(re.escape, longest_first)) + ")" + ending)


# --- small readings of a line ------------------------------------------------------------------

# Chinese and Japanese put no spaces between words: each ideograph or kana counts as a word, so
# their prose is measured much as a spaced language's is.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(
    rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+(?:['\u2019\-.][^\W_{_UNSPACED}]+)*")
# Full stops and question marks of other scripts too: CJK 。！？, Arabic ؟ and ۔, Devanagari ।.
_TERMINAL = re.compile(
    r"(?:[.!?\u2026\u3002\uff01\uff1f\uff0e\uff61\u061f\u06d4\u0964\u0965]"
    r"[\"'\u201d\u2019)\]\u300d\u300f\uff09]*|[\"\u201d\u300d\u300f])$")
_QUOTE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _key(text: str) -> str:
    """A line's words only, folded: what two copies of a headline or a menu item share."""
    return " ".join(_words(fold(text)))


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def _has_quotation(text: str) -> bool:
    return sum(text.count(mark) for mark in _QUOTE_MARKS) >= 2 or text[:1] in _QUOTE_MARKS


def _mostly_lower_case(words: list[str]) -> bool:
    rest = words[1:]
    capitalised = sum(1 for word in rest if word[:1].isupper())
    return bool(rest) and capitalised * 2 < len(rest)


def reads_as_prose(text: str) -> bool:
    """Several words and sentence punctuation, or a quotation, or a long sentence-case line."""
    words = _words(text)
    if ends_sentence(text) or _has_quotation(text):
        if len(words) >= PROSE_WORDS_WITH_PUNCTUATION:
            return True
        # A very short sentence needs a verb-like lower-case word: "He declined." stays, a
        # caption such as "Chinese POWs." or a name with a full stop does not.
        if len(words) >= 2 and any(word[:1].islower() for word in words):
            return True
    return len(words) >= PROSE_WORDS_WITHOUT_PUNCTUATION and _mostly_lower_case(words)


# --- markdown markup ---------------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
# Bounded and possessive, and a target stops at a bracket, so stray brackets stay linear.
_TARGET = r"\([^)\s\[\]]{0,2000}+(?:\s+\"[^\"\n]{0,300}+\")?\)"
_IMAGE = re.compile(r"!\[[^\[\]]{0,500}+\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]]{1,500}+)\]" + _TARGET)
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
# Emphasis spans are bounded so a line full of stray asterisks cannot take quadratic time; a
# whole line in emphasis ("*Posted by ...*") is unwrapped separately, whatever its length.
_BOLD = re.compile(r"\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*|__(?=\S)(.{1,300}?)(?<=\S)__")
_ITALIC = re.compile(
    r"(?<![\w*])\*(?=\S)(.{1,300}?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)(.{1,300}?)(?<=\S)_(?!\w)")
_WHOLE_LINE_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.*\S)\1$")
_QUOTE_PREFIX = re.compile(r"^(?:>\s?)+")
_BULLET = re.compile(r"^(?:[-*+\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043]|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _collapsed(text: str) -> str:
    """Runs of blanks become one space; a lone no-break space inside prose is left as written."""
    return _SPACES.sub(lambda m: m.group() if m.group() in ("\u00a0", "\u202f") else " ", text).strip()


def _unmarked(line: str) -> tuple[str, int]:
    """The line without markdown markup, and its heading level (0 when not a heading)."""
    line = line.strip()
    if _RULE.match(line):
        return "", 0
    level = 0
    heading = _HEADING.match(line)
    if heading:
        level, line = len(heading.group(1)), heading.group(2)
    line = _QUOTE_PREFIX.sub("", line)
    line = _BULLET.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    whole = _WHOLE_LINE_EMPHASIS.match(line)
    if whole and whole.group(1) not in whole.group(2):
        line = whole.group(2)
    line = _BOLD.sub(lambda m: m.group(1) or m.group(2), line)
    line = _ITALIC.sub(lambda m: m.group(1) or m.group(2), line)
    return _collapsed(line), level


# --- dates -------------------------------------------------------------------------------------

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE_LABEL = r"(?:published|updated|posted|last|modified|first|date|dated|on|at)"
_DATE_PARTS = re.compile(
    rf"(?i:\b{_MONTH}(?!\w)|\b{_WEEKDAY}(?!\w)|\b{_DATE_LABEL}\b|\b[ap]\.?m\b\.?)"
    r"|\b\d{1,4}(?:st|nd|rd|th)?\b|\b(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b"
)
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(rf"(?i)\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DAY_MONTH_YEAR = re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})\b")
_DATE_PREFIX = re.compile(
    rf"(?i)^(?:date|dated|published|updated|posted)\s*:?\s*"
    rf"(\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\s+(\S.*)$"
)


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, month in enumerate(_MONTHS, 1) if month.startswith(name[:3]))


def iso_date(text: str) -> str:
    """The first full date in `text` as YYYY-MM-DD, or "" when it gives no day, month and year."""
    candidates = []
    if m := _ISO.search(text):
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    if m := _MONTH_DAY_YEAR.search(text):
        candidates.append((m.start(), int(m[3]), _month_number(m[1]), int(m[2])))
    if m := _DAY_MONTH_YEAR.search(text):
        candidates.append((m.start(), int(m[3]), _month_number(m[2]), int(m[1])))
    for _, year, month, day in sorted(candidates):
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return ""


def _is_date_line(text: str) -> bool:
    """Only a date (with time, zone, weekday or a published/updated label), nothing else."""
    has_date = _NUMERIC_DATE.search(text) or (
        re.search(rf"(?i)\b{_MONTH}(?!\w)", text) and re.search(r"\d", text))
    if not has_date:
        return False
    rest = _NUMERIC_DATE.sub(" ", text)
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", rest)
    rest = _DATE_PARTS.sub(" ", rest)
    return not re.search(r"[^\W_]", rest)


# --- bylines and credits -----------------------------------------------------------------------

_BYLINE = re.compile(
    r"(?i)^\(?\s*(?:by|posted by|written by|words by|story by|"
    r"writer|writers|author|authors|byline)\b\s*:?\s+(?P<who>\S.*?)\)?$"
)
# "Reporting by X and Reuters; Editing by Y": whose reporting the copy carries. That is part of
# the article (the only place some pages name the agency), so the line is kept, not dropped.
_REPORTING_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:additional\s+)?(?:reporting|reported|writing)\s+by\s*:?\s+(?P<who>\S.*?)\)?$")
_AUTHOR_END = re.compile(r"\s*(?:[|\u00b7\u2022;,(]|\s[-\u2013\u2014]\s|\bwith\b|\bin\b|\bfor\b).*$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_DASH_CREDIT = re.compile(r"^[-\u2013\u2014]+\s*(?P<who>[A-Z][\w&.'\u2019 ]{1,40}?)\s*$")
_SOURCE_CREDIT = re.compile(r"(?i)^source\s*:\s*(?P<who>\S.*?)\s*$")
_PHOTO_CREDIT = re.compile(
    r"(?i)(?:^|[\s.(\[|\u00b7])(?:photo|photos|photograph|picture|pictures|image|images|"
    r"illustration|graphic|credit|credits|caption|footage)(?:\s+credit)?\s*:"
    r"|^(?:photo|photograph|picture|image)s?\s+(?:by|courtesy)\b"
)
_READING_TIME = re.compile(r"(?i)\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\b(?:\s+read\b)?|\bread(?:ing)? time\b")
_COPYRIGHT = re.compile(r"(?i)^(?:\u00a9|\(c\)\s|copyright\b)")
_URL_ONLY = re.compile(r"(?i)^<?(?:https?://|www\.)\S+>?$")
_NAV_SEPARATOR = re.compile(r"\s*[|\u203a\u00bb\u2022\u00b7>]\s*|\s+/\s+|\s{2,}")
_STRONG_SEPARATOR = re.compile(r"[|\u203a\u00bb]")
_SLASH_CREDIT = re.compile(r"^[A-Z][\w.&'\u2019-]*(?:\s+[\w.&'\u2019-]+){0,3}\s*/\s*[A-Z][\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,3}$")


def _author(who: str) -> str:
    who = _AUTHOR_END.sub("", who).strip(" .:")
    return who if 0 < len(_words(who)) <= 6 else ""


def _is_navigation(raw: str, text: str, vocabulary: _Vocabulary) -> bool:
    """A menu or breadcrumb: items split by |, ›, •, wide gaps..., each a menu word or short."""
    items = [item for item in _NAV_SEPARATOR.split(raw.strip()) if item.strip()]
    if len(items) < 2:
        return False
    if all(_key(item) in vocabulary.lines for item in items):
        return True
    return (bool(_STRONG_SEPARATOR.search(text)) and not ends_sentence(text)
            and all(len(_words(item)) <= 4 for item in items))


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


def _reporting_credit(text: str, found: _Found) -> bool:
    credit = _REPORTING_CREDIT.match(text)
    if not credit or len(_words(text)) > SHORT_LINE_WORDS:
        return False
    found.author = found.author or _author(credit.group("who"))
    return True


def _debris_reason(raw: str, text: str, found: _Found) -> str:
    """Why the line is page debris ("" when it is not), noting bylines, dates and credits."""
    vocabulary = _vocabulary()
    folded = fold(text)
    words = _words(text)
    short = len(words) <= SHORT_LINE_WORDS
    if not words:
        return "no words"
    if _URL_ONLY.match(text):
        return "address"
    if _key(text) in vocabulary.lines:
        return "boilerplate"
    if vocabulary.labels and vocabulary.labels.match(folded) and short:
        return "label"
    if vocabulary.phrases and vocabulary.phrases.search(folded):
        return "appeal or notice"
    if _COPYRIGHT.match(text):
        return "copyright"
    if short and _describes_itself(folded, vocabulary):
        return "self-promotion"
    byline = _BYLINE.match(text)
    if byline and not ends_sentence(text.rstrip(")")) and len(words) <= 15:
        who = _author(byline.group("who"))
        found.author = found.author or who
        if _ACRONYM.match(who):
            found.credit = found.credit or who
        return "byline"
    # The raw line: markdown would read "- Reuters" as a bullet and lose the dash.
    credit = _DASH_CREDIT.match(raw.strip()) or _SOURCE_CREDIT.match(text)
    if credit and len(_words(credit.group("who"))) <= 6 and not ends_sentence(text):
        found.credit = found.credit or credit.group("who").strip()
        return "credit"
    if short and _PHOTO_CREDIT.search(text):
        return "photo credit"
    if len(words) <= 15 and _READING_TIME.search(text):
        return "reading time"
    if _is_date_line(text):
        found.date = found.date or iso_date(text) or text
        return "date"
    if _is_navigation(raw, text, vocabulary):
        return "navigation"
    if _SLASH_CREDIT.match(text):
        return "photo credit"
    return ""


def _describes_itself(folded: str, vocabulary: _Vocabulary) -> bool:
    """A short paragraph in which a publication says what it is ("... is a free weekly
    newsletter about ...") and asks readers to subscribe, sign up or donate: its promotion box.
    A newsletter in the news ("The council's weekly newsletter told residents ...") is neither."""
    return bool(vocabulary.self_description and vocabulary.calls
                and vocabulary.self_description.search(folded) and vocabulary.calls.search(folded))


# --- the article -------------------------------------------------------------------------------

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
                 and not _HEADING.match(line.strip()) and not _BULLET.match(line.strip())
                 and not _HEADING.match(merged[-1].strip()))
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


def _headline_index(lines: list[_Line]) -> int | None:
    """The page's headline: a markdown `#` heading, else the first heading-like line, before
    the first sentence of prose."""
    first_sentence = next(
        (i for i, line in enumerate(lines)
         if ends_sentence(line.text) and len(_words(line.text)) >= 4 and not line.heading
         and not _looks_like_headline(line.text)),
        len(lines),
    )
    before = lines[:first_sentence]
    for i, line in enumerate(before):
        if line.heading == 1:
            return i
    candidates = [i for i, line in enumerate(before) if not line.credit
                  and (line.heading or _looks_like_headline(line.text))]
    # A site name of three or four words may stand above the headline; headlines run longer.
    longer = [i for i in candidates if len(_words(before[i].text)) >= 5]
    return (longer or candidates or [None])[0]


def _looks_like_headline(text: str) -> bool:
    words = _words(text)
    return (3 <= len(words) <= 30 and not text.rstrip().endswith((".", ",", ";", ":"))
            and not text[:1].islower())


def article_text(raw: str, title: str = "") -> ArticleText:
    """The article's own paragraphs from a page's text, with the headline, byline, date and
    credit line the page carried. `title`, when known, is removed wherever it repeats."""
    found = _Found()
    lines: list[_Line] = []
    in_list = after_prose = False
    for raw_line in _source_lines(raw):
        text, level = _unmarked(raw_line)
        if (kept := _without_buttons(text)) != text:
            text = raw_line = kept  # the buttons are gone from the line the other rules read
        if not text:
            continue
        debris = _debris_reason(raw_line, text, found)
        if _is_list_heading(text):
            in_list = True
            continue
        # Under a "More from ..." heading, its links to other stories go until prose resumes.
        if in_list and (debris or _is_list_item(raw_line, text, after_prose)):
            continue
        in_list = False
        if debris:
            continue
        prefix = _DATE_PREFIX.match(text)
        if prefix:  # "date 2025-04-09 Headline": the date is metadata, the rest is the line
            found.date = found.date or iso_date(prefix.group(1)) or prefix.group(1)
            text = prefix.group(2)
            if _debris_reason(text, text, found):
                continue
        lines.append(_Line(text, level, _reporting_credit(text, found)))
        after_prose = after_prose or (not level and reads_as_prose(text))

    headline = ""
    at = _headline_index(lines)
    if at is not None:
        headline = lines.pop(at).text
    title = title.strip() or headline
    repeated = {_key(title), _key(headline)} - {""}
    lines = [line for line in lines if not line.heading and _key(line.text) not in repeated]

    paragraphs: list[tuple[str, bool]] = []  # (text, a reporting credit)
    for line in lines:
        if paragraphs and not paragraphs[-1][1] and _continues(paragraphs[-1][0], line.text):
            paragraphs[-1] = (f"{paragraphs[-1][0]} {line.text}", False)
        else:
            paragraphs.append((line.text, line.credit))
    kept, seen = [], set()
    for paragraph, credit in paragraphs:
        if (credit or reads_as_prose(paragraph)) and paragraph not in seen:
            kept.append(paragraph)
            seen.add(paragraph)
    return ArticleText(tuple(kept), headline, found.author, found.date, found.credit)


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
    if not words or len(words) > LIST_ITEM_WORDS or _HEADING.match(raw.strip()):
        return False
    headline_like = not ends_sentence(text) or text.rstrip().endswith("?")
    return headline_like and (bool(_BULLET.match(raw.strip())) or after_prose)


def _continues(previous: str, line: str) -> bool:
    """A paragraph broken mid-sentence: no closing punctuation, then a lower-case start."""
    return (not ends_sentence(previous) and not previous.endswith(":")
            and len(_words(previous)) >= 4 and line[:1].islower() and len(_words(line)) >= 3)
