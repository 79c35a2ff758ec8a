"""The details outlets can be compared on: figures with the noun they count, distinctive names,
and how a sentence presents them (attributed to someone, hedged, or stated flatly)."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import (
    Sentence, fold, possessive_stripped, quotations, sentences, tokens, word_list, word_set,
)

# --- vocabulary -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def entries_by_role(name: str) -> dict[str, frozenset[str]]:
    """The entries of a data file of "entry | role" lines, grouped by role."""
    grouped: dict[str, set[str]] = {}
    for line in word_list(name):
        entry, _, role = line.rpartition("|")
        grouped.setdefault(role.strip(), set()).add(entry.strip())
    return {role: frozenset(entries) for role, entries in grouped.items()}


def detail_words(role: str) -> frozenset[str]:
    return entries_by_role("detail_words").get(role, frozenset())


def hedge_words(strength: str | None = None) -> frozenset[str]:
    """Hedges of one strength ("unverified", "possible", "attributed"), or all of them."""
    roles = entries_by_role("hedges")
    if strength:
        return roles.get(strength, frozenset())
    return frozenset().union(*roles.values())


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return word_set("speech_verbs")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that never name what a figure counts nor make two sentences about one thing."""
    return (word_set("function_words") | word_set("name_stopwords") | word_set("calendar_words")
            | word_set("sentence_openers") | detail_words("vague") | detail_words("stop"))


def phrase_pattern(phrases: frozenset[str] | list[str]) -> re.Pattern[str] | None:
    """One regex matching any of `phrases` as whole words in folded text, longest first."""
    if not phrases:
        return None
    alternatives = sorted((re.escape(fold(p)).replace(r"\ ", r"\s+") for p in phrases),
                          key=lambda p: (-len(p), p))
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


# --- sentences --------------------------------------------------------------------------------

_END = tuple(".!?\"'\u201d\u2019)\u2026")


