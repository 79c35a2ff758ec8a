"""Questions on a name that outlets spell differently (a transliteration or a dropped letter):
two near-identical capitalised names used in the same context, each carried by different
articles. Keys rest only on which article texts contain each spelling as a whole word."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from quizapp.generators.model import Evidence, Question, Story
from quizapp.generators.reading.speakers import story_speech
from quizapp.generators.writing.outlets import Outlet, names_list, story_outlets
from quizapp.generators.reading.text import contains_word, find_all, fold, sentence_at, sentences, tokens, word_set

KIND = "name_spelling"
SKILL = "names"

MIN_LENGTH = 5
SIMILARITY = 0.85
MAX_QUESTIONS = 4


@dataclass
class _Usage:
    spelling: str  # as written, possessive ending dropped
    articles: set[str] = field(default_factory=set)
    mid_sentence: bool = False  # capitalised where a sentence does not begin: a name
    first_names: set[str] = field(default_factory=set)  # capitalised word right before it
    neighbours: set[str] = field(default_factory=set)  # meaningful words beside it


def _ignored(word: str) -> bool:
    low = fold(word)
    return (low in word_set("name_stopwords") or low in word_set("calendar_words")
            or low in word_set("function_words") or low in word_set("speech_verbs"))


def _usages(story: Story) -> dict[str, _Usage]:
    found: dict[str, _Usage] = {}
    for article in story.articles:
        text = article.text
        starts = {s.start for s in sentences(text)}
        toks = tokens(text)
        for k, token in enumerate(toks):
            if not token.is_word or not token.is_capitalised or not token.text[0].isalpha():
                continue
            spelling = token.bare
            if len(spelling) < MIN_LENGTH or _ignored(spelling) or spelling.isupper():
                continue
            usage = found.setdefault(spelling, _Usage(spelling))
            usage.articles.add(article.id)
            prev = toks[k - 1] if k else None
            after_opening = prev is not None and not prev.is_word and prev.text not in ",;"
            if token.start not in starts and not after_opening:
                usage.mid_sentence = True
            if prev is not None and prev.is_word and prev.is_capitalised and not _ignored(prev.bare) \
                    and text[prev.end:token.start] == " ":
                usage.first_names.add(fold(prev.bare))
            for near in (prev, toks[k + 1] if k + 1 < len(toks) else None):
                if near is not None and near.is_word and not _ignored(near.bare):
                    usage.neighbours.add(fold(near.bare))
    return found


def _related_word(a: str, b: str) -> bool:
    """"Russia"/"Russian", "Korean"/"Koreans": one word built from the other, not a respelling."""
    a, b = fold(a), fold(b)
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in word_set("name_suffixes")


def _variant_pairs(story: Story) -> list[tuple[_Usage, _Usage]]:
    usages = {s: u for s, u in _usages(story).items() if u.mid_sentence}
    names = sorted(usages)
    pairs = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if fold(a) == fold(b) or fold(a)[:2] != fold(b)[:2] or _related_word(a, b):
                continue
            if difflib.SequenceMatcher(None, fold(a), fold(b)).ratio() < SIMILARITY:
                continue
            ua, ub = usages[a], usages[b]
            # Different first names mean different people ("Ann Smith" and "Bob Smyth").
            if ua.first_names and ub.first_names and not ua.first_names & ub.first_names:
                continue
            if not (ua.neighbours & ub.neighbours) and not (ua.first_names & ub.first_names):
                continue  # never used in the same company: nothing shows it is one name
            pairs.append((ua, ub))
    return pairs


def _full_name_pairs(story: Story) -> list[tuple[str, str]]:
    """Names the speaker reading joined as one person though they are spelled too far apart for
    the letter test: a first name spelled two ways ("Alexei"/"Aleksei Morozan", both the
    governor) gives the two full names; a surname romanised two ways under one first name
    ("Ivan Tsarev"/"Ivan Carev") gives the two surnames, which outlets also print alone."""
    pairs = []
    for speaker in story_speech(story).speakers:
        if speaker.kind != "person":
            continue
        for i, a in enumerate(speaker.spellings):
            for b in speaker.spellings[i + 1:]:
                first_a, *rest_a = a.split()
                first_b, *rest_b = b.split()
                if first_a != first_b and rest_a == rest_b:
                    pairs.append(tuple(sorted((a, b))))
                elif (a.split()[:-1] == b.split()[:-1] and fold(rest_a[-1]) != fold(rest_b[-1])
                      and not _related_word(rest_a[-1], rest_b[-1])):
                    pairs.append(tuple(sorted((rest_a[-1], rest_b[-1]))))
    return sorted(set(pairs))


def _sentence_with(text: str, spelling: str) -> str | None:
    """A sentence showing the spelling, preferably where a first name comes before it."""
    found = []
    for at in find_all(text, spelling):
        end = at + len(spelling)
        if (at and text[at - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        sentence = sentence_at(text, at)
        if sentence is not None:
            before = text[max(sentence.start, at - 30):at].split()
            full = bool(before) and before[-1][:1].isupper() and not _ignored(before[-1])
            found.append((not full, at, sentence.text))
    return min(found)[2] if found else None



def _questions(story: Story, a: str, b: str) -> list[Question]:
    only: dict[str, list[Outlet]] = {a: [], b: []}
    for outlet in story_outlets(story):
        has_a = contains_word(outlet.text, a)
        has_b = contains_word(outlet.text, b)
        if has_a != has_b:
            only[a if has_a else b].append(outlet)
    if not only[a] or not only[b]:
        return []
    # Ask about the spelling a search for the other would not also find ("Lee" is inside
    # "Leez", not the reverse); when neither holds the other, about the rarer one.
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        rare, common = (a, b) if len(fa) > len(fb) else (b, a)
    else:
        rare, common = sorted((a, b), key=lambda s: (len(only[s]), s))
    shown: dict[str, Evidence] = {}
    for spelling in (rare, common):
        for outlet in only[spelling]:
            found = _evidence(outlet, spelling)
            if found is None:
                return []
            shown[outlet.name] = found
    rare_outlets = sorted(o.name for o in only[rare])
    common_outlets = sorted(o.name for o in only[common])
    explanation = (f"{names_list(rare_outlets)} spell{'s' if len(rare_outlets) == 1 else ''} it "
                   f"\u201c{rare}\u201d; {names_list(common_outlets)} "
                   f"spell{'s' if len(common_outlets) == 1 else ''} it \u201c{common}\u201d. Names from "
                   f"other alphabets are transliterated differently, so search every spelling when "
                   f"you check what outlets report about a person or place.")
    choices = sorted(rare_outlets + common_outlets, key=fold)
    many = len(rare_outlets) > 1
    first = Question(
        KIND, SKILL,
        f"Outlets spell one name in different ways. Which outlet{'s' if many else ''} write"
        f"{'' if many else 's'} it exactly \u201c{rare}\u201d?" + (" Choose all that apply." if many else ""),
        tuple(choices), tuple(choices.index(o) for o in rare_outlets), explanation,
        tuple(shown[o] for o in rare_outlets + common_outlets))
    writer, asked = common_outlets[0], rare_outlets[0]
    pair = sorted((rare, common), key=fold)
    second = Question(
        KIND, SKILL,
        f"{writer} writes \u201c{common}\u201d. Which spelling does {asked} use?",
        tuple(pair), (pair.index(rare),), explanation, (shown[asked], shown[writer]))
    outlets = {o.name: o for o in story_outlets(story)}
    return [q for q in (first, second) if _proven(q, rare, common, outlets)]


def _evidence(outlet: Outlet, spelling: str) -> Evidence | None:
    for article in outlet.articles:
        passage = _sentence_with(article.text, spelling)
        if passage is not None:
            return Evidence(article.id, passage)
    return None


def _proven(question: Question, rare: str, common: str, outlets: dict[str, Outlet]) -> bool:
    """Re-check from the texts: each outlet offered carries exactly one spelling, the keyed ones
    the asked one; every evidence passage shows the spelling it is there for."""
    for index, choice in enumerate(question.choices):
        if choice in outlets:
            keyed = index in question.answer
            if contains_word(outlets[choice].text, rare) != keyed or contains_word(outlets[choice].text, common) == keyed:
                return False
    return all(contains_word(e.text, rare) or contains_word(e.text, common) for e in question.evidence)


def generate(story: Story) -> list[Question]:
    questions: list[Question] = []
    pairs = [(a.spelling, b.spelling) for a, b in _variant_pairs(story)]
    for full in _full_name_pairs(story):
        # A surname pair already asked about covers its full names too.
        if full not in pairs and not any(x in full[0].split() + full[1].split() for pair in pairs for x in pair):
            pairs.append(full)
    for a, b in pairs:
        questions.extend(_questions(story, a, b))
    return questions[:MAX_QUESTIONS]
