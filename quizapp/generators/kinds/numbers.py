"""Numbers: where a figure that matters comes from. "According to <outlet>, who gave the
figure of N?", keyed to the source its sentence names, or to the outlet itself only when no
speech verb or "according to" touches the figure; the other choices are sources the story
credits with other values of the same fact. Where every outlet credits one source, the other
choices are people and bodies the story names as giving something else, none credited anywhere
with the same amount (writing/named_sources.py), and never where a headline credits it to the
key. And where outlets credit one figure to different sources: "Which outlet credits N to X?"."""
from __future__ import annotations

import re

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.names import PERSON
from quizapp.generators.reading.places import used_as_place
from quizapp.generators.reading.figures import Figure, source_verbs
from quizapp.generators.reading.text import fold, word_set
from quizapp.generators.writing.choices import MAX_CHOICES, names_list, picked, question
from quizapp.generators.writing.differences import asked_by_outlet
from quizapp.generators.writing.named_sources import (
    affiliated,
    described_only,
    may_be_same,
    named_sources,
)
from quizapp.generators.writing.sources import is_name
from quizapp.generators.writing.figures import (
    by_amount,
    fact_of,
    in_article,
    label,
    sentence_of,
    shown,
    source_name,
)

KIND = "numbers"
MAX_QUESTIONS = 4
AS_FACT = "No one: the outlet states it itself"


def _same_source(a: str, b: str) -> bool:
    """Two ways of naming one source: one inside the other, or a content word in common ("the
    ministry", "the Emergencies Ministry"; "Morozan", "provincial governor Alexei Morozan")."""
    skip = word_set("function_words") | word_set("name_stopwords")
    words_a = {w for w in re.findall(r"[a-z]+", fold(a)) if w not in skip and len(w) > 2}
    words_b = {w for w in re.findall(r"[a-z]+", fold(b)) if w not in skip and len(w) > 2}
    return fold(a) in fold(b) or fold(b) in fold(a) or bool(words_a & words_b)


def _bare_person(model, name: str) -> str:
    """A person's name without the title before it ("Turkish President Ann Lee" -> "Ann Lee"):
    among bare choices, the one titled name would stand out as the answer."""
    words = name.split()
    for k in range(1, len(words) - 1):
        if not all(w[:1].isupper() for w in words[:k]):
            break
        entity = model.entities.find(" ".join(words[k:]))
        if entity is not None and entity.kind == PERSON:
            return " ".join(words[k:])
    return name


def _as_choice(name: str) -> str:
    return name[:1].upper() + name[1:]


def _states_itself(model, figure: Figure) -> bool:
    """The outlet gives the figure in its own voice: no source named or hinted in its sentence,
    its paragraph or the paragraphs beside it, no quotation, and no other sentence of the
    article giving the same amount with a source."""
    if figure.source.kind != "outlet" or figure.quoted or figure.place != "body":
        return False
    reading = model.article(figure.article)
    at = next((i for i, p in enumerate(reading.paragraphs)
               if p.start <= figure.sentence.start < p.end), None)
    near = reading.paragraphs[max(0, at - 1):at + 2] if at is not None else []
    words = set(re.findall(r"[a-z]+", fold(" ".join(p.text for p in near)
                                           or figure.sentence.text)))
    if words & source_verbs() or "according" in words or re.search(r"[\"\u201c\u201d]",
                                                                   figure.sentence.text):
        return False
    return not any(other is not figure and len(by_amount([other, figure])) == 1
                   and other.source.name for other in in_article(model, figure.article))


def _resolved(model, figure: Figure, anywhere: bool = False) -> str:
    """The source as its article (or, with `anywhere`, the story) names it in full: "the
    service" is "the Aldermoor Fire and Rescue Service" named earlier; "" when none is."""
    name = figure.source.name
    words = name.split()
    if len(words) != 2 or fold(words[0]) != "the" or not words[1].islower():
        return name
    fuller = [f.source.name for f in model.figures
              if (anywhere or f.article == figure.article)
              and f.source.name and f.source.name != name
              and fold(f.source.name).endswith(" " + fold(words[1]))]
    return fuller[0] if fuller else ""


