"""Each article read once: its paragraphs and sentences as exact passages of its text, what each
line is (the headline, a sentence of the report, a photo caption, a credit line, a short label),
and whether the text reaches the article's end, so no question claims what the part we do not
have leaves out."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import fold, word_list

# --- words and sentence ends -------------------------------------------------------------------

# Chinese and Japanese put no spaces between words: each ideograph or kana counts as a word, so
# their prose is measured much as a spaced language's is.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(
    rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+(?:['\u2019\-.][^\W_{_UNSPACED}]+)*")
# Full stops and question marks of other scripts too: CJK 。！？, Arabic ؟ and ۔, Devanagari ।;
# a closing double quote alone also ends a quoted sentence ("... called it “a disgrace”").
_TERMINAL = re.compile(
    r"(?:[.!?\u2026\u3002\uff01\uff1f\uff0e\uff61\u061f\u06d4\u0964\u0965]"
    r"[\"'\u201d\u2019)\]\u300d\u300f\uff09]*|[\"\u201d\u300d\u300f])$")
_OPENING_QUOTES = "\"\u201c\u201e\u00ab"
_QUOTE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"


@lru_cache(maxsize=8192)
def words_of(text: str) -> tuple[str, ...]:
    """The words of a line (cached: loading and reading ask it of each line several times)."""
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=8192)
def line_key(text: str) -> str:
    """A line's words only, folded: what two copies of a headline share."""
    return " ".join(words_of(fold(text)))


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def is_finished(text: str) -> bool:
    """The text ends as a sentence ends: a cut-off text's last line does not."""
    return ends_sentence(text)


def _has_quotation(text: str) -> bool:
    return sum(text.count(mark) for mark in _QUOTE_MARKS) >= 2 or text[:1] in _QUOTE_MARKS


def _mostly_lower_case(words: tuple[str, ...] | list[str]) -> bool:
    rest = words[1:]
    capitalised = sum(1 for word in rest if word[:1].isupper())
    return bool(rest) and capitalised * 2 < len(rest)


# Fewer words than this, with no sentence punctuation, is a label, a name or a heading.
PROSE_WORDS_WITHOUT_PUNCTUATION = 12
# Words a sentence needs to count as prose without further checks.
PROSE_WORDS_WITH_PUNCTUATION = 4


def reads_as_prose(text: str) -> bool:
    """A sentence of the report: speech in quotation marks, however short ("“We won,” she
    said."); a sentence of several words or with a verb-like lower-case word ("He declined.");
    or a long sentence-case line that lost its full stop. A title-case question is a heading."""
    words = words_of(text)
    if not words:
        return False
    stripped = text.lstrip()
    if stripped[:1] in _OPENING_QUOTES and (len(words) >= 2 or ends_sentence(text)):
        return True  # speech, however short: "“No.”"
    if ends_sentence(text) or _has_quotation(text):
        if stripped.endswith("?") and not _has_quotation(text) and not _mostly_lower_case(words):
            return False  # "Who Is the New Chief?": a subheading
        if len(words) >= PROSE_WORDS_WITH_PUNCTUATION:
            return True
        # A very short sentence needs a verb-like lower-case word: "He declined." is prose, a
        # caption such as "Rescued crew." or a name with a full stop is not.
        if len(words) >= 2 and any(word[:1].islower() for word in words):
            return True
    return len(words) >= PROSE_WORDS_WITHOUT_PUNCTUATION and _mostly_lower_case(words)


# --- vocabulary of captions and credit lines ---------------------------------------------------

def _phrase(entry: str) -> str:
    """An entry of a word list as a pattern: its spaces match any run of blanks."""
    return r"\s+".join(map(re.escape, entry.split()))


