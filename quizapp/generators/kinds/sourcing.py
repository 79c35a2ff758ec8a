"""Sourcing: whom each outlet credits for its account (a news agency, another outlet, an
unnamed official) and which outlet credits no one, each proven by the crediting sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators import gate as verify
from quizapp.generators.model import Evidence, Question, Story
from quizapp.generators.reading.details import (
    entries_by_role,
    has_speech_verb,
    phrase_pattern,
    prose_sentences,
    role_words,
    speech_verbs,
    words_of,
)
from quizapp.generators.reading.text import fold, sentence_at, sentences, word_list, word_set
from quizapp.generators.writing.outlets import (
    Outlet,
    agencies,
    agency_forms,
    choice_question,
    choose_all,
    distractors,
    evidence_in,
    names_list,
    outlet_question,
    story_outlets,
    which_outlets,
)

KIND = "sourcing"
SKILL = "sourcing"
MAX_QUESTIONS = 7

UNNAMED = "An unnamed official or source"
NO_ONE = "No news agency or outlet"

# --- vocabulary -------------------------------------------------------------------------------


def _is_abbreviation(form: str) -> bool:
    """"AP", "dpa", "ANA-MPA": short forms that are only a credit when written exactly so."""
    return " " not in form and (form.upper() == form or form.lower() == form or len(form) <= 4)


def _credit_words() -> dict[str, frozenset[str]]:
    return entries_by_role("credit_words")


# Curly quotes and apostrophes read as straight ones, keeping the text's length and case.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


_NAME_WORD = r"[A-Z][\w\-'\u2019]*"


@lru_cache(maxsize=1)
def _unnamed_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(regex, "sure" or "maybe") for each pattern of unnamed_sources.txt. A pattern runs over the
    sentence as written, its words matched in any case; "{Name}" stands for one to three
    capitalised words ("a Beijing official said", "Ukrainian officials disclosed"), which is why
    the case of the text is kept."""
    verbs = "(?i:" + "|".join(sorted(map(re.escape, speech_verbs()), key=len, reverse=True)) + r")\b"
    found = []
    for line in word_list("unnamed_sources"):
        pattern, _, certainty = line.rpartition("|")
        if certainty.strip() == "word":
            continue
        pieces = []
        for word in pattern.split():
            if word == "*":
                pieces.append(r"(?:[\w\-'\u2019]+\s+){0,4}")
            elif word == "{verb}":
                pieces.append(verbs + r"\s*")
            elif word == "{Name}":
                pieces.append(r"(?P<name>(?:" + _NAME_WORD + r"\s+){1,3})")
            else:
                pieces.append("(?i:" + re.escape(word) + r")\b\s*")
        found.append((re.compile(r"(?<![\w])" + "".join(pieces)), certainty.strip()))
    return tuple(found)


def _is_place_or_adjective(words: str) -> bool:
    """Capitalised words before "official(s)" that say where the official is from ("Beijing",
    "Ukrainian", "White House"), not a sentence opener ("The", "Some") or a day ("Monday")."""
    first = fold(words.split()[0])
    return not any(first in word_set(name) for name in
                   ("name_stopwords", "sentence_openers", "function_words", "pronouns", "calendar_words"))


def _unnamed_match(sentence_text: str, certainty: str) -> bool:
    text = sentence_text.translate(_QUOTES)
    for pattern, found in _unnamed_patterns():
        if found != certainty:
            continue
        for m in pattern.finditer(text):
            if "name" not in pattern.groupindex or _is_place_or_adjective(m.group("name")):
                return True
    return False


def _unnamed_words() -> frozenset[str]:
    return frozenset(fold(line.rpartition("|")[0].strip()) for line in word_list("unnamed_sources")
                     if line.rpartition("|")[2].strip() == "word")


# --- credits ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credit:
    source: str  # as a choice shows it: "AFP", or a name as the text writes it
    passage: str  # the sentence or line that credits it, exact text


