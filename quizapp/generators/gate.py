"""The gate every question passes before it leaves the generators.

Two parts. Soundness, for any question whoever wrote it (the instructors' form uses it too):
evidence that really is in its article, a well-formed set of choices and answer. Flaws, for
generated questions, as published item-writing checklists name them: fewer than three choices,
a choice that is a part or variant of the key, a key the prompt gives away, evidence that is a
caption or a cut-off last sentence, an absence claimed of a text that may be cut off, and two
questions asking the same thing. A hard flaw drops the question; a soft one lowers its
confidence and says why.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable

from quizapp.generators.model import Question, Story
from quizapp.generators.reading.text import fold

MIN_CHOICES = 2  # a hand-written question may be true/false
MAX_CHOICES = 8
GENERATED_MIN_CHOICES = 3  # a generated two-way choice is a coin toss
# Questions below this confidence go to the review queue marked as such, never approved
# without a person reading them.
REVIEW_BELOW = 0.7


def passage_in_article(article_text: str, passage: str) -> bool:
    """Whether `passage` is a non-empty, exact substring of the article's text: the test every
    evidence passage must pass, for generated and hand-written questions alike."""
    return bool(passage and passage.strip()) and passage in article_text


def normalised_choice(choice: str) -> str:
    """A choice as a reader compares it: case, quote style and spacing ignored."""
    return " ".join(fold(choice).split())


def problems(question: Question, story: Story) -> list[str]:
    """Everything wrong with `question` against `story`, in words; empty when it may be shown."""
    found: list[str] = []
    if not question.prompt.strip():
        found.append("the prompt is empty")
    if not question.explanation.strip():
        found.append("the explanation is empty")
    choices = [c.strip() for c in question.choices]
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        found.append(f"{len(choices)} choices; a question needs {MIN_CHOICES} to {MAX_CHOICES}")
    if any(not c for c in choices):
        found.append("a choice is empty")
    if len({normalised_choice(c) for c in choices}) != len(choices):
        found.append("two choices read the same")
    answer = list(question.answer)
    if not answer:
        found.append("no choice is marked correct")
    if any(not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(choices) for i in answer):
        found.append("an answer points at no choice")
    if len(set(answer)) != len(answer):
        found.append("an answer is listed twice")
    if answer and len(set(answer)) == len(choices):
        found.append("every choice is correct, so nothing is being asked")
    if not question.evidence:
        found.append("no evidence")
    articles = {article.id: article for article in story.articles}
    for evidence in question.evidence:
        article = articles.get(evidence.article)
        if article is None:
            found.append(f"evidence cites an article the story does not have: {evidence.article!r}")
        elif not passage_in_article(article.text, evidence.text):
            found.append(f"evidence is not a passage of article {evidence.article!r}: {evidence.text[:60]!r}")
    return found + _type_problems(question, articles)


def _type_problems(question: Question, articles: dict) -> list[str]:
    """What the item types add: a matching pair's proof is in its article; the sentences of a
    "find the evidence" question are all passages of the one article its evidence quotes."""
    found = []
    for pair in question.item_evidence:
        for evidence in pair:
            article = articles.get(evidence.article)
            if article is None or not passage_in_article(article.text, evidence.text):
                found.append(f"a pair's evidence is not a passage of article {evidence.article!r}")
    if question.type == "evidence":
        cited = {e.article for e in question.evidence}
        article = articles.get(next(iter(cited))) if len(cited) == 1 else None
        if article is None:
            found.append("the sentences to find must all come from one article")
        elif not all(passage_in_article(article.text, c) for c in question.choices):
            found.append("a sentence offered is not a passage of the article")
    return found


def is_sound(question: Question, story: Story) -> bool:
    return not problems(question, story)


_PUNCTUATION = re.compile(r"[^\w\s]")
_QUOTED = re.compile(r"\u201c(.+?)\u201d")


def prompt_signature(prompt: str) -> str:
    """The prompt with case, punctuation and quote style ignored, for spotting duplicates."""
    text = unicodedata.normalize("NFKC", fold(prompt))
    return " ".join(_PUNCTUATION.sub(" ", text).split())


# --- flaws of generated questions -------------------------------------------------------------

# Words an explanation uses to say an outlet leaves something out: true only of a whole text.
_ABSENCE = re.compile(r"\b(never|does not|doesn't|do not|don't|no other|only one|leaves? out|"
                      r"omits?|silent|nowhere|not mention)\b")
# A key this much longer than the longest wrong choice stands out as the careful one.
LONG_KEY_RATIO = 1.8


def _words_in(needle: str, haystack: str) -> bool:
    needle = normalised_choice(needle)
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)",
                                      normalised_choice(haystack)) is not None


def _sentences_touched(model, article_id: str, text: str):
    reading = model.article(article_id)
    start = reading.text.find(text)
    if start < 0:
        return []
    end = start + len(text)
    return [s for s in reading.sentences if s.start < end and start < s.end]


def _choice_flaws(question: Question, model, keys: list[str], wrong: list[str]) -> list[str]:
    """A key the prompt gives away, or a wrong choice that is part of a key or names the same."""
    hard = []
    for key in keys:
        if _words_in(key, question.prompt):
            hard.append(f"the prompt gives the key away ({key!r})")
        for other in wrong:
            if _words_in(other, key) or _words_in(key, other):
                hard.append(f"{other!r} is a part of the key {key!r} or the other way round")
            elif model.entities.same_name(key, other):
                hard.append(f"{other!r} names the same one as the key {key!r}")
    return hard


def _evidence_flaws(question: Question, model) -> list[str]:
    """Evidence that is a caption, or the cut-off last sentence of its article."""
    hard = []
    for evidence in question.evidence:
        for sentence in _sentences_touched(model, evidence.article, evidence.text):
            if not sentence.finished and sentence is model.article(evidence.article).last_sentence:
                hard.append("evidence is the cut-off last sentence of its article")
            if sentence.role == "caption":
                hard.append("evidence is a caption or photo credit")
    return hard


def _absence_flaws(question: Question, model) -> list[str]:
    """An explanation claiming that an outlet whose text may be cut off leaves something out."""
    for clause in re.split(r"[;.!?:]\s+|,\s+(?:but|while|whereas)\s+", question.explanation):
        if not _ABSENCE.search(fold(clause)):
            continue
        cut = [r.outlet for r in model.articles
               if not r.complete and r.outlet and _words_in(r.outlet, clause)]
        if cut:
            return [f"the explanation claims an absence of {cut[0]}, whose text may be cut off"]
    return []


def flaws(question: Question, model) -> tuple[list[str], list[tuple[str, float]]]:
    """What is wrong with a generated question: hard flaws (it must go) and soft ones, each with
    the factor its confidence is multiplied by."""
    hard = problems(question, model.story)
    soft: list[tuple[str, float]] = []
    if len(question.choices) < GENERATED_MIN_CHOICES:
        hard.append(f"only {len(question.choices)} choices")
    keys = [question.choices[i] for i in question.answer if 0 <= i < len(question.choices)]
    wrong = [c for i, c in enumerate(question.choices) if i not in question.answer]
    hard += _choice_flaws(question, model, keys, wrong)
    hard += _evidence_flaws(question, model)
    hard += _absence_flaws(question, model)
    longest_wrong = max((len(c) for c in wrong), default=0)
    # A sentence to find is as long as the article wrote it: its length tells nothing.
    if question.type != "evidence" and keys and longest_wrong and min(len(k) for k in keys) > LONG_KEY_RATIO * longest_wrong + 10:
        soft.append(("the key is much longer than the other choices", 0.8))
    return hard, soft


def inspect(question: Question, model) -> Question | None:
    """The question with its confidence lowered for each soft flaw, or None for a hard one."""
    hard, soft = flaws(question, model)
    if hard:
        return None
    confidence, reasons = question.confidence, list(question.reasons)
    for reason, factor in soft:
        confidence *= factor
        reasons.append(reason)
    return dataclasses.replace(question, confidence=round(confidence, 3), reasons=tuple(reasons))


def _key_texts(question: Question) -> frozenset[str]:
    return frozenset(normalised_choice(question.choices[i]) for i in question.answer)


def _spans(question: Question, model) -> set[tuple[str, int]]:
    """The sentences a question's evidence lies in."""
    return {(e.article, s.index) for e in question.evidence
            for s in _sentences_touched(model, e.article, e.text)}


