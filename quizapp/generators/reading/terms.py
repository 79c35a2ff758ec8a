"""Loaded and plain words for the same thing ("layoffs" / "bloodbath", "fine" / "slap on the
wrist"), wherever an article uses one, and whose voice each use is in: the outlet's own
narration, or a source's, inside a quotation or inside words the sentence credits to someone.
The vocabulary, by domain, is data/loaded_terms.txt."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from quizapp.generators.reading.articles import ArticleReading, Passage, Sentence
from quizapp.generators.reading.provenance import copy_groups
from quizapp.generators.reading.statements import (
    MIXED,
    Source,
    Statement,
    content_words,
    distinctive,
    figures_in,
    quoted_spans,
    stem,
)
from quizapp.generators.reading.text import fold, word_list

OUTLET = "outlet"  # the outlet's own narration
QUOTE = "quote"  # inside quotation marks
PARAPHRASE = "paraphrase"  # inside words the sentence credits to a source, without quote marks
UNCLEAR = "unclear"  # in a sentence built on someone's "claim": whose word it is is not plain


@dataclass(frozen=True)
class Tone:
    words: tuple[str, ...]
    frame: str  # how the words frame the thing ("as violence"); "" for the plain tone
    contested: bool = False  # some style guides hold the label to be simply accurate


@dataclass(frozen=True)
class TermGroup:
    """Words for one thing: its plain tone first, then the loaded ones."""

    index: int
    names: str  # what the words name: "job losses"
    tones: tuple[Tone, ...]

    @property
    def plain(self) -> Tone:
        return self.tones[0]


@dataclass(frozen=True)
class TermUse:
    """One use of a word of a group, and whose word it is there."""

    passage: Passage  # the words as printed
    sentence: Sentence
    group: TermGroup
    tone: int  # 0 for the plain tone, else the loaded tone's place in the group
    voice: str  # OUTLET, QUOTE, PARAPHRASE or UNCLEAR
    speaker: Source | None  # whose words, for a quote or paraphrase, when the text says

    @property
    def article(self) -> str:
        return self.passage.article

    @property
    def loaded(self) -> bool:
        return self.tone > 0

    @property
    def frame(self) -> str:
        return self.group.tones[self.tone].frame

    @property
    def contested(self) -> bool:
        return self.group.tones[self.tone].contested

    @property
    def word(self) -> str:
        """The words as a prompt quotes them: lower case unless a name's capitals."""
        text = " ".join(self.passage.text.split())
        return text.lower() if text[:1].isupper() and text[1:].islower() else text

    @property
    def in_name(self) -> bool:
        """Part of a name ("Hurricane Michael", "Fighters Union"), not a word chosen for a thing."""
        text = self.passage.text
        after = self.sentence.text[self.passage.end - self.sentence.start:].lstrip()
        return text[:1].isupper() and after[:1].isupper() and self.sentence.role != "headline"

    @property
    def modifier(self) -> str:
        """The capitalised word right before the use, which ties it to one people or body
        ("Chilean contractors"), else ""."""
        before = self.sentence.text[:self.passage.start - self.sentence.start].split()
        word = before[-1].strip(",.;:\u201c\u201d\"'") if before else ""
        return word if word[:1].isupper() and before and len(before) > 1 else ""

    @cached_property
    def names(self) -> frozenset[str]:
        """The stems of the capitalised words of its sentence past the first: the people, places
        and bodies it is about."""
        words = re.findall(r"[^\W\d_][\w\-'\u2019]*", self.sentence.text)[1:]
        return frozenset(stem(w) for w in words if w[:1].isupper()) - frozenset(
            stem(w) for w in re.findall(r"[^\W\d_][\w\-'\u2019]*", self.passage.text))

    @cached_property
    def context(self) -> frozenset[str]:
        """The sentence's other content words: what ties this use to another outlet's."""
        return content_words(self.sentence.text) - content_words(self.passage.text)


_TONE = re.compile(r"^(?P<words>[^()]*?)\s*(?:\((?P<frame>[^)]*)\))?\s*$")


