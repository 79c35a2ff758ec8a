"""Find the evidence: "Find the sentence in <outlet>'s article that ...", the choices that
article's sentences in its order, the key those that prove it. Three things a careful reader
looks for, each read by the story model:
- the credit line that makes the whole article an agency's copy (a dateline tag, a sign-off,
  "first ran on"), against sentences that credit no one or an agency for one statement only;
- the sentence that says who gave the article's figure for a fact ("the death toll"), the figure
  itself left out of the prompt, so the student must read for it;
- the sentence in which the outlet itself hedges a claim, against sentences it neither hedges
  nor lets a source hedge.

Never "find who said these words": the words appear in one sentence only, so the prompt would
answer itself, and quote_attribution asks it better. The choices are whole sentences of the
report only (writing/sentences.py); the pipeline drops a question whose sentences would answer
another question of the quiz (gate.across)."""
from __future__ import annotations

import re

from quizapp.generators.model import Question
from quizapp.generators.reading.articles import Sentence
from quizapp.generators.reading.credits import Credit, names_source
from quizapp.generators.reading.statements import ASSERTED, ATTRIBUTED, HEDGED
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import choose_all, names_list
from quizapp.generators.writing.figures import fact_of, in_article, shown, source_name
from quizapp.generators.writing.sentences import evidence_question, offerable, window

KIND = "find_evidence"
MAX_CANDIDATES = 12
# Credits that make the whole article someone's report (a byline names a writer, not a desk).
_WHOLE = frozenset({"dateline", "sign-off", "first ran", "copyright"})
_HOW = {"dateline": "dateline", "sign-off": "sign-off", "first ran": "note on where it first ran",
        "copyright": "copyright line"}
MIN_CHOICES = 4  # fewer sentences leave too little to read
MIN_WRONG = 3
MAX_KEYS = 2
# Credits by which an agency says it spoke to the source itself: the page carrying them is
# likely the agency's story, not the outlet's own with one statement credited.
_INTERVIEWED = frozenset({"told", "shared with"})
INTERVIEW = 0.6
LONE_FIGURE = 0.6  # the key the only choice with a figure: found without reading for the source
POSSIBLE = 0.6  # a forecast or a possibility, not a claim the outlet could not confirm


def _sentences(model, article: str, passages) -> list[Sentence]:
    reading = model.article(article)
    found = []
    for passage in passages:
        for sentence in reading.sentences:
            if sentence.start < passage.end and passage.start < sentence.end \
                    and sentence not in found:
                found.append(sentence)
    return found


def _quoted(text: str, limit: int = 14) -> str:
    words = text.split()
    return "\u201c" + " ".join(words[:limit]) + ("\u2026" if len(words) > limit else "") + "\u201d"


def _one_per_how(credits: list[Credit]) -> list[Credit]:
    found: dict[tuple[str, str], Credit] = {}
    for credit in credits:
        found.setdefault((credit.how, credit.source), credit)
    return list(found.values())


# --- the credit that makes the article an agency's copy ---------------------------------------


def _credits_of(model, article: str) -> list[Credit]:
    return [c for c in model.credits if c.article == article and c.named and c.source]


def _credit_question(model, outlet) -> Question | None:
    credits = _credits_of(model, outlet.article)
    whole = [c for c in credits if c.whole and c.how in _WHOLE and c.passage is not None]
    sources = list(dict.fromkeys(c.source for c in whole))
    if not whole or any(names_source(outlet.label, s) or outlet.note and names_source(outlet.note, s)
                        for s in sources):
        return None  # the outlet's name as shown above the article gives the credit away
    # The sentences that name the source: a tag closing a paragraph is a sentence of its own.
    keys = [s for s in _sentences(model, outlet.article, [c.passage for c in whole])
            if any(c.printed in s.text or names_source(s.text, c.source) for c in whole)]
    if not keys:
        return None
    credited = [c for c in credits if c not in whole and c.passage is not None]
    # A sentence crediting one statement to another source is the tempting wrong choice; one that
    # names a source of the copy in any way is left out, whatever it credits.
    named = {s.index for s in _sentences(model, outlet.article, [c.passage for c in credited])}
    tempting = [s for s in _sentences(model, outlet.article,
                                      [c.passage for c in credited if c.source not in sources])
                if s not in keys and not any(names_source(s.text, k) for k in sources)
                and offerable(model.article(outlet.article), s)][:1]
    reading = model.article(outlet.article)
    choices = window(reading, keys, lambda s: s.index not in named
                     and not any(names_source(s.text, k) for k in sources), tempting)
    if len(choices) < MIN_CHOICES:
        return None
    some = "sentences" if len(keys) > 1 else "sentence"
    prompt = (f"Find the {some} in {outlet.label}\u2019s article that credit{'' if len(keys) > 1 else 's'} "
              f"the news agency or outlet whose report the whole article is."
              f"{choose_all(len(keys))}")
    lines = " ".join(
        f"Its {_HOW[c.how]}, {_quoted(next((s.text for s in keys if c.printed in s.text), c.printed))}, "
        f"credits the whole article to {c.source}." for c in _one_per_how(whole))
    explanation = (f"{lines} {outlet.label} carries {names_list(sources)}\u2019s report: that is "
                   f"whose reporting a reader is trusting.")
    if any(s in tempting for s in choices):
        one = next(c for c in credited if c.source not in sources)
        explanation += (f" {one.source} is credited only for one statement, which does not make "
                        f"the article {one.source}\u2019s.")
    return evidence_question(KIND, prompt, choices, keys, explanation)


