"""Voice: whose word a loaded term is in one article ("devastated", "economic sabotage"): the
outlet's own, in its narration, or a source's, inside a quotation. Asked above all where the
same word stands in another voice elsewhere (one outlet quotes the governor calling the town
"devastated", another writes "devastated" in its own narration), so the question teaches the
contrast; a quoted loaded word is asked alone too, the outlet's own one only with a contrast (alone,
it is word_choice's). The wrong choices are people and bodies the story gives words to: a speaker of
the same word in another outlet, and the sources the article itself quotes. Words credited to a source
without quotation marks ("Meta said it's letting go ...") are not asked about: the outlet's own
wording of what was said is as defensible an answer as the source's. And, where the story has
them, first-hand against second-hand accounts: who saw it, and who heard it from someone."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.model import Question
from quizapp.generators.reading.statements import FIRST_HAND, SECOND_HAND, Account, Source, accounts
from quizapp.generators.reading.terms import OUTLET, QUOTE, TermUse, copies_of, tie
from quizapp.generators.reading.text import fold, word_list
from quizapp.generators.writing.choices import names_list, question

KIND = "voice"
OWN = "The outlet itself"
MAX_QUESTIONS = 2
MAX_CHOICES = 5
COMMON = 3  # texts using a word in their own voice: the story's common descriptor, no framing


@dataclass(frozen=True)
class _Speaker:
    name: str
    sentence: object  # the sentence that shows them speaking


def _shown(use: TermUse) -> bool:
    return use.sentence.role in ("prose", "headline") and not use.in_name and not use.contested


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


def _speaker(model, source: Source | None, sentence) -> str | None:
    """The name of a source a student can see speaking in the sentence, as the story names it:
    a person or body the story knows (not "Instagram Post", not "a source in the campaign"),
    named in the sentence itself, and not a news agency or outlet passing on a report."""
    if source is None or not source.named:
        return None
    entity = model.entities.find(source.name)
    name = fold(source.name)
    if entity is None or entity.outlet or name in _news_names() \
            or fold(source.name.split()[-1]) not in fold(sentence.text):
        return None
    return source.name


def _sources(model, article: str) -> list[_Speaker]:
    """The people and bodies the article credits words to, each once."""
    found: list[_Speaker] = []
    for statement in model.statements.of_article(article):
        for credit in statement.credits:
            sentence = statement.sentence
            if credit.verb_class not in ("says", "according") or not sentence.finished \
                    or sentence.role != "prose" or fold(credit.verb.text) in ("reported",
                                                                              "reports"):
                continue
            name = _speaker(model, credit.source, sentence)
            if name and not any(_same_person(name, known.name) for known in found):
                found.append(_Speaker(name, sentence))
    return found


def _whose(model, use: TermUse) -> str | None:
    """The choice that is right for a use: the outlet, or its quoted speaker; None if unknown
    (words credited without quotation marks, or a speaker the sentence does not name)."""
    if use.voice == OUTLET:
        return OWN
    if use.voice == QUOTE:
        return _speaker(model, use.speaker, use.sentence)
    return None


class _Story:
    """The story's loaded words, each with the voices it stands in across the articles."""

    def __init__(self, model) -> None:
        self.model = model
        self.copies = copies_of(model)
        uses = [u for u in model.terms if _shown(u)]
        plain: dict[int, list[TermUse]] = {}
        for use in uses:
            if not use.loaded:
                plain.setdefault(use.group.index, []).append(use)
        # A loaded word is asked about only where the story also names the same thing plainly,
        # so the word is known to mean that thing here ("fired" in a layoffs story, not in a
        # match report; a quoted "genius" is praise, not a word for anything the story names).
        self.loaded = [u for u in uses if u.loaded and u.voice in (OUTLET, QUOTE)
                       and any(tie(u, p) for p in plain.get(u.group.index, ()))]
        self.by_word: dict[str, list[TermUse]] = {}
        for use in uses:
            if use.loaded:
                self.by_word.setdefault(fold(use.word), []).append(use)

    def others(self, use: TermUse) -> list[TermUse]:
        """The same word in other articles, not copies of this one's text."""
        twins = self.copies.get(use.article, frozenset())
        return [u for u in self.by_word.get(fold(use.word), ())
                if u.article != use.article and u.article not in twins]

    def common(self, use: TermUse) -> bool:
        texts = {frozenset({u.article}) | self.copies.get(u.article, frozenset())
                 for u in self.by_word.get(fold(use.word), ()) if u.voice == OUTLET}
        return len(texts) >= COMMON

    def copied(self, use: TermUse) -> bool:
        """The outlet's narration shares the word with a copy of its text: the copy's word."""
        twins = self.copies.get(use.article, frozenset())
        return any(u.article in twins for u in self.by_word.get(fold(use.word), ()))


