"""Provenance: which outlets carry the same text (word for word, edited or reworded sentence by
sentence), which copy credits its source and which does not, and where a copy changes what the
text says. Keyed by the text the outlets share, measured sentence by sentence; a wrong choice is
an outlet whose text, in the parts shown, shares no run of sentences with it, or a copy that
names the source (comparing the texts we have is the proof here, not a credit's absence). An
explanation says only what the texts shown prove: of a page that is cut off, that no credit
appears in the part shown, and of outlets that share nothing, only that."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from quizapp.generators.model import Question
from quizapp.generators.reading.credits import Credit, names_source
from quizapp.generators.reading.names import spelling_difference
from quizapp.generators.reading.provenance import (
    CLOSE,
    EDITED,
    REWORDED,
    WORD_FOR_WORD,
    AlignedSentences,
    SharedText,
)
from quizapp.generators.reading.text import fold, quotations
from quizapp.generators.writing.choices import (
    MAX_CHOICES,
    choose_all,
    names_list,
    question,
)

KIND = "provenance"
MAX_QUESTIONS = 5
CLOSE_COPY = (WORD_FOR_WORD, EDITED)
QUOTE_WORDS = 15  # words in a row another outlet must repeat of a credited sentence
PHRASE_WORDS = 3  # words each side of a change shown in a choice
# A reworded text is one text with another only when at least this many of its sentences in
# the same order are close to theirs (the measure's REWORD threshold lets looser ones count):
# below, two outlets may just report the same facts, or each retell a common original. Round H7
# graded wrong the one question asked with one close sentence (two paraphrases of a chief's
# memo keyed as one text, while a third outlet offered as wrong followed the memo too).
REWORDED_CLOSE = 80.0
REWORDED_CLOSE_SENTENCES = 2
SURE_REWORDED_SENTENCES = 4  # fewer aligned sentences than this leave a doubt worth saying
_FEW_REWORDED = ("only three sentences follow each other, reworded: the two texts may share a "
                 "source rather than one copy another")
SLIP_ELSEWHERE = 2  # outlets outside the copies that spell a name the usual way

_INNER = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "\u2019"})


def _quoted(text: str, limit: int = 25) -> str:
    words = text.split()
    cut = " ".join(words[:limit]) + ("\u2026" if len(words) > limit else "")
    cut = re.sub(r"(^|[\s(\[])\u2019", "\\1\u2018", cut.translate(_INNER))
    return "\u201c" + cut + "\u201d"


def possessive(name: str) -> str:
    """"CBS 17’s", "Reuters’", and for a label with a bracket its name alone ("The Frontier
    Post (Reuters)" -> "The Frontier Post’s")."""
    name = re.sub(r"\s*\([^()]*\)$", "", name)
    return name + ("\u2019" if name.endswith("s") else "\u2019s")


@dataclass(frozen=True)
class _Slip:
    """A name two copies spell alike and other outlets spell otherwise, a slip apart."""

    theirs: str  # as the copies print it
    usual: str  # as the other outlets print it
    elsewhere: tuple[str, ...]  # the other outlets' article ids
    passages: tuple  # the sentences where each copy prints it


class _Story:
    """What the provenance questions of one story read: labels, credits and shared texts."""

    def __init__(self, model) -> None:
        self.model = model
        self.labels = {o.article: o.label for o in model.outlets}
        self.notes = {o.article: o.note for o in model.outlets}
        self.shared = model.shared_texts
        self.credits = [c for c in model.credits if c.named and c.source]

    def label(self, article: str) -> str:
        return self.labels[article]

    def names(self, articles) -> str:
        return names_list([self.labels[a] for a in articles])

    def pair(self, x: str, y: str) -> SharedText | None:
        for text in self.shared:
            if {text.a, text.b} == {x, y}:
                return text
        return None

    def copies(self, article: str) -> list[str]:
        """Articles whose text is `article`'s, word for word or lightly edited."""
        return [t.other(article) for t in self.shared
                if article in (t.a, t.b) and t.how in CLOSE_COPY
                and t.other(article) in self.labels]

    def reworded(self, article: str) -> list[str]:
        """Articles that retell `article`'s text sentence by sentence in other words, surely:
        a run in the same order, several of its sentences close to theirs."""
        return [t.other(article) for t in self.shared
                if article in (t.a, t.b) and self.sure_reworded(t)
                and t.other(article) in self.labels]

    def sure_reworded(self, text: SharedText) -> bool:
        """A sure rewording, and not two agencies' own reports: texts that credit the whole
        article to two different agencies are two reports of the same words and facts. A
        rewording with one sentence close to its twin is sure too when it credits the agency
        its twin's whole article is credited to: the credit says whose text it retells."""
        credits = [self.whole_credit(a) for a in (text.a, text.b)]
        if all(c and c.agency for c in credits) and credits[0].source != credits[1].source:
            return False
        if sure_reworded(text):
            return True
        close = any(p.similarity >= REWORDED_CLOSE for p in text.narration)
        return text.how == REWORDED and close and any(
            c and c.agency and self.credits_source(text.other(c.article), c.source)
            for c in credits)

    def family(self, article: str) -> list[str]:
        return self.copies(article) + self.reworded(article)

    def apart(self, article: str, others: list[str]) -> bool:
        """`article`'s text shares no run of sentences with any of `others`: at most one sentence
        that a reworder could have shared, and none close to word for word."""
        for other in others:
            text = self.pair(article, other)
            if text is None:
                continue
            told = text.narration
            if len(told) > 1 or any(p.similarity >= CLOSE for p in told):
                return False
        return True

    def wrong_outlets(self, group: list[str], limit: int) -> list[str]:
        return [a for a in self.labels if a not in group and self.apart(a, group)][:limit]

    def complete(self, article: str) -> bool:
        return self.model.article(article).complete

    def whole_credit(self, article: str) -> Credit | None:
        return next((c for c in self.credits if c.article == article and c.whole
                     and c.passage is not None and c.how != "reporting by"), None)

    def credits_source(self, article: str, source: str) -> Credit | None:
        return next((c for c in self.credits if c.article == article and c.source == source
                     and c.passage is not None), None)

    def shows_source(self, article: str, source: str) -> bool:
        """Whether a student reading the article sees the source named: in its text, or in the
        name and bracketed note shown above it ("KOB 4 (Associated Press)")."""
        return names_source(self.model.article(article).text, source) \
            or names_source(self.labels[article], source) \
            or names_source(self.notes.get(article, ""), source)

    def finished(self, article: str, passage) -> bool:
        sentence = self.model.article(article).sentence_at(passage.start)
        return sentence is not None and sentence.finished and sentence.role != "caption"

    def examples(self, text: SharedText, limit: int = 2) -> list[AlignedSentences]:
        """The clearest shared sentences of two texts: finished, told in the outlet's words;
        of a reworded pair, quoting no one where it can (two quotes set in one frame may be
        two remarks)."""
        usable = [p for p in text.narration
                  if self.finished(text.a, p.a) and self.finished(text.b, p.b)]
        reworded = text.how == REWORDED
        return sorted(usable, key=lambda p: (reworded and _quotes(p), -p.similarity,
                                             p.a.start))[:limit]

    def shown(self, articles: list[str]) -> str:
        """What a comparison of texts, or a credit not found, is true of: the texts we have,
        which may be cut off however they end."""
        return " (in the texts shown)"

    def slip(self, a: str, b: str, group: list[str]) -> _Slip | None:
        """A name both copies spell alike, a slip of a letter or two away from the spelling of
        at least SLIP_ELSEWHERE outlets outside the copies, while no outlet outside prints
        theirs: two texts sharing one odd spelling is a strong sign of copying."""
        for entity in self.model.entities.all:
            for variant in entity.variants:
                if a not in variant.articles or b not in variant.articles \
                        or not set(variant.articles) <= set(group):
                    continue
                for usual in entity.variants:
                    elsewhere = tuple(x for x in usual.articles
                                      if x not in group and x in self.labels)
                    if len(elsewhere) >= SLIP_ELSEWHERE \
                            and spelling_difference(variant.form, usual.form) == "slip":
                        return _Slip(variant.form, usual.form, elsewhere,
                                     self._printing(entity, variant.form, (a, b)))
        return None

    def _printing(self, entity, form: str, articles) -> tuple:
        """The finished sentences of prose where the articles print the form: evidence (a page
        may print it only in the sentence it is cut off in, which proves nothing alone)."""
        found = []
        for article in articles:
            reading = self.model.article(article)
            for mention in (m for m in entity.mentions if m.article == article):
                sentence = reading.sentence_at(mention.start)
                if sentence is not None and form in sentence.text and sentence.finished \
                        and sentence.role != "caption":
                    found.append(reading.passage(sentence.start, sentence.end))
                    break
        return tuple(found)


def _quotes(aligned: AlignedSentences) -> bool:
    return any(quotations(p.text) for p in (aligned.a, aligned.b))


def sure_reworded(text: SharedText) -> bool:
    """Two texts that tell the story in the same sentences, in the same order, reworded, with
    several sentences close enough that no two independent reports would write them so."""
    if text.how != REWORDED:
        return False
    close = [p for p in text.narration if p.similarity >= REWORDED_CLOSE]
    return len(close) >= REWORDED_CLOSE_SENTENCES


def _twins(first: str, second: str, a, b) -> str:
    if a.text == b.text:
        shown = _quoted(a.text)
        return f"{first} and {second} both print {shown}" + ("" if shown[-2] in ".!?" else ".")
    return (f"{first} prints {_quoted(a.text)} and {second} {_quoted(b.text)}, almost word for "
            f"word.")


def _retold(first: str, second: str, pairs: list[AlignedSentences], text: SharedText,
            anchor: str) -> str:
    shown = "; ".join(f"{_quoted(text.side(anchor, p).text, 18)} / "
                      f"{_quoted(text.side(text.other(anchor), p).text, 18)}" for p in pairs)
    return (f"{second} follows {possessive(first)} text sentence by sentence in other words: "
            f"{text.in_order} of their sentences match in the same order ({shown}).")


def _slip_sentence(story: _Story, slip: _Slip, copies: list[str]) -> str:
    return (f" {story.names(copies)} both spell the name {_quoted(slip.theirs)}, where "
            f"{story.names(slip.elsewhere[:3])} write {_quoted(slip.usual)}: the same slip in "
            f"two texts is a strong sign that one was copied from the other.")


def _apart_sentence(story: _Story, wrong: list[str], anchor: str) -> str:
    """What the texts shown prove of the wrong choices, and nothing more: they share no run of
    sentences with the anchor's (they may still carry another agency's copy)."""
    many = len(wrong) > 1
    return (f" {story.names(wrong)} share{'' if many else 's'} no run of sentences with "
            f"{possessive(story.label(anchor))} text (in the texts shown).")


# --- the same text ----------------------------------------------------------------------------


def _shown_pairs(story: _Story, anchor: str, close: list[str], keys: list[str]):
    """The passages each key shares with the anchor and the sentence telling how, or None when
    a key has no example to show."""
    label, evidence, told = story.label(anchor), [], []
    for key in keys:
        text = story.pair(anchor, key)
        examples = story.examples(text, 1 if key in close else 2)
        if not examples:
            return None
        for example in examples:
            evidence += [text.side(anchor, example), text.side(key, example)]
        if key in close:
            told.append(_twins(label, story.label(key), text.side(anchor, examples[0]),
                               text.side(key, examples[0])))
        else:
            told.append(_retold(label, story.label(key), examples, text, anchor))
    return evidence, told


def _same_text_prompt(story: _Story, label: str, keys, close, reworded, offered) -> str:
    shown = story.shown(offered)
    many = len(keys) > 1
    whose = "outlets\u2019 texts" if many else "outlet\u2019s text"
    if reworded:
        how = "nearly word for word or reworded" if close else "in other words"
        return (f"Which {whose} follow{'' if many else 's'} {possessive(label)} sentence by "
                f"sentence, {how}{shown}?{choose_all(len(keys))}")
    return (f"Which {whose} {'are' if many else 'is'} the same as {possessive(label)}, "
            f"almost word for word{shown}?{choose_all(len(keys))}")


def _same_text(story: _Story, anchor: str) -> Question | None:
    close, reworded = story.copies(anchor), story.reworded(anchor)
    keys = close + reworded
    if not keys:
        return None
    group = [anchor, *keys]
    wrong = story.wrong_outlets(group, MAX_CHOICES - len(keys))
    if len(wrong) < 2:
        return None
    label = story.label(anchor)
    shown_pairs = _shown_pairs(story, anchor, close, keys)
    if shown_pairs is None:
        return None
    evidence, told = shown_pairs
    prompt = _same_text_prompt(story, label, keys, close, reworded, group + wrong)
    explanation = " ".join(told)
    slip, twin = next(((s, key) for key in close if (s := story.slip(anchor, key, group))),
                      (None, None))
    if slip:
        explanation += _slip_sentence(story, slip, [anchor, twin])
        evidence += list(slip.passages)
    explanation += _apart_sentence(story, wrong, anchor)
    explanation += (" Two outlets printing one text are one source, not two" +
                    (": one was rewritten from the other, or both from the same original."
                     if reworded else "."))
    confidence, reasons = 1.0, []
    if any(story.pair(anchor, k).in_order < SURE_REWORDED_SENTENCES for k in reworded):
        confidence, reasons = 0.8, [_FEW_REWORDED]
    return question(KIND, prompt, [story.label(k) for k in keys],
                    [story.label(w) for w in wrong], explanation, evidence, confidence, reasons)


# --- which copy credits its source ------------------------------------------------------------


def _uncredited_copies(story: _Story, anchor: str) -> Question | None:
    """The agency's text carried with and without its name: a copy that names the source is a
    wrong choice proven by its credit, one that shares no text by the measure."""
    credit = story.whole_credit(anchor)
    if credit is None or not credit.agency:
        return None
    source = credit.source
    close = story.copies(anchor)
    keys = [a for a in close if not story.shows_source(a, source)]
    crediting = [a for a in story.family(anchor) if story.credits_source(a, source) is not None]
    if not keys:
        return None
    wrong = crediting[:2]
    wrong += story.wrong_outlets([anchor, *story.family(anchor)],
                                 MAX_CHOICES - len(keys) - len(wrong))
    if len(wrong) < 2:
        return None
    label = story.label(anchor)
    shown = story.shown(keys)
    evidence = [credit.passage]
    told = []
    for key in keys:
        text = story.pair(anchor, key)
        example = story.examples(text, 1)
        if not example:
            return None
        mine, theirs = text.side(anchor, example[0]), text.side(key, example[0])
        evidence += [mine, theirs]
        told.append(_twins(label, story.label(key), mine, theirs))
    many = len(keys) > 1
    prompt = (f"{label} credits its whole article to a news agency, in its {credit.how}. Which "
              f"outlet{'s' if many else ''} print{'' if many else 's'} the same sentences "
              f"without naming that agency{shown}?{choose_all(len(keys))}")
    explanation = (f"{possessive(label)} {credit.how} credits {source} "
                   f"({_quoted(credit.passage.text, 8)}). " + " ".join(told))
    explanation += _silence(story, keys, source)
    for other in crediting[:2]:
        credit_there = story.credits_source(other, source)
        how = "the same text" if other in close else "a reworded version of the same text"
        explanation += (f" {story.label(other)} carries {how} and names {source} "
                        f"({_around(credit_there)}).")
        evidence.append(credit_there.passage)
    rest = [w for w in wrong if w not in crediting]
    if rest:
        explanation += _apart_sentence(story, rest, anchor)
    for key in keys:
        slip = story.slip(anchor, key, [anchor, *story.family(anchor)])
        if slip:
            explanation += _slip_sentence(story, slip, [anchor, key])
            evidence += list(slip.passages)
            break
    return question(KIND, prompt, [story.label(k) for k in keys],
                    [story.label(w) for w in wrong], explanation, evidence)


def _around(credit: Credit, words: int = 8) -> str:
    """The words of a crediting sentence around the name it credits, quoted: the credit itself
    shows, however long the sentence ("… Boeing's largest union, Reuters reported.")."""
    text = credit.passage.text
    at = text.find(credit.printed)
    if at < 0:
        return _quoted(text, 2 * words)
    before, after = text[:at].split(), text[at:].split()
    kept = after[:len(credit.printed.split()) + 3]
    inner = _quoted(" ".join([*before[-words:], *kept]), 3 * words)[1:-1]
    return ("\u201c" + ("\u2026" if len(before) > words else "") + inner
            + ("\u2026" if len(after) > len(kept) else "") + "\u201d")


def _silence(story: _Story, keys: list[str], source: str) -> str:
    """What the keys' silence about the source proves: of a whole text, that its readers cannot
    tell whose reporting it is; of a page cut off, only that the part shown names no one."""
    whole = [k for k in keys if story.complete(k)]
    cut = [k for k in keys if not story.complete(k)]
    said = ""
    if whole:
        said += (f" {story.names(whole)} name{'' if len(whole) > 1 else 's'} {source} nowhere "
                 f"in {'their' if len(whole) > 1 else 'its'} text: a reader cannot tell whose "
                 f"reporting it is.")
    if cut:
        said += (f" In the part{'s' if len(cut) > 1 else ''} of {story.names(cut)} shown here, "
                 f"{source} is not named (the page{'s are' if len(cut) > 1 else ' is'} cut "
                 f"off, so a credit may come further down).")
    return said


def _quote_copy(story: _Story, credit: Credit) -> Question | None:
    """An outlet credits an agency for a quote; another prints the same words, not naming it."""
    if credit.whole or not credit.agency or credit.passage is None \
            or not any(len(q.text.split()) >= QUOTE_WORDS // 2
                       for q in quotations(credit.passage.text)):
        return None  # a credited quote: the wording is the agency's rendering of someone's words
    matches = []
    for text in story.shared:
        if credit.article not in (text.a, text.b):
            continue
        other = text.other(credit.article)
        for aligned in text.passages:
            mine = text.side(credit.article, aligned)
            twin = text.side(other, aligned)
            if mine.start == credit.passage.start and _same_run(mine.text, twin.text) \
                    and other in story.labels \
                    and story.credits_source(other, credit.source) is None \
                    and not story.shows_source(other, credit.source) \
                    and story.finished(other, twin):
                matches.append((other, twin))
    if len(matches) != 1:
        return None
    other, twin = matches[0]
    wrong = story.wrong_outlets([credit.article, other], MAX_CHOICES - 1)
    if len(wrong) < 2:
        return None
    label, source = story.label(credit.article), credit.source
    shown = story.shown([other])
    words = max(quotations(credit.passage.text), key=lambda q: len(q.text)).text
    prompt = (f"{label} credits a news agency for these words: {_quoted(words, 18)} Which other "
              f"outlet prints the same words without naming that agency{shown}?")
    explanation = (f"{label} credits {source} for these words ({_quoted(credit.passage.text, 40)})."
                   f" {story.label(other)} prints the same words, {_quoted(twin.text, 30)}, "
                   f"without naming {source}{shown}: its readers cannot tell where the words "
                   f"came from. The other outlets print no sentence matching it{shown}.")
    if not story.complete(other):
        explanation = explanation.replace(
            ": its readers cannot tell where the words came from.",
            "; the page is cut off, so a credit may come further down.")
    return question(KIND, prompt, [story.label(other)], [story.label(w) for w in wrong],
                    explanation, [credit.passage, twin])


def _same_run(a: str, b: str) -> bool:
    """Whether two sentences share a run of at least QUOTE_WORDS words, word for word."""
    wa, wb = fold(a).split(), fold(b).split()
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return any(block.size >= QUOTE_WORDS for block in matcher.get_matching_blocks())


# --- a copy that says something else ----------------------------------------------------------


def _window(sentence_text: str, span: str) -> str | None:
    """The changed words with a few words of their sentence each side."""
    at = sentence_text.find(span)
    if at < 0:
        return None
    before = sentence_text[:at].split()[-PHRASE_WORDS + 1:] if sentence_text[:at].strip() else []
    after = sentence_text[at + len(span):].split()[:PHRASE_WORDS - 1]
    joined = " ".join([*before, span, *after]).strip(" ,;:")
    return joined if joined in sentence_text else span


def _kept_phrases(story: _Story, text: SharedText, first: str, size: int) -> list[str]:
    """Phrases of `first`'s text that the other copy prints word for word: wrong choices."""
    other_text = story.model.article(text.other(first)).text
    found = []
    for aligned in text.narration:
        if aligned.changes or not story.finished(first, text.side(first, aligned)):
            continue
        words = text.side(first, aligned).text.split()
        windows = [" ".join(words[k:k + size]).strip(" ,;:.") for k in range(len(words) - size + 1)]
        windows = [w for w in windows if w in other_text and not re.search("[\"\u201c\u201d]", w)]
        # A window with a figure reads like the key; else the sentence's opening words.
        pick = next((w for w in windows if re.search(r"\d", w)), windows[0] if windows else None)
        if pick:
            found.append(pick)
    return found


def _changed_copy(story: _Story, text: SharedText) -> Question | None:
    if text.how not in CLOSE_COPY or text.a not in story.labels or text.b not in story.labels:
        return None
    changes = [(p, c) for p in text.narration for c in p.changes
               if story.finished(text.a, p.a) and story.finished(text.b, p.b)]
    if len(changes) != 1:
        return None  # one change is a lesson; many are a rewrite
    aligned, change = changes[0]
    credited = [a for a in (text.a, text.b) if story.whole_credit(a)]
    first = credited[0] if len(credited) == 1 else text.a
    second = text.other(first)
    mine = change.a if first == text.a else change.b
    theirs = change.b if first == text.a else change.a
    key = _window(text.side(first, aligned).text, mine.text)
    if key is None:
        return None
    wrong = [p for p in _kept_phrases(story, text, first, len(key.split()))
             if fold(p) not in fold(key) and fold(key) not in fold(p)][:3]
    if len(wrong) < 2:
        return None
    a, b = story.label(first), story.label(second)
    prompt = (f"{a} and {b} carry the same text, almost word for word. Which of these phrases "
              f"from {a} does {b} print differently?")
    what = {"figure": "a different figure", "negation": "the opposite claim",
            "tense": "a different time: done, or still to come",
            "qualifier": "a different size for the figure", "opposite": "the opposite word"}
    mine_shown = _window(text.side(first, aligned).text, mine.text) or mine.text
    theirs_shown = _window(text.side(second, aligned).text, theirs.text) or theirs.text
    explanation = (f"Where {a} writes {_quoted(mine_shown)}, {b} writes {_quoted(theirs_shown)}: "
                   f"the same sentence gives {what[change.what]}. The other phrases are printed "
                   f"word for word by both. One copy changed or updated the text; before "
                   f"trusting either, check what the original source said.")
    return question(KIND, prompt, [key], wrong, explanation,
                    [text.side(first, aligned), text.side(second, aligned)])


# --- the story's questions ----------------------------------------------------------------------


def _groups(story: _Story) -> list[set[str]]:
    """Articles that are one text: linked by close copies or sure rewordings."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for text in story.shared:
        if text.how in CLOSE_COPY or story.sure_reworded(text):
            parent[root(text.a)] = root(text.b)
    found: dict[str, set[str]] = {}
    for article in parent:
        found.setdefault(root(article), set()).add(article)
    return [g for g in found.values() if len(g) > 1]


def _anchors(story: _Story) -> list[str]:
    """Articles to ask about, best first: one crediting an agency for the whole text, then the
    one most texts share their sentences with (the hub of its copies), then story order."""
    order = list(story.labels)
    return sorted(order, key=lambda a: (story.whole_credit(a) is None,
                                        -len(story.family(a)), order.index(a)))


def _changes(story: _Story, group_of, keyed: set) -> list[Question]:
    changed, changed_groups = [], []
    for text in story.shared:
        group = group_of(text.a)
        named = {story.labels.get(text.a), story.labels.get(text.b)}
        written = None if group in changed_groups or named & keyed \
            else _changed_copy(story, text)
        if written:  # one change a text: a second is the same lesson on the same copies
            changed.append(written)
            changed_groups.append(group)
    return changed


def write(model) -> list[Question]:
    if len(model.outlets) < 3:
        return []
    story = _Story(model)
    groups = _groups(story)

    def group_of(article: str) -> set[str]:
        return next((g for g in groups if article in g), {article})

    anchors = _anchors(story)
    uncredited, done = [], set()
    for anchor in anchors:
        written = None if anchor in done else _uncredited_copies(story, anchor)
        if written:
            uncredited.append(written)
            done.update(group_of(anchor))
    # A change question names both copies: one naming an outlet keyed as an uncredited copy
    # would give that key away.
    keyed = {q.choices[i] for q in uncredited for i in q.answer}
    changed = _changes(story, group_of, keyed)
    # A change question names both copies: a question asking which outlet shares the text would
    # be given away by it, so a group with a change is asked about its change.
    for text in story.shared:
        if any(story.labels.get(text.a, "\0") in q.prompt for q in changed):
            done.update(group_of(text.a))
    same = []
    for anchor in anchors:
        written = None if anchor in done else _same_text(story, anchor)
        if written:
            same.append(written)
            done.update(group_of(anchor))
    quoted = [q for q in (_quote_copy(story, c) for c in story.credits)
              if q and not keyed & {q.choices[i] for i in q.answer}]
    return (uncredited + changed + same + quoted)[:MAX_QUESTIONS]
