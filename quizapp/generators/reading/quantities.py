"""How news text writes an amount, read into a value a reader can compare: digits or words
("12,000", "twelve", "two million"), a currency, a scale ("€1.2bn"), a unit ("90 mph", "eight
weeks"), a qualifier ("at least", "nearly"), a range ("between 2003 and 2014"), a date or a
time of day. Model numbers and codes ("Airbus A320", "737 MAX", "COVID-19"), scores ("3-3"),
ages ("Bolsonaro, 67,") and phone numbers are no amounts and are left out."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number

from quizapp.generators.reading.text import fold, word_list, word_set

# --- vocabulary -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    unit: str  # what two figures must share to compare as written: "%", "EUR", "kph", "day"
    dimension: str  # what may be converted: "percent", "money", "speed", "duration", ...
    factor: float  # to the dimension's first unit ("mph" -> 1.609 kph)


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """Written form (lower case) -> unit, from data/figure_units.txt."""
    found = {}
    for line in word_list("figure_units"):
        written, unit, dimension, factor = (part.strip() for part in line.split("|"))
        found[written] = Unit(unit, dimension, float(factor))
    return found


@lru_cache(maxsize=1)
def counted_nouns() -> dict[str, str]:
    """Noun (lower case) -> the kind of thing it counts, from data/counted_nouns.txt."""
    return {noun.strip(): kind.strip() for noun, _, kind in
            (line.rpartition("|") for line in word_list("counted_nouns"))}


@lru_cache(maxsize=16)
def figure_words(role: str) -> tuple[str, ...]:
    """The words of data/figure_words.txt with `role`, longest first."""
    found = [line.rpartition("|")[0].strip() for line in word_list("figure_words")
             if line.rpartition("|")[2].strip() == role]
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def qualifier_meanings() -> dict[str, str]:
    """Qualifier as written -> what it says of the true value ("at least" -> "atleast")."""
    meanings = ("above", "atleast", "below", "atmost", "about", "near", "justover")
    return {word: meaning for meaning in meanings for word in figure_words(meaning)}


SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "lakh": 1e5, "crore": 1e7}
_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                 "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
                 "sixty seventy eighty ninety hundred thousand million billion trillion").split()
_FRACTIONS = {"half": 0.5, "a half": 0.5, "one-half": 0.5, "a third": 1 / 3, "one-third": 1 / 3,
              "one third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
              "one-quarter": 0.25, "one quarter": 0.25, "three-quarters": 0.75,
              "three quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1}


# --- the record -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """One amount as a sentence writes it, with offsets into the article's text."""

    start: int  # the qualifier, or the number when there is none
    end: int  # after the unit
    number_start: int  # the number with its currency and scale: "$14.4 billion"
    number_end: int
    value: float  # the low end of a range
    high: float | None  # the high end of a range, else None
    qualifier: str  # what the qualifier says: "atleast", "above", "about", "near", ... or ""
    qualifier_text: str  # as written: "At least"
    unit: str  # "" for a plain number
    dimension: str
    category: str  # count, money, percent, duration, measure, time, date, ordinal
    precision: float  # how far the true value may be from a figure rounded as written
    spelled: bool  # written in words ("twelve")
    role: str = "level"  # "level"; "change" (rose 5%); "from" (the level before a change)
    rate: str = ""  # what the amount is per: "day" of "25 million euros a day"

    @property
    def is_range(self) -> bool:
        return self.high is not None


# --- dates and times --------------------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATES = (
    re.compile(r"\b(?P<month>" + _MONTH + r")\.?\s(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
               r"(?:,?\s(?P<year>(?:1[89]|20)\d\d)\b)?"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(?P<month>" + _MONTH + r")\b\.?"
               r"(?:,?\s(?P<year>(?:1[89]|20)\d\d)\b)?"),
    re.compile(r"\b(?P<month>" + _MONTH + r")\.?,?\s(?P<year>(?:1[89]|20)\d\d)\b"),
)
_TIMES = re.compile(
    r"(?<![\d:.,])\b(?P<h>2[0-3]|[01]?\d)(?::(?P<m>[0-5]\d)|\.(?P<m2>[0-5]\d)(?=\s?[ap]\.?m))?"
    r"\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)?"
    r"(?:\s?(?P<zone>GMT|UTC|BST|CET|ET|PT|local time)\b)?")
