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
    return not any(other.sentence == use.sentence and other.group is use.group
                   and not other.loaded and not other.in_name and _apart(use, other)
                   for other in model.terms)


_NEAR = 40  # characters: "Meta layoffs: 11,000 employees let go" names one thing twice


def _apart(a: TermUse, b: TermUse) -> bool:
    return abs(a.passage.start - b.passage.start) > _NEAR


def _prints_tone(model, article: str, group_index: int, tone: int) -> bool:
    """Whether the article prints any word of the tone anywhere, in any voice."""
    return any(u.article == article and u.group.index == group_index and u.tone == tone
               for u in model.terms)


def _question(model, loaded: list[TermUse], plain: list[TermUse], asked: set[str]
              ) -> Question | None:
    """Keys: outlets using the loaded tone in their own voice; wrong: outlets using the plain
    tone in their own voice for the same thing and never printing the loaded tone."""
    group, tone = loaded[0].group, loaded[0].tone
    word = Counter(fold(u.word) for u in loaded).most_common(1)[0][0]
    key_uses: dict[str, TermUse] = {}
    for use in loaded:
        if fold(use.word) == word and model.outlet_of(use.article) is not None \
                and any(_tied(use, p) for p in plain):
            key_uses.setdefault(use.article, use)
    wrong_uses: dict[str, TermUse] = {}
    best: dict[str, int] = {}
    for use in plain:
        if use.article in key_uses or model.outlet_of(use.article) is None:
            continue
        if _prints_tone(model, use.article, group.index, tone):
            continue  # it prints the loaded word too: not plainly a wrong choice
        surest = max(tie(use, k) for k in key_uses.values()) if key_uses else 0
        surest = surest * 2 + (use.voice == OUTLET) if surest else 0  # its own word first
        if surest > best.get(use.article, 0):  # the article's plain use surest the same thing
            wrong_uses[use.article], best[use.article] = use, surest
    if not key_uses or not wrong_uses or len(key_uses) + len(wrong_uses) < 3:
        return None
    keys = list(key_uses.values())[:MAX_CHOICES - 2]
    wrong = list(wrong_uses.values())[:MAX_CHOICES - len(keys)]
    if word in asked:
        return None
    asked.add(word)
    plain_words = [w for w, _ in Counter(fold(u.word) for u in wrong).most_common(2)]
    label = {u.article: model.outlet_of(u.article).label for u in keys + wrong}
    verb = "Which outlet writes" if len(keys) == 1 else "Which outlets write"
    prompt = (f"Other outlets write {names_list([_q(w) for w in plain_words], 'or')}. {verb} "
              f"{_q(word)} instead, in {'its' if len(keys) == 1 else 'their'} own words rather "
              f"than quoting someone?{choose_all(len(keys))}")
    frame = loaded[0].frame
    explanation = (
        f"{names_list([label[u.article] for u in keys])} "
        f"{'writes' if len(keys) == 1 else 'write'} {_q(word)} in "
        f"{'its' if len(keys) == 1 else 'their'} own voice"
        + (f", which frames {group.names} {frame}" if frame else "") + "; "
        + "; ".join(f"{label[u.article]} writes {_q(u.word)}" for u in wrong)
        + ". The plain word reports the same thing without the colour.")
    confidence, reasons = 1.0, []
    if any(_prints_tone(model, u.article, group.index, 0) for u in keys):
        confidence, reasons = 0.9, ["a keyed outlet also writes the plain word elsewhere"]
    if loaded[0].contested:
        confidence *= CONTESTED
        reasons.append("whether this label is loaded or simply accurate is itself debated")
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