@lru_cache(maxsize=1)
def term_groups() -> tuple[TermGroup, ...]:
    groups = []
    for line in word_list("loaded_terms"):
        names, _, rest = line.partition(":")
        tones = []
        for piece in rest.split("|"):
            m = _TONE.match(piece.strip())
            words = tuple(w.strip() for w in m.group("words").split("=") if w.strip())
            if words:
                frame = (m.group("frame") or "").strip()
                tones.append(Tone(words, frame.rstrip("?"), frame.endswith("?")))
        if len(tones) >= 2:
            groups.append(TermGroup(len(groups), names.strip(), tuple(tones)))
    return tuple(groups)


@lru_cache(maxsize=1)
def plain_words() -> frozenset[str]:
    """Words plain in some group: never read as loaded, whatever group they are loaded in."""
    return frozenset(w for g in term_groups() for w in g.plain.words)


def _form(word: str) -> str:
    """A word as a pattern: case aside, a hyphen or space alike, a plural "s" allowed."""
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", fold(word))]
    pattern = r"[\s\-]+".join(parts)
    if " " not in word and "-" not in word:
        pattern += "s?"
    return pattern


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[TermGroup, re.Pattern[str], dict[str, int]], ...]:
    """Per group: one pattern for all its words, longest first, and each word's tone."""
    found = []
    for group in term_groups():
        tone_of: dict[str, int] = {}
        for number, tone in enumerate(group.tones):
            for word in tone.words:
                if number and word in plain_words():
                    continue  # plain somewhere else: read as plain, never as loaded
                tone_of.setdefault(fold(word), number)
        words = sorted(tone_of, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{_form(w)})" for w in words)
                             + r")(?![\w\-])")
        found.append((group, pattern, tone_of))
    return tuple(found)


def _tone_of(matched: str, tone_of: dict[str, int]) -> int | None:
    key = " ".join(re.split(r"[\s\-]+", fold(matched)))
    for word, tone in tone_of.items():
        plain = " ".join(re.split(r"[\s\-]+", word))
        if key == plain or key == plain + "s":
            return tone
    return None


def _voice(statement: Statement | None, start: int, inside_quote: bool
           ) -> tuple[str, Source | None]:
    """Whose word the use at `start` is: in a quotation, the speaker the sentence credits; in
    words the sentence credits to someone, that source; else the outlet's own."""
    if statement is None:
        return (QUOTE, None) if inside_quote else (OUTLET, None)
    covering = [c for c in statement.credits if c.reach[0] <= start < c.reach[1]]
    credited = covering or (list(statement.credits) if inside_quote else [])
    speakers = {c.source for c in credited if c.source is not None}
    names = {s.name for s in speakers}
    speaker = next(iter(speakers)) if len(names) == 1 else None
    if inside_quote:
        return QUOTE, speaker
    if covering:
        return PARAPHRASE, speaker
    if statement.presentation == MIXED and not statement.credits:
        return UNCLEAR, None
    return OUTLET, None


def _quote_speakers(article: ArticleReading, statements: tuple[Statement, ...]
                    ) -> dict[int, Source]:
    """For a sentence that is all quotation and credits no one ('"We will appeal."'), the
    speaker another sentence of its paragraph credits, when only one is credited there."""
    found: dict[int, Source] = {}
    by_paragraph: dict[int, list[Statement]] = {}
    for statement in statements:
        by_paragraph.setdefault(statement.sentence.paragraph, []).append(statement)
    for statement in statements:
        if statement.credits or statement.quoted < 0.5:
            continue
        near = [s for s in by_paragraph[statement.sentence.paragraph] if s is not statement]
        names = {c.source.name: c.source for s in near for c in s.credits
                 if c.source is not None and c.source.named}
        if len(names) == 1:
            found[statement.sentence.start] = next(iter(names.values()))
    return found


