"""Questions on how outlets print one speaker's same statement in different words: which outlet
printed which wording. A quote cut shorter, an ellipsis, a contraction, a hyphen or punctuation
is not a different wording; every wrong outlet prints the same spot of the statement otherwise,
and every outlet's evidence names the speaker."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.reading.quotations import Label, Quotation, shingles
from quizapp.generators.reading.text import fold, word_set
from quizapp.generators.writing.choices import choose_all, names_list, question

KIND = "quote_rendering"

MAX_QUESTIONS = 4
MIN_CHOICES = 3
MAX_CHOICES = 5
MAX_PHRASE = 7  # words shown around a changed spot, within its clause
SIMILAR = 0.5  # share of words in order above which two printings render one statement
MAX_CHANGED = 8  # a longer change is another sentence, not another wording
MIN_CONTEXT = 4  # shared words around a change, so both printings are plainly one sentence


# --- comparing printed words --------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    norm: str  # what is compared: folded, contractions and hyphenated words split
    start: int  # the printed word's place in the quotation's text
    end: int


_CONTRACTION = re.compile(r"^(.*?)(n't|'ve|'re|'m|'ll|'d|'s)$")
_EXPANDED = {
    "n't": "not",
    "'ve": "have",
    "'re": "are",
    "'m": "am",
    "'ll": "will",
    "'d": "would",
    "'s": "is",
}


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[_Word, ...]:
    """The quotation's words as compared, each with its printed place: "I've" is "i have",
    "hardest-hit" is "hardest hit", "%" is "per cent", and "…" marks a cut."""
    found = []
    folded = fold(text).replace("\u00b4", "'")
    for match in re.finditer(r"[^\W_]+(?:'[^\W_]+)?|\u2026|\.\.\.|%", folded):
        word, start, end = match.group(), match.start(), match.end()
        if word in ("\u2026", "..."):
            found.append(_Word("\u2026", start, end))
        elif word == "%":
            found.extend([_Word("per", start, end), _Word("cent", start, end)])
        else:
            found.extend(_Word(part, start, end) for part in _split(word))
    return tuple(found)


def _split(word: str) -> list[str]:
    if word == "percent":
        return ["per", "cent"]
    if word in ("can't", "won't"):
        return ["can" if word == "can't" else "will", "not"]
    match = _CONTRACTION.match(word)
    if match and match.group(1):
        head, tail = match.groups()
        if tail == "'s" and head not in ("it", "that", "there", "here", "what", "he", "she", "who"):
            return [word]  # a possessive: "Peru's"
        return [head, _EXPANDED[tail]]
    return [word]


@dataclass(frozen=True)
class _Spot:
    """Where two printings of one statement differ: the words each prints there, with the
    shared words around them."""

    before: tuple[str, ...]
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    after: tuple[str, ...]

    def ours_seq(self) -> tuple[str, ...]:
        return (*self.before, *self.ours, *self.after)

    def theirs_seq(self) -> tuple[str, ...]:
        return (*self.before, *self.theirs, *self.after)


def _spots(text_a: str, text_b: str) -> list[tuple[_Spot, int, int]]:
    """Changed words between two printings, with shared words on both sides (so a quote cut
    shorter is no change), not next to an ellipsis, and not a mere inflection ("got"/"gotten")
    or a swap of small words ("it"/"that"). Also each spot's span in `a`'s words."""
    a, b = _words(text_a), _words(text_b)
    na, nb = [w.norm for w in a], [w.norm for w in b]
    found = []
    codes = difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal" or n == 0 or n == len(codes) - 1:
            continue
        if codes[n - 1][0] != "equal" or codes[n + 1][0] != "equal":
            continue
        ours, theirs = tuple(na[i1:i2]), tuple(nb[j1:j2])
        if "\u2026" in ours + theirs or max(len(ours), len(theirs)) > MAX_CHANGED:
            continue
        if "\u2026" in na[max(0, i1 - 1) : i2 + 1] or "\u2026" in nb[max(0, j1 - 1) : j2 + 1]:
            continue
        if not _telling(ours, theirs):
            continue  # no change a reader would notice
        if codes[n - 1][2] - codes[n - 1][1] + codes[n + 1][2] - codes[n + 1][1] < MIN_CONTEXT:
            continue  # "I [am deeply sorry] for that" / "I [take full responsibility] for": two
            # sentences meeting on small words, not one sentence worded two ways
        if _crosses_sentence(text_a, a, i1 - 1, i2) or _crosses_sentence(text_b, b, j1 - 1, j2):
            continue
        # One shared word before and one after tell the spot; a dropped or added phrase shows
        # one more after it, so the words read as a phrase.
        lead = i1 - 1
        tail = min(codes[n + 1][2], i2 + (1 if ours and theirs else 2))
        found.append((_Spot(tuple(na[lead:i1]), ours, theirs, tuple(na[i2:tail])), lead, tail))
    return found


def _crosses_sentence(text: str, words: tuple[_Word, ...], first: int, end: int) -> bool:
    """Whether a sentence ends between the printed words `first` and `end` (the changed words
    with the shared word on each side): a change there is another sentence, not a wording."""
    if not words:
        return False
    start = words[max(first, 0)].start
    stop = words[end].start if end < len(words) else len(text)
    return re.search(r"[.!?][\"\u201d\u2019']?\s", text[start:stop]) is not None


# Small words that change what a sentence says: "some of the areas" is not "the areas".
_MEANING_WORDS = frozenset({"not", "no", "never", "some", "all", "any", "many", "most", "few",
                            "only", "more", "less", "least", "almost", "nearly", "every", "none"})


def _telling(ours: tuple[str, ...], theirs: tuple[str, ...]) -> int:
    """How much a reader would notice the change: 2 for a word of meaning added, dropped or
    swapped; 1 for one small word swapped for another ("sorry to" / "sorry for"); 0 for none,
    one word's other form ("got" / "gotten") or another spelling."""
    if "".join(ours) == "".join(theirs):
        return 0
    if len(ours) == len(theirs) == 1 and ours[0][:3] == theirs[0][:3]:
        return 0
    content = [
        w
        for w in (*ours, *theirs)
        if (w not in word_set("function_words") and len(w) > 2) or w in _MEANING_WORDS
    ]
    if content:
        return 2
    return 1 if len(ours) == len(theirs) == 1 else 0