def _alternatives(entries) -> str:
    longest_first = sorted(set(entries), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(_phrase(e) for e in longest_first) + ")"


@dataclass(frozen=True)
class _Forms:
    caption_label: re.Pattern[str]  # "Photo:", "Image:" at the start of a folded line
    caption_end: re.Pattern[str]  # "... Photo: AFP" at the end of a line
    caption_opener: re.Pattern[str]  # "FILE - ...", "In this photo ..."
    photo_agencies: frozenset[str]
    credit_label: re.Pattern[str]  # "Source: Reuters"
    byline: re.Pattern[str]  # "By Jane Doe", "Writer: jane doe"
    staff: re.Pattern[str]  # "Reporting by ...; Editing by ..."
    sign_off: re.Pattern[str]  # "... contributed to this report", "This article first ran on"
    agencies: frozenset[str]  # the world's news agencies, every form, folded


@lru_cache(maxsize=1)
def _forms() -> _Forms:
    labels, openers, photo_agencies = [], [], set()
    for entry in word_list("captions"):
        entry = fold(entry)
        if entry.startswith("@opener "):
            openers.append(entry[8:].strip())
        elif entry.startswith("@agency "):
            photo_agencies.add(entry[8:].strip())
        elif entry.endswith(":"):
            labels.append(entry[:-1].strip())
    credit_labels, bylines, named_bylines, staff, phrases = [], [], [], [], []
    for entry in word_list("sign_offs"):
        entry = fold(entry)
        if entry.startswith("@by "):
            entry = entry[4:].strip()
            (bylines if entry.endswith(":") else named_bylines).append(entry.rstrip(":"))
        elif entry.startswith("@staff "):
            staff.append(entry[7:].strip())
        elif entry.startswith("..."):
            phrases.append(entry[3:].strip())
        elif entry.endswith((":", " -")):
            credit_labels.append(entry.rstrip(":- "))
    agencies = {fold(form.strip()) for line in word_list("news_agencies")
                for form in line.split("|") if form.strip()}
    label = _alternatives(labels)
    return _Forms(
        caption_label=re.compile(rf"^[(\[]?\s*{label}\s*:"),
        # The label, then a name of a few capitalised words ("Photo: AFP/Ivo Lant").
        caption_end=re.compile(
            rf"(?:^|[\s.(\[|\u00b7,;])(?i:{label}\s*:|(?:photo|image|picture)\s+credit\s*:?)"
            r"\s*[(\[]?\s*[A-Z\u00a9][\w.&'\u2019/,\- ]{0,80}[)\]]?\s*$"),
        caption_opener=re.compile(rf"^[(\[]?\s*{_alternatives(openers)}(?!\w)"),
        photo_agencies=frozenset(photo_agencies),
        credit_label=re.compile(rf"^[(\[]?\s*{_alternatives(credit_labels)}\s*[:\-\u2013\u2014]\s*\S"),
        byline=re.compile(
            rf"^\(?\s*(?:{_alternatives(bylines)}\s*:\s*(?P<any>\S.*?)"
            rf"|{_alternatives(named_bylines)}\s+(?P<named>\S.*?))\)?\s*$", re.IGNORECASE),
        staff=re.compile(rf"^{_alternatives(staff)}\b"),
        sign_off=re.compile(rf"(?<!\w){_alternatives(phrases)}(?!\w)"),
        agencies=frozenset(agencies),
    )


def _is_agency(name: str) -> bool:
    return fold(name.strip(" .,;:-\u2013\u2014")) in _forms().agencies


# --- captions ----------------------------------------------------------------------------------

# A caption or a credit line is short; a long paragraph that happens to hold "Photo:" is prose.
CAPTION_WORDS = 100
CREDIT_WORDS = 40
BYLINE_WORDS = 15

_NAME = r"[A-Z][\w.'\u2019\-]*"
# "(John Locher/AP)", "(AP Photo/David Zalubowski, File)", "(Photo by Jane Doe/Getty Images)":
# a photographer and a desk, split by a slash, between brackets at the end of a caption.
_BRACKETED_CREDIT = re.compile(r"[(\[]\s*(?P<inside>[^()\[\]]{1,160})[)\]]\s*$")
_PHOTOGRAPHER_SLASH = re.compile(rf"^(?:{_NAME}\s+){{1,4}}{_NAME},?\s*/\s*{_NAME}")
# "Mark Zuckerberg. Alex Wong/Getty Images", "... © JANE DOE / AFP": a credit closing the line.
_SLASH_CREDIT_END = re.compile(
    rf"(?:^|[.!?\u201d\"]\s+|\s\u00a9\s*|^\u00a9\s*)(?:{_NAME}\s+){{0,3}}{_NAME}\s*/\s*"
    rf"{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*/\s*{_NAME}(?:\s+{_NAME}){{0,3}})*\s*$")
_COPYRIGHT_PHOTO = re.compile(r"\u00a9\s*[^\u00a9/]{1,60}/\s*[A-Z][\w .&'\u2019\-]{1,40}$")
# "Stephen Brashear / AP / AP Members of the union count votes", "EPA / Jane Doe": a photo
# credit opening a line, a photographer and an agency split by spaced slashes.
_SLASH_CREDIT_START = re.compile(
    rf"^(?:{_NAME}\s+){{0,3}}{_NAME}(?:\s+/\s+(?:{_NAME}\s+){{0,3}}?{_NAME})+(?=\s|$)")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_FULL_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
              rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})")