def _is_caption(line: str) -> bool:
    return phrase_pattern(_credit_words().get("caption", frozenset())).search(fold(line)) is not None


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:] if end < 0 else text[start:end]


def _passage_at(text: str, offset: int) -> str:
    sentence = sentence_at(text, offset)
    return sentence.text if sentence else _line_at(text, offset).strip()


def _agency_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, agency name) for each agency written in `text`, longest form first so
    "Australian Associated Press" is not read as "Associated Press"."""
    folded = fold(text)
    hits = []
    for name, forms in agencies():
        for form in forms:
            if _is_abbreviation(form):
                pattern, hay = r"(?<![\w\-])" + re.escape(form) + r"(?![\w\-])", text
            else:
                pattern, hay = r"(?<![\w\-])" + re.escape(fold(form)) + r"(?![\w\-])", folded
            hits.extend((m.start(), m.end(), name) for m in re.finditer(pattern, hay))
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        if not any(h[0] < hit[1] and hit[0] < h[1] for h in kept):
            kept.append(hit)
    return sorted(kept)


_NAME = r"(?P<name>(?:[A-Z][\w\-]*[A-Za-z]\s?){1,4})"


def _looks_like_source_name(name: str, own: str) -> bool:
    words = name.split()
    low = [fold(w) for w in words]
    if not words or fold(name) == fold(own):
        return False
    if low[0] in word_set("name_stopwords") or low[0] in word_set("sentence_openers"):
        return False
    if low[-1] in word_set("organisation_words") or low[-1] in role_words():
        return False  # "the Emergencies Ministry reports" is an institution, not a news source
    return not any(w in word_set("pronouns") or w in word_set("calendar_words") for w in low)


def _pattern_credits(sentence_text: str, own: str, outlets: tuple[str, ...]) -> list[str]:
    """Names a sentence credits by the shape of news credits, whoever they are: "..., X
    reports.", "..., X reported.", "quoted by (news agency) X", "news agency X", "X news agency",
    and "according to / told / citing X" when X is another outlet of the story. "X reports" at a
    sentence's start is left out: "Media reports say" names no one."""
    found = []
    shapes = [
        r"[,;]\s" + _NAME + r" reports(?: that\b|$)",
        r",\s" + _NAME + r" reported\.?$",
        r"\bquoted by (?:the )?(?:news agency |news outlet )?" + _NAME,
        r"\bnews agency " + _NAME,
        _NAME + r" news agency\b",
    ]
    body = sentence_text.strip().rstrip(".")
    for shape in shapes:
        for m in re.finditer(shape, body):
            name = m.group("name").strip()
            if _looks_like_source_name(name, own):
                found.append(name)
    for outlet in outlets:
        if fold(outlet) == fold(own):
            continue
        shape = r"\b(?:according to|told|citing|quoted by|reported by)\s+" + re.escape(fold(outlet))
        if re.search(shape + r"\b", fold(body)):
            found.append(outlet)
    return found


def credits(outlet: Outlet, outlets: tuple[Outlet, ...]) -> list[tuple[Credit, str]]:
    """(credit, article id) for every agency or outlet the outlet's articles credit, in text
    order. An agency named only in a photo caption is not a credit for the account."""
    found: list[tuple[Credit, str]] = []
    others = tuple(o.name for o in outlets)
    for article in outlet.articles:
        text = article.text
        for start, end, name in _agency_hits(text):
            if _is_caption(_line_at(text, start)) or "/" in text[max(0, start - 2):end + 2]:
                continue
            if any(fold(form) == fold(outlet.name) for form in source_forms(name)):
                continue  # an agency's own copy names it: that is not crediting someone else
            found.append((Credit(name, _passage_at(text, start)), article.id))
        for sentence in sentences(text):
            for name in _pattern_credits(sentence.text, outlet.name, others):
                if not any(fold(name) == fold(c.source) for c, _ in found):
                    found.append((Credit(name, sentence.text), article.id))
    return found