_MILITARY = re.compile(r"\b(?P<hm>[0-2]\d[0-5]\d)\s?(?P<zone>GMT|UTC|BST|CET)\b")
_YEAR = re.compile(r"(?<![\w$€£.,/])(?P<year>(?:1[89]|20)\d\d)(?:s\b)?(?![\w.,]\d|-[a-z]|%)")


def _month_number(name: str) -> int:
    low = fold(name)[:3]
    return next(i for i, month in enumerate(_MONTHS, start=1) if month.startswith(low))


def _dates(text: str, start: int, end: int) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATES:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if m.group("month") == "May" and not m.groupdict().get("day") and m.start() == start:
                continue  # "May 2021" at a sentence's start is a month; "may" as a verb never is
            month = _month_number(m.group("month"))
            day = int(m.groupdict().get("day") or 0)
            if day > 31:
                continue
            year = int(m.group("year")) if m.group("year") else 0
            # A value that orders and compares dates of one kind: YYYYMMDD, with 0 for a part the
            # text leaves out, and the unit saying which parts it gives.
            unit = "date" if year and day else "monthday" if day else "month"
            value = year * 10000 + month * 100 + day
            found.append(_fixed(m.start(), m.end(), value, unit, "date"))
            taken.append((m.start(), m.end()))
    return found


def _times(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Quantity]:
    found = []
    for m in _MILITARY.finditer(text, start, end):
        hm = m.group("hm")
        found.append(_fixed(m.start(), m.end(), int(hm[:2]) * 60 + int(hm[2:]),
                            "clock " + m.group("zone"), "time"))
    for m in _TIMES.finditer(text, start, end):
        spans = taken + [(q.start, q.end) for q in found]
        if not (m.group("m") or m.group("ampm")) or any(a < m.end() and m.start() < b
                                                         for a, b in spans):
            continue
        hour = int(m.group("h"))
        ampm = fold(m.group("ampm") or "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
        minute = int(m.group("m") or m.group("m2") or 0)
        zone = m.group("zone") or ""
        found.append(_fixed(m.start(), m.end(), hour * 60 + minute, f"clock {zone}".strip(),
                            "time"))
    return found


def _fixed(start: int, end: int, value: float, unit: str, category: str) -> Quantity:
    return Quantity(start, end, start, end, value, None, "", "", unit, category, category, 0.0,
                    False)


# --- numbers ----------------------------------------------------------------------------------

_DIGITS = re.compile(
    r"(?P<cur>(?:US|A|C|NZ|HK|S)?\$|€|£|¥|₹|\b(?:EUR|USD|GBP|Rs\.?)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<ord>st|nd|rd|th)?(?P<glued>bn|mn|m|k|K|B|%|kph|mph|km|kmh|tb|TB|GB|gb|pc)?"
    r"(?![\w])")
_SPELLED = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(_NUMBER_WORDS) + r")(?:(?:-|\s+|\s+and\s+)(?=(?:"
    + "|".join(_NUMBER_WORDS) + r")\b))?)+(?![\w-])", re.I)


def _significant_precision(value: float, digits: str, scale: float) -> float:
    """How far the true value may be from a figure as written: half its last significant digit
    for a number rounded to tens or more ("12,000" may be 11,500 to 12,500), or written with a
    scale ("2 million"); none for a small whole count ("17 people")."""
    whole, _, decimals = digits.replace(",", "").partition(".")
    if decimals:
        return 0.5 * 10 ** -len(decimals) * scale
    if scale > 1:
        return 0.5 * scale
    trailing = len(whole) - len(whole.rstrip("0"))
    if value >= 100 and trailing >= 1 and len(whole) - trailing <= 2:
        return 0.5 * 10 ** trailing
    return 0.0


@lru_cache(maxsize=4096)
def spelled_value(words: str) -> int | None:
    """The number a run of number words says ("one hundred and forty-two" -> 142)."""
    value = parse_number(words, language="en")
    return value if isinstance(value, int) else None


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    written = sorted((w for w in units() if w[0].isalpha() or w == "%"), key=len, reverse=True)
    return re.compile(r"(?:\s?%|[\s-](?P<u>" + "|".join(map(re.escape, written)) + r")(?![\w]))")


