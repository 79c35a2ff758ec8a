"""Whom each article credits, and for how much of it: the whole article (a byline, a dateline tag
such as "SEATTLE (Reuters) —", a sign-off, "This article first ran on ...") or one statement
("..., AP reported", "told Reuters", "according to AFP"). Agencies are found on a list of the
world's agencies and, misspelt or machine-spun ("Asociated Press", "United Push International"),
by fuzzy matching; the name is kept as printed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from quizapp.generators.reading.articles import ArticleReading, Passage
from quizapp.generators.reading.text import fold, quotations, word_list, word_set

ARTICLE = "article"  # the credit covers the whole article
STATEMENT = "statement"  # the credit covers one statement


@dataclass(frozen=True)
class Credit:
    article: str  # the crediting article's id
    source: str  # as a choice shows it: an agency's or outlet's listed name, else as printed
    printed: str  # the name exactly as the article prints it ("Asociated Press")
    how: str  # "byline", "dateline", "sign-off", "first ran", "copyright", "contributed",
    # "according to", "reported", "told", "quoted by", "shared with", "citing", "reporting by"
    scope: str  # ARTICLE or STATEMENT
    passage: Passage | None  # the line or sentence that credits it; None for a byline the
    # loader kept aside from the text (it cannot be evidence)
    agency: bool = False  # a news agency (on the list, or a near spelling of a name on it)
    named: bool = True  # False for "-Agencies" or "originally published on this site"
    lede: bool = False  # a statement credit in the article's first sentence of prose

    @property
    def whole(self) -> bool:
        return self.scope == ARTICLE


# --- names of agencies and outlets ------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    name: str  # the first form its list gives
    forms: tuple[str, ...]
    agency: bool


def _entries(name: str, agency: bool) -> tuple[Source, ...]:
    found = []
    for line in word_list(name):
        forms = tuple(f.strip() for f in line.split("|") if f.strip())
        found.append(Source(forms[0], forms, agency))
    return tuple(found)


@lru_cache(maxsize=1)
def known_sources() -> tuple[Source, ...]:
    """The world's news agencies, then major outlets: agencies first, so "AP" is an agency."""
    return _entries("news_agencies", True) + _entries("news_outlets", False)


@lru_cache(maxsize=1)
def _credit_roles() -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for line in word_list("credit_words"):
        entry, _, role = line.rpartition("|")
        grouped.setdefault(role.strip(), set()).add(entry.strip())
    return {role: frozenset(entries) for role, entries in grouped.items()}


def credit_words(role: str) -> frozenset[str]:
    return _credit_roles().get(role, frozenset())


def _is_abbreviation(form: str) -> bool:
    """"AP", "dpa", "CNN": short forms matched only as written, case and all."""
    return " " not in form and (form.upper() == form or form.lower() == form or len(form) <= 4)


@lru_cache(maxsize=4096)  # every article compares every outlet's name with its own
def _plain(name: str) -> str:
    name = re.sub(r"^(?:the)\s+", "", fold(name).strip())
    return " ".join(re.sub(r"[^\w\s&/-]", " ", name).split())


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[Source, str, str, bool], ...]:
    """(source, form, form compared as plain words, abbreviation?) for every listed form."""
    return tuple((source, form, _plain(form), _is_abbreviation(form))
                 for source in known_sources() for form in source.forms)


@lru_cache(maxsize=4096)
def _outlet_after_name(piece: str) -> str:
    """"Jeff Stein Washington Post", a byline's last writer run into the paper: the listed
    outlet the piece ends with, not the whole (a key once read "Jeff Stein Washington Post")."""
    words = piece.split()
    for k in range(1, len(words)):
        found = listed_source(" ".join(words[k:]))
        if found is not None and found[1]:
            return " ".join(words[k:])
    return piece


