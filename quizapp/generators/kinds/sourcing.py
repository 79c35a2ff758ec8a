"""Sourcing: whom an article credits for its account. A byline, a dateline tag or a sign-off
credits the whole article to an agency or outlet; "..., AP reported" credits one statement. A
question asks only what a credit printed in the text shows (never the silence of a text that may
be cut off), never what the outlet's own label already names, and keeps apart an agency credited
for the whole article from one credited for a single statement."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators.model import Question
from quizapp.generators.reading.credits import (
    Credit,
    known_sources,
    names_source,
    source_forms,
)
from quizapp.generators.reading.details import (
    entries_by_role,
    has_speech_verb,
    phrase_pattern,
    role_words,
    words_of,
)
from quizapp.generators.reading.text import fold, word_set
from quizapp.generators.writing.choices import MAX_CHOICES, names_list, question
from quizapp.generators.writing.outlets import agency_forms

KIND = "sourcing"
MAX_QUESTIONS = 6
MAX_STATEMENT_QUESTIONS = 3
# Credits that name people ("Reporting by ...") or a part of the work ("X contributed to this
# report") are not a claim that the article is someone's report.
_WHOLE = frozenset({"byline", "dateline", "sign-off", "first ran", "copyright"})
HOW = {"byline": "byline", "dateline": "dateline", "sign-off": "sign-off at the end",
       "first ran": "note on where the article first ran", "copyright": "copyright line"}
PROMPT_WORDS = 40  # a statement quoted in a prompt is cut after this many words


def _named(credits: tuple[Credit, ...]) -> list[Credit]:
    return [c for c in credits if c.named and c.source]


def _pool(model) -> list[str]:
    """Sources a choice may offer: every agency or outlet credited in the story, agencies first,
    then the world's largest agencies, which any article might credit."""
    credited = [c.source for c in _named(model.credits)]
    agencies = [c.source for c in _named(model.credits) if c.agency]
    biggest = [s.name for s in known_sources() if s.agency][:3]
    return list(dict.fromkeys(agencies + credited + biggest))


def _label_names(label: str, source: str) -> bool:
    """Whether an outlet's label ("KOB 4 (Associated Press)") already names the source."""
    return names_source(label, source)


_INNER = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "\u2019"})


def _quoted(text: str, limit: int = 30) -> str:
    """A passage quoted in a prompt or explanation, its own double quotes made single."""
    words = text.split()
    cut = " ".join(words[:limit]) + ("\u2026" if len(words) > limit else "")
    cut = cut.translate(_INNER)
    cut = re.sub(r"(^|[\s(\[])\u2019", "\\1\u2018", cut)  # an opening straight quote
    return "\u201c" + cut + "\u201d"

def possessive(name: str) -> str:
    """"CBS 17’s", "Reuters’", and for a label with a bracket its name alone ("The Frontier
    Post (Reuters)" -> "The Frontier Post’s")."""
    name = re.sub(r"\s*\([^()]*\)$", "", name)
    return name + ("\u2019" if name.endswith("s") else "\u2019s")



def _wrong(model, label: str, text: str, keys: list[str], tempting: list[str]) -> list[str]:
    """Sources proven not to be the credited one: named for something else by the same article
    (`tempting`), or not named by it at all, while its credit names another; never one that the
    outlet's label names (a student would take the label for a credit)."""
    wrong = [t for t in tempting if t not in keys and not _label_names(label, t)][:2]
    for source in _pool(model):
        if len(keys) + len(wrong) >= MAX_CHOICES - 1:
            break
        if source in keys or source in wrong or names_source(text, source) \
                or _label_names(label, source):
            continue
        if any(fold(form) in fold(k) or fold(k) in fold(form)
               for k in keys for form in source_forms(source)):
            continue  # "Bloomberg" beside "Bloomberg News": one source, not two choices
        wrong.append(source)
    return wrong


# --- the whole article ------------------------------------------------------------------------


