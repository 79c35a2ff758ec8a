"""Questions "Who said “...”?": words the story quotes, keyed to the speaker whom the evidence
ties them to and names in full, with others the story quotes as wrong answers (a person's words
against people only; a body's against bodies, then people), none of whom the words rule out. Each
speaker is asked about once; statements of the main actors come first: words several outlets
carry, or that lead an article."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from quizapp.generators.reading.names import PERSON, Entity, name_tokens, stem
from quizapp.generators.reading.sorts import BODY, PRIVATE, PUBLIC
from quizapp.generators.reading.speech import role_word
from quizapp.generators.reading.quotations import (
    ELLIPSIS,
    Quotation,
    same_remark,
    same_statement,
    wording,
)
from quizapp.generators.reading.text import fold, word_set
from quizapp.generators.writing.choices import names_list, ordered, question
from quizapp.generators.writing.quoted import (
    Statement as _Statement,
    best as _best,
    sentence_index as _sentence_index,
    side_remark as _side_remark,
    statements as _statements,
)

KIND = "quote_attribution"

MAX_PROMPT_WORDS = 24  # longer quotes are shown by their opening words
EXCERPT_WORDS = 14
MAX_QUESTIONS = 6
# A second question keying the same speaker gives itself away: the name offered in both.
MAX_PER_SPEAKER = 1
MIN_WRONG = 2  # a two-way choice is a coin toss
BODY_FILLER = 0.6  # a body among the choices for a person's words: for review, not a class
# A speaker most articles name (the story's main actor) against choices only one article names
# (an airline in a software outage, a bystander): a choice nobody weighs. For review.
MAIN_ACTOR = 0.75  # share of the story's articles naming the speaker
PASSER_BY = 0.6
MAX_WRONG = 3
NAMED_IN = 2  # articles naming a person not quoted, to be offered for others' words
LEAD_PARAGRAPHS = 4
# Words about the speaker in the third person may be the outlet's paraphrase: for review.
PARAPHRASE = 0.6
VOX_POP = 0.6  # a passer-by's words in one outlet: to review, not for a class
# The key the only one of its sort among the choices (an ordinary voice among officials): the
# words may tell who said them without the story. For review.
ALONE_OF_SORT = 0.6
_SORT_NAMES = {BODY: "body", PUBLIC: "person with an office or public role",
               PRIVATE: "private person"}
NOT_QUOTED = 0.9  # a wrong choice the story names but never quotes: plainly wrong, a bit weak  # a quote this near an article's top is one the article leads with


def write(model) -> list:
    found = []
    per_speaker: dict[str, int] = defaultdict(int)
    asked: list[Quotation] = []  # every printing of the statements asked about
    shown: set[tuple[str, str, int]] = set()  # (speaker, article, start) of evidence used
    for statement in sorted(_statements(model), key=lambda s: _rank(model, s)):
        if per_speaker[statement.speaker] >= MAX_PER_SPEAKER or len(found) >= MAX_QUESTIONS:
            continue
        best = _best(model, statement)
        proof = {(statement.speaker, p.article, p.start) for p in best.proof}
        if _asked_already(statement, asked) or proof & shown or _side_remark(model, statement):
            continue
        if _rendered_differently(statement, best) >= 2:
            continue  # quote_rendering asks about it; this prompt would show one outlet's words
        question = _question(model, statement)
        if question is not None:
            found.append(question)
            per_speaker[statement.speaker] += 1
            asked.extend(statement.quotes)
            shown |= proof
    return found


def _asked_already(statement: _Statement, asked: list[Quotation]) -> bool:
    """The same remark under another speaker's name: asking again would be one question twice."""
    return any(same_remark(quote.text, other.text) for quote in statement.quotes for other in asked)


# --- which words to ask about ---------------------------------------------------------------------


def _rendered_differently(statement: _Statement, best: Quotation) -> int:
    """How many other outlets print the asked words in other words (not merely cut shorter)."""
    asked = " ".join(w for w in wording(best.text) if w != ELLIPSIS)
    found = set()
    for quote in statement.quotes:
        printed = " ".join(w for w in wording(quote.text) if w != ELLIPSIS)
        if quote.article != best.article and printed not in asked and asked not in printed \
                and same_remark(printed, asked):
            found.add(quote.article)
    return len(found)