def prose_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of running prose: four words or more ending like a sentence, or six or more
    broken off by a line break in mid-sentence (the next line goes on in lower case). Captions,
    bylines, staff credits, headings and page furniture are left out."""
    found = []
    for sentence in sentences(text):
        count = len(sentence.text.split())
        if count < 4 or _is_staff_credit(paragraph_of(text, sentence)):
            continue
        if sentence.text.rstrip().endswith(_END) or (count >= 6 and _continues_below(text, sentence.end)):
            found.append(sentence)
    return tuple(found)


def _is_staff_credit(line: str) -> bool:
    """"(Reporting by ...; Editing by ...)": who wrote the copy, not what happened."""
    opening = re.sub(r"^\W+", "", fold(line))
    return any(opening.startswith(phrase) for phrase in entries_by_role("credit_words").get("staff", ()))


def _continues_below(text: str, end: int) -> bool:
    rest = text[end:].lstrip()
    return bool(rest) and rest[0].islower()


def paragraph_of(text: str, sentence: Sentence) -> str:
    start = text.rfind("\n", 0, sentence.start) + 1
    end = text.find("\n", sentence.end)
    return text[start:] if end < 0 else text[start:end]


def in_quotation(text: str, start: int, end: int) -> bool:
    return any(q.start <= start and end <= q.end for q in quotations(text))


def has_quotation(text: str, sentence: Sentence) -> bool:
    """Whether any quotation mark opens or closes inside the sentence."""
    return bool(re.search(r"[\"\u201c\u201d\u201e\u00ab\u00bb]", sentence.text)) or any(
        q.start < sentence.end and sentence.start < q.end for q in quotations(text))


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\-]*", fold(text))


def stem(word: str) -> str:
    """A crude stem, so "killed"/"killing"/"kills" and "cost"/"costs" compare equal."""
    word = fold(word).strip("'-")
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if len(word) > 4 and word[-1] == word[-2] else word


def context_stems(text: str) -> set[str]:
    """The content words of `text`, stemmed: what two sentences must share to be about one thing."""
    return {stem(w) for w in words_of(text)
            if len(w) >= 4 and w not in stopwords() and w not in speech_verbs()
            and w not in detail_words("time")}


# --- figures ----------------------------------------------------------------------------------

# Digits as news text writes them: "212", "1,400", "6.2", "$2,400", "€25". A figure glued to a
# hyphen ("9-year-old", "62-metre") describes a thing rather than counting it, so is left out.
_FIGURE = re.compile(
    r"(?<![\w.,\-/])(?P<currency>[$\u20ac\u00a3]\s?)?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimal>\.\d+)?"
    r"(?![\w\-/]|[.,]\d)")
_ANY_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def canonical_number(token: str) -> str:
    """"1,300" -> "1300", "6.2" -> "6.2": digits as compared across outlets."""
    token = token.strip().lstrip("$\u20ac\u00a3").rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        token = token.replace(",", "")
    return token


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(value: str) -> list[str]:
    """The ways a whole number under a thousand may be spelled out ("fifty-five", "a hundred");
    a bare "thousand" may stand for 1,000."""
    if value == "1000":
        return ["a thousand", "one thousand", "thousand", "thousands"]
    if not value.isdigit() or int(value) >= 1000:
        return []
    n = int(value)
    if n < 20:
        return [_UNITS[n]]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return [_TENS[tens]]
        return [f"{_TENS[tens]}-{_UNITS[unit]}", f"{_TENS[tens]} {_UNITS[unit]}"]
    hundreds, rest = divmod(n, 100)
    heads = [f"{_UNITS[hundreds]} hundred"]
    if hundreds == 1:
        heads += ["a hundred", "hundred", "hundreds"]
    if not rest:
        return heads
    return [f"{head}{joiner}{tail}" for head in heads for joiner in (" and ", " ")
            for tail in number_words(str(rest))]


def numbers_in(text: str) -> set[str]:
    """Every number `text` carries in digits, anywhere, even inside words ("G7", "2024")."""
    return {canonical_number(token) for token in _ANY_DIGITS.findall(text)}


def carries_number(text: str, value: str, scale: str = "") -> bool:
    """Whether `text` carries the number at all: in digits (any grouping), spelled out, or
    written out with its scale ("25 million" as "25,000,000"). Broad on purpose: an outlet
    offered as lacking a figure must not have it in any form."""
    found = numbers_in(text)
    if value in found:
        return True
    if scale and value.replace(".", "").isdigit():
        factor = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
                  "trillion": 10**12}.get(scale)
        if factor and str(int(float(value) * factor)) in found:
            return True
    folded = fold(text)
    return any(re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", folded) for w in number_words(value))


@lru_cache(maxsize=2)
def _spelled_amount(whole_numbers: bool) -> str:
    """A pattern for an amount in words: fraction and scale words ("three-quarters", "half a
    million"), with whole-number words ("twenty-five", "one") when `whole_numbers`."""
    spelled = set(detail_words("scale") | detail_words("fraction"))
    if whole_numbers:
        spelled |= {w for w in _UNITS + _TENS if w}
    word = "(?:" + "|".join(sorted(map(re.escape, spelled), key=len, reverse=True)) + ")"
    return word + r"(?:[\s\-]+" + word + r")*"


def is_measure(noun: str) -> bool:
    """Whether a figure's noun is a unit of measure ("basis points", "per cent", "kilometres"):
    an amount of it may be written in another size of unit ("a quarter of a point")."""
    units = detail_words("unit") | detail_words("measure") | detail_words("rate")
    return bool(noun) and (fold(noun) in units or any(f in units for f in word_forms(noun.split()[-1])))


def words_amount_of(text: str, noun: str, whole_numbers: bool) -> bool:
    """Whether `text` gives an amount of `noun` (either number) in words, with up to three words
    between ("a quarter of a percentage point", "half a million people", and with
    `whole_numbers`, "one point"): an outlet writing the figure that way may carry it, so it
    is never offered as lacking it. A whole count of things in words is a different number
    unless `carries_number` finds it, so for counts only fractions and scales are looked for."""
    if not noun:
        return False
    forms = "|".join(map(re.escape, word_forms(noun)))
    pattern = (r"(?<![\w\-])" + _spelled_amount(whole_numbers) + r"(?:\s+[\w\-'\u2019]+){0,3}?\s+(?:"
               + forms + r")(?![\w])")
    return re.search(pattern, fold(text)) is not None


@dataclass(frozen=True)
class Figure:
    """A number in a prose sentence with the noun it counts: "at least 212 Dutch passengers"."""
    article: str  # Article.id
    value: str  # canonical digits, "1200"
    scale: str  # "million" etc., or ""
    number: str  # as written, with currency sign and scale: "$2,400", "25 million"
    qualifier: str  # as written: "at least", "nearly", or ""
    noun: str  # what it counts as written ("nationals", "cubic metres"), "per cent", "" for money
    sentence: Sentence
    start: int  # offsets of the number in the article text
    end: int
    rate: str = ""  # the span a rate is per, as written: "an hour" of "90 kilometres an hour"
    tail: int = 0  # offset where the number, its noun and its rate end

    @property
    def short(self) -> str:
        """Number and head noun only, with any rate: "212 passengers", "30 per cent", "$2,400",
        "90 kilometres an hour"."""
        return " ".join(part for part in (self.number, self.noun, self.rate) if part)

    @property
    def qualified(self) -> str:
        """Number and head noun with the qualifier printed before them: "more than 30 lorries"."""
        return f"{self.qualifier.lower()} {self.short}".strip()

    @property
    def figure(self) -> str:
        """The figure with its qualifier, as a choice shows it: "at least 41"."""
        return f"{self.qualifier.lower()} {self.number}".strip()

    @property
    def noun_key(self) -> str:
        return singular(self.noun.split()[-1]) if self.noun else ""

    @property
    def rate_key(self) -> str:
        return singular(self.rate.split()[-1]) if self.rate else ""

    def same_count(self, other: Figure) -> bool:
        """Same number counting the same thing; "90 kilometres" is not "90 kilometres an hour"."""
        return self.value == other.value and self.scale == other.scale \
            and self.noun_key == other.noun_key and self.rate_key == other.rate_key


def singular(noun: str) -> str:
    noun = fold(noun)
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def word_forms(term: str) -> list[str]:
    """A noun in both numbers: "mercenaries" -> ["mercenaries", "mercenary"]."""
    term = fold(term)
    forms = {term}
    last = term.split()[-1]
    head = term[: len(term) - len(last)]
    if last.endswith("ies"):
        forms.add(head + last[:-3] + "y")
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms.add(head + last[:-1] + "ies")
    elif last.endswith("s") and not last.endswith("ss"):
        forms.add(head + last[:-1])
    else:
        forms.add(head + last + "s")
    return sorted(forms)


def _qualifier_before(text: str, start: int) -> str:
    before = fold(text[max(0, start - 30):start])
    for qualifier in sorted(detail_words("qualifier"), key=len, reverse=True):
        if re.search(r"(?<![\w])" + re.escape(qualifier) + r"\s+$", before):
            at = len(before.rstrip()) - len(qualifier)
            return text[start - len(before) + at:start].strip()
    return ""


def _head_noun(text: str, sentence: Sentence, after: int) -> str:
    """The noun a figure counts, with the lower-case words written between them: the run of
    content words after the figure up to its plural (or its last word), skipping capitalised
    modifiers ("212 Dutch passengers" -> "passengers", "40 fishing and cargo boats" -> "boats",
    "300 million cubic metres" -> "cubic metres")."""
    run: list[str] = []
    toks = tokens(text, after, sentence.end)
    i = 0
    while i < len(toks) and len(run) < 5:
        tok = toks[i]
        low = tok.lower
        if not tok.is_word:
            break
        if low in ("and", "or") and run and all(w[:1].isupper() for w in run):
            i += 1
            continue  # "fishing and cargo boats": a coordinated modifier before the noun
        if low in stopwords() or low in speech_verbs() or low.endswith("ly") or tok.is_possessive:
            break
        if low in detail_words("time") and not run:
            return ""  # "in 19 years": a span, not a count of something in the story
        if not tok.text.isalpha() and "-" not in tok.text:
            break
        run.append(tok.text)
        i += 1
    lower = [w for w in run if not w[:1].isupper()][:3]
    if not lower or any(w[:1].isupper() for w in run[run.index(lower[0]):]):
        return ""
    # A plural ends the noun ("12,000 workers marched"); else the last word is the head
    # ("40 fishing and cargo boats", "300 million cubic metres").
    noun = next((w for w in lower if (fold(w).endswith("s") and not fold(w).endswith("ss"))
                 or fold(w) in detail_words("plural")), lower[-1])
    if len(noun) < 3 or fold(noun) in detail_words("time"):
        return ""
    # Words written right after the figure stay with the noun: "300 million cubic metres" is not
    # "300 million metres". Capitalised modifiers go: "212 Dutch passengers" -> "212 passengers".
    return " ".join(run[:run.index(noun) + 1]) if run[0] == lower[0] else noun


def _unit_after(text: str, end: int) -> tuple[str, int]:
    rest = fold(text[end:end + 24])
    for unit in sorted(detail_words("unit") | detail_words("rate"), key=len, reverse=True):
        m = re.match(r"\s*" + re.escape(unit) + r"(?![\w])", rest) if unit != "%" else re.match(r"%", rest)
        if m:
            return ("per cent" if unit in ("%", "percent", "per cent") else unit), end + m.end()
    return "", end


@lru_cache(maxsize=256)
def _figures_in(article_id: str, text: str) -> tuple[Figure, ...]:
    found = []
    for sentence in prose_sentences(text):
        for m in _FIGURE.finditer(text, sentence.start, sentence.end):
            digits = m.group("digits") + (m.group("decimal") or "")
            value = canonical_number(digits)
            if _YEAR.fullmatch(value) and "," not in m.group("digits"):
                continue  # a year, not a count
            end = m.end()
            scale_m = re.match(r"\s+(" + "|".join(sorted(detail_words("scale"))) + r")(?![\w])",
                               fold(text[end:end + 16]))
            scale = scale_m.group(1) if scale_m else ""
            if scale_m:
                end += scale_m.end()
            unit, after_unit = _unit_after(text, end)
            if m.group("currency"):
                noun = ""
            elif unit:
                noun, end = unit, after_unit
            else:
                noun = _head_noun(text, sentence, end)
                if not noun:
                    continue
                end = _end_of_word(text, noun.split()[-1], end, sentence.end)
            rate, end = _rate_after(text, end, sentence.end)
            number = text[m.start():m.end()] + (text[m.end():m.end() + scale_m.end()] if scale_m else "")
            found.append(Figure(article_id, value, scale, number, _qualifier_before(text, m.start()),
                                noun, sentence, m.start(), m.end(), rate, end))
    return tuple(found)


def _end_of_word(text: str, word: str, start: int, stop: int) -> int:
    """The offset just after the first whole `word` in text[start:stop] (`start` if absent)."""
    m = re.compile(r"(?<![\w])" + re.escape(word) + r"(?![\w])").search(text, start, stop)
    return m.end() if m else start


@lru_cache(maxsize=1)
def _rate_pattern() -> re.Pattern[str]:
    """"an hour", "per day", "a year", "/h" after a figure's noun: what the figure is a rate of.
    "a year ago" is a moment, not a rate."""
    time = detail_words("time")
    spans = sorted(w for w in time if w.isalpha() and any(x != w and singular(x) == w for x in time))
    span = "(?:" + "|".join(spans) + ")"
    return re.compile(r"(?:\s+(?:an?|per|each|every)\s+" + span + r"|\s*/\s*(?:h|hr|" + span + r"))"
                      r"(?![\w/])(?!\s+(?:ago|earlier|later|before|after|old|long|in|of)(?![\w]))")


def _rate_after(text: str, end: int, stop: int) -> tuple[str, int]:
    m = _rate_pattern().match(fold(text[end:stop]))
    if not m:
        return "", end
    return text[end:end + m.end()].strip().lstrip("/").strip(), end + m.end()


def counted_words(text: str, figure: Figure) -> str | None:
    """What a figure with a noun that says nothing of it counts ("400 people", "40 per cent"):
    the few words right after it, up to a clause break ("sleeping on camp beds", "contained",
    "of the spare parts"). "" when the noun says enough by itself; None when no short clean
    phrase follows, so the figure cannot be asked about."""
    if fold(figure.noun) not in detail_words("generic"):
        return ""
    end = figure.tail or figure.end
    minor = stopwords() | word_set("function_words")
    words: list[str] = []  # up to the first clause break
    for tok in tokens(text, end, figure.sentence.end):
        low = tok.lower
        if not tok.is_word or any(ch.isdigit() for ch in tok.text) or low in _CLAUSE_BREAKS \
                or low in speech_verbs() or (tok.is_capitalised and words and fold(words[-1]) not in minor):
            break  # "parts Norway buys": a capital after a noun starts a clause of its own
        words.append(tok.text)
    run = []
    for word in words:
        if len(run) == MAX_COUNTED_WORDS or (fold(word) not in minor and
                                             sum(fold(w) not in minor for w in run) == MAX_CONTENT_WORDS):
            break
        run.append(word)
    # Cut short, the phrase ends where a little word starts the next part ("camp beds | at the").
    while run and len(run) < len(words) and fold(words[len(run)]) not in minor:
        run.pop()
    while run and fold(run[-1]) in minor:
        run.pop()
    if not run or not run[0][:1].islower():
        return None
    return " ".join(run)


MAX_COUNTED_WORDS = 7
MAX_CONTENT_WORDS = 3
# Words that open a new clause: what follows no longer says what the figure counts.
_CLAUSE_BREAKS = frozenset({"and", "or", "but", "nor", "that", "which", "who", "whom", "whose",
                            "while", "whereas", "as", "because", "since", "when", "after", "before",
                            "until", "if", "than", "though", "although", "so", "yet", "where"})


def figures(article: Article) -> tuple[Figure, ...]:
    """The counted figures of an article's prose, in text order."""
    return _figures_in(article.id, article.text)


def count_in(text: str, figure: Figure) -> Figure | None:
    """The first figure of `text`'s prose giving the same number with the same noun, as `text`
    prints it (its own qualifier: "about 200 homes" for "200 homes")."""
    return next((other for other in _figures_in("", text) if other.same_count(figure)), None)


def carries_count(text: str, figure: Figure) -> Sentence | None:
    """The first prose sentence of `text` giving the same number with the same noun near it."""
    found = count_in(text, figure)
    return found.sentence if found is not None else None


# --- names ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    text: str  # as first written: "Mara Osei"
    key: str  # folded

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.text.split())


