"""Hedging: what an outlet states as fact in its own voice, what it credits to a source, and what
it hedges in its own words, asked where outlets part ways on one claim: one states as fact what
others credit or hedge ("Which outlet credits it to a source?"), or a headline states as a cause
what other headlines report as a link. Where no other outlet tells the claim, an outlet's own
hedge on a claim central to the story is asked alone. The whole sentence is judged, never one
clause of it, and a plain statement of fact is never the answer of a question about one sentence:
that is the answer nobody misses."""
from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.generators.model import Question
from quizapp.generators.reading.names import name_tokens
from quizapp.generators.reading.statements import (
    ASSERTED,
    ASSOCIATION,
    ATTRIBUTED,
    CAUSE,
    HEDGED,
    POSSIBLE_CAUSE,
    Statement,
    distinctive,
    shared_wording,
)
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import choose_all, names_list, question

KIND = "hedging"
FACT = "As established fact, in its own voice"
SOURCE = "As what a source says, credited in the sentence"
HEDGE = "As unconfirmed or only possible, hedged in its own words"
CHOICE_OF = {ASSERTED: FACT, ATTRIBUTED: SOURCE, HEDGED: HEDGE}

MAX_SENTENCE_WORDS = 45  # longer sentences make a prompt nobody reads to the end
MAX_SINGLE = 3  # "How does ... present" questions per story
MAX_ACROSS = 2  # "Which outlet states it as fact" questions per story
MAX_SAME_KEY = 2  # a third question with the same answer teaches nothing new
MAX_CHOICES = 5
MIN_LABEL_WORDS = 3  # a shared wording shorter than this does not name a claim
# A hedged sentence no other outlet tells is asked about alone only if most of its words are the
# story's own (statements.centrality): the event, not a side detail ("both sides are believed to
# be preparing spring offensives"); or many are and it names one of the story's main actors.
CENTRAL = 0.5
CENTRAL_WITH_ACTOR = 0.4
MAIN_ACTOR_SHARE = 0.5  # of the story's articles that name a person or body it is about
# What makes a claim worth asking how outlets present it: a figure, a cause, a blame.
WEIGHTY = frozenset({"figure", "cause", "blame"})
# "If they go to the brain, it could lead to a stroke": a modal in a condition is grammar,
# not the outlet holding back on a claim.
_CONDITION = re.compile(r"(?<![\w])(if|unless|whether)(?![\w])")
MODAL_CONFIDENCE = 0.85  # "may", "could": a possibility may be what the outlet means, not doubt
MODAL_DOUBT = ("a modal (\u201ccould\u201d, \u201cmay\u201d) can state what is possible rather "
               "than hold back a claim")


@dataclass(frozen=True)
class Telling:
    """How one article tells a claim: its statements of it, and its one presentation of it."""

    article: str
    label: str  # the outlet as a choice
    presentation: str  # ASSERTED, ATTRIBUTED or HEDGED: the same in every statement of it
    statements: tuple[Statement, ...]

    @property
    def shown(self) -> Statement:
        """The statement that shows the presentation: a prose sentence, not the headline."""
        prose = [s for s in self.statements if s.sentence.role == "prose"]
        return (prose or list(self.statements))[0]


# --- how a sentence reads, for a question ---------------------------------------------------------


def _askable(statement: Statement) -> bool:
    """A prose sentence a prompt may quote: finished, not too long, no quotation in it."""
    sentence = statement.sentence
    return (sentence.role == "prose" and sentence.finished and statement.quoted == 0
            and len(sentence.text.split()) <= MAX_SENTENCE_WORDS)


def _certain(statement: Statement) -> bool:
    """Whether the sentence's own words settle how it presents its claim: a plain assertion with
    nothing credited around it; a hedge on the one claim of the sentence (not on one of two
    joined claims, not in a condition); a credit for saying, to a source a student can name."""
    if not statement.clean:
        return False
    if statement.presentation == ASSERTED:
        return not statement.credited_nearby
    if statement.presentation == HEDGED:
        text = fold(statement.text)
        return not (_CONDITION.search(text) or _TWO_CLAIMS.search(text)
                    or _EVIDENCE_SAYS.search(text))
    if statement.presentation != ATTRIBUTED:
        return False
    sayings = [c for c in statement.credits if c.verb_class in ("says", "according")
               and c.source is not None]
    # "according to a report" names nothing a student could check: it reads as a hedge as much
    # as a credit, so only a named source or a definite one ("the ministry") settles it.
    return bool(sayings) and all(
        c.source.named or fold(c.source.name.split()[0]) == "the" for c in sayings)