def _rank(model, statement: _Statement) -> tuple:
    """Statements a teacher would ask about first: carried by several outlets, by a speaker the
    story keeps coming back to, near an article's top, whole sentences before fragments."""
    entity = model.entities.get(statement.speaker)
    prominence = len(entity.articles) if entity else 0
    best = _best(model, statement)
    paragraph = model.article(best.article).sentences[_sentence_index(model, best)].paragraph
    lead = paragraph <= LEAD_PARAGRAPHS
    short = best.word_count < 6
    speaker = model.entities.get(statement.speaker)
    side = speaker is not None and _gives_side_away(
        model, best, speaker, _wrong(model, statement, best)
    )
    return (
        -(
            len(statement.outlets) * 2
            + prominence
            + 2 * lead
            - 2 * best.fragment
            - 2 * best.weak
            - 2 * bool(statement.others)
            - 2 * short
            - 3 * bool(_rendered_differently(statement, best))
            - 6 * side
        ),
        best.article,
        best.words.start,
    )


# --- the question ---------------------------------------------------------------------------------


def _question(model, statement: _Statement):
    entities = model.entities
    speaker = entities.get(statement.speaker)
    best = _best(model, statement)
    if speaker is None or not best.proof:
        return None
    others = set(statement.others)
    if others and not all(entities.affiliated(o, speaker.key) for o in others):
        return None  # outlets credit the words to different, unrelated people
    wrong = _wrong(model, statement, best)
    confidence, reasons = 1.0, []
    if len(wrong) < MIN_WRONG and speaker.kind == PERSON and not _first_person(best.text):
        # Too few other people quoted: a body fills the choices, and a teacher decides.
        wrong = _wrong(model, statement, best, any_kind=True)
        confidence *= BODY_FILLER
        reasons.append("too few other people are quoted: a body is offered for a person's words")
    elif _alone_of_sort(model, speaker, wrong):
        confidence *= ALONE_OF_SORT
        reasons.append(f"the speaker is the only {_SORT_NAMES[model.sorts.of(speaker.key)]} "
                       "among the choices: the words' tone may give the answer away")
    if len(wrong) < MIN_WRONG or _gives_side_away(model, best, speaker, wrong):
        return None  # too few choices, or the words name the only speaker of their side
    key_name = speaker.shown_in(best.proof)
    choices = {key_name: speaker.key}
    quoting = model.article(best.article).sentences  # each name as the quoting outlet spells it
    for key in wrong:
        choices.setdefault(entities.get(key).shown_in(quoting), key)
    if len(choices) != len(wrong) + 1:
        return None
    for factor, reason in _doubts(model, statement, best, speaker, wrong):
        confidence *= factor
        reasons.append(reason)
    return question(
        KIND,
        _prompt(best),
        [key_name],
        [n for n in choices if n != key_name],
        _explanation(model, statement, best, speaker, key_name),
        best.proof,
        round(confidence, 3),
        reasons,
    )


def _wrong(model, statement: _Statement, best: Quotation, any_kind: bool = False) -> list[str]:
    """Up to MAX_WRONG others who might have said the words (people for a person, bodies then
    people for a body, none named where the words are printed); where the words name a country or body,
    someone of the same one first, so the words give nothing away."""
    keys = {statement.speaker, *statement.others}
    quotations = model.quotations
    pool = quotations.plausible_speakers(best, keys, any_kind)
    for quote in statement.quotes:  # every printing grouped here, reworded ones too
        if quote is not best:
            named = quotations.speakers_near(quote.article, quote.sentence.start,
                                             quote.sentence.end)
            pool = [k for k in pool if k not in named and not _names(quote.text,
                                                                     model.entities.get(k))]
    sides = model.entities.sides_named(best.text, statement.speaker)
    kind = model.entities.get(statement.speaker).kind  # the speaker's own kind first
    shuffled = sorted(ordered(best.text, pool), key=lambda k: (
        model.entities.get(k).kind != kind, -len(model.entities.get(k).articles)))
    same_side = [k for k in shuffled if sides & model.entities.descriptors(k)]
    # One of the speaker's own sort (reading/sorts.py), so a resident is never the one private
    # person among officials.
    sort = model.sorts.of(statement.speaker)
    same_sort = [k for k in shuffled if model.sorts.of(k) == sort]
    chosen = [k for k in dict.fromkeys([*same_side[:1], *same_sort[:1], *shuffled])
              if not _among_the_dead(model, model.entities.get(k))]
    if len(chosen) < MAX_WRONG and model.entities.get(statement.speaker).kind == PERSON:
        chosen += _named_not_quoted(model, statement, best, keys | set(chosen))
    return chosen[:MAX_WRONG]


