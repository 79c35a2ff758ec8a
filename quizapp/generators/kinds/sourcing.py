"""Sourcing: whom an article credits for its account. A byline, a dateline tag or a sign-off
credits the whole article to an agency or outlet; "..., AP reported" credits one statement. A
question asks only what a credit printed in the text shows (never the silence of a text that may
be cut off), never what the outlet's own name as students see it already names ("KORN Radio (ABC
News)"), and keeps apart an agency credited for the whole article from one credited for a single
statement."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from quizapp.generators.model import Question
from quizapp.generators.reading.credits import (
    Credit,
    credit_words,
    known_sources,
    names_source,
    source_forms,
)
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import MAX_CHOICES, names_list, question

KIND = "sourcing"
MAX_QUESTIONS = 6
MAX_STATEMENT_QUESTIONS = 4
# Credits that name people ("Reporting by ...") or a part of the work ("X contributed to this
# report") are not a claim that the article is someone's report.
_WHOLE = frozenset({"byline", "dateline", "sign-off", "first ran", "copyright"})
HOW = {"byline": "byline", "dateline": "dateline", "sign-off": "sign-off at the end",
       "first ran": "note on where the article first ran", "copyright": "copyright line"}
# A statement quoted in a prompt is shown whole: cut, its "…" would hide more than the credit.
PROMPT_WORDS = 50
SHARED_WORDS = 6  # words in a row that make two passages show the same statement
# Questions of a story with the same answer: a third "AP" teaches nothing the first two did not,
# and a student learns to guess it.
MAX_SAME_KEY = 2
MAX_PER_OUTLET = 2  # statement questions on one article, each on another source


def _named(credits: tuple[Credit, ...]) -> list[Credit]:
    return [c for c in credits if c.named and c.source]


@lru_cache(maxsize=4)
def _pool(model) -> tuple[str, ...]:
    """Sources a choice may offer: every agency or outlet credited in the story, agencies first,
    then the world's largest agencies, which any article might credit. Once per story: every
    credit asks for it."""
    credited = [c.source for c in _named(model.credits)]
    agencies = [c.source for c in _named(model.credits) if c.agency]
    biggest = [s.name for s in known_sources() if s.agency][:3]
    return tuple(dict.fromkeys(agencies + credited + biggest))


def _shown_name_names(outlet, source: str) -> bool:
    """Whether the outlet's name as students see it above the article names the source: its
    label, or the note the story's files add in brackets ("Glamsham (IANS)", "WTXL (ABC 27
    Tallahassee)"). Such a source is never the key: the name would hand it over."""
    return names_source(outlet.label, source) or bool(outlet.note) \
        and names_source(outlet.note, source)


def _note_credits(outlet, source: str) -> bool:
    """Whether the bracketed note credits the source, its name alone or with words such as
    "copy" or "via" ("KOB 4 (Associated Press)"): a student would take it for a credit, so the
    source is no wrong choice either. An affiliate's channel ("ABC 27 Tallahassee") is not one."""
    if not outlet.note or not names_source(outlet.note, source):
        return False
    rest = outlet.note
    for form in source_forms(source):
        rest = re.sub(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", " ", rest)
    return set(re.findall(r"\w+", fold(rest))) <= credit_words("note")


_INNER = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "\u2019"})


def _quoted(text: str, limit: int = 30) -> str:
    """A passage quoted in a prompt or explanation, its own double quotes made single."""
    words = text.split()
    cut = " ".join(words[:limit]) + ("\u2026" if len(words) > limit else "")
    cut = cut.translate(_INNER)
    cut = re.sub(r"(^|[\s(\[])\u2019", "\\1\u2018", cut)  # an opening straight quote
    return "\u201c" + cut + "\u201d"


def _ended(quoted: str) -> str:
    """A quoted sentence closing a sentence of the explanation: its own full stop is enough."""
    return quoted if quoted[-2:-1] in ".!?" else quoted + "."


def possessive(name: str) -> str:
    """"CBS 17’s", "Reuters’", and for a label with a bracket its name alone ("The Frontier
    Post (Reuters)" -> "The Frontier Post’s")."""
    name = re.sub(r"\s*\([^()]*\)$", "", name)
    return name + ("\u2019" if name.endswith("s") else "\u2019s")


def _same_source(a: str, b: str) -> bool:
    """"Bloomberg" beside "Bloomberg News": one source, not two choices."""
    return any(fold(x) in fold(y) or fold(y) in fold(x)
               for x in source_forms(a) for y in source_forms(b))


