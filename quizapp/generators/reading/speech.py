"""How one sentence attributes speech: the names, titles, pronouns and role words it uses for
people, and the speech verbs ("said", "told", "according to") whose subjects they are.

Quotations are folded into a single token first, so nothing inside a quote is read as part of
the sentence around it. The quotation marks are read here too (`article_quotations`), as writers
type them: a closing mark typed as an opening one, a quote left open at a paragraph's end because
it runs on into the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from quizapp.generators.reading.spans import SpanIndex
from quizapp.generators.reading.text import (
    Quotation,
    Sentence,
    Token,
    fold,
    possessive_stripped,
    sentences,
    tokens,
    word_list,
    word_set,
)

if TYPE_CHECKING:
    from quizapp.generators.reading.names import Entity

_PARAGRAPH = re.compile(r"[^\n]+")
QUOTE = "\x00quote"  # stands in a sentence's tokens for one quotation, so no word inside it counts

_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
_INDEFINITE = frozenset({"a", "an"})
NOUN_MARKERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your",
                          "this", "that", "these", "those", "such", "any", "no", "every", "each"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "da", "di", "le", "la",
                             "du", "del", "dos", "ibn"})
_PLACE_MARKERS = frozenset({"the", "of", "in", "from", "to", "at", "into", "across", "near"})
_COPULAS = frozenset({"is", "was", "are", "were", "as", "became", "becomes", "remains", "remained",
                      "named", "appointed"})
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "who", "which", "whose", "one"})
_MAX_APPOSITIVE = 16


def _roles() -> tuple[frozenset[str], frozenset[str]]:
    roles, generic = set(), set()
    for line in word_list("roles"):
        word = line.rstrip(" *").strip()
        roles.add(word)
        if line.endswith("*"):
            generic.add(word)
    return frozenset(roles), frozenset(generic)


ROLES, GENERIC_ROLES = _roles()


def role_word(word: str) -> str | None:
    """The role word `word` is, in the singular ("Officials" -> "official"), else None."""
    low = fold(possessive_stripped(word)).rstrip(".")
    if low in ROLES:
        return low
    if low.endswith("s") and low[:-1] in ROLES:
        return low[:-1]
    return None


def _is_plural_role(word: str) -> bool:
    low = fold(word)
    return low not in ROLES and low.endswith("s") and low[:-1] in ROLES


@dataclass
class Reference:
    """One mention of a possible speaker: a name, a title standing alone, or a pronoun."""

    sentence: int  # index into the article's sentences
    first: int  # token index where the whole phrase begins (determiner, title, name)
    last: int  # token index of its final word
    form: str  # "name", "role", "pronoun" or "body" ("the company", "the court")
    words: tuple[str, ...] = ()  # name words, possessive endings dropped
    run: tuple[str, ...] = ()  # the whole capitalised run the name came from
    owner: tuple[
        str, ...
    ] = ()  # a possessive name just before the run ("Peru's" Health Ministry)
    roles: frozenset[str] = frozenset()
    title: str = ""  # the role phrase as written
    definite: bool = False
    plural: bool = False
    in_appositive: bool = False
    after_place_marker: bool = False
    speaker: Entity | None = None
    unnamed: bool = False  # a person the text does not name ("a senior official")
    anchor: int = -1  # first sentence of the run of sentences that proves who this is
    support: tuple[int, ...] = ()  # earlier sentences also needed (where a role was given)
    neuter: bool = False  # "it" or "the company": a body, never a person
    known: str = ""  # what names.py read the name as: "person", "organisation", "place" or ""

    @property
    def is_person_like(self) -> bool:
        if self.speaker is not None:
            return self.speaker.kind == "person"
        if self.neuter or self.form == "body" or self.known in ("place", "organisation"):
            return False
        if self.form in ("role", "pronoun") or self.unnamed:
            return True
        # An unknown name of two or more words may be a person nobody introduced.
        return (
            len(self.words) >= 2
            and not self.after_place_marker
            and not self.in_appositive
            and fold(self.run[-1]) not in word_set("organisation_words")
        )


@dataclass
class Clause:
    sentence: int
    verb: int  # token index of the speech verb (of "according" for "according to X")
    verb_text: str
    subject: Reference | None
    participle: bool = False
    linked: Clause | None = None  # the clause whose subject a participle or "and ..." shares

    def speaker_reference(self) -> Reference | None:
        clause: Clause | None = self
        for _ in range(4):
            if clause is None:
                return None
            if clause.subject is not None or clause.linked is None:
                return clause.subject
            clause = clause.linked
        return None


@dataclass
class SentenceParse:
    index: int
    sentence: Sentence
    tokens: list[Token]
    quote_at: dict[int, int]  # token index -> index into the article's quotations
    references: list[Reference] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    subject: Reference | None = None


def _is_name_word(token: Token) -> bool:
    if token.text == QUOTE or not token.is_word or not token.is_capitalised:
        return False
    low = fold(token.bare).rstrip(".")
    return (
        low not in word_set("name_stopwords")
        and low not in word_set("calendar_words")
        and low not in word_set("pronouns")
    )


# --- quotation marks ---------------------------------------------------------------------------

_OPEN_DOUBLE = "\u201c\u201e\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_DOUBLE = _OPEN_DOUBLE + _CLOSE_DOUBLE + '"'
_SINGLE_OPEN = "\u2018'"
_SINGLE_CLOSE = "\u2019'"
_BEFORE_OPENING = " \t([{\u2014\u2013-/:"
_AFTER_CLOSING = ' \t,.;:!?)]}\u2014\u2013-\u201d"'
_TRIM = " \t,.;:\u2014\u2013-\u2026"
MAX_SINGLE_QUOTE_WORDS = 20  # longer runs between single marks are apostrophes, not a quote


@dataclass(frozen=True)
class Quoted(Quotation):
    """A quotation as the marks show it. `closed` is False for one left open at its
    paragraph's end: by convention a quote running on into the next paragraph, which then
    opens with a mark again."""

    closed: bool = True


def _quoted(
    text: str, start: int, inner_from: int, inner_to: int, end: int, closed: bool = True
) -> Quoted | None:
    inner = text[inner_from:inner_to]
    left = len(inner) - len(inner.lstrip(_TRIM))
    right = len(inner.rstrip(_TRIM))
    if right <= left or not any(ch.isalnum() for ch in inner):
        return None
    return Quoted(start, end, inner_from + left, inner_from + right, inner[left:right], closed)


def _double_mark_role(text: str, i: int, p_start: int, p_end: int, open_at: int | None) -> str:
    """ "open", "close" or "" for the double mark at `i`, read from the characters around it
    rather than its shape: writers and converters type “ for ” and the reverse."""
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    if open_at is not None:
        # Inside a quote a mark after a word or stop closes it; one before a word, after a
        # space, opens the next quote (the earlier one was never closed).
        if prev.isspace() and nxt.isalnum():
            return "open"
        return "close"
    if (prev in _BEFORE_OPENING or prev.isspace() or i == p_start) and not nxt.isspace():
        return "open"
    return "close" if not prev.isspace() else ""


def _single_quote(
    text: str, i: int, p_start: int, p_end: int, single_at: int | None
) -> tuple[int | None, Quoted | None]:
    """Single marks as quotes, not apostrophes: (where an open single quote now starts, a
    quotation just closed)."""
    ch = text[i]
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    if (
        single_at is None
        and ch in _SINGLE_OPEN
        and (prev in _BEFORE_OPENING or i == p_start)
        and nxt.isalnum()
    ):
        return i, None
    if (
        single_at is not None
        and ch in _SINGLE_CLOSE
        and (prev.isalnum() or prev in ".!?")
        and (nxt in _AFTER_CLOSING or i + 1 == p_end)
    ):
        quote = _quoted(text, single_at, single_at + 1, i, i + 1)
        if quote is not None and quote.word_count > MAX_SINGLE_QUOTE_WORDS:
            quote = None
        return None, quote
    return single_at, None


def _paragraph_quotations(text: str, p_start: int, p_end: int) -> list[Quoted]:
    found: list[Quoted] = []
    open_at: int | None = None
    single_at: int | None = None
    seen_mark = False
    for i in range(p_start, p_end):
        ch = text[i]
        if ch in _DOUBLE:
            role = _double_mark_role(text, i, p_start, p_end, open_at)
            if role == "open":
                open_at, single_at, seen_mark = i, None, True
            elif role == "close" and open_at is not None:
                quote = _quoted(text, open_at, open_at + 1, i, i + 1)
                found.extend([quote] if quote else [])
                open_at, seen_mark = None, True
            elif role == "close" and not seen_mark and len(text[p_start:i].split()) >= 3:
                # The writer left out the opening mark of a quote that starts the paragraph.
                lead = p_start + len(text[p_start:i]) - len(text[p_start:i].lstrip())
                quote = _quoted(text, lead, lead, i, i + 1)
                found.extend([quote] if quote else [])
                seen_mark = True
            elif role == "close":
                seen_mark = True  # a stray closing mark after the quotes (a typo): ignored
        elif open_at is None and ch in _SINGLE_OPEN + _SINGLE_CLOSE:
            single_at, quote = _single_quote(text, i, p_start, p_end, single_at)
            found.extend([quote] if quote else [])
    if open_at is not None:
        quote = _quoted(text, open_at, open_at + 1, p_end, p_end, closed=False)
        found.extend([quote] if quote else [])
    return found


@lru_cache(maxsize=4096)  # every article of a 500-article story, read by several stages
def article_quotations(text: str) -> tuple[Quoted, ...]:
    """Quoted passages of an article's text in order: double marks of any style, read by where
    they stand; single marks used as quotes (not apostrophes); a paragraph-opening quote whose
    opening mark is missing; and a quote left open at its paragraph's end (`closed` False)."""
    found: list[Quoted] = []
    for para in _PARAGRAPH.finditer(text):
        found.extend(_paragraph_quotations(text, para.start(), para.end()))
    return tuple(found)