def _key(model, figure: Figure) -> str:
    if _own_amount(figure):
        return ""  # "Meta warned that its record $1.3 billion fine...": Meta describes its fine
    if figure.source.kind in ("named", "unnamed") and figure.source.name:
        name = _resolved(model, figure)
        if name and used_as_place([r.text for r in model.articles], name):
            return ""  # "Thailand reported 101 missing": a country names no one who counted
        # "Where quake", "Reports": what stood where a source stands but names nobody.
        return _as_choice(_bare_person(model, name)) if name and is_name(model, name) else ""
    if _agency_copy(model, figure.article):
        return ""  # "SEATTLE (Reuters) —": the sentence is the agency's, not the outlet's own
    return AS_FACT if _states_itself(model, figure) else ""


def _own_amount(figure: Figure) -> bool:
    """A figure the source describes as its own ("its record fine", "their 25% offer"): the
    source is the one it is about, not the one who counted it."""
    text = figure.sentence.text
    at = figure.passage.start - figure.sentence.start
    return bool(figure.source.name) and bool(
        re.search(r"\b(?:its|their)\s(?:[\w-]+\s){0,2}$", text[max(0, at - 30):at]))


def _agency_copy(model, article: str) -> bool:
    """Whether the article credits a news agency or another outlet for the whole of its text."""
    return any(c.article == article and c.whole and c.named for c in model.credits)


def _related(model, a: str, b: str) -> bool:
    """Whether the story writes two sources as one ("Meta CEO Mark Zuckerberg", "Alphabet CEO
    Sundar Pichai"): a spokesman and the body he speaks for are not two different sources."""
    skip = word_set("function_words") | word_set("name_stopwords")
    words_a = [w for w in re.findall(r"[A-Z][\w-]+", a) if fold(w) not in skip]
    words_b = [w for w in re.findall(r"[A-Z][\w-]+", b) if fold(w) not in skip]
    for reading in model.articles:
        for x in words_a:
            for y in words_b:
                if re.search(re.escape(x) + r"['\u2019s]*(?:\s[\w'\u2019.-]+){0,3}\s" + re.escape(y)
                             + "|" + re.escape(y) + r"['\u2019s]*(?:\s[\w'\u2019.-]+){0,3}\s"
                             + re.escape(x), reading.text):
                    return True
    return False


def _distinct(name: str) -> bool:
    """A source a choice can name on its own: not "the network", "the ministry" or "governor",
    which may be any of the story's named sources."""
    words = name.split()
    if len(words) == 1:
        return words[0][:1].isupper() and fold(words[0]) not in word_set("roles")
    return not (len(words) == 2 and fold(words[0]) in ("the", "its", "their", "his", "her")
                and words[1].islower())


def _other_sources(model, fact: Fact | None, figure: Figure, key: str) -> dict[str, Figure]:
    """Sources the story credits with values of the fact in other outlets, then with other
    figures of the same article, each with the figure it is credited with: plausible, and shown
    wrong by the figure's own sentence."""
    found: dict[str, Figure] = {}
    sentence = fold(figure.sentence.text)
    # A source the same sentence credits with another value is the plainest wrong choice.
    beside = [f for f in in_article(model, figure.article)
              if f.sentence is figure.sentence and f is not figure
              and f.source.name and len(by_amount([f, figure])) > 1]
    for other in beside:
        name = source_name(other, model)
        if not _distinct(name):
            name = _resolved(model, other, anywhere=True)
        if name and _distinct(name) and not _same_source(name, key) and name not in found:
            found[name] = other
    # Sources of other values first, then of the same value in other outlets (the question asks
    # whom this outlet credits), then of other figures in the same article.
    of_fact = fact.figures if fact is not None else ()
    others = sorted((f for f in of_fact if f.article != figure.article),
                    key=lambda f: len(by_amount([f, figure])) == 1)
    others += [f for f in in_article(model, figure.article) if f not in of_fact]
    # Then sources other outlets credit with figures of the same kind: a plausible hand a share
    # of a vote or a toll passes through ("Reuters", "CNBC").
    others += [f for f in model.figures if f.article != figure.article and f not in of_fact
               and f.category == figure.category and f.place == "body"]
    if fact is None:  # a figure of its own ("40 buses"): any hand the story's figures pass through
        others += [f for f in model.figures if f.article != figure.article
                   and f.category != figure.category and f.place == "body"]
    for other in others:
        name = source_name(other, model)
        if fact is not None and _someone_else(model, other, fact):
            continue  # "Microsoft said it would lay off 10,000": another company's own figure
        if not name or other.source.kind not in ("named", "unnamed") or fold(name) in sentence \
                or name in found \
                or other.place == "headline" or not _distinct(name):
            continue
        if any(_same_source(name, seen) or (seen != AS_FACT and _related(model, name, seen))
               for seen in [key, *found] if seen != AS_FACT):
            continue
        found[name] = other
    return {_as_choice(_bare_person(model, n)): f for n, f in found.items()}


