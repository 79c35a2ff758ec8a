"""People and organisations the story names, each with every form of its name that the articles
print clustered as one: "Maria T. Lopez", "Maria Lopez", "Ms Lopez" and, once the full name is in
the story, "Lopez"; a body's full name and its acronym; and a form misspelt or transliterated by
some outlet, kept and marked as such. Different people who share a surname stay apart."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from quizapp.generators.reading.articles import ArticleReading, Passage
from quizapp.generators.reading.name_forms import whole_in
from quizapp.generators.reading.speech import Reference, SentenceParse, parse_article
from quizapp.generators.reading.text import fold, word_list, word_set

PERSON = "person"
ORGANISATION = "organisation"

# Words a printed name carries that are not the name: honorifics and academic suffixes.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd"})
_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "di", "du", "del", "della", "van", "von",
                        "der", "den", "le", "la", "al", "el", "bin", "ibn", "ben"})
# Words inside an institution's name that its acronym skips ("Court of Justice" -> CJ).
_LINKS = frozenset({"of", "the", "and", "for", "&", "on", "in"})
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
# Kinds of difference between two spellings of one name, from the slightest to the largest.
SPELLINGS = ("case", "accents", "spacing", "transliteration", "slip")


# --- comparing names ----------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Folded, accents dropped: "Inácio" -> "inacio"."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", fold(text)) if not unicodedata.combining(ch)
    )


@lru_cache(maxsize=8192)
def name_tokens(form: str) -> tuple[str, ...]:
    """The words that make a name, plain: honorifics, initials and suffixes dropped."""
    found = []
    for word in re.findall(r"[^\W_][\w'\u2019-]*", plain(form)):
        word = re.sub(r"['\u2019]s$", "", word)
        if word in _HONORIFICS or word in _SUFFIXES or len(word) == 1:
            continue
        found.append(word)
    return tuple(found)


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


@lru_cache(maxsize=8192)
def transliterated(word: str) -> str:
    """One romanisation of `word`: doubled letters dropped and common letter groups made one
    (data/transliteration.txt), so "Yuriy" and "Yurii" give one form."""
    text = re.sub(r"([a-z])\1+", r"\1", plain(word))
    for pattern, replacement in _transliteration_rules():
        text = pattern.sub(replacement, text)
    return re.sub(r"([a-z])\1+", r"\1", text)


def is_slip(a: str, b: str) -> bool:
    """Two spellings of one word a typing slip apart: the same first letter and one letter
    changed, added, dropped or swapped (two in a long word)."""
    a, b = plain(a), plain(b)
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 4:
        return False
    allowed = 2 if min(len(a), len(b)) >= 7 else 1
    return DamerauLevenshtein.distance(a, b) <= allowed


def word_difference(a: str, b: str) -> str:
    """How two spellings of one word differ: "" (not at all), one of SPELLINGS, or "other"."""
    if a == b:
        return ""
    if a.lower() == b.lower():
        return "case"
    if plain(a) == plain(b):
        return "accents"
    if plain(a).replace("-", "") == plain(b).replace("-", ""):
        return "spacing"
    if min(len(a), len(b)) >= 4 and transliterated(a) == transliterated(b):
        return "transliteration"
    if is_slip(a, b):
        return "slip"
    return "other"


def spelling_difference(a: str, b: str) -> str:
    """How two printed forms of one name differ in spelling, the largest difference of their
    words: "" (the same), one of SPELLINGS, or "other" (not a respelling: a shorter or fuller
    form, or another name)."""
    if a == b:
        return ""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        joined = word_difference("".join(wa), "".join(wb))
        return "spacing" if joined in ("", "case", "spacing") else "other"
    worst = ""
    for x, y in zip(wa, wb, strict=True):
        found = word_difference(x, y)
        if found == "other" and fold(x) in _PARTICLES and fold(y) in _PARTICLES:
            found = "slip"  # "Lula de Silva" for "Lula da Silva"
        if found == "other":
            return "other"
        if found and (not worst or SPELLINGS.index(found) > SPELLINGS.index(worst)):
            worst = found
    return worst


def initials(form: str) -> str:
    """The letters an acronym takes from a name: "Court of Justice of the European Union" ->
    CJEU."""
    return "".join(
        w[0] for w in re.findall(r"[^\W_][\w'-]*", form) if w[0].isupper() and fold(w) not in _LINKS
    )


def is_full_name(form: str) -> bool:
    """Two name words or more, particles aside: "Ann Lee" and "Al Cathey", not "Lee" nor
    "da Silva" (a particle is one written in lower case, or inside the name)."""
    printed = [
        w
        for w in re.findall(r"[^\W_][\w'\u2019-]*", form)
        if fold(w) not in _HONORIFICS and len(w) > 1
    ]
    named = [
        w for i, w in enumerate(printed) if not (fold(w) in _PARTICLES and (w.islower() or i > 0))
    ]
    return len(named) >= 2


def is_acronym(form: str) -> bool:
    return bool(_ACRONYM.match(form)) and fold(form) not in word_set("name_stopwords")


def stem(word: str) -> str:
    """A capitalised word cut to what its forms share: "Peruvian", "Peru's" -> "peru";
    "U.S." -> "us"."""
    plain_word = re.sub(r"['\u2019]s$", "", plain(word)).replace(".", "")
    return plain_word[:4] if len(plain_word) >= 4 else plain_word


# --- the records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One form of a name as printed, with the articles that print it. `spelling` says how it
    is spelled against `standard`, the form most outlets print: "" when it is the standard or a
    shorter or fuller form of it, else one of SPELLINGS ("slip": a misspelling)."""

    form: str
    articles: tuple[str, ...]
    spelling: str = ""
    standard: str = ""