def _masked_tokens(
    text: str, sentence: Sentence, quotes: tuple[Quotation, ...], index: SpanIndex
) -> tuple[list[Token], dict[int, int]]:
    """The sentence's tokens with each quotation it touches folded into one QUOTE token."""
    spans = [(i, quotes[i]) for i in index.overlapping(sentence.start, sentence.end)]
    out: list[Token] = []
    quote_at: dict[int, int] = {}
    placed: set[int] = set()
    for token in tokens(text, sentence.start, sentence.end):
        inside = next((i for i, q in spans if q.start <= token.start < q.end), None)
        if inside is None:
            out.append(token)
        elif inside not in placed:
            placed.add(inside)
            quote_at[len(out)] = inside
            q = quotes[inside]
            out.append(Token(max(q.start, sentence.start), min(q.end, sentence.end), QUOTE))
    return out, quote_at


def _adjacent(a: Token, b: Token, text: str) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 1 and (gap == "" or gap == " ")


def _org_link(toks: list[Token], j: int, text: str, linked: bool) -> int:
    """How many tokens after run token `j` carry an institution's name on ("Court | of Justice",
    "Association | of Machinists and Aerospace Workers", "Centre | for ..."): 0 when none."""
    word = fold(toks[j].bare)
    nxt = fold(toks[j + 1].text) if j + 1 < len(toks) else ""
    if nxt in ("of", "for") and (linked or word in word_set("organisation_words")):
        skip = 2 if j + 2 < len(toks) and fold(toks[j + 2].text) == "the" else 1
        at = j + 1 + skip
        if at < len(toks) and _is_name_word(toks[at]) and _adjacent(toks[j], toks[j + 1], text):
            return skip + 1
    if nxt in ("and", "&") and j + 2 < len(toks) and _is_name_word(toks[j + 2]) and (
            linked or _names_a_body(toks, j + 2, text)):
        return 2  # "Disaster and Emergency Management Authority": one body
    return 0


