"""What sort of speaker each person or body is, read from how the story introduces them: a body
(an organisation, agency, ministry, company, government), a public person (one holding an office
or role: "President", "a spokesman for", "Fire Chief", "CEO", or one the story names with no
introduction, as it names the famous) or a private person ("Jo Doe, a march attendee", "a
resident", "a weeping Jo Doe"). A question that offers its key among choices of other sorts
lets a student answer from the words alone: an ordinary voice among officials."""

from __future__ import annotations

import re

from quizapp.generators.reading.names import ORGANISATION, Entity
from quizapp.generators.reading.speech import role_word
from quizapp.generators.reading.text import fold, possessive_stripped, word_set

BODY = "body"
PUBLIC = "public"
PRIVATE = "private"

# Words that end a description's head: "a doctor in the town", "a choreographer who knew the
# passengers", "a maritime expert and historian".
_AFTER_HEAD = frozenset({"for", "of", "at", "in", "with", "from", "who", "whose", "which", "that",
                         "and", "or", "on", "to", "near", "since", "whom", "where", "when",
                         "after", "before", "during", "by", "as", "than"})
_PHRASE = r"([^,;:.!?\"\u201c\u201d\u201e()\n]{1,90})"
# "Jo Doe, a march attendee, said", "Jo Doe, 44, the fire chief": a description after the name.
_AFTER = re.compile(r"^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:a|an|the|one)\s+" + _PHRASE)
# "a doctor in the town, Jo Doe": a description before the name, set off by a comma.
_BEFORE_COMMA = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?)\s+" + _PHRASE + r",\s*$")
# "a weeping Jo Doe pleaded": only words in lower case between "a" and the name, so no title,
# and the name speaking right after ("comforting a dejected Jo" is a famous player consoled).
_INDEFINITE = re.compile(r"(?:^|\s)[Aa]n?\s+((?:[a-z][\w'\u2019-]*\s+){1,3})$")
_SPEAKS = re.compile(r"^\s+([a-z]+)")
# "Jo Doe, who lost five of his closest friends, ...": someone the story introduces by what
# befell them, as it introduces a bystander (round H7), never by an office.
_LOSS = re.compile(r"^\s*,\s*(?:who|whose)\s+(?:lost|survived|fled|escaped|(?:was|were|had been)\s+"
                   r"(?:injured|hurt|rescued|trapped|evacuated|made homeless)|home|house|son|"
                   r"daughter|husband|wife|mother|father|brother|sister|family|child|children)\b")
_WINDOW = 120  # characters either side of a mention that may hold its description


class Sorts:
    """Each person's and body's sort, read on first asking."""

    def __init__(self, entities, texts: dict[str, str]) -> None:
        self._entities, self._texts = entities, texts
        self._found: dict[str, str] = {}

    def of(self, key: str) -> str:
        """The entity's sort, or "" for a key the story does not name."""
        if key not in self._found:
            entity = self._entities.get(key)
            self._found[key] = sort_of(entity, self._texts) if entity is not None else ""
        return self._found[key]


def read_sorts(model) -> Sorts:
    return Sorts(model.entities, {reading.id: reading.text for reading in model.articles})


def sort_of(entity: Entity, texts: dict[str, str]) -> str:
    """BODY, PUBLIC or PRIVATE. A person read both ways is public (a resident who is also the
    mayor speaks as the mayor); one read neither way is public too, since the story would have
    introduced a private person."""
    if entity.kind == ORGANISATION:
        return BODY
    found = {_head_sort(role) for role in entity.roles}
    for mention in entity.mentions:
        text = texts.get(mention.article, "")
        before = text[max(0, mention.start - _WINDOW) : mention.start].rsplit("\n", 1)[-1]
        after = text[mention.end : mention.end + _WINDOW].split("\n", 1)[0]
        found |= _described(before, after)
    return PRIVATE if PRIVATE in found and PUBLIC not in found else PUBLIC


def _described(before: str, after: str) -> set[str]:
    """The sorts the descriptions around one mention give."""
    found = set()
    for pattern, text in ((_AFTER, after), (_BEFORE_COMMA, before)):
        match = pattern.search(text)
        if match:
            found.add(_head_sort(match.group(1)))
    if _LOSS.match(after):
        found.add(PRIVATE)
    match = _INDEFINITE.search(before)
    verb = _SPEAKS.match(after)
    if match and verb and verb.group(1) in word_set("speech_verbs") \
            and not set(map(fold, match.group(1).split())) & _AFTER_HEAD:
        # Officials are introduced by their title; "a weeping" or "a local" introduces someone
        # the reader is not expected to know.
        found.add(_head_sort(match.group(1)) or PRIVATE)
    return found - {""}


def _head_sort(phrase: str) -> str:
    """The sort a description's head word gives: "women's march attendee" -> PRIVATE, "governor
    of the province" -> PUBLIC, "Boston-based choreographer" -> "" (no reading)."""
    head: list[str] = []
    for word in phrase.split():
        if fold(word) in _AFTER_HEAD:
            break
        head.append(word)
    if not head:
        return ""
    last = fold(possessive_stripped(head[-1])).strip(".")
    if last in word_set("private_persons") or (
            last.endswith("s") and last[:-1] in word_set("private_persons")):
        return PRIVATE
    if any(role_word(w) and fold(w).strip(".") not in _HONORIFICS for w in head):
        return PUBLIC
    return ""


# A courtesy title says nothing of a person's sort: "Mr", "Ms", "Dr".
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