@dataclass(frozen=True)
class Entity:
    key: str
    kind: str  # "person" or "organisation"
    name: str  # the fullest form printed (never a misspelt one)
    variants: tuple[Variant, ...]  # every form printed, with the articles printing it
    roles: tuple[str, ...]  # role phrases as printed: "Health Ministry spokesman"
    mentions: tuple[Passage, ...]  # every place the story names it
    speaks: bool = False  # the subject of a speech verb somewhere ("said", "told")
    outlet: bool = False  # a news outlet or agency, which reports rather than speaks
    verbs: frozenset[str] = frozenset()  # the speech verbs it is the subject of

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(v.form for v in self.variants)

    @property
    def articles(self) -> frozenset[str]:
        return frozenset(m.article for m in self.mentions)

    def printed_in(self, article_id: str) -> str | None:
        """The fullest form of the name that the article prints, a misspelt one included."""
        printed = [v.form for v in self.variants if article_id in v.articles]
        if not printed:
            return None
        return max(printed, key=lambda f: (len(name_tokens(f)), len(f)))

    def full_forms(self) -> tuple[str, ...]:
        """Forms that name the person in full (two words or more, "da" and "van" aside), or any
        form of a body."""
        if self.kind == ORGANISATION:
            return self.forms
        return tuple(f for f in self.forms if is_full_name(f))

    @property
    def generic(self) -> bool:
        """Named only by a common word ("Police", "Union"): no name to offer as a choice."""
        return all(
            len(name_tokens(f)) == 1 and name_tokens(f)[0] in word_set("organisation_words")
            for f in self.forms
        )

    def shown_in(self, passages) -> str:
        """The name to show beside these passages: the fullest form they print, unless it is
        misspelt or shorter than the story's fullest form (then that form). A transliteration
        the passages use is kept, so a choice reads as its evidence does."""
        shown = fold(" ".join(p.text for p in passages))
        size = len(name_tokens(self.name))
        printed = [
            v.form
            for v in self.variants
            if v.spelling != "slip"
            and len(name_tokens(v.form)) == size
            and re.search(r"(?<!\w)" + re.escape(fold(v.form)) + r"(?!\w)", shown)
        ]
        printed = [form for form in printed if not self.lone_slip(form)]
        if self.name in printed or not printed:
            return self.name
        return printed[0]

    def lone_slip(self, form: str) -> bool:
        """A form one article prints, a letter off the name most articles print ("West Moore"
        beside "Wes Moore" in five): a typo, which a choice would pass on as the name."""
        counts = {v.form: len(v.articles) for v in self.variants}
        ta, tb = name_tokens(form), name_tokens(self.name)
        return (counts.get(form, 0) == 1 and counts.get(self.name, 0) >= 3 and len(ta) == len(tb)
                and sum(DamerauLevenshtein.distance(x, y) for x, y in zip(ta, tb, strict=True)) == 1)

    def words(self) -> frozenset[str]:
        """Every word of every form, plain: what a sentence naming it may carry."""
        return frozenset(w for f in self.forms for w in name_tokens(f))


# --- reading mentions ---------------------------------------------------------------------------


@dataclass
class _Mention:
    article: str
    sentence: int
    start: int
    end: int
    form: str  # as printed, without a possessive ending
    kind: str  # PERSON, ORGANISATION or "" (not known from this mention alone)
    ref: Reference
    speaks: bool = False
    placeish: bool = False  # after "in", "at", "the": more likely a place or thing
    numbered: bool = False  # a number follows: "Flight 5342", "Boeing 737-800", "Super Bowl 58"
    plural: bool = False  # a plural verb or "they" takes it up: "Les Bleus came ... when they"
    dateline: bool = False  # "NEW YORK —", "San Francisco, Jan 20": where the report was filed
    indefinite: bool = False  # after "a" or "an": "joined a Google Meet", "an American Eagle jet"
    common_opener: bool = False  # opens its sentence with a word the article prints in lower
    # case too: "Affected Windows users" beside "the affected Windows clients"
    headline: bool = False  # in a headline, where every word may be capitalised
    reports: bool = False  # the subject of "reported" only: an outlet, not a speaker
    verbs: frozenset[str] = frozenset()  # the speech verbs it is the subject of
    entity: int = -1  # index of its cluster


def _span(parse: SentenceParse, ref: Reference) -> tuple[int, int]:
    toks = parse.tokens
    name_toks = [t for t in toks[ref.first : ref.last + 1] if t.is_word]
    count = len(ref.words)
    chosen = name_toks[-count:] if count else name_toks
    first = chosen[0] if chosen else toks[ref.first]
    last = toks[ref.last]
    end = last.end - (len(last.text) - len(last.bare))
    if ref.words and fold(ref.words[0]) != fold(first.bare):
        # Particles and links ("of the") sit between words: find the first word itself.
        first = next((t for t in toks[ref.first : ref.last + 1] if t.bare == ref.words[0]), first)
    return first.start, end


def _mention_kind(ref: Reference) -> str:
    words = [fold(w) for w in ref.words]
    if any(w in word_set("organisation_words") for w in words):
        return ORGANISATION
    if len(ref.words) == 1 and is_acronym(ref.words[0]):
        return ORGANISATION
    if any(w in word_set("place_words") for w in words[-1:]):
        return "place"
    roles = ref.roles - _BODY_ROLES if len(ref.words) == 1 else ref.roles
    if roles and not ref.in_appositive:
        return PERSON
    return ""


# Role words that describe a company as well as a person: "Facebook owner Meta".
_BODY_ROLES = frozenset(
    {"owner", "leader", "founder", "manager", "executive", "chief", "head", "director", "officer"}
)


# Words before a capitalised name that make it a place or a thing rather than a person.
_PLACE_MARKERS = frozenset({"the", "in", "at", "from", "to", "into", "across", "near", "on",
                            "downtown", "outside", "inside", "around", "towards", "toward", "via",
                            "through", "between", "of"})
# Verbs with which an outlet, not a speaker, is credited: "Reuters reported", "according to CNBC".
_REPORTING = frozenset({"report", "reports", "reported", "reporting", "according to"})


# A flight's, a model's or an edition's number: "5342", "737-800", "A320", "58"; not a year,
# which follows a person's name too ("Trump 2024").
_NUMBER = re.compile(r"(?![12]\d{3}$)[A-Z]{0,3}-?\d[\dA-Z-]*")
_PLURAL_VERBS = frozenset({"are", "were", "have"})
_PRONOUNS = {"he": False, "him": False, "his": False, "she": False, "her": False,
             "they": True, "them": True, "their": True}


def _numbered(parse: SentenceParse, ref: Reference) -> bool:
    """A number right after the name, or inside it: a person's name never carries one, but for
    the minute of a goal ("Messi 23'")."""
    toks = parse.tokens
    if any(_NUMBER.fullmatch(t.text) for t in toks[ref.first : ref.last + 1]):
        return True
    after = toks[ref.last + 1 : ref.last + 3]
    return (
        bool(after)
        and not toks[ref.last].is_possessive
        and bool(_NUMBER.fullmatch(after[0].text))
        and not (len(after) > 1 and after[1].text in ("'", "\u2019", "\u2032"))
    )


