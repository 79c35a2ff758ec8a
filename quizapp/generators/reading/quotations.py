"""Quoted words and whose they are. Each quotation is tied to the person or body the article names
for it, to an unnamed source ("a senior official"), or to nobody, with the passages that prove
the tie and show the speaker's full name; and the labels a speaker puts in quotation marks
("X called Y “a reckless gambler”").

The reading follows news English: a speech verb and its subject ("Lee said", "said Lee", "Lee, a
minister, warned", "the company said"), pronouns and titles pointing back to someone named, a
quote running over several paragraphs, a paragraph that is only a quote continuing the speaker of
the one before. "People close to the president said" is not the president. What the rules
cannot tie for sure stays unattributed."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.reading.articles import ArticleReading, Passage
from quizapp.generators.reading.names import (
    ORGANISATION,
    PERSON,
    Entities,
    Entity,
    name_tokens,
)
from quizapp.generators.reading.speech import (
    GENERIC_ROLES,
    NOUN_MARKERS,
    QUOTE,
    Clause,
    Quoted,
    Reference,
    SentenceParse,
    article_quotations,
    role_word,
)
from quizapp.generators.reading.text import fold, possessive_stripped, word_set, words

# A tie that takes more sentences than this to show is left out: a student could not follow it.
MAX_PROOF_SENTENCES = 5
# How many sentences back "he", "it" or "the company" may point.
LOOK_BACK = 3
MAX_LABEL_WORDS = 10  # a label is a phrase: “a reckless gamble”, “a big win for tax justice”
# A line with one of these is a photo's caption or credit, never a place to quote from.
_CAPTION = re.compile(
    r"\b(?:photo|image|picture|photograph)s?\s*(?:credit)?\s*:|\(AP Photo|\u00a9|"
    r"\bGetty Images\b|\bphoto credit\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quotation:
    """Quoted words and whose they are. `proof` ties the words to the speaker and shows the
    speaker's full name, in reading order (a sentence of another article when `named_elsewhere`
    names it)."""

    words: Passage  # the quoted words, without their marks
    speaker: str | None  # an Entity key; None when the text names nobody for them
    proof: tuple[Passage, ...]
    sentence: Passage  # the sentence, or sentences, the words stand in
    fragment: bool  # a few words set in the writer's own sentence, not a whole statement
    unnamed: str = ""  # "a senior Chilean official": a source the text does not name
    verb: str = ""  # "said", "told", "according to"...
    continued: bool = False  # a later paragraph of a quote running over several paragraphs
    weak: bool = False  # tied only by the paragraphs around it (a speaker named next)
    caption: bool = False  # in a photo's caption or credit
    named_elsewhere: str = ""  # the article whose sentence gives the full name, if not this one

    @property
    def article(self) -> str:
        return self.words.article

    @property
    def text(self) -> str:
        return self.words.text

    @property
    def word_count(self) -> int:
        return len(words(self.words.text))


@dataclass(frozen=True)
class Label:
    """A short quotation a speaker applies to something: "X called Y “label”", "X described Y as
    “label”", "a claim X dismissed as “label”"."""

    quotation: Quotation
    target: str  # what was labelled, as printed ("the council", "the claims")
    target_key: str  # folded, determiner dropped, singular
    determiner: str  # "a", "an", "the" or "" as printed before the label

    @property
    def speaker(self) -> str | None:
        return self.quotation.speaker