def read_article_terms(article: ArticleReading, statements: tuple[Statement, ...]
                       ) -> list[TermUse]:
    _quoted, quotes = quoted_spans(article.text)
    by_start = {s.sentence.start: s for s in statements}
    fallback = _quote_speakers(article, statements)
    found = []
    for sentence in article.sentences:
        if sentence.role not in ("prose", "headline"):
            continue
        statement = by_start.get(sentence.start)
        for group, start, end, tone in _matches(sentence):
            voice, speaker = _voice(statement, start, bool(quotes.covering(start)))
            if voice == QUOTE and speaker is None:
                speaker = fallback.get(sentence.start)
            if voice == OUTLET and _LABELLED.search(fold(article.text[max(0, start - 40):start])):
                voice, speaker = PARAPHRASE, None  # "some coverage called them rioters"
            found.append(TermUse(article.passage(start, end), sentence, group, tone, voice,
                                 speaker))
    return found


# A word right after a verb of labelling is the labeller's, not the writer's: "called them
# rioters", "branded the strike blackmail", "described the blockade as sabotage".
_LABELLED = re.compile(r"(?<![\w])(called|calls|calling|labell?ed|branded|dubbed|termed|described"
                       r"|describing|denounced)(\s+[\w'\u2019\-]+){0,4}?(\s+as)?\s*$")


# A verb of attack or defeat followed by one of these moves something ("the storm slammed into
# the coast", "the truck ploughed through"): a physical event, not a word chosen for a fight.
_MOTION = re.compile(r"\s*(?:into|onto|ashore|through|across)\b")


def _matches(sentence: Sentence) -> list[tuple[TermGroup, int, int, int]]:
    """(group, start, end, tone) of each word of a group in the sentence; a word inside a
    longer one of another group is that longer one's ("riot" in "riot police"); a loaded verb of
    motion ("slammed into") is no word for the group's thing."""
    folded = fold(sentence.text)
    found = []
    for group, pattern, tone_of in _patterns():
        for m in pattern.finditer(folded):
            tone = _tone_of(m.group(), tone_of)
            if tone is None or (tone and " " not in m.group() and _MOTION.match(folded, m.end())):
                continue
            found.append((group, sentence.start + m.start(), sentence.start + m.end(), tone))
    return [f for f in found if not any(
        o[0] is not f[0] and o[1] <= f[1] and f[2] <= o[2] and o[2] - o[1] > f[2] - f[1]
        for o in found)]


def read_terms(model) -> tuple[TermUse, ...]:
    """Every use of a word of data/loaded_terms.txt in the story, with whose voice it is in."""
    found: list[TermUse] = []
    for article in model.articles:
        found.extend(read_article_terms(article, model.statements.of_article(article.id)))
    return tuple(found)


def copies_of(model) -> dict[str, frozenset[str]]:
    """Each article that shares its text with others (agency copy carried by several outlets,
    a page copied from another), with the articles of its copy: a loaded word any of them prints
    is the copy's word, not one outlet's choice."""
    found: dict[str, frozenset[str]] = {}
    for group in copy_groups(model.shared_texts):
        for article in group:
            found[article] = frozenset(group) - {article}
    return found


SHARED_CONTEXT = 3  # content words two sentences share to be about the same thing


def tie(a: TermUse, b: TermUse) -> int:
    """How surely two uses name the same thing, 0 for not at all: the same capitalised word
    before both ("Chilean contractors", "Chilean nationals"); a distinctive figure in both
    sentences; or content words in common (two will do where one of them is a name). One use
    with such a word and one without need more in common ("Chilean workers", "its citizens")."""
    if a.modifier and b.modifier:
        return 10 if fold(a.modifier) == fold(b.modifier) else 0
    if any(distinctive(f) for f in figures_in(a.sentence.text) & figures_in(b.sentence.text)):
        return 5
    shared = len(a.context & b.context)
    if a.modifier or b.modifier:
        return shared if shared > SHARED_CONTEXT else 0
    if shared >= SHARED_CONTEXT or (shared >= SHARED_CONTEXT - 1 and a.names & b.names):
        return shared
    return 0
