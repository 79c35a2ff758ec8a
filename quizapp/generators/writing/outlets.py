"""Outlets as choices: the story's articles grouped by publisher, and questions whose choices are
outlets, built only when the evidence shows each keyed outlet carries the detail and each
wrong outlet's whole text does not."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from quizapp.generators import gate as verify
from quizapp.generators.reading.details import (
    Figure, Name, carries_count, carries_number, may_mention, sentence_naming, story_names,
)
from quizapp.generators.model import Article, Evidence, Question, Story
from quizapp.generators.reading.text import fold, word_list

MAX_DISTRACTORS = 3


@dataclass(frozen=True)
class Outlet:
    """One publisher: every article of the story that carries its name."""
    name: str
    articles: tuple[Article, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(article.text for article in self.articles)


def story_outlets(story: Story) -> tuple[Outlet, ...]:
    """The story's named outlets in the order their first article appears; articles with no
    outlet are left out (a choice must be a name), and one outlet's articles count together."""
    grouped: dict[str, list[Article]] = {}
    names: dict[str, str] = {}
    for article in story.articles:
        name = " ".join(article.outlet.split())
        if not name:
            continue
        grouped.setdefault(fold(name), []).append(article)
        names.setdefault(fold(name), name)
    return tuple(Outlet(names[key], tuple(articles)) for key, articles in grouped.items())


@lru_cache(maxsize=1)
def agencies() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name a choice shows, every form of it) for each news agency of the world list."""
    found = []
    for line in word_list("news_agencies"):
        forms = tuple(f.strip() for f in line.split("|") if f.strip())
        found.append((forms[0], forms))
    return tuple(found)


def agency_forms() -> list[str]:
    return [form for _, forms in agencies() for form in forms]


# --- which outlets carry a detail ------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """Which outlets carry a detail, which plainly do not, with the carriers' sentences."""
    carriers: tuple[Outlet, ...]
    evidence: tuple[Evidence, ...]
    lackers: tuple[Outlet, ...]


def figure_spread(outlets: tuple[Outlet, ...], figure: Figure) -> Spread:
    carriers, evidence, lackers = [], [], []
    for outlet in outlets:
        sentence = carries_count(outlet.text, figure)
        found = evidence_in(outlet, sentence.text) if sentence else None
        if found:
            carriers.append(outlet)
            evidence.append(found)
        elif not carries_number(outlet.text, figure.value, figure.scale):
            lackers.append(outlet)
        # An outlet with the number but not this count is neither: it is left out of the choices.
    return Spread(tuple(carriers), tuple(evidence), tuple(lackers))


def name_spread(outlets: tuple[Outlet, ...], name: Name) -> Spread:
    carriers, evidence, lackers = [], [], []
    for outlet in outlets:
        sentence = sentence_naming(outlet.text, name.text)
        found = evidence_in(outlet, sentence.text) if sentence else None
        if found:
            carriers.append(outlet)
            evidence.append(found)
        elif not may_mention(outlet.text, name):
            lackers.append(outlet)
    return Spread(tuple(carriers), tuple(evidence), tuple(lackers))


def distinctive_names(story: Story, outlets: tuple[Outlet, ...]) -> list[Name]:
    """Names worth comparing outlets on: not an outlet's own name, not a news agency."""
    own = {fold(o.name) for o in outlets} | {fold(form) for form in agency_forms()}
    return [name for name in story_names(story)
            if name.key not in own and not any(name.key in o or o in name.key for o in own if len(o) > 3)]


# --- outlet questions -------------------------------------------------------------------------


def ordered(prompt: str, choices: Iterable[str]) -> list[str]:
    """Choices in an order fixed by the prompt, so the key's place varies between questions but
    never between runs."""
    return sorted(set(choices), key=lambda c: hashlib.sha1(f"{prompt}\x1f{c}".encode()).hexdigest())


def choice_question(kind: str, skill: str, prompt: str, keys: list[str], wrong: list[str],
                    explanation: str, evidence: list[Evidence]) -> Question:
    choices = ordered(prompt, [*keys, *wrong])
    answer = tuple(sorted(choices.index(k) for k in set(keys)))
    return Question(kind, skill, prompt, tuple(choices), answer, explanation, tuple(evidence))


def distractors(candidates: list[Outlet], salt: str, limit: int = MAX_DISTRACTORS) -> list[Outlet]:
    """Up to `limit` wrong outlets, picked by a hash of `salt` so picks vary but stay fixed."""
    return sorted(candidates, key=lambda o: hashlib.sha1(f"{salt}\x1f{o.name}".encode()).hexdigest())[:limit]


def evidence_in(outlet: Outlet, passage: str) -> Evidence | None:
    """`passage` as evidence from whichever of the outlet's articles holds it exactly."""
    for article in outlet.articles:
        if passage and passage in article.text:
            return Evidence(article.id, passage)
    return None


def outlet_question(
    story: Story, kind: str, skill: str, prompt: str, *, keys: list[Outlet], wrong: list[Outlet],
    evidence: list[Evidence], explanation: str,
    key_holds: Callable[[str], bool] | None, wrong_holds: Callable[[Outlet], bool],
    key_lacks: Callable[[Outlet], bool] | None = None,
) -> Question | None:
    """A question whose choices are outlets, or None unless it proves itself: every keyed outlet
    has an evidence passage for which `key_holds(passage)` is true (or, when the key is an
    absence, passes `key_lacks(outlet)` over its whole text), every wrong outlet passes
    `wrong_holds(outlet)`, and verify.py finds nothing wrong."""
    if not keys or not wrong or {o.name for o in keys} & {o.name for o in wrong}:
        return None
    if (key_holds is None) == (key_lacks is None):
        raise ValueError("a key is proven either by its passages or by an absence")
    by_article = {article.id: outlet for outlet in (*keys, *wrong) for article in outlet.articles}
    for outlet in keys:
        own = [e for e in evidence if by_article.get(e.article) is outlet]
        if key_lacks is not None and not key_lacks(outlet):
            return None
        if key_holds is not None and not any(key_holds(e.text) for e in own):
            return None
    if not all(wrong_holds(outlet) for outlet in wrong):
        return None
    question = choice_question(kind, skill, prompt, [o.name for o in keys], [o.name for o in wrong],
                               explanation, evidence)
    return question if verify.is_sound(question, story) else None


def names_list(names: list[str], conjunction: str = "and") -> str:
    """"A", "A and B", "A, B and C" (or "A, B or C")."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def which_outlets(count: int) -> str:
    return "Which outlet" if count == 1 else "Which outlets"


def choose_all(count: int) -> str:
    return "" if count == 1 else " Choose all that apply."