def _someone_else(model, figure: Figure, asked: Fact | None) -> bool:
    """A figure about someone other than the story's subject: of a fact the headlines never
    name or of another holder's, or credited to one whose own figures those are ("Amazon said
    it would cut 18,000")."""
    fact = fact_of(model, figure)
    if fact is not None and (not fact.own or fact.holder and asked is not None
                             and asked.holder and fact.holder != asked.holder):
        return True
    others = {fold(f.holder) for f in model.facts if not f.own and f.holder}
    return any(_same_source(figure.source.name, holder) for holder in others)


def _credited(model, name: str, figure: Figure, asked: Figure) -> str:
    """"Just the News credits 49.2% to Reuters": where a wrong choice comes from, the source
    named as its sentence writes it ("hospital officials"), or as the choice does. For a figure
    of another fact only that the outlet cites the source: graders twice found "for another
    figure" false (the same six people counted as missing and as presumed dead; a time read as
    a count)."""
    written = source_name(figure, model)
    if not _same_source(written, name):
        written = name[:1].lower() + name[1:] if name.startswith("The ") else name
    words = written.split()
    if len(words) > 1 and all(w.islower() for w in words[1:]) and words[0].istitle():
        written = written[:1].lower() + written[1:]  # "Hospital officials" opened its sentence
    if fact_of(model, figure) is not fact_of(model, asked) or fact_of(model, asked) is None:
        who = "the same article" if figure.article == asked.article else label(model,
                                                                                figure.article)
        return f"{who} also cites {written}"
    return f"{label(model, figure.article)} credits {shown(figure)} to {written}"


# Nouns that only point back at another count ("76 others are missing"): the prompt would ask
# about "76 others" with nothing to say what they are.
_POINTING_NOUNS = frozenset({"others", "other", "more"})
# A count broken down inside a total ("179 people, including 85 women, 84 men"): the part is
# the total's detail, asked as the total.
_BREAKDOWN = re.compile(r"\d[\d,.]*\s[^;:]{0,60}?\b(?:including|among them|of whom|of them|"
                        r"of which)\b[^;:.]*$", re.IGNORECASE)


def _askable(figure: Figure) -> bool:
    """A figure a prompt can name on its own: a count of what happened, not a forecast ("the
    250,000 that were expected"), not a pointer ("76 others"), not a part of a total."""
    before = figure.sentence.text[:max(0, figure.quantity.start - figure.sentence.start)]
    return not (figure.unsure or figure.part or fold(figure.counts.noun) in _POINTING_NOUNS
                or _BREAKDOWN.search(before))


def _matters(model, fact: Fact, figure: Figure) -> bool:
    """A figure worth asking about: a fact several outlets give, or one its article leads with."""
    if not fact.label or fact.category not in ("count", "money", "percent"):
        return False
    if not _askable(figure):
        return False
    if figure.place != "body":
        return False  # a headline is too terse to read its attribution from
    if len(fact.articles) >= 2:
        return True
    if figure.category == "count" and figure.value < 10:
        return False  # "3 of her neighbours": a count in passing, one outlet's alone
    body = model.article(figure.article).body
    return figure.sentence in body[:3]


# A figure whose event words stand further than this from it is named in its own words.
CLOSE = 30


def _what(fact: Fact | None, figure: Figure) -> str:
    """The figure and what it counts, for a prompt: "at least 41 for the death toll", or in the
    article's words ("40 diesel and electric buses")."""
    if fact is not None and figure.counts.gap <= CLOSE:
        return f"{shown(figure)} for {fact.label}"
    return f"{shown(figure)} {figure.counts.noun}".strip()