def listed_source(printed: str) -> tuple[Source, bool] | None:
    """(the listed agency or outlet, exact?) that `printed` names: exactly, or misspelt or spun
    so that a reader still sees the name ("Asociated Press", "United Push International",
    "Reuter"). Abbreviations count only exactly as written."""
    name = printed.strip()
    plain = _plain(name)
    if not plain:
        return None
    bare = name.removeprefix("The ").removeprefix("the ")
    for source, form, form_plain, abbreviation in _forms():
        if (bare == form.removeprefix("The ")) if abbreviation else plain == form_plain:
            return source, True
    for source, _, form_plain, abbreviation in _forms():
        if not abbreviation and _near(plain, form_plain):
            return source, False
    return None


def _near(printed: str, form: str) -> bool:
    """A misspelling or a synonym spun into one word of a name of two or more words: same number
    of words, same initials, at least half the words exact; or one letter off a long single
    word ("Reuter")."""
    a, b = printed.split(), form.split()
    if len(a) != len(b) or a == b:
        return False
    if len(a) == 1:
        return len(b[0]) >= 6 and a[0][0] == b[0][0] and Levenshtein.distance(a[0], b[0]) <= 1
    if [w[0] for w in a] != [w[0] for w in b]:
        return False
    exact = sum(x == y for x, y in zip(a, b, strict=True))
    return exact * 2 >= len(a) and fuzz.ratio(printed, form) >= 75


def source_forms(source: str) -> tuple[str, ...]:
    """Every form of a credited source: its listed forms, or the name alone."""
    for known in known_sources():
        if known.name == source:
            return known.forms
    return (source,)


def names_source(text: str, source: str) -> bool:
    """Whether `text` prints the source in any listed form (abbreviations as written)."""
    folded = fold(text)
    for form in source_forms(source):
        hay, needle = (text, form) if _is_abbreviation(form) else (folded, fold(form))
        if re.search(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])", hay):
            return True
    return False


def _media_shaped(name: str) -> bool:
    """A capitalised name whose last word is a news outlet's ("the Evening Post")."""
    words = name.split()
    low = [fold(w) for w in words]
    return (len(words) >= 2 and all(w[:1].isupper() or w in _CONNECTORS for w in words)
            and (low[-1] in credit_words("media") or low[-2:] == ["news", "agency"]))


def news_source(printed: str, outlets: tuple[str, ...] = ()) -> tuple[str, bool] | None:
    """(the name a choice shows, is it an agency) when `printed` names a news agency or outlet:
    on the lists, one of the story's outlets, or shaped like an outlet's name."""
    listed = listed_source(printed)
    if listed:
        return listed[0].name, listed[0].agency
    plain = _plain(printed)
    for outlet in outlets:
        if plain and plain == _plain(outlet):
            return outlet, False
    if _media_shaped(printed.strip()):
        name = printed.strip()
        return (name[4:] if name.startswith("the ") else name), "agency" in fold(name).split()
    return None


# --- names after and before the words that credit them ------------------------------------------

_CONNECTORS = frozenset({"of", "and", "de", "du", "des", "la", "le", "for", "&", "al", "el"})
_STOP = re.compile(r"[,;:()\[\]\"\u201c\u201d]|\s[-\u2013\u2014]\s|\.(?:\s|$)")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str


def _runs(text: str, start: int, end: int) -> list[Name]:
    """Capitalised runs of words in text[start:end] ("Associated Press", "Bank of Japan"), each
    ending on a capitalised word; punctuation after a word ends its run."""
    runs: list[Name] = []
    current: list[tuple[int, int, str]] = []

    def close() -> None:
        while current and not current[-1][2][:1].isupper():
            current.pop()
        if current:
            s, e = current[0][0], current[-1][1]
            runs.append(Name(s, e, text[s:e]))
        current.clear()

    for m in re.finditer(r"\S+", text[start:end]):
        word = m.group().rstrip(".,;:!?\u2019'\")\u201d")
        at = start + m.start()
        capital = word[:1].isupper() or (word[:1].isdigit() and bool(current))
        if word and (capital or (current and word in _CONNECTORS)):
            current.append((at, at + len(word), word))
            if m.group() != word:
                close()
        else:
            close()
    close()
    return runs