@lru_cache(maxsize=64)
def _lowercase_words(texts: tuple[str, ...]) -> frozenset[str]:
    """Words the story writes in lower case somewhere: capitalised, they are headline or
    sentence-start words, not parts of a name."""
    found = set()
    for text in texts:
        found.update(m.group() for m in re.finditer(r"(?<![\w'\u2019])[a-z][a-z\-]+", text))
    return frozenset(found)


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


@lru_cache(maxsize=64)
def _capitalised_inside(texts: tuple[str, ...]) -> frozenset[str]:
    """Capitalised words seen after a clause's first word: only these may start a name at the
    start of a sentence or clause, where every word is capitalised."""
    found = set()
    for text in texts:
        for sentence in sentences(text):
            words = tokens(text, sentence.start, sentence.end)
            for i, tok in enumerate(words):
                if tok.is_word and tok.is_capitalised and i and words[i - 1].is_word:
                    found.add(fold(tok.bare))
    return frozenset(found)


def story_names(story: Story) -> list[Name]:
    """Distinctive names the story's prose uses outside quotations, in order of first
    appearance. A run of capitalised words counts when its words are not ordinary words
    capitalised; a title or institution before it is dropped ("Energy Minister Pavel Hrast"
    gives "Pavel Hrast"), and a word seen only inside a longer capitalised phrase is not a name
    on its own ("Emergencies" of "Emergencies Ministry")."""
    texts = tuple(a.text for a in story.articles)
    common, inside = _lowercase_words(texts), _capitalised_inside(texts)
    sequences = [(text, words, seq, after) for text in texts
                 for words, seq, after in _capitalised_sequences(text)]
    standalone = {fold(seq[0].bare) for _, _, seq, _ in sequences if len(seq) == 1}
    adjective_endings = tuple(detail_words("adjective"))
    seen: dict[str, Name] = {}
    for text, words, seq, after in sequences:
        is_common = [_is_common(t, common) for t in seq]
        first = fold(seq[0].bare)
        if seq[0] is words[0] and first not in inside and (
                len(seq) == 1 or is_common[1] or first.endswith(("ing", "ed", "ly"))):
            is_common[0] = True  # a sentence's first word is capitalised anyway ("Paulo Reis" stays)
        cut = max((i + 1 for i, c in enumerate(is_common) if c), default=0)
        run = seq[cut:]
        if not run or len(run) > 4 or fold(run[0].bare) in stopwords():
            continue
        if cut and len(run) == 1 and fold(run[0].bare) not in standalone:
            continue
        name = text[run[0].start:run[-1].start + len(run[-1].bare)]
        if len(run) == 1:
            if after is not None and after.text == "." and after.end < len(text) and \
                    text[after.end:after.end + 1] == " " and text[after.end + 1:after.end + 2].isupper():
                continue  # "Capt. Sofia Arenz": an abbreviated title
            if after is not None and after.is_word and after.text[:1].islower() \
                    and after.lower not in stopwords() and fold(name).endswith(adjective_endings):
                continue  # "Southern allies": an adjective of a people or direction, not a name
        if len(name) >= 3 and fold(name) not in seen:
            seen[fold(name)] = Name(name, fold(name))
    return list(seen.values())