# Wire photo captions end on the day the picture was taken: "..., in Brasilia, October 30, 2022".
_ENDS_ON_A_DATE = re.compile(rf"(?i)\b{_FULL_DATE}\s*$")
CAPTION_DATE_WORDS = 6  # words of description before the date ("Posted at 2:16 PM, Oct 13" has not)


# A picture lent by someone, closing a short line: "Courtesy Jane Doe/Bay City News.",
# "Photo courtesy of the family".
_COURTESY_END = re.compile(r"(?i)(?:^|[.!?]\s+)(?:(?:photo|image|picture)\s+)?courtesy(?:\s+of)?"
                           r"\s+[A-Z\w][^.!?]{1,60}\.?\s*$")


def _photo_credit_inside(inside: str) -> bool:
    inside = inside.strip()
    folded = fold(inside)
    if folded in _forms().photo_agencies or folded.startswith(("photo", "photos ")):
        return True
    if _PHOTOGRAPHER_SLASH.match(inside):
        return True
    desk = folded.rpartition("/")[2].strip()
    return "/" in folded and (desk in _forms().photo_agencies or _is_agency(desk))


def _names_a_desk(credit: str) -> bool:
    """One of the parts of "Jane Doe / AP / AP" is a photo agency or a news agency."""
    parts = [part.strip() for part in credit.split("/")]
    return any(fold(part) in _forms().photo_agencies or _is_agency(part) for part in parts[1:]) \
        or fold(parts[0]) in _forms().photo_agencies or _is_agency(parts[0])


def is_caption(text: str) -> bool:
    """A photo's caption or credit: a caption label ("Image: ...", "Photo: AFP"), a wire
    caption's opening ("FILE - ..."), or a line that ends on a photo credit ("(John Locher/AP)",
    "(Getty)", "Alex Wong/Getty Images", "© JANE DOE / AFP") or on the day a photo was taken."""
    text = text.strip()
    words = words_of(text)
    if not words or len(words) > CAPTION_WORDS:
        return False
    forms = _forms()
    folded = fold(text)
    if forms.caption_label.match(folded) or forms.caption_opener.match(folded):
        return True
    if (start := _SLASH_CREDIT_START.match(text)) and _names_a_desk(start.group()):
        return True
    if _COURTESY_END.search(text):
        return True  # "... on Oct. 1, 2021. Courtesy Jane Doe/Bay City News."
    if ends_sentence(text) and not text.endswith((")", "]")):
        return False  # a caption's credit closes it without a full stop
    bracketed = _BRACKETED_CREDIT.search(text)
    if bracketed and _photo_credit_inside(bracketed.group("inside")):
        return True
    if ends_sentence(text):
        return False
    dated = _ENDS_ON_A_DATE.search(text)
    described = dated and text[:dated.start()]  # "<who> <does what>, in <place>, <country>"
    return bool(forms.caption_end.search(text) or _SLASH_CREDIT_END.search(text)
                or _COPYRIGHT_PHOTO.search(text)
                or (described and "," in described
                    and len(words_of(described)) >= CAPTION_DATE_WORDS))


# --- credit lines ------------------------------------------------------------------------------

_DASH_CREDIT = re.compile(r"^[-\u2013\u2014]+\s*(?P<who>[A-Z][\w&.'\u2019 ]{1,40}?)\s*$")
_BRACKETED_TAG = re.compile(r"^[(\[]\s*(?P<who>[^()\[\]]{1,60}?)\s*[)\]]$")
_CAPITALS = re.compile(r"^[A-Z][A-Z&.'\- ]{1,40}$")
_COPYRIGHT = re.compile(r"(?i)^[(\[]?\s*(?:\u00a9|\(c\)\s|copyright\b)")
_DATE_ONLY = re.compile(rf"(?i)^{_FULL_DATE}$")