def _taken_up_as_plural(parse: SentenceParse, ref: Reference) -> bool:
    """A name alone as a subject ending in "s" that a plural verb follows, or that the next
    personal pronoun takes up as "they": a team or a group ("Les Bleus came back when they were
    handed a lifeline"), not one person."""
    toks = parse.tokens
    before = fold(toks[ref.first - 1].text) if ref.first >= 1 else ""
    if before in ("and", "or", "&", ",", "with") or toks[ref.last].is_possessive:
        return False
    if not fold(toks[ref.last].text).endswith("s"):
        return False
    rest = toks[ref.last + 1 :]
    if rest and fold(rest[0].text) in _PLURAL_VERBS:
        return True
    pronoun = next((fold(t.text) for t in rest if fold(t.text) in _PRONOUNS), "")
    return _PRONOUNS.get(pronoun, False)


def _printed_in_lower_case(form: str, text: str) -> bool:
    first = form.split()[0]
    return first[:1].isupper() and re.search(rf"\b{re.escape(first.lower())}\b", text) is not None


def _dateline(parse: SentenceParse, ref: Reference) -> bool:
    """A place opening a report: in capitals before a dash ("NEW YORK —"), or before a date
    ("San Francisco, Jan 20 (IANS)")."""
    toks = parse.tokens
    if ref.first != 0:
        return False
    after = [t.text for t in toks[ref.last + 1 : ref.last + 4]]
    if after[:1] and after[0] in ("\u2014", "\u2013", "-"):
        return all(t.text.isupper() for t in toks[ref.first : ref.last + 1] if t.is_word)
    return (
        len(after) == 3
        and after[0] == ","
        and fold(after[1]) in word_set("calendar_words")
        and after[2].isdigit()
    )


def _speech_verbs(parse: SentenceParse) -> dict[int, set[str]]:
    """id of each reference that is a clause's speaker -> the verbs it speaks with."""
    found: dict[int, set[str]] = defaultdict(set)
    for clause in parse.clauses:
        ref = clause.speaker_reference()
        if ref is not None:
            found[id(ref)].add(clause.verb_text)
    return found


def _article_mentions(
    reading: ArticleReading, parses: tuple[SentenceParse, ...], opening: set[str]
) -> list[_Mention]:
    """The article's name references as mentions; one-word names that open a sentence are
    noted in `opening`, for they may be no name at all ("Initial reports said")."""
    found = []
    for parse in parses:
        verbs = _speech_verbs(parse)
        role = reading.sentences[parse.index].role if parse.index < len(reading.sentences) else ""
        for ref in parse.references:
            if ref.form != "name" or not ref.words:
                continue
            start, end = _span(parse, ref)
            if end <= start:
                continue
            form = " ".join(reading.text[start:end].split())
            prev = parse.tokens[ref.first - 1] if ref.first >= 1 else None
            spoken = verbs.get(id(ref), set())
            if ref.first == 0 and len(ref.words) == 1 and not ref.roles and not is_acronym(form):
                opening.add(fold(form))
            found.append(
                _Mention(
                    reading.id,
                    parse.index,
                    start,
                    end,
                    form,
                    _mention_kind(ref),
                    ref,
                    speaks=bool(spoken) and role != "headline",
                    placeish=prev is not None and fold(prev.text) in _PLACE_MARKERS,
                    numbered=_numbered(parse, ref),
                    plural=_taken_up_as_plural(parse, ref),
                    dateline=_dateline(parse, ref),
                    indefinite=prev is not None and fold(prev.text) in ("a", "an"),
                    common_opener=ref.first == 0 and _printed_in_lower_case(form, reading.text),
                    headline=role == "headline",
                    reports=bool(spoken) and spoken <= _REPORTING,
                    verbs=frozenset(spoken) if role != "headline" else frozenset(),
                )
            )
    return found


# --- clustering ---------------------------------------------------------------------------------


class _Clusters:
    """Union-find over printed forms."""

    def __init__(self, forms: list[str]) -> None:
        self.forms = forms
        self.parent = list(range(len(forms)))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(j)] = self.root(i)

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.forms)):
            found[self.root(i)].append(i)
        return found


def same_person(a: str, b: str, shared_role: bool = False) -> bool:
    """Two full names of one person: the same words (spelling aside), one inside the other with
    the same surname ("Maria Lopez", "Maria T. Lopez"), or written with and without a space.
    With `shared_role` (both forms given one title) a surname romanised more loosely counts too:
    "Oskar Tsaryov" and "Oskar Caryev", both the port director."""
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) < 2 or len(tb) < 2:
        return False
    if shared_role and len(ta) == len(tb) and ta[:-1] == tb[:-1] and _near_surnames(ta[-1], tb[-1]):
        return True
    if "".join(ta).replace("-", "") == "".join(tb).replace("-", ""):
        return True
    if len(ta) == len(tb) and ta[-1] == tb[-1] and all(
            x == y or (x[0] == y[0] and min(len(x), len(y)) >= 3
                       and DamerauLevenshtein.distance(x, y) == 1)
            for x, y in zip(ta[:-1], tb[:-1], strict=True)):
        return True  # "Gov. West Moore" beside "Gov. Wes Moore": one letter slipped
    if len(ta) == len(tb):
        return spelling_difference(" ".join(ta), " ".join(tb)) != "other" and any(
            x == y for x, y in zip(ta, tb, strict=True) if x not in _PARTICLES
        )
    short, long = sorted((ta, tb), key=len)
    return short[-1] == long[-1] and set(short) <= set(long)


def _near_surnames(a: str, b: str) -> bool:
    """Surnames close enough to be one name romanised two ways: alone no proof, so it counts
    only beside the same first name and title."""
    ta, tb = transliterated(a), transliterated(b)
    return min(len(ta), len(tb)) >= 5 and DamerauLevenshtein.normalized_similarity(ta, tb) >= 0.75


def same_body(a: str, b: str) -> bool:
    """Two names of one body: the same words (spelling aside), one the other with a word of
    place before it ("Irish Data Protection Commission"), or one the other's acronym."""
    ta, tb = [w for w in name_tokens(a) if w != "the"], [w for w in name_tokens(b) if w != "the"]
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if is_acronym(a.strip()) != is_acronym(b.strip()):
        acronym, full = (a, b) if is_acronym(a.strip()) else (b, a)
        return len(acronym) >= 2 and initials(full) in (acronym, acronym.replace("&", ""))
    if len(ta) == len(tb) >= 2:
        return ta[-1] == tb[-1] and spelling_difference(" ".join(ta), " ".join(tb)) != "other"
    short, long = sorted((ta, tb), key=len)
    return len(short) >= 2 and long[-len(short) :] == short and len(long) - len(short) <= 2


def _near_body(a: str, b: str) -> bool:
    """ "Supreme Electoral Court" and "Superior Electoral Court": one body whose name outlets
    render differently, word for word alike in their openings and the same last word."""
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) != len(tb) or len(ta) < 3 or ta[-1] != tb[-1] or ta == tb:
        return False
    return all(
        x == y or (x[:3] == y[:3] and len(x) >= 5 and len(y) >= 5)
        for x, y in zip(ta, tb, strict=True)
    )