# --- a news agency credited for one statement -----------------------------------------------------


def _statement_credit_question(model, outlet) -> Question | None:
    """"Find the sentences that credit a news agency for what they report" where the article is
    not an agency's copy as a whole: the keys are the sentences whose credit names an agency
    ("told Reuters", "AP reported"), the wrong choices sentences that credit no outlet or
    agency at all."""
    credits = _credits_of(model, outlet.article)
    if any(c.whole for c in credits):
        return None  # an agency's copy: the credit form asks it
    agency = [c for c in credits if c.agency and c.passage is not None
              and not (names_source(outlet.label, c.source)
                       or outlet.note and names_source(outlet.note, c.source))]
    if not agency:
        return None
    reading = model.article(outlet.article)
    keys = [s for s in _sentences(model, outlet.article, [c.passage for c in agency])
            if offerable(reading, s) and any(c.printed in s.text for c in agency)]
    credited = {s.index for s in _sentences(model, outlet.article,
                                             [c.passage for c in credits if c.passage])}
    sources = {c.source for c in credits}
    keys = keys[:MAX_KEYS]
    if not keys:
        return None
    choices = window(reading, keys, lambda s: s.index not in credited
                     and not any(names_source(s.text, k) for k in sources))
    if len(choices) < MIN_CHOICES or len(choices) - len(keys) < MIN_WRONG:
        return None
    keys = [s for s in keys if s in choices]
    some = "sentences" if len(keys) > 1 else "sentence"
    prompt = (f"Find the {some} in {outlet.label}\u2019s article that credit"
              f"{'' if len(keys) > 1 else 's'} a news agency for what {'they say' if len(keys) > 1 else 'it says'}."
              f"{choose_all(len(keys))}")
    named = names_list(list(dict.fromkeys(c.source for c in agency
                                          if any(c.printed in s.text for s in keys))))
    explanation = (f"{outlet.label} credits {named} for {'these statements' if len(keys) > 1 else 'this statement'}"
                   f": the agency's reporting is what a reader trusts there. The other sentences "
                   f"credit no news agency or outlet.")
    # "He told the agency ...": the agency did the interview, so the page is likely the agency's
    # own story, uncredited elsewhere, and "the others credit no one" frames its sentences as
    # the outlet's own (blind grading).
    interviewed = [c for c in agency if c.how in _INTERVIEWED and any(c.printed in s.text
                                                                        for s in keys)]
    if interviewed:
        return evidence_question(KIND, prompt, choices, keys, explanation, INTERVIEW, [
            (f"{interviewed[0].source} did the interview (\u201c{interviewed[0].how}\u201d): the "
            f"page may be {interviewed[0].source}\u2019s own story throughout")])
    return evidence_question(KIND, prompt, choices, keys, explanation)


# --- who gave the article's figure for a fact ---------------------------------------------------

_NUMBER = re.compile(r"\d[\d,.]*")


def _gives_fact(model, figures, sentence: Sentence, figure) -> bool:
    """Whether the sentence gives a value of the fact too, or any figure of the same kind ("the
    union put the number at 12,000" beside the police's 4,000): a second answer, or a doubt."""
    fact = fact_of(model, figure)
    return any(f.sentence is sentence and (fact_of(model, f) is fact or f.category == figure.category)
               for f in figures)



