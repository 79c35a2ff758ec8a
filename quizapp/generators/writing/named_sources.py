"""The people and bodies a story names as sources (quoted, or the subject of a verb of saying)
that may stand as wrong answers to "who gave the figure of N?": never the key or anyone who
may speak for it, never anyone the figure's own sentence names, and never anyone any outlet
credits with the same amount, so each is wrong whatever page a student checks."""
from __future__ import annotations

import re

from quizapp.generators.reading.details import singular
from quizapp.generators.reading.facts import interval
from quizapp.generators.reading.figures import Figure, source_verbs
from quizapp.generators.reading.names import PERSON, Entity
from quizapp.generators.reading.text import fold, word_set
from quizapp.generators.writing.sources import is_name


def affiliated(model, a: str, b: str) -> bool:
    """Whether the story writes one of two printed names as speaking for the other ("Acme CEO
    Jo Doe", "Jo Doe, Acme's head of ...")."""
    ea, eb = model.entities.find(a), model.entities.find(b)
    return ea is not None and eb is not None and model.entities.affiliated(ea.key, eb.key)


def described_only(name: str) -> bool:
    """A source written only as what it is ("Authorities", "Police", "the agency"): it may be
    any of the story's bodies, so it is neither a sure key nor a sure wrong answer."""
    described = word_set("roles") | word_set("organisation_words") | word_set("body_nouns")
    words = [w for w in re.findall(r"[a-z]+", fold(name)) if w not in ("the", "a", "an")]
    return all(w in described or singular(w) in described for w in words)


# A bare round number ("10,000") is read as itself give or take this share, however round:
# "10,000" is no one's "about 12,000", while "2 million" may be "2,031,220".
ROUNDING = 0.05


def _amounts(figure: Figure) -> tuple[float, float]:
    low, high = interval(figure)
    if not figure.qualifier:
        top = figure.high if figure.high is not None else figure.value
        low = max(low, figure.value - ROUNDING * abs(figure.value))
        high = min(high, top + ROUNDING * abs(top))
    return low, high


def may_be_same(a: Figure, b: Figure) -> bool:
    """Whether two figures may give one amount, read as quantities with their qualifiers and
    ranges: "more than 11,000" may be "about 12,000"; an amount in another currency or unit may
    be any amount of its kind."""
    if a.category != b.category:
        return False
    if a.unit != b.unit:
        return True
    (a_low, a_high), (b_low, b_high) = _amounts(a), _amounts(b)
    return a_low <= b_high and b_low <= a_high


def _givers(model, figure: Figure) -> list[Figure]:
    """Every figure of the story that may give the same amount, whatever fact the reading put
    it in."""
    return [other for other in model.figures if may_be_same(other, figure)]


def _credited_with(model, entity: Entity, other: Figure) -> bool:
    """Whether a sentence giving the amount credits it to the entity: as its source, as the one
    it was told to, in its attributing words, or, where the reading names no one source, by
    naming the entity at all."""
    if other.source.kind in ("named", "unnamed"):
        return any(_printed(entity, words) for words in
                   (other.source.name, other.source.via, other.source.words) if words)
    return other.source.kind == "unclear" and _printed(entity, other.sentence.text)


def _printed(entity: Entity, text: str) -> bool:
    """Whether a text names the entity in any form the story prints it in."""
    low = fold(text)
    return any(re.search(r"(?<!\w)" + re.escape(fold(form)) + r"(?!\w)", low)
               for form in entity.forms if len(form) > 2)


def _within(a: str, b: str) -> bool:
    """One name printed inside the other: two forms of one body."""
    a, b = fold(a).removeprefix("the "), fold(b).removeprefix("the ")
    return a in b or b in a


def _known_outlet(name: str) -> bool:
    """An outlet or agency by the name the lists know: a page's run-together words ("Wall Street
    Journalfirst") are no choice."""
    names = word_set("news_outlets") | word_set("news_agencies")
    return fold(name) in names or fold(name).removeprefix("the ") in names


def _candidates(model, figure: Figure) -> list[Entity]:
    quoted = {q.speaker for q in model.quotations.all if q.speaker}
    article_text = model.article(figure.article).text
    found = []
    gives = source_verbs() | {"according to"}
    for entity in model.entities.all:
        if not (entity.verbs & gives or entity.key in quoted):
            continue  # "Hurricane Michael slammed ...": an actor, not a source
        if entity.outlet and (not _known_outlet(entity.name) or _printed(entity, article_text)):
            continue  # the agency that carried the article may be read as its source
        found.append(entity)
    return found


def named_sources(model, figure: Figure, key: str, taken: list[str]) -> list[str]:
    """Sources the story names that are plainly not the figure's, the key's kind first (people
    for a person, bodies for a body), the most widely named first."""
    key_entity = model.entities.find(key)
    key_kind = key_entity.kind if key_entity is not None else ""
    givers = _givers(model, figure)
    found: list[tuple[int, int, str]] = []
    for entity in _candidates(model, figure):
        name = entity.name
        if not is_name(model, name) or described_only(name) or entity is key_entity \
                or _printed(entity, figure.sentence.text):
            continue
        if any(model.entities.same_name(name, seen) or affiliated(model, name, seen)
               for seen in [key, *taken]) \
                or any(_within(name, seen) for seen in [key, *taken, *(n for *_, n in found)]):
            continue  # "U.S. Figure Skating" beside "the U.S. Figure Skating Association"
        if figure.source.via and model.entities.same_name(name, figure.source.via):
            continue
        if any(_credited_with(model, entity, other) for other in givers):
            continue  # an outlet credits it with the same amount
        articles = {m.article for m in entity.mentions}
        other_kind = int(bool(key_kind) and entity.kind != key_kind
                         or not key_kind and entity.kind == PERSON)
        found.append((other_kind, -len(articles), _as_printed(model, entity)))
    return [name for _, _, name in sorted(found)]


def _as_printed(model, entity: Entity) -> str:
    """A body's name with the "the" the story prints before it ("the Norland Weather Office"),
    so no choice stands out as the only one written in full."""
    if entity.kind == PERSON:
        return entity.name
    def with_the(mention) -> bool:
        text = model.article(mention.article).text
        return fold(text[max(0, mention.start - 4):mention.start]) == "the " \
            and not re.match(r"\s+[A-Z]", text[mention.end:])  # not "the Acme Association"
    return f"the {entity.name}" if any(with_the(m) for m in entity.mentions) else entity.name
