"""Who speaks in a story: each quotation and label tied to the person or organisation the
articles name for it, with the span of sentences that proves the tie.

Reading is by general rules of news English: a speech verb and its subject ("Lee said",
"said Lee", "Lee, a minister, warned", "the spokesperson claimed"), pronouns and role words
pointing back to a named person, and quotes continued after their attribution. Anything the
rules cannot tie with confidence stays unattributed.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.model import Story
from quizapp.generators.reading.speech import (
    GENERIC_ROLES, NOUN_MARKERS, QUOTE, ROLES, Clause, Reference, SentenceParse, is_appositive,
    parse_article,
)
from quizapp.generators.reading.text import (
    Quotation, contains_word, find_all, fold, possessive_stripped, quotations, sentence_at, sentences,
    word_list, word_set, words,
)

_MAX_EVIDENCE_SENTENCES = 6
MAX_LABEL_WORDS = 6  # a label is a short phrase: “a reckless gamble”, “the architect of this crisis”

# --- speakers ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Speaker:
    key: str  # folded canonical name: one speaker, however the outlets spell or shorten it
    name: str  # the fullest name, as most outlets write it
    kind: str  # "person" or "organisation"
    spellings: tuple[str, ...]  # every full name the story uses for this speaker
    short_names: tuple[str, ...] = ()  # surnames that stand for the person alone
    roles: frozenset[str] = frozenset()  # role words the story gives ("spokesperson")
    titles: tuple[str, ...] = ()  # role phrases as written ("Foreign Ministry spokesperson")

    def names(self) -> tuple[str, ...]:
        """Every way an article may name this speaker, longest first."""
        return tuple(sorted({*self.spellings, *self.short_names}, key=lambda n: (-len(n), n)))

    def name_in(self, text: str) -> str:
        """The fullest spelling of this speaker that `text` uses, else the canonical name."""
        for spelling in self.spellings:
            if contains_word(text, spelling):
                return spelling
        for short in self.short_names:
            if contains_word(text, short):
                for spelling in self.spellings:
                    if fold(short) in fold(spelling).split():
                        return spelling
        return self.name

    def is_named_in(self, text: str) -> bool:
        return any(contains_word(text, name) for name in self.names())

# --- reading a whole story --------------------------------------------------------------------

@dataclass(frozen=True)
class Attribution:
    article: str  # Article.id
    quote: Quotation
    speaker: Speaker | None  # None: the text does not tie the quote to a named speaker
    start: int  # evidence: article.text[start:end], the sentences that tie quote to speaker
    end: int
    sentence: int  # the sentence holding the attribution
    verb: str = ""
    support: tuple[tuple[int, int], ...] = ()  # earlier sentences that also prove the tie
    quote_sentence: int = -1  # the sentence where the quote opens

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every evidence passage, in reading order: support sentences, then the main span."""
        return (*self.support, (self.start, self.end))


@dataclass(frozen=True)
class Label:
    article: str
    speaker: Speaker
    quote: Quotation  # the label, e.g. “reckless gamble”
    target: str  # what was labelled, as the text names it ("China", "the claims")
    target_key: str  # folded, determiner dropped, singular
    determiner: str  # "a", "an", "the" or "" as printed before the label
    start: int  # evidence span in the article text
    end: int
    support: tuple[tuple[int, int], ...] = ()  # earlier sentences that also prove who spoke

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return (*self.support, (self.start, self.end))


@dataclass(frozen=True)
class StorySpeech:
    speakers: tuple[Speaker, ...]
    attributions: tuple[Attribution, ...]
    labels: tuple[Label, ...]
    speaking: tuple[str, ...]  # keys of speakers some clause makes speak, in story order
    quoted: tuple[str, ...]  # keys of speakers some quotation is tied to
    parses: dict[str, tuple[SentenceParse, ...]]

    def speaker(self, key: str) -> Speaker:
        return next(s for s in self.speakers if s.key == key)

    def speakers_in(self, article_id: str, start: int, end: int) -> set[str]:
        """Keys of speakers any reference inside text[start:end] of the article points to."""
        found: set[str] = set()
        for parse in self.parses.get(article_id, ()):
            if parse.sentence.end <= start or parse.sentence.start >= end:
                continue
            for ref in parse.references:
                if ref.speaker is not None:
                    found.add(ref.speaker.key)
        return found


