"""Framing: which outlet, in its own voice, uses a loaded word for something other outlets name
with a plain one ("bloodbath" where others write "layoffs"). Every outlet offered as wrong prints
the plain word for the same thing, and no form of the loaded one; a word inside a quotation or
inside what a sentence credits to a source is the source's, never the outlet's."""
from __future__ import annotations

from collections import Counter

from quizapp.generators.model import Question
from quizapp.generators.reading.terms import OUTLET, UNCLEAR, TermUse, tie
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import choose_all, names_list, question

KIND = "word_choice"
MAX_QUESTIONS = 4
MAX_CHOICES = 5
CONTESTED = 0.65  # a label some style guides hold to be accurate goes to a teacher for review
def _tied(a: TermUse, b: TermUse) -> bool:
    return tie(a, b) > 0


def _printed(use: TermUse) -> bool:
    """A use a student can find: in prose or a headline, not part of a name ("Hurricane
    Michael"), and in a sentence whose voice is plain."""
    return not use.in_name and use.sentence.role in ("prose", "headline") and use.voice != UNCLEAR


def _chosen(use: TermUse, model) -> bool:
    """A loaded use that shows the outlet's own choice of word: in its own voice, and not beside
    the plain word for something else in the same sentence ("the layoffs at Meta came after
    Lyft fired 700")."""
    if not _printed(use) or use.voice != OUTLET:
        return False
    return not any(other.group is use.group and not other.loaded and not other.in_name
                   and _apart(use, other)
                   for other in _in_sentences(model).get((use.article, use.sentence.start), ()))


_NEAR = 40  # characters: "Meta layoffs: 11,000 employees let go" names one thing twice


def _apart(a: TermUse, b: TermUse) -> bool:
    return abs(a.passage.start - b.passage.start) > _NEAR


def _prints_tone(model, article: str, group_index: int, tone: int) -> bool:
    """Whether the article prints any word of the tone anywhere, in any voice."""
    return (article, group_index, tone) in _printed_tones(model)


# The story's uses looked up by sentence and by (article, group, tone), built once per model so
# no use is compared with every other.
_INDEX: dict[int, tuple[object, dict, set]] = {}


def _index(model) -> tuple[dict, set]:
    found = _INDEX.get(id(model))
    if found is None or found[0] is not model:
        by_sentence: dict[tuple[str, int], list[TermUse]] = {}
        tones: set[tuple[str, int, int]] = set()
        for use in model.terms:
            by_sentence.setdefault((use.article, use.sentence.start), []).append(use)
            tones.add((use.article, use.group.index, use.tone))
        _INDEX.clear()
        found = _INDEX[id(model)] = (model, by_sentence, tones)
    return found[1], found[2]


def _in_sentences(model) -> dict[tuple[str, int], list[TermUse]]:
    return _index(model)[0]


def _printed_tones(model) -> set[tuple[str, int, int]]:
    return _index(model)[1]


def _key_uses(model, loaded: list[TermUse], plain: list[TermUse], word: str
              ) -> dict[str, TermUse]:
    """Per article, its use of the loaded word in its own voice for a thing others name plainly."""
    found: dict[str, TermUse] = {}
    for use in loaded:
        if fold(use.word) == word and model.outlet_of(use.article) is not None \
                and any(_tied(use, p) for p in plain):
            found.setdefault(use.article, use)
    return found


def _wrong_uses(model, plain: list[TermUse], keys: dict[str, TermUse]) -> dict[str, TermUse]:
    """Per other article printing no form of the loaded word, its plain use surest to name the
    same thing as a keyed use (its own word before a source's)."""
    found: dict[str, TermUse] = {}
    best: dict[str, int] = {}
    sample = next(iter(keys.values()))
    for use in plain:
        if use.article in keys or model.outlet_of(use.article) is None \
                or _prints_tone(model, use.article, sample.group.index, sample.tone):
            continue
        surest = max(tie(use, k) for k in keys.values())
        surest = surest * 2 + (use.voice == OUTLET) if surest else 0
        if surest > best.get(use.article, 0):
            found[use.article], best[use.article] = use, surest
    return found


def _confidence(model, keys: list[TermUse]) -> tuple[float, list[str]]:
    confidence, reasons = 1.0, []
    sample = keys[0]
    if any(_prints_tone(model, u.article, sample.group.index, 0) for u in keys):
        confidence, reasons = 0.9, ["a keyed outlet also writes the plain word elsewhere"]
    if sample.contested:
        confidence *= CONTESTED
        reasons.append("whether this label is loaded or simply accurate is itself debated")
    return confidence, reasons


def _question(model, loaded: list[TermUse], plain: list[TermUse], asked: set[str]
              ) -> Question | None:
    """Keys: outlets using the loaded tone in their own voice; wrong: outlets printing the plain
    tone for the same thing and never the loaded tone."""
    word = Counter(fold(u.word) for u in loaded).most_common(1)[0][0]
    key_uses = _key_uses(model, loaded, plain, word)
    wrong_uses = _wrong_uses(model, plain, key_uses) if key_uses else {}
    if word in asked or not wrong_uses or len(key_uses) + len(wrong_uses) < 3:
        return None
    asked.add(word)
    keys = list(key_uses.values())[:MAX_CHOICES - 2]
    wrong = list(wrong_uses.values())[:MAX_CHOICES - len(keys)]
    plain_words = [w for w, _ in Counter(fold(u.word) for u in wrong).most_common(2)]
    label = {u.article: model.outlet_of(u.article).label for u in keys + wrong}
    one = len(keys) == 1
    prompt = (f"Other outlets write {names_list([_q(w) for w in plain_words], 'or')}. "
              f"{'Which outlet writes' if one else 'Which outlets write'} {_q(word)} instead, in "
              f"{'its' if one else 'their'} own words rather than quoting someone?"
              f"{choose_all(len(keys))}")
    frame = f", which frames {keys[0].group.names} {keys[0].frame}" if keys[0].frame else ""
    explanation = (
        f"{names_list([label[u.article] for u in keys])} {'writes' if one else 'write'} "
        f"{_q(word)} in {'its' if one else 'their'} own voice{frame}; "
        + "; ".join(f"{label[u.article]} writes {_q(u.word)}" for u in wrong)
        + ". The plain word reports the same thing without the colour.")
    confidence, reasons = _confidence(model, keys)
    return question(KIND, prompt, [label[u.article] for u in keys],
                    [label[u.article] for u in wrong], explanation,
                    [u.sentence for u in keys + wrong], confidence, reasons)


def _q(word: str) -> str:
    return f"\u201c{word}\u201d"


def write(model) -> list[Question]:
    by_group: dict[int, list[TermUse]] = {}
    for use in model.terms:
        if (use.loaded and _chosen(use, model)) or (not use.loaded and _printed(use)):
            by_group.setdefault(use.group.index, []).append(use)
    questions: list[Question] = []
    asked: set[str] = set()
    for uses in by_group.values():
        plain = [u for u in uses if not u.loaded]
        tones = Counter(u.tone for u in uses if u.loaded)
        # The rarest loaded word first: the framing choice few outlets make is worth noticing.
        for tone, _ in sorted(tones.items(), key=lambda item: (item[1], item[0])):
            loaded = [u for u in uses if u.tone == tone]
            found = _question(model, loaded, plain, asked)
            if found is not None and len(questions) < MAX_QUESTIONS:
                questions.append(found)
    return questions