def _alone_of_sort(model, speaker: Entity, wrong: list[str]) -> bool:
    """Whether no wrong choice is of the speaker's sort (reading/sorts.py): a resident's plea
    among officials, a company among people."""
    sort = model.sorts.of(speaker.key)
    return bool(sort) and not any(model.sorts.of(k) == sort for k in wrong)


def _named_not_quoted(model, statement: _Statement, best: Quotation, taken: set[str]) -> list[str]:
    """People the story names in two articles or more, in full, who are quoted nowhere in it:
    wrong for words the story credits to someone else, where too few others are quoted to fill
    the choices (a story whose one speaker is its main actor). None where any printing of the
    words goes uncredited (whose words they are is then not certain), none named beside the words,
    none who may speak for the speaker."""
    entities, quotations = model.entities, model.quotations
    printings = (*statement.quotes, *quotations.printings(best.text))
    if any(q.speaker is None for q in printings):
        return []
    quoted = {q.speaker for q in quotations.all if q.speaker}
    found = []
    for entity in sorted(entities.all, key=lambda e: (-len(e.articles), e.key)):
        if not _silent_person(entity) or entity.outlet or entity.key in taken | quoted \
                or _among_the_dead(model, entity) \
                or len(entity.articles) < NAMED_IN or not entity.full_forms() \
                or not entities.whole_name(entity.key) \
                or any(entities.affiliated(entity.key, k) for k in taken) \
                or any(_names(q.text, entity) or _beside(entity, q) for q in printings):
            continue
        found.append(entity.key)
    return found


# A person the story counts among the dead or missing is no speaker anyone weighs for words
# said after the event. Read from the name's own sentence: a list of the dead before the name
# ("The other victims were identified as …", "The individuals on board were …", "This tragic
# loss included …") or a death verb right after it ("… and Nargeolet died"), where the name is
# not the subject of what follows ("…, Rear Adm John Mauger replies": the official speaking).
_DEAD_BEFORE = re.compile(r"\b(?:victims?|aboard|on board|passengers|crew members|loss included|"
                          r"the late|among the (?:dead|victims|missing)|(?:killed|dead|died|"
                          r"missing)\s+(?:were|was|are|is|include\w*))\b", re.IGNORECASE)
_DIED_AFTER = re.compile(
    r"^(?:\s*(?:,|and|&|[A-Z][\w.'\u2019-]*|\([^()]*\)))*\s*(?:who\s+)?"
    r"(?:died|dies|perished|(?:was|were|is|are|had been|have been)\s+(?:killed|dead|missing))\b")
# After the name and any appositive set off by commas: a verb of its own ("replies", "said").
_SUBJECT_OF = re.compile(r"^(?:\s*,[^,]{0,90},)?\s*(?:[a-z]+(?:s|ed)|told|said|says)\b")
_VERB_BEFORE = re.compile(r"\b(?:[a-z]+(?:s|ed)|told|said)\s+(?:[A-Z][\w.'\u2019-]*\s+)*$")  # "said Isom"


def _among_the_dead(model, entity: Entity) -> bool:
    if entity.kind != PERSON:
        return False
    for mention in entity.mentions:
        sentence = model.article(mention.article).sentence_at(mention.start)
        if sentence is None:
            continue
        before = sentence.text[:mention.start - sentence.start]
        after = sentence.text[mention.end - sentence.start:]
        speaking = _SUBJECT_OF.search(after) or _VERB_BEFORE.search(before)
        if _DIED_AFTER.search(after) or (_DEAD_BEFORE.search(before) and not speaking):
            return True
    return False