def _wrong_candidates(model, outlet, text: str, keys: list[str],
                      tempting: list[str]) -> list[str]:
    """Sources proven not to be the credited one, best first: named for something else by the
    same article (`tempting`), then sources the passage or article does not name at all while
    its credit names another. Never one the outlet's shown name credits (a student would take
    it for the credit)."""
    found = [t for t in tempting if t not in keys and not _note_credits(outlet, t)
             and not names_source(outlet.label, t)][:2]
    for source in _pool(model):
        if source in keys or source in found or names_source(text, source) \
                or names_source(outlet.label, source) or _note_credits(outlet, source):
            continue
        if any(_same_source(source, k) for k in keys):
            continue
        found.append(source)
    return found


@dataclass
class _Asked:
    """What the kind's questions of one story already show: (key, choices) pairs, so no two
    ask the same thing, and the passages they quote, so none answers another."""

    choices: set[tuple[str, frozenset[str]]] = field(default_factory=set)
    passages: list[str] = field(default_factory=list)
    sentences: set[str] = field(default_factory=set)

    def pick(self, keys: list[str], candidates: list[str]) -> list[str] | None:
        """Wrong choices for `keys` (3 or 4 choices in all), the first set of the candidates
        that no question of the story offers with the same key; None when every set is taken."""
        size = min(len(candidates), MAX_CHOICES - 1 - len(keys))
        if size < 2 or sum(k == tuple(keys) for k, _ in self.choices) >= MAX_SAME_KEY:
            return None
        for skip in range(len(candidates) - size + 1):
            # Keep the best (first) candidates, dropping later ones one at a time.
            wrong = candidates[:size - 1] + [candidates[size - 1 + skip]] if skip else \
                candidates[:size]
            if (tuple(keys), frozenset(wrong + keys)) not in self.choices:
                return wrong
        return None

    def add(self, made: Question, passages: list) -> None:
        keys = tuple(made.choices[i] for i in made.answer)
        self.choices.add((keys, frozenset(made.choices)))
        self.passages.extend(p.text for p in passages)

    def shows(self, text: str) -> bool:
        """Whether a passage another question quotes shows the same statement (a run of
        SHARED_WORDS words): that question's explanation would answer this one."""
        mine = _runs(text)
        return any(mine & _runs(other) for other in self.passages)


def _runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", fold(text))
    return {tuple(words[k:k + SHARED_WORDS]) for k in range(len(words) - SHARED_WORDS + 1)}


# --- the whole article ------------------------------------------------------------------------


def _whole_question(model, outlet, credits: list[Credit], asked: _Asked) -> Question | None:
    reading = model.article(outlet.article)
    whole = [c for c in credits if c.whole and c.how in _WHOLE and c.passage is not None]
    keys = list(dict.fromkeys(c.source for c in whole))
    if not keys or any(_shown_name_names(outlet, k) for k in keys):
        return None
    statement = [c for c in credits if not c.whole and c.passage is not None
                 and c.source not in keys]
    tempting = list(dict.fromkeys(c.source for c in statement))
    wrong = asked.pick(keys, _wrong_candidates(model, outlet, reading.text, keys, tempting))
    if wrong is None:
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
    made = question(KIND, prompt, keys, wrong, explanation, evidence)
    asked.add(made, evidence)
    return made


# --- one statement ----------------------------------------------------------------------------


# A description standing right before a credited name: "the Russian news agency ", "Kenyan
# broadcaster ", "the state-run daily ".
_DESCRIBED = re.compile(
    r"(?:\b(?:the|The|a|an)\s+)?(?:\b(?!(?:to|by|from|of|with|the|according)\b)[\w-]+\s+){0,3}"
    r"(?:news\s+agency|agency|broadcaster|"
    r"newspaper|daily|channel|network|wire\s+service|outlet|television|radio)\s+$")


def _gapped(credit: Credit) -> str | None:
    """The crediting sentence with the credited name left out ("According to \u2026, IAM
    members voted ..."), so a prompt can quote it without giving the answer: the whole sentence,
    so that the "\u2026" hides the name and nothing else."""
    text = credit.passage.text.strip()
    at = text.find(credit.printed)
    end = at + len(credit.printed)
    if at < 0 or (at and text[at - 1].isalnum()):
        return None
    if end < len(text) and text[end].isalnum():
        # "The Wall Street Journalfirst reported": the blank takes the whole run-on word.
        end += len(re.match(r"\w*", text[end:]).group())
    # "the Russian news agency Tass": the description would point at the one Russian choice.
    described = _DESCRIBED.search(text[:at])
    if described:
        at = described.start()
    gapped = text[:at] + "\u2026" + text[end:]
    gapped = re.sub(r"\b(?:the|The)\s+\u2026", "\u2026", gapped)
    if names_source(gapped, credit.source) or not 6 <= len(gapped.split()) <= PROMPT_WORDS:
        return None
    return gapped


def _weight(credit: Credit) -> int:
    """How much a class learns from asking about this credit: the article's opening first, then
    a source that had the news first or a statement with a figure, then one with a quotation."""
    text = credit.passage.text
    return (3 * credit.lede + 2 * _first(credit) + 2 * bool(re.search(r"\d", text))
            + bool(re.search("[\"\u201c\u201d]", text)))