def _whole_question(model, outlet, credits: list[Credit]) -> Question | None:
    reading = model.article(outlet.article)
    whole = [c for c in credits if c.whole and c.how in _WHOLE and c.passage is not None]
    keys = list(dict.fromkeys(c.source for c in whole))
    if not keys or any(_label_names(outlet.label, k) for k in keys):
        return None
    statement = [c for c in credits if not c.whole and c.passage is not None
                 and c.source not in keys]
    tempting = list(dict.fromkeys(c.source for c in statement))
    wrong = _wrong(model, outlet.label, reading.text, keys, tempting)
    if len(wrong) < 2:
        return None
    lines = [next(c for c in whole if c.source == key) for key in keys]
    explanation = " ".join(
        f"{possessive(outlet.label)} {HOW[c.how]} ({_quoted(c.passage.text, 12)}) credits the "
        f"whole article to {c.source}: it is {possessive(c.source)} report, as {outlet.label} "
        f"carries it."
        for c in lines)
    evidence = [c.passage for c in lines]
    tempted = [t for t in tempting if t in wrong]
    if tempted:
        one = next(c for c in statement if c.source == tempted[0])
        explanation += (f" {names_list(tempted)} {'is' if len(tempted) == 1 else 'are'} credited "
                        f"only for one statement ({_quoted(one.passage.text, 14)}), which does "
                        f"not make the article {possessive(tempted[0])}.")
        evidence.append(one.passage)
    prompt = (f"Which news agency or outlet does {outlet.label} credit for the whole of its "
              f"article?")
    return question(KIND, prompt, keys, wrong, explanation, evidence)


# --- one statement ----------------------------------------------------------------------------


def _gapped(credit: Credit) -> str | None:
    """The crediting sentence with the credited name left out ("According to \u2026, IAM
    members voted ..."), so a prompt can quote it without giving the answer."""
    text = credit.passage.text.strip()
    at = text.find(credit.printed)
    if at < 0:
        return None
    gapped = text[:at] + "\u2026" + text[at + len(credit.printed):]
    gapped = re.sub(r"\b(?:the|The)\s+\u2026", "\u2026", gapped)
    if names_source(gapped, credit.source) or len(gapped.split()) < 6:
        return None
    return gapped


def _weight(credit: Credit) -> int:
    """How much a class learns from asking about this credit: the article's opening first, then
    a statement with a figure, then one with a quotation."""
    text = credit.passage.text
    return (3 * credit.lede + 2 * bool(re.search(r"\d", text))
            + bool(re.search("[\"\u201c\u201d]", text)))


def _statement_question(model, outlet, credits: list[Credit], asked: set[str]) -> Question | None:
    candidates = [c for c in credits if not c.whole and c.passage is not None
                  and not _label_names(outlet.label, c.source)]
    for credit in sorted(candidates, key=lambda c: -_weight(c)):
        gapped = _gapped(credit)
        seen = " ".join(fold(credit.passage.text).split())[:80]
        if gapped is None or seen in asked:
            continue  # the same sentence, copied by two outlets, is asked once
        others = list(dict.fromkeys(c.source for c in credits if c.source != credit.source
                                    and c.passage is not None and c.passage != credit.passage))
        wrong = [w for w in _wrong(model, outlet.label, credit.passage.text, [credit.source],
                                   others) if not names_source(credit.passage.text, w)]
        if len(wrong) < 2:
            continue
        asked.add(seen)
        prompt = (f"{outlet.label} writes: {_quoted(gapped, PROMPT_WORDS)} Which news agency or "
                  f"outlet does it credit where the \u2026 is?")
        explanation = (f"{outlet.label} credits {credit.source} here: "
                       f"{_quoted(credit.passage.text, 45)}. A credit in the sentence tells a "
                       f"reader whose reporting the statement rests on.")
        evidence = [credit.passage]
        elsewhere = [c for c in credits if c.source in wrong and c.passage is not None
                     and c.passage != credit.passage]
        if elsewhere:
            explanation += (f" {elsewhere[0].source}, which {outlet.label} credits for another "
                            f"statement ({_quoted(elsewhere[0].passage.text, 12)}), is not the "
                            f"source of this one.")
            evidence.append(elsewhere[0].passage)
        confidence, reasons = 1.0, []
        if not _weight(credit):
            confidence, reasons = 0.9, ["the credited statement is a side detail of the story"]
        return question(KIND, prompt, [credit.source], wrong, explanation, evidence, confidence,
                        reasons)
    return None