class Quotations:
    """Every quotation of the story and the labels among them, with lookups by speaker,
    article and words."""

    def __init__(
        self,
        quotations: tuple[Quotation, ...],
        labels: tuple[Label, ...],
        nearby: dict[str, list[tuple[int, int, frozenset[str]]]],
        entities: Entities | None = None,
    ) -> None:
        self.all = quotations
        self.labels = labels
        # Sorted by start, with the starts apart, so a lookup is a binary search.
        self._nearby = {a: sorted(spans) for a, spans in nearby.items()}
        self._nearby_starts = {a: [span[0] for span in spans] for a, spans in self._nearby.items()}
        self._plausible: dict[tuple, list[str]] = {}
        self._entities = entities
        self._together: dict[str, set[str]] | None = None  # who is named in a sentence with whom
        self._statement_speakers: frozenset[str] | None = None
        self._by_shingle: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._short: dict[str, set[int]] = defaultdict(set)  # first word -> one- or two-word quotes
        for i, quote in enumerate(quotations):
            for shingle in shingles(quote.text):
                self._by_shingle[shingle].add(i)
            short = [w for w in wording(quote.text) if w != ELLIPSIS]
            if 0 < len(short) < 3:
                self._short[short[0]].add(i)

    def by_speaker(self, key: str) -> tuple[Quotation, ...]:
        return tuple(q for q in self.all if q.speaker == key)

    def in_article(self, article_id: str) -> tuple[Quotation, ...]:
        return tuple(q for q in self.all if q.article == article_id)

    @property
    def quoted(self) -> tuple[str, ...]:
        """Keys of everyone the story quotes, in story order."""
        return tuple(dict.fromkeys(q.speaker for q in self.all if q.speaker and not q.caption))

    def printings(self, text: str) -> tuple[Quotation, ...]:
        """Every quotation of the story that prints the same statement as `text`, whole or cut,
        whoever it is credited to."""
        candidates: set[int] = set()
        for shingle in shingles(text):
            candidates |= self._by_shingle.get(shingle, set())
        # A quote of one or two words ("economic reality") has no run of three to share.
        for word in set(wording(text)):
            candidates |= self._short.get(word, set())
        return tuple(
            self.all[i] for i in sorted(candidates) if same_statement(text, self.all[i].text)
        )

    def credited_with(self, text: str) -> set[str]:
        """Keys of everyone any outlet credits with these words, or with words that hold them
        or nearly all of them (not merely a phrase in common: "get back to the table")."""
        return {q.speaker for q in self.printings(text) if q.speaker}

    def other_speakers(self, keys: set[str], text: str) -> list[str]:
        """Everyone else the story quotes, then everyone else it makes speak ("the union said
        it had warned the port"), who may be offered as not having said `text`: never one
        credited with these words anywhere, one the words name, an outlet, or one who may speak
        for a key or for whom a key may speak."""
        entities = self._entities
        if entities is None:
            return []
        credited = self.credited_with(text)
        named = set(name_tokens(text))
        # Beside those the story quotes, those it plainly makes speak ("said", "told"): "added"
        # or "replied" may be a goal, not a word.
        speaking = [
            e.key
            for e in entities.all
            if e.key not in self.quoted and e.verbs & _PLAIN_SPEECH and not self._beside(e, keys)
        ]
        found = []
        for key in (*self.quoted, *speaking):
            entity = entities.get(key)
            if key in keys or key in credited or entity is None or entity.outlet or entity.generic \
                    or not entities.whole_name(key):
                continue
            if any(set(name_tokens(form)) <= named for form in entity.forms):
                continue
            if any(entities.affiliated(key, k) for k in keys):
                continue
            found.append(key)
        return found

    def plausible_speakers(
        self, quote: Quotation, keys: set[str], any_kind: bool = False
    ) -> list[str]:
        """Others the story quotes who might have said the quote's words, so only its
        attribution tells: people for a person's words ("Amazon" is no speaker of a chief
        executive's memo; `any_kind` lets bodies follow), bodies first and then people for a
        body's. Never one credited with the words, named in them or in a sentence that prints them, nor one who speaks for any
        of those."""
        entities = self._entities
        speaker = entities.get(quote.speaker) if entities and quote.speaker else None
        if speaker is None:
            return []
        # The answer depends on the words, the speaker and the keys only: one statement printed
        # many times is worked out once.
        memo = (quote.text, quote.speaker, frozenset(keys), any_kind)
        if memo not in self._plausible:
            self._plausible[memo] = self._plausible_speakers(quote, speaker, keys, any_kind)
        return list(self._plausible[memo])

    def _plausible_speakers(self, quote: Quotation, speaker: Entity, keys: set[str],
                            any_kind: bool) -> list[str]:
        entities = self._entities
        named: set[str] = set()
        seen_words: set[frozenset[str]] = set()
        for printing in (quote, *self.printings(quote.text)):
            named |= self.speakers_near(
                printing.article, printing.sentence.start, printing.sentence.end
            )
            words = frozenset(name_tokens(printing.text))
            if words not in seen_words:
                seen_words.add(words)
                named |= {e.key for e in entities.all if e.key not in keys and _named_by(words, e)}
        found = [
            k
            for k in self.other_speakers(keys, quote.text)
            if k not in named
            and (any_kind or speaker.kind != PERSON or entities.get(k).kind == PERSON)
            and not any(entities.affiliated(k, n) for n in named - keys)
        ]
        return sorted(found, key=lambda k: entities.get(k).kind != speaker.kind)

    def statement_speakers(self, min_words: int = 4) -> frozenset[str]:
        """Speakers with a statement of their own (`min_words` words or more, not a label they
        applied, not in a caption) that two others might have said: "Who said ...?" asks about
        them, so their labels need not."""
        if self._statement_speakers is None:
            labels = {(lab.quotation.article, lab.quotation.words.start) for lab in self.labels}
            found = set()
            for quote in self.all:
                if quote.speaker in found or not quote.speaker or not quote.proof \
                        or quote.caption or quote.word_count < min_words \
                        or (quote.article, quote.words.start) in labels:
                    continue
                if len(self.plausible_speakers(quote, {quote.speaker})) >= 2:
                    found.add(quote.speaker)
            self._statement_speakers = frozenset(found)
        return self._statement_speakers

    def _beside(self, entity: Entity, keys: set[str]) -> bool:
        """Whether a sentence names the entity beside one of `keys`: a body named with a speaker
        ("Lee said in a statement from the Clinic") may be the speaker's own."""
        if self._together is None:
            together: dict[str, set[str]] = defaultdict(set)
            for spans in self._nearby.values():
                for _, _, found in spans:
                    for key in found:
                        together[key] |= found
            self._together = together
        return bool(self._together.get(entity.key, set()) & keys)

    def speakers_near(self, article_id: str, start: int, end: int) -> frozenset[str]:
        """Keys of the speakers that the sentences around text[start:end] name or point to."""
        found: set[str] = set()
        spans = self._nearby.get(article_id, ())
        # Spans are an article's sentences, in order and apart: walk back from the last one that
        # starts before `end` until one ends before `start`.
        for i in range(bisect_left(self._nearby_starts.get(article_id, []), end) - 1, -1, -1):
            _, s_end, keys = spans[i]
            if s_end <= start:
                break
            found |= keys
        return frozenset(found)


def _named_by(words: set[str], entity: Entity) -> bool:
    """Whether a text whose name words are `words` names the entity by one of its forms."""
    return any(name_tokens(form) and set(name_tokens(form)) <= words for form in entity.forms)


_PLAIN_SPEECH = frozenset({"said", "says", "say", "told", "tells", "tell", "stated", "states"})


# --- comparing wordings -------------------------------------------------------------------------