def _silent_person(entity: Entity) -> bool:
    """A person the story never makes speak (one it does is offered, or left out, by the
    quotations' reading), described with a title ("French President", "Argentina goalkeeper"):
    a name read as a person's without one ("Super Bowl", "Les Bleus") may be an event or a
    team, never offered."""
    return entity.kind == PERSON and not (entity.speaks or entity.verbs) \
        and any(_title(role) for role in entity.roles)


def _title(role: str) -> bool:
    """A role phrase ending in a role word, not a team's name ("Chiefs") or a possessive."""
    words = role.split()
    return bool(words) and "'" not in role and "\u2019" not in role \
        and role_word(words[-1]) is not None and not (len(words) == 1 and words[0].endswith("s"))


def _beside(entity: Entity, quote: Quotation) -> bool:
    """Whether the entity is named in the sentence that prints the words."""
    sentence = quote.sentence
    return any(m.article == sentence.article and sentence.start <= m.start < sentence.end
               for m in entity.mentions)


def _doubts(model, statement: _Statement, best: Quotation, speaker: Entity,
            wrong: list[str]) -> list[tuple[float, str]]:
    """What makes the question less sure, each with the factor it takes off its confidence."""
    found = []
    if len(wrong) - len(_passers_by(model, speaker, wrong)) < MIN_WRONG:
        found.append((PASSER_BY, ("the speaker is the story's main actor and the other choices "
                                 "are named in one article only: nobody would weigh them")))
    if best.weak:
        found.append((0.75, "the speaker is named only in the paragraph after the quote"))
    quoted = {q.speaker for q in model.quotations.all}
    if any(k not in quoted and _silent_person(model.entities.get(k)) for k in wrong):
        found.append((NOT_QUOTED, "a wrong choice is named in the story but quoted nowhere in it"))
    if speaker.kind == PERSON and _third_person_opening(best.text):
        found.append((PARAPHRASE, ("the words open in the third person (\u201che will\u2026\u201d): "
                                   "likely the outlet's paraphrase set in quotation marks")))
    if model.sorts.of(speaker.key) == PRIVATE \
            and len({q.article for q in statement.quotes}) == 1:
        found.append((VOX_POP, ("a private person's words printed by one outlet only: colour, "
                                "with no claim or credit to check (graded trivia blind)")))
    if statement.others:
        found.append((0.85, ("outlets credit the same words to the speaker and to a body they "
                            "speak for")))
    if _rendered_differently(statement, best):
        found.append((0.95, ("outlets print these words differently, which quote_rendering asks "
                            "about")))
    return found


def _passers_by(model, speaker: Entity, wrong: list[str]) -> list[str]:
    """The wrong choices only one article names, when most of the story's articles name the
    speaker: beside the story's main actor they are filler."""
    if len(speaker.articles) < MAIN_ACTOR * len(model.articles) or len(model.articles) < 4:
        return []  # in a story of few articles, one article is much of it
    return [k for k in wrong if len(model.entities.get(k).articles) <= 1]


def _third_person_opening(text: str) -> bool:
    """ "he will have more to say": a person rarely opens his own words with "he" or "she"."""
    return bool(re.match(r"\W*(?:he|she|his|her)\b", text, re.IGNORECASE))


def _first_person(text: str) -> bool:
    """ "I", "me", "my": words only a person says, never a company or a court."""
    return bool(re.search(r"\b(?:I|me|my|mine|myself)\b|\bI['\u2019]", text))


def _names(text: str, entity: Entity) -> bool:
    words = set(name_tokens(text))
    return any(name_tokens(form) and set(name_tokens(form)) <= words for form in entity.forms)


def _gives_side_away(model, quote: Quotation, speaker: Entity, wrong: list[str]) -> bool:
    return model.entities.gives_side_away(quote.text, speaker.key, wrong)