def _is_common(token, common: frozenset[str]) -> bool:
    """A capitalised ordinary word: the story writes it (or its plural) in lower case somewhere,
    or it is a function word. Short acronyms ("EU", "NATO") are never common."""
    low = fold(token.bare)
    if len(low) <= 5 and _is_acronym(token.bare):
        return False
    return low in common or low + "s" in common or low + "es" in common or low in stopwords() \
        or low in role_words() or (token.bare.isupper() and len(low) > 5)


def _capitalised_sequences(text: str):
    """(sentence words, maximal run of adjacent capitalised words, the token after it) for each
    prose sentence of `text`, outside quotations. A clause opened by a dash or colon starts
    afresh, like a sentence."""
    for sentence in prose_sentences(text):
        words = tokens(text, sentence.start, sentence.end)
        run: list = []
        for i, tok in enumerate(words + [None]):
            if tok is not None and run and tok.text == "of" and i + 1 < len(words) \
                    and words[i + 1].is_capitalised and words[i + 1].is_word:
                continue  # "University of Tessin" is one name
            is_part = (
                tok is not None and tok.is_word and tok.is_capitalised and tok.bare.isalpha()
                and not in_quotation(text, tok.start, tok.end)
                and (not run or text[run[-1].end:tok.start] in (" ", " of "))
            )
            if is_part:
                run.append(tok)
                if tok.is_possessive:  # "Osei's": the name ends here
                    yield _clause_words(words, run[0]), run, None
                    run = []
                continue
            if run:
                yield _clause_words(words, run[0]), run, tok
            run = []


