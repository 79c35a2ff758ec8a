"""Framing: which outlet chose a loaded word ("bloodbath", "slapped with") where other outlets,
telling the same thing, chose a plain one ("layoffs", "fined"). Outlets are compared where each
text is whole: their headlines, or their sentences telling the same claim, so every outlet
offered as wrong is shown printing the plain word there, not merely silent; whole articles are
compared only where the wrong ones are known to be complete (else the question goes to review).

A word inside a quotation or inside words credited to a source is the source's: never a key, and
a plain word only inside a quotation never stands for a wrong outlet's wording. A word in an
article that credits an agency for its whole text is the agency's. A word that the outlets' shared copy carries, or that most outlets
use, is the story's common word, and a text that names the thing plainly in the same breath has
chosen no frame: neither is asked about.

The verb an outlet puts on a quotation frames it too (Wikipedia's MOS:SAY): where outlets print
the same words of one speaker, one "admitted" or "claimed" them where the others "said" them. Each
outlet offered prints those words with the verb shown in its own sentence; an outlet whose verb
is neither plain nor judging ("noted", "warned") is not offered, and copies of one text count as
one voice."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quizapp.generators.model import Question
from quizapp.generators.reading.quotations import same_remark
from quizapp.generators.reading.said_verbs import Saying, saying
from quizapp.generators.reading.statements import shared_wording
from quizapp.generators.reading.terms import (
    OUTLET,
    PARAPHRASE,
    QUOTE,
    UNCLEAR,
    TermUse,
    copies_of,
    term_groups,
    tie,
)
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import choose_all, names_list, question
from quizapp.generators.writing.quoted import statements

KIND = "word_choice"
MAX_QUESTIONS = 3
MAX_CHOICES = 5
MIN_WRONG = 2
# Texts (a copy and its twins counted once) using a loaded word in their own voice: from this
# many on, it is the story's common descriptor ("far-right" in every agency's copy), not a choice.
COMMON = 3
# A whole article set against another that may be cut off: the wrong outlet may use the loaded
# word further on, so the question goes to a teacher.
CUT_OFF_CONFIDENCE = 0.6
HEADLINE, CLAIM, ARTICLE = "headline", "sentence", "article"
MAX_VERB_QUESTIONS = 2
OPENING_WORDS = 8  # of the quoted words shown in a verb question's prompt
ANY_VOICE = (OUTLET, QUOTE, PARAPHRASE, UNCLEAR)


@dataclass(frozen=True)
class Wording:
    """One outlet's words for the thing in one place: a headline, a sentence, an article."""

    article: str
    label: str  # the outlet as a choice
    use: TermUse  # the use shown: the loaded word for a key, the plain word for a wrong choice


# --- the story's uses, looked up once ------------------------------------------------------------


class _Uses:
    """The story's printed uses of loaded and plain words, by sentence and by article."""

    def __init__(self, model) -> None:
        self.model = model
        self.copies = copies_of(model)
        self.by_sentence: dict[tuple[str, int], list[TermUse]] = {}
        self.by_article: dict[str, list[TermUse]] = {}
        for use in model.terms:
            if use.in_name or use.sentence.role not in ("prose", "headline"):
                continue
            self.by_sentence.setdefault((use.article, use.sentence.start), []).append(use)
            self.by_article.setdefault(use.article, []).append(use)

    def in_sentence(self, article: str, start: int) -> list[TermUse]:
        return self.by_sentence.get((article, start), [])

    def chosen(self, use: TermUse) -> bool:
        """A loaded use that shows the outlet's own choice: in its own voice, not a contested
        label, not printed by a copy of its text; and a euphemism only where the same sentence
        does not name the thing plainly too ("Meta layoffs: 11,000 employees let go" hides
        nothing)."""
        if not use.loaded or use.voice != OUTLET or use.contested:
            return False
        if self.model.carries_copy(use.article):
            return False  # an agency's copy: the word is the agency's, not the outlet's choice
        if any(self._prints(other, use.group.index, use.tone, ANY_VOICE)
               for other in self.copies.get(use.article, ())):
            return False
        if not _hides(use):
            return True
        return not any(not other.loaded and other.group is use.group
                       for other in self.in_sentence(use.article, use.sentence.start))

    def _prints(self, article: str, group: int, tone: int, voiced: tuple[str, ...]) -> bool:
        return any(u.group.index == group and u.tone == tone and u.voice in voiced
                   for u in self.by_article.get(article, ()))

    def common(self, use: TermUse) -> bool:
        """The loaded word is what most texts of the story call the thing: used in their own
        voice by COMMON texts or more, a copy and its twins counted once."""
        texts: set[frozenset[str]] = set()
        for article, found in self.by_article.items():
            if any(u.group is use.group and u.tone == use.tone and u.voice == OUTLET
                   for u in found):
                texts.add(frozenset({article}) | self.copies.get(article, frozenset()))
        return len(texts) >= COMMON

    def plain_in(self, uses: list[TermUse], use: TermUse, voiced: tuple[str, ...] = ()
                 ) -> TermUse | None:
        """Among `uses` (one place of another outlet), its plain word for the group of `use`,
        if that place has no loaded word for it (nor for a group sharing its plain words), nor
        the article elsewhere in any of the `voiced` voices: a student comparing whole articles,
        or sentences, would be misled by the loaded word further on."""
        related = {g.index for g in _related(use.group)}
        if any(u.loaded and u.group.index in related and u.voice != UNCLEAR for u in uses):
            return None
        if uses and voiced and self._prints(uses[0].article, use.group.index, use.tone, voiced):
            return None  # the loaded word elsewhere in the article would mislead a student
        # The outlet's own plain word: one inside a quotation is the speaker's, not its wording.
        plain = [u for u in uses if not u.loaded and u.group is use.group and u.voice != QUOTE]
        return (sorted(plain, key=lambda u: u.voice != OUTLET) or [None])[0]