def _who_question(model, fact: Fact | None, figure: Figure,
                  plain_ok: bool = True) -> Question | None:
    """"Who gave the figure?" for one figure; with `plain_ok` false, only where the story gives
    the figure otherwise (another source, an outlet's own voice)."""
    passage = sentence_of(model, figure)
    outlet = label(model, figure.article)
    key = _key(model, figure)
    if passage is None or not outlet or not key:
        return None
    if fact is not None and fact.holder and key != AS_FACT and _same_source(key, fact.holder):
        return None  # "Alphabet announced 12,000 job cuts": the actor telling its own news
    told = fact or fact_of(model, figure)
    # Every outlet credits one source (or its body): the lesson is reading the credit, against
    # sources the story names that no outlet credits with this amount.
    alike = told is not None and key != AS_FACT and len({f.article for f in told.figures}) > 1 \
        and not _told_otherwise(model, told, figure, key)
    if alike and not (plain_ok and _plainly_credited(model, told, figure, key)):
        return None
    wrong, origins, named = _wrong_choices(model, fact, figure, key, alike)
    if len(wrong) < (3 if alike else 2):
        return None  # where the story agrees, two named wrong sources at least, or it is thin
    if fact is not None and figure.counts.gap > CLOSE:
        return None  # what it counts is read from too far away to name it in the prompt
    prompt = f"According to {outlet}, who gave the figure of {_what(fact, figure)}?"
    elsewhere = [_credited(model, name, origins[name], figure) for name in wrong if name in origins]
    also = (" Elsewhere in the story: " + "; ".join(elsewhere) + ".") if elsewhere else ""
    if named:
        also += (f" {names_list(named)} {'is' if len(named) == 1 else 'are'} named elsewhere in "
                 "the story, but no outlet credits this figure to them.")
    confidence, reasons = 1.0, []
    if alike:
        confidence = 0.9
        reasons = ["every outlet credits one source: the wrong choices are only named elsewhere"]
    if key == AS_FACT:
        explanation = (f"{outlet} gives {shown(figure)} in its own voice: its sentence names no "
                       f"source and no one is quoted.{also} Ask where a figure comes from when an "
                       "outlet does not say.")
        confidence = 0.75
        reasons = ["a figure in the outlet's own voice: check that a reader would want it sourced"]
    else:
        source = key[:1].lower() + key[1:] if key.startswith("The ") else key
        explanation = (f"{outlet} credits {shown(figure)} to {source}, as its sentence shows."
                       f"{also} A figure is only as good as its source: check who counted it.")
    return question(KIND, prompt, [key], wrong, explanation, [passage], confidence, reasons)


def _headline_credit(model, article: str, key: str, fact: Fact) -> bool:
    """Whether an article's headline names the key beside a value of the fact ("Microsoft says
    8.5 million devices hit")."""
    entity = model.entities.find(key)
    forms = entity.forms if entity is not None else (key,)
    headline = " ".join(s.text for s in model.article(article).sentences if s.role == "headline")
    return any(f.article == article and f.place == "headline" for f in fact.figures) and any(
        re.search(r"(?<!\w)" + re.escape(fold(form)) + r"(?!\w)", fold(headline))
        for form in forms if len(form) > 2)


def _headline_news(model, fact: Fact, figure: Figure, key: str) -> bool:
    """Whether the headlines credit the figure to the key: the figure's own article's or most of
    the fact's, so asking who gave it gives the answer away ("Microsoft: 8.5 million devices")."""
    articles = {f.article for f in fact.figures}
    named = sum(_headline_credit(model, a, key, fact) for a in articles)
    return _headline_credit(model, figure.article, key, fact) or named * 2 > len(articles)


# What a figure counts is read from this near it, where the story gives no other source to
# check the prompt's words against.
NEAR = 15