def _clause_words(words: list, first) -> list:
    """The words of the clause `first` is in, so its first word is known to be capitalised."""
    start = 0
    for i, tok in enumerate(words):
        if tok is first:
            break
        if tok.text in ("\u2014", "\u2013", ":", "-") and i + 1 < len(words):
            start = i + 1
    return [t for t in words[start:] if t.is_word] or [first]


def names_word(text: str, name: str) -> bool:
    """`name` written in `text` exactly, as whole words (a possessive "'s" may follow)."""
    return re.search(r"(?<![\w])" + re.escape(fold(name)) + r"(?![\w])", fold(text)) is not None


def may_mention(text: str, name: Name) -> bool:
    """Whether `text` might mention `name` in any form: any of its words (or a word starting
    like it, or spelled nearly like it) appears. Broad on purpose, for proving absence."""
    text_words = set(re.findall(r"[a-z][a-z\-]+", fold(text)))
    for part in name.parts:
        low = fold(possessive_stripped(part))
        if len(low) < 3 and not _is_acronym(part):
            continue
        for word in text_words:
            # "Peruvian" for "Peru", "Volkov" for "Volkoff", "Mansuri" for "Mansouri".
            if word.startswith(low) or (len(word) >= max(4, len(low) - 2) and low.startswith(word)):
                return True
            if len(low) >= 5 and word[:1] == low[:1] and abs(len(word) - len(low)) <= 2 and \
                    difflib.SequenceMatcher(None, word, low).ratio() >= 0.8:
                return True
    return False