def _choice_set(question: Question) -> frozenset[str]:
    return frozenset(normalised_choice(c) for c in question.choices)


def _articles(question: Question) -> frozenset[str]:
    return frozenset(e.article for e in question.evidence)


def _form(prompt: str) -> str:
    """The prompt without what it quotes: the question's form."""
    return prompt_signature(_QUOTED.sub("\u201c\u201d", prompt))


def _of_one_outlet(question: Question, other: Question, model) -> bool:
    """Both questions rest on one article, and name its outlet in their prompts."""
    articles = _articles(question)
    if len(articles) != 1 or articles != _articles(other):
        return False
    outlet = model.outlet_of(next(iter(articles)))
    return outlet is not None and _words_in(outlet.label, question.prompt) \
        and _words_in(outlet.label, other.prompt)


def _repeats(question: Question, kept: Question, model) -> bool:
    if prompt_signature(question.prompt) == prompt_signature(kept.prompt):
        return True
    # The same answer among the same choices: a student who answered one has answered both.
    if _key_texts(question) == _key_texts(kept) and _choice_set(question) == _choice_set(kept):
        return True
    # One question form asked twice of what one outlet's article does, among the same choices
    # ("<outlet> writes: ... which agency does it credit where the … is?" of two sentences of
    # one page): the same question, and each answer strikes a choice off the other.
    if question.kind == kept.kind and _choice_set(question) == _choice_set(kept) \
            and _form(question.prompt) == _form(kept.prompt) \
            and _of_one_outlet(question, kept, model):
        return True
    if _pair_repeats(question, kept, model) or _pair_repeats(kept, question, model):
        return True
    # The same key proven by the same sentences: one thing asked twice, whatever the kinds.
    return (_key_texts(question) == _key_texts(kept)
            and bool(_spans(question, model) & _spans(kept, model)))