def _names_a_body(toks: list[Token], k: int, text: str) -> bool:
    """Whether the capitalised words from `k` on end in a body's word ("... Authority")."""
    while k + 1 < len(toks) and _is_name_word(toks[k + 1]) and _adjacent(toks[k], toks[k + 1],
                                                                          text):
        k += 1
    return fold(toks[k].bare) in word_set("organisation_words")


# Abbreviations that open a name rather than title a person: "St. Paul", "Mt. Hood".
_NAME_OPENERS = frozenset({"st", "mt", "ft"})


def _unit_end(toks: list[Token], k: int, text: str) -> int:
    """The last token of the name word at `k` with the full stops that belong to it: "U.S.",
    "D.C." (single capitals each with its stop), "St." before a name; else `k`."""
    end = k
    while (
        end + 2 < len(toks)
        and len(toks[end].text) == 1
        and toks[end].text.isupper()
        and toks[end + 1].text == "."
        and toks[end + 2].text.isupper()
        and len(toks[end + 2].text) == 1
        and toks[end].end == toks[end + 1].start == toks[end + 2].start - 1
    ):
        end += 2
    if end > k and end + 1 < len(toks) and toks[end + 1].text == "." \
            and toks[end].end == toks[end + 1].start:
        return end + 1  # "U.S." whole, its last full stop with it
    if (
        fold(toks[k].text) in _NAME_OPENERS
        and k + 2 < len(toks)
        and toks[k + 1].text == "."
        and toks[k].end == toks[k + 1].start
        and _is_name_word(toks[k + 2])
        and text[toks[k + 1].end : toks[k + 2].start] == " "
    ):
        return k + 1
    return k


def _is_initial(toks: list[Token], k: int, text: str) -> bool:
    return (
        k + 2 < len(toks)
        and len(toks[k].text) == 1
        and toks[k].text.isupper()
        and toks[k + 1].text == "."
        and _adjacent(toks[k - 1], toks[k], text)
        and _is_name_word(toks[k + 2])
        and text[toks[k + 1].end : toks[k + 2].start] == " "
    )