# A hedged claim that documents, data or a study "suggest" also names what it rests on: it is
# hedged and credited at once, so the sentence has no one presentation to ask about.
_EVIDENCE_SAYS = re.compile(
    r"\b(?:documents?|records?|data|reports?|stud(?:y|ies)|files?|papers?|evidence|footage|"
    r"images?|messages?|letters?|intercepts?|surveys?|polls?|analys[ie]s|memos?)\b[^.;]{0,80}?"
    r"\b(?:suggest(?:s|ed)?|show(?:s|ed|n)?|indicat(?:e|es|ed)|reveal(?:s|ed)?|confirm(?:s|ed)?|"
    r"point(?:s|ed)? to)\b")


# Two claims joined in one sentence ("No one was hurt, but the mill reportedly collapsed"): a
# hedge on one leaves the other asserted, so the sentence has no one presentation.
_TWO_CLAIMS = re.compile(r",\s+(?:and|but|while|whereas|yet)\s|;\s|\s(?:and|but)\s+(?:has|have|had|"
                         r"was|were|is|are|then|later|also)\s")


def _how(statement: Statement) -> str:
    """The presentation in a teacher's words, naming the words that show it."""
    if statement.presentation == ATTRIBUTED:
        credits = [c for c in statement.credits if c.source is not None]
        credit = next((c for c in credits if c.verb_class in ("says", "according")), credits[0])
        return f"credits it to {_source_words(credit.source)} (\u201c{credit.verb.text}\u201d)"
    if statement.presentation == HEDGED:
        hedge = statement.hedges_of("outlet", "unverified", "possible")[0].passage.text
        return f"hedges it in its own words (\u201c{hedge}\u201d)"
    return "states it in its own voice, crediting no one and hedging nothing"


def _source_words(source) -> str:
    """A source as an explanation names it: as the sentence writes it when that is short ("the
    National Highway Traffic Safety Administration"), else by name."""
    written = source.passage.text
    if len(written.split()) <= 8 and fold(source.name) in fold(written) \
            and fold(written) not in ("he", "she", "it", "they", "him", "her"):
        return written[0].lower() + written[1:] if written.split()[0] in ("The", "A", "An") \
            else written
    return source.name


# --- one claim across outlets ---------------------------------------------------------------------


def _tellings(model, claim: Statement) -> list[Telling]:
    """Every article telling `claim`, each with its one presentation of it. An article that tells
    it two ways (a headline asserting what its body credits), or in a sentence whose presentation
    is unclear, is left out: it is neither a key nor a wrong choice."""
    matches = [claim, *model.statements.same_claim(claim)]
    by_article: dict[str, list[Statement]] = {}
    for statement in matches:
        by_article.setdefault(statement.article, []).append(statement)
    found = []
    for article, statements in by_article.items():
        outlet = model.outlet_of(article)
        ways = {s.presentation for s in statements}
        if outlet is None or len(ways) != 1:
            continue
        prose = [s for s in statements if s.sentence.role == "prose"]
        if not prose or not all(_certain(s) and s.sentence.finished for s in prose):
            continue
        found.append(Telling(article, outlet.label, ways.pop(), tuple(statements)))
    return found


def _labelled(keys: list[Telling], wrong: list[Telling]) -> tuple[str, list[Telling]] | None:
    """The wording every choice's sentence shares, naming the claim, with the wrong choices whose
    sentences keep it that long (one reworded sentence must not shrink it to nothing)."""
    label = shared_wording([t.shown.text for t in keys], MIN_LABEL_WORDS)
    if label is None:
        return None
    kept: list[Telling] = []
    for telling in wrong:
        longer = shared_wording([t.shown.text for t in keys + kept + [telling]], MIN_LABEL_WORDS)
        if longer is not None:
            kept.append(telling)
            label = longer
    return label, kept