def _defined_acronyms(reading: ArticleReading) -> list[tuple[str, str]]:
    """ "Federal Emergency Management Agency (FEMA)" or "GSU (Google Stock Unit)": (full name,
    acronym) pairs the text sets, when the acronym's letters fit the name or it follows it."""
    pairs = []
    for match in re.finditer(
        r"\b([A-Z][A-Z&]{1,5})\s*\(((?:[A-Z][\w'&.-]*\s*){2,8})\)", reading.text
    ):
        full = " ".join(match.group(2).split())
        if initials(full) == match.group(1):
            pairs.append((full, match.group(1)))
    for match in re.finditer(
        r"((?:[A-Z][\w'&.-]*|of|the|and|for)(?:\s+(?:[A-Z][\w'&.-]*|of|the|and|for)){1,9})"
        r"\s*\(([A-Z][A-Z&]{1,6})\)",
        reading.text,
    ):
        words = match.group(1).split()
        while words and fold(words[0]) in _LINKS:
            words.pop(0)
        if len(words) >= 2:
            pairs.append((" ".join(words), match.group(2)))
    return pairs


def _account_names(readings, forms: set[str]) -> list[tuple[str, str]]:
    """ "— Metro (@wmata)": a post signed with a name and its account, where the account is an
    acronym the story prints ("WMATA"): (name, acronym) pairs, one body under two names."""
    acronyms = {fold(f): f for f in forms if is_acronym(f)}
    pairs = []
    for reading in readings:
        for match in re.finditer(
            r"([A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,5})\s*\(@(\w+)\)", reading.text
        ):
            name, acronym = " ".join(match.group(1).split()), acronyms.get(fold(match.group(2)))
            if acronym and name in forms and name != acronym:
                pairs.append((name, acronym))
    return pairs


# --- the story's entities -----------------------------------------------------------------------