def _runs(toks: list[Token], text: str) -> list[tuple[int, int]]:
    """Maximal runs of capitalised name words (inclusive token ranges), an institution's name
    kept whole across "of", "for" and "and" ("Court of Justice of the European Union")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        # "Says Long:" opens a sentence with its verb; it is not a name.
        if not _is_name_word(toks[i]) or (
            i == 0 and fold(toks[i].text) in word_set("speech_verbs")
        ):
            i += 1
            continue
        j = _unit_end(toks, i, text)
        linked = False
        while j + 1 < len(toks) and not toks[j].is_possessive:
            nxt = toks[j + 1]
            link = _org_link(toks, j, text, linked)
            if _unit_end(toks, j + 1, text) > j + 1 and _adjacent(toks[j], nxt, text):
                j = _unit_end(toks, j + 1, text)  # "the U.S. Skating Union", "of St. Paul"
            elif _is_initial(toks, j + 1, text):
                j += 2  # "Maria T. Lopez": a middle initial and its full stop
            elif _is_name_word(nxt) and _adjacent(toks[j], nxt, text):
                j += 1
            elif (
                fold(nxt.text) in _NAME_PARTICLES
                and j + 2 < len(toks)
                and _is_name_word(toks[j + 2])
                and _adjacent(toks[j], nxt, text)
            ):
                j += 2
            elif link:
                j += link
                linked = True
            else:
                break
        runs.append((i, j))
        i = j + 1
    return runs


def _title_start(toks: list[Token], role_at: int) -> int:
    """Leftmost token of the title that ends at `role_at` ("senior Foreign Ministry official"),
    including a determiner."""
    first = role_at
    k = role_at - 1
    steps = 0
    while k >= 0 and steps < 6:
        t = toks[k]
        low = fold(t.bare)
        if t.text == ".":
            pass  # inside an abbreviation such as U.S.
        elif not t.is_word or t.text == QUOTE:
            break
        elif not (
            t.is_capitalised
            and low not in word_set("name_stopwords")
            or role_word(t.text)
            or low in word_set("role_modifiers")
        ):
            break
        first = k
        k -= 1
        steps += 1
    if k >= 0 and fold(toks[k].text) in _DETERMINERS:
        first = k
    return first


@dataclass
class _Title:
    """The title read around one name: its role words, where the whole phrase starts, and the
    tokens of the title as printed."""

    roles: set[str]
    first: int  # where the phrase (title, determiner, name) begins
    title_first: int
    title_last: int


class _References:
    """One sentence's names, titles, role words and pronouns, in token order."""

    def __init__(self, parse: SentenceParse, text: str) -> None:
        self.parse, self.text, self.toks = parse, text, parse.tokens
        self.consumed: set[int] = set()  # role tokens that belong to a name's title or appositive
        self.appositives: list[tuple[int, int]] = []
        self.refs: list[Reference] = []

    def read(self) -> list[Reference]:
        runs = _runs(self.toks, self.text)
        for start, end in runs:
            self._run(start, end)
        in_runs = {k for s, e in runs for k in range(s, e + 1)}
        self._roles_alone(in_runs)
        self.refs.extend(_body_references(self.parse, self.text, self.consumed | in_runs))
        self._pronouns()
        # Names inside an appositive describe the speaker; they never speak themselves there.
        for ref in self.refs:
            if any(lo <= ref.first and ref.last <= hi for lo, hi in self.appositives):
                ref.in_appositive = True
        self.refs.sort(key=lambda r: (r.first, r.last))
        return self.refs

    def _run(self, start: int, end: int) -> None:
        toks, text = self.toks, self.text
        run_tokens = toks[start : end + 1]
        # A capitalised run right before a role word only describes it ("a Lagos official").
        if (
            end + 1 < len(toks)
            and role_word(toks[end + 1].text)
            and _adjacent(toks[end], toks[end + 1], text)
            and not toks[end].is_possessive
        ):
            return
        # "Dockers Union", "Transport Workers Union": a role word inside a body's name is part
        # of the name, not a title before it.
        body = fold(run_tokens[-1].bare) in word_set("organisation_words")
        role_idx = [] if body else [k for k, t in enumerate(run_tokens) if role_word(t.text)]
        split = role_idx[-1] + 1 if role_idx else 0
        # "Secretary General Ana Berg": a word finishing a two-word title is the title's too.
        while 0 < split < len(run_tokens) - 1 and (
            f"{role_word(run_tokens[split - 1].text)}-{fold(run_tokens[split].bare)}" in ROLES
        ):
            split += 1
        owners = [k for k, t in enumerate(run_tokens[:-1]) if t.is_possessive and k >= split]
        name_tokens = run_tokens[max(split, owners[-1] + 1 if owners else 0) :]
        title = _Title(
            {role_word(run_tokens[k].text) for k in role_idx}, start, start, start + split - 1
        )
        if not name_tokens:
            self._title_alone(start, end, title.roles)
            return
        self._title_before(title, start, split)
        self._title_by_comma(title, start, end)
        self._appositives_after(title, end)
        self._name(start, end, run_tokens, name_tokens, title)

    def _title_alone(self, start: int, end: int, roles: set[str]) -> None:
        """A run that is only a title ("Foreign Minister said"): a role reference."""
        toks = self.toks
        det = start - 1 >= 0 and fold(toks[start - 1].text) in _DETERMINERS
        self.refs.append(
            Reference(
                self.parse.index,
                start - 1 if det else start,
                end,
                "role",
                roles=frozenset(r for r in roles if r),
                title=self.text[toks[start].start : toks[end].end],
                definite=det and fold(toks[start - 1].text) not in _INDEFINITE,
                unnamed=not det or fold(toks[start - 1].text) in _INDEFINITE,
            )
        )

    def _title_before(self, title: _Title, start: int, split: int) -> None:
        """ "Dr. Ann Lee", "spokesperson Ann Lee", "former President Ann Lee"."""
        toks = self.toks
        if (
            not split
            and start >= 2
            and toks[start - 1].text == "."
            and role_word(toks[start - 2].text)
        ):
            title.roles.add(role_word(toks[start - 2].text))
            self.consumed.add(start - 2)
            title.title_first = title.title_last = title.first = start - 2
            if (
                start - 3 >= 0
                and role_word(toks[start - 3].text) is None
                and fold(toks[start - 3].text) in _DETERMINERS
            ):
                title.first = start - 3
        elif start - 1 >= 0 and role_word(toks[start - 1].text) and not split:
            title.title_last = start - 1
            title.title_first = title.first = _title_start(toks, start - 1)
            self._take_roles(title, title.title_first, start)
        elif split:
            title.first = _title_start(toks, start) if split == 1 else start
            if (
                title.first == start
                and start - 1 >= 0
                and fold(toks[start - 1].text) in _DETERMINERS
            ):
                title.first = start - 1

    def _title_by_comma(self, title: _Title, start: int, end: int) -> None:
        """A title before the name set off by commas: "the EU's chief diplomat, Ann Lee, said"."""
        toks = self.toks
        if (
            not title.roles
            and start >= 2
            and toks[start - 1].text == ","
            and role_word(toks[start - 2].text)
            and (end + 1 >= len(toks) or toks[end + 1].text in ",.;:")
        ):
            title.title_last = start - 2
            title.title_first = title.first = _title_start(toks, start - 2)
            self._take_roles(title, title.title_first, start - 1)

    def _take_roles(self, title: _Title, lo: int, hi: int) -> None:
        for k in range(lo, hi):
            if role_word(self.toks[k].text):
                title.roles.add(role_word(self.toks[k].text))
                self.consumed.add(k)

    def _appositives_after(self, title: _Title, end: int) -> None:
        """ "Ann Lee, 44, a spokesperson for the ministry, said"."""
        toks = self.toks
        comma = end + 1
        for _ in range(3):
            if not (comma + 1 < len(toks) and toks[comma].text == ","):
                break
            seg_end = comma + 1
            while (
                seg_end < len(toks)
                and toks[seg_end].text not in ",;:"
                and toks[seg_end].text != QUOTE
                and seg_end - comma <= _MAX_APPOSITIVE
            ):
                seg_end += 1
            segment = toks[comma + 1 : seg_end]
            if not is_appositive(segment):
                break
            self.appositives.append((comma + 1, seg_end - 1))
            for k, t in enumerate(segment[:8]):
                role = role_word(t.text)
                if role and not _is_plural_role(t.text) and role not in title.roles:
                    title.roles.add(role)
                    self.consumed.add(comma + 1 + k)
                    title.title_first = comma + 1
                    title.title_last = comma + 1 + k + _body_named_after(segment, k, self.text)
                    break
            comma = seg_end

    def _name(self, start: int, end: int, run_tokens, name_tokens, title: _Title) -> None:
        toks, text = self.toks, self.text
        printed = ""
        if title.title_last >= title.title_first and title.title_last >= 0:
            lead = title.title_first
            while lead <= title.title_last and fold(toks[lead].text) in _DETERMINERS:
                lead += 1
            if lead <= title.title_last:
                printed = text[toks[lead].start : toks[title.title_last].end]
        prev = toks[title.first - 1] if title.first - 1 >= 0 else None
        owner = ()
        if (
            start >= 1
            and toks[start - 1].is_possessive
            and _is_name_word(toks[start - 1])
            and _adjacent(toks[start - 1], toks[start], text)
        ):
            owner = (toks[start - 1].text,)
        self.refs.append(
            Reference(
                self.parse.index,
                title.first,
                end,
                "name",
                words=tuple(possessive_stripped(t.text) for t in name_tokens if t.is_word),
                run=tuple(possessive_stripped(t.text) for t in run_tokens),
                owner=owner,
                roles=frozenset(r for r in title.roles if r),
                title=printed,
                after_place_marker=prev is not None and fold(prev.text) in _PLACE_MARKERS,
            )
        )

    def _roles_alone(self, in_runs: set[int]) -> None:
        """Role words standing alone: "the spokesperson said", "a senior official told"."""
        toks, text = self.toks, self.text
        for k, t in enumerate(toks):
            if k in self.consumed or k in in_runs or t.text == QUOTE or not role_word(t.text):
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            # Only the last word of a title chain ("chief diplomat") names the person, and one
            # followed by a name is that name's title, read with the name.
            if nxt is not None and (
                (role_word(nxt.text) and _adjacent(t, nxt, text)) or _is_name_word(nxt)
            ):
                continue
            # "Lee is the fire chief", "acting as a task force leader": a title describing
            # someone already named, not another person; nor is "his daughter's" house a speaker.
            if _after_copula(toks, k) or t.is_possessive:
                continue
            first = _title_start(toks, k)
            det = fold(toks[first].text)
            plural = _is_plural_role(t.text)
            definite = det in _DETERMINERS and det not in _INDEFINITE and not plural
            self.refs.append(
                Reference(
                    self.parse.index,
                    first,
                    k,
                    "role",
                    roles=frozenset({role_word(t.text)}),
                    title=text[toks[first].start : t.end],
                    definite=definite,
                    plural=plural,
                    unnamed=not definite,
                )
            )

    def _pronouns(self) -> None:
        """Pronouns that may stand for one person, and "it" for a body when it speaks."""
        toks = self.toks
        for k, t in enumerate(toks):
            low = fold(t.text)
            according = (
                k >= 2 and fold(toks[k - 1].text) == "to" and fold(toks[k - 2].text) == "according"
            )
            if low in ("he", "she", "him") or (low == "her" and according):
                self.refs.append(Reference(self.parse.index, k, k, "pronoun"))
            elif low == "it" and _speech_verb_follows(toks, k):
                self.refs.append(
                    Reference(self.parse.index, k, k, "pronoun", words=("it",), neuter=True)
                )


