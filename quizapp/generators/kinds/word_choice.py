"""Framing: which outlet uses a given word for people or acts that other outlets name with a
word of another tone from the same group (nationals / fighters / mercenaries; protesters /
rioters), never with a word of the same tone ("protesters" / "demonstrators")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.model import Article, Evidence, Question, Story
from quizapp.generators.reading.details import (
    context_stems,
    detail_words,
    in_quotation,
    number_words,
    prose_sentences,
    speech_verbs,
    stopwords,
    word_forms,
)
from quizapp.generators.reading.text import Sentence, fold, tokens, word_list
from quizapp.generators.writing.outlets import (
    Outlet,
    choose_all,
    distractors,
    names_list,
    outlet_question,
    story_outlets,
    which_outlets,
)

KIND = "word_choice"
SKILL = "framing"
MAX_QUESTIONS = 6
MAX_PER_GROUP = 1
SHARED_CONTEXT = 3  # content words two sentences must share to be read as about the same people


@lru_cache(maxsize=1)
def _tones() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each group of loaded_terms.txt as its tones: the words of one tone ("rebels =
    insurgents") frame the people or act alike, so trading one for the other teaches nothing."""
    return tuple(tuple(tuple(w.strip() for w in tone.split("=") if w.strip())
                       for tone in line.split("|") if tone.strip())
                 for line in word_list("loaded_terms"))


@lru_cache(maxsize=1)
def term_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of loaded_terms.txt: words for the same people or act."""
    return tuple(tuple(term for tone in group for term in tone) for group in _tones())


def framed_alike(a: str, b: str) -> bool:
    """Whether two words of a group share a tone (or are one word)."""
    return a == b or any(a in tone and b in tone for group in _tones() for tone in group)


@dataclass(frozen=True)
class Use:
    """One outlet's use, in its own voice, of a word from a group."""
    outlet: Outlet
    article: Article
    sentence: Sentence
    term: str  # the group's entry: "mercenaries"
    written: str  # as written: "mercenaries" or "mercenary"
    modifier: str  # the word right before it, when it can tie uses together ("Chinese"), else ""
    stems: frozenset[str]

    @property
    def word(self) -> str:
        """The word as a prompt quotes it: lower case unless it is capitalised mid-sentence."""
        written = self.written
        return written.lower() if written[:1].isupper() and written[1:].islower() else written


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(f) for f in word_forms(term)) + r")(?![\w\-])")


def _modifier_before(text: str, sentence: Sentence, start: int) -> str:
    before = [t for t in tokens(text, sentence.start, start) if t.is_word or t.text.strip()]
    if not before or not before[-1].is_word:
        return ""
    word = before[-1]
    if not word.bare.isalpha() or word.lower in stopwords() or _counts(word.lower):
        return ""  # "three-year", "hundred", "the": they say how many or which, not who
    return word.text


def _counts(word: str) -> bool:
    """Number words and quantities ("two", "hundreds", "several"), which never tie two uses."""
    bare = word[:-1] if word.endswith("s") else word
    spelled = {w for n in range(1, 100) for w in number_words(str(n))}
    return word in spelled or bare in spelled or bare in detail_words("scale") \
        or word in detail_words("qualifier") or word in detail_words("quantity")


def _uses(outlets: tuple[Outlet, ...], group: tuple[str, ...]) -> list[Use]:
    found = []
    for outlet in outlets:
        for article in outlet.articles:
            text = article.text
            for sentence in prose_sentences(text):
                folded = fold(sentence.text)
                hits = [(m, term) for term in group for m in _pattern(term).finditer(folded)]
                if {term for _, term in hits} and len({term for _, term in hits}) > 1:
                    continue  # a sentence using two words of the group compares them, not frames
                for m, term in hits:
                    start = sentence.start + m.start()
                    if in_quotation(text, start, start + len(m.group())):
                        continue  # a speaker's word, not the outlet's
                    if in_reported_speech(sentence.text, m.start()):
                        continue  # "X said Kyiv had detained ...": the speaker's word, paraphrased
                    written = text[start:start + len(m.group())]
                    found.append(Use(outlet, article, sentence, term, written,
                                     _modifier_before(text, sentence, start),
                                     frozenset(context_stems(sentence.text) - {fold(t) for t in group})))
    return found


# Words before a verb of speech that make it a noun ("Ukraine's claim that", "such a claim"),
# which reports no one's words.
_NOUN_MARKERS = frozenset({"a", "an", "the", "such", "his", "her", "its", "their", "this", "that", "these",
                           "those", "our", "my", "your"})