def credit_in_passage(passage: str, source: str, own: str, outlets: tuple[str, ...]) -> bool:
    """Whether `passage` alone credits `source`: the proof a keyed credit must carry."""
    if _is_caption(passage):
        return False
    for start, end, name in _agency_hits(passage):
        if name == source and "/" not in passage[max(0, start - 2):end + 2]:
            return True
    return any(fold(n) == fold(source) for n in _pattern_credits(passage, own, outlets))


def source_forms(source: str) -> tuple[str, ...]:
    for name, forms in agencies():
        if name == source:
            return forms
    return (source,)


def never_names(text: str, source: str) -> bool:
    """Whether `text` never writes the source in any form, any case: a wrong choice's proof."""
    folded = fold(text)
    return not any(re.search(r"(?<![\w\-])" + re.escape(fold(f)) + r"(?![\w\-])", folded)
                   for f in source_forms(source))


def may_credit_someone(text: str) -> bool:
    """Broad: any agency form in any case, any credit signal word, "according to" or "told"
    before a capitalised name, or a capitalised name before "reported"."""
    folded = fold(text)
    if any(re.search(r"(?<![\w\-])" + re.escape(fold(f)) + r"(?![\w\-])", folded) for f in agency_forms()):
        return True
    signals = phrase_pattern(_credit_words().get("signal", frozenset()))
    if signals and signals.search(folded):
        return True
    return bool(re.search(r"\b(?:[Aa]ccording to|told|citing)\s+(?:the\s+)?[A-Z]", text)
                or re.search(r"[A-Z][\w\-]*\s+report(?:s|ed)\b", text))


# --- figures credited without a verb of speech ------------------------------------------------


def reporting_words(role: str) -> frozenset[str]:
    """Entries of reporting_verbs.txt of one role: "counts", "gives" or "figure"."""
    return entries_by_role("reporting_verbs").get(role, frozenset())


def has_reporting_verb(text: str) -> bool:
    """A verb of speech, "according to", or a verb that credits a figure to its subject
    ("recorded", "estimated", "put ... at", "gave"): the text attributes something to someone."""
    words = set(words_of(text))
    return has_speech_verb(text) or bool(words & (reporting_words("counts") | reporting_words("gives")))


_SUBJECT_WORD = r"[\w\-'\u2019.]+"
_SUBJECT_LINKS = frozenset({"the", "a", "an", "of", "and", "for", "on"})


@lru_cache(maxsize=1)
def _reporting_subject_pattern() -> re.Pattern[str]:
    verbs = "|".join(sorted(map(re.escape, reporting_words("counts")), key=len, reverse=True))
    aux = r"(?:(?:has|have|had|also|earlier|on \w+)\s+)*"
    return re.compile(r"^(?P<np>(?:" + _SUBJECT_WORD + r"\s){1,7}?)" + aux + r"(?P<verb>" + verbs + r")\b")


def reporting_subject(sentence_text: str) -> tuple[str, int] | None:
    """(subject, offset where its verb ends) when a sentence opens with a named body and a verb
    that says it produced the figures after it: "The Meteorological Institute recorded gusts of
    up to 90 kilometres an hour" gives "The Meteorological Institute". None unless the subject is
    plainly a name: capitalised words (with "the", "of", "and" between) ending in a capitalised
    word, an institution or a role, with no pronoun, number or opening adverb."""
    m = _reporting_subject_pattern().match(sentence_text.strip())
    if not m:
        return None
    np = m.group("np").strip(" ,")
    words = np.split()
    low = [fold(w) for w in words]
    if not words or low[0] in word_set("pronouns") or low[0] in word_set("sentence_openers") \
            or low[0] in word_set("calendar_words") or re.search(r"\d", np):
        return None
    head = low[-1]
    # A lone first word is capitalised by the sentence alone ("Sales recorded ..."): only an
    # institution or a role word shows it names someone.
    named_head = (len(words) > 1 and words[-1][:1].isupper()) or head in word_set("organisation_words") \
        or head in role_words()
    plain = all(w[:1].isupper() or fold(w) in _SUBJECT_LINKS for w in words[:-1])
    if not named_head or not plain or head in _SUBJECT_LINKS:
        return None
    return np, m.end() + (len(sentence_text) - len(sentence_text.lstrip()))