_CONTRACTIONS = (
    (r"\bcan't\b", "can not"),
    (r"\bwon't\b", "will not"),
    (r"n't\b", " not"),
    (r"'ve\b", " have"),
    (r"'re\b", " are"),
    (r"'m\b", " am"),
    (r"'ll\b", " will"),
    (r"'d\b", " would"),
    (r"\b(it|that|there|here|what|he|she|who|where)'s\b", r"\1 is"),
)
ELLIPSIS = "\u2026"


@lru_cache(maxsize=8192)
def wording(text: str) -> tuple[str, ...]:
    """The words of a quotation as a reader compares renderings: case, quote marks, hyphens and
    contractions aside ("I've" = "I have", "hardest-hit" = "hardest hit", "per cent" = "%"),
    with a cut marked by an ellipsis kept as "…"."""
    text = fold(text).replace("\u00b4", "'").replace("...", ELLIPSIS)
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"\bper cent\b|%", " percent", text).replace("-", " ")
    return tuple(re.findall(r"[^\W_]+(?:'[^\W_]+)?|\u2026", text))


def shingles(text: str) -> set[tuple[str, ...]]:
    """The runs of three words of a quotation (all its words when it has fewer): two printings of
    one statement share some, so only those need comparing."""
    found = [w for w in wording(text) if w != ELLIPSIS]
    if len(found) < 3:
        return {tuple(found)} if found else set()
    return {tuple(found[i : i + 3]) for i in range(len(found) - 2)}


@lru_cache(maxsize=16384)
def same_remark(a: str, b: str) -> bool:
    """Whether two quotations render one remark, in the same or other words: they share most
    of the shorter one's words in order (half, four words at least), as two outlets'
    translations of one sentence do ("will not go away by itself" / "is not going away")."""
    if same_statement(a, b):
        return True
    wa, wb = [w for w in wording(a) if w != ELLIPSIS], [w for w in wording(b) if w != ELLIPSIS]
    if min(len(wa), len(wb)) < 4:
        return False
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= max(4, 0.5 * min(len(wa), len(wb)))


@lru_cache(maxsize=16384)
def same_statement(a: str, b: str) -> bool:
    """Whether two quotations print the same statement, whole or cut: one holds the other's
    words in order, or they share most of them (nine in ten of the shorter)."""
    wa, wb = [w for w in wording(a) if w != ELLIPSIS], [w for w in wording(b) if w != ELLIPSIS]
    if not wa or not wb:
        return False
    short, long = sorted((wa, wb), key=len)
    if " ".join(short) in " ".join(long):
        return True
    matcher = difflib.SequenceMatcher(None, short, long, autojunk=False)
    return (
        sum(block.size for block in matcher.get_matching_blocks()) >= 0.9 * len(short)
        and len(short) >= 4
    )


# --- reading a story -----------------------------------------------------------------------------


def read_quotations(model) -> Quotations:
    entities: Entities = model.entities
    found: list[Quotation] = []
    labels: list[Label] = []
    nearby: dict[str, list] = {}
    for reading in model.articles:
        parses = entities.parses(reading.id)
        _resolve(parses)
        article = _ArticleQuotes(reading, parses, entities)
        quotes = article.read()
        found.extend(quotes)
        labels.extend(article.labels(quotes))
        nearby[reading.id] = [
            (
                p.sentence.start,
                p.sentence.end,
                frozenset(r.speaker.key for r in p.references if r.speaker),
            )
            for p in parses
        ]
    naming: dict[tuple, Passage | None] = {}
    found = [_named_in_full(q, model, entities, naming) for q in found]
    # A speaker read as "Rev" or "Reilly" is no one a question may name: the words stay unowned.
    found = [q if q.speaker is None or entities.whole_name(q.speaker) else _unattributed(q)
             for q in found]
    by_place = {(q.article, q.words.start): q for q in found}
    labels = [
        Label(
            by_place.get((label.quotation.article, label.quotation.words.start), label.quotation),
            label.target,
            label.target_key,
            label.determiner,
        )
        for label in labels
    ]
    return Quotations(tuple(found), tuple(labels), nearby, entities)


# --- who each reference is ----------------------------------------------------------------------


def _resolve(parses: tuple[SentenceParse, ...]) -> None:
    """Ties each reference to an entity, in reading order, so pronouns, titles and "the
    company" can point back to someone already named. Names were tied by names.py."""
    roles_given: dict[str, dict[str, int]] = {}  # entity key -> role word -> latest sentence
    genders: dict[str, set[str]] = {}  # entity key -> the pronouns ("he", "she") used for them
    resolved: list[Reference] = []
    for parse in parses:
        subjects = {id(c.speaker_reference()) for c in parse.clauses}
        for ref in parse.references:
            if ref.form == "name":
                ref.anchor = parse.index
                if ref.speaker is not None:
                    given = roles_given.setdefault(ref.speaker.key, {})
                    for role in ref.roles:
                        given[role] = parse.index
            elif ref.form == "pronoun" and ref.neuter:
                _resolve_to_body(ref, parse, resolved, "")
            elif ref.form == "pronoun":
                _resolve_pronoun(ref, parse, resolved, genders)
            elif ref.form == "body" and id(ref) in subjects:
                _resolve_to_body(ref, parse, resolved, next(iter(ref.roles), ""))
            elif ref.form == "role" and ref.definite:
                _resolve_role(ref, parse, resolved, roles_given)
            resolved.append(ref)


def _window(
    resolved: list[Reference], parse: SentenceParse, ref: Reference, test
) -> list[Reference]:
    """The references passing `test` in the nearest sentence that has any, this one (before
    `ref`) or up to LOOK_BACK sentences back."""
    for back in range(LOOK_BACK + 1):
        sentence = parse.index - back
        found = [
            r
            for r in resolved
            if r.sentence == sentence and test(r) and (back or r.last < ref.first)
        ]
        if found:
            return found
    return []