def name_after(text: str, at: int, limit: int = 8) -> Name | None:
    """The name a credit phrase ending at `at` points to: the first capitalised run after it, or,
    when a describing word comes first ("Kenyan broadcaster NTV", "news agency Reuters"), the run
    after that word. Stops at punctuation or after `limit` words."""
    stop = _STOP.search(text, at)
    end = stop.start() if stop else len(text)
    words = list(re.finditer(r"\S+", text[at:end]))[:limit]
    if not words:
        return None
    end = at + words[-1].end()
    runs = _runs(text, at, end)
    if not runs:
        return None
    described = [at + w.start() for w in words
                 if fold(w.group().strip(".,")) in credit_words("descriptor")]
    if described:
        after = [r for r in runs if r.start > described[0]]
        if after:
            return after[0]
    first = runs[0]
    # The first run must start the phrase (after "the" or a describing word at most).
    lead = fold(text[at:first.start]).split()
    if any(w not in ("the", "a", "an") and w not in credit_words("descriptor") for w in lead):
        return None
    return first


def name_before(text: str, at: int) -> Name | None:
    """The capitalised run ending just before `at` ("..., the Associated Press reported")."""
    head = text[:at].rstrip()
    runs = _runs(text, max(0, len(head) - 80), len(head))
    if runs and runs[-1].end == len(head):
        return runs[-1]
    return None


# --- reading one article ----------------------------------------------------------------------

_BYLINE = re.compile(r"^\s*(?:[-\u2013\u2014\u2022\u00b7*]\s*)?[Bb]y\s+(?P<who>.+?)\s*$")
# "DETROIT (AP) —", "San Francisco, Jan 20 (IANS)", "(AP) -- SAO PAULO --", "London (CNN) —"
_TAG = re.compile(r"^\s*(?:[A-Z][\w.'\u2019\- ]{0,40}(?:,\s*[\w.'\u2019 ]{1,30}){0,2}\s*)?"
                  r"\((?P<who>[^()\n]{2,80})\)(?P<dash>\s*[-\u2013\u2014:]+)?\s*(?=\S)")
# "ABC News(PANAMA CITY, Fla.) —": the outlet before the place
_TAG_BEFORE = re.compile(r"^\s*(?P<who>[A-Z][\w&.'\u2019 ]{1,30}?)\s*\([A-Z][^()\n]{1,40}\)\s*"
                         r"[-\u2013\u2014:]+")
_SIGN_OFF_LINE = re.compile(r"^\s*(?:[-\u2013\u2014]+\s*)?[(\[]?(?P<who>[^()\[\]\n]{2,60}?)"
                            r"[)\]]?\s*$")
_SIGN_OFF_END = re.compile(r"[.!?\"\u201d\u2019]\s+(?:[-\u2013\u2014]+\s*)?[(\[]?"
                           r"(?P<who>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3})[)\]]?\s*$")
_LABEL = re.compile(r"^(?:sources?|courtesy|via|credit|credits)\s*:\s*", re.IGNORECASE)
_UNNAMED_AGENCIES = frozenset({"agency", "agencies", "wires", "wire services", "news agencies",
                               "with inputs from agencies", "inputs from agencies",
                               "with agency inputs", "agency inputs"})
_FIRST_RAN = re.compile(
    r"\b(?:first (?:ran|appeared|published)|originally (?:ran|appeared|published)|"
    r"was (?:first |originally )?published|republished|reprinted|produced)\s+"
    r"(?:(?:on|in|by|from|with permission (?:of|from))\s+)+", re.IGNORECASE)
