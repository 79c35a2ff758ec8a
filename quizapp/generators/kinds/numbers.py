"""Numbers: the figure each outlet gives for one quantity when outlets give different figures,
and whose figure it is (a named source, or the outlet itself stating it as fact)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.generators import gate as verify
from quizapp.generators.reading.details import (
    Figure, attribution, carries_count, carries_number, figure_source, figures, has_quotation,
    has_speech_verb, hedges_in, paragraph_of, prose_sentences, role_words, singular, stem, stopwords,
)
from quizapp.generators.model import Article, Evidence, Question, Story
from quizapp.generators.writing.outlets import Outlet, choice_question, names_list, story_outlets
from quizapp.generators.kinds.sourcing import has_reporting_verb, reporting_subject, reporting_words
from quizapp.generators.reading.speech import NOUN_MARKERS
from quizapp.generators.reading.text import fold, sentences, tokens, word_set

KIND = "numbers"
SKILL = "numbers"
MAX_QUESTIONS = 6
TIE_WINDOW = 5  # words either side of a figure in which its verb ("killed", "arrested") must sit

AS_FACT = "No one: the outlet states it as fact"


@dataclass(frozen=True)
class Given:
    """One outlet's figure for a quantity."""
    outlet: Outlet
    article: Article
    figure: Figure


def _action_stems(text: str, figure: Figure) -> dict[str, str]:
    """Stem -> word for the -ed and -ing words near a figure: what it counts happening
    ("41 people were killed", "killing at least 38 people", "57 ships waiting")."""
    words = [t for t in tokens(text, figure.sentence.start, figure.sentence.end) if t.is_word]
    at = next((i for i, t in enumerate(words) if t.start >= figure.start), len(words))
    near = words[max(0, at - TIE_WINDOW):at + TIE_WINDOW + 1]
    return {stem(t.text): t.text for t in near
            if t.lower.endswith(("ed", "ing")) and len(t.lower) > 4 and t.text.islower()}


def _participle_after_noun(text: str, figure: Figure, stems: set[str]) -> str:
    """A tie word written after the noun as a participle ("people were killed", "ships
    waiting"), which names the quantity in a prompt: "the number of people killed"."""
    words = [t for t in tokens(text, figure.end, figure.sentence.end) if t.is_word]
    for tok in words[:5]:
        if stem(tok.text) in stems and tok.text.islower():
            return tok.text
    return ""


def _quantities(story: Story, outlets: tuple[Outlet, ...]) -> list[list[Given]]:
    """Groups of figures that count one thing and disagree: the same noun and scale, a shared
    verb beside the figure, different numbers, in different outlets, none of which carries
    more than one of the numbers (an outlet giving both is counting two things)."""
    given = [Given(o, a, f) for o in outlets for a in o.articles for f in figures(a)]
    groups: list[list[Given]] = []
    for g in given:
        ties = set(_action_stems(g.article.text, g.figure))
        for group in groups:
            head = group[0]
            if head.figure.noun_key == g.figure.noun_key and head.figure.scale == g.figure.scale \
                    and ties & set(_action_stems(head.article.text, head.figure)):
                group.append(g)
                break
        else:
            groups.append([g])
    found = []
    for group in groups:
        values = sorted({g.figure.value for g in group})
        if len(values) < 2:
            continue
        by_outlet: dict[str, set[str]] = {}
        for g in group:
            by_outlet.setdefault(g.outlet.name, set()).add(g.figure.value)
        if any(len(v) > 1 for v in by_outlet.values()):
            continue
        if any(sum(carries_number(o.text, v, group[0].figure.scale) for v in values) > 1 for o in outlets
               if o.name in by_outlet):
            continue
        found.append(group)
    return found


def _quantity_label(group: list[Given]) -> str:
    ties = set.intersection(*(set(_action_stems(g.article.text, g.figure)) for g in group))
    for g in group:
        word = _participle_after_noun(g.article.text, g.figure, ties)
        if word:
            return _label(g.figure, word)
    for g in group:
        # "Police arrested 23 rioters": the participle stands before the figure.
        before = _action_stems(g.article.text, g.figure)
        for key in sorted(ties):
            if before.get(key, "").endswith("ed"):
                return _label(g.figure, before[key])
    return ""