def _capitalised_words(text: str) -> bool:
    words = words_of(text)
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def is_agency_tag(text: str) -> bool:
    """An agency's tag standing alone: "(AFP)", "(Xinhua)", "REUTERS", "Reuters", "— Reuters",
    "-Agency", or a closing date between brackets "(September 10, 2024)"."""
    text = text.strip()
    if (dash := _DASH_CREDIT.match(text)) and len(words_of(dash.group("who"))) <= 6:
        return True
    if bracketed := _BRACKETED_TAG.match(text):
        who = bracketed.group("who")
        return _is_agency(who) or _capitalised_words(who) or bool(_DATE_ONLY.match(who))
    return (bool(_CAPITALS.match(text)) or _capitalised_words(text)) and _is_agency(text)


def byline_name(text: str) -> str:
    """The name a byline gives ("By Jane Doe" -> "Jane Doe"), "" when the line is no byline."""
    text = text.strip()
    words = words_of(text)
    if not words or len(words) > BYLINE_WORDS:
        return ""
    if ends_sentence(text) and len(words) > 6:
        return ""  # "By Friday, rescuers had found twelve people."
    byline = _forms().byline.match(text)
    if not byline:
        return ""
    who = (byline.group("any") or byline.group("named") or "").strip()
    first = who.lstrip("([\"\u201c")[:1]
    if byline.group("named") and not (first.isupper() or first.isdigit()):
        return ""  # "By the numbers", "by then": no name follows
    return who


def is_credit(text: str) -> bool:
    """A byline, an agency tag, a staff credit ("Reporting by ..."), a sign-off ("... contributed
    to this report", "This article first ran on ..."), an editor's note, or a copyright line."""
    text = text.strip()
    words = words_of(text)
    if not words:
        return False
    if _COPYRIGHT.match(text):
        return True
    if len(words) > CREDIT_WORDS:
        return False
    forms = _forms()
    folded = fold(text)
    return bool(is_agency_tag(text) or byline_name(text) or forms.credit_label.match(folded)
                or forms.staff.match(folded) or forms.sign_off.search(folded))


# "... led Argentina to its first title since 1986. REUTERS", "... is dismissed.” (September 10,
# 2024)": an agency tag or a date closing the last paragraph, after its last sentence.
_END_TAG = re.compile(
    r"(?:^|(?<=[.!?\u2026\"'\u201d\u2019)])\s+)(?P<tag>[(\[][^()\[\]]{1,60}[)\]]"
    r"|[A-Z][\w&.'\-]+(?:\s+[A-Z][\w&.'\-]+){0,3}|[-\u2013\u2014]+\s*[A-Z][\w&.' ]{1,30})\s*$")


def closing_tag(text: str) -> int | None:
    """Where an agency tag or a closing date that ends the paragraph starts, if one does."""
    found = _END_TAG.search(text.rstrip())
    if found and found.start("tag") > 0 and is_agency_tag(found.group("tag")):
        return found.start("tag")
    return None


# --- sentences -----------------------------------------------------------------------------------

# pysbd reads a long run of text in more than linear time, so a paragraph is first cut where a
# sentence certainly ends: a lower-case word that is no abbreviation, a full stop, ! or ?, then a
# capital, outside quotation marks and brackets. Each piece stays short enough for pysbd.
_CERTAIN_END = re.compile(
    r"(?<![\w.'\u2019\-])(?P<word>[a-z][a-z'\u2019\-]*[a-z])[.!?][\"'\u201d\u2019)\]]*(?P<gap>\s+)"
    r"(?=[\"\u201c\u2018(\[]?[A-Z])")
# Two sentences run together by a lost space ("was being evaluated.The tremor lasted"): a
# lower-case word, its stop, then a capitalised word with no space between.
_GLUED_END = re.compile(r"(?<![\w.'\u2019\-])(?P<word>[a-z][a-z'\u2019\-]*[a-z])[.!?]"
                        r"(?=[A-Z][a-z])")