# What follows a verb of speech when it introduces someone's words: "that", or a clause's verb
# ("said Kyiv had captured").
_CLAUSE_AFTER = r"(?:that|had|has|have|was|were|is|are|would|will|could|might)"


@lru_cache(maxsize=1)
def _reported_pattern() -> re.Pattern[str]:
    verbs = "|".join(sorted(map(re.escape, speech_verbs()), key=len, reverse=True))
    return re.compile(r"(?:(?P<before>[\w'\-]+)\s+)?(?<![\w\-])(?:" + verbs + r")(?:\s+[\w\-',]+){0,4}?\s+"
                      + _CLAUSE_AFTER + r"\b")


def in_reported_speech(sentence_text: str, offset: int) -> bool:
    """Whether the word at `offset` is inside a paraphrase of someone: the sentence says
    "according to ..." anywhere, or a verb of speech before the word opens a clause ("X said
    that ...", "X announced Kyiv had ..."). Such a word is the speaker's framing, not the
    outlet's. A noun ("Ukraine's claim that ...") reports no one's words."""
    folded = fold(sentence_text)
    if "according to" in folded:
        return True
    for m in _reported_pattern().finditer(folded[:offset]):
        before = m.group("before") or ""
        if not (before.endswith("'s") or before in _NOUN_MARKERS):
            return True
    return False


def _same_modifier(a: Use, b: Use) -> bool:
    return bool(a.modifier) and fold(a.modifier) == fold(b.modifier)


def _same_context(a: Use, b: Use) -> bool:
    return len(a.stems & b.stems) >= SHARED_CONTEXT


def _flat(text: str) -> str:
    return " ".join(fold(text).split())


def _never_uses(outlet: Outlet, term: str, phrase: str) -> bool:
    """The outlet's whole text has no form of the word, nor the quoted phrase even inside
    another word: a wrong choice must plainly not use it."""
    return not _pattern(term).search(fold(outlet.text)) and fold(phrase) not in _flat(outlet.text)


def _question(story: Story, anchor: Use, uses: list[Use]) -> Question | None:
    """Uses tie to the anchor by the same modifier ("Chinese nationals" / "Chinese mercenaries"),
    and the prompt quotes the modifier too; failing that, by shared context, quoting the word."""
    related = [u for u in uses if _same_modifier(anchor, u)]
    phrase = f"{anchor.modifier} {anchor.written}"
    if not any(u.outlet.name != anchor.outlet.name and u.term != anchor.term for u in related):
        related = [u for u in uses if u is anchor or _same_context(anchor, u)]
        phrase = anchor.word
    keys, evidence, alternatives = [], [], {}
    for outlet in {u.outlet.name: u.outlet for u in related}.values():
        own = [u for u in related if u.outlet is outlet and u.term == anchor.term
               and fold(phrase) in _flat(u.sentence.text)]
        if own:
            keys.append(outlet)
            evidence.append(Evidence(own[0].article.id, own[0].sentence.text))
    wrong_pool = []
    for outlet in {u.outlet.name: u.outlet for u in related}.values():
        own = [u for u in related if u.outlet is outlet]
        # A wrong outlet frames the same people differently: "demonstrators" for "protesters"
        # is the same word in another dress, not a framing choice.
        other = [u for u in own if not framed_alike(u.term, anchor.term)]
        alike = [u for u in own if framed_alike(u.term, anchor.term)]
        if outlet not in keys and other and not alike and _never_uses(outlet, anchor.term, phrase):
            wrong_pool.append(outlet)
            alternatives[outlet.name] = other[0]
    wrong = distractors(wrong_pool, phrase)
    if not keys or not wrong:
        return None
    tied_by_modifier = " " in phrase
    contrast = sorted({alternatives[o.name].term for o in wrong})
    # A keyed outlet that also writes the wrong outlets' word does not set one against the
    # other. Where the uses are tied only by context (a verb for an act: "detained" /
    # "captured"), that is no framing choice at all; where they share a modifier ("Chinese
    # mercenaries" beside "Chinese nationals"), the extra label is, and the explanation says
    # the outlet writes both, shown by its own sentence.
    also: dict[str, Use] = {}
    for outlet in keys:
        if not any(_pattern(t).search(fold(outlet.text)) for t in contrast):
            continue
        if not tied_by_modifier:
            return None
        own = [u for u in related if u.outlet is outlet and u.term in contrast]
        if not own:
            return None  # it writes the other word, but not for these people in its own voice
        also[outlet.name] = own[0]
    evidence += [Evidence(alternatives[o.name].article.id, alternatives[o.name].sentence.text) for o in wrong]
    evidence += [Evidence(u.article.id, u.sentence.text) for u in also.values()]
    verb = "uses" if len(keys) == 1 else "use"
    noun = "term" if tied_by_modifier else "word"
    prompt = f"{which_outlets(len(keys))} {verb} the {noun} \u201c{phrase}\u201d?{choose_all(len(keys))}"

    def shown(use: Use) -> str:
        return f"{use.modifier} {use.written}" if tied_by_modifier else use.word

    others = sorted({shown(alternatives[o.name]) for o in wrong})
    key_names = names_list([o.name for o in keys])
    if also:
        also_words = names_list([f"\u201c{w}\u201d" for w in sorted({shown(u) for u in also.values()})])
        if len(also) == len(keys):
            key_part = f"{key_names} {'writes' if len(keys) == 1 else 'write'} \u201c{phrase}\u201d as well as {also_words}"
        else:
            also_names = names_list(sorted(also))
            key_part = (f"{key_names} {verb} \u201c{phrase}\u201d ({also_names} "
                        f"{'also writes' if len(also) == 1 else 'also write'} {also_words})")
    else:
        key_part = f"{key_names} {verb} \u201c{phrase}\u201d"
    explanation = (
        f"Word choice frames a story: {key_part}; {names_list([o.name for o in wrong])} "
        f"{'writes' if len(wrong) == 1 else 'write'} " + names_list([f"\u201c{p}\u201d" for p in others], "or")
        + f" and never \u201c{anchor.word}\u201d."
    )
    return outlet_question(
        story, KIND, SKILL, prompt, keys=keys, wrong=wrong, evidence=evidence, explanation=explanation,
        key_holds=lambda passage: fold(phrase) in _flat(passage),
        wrong_holds=lambda outlet: _never_uses(outlet, anchor.term, phrase),
    )