def _first(credit: Credit) -> bool:
    """Whether the credit says the source had the news first ("first reported", "accessed
    first by"): who broke a story is worth knowing."""
    text = credit.passage.text
    at = text.find(credit.printed)
    near = fold(text[max(0, at - 25):at + len(credit.printed) + 25]) if at >= 0 else ""
    return re.search(r"first\b", near) is not None  # "Journalfirst": a word run on


@dataclass(frozen=True)
class _Statement:
    """A statement credit chosen to be asked about, with its wrong choices."""

    outlet: object
    credit: Credit
    gapped: str
    wrong: tuple[str, ...]


def _statements(model, outlet, credits: list[Credit], asked: _Asked) -> list[_Statement]:
    """The outlet's statement credits worth asking about, best first: one a source, at most
    MAX_PER_OUTLET."""
    candidates = [c for c in credits if not c.whole and c.passage is not None
                  and not _shown_name_names(outlet, c.source)]
    chosen: list[_Statement] = []
    for credit in sorted(candidates, key=lambda c: -_weight(c)):
        if len(chosen) >= MAX_PER_OUTLET or any(c.credit.source == credit.source
                                                for c in chosen):
            continue
        made = _statement(model, outlet, credits, credit, asked)
        if made:
            chosen.append(made)
    return chosen


def _statement(model, outlet, credits: list[Credit], credit: Credit,
               asked: _Asked) -> _Statement | None:
    gapped = _gapped(credit)
    seen = " ".join(fold(credit.passage.text).split())[:80]
    if gapped is None or seen in asked.sentences or asked.shows(credit.passage.text):
        return None  # the same sentence, copied by two outlets, is asked once
    others = list(dict.fromkeys(c.source for c in credits if c.source != credit.source
                                and c.passage is not None and c.passage != credit.passage))
    candidates = [w for w in _wrong_candidates(model, outlet, credit.passage.text,
                                               [credit.source], others)
                  if not names_source(credit.passage.text, w)]
    wrong = asked.pick([credit.source], candidates)
    if wrong is None:
        return None
    asked.sentences.add(seen)
    asked.choices.add(((credit.source,), frozenset([credit.source, *wrong])))
    asked.passages.append(credit.passage.text)
    return _Statement(outlet, credit, gapped, tuple(wrong))


def _statement_question(chosen: _Statement, credits: list[Credit],
                        asked_passages: set) -> Question:
    """The question on a chosen statement credit. A wrong choice the outlet credits for another
    statement is explained with that statement, unless another question asks about it."""
    outlet, credit = chosen.outlet, chosen.credit
    prompt = (f"{outlet.label} writes: {_quoted(chosen.gapped, PROMPT_WORDS)} Which news agency "
              f"or outlet does it credit where the \u2026 is?")
    shown = _ended(_quoted(credit.passage.text, PROMPT_WORDS + 5))
    explanation = (f"{outlet.label} credits {credit.source} here: {shown} A credit in the "
                   f"sentence tells a reader whose reporting the statement rests on.")
    evidence = [credit.passage]
    elsewhere = [c for c in credits if c.source in chosen.wrong and c.passage is not None
                 and c.passage != credit.passage and c.passage not in asked_passages]
    if elsewhere:
        explanation += (f" {elsewhere[0].source}, which {outlet.label} credits for another "
                        f"statement ({_quoted(elsewhere[0].passage.text, 12)}), is not the "
                        f"source of this one.")
        evidence.append(elsewhere[0].passage)
    confidence, reasons = 1.0, []
    if not _weight(credit):
        confidence, reasons = 0.9, ["the credited statement is a side detail of the story"]
    return question(KIND, prompt, [credit.source], list(chosen.wrong), explanation, evidence,
                    confidence, reasons)


def write(model) -> list[Question]:
    if len(model.outlets) < 2:
        return []
    by_article: dict[str, list[Credit]] = {}
    for credit in _named(model.credits):
        by_article.setdefault(credit.article, []).append(credit)
    asked = _Asked()
    whole, chosen, done = [], [], set()
    for outlet in model.outlets:
        written = _whole_question(model, outlet, by_article.get(outlet.article, []), asked)
        if written:
            whole.append(written)
            done.add(outlet.article)
    for outlet in model.outlets:
        if outlet.article not in done:  # one question an article on whom it rests
            chosen += _statements(model, outlet, by_article.get(outlet.article, []), asked)
    # The statements most worth a class's time: an article's opening, a figure, a quote.
    chosen.sort(key=lambda c: -_weight(c.credit))
    chosen = chosen[:MAX_STATEMENT_QUESTIONS]
    subjects = {c.credit.passage for c in chosen}
    statements = [_statement_question(c, by_article[c.credit.article], subjects)
                  for c in chosen]
    return (whole + statements)[:MAX_QUESTIONS]