def _figure_question(model, outlet) -> Question | None:
    reading = model.article(outlet.article)
    figures = in_article(model, outlet.article)
    for figure in figures:
        fact = fact_of(model, figure)
        name = source_name(figure, model)
        if (fact is None or not fact.label or figure.place != "body" or figure.quoted
                or figure.source.kind != "named" or not name
                or fold(name) not in fold(figure.sentence.text)
                or not offerable(reading, figure.sentence)):
            continue
        # The article gives this fact once: another sentence with a value of it would be a
        # second answer, or a doubt.
        if any(other.sentence is not figure.sentence and fact_of(model, other) is fact
               for other in figures) or _second_count(model, reading, figure):
            continue
        keys = [figure.sentence]
        numbers = set(_NUMBER.findall(figure.sentence.text))

        def fits(s, figure=figure, numbers=numbers):
            return not numbers & set(_NUMBER.findall(s.text)) \
                and not _gives_fact(model, figures, s, figure)

        # Sentences with a figure of their own that credit no one tempt a reader who looks for
        # a number rather than for who gave it.
        tempting = [s for s in reading.sentences if s is not figure.sentence
                    and _NUMBER.search(s.text) and offerable(reading, s) and fits(s)
                    and all(f.source.kind == "outlet" for f in figures if f.sentence is s)][:2]
        choices = window(reading, keys, fits, tempting)
        if len(choices) < MIN_CHOICES:
            continue
        prompt = (f"Find the sentence in {outlet.label}\u2019s article that says who gave its "
                  f"figure for {fact.label}.")
        explanation = (f"{outlet.label} gives {shown(figure)} for {fact.label} and credits it to "
                       f"{name}: {_quoted(figure.sentence.text, 30)}. A figure is only as good as "
                       f"whoever counted it; find the source before repeating it.")
        if not any(_NUMBER.search(s.text) for s in choices if s is not figure.sentence):
            return evidence_question(KIND, prompt, choices, keys, explanation, LONE_FIGURE, [
                "the only sentence offered with a figure: found without reading for the source"])
        return evidence_question(KIND, prompt, choices, keys, explanation)
    return None


def _second_count(model, reading, figure) -> bool:
    """Another sentence of the article gives a figure of the same kind: "the union put the
    number at 12,000" after the police's 4,000, or this year's recall beside February's, may be
    the same fact however it is read, and the prompt would not say which."""
    fact = fact_of(model, figure)
    return any(other.sentence is not figure.sentence and other.category == figure.category
               and (other.counts.kind == figure.counts.kind or other.source.kind != "outlet"
                    or (fact_of(model, other) or fact).label == fact.label)
               for other in in_article(model, reading.id))


# --- where the outlet itself hedges --------------------------------------------------------------


# The plain verbs of saying: a sentence crediting its words with one of these neither doubts nor
# endorses them ("claimed", "asserted", "insisted" lean one way, and are never a wrong choice).
_NEUTRAL = frozenset({"said", "says", "told", "tells", "according to"})


def _plain(statement) -> bool:
    """Stated or credited with a plain verb of saying, with no hedge of anyone's inside and no
    link claimed: a wrong choice no reader could take for a hedge."""
    if statement.hedges or statement.link or statement.presentation not in (ASSERTED, ATTRIBUTED):
        return False
    return all(" ".join(c.verb.text.lower().split()) in _NEUTRAL for c in statement.credits)


def _hedge_question(model, outlet) -> Question | None:
    reading = model.article(outlet.article)
    statements = model.statements.of_article(outlet.article)
    # Only the outlet's own hedge of a claim no one is credited with: a source's "may have",
    # credited in the sentence, is the source's caution (blind grading).
    hedged = [s for s in statements if s.presentation == HEDGED and s.clean and s.matters
              and offerable(reading, s.sentence) and s.hedges_of("outlet")
              and not s.credits and not s.hedges_of("source")]
    if not hedged:
        return None
    # A hedge of the "reportedly" kind first: the outlet says it has not confirmed it.
    key = next((s for s in hedged if s.hedges_of("outlet", "unverified")), hedged[0])
    plain = {s.sentence.index for s in statements if _plain(s)}
    choices = window(reading, [key.sentence], lambda s: s.index in plain)
    if len(choices) < MIN_CHOICES:
        return None
    words = names_list([f"\u201c{h.passage.text}\u201d" for h in key.hedges_of("outlet")])
    prompt = (f"Find the sentence in {outlet.label}\u2019s article where {outlet.label} itself "
              f"presents a claim as unconfirmed or only possible.")
    explanation = (f"{outlet.label} hedges this claim in its own words ({words}): "
                   f"{_quoted(key.text, 30)}. The other sentences state what they say, or "
                   f"credit it to a source, without a hedge: a hedge tells a reader the outlet "
                   f"has not confirmed it.")
    if not key.hedges_of("outlet", "unverified"):
        return evidence_question(KIND, prompt, choices, [key.sentence], explanation, POSSIBLE, [
            ("a possibility or forecast (\u201cmay\u201d, \u201clikely\u201d, \u201cis "
            "expected to\u201d), not a claim the outlet says it could not confirm")])
    return evidence_question(KIND, prompt, choices, [key.sentence], explanation, 0.9,
                             ["a hedge is a matter of reading: worth a teacher's look"])


def write(model) -> list[Question]:
    """Candidates, best first: each article's credit, then each article's figure source, then
    each article's hedge. The gate drops those whose sentences would answer another question of
    the quiz, then the registry keeps the first few, one an article (two lists of one article's
    sentences would show each other's keys)."""
    found: list[Question] = []
    for form in (_credit_question, _statement_credit_question, _figure_question,
                 _hedge_question):
        for outlet in model.outlets:
            made = form(model, outlet)
            if made is not None and len(found) < MAX_CANDIDATES:
                found.append(made)
    return found