def _hides(use: TermUse) -> bool:
    """A euphemism: a word that hides what it names, undone by the plain word beside it (an
    intensifier, "slapped with a fine", is not undone by naming the fine)."""
    return "euphemism" in use.frame


def _related(group) -> list:
    """Groups sharing a plain word with `group` ("layoffs" is plain for job losses and for
    dismissals): a loaded word of any of them frames the same thing."""
    words = set(group.plain.words)
    return [g for g in term_groups() if words & set(g.plain.words)]


# --- where outlets are compared ------------------------------------------------------------------


def _label(model, article: str) -> str | None:
    outlet = model.outlet_of(article)
    return outlet.label if outlet is not None else None


def _headline_wordings(uses: _Uses, key: TermUse) -> tuple[list[Wording], list[Wording]]:
    """Keys: headlines using the loaded word by choice; wrong: other headlines naming the same
    thing with a plain word and no loaded one."""
    model = uses.model
    keys, wrong = [], []
    for reading in model.articles:
        label = _label(model, reading.id)
        if reading.headline is None or label is None:
            continue
        found = uses.in_sentence(reading.id, reading.headline.start)
        same = [u for u in found if u.group is key.group and u.tone == key.tone]
        if same:
            if uses.chosen(same[0]):
                keys.append(Wording(reading.id, label, same[0]))
            continue
        # Headlines of one story name its event: a plain word for the group names the same thing.
        plain = uses.plain_in(found, key)
        if plain is not None:
            wrong.append(Wording(reading.id, label, plain))
    return keys, wrong


def _claim_wordings(uses: _Uses, key: TermUse) -> tuple[list[Wording], list[Wording]]:
    """Keys and wrong choices among the sentences of other outlets telling the same claim as
    the key's sentence."""
    model = uses.model
    statement = model.statements.at(key.article, key.sentence.start)
    if statement is None:
        return [], []
    keys = [Wording(key.article, _label(model, key.article), key)]
    wrong: list[Wording] = []
    seen = {key.article}
    for other in model.statements.same_claim(statement):
        label = _label(model, other.article)
        if other.article in seen or label is None or other.sentence.role != "prose":
            continue
        found = uses.in_sentence(other.article, other.sentence.start)
        same = [u for u in found if u.group is key.group and u.tone == key.tone]
        if same and uses.chosen(same[0]):
            keys.append(Wording(other.article, label, same[0]))
        elif not same and (plain := uses.plain_in(found, key, (OUTLET,))) is not None:
            wrong.append(Wording(other.article, label, plain))
        seen.add(other.article)
    return keys, wrong


def _article_wordings(uses: _Uses, key: TermUse) -> tuple[list[Wording], list[Wording]]:
    """Keys: outlets using the loaded word by choice for the thing; wrong: outlets printing the
    plain word for the same thing and no loaded word for it anywhere, complete texts first."""
    model = uses.model
    keys, wrong = [], []
    for reading in model.articles:
        label = _label(model, reading.id)
        found = uses.by_article.get(reading.id, [])
        if label is None or not found:
            continue
        same = [u for u in found if u.group is key.group and u.tone == key.tone
                and uses.chosen(u) and (u is key or tie(u, key))]
        if same:
            keys.append(Wording(reading.id, label, same[0]))
            continue
        plain = uses.plain_in(found, key, ANY_VOICE)
        tied = sorted((u for u in found if not u.loaded and u.group is key.group
                       and u.voice != QUOTE and tie(u, key)), key=lambda u: -tie(u, key))
        if plain is not None and tied:
            wrong.append(Wording(reading.id, label, tied[0]))
    wrong.sort(key=lambda w: not model.article(w.article).complete)
    return keys, wrong