def write(model) -> list[Question]:
    if len(model.outlets) < 2:
        return []
    by_article: dict[str, list[Credit]] = {}
    for credit in _named(model.credits):
        by_article.setdefault(credit.article, []).append(credit)
    whole, statements = [], []
    asked: set[str] = set()
    for outlet in model.outlets:
        credits = by_article.get(outlet.article, [])
        written = _whole_question(model, outlet, credits)
        if written:
            whole.append(written)
            continue
        written = _statement_question(model, outlet, credits, asked)
        if written:
            statements.append(written)
    # The statements most worth a class's time: an article's opening, a figure, a quote.
    statements.sort(key=lambda q: -q.confidence)
    return (whole + statements[:MAX_STATEMENT_QUESTIONS])[:MAX_QUESTIONS]


# --- kept for the numbers and hedging kinds, which still import these from here while they
# read raw text; they belong to reading (figures and statements) and go when those kinds read
# the story model. ----------------------------------------------------------------------------


def _credit_words() -> dict[str, frozenset[str]]:
    return entries_by_role("credit_words")


@lru_cache(maxsize=8)
def reporting_words(role: str) -> frozenset[str]:
    """Entries of reporting_verbs.txt of one role: "counts", "gives" or "figure"."""
    return entries_by_role("reporting_verbs").get(role, frozenset())


def has_reporting_verb(text: str) -> bool:
    """A verb of speech, "according to", or a verb that credits a figure to its subject
    ("recorded", "estimated", "put ... at", "gave"): the text attributes something to someone."""
    words = set(words_of(text))
    crediting = reporting_words("counts") | reporting_words("gives")
    return has_speech_verb(text) or bool(words & crediting)


_SUBJECT_WORD = r"[\w\-'\u2019.]+"
_SUBJECT_LINKS = frozenset({"the", "a", "an", "of", "and", "for", "on"})


@lru_cache(maxsize=1)
def _reporting_subject_pattern() -> re.Pattern[str]:
    verbs = "|".join(sorted(map(re.escape, reporting_words("counts")), key=len, reverse=True))
    aux = r"(?:(?:has|have|had|also|earlier|on \w+)\s+)*"
    return re.compile(r"^(?P<np>(?:" + _SUBJECT_WORD + r"\s){1,7}?)" + aux
                      + r"(?P<verb>" + verbs + r")\b")


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
    named_head = (len(words) > 1 and words[-1][:1].isupper()) \
        or head in word_set("organisation_words") \
        or head in role_words()
    plain = all(w[:1].isupper() or fold(w) in _SUBJECT_LINKS for w in words[:-1])
    if not named_head or not plain or head in _SUBJECT_LINKS:
        return None
    return np, m.end() + (len(sentence_text) - len(sentence_text.lstrip()))




def may_credit_someone(text: str) -> bool:
    """Broad: any agency form in any case, any credit signal word, "according to" or "told"
    before a capitalised name, or a capitalised name before "reported"."""
    folded = fold(text)
    if any(re.search(r"(?<![\w\-])" + re.escape(fold(f)) + r"(?![\w\-])", folded)
           for f in agency_forms()):
        return True
    signals = phrase_pattern(_credit_words().get("signal", frozenset()))
    if signals and signals.search(folded):
        return True
    return bool(re.search(r"\b(?:[Aa]ccording to|told|citing)\s+(?:the\s+)?[A-Z]", text)
                or re.search(r"[A-Z][\w\-]*\s+report(?:s|ed)\b", text))


