"""A saved page's lines before debris is judged: markdown markup taken off (its words kept), and
the dates a line gives read, so a date line can go while its date is kept as a fact."""
from __future__ import annotations

import datetime as dt
import re

# --- markdown markup ---------------------------------------------------------------------------

HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
# Bounded and possessive, and a target stops at a bracket, so stray brackets stay linear.
_TARGET = r"\([^)\s\[\]]{0,2000}+(?:\s+\"[^\"\n]{0,300}+\")?\)"
_IMAGE = re.compile(r"!\[[^\[\]]{0,500}+\]" + _TARGET)
_IMAGE_ONLY = re.compile(r"^\s*(?:!\[[^\[\]]{0,500}+\]" + _TARGET + r"\s*)+$")
_LINK = re.compile(r"\[([^\[\]]{1,500}+)\]" + _TARGET)
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
# Emphasis spans are bounded so a line full of stray asterisks cannot take quadratic time; a
# whole line in emphasis ("*Posted by ...*") is unwrapped separately, whatever its length.
_BOLD = re.compile(r"\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*|__(?=\S)(.{1,300}?)(?<=\S)__")
_ITALIC = re.compile(
    r"(?<![\w*])\*(?=\S)(.{1,300}?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)(.{1,300}?)(?<=\S)_(?!\w)")
_WHOLE_LINE_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.*\S)\1$")
_QUOTE_PREFIX = re.compile(r"^(?:>\s?)+")
BULLET = re.compile(r"^(?:[-*+\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043]|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _collapsed(text: str) -> str:
    """Runs of blanks become one space; a lone no-break space inside prose is left as written."""
    return _SPACES.sub(lambda m: m.group() if m.group() in ("\u00a0", "\u202f") else " ",
                       text).strip()


def image_only(line: str) -> bool:
    """The line holds only a picture (`![alt](src)`): the line under it may be its caption."""
    return bool(_IMAGE_ONLY.match(line))


def unmarked(line: str) -> tuple[str, int, bool]:
    """The line without markdown markup, its heading level (0 when not a heading), and whether
    the whole line was set in emphasis (as a caption under a picture is)."""
    line = line.strip()
    if _RULE.match(line):
        return "", 0, False
    level = 0
    heading = HEADING.match(line)
    if heading:
        level, line = len(heading.group(1)), heading.group(2)
    line = _QUOTE_PREFIX.sub("", line)
    line = BULLET.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    whole = _WHOLE_LINE_EMPHASIS.match(line)
    emphasised = bool(whole and whole.group(1) not in whole.group(2))
    if emphasised:
        line = whole.group(2)
    line = _BOLD.sub(lambda m: m.group(1) or m.group(2), line)
    line = _ITALIC.sub(lambda m: m.group(1) or m.group(2), line)
    return _collapsed(line), level, emphasised


# --- dates -------------------------------------------------------------------------------------

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE_LABEL = r"(?:published|updated|posted|last|modified|first|date|dated|on|at|and)"
_DATE_PARTS = re.compile(
    rf"(?i:\b{_MONTH}(?!\w)|\b{_WEEKDAY}(?!\w)|\b{_DATE_LABEL}\b|\b[ap]\.?m\b\.?)"
    r"|\b\d{1,4}(?:st|nd|rd|th)?\b|\b(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b"
)
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(rf"(?i)\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DAY_MONTH_YEAR = re.compile(rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})\b")
# "date 2024-11-03 Headline": a date the page set before a line's own words.
DATE_PREFIX = re.compile(
    rf"(?i)^(?:date|dated|published|updated|posted)\s*:?\s*"
    rf"(\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
    r"\s+(\S.*)$"
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


def is_date_line(text: str) -> bool:
    """Only a date (with time, zone, weekday or a published/updated label), nothing else."""
    has_date = _NUMERIC_DATE.search(text) or (
        re.search(rf"(?i)\b{_MONTH}(?!\w)", text) and re.search(r"\d", text))
    if not has_date:
        return False
    rest = _NUMERIC_DATE.sub(" ", text)
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\b", " ", rest)
    rest = _DATE_PARTS.sub(" ", rest)
    return not re.search(r"[^\W_]", rest)
