"""The verb an outlet puts on a quotation, and what it says of the words: a plain "said", or a
verb that judges them ("admitted", "claimed", "insisted", "slammed"), as data/said_verbs.txt
sorts them. Read only where the verb stands in the quotation's own sentence in the outlet's
voice: outside every quotation mark and, for a judging verb, not in a sentence passing on a
report ("CNN reports that ... admitted", "according to ..."), whose verb may be the reporter's."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizapp.generators.reading.articles import Passage
from quizapp.generators.reading.quotations import Quotation
from quizapp.generators.reading.text import fold, word_list

PLAIN = "plain"
# A sentence passing on a report: the verb in it is the reporter's, not the outlet's.
REPORTED = re.compile(r"\b(?:according to|reports?|reported|reporting)\b")


@dataclass(frozen=True)
class Saying:
    """How an outlet introduces one quotation: the verb, as printed, and what it tells."""

    quote: Quotation
    verb: str
    plain: bool
    suggests: str  # "casts doubt on the words, ...": the verb's judgement, for an explanation

    @property
    def sentence(self) -> Passage:
        return self.quote.sentence


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[bool, str]]:
    """Each listed form -> (plain, what it suggests)."""
    found: dict[str, tuple[bool, str]] = {}
    for line in word_list("said_verbs"):
        forms, _, suggests = line.partition("|")
        plain = forms.startswith(f"{PLAIN}:")
        forms = forms.removeprefix(f"{PLAIN}:")
        for form in forms.split("="):
            found[form.strip()] = (plain, suggests.strip(" ()"))
    return found


def saying(model, quote: Quotation) -> Saying | None:
    """The plain or judging verb that introduces `quote` in its outlet's own voice; None for a
    verb no list holds ("noted", "warned"), or one the sentence does not show as the outlet's."""
    verb = fold(quote.verb)
    if verb not in _verbs() or quote.weak or quote.continued:
        return None
    narration = _narration(model, quote)
    found = re.search(rf"(?<![\w'\u2019])({re.escape(verb)})\b", narration)
    if found is None:
        return None  # tied from another sentence: the student could not see the verb here
    plain, suggests = _verbs()[verb]
    if not plain and REPORTED.search(narration):
        return None
    return Saying(quote, quote.sentence.text[found.start(): found.end()], plain, suggests)


def _narration(model, quote: Quotation) -> str:
    """The quotation's sentence, folded, with every quotation in it blanked out: what the
    outlet says in its own voice."""
    sentence = quote.sentence
    text = list(fold(sentence.text))
    for other in model.quotations.in_article(quote.article):
        start, end = max(other.words.start, sentence.start), min(other.words.end, sentence.end)
        for i in range(start - sentence.start, end - sentence.start):
            text[i] = " "
    return "".join(text)