_ANY_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?P<gap>\s+)(?=[\"\u201c\u2018(\[]?[A-Z])")
_INNER_STOP = re.compile(r"[.!?\u2026\u2022\r]")
CHUNK_CHARACTERS = 1500


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    return frozenset(English.Abbreviation.ABBREVIATIONS)


def _pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans from each opening mark to the next closing one, left to right, in one pass."""
    spans, at = [], text.find(opening)
    while at >= 0:
        end = text.find(closing, at + 1)
        if end < 0:
            break
        spans.append((at, end))
        at = text.find(opening, end + 1)
    return spans


def _single_quoted(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Spans of single quotes as pysbd reads them: opened after a space, closed by a mark that
    no letter follows (so "it’s" does not close one)."""
    closings = [m.start() for m in re.finditer(rf"{re.escape(closing)}(?![^\W\d_])", text)]
    spans, after = [], -1
    for match in re.finditer(rf"(?<=\s){re.escape(opening)}", text):
        at = match.start()
        if at <= after:
            continue
        k = bisect.bisect_right(closings, at)
        if k == len(closings):
            break
        spans.append((at, closings[k]))
        after = closings[k]
    return spans


def _protected(text: str) -> tuple[list[int], list[int]]:
    """Where pysbd never splits: inside quotation marks and brackets, as sorted disjoint spans
    (starts, ends). Protecting too much is safe: it only sends a longer piece to pysbd."""
    spans = sorted([*_pairs(text, "\u201c", "\u201d"), *_pairs(text, '"', '"'),
                    *_pairs(text, "\u00ab", "\u00bb"), *_pairs(text, "[", "]"),
                    *_pairs(text, "--", "--"),
                    *((m.start(), m.end() - 1) for m in re.finditer(r"\([^()]*\)", text)),
                    *_single_quoted(text, "\u2018", "\u2019"), *_single_quoted(text, "'", "'")])
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _cuts(text: str) -> list[int]:
    starts, ends = _protected(text)
    abbreviations = _abbreviations()
    cuts = []
    for match in _CERTAIN_END.finditer(text):
        stop = match.start("gap") - 1
        k = bisect.bisect_right(starts, stop) - 1
        if k >= 0 and stop < ends[k]:
            continue  # inside quotation marks or brackets
        if match.group("word").lower() not in abbreviations:
            cuts.append(match.start("gap"))
    for match in _GLUED_END.finditer(text):
        k = bisect.bisect_right(starts, match.end()) - 1
        if (k < 0 or match.end() >= ends[k]) and match.group("word") not in abbreviations:
            cuts.append(match.end())
    return sorted(cuts)


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A piece longer than pysbd reads quickly, cut at any likely sentence end, else at a space."""
    pieces = []
    while end - start > CHUNK_CHARACTERS:
        window = text[start:start + CHUNK_CHARACTERS]
        ends = [m.start("gap") for m in _ANY_END.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ")
        if cut <= 0:
            cut = CHUNK_CHARACTERS
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def _chunks(text: str) -> list[tuple[int, int]]:
    chunks, start = [], 0
    for cut in (*_cuts(text), len(text)):
        if cut > start:
            chunks.extend(_bounded(text, start, cut))
        start = cut
        while start < len(text) and text[start].isspace():
            start += 1
    return chunks


def _segmented(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end] as pysbd splits them, as spans of `text`."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = start + len(piece) - len(piece.lstrip())
    # No stop inside the piece: it is one sentence, and pysbd need not read it.
    if not _INNER_STOP.search(stripped.rstrip(".!?\u2026\"'\u201d\u2019)] ")):
        return [(lead, lead + len(stripped))]
    found, cursor = [], start
    for sentence in _segmenter().processor(piece).process():
        sentence = sentence.strip()
        if not sentence:
            continue
        at = text.find(sentence, cursor, end)
        if at < 0:  # pysbd changed the words: the rest of the piece is one sentence
            rest = text[cursor:end].strip()
            if rest:
                at = text.find(rest, cursor, end)
                found.append((at, at + len(rest)))
            break
        found.append((at, at + len(sentence)))
        cursor = at + len(sentence)
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of one paragraph as (start, end) offsets, in time linear in its length. A
    piece opening with a dash continues the one before ("MEXICO BEACH, Fla. — Teams found...")."""
    spans: list[tuple[int, int]] = []
    for start, end in _chunks(text):
        for span in _segmented(text, start, end):
            if spans and text[span[0]] in "-\u2013\u2014":
                spans[-1] = (spans[-1][0], span[1])
            else:
                spans.append(span)
    return spans


# --- the article -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Passage:
    """An exact slice of one article's text: evidence is always made of these."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Passage):
    index: int = 0  # in the article, from 0 (the headline, when there is one)
    paragraph: int = 0
    # "headline"; "prose" (a sentence of the report); "caption" (a photo's caption or credit);
    # "credit" (a byline, agency tag or sign-off line); "short" (a heading, deck or label)
    role: str = "prose"
    finished: bool = True  # False only where the text stops mid-sentence

    @property
    def prose(self) -> bool:
        return self.role == "prose"


# "KOB 4 (Associated Press)", "Baltimore Sun (via PressReader)": a note after the name.
_OUTLET_NOTE = re.compile(r"^(?P<name>.*?\S)\s*[(\[](?P<note>[^()\[\]]*)[)\]]\s*$")


def publisher_name(outlet: str) -> tuple[str, str]:
    """The publisher's name and the note in brackets after it, if any: a choice shows the name
    alone, so "KOB 4 (Associated Press)" never gives away whose copy KOB 4 carries."""
    outlet = " ".join(outlet.split())
    found = _OUTLET_NOTE.match(outlet)
    if not found:
        return outlet, ""
    return found.group("name"), found.group("note").strip()


@dataclass(frozen=True)
class ArticleReading:
    id: str
    outlet: str  # the publisher's name as a choice shows it, without a note in brackets
    text: str
    headline: Sentence | None  # the title as the text opens with it
    paragraphs: tuple[Passage, ...]
    sentences: tuple[Sentence, ...]
    # The text shows it reaches the article's end: its last paragraph of report finishes a
    # sentence and a sign-off follows (a credit line, an agency tag, a copyright line). A text
    # that simply stops after a full stop may have been cut there, so it is not complete.
    complete: bool
    # The text stops after a full sentence. It may still have been cut there: most pages saved
    # from the web stop at a length, so only `complete` allows saying what an article leaves out.
    ends_on_sentence: bool = False
    outlet_note: str = ""  # "Associated Press" of "KOB 4 (Associated Press)"

    def passage(self, start: int, end: int) -> Passage:
        return Passage(self.id, start, end, self.text[start:end])

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    @property
    def body(self) -> tuple[Sentence, ...]:
        """The sentences after the headline."""
        return tuple(s for s in self.sentences if s is not self.headline)

    @property
    def last_sentence(self) -> Sentence | None:
        return self.sentences[-1] if self.sentences else None

    @property
    def cut_off(self) -> bool:
        """The text stops in the middle of a sentence."""
        last = len(self.paragraphs) - 1
        return any(not s.finished for s in self.sentences if s.paragraph == last)


def _paragraphs(article: Article) -> list[Passage]:
    return [Passage(article.id, m.start(), m.end(), m.group())
            for m in re.finditer(r"[^\n]+", article.text) if m.group().strip()]


def _role(text: str) -> str:
    if is_caption(text):
        return "caption"
    if is_credit(text):
        return "credit"
    return "prose" if reads_as_prose(text) else "short"


# An alt text or second caption line beside a caption is part of it ("Mark Zuckerberg in
# Congress" above "Mark Zuckerberg. Alex Wong/Getty Images").
CAPTION_NEIGHBOUR_WORDS = 30


def paragraph_roles(texts: list[str], title: str = "", author: str = "") -> list[str]:
    """What each paragraph of an article is: the headline (the first, when it is the title),
    a caption, a credit line (the author's name on its own line too), prose, or a short line;
    a line without a full stop above the first sentence of the report is a deck (short), and a
    last paragraph that stops mid-sentence is prose, cut off."""
    roles = [_role(text) for text in texts]
    if texts and title and line_key(texts[0]) == line_key(title):
        roles[0] = "headline"
    author_key = line_key(author)
    for i, text in enumerate(texts):
        if author_key and roles[i] != "headline" and line_key(text) == author_key:
            roles[i] = "credit"
    _mark_caption_neighbours(texts, roles)
    first = next((i for i, (text, role) in enumerate(zip(texts, roles, strict=True))
                  if role == "prose" and ends_sentence(text)), len(texts))
    for i in range(first):
        if roles[i] == "prose":
            roles[i] = "short"
    if roles and roles[-1] == "short" and not ends_sentence(texts[-1]):
        roles[-1] = "prose"
    return roles


def _mark_caption_neighbours(texts: list[str], roles: list[str]) -> None:
    for i, role in enumerate(roles):
        if role != "short" or len(words_of(texts[i])) > CAPTION_NEIGHBOUR_WORDS:
            continue
        if (i and roles[i - 1] == "caption") or (i + 1 < len(roles) and roles[i + 1] == "caption"):
            roles[i] = "caption"


def _sentence_role(paragraph_role: str, text: str) -> str:
    if paragraph_role == "prose" and is_agency_tag(text):
        return "credit"  # "... since 1986. REUTERS"
    return paragraph_role


def _open_quotation(text: str) -> bool:
    """The paragraph opens a quotation it does not close: the quote runs on into the next."""
    return text.count("\u201c") > text.count("\u201d") or text.count('"') % 2 == 1


def _complete(paragraphs: list[Passage], roles: list[str]) -> bool:
    signed = False
    for paragraph, role in zip(reversed(paragraphs), reversed(roles), strict=True):
        if role == "caption":
            continue
        if role == "credit":
            signed = True
            continue
        if role != "prose":
            return False  # a heading with nothing under it, or only the headline
        text = paragraph.text.rstrip()
        if (tag := closing_tag(text)) is not None:
            signed, text = True, text[:tag].rstrip()
        return signed and ends_sentence(text) and not _open_quotation(text)
    return False


def _known_complete(article: Article, sentences: list[Sentence]) -> bool:
    """An article known to be whole (or known to be an excerpt): whole, unless its own text
    still stops in the middle of a sentence."""
    return bool(article.whole) and all(s.finished for s in sentences[-1:])


def _ends_on_sentence(sentences: list[Sentence]) -> bool:
    report = [s for s in sentences if s.role in ("prose", "short")]
    return bool(report) and report[-1].finished and report[-1].role == "prose"


def _ends_report(text: str, last: bool) -> bool:
    """The paragraph ends a sentence (an agency tag or closing date after it aside), or, inside
    the text, leads into what follows with a colon ("... every employee will receive:")."""
    tag = closing_tag(text)
    text = (text if tag is None else text[:tag]).rstrip()
    return ends_sentence(text) or (not last and text.endswith(":"))


def read_article(article: Article) -> ArticleReading:
    paragraphs = _paragraphs(article)
    roles = paragraph_roles([p.text for p in paragraphs], " ".join(article.title.split()),
                            article.author)
    found: list[Sentence] = []
    headline: Sentence | None = None
    for number, (paragraph, role) in enumerate(zip(paragraphs, roles, strict=True)):
        # The headline is one line as the outlet wrote it, whatever its full stops.
        spans = [(0, len(paragraph.text.rstrip()))] if role == "headline" else sentence_spans(
            paragraph.text)
        stops = _ends_report(paragraph.text, number == len(paragraphs) - 1)
        for k, (start, end) in enumerate(spans):
            start, end = paragraph.start + start, paragraph.start + end
            text = article.text[start:end]
            kind = _sentence_role(role, text)
            sentence = Sentence(
                article.id, start, end, text, index=len(found), paragraph=number, role=kind,
                finished=stops or kind != "prose" or k < len(spans) - 1)
            found.append(sentence)
            if role == "headline" and headline is None:
                headline = sentence
    name, note = publisher_name(article.outlet)
    return ArticleReading(
        id=article.id, outlet=name, text=article.text, headline=headline,
        paragraphs=tuple(paragraphs), sentences=tuple(found),
        complete=_known_complete(article, found) if article.whole is not None
        else _complete(paragraphs, roles),
        ends_on_sentence=_ends_on_sentence(found),
        outlet_note=note)


def read_articles(story: Story) -> tuple[ArticleReading, ...]:
    return tuple(read_article(article) for article in story.articles)