# --- unnamed sources --------------------------------------------------------------------------


def unnamed_passages(outlet: Outlet, certainty: str) -> list[Evidence]:
    """Sentences relying on someone unnamed, by the patterns of the given certainty."""
    found = []
    for article in outlet.articles:
        for sentence in sentences(article.text):
            if _unnamed_match(sentence.text, certainty):
                found.append(Evidence(article.id, sentence.text))
    return found


def relies_on_unnamed(passage: str) -> bool:
    return _unnamed_match(passage, "sure")


def free_of_unnamed(outlet: Outlet) -> bool:
    """No sentence matching any unnamed-source pattern, and none with a word such as "official"
    or "sources" beside a speech verb: the outlet surely names everyone it relies on."""
    if unnamed_passages(outlet, "sure") or unnamed_passages(outlet, "maybe"):
        return False
    for article in outlet.articles:
        for sentence in sentences(article.text):
            words = set(re.findall(r"[a-z]+", fold(sentence.text)))
            if words & _unnamed_words() and words & speech_verbs():
                return False
    return True


# --- questions --------------------------------------------------------------------------------


def _credit_question(story: Story, outlet: Outlet, outlets: tuple[Outlet, ...],
                     all_credits: dict[str, list[tuple[Credit, str]]]) -> Question | None:
    own = all_credits[outlet.name]
    keys = sorted({c.source for c, _ in own})
    names = tuple(o.name for o in outlets)
    others = sorted({c.source for o in outlets if o.name != outlet.name for c, _ in all_credits[o.name]})
    wrong = [s for s in others if s not in keys and never_names(outlet.text, s)][:3]
    # Fewer than three agencies to offer: fill with answers the text shows to be wrong too.
    fillers = ([UNNAMED] if free_of_unnamed(outlet) else []) + [NO_ONE]
    wrong = (wrong + fillers)[:max(3, len(wrong))]
    evidence = []
    for key in keys:
        credit, article_id = next((c, a) for c, a in own if c.source == key)
        evidence.append(Evidence(article_id, credit.passage))
    for key, ev in zip(keys, evidence):
        if not credit_in_passage(ev.text, key, outlet.name, names):
            return None
    for choice in wrong:
        if choice == UNNAMED and not free_of_unnamed(outlet):
            return None
        if choice not in (UNNAMED, NO_ONE) and not never_names(outlet.text, choice):
            return None
    prompt = (f"Which news agency or outlet does {outlet.name} credit for its account?"
              f"{choose_all(len(keys))}")
    named = [w for w in wrong if w not in (UNNAMED, NO_ONE)]
    absent = f"it never names {names_list(named, 'or')}" if named else "it credits no one else offered here"
    explanation = (f"Check whose reporting an outlet passes on: {outlet.name} credits "
                   f"{names_list(keys)}, as the highlighted sentence shows; {absent}.")
    question = choice_question(KIND, SKILL, prompt, keys, wrong, explanation, evidence)
    return question if verify.is_sound(question, story) else None