class Entities:
    """Every person and body the story names. `find` and `same_name` read a name as printed;
    `at` says who is named at a place in an article."""

    def __init__(
        self,
        entities: tuple[Entity, ...],
        by_form: dict[str, str],
        parses: dict[str, tuple[SentenceParse, ...]],
        places: dict[str, list[tuple[int, int, str]]],
        texts: dict[str, str] | None = None,
    ) -> None:
        self.all = entities
        self._texts = texts or {}
        self._affiliations: dict[tuple[str, str], bool] = {}
        self._by_key = {e.key: e for e in entities}
        self._by_form = by_form
        self._parses = parses
        self._places = places

    def get(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def find(self, name: str) -> Entity | None:
        """The entity a printed name stands for ("Ms Lopez", "NHTSA", "the Ministry"), if the
        story names it and the name is not shared by two."""
        text = " ".join(re.sub(r"['\u2019]s\b", "", name).split())
        text = re.sub(r"^(?:the|The)\s+", "", text)
        for candidate in (text, " ".join(name_tokens(text))):
            key = self._by_form.get(plain(candidate))
            if key:
                return self._by_key.get(key)
        return None

    def same_name(self, a: str, b: str) -> bool:
        """Whether two names, as printed, name the same person or body."""
        if " ".join(plain(a).split()) == " ".join(plain(b).split()):
            return True
        ea, eb = self.find(a), self.find(b)
        return ea is not None and ea is eb

    def at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The first person or body the article names inside text[start:end]."""
        for m_start, m_end, key in self._places.get(article_id, ()):
            if m_start >= start and m_end <= end:
                return self._by_key.get(key)
        return None

    def affiliated(self, a: str, b: str) -> bool:
        """Whether one may speak for the other, so neither is a wrong answer when the other is
        right: a person and a body the story describes them with ("Boeing CEO Kelly Ortberg",
        "Nick Clegg, Meta's head of global affairs", "Lee of the ministry"), a person given only a
        bare title ("a spokeswoman") and any body, two bodies sharing a word of their names."""
        key = (min(a, b), max(a, b))
        if key not in self._affiliations:
            ea, eb = self.get(a), self.get(b)
            self._affiliations[key] = (
                ea is not None and eb is not None and a != b and _affiliated(ea, eb, self._texts)
            )
        return self._affiliations[key]

    def descriptors(self, key: str) -> frozenset[str]:
        """Capitalised words the story describes an entity with, cut to their stems: the places
        and bodies of its titles and names ("Peruvian Health Ministry spokesperson" -> peru, heal,
        mini), for spotting a quote whose own words point to its speaker."""
        entity = self.get(key)
        if entity is None:
            return frozenset()
        text = " ".join([*entity.roles, *entity.forms])
        return frozenset(
            stem(w)
            for w in re.findall(r"[A-Z][\w.'\u2019-]*", text)
            if fold(w) not in word_set("roles") and stem(w)
        )

    def sides_named(self, text: str, key: str) -> frozenset[str]:
        """The descriptors of an entity that words name ("the Peruvian side" and a "Peruvian
        Health Ministry spokesman"): words that point to their speaker's side or country."""
        found = set()
        for word in re.findall(r"[A-Z][\w.'\u2019-]*", text):
            if fold(word).split("'")[0] not in word_set("name_stopwords") and fold(word) != "i":
                found.add(stem(word))
        return frozenset(found & self.descriptors(key))

    def gives_side_away(self, text: str, key: str, others) -> bool:
        """Whether words name the side of `key` and of none of `others`: offered with them as
        choices, the words alone would point to the key."""
        shared = self.sides_named(text, key)
        return bool(shared) and not any(shared & self.descriptors(k) for k in others)

    def whole_name(self, key: str) -> bool:
        """Whether the entity's name is a whole name a question may offer (name_forms.py): not
        "Rev", "U.S", "Reilly" of "O'Reilly"."""
        entity = self.get(key)
        return entity is not None and whole_in(tuple(self._texts.values()), entity.name)

    def parses(self, article_id: str) -> tuple[SentenceParse, ...]:
        """The article's sentences as speech.py reads them, name references tied to entities
        (`Reference.speaker`): the quotation reader goes on from here."""
        return self._parses.get(article_id, ())


def read_entities(model) -> Entities:
    readings = model.articles
    parses = {
        r.id: parse_article(r.text, ((s.start, s.end) for s in r.sentences)) for r in readings
    }
    opening: set[str] = set()
    mentions = [m for r in readings for m in _article_mentions(r, parses[r.id], opening)]
    mentions = _without_openers(mentions, opening)
    acronyms = [pair for r in readings for pair in _defined_acronyms(r)]
    acronyms += _account_names(readings, {m.form for m in mentions} | {a for _, a in acronyms})
    grouping = _cluster(mentions, acronyms)
    entities, by_form, places = _entities(mentions, grouping, _outlet_names(model))
    by_key = {e.key: e for e in entities}
    for mention in mentions:
        if mention.entity >= 0:
            mention.ref.speaker = by_key.get(grouping.key_of(mention.entity))
        mention.ref.known = mention.ref.speaker.kind if mention.ref.speaker else _unknown(mention)
    return Entities(entities, by_form, parses, places, {r.id: r.text for r in readings})


def _without_openers(mentions: list[_Mention], opening: set[str]) -> list[_Mention]:
    """A word capitalised only where it opens a sentence ("Initial", "Joining") is no name:
    a name is capitalised mid-sentence too somewhere in the story, or speaks ("Boeing said")."""
    elsewhere = {fold(m.form) for m in mentions if m.ref.first > 0 or m.ref.roles or m.speaks}
    elsewhere |= {fold(w) for m in mentions if len(m.ref.words) > 1 for w in m.ref.words}
    return [
        m
        for m in mentions
        if not (
            len(m.ref.words) == 1
            and m.ref.first == 0
            and not m.ref.roles
            and fold(m.form) in opening
            and fold(m.form) not in elsewhere
        )
    ]


def _unknown(mention: _Mention) -> str:
    """What an unclustered name is read as: a place after "in" or "at", else nothing known."""
    return "place" if mention.placeish or mention.kind == "place" else ""


def _outlet_names(model) -> frozenset[str]:
    names = {plain(o.name) for o in model.outlets}
    for line in word_list("news_agencies"):
        names.update(plain(f.strip()) for f in line.split("|") if f.strip())
    return frozenset(names)


# --- clustering mentions into entities ----------------------------------------------------------


@dataclass
class _Grouping:
    """Clusters of mentions: `of[i]` is mention i's cluster, `kinds` each cluster's kind."""

    kinds: dict[int, str] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)

    def key_of(self, cluster: int) -> str:
        return self.keys.get(cluster, "")


def _cluster(mentions: list[_Mention], acronyms: list[tuple[str, str]]) -> _Grouping:
    forms = sorted({m.form for m in mentions} | {f for pair in acronyms for f in pair})
    index = {f: i for i, f in enumerate(forms)}
    kinds = _form_kinds(mentions, forms, acronyms)
    clusters = _Clusters(forms)
    roles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        roles[m.form] |= m.ref.roles - _HONORIFICS
    _join_full_names(
        clusters,
        [f for f in forms if kinds[f] in (PERSON, _CANDIDATE) and len(name_tokens(f)) >= 2],
        roles,
    )
    _join_bodies(clusters, [f for f in forms if kinds[f] == ORGANISATION])
    for full, acronym in acronyms:
        clusters.join(index[full], index[acronym])
    grouping = _Grouping()
    for root, members in clusters.groups().items():
        grouping.kinds[root] = _cluster_kind(
            [kinds[forms[i]] for i in members], [m for m in mentions if index[m.form] in members]
        )
    for form, i in index.items():
        kinds[form] = grouping.kinds[clusters.root(i)] if kinds[form] == _CANDIDATE else kinds[form]
    _attach_short_forms(mentions, clusters, index, kinds, grouping)
    return grouping


_CANDIDATE = "candidate"  # two to four capitalised words with nothing yet to say who or what


def _cluster_kind(kinds: list[str], mentions: list[_Mention]) -> str:
    """A cluster is a body if any form is one's; a person if any form has a person's role, or
    if its forms are bare names that stand mostly where people stand (not after "in", "at")."""
    if ORGANISATION in kinds:
        return ORGANISATION
    if PERSON in kinds:
        return PERSON
    if _CANDIDATE in kinds:
        prose = [m for m in mentions if not m.headline and not m.form.isupper()]
        if prose and sum(m.placeish for m in prose) * 2 < len(prose):
            return PERSON
        return "place"
    return kinds[0] if kinds else ""


def _looks_like_a_name(form: str) -> bool:
    """Words written as people's names are: each capitalised and then lower case ("DPC
    Ireland", "Union-U" are not), none naming a place, an outlet or a thing."""
    for word in form.split():
        if fold(word) in _PARTICLES or re.fullmatch(r"[A-Z]\.", word):
            continue  # "da Silva", "Maria T. Lopez"
        rest = word[1:].replace("'", "").replace("\u2019", "")
        if not word[:1].isupper() or (rest and not rest.islower() and not _mixed_case_name(word)):
            return False
    words = set(name_tokens(form))
    return not words & (word_set("place_words") | word_set("outlet_words"))


def _mixed_case_name(word: str) -> bool:
    """ "MacAllister", "McCarthy", "DeSantis", "O'Neill": capitals inside a surname."""
    return bool(re.fullmatch(r"(?:Mac|Mc|De|Di|Da|Le|La|Van|O['\u2019])[A-Z][a-z]+", word))


def _form_kinds(mentions: list[_Mention], forms: list[str], acronyms) -> dict[str, str]:
    """Each printed form as a person, a body, a place or not yet known, from its mentions."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if not m.headline:  # a headline capitalises every word: it names nobody new
            votes[m.form][m.kind] += 1
    things = _things(mentions, votes)
    kinds = {}
    for form in forms:
        vote = votes[form]
        words = [w for w in name_tokens(form) if w not in _PARTICLES]
        if vote[ORGANISATION] or form in things and things[form] == ORGANISATION:
            kinds[form] = ORGANISATION
        elif vote["place"] or form in things:
            kinds[form] = "place"
        elif vote[PERSON]:
            kinds[form] = PERSON
        elif vote and 2 <= len(words) <= 4 and _looks_like_a_name(form):
            kinds[form] = _CANDIDATE
        elif vote and any(w in word_set("outlet_words") for w in name_tokens(form)[-1:]):
            kinds[form] = ORGANISATION
        else:
            kinds[form] = ""
    for full, acronym in acronyms:
        kinds[full] = kinds[acronym] = ORGANISATION
    return kinds


def _things(mentions: list[_Mention], votes: dict[str, Counter]) -> dict[str, str]:
    """Forms that name a thing, not a person, from how the text uses them -> "place" (a flight,
    a model, an event, a team, a product, a place), or ORGANISATION for a maker that also
    speaks ("Boeing 737-800" and "Boeing said"). A number after the name counts where it follows
    the name more often than a person's title comes with it; a plural verb or "they", or "a" before it ("joined a Google Meet"), only
    where every mention in prose shows it; a name holding such a thing's ("Super Bowls") goes
    with it."""
    prose: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if not m.headline:
            prose[m.form].append(m)
    found = {form: kind for form, seen in prose.items()
             if (kind := _used_as_a_thing(form, seen, votes[form][PERSON]))}
    for form, seen in prose.items():
        opening = all(m.common_opener for m in seen)
        if form not in found and _holds_a_thing(form, found, opening):
            found[form] = ORGANISATION if any(m.speaks for m in seen) else "place"
    # A place opening a report, or printed with its people's ending; a body named after it
    # ("New York Times") stays a body.
    found.update({form: "place" for form, seen in prose.items()
                  if any(m.dateline for m in seen) and not votes[form][PERSON]})
    found.update(dict.fromkeys(_demonymed(list(prose)), "place"))
    folded = {fold(f): kind for f, kind in found.items()}
    for form in prose:
        found.setdefault(form, folded.get(fold(form), ""))  # "NEW YORK" and "New York"
    return {form: kind for form, kind in found.items() if kind}


def _used_as_a_thing(form: str, seen: list[_Mention], titled: int) -> str:
    """What a form's mentions in prose show it to be: "place", ORGANISATION (a maker that
    speaks) or "" (nothing against a person); `titled` counts its mentions with a person's
    title."""
    speaks = any(m.speaks for m in seen)
    numbered = sum(m.numbered for m in seen)
    if numbered > titled:
        return ORGANISATION if speaks else "place"
    if (
        (all(m.plural for m in seen) or all(m.indefinite for m in seen))
        and not titled
        and not speaks
        and not set(name_tokens(form)[-1:]) & word_set("outlet_words")  # "a Post reporter"
    ):
        return "place"
    return ""


# Endings that make a place's name its people's ("South Korean", "New Yorkers").
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "er", "ers", "ns", "ans", "ians")


def _demonymed(forms: list[str]) -> set[str]:
    """Names of two words or more printed also with a demonym's ending ("South Korea" and
    "South Korean"): a place and its people, never a person's name."""
    printed = set(forms)
    found = set()
    for form in forms:
        if len(form.split()) < 2:
            continue
        derived = {form + ending for ending in _DEMONYM_ENDINGS} & printed
        if derived:
            found |= {form, *derived}
    return found