def _holds(words: tuple[_Word, ...], seq: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the printed words hold `seq` in order, as a span of `words`."""
    norms = [w.norm for w in words]
    for i in range(len(norms) - len(seq) + 1):
        if tuple(norms[i : i + len(seq)]) == seq:
            return i, i + len(seq)
    return None


# --- statements printed by several outlets ------------------------------------------------------


@dataclass
class _Printing:
    quote: Quotation
    words: tuple[_Word, ...]


def _printings(model) -> list[list[_Printing]]:
    """One speaker's quotations grouped when they print one statement (most of the words in
    order), one printing per article, only where the article names the speaker in full."""
    labels = {
        (label.quotation.article, label.quotation.words.start) for label in model.quotations.labels
    }
    # A label's renderings are compared as labels (below); a statement's here.
    usable = [
        q
        for q in model.quotations.all
        if q.speaker
        and q.proof
        and not q.named_elsewhere
        and not q.caption
        and model.outlet_of(q.article) is not None
        and q.word_count >= 4
        and (q.article, q.words.start) not in labels
    ]
    # Each distinct wording of a speaker is compared once, however many outlets print it.
    printed: dict[tuple[str, tuple[str, ...]], list[Quotation]] = defaultdict(list)
    for q in usable:
        printed[(q.speaker, tuple(w.norm for w in _words(q.text)))].append(q)
    reps = list(printed)
    by_shingle = defaultdict(set)
    for i, (speaker, _) in enumerate(reps):
        for shingle in shingles(printed[reps[i]][0].text):
            by_shingle[(speaker, shingle)].add(i)
    parent = list(range(len(reps)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (speaker, _) in enumerate(reps):
        text = printed[reps[i]][0].text
        near = set().union(*(by_shingle[(speaker, s)] for s in shingles(text))) - {i}
        for j in near:
            if _alike(text, printed[reps[j]][0].text):
                parent[root(j)] = root(i)
    groups = defaultdict(list)
    for i, rep in enumerate(reps):
        groups[root(i)].extend(_Printing(q, _words(q.text)) for q in printed[rep])
    return [g for g in groups.values() if len({p.quote.article for p in g}) >= 2]


def _alike(a: str, b: str) -> bool:
    wa, wb = [w.norm for w in _words(a)], [w.norm for w in _words(b)]
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= SIMILAR * min(len(wa), len(wb)) and shared >= 4


def write(model) -> list:
    found = []
    for group in sorted(_printings(model), key=lambda g: -len(g)):
        made = _statement_question(model, group)
        if made is not None:
            found.append(made)
    found.extend(_label_questions(model))
    return found[:MAX_QUESTIONS]


def _statement_question(model, group: list[_Printing]):
    """The spot where the printings differ that most outlets show, one way or the other (then
    the one changing most words), asked from the side fewer outlets print."""
    best, best_rank = None, None
    wordings = list({tuple(w.norm for w in p.words): p for p in group}.values())
    for a in wordings:
        for b in wordings:
            if a is b:
                continue
            if not _alike(a.quote.text, b.quote.text):
                continue  # two sentences joined into one group through a longer quote
            for spot, lead, end in _spots(a.quote.text, b.quote.text):
                made = _spot_question(model, group, a, spot, lead, end)
                if made is None:
                    continue
                rank = (
                    _telling(spot.ours, spot.theirs),
                    len(made.choices),
                    len(made.answer) == 1,
                    len(spot.ours) + len(spot.theirs),
                )
                if best_rank is None or rank > best_rank:
                    best, best_rank = made, rank
    return best


def _third_wording(group: list[_Printing], spot: _Spot) -> bool:
    """Whether some printing has a third wording at the spot ("catastrophic loss of the" beside
    "failure" and "implosion"): the group has merged two statements of one speaker, and which
    printing renders which is not for a rule to say."""
    for printing in group:
        norms = [w.norm for w in printing.words]
        for i in range(len(norms) - len(spot.before) + 1):
            if tuple(norms[i:i + len(spot.before)]) != spot.before:
                continue
            middle = i + len(spot.before)
            for j in range(middle, min(len(norms), middle + MAX_CHANGED) + 1):
                if tuple(norms[j:j + len(spot.after)]) == spot.after:
                    if tuple(norms[middle:j]) not in (spot.ours, spot.theirs):
                        return True
                    break
    return False


def _spot_question(model, group: list[_Printing], a: _Printing, spot: _Spot, lead: int, end: int):
    if _third_wording(group, spot):
        return None
    keys, wrong, printed = [], [], {}
    for printing in group:
        article = printing.quote.article
        if article in keys or article in wrong:
            continue
        ours = _holds(printing.words, spot.ours_seq())
        theirs = _holds(printing.words, spot.theirs_seq())
        if ours and not theirs:
            keys.append(article)
            printed[article] = _slice(printing, *ours)
        elif theirs and not ours:
            wrong.append(article)
            printed[article] = _slice(printing, *theirs)
    # An outlet printing both wordings, in this quote or another of the speaker's, is neither.
    keys = [k for k in keys if not _prints_elsewhere(model, a.quote.speaker, k, spot.theirs_seq())]
    wrong = [w for w in wrong if not _prints_elsewhere(model, a.quote.speaker, w, spot.ours_seq())]
    if not keys or not wrong or len(keys) + len(wrong) < MIN_CHOICES:
        return None
    wrong = wrong[: MAX_CHOICES - len(keys)]
    phrase = _slice(a, lead, end)
    speaker = model.entities.get(a.quote.speaker)
    label = {article: _outlet(model, article) for article in [*keys, *wrong]}
    if len(set(label.values())) != len(label):
        return None
    # The prompt leaves the speaker out: who said it is quote_attribution's question, and the
    # phrase itself says which statement is meant.
    prompt = (
        f"Outlets print one statement in different words. Which outlet"
        f"{'s' if len(keys) > 1 else ''} printed \u201c{phrase}\u201d?{choose_all(len(keys))}"
    )
    evidence = [
        p for printing in group if printing.quote.article in label for p in printing.quote.proof
    ]
    confidence, reasons = 1.0, []
    if _telling(spot.ours, spot.theirs) < 2:
        confidence, reasons = 0.65, ["the wordings differ only by one small word"]
    explanation = (
        f"These are {speaker.name}'s words. " if speaker is not None else ""
    ) + _explanation(label, printed, keys, wrong)
    return question(
        KIND,
        prompt,
        [label[k] for k in keys],
        [label[w] for w in wrong],
        explanation,
        _once(evidence),
        confidence,
        reasons,
    )


def _prints_elsewhere(model, speaker: str, article: str, seq: tuple[str, ...]) -> bool:
    """Whether the article prints the words `seq` anywhere: in a quotation of the speaker, or
    of anyone ("the Coast Guard said it suffered a “catastrophic loss of the pressure
    chamber”"), or in its own sentences. Asked "which outlet printed them?", a student would be
    right to pick it."""
    return any(
        _holds(_words(q.text), seq) is not None for q in model.quotations.in_article(article)
    ) or _holds(_words(model.article(article).text), seq) is not None


def _slice(printing: _Printing, start: int, end: int) -> str:
    """The printed words from `start` to `end`, widened within the same clause (two words on
    the right first, then on the left, up to MAX_PHRASE printed words), so the spot reads as a
    phrase: "keep clear of the flooded roads"."""
    words, text = printing.words, printing.quote.text
    spot_end = end

    def size(a: int, b: int) -> int:
        return len({(w.start, w.end) for w in words[a:b]})

    for step in (+1, +1, -1, -1, -1, -1, +1, +1):
        if size(start, end) >= MAX_PHRASE:
            break
        if step > 0 and end < len(words) and _joined(text, words[end - 1], words[end]):
            end += 1
        elif step < 0 and start > 0 and _joined(text, words[start - 1], words[start]):
            start -= 1
    # End on a word that carries meaning, not "on a".
    while (
        end > spot_end
        and words[end - 1].norm in word_set("function_words")
        and words[end - 1].norm not in _MEANING_WORDS
    ):
        end -= 1
    # Never end inside a word: "hardest" of "hardest-hit", "have" of "haven't".
    while end < len(words) and (
        words[end].start == words[end - 1].start
        or text[words[end - 1].end : words[end].start] == "-"
    ):
        end += 1
    while start > 0 and (
        words[start].start == words[start - 1].start
        or text[words[start - 1].end : words[start].start] == "-"
    ):
        start -= 1
    return " ".join(text[words[start].start : words[end - 1].end].split())


def _joined(text: str, left: _Word, right: _Word) -> bool:
    """Whether two printed words stand in one clause: no stop, comma or dash between them."""
    return not re.search(r"[.,;:!?\u2014\u2013()\[\]]", text[left.end : right.start])


def _once(passages):
    seen, found = set(), []
    for p in passages:
        if (p.article, p.start) not in seen:
            seen.add((p.article, p.start))
            found.append(p)
    return found


def _outlet(model, article_id: str) -> str:
    outlet = model.outlet_of(article_id)
    return outlet.label if outlet is not None else article_id


def _explanation(
    label: dict[str, str],
    printed: dict[str, str],
    keys: list[str],
    wrong: list[str],
    cut: str = "\u2026",
) -> str:
    """`cut` marks the printed words as part of a longer quote ("…"), or not ("")."""
    by_wording: dict[str, list[str]] = defaultdict(list)
    for article in [*keys, *wrong]:
        by_wording[printed[article]].append(label[article])
    parts = [
        f"{names_list(sorted(outlets))} print{'s' if len(outlets) == 1 else ''} "
        f"\u201c{cut}{wording}{cut}\u201d"
        for wording, outlets in by_wording.items()
    ]
    return (
        f"{'; '.join(parts)}. The same statement comes out in different words when outlets "
        f"translate, shorten or retype it: check a quote against more than one outlet before "
        f"repeating it word for word."
    )


# --- labels: one speaker's word for one thing, different in different outlets -------------------


def _label_questions(model) -> list:
    groups: dict[tuple[str, str], list[Label]] = defaultdict(list)
    for label in model.quotations.labels:
        q = label.quotation
        if label.speaker and q.proof and not q.named_elsewhere and model.outlet_of(q.article):
            groups[(label.speaker, label.target_key)].append(label)
    found = []
    for (speaker, _), labels in sorted(groups.items()):
        made = _label_question(model, speaker, labels)
        if made is not None:
            found.append(made)
    return found


def _label_question(model, speaker: str, labels: list[Label]):
    """ "Which outlet quoted Lee as calling the plan “a gamble”?": the outlets printing that
    label against outlets printing another (not a word cut from it, nor one it is cut from)."""
    by_words: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_words[" ".join(w.norm for w in _words(label.quotation.text))].append(label)
    if len(by_words) < 2:
        return None
    for words, keyed in sorted(by_words.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        keys = list(dict.fromkeys(label.quotation.article for label in keyed))
        wrong = []
        for other, printed in by_words.items():
            if other == words or other in words or words in other:
                continue
            wrong.extend(
                label.quotation.article
                for label in printed
                if label.quotation.article not in keys and label.quotation.article not in wrong
            )
        if len(keys) + len(wrong) < MIN_CHOICES or not wrong:
            continue
        return _label_rendering(
            model, speaker, keyed, labels, keys, wrong[: MAX_CHOICES - len(keys)]
        )
    return None


def _label_rendering(model, speaker: str, keyed: list[Label], labels: list[Label], keys, wrong):
    entity = model.entities.get(speaker)
    first = keyed[0]
    shown = (
        f"{first.determiner} \u201c{first.quotation.text}\u201d"
        if first.determiner
        else f"\u201c{first.quotation.text}\u201d"
    )
    label = {article: _outlet(model, article) for article in [*keys, *wrong]}
    if len(set(label.values())) != len(label):
        return None
    prompt = (
        f"Which outlet{'s' if len(keys) > 1 else ''} quoted {entity.name} as calling "
        f"{first.target} {shown}?{choose_all(len(keys))}"
    )
    chosen = [next(lab for lab in labels if lab.quotation.article == article) for article in label]
    printed = {lab.quotation.article: lab.quotation.text for lab in chosen}
    evidence = _once([p for lab in chosen for p in lab.quotation.proof])
    return question(
        KIND,
        prompt,
        [label[k] for k in keys],
        [label[w] for w in wrong],
        _explanation(label, printed, keys, wrong, cut=""),
        evidence,
    )