_COPYRIGHT = re.compile(r"\b[Cc]opyright\s+(?:\u00a9\s*)?(?:\d{4}\s+)?|\u00a9\s*\d{4}\s+")
_CONTRIBUTED = re.compile(r"\s+(?:contributed to this (?:report|story|article)|"
                          r"contributed reporting)")
_REPORTING_BY = re.compile(r"^\s*(?:additional |contributing |with )?reporting by\s+",
                           re.IGNORECASE)

# Words after which a sentence names whom it credits ("according to Reuters").
_AFTER = re.compile(
    r"\b(?:according to|told|quoted by|cited by|citing|reported by|first reported by|"
    r"shared with|in an interview with|speaking to|spoke to|obtained by|seen by|"
    r"accessed (?:first )?by|published by|per|via)\s+", re.IGNORECASE)
# Words before which a sentence names whom it credits ("the Associated Press reported").
_BEFORE = re.compile(
    r"\s+(?:has |had |have )?(?:first |earlier |also )?(?:reported|reports|said|says|wrote|"
    r"writes|report said|report says|reporting|news agency|newspaper reported)\b")
# The verbs of _BEFORE that credit only when the name is surely an outlet (not "CNN said").
_LEAD_IN = re.compile(r"(?:^|[,;]\s*|\bthat\s+|\band\s+)$")