def _unnamed_question(story: Story, outlets: tuple[Outlet, ...]) -> Question | None:
    keys, evidence = [], []
    for outlet in outlets:
        found = unnamed_passages(outlet, "sure")
        if found:
            keys.append(outlet)
            evidence.append(found[0])
    wrong = distractors([o for o in outlets if o not in keys and free_of_unnamed(o)], "unnamed")
    verb = "relies" if len(keys) == 1 else "rely"
    prompt = f"{which_outlets(len(keys))} {verb} on an unnamed official or source?{choose_all(len(keys))}"
    if len(keys) + len(wrong) < len(outlets):
        # Outlets left out (unclear ones, or past the distractor limit) may rely on one too:
        # the prompt must not imply the keys are the only ones in the story.
        which = "which" if len(keys) == 1 else "which ones"
        prompt = f"Of these outlets, {which} {verb} on an unnamed official or source?{choose_all(len(keys))}"
    explanation = (
        f"An unnamed source cannot be checked by readers, so notice when an outlet relies on one: "
        f"{names_list([o.name for o in keys])} {'does' if len(keys) == 1 else 'do'}, as the evidence "
        f"shows; {names_list([o.name for o in wrong])} name{'s' if len(wrong) == 1 else ''} "
        f"everyone {'it quotes' if len(wrong) == 1 else 'they quote'}."
    )
    return outlet_question(story, KIND, SKILL, prompt, keys=keys, wrong=wrong, evidence=evidence,
                           explanation=explanation, key_holds=relies_on_unnamed,
                           wrong_holds=free_of_unnamed)


def _credits_no_one(outlet: Outlet, all_credits: dict[str, list[tuple[Credit, str]]]) -> bool:
    """No credit and no sign of one in the text, nor in the byline the loader kept aside (a
    "with Reuters" byline is a credit even when the page's byline line was stripped)."""
    bylines = " ".join(a.author for a in outlet.articles)
    return not all_credits[outlet.name] and not may_credit_someone(outlet.text) \
        and not may_credit_someone(bylines) and " with " not in f" {fold(bylines)} "


def _no_credit_question(story: Story, outlets: tuple[Outlet, ...],
                        all_credits: dict[str, list[tuple[Credit, str]]]) -> Question | None:
    keys = [o for o in outlets if _credits_no_one(o, all_credits)]
    crediting = [o for o in outlets if all_credits[o.name]]
    wrong = distractors(crediting, "no-credit")
    if not keys or not wrong:
        return None
    names = tuple(o.name for o in outlets)
    evidence = []
    for outlet in keys:
        opening = next((s.text for a in outlet.articles for s in prose_sentences(a.text)), "")
        found = evidence_in(outlet, opening)
        if not found:
            return None
        evidence.append(found)
    for outlet in wrong:
        credit, article_id = all_credits[outlet.name][0]
        evidence.append(Evidence(article_id, credit.passage))
    wrong_credit = {o.name: all_credits[o.name][0][0] for o in wrong}
    prompt = (f"{which_outlets(len(keys))} {'credits' if len(keys) == 1 else 'credit'} no news agency "
              f"or other outlet anywhere in {'its' if len(keys) == 1 else 'their'} text?"
              f"{choose_all(len(keys))}")
    explanation = (
        f"Ask where a report comes from: {names_list([o.name for o in keys])} "
        f"{'names' if len(keys) == 1 else 'name'} no agency or outlet anywhere (the opening is shown), "
        f"while " + "; ".join(f"{name} credits {c.source}" for name, c in wrong_credit.items()) + "."
    )
    question = outlet_question(
        story, KIND, SKILL, prompt, keys=keys, wrong=wrong, evidence=evidence,
        explanation=explanation,
        key_holds=None, key_lacks=lambda o: _credits_no_one(o, all_credits),
        wrong_holds=lambda o: any(credit_in_passage(e.text, wrong_credit[o.name].source, o.name, names)
                                  for e in evidence if evidence_in(o, e.text)),
    )
    return question


def generate(story: Story) -> list[Question]:
    outlets = story_outlets(story)
    if len(outlets) < 2:
        return []
    all_credits = {o.name: credits(o, outlets) for o in outlets}
    questions = []
    for outlet in outlets:
        if all_credits[outlet.name]:
            question = _credit_question(story, outlet, outlets, all_credits)
            if question:
                questions.append(question)
    for question in (_unnamed_question(story, outlets), _no_credit_question(story, outlets, all_credits)):
        if question:
            questions.append(question)
    return questions[:MAX_QUESTIONS]