def _resolve_pronoun(ref: Reference, parse: SentenceParse, resolved: list[Reference],
                     genders: dict[str, set[str]]) -> None:
    """ "He said": the one person the nearest sentence naming people names, if it names one,
    and no earlier "she" for a "he" (or the reverse) says it is someone else."""
    described = _described(resolved, parse.index)
    candidates = _window(
        resolved, parse, ref,
        lambda r: r.is_person_like and not r.plural and id(r) not in described,
    )
    keys = {c.speaker.key if c.speaker else id(c) for c in candidates}
    gender = _GENDER.get(fold(parse.tokens[ref.first].text), "")
    if (
        len(keys) == 1
        and candidates[0].speaker is not None
        and candidates[0].speaker.kind == PERSON
        and not genders.get(candidates[0].speaker.key, set()) - {gender}
    ):
        if gender:
            genders.setdefault(candidates[0].speaker.key, set()).add(gender)
        ref.speaker = candidates[0].speaker
        ref.anchor = min(c.anchor for c in candidates)
        ref.support = tuple(sorted({s for c in candidates for s in c.support}))


_GENDER = {"he": "he", "him": "he", "she": "she", "her": "she"}


def _described(resolved: list[Reference], since: int) -> set[int]:
    """ids of the role words that only describe a person named beside them, in the last
    LOOK_BACK sentences: the title in "Maryland Gov. Wes Moore", the appositive in "Ann Lee,
    vice president of Lee Builders,". They are that person, not someone else a "he" could be."""
    named = [r for r in resolved if r.form == "name" and r.speaker is not None
             and since - r.sentence <= LOOK_BACK]
    return {
        id(r)
        for r in resolved
        if r.form == "role" and r.speaker is None and since - r.sentence <= LOOK_BACK
        and (r.in_appositive or any(n.sentence == r.sentence and n.first <= r.last + 1
                                    and r.first <= n.last for n in named))
    }


def _many(ref: Reference) -> bool:
    """Whether the reference is to several people: "they", "officials", "Officials"."""
    last = ref.title.split()[-1] if ref.form == "role" and ref.title else ""
    return ref.plural or bool(last) and role_word(last) not in (None, fold(last).rstrip("."))


def _is_body(ref: Reference) -> bool:
    return ref.speaker is not None and ref.speaker.kind == ORGANISATION


def _resolve_to_body(
    ref: Reference, parse: SentenceParse, resolved: list[Reference], noun: str
) -> None:
    """ "It said", "the planemaker said", "the court said": the body named last, preferring one
    whose name holds the noun ("the court": the Court of Justice), then one that spoke."""
    candidates = _window(resolved, parse, ref, _is_body)
    if noun:
        named = [c for c in candidates if noun in c.speaker.words()]
        candidates = named or candidates
        if not named:
            # "The court said" long after the article named its only court.
            earlier = {
                r.speaker.key: r for r in resolved if _is_body(r) and noun in r.speaker.words()
            }
            if len(earlier) == 1:
                candidates = list(earlier.values())
    keys = {c.speaker.key for c in candidates}
    if len(keys) > 1:
        speaking = [c for c in candidates if c.speaker.speaks and c.sentence != parse.index]
        keys = {c.speaker.key for c in speaking}
        candidates = speaking
    if len(keys) == 1:
        ref.speaker = candidates[0].speaker
        ref.anchor = min(c.anchor for c in candidates)
        ref.support = ()


def _resolve_role(
    ref: Reference,
    parse: SentenceParse,
    resolved: list[Reference],
    roles_given: dict[str, dict[str, int]],
) -> None:
    """ "The spokesperson said": the most recent person mentioned, if the article has given that
    person this role (any role, for a generic word like "official") and nobody else nearby
    holds it."""
    role = next(iter(ref.roles), "")
    window = [r for r in resolved if r.is_person_like and parse.index - r.sentence <= LOOK_BACK + 1]
    if not window or not _resolve_to_near_holder(ref, parse, window, role, roles_given):
        _resolve_to_only_holder(ref, parse, resolved, role, roles_given)


def _resolve_to_only_holder(ref: Reference, parse: SentenceParse, resolved: list[Reference],
                            role: str, roles_given: dict[str, dict[str, int]]) -> None:
    """ "Said the governor" far from the name: the one person the article has named with that
    role ("Maryland Governor Ann Lee"), when it speaks of no other holder of it (no "governors",
    no governor left unnamed) and no one else is spoken of just before ("He stated ... “...,”
    the diplomat said" is whoever "he" is). A generic word ("official") is too loose for this."""
    if role in GENERIC_ROLES:
        return
    holders = {key: given[role] for key, given in roles_given.items() if role in given}
    if len(holders) != 1:
        return
    (key, since), = holders.items()
    described = _described(resolved, parse.index)
    nearest = _window(resolved, parse, ref, lambda r: r.is_person_like and id(r) not in described)
    if any(not _many(r) and (r.speaker is None or r.speaker.key != key) for r in nearest):
        return
    named = [r for r in resolved if r.form == "name" and r.speaker is not None
             and r.speaker.key == key]
    for r in resolved:
        if role in r.roles and (r.speaker is None or r.speaker.key != key) and not any(
                n.sentence == r.sentence and n.first <= r.last + 1 and r.first <= n.last
                for n in named):
            return  # another governor, or a title the reading could not put a name to
    holder = next(r for r in reversed(named) if r.sentence == since)
    ref.speaker = holder.speaker
    ref.anchor = parse.index
    ref.support = tuple(sorted({*holder.support, since}))