def _wrong_choices(model, fact: Fact | None, figure: Figure, key: str,
                   alike: bool) -> tuple[list[str], dict[str, Figure], list[str]]:
    """The wrong choices, the sources of other figures among them, and the sources the story
    only names (filling up where the story agrees, or where no other figure has a source)."""
    origins = _other_sources(model, fact, figure, key)
    if alike:  # named wrong choices no one credits with the same amount, read as a quantity
        origins = {n: f for n, f in origins.items() if model.entities.find(n) is not None
                   and not described_only(n) and not affiliated(model, n, key)
                   and not _credits_amount(model, n, figure)}
    wrong = picked(list(origins), shown(figure), MAX_CHOICES - 2)
    named: list[str] = []
    if key != AS_FACT and (alike or not wrong):
        named = [_as_choice(_bare_person(model, n)) for n in named_sources(
            model, figure, key, [*origins])[:MAX_CHOICES - 2 - len(wrong)]]
        wrong += named
    if key != AS_FACT:
        wrong = wrong[:MAX_CHOICES - 2] + [AS_FACT]
    return wrong, origins, named


def _plainly_credited(model, fact: Fact, figure: Figure, key: str) -> bool:
    """Where every outlet credits one source: the key a name the story knows, what the figure
    counts read close to it, no headline crediting it to the key (the answer given away), and no
    other sentence of the article giving the amount otherwise (its answer would be two)."""
    if model.entities.find(key) is None or described_only(key) or figure.counts.gap > NEAR \
            or _headline_news(model, fact, figure, key):
        return False
    for other in in_article(model, figure.article):
        if other is figure or other.place != "body" or not may_be_same(other, figure):
            continue
        name = source_name(other, model)
        if not name or not (_same_source(name, key) or affiliated(model, name, key)):
            return False  # "... the five deaths, an OceanGate spokesperson said" beside it
    return True


def _credits_amount(model, name: str, figure: Figure) -> bool:
    """Whether any outlet credits the same amount (read as a quantity) to `name` or one who
    may speak for it."""
    return any(may_be_same(other, figure) and source_name(other, model)
               and (_same_source(source_name(other, model), name)
                    or affiliated(model, source_name(other, model), name))
               for other in model.figures if other is not figure)


def _told_otherwise(model, fact: Fact, figure: Figure, key: str) -> bool:
    """Whether the story gives the fact other than as `key`'s: another source credited with a
    value of it (in this sentence or another outlet), or another outlet stating it in its own
    voice. Where every outlet credits one source, "who gave the figure?" teaches nothing."""
    for other in fact.figures:
        if other is figure or other.place != "body" or (
                other.article == figure.article and other.sentence is not figure.sentence):
            continue
        name = source_name(other, model)
        if other.source.kind in ("named", "unnamed") and name and _distinct(name) \
                and not _same_source(name, key) and not _related(model, name, key):
            return True
        if other.article != figure.article and _key(model, other) == AS_FACT:
            return True
    return False


def _credit_question(model, fact: Fact) -> Question | None:
    """One amount credited to different sources by different outlets: "Which outlet credits
    94.6% to CNBC?", each wrong outlet shown crediting it to someone else."""
    for value in fact.values:
        credited: dict[str, Figure] = {}
        for figure in value.figures:
            if figure.article not in credited and source_name(figure, model) \
                    and label(model, figure.article) and sentence_of(model, figure) is not None:
                credited[figure.article] = figure
        names = [source_name(f, model) for f in credited.values()]
        for article, figure in credited.items():
            name = source_name(figure, model)
            if not _distinct(name):
                continue
            wrong = [a for a, f in credited.items()
                     if a != article and not _same_source(source_name(f, model), name)
                     and not _related(model, source_name(f, model), name)]
            if len(wrong) < 2 or sum(_same_source(name, n) for n in names) > 1:
                continue
            wrong = picked(wrong, name, MAX_CHOICES - 1)
            prompt = (f"Outlets credit the figure of {shown(figure)} for {fact.label} to different "
                      f"sources. Which outlet credits it to {name}?")
            explanation = ("; ".join(f"{label(model, a)} credits it to "
                                     f"{source_name(credited[a], model)}" for a in [article, *wrong])
                           + ". The same figure can reach readers through different hands: "
                           "check whose count it is before citing it.")
            evidence = [sentence_of(model, credited[a]) for a in [article, *wrong]]
            return question(KIND, prompt, [label(model, article)],
                            [label(model, a) for a in wrong], explanation, evidence)
    return None


def numbers_key(question: Question) -> str:
    return question.choices[question.answer[0]]