def _pair_spans(question: Question, index: int, model) -> set[tuple[str, int]]:
    return {(e.article, s.index) for e in question.item_evidence[index]
            for s in _sentences_touched(model, e.article, e.text)}


def _opening(right: str) -> str:
    """A right item as a prompt would quote it: without its quotation marks and any "…"."""
    return right.strip().strip("\u201c\u201d\"").rstrip("\u2026").strip()


def _pair_repeats(matching: Question, other: Question, model) -> bool:
    """A pair of a matching question asked again by another question: its left item is the
    other's key and its right item stands in the other's prompt (the same words, the same
    figure), or another matching pairs the same left item on the same sentences."""
    if matching.type != "matching" or not matching.item_evidence:
        return False
    if other.type == "matching":
        return any(normalised_choice(item) == normalised_choice(twin)
                   and _pair_spans(matching, i, model) & _pair_spans(other, j, model)
                   for i, item in enumerate(matching.items)
                   for j, twin in enumerate(other.items))
    keys = _key_texts(other)
    return any(normalised_choice(item) in keys
               and (_words_in(_opening(matching.choices[matching.answer[i]]), other.prompt)
                    or _same_statement(matching, i, other))
               for i, item in enumerate(matching.items))


_PROMPT_QUOTE = re.compile(r"\u201c(.+?)\u2026?\u201d")


def _same_statement(matching: Question, index: int, other: Question) -> bool:
    """A pair and a question keyed to the same speaker on the same words: the asked words
    inside the pair's longer ones ("sorry about what happened" of "... at every stage")."""
    quoted = _PROMPT_QUOTE.search(other.prompt)
    return bool(quoted) and _words_in(quoted.group(1),
                                      _opening(matching.choices[matching.answer[index]]))


def _gives_away(question: Question, other: Question, model) -> bool:
    """`other`'s prompt names `question`'s key while both rest on the same sentences: reading
    one answers the other. A matching question's right items are shown anyway: only a prompt
    naming both halves of one of its pairs answers it."""
    if question.type == "matching":
        return any(_words_in(item, other.prompt)
                   and _words_in(_opening(question.choices[question.answer[i]]), other.prompt)
                   for i, item in enumerate(question.items))
    return (any(_words_in(key, other.prompt) for key in
                (question.choices[i] for i in question.answer))
            and bool(_spans(question, model) & _spans(other, model)))