def _across_question(model, claim: Statement, asked: set[str]) -> Question | None:
    tellings = _tellings(model, claim)
    fact = [t for t in tellings if t.presentation == ASSERTED]
    other = [t for t in tellings if t.presentation != ASSERTED]
    if not fact or not other or len(fact) + len(other) < 3:
        return None
    if len(fact) == 1 or len(other) >= 2:
        keys, wrong, ask = fact, other, "states it as fact in its own voice, crediting no source"
    else:
        (single,) = other
        keys, wrong = other, fact
        ask = ("credits it to a source instead of stating it as fact"
               if single.presentation == ATTRIBUTED
               else "hedges it in its own words instead of stating it as fact")
    keys = keys[:MAX_CHOICES - 2]
    found = _labelled(keys, wrong)
    if found is None:
        return None
    label, wrong = found
    wrong = wrong[:MAX_CHOICES - len(keys)]
    if len(keys) + len(wrong) < 3 or len({t.label for t in keys + wrong}) != len(keys + wrong) \
            or fold(label) in asked:
        return None
    asked.add(fold(label))
    verb = "Which outlet" if len(keys) == 1 else "Which outlets"
    prompt = (f"Several outlets carry the claim \u201c{label}\u201d. {verb} "
              f"{ask if len(keys) == 1 else _plural(ask)}?{choose_all(len(keys))}")
    explanation = " ".join(
        f"{t.label} {_how(t.shown)}." for t in keys + wrong
    ) + " Notice who stands behind a claim before you repeat it as fact."
    return question(KIND, prompt, [t.label for t in keys], [t.label for t in wrong], explanation,
                    [t.shown.sentence for t in keys + wrong])


def _plural(ask: str) -> str:
    return ask.replace("states it", "state it").replace("credits it", "credit it").replace(
        "hedges it", "hedge it").replace("its own", "their own")


def _across(model) -> list[Question]:
    questions: list[Question] = []
    asked: set[str] = set()
    for claim in model.statements:
        if len(questions) >= MAX_ACROSS:
            break
        if claim.presentation != ASSERTED or not _certain(claim) or not _askable(claim) \
                or not WEIGHTY & set(claim.stakes):
            continue
        found = _across_question(model, claim, asked)
        if found is not None:
            questions.append(found)
    return questions


# --- a cause against a link, in headlines ---------------------------------------------------------

LINK_SHARED = 2  # content words two headlines share, beyond the link, to tie the same things


def _headlines(model) -> list[Statement]:
    """Each article's headline, read for the link it states, once per outlet label."""
    found = []
    for reading in model.articles:
        if reading.headline is None or model.outlet_of(reading.id) is None:
            continue
        statement = model.statements.at(reading.id, reading.headline.start)
        if statement is not None and statement.link in (CAUSE, ASSOCIATION):
            found.append(statement)
    return found


def _about_the_same(a: Statement, b: Statement) -> bool:
    link_stems = set()
    for statement in (a, b):
        if statement.link_words is not None:
            link_stems |= {w for w in statement.content
                           if w and w in fold(statement.link_words.text)}
    return len((a.content & b.content) - link_stems) >= LINK_SHARED


def _link_question(model) -> Question | None:
    """"Which outlet's headline states a cause where the others report only a link?" where
    headlines tie the same things together, one or two as a cause and two or more as a link."""
    heads = _headlines(model)
    causes = [h for h in heads if h.link == CAUSE]
    links = [h for h in heads if h.link == ASSOCIATION]
    for cause in causes:
        wrong = [h for h in links if _about_the_same(cause, h)]
        keys = [c for c in causes if _about_the_same(c, cause) or c is cause]
        if len(wrong) < 2 or len(keys) >= len(wrong):
            continue
        keys, wrong = keys[:MAX_CHOICES - 2], wrong[:MAX_CHOICES - min(len(keys), MAX_CHOICES - 2)]
        return _write_link(model, keys, wrong)
    return None