def _unit_after(text: str, at: int, stop: int) -> tuple[str, Unit | None, int]:
    """The unit written right after offset `at` ("per cent", "kph", "euros"), with where it ends."""
    m = _unit_pattern().match(fold(text[at:min(stop, at + 30)]))
    if not m:
        return "", None, at
    written = m.group("u") or "%"
    return written, units()[written], at + m.end()


def _scale_after(text: str, at: int, stop: int) -> tuple[float, int]:
    m = re.match(r"[\s-](hundred|thousand|million|billion|trillion|bn|mn|lakh|crore)(?![\w])",
                 fold(text[at:min(stop, at + 12)]))
    if m:
        return SCALES[m.group(1)], at + m.end()
    return 1.0, at


@lru_cache(maxsize=1)
def _qualifier_pattern() -> re.Pattern[str]:
    written = sorted(qualifier_meanings(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?P<q>" + "|".join(map(re.escape, written)) + r")(?:\s+of)?\s+$")


def _qualifier_before(text: str, at: int, floor: int) -> tuple[str, str, int]:
    """The qualifier right before offset `at`: (meaning, as written, its start)."""
    before = fold(text[max(floor, at - 30):at])
    m = _qualifier_pattern().search(before)
    if not m:
        return "", "", at
    start = at - (len(before) - m.start())
    return qualifier_meanings()[m.group("q")], text[start:at].strip(), start


def _is_code(text: str, start: int, end: int, floor: int) -> bool:
    """A number that names a model, a code or a label, not an amount: glued to a letter or a
    word's hyphen ("A320", "COVID-19", "G7"), after a capitalised word mid-sentence ("Model 3",
    "Boeing 737", "Article 46"), or before a word in capitals ("737 MAX")."""
    before = text[max(floor, start - 25):start]
    if re.search(r"[A-Za-z]-?$|\d\($", before):
        return True  # "A320", "COVID-19", "46(1)"
    prev = re.search(r"([A-Z][\w.]*|[A-Z]{2,})\s$", before)
    if prev and not _sentence_start(text, start - len(prev.group()), floor):
        word = fold(prev.group(1)).rstrip(".")
        if word not in qualifier_meanings() and word not in word_set("function_words") \
                and word not in word_set("calendar_words") and word not in _CURRENCY_WORDS:
            return True
    after = text[end:end + 12]
    return bool(re.match(r"\s(?:[A-Z]{2,}|Max|MAX)\b(?!\s*\))", after)) and not re.match(
        r"\s(?:GMT|UTC|BST|CET|ET|PT|EUR|USD|GBP|BTC|TB|GB|MW)\b", after)


def _on_a_scale(text: str, start: int, end: int) -> bool:
    """"the magnitude 6.8 earthquake killed ...", "6.8 on the Richter scale": a reading on a
    scale, which the event words beside it would otherwise make a death toll."""
    return bool(re.search(r"\bmagnitude(?:\s+of)?\s$", text[max(0, start - 14):start],
                          re.IGNORECASE)
                or re.match(r"(?:-|\s)magnitude\b|\son the richter\b", text[end:end + 20],
                            re.IGNORECASE))


_CURRENCY_WORDS = frozenset({"eur", "usd", "gbp", "rs", "us"})


def _sentence_start(text: str, at: int, floor: int) -> bool:
    return not text[floor:at].strip() or bool(re.search(r"[.:;!?\u2014(]\s*$|^\W*$",
                                                         text[floor:at]))


def _is_age(text: str, start: int, end: int) -> bool:
    """"Bolsonaro, 67, ...", "a 34-year-old", "aged 52": an age, part of how a person is named."""
    after = fold(text[end:end + 12])
    if re.match(r"-(?:year|month)s?-old", after) or re.match(r"\s(?:years?|months?) old", after):
        return True
    if re.search(r"\baged?\s$", fold(text[max(0, start - 6):start])):
        return True
    return bool(re.search(r"[A-Z][\w'\u2019]+,\s$", text[max(0, start - 30):start])
                and re.match(r"[,)]", after))


def _is_score_or_phone(text: str, start: int, end: int) -> bool:
    after, before = text[end:end + 8], text[max(0, start - 8):start]
    if re.match(r"[-\u2013]\d{1,2}(?!\d)", after) or re.search(r"\d{1,2}[-\u2013]$", before):
        return True  # "3-3", "4-2": a score
    return bool(re.match(r" \d{3,}", after) or re.search(r"\d{3,} $", before))


def _compound(text: str, end: int, stop: int) -> tuple[str, int]:
    """A number joined by a hyphen to what it measures ("62-metre", "50-day", "87,000-strong",
    "2.4-billion-euro"): the words joined, and where they end."""
    m = re.match(r"-([a-z]+(?:-[a-z]+)?)(?![\w-])", fold(text[end:min(stop, end + 30)]))
    return (m.group(1), end + m.end()) if m else ("", end)


def _digit_quantities(text: str, start: int, end: int,
                      taken: list[tuple[int, int]]) -> list[Quantity]:
    found = []
    for m in _DIGITS.finditer(text, start, end):
        n_start, n_end = m.start("num"), m.end()
        if any(a < n_end and n_start < b for a, b in taken):
            continue
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_."):
            continue  # inside a word or a decimal: "A320", "v2.1"
        written_as_amount = bool(m.group("cur") or "," in m.group("num") or "." in m.group("num")
                                 or re.match(r"\s?(?:%|per\s?cent|percent)", text[n_end:n_end + 9]))
        if (not written_as_amount and _is_code(text, m.start(), n_end, start)) \
                or _on_a_scale(text, n_start, n_end) or _is_age(text, n_start, n_end) \
                or _is_score_or_phone(text, n_start, n_end):
            continue
        quantity = _digit_quantity(text, m, start, end)
        if quantity is not None:
            found.append(quantity)
    return found


@dataclass
class _Written:
    """What follows a number as the rules read it: its scale, its unit and where they end."""

    scale: float = 1.0
    unit: Unit | None = None
    unit_word: str = ""
    number_end: int = 0
    end: int = 0


def _glued(m: re.Match) -> _Written | None:
    """A scale or unit written against the digits ("€1.2bn", "12K", "9%", "250kph")."""
    glued = fold(m.group("glued") or "")
    written = _Written(end=m.end())
    if glued in SCALES and (m.group("cur") or glued in ("bn", "mn", "k")):
        written.scale = SCALES[glued]
    elif glued in units():
        written.unit, written.unit_word = units()[glued], glued
    elif glued:
        return None  # "5G", "3m" without a currency: no amount these rules can read
    return written


def _joined_by_hyphen(text: str, written: _Written, stop: int) -> bool:
    """Reads "62-metre", "2.4-billion-euro", "87,000-strong" into `written`; False for a
    description that is no amount ("9-year-old", "two-fold")."""
    compound, compound_end = _compound(text, written.end, stop)
    if not compound:
        return True
    parts = compound.split("-")
    if parts[0] in SCALES:
        written.scale, parts = SCALES[parts[0]], parts[1:]
    word = "-".join(parts)
    if word == "strong":
        written.end = compound_end  # "87,000-strong staff": a count of what follows
    elif word in units() or word + "s" in units():
        written.unit_word = word if word in units() else word + "s"
        written.unit, written.end = units()[written.unit_word], compound_end
    elif word:
        return False
    return True


def _after_digits(text: str, m: re.Match, stop: int) -> _Written | None:
    written = _glued(m)
    if written is None:
        return None
    if written.scale == 1.0 and written.unit is None:
        written.scale, written.end = _scale_after(text, written.end, stop)
    written.number_end = written.end
    if not _joined_by_hyphen(text, written, stop):
        return None
    if written.unit is None and not m.group("cur"):
        written.unit_word, written.unit, written.end = _unit_after(text, written.end, stop)
    if m.group("cur"):
        symbol = fold(m.group("cur")).strip().rstrip(".")
        code = _CURRENCY_SYMBOLS.get(symbol) or _CURRENCY_CODES.get(symbol, "USD")
        written.unit = Unit(code, "money", 1.0)
    return written


def _digit_quantity(text: str, m: re.Match, start: int, end: int) -> Quantity | None:
    written = _after_digits(text, m, end)
    if written is None:
        return None
    digits, unit = m.group("num"), written.unit
    category, unit_name, dimension = _category(unit, bool(m.group("ord")))
    if category == "ordinal" and unit is not None:
        unit_name = written.unit_word.rstrip("s")  # "the 80th minute"
    factor = unit.factor if unit is not None and category not in ("money", "ordinal") else 1.0
    raw = float(digits.replace(",", ""))
    precision = _significant_precision(raw, digits, written.scale) * factor
    if category == "percent" and "." not in digits:
        precision = max(precision, 0.5 * factor)  # "51%" may be 50.9% rounded
    meaning, qualifier, q_start = _qualifier_before(text, m.start(), start)
    rate, after = _rate_after(text, written.end, end)
    return Quantity(q_start, after, m.start(), written.number_end, raw * written.scale * factor,
                    None, meaning, qualifier, unit_name, dimension, category, precision, False,
                    rate=rate)


_CURRENCY_CODES = {"eur": "EUR", "usd": "USD", "gbp": "GBP", "rs": "INR"}


def _category(unit: Unit | None, ordinal: bool) -> tuple[str, str, str]:
    """(category, unit, dimension) of an amount with `unit`."""
    if ordinal:
        return "ordinal", unit.unit if unit is not None else "", "ordinal"
    if unit is None:
        return "count", "", ""
    category = {"percent": "percent", "points": "percent", "money": "money",
                "duration": "duration"}.get(unit.dimension, "measure")
    return category, unit.unit, unit.dimension


_RATE = re.compile(r"\s(?:a|an|per|each|every)\s(day|week|month|year|hour)\b")


def _rate_after(text: str, at: int, stop: int) -> tuple[str, int]:
    m = _RATE.match(fold(text[at:min(stop, at + 12)]))
    return (m.group(1), at + m.end()) if m else ("", at)


def _spelled_quantities(text: str, start: int, end: int,
                        taken: list[tuple[int, int]]) -> list[Quantity]:
    found = []
    for m in _SPELLED.finditer(text, start, end):
        words = m.group().strip()
        low = fold(words)
        if low in ("one", "a", "zero") or low in SCALES or any(
                a < m.end() and m.start() < b for a, b in taken):
            continue  # "one of the most powerful": no count worth comparing
        if re.match(r"-(?:year|month)s?-old|-fold|-point|-pass", fold(text[m.end():m.end() + 11])):
            continue
        value = spelled_value(words)
        if value is None or value < 2:
            continue
        _, unit, after = _unit_after(text, m.end(), end)
        compound, compound_end = _compound(text, m.end(), end)
        if compound and compound in units():
            unit, after = units()[compound], compound_end
        elif compound:
            continue
        category, unit_name, dimension = _category(unit, False)
        amount = value * (unit.factor if unit is not None and unit.dimension != "money" else 1)
        meaning, written, q_start = _qualifier_before(text, m.start(), start)
        last = re.split(r"[\s-]", low)[-1]
        precision = 0.5 * SCALES[last] if last in SCALES else 0.0
        found.append(Quantity(q_start, after, m.start(), m.end() if unit is None else after, amount,
                              None, meaning, written, unit_name, dimension, category, precision,
                              True))
    return found


def _years(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Years ("in 2008", "2012-2023"), unless the number counts something ("2000 people") or
    has a qualifier ("about 1900") or a currency."""
    found = []
    for m in _YEAR.finditer(text, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        next_word = re.match(r"\s([a-z]+)", fold(text[m.end():m.end() + 20]))
        if next_word and (next_word.group(1) in counted_nouns()
                          or next_word.group(1) in units()):
            continue
        if _qualifier_before(text, m.start(), start)[0]:
            continue
        found.append(_fixed(m.start(), m.end(), int(m.group("year")), "year", "date"))
    return found


# --- ranges and changes -----------------------------------------------------------------------


def _joined(text: str, first: Quantity, second: Quantity, floor: int) -> Quantity | None:
    """One range from two amounts written "between A and B", "A to B" or "A-B" (not a change
    "from A to B", which is two levels)."""
    gap = fold(text[first.end:second.start])
    lead = fold(text[max(floor, first.start - 9):first.start])
    if first.category != second.category and first.unit:
        return None
    between = gap == " and " and lead.endswith("between ")
    dash = gap in ("-", "\u2013", " - ", " \u2013 ") and first.category in ("date", "count",
                                                                              "money", "percent")
    to = gap == " to " and not _changes_before(text, first.start, floor)
    if not (between or dash or to) or second.value < first.value:
        return None
    return Quantity(first.start, second.end, first.number_start, second.number_end, first.value,
                    second.value, first.qualifier, first.qualifier_text,
                    second.unit or first.unit, second.dimension or first.dimension,
                    second.category, max(first.precision, second.precision), first.spelled,
                    rate=second.rate)


def _changes_before(text: str, at: int, floor: int, words: int = 10) -> bool:
    """Whether a verb of change stands in the few words before offset `at`."""
    window = fold(text[max(floor, at - 80):at])
    return any(w in figure_words("change") for w in re.findall(r"[a-z]+", window)[-words:])


def _role(text: str, quantity: Quantity, floor: int) -> str:
    """"rose 5%" or "raised its rate by 25 basis points" is a change, "from 4.5%" the level
    before one; an amount after "to", or with no verb of change, is a level. A count is always
    a level ("Acme cuts 1,300 jobs" counts jobs)."""
    if quantity.category not in ("percent", "money", "measure"):
        return "level"
    before = fold(text[max(floor, quantity.start - 30):quantity.start])
    if re.search(r"\bfrom\s$", before) and _changes_before(text, quantity.start, floor):
        return "from"
    if re.search(r"\bto\s$", before):
        return "level"
    if re.search(r"\bby\s$", before) and _changes_before(text, quantity.start - 3, floor, 6):
        return "change"
    m = re.search(r"\b([a-z]+)\s$", before)
    return "change" if m and m.group(1) in figure_words("change") else "level"


def _merge_ranges(text: str, found: list[Quantity], floor: int) -> list[Quantity]:
    merged: list[Quantity] = []
    for quantity in found:
        if merged:
            joined = _joined(text, merged[-1], quantity, floor)
            if joined is not None:
                merged[-1] = joined
                continue
        merged.append(quantity)
    return merged


def quantities(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """Every amount written in text[start:end] (one sentence), in text order."""
    return _quantities(text, start, len(text) if end is None else end)


@lru_cache(maxsize=8192)
def _quantities(text: str, start: int, end: int) -> tuple[Quantity, ...]:
    dates = _dates(text, start, end)
    taken = [(q.start, q.end) for q in dates]
    times = _times(text, start, end, taken)
    taken += [(q.start, q.end) for q in times]
    found = dates + times
    found += _years(text, start, end, [(q.start, q.end) for q in found])
    found += _digit_quantities(text, start, end, [(q.start, q.end) for q in found])
    found += _spelled_quantities(text, start, end, [(q.start, q.end) for q in found])
    found = [q for q in found if not _inside_another(q, found)]
    found.sort(key=lambda q: q.start)
    found = _merge_ranges(text, _drop_coded_lists(text, found, start), start)
    return tuple(_with_role(text, q, start) for q in found)


def _inside_another(quantity: Quantity, found: list[Quantity]) -> bool:
    return any(other is not quantity and other.start <= quantity.start and quantity.end <= other.end
               and (other.end - other.start) > (quantity.end - quantity.start) for other in found)


def _drop_coded_lists(text: str, found: list[Quantity], floor: int) -> list[Quantity]:
    """"the 737 MAX and 777", "MAX, 777 and 767 jets", "models Y, S, 3 and X": a bare number
    listed beside a model name or letter is a model name too."""
    kept: list[Quantity] = []
    codes: list[int] = []  # where numbers read as codes end
    for quantity in found:
        before = text[max(floor, quantity.start - 14):quantity.start]
        listed = re.search(r"(?:\b[A-Z]{1,}|(?P<n>\d+))(?:,| and| or|/) ?$", before)
        if quantity.category == "count" and not quantity.qualifier and listed and (
                not listed.group("n") or quantity.start - len(before) + listed.end("n") in codes):
            codes.append(quantity.number_end)
            continue
        kept.append(quantity)
    return kept


def _with_role(text: str, quantity: Quantity, floor: int) -> Quantity:
    role = _role(text, quantity, floor)
    if role == quantity.role:
        return quantity
    return Quantity(**{**quantity.__dict__, "role": role})