def _shown_sentences(question: Question, model) -> dict[tuple[str, int], str]:
    """The sentences a "find the evidence" question prints as its choices."""
    article = question.evidence[0].article if question.evidence else ""
    return {(article, s.index): c for c in question.choices
            for s in _sentences_touched(model, article, c)} if article else {}


def _sentences_show(finding: Question, other: Question, model) -> bool:
    """A "find the evidence" question whose sentences answer another question of the quiz: one
    of them proves the other's key and prints it (or, for matching, ties one of its pairs); the
    article being named in the prompt, an outlet that is the other's key counts as printed."""
    if finding.type != "evidence" or finding is other:
        return False
    shown = _shown_sentences(finding, model)
    if other.type == "matching":
        return any(_pair_spans(other, i, model) & shown.keys() for i in range(len(other.items)))
    keys = [other.choices[i] for i in other.answer]
    return any(any(_words_in(key, shown[span] + " " + finding.prompt) for key in keys)
               for span in _spans(other, model) if span in shown)


def _blank_filled(question: Question, other: Question) -> bool:
    """`question`'s prompt prints a sentence with a part left out ("…"), and `other` prints the
    sentence whole, in its choices, evidence or explanation: answering or reading one fills the
    other's blank ("National Herald writes: '…, … news agency reported'" beside a question whose
    evidence is that sentence with the agency's name)."""
    shown = " ".join([other.explanation, *(e.text for e in other.evidence),
                      *(other.choices if other.type == "evidence" else ())])
    for quoted in _QUOTED.findall(question.prompt):
        pieces = [p.strip(" ,.;:") for p in quoted.split("\u2026")]
        pieces = [p for p in pieces if len(p.split()) >= 3]
        # A blank has words or a stop after it; a "…" closing the quote only shortens it.
        blank = "\u2026" in quoted.rstrip().rstrip("\u2026")
        if blank and pieces and all(_words_in(p, shown) for p in pieces):
            return True
    return False


# One choice set serves at most this many questions of one kind before the answers of the others
# point to the next by elimination (the same four names in every "who said", each the key once).
MAX_SAME_CHOICES = 2
ELIMINATION = 0.65


def _by_elimination(questions: list[Question]) -> list[Question]:
    """The questions, a third (and later) one of a kind among the same choices, keyed to a choice
    the earlier ones did not key, sent to review: after two answers, elimination leaves it
    little to ask."""
    found = []
    for question in questions:
        twins = [q for q in found if q.kind == question.kind
                 and _choice_set(q) == _choice_set(question)]
        if len(twins) >= MAX_SAME_CHOICES and all(_key_texts(q) != _key_texts(question)
                                                  for q in twins):
            question = dataclasses.replace(
                question, confidence=round(min(question.confidence, ELIMINATION), 3),
                reasons=(*question.reasons, ("the same choices as two other questions of its "
                                            "kind: the answers point to this one's by "
                                            "elimination")))
        found.append(question)
    return found


_YIELDS = {"matching": 1, "ordering": 1, "evidence": 2}


def across(questions: Iterable[Question], model) -> list[Question]:
    """The questions with repeats and give-aways between them removed: of two, the surer one
    stays (the earlier on a tie; a matching question after single and multiple choice ones, a
    "find the evidence" question after every other), and the original order is kept."""
    # A matching question yields to a single or multiple choice one, and a "find the evidence"
    # question to any other: each is written from several candidates, so another can stand in,
    # and the sentences a "find the evidence" question prints are what give others away.
    # At equal confidence, a question that sets outlets side by side (its evidence from two
    # articles or more) outranks one that reads a single article: comparing outlets is the
    # lesson no other tool gives ("which other outlet prints these words without the credit?"
    # over "which agency does this outlet credit?", when both print the same sentence).
    ranked = sorted(enumerate(questions), key=lambda pair: (
        _YIELDS.get(pair[1].type, 0), -pair[1].confidence,
        -min(len(_articles(pair[1])), 2), pair[0]))
    kept: list[tuple[int, Question]] = []
    for index, question in ranked:
        if any(
                _repeats(question, other, model) or _gives_away(question, other, model)
                or _gives_away(other, question, model) or _sentences_show(question, other, model)
                or _blank_filled(question, other) or _blank_filled(other, question)
                for _, other in kept):
            continue
        kept.append((index, question))
    return _by_elimination([question for _, question in sorted(kept, key=lambda pair: pair[0])])