def _label(figure: Figure, participle: str) -> str:
    """How a prompt names the quantity: "the percentage contained" for a share, "the amount
    demanded" for money, "the number of people killed" for a count; "" when no clean noun phrase
    can be written (a prompt with a blank where the noun should be is never asked)."""
    noun = " ".join(figure.noun.split())
    if not participle.strip():
        return ""
    if fold(noun) in ("per cent", "percent"):
        return f"the percentage {participle}"  # "15 per cent contained" is a share, not a count
    if figure.number[:1] in "$\u20ac\u00a3" or not noun:
        return f"the amount {participle}" if figure.number[:1] in "$\u20ac\u00a3" else ""
    return f"the number of {noun} {participle}"


def _time_words(sentence: str) -> frozenset[str]:
    """The days, dates and moments a sentence names ("on Monday", "March 3", "yesterday"), with
    a day number beside a month kept ("march 3"); "a march" (a noun after a determiner) is not."""
    toks = [t for t in tokens(sentence) if t.is_word]
    found = set()
    for i, tok in enumerate(toks):
        if tok.lower not in word_set("calendar_words"):
            continue
        if not tok.is_capitalised and i and toks[i - 1].lower in NOUN_MARKERS:
            continue
        day = next((t.text for t in (toks[i + 1:i + 2] + toks[max(i - 1, 0):i])
                    if t.text.isdigit() and 1 <= int(t.text) <= 31), "")
        found.add(f"{tok.lower} {day}".strip())
    return frozenset(found)


def _same_moment(a: Figure, b: Figure) -> bool:
    """Whether two figures may count the same moment: their sentences name no different days.
    40 buses "on Monday" and more than 30 "on Tuesday" are two counts, not a disagreement."""
    ta, tb = _time_words(a.sentence.text), _time_words(b.sentence.text)
    return not ta or not tb or ta == tb


def _disagreement_question(story: Story, group: list[Given]) -> Question | None:
    label = _quantity_label(group)
    if not label:
        return None
    counts: dict[str, list[Given]] = {}
    for g in group:
        counts.setdefault(g.figure.value, []).append(g)
    # Ask about the outlet whose figure fewest outlets share: the odd one out.
    asked = min(group, key=lambda g: (len({x.outlet.name for x in counts[g.figure.value]}), group.index(g)))
    others = [counts[v][0] for v in sorted(counts) if v != asked.figure.value]
    wrong = [g for g in others if not carries_number(asked.outlet.text, g.figure.value, g.figure.scale)
             and all(_same_moment(x.figure, y.figure) for x in counts[asked.figure.value]
                     for y in counts[g.figure.value])]
    if not wrong:
        return None
    key = asked.figure.figure
    wrong_choices = [g.figure.figure for g in wrong if fold(g.figure.figure) != fold(key)]
    if not wrong_choices:
        return None
    if carries_count(asked.figure.sentence.text, asked.figure) is None:
        return None
    prompt = f"What figure does {asked.outlet.name} give for {label}?"
    if "  " in prompt or " ?" in prompt:
        return None
    evidence = [Evidence(asked.article.id, asked.figure.sentence.text)]
    evidence += [Evidence(g.article.id, g.figure.sentence.text) for g in wrong]
    others_text = "; ".join(
        f"{names_list(sorted({x.outlet.name for x in counts[g.figure.value]}))} "
        f"{'gives' if len({x.outlet.name for x in counts[g.figure.value]}) == 1 else 'give'} {g.figure.figure}"
        for g in wrong)
    explanation = (f"Outlets give different figures for {label}: {asked.outlet.name} gives {key}, while "
                   f"{others_text}. Before repeating a figure, check which outlet gives it, whose "
                   f"count it is and when it was made.")
    question = choice_question(KIND, SKILL, prompt, [key], wrong_choices, explanation, evidence)
    return question if verify.is_sound(question, story) else None