@lru_cache(maxsize=1)
def _transliteration_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for line in word_list("transliteration"):
        letters, replacement = line.split()
        if letters.endswith("$"):
            pattern = re.escape(letters[:-1]) + r"(?![a-z])"
        elif letters.endswith(">"):
            pattern = re.escape(letters[:-1]) + r"(?=[aeiou])"
        else:
            pattern = re.escape(letters)
        rules.append((re.compile(pattern), replacement))
    return tuple(rules)


def _doubles_dropped(text: str) -> str:
    return re.sub(r"([a-z])\1+", r"\1", text)


@lru_cache(maxsize=4096)
def transliterated(name: str) -> str:
    """`name` folded, accents and doubled letters dropped and common romanisation variants made
    one (data/transliteration.txt): one surname romanised two ways ("ts"/"c") gives one form."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", fold(name)) if not unicodedata.combining(ch))
    plain = _doubles_dropped(plain)
    for pattern, replacement in _transliteration_rules():
        plain = pattern.sub(replacement, plain)
    return _doubles_dropped(plain)


def _similar_surnames(a: str, b: str) -> bool:
    """One surname: the same letters, one dropped or changed after the same opening, or one
    romanisation of the other."""
    a, b = fold(a), fold(b)
    return a == b or (a[:2] == b[:2] and min(len(a), len(b)) >= 5
                      and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85) \
        or (min(len(a), len(b)) >= 4 and transliterated(a) == transliterated(b))


def _near_surnames(a: str, b: str) -> bool:
    """Surnames close enough to be one name romanised two ways; alone this is not proof, so it
    counts only with the same first name and a role both names carry."""
    a, b = transliterated(a), transliterated(b)
    return min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _similar_first_names(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a == b or (a[:1] == b[:1] and min(len(a), len(b)) >= 4
                      and difflib.SequenceMatcher(None, a, b).ratio() >= 0.7)


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


class _Registry:
    """People and organisations of the story, found from how the articles introduce them."""

    def __init__(self) -> None:
        self.person_groups: list[dict] = []
        self.orgs: dict[str, dict] = {}

    def add_person(self, words: tuple[str, ...], ref: Reference, article: str) -> None:
        first, last = fold(words[0]), words[-1]
        # "Van Damme" and "Vandamme": one surname, written with and without its space.
        joined = fold("".join(words[1:]))
        for group in self.person_groups:
            if first in group["firsts"] and any(_similar_surnames(last, s) for s in group["surnames"]):
                break
            if first in group["firsts"] and len(words) > 1 and joined in group["joined"]:
                break
            # "Ivan Tsarev" and "Ivan Tzarov", both governors: one person; another first name
            # would be another person, however close the surnames.
            if first in group["firsts"] and ref.roles & group["roles"] \
                    and any(_near_surnames(last, s) for s in group["surnames"]):
                break
            # "Alexei" and "Aleksei Morozan", both governors: one person, two transliterations.
            if any(_similar_surnames(last, s) for s in group["surnames"]) and ref.roles & group["roles"] \
                    and any(_similar_first_names(first, f) for f in group["firsts"]):
                break
        else:
            group = {"firsts": set(), "surnames": [], "joined": set(), "spellings": Counter(),
                     "roles": set(), "titles": Counter()}
            self.person_groups.append(group)
        group["firsts"].add(first)
        if len(words) > 1:
            group["joined"].add(joined)
        if last not in group["surnames"]:
            group["surnames"].append(last)
        group["spellings"][" ".join(words)] += 1
        group["roles"] |= ref.roles
        if ref.title:
            group["titles"][ref.title] += 1

    def add_org(self, run: tuple[str, ...]) -> None:
        key = fold(" ".join(possessive_stripped(w) for w in run))
        entry = self.orgs.setdefault(key, {"run": run, "count": 0})
        entry["count"] += 1

    def speakers(self, lone_words: set[str]) -> list[Speaker]:
        """`lone_words`: folded single words the story uses alone as names; a word of a full
        name stands for the person when it is one of them and no other person shares it."""
        out = []
        owners: Counter[str] = Counter()
        words_of: list[dict[str, str]] = []
        for group in self.person_groups:
            words = {fold(w): w for spelling in group["spellings"] for w in spelling.split()}
            words_of.append(words)
            owners.update(words.keys())
        for group, words in zip(self.person_groups, words_of):
            spellings = sorted(group["spellings"], key=lambda s: (-group["spellings"][s], -len(s), s))
            name = spellings[0]
            shorts = tuple(sorted(w for low, w in words.items()
                                  if owners[low] == 1 and low in lone_words and len(low) > 1))
            titles = tuple(sorted(group["titles"], key=lambda t: (-group["titles"][t], len(t), t)))
            out.append(Speaker(key=fold(name), name=name, kind="person",
                               spellings=tuple(sorted(spellings, key=lambda s: (-len(s), s))),
                               short_names=shorts, roles=frozenset(group["roles"]), titles=titles))
        for key, entry in sorted(self.orgs.items()):
            name = " ".join(entry["run"])
            out.append(Speaker(key=key, name=name, kind="organisation", spellings=(name,)))
        return out


def _speaker_for_name(ref: Reference, people: list[Speaker], orgs: dict[str, Speaker]) -> Speaker | None:
    run_key = fold(" ".join(possessive_stripped(w) for w in ref.owner + ref.run))
    if run_key in orgs:
        return orgs[run_key]
    words = ref.words
    if len(words) >= 2:
        full = fold(" ".join(words))
        for person in people:
            if any(fold(s) == full for s in person.spellings):
                return person
        first = fold(words[0])
        for person in people:
            if any(fold(s).split()[0] == first and _similar_surnames(s.split()[-1], words[-1])
                   for s in person.spellings):
                return person
        near = [p for p in people if ref.roles & p.roles and any(
            fold(s).split()[0] == first and _near_surnames(s.split()[-1], words[-1]) for s in p.spellings)]
        if len(near) == 1:
            return near[0]
        variants = [p for p in people if ref.roles & p.roles and any(
            _similar_surnames(s.split()[-1], words[-1]) and _similar_first_names(s.split()[0], words[0])
            for s in p.spellings)]
        if len(variants) == 1:
            return variants[0]
        variants = [p for p in people if any(
            fold(s.split()[-1]) == fold(words[-1]) and _similar_first_names(s.split()[0], words[0])
            for s in p.spellings)]
        return variants[0] if len(variants) == 1 else None
    if len(words) == 1:
        word = fold(words[0])
        if word in orgs:
            return orgs[word]
        owners = [p for p in people if any(fold(s) == word for s in p.short_names)]
        if len(owners) == 1:
            return owners[0]
    return None

def _followed_by_appositive(parse: SentenceParse, ref: Reference) -> bool:
    toks = parse.tokens
    k = ref.last + 1
    return (k + 1 < len(toks) and toks[k].text == ","
            and is_appositive(toks[k + 1:k + 4]))


def _build_registry(story: Story, parses: dict[str, tuple[SentenceParse, ...]]) -> list[Speaker]:
    registry = _Registry()
    subjects: list[tuple[Reference, SentenceParse]] = []
    lone_words: set[str] = set()
    for article in story.articles:
        for parse in parses[article.id]:
            for clause in parse.clauses:
                if clause.subject is not None:
                    subjects.append((clause.subject, parse))
            for ref in parse.references:
                if ref.form == "name" and len(ref.words) == 1:
                    lone_words.add(fold(ref.words[0]))
    for article in story.articles:
        for parse in parses[article.id]:
            for ref in parse.references:
                if ref.form == "name" and len(ref.words) >= 2 and ref.roles \
                        and fold(ref.words[-1]) not in word_set("organisation_words"):
                    registry.add_person(ref.words, ref, article.id)
    for ref, parse in subjects:
        if ref.form != "name":
            continue
        last = fold(ref.run[-1])
        kind_word = fold(parse.tokens[ref.first - 1].text) if ref.first >= 1 else ""
        if len(ref.run) == 1 and (_is_acronym(ref.run[0]) or kind_word in word_set("organisation_words")):
            registry.add_org(ref.run)
        elif len(ref.run) >= 2 and last in word_set("organisation_words"):
            registry.add_org(ref.owner + ref.run)
        elif (2 <= len(ref.words) <= 3 and not ref.roles and not ref.after_place_marker
              and (fold(ref.words[-1]) in lone_words or _followed_by_appositive(parse, ref))):
            registry.add_person(ref.words, ref, "")
    return registry.speakers(lone_words)


def _resolve_article(text: str, parses: tuple[SentenceParse, ...], people: list[Speaker],
                     orgs: dict[str, Speaker]) -> None:
    """Ties each reference to a speaker, in reading order, so pronouns and role words can
    point back to someone already named."""
    roles_given: dict[str, dict[str, int]] = {}  # speaker key -> role word -> latest sentence giving it
    resolved: list[Reference] = []
    paragraph: list[SentenceParse] = []
    for parse in parses:
        if paragraph and "\n" in text[paragraph[-1].sentence.end:parse.sentence.start]:
            paragraph = []
        paragraph.append(parse)
        for ref in parse.references:
            if ref.form == "name":
                ref.speaker = _speaker_for_name(ref, people, orgs)
                ref.anchor = parse.index
                if ref.speaker is not None:
                    given = roles_given.setdefault(ref.speaker.key, {})
                    for role in ref.roles:
                        given[role] = parse.index
            elif ref.form == "pronoun":
                _resolve_pronoun(ref, parse, resolved)
            elif ref.form == "role" and ref.definite:
                _resolve_role(ref, parse, resolved, roles_given)
                if ref.speaker is None:
                    _resolve_role_by_title(ref, parse, paragraph, resolved, roles_given, people)
            resolved.append(ref)


def _person_refs(refs: list[Reference], sentence: int, before: int | None = None) -> list[Reference]:
    return [r for r in refs if r.sentence == sentence and r.is_person_like
            and (before is None or r.last < before)]


def _resolve_pronoun(ref: Reference, parse: SentenceParse, resolved: list[Reference]) -> None:
    candidates = _person_refs(resolved, parse.index, before=ref.first)
    if not candidates:
        candidates = _person_refs(resolved, parse.index - 1)
    keys = {c.speaker.key if c.speaker else id(c) for c in candidates}
    if len(keys) == 1 and candidates[0].speaker is not None and candidates[0].speaker.kind == "person":
        ref.speaker = candidates[0].speaker
        ref.anchor = min(c.anchor for c in candidates)
        ref.support = tuple(sorted({s for c in candidates for s in c.support}))


def _resolve_role(ref: Reference, parse: SentenceParse, resolved: list[Reference],
                  roles_given: dict[str, dict[str, int]]) -> None:
    """"The spokesperson said": the most recent person mentioned, if the article has given
    that person this role (any role, for a generic word like "official") and nobody else
    nearby holds it."""
    role = next(iter(ref.roles), "")
    window = [r for r in resolved if r.is_person_like and parse.index - r.sentence <= 4]
    if not window:
        return
    latest = window[-1]
    if latest.speaker is None or latest.speaker.kind != "person":
        return
    given = roles_given.get(latest.speaker.key, {})
    if role in GENERIC_ROLES:
        if not given:
            return
        since = min(given.values())
    elif role in given:
        since = given[role]
    else:
        return
    rivals = {r.speaker.key if r.speaker else id(r) for r in window
              if r.sentence >= parse.index - 1 and (r.speaker is None or r.speaker.key != latest.speaker.key)
              and (role in r.roles or (r.speaker is not None and role in r.speaker.roles))}
    if rivals:
        return
    ref.speaker = latest.speaker
    ref.anchor = latest.anchor
    ref.support = tuple(sorted({*latest.support, since}))


def _resolve_role_by_title(ref: Reference, parse: SentenceParse, paragraph: list[SentenceParse],
                           resolved: list[Reference], roles_given: dict[str, dict[str, int]],
                           people: list[Speaker]) -> None:
    """"The spokeswoman said" long after the article named its only spokeswoman: hers, if the
    paragraph speaks of what her title names ("police" for "a police spokeswoman")."""
    role = next(iter(ref.roles), "")
    if role in GENERIC_ROLES:
        return
    holders = [key for key, given in roles_given.items() if role in given]
    # Anyone the text has not named, or named without a title, might hold the role too.
    if len(holders) != 1 or any(r.unnamed and role in r.roles for r in resolved):
        return
    person = next((p for p in people if p.key == holders[0]), None)
    if person is None:
        return
    title_words = set().union(*(_name_words(t) for t in person.titles)) - {role} - set(ROLES)
    for earlier in paragraph:
        seen = {fold(possessive_stripped(t.text)) for t in earlier.tokens if t.is_word}
        if title_words & seen:
            ref.speaker = person
            ref.anchor = parse.index
            ref.support = tuple(sorted({roles_given[person.key][role], earlier.index}))
            return


def _attribute(article_id: str, text: str, parses: tuple[SentenceParse, ...]) -> list[Attribution]:
    quotes = quotations(text)
    where: dict[int, list[tuple[int, int]]] = {}  # quote -> [(sentence, token index)]
    for parse in parses:
        for k, qi in parse.quote_at.items():
            where.setdefault(qi, []).append((parse.index, k))
    found: list[Attribution] = []
    by_sentence: dict[int, Attribution] = {}
    for qi, quote in enumerate(quotes):
        places = where.get(qi)
        if not places:
            continue
        s_open, k_open = places[0]
        s_close, k_close = places[-1]
        clause = _clause_for_quote(parses[s_open], k_open, parses[s_close], k_close)
        continued = None
        if clause is None and _only_quote(parses[s_open], k_open) and _only_quote(parses[s_close], k_close):
            continued = _continued_from(parses, s_open, by_sentence, text)
        if clause is not None:
            ref = clause.speaker_reference()
            speaker = ref.speaker if ref is not None else None
            anchor = min(ref.anchor if ref is not None and ref.anchor >= 0 else clause.sentence, clause.sentence)
            first = min(s_open, anchor)
            last = max(s_close, clause.sentence)
            support = tuple((parses[i].sentence.start, parses[i].sentence.end)
                            for i in (ref.support if ref is not None else ()) if i < first)
            attribution = Attribution(article_id, quote, speaker, parses[first].sentence.start,
                                      parses[last].sentence.end, clause.sentence, clause.verb_text,
                                      support, s_open)
        elif continued is not None:
            attribution = Attribution(article_id, quote, continued.speaker, continued.start,
                                      parses[s_close].sentence.end, continued.sentence, continued.verb,
                                      continued.support, s_open)
        else:
            attribution = Attribution(article_id, quote, None, parses[s_open].sentence.start,
                                      parses[s_close].sentence.end, s_close, quote_sentence=s_open)
        if attribution.speaker is not None:
            span = [p for p in parses if attribution.start <= p.sentence.start < attribution.end]
            if len(span) > _MAX_EVIDENCE_SENTENCES or len(attribution.support) > 2:
                attribution = Attribution(article_id, quote, None, attribution.start, attribution.end,
                                          attribution.sentence, quote_sentence=s_open)
        found.append(attribution)
        by_sentence[s_close] = attribution
    return found


def _only_quote(parse: SentenceParse, k: int) -> bool:
    return all(not t.is_word for i, t in enumerate(parse.tokens) if i != k)


def _clause_for_quote(open_parse: SentenceParse, k_open: int, close_parse: SentenceParse,
                      k_close: int) -> Clause | None:
    words_before = any(t.is_word for t in open_parse.tokens[:k_open])
    if words_before:
        before = [c for c in open_parse.clauses if c.verb < k_open]
        if before:
            return before[-1]
    toks = close_parse.tokens
    for clause in close_parse.clauses:
        if clause.verb <= k_close:
            continue
        between = [t for t in toks[k_close + 1:clause.verb] if t.text == QUOTE]
        if between:
            return None
        subject = clause.subject
        lead = min(clause.verb, subject.first if subject is not None and subject.first > k_close else clause.verb)
        gap = toks[k_close + 1:lead]
        if all(not t.is_word for t in gap):
            return clause  # right after the quote: “...,” Lee said
        if lead - 1 >= 0 and toks[lead - 1].text == ",":
            return clause  # closing the sentence: ... “label” of them, Lee said.
        return None
    return None


def _continued_from(parses: tuple[SentenceParse, ...], s_open: int,
                    by_sentence: dict[int, Attribution], text: str) -> Attribution | None:
    """A sentence that is only a quote continues the speaker of the quote just before it in the
    same paragraph, or of a sentence ending in a colon."""
    if s_open == 0:
        return None
    prev = parses[s_open - 1]
    gap = text[prev.sentence.end:parses[s_open].sentence.start]
    earlier = by_sentence.get(s_open - 1)
    if earlier is not None and earlier.speaker is not None and "\n" not in gap:
        return earlier
    if prev.sentence.text.rstrip().endswith(":") and prev.clauses:
        ref = prev.clauses[-1].speaker_reference()
        if ref is not None and ref.speaker is not None:
            return Attribution("", Quotation(0, 0, 0, 0, ""), ref.speaker,
                               parses[min(ref.anchor, prev.index)].sentence.start,
                               prev.sentence.end, prev.index, prev.clauses[-1].verb_text)
    return None


_TARGET_STOP = frozenset({",", ";", ":", "(", ")", QUOTE})
_PRONOUN_TARGETS = frozenset({"it", "them", "this", "that", "these", "those", "him", "her", "us",
                              "me", "you", "which", "what"})


def _label_for(attribution: Attribution, parse: SentenceParse, k: int, text: str) -> Label | None:
    """A short quotation that the attributed speaker applies to something: "X called Y a
    “label”", "X described Y as “label”", "a claim X dismissed as “label”"."""
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
    target_tokens = toks[clause.verb + 1:j + 1]
    if not target_tokens:
        if not has_as or clause.subject is None:
            return None
        # "a claim X dismissed as “label”": the thing labelled comes before the speaker.
        f = clause.subject.first
        lead = f - 1
        while lead >= 0 and f - lead <= 3 and toks[lead].is_word and fold(toks[lead].text) not in ("a", "an", "the"):
            lead -= 1
        if lead < 0 or fold(toks[lead].text) not in ("a", "an", "the") or lead == f - 1:
            return None
        target_tokens = toks[lead:f]
    if len(target_tokens) > 10 or any(t.text in _TARGET_STOP for t in target_tokens):
        return None
    if any(fold(t.text) in word_set("speech_verbs") and i and fold(target_tokens[i - 1].text) not in NOUN_MARKERS
           for i, t in enumerate(target_tokens)):
        return None  # a second verb: the quote is not what the speaker called the target
    if len(target_tokens) == 1 and fold(target_tokens[0].text) in _PRONOUN_TARGETS:
        return None
    target = text[target_tokens[0].start:target_tokens[-1].end]
    key_words = [fold(possessive_stripped(t.text)) for t in target_tokens if t.is_word]
    if key_words and key_words[0] in ("a", "an", "the"):
        key_words = key_words[1:]
        if fold(target_tokens[0].text) in ("a", "an"):
            target = "the " + text[target_tokens[1].start:target_tokens[-1].end]
    if not key_words:
        return None
    last = key_words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        key_words[-1] = last[:-1]
    return Label(attribution.article, attribution.speaker, attribution.quote, target,
                 " ".join(key_words), determiner, attribution.start, attribution.end,
                 attribution.support)