def _contrast(story: _Story, use: TermUse, key: str) -> list[tuple[TermUse, str]]:
    """Other outlets' uses of the word in another voice, each with its voice as a choice."""
    found = []
    for other in story.others(use):
        whose = _whose(story.model, other)
        if whose is not None and whose != key and not (whose != OWN and key != OWN
                                                       and _same_person(whose, key)):
            found.append((other, whose))
    return found


def _question(story: _Story, use: TermUse) -> Question | None:
    model = story.model
    outlet = model.outlet_of(use.article)
    key = _whose(model, use)
    if outlet is None or key is None:
        return None
    same_word = [u for u in story.by_word.get(fold(use.word), ()) if u.article == use.article]
    if any(_whose(model, u) != key for u in same_word):
        return None  # the word is used in more than one voice in this article
    if key == OWN and (story.common(use) or story.copied(use)):
        return None  # the story's common word, or the agency copy's: not this outlet's framing
    contrast = _contrast(story, use, key)
    if not contrast and key == OWN:
        # The outlet's own loaded word with no other voice for it is word_choice's question.
        return None
    wrong = _wrong(model, use, key, contrast)
    if len(wrong) < 2:
        return None
    prompt = f"In {outlet.label}, whose word is \u201c{use.word}\u201d?"
    explanation = _explanation(model, outlet.label, use, key, contrast)
    evidence = [use.sentence] + [s for _, s in wrong if s is not None] \
        + [other.sentence for other, _ in contrast[:1]]
    return question(KIND, prompt, [key], [name for name, _ in wrong], explanation, evidence)


def _wrong(model, use: TermUse, key: str, contrast: list[tuple[TermUse, str]]
           ) -> list[tuple[str, object]]:
    """The wrong choices, each with the sentence that shows it (None for the outlet itself): a
    speaker of the same word elsewhere first, then the sources the article quotes, and the outlet
    itself where the word is a source's. Never someone who may speak for the key."""
    found: list[tuple[str, object]] = []

    def add(name: str, sentence) -> None:
        if name == key or any(name == n or (OWN not in (name, n) and _same_person(name, n))
                              for n, _ in found):
            return
        if key != OWN and name != OWN and (_same_person(name, key) or _affiliated(model, name,
                                                                                  key)):
            return
        found.append((name, sentence))

    for other, whose in contrast:
        add(whose, other.sentence if whose != OWN else None)
    if key != OWN:
        add(OWN, None)
    for source in _sources(model, use.article):
        add(source.name, source.sentence)
    return found[:MAX_CHOICES - 1]


def _affiliated(model, a: str, b: str) -> bool:
    ea, eb = model.entities.find(a), model.entities.find(b)
    return ea is not None and eb is not None and model.entities.affiliated(ea.key, eb.key)


def _explanation(model, outlet: str, use: TermUse, key: str,
                 contrast: list[tuple[TermUse, str]]) -> str:
    word = f"\u201c{use.word}\u201d"
    if key == OWN:
        said = (f"{outlet} writes {word} in its narration, outside any quotation: the word is "
                f"the article's own.")
    else:
        said = (f"{word} stands inside a quotation that {outlet} credits to {key}: it is "
                f"{key}'s word, which the outlet reports.")
    if not contrast:
        return f"{said} Read whose words a loaded term is before taking it as the outlet's."
    other, whose = contrast[0]
    where = model.outlet_of(other.article)
    if where is None:
        return said
    if whose == OWN:
        return f"{said} {where.label}, by contrast, writes {word} in its own narration."
    return f"{said} In {where.label}, by contrast, {word} is {whose}'s word, in a quotation."


def write(model) -> list[Question]:
    story = _Story(model)
    questions: list[Question] = []
    hands = _account_question(model)
    if hands is not None:
        questions.append(hands)
    # Words whose voice changes from one outlet to another first (the narration's before the
    # quotation's), then quoted loaded words no outlet adopts.
    ranked = sorted(story.loaded, key=lambda u: (not _contrast(story, u, _whose(model, u) or ""),
                                                 u.voice != OUTLET, u.article, u.passage.start))
    asked_words: set[str] = set()
    asked_articles: set[str] = set()
    for use in ranked:
        if len(questions) >= MAX_QUESTIONS:
            break
        if fold(use.word) in asked_words or use.article in asked_articles:
            continue
        found = _question(story, use)
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