def _holds_a_thing(form: str, things: dict[str, str], opening: bool) -> bool:
    """ "Super Bowls" beside "Super Bowl", "Jeju Air Boeing" beside "Jeju Air", "Affected
    Windows" beside "Windows": the plural of a thing's name, a name whose opening or last words
    are a thing's or a maker's name of two words or more, or all but a first word capitalised
    only as it opens the sentence, a word printed in lower case too ("Harrison Ford" beside
    "Ford F-150" stays a person), or the opening of a thing's name."""
    singular = re.sub(r"e?s$", "", form)
    if singular != form and things.get(singular) == "place":
        return True
    if any(thing.startswith(form + " ") for thing in things):
        return True  # "Korean Air" of "Korean Air Flight 801": an operator or a maker
    words = form.split()
    if opening and " ".join(words[1:]) in things:
        return True
    parts = [" ".join(part) for i in range(1, len(words)) for part in (words[:i], words[i:])]
    return any(part in things and " " in part for part in parts)


def _blocks(forms: list[str], keys) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        for key in keys(form):
            found[key].append(form)
    return found


def _join_full_names(clusters: _Clusters, forms: list[str], roles: dict[str, set[str]]) -> None:
    """People's full names joined when they name one person. Only names sharing a first name,
    a surname's opening or a run of letters are compared, so a long story costs no more than a
    short one."""
    index = {f: i for i, f in enumerate(clusters.forms)}

    def keys(form: str):
        tokens = name_tokens(form)
        return {"s:" + transliterated(tokens[-1])[:2], "j:" + "".join(tokens)[:3], "f:" + tokens[0]}

    for block in _blocks(forms, keys).values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same_person(a, b, bool(roles.get(a, set()) & roles.get(b, set()))):
                    clusters.join(index[a], index[b])


def _join_bodies(clusters: _Clusters, forms: list[str]) -> None:
    index = {f: i for i, f in enumerate(clusters.forms)}
    full = [f for f in forms if not is_acronym(f)]
    for block in _blocks(
        full, lambda f: {name_tokens(f)[-1]} if name_tokens(f) else set()
    ).values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if (len(name_tokens(a)) == len(name_tokens(b)) and same_body(a, b)) or _near_body(
                    a, b
                ):
                    clusters.join(index[a], index[b])
    _join_company_names(clusters, index, forms)
    # A shorter name ("Data Protection Commission") and an acronym join the one body they fit:
    # a suffix shares the last word, an acronym its letters.
    by_last: dict[str, list[str]] = defaultdict(list)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for f in full:
        by_last[name_tokens(f)[-1] if name_tokens(f) else ""].append(f)
        by_initials[initials(f)].append(f)
    for short in forms:
        tokens = name_tokens(short)
        near = (
            by_initials.get(short, [])
            if is_acronym(short)
            else by_last.get(tokens[-1] if tokens else "", [])
        )
        fits = {clusters.root(index[f]) for f in near if f != short and same_body(short, f)}
        if len(fits) == 1:
            clusters.join(fits.pop(), index[short])
    _join_place_and_head_forms(clusters, index, forms, full)


def _join_company_names(clusters: _Clusters, index: dict[str, int], forms: list[str]) -> None:
    """ "Alphabet Inc.", "Meta Platforms": a company's name with only company words after it."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        if name_tokens(form):
            by_first[name_tokens(form)[0]].append(form)
    for group in by_first.values():
        for short in group:
            for longer in group:
                size = len(name_tokens(short))
                rest = name_tokens(longer)[size:]
                if (
                    rest
                    and name_tokens(longer)[:size] == name_tokens(short)
                    and all(w in word_set("organisation_words") for w in rest)
                ):
                    clusters.join(index[short], index[longer])


def _join_place_and_head_forms(
    clusters: _Clusters, index: dict[str, int], forms: list[str], full: list[str]
) -> None:
    """ "DPC Ireland", "Irish DPC": an acronym the story defines, with a word of place beside it;
    "the Clinic": the last word of one body's name, standing alone."""
    acronyms = {f: clusters.root(index[f]) for f in forms if is_acronym(f)}
    heads: dict[str, set[int]] = defaultdict(set)
    for f in full:
        if len(f.split()) > 1:
            heads[fold(f.split()[-1])].add(clusters.root(index[f]))
    for form in forms:
        words = form.split()
        if len(words) == 2 and sum(w in acronyms for w in words) == 1:
            clusters.join(acronyms[next(w for w in words if w in acronyms)], index[form])
        elif (
            len(words) == 1
            and fold(form) in word_set("organisation_words")
            and len(heads.get(fold(form), ())) == 1
        ):
            clusters.join(next(iter(heads[fold(form)])), index[form])