@lru_cache(maxsize=32)
def story_speech(story: Story) -> StorySpeech:
    """Everything the attribution kinds need: speakers, quotes tied to them, labels."""
    parses = {a.id: parse_article(a.text) for a in story.articles}
    speakers = _build_registry(story, parses)
    people = [s for s in speakers if s.kind == "person"]
    orgs = {s.key: s for s in speakers if s.kind == "organisation"}
    attributions: list[Attribution] = []
    labels: list[Label] = []
    speaking: list[str] = []
    quoted: list[str] = []
    for article in story.articles:
        article_parses = parses[article.id]
        _resolve_article(article.text, article_parses, people, orgs)
        for parse in article_parses:
            for clause in parse.clauses:
                ref = clause.speaker_reference()
                if ref is not None and ref.speaker is not None and ref.speaker.key not in speaking:
                    speaking.append(ref.speaker.key)
        found = _attribute(article.id, article.text, article_parses)
        attributions.extend(found)
        for attribution in found:
            if attribution.speaker is None:
                continue
            if attribution.speaker.key not in quoted:
                quoted.append(attribution.speaker.key)
            parse = next((p for p in article_parses if attribution.quote.start >= p.sentence.start
                          and attribution.quote.end <= p.sentence.end), None)
            if parse is None or attribution.quote.word_count > MAX_LABEL_WORDS:
                continue
            k = next(i for i, qi in parse.quote_at.items() if article_parses and
                     quotations(article.text)[qi] == attribution.quote)
            label = _label_for(attribution, parse, k, article.text)
            if label is not None:
                labels.append(label)
    used = set(speaking) | set(quoted)
    return StorySpeech(
        speakers=tuple(s for s in speakers if s.key in used or s.kind == "person"),
        attributions=tuple(attributions), labels=tuple(labels),
        speaking=tuple(speaking), quoted=tuple(quoted), parses=parses,
    )