def _references(parse: SentenceParse, text: str) -> None:
    parse.references = _References(parse, text).read()


def _after_copula(toks: list[Token], k: int) -> bool:
    for j in range(k - 1, max(-1, k - 5), -1):
        if toks[j].text in (",", ";", ":", QUOTE):
            return False
        if fold(toks[j].text) in _COPULAS:
            return True
    return False


def _speech_verb_follows(toks: list[Token], k: int) -> bool:
    skip = word_set("clause_adverbs") | word_set("calendar_words")
    j = k + 1
    while j < len(toks) and fold(toks[j].text) in skip:
        j += 1
    return j < len(toks) and fold(toks[j].text) in word_set("speech_verbs")


_AUXILIARIES = frozenset({"has", "had", "have", "is", "was", "will", "would", "could", "may",
                          "might", "must", "should", "can", "did", "does", "also", "later", "then"})


def _ends_noun_phrase(token: Token) -> bool:
    """Whether `token` may follow the last word of a noun phrase that is a verb's subject: a
    verb, an auxiliary, punctuation or a quote, not another noun ("the union leader")."""
    low = fold(token.text)
    return (
        not token.is_word
        or token.text == QUOTE
        or low in word_set("speech_verbs")
        or low in _AUXILIARIES
        or low in word_set("clause_adverbs")
    )