# --- the question --------------------------------------------------------------------------------


def _chosen_set(keys: list[Wording], wrong: list[Wording]
                ) -> tuple[list[Wording], list[Wording]] | None:
    """Up to five choices, at least two wrong, the keys fewer than the wrong ones (a word most
    outlets chose is no one outlet's choice), each outlet once."""
    keys = list({w.label: w for w in keys}.values())
    wrong = [w for w in {w.label: w for w in wrong}.values() if w.label not in
             {k.label for k in keys}]
    if not keys or len(wrong) < MIN_WRONG or len(keys) >= len(wrong):
        return None
    wrong = wrong[:MAX_CHOICES - len(keys)]
    return keys[:MAX_CHOICES - MIN_WRONG], wrong


def _q(word: str) -> str:
    return f"\u201c{word}\u201d"


def _own(name: str) -> str:
    return name + ("\u2019" if name.endswith("s") else "\u2019s")


def _prompt(place: str, keys: list[Wording], wrong: list[Wording], label: str) -> str:
    word = _q(keys[0].use.word)
    plain = names_list(list(dict.fromkeys(_q(w.use.word) for w in wrong)), "or")
    one = len(keys) == 1
    if place == HEADLINE:
        ask = "Which outlet\u2019s headline uses" if one else "Which outlets\u2019 headlines use"
        # "listed": the story may have outlets whose headlines use neither word (blind grading)
        return (f"{ask} {word}, where the headlines of the other outlets listed write {plain}?"
                f"{choose_all(len(keys))}")
    if place == CLAIM:
        ask = "Which outlet\u2019s sentence uses" if one else "Which outlets\u2019 sentences use"
        return (f"These outlets each tell the same thing in one sentence (\u201c{label}\u201d). "
                f"{ask} {word}, where the others write {plain}?{choose_all(len(keys))}")
    ask = "Which outlet writes" if one else "Which outlets write"
    return (f"{ask} {word} in {'its' if one else 'their'} own voice, where the other outlets "
            f"listed write {plain}?{choose_all(len(keys))}")


def _explanation(place: str, keys: list[Wording], wrong: list[Wording]) -> str:
    sample = keys[0].use
    frame = f", which frames {sample.group.names} {sample.frame}" if sample.frame else ""
    def whose(label: str) -> str:
        return label if place == ARTICLE else f"{_own(label)} {place}"

    verb = "writes" if place == ARTICLE else "says"
    chose = "; ".join(f"{whose(k.label)} {verb} {_q(k.use.word)} in its own voice" for k in keys)
    others = "; ".join(f"{whose(w.label)} {verb} {_q(w.use.word)}" for w in wrong)
    return (f"{chose}{frame}. {others}. The plain word reports the same thing without the "
            f"colour.")


def _write(uses: _Uses, place: str, keys: list[Wording], wrong: list[Wording]
           ) -> Question | None:
    chosen = _chosen_set(keys, wrong)
    if chosen is None:
        return None
    keys, wrong = chosen
    label = ""
    if place == CLAIM:
        label = shared_wording([w.use.sentence.text for w in keys + wrong], 2) or ""
        if not label:
            return None
    confidence, reasons = 1.0, []
    if place == ARTICLE:
        cut = [w.label for w in wrong if not uses.model.article(w.article).complete]
        if cut:
            confidence = CUT_OFF_CONFIDENCE
            reasons.append(f"the text of {names_list(cut)} may be cut off, so "
                           f"{'it' if len(cut) == 1 else 'they'} may use the loaded word further "
                           f"on")
    return question(KIND, _prompt(place, keys, wrong, label), [k.label for k in keys],
                    [w.label for w in wrong], _explanation(place, keys, wrong),
                    [w.use.sentence for w in keys + wrong], confidence, reasons)


_PLACES = ((HEADLINE, _headline_wordings), (CLAIM, _claim_wordings),
           (ARTICLE, _article_wordings))


def _question(uses: _Uses, key: TermUse) -> Question | None:
    """The surest comparison for a chosen loaded word: headline against headlines, then
    sentence against sentences telling the same claim, then article against articles."""
    for place, wordings in _PLACES:
        if place == HEADLINE and key.sentence.role != "headline":
            continue
        if place == CLAIM and key.sentence.role != "prose":
            continue
        found = _write(uses, place, *wordings(uses, key))
        if found is not None:
            return found
    return None


# --- the verb on a quotation ----------------------------------------------------------------------