# --- naming a speaker in the evidence ----------------------------------------------------------

@dataclass(frozen=True)
class Naming:
    """Passages that show a student who spoke: the tie of the words to the speaker and, when
    that tie is only a surname, role or pronoun, the sentence naming the speaker in full."""
    passages: tuple[tuple[str, int, int], ...]  # (article id, start, end), in reading order
    name: str  # the full name as the naming passage spells it
    elsewhere: str = ""  # article id of the naming passage when the quoting article lacks one


def full_name_in(speaker: Speaker, text: str) -> str | None:
    """The full name (not a bare surname) of `speaker` that `text` prints, longest first."""
    return next((s for s in speaker.spellings if contains_word(text, s)), None)


def name_as_printed(speaker: Speaker, text: str) -> str:
    """The speaker's full name as `text` spells it, else the spelling most outlets use: one
    question shows every name the way its evidence's outlet writes it."""
    return full_name_in(speaker, text) or speaker.name


def _ties(speaker: Speaker, text: str) -> set[str]:
    """The words by which `text` points at `speaker` without its full name: a surname or role."""
    return {fold(w) for w in (*speaker.short_names, *speaker.roles) if contains_word(text, w)}


def naming(story: Story, article_id: str, speaker: Speaker, spans: tuple[tuple[int, int], ...]
           ) -> Naming | None:
    """Evidence that names `speaker` in full for words tied to them by `spans` of the article:
    the spans themselves if they print the full name; else with the sentence before them where
    the article first names the speaker in full; else with a sentence of another article that
    names them in full and carries the same surname or role. None if nothing shows who it is."""
    text = story.article(article_id).text
    passages = tuple((article_id, start, end) for start, end in spans)
    shown = " ".join(text[start:end] for start, end in spans)
    if speaker.kind != "person":
        return Naming(passages, speaker.name) if speaker.is_named_in(shown) else None
    full = full_name_in(speaker, shown)
    if full is not None:
        return Naming(passages, full)
    first = min(start for start, _ in spans)
    for sentence in sentences(text):
        if sentence.start >= first:
            break
        full = full_name_in(speaker, sentence.text)
        if full is not None:
            return Naming(((article_id, sentence.start, sentence.end), *passages), full)
    ties = _ties(speaker, shown)
    for other in story.articles:
        if other.id == article_id:
            continue
        for sentence in sentences(other.text):
            full = full_name_in(speaker, sentence.text)
            if full is not None and ties & _ties(speaker, sentence.text):
                return Naming((*passages, (other.id, sentence.start, sentence.end)), full, other.id)
    return None


