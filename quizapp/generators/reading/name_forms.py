"""Whether a name, as the reading took it, is a whole name of a person, body or outlet that a
question may offer as a choice or key: never a title or abbreviation cut at its full stop ("Rev",
"U.S"), a piece of a longer name ("Reilly" of "O'Reilly", "Skating Union" of "U.S. Skating
Union", "Sean O"), a title alone, or a name that starts with the end of a two-word title
("General Ana Berg" of "Secretary General Ana Berg"). Every kind that offers names asks here."""
from __future__ import annotations

import re
from functools import lru_cache

from quizapp.generators.reading.speech import ROLES, role_word
from quizapp.generators.reading.text import fold

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
_CUT_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")  # "U.S" printed as "U.S."
_APOSTROPHE_BEFORE = re.compile(r"(?<![\w])[A-Za-z]['\u2019]$")  # "O'" before "Reilly"
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.)+|[A-Z][a-z]?\.)\s?$")  # "U.S. ", "St. "
_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+\s[A-Z]\.\s$")  # "Maria T. " before "Lopez"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s$")


def _title(word: str) -> bool:
    return role_word(word) is not None or fold(word).rstrip(".") in _HONORIFICS


def well_formed(form: str) -> bool:
    """The form alone: not a cut abbreviation, not ending in a lone letter, not an abbreviated
    title alone."""
    words = form.split()
    if not words or _CUT_ABBREVIATION.search(form):
        return False
    if len(words[-1]) == 1 and words[-1].isalpha():
        return False  # "Sean O" of "Sean O'Reilly"
    # "Rev", "Gen.": an abbreviated title cut from its name ("officials" is a described source)
    return not (len(words) == 1 and words[0][:1].isupper() and _title(words[0])
                and (len(words[0].rstrip(".")) <= 4 or words[0].endswith(".")))


def _glued(before: str, first: str) -> bool:
    """Whether what precedes a printing makes it the end of a longer name or title."""
    if _APOSTROPHE_BEFORE.search(before):
        return True
    abbreviation = _ABBREVIATION_BEFORE.search(before)
    if abbreviation and not _title(abbreviation.group(1)) and not _MIDDLE_INITIAL.search(before):
        return True
    word = _WORD_BEFORE.search(before)
    role = role_word(word.group(1)) if word else None
    return role is not None and f"{role}-{fold(first)}" in ROLES


def printed_whole(texts: tuple[str, ...], form: str) -> bool:
    """Whether some printing of the form stands on its own; True when the texts never print it
    as it is (a form joined from variants), since then nothing says it was cut."""
    pattern = re.compile(r"(?<![\w'\u2019.-])" + re.escape(form) + r"(?![\w]|['\u2019]\w)")
    first = form.split()[0]
    seen = False
    for text in texts:
        for match in pattern.finditer(text):
            seen = True
            if not _glued(text[max(0, match.start() - 30):match.start()], first):
                return True
    return not seen


@lru_cache(maxsize=4096)
def whole_in(texts: tuple[str, ...], form: str) -> bool:
    """Whether `form` is a whole name in these texts (see the module's docstring)."""
    return well_formed(form) and printed_whole(texts, " ".join(form.split()))


def is_whole_name(model, form: str) -> bool:
    """Whether `form` is a whole name in the story's articles."""
    return whole_in(tuple(reading.text for reading in model.articles), form)
