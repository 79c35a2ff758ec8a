"""Questions on a name that outlets spell differently: which outlet writes which form. Two
romanisations of a name from another alphabet are explained as such, a name written with and
without a space as that. A slip of a letter teaches something only when outlets share it, a clue
that one copied the other; one outlet's slip alone goes to review. Each wrong outlet prints the
other form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.generators.reading.names import Entity, plain, word_difference
from quizapp.generators.writing.choices import choose_all, names_list, question

KIND = "name_spelling"

MAX_QUESTIONS = 3
LONE_SLIP = 0.6  # one outlet's typo or spacing in a name is trivia unless others share it
MIN_CHOICES = 3
MAX_CHOICES = 5
ASKED = ("slip", "transliteration", "spacing")  # case and accents teach nothing here


@dataclass(frozen=True)
class _Pair:
    """Two spellings of one part of a name: `rare` printed by fewer outlets than `common`."""

    entity: Entity
    rare: str
    common: str
    kind: str  # one of ASKED


def write(model) -> list:
    """At most one question a name: its slip printed by the fewest outlets first."""
    found, asked = [], set()
    made = [(pair, _question(model, pair)) for pair in _pairs(model)]
    made = [(pair, q) for pair, q in made if q is not None]
    made.sort(key=lambda pq: (ASKED.index(pq[0].kind) != 0, len(pq[1].answer), -len(pq[1].choices)))
    for pair, made_question in made:
        if pair.entity.key in asked or len(found) >= MAX_QUESTIONS:
            continue
        asked.add(pair.entity.key)
        found.append(made_question)
    return found


def _pairs(model) -> list[_Pair]:
    """Words of a name that outlets spell two ways, from the variants names.py clustered."""
    found: dict[tuple[str, str, str], _Pair] = {}
    for entity in model.entities.all:
        if entity.outlet:
            continue
        for variant in entity.variants:
            for other in entity.variants:
                # The form fewer articles print is asked about; of two printed as often
                # ("Wierzbicki" and "Wierzbicky" twice each), either.
                if len(other.articles) < len(variant.articles) or other.form == variant.form:
                    continue
                for rare, common, kind in _differing_words(variant.form, other.form):
                    found.setdefault(
                        (entity.key, plain(rare), plain(common)), _Pair(entity, rare, common, kind)
                    )
    return sorted(found.values(), key=lambda p: (-len(p.entity.articles), p.entity.key, p.rare))


def _differing_words(form: str, standard: str) -> list[tuple[str, str, str]]:
    """(word as `form` prints it, as `standard` prints it, how they differ) for each word
    spelled otherwise; the two whole forms when they differ by a space."""
    fa, fs = form.split(), standard.split()
    if len(fa) != len(fs):
        kind = word_difference("".join(fa), "".join(fs))
        return [(form, standard, "spacing")] if kind in ("", "case", "spacing") else []
    found = []
    for i, (a, s) in enumerate(zip(fa, fs, strict=True)):
        kind = word_difference(a, s)
        if kind == "other" and len(a) <= 3 and len(s) <= 3:
            kind = "slip"  # "de Silva" for "da Silva"
        if kind == "slip" and _plural(a, s):
            continue  # "three Super Bowls": a plural or a possessive, not a respelling
        if kind in ASKED:
            # A short word ("de") is shown with its neighbours, so the prompt says which name.
            if len(a) <= 3:
                lo, hi = max(0, i - 1), min(len(fa), i + 2)
                found.append((" ".join(fa[lo:hi]), " ".join(fs[lo:hi]), kind))
            else:
                found.append((a, s, kind))
    return found


def _plural(a: str, b: str) -> bool:
    """One word is the other with an ending "s" or "es" added."""
    a, b = plain(a), plain(b)
    short, long_ = sorted((a, b), key=len)
    return long_ in (short + "s", short + "es")


def _prints(text: str, words: str) -> bool:
    """Whether `text` prints `words` as whole words, accents and case aside but each letter."""
    return (
        re.search(r"(?<![\w-])" + re.escape(plain(words)) + r"(?![\w-])", plain(text)) is not None
    )


def _sentence(model, article_id: str, words: str):
    """The first sentence of the article's report (no headline, caption or cut-off end) that
    prints `words`."""
    reading = model.article(article_id)
    for sentence in reading.sentences:
        if sentence.role != "prose" or (
            not sentence.finished and sentence is reading.last_sentence
        ):
            continue
        if _prints(sentence.text, words):
            return sentence
    return None


def _sides(model, pair: _Pair):
    """The outlets printing the rare form (keys), those printing the common one only (wrong),
    the evidence of each, and those printing the rare form only where their text breaks off."""
    keys, wrong, evidence, cut, cut_ids = [], [], {}, [], []
    for reading in model.articles:
        if model.outlet_of(reading.id) is None:
            continue
        rare = _sentence(model, reading.id, pair.rare)
        common = _sentence(model, reading.id, pair.common)
        if rare is not None and _prints(reading.text, pair.common):
            continue  # it prints both forms: a slip in passing, neither side of the question
        if rare is not None:
            keys.append(reading.id)
            evidence[reading.id] = rare
        elif common is not None and not _prints(reading.text, pair.rare):
            wrong.append(reading.id)
            evidence[reading.id] = common
        elif _prints(reading.text, pair.rare):
            cut.append(model.outlet_of(reading.id).label)  # only where its text breaks off
            cut_ids.append(reading.id)
    return keys, wrong, evidence, cut, cut_ids


def _question(model, pair: _Pair):
    keys, wrong, evidence, cut, cut_ids = _sides(model, pair)
    if not keys or len(keys) > len(wrong):
        return None
    most = len(wrong) > len(keys)
    wrong = wrong[: MAX_CHOICES - len(keys)]
    if len(keys) + len(wrong) < MIN_CHOICES:
        return None
    label = {a: model.outlet_of(a).label for a in [*keys, *wrong]}
    if len(set(label.values())) != len(label):
        return None
    # Only the asked form is in quotation marks: the name as most outlets print it stands
    # plain beside it, so a student sees both without a second quoted form to match.
    # "Spells differently", not "two ways": other words of the name may vary too.
    prompt = (
        f"Outlets spell the name {_common_name(pair)} differently. Which outlet"
        f"{'s' if len(keys) > 1 else ''} write{'' if len(keys) > 1 else 's'} it "
        f"\u201c{pair.rare}\u201d?{choose_all(len(keys))}"
    )
    confidence, reasons = 1.0, []
    sharers = [label[k] for k in keys] + cut
    if pair.kind in ("slip", "spacing") and len(sharers) < 2:
        confidence = LONE_SLIP
        reasons.append(f"one outlet's {'slip of a letter' if pair.kind == 'slip' else 'spacing'}"
                       " in a name teaches little about how news is made")
    return question(
        KIND,
        prompt,
        [label[k] for k in keys],
        [label[w] for w in wrong],
        _explanation(pair, [label[k] for k in keys], [label[w] for w in wrong], most,
                     shared=len(sharers) > 1)
        + _breaking_off(cut, pair.rare)
        + _copied(model, pair, [*keys, *cut_ids]),
        [evidence[a] for a in [*keys, *wrong]],
        confidence,
        reasons,
    )


def _copied(model, pair: _Pair, sharing: list[str]) -> str:
    """When outlets that share a slip also share their text, say so: a shared slip is how a
    copy gives itself away."""
    if pair.kind != "slip" or len(sharing) < 2:
        return ""
    pairs = [
        shared for shared in model.shared_texts
        if shared.copy and shared.a in sharing and shared.b in sharing
    ]
    if not pairs:
        return ""
    outlets = sorted({model.outlet_of(a).label for p in pairs for a in (p.a, p.b)})
    return (
        f" {names_list(outlets)} also carry much the same text, sentence for sentence: the "
        f"shared slip is a sign that one copied the other."
    )


def _breaking_off(outlets: list[str], rare: str) -> str:
    """Outlets that print the form only where their text breaks off: not offered, but worth
    saying, since a shared slip is a clue to copying."""
    if not outlets:
        return ""
    return (
        f" {names_list(sorted(outlets))} also print{'s' if len(outlets) == 1 else ''} "
        f"\u201c{rare}\u201d, in a sentence cut off where the text we have ends."
    )


def _common_name(pair: _Pair) -> str:
    """The fullest form of the name that prints the common spelling."""
    printed = [
        v for v in pair.entity.variants if v.spelling != "slip" and _prints(v.form, pair.common)
        and not v.form.isupper()  # a shouted tweet or banner ("JUDGE SENTENCES SAM ...")
    ]
    if not printed:
        return pair.common
    return max(printed, key=lambda v: (len(v.form.split()), len(v.articles), v.form)).form


def _explanation(pair: _Pair, keys: list[str], wrong: list[str], most: bool,
                 shared: bool = False) -> str:
    one = len(keys) == 1
    said = (
        f"{names_list(sorted(keys))} write{'s' if one else ''} \u201c{pair.rare}\u201d; "
        f"{names_list(sorted(wrong))} write{'s' if len(wrong) == 1 else ''} "
        f"\u201c{pair.common}\u201d{', as most outlets here do' if most else ''}."
    )
    if pair.kind == "transliteration":
        why = (
            "The two look like romanisations of a name first written in another alphabet, "
            "which outlets spell in Latin letters in different ways: search for every spelling "
            "when you check what outlets report about someone."
        )
    elif pair.kind == "spacing":
        why = (
            "One name is written with and without a space: a search for one form can miss "
            "reports that use the other."
        )
    elif shared:
        why = (
            "The forms differ by a letter or two: a spelling slip, and slips are rarely made "
            "twice by chance."
        )
    else:
        why = (
            (
                "The forms differ by a letter or two: a spelling slip, not another name. Check a "
                "name against other reports before repeating it."
            )
            if most
            else (
                "The forms differ by a letter or two, so one of them is a spelling slip: check the "
                "name against other reports before repeating it."
            )
        )
        if not one:
            why += " When outlets share a slip, check whether one copied the other."
    return f"{said} {why}"
