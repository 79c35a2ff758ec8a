"""Voice: whose word a loaded term is in one article ("bloodbath", "economic sabotage"): the
outlet's own, in its narration, or a source's, inside a quotation or inside words the sentence
credits to that source. The other choices are the people and bodies the same article quotes, so
every wrong choice is someone the article gives words to, just not these. And, where the story
has them, first-hand against second-hand accounts: who saw it, and who heard it from someone."""
from __future__ import annotations

from functools import lru_cache

from quizapp.generators.model import Question
from quizapp.generators.reading.statements import FIRST_HAND, SECOND_HAND, Account, Source, accounts
from quizapp.generators.reading.terms import OUTLET, PARAPHRASE, QUOTE, TermUse, tie
from quizapp.generators.reading.text import fold, word_list
from quizapp.generators.writing.choices import names_list, question

KIND = "voice"
OWN = "The outlet itself"
# A word inside words a sentence credits to a source, without quotation marks, may still be the
# outlet's wording of what was said: the key is then less than certain.
PARAPHRASE_CONFIDENCE = 0.6
# An article's narration may be agency copy it carries: "the outlet itself" is then the agency.
OWN_CONFIDENCE = 0.85
MAX_QUESTIONS = 3
MAX_CHOICES = 5


def _shown(use: TermUse) -> bool:
    return use.sentence.role in ("prose", "headline") and not use.in_name


def _whose(use: TermUse) -> str | None:
    """The choice that is right for a use: the outlet, or its named source; None if unknown."""
    if use.voice == OUTLET:
        return OWN
    if use.voice in (QUOTE, PARAPHRASE) and use.speaker is not None and use.speaker.named:
        return use.speaker.name
    return None


def _same_person(a: str, b: str) -> bool:
    """"Lee" and "Ann Lee" are one source; so are "AP" and "Associated Press"."""
    wa, wb = fold(a).split(), fold(b).split()
    if wa == wb or (bool(wa) and bool(wb) and wa[-1] == wb[-1]):
        return True
    return _initials(a) == b.replace(".", "") or _initials(b) == a.replace(".", "")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


@lru_cache(maxsize=1)
def _news_names() -> frozenset[str]:
    """News agencies by every name: the source of an outlet's copy, not a speaker in the story."""
    return frozenset(fold(name.strip()) for line in word_list("news_agencies")
                     for name in line.split("|"))


def _speaker(source: Source, sentence, model) -> bool:
    """A source a student can see speaking in the sentence: named there (not only through "he"),
    and not a news agency or outlet passing on a report ("the AP said", "CNBC reported")."""
    name = fold(source.name)
    outlets = {fold(o.name) for o in model.outlets}
    return (fold(source.name.split()[-1]) in fold(sentence.text) and name not in _news_names()
            and name not in outlets and not any(_same_person(source.name, n)
                                                for n in _news_names() if n.isupper()))


def _sources(model, article: str) -> list[tuple[Source, object]]:
    """The named sources the article credits, each once, with a sentence that credits them."""
    found: list[tuple[Source, object]] = []
    for statement in model.statements.of_article(article):
        for credit in statement.credits:
            source = credit.source
            if source is None or not source.named or credit.verb_class not in ("says",
                                                                                 "according"):
                continue
            sentence = statement.sentence
            if fold(credit.verb.text) in ("reported", "reports") or not sentence.finished \
                    or sentence.role != "prose" or not _speaker(source, sentence, model):
                continue
            if any(_same_person(source.name, known.name) for known, _ in found):
                continue
            found.append((source, statement.sentence))
    return found


def _question(model, use: TermUse, uses: list[TermUse], tied: bool) -> Question | None:
    outlet = model.outlet_of(use.article)
    if outlet is None:
        return None
    key = _whose(use)
    same_word = [u for u in uses if fold(u.word) == fold(use.word) and u.article == use.article]
    if key is None or any(_whose(u) != key for u in same_word):
        return None  # the word is used in more than one voice in this article
    if key != OWN and not _speaker(use.speaker, use.sentence, model):
        return None
    sources = _sources(model, use.article)
    wrong = [(s.name, sentence) for s, sentence in sources if not _same_person(s.name, key)]
    wrong = wrong[:MAX_CHOICES - 2]
    choices = [name for name, _ in wrong]
    if key != OWN:
        choices.append(OWN)
    if len(choices) < 2:
        return None
    prompt = f"In {outlet.label}, whose word is \u201c{use.word}\u201d?"
    explanation = _explanation(outlet.label, use, key, [name for name, _ in wrong], tied)
    evidence = [use.sentence] + [sentence for _, sentence in wrong]
    if use.voice == PARAPHRASE:
        return question(KIND, prompt, [key], choices, explanation, evidence,
                        PARAPHRASE_CONFIDENCE, [("the word stands in words credited to the "
                                                 "source without quotation marks, which may be "
                                                 "the outlet's own wording of what was said")])
    if use.voice == OUTLET:
        reasons = ["the narration may be agency copy the outlet carries, whose word it then is"]
        confidence = OWN_CONFIDENCE
        if use.contested:
            confidence *= 0.7
            reasons.append("whether this label is loaded or simply accurate is itself debated")
        return question(KIND, prompt, [key], choices, explanation, evidence, confidence, reasons)
    return question(KIND, prompt, [key], choices, explanation, evidence)