def source_of(article: Article, figure: Figure) -> str | None:
    """Who the figure's sentence credits it to: a speaker ("..., the agency said"), else a named
    body that opens the sentence with a verb of counting ("The weather service recorded gusts of
    90 km/h"); "" when the sentence credits no one in any way; None when it credits in a way these
    rules cannot read with confidence ("put ... at", a pronoun, a source covering another clause)."""
    source = figure_source(article.text, figure.sentence, figure.start)
    if source is None:
        return None
    if source != "":
        found = attribution(figure.sentence.text)
        if found is not None and found.covers == "after" \
                and _another_clause_between(figure.sentence.text, found.end, figure.start - figure.sentence.start):
            return None
        return source
    found = reporting_subject(figure.sentence.text)
    if found:
        subject, verb_end = found
        offset = figure.start - figure.sentence.start
        if offset < verb_end or _another_clause_between(figure.sentence.text, verb_end, offset):
            return None
        return subject
    return None if has_reporting_verb(figure.sentence.text) else ""


# A new clause with its own verb: "; ", a dash, ", and ...", "and it ...". The subject's
# reporting verb then governs only its own clause, and the figure may be what the subject wants,
# owns or lost ("X has claimed responsibility, and it wants 150 bitcoin"): no source to key.
_CLAUSE_BREAK = re.compile(
    r"[;\u2014\u2013]|\s-\s|,\s*(?:and|but|while|whereas|yet|so|though|although)\s"
    r"|\s(?:and|but)\s+(?:it|he|she|they|we|its|their|his|her)\s", re.I)


def _another_clause_between(sentence_text: str, verb_end: int, figure_at: int) -> bool:
    """Whether a clause break stands between the reporting verb and the figure, so the verb
    that governs the figure is not the reporting one."""
    return bool(_CLAUSE_BREAK.search(sentence_text[verb_end:figure_at]))


def _sources_in(outlet: Outlet) -> list[str]:
    """Every source the outlet's sentences attribute something to, as written, in text order."""
    found: list[str] = []
    for article in outlet.articles:
        for sentence in prose_sentences(article.text):
            if has_quotation(article.text, sentence):
                continue
            a = attribution(sentence.text)
            subject = a.source if a else (reporting_subject(sentence.text) or ("",))[0]
            if subject and fold(subject) not in {fold(s) for s in found}:
                found.append(subject)
    return found


def _same_source(a: str, b: str) -> bool:
    """Whether two ways of naming a source may be one source: one inside the other, the same
    head word ("the ministry", "the Emergencies Ministry") or any word in common ("the regional
    governor", "Governor Ilse Marten")."""
    content_a = {fold(w) for w in a.split() if fold(w) not in stopwords()}
    content_b = {fold(w) for w in b.split() if fold(w) not in stopwords()}
    a, b = fold(a), fold(b)
    return a in b or b in a or a.split()[-1] == b.split()[-1] or bool(content_a & content_b)


def _named(source: str) -> bool:
    """A source given by name ("Beijing", "the Emergencies Ministry"), not by role alone ("the
    Ukrainian chief"), which may be someone named elsewhere: only these make wrong choices."""
    words = source.split()
    capitalised = any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper())
    head = fold(words[-1])
    return capitalised and head not in role_words() and singular(head) not in role_words()


def _as_choice(source: str) -> str:
    return source[:1].upper() + source[1:]


def _counts_other_noun(sentence: str, figure: Figure) -> bool:
    """Whether a sentence's figure word plainly counts something other than the figure's noun:
    "put the number of homes destroyed at 140" is not about a figure of firefighters."""
    figure_words = "|".join(sorted(map(re.escape, reporting_words("figure")), key=len, reverse=True))
    counted = re.findall(r"\b(?:" + figure_words + r") of (?:the )?([a-z][a-z\-]*)", fold(sentence))
    noun = singular(fold(figure.noun.split()[-1])) if figure.noun else ""
    return bool(counted) and noun != "" and all(singular(c) != noun for c in counted)