def _resolve_to_near_holder(ref: Reference, parse: SentenceParse, window: list[Reference],
                            role: str, roles_given: dict[str, dict[str, int]]) -> bool:
    """_resolve_role's reading of the few sentences before; whether it found the speaker."""
    latest = window[-1]
    if latest.speaker is None or latest.speaker.kind != PERSON:
        return False
    given = roles_given.get(latest.speaker.key, {})
    if role in GENERIC_ROLES:
        if not given:
            return False
        since = min(given.values())
    elif role in given:
        since = given[role]
    else:
        return False
    rivals = {
        r.speaker.key if r.speaker else id(r)
        for r in window
        if r.sentence >= parse.index - 1
        and (r.speaker is None or r.speaker.key != latest.speaker.key)
        and (role in r.roles)
    }
    if rivals:
        return True  # someone else nearby holds the role: no guessing further back either
    ref.speaker = latest.speaker
    ref.anchor = latest.anchor
    ref.support = tuple(sorted({*latest.support, since}))
    return True


# --- which quotation is whose -------------------------------------------------------------------


@dataclass
class _Tie:
    speaker: Entity | None
    first: int  # first sentence of the passage that proves the tie
    last: int  # its last sentence
    support: tuple[int, ...] = ()  # earlier sentences also needed
    verb: str = ""
    unnamed: str = ""
    weak: bool = False
    run_on: bool = False  # a later paragraph of a long quote: `support` is its introduction