def _prompt(quote: Quotation) -> str:
    text = " ".join(quote.text.replace("\u00b4", "\u2019").split())
    if len(text.split()) <= MAX_PROMPT_WORDS:
        return f"Who said \u201c{text}\u201d?"
    opening = " ".join(text.split()[:EXCERPT_WORDS]).rstrip(",;:.\u2014-")
    return f"Who said the words that begin \u201c{opening}\u2026\u201d?"


def _other_credits(model, statement: _Statement, best: Quotation) -> str:
    """Which outlet credits which of these words to a body the speaker speaks for, each with
    the very words it credits: "Business Insider credits “sets a dangerous precedent” to
    Meta"."""
    longest: dict[str, Quotation] = {}  # per outlet, the most of the words it credits
    for quote in model.quotations.printings(best.text):
        outlet = _outlet(model, quote.article)
        if quote.speaker in statement.others and (
                outlet not in longest or quote.word_count > longest[outlet].word_count):
            longest[outlet] = quote
    if not longest:
        return ""
    said = "; ".join(
        f"{outlet} credits "
        + ("these words" if wording(q.text) == wording(best.text) else f"\u201c{q.text}\u201d")
        + f" to {model.entities.get(q.speaker).name}"
        for outlet, q in sorted(longest.items())
    )
    return (f" {said}: outlets often give a spokesperson's words to the body they speak for, "
            f"and the other way round.")


def _outlet(model, article_id: str) -> str:
    outlet = model.outlet_of(article_id)
    return outlet.label if outlet is not None else "The article"


def _as_printed(speaker: Entity, best: Quotation, name: str) -> str:
    """The body's name as the evidence prints it, where that is another of its names: "Metro
    (the Washington Metropolitan Area Transit Authority)", so the explanation says what the
    page says."""
    shown = " ".join(p.text for p in best.proof)
    printed = [f for f in speaker.forms if re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", shown)]
    if speaker.kind == PERSON or not printed or name in printed:
        return name
    return f"{max(printed, key=len)} (the {name})"


def _explanation(model, statement: _Statement, best: Quotation, speaker: Entity, name: str) -> str:
    source = _outlet(model, best.article)
    if best.named_elsewhere:
        tie = (
            f"{source} ties these words to a speaker it names only in part; "
            f"{_outlet(model, best.named_elsewhere)} gives the full name, {name}."
        )
    else:
        tie = f"{source} ties these words to {_as_printed(speaker, best, name)}."
        slip = [v.form for v in speaker.variants if speaker.lone_slip(v.form)
                and any(re.search(r"(?<!\w)" + re.escape(v.form) + r"(?!\w)", p.text)
                        for p in best.proof)
                and not any(name in p.text for p in best.proof)]
        if slip:  # the key is shown as most outlets spell it; the evidence prints the slip
            tie += f" It misspells the name as \u201c{max(slip, key=len)}\u201d."
    others = [
        q
        for q in statement.quotes
        if q.speaker == speaker.key
        and same_statement(q.text, best.text)
        and _outlet(model, q.article) != source
    ]
    same = sorted(
        {_outlet(model, q.article) for q in others if wording(q.text) == wording(best.text)}
    )
    asked = " ".join(wording(best.text))
    printed = {q.article: " ".join(wording(q.text)) for q in others}
    # Each outlet said to quote "part of them" or "more" must do so: the explanation is true of
    # every outlet it names.
    part = sorted({_outlet(model, a) for a, w in printed.items() if w in asked} - set(same))
    more = sorted({_outlet(model, a) for a, w in printed.items()
                   if asked in w and w != asked} - set(same) - set(part))
    reworded = sorted({_outlet(model, q.article) for q in others} - set(same) - set(part)
                      - set(more))
    if same:
        tie += f" {names_list(same)} quote{'s' if len(same) == 1 else ''} the same words too."
    for outlets, how in ((part, "part of them"), (more, "them at more length"),
                         (reworded, "them in other words")):
        if outlets:
            tie += f" {names_list(outlets)} quote{'s' if len(outlets) == 1 else ''} {how}."
    if statement.others:
        tie += _other_credits(model, statement, best)
    return (
        f"{tie} A story quotes several people side by side: check whose name the attribution "
        f"(\u201csaid\u201d, \u201ctold\u201d, a title or a pronoun) points to before "
        f"repeating a quote."
    )
