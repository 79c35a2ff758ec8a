"""A saved page read into the article as published: its headline (once, even where the page
prints it twice or a little differently), its paragraphs (a paragraph the page broke mid-sentence
joined again, a cut-off last one kept as it stops), and the photo captions and credit lines it
carries, which stay for reading to mark. What each line is, debris.py says.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.generators.loading.debris import (
    PUNCTUATION_ONLY,
    Found,
    cleaned,
    credit_only,
    debris_reason,
    is_dated,
    is_list_heading,
    is_list_item,
    line_kind,
    tickers,
    without_buttons,
    without_teaser,
)
from quizapp.generators.loading.lines import BULLET, HEADING, image_only, unmarked
from quizapp.generators.reading.articles import (
    ends_sentence,
    is_credit,
    line_key,
    reads_as_prose,
    words_of,
)
from quizapp.generators.reading.text import word_set


def _key(text: str) -> str:
    return line_key(text)


def _words(text: str) -> tuple[str, ...]:
    return words_of(text)


# --- the page's lines ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ArticleText:
    paragraphs: tuple[str, ...]
    title: str = ""  # the headline the page opens with, "" when it has none
    author: str = ""  # from a byline ("By ...", "Writer: ...")
    date: str = ""  # from a date line: ISO when it gives day, month and year, else as written
    credit: str = ""  # the publisher a credit line names ("By AFP", "— Reuters", "Source: X")
    # The page went on after the article's last paragraph with its own furniture (comments,
    # links to other stories, share buttons, a footer) and showed no paywall's notice: a sign
    # the text reaches the article's end that the text itself does not keep. (Reading cannot
    # see it until an Article carries it.)
    page_goes_on: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


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


# --- the page, line by line --------------------------------------------------------------------

@dataclass
class _Reader:
    """The page read line by line: what each line is, and what the lines before it said."""
    author_key: str = ""  # the author given for the article, as a line's words
    outlet_key: str = ""  # the outlet's name: on a line of its own, it is the site's furniture
    found: Found = field(default_factory=Found)
    lines: list[_Line] = field(default_factory=list)
    in_list: bool = False  # under a "More from ..." heading
    after_prose: bool = False
    after_image: bool = False  # the line before held only an image: this one may caption it
    paywalled: bool = False  # a paywall's notice was met after the article's prose
    glue: bool = False  # the next line continues the last one's sentence

    def read(self, raw: str) -> None:
        source = _source_lines(raw)
        ticker_lines = tickers(source)
        for i, raw_line in enumerate(source):
            if i in ticker_lines:
                self.glue = True
            elif image_only(raw_line):
                self.after_image = True
            else:
                self._line(raw_line)

    def _line(self, raw_line: str) -> None:
        text, level, emphasised = unmarked(raw_line)
        after_image, self.after_image = self.after_image, False
        if (kept := without_buttons(text)) != text:
            text = raw_line = kept  # the buttons are gone from the line the other rules read
        text = cleaned(text, self.found)
        if not text:
            return
        if PUNCTUATION_ONLY.match(text) and self.lines:
            self.lines[-1].parts.append(text)
            self.glue = True
            return
        if is_dated(text, self.found) or (self.outlet_key and _key(text) == self.outlet_key):
            return self._dropped()
        kind = line_kind(raw_line, text, self.found, self.author_key)
        if kind == "text" and after_image and emphasised:
            text, kind = f"Photo: {text}", "caption"  # the italic line under a picture
        reason = "" if kind != "text" else debris_reason(raw_line, text, self.found)
        if self._in_a_list(raw_line, text, reason) or reason:
            self.paywalled = self.paywalled or (reason == "paywall" and self.after_prose)
            return self._dropped()
        prose = kind == "text" and not level and reads_as_prose(text)
        if self.paywalled and not prose:
            return self._dropped()  # the footer under a paywall: no sign the article ended
        if kind == "credit" and not is_credit(text) and _key(text) != self.author_key:
            text = raw_line.strip()  # "- Jane Doe": the dash markdown took is what makes it one
        if kind == "credit":
            text = credit_only(text, self.found)
        self.lines.append(_Line(text, level, kind, glued=self.glue and kind == "text"))
        self.glue = False
        self.after_prose = self.after_prose or prose

    def _dropped(self) -> None:
        if self.lines:
            self.lines[-1].debris_after = True

    def _in_a_list(self, raw: str, text: str, reason: str) -> bool:
        """Under a "More from ..." heading, its links to other stories go until prose resumes."""
        if is_list_heading(text):
            self.in_list = True
            return True
        if self.in_list and (reason or is_list_item(raw, text, self.after_prose)):
            return True
        self.in_list = False
        return False


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
    return [_Line(without_teaser(p.joined) if p.kind == "text" else p.joined, p.heading, p.kind,
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


def _kept(paragraphs: list[_Line], has_headline: bool) -> tuple[list[str], bool]:
    """The article's paragraphs: prose, captions, credit lines, decks under the page's headline,
    short facts, and a last paragraph cut off mid-sentence; a run of link headlines after the
    prose goes, and so do short lines above the prose of a page that prints no headline (a
    wire's slug and priority lines). And whether page furniture followed the last one kept."""
    prose = [i for i, p in enumerate(paragraphs) if _is_prose(p)]
    first, last = (prose[0], prose[-1]) if prose else (len(paragraphs), -1)
    trailing = [i for i in range(last + 1, len(paragraphs)) if paragraphs[i].kind == "text"]
    kept, seen, furniture_after = [], set(), False
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
            furniture_after = paragraph.debris_after
        elif not keep:
            furniture_after = True
    return kept, furniture_after


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
    kept, furniture_after = _kept(_joined(lines), bool(headline))
    return ArticleText(tuple(kept), headline, found.author, found.date, found.credit,
                       page_goes_on=furniture_after and not reader.paywalled)