def _voices(model, sayings: list[Saying]) -> list[Saying]:
    """One saying an outlet per text: copies of one text printing the same verb are one voice,
    not two outlets' choices."""
    copies = copies_of(model)
    kept: list[Saying] = []
    for one in sayings:
        if not any(one.verb == k.verb and k.quote.article in copies.get(one.quote.article, ())
                   for k in kept):
            kept.append(one)
    return kept


def _verb_choices(model, statement, key: Saying) -> tuple[list[Saying], list[Saying]]:
    """Outlets printing the key's words by a judging verb, and those printing them only by a
    plain one, each shown once; an outlet with any other verb on the statement is left out."""
    by_article: dict[str, list[Saying | None]] = {}
    for quote in statement.quotes:
        if model.outlet_of(quote.article) is None:
            continue
        shown = saying(model, quote)
        if not same_remark(quote.text, key.quote.text) and (shown is None or shown.plain):
            continue  # another remark of the statement, not judged: nothing to say of its verb
        by_article.setdefault(quote.article, []).append(shown)
    keys, wrong = [], []
    for article, shown in by_article.items():
        if any(s is None for s in shown):
            continue
        judged = [s for s in shown if not s.plain and same_remark(s.quote.text, key.quote.text)]
        if judged and not model.carries_copy(article):
            keys.append(judged[0])
        elif all(s.plain for s in shown):
            wrong.append(shown[0])
    return _voices(model, keys), _voices(model, wrong)


def _label_of(model, one: Saying) -> str:
    return model.outlet_of(one.quote.article).label


def _opening(text: str) -> str:
    found = text.split()
    return " ".join(found[:OPENING_WORDS]) + ("\u2026" if len(found) > OPENING_WORDS else "")


def _verb_question(model, statement, key: Saying) -> Question | None:
    keys, wrong = _verb_choices(model, statement, key)
    if not keys or len(wrong) < MIN_WRONG or len(keys) >= len(wrong):
        return None
    keys = keys[:MAX_CHOICES - MIN_WRONG]
    wrong = wrong[:MAX_CHOICES - len(keys)]
    speaker = model.entities.get(statement.speaker).name
    plain = names_list(list(dict.fromkeys(_q(w.verb) for w in wrong)), "or")
    prompt = (f"These outlets all quote {_own(speaker)} words {_q(_opening(key.quote.text))}. "
              f"{'Which outlet introduces' if len(keys) == 1 else 'Which outlets introduce'} "
              f"them with a verb that judges them, where the others use a plain {plain}?"
              f"{choose_all(len(keys))}")
    judged = "; ".join(f"{_label_of(model, k)} writes {_q(k.verb)}, which {k.suggests}"
                       for k in keys)
    plainly = names_list([f"{_label_of(model, w)} writes {_q(w.verb)}" for w in wrong])
    explanation = (f"{judged}. {plainly}: a plain verb reports the words without judging them. "
                   f"All print the same statement; the verb is each outlet\u2019s own choice, and "
                   f"a judging one tells the reader what to think of {_own(speaker)} words "
                   f"before they are read.")
    return question(KIND, prompt, [_label_of(model, k) for k in keys],
                    [_label_of(model, w) for w in wrong], explanation,
                    [s.sentence for s in keys + wrong])


def verb_questions(model) -> list[Question]:
    """Where outlets print one speaker's words, the outlet whose verb judges them."""
    found: list[Question] = []
    for statement in statements(model):
        if len(found) >= MAX_VERB_QUESTIONS:
            break
        for quote in statement.quotes:
            key = saying(model, quote)
            if key is None or key.plain or model.outlet_of(quote.article) is None:
                continue
            asked = _verb_question(model, statement, key)
            if asked is not None:
                found.append(asked)
                break
    return found


def write(model) -> list[Question]:
    uses = _Uses(model)
    candidates = [u for u in model.terms if uses.chosen(u) and model.outlet_of(u.article)
                  and u.sentence.role in ("prose", "headline") and not u.in_name]
    # The rarest loaded word first, headlines before prose: a framing few outlets chose.
    rarity = Counter((u.group.index, u.tone) for u in candidates)
    candidates.sort(key=lambda u: (rarity[(u.group.index, u.tone)], u.sentence.role != "headline"))
    questions: list[Question] = []
    asked: set[tuple[int, int]] = set()
    for use in candidates:
        if len(questions) >= MAX_QUESTIONS:
            break
        if (use.group.index, use.tone) in asked or uses.common(use):
            continue
        found = _question(uses, use)
        if found is not None:
            questions.append(found)
            asked.add((use.group.index, use.tone))
    return questions + verb_questions(model)