# --- names a question may ask about ----------------------------------------------------------


def askable_name(story: Story, name: Name) -> str | None:
    """How a question should write `name`, or None when it is no name to ask about: the
    publisher's own credit, dateline or initials ("(NPA) -", "© 2025 X"), a unit or a date
    ("Celsius", "Aug"), or a word that only ever modifies a place noun after it, which is asked
    about as the whole phrase ("the Lindvall school sports hall") when every use agrees."""
    if is_publisher_credit(story, name) or is_measure_or_date(story, name):
        return None
    phrases = {fold(p): p for p in (_place_phrase(text, start, end) for text, start, end
                                    in _occurrences(story, name.text))}
    if "" in phrases or not phrases:
        return name.text  # used as a name by itself somewhere
    if len(phrases) != 1:
        return None
    return "the " + next(iter(phrases.values()))


def _occurrences(story: Story, name: str) -> list[tuple[str, int, int]]:
    """(text, start, end) of every whole-word use of `name` in the story's articles, as written."""
    pattern = re.compile(r"(?<![\w])" + re.escape(name) + r"(?![\w])")
    return [(a.text, m.start(), m.end()) for a in story.articles for m in pattern.finditer(a.text)]


def is_publisher_credit(story: Story, name: Name) -> bool:
    """Whether `name` is how an outlet signs its own copy: the initials of an outlet's name or a
    label of its web address ("NPA" for "Norvessa Press Agency", npa.example), or a name used
    only in credit lines: a dateline's "(X) -", a wire slug ("X-FIRE/..."), a copyright or
    staff credit, a byline or a photo credit."""
    key = fold(name.text).replace(".", "")
    if _is_acronym(name.text.replace(".", "")) and key in _publisher_marks(story):
        return True
    found = _occurrences(story, name.text)
    return bool(found) and all(_in_credit(text, start, end) for text, start, end in found)