class _ArticleQuotes:
    """One article's quotations and whose they are."""

    def __init__(
        self, reading: ArticleReading, parses: tuple[SentenceParse, ...], entities: Entities
    ) -> None:
        self.reading = reading
        self.parses = parses
        self.quotes = article_quotations(reading.text)
        self.where: dict[int, list[tuple[int, int]]] = defaultdict(
            list
        )  # quote -> [(sentence, token)]
        for parse in parses:
            for k, qi in parse.quote_at.items():
                self.where[qi].append((parse.index, k))
        self.ties: dict[int, _Tie] = {}

    def read(self) -> list[Quotation]:
        for qi in range(len(self.quotes)):
            if qi in self.where:
                self.ties[qi] = self._tie(qi)
        self._run_on()
        return [self._quotation(qi) for qi in sorted(self.ties)]

    # A quotation's tie, from the clause beside it or the quotes and paragraphs around it.
    def _tie(self, qi: int) -> _Tie:
        s_open, k_open = self.where[qi][0]
        s_close, k_close = self.where[qi][-1]
        clause = _clause_for_quote(self.parses[s_open], k_open, self.parses[s_close], k_close)
        if clause is not None:
            return self._clause_tie(clause, s_open, s_close)
        if self._only_quotes(s_open) and self._only_quotes(s_close):
            return self._tie_around(qi, s_open, s_close) or _Tie(None, s_open, s_close)
        return _Tie(None, s_open, s_close)

    def _clause_tie(self, clause: Clause, s_open: int, s_close: int) -> _Tie:
        ref = clause.speaker_reference()
        speaker = ref.speaker if ref is not None else None
        anchor = ref.anchor if ref is not None and ref.anchor >= 0 and speaker else clause.sentence
        first = min(s_open, anchor, clause.sentence)
        last = max(s_close, clause.sentence)
        support = tuple(i for i in (ref.support if ref is not None else ()) if i < first)
        unnamed = ref.title if ref is not None and ref.unnamed and speaker is None else ""
        return _Tie(speaker, first, last, support, clause.verb_text, unnamed)

    def _only_quotes(self, sentence: int) -> bool:
        return all(not t.is_word or t.text == QUOTE for t in self.parses[sentence].tokens) and any(
            t.text == QUOTE for t in self.parses[sentence].tokens
        )

    def _paragraph(self, sentence: int) -> int:
        return (
            self.reading.sentences[sentence].paragraph
            if sentence < len(self.reading.sentences)
            else -1
        )

    def _tie_around(self, qi: int, s_open: int, s_close: int) -> _Tie | None:
        """A sentence that is only a quote: it continues the quote just before it in the same
        paragraph, or, opening a paragraph that is only quotes, the speaker of the paragraph
        before (whose last sentence quotes or introduces someone), or failing that the speaker
        the next paragraph opens with."""
        if s_open == 0:
            return None
        previous = self._tie_before(s_open)
        if previous is not None:
            return self._unless_named(qi, self._going_on(previous, s_open, s_close))
        paragraph = self._paragraph(s_open)
        same_para = [s for s in range(s_open, len(self.parses)) if self._paragraph(s) == paragraph]
        if (
            all(self._only_quotes(s) for s in same_para)
            and self._paragraph(s_open - 1) != paragraph
        ):
            return self._unless_named(qi, self._tie_after(same_para[-1] + 1, s_open))
        return None

    def _unless_named(self, qi: int, tie: _Tie | None) -> _Tie | None:
        """The tie the paragraphs around give a quote, unless its words name that speaker
        ("Greg got a text from Ilya"): people seldom speak of themselves by name, so the words
        are more likely someone else's, set after a paragraph about the one they name."""
        if tie is None or tie.speaker is None or tie.speaker.kind != PERSON:
            return tie
        if _named_by(set(name_tokens(self.quotes[qi].text)), tie.speaker):
            return None
        return tie

    def _tie_before(self, s_open: int) -> _Tie | None:
        prev = self.parses[s_open - 1]
        earlier = [t for qi, t in self.ties.items() if self.where[qi][-1][0] == s_open - 1]
        new_paragraph = self._paragraph(s_open - 1) != self._paragraph(s_open)
        if earlier and earlier[-1].speaker is not None:
            return earlier[-1]
        if earlier:
            return None
        # "Ives says the cuts were unavoidable." or "Lee said:", then the quote.
        if (
            prev.clauses
            and not prev.quote_at
            and (new_paragraph or prev.sentence.text.rstrip().endswith(":"))
        ):
            speaking = [(c, c.speaker_reference()) for c in prev.clauses]
            speaking = [(c, r) for c, r in speaking if r is not None and r.speaker is not None]
            if len({r.speaker.key for _, r in speaking}) == 1:
                clause, ref = speaking[0]
                return _Tie(
                    ref.speaker,
                    min(ref.anchor, prev.index),
                    prev.index,
                    tuple(i for i in ref.support if i < prev.index),
                    clause.verb_text,
                )
        return None

    def _tie_after(self, s_next: int, s_open: int) -> _Tie | None:
        """ "“Quote.” / Lee, the mayor, said the town would rebuild.": a quote alone in its
        paragraph, and the next paragraph opening with a named speaker and a speech verb."""
        if s_next >= len(self.parses):
            return None
        nxt = self.parses[s_next]
        if nxt.quote_at or not nxt.clauses:
            return None
        ref = nxt.clauses[0].speaker_reference()
        if ref is None or ref.form != "name" or ref.speaker is None or ref.first > 1:
            return None
        return _Tie(ref.speaker, s_open, s_next, (), nxt.clauses[0].verb_text, weak=True)

    def _run_on(self) -> None:
        """A quote left open at its paragraph's end runs on into the next paragraph's opening
        quote: both are the same speaker's."""
        for qi, quote in enumerate(self.quotes):
            nxt = qi + 1
            if quote.closed or nxt not in self.ties or qi not in self.ties:
                continue
            if not self._opens_paragraph(self.quotes[nxt]) or self._paragraph(
                    self.where[nxt][0][0]) != self._paragraph(self.where[qi][-1][0]) + 1:
                continue  # it goes on in the very next paragraph, not after one without marks
            first, second = self.ties[qi], self.ties[nxt]
            if first.speaker is not None and second.speaker is None:
                going_on = self._going_on(first, self.where[nxt][0][0], self.where[nxt][-1][0])
                self.ties[nxt] = self._unless_named(nxt, going_on) or second
            elif second.speaker is not None and first.speaker is None:
                self.ties[qi] = _Tie(
                    second.speaker,
                    min(second.first, self.where[qi][0][0]),
                    second.last,
                    second.support,
                    second.verb,
                )

    def _going_on(self, first: _Tie, s_open: int, s_close: int) -> _Tie:
        """The tie of quoted words in sentences s_open..s_close that go on with the quote tied
        by `first`. When the run from `first`'s proof is too long to show, they are proven by
        the sentences that introduce the quote and by their own, the paragraphs between taken on
        trust (a quote left open goes on), so the tie is weak."""
        if not first.run_on and s_close - first.first + 1 <= MAX_PROOF_SENTENCES:
            return _Tie(first.speaker, first.first, s_close, first.support, first.verb)
        intro = first.support if first.run_on else tuple(sorted({
            *first.support,
            *(i for i in range(first.first, first.last + 1) if not self._only_quotes(i)),
        }))
        if len(intro) > 2:
            return _Tie(None, s_open, s_close)
        return _Tie(first.speaker, s_open, s_close, intro, first.verb, weak=True, run_on=True)

    def _opens_paragraph(self, quote: Quoted) -> bool:
        text = self.reading.text
        line_start = text.rfind("\n", 0, quote.start) + 1
        return not text[line_start : quote.start].strip()

    def _quotation(self, qi: int) -> Quotation:
        quote, tie = self.quotes[qi], self.ties[qi]
        s_open, s_close = self.where[qi][0][0], self.where[qi][-1][0]
        sentences = self.reading.sentences
        speaker = tie.speaker
        if speaker is not None and (
            tie.last - tie.first + 1 > MAX_PROOF_SENTENCES or len(tie.support) > 2
        ):
            speaker = None  # too far to show a student
        proof = tuple(sentences[i] for i in tie.support) + tuple(
            sentences[i] for i in range(tie.first, tie.last + 1)
        )
        sentence = self.reading.passage(sentences[s_open].start, sentences[s_close].end)
        continued = qi > 0 and not self.quotes[qi - 1].closed and self._opens_paragraph(quote)
        return Quotation(
            words=self.reading.passage(quote.inner_start, quote.inner_end),
            speaker=speaker.key if speaker is not None else None,
            proof=tuple(Passage(p.article, p.start, p.end, p.text) for p in proof),
            sentence=sentence,
            fragment=self._is_fragment(quote, s_open),
            unnamed=tie.unnamed,
            verb=tie.verb,
            continued=continued,
            weak=tie.weak,
            caption=self._in_caption(s_open),
        )

    def _is_fragment(self, quote: Quoted, s_open: int) -> bool:
        """Words set inside the writer's own sentence ("called the claims “unfounded”"), not a
        statement quoted whole: the quote does not open its sentence, nor follow a colon or a
        comma, or it starts in lower case."""
        inner = self.reading.text[quote.inner_start : quote.inner_end]
        if not inner[:1].isupper() and not inner[:1].isdigit():
            return True
        start = self.reading.sentences[s_open].start
        before = self.reading.text[start : quote.start].rstrip()
        return bool(before) and not before.endswith((":", ","))

    def _in_caption(self, sentence: int) -> bool:
        found = self.reading.sentences[sentence]
        paragraph = (
            self.reading.paragraphs[found.paragraph]
            if found.paragraph < len(self.reading.paragraphs)
            else found
        )
        return found.role in ("caption", "credit", "headline") or bool(
            _CAPTION.search(paragraph.text)
        )

    # Labels: short quotes a speaker applies to something.
    def labels(self, quotes: list[Quotation]) -> list[Label]:
        found = []
        by_start = {q.words.start: q for q in quotes}
        for qi, quote in enumerate(self.quotes):
            tie = self.ties.get(qi)
            q = by_start.get(quote.inner_start)
            if tie is None or q is None or q.speaker is None or q.word_count > MAX_LABEL_WORDS:
                continue
            s_open, k_open = self.where[qi][0]
            if self.where[qi][-1][0] != s_open:
                continue
            label = _label_for(q, self.parses[s_open], k_open, self.reading.text)
            if label is not None:
                found.append(label)
        return found