def _explanation(outlet: str, use: TermUse, key: str, others: list[str], tied: bool) -> str:
    """Why the key is right; how the word frames the thing only where the story names that
    thing plainly too (a quoted "hero" is not sport's word for a win)."""
    frame = f", and it frames {use.group.names} {use.frame}" if use.frame and tied else ""
    word = f"\u201c{use.word}\u201d"
    if key.split()[0] in ("The", "A", "An") and len(key.split()) > 1:
        key = key[0].lower() + key[1:]  # "the environmental group RiverGuard" mid-sentence
    if use.voice == QUOTE:
        return (f"{word} stands inside a quotation that {outlet} credits to {key}: it is "
                f"{key}'s word, which the outlet reports{frame}.")
    if use.voice == PARAPHRASE:
        return (f"{outlet} credits the words around {word} to {key}: it is {key}'s framing, "
                f"passed on by the outlet{frame}.")
    quoted = f" It quotes {names_list(others)} elsewhere, but not in this sentence." if others \
        else ""
    return (f"{outlet} writes {word} in its narration, outside any quotation or words it credits "
            f"to a source: the framing is the article's own{frame}.{quoted}")


def write(model) -> list[Question]:
    uses = [u for u in model.terms if _shown(u)]
    # A loaded word is asked about only where the story also names the same thing plainly, so
    # the word is known to mean that thing here ("fired" in a layoffs story, not in a match
    # report; "Ukrainian troops" are troops, not a label for Chinese nationals).
    plain: dict[int, list[TermUse]] = {}
    for use in uses:
        if not use.loaded:
            plain.setdefault(use.group.index, []).append(use)
    tied = {id(u) for u in uses if u.loaded and any(tie(u, p)
                                                    for p in plain.get(u.group.index, ()))}
    # A quoted word is the speaker's, whatever it names.
    loaded = [u for u in uses if u.loaded and (u.voice == QUOTE or id(u) in tied)]
    # Words a source speaks first: the lesson is that a quoted word is not the outlet's.
    loaded.sort(key=lambda u: (u.voice == OUTLET, u.passage.article, u.passage.start))
    questions: list[Question] = []
    asked_words: set[str] = set()
    asked_articles: set[str] = set()
    hands = _account_question(model)
    if hands is not None:
        questions.append(hands)
    for use in loaded:
        if len(questions) >= MAX_QUESTIONS:
            break
        if fold(use.word) in asked_words or use.article in asked_articles:
            continue
        found = _question(model, use, uses, id(use) in tied)
        if found is not None:
            questions.append(found)
            asked_words.add(fold(use.word))
            asked_articles.add(use.article)
    return questions


# --- first-hand and second-hand accounts ---------------------------------------------------------


def _account_question(model) -> Question | None:
    """"Which of these people says they saw it?" where one source's credited words show they saw
    it and two or more others' show they heard it from someone (or the other way round)."""
    by_person: dict[str, Account] = {}
    for account in accounts(model.statements):
        name = account.source.name
        known = next((n for n in by_person if _same_person(n, name)), None)
        if known is not None and by_person[known].hand != account.hand:
            by_person.pop(known)  # two hands for one person: not plain
        elif known is None:
            by_person[name] = account
    first = [a for a in by_person.values() if a.hand == FIRST_HAND]
    second = [a for a in by_person.values() if a.hand == SECOND_HAND]
    if len(first) == 1 and len(second) >= 2:
        keys, wrong = first, second[:MAX_CHOICES - 1]
        prompt = ("Which of these people describes what they saw themselves, not what others "
                  "told them?")
    elif len(second) == 1 and len(first) >= 2:
        keys, wrong = second, first[:MAX_CHOICES - 1]
        prompt = "Which of these people passes on what someone else told them, not what they saw?"
    else:
        return None
    explanation = " ".join(
        f"{a.source.name} {'saw it first-hand' if a.hand == FIRST_HAND else 'heard it second-hand'}"
        f" (\u201c{a.marker.text}\u201d)." for a in keys + wrong
    ) + " A first-hand account is evidence; a second-hand one is a report of someone else's."
    return question(KIND, prompt, [a.source.name for a in keys],
                    [a.source.name for a in wrong], explanation,
                    [a.statement.sentence for a in keys + wrong])
