"""Whether a figure's source, as the reading took it from its sentence, is a name a question may
print: a person, a body or an outlet ("Ann Lee", "the Fire Service", "Reuters"), or a described
source ("the coastguard", "emergency services", "crowd scientists"). Never a piece of the sentence that happened to
stand where a source stands: a capitalised sentence opener ("Conflicting reports emerged ...",
"Initial reports suggest ..."), a count ("only two survivors"), an adjective ("Official")."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators.reading.details import singular
from quizapp.generators.reading.name_forms import is_whole_name
from quizapp.generators.reading.quantities import spelled_value
from quizapp.generators.reading.text import fold, word_set

# Little words a body's name may hold in lower case: "Ministry of Health", "Doctors without
# Borders".
_JOINERS = frozenset({"of", "for", "and", "on", "the", "de", "without", "&"})
_ARTICLES = frozenset({"the", "a", "an"})


@lru_cache(maxsize=1)
def _described() -> frozenset[str]:
    """Nouns that make a phrase a described source: a role ("officials"), a body ("agency",
    "services"), a kind of organisation ("regulator")."""
    return frozenset(w.rstrip(" *") for w in word_set("roles")) | _bodies()


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    return word_set("organisation_words") | word_set("body_nouns")


def _counts(words: list[str]) -> bool:
    """A phrase holding a number or "only": a count ("only two survivors"), not who counted."""
    return any(re.search(r"\d", w) or spelled_value(fold(w)) is not None or fold(w) == "only"
               for w in words)


_MID_SENTENCE = re.compile(r"(?:[a-z,;:]|\bthe)[ \t]+([A-Z]\w*)")


@lru_cache(maxsize=4)
def _mid_sentence_words(model) -> frozenset[str]:
    """Capitalised words the story prints inside a sentence, after a lower-case word or a comma:
    read once a story, so a story of many articles stays linear."""
    return frozenset(word for reading in model.articles
                     for word in _MID_SENTENCE.findall(reading.text))


def _named_mid_sentence(model, word: str) -> bool:
    """A single capitalised word the story also prints inside a sentence: its capital is its
    own, not the sentence's."""
    return word in _mid_sentence_words(model)


_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def _after_title(words: list[str]) -> list[str] | None:
    """The words after a lower-case title ("its lawyer", "senior adviser"), None if none."""
    at = 1 if fold(words[0]) in _POSSESSIVES else 0
    start = at
    while at < len(words) and words[at].islower() and (
            singular(words[at]) in _described() or fold(words[at]) in word_set("role_modifiers")):
        at += 1
    return words[at:] if at > start else None


def is_name(model, name: str) -> bool:
    """Whether `name`, as a figure's source, names someone (see the module's docstring)."""
    if not is_whole_name(model, name):
        return False  # "U.S" of "U.S. Geological Survey", "Reilly" of "O'Reilly"
    words = re.sub(r"['\u2019]s\b", "", name).split()
    definite = bool(words) and fold(words[0]) == "the"
    while words and fold(words[0]) in _ARTICLES:
        words = words[1:]
    if not words or _counts(words):
        return False
    if definite:
        return True  # a definite description: "the coastguard", "the port authority"
    head = words[-1].strip(".,")
    if len(words) == 1 and fold(head) == singular(head) and fold(head) not in _bodies():
        pass  # a lone singular role ("Official figures ...") is an adjective or a label
    elif singular(head) in _described() or fold(head) in _described():
        return True
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    titled = _after_title(words)
    if titled is not None and len(titled) >= 2 and all(w[:1].isupper() for w in titled):
        return True  # "its lawyer Ana Holt": a title, then the name
    if len(words) >= 2:
        return len(capitalised) >= 2 and all(w in capitalised or fold(w) in _JOINERS
                                              for w in words)
    word = words[0]
    if word.isupper() and len(word) >= 2:
        return True  # an acronym: "AFP", "NHTSA"
    return word[:1].isupper() and _named_mid_sentence(model, word)