def _body_references(parse: SentenceParse, text: str, taken: set[int]) -> list[Reference]:
    """ "The company", "the planemaker", "the court": a body the article has named, spoken of
    by what it is (data/body_nouns.txt). Only "the" makes it one the reader already knows."""
    toks = parse.tokens
    found = []
    for k, t in enumerate(toks):
        low = fold(t.bare)
        if k in taken or t.text == QUOTE or low not in word_set("body_nouns") or not t.is_word:
            continue
        if k + 1 < len(toks) and not _ends_noun_phrase(toks[k + 1]):
            continue  # "the union leader", "the tech company": the last noun names it
        first = k
        while (
            first - 1 >= 0
            and k - first < 3
            and toks[first - 1].is_word
            and fold(toks[first - 1].text) not in _DETERMINERS
            and not _is_name_word(toks[first - 1])
            and toks[first - 1].text[:1].islower()
        ):
            first -= 1
        if first - 1 < 0 or fold(toks[first - 1].text) != "the":
            continue
        found.append(
            Reference(
                parse.index,
                first - 1,
                k,
                "body",
                roles=frozenset({low}),
                title=text[toks[first].start : t.end],
                definite=True,
                neuter=True,
            )
        )
    return found


def _body_named_after(segment: list[Token], k: int, text: str) -> int:
    """How many tokens after the role at `k` name whom the role is held for: "president | of
    the International Association of Machinists", "spokeswoman | for City Hall"."""
    at = k + 1
    if at >= len(segment) or fold(segment[at].text) not in ("of", "for", "at"):
        return 0
    at += 1
    if at < len(segment) and fold(segment[at].text) == "the":
        at += 1
    if at >= len(segment) or not _is_name_word(segment[at]):
        return 0
    end = at
    while end + 1 < len(segment) and (
        _is_name_word(segment[end + 1])
        or (
            fold(segment[end + 1].text) in ("of", "and", "for", "&")
            and end + 2 < len(segment)
            and _is_name_word(segment[end + 2])
        )
    ):
        end += 1
    return end - k


def is_appositive(segment: list[Token]) -> bool:
    """A comma-set phrase that describes the name before it: "a spokesperson for ...", "44",
    "who ...", "chief economist at ..."."""
    if not segment:
        return False
    head = fold(segment[0].text)
    if head in _APPOSITIVE_OPENERS or segment[0].text.isdigit():
        return True
    # A bare title: only title words up to the role ("general secretary of ..."), not the
    # next name of a list ("Ann Lee, Peruvian President Rosa Mar, ...").
    for k, t in enumerate(segment[:3]):
        if role_word(t.text) and not _is_plural_role(t.text):
            return not (k + 1 < len(segment) and _is_name_word(segment[k + 1]))
        if not (t.is_capitalised or fold(t.text) in word_set("role_modifiers")):
            return False
    return False


def _ref_ending_at(parse: SentenceParse, k: int) -> Reference | None:
    for ref in parse.references:
        if ref.last == k:
            return ref
    return None


def _ref_starting_at(parse: SentenceParse, k: int) -> Reference | None:
    """The reference starting at token `k`; the name when a title starts there too ("said
    Gov. Lee": Lee, not an unnamed governor)."""
    found = [ref for ref in parse.references if ref.first == k]
    return next((ref for ref in found if ref.form == "name"), found[0] if found else None)


def _sentence_subject(parse: SentenceParse) -> Reference | None:
    toks = parse.tokens
    s0 = 0
    while s0 < len(toks) and not toks[s0].is_word and toks[s0].text != QUOTE:
        s0 += 1
    if s0 + 1 < len(toks) and fold(toks[s0].text) == "the" and _ref_starting_at(parse, s0) is None:
        s0 += 1  # "The European Court of Justice ruled": the name after its article
    if s0 < len(toks) and fold(toks[s0].text) in word_set("sentence_openers"):
        for k in range(s0 + 1, min(len(toks), s0 + 12)):
            if toks[k].text == ",":
                s0 = k + 1
                break
            if toks[k].text == QUOTE:
                break
    return _ref_starting_at(parse, s0)


def _titled_name(segment: list[Token]) -> bool:
    """A name with only its title before it: "retired teacher Ann Lee", "Dr. Ann Lee"."""
    return bool(segment) and all(
        t.text == "."
        or t.is_capitalised
        or role_word(t.text)
        or fold(t.text) in _DETERMINERS
        or fold(t.text) in word_set("role_modifiers")
        or fold(t.text) in _NAME_PARTICLES
        for t in segment
    )