def _headline_question(story: Story, outlets: tuple[Outlet, ...],
                       group: tuple[str, ...]) -> Question | None:
    """"Which outlet's headline uses …": only from headlines that appear in their article's text,
    so the headline itself can be the evidence."""
    shown = {}
    for outlet in outlets:
        for article in outlet.articles:
            if article.title.strip() and article.title.strip() in article.text:
                shown[outlet.name] = (outlet, article)
    for term in group:
        keys = [(o, a) for o, a in shown.values() if _pattern(term).search(fold(a.title))]
        wrong = [o for o, a in shown.values() if (o, a) not in keys
                 and any(_pattern(t).search(fold(a.title)) for t in group if not framed_alike(t, term))
                 and not any(_pattern(t).search(fold(a.title)) for t in group if framed_alike(t, term))
                 and _never_uses(o, term, term)]
        if not keys or not wrong:
            continue
        written = _pattern(term).search(fold(keys[0][1].title)).group()
        prompt = f"Which outlet's headline uses the word \u201c{written}\u201d?"
        if len(keys) > 1:
            prompt = f"Which outlets' headlines use the word \u201c{written}\u201d? Choose all that apply."
        evidence = [Evidence(a.id, a.title.strip()) for _, a in keys]
        evidence += [Evidence(shown[o.name][1].id, shown[o.name][1].title.strip()) for o in wrong]
        explanation = (f"Headlines frame a story in a few words: {names_list([o.name for o, _ in keys])} "
                       f"headline{'s' if len(keys) == 1 else ''} with \u201c{written}\u201d; the others "
                       f"choose another word of the same kind.")
        question = outlet_question(
            story, KIND, SKILL, prompt, keys=[o for o, _ in keys], wrong=distractors(wrong, written),
            evidence=evidence, explanation=explanation,
            key_holds=lambda passage: bool(_pattern(term).search(fold(passage))),
            wrong_holds=lambda outlet: _never_uses(outlet, term, written),
        )
        if question:
            return question
    return None


def generate(story: Story) -> list[Question]:
    outlets = story_outlets(story)
    if len(outlets) < 2:
        return []
    questions: list[Question] = []
    for group in term_groups():
        uses = _uses(outlets, group)
        asked: list[Question] = []
        # The rarest word first: the framing choice few outlets make is the one worth noticing.
        by_rarity = sorted(uses, key=lambda u: (len({x.outlet.name for x in uses if x.term == u.term}),
                                                uses.index(u)))
        seen_phrases = set()
        for anchor in by_rarity:
            if fold(anchor.written) in seen_phrases or len(asked) >= MAX_PER_GROUP:
                continue
            seen_phrases.add(fold(anchor.written))
            question = _question(story, anchor, uses)
            if question and not any(set(q.answer) == set(question.answer) and q.choices == question.choices
                                    for q in asked):
                asked.append(question)
        headline = _headline_question(story, outlets, group)
        questions.extend(asked + ([headline] if headline else []))
    return questions[:MAX_QUESTIONS]