def _publisher_marks(story: Story) -> frozenset[str]:
    """Short forms an outlet goes by: initials of its name (with and without a leading "The")
    and the labels of its articles' web addresses."""
    marks = set()
    for article in story.articles:
        words = [w for w in re.findall(r"[^\W_][\w'\u2019&-]*", article.outlet) if w[:1].isupper()]
        for start in (0, 1):
            if len(words) - start >= 2:
                marks.add(fold("".join(w[0] for w in words[start:])))
        host = re.sub(r"^[a-z]+://", "", fold(article.url)).split("/")[0]
        marks.update(label for label in host.split(".")[:-1] if label != "www")
    return frozenset(marks)


def _in_credit(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:] if line_end < 0 else text[line_start:line_end]
    before, after = text[line_start:start], text[end:line_start + len(line)]
    folded = fold(line).strip()
    if folded.startswith(("\u00a9", "(c) ", "copyright")) or "all rights reserved" in folded \
            or _is_staff_credit(line):
        return True
    if folded.startswith("by ") and len(folded.split()) <= 8 and not folded.endswith("."):
        return True  # a byline
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)\s*[-\u2013\u2014]", after):
        return True  # a dateline: "BRENNICK, Aug 11 (NPA) -"
    chunk = re.search(r"\S*$", before).group() + text[start:end] + re.match(r"\S*", after).group()
    if re.search(r"[-/]", chunk) and not re.search(r"[a-z]", chunk):
        return True  # a wire slug: "NPA-WILDFIRE/ALDERMOOR"
    captions = entries_by_role("credit_words").get("caption", frozenset())
    return any(re.search(r"(?<![\w])" + re.escape(c) + r"\s*:", fold(before)) for c in captions)


def is_measure_or_date(story: Story, name: Name) -> bool:
    """Whether `name` is a unit ("Celsius"), a month or weekday ("Aug", "Tues"), or a word only
    ever written right after a figure ("39 degrees Celsius", "12 Kelvin"): no name either way."""
    words = [fold(possessive_stripped(w)) for w in name.parts]
    calendar = word_set("calendar_words")
    weekdays = [c for c in calendar if c.endswith("day") and c not in detail_words("vague")]
    if all(w in detail_words("measure") or w in calendar
           or (3 <= len(w) <= 4 and any(c.startswith(w) for c in weekdays)) for w in words):
        return True
    found = _occurrences(story, name.text)
    measures = "|".join(re.escape(m) for m in sorted(detail_words("measure"), key=len, reverse=True))
    after_figure = re.compile(r"\d[\d,.]*\s*(?:(?:" + measures + r")\s+)?$")
    return bool(found) and all(after_figure.search(fold(text[max(0, start - 40):start]))
                               for text, start, _ in found)


def _place_phrase(text: str, start: int, end: int) -> str:
    """The name at text[start:end] with the lower-case words after it when they end in a place
    or body noun ("Lindvall school sports hall"); "" when the name stands by itself there."""
    if not re.search(r"(?<![\w])the\s+$", fold(text[max(0, start - 8):start])):
        return ""
    heads = detail_words("place") | word_set("organisation_words")
    run, last = [], -1
    for tok in tokens(text, end, min(len(text), end + 80)):
        if not tok.is_word or not tok.text[:1].islower() or tok.lower in stopwords() or len(run) == 4:
            break
        run.append(tok)
        if tok.lower in heads or singular(tok.lower) in heads:
            last = len(run)
    if last < 0:
        return ""
    return text[start:run[last - 1].end]


def sentence_naming(text: str, name: str) -> Sentence | None:
    for sentence in prose_sentences(text):
        if names_word(sentence.text, name):
            return sentence
    return None


# --- how a sentence presents its claim -------------------------------------------------------


def hedges_in(text: str, strength: str | None = None) -> list[str]:
    """The hedges `text` uses (outside nothing: callers strip quotations first if they care)."""
    pattern = phrase_pattern(hedge_words(strength))
    return [m.group() for m in pattern.finditer(fold(text))] if pattern else []


def unquoted(text: str, sentence: Sentence) -> str:
    """The sentence with quoted words blanked, so a speaker's words never count as the outlet's."""
    chars = list(sentence.text)
    for q in quotations(text):
        for i in range(max(q.start, sentence.start), min(q.end, sentence.end)):
            chars[i - sentence.start] = " "
    return "".join(chars)