def _write_link(model, keys: list[Statement], wrong: list[Statement]) -> Question:
    label = {s.article: model.outlet_of(s.article).label for s in keys + wrong}
    causing = list(dict.fromkeys(f"\u201c{fold(s.link_words.text)}\u201d" for s in keys))
    linking = list(dict.fromkeys(f"\u201c{fold(s.link_words.text)}\u201d" for s in wrong))
    one = len(keys) == 1
    ask = "Which outlet’s headline states" if one else "Which outlets’ headlines state"
    prompt = (f"These outlets’ headlines report the same finding. {ask} it as a cause "
              f"({names_list(causing, 'or')}), where the others report only a link "
              f"({names_list(linking, 'or')})?{choose_all(len(keys))}")
    parts = [f"{_own(label[s.article])} headline says \u201c{s.text.strip()}\u201d: a cause."
             for s in keys]
    parts.append(names_list([f"{_own(label[s.article])} says \u201c{s.link_words.text}\u201d"
                             for s in wrong]) + ": a link only.")
    evidence = [s.sentence for s in keys + wrong]
    for s in keys:
        body = _milder_body(model, s)
        if body is not None:
            parts.append(f"{_own(label[s.article])} own article says only \u201c"
                         f"{body.link_words.text}\u201d.")
            evidence.append(body.sentence)
    parts.append("Two things found together are linked; a cause says one makes the other "
                 "happen, which claims more than a link shows.")
    return question(KIND, prompt, [label[s.article] for s in keys],
                    [label[s.article] for s in wrong], " ".join(parts), evidence)


def _own(name: str) -> str:
    """"MLive's", "IndusScrolls'"."""
    return name + ("\u2019" if name.endswith("s") else "\u2019s")


def _milder_body(model, headline: Statement) -> Statement | None:
    """A sentence of the headline's own article that ties the same things only as a link or a
    possible cause ("may increase"): the article claims less than its headline."""
    for statement in model.statements.of_article(headline.article):
        if statement.sentence.role == "prose" and statement.sentence.finished \
                and statement.link in (POSSIBLE_CAUSE, ASSOCIATION) \
                and _about_the_same(statement, headline):
            return statement
    return None


# --- one sentence ---------------------------------------------------------------------------------


def _contrast(model, statement: Statement, twins: dict) -> Statement | None:
    """Another outlet's sentence telling the same claim another way, certainly, in an article
    that tells it only that way (not "scientists found X" and then X stated flatly)."""
    own = twins.get((statement.article, statement.sentence.start), ())
    for other in (*model.statements.same_claim(statement), *own):
        if other.presentation != statement.presentation and other.presentation in CHOICE_OF \
                and _certain(other) and other.sentence.role == "prose" \
                and model.outlet_of(other.article) is not None \
                and _same_figures(statement, other) and _told_one_way(model, other):
            return other
    return None


def _twins(model) -> dict[tuple[str, int], list[Statement]]:
    """For each sentence, the sentences other articles carry as a copy of it (the same agency
    text, reworded or not), found by aligning the texts: the same claim even where the words
    drift apart. Read once per story."""
    found: dict[tuple[str, int], list[Statement]] = {}
    for shared in model.shared_texts:
        for aligned in shared.narration:
            for mine, theirs in ((shared.a, shared.b), (shared.b, shared.a)):
                here, there = shared.side(mine, aligned), shared.side(theirs, aligned)
                twin = model.statements.at(theirs, there.start)
                if twin is not None:
                    found.setdefault((mine, here.start), []).append(twin)
    return found


def _same_figures(a: Statement, b: Statement) -> bool:
    """The two sentences give the same telling figures and years, so one tells what the other
    does ("between 2012 and 2023" is not "between October 2012 and December 7")."""
    def telling(statement: Statement) -> frozenset[str]:
        return frozenset(f for f in statement.figures if distinctive(f) or _YEAR.match(f))

    return telling(a) == telling(b)


_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _told_one_way(model, statement: Statement) -> bool:
    """No other sentence of the article tells the claim another way, nor does the sentence just
    before or after credit what it states ("Scientists found a higher risk. Over three years,
    patients had a higher risk.")."""
    own = model.statements.of_article(statement.article)
    at = model.statements.position(statement)
    near = own[max(0, at - 1):at + 2]
    if model.statements.told_in_article(statement) - {statement.presentation}:
        return False  # the article tells the same claim another way
    return all(s.presentation == statement.presentation for s in near
               if s is not statement and len(s.content & statement.content) >= NEAR_SHARED)


NEAR_SHARED = 3  # content words a neighbouring sentence shares to be about the same finding


@dataclass(frozen=True)
class _Candidate:
    statement: Statement
    contrast: Statement | None
    confidence: float
    reasons: tuple[str, ...]