@lru_cache(maxsize=1)
def _caption_words() -> re.Pattern[str]:
    words = sorted(credit_words("caption"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _is_caption(line: str) -> bool:
    """A photo's caption or credit line: an agency named there is credited for a picture."""
    if "/" in line and re.search(r"\w\s*/\s*(?:[A-Z]|the )", line):
        return True  # "Stephen Brashear / AP", "JASON REDMOND / AFP": a photo credit
    return "\u00a9" in line or _caption_words().search(fold(line)) is not None


class _Reader:
    """Reads one article's credits; `outlets` are the story's outlet names (credited by name)."""

    def __init__(self, reading: ArticleReading, outlets: tuple[str, ...]) -> None:
        self.reading = reading
        self.own = reading.outlet
        self.outlets = tuple(o for o in outlets if _plain(o) != _plain(reading.outlet))
        self.found: list[Credit] = []
        self.masked = _masked(reading.text)

    def source(self, printed: str) -> tuple[str, bool] | None:
        known = news_source(printed, self.outlets)
        if known is None or self.is_self(known[0]):
            return None
        return known

    def is_self(self, name: str) -> bool:
        """Whether `name` is the publisher's own, without what a label adds in brackets ("KORN
        Radio (ABC News)" is KORN Radio's page), listed or as initials ("NPA" for Norvessa
        Press Agency): an outlet naming itself credits no one else."""
        base = re.sub(r"\s*\(.*\)\s*$", "", self.own)
        if not base:
            return False
        own = news_source(base, ())
        initials = "".join(w[0] for w in base.split() if w[:1].isupper())
        return _plain(name) == _plain(base) or bool(own and own[0] == name) or name == initials

    def add(self, printed: str, how: str, scope: str, passage: Passage, lede: bool = False,
            named: bool = True, acronym: bool = False, described: bool = False) -> bool:
        known = self.source(printed) if named else ("", True)
        if known is None and (acronym or described) and not self.is_self(printed.strip()):
            known = (printed.strip(), acronym)
        if known is None:
            return False
        name, agency = known
        if any(c.source == name and c.passage == passage for c in self.found):
            return True
        self.found.append(Credit(self.reading.id, name, printed.strip(), how, scope, passage,
                                 agency, named, lede))
        return True

    # -- whole-article credits, on lines of their own or at a paragraph's edge --

    def lines(self) -> None:
        paragraphs = self.reading.paragraphs
        for number, paragraph in enumerate(paragraphs):
            text = paragraph.text
            if _is_caption(text):
                continue
            self.byline(paragraph)
            self.tag(paragraph, number)
            self.sign_off(paragraph, last=number == len(paragraphs) - 1)
            self.notes(paragraph)

    def byline(self, paragraph: Passage) -> None:
        m = _BYLINE.match(paragraph.text)
        if not m or len(paragraph.text.split()) > 14:
            return
        for piece in re.split(r",|\band\b|\||\s[-\u2013\u2014]\s|/", m.group("who")):
            self.add(_outlet_after_name(piece), "byline", ARTICLE, paragraph)

    def tag(self, paragraph: Passage, number: int) -> None:
        if number > 4:
            return  # a dateline opens the article
        for shape in (_TAG, _TAG_BEFORE):
            m = shape.match(paragraph.text)
            if not m:
                continue
            dashed = "dash" not in shape.groupindex or bool(m.group("dash"))
            for place, piece in enumerate(re.split(r"\s[-\u2013\u2014/]\s|/|,", m.group("who"))):
                piece = piece.strip()
                if not dashed and not listed_source(piece):
                    continue  # without a dash, only a listed agency makes a bracket a credit
                # A dateline's bracket names the agency: an acronym there is one even when no
                # list has it ("(NPA) –"), but not a date or a place.
                before = paragraph.text[:m.start("who")]
                initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'\u2019-]*", before)[-6:])
                # "Paid Time Off (PTO):" spells out its own abbreviation: no credit.
                # After a comma an unlisted acronym is the place's region, "(LAS VEGAS, NV)".
                acronym = (re.fullmatch(r"[A-Z]{2,6}", piece) is not None
                           and not initials.endswith(piece)
                           and not (place and "," in m.group("who")))
                if self.add(piece, "dateline", ARTICLE, paragraph, acronym=acronym):
                    return

    def sign_off(self, paragraph: Passage, last: bool) -> None:
        text = paragraph.text
        line = _SIGN_OFF_LINE.match(text)
        if line and len(line.group("who").split()) <= 5:
            # "Source: Qatar News Agency": the label is no part of the name.
            who = _LABEL.sub("", line.group("who").strip(" -\u2013\u2014."))
            if fold(who) in _UNNAMED_AGENCIES and (last or len(text) < 40):
                self.add(who, "sign-off", ARTICLE, paragraph, named=False)
            elif not who.startswith(("By ", "by ")):
                self.add(who, "sign-off", ARTICLE, paragraph)
            return
        end = _SIGN_OFF_END.search(text)
        if end:
            who = end.group("who")
            # At a paragraph's end, only a name set apart as a credit: in capitals, in
            # brackets or after a dash ("... since 1986. REUTERS", "... ashore. (AFP)").
            marked = who.isupper() or text.rstrip().endswith((")", "]")) or re.search(
                r"[-\u2013\u2014]\s*" + re.escape(who), text[end.start():])
            if marked and listed_source(who):
                self.add(who, "sign-off", ARTICLE, paragraph)

    def notes(self, paragraph: Passage) -> None:
        text = paragraph.text
        for m in _FIRST_RAN.finditer(text):
            name = name_after(text, m.end())
            if name:
                self.add(name.text, "first ran", ARTICLE, paragraph)
            elif re.match(r"(?:this|the|our|another|a partner) (?:site|website|page|blog)",
                          fold(text[m.end():])):
                self.add("this site", "first ran", ARTICLE, paragraph, named=False)
        for m in _COPYRIGHT.finditer(text):
            name = name_after(text, m.end())
            if name:
                self.add(name.text, "copyright", ARTICLE, paragraph)
        for m in _CONTRIBUTED.finditer(text):
            name = name_before(text, m.start())
            if name:
                self.add(name.text, "contributed", ARTICLE, paragraph)
        if _REPORTING_BY.match(text):
            for piece in re.split(r",|;|\band\b", text[_REPORTING_BY.match(text).end():]):
                piece = re.split(r"\b(?:in|from)\s", piece)[0]
                self.add(piece, "reporting by", ARTICLE, paragraph)

    # -- statement credits, inside sentences of prose --

    def sentences(self) -> None:
        first_prose = next((s for s in self.reading.body if s.prose), None)
        for sentence in self.reading.body:
            line = self.reading.text[self.reading.text.rfind("\n", 0, sentence.start) + 1:
                                     sentence.end]
            if _is_caption(line) or _is_caption(sentence.text):
                continue
            passage = self.reading.passage(sentence.start, sentence.end)
            lede = sentence is first_prose
            text = self.reading.text
            masked = self.masked
            for m in _AFTER.finditer(masked, sentence.start, sentence.end):
                name = name_after(text, m.end())
                if name and name.end <= sentence.end:
                    # "quoted by Kenyan broadcaster NTV": the describing word makes NTV an outlet
                    lead = fold(text[m.end():name.start]).split()
                    described = bool(lead) and lead[-1] in credit_words("descriptor") \
                        and fold(name.text) not in word_set("calendar_words")
                    self.add(name.text, _how(m.group()), STATEMENT, passage, lede,
                             described=described)
            for m in _BEFORE.finditer(masked, sentence.start, sentence.end):
                last = text[max(sentence.start, m.start() - 30):m.start()].split()
                if not last or not last[-1][:1].isupper():
                    continue  # "he said", "officials said": no name right before the verb
                name = name_before(text, m.start())
                if not name or name.start < sentence.start:
                    continue
                before = text[sentence.start:name.start]
                bare = re.sub(r"(?:\b(?:the|a|an)\s+)$", "", before, flags=re.IGNORECASE)
                verb = m.group().strip()
                if verb in ("said", "says", "wrote", "writes") and not _LEAD_IN.search(bare):
                    continue
                self.add(name.text, "reported", STATEMENT, passage, lede)


def _how(phrase: str) -> str:
    low = fold(phrase).strip()
    for word in ("according to", "told", "quoted by", "citing", "shared with"):
        if low.startswith(word):
            return word
    return "reported"


def _masked(text: str) -> str:
    """The text with quoted words blanked out, offsets kept: a credit inside a quote ("we told
    Reuters") is the speaker's, not the outlet's."""
    pieces, at = [], 0
    for quote in quotations(text):
        pieces.append(text[at:quote.inner_start])
        pieces.append(re.sub(r"\S", " ", text[quote.inner_start:quote.inner_end]))
        at = quote.inner_end
    pieces.append(text[at:])
    return "".join(pieces)


def _from_author(reader: _Reader, author: str) -> list[Credit]:
    """A byline the loader kept aside (front matter, "By AFP" above the text): a credit for the
    whole article, without a passage, so it rules choices out but proves no key."""
    found = []
    for piece in re.split(r",|\b(?:and|with)\b|\||\s[-\u2013\u2014]\s|/", author):
        known = reader.source(piece)
        if known:
            found.append(Credit(reader.reading.id, known[0], piece.strip(), "byline", ARTICLE,
                                None, known[1]))
    return found


def read_article_credits(reading: ArticleReading, outlets: tuple[str, ...] = (),
                         author: str = "") -> tuple[Credit, ...]:
    """Every credit of one article, whole-article ones first, then statements in text order."""
    reader = _Reader(reading, outlets)
    reader.lines()
    reader.sentences()
    found = list(reader.found)
    for credit in _from_author(reader, author) if author else ():
        if not any(c.source == credit.source and c.whole for c in found):
            found.append(credit)
    found.sort(key=lambda c: (not c.whole, c.passage.start if c.passage else -1))
    return tuple(found)


def read_credits(model) -> tuple[Credit, ...]:
    """Every credit of every article of the story, in story order."""
    outlets = tuple(dict.fromkeys(a.outlet for a in model.articles if a.outlet))
    found: list[Credit] = []
    for reading, article in zip(model.articles, model.story.articles, strict=True):
        found.extend(read_article_credits(reading, outlets, article.author))
    return tuple(found)