# --- choosing wrong answers -------------------------------------------------------------------

def _name_words(text: str) -> set[str]:
    return {w for w in (possessive_stripped(w) for w in words(text))
            if len(w) >= 3 and w not in word_set("function_words")}


def affiliated(a: Speaker, b: Speaker) -> bool:
    """Whether one speaker's name is part of how the story describes the other ("the Foreign
    Ministry" and its spokesperson): offering one as wrong when the other is right would mislead."""
    def described(speaker: Speaker) -> set[str]:
        return set().union(*(_name_words(t) for t in speaker.titles)) if speaker.titles else set()
    if a.kind == "organisation" and _name_words(a.name) & described(b):
        return True
    if b.kind == "organisation" and _name_words(b.name) & described(a):
        return True
    return a.kind == b.kind == "organisation" and bool(_name_words(a.name) & _name_words(b.name))


_GAP_WORD = r"[\w'-]+"
_SPEAKS_FOR = r"(?:for|of|at|from|with)"


def speaks_for(story: Story, person: Speaker, org: Speaker) -> bool:
    """Whether an article describes `person` with `org`'s name beside the person's name
    ("<Org>'s spokeswoman <Name>", "<Name>, spokeswoman for <Org>", "<Name> of <Org>"): the
    person's words are then the organisation's too, so neither is a wrong answer for the other."""
    if person.kind != "person" or org.kind != "organisation":
        return False
    names = "|".join(re.escape(fold(n)) for n in person.names())
    org_name = re.escape(fold(org.name))
    if not names or not org_name:
        return False
    after = re.compile(rf"(?<!\w)(?:{names}),?((?:\s+{_GAP_WORD}){{0,5}}?)\s+{_SPEAKS_FOR}"
                       rf"((?:\s+{_GAP_WORD}){{0,3}}?)\s+{org_name}(?!\w)")
    before = re.compile(rf"(?<!\w){org_name}(?:'s)?,?((?:\s+{_GAP_WORD}){{0,4}}?),?\s+(?:{names})(?!\w)")
    for article in story.articles:
        text = fold(article.text)
        for pattern in (after, before):
            for match in pattern.finditer(text):
                gap = " ".join(g for g in match.groups() if g).split()
                # "Lee said of the Alliance" or "the Alliance told Lee": a statement about the
                # organisation, not a description of the person.
                if not any(possessive_stripped(w) in word_set("speech_verbs") for w in gap):
                    return True
    return False