def _attach_short_forms(
    mentions: list[_Mention],
    clusters: _Clusters,
    index: dict[str, int],
    kinds: dict[str, str],
    grouping: _Grouping,
) -> None:
    """Each mention's cluster; a surname alone ("Lopez", "Ms Lopez") goes to the one person
    of the story whose full name has it, preferring someone its own article names in full."""
    people = _people_by_word(mentions, clusters, index, kinds)
    in_article: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        if kinds.get(m.form) == PERSON and len(name_tokens(m.form)) >= 2:
            in_article[m.article].add(clusters.root(index[m.form]))
    speaking = {m.form for m in mentions if m.speaks}
    for m in mentions:
        root = clusters.root(index[m.form])
        tokens = name_tokens(m.form)
        if kinds.get(m.form) == PERSON and len(tokens) >= 2:
            m.entity = root
        elif kinds.get(m.form) == ORGANISATION:
            m.entity = root
        elif tokens and kinds.get(m.form) != "place":
            m.entity = _short_owner(tokens, m, people, in_article, root, speaking)
        if m.entity >= 0:
            grouping.kinds.setdefault(m.entity, kinds.get(m.form) or ORGANISATION)
    _name_clusters(mentions, clusters, grouping)


def _people_by_word(mentions: list[_Mention], clusters: _Clusters, index: dict[str, int],
                    kinds: dict[str, str]) -> dict[str, set[int]]:
    """Name word -> clusters of people whose full names hold it: a surname always, another word
    ("Lula", "Mark") only for someone the story gives a role or makes speak, since a bare
    capitalised pair ("Google Stock Unit") may be no person at all."""
    confirmed = {clusters.root(index[m.form]) for m in mentions
                 if (m.kind == PERSON or m.speaks) and len(name_tokens(m.form)) >= 2}
    people: dict[str, set[int]] = defaultdict(set)
    for form, i in index.items():
        if kinds.get(form) == PERSON and len(name_tokens(form)) >= 2:
            tokens = name_tokens(form)
            for word in tokens if clusters.root(i) in confirmed else tokens[-1:]:
                people[word].add(clusters.root(i))
    return people


def _short_owner(
    tokens, mention: _Mention, people, in_article, root: int, speaking: set[str]
) -> int:
    word = " ".join(tokens)
    owners = (
        set.intersection(*(set(people.get(t, set())) for t in tokens))
        if len(tokens) <= 2
        else set()
    )
    if not owners and len(tokens) == 1 and mention.form not in speaking:
        # "Zuckerburg" alone for Mark Zuckerberg: a slip of a surname, not a word of its own
        # ("Teslas" is only "Tesla" with an ending).
        near = {w for w in people if is_slip(w, tokens[0]) and not _related_word(w, tokens[0])}
        owners = set().union(*(people[w] for w in near)) if len(near) == 1 else set()
    if len(owners) > 1:
        owners &= in_article.get(mention.article, set())
    if len(owners) == 1:
        return owners.pop()
    if not owners and (mention.form in speaking or mention.kind == PERSON) and word:
        return root  # someone named only this way: a body ("Meta said") or a mononym
    return -1


def _related_word(a: str, b: str) -> bool:
    """ "Peru"/"Peruvian", "Tesla"/"Teslas": one word built from the other, not a respelling."""
    short, long = sorted((plain(a), plain(b)), key=len)
    return long.startswith(short) and long[len(short) :] in word_set("name_suffixes")