def has_speech_verb(text: str) -> bool:
    folded = words_of(text)
    return any(w in speech_verbs() for w in folded) or "according to" in fold(text)


_NP_WORD = r"[\w\-'\u2019.]+"
_NOT_IN_SOURCE = frozenset({"that", "which", "who", "and", "but", "while", "as", "when", "if"})
# Words that make a phrase before a speech verb a clause, not a speaker's name.
_NOT_IN_NAME_PHRASE = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been",
                                 "will", "would", "can", "could", "should", "may", "might", "must",
                                 "do", "does", "did", "not"})
# Pronouns pronouns.txt leaves out on purpose, which never name one source either.
_NOT_ONE_SPEAKER = frozenset({"they", "it", "we", "i", "you", "this"})


@dataclass(frozen=True)
class Attribution:
    source: str  # who the sentence says is speaking, as written: "the port authority"
    start: int  # offsets of the attribution within the sentence text
    end: int
    covers: str  # "after": the words after it are the source's; "before": the words before; "all"


@lru_cache(maxsize=1)
def _attribution_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    verbs = "|".join(sorted((re.escape(v) for v in speech_verbs()), key=len, reverse=True))
    aux = r"(?:(?:has|have|had|also|previously|earlier|on \w+)\s+)*"
    inverting = "|".join(sorted(map(re.escape, detail_words("inverting")), key=len, reverse=True))
    return (
        (re.compile(r"\baccording to (?P<np>(?:" + _NP_WORD + r"\s?){1,8}?)(?=[,;]|$)", re.I), "all"),
        (re.compile(r"^(?P<np>(?:" + _NP_WORD + r"\s){1,7}?)" + aux + r"(?:" + verbs + r")\b"), "after"),
        (re.compile(r",\s(?P<np>(?:" + _NP_WORD + r"\s){1,7}?)(?:" + verbs + r")(?:\s\w+)?$"), "before"),
        (re.compile(r",\s(?P<np>(?:" + _NP_WORD + r"\s){1,7}?)(?:" + verbs + r"),"), "before"),
        (re.compile(r",\s(?:" + inverting + r")\s(?P<np>(?:" + _NP_WORD + r"\s?){1,7})$"), "before"),
    )


def _names_a_speaker(phrase: str) -> bool:
    """A phrase whose head is a name, a role or an institution: someone who can speak."""
    head = possessive_stripped(phrase.split()[-1])
    low = fold(head)
    singular_low = singular(low)
    return head[:1].isupper() or any(w in role_words() or w in word_set("organisation_words")
                                     for w in (low, singular_low))


def role_words() -> frozenset[str]:
    """Job and standing words ("spokesperson", "official"), without roles.txt's markers."""
    return frozenset(w.rstrip(" *") for w in word_set("roles"))


def attribution(sentence_text: str) -> Attribution | None:
    """The source a sentence names for what it reports, by the shapes of news attribution:
    "according to X", "X said (that) ...", "..., X said.", "..., said X." A pronoun, a clause or
    a number where the source should be means the rules cannot tell, and give None."""
    body = sentence_text.rstrip(".!? ")
    for pattern, covers in _attribution_patterns():
        m = pattern.search(body)
        if not m:
            continue
        np = m.group("np").strip(" ,")
        words = [fold(w) for w in np.split()]
        if not words or words[0] in word_set("pronouns") or words[0] in _NOT_ONE_SPEAKER:
            return None
        if any(w in speech_verbs() or w in _NOT_IN_SOURCE or w in _NOT_IN_NAME_PHRASE for w in words) \
                or re.search(r"\d", np) or words[-1] in word_set("function_words") \
                or any(w.endswith("ly") for w in words):
            return None  # a clause, not a name: "Norway has firmly", "A senior engineer at the"
        if covers != "all" and not _names_a_speaker(np):
            return None  # "The capture of two fighters has added": a thing, not a speaker
        return Attribution(np, m.start(), m.end(), covers)
    return None


def figure_source(text: str, sentence: Sentence, at: int) -> str | None:
    """Who a sentence says the figure at offset `at` comes from, as written; "" when the
    sentence names no one and uses no speech verb; None when it attributes in a way these rules
    cannot read with confidence (a pronoun, a quotation, an attribution that may cover another
    clause only)."""
    if has_quotation(text, sentence):
        return None
    found = attribution(sentence.text)
    if found is None:
        return "" if not has_speech_verb(sentence.text) else None
    offset = at - sentence.start
    if (found.covers == "after" and offset < found.end) or (found.covers == "before" and offset > found.start):
        return None
    return found.source