def _clause_for_quote(
    open_parse: SentenceParse, k_open: int, close_parse: SentenceParse, k_close: int
) -> Clause | None:
    """The speech clause that attributes the quote: the last one before it in its sentence
    ("Lee said: “...”", "Lee said the cuts span “...” and followed a “...”"), or one right after
    it ("“...,” Lee said"). A quote set right after another quote belongs to a clause after it
    if there is one ("Google said ... “six months...” “As a company ...,” Pichai said"), else it
    goes on with the clause before ("Lee said: “...” “...”")."""
    toks = open_parse.tokens
    before = [c for c in open_parse.clauses if c.verb < k_open]
    adjacent = False
    if before and any(t.is_word for t in toks[:k_open]):
        between = toks[before[-1].verb:k_open]
        quoted = [i for i, t in enumerate(between) if t.text == QUOTE]
        adjacent = bool(quoted) and not any(t.is_word for t in between[quoted[-1] + 1:])
        if not adjacent:
            return before[-1]
    after = _clause_after(close_parse, k_close)
    if after is not None or not adjacent:
        return after
    return before[-1]


def _clause_after(close_parse: SentenceParse, k_close: int) -> Clause | None:
    """A clause right after the quote: "“...,” Lee said", "..., Lee said."."""
    toks = close_parse.tokens
    for clause in close_parse.clauses:
        if clause.verb <= k_close:
            continue
        if any(t.text == QUOTE for t in toks[k_close + 1:clause.verb]):
            return None
        subject = clause.subject
        starts = subject.first if subject is not None and subject.first > k_close else clause.verb
        lead = min(clause.verb, starts)
        gap = toks[k_close + 1:lead + 1]  # with the subject's first word, which may end a title
        if _title_gap(gap):
            # right after the quote: “...,” Lee said; “...,” US Senator Lee told; “...,”
            # 77-year-old Lula said; “...,” da Silva said
            return clause
        if lead - 1 >= 0 and toks[lead - 1].text == ",":
            return clause  # closing the sentence: ... “label” of them, Lee said.
        return None
    return None


def _title_gap(gap) -> bool:
    """What may stand between a closing quote and its speaker: a comma, an age, a title ("US
    Senator", "Alphabet and Google CEO"), a particle ("da Silva") — no new sentence or clause."""
    found = [t for t in gap if t.is_word]
    if len(found) > 5 or any(t.text in (":", ".", ";", "!", "?") for t in gap[:-1]):
        return False
    for i, t in enumerate(found):
        low = fold(t.text)
        if (
            low == "and"
            and 0 < i < len(found) - 1
            and found[i - 1].is_capitalised
            and found[i + 1].is_capitalised
        ):
            continue
        if low in _CLAUSE_WORDS:
            return False
    return True


# Words that open a clause of their own: a quote they follow is not the next subject's.
_CLAUSE_WORDS = frozenset({"and", "but", "or", "while", "as", "when", "after", "before", "because",
                           "since", "then", "that", "which", "who", "where", "if", "although"})


# --- the full name ------------------------------------------------------------------------------


def _names_in_full(entity: Entity, text: str) -> bool:
    """Whether `text` prints the entity's name in full (a person's two words or more, or any
    name of a body), as a whole word."""
    folded = fold(text)
    for form in entity.full_forms():
        if re.search(r"(?<!\w)" + re.escape(fold(form)) + r"(?!\w)", folded):
            return True
    return False


def _ties_words(entity: Entity, text: str) -> bool:
    """Whether `text` names the entity at least by a word of its name or a role it holds."""
    tokens = set(name_tokens(text))
    return bool(tokens & entity.words()) or any(
        fold(r) in fold(text) for r in entity.roles if len(r) > 3
    )


def _named_in_full(quote: Quotation, model, entities: Entities,
                   naming: dict[tuple, Passage | None]) -> Quotation:
    """The quotation with proof that names its speaker in full: its own passages if they do;
    else with the sentence where the article first names the speaker in full; else with a
    sentence of another article that names them in full by the same words. With none of these
    it is left unattributed: nothing would show a student who spoke."""
    entity = entities.get(quote.speaker) if quote.speaker else None
    if quote.speaker is None:
        return quote
    if entity is None:
        return _unattributed(quote)
    shown = " ".join(p.text for p in quote.proof)
    if _names_in_full(entity, shown):
        return quote
    reading = model.article(quote.article)
    first = min(p.start for p in quote.proof)
    # The article's first sentence naming the speaker in full, if it comes before the quote.
    intro = _first_naming(naming, reading, entity, "any", lambda s: True)
    if intro is not None and intro.start < first:
        return _with_proof(quote, (intro, *quote.proof), "")
    if not _ties_words(entity, shown) or not set(name_tokens(shown)) & entity.words():
        return _unattributed(quote)
    for other in model.articles:
        if other.id != quote.article:
            extra = _first_naming(naming, other, entity, "tied",
                                  lambda s: _ties_words(entity, s.text))
            if extra is not None:
                return _with_proof(quote, (*quote.proof, extra), other.id)
    return _unattributed(quote)