def _candidate(model, statement: Statement, twins: dict) -> _Candidate | None:
    """A sentence worth asking "How does X present this claim?" about: a credit or a hedge that
    another outlet's sentence sets against a plain statement (or a credit against a hedge), or an
    outlet's own hedge, of what it has not confirmed, on a claim central to the story."""
    if model.outlet_of(statement.article) is None or not _told_one_way(model, statement):
        return None
    contrast = _contrast(model, statement, twins)
    if contrast is not None:
        return _Candidate(statement, contrast, *_doubts(statement))
    if statement.presentation != HEDGED or not _central(model, statement):
        return None  # a credit alone is no lesson; nor is a hedge on a side detail
    if not (statement.hedges_of("outlet", "unverified") or WEIGHTY & set(statement.stakes)):
        return None  # "This may have been his swansong": a writer's aside, not a claim held back
    return _Candidate(statement, None, *_doubts(statement))


def _central(model, statement: Statement) -> bool:
    share = model.statements.centrality(statement)
    return share >= CENTRAL or (share >= CENTRAL_WITH_ACTOR and _names_main_actor(model, statement))


def _names_main_actor(model, statement: Statement) -> bool:
    """Whether the sentence names a person or body most of the story's articles name."""
    enough = MAIN_ACTOR_SHARE * len(model.articles)
    words = {fold(w) for w in re.findall(r"[^\W\d_]+", statement.text)}
    return any(not e.outlet and len(e.articles) >= enough
               and any(name_tokens(f)[-1:] and name_tokens(f)[-1] in words for f in e.forms)
               for e in model.entities.all)


def _doubts(statement: Statement) -> tuple[float, tuple[str, ...]]:
    if statement.presentation == HEDGED and not statement.hedges_of("outlet", "unverified"):
        return MODAL_CONFIDENCE, (MODAL_DOUBT,)
    return 1.0, ()


def _single_question(model, found: _Candidate) -> Question:
    statement, contrast = found.statement, found.contrast
    outlet = model.outlet_of(statement.article)
    key = CHOICE_OF[statement.presentation]
    prompt = f"How does {outlet.label} present this claim? \u201c{statement.text.strip()}\u201d"
    explanation = f"{outlet.label} {_how(statement)}."
    evidence = [statement.sentence]
    if contrast is not None:
        other = model.outlet_of(contrast.article)
        explanation += f" Compare {other.label}, which {_how(contrast)}."
        evidence.append(contrast.sentence)
    return question(KIND, prompt, [key], [c for c in (FACT, SOURCE, HEDGE) if c != key],
                    explanation, evidence, found.confidence, found.reasons)


def _candidates(model, taken: set[tuple[str, int]]) -> list[_Candidate]:
    """Credited and hedged sentences a prompt may quote, the ones set against another outlet's
    first, then the most central; a sentence or its contrast asked about already is left out."""
    found = []
    twins = _twins(model)
    for statement in model.statements:
        if statement.presentation not in (HEDGED, ATTRIBUTED) \
                or (statement.article, statement.sentence.start) in taken \
                or not _askable(statement) or not _certain(statement):
            continue
        if statement.presentation == ATTRIBUTED and not (statement.matters
                                                          or _central(model, statement)):
            continue
        candidate = _candidate(model, statement, twins)
        if candidate is not None:
            found.append(candidate)
    return sorted(found, key=lambda c: (c.contrast is None,
                                        -model.statements.centrality(c.statement)))


def _single(model, taken: set[tuple[str, int]]) -> list[Question]:
    """"How does X present this?" for sentences whose wording settles it, one sentence (and its
    contrast) once, one article once, no answer more than twice."""
    questions: list[Question] = []
    used = set(taken)
    articles: set[str] = set()
    per_key: dict[str, int] = {}
    for found in _candidates(model, taken):
        statement, contrast = found.statement, found.contrast
        key = CHOICE_OF[statement.presentation]
        spots = {(s.article, s.sentence.start) for s in (statement, contrast) if s is not None}
        if len(questions) >= MAX_SINGLE or spots & used or statement.article in articles \
                or per_key.get(key, 0) >= MAX_SAME_KEY:
            continue
        questions.append(_single_question(model, found))
        used |= spots
        articles.add(statement.article)
        per_key[key] = per_key.get(key, 0) + 1
    return questions


def write(model) -> list[Question]:
    across = _across(model)
    link = _link_question(model)
    taken = {(e.article, model.article(e.article).text.find(e.text)) for q in across
             for e in q.evidence}
    return across + ([link] if link is not None else []) + _single(model, taken)