def speakers_near(story: Story, speech: StorySpeech, phrase: str) -> set[str]:
    """Keys of every speaker the story ties, however loosely, to `phrase`: named in a sentence
    that contains it, or credited with a quotation that contains it."""
    near: set[str] = set()
    for article in story.articles:
        for at in find_all(article.text, phrase):
            sentence = sentence_at(article.text, at)
            if sentence is not None:
                near |= speech.speakers_in(article.id, sentence.start, sentence.end)
    pin = fold(phrase)
    for attribution in speech.attributions:
        if attribution.speaker is not None and pin in fold(attribution.quote.text):
            near.add(attribution.speaker.key)
    return near


def distractor_speakers(story: Story, speech: StorySpeech, keys: set[str], phrase: str,
                        avoid: str = "") -> list[Speaker]:
    """Speakers of the story who are wrong answers to "who said `phrase`": quoted people first,
    then others the story makes speak; never one tied to the phrase anywhere, never one whose
    name is part of a key's description, never one named in `avoid` (e.g. what was labelled)."""
    near = speakers_near(story, speech, phrase)
    key_speakers = [speech.speaker(k) for k in sorted(keys)]
    avoid_words = _name_words(avoid) | _name_words(phrase)
    order = [*speech.quoted, *[k for k in speech.speaking if k not in speech.quoted]]
    out = []
    for key in order:
        if key in keys or key in near:
            continue
        speaker = speech.speaker(key)
        if any(affiliated(speaker, k) for k in key_speakers):
            continue
        if any(speaks_for(story, speaker, k) or speaks_for(story, k, speaker) for k in key_speakers):
            continue
        if _name_words(speaker.name) & avoid_words:
            continue
        if any(fold(speaker.name) == fold(k.name) for k in key_speakers):
            continue
        out.append(speaker)
    return out
