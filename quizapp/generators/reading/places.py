"""Whether the story uses a name as a place: "in Thailand", "across neighbouring Thailand",
"Thailand's capital". A place credited with a figure ("Thailand reported 10 deaths") names no
one who counted it: a student can check no source by it."""
from __future__ import annotations

import re
from functools import lru_cache

# One lower-case word may stand between the preposition and the name: "in neighbouring X".
_BEFORE = r"\b(?:in|across|throughout|inside)\s+(?:[a-z-]+\s+)?"
_AFTER = r"['\u2019]s\s+(?:capital|border|borders|north|south|east|west|coast|provinces?|regions?)\b"


@lru_cache(maxsize=256)
def _pattern(name: str) -> re.Pattern[str]:
    escaped = re.escape(name)
    return re.compile(_BEFORE + escaped + r"(?![\w'\u2019])|(?<!\w)" + escaped + _AFTER)


def used_as_place(texts, name: str) -> bool:
    """Whether any of `texts` writes `name` (as given, capitalised) as a place."""
    if not name[:1].isupper() or " " in name.strip():
        return False  # a place credited alone is one word: "Thailand", not "the Thai army"
    pattern = _pattern(name.strip())
    return any(pattern.search(text) for text in texts)