def attributed_in_article(article: Article, figure: Figure) -> bool:
    """Whether any sentence of the article may credit the figure to someone: one that reports a
    figure, number, estimate or toll ("The premier gave the evacuation figure on Tuesday"), unless
    it plainly counts something else, or one with the same number or the same noun and a verb of
    speech or reporting. An outlet stating a figure flatly may still say whose it is elsewhere."""
    noun = fold(figure.noun.split()[-1]) if figure.noun else ""
    for sentence in sentences(article.text):
        text = sentence.text
        if not has_reporting_verb(text):
            continue
        words = {fold(w) for w in re.findall(r"[\w\-]+", text)}
        if words & reporting_words("figure") and not _counts_other_noun(text, figure):
            return True
        # The same number, with its scale when it has one ("two months" is not "2 million doses").
        if carries_number(text, figure.value, figure.scale) and sentence.start != figure.sentence.start \
                and (not figure.scale or fold(figure.scale) in words):
            return True
        if noun and sentence.start != figure.sentence.start \
                and (noun in words or singular(noun) in {singular(w) for w in words}):
            return True
    return False


def _states_as_fact(article: Article, figure: Figure) -> bool:
    """The figure's whole paragraph names no source, reports nothing, quotes no one and hedges
    nothing, and no other sentence of the article may say whose figure it is."""
    paragraph = paragraph_of(article.text, figure.sentence)
    return (source_of(article, figure) == ""
            and not has_reporting_verb(paragraph) and not re.search(r"[\"\u201c\u201d]", paragraph)
            and not hedges_in(figure.sentence.text)
            and not attributed_in_article(article, figure))


def _source_question(story: Story, outlet: Outlet, article: Article,
                     figure: Figure) -> Question | None:
    source = source_of(article, figure)
    sentence = figure.sentence.text
    if source is None or (source == "" and not _states_as_fact(article, figure)):
        return None
    if source and hedges_in(sentence, "unverified"):
        return None
    paragraph = fold(paragraph_of(article.text, figure.sentence))
    wrong: list[str] = []
    for s in _sources_in(outlet):
        if fold(s) in paragraph or not _named(s):
            continue
        if any(_same_source(s, other) for other in [source, *wrong] if other):
            continue
        if source and not _named(source) and any(fold(w) in role_words() for w in s.split()):
            continue  # a source given by role alone may be this named person: not plainly wrong
        wrong.append(_as_choice(s))
    wrong = wrong[:2]
    key = _as_choice(source) if source else AS_FACT
    if source:
        wrong.append(AS_FACT)
    if not wrong:
        return None
    # The qualifier stays: "more than 30 lorries" is the outlet's claim, "30 lorries" is not.
    prompt = f"In {outlet.name}, who is the source of the figure of {figure.qualified}?"
    if source:
        explanation = (f"A figure is only as good as its source: {outlet.name} attributes "
                       f"{figure.qualified} to {source}, as the sentence shows.")
    else:
        explanation = (f"{outlet.name} gives {figure.qualified} in its own voice, with no source and no "
                       f"hedge in the paragraph: ask where a figure comes from when no one is named.")
    question = choice_question(KIND, SKILL, prompt, [key], wrong, explanation,
                               [Evidence(article.id, sentence)])
    # The key holds only if the evidence still reads the same way.
    if source_of(article, figure) != source:
        return None
    return question if verify.is_sound(question, story) else None


def generate(story: Story) -> list[Question]:
    outlets = story_outlets(story)
    if len(outlets) < 2:
        return []
    questions = []
    for group in _quantities(story, outlets):
        question = _disagreement_question(story, group)
        if question:
            questions.append(question)
    seen_values, seen_sentences = set(), set()
    for outlet in outlets:
        for article in outlet.articles:
            for figure in figures(article):
                # One question per number and per sentence: a second figure of the same sentence
                # has the same source and would ask the same thing again.
                if figure.value in seen_values or (article.id, figure.sentence.start) in seen_sentences:
                    continue
                question = _source_question(story, outlet, article, figure)
                if question:
                    seen_values.add(figure.value)
                    seen_sentences.add((article.id, figure.sentence.start))
                    questions.append(question)
    return questions[:MAX_QUESTIONS]