def _first_naming(naming: dict[tuple, Passage | None], reading: ArticleReading, entity: Entity,
                  which: str, wanted) -> Passage | None:
    """_naming_sentence, looked for once per article, entity and test (`which` names the test),
    however many of the speaker's quotes ask: each search reads the article from its start."""
    key = (which, reading.id, entity.key)
    if key not in naming:
        naming[key] = _naming_sentence(reading, entity, wanted)
    return naming[key]


def _naming_sentence(reading: ArticleReading, entity: Entity, wanted) -> Passage | None:
    """The first sentence of the article's report (not a headline or caption) naming the
    entity in full, of those `wanted` accepts."""
    for sentence in reading.sentences:
        if sentence.role == "prose" and wanted(sentence) and not _caption_line(reading, sentence) \
                and _names_in_full(entity, sentence.text):
            return Passage(sentence.article, sentence.start, sentence.end, sentence.text)
    return None


def _caption_line(reading: ArticleReading, sentence) -> bool:
    """Whether the sentence stands in a photo's caption or credit line."""
    return bool(_CAPTION.search(reading.paragraphs[sentence.paragraph].text))


def _with_proof(quote: Quotation, proof: tuple[Passage, ...], elsewhere: str) -> Quotation:
    return Quotation(
        quote.words,
        quote.speaker,
        proof,
        quote.sentence,
        quote.fragment,
        quote.unnamed,
        quote.verb,
        quote.continued,
        quote.weak,
        quote.caption,
        elsewhere,
    )


def _unattributed(quote: Quotation) -> Quotation:
    return Quotation(
        quote.words,
        None,
        (),
        quote.sentence,
        quote.fragment,
        quote.unnamed,
        quote.verb,
        quote.continued,
        quote.weak,
        quote.caption,
    )


# --- labels -------------------------------------------------------------------------------------

_TARGET_STOP = frozenset({",", ";", ":", "(", ")", QUOTE})
_PRONOUN_TARGETS = frozenset({"it", "them", "this", "that", "these", "those", "him", "her", "us",
                              "me", "you", "which", "what"})


def _label_for(quote: Quotation, parse: SentenceParse, k: int, text: str) -> Label | None:
    """A short quotation that its speaker applies to something: "X called Y a “label”", "X
    described Y as “label”", "a claim X dismissed as “label”"."""
    toks = parse.tokens
    clause = next((c for c in reversed(parse.clauses) if c.verb < k), None)
    if clause is None or clause.verb_text not in word_set("label_verbs"):
        return None
    j = k - 1
    determiner = ""
    if j > clause.verb and fold(toks[j].text) in ("a", "an", "the"):
        determiner = fold(toks[j].text)
        j -= 1
    has_as = j > clause.verb and fold(toks[j].text) == "as"
    if has_as:
        j -= 1
    if clause.verb_text.startswith("dismiss") and not has_as:
        return None
    target_tokens = _without_relative(toks[clause.verb + 1 : j + 1]) or _target_before(
        clause, toks, has_as
    )
    if (
        not target_tokens
        or len(target_tokens) > 10
        or any(t.text in _TARGET_STOP for t in target_tokens)
    ):
        return None
    if any(
        fold(t.text) in word_set("speech_verbs")
        and i
        and fold(target_tokens[i - 1].text) not in NOUN_MARKERS
        for i, t in enumerate(target_tokens)
    ):
        return None  # a second verb: the quote is not what the speaker called the target
    if len(target_tokens) == 1 and fold(target_tokens[0].text) in _PRONOUN_TARGETS:
        return None
    return _label(quote, target_tokens, determiner, text)


def _without_relative(target_tokens: list) -> list:
    """ "Vestager, who led the campaign, as the “tax lady”": what was labelled, without the
    clause that describes it."""
    for i, token in enumerate(target_tokens):
        if (
            token.text == ","
            and i + 1 < len(target_tokens)
            and fold(target_tokens[i + 1].text) in ("who", "which", "whose")
        ):
            return target_tokens[:i]
    return target_tokens


def _target_before(clause: Clause, toks, has_as: bool) -> list:
    """ "a claim X dismissed as “label”": the thing labelled comes before the speaker."""
    if not has_as or clause.subject is None:
        return []
    f = clause.subject.first
    lead = f - 1
    while (
        lead >= 0
        and f - lead <= 3
        and toks[lead].is_word
        and fold(toks[lead].text) not in ("a", "an", "the")
    ):
        lead -= 1
    if lead < 0 or fold(toks[lead].text) not in ("a", "an", "the") or lead == f - 1:
        return []
    return toks[lead:f]


def _label(quote: Quotation, target_tokens, determiner: str, text: str) -> Label | None:
    target = text[target_tokens[0].start : target_tokens[-1].end]
    key_words = [fold(possessive_stripped(t.text)) for t in target_tokens if t.is_word]
    if key_words and key_words[0] in ("a", "an", "the"):
        key_words = key_words[1:]
        if fold(target_tokens[0].text) in ("a", "an"):
            target = "the " + text[target_tokens[1].start : target_tokens[-1].end]
    if not key_words:
        return None
    last = key_words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        key_words[-1] = last[:-1]
    return Label(quote, target, " ".join(key_words), determiner)