def _name_clusters(mentions: list[_Mention], clusters: _Clusters, grouping: _Grouping) -> None:
    """Each cluster's key: its commonest full form, plain."""
    forms: dict[int, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.entity >= 0:
            forms[m.entity][m.form] += 1
    taken: set[str] = set()
    for cluster, counts in sorted(forms.items()):
        best = max(counts, key=lambda f: (len(name_tokens(f)), counts[f], f))
        key = " ".join(name_tokens(best)) or plain(best)
        while key in taken:
            key += "'"
        taken.add(key)
        grouping.keys[cluster] = key


def _entities(mentions: list[_Mention], grouping: _Grouping, outlets: frozenset[str]):
    by_cluster: dict[int, list[_Mention]] = defaultdict(list)
    in_prose = {m.form for m in mentions if not m.headline}
    for m in mentions:
        # A headline's capitals run words into a name ("Leftist Lula"): only a form the
        # articles print in prose, or one word, counts there.
        if m.headline and m.form not in in_prose and len(name_tokens(m.form)) > 1:
            m.entity = -1
        if m.entity >= 0:
            by_cluster[m.entity].append(m)
    entities, by_form, places = [], {}, defaultdict(list)
    for cluster, found in sorted(
        by_cluster.items(), key=lambda kv: (kv[1][0].article, kv[1][0].start)
    ):
        kind = grouping.kinds.get(cluster) or ORGANISATION
        kind = kind if kind in (PERSON, ORGANISATION) else ORGANISATION
        if (
            kind == PERSON
            and not any(len(name_tokens(m.form)) >= 2 or m.ref.roles for m in found)
            and not any(m.speaks for m in found)
        ):
            continue
        entity = _entity(grouping.key_of(cluster), kind, found, outlets)
        entities.append(entity)
        for variant in entity.variants:
            by_form.setdefault(plain(variant.form), entity.key)
            by_form.setdefault(" ".join(name_tokens(variant.form)), entity.key)
        for m in found:
            places[m.article].append((m.start, m.end, entity.key))
    for spans in places.values():
        spans.sort()
    return tuple(entities), by_form, dict(places)


def _entity(key: str, kind: str, found: list[_Mention], outlets: frozenset[str]) -> Entity:
    articles: dict[str, list[str]] = defaultdict(list)
    for m in found:
        if m.article not in articles[m.form]:
            articles[m.form].append(m.article)
    variants = _variants(articles, kind)
    name = _fullest(variants, kind)
    roles = Counter(m.ref.title for m in found if m.ref.title and kind == PERSON)
    words = name_tokens(name)
    is_outlet = (
        plain(name) in outlets
        or any(plain(v.form) in outlets for v in variants)
        or (kind == ORGANISATION and bool(words) and words[-1] in word_set("outlet_words"))
        or (any(m.reports for m in found) and not any(m.speaks and not m.reports for m in found))
    )
    return Entity(
        key=key,
        kind=kind,
        name=name,
        variants=variants,
        roles=tuple(sorted(roles, key=lambda t: (-roles[t], len(t), t))),
        mentions=tuple(Passage(m.article, m.start, m.end, m.form) for m in found),
        speaks=any(m.speaks for m in found),
        outlet=is_outlet,
        verbs=frozenset().union(*(m.verbs for m in found)),
    )


def _variants(articles: dict[str, list[str]], kind: str) -> tuple[Variant, ...]:
    """Each form with its articles, a respelling marked against the form most articles print
    in the same shape (the same number of words)."""
    found = []
    for form, ids in sorted(articles.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rivals = [
            f
            for f in articles
            if f != form
            and spelling_difference(f, form) not in ("", "other")
            and len(articles[f]) > len(ids)
        ]
        standard = max(rivals, key=lambda f: (len(articles[f]), f)) if rivals else ""
        if not standard and len(form.split()) == 1:
            standard = _surname_respelt(form, articles, len(ids))
        spelling = spelling_difference(standard, form) if standard else ""
        found.append(Variant(form, tuple(ids), spelling, standard))
    return tuple(found)


def _surname_respelt(word: str, articles: dict[str, list[str]], count: int) -> str:
    """ "Zuckerburg" alone where more articles print "Mark Zuckerberg": the surname it
    respells, else ""."""
    for form in sorted(articles, key=lambda f: -len(articles[f])):
        last = form.split()[-1]
        if (
            len(articles[form]) > count
            and len(form.split()) > 1
            and spelling_difference(last, word) not in ("", "other")
        ):
            return last
    return ""


def _fullest(variants: tuple[Variant, ...], kind: str) -> str:
    """The fullest form printed, and of those the one most articles print; never a slip. For a
    body, its commonest full name ("Cleveland Clinic", not one outlet's "American Cleveland
    Clinic")."""
    usable = [v for v in variants if v.spelling != "slip"] or list(variants)
    if kind == ORGANISATION:
        named = [v for v in usable if not is_acronym(v.form)] or usable
        return max(named, key=_body_rank).form
    return max(usable, key=_person_rank).form


def _body_rank(v: Variant) -> tuple:
    words = len(name_tokens(v.form))
    return (not v.form.isupper(), len(v.articles) > 1, words > 1, len(v.articles), words, v.form)


def _person_rank(v: Variant) -> tuple:
    return (not v.form.isupper() or len(v.form) <= 6, len(name_tokens(v.form)), len(v.articles),
            -len(v.form), v.form)


# --- who may speak for whom ---------------------------------------------------------------------

# Titles that name no body of their own: "a spokeswoman", "the chief executive".
_BARE_TITLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "official",
                          "ceo", "executive", "director", "chairman", "chairwoman", "chairperson",
                          "chair", "founder", "co-founder", "manager", "officer", "representative",
                          "boss"})
_GAP_WORD = r"[\w'\u2019-]+"


def _distinctive(entity: Entity) -> set[str]:
    """Plain words of an entity's names that tell it apart ("meta", "edpb"), not "of" or
    "ministry"."""
    return {
        w
        for f in entity.forms
        for w in name_tokens(f)
        if w not in _LINKS and w not in word_set("organisation_words") and len(w) >= 2
    }


def _affiliated(a: Entity, b: Entity, texts: dict[str, str]) -> bool:
    if a.kind == ORGANISATION and b.kind == ORGANISATION:
        return bool(_distinctive(a) & _distinctive(b))
    if a.kind == PERSON and b.kind == PERSON:
        return False
    person, body = (a, b) if a.kind == PERSON else (b, a)
    titles = [_title_words(role) for role in person.roles]
    # A title naming the body: "Boeing CEO", "EDPB chair", "Peruvian Health Ministry spokesman".
    for form in body.forms:
        own = {
            w
            for w in name_tokens(form)
            if w not in _LINKS and w not in word_set("organisation_words")
        }
        if own and any(own <= title for title in titles):
            return True
    if titles and all(t <= _BARE_TITLES | _LINKS | {"a", "an", "its", "the"} for t in titles):
        return True  # "the spokeswoman", "its CEO": whose, the story does not say
    return _described_with(person, body, texts)


def _title_words(role: str) -> set[str]:
    """A title's words, plain, abbreviations kept whole ("U.S." -> "us")."""
    return {
        re.sub(r"'s$", "", w.replace(".", ""))
        for w in re.findall(r"[\w.'\u2019-]+", plain(role).replace("\u2019", "'"))
    } - {""}


def _described_with(person: Entity, body: Entity, texts: dict[str, str]) -> bool:
    """An article sets the body's name beside the person's: "<Body>'s spokeswoman <Name>",
    "<Name>, spokeswoman for <Body>", "<Name> of <Body>" (not "<Name> said of <Body>", nor
    "<Name>, who led talks for <Body>'s largest union")."""
    names = "|".join(re.escape(fold(f)) for f in person.forms if len(f) > 2)
    bodies = "|".join(re.escape(fold(f)) for f in body.forms if len(f) > 1)
    if not names or not bodies:
        return False
    after = re.compile(
        rf"(?<!\w)(?:{names}),?((?:\s+{_GAP_WORD}){{0,5}}?)\s+(?:for|of|at|from|with)"
        rf"((?:\s+{_GAP_WORD}){{0,3}}?)\s+(?:{bodies})(?!\w|'s|\u2019s)"
    )
    before = re.compile(
        rf"(?<!\w)(?:{bodies})(?:'s|\u2019s)?,?((?:\s+{_GAP_WORD}){{0,6}}?),?\s+"
        rf"(?:{names})(?!\w)"
    )
    for window in _windows(person, body, texts):
        for pattern in (after, before):
            for match in pattern.finditer(window):
                gap = " ".join(g for g in match.groups() if g).split()
                if not any(w.strip(",") in word_set("speech_verbs") for w in gap):
                    return True
    return False


_NEAR = 90  # characters between two names that one phrase may join


def _windows(person: Entity, body: Entity, texts: dict[str, str]):
    """The folded stretches of text where the two are named close together: only there can one
    describe the other, so nothing else is searched."""
    bodies: dict[str, list[Passage]] = defaultdict(list)
    for mention in body.mentions:
        bodies[mention.article].append(mention)
    for mention in person.mentions:
        for other in bodies.get(mention.article, ()):
            if abs(other.start - mention.start) <= _NEAR:
                text = texts.get(mention.article, "")
                lo, hi = min(other.start, mention.start), max(other.end, mention.end)
                yield fold(text[max(0, lo - 2) : hi + 2])
