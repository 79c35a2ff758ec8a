"""Ranks an outlet gives in its own words: "the country's 15th-largest bank", "the 16th largest
bank", "the second-deadliest quake". Outlets ranking one thing differently is a disagreement a
reader can check (which list, by what measure, as of when), and no figure reading sees it: an
ordinal is no count."""
from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.generators.reading.articles import Passage
from quizapp.generators.reading.text import fold, quotations, word_set

_ORDINAL_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
_SUPERLATIVES = ("largest", "biggest", "smallest", "richest", "busiest", "deadliest", "worst",
                 "costliest", "strongest", "tallest", "oldest", "highest", "lowest")
_RANK = re.compile(r"(?<![\w-])(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS)
                   + r")[-\s](?P<superlative>" + "|".join(_SUPERLATIVES)
                   + r")\s+(?P<rest>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)", re.IGNORECASE)
# Words that end the ranked noun: "the 16th-largest bank in the US", "… bank failure since …".
_STOP = frozenset({"in", "of", "on", "since", "after", "by", "to", "for", "with", "and", "or",
                   "that", "which", "who", "ever", "yet", "so", "as", "at", "from", "than"})


@dataclass(frozen=True)
class Rank:
    article: str
    passage: Passage  # the rank as written: "15th-largest bank"
    sentence: Passage  # the sentence that gives it
    ordinal: int
    superlative: str  # "largest"
    noun: str  # what is ranked, lower case: "bank", "bank failure"

    @property
    def thing(self) -> tuple[str, str]:
        return self.superlative, self.noun


def _ordinal(text: str) -> int:
    low = fold(text)
    return _ORDINAL_WORDS.get(low) or int(re.match(r"\d+", low).group())


def _noun(rest: str) -> str:
    words = []
    for word in fold(rest).split():
        if word in _STOP or word in word_set("function_words"):
            break
        words.append(word)
    return " ".join(words)


def read_ranks(model) -> tuple[Rank, ...]:
    """Every rank given in an article's own prose (not a headline, a caption or a quotation)."""
    found = []
    for reading in model.articles:
        for sentence in reading.sentences:
            if sentence.role != "prose" or not sentence.finished:
                continue
            quoted = quotations(sentence.text)
            for m in _RANK.finditer(sentence.text):
                noun = _noun(m.group("rest"))
                if not noun or any(q.start <= m.start() < q.end for q in quoted):
                    continue
                end = m.start("rest") + len(m.group("rest").split()[0]) if " " not in noun \
                    else m.end("rest")
                start = sentence.start + m.start()
                found.append(Rank(reading.id, reading.passage(start, sentence.start + end),
                                  reading.passage(sentence.start, sentence.end),
                                  _ordinal(m.group("ordinal")), fold(m.group("superlative")),
                                  noun))
    return tuple(found)