def write(model) -> list[Question]:
    """One question a fact: where outlets credit one figure to different hands, or who gave an
    outlet's figure (a named source before the outlet's own voice). Two on one fact would each
    name the other's answer in their explanations. Then figures of no fact the story names,
    in the article's own words, where the sentence credits a named source."""
    questions: list[Question] = []
    asked: set[tuple[str, str]] = set()
    spots: set[tuple[str, int]] = set()  # the sentences of the facts asked
    facts = [f for f in _in_title_order(model) if f.label
             and f.category in ("count", "money", "percent")][:MAX_TRIED]
    for fact in facts:
        if len(questions) >= MAX_QUESTIONS:
            break
        if asked_by_outlet(model, fact) or _same_sentences(fact, spots):
            continue  # a disputed figure is the cross-checking kinds' (its prompt would tell)
        found = _credit_question(model, fact) or _best_who(model, fact)
        if found is not None and (fact.label, numbers_key(found)) not in asked:
            asked.add((fact.label, numbers_key(found)))
            spots |= {(f.article, f.sentence.start) for f in fact.figures}
            questions.append(found)
    questions += _own_words(model)[:MAX_OWN_WORDS]
    return questions[:MAX_QUESTIONS]


MAX_OWN_WORDS = 2
MAX_TRIED = 12  # figures tried per pass: each try reads the story's sources once


def _in_title_order(model) -> list[Fact]:
    """The facts, those whose holder the story's title names first in the order it names them
    ("Lula defeats Bolsonaro": Lula's share before Bolsonaro's)."""
    title = fold(model.story.title)

    def place(fact: Fact) -> int:
        at = title.find(fold(fact.holder)) if fact.holder else -1
        return at if at >= 0 else len(title)

    return sorted(model.facts, key=place)


def _same_sentences(fact: Fact, spots: set[tuple[str, int]]) -> bool:
    """Whether most of the fact's figures stand in sentences an earlier question's fact gives
    too: the two shares of one vote are one sentence, asked once."""
    mine = [(f.article, f.sentence.start) for f in fact.figures]
    return sum(spot in spots for spot in mine) * 2 > len(mine)


def _own_words(model) -> list[Question]:
    """"Who gave the figure of 40 diesel and electric buses?": a count named by the noun right
    after it, of no fact a label names and of no one else's, credited to a named source in its
    sentence that is not the one the figure is about."""
    found = []
    asked: list[Figure] = []
    disputed = {round(f.value, 6) for fact in model.facts if asked_by_outlet(model, fact)
                for f in fact.figures}
    tried = 0
    for figure in model.figures:
        if len(found) >= MAX_OWN_WORDS or tried >= MAX_TRIED:
            break
        fact = fact_of(model, figure)
        if (fact is not None and (fact.label or not fact.own)) or figure.place != "body" \
                or figure.quoted or figure.category != "count" or figure.unsure \
                or figure.source.kind != "named" or figure.counts.gap > 1 \
                or not figure.counts.noun or figure.value < 10 or not _askable(figure):
            continue
        if figure.holder and _same_source(figure.source.name, figure.holder) \
                or round(figure.value, 6) in disputed:
            continue  # its own news, or an amount another question asks outlets about
        if any(len(by_amount([f, figure])) == 1 for f in asked):
            continue  # one source's figure carried by several outlets is one question
        tried += 1
        question_ = _who_question(model, None, figure)
        if question_ is not None:
            found.append(question_)
            asked.append(figure)
    return found


def _best_who(model, fact: Fact) -> Question | None:
    """A sentence giving two values of the fact from two sources first: the plainest lesson;
    then a figure credited to a named source before one in the outlet's own voice."""
    found = []
    candidates = [f for f in fact.figures if _matters(model, fact, f)][:MAX_TRIED]
    ordered = sorted(candidates, key=lambda f: -sum(
        o.sentence is f.sentence and o.source.name != f.source.name for o in candidates))
    for figure in ordered:
        asked = _who_question(model, fact, figure, plain_ok=False)
        if asked is not None and numbers_key(asked) != AS_FACT:
            return asked
        found.append(asked)
    # Then a source every outlet names alike, read from its sentence.
    found += [_who_question(model, fact, figure) for figure in ordered if not any(found)]
    return next((q for q in found if q is not None), None)