def _subject_before(parse: SentenceParse, verb: int) -> tuple[Reference | None, bool]:
    """The reference that is the subject of the finite verb at `verb`, and whether the verb is
    coordinated with an earlier one ("... said X and called Y ...")."""
    toks = parse.tokens
    j = verb - 1
    skip = word_set("clause_adverbs") | word_set("calendar_words")
    while (
        j >= 0
        and fold(toks[j].text) in skip
        and toks[j].text != QUOTE
        and not _is_name_word(toks[j])
    ):  # "Long added" is Long, not an adverb
        j -= 1
    if j < 0:
        return None, False
    low = fold(toks[j].text)
    if low in ("and", "but", "yet", "then"):
        return None, True  # "... told his staff ..., but added: “...”"
    if toks[j].text == ",":
        return _subject_behind_commas(parse, j), False
    if fold(toks[j].text) in word_set("document_nouns") and j >= 1 and toks[j - 1].is_possessive:
        owner = _ref_ending_at(parse, j - 1)  # "Meta's statement said": Meta speaks
        return (owner if owner is not None and owner.form == "name" else None), False
    medium = _before_medium(parse, j)
    if medium is not None:
        return medium, False  # "Lee in a statement said", "Lee in a post on X wrote"
    ref = _ref_ending_at(parse, j)
    if ref is not None and ref.first >= 1 and fold(toks[ref.first - 1].text) in _PREPOSITIONS:
        # "people close to the president said": the president is not who speaks, nor is the
        # ministry in "a source at the ministry said"; "Lee of the ministry said" is Lee.
        owner = _ref_ending_at(parse, ref.first - 2) if ref.first >= 2 else None
        if owner is not None and owner.form == "name" and fold(toks[ref.first - 1].text) == "of":
            return owner, False
        return None, False
    return ref, False


_MEDIUM_PREPOSITIONS = frozenset({"in", "via", "through"})


def _before_medium(parse: SentenceParse, end: int) -> Reference | None:
    """The name just before a phrase ending at token `end` that says where someone spoke: "Lee
    | in a statement", "Lee | in a post on X", "Lee | via an email to staff". Else None."""
    toks = parse.tokens
    j = end
    for _ in range(3):  # "on X", "to staff", "on Friday": where the document went, or when
        place = _ref_ending_at(parse, j)
        k = place.first - 1 if place is not None and place.form == "name" else j - 1
        if k < 1 or fold(toks[k].text) not in ("on", "to", "at") or k == j:
            break
        j = k - 1
    if j < 1 or fold(toks[j].bare) not in word_set("document_nouns"):
        return None
    k = j - 1
    while k >= 1 and j - k <= 3 and toks[k].is_word and toks[k].text[:1].islower() \
            and fold(toks[k].text) not in _MEDIUM_PREPOSITIONS:
        k -= 1  # "a", "its", "a blog", "a lengthy"
    if k < 1 or fold(toks[k].text) not in _MEDIUM_PREPOSITIONS:
        return None
    if toks[k - 1].text == "," and k >= 2:
        k -= 1  # "Lee, in a statement, said"
    speaker = _ref_ending_at(parse, k - 1)
    if speaker is None or speaker.form != "name" or (
            speaker.first >= 1 and fold(toks[speaker.first - 1].text) in _PREPOSITIONS):
        return None
    return speaker


def _subject_behind_commas(parse: SentenceParse, j: int) -> Reference | None:
    """The subject of a verb after a comma at `j`: "Ann Lee, a spokesperson for the ministry,
    said" or "the chief, Ann Lee, said"."""
    toks = parse.tokens
    for _ in range(3):
        m = j - 1
        while m >= 0 and j - m <= _MAX_APPOSITIVE and toks[m].text not in (",", ";", ":", QUOTE):
            m -= 1
        if m < 0 or toks[m].text != ",":
            return None
        inner = _ref_ending_at(parse, j - 1)
        if inner is not None and inner.form == "name" and _titled_name(toks[m + 1 : j]):
            # The name (with its title) set off by commas: "One passenger, retired teacher Ann
            # Lee, said" or "the chief, Ann Lee, said".
            return inner
        if not is_appositive(toks[m + 1 : j]):
            # "Lee, in a statement, said", "Lee in a post on X, which ..., shared:"
            return _before_medium(parse, j - 1) or _before_medium(parse, m - 1) \
                if toks[m + 1:j] else None
        before = _before_medium(parse, m - 1) or _ref_ending_at(parse, m - 1)
        if before is not None and not (
            before.first >= 1 and fold(toks[before.first - 1].text) in _PREPOSITIONS
        ):
            return before
        # Several appositives in a row: "Ann Lee, 44, a docker, said"; or one describing a body
        # inside the one before: "Lee, director at City Health, a hospital, said".
        j = m
    return None


_PREPOSITIONS = frozenset({"to", "of", "with", "for", "from", "in", "at", "near", "around", "by",
                           "about", "on", "among", "inside", "within", "behind", "beside"})


def _subject_between(parse: SentenceParse, start: int, end: int) -> bool:
    """Whether a new clause opens between two verbs: in "Lee said ... as members cheered and
    chanted", the chanting is not Lee's."""
    toks = parse.tokens
    opener = any(
        fold(t.text) in _CLAUSE_OPENERS
        and not (
            # "hailed the rulings as a “big win”": "as" before a noun is no new clause.
            fold(t.text) == "as"
            and i + 1 < end
            and (fold(toks[i + 1].text) in _DETERMINERS or toks[i + 1].text == QUOTE)
        )
        for i, t in enumerate(toks[start + 1 : end], start=start + 1)
    )
    return opener


_CLAUSE_OPENERS = frozenset({"as", "while", "when", "after", "before", "because", "since", "where",
                             "who", "which", "whom", "if", "although", "though", "whereas", "until",
                             "unless"})


def _is_speech_verb(toks: list[Token], k: int) -> bool:
    """Whether the word at `k` is a speech verb used as a verb: not a headline's capitalised
    word, not "the claims" or "the union's claim", not "reports" in "Initial reports said"."""
    verbs = word_set("speech_verbs")
    t = toks[k]
    low = fold(t.text)
    if low not in verbs or t.text == QUOTE or (t.is_capitalised and k > 0):
        return False
    prev = toks[k - 1] if k else None
    if prev is not None and (fold(prev.text) in NOUN_MARKERS or prev.is_possessive):
        return False
    nxt = fold(toks[k + 1].text) if k + 1 < len(toks) else ""
    return not (nxt in verbs and not low.endswith("ing") and nxt not in ("that", "to"))


def _participle(parse: SentenceParse, k: int, low: str, clauses: list[Clause]) -> Clause | None:
    """ "..., saying": the participle shares the subject of the clause before it, or of the
    sentence; "with CEO Tim Cook calling it ...": the name before it speaks."""
    named = _ref_ending_at(parse, k - 1) if k else None
    medium = named is not None and _after_preposition(parse.tokens, named.first)
    if named is not None and named.form == "name" and not medium:
        return Clause(parse.index, k, low, named, participle=True)
    # "Pele lauded the team in an Instagram post saying ...": the post is where he spoke, so
    # the participle goes with the sentence's speaker, as after a comma.
    if k == 0 or (parse.tokens[k - 1].text != "," and not medium):
        return None
    earlier = next((c for c in reversed(clauses) if not c.participle), None)
    clause = Clause(parse.index, k, low, None, participle=True)
    if earlier is not None and earlier.speaker_reference() is not None:
        clause.linked = earlier
    else:
        # No speaker read for the clause before ("Lee would not say when ..., adding: “...”"):
        # the participle goes with the sentence's subject.
        clause.subject = parse.subject
    return clause


def _after_preposition(toks: list[Token], first: int) -> bool:
    """Whether the words starting at `first` follow a preposition, maybe with an article ("in
    an Instagram post", "on X"): where someone spoke, not who. "With" is left out: "with CEO Tim
    Cook calling it ..." makes Cook speak."""
    j = first - 1
    if j >= 0 and fold(toks[j].text) in _DETERMINERS:
        j -= 1
    return j >= 0 and fold(toks[j].text) in _PREPOSITIONS and fold(toks[j].text) != "with"


# A product recall is no speech: "recalled more than 2 million vehicles". As speech, "recalled"
# is followed by what was said or ends the attribution: "recalled that", "recalled: “...”".
_RECALL = frozenset({"recall", "recalls", "recalled", "recalling"})
_AFTER_RECALL = frozenset({"that", "how", "when", "what", "why", ",", ":", ".", QUOTE})
# Likewise "the search continued for days", "posted a video" and "shared a photo" are no
# speech; "“...,” she continued", "the company posted: “...”" and "Lee shared on X:" are.
_AFTER_SPEECH_ONLY = {
    **dict.fromkeys(("continue", "continues", "continued"),
                    frozenset({",", ":", ".", QUOTE})),
    **dict.fromkeys(("posted", "shared"),
                    frozenset({",", ":", ".", QUOTE, "on", "in"})),
}


def _clauses(parse: SentenceParse) -> None:
    toks = parse.tokens
    clauses: list[Clause] = []
    for k, t in enumerate(toks):
        low = fold(t.text)
        if low == "according" and k + 2 < len(toks) and fold(toks[k + 1].text) == "to":
            ref = _ref_starting_at(parse, k + 2)
            clauses.append(Clause(parse.index, k, "according to", ref))
            continue
        if not _is_speech_verb(toks, k):
            continue
        if low in _RECALL and k + 1 < len(toks) and fold(toks[k + 1].text) not in _AFTER_RECALL:
            continue
        if low in _AFTER_SPEECH_ONLY and (
                (k + 1 < len(toks) and fold(toks[k + 1].text) not in _AFTER_SPEECH_ONLY[low])
                or (k and fold(toks[k - 1].text) == "to")):
            continue  # nor "expected the boom to continue, but added: “...”"
        prev = toks[k - 1] if k else None
        if low.endswith("ing"):
            clause = _participle(parse, k, low, clauses)
            if clause is not None:
                clauses.append(clause)
            continue
        subject, coordinated = _subject_before(parse, k)
        clause = Clause(parse.index, k, low, subject)
        if coordinated and clauses and not _subject_between(parse, clauses[-1].verb, k):
            clause.linked = clauses[-1]
        elif subject is None and (prev is None or prev.text in (",", QUOTE)):
            # Inverted order after a quote or clause: "..., said the minister, Ann Lee."
            clause.subject = _ref_starting_at(parse, k + 1)
        clauses.append(clause)
    parse.clauses = clauses


def parse_article(
    text: str, spans: Iterable[tuple[int, int]] | None = None
) -> tuple[SentenceParse, ...]:
    """Every sentence of the article read for who speaks in it, in order (index i is the
    article's sentence i). `spans`, the sentences' (start, end) when the caller has them already
    (an ArticleReading's), saves splitting the text again. `quote_at` points into
    `article_quotations(text)`."""
    quotes = article_quotations(text)
    index = SpanIndex((q.start, q.end) for q in quotes)
    parses = []
    found = sentences(text) if spans is None else [Sentence(a, b, text[a:b]) for a, b in spans]
    for i, sentence in enumerate(found):
        toks, quote_at = _masked_tokens(text, sentence, quotes, index)
        parse = SentenceParse(i, sentence, toks, quote_at)
        _references(parse, text)
        parse.subject = _sentence_subject(parse)
        _clauses(parse)
        parses.append(parse)
    return tuple(parses)
