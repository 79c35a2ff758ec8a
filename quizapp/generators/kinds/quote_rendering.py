"""Questions on how outlets rendered one speaker's words differently: the same speaker's label
for the same thing in different words (“completely false” / “baseless”), or one long
statement whose wording differs between outlets. Keys rest only on which outlets' texts carry
the exact wording and which do not; each outlet's evidence names the speaker in full, as that
outlet spells the name."""
from __future__ import annotations

import difflib
import re

from quizapp.generators.model import Evidence, Question, Story
from quizapp.generators.writing.outlets import Outlet, names_list, story_outlets
from quizapp.generators.reading.speakers import Attribution, Label, Naming, Speaker, naming, story_speech
from quizapp.generators.reading.text import contains_word, find_all, fold, sentence_at, word_set, words

KIND = "quote_rendering"
SKILL = "quotation"

MAX_QUESTIONS = 6
MAX_OUTLET_QUESTIONS_PER_LABEL = 2
MIN_LONG_WORDS = 6
SIMILARITY = 0.4  # word-sequence ratio above which two quotes render one statement
ANCHOR_WORDS = 3
MAX_CHANGED_WORDS = 6
_BREAK = re.compile(r"[,.;:!?()\[\]\u2014\u2013]")


def _quoted(text: str) -> str:
    return f"\u201c{text}\u201d"


def _explanation(printed: dict[str, str]) -> str:
    """`printed`: outlet name -> the wording it printed."""
    by_wording: dict[str, list[str]] = {}
    for outlet, wording in printed.items():
        by_wording.setdefault(wording, []).append(outlet)
    parts = [f"{names_list(sorted(outlets))} printed {_quoted(wording)}"
             for wording, outlets in sorted(by_wording.items(), key=lambda kv: sorted(kv[1]))]
    return (f"{'; '.join(parts)}. Translation and editing change a speaker's exact words, so "
            f"check a quote against more than one outlet before repeating it.")


def _named_here(story: Story, article_id: str, speaker: Speaker, spans: tuple[tuple[int, int], ...]
                ) -> Naming | None:
    """The passages at `spans`, with the sentence where the same article first names the speaker
    in full when they show only a surname, role or pronoun; None when that article never does.
    Another outlet's naming sentence would not show how this outlet spells the name, nor that
    its "Lee" is the same person."""
    named = naming(story, article_id, speaker, spans)
    return named if named is not None and not named.elsewhere else None


def _evidence_of(story: Story, named: Naming) -> list[Evidence]:
    return [Evidence(a, story.article(a).text[start:end]) for a, start, end in named.passages]


def _outlet_of(story: Story) -> dict[str, Outlet]:
    return {article.id: outlet for outlet in story_outlets(story) for article in outlet.articles}


def _carries(outlet: Outlet, wording: str) -> bool:
    return contains_word(outlet.text, wording)


def _proven(question: Question, outlets: dict[str, Outlet], wording: str) -> bool:
    """Re-check the key from the texts alone: right outlets carry the wording, wrong ones do not."""
    return all(_carries(outlets[choice], wording) == (index in question.answer)
               for index, choice in enumerate(question.choices))


def _outlet_question(prompt: str, keys: list[Outlet], wrong: list[Outlet], explanation: str,
                     evidence: list[Evidence], wording: str) -> Question | None:
    choices = sorted((o.name for o in keys + wrong), key=fold)
    question = Question(KIND, SKILL, prompt, tuple(choices),
                        tuple(sorted(choices.index(o.name) for o in keys)), explanation, tuple(evidence))
    by_name = {o.name: o for o in keys + wrong}
    return question if _proven(question, by_name, wording) else None


# --- short labels: one speaker, one thing labelled, different words ----------------------------

def _label_groups(story: Story, outlet_of: dict[str, Outlet]) -> list[list[Label]]:
    groups: dict[tuple[str, str], list[Label]] = {}
    for label in story_speech(story).labels:
        if label.article in outlet_of:
            groups.setdefault((label.speaker.key, label.target_key), []).append(label)
    order = {a.id: i for i, a in enumerate(story.articles)}
    found = []
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda l: (order[l.article], l.start))
        wordings = {" ".join(words(l.quote.text)) for l in group}
        if len(wordings) >= 2 and len({outlet_of[l.article].name for l in group}) >= 2:
            found.append(group)
    return found


def _label_questions(story: Story, group: list[Label], outlet_of: dict[str, Outlet]) -> list[Question]:
    speaker: Speaker = group[0].speaker
    # A label whose article never names the speaker in full cannot show a student who spoke:
    # its outlet is left out, as if it had not printed the label.
    named: dict[Label, Naming] = {}
    for label in group:
        found = _named_here(story, label.article, speaker, label.spans)
        if found is not None:
            named[label] = found
    group = [label for label in group if label in named]
    outlets: list[Outlet] = []
    for label in group:
        if outlet_of[label.article] not in outlets:
            outlets.append(outlet_of[label.article])
    printed = {o.name: [l for l in group if outlet_of[l.article] is o] for o in outlets}
    wordings: dict[str, Label] = {}
    for label in group:
        wordings.setdefault(fold(label.quote.text), label)
    if len(outlets) < 2 or len(wordings) < 2:
        return []
    shown_printed = {o.name: printed[o.name][0].quote.text for o in outlets}

    def evidence_of(outlet: Outlet) -> list[Evidence]:
        return _evidence_of(story, named[printed[outlet.name][0]])

    def printers(wording: str) -> list[Outlet]:
        return [o for o in outlets if any(fold(l.quote.text) == fold(wording) for l in printed[o.name])]

    ranked = sorted(wordings.values(), key=lambda l: (len(printers(l.quote.text)), fold(l.quote.text)))
    questions: list[Question] = []
    for label in ranked:
        wording = label.quote.text
        keys = printers(wording)
        wrong = [o for o in outlets if o not in keys and not _carries(o, wording)]
        if not keys or not wrong:
            continue
        # The keyed outlet's spelling; each outlet's evidence shows its own.
        name = named[printed[keys[0].name][0]].name
        shown = f"{label.determiner} {_quoted(wording)}" if label.determiner else _quoted(wording)
        many = len(keys) > 1
        prompt = (f"Which outlet{'s' if many else ''} quoted {name} as calling {label.target} {shown}?"
                  + (" Choose all that apply." if many else ""))
        evidence = [e for o in keys + wrong for e in evidence_of(o)]
        question = _outlet_question(prompt, keys, wrong,
                                    _explanation({o.name: shown_printed[o.name] for o in keys + wrong}),
                                    evidence, wording)
        if question is not None:
            questions.append(question)
        if len(questions) >= MAX_OUTLET_QUESTIONS_PER_LABEL:
            break
    # And the other way round: which wording did the outlet with the rarest one print?
    asked = printers(ranked[0].quote.text)[0]
    own = printed[asked.name][0]
    others = sorted({l.quote.text for l in wordings.values()
                     if fold(l.quote.text) != fold(own.quote.text) and not _carries(asked, l.quote.text)},
                    key=fold)
    if others and _carries(asked, own.quote.text):
        choices = sorted([_quoted(own.quote.text), *(_quoted(o) for o in others)], key=fold)
        evidence = evidence_of(asked)
        evidence += [e for o in outlets if o is not asked and printed[o.name][0].quote.text in others
                     for e in evidence_of(o)]
        questions.append(Question(
            KIND, SKILL,
            f"Outlets quoted {named[own].name}'s words on {own.target} differently. "
            f"Which wording did {asked.name} print?",
            tuple(choices), (choices.index(_quoted(own.quote.text)),), _explanation(shown_printed),
            tuple(evidence)))
    return questions


# --- long statements: one speaker's words with a passage worded differently --------------------

def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\W_](?:[\w\-'\u2019]*[^\W_])?", text)]


def _phrase(quote_text: str, spans: list[tuple[int, int]], anchor_from: int, changed: tuple[int, int],
            following: int) -> str | None:
    """Anchor words, the changed words (or their first two when many), and up to three words
    after them, never crossing punctuation: a short passage only this rendering has."""
    lo, hi = changed
    if hi - lo > MAX_CHANGED_WORDS:
        hi = lo + 2
    if hi - lo > 3:
        following = 0  # already long enough to tell the renderings apart
    end = hi
    if end == lo and following:
        end += 1  # nothing changed on this side: the next shared word shows what is missing
    while end < min(len(spans), hi + following):
        if _BREAK.search(quote_text[spans[end - 1][1]:spans[end][0]]):
            break
        end += 1
    # A phrase ending on "to" or "the" reads as cut off; end on a word that carries meaning.
    while end - 1 > lo and fold(quote_text[slice(*spans[end - 1])]) in word_set("function_words"):
        end -= 1
    piece = quote_text[spans[anchor_from][0]:spans[end - 1][1]]
    if _BREAK.search(piece) or len(words(piece)) < 4:
        return None
    return piece


def _differing_phrases(a: Attribution, b: Attribution, story: Story) -> tuple[str, str] | None:
    ta, tb = a.quote.text, b.quote.text
    sa, sb = _word_spans(ta), _word_spans(tb)
    wa = [fold(ta[s:e]) for s, e in sa]
    wb = [fold(tb[s:e]) for s, e in sb]
    text_a, text_b = story.article(a.article).text, story.article(b.article).text
    codes = difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    # Words swapped for others tell renderings apart best; words added or dropped come next.
    for wanted in ("replace", "insert", "delete"):
        for n, (tag, i1, i2, j1, j2) in enumerate(codes):
            if tag != wanted or n == 0 or codes[n - 1][0] != "equal":
                continue
            run = codes[n - 1][2] - codes[n - 1][1]
            if run < 2:
                continue
            anchor = min(ANCHOR_WORDS, run)
            after = codes[n + 1][2] - codes[n + 1][1] if n + 1 < len(codes) and codes[n + 1][0] == "equal" else 0
            if tag != "replace" and not after:
                continue  # the shorter side needs a following word to differ at all
            pa = _phrase(ta, sa, i1 - anchor, (i1, i2), min(3, after))
            pb = _phrase(tb, sb, j1 - anchor, (j1, j2), min(3, after))
            if not pa or not pb or fold(pa) == fold(pb):
                continue
            if contains_word(text_a, pa) and contains_word(text_b, pb) \
                    and not contains_word(text_b, pa) and not contains_word(text_a, pb):
                return pa, pb
    return None


def _statement_clusters(story: Story, outlet_of: dict[str, Outlet]) -> list[list[Attribution]]:
    """One speaker's long quotes, joined when two outlets' quotes share most of their words."""
    tied = [a for a in story_speech(story).attributions
            if a.speaker is not None and a.article in outlet_of and a.quote.word_count >= MIN_LONG_WORDS]
    parent = list(range(len(tied)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(tied):
        for j in range(i + 1, len(tied)):
            b = tied[j]
            if a.speaker.key != b.speaker.key or outlet_of[a.article] is outlet_of[b.article]:
                continue
            ratio = difflib.SequenceMatcher(None, words(a.quote.text), words(b.quote.text),
                                            autojunk=False).ratio()
            if ratio >= SIMILARITY:
                parent[root(j)] = root(i)
    clusters: dict[int, list[Attribution]] = {}
    for i, a in enumerate(tied):
        clusters.setdefault(root(i), []).append(a)
    return [c for _, c in sorted(clusters.items()) if len({outlet_of[a.article].name for a in c}) >= 2
            and len({" ".join(words(a.quote.text)) for a in c}) >= 2]


def _spans_for(story: Story, attributions: list[Attribution], phrase: str
               ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One outlet's passages showing `phrase`: the first of its attributions that holds it, else
    the sentence holding it, else its first attribution. (article id, spans)"""
    for attribution in attributions:
        text = story.article(attribution.article).text
        if contains_word(text[attribution.start:attribution.end], phrase):
            return attribution.article, attribution.spans
    for attribution in attributions:
        text = story.article(attribution.article).text
        hits = find_all(text, phrase)
        sentence = sentence_at(text, hits[0]) if hits else None
        if sentence is not None:
            return attribution.article, ((sentence.start, sentence.end),)
    return attributions[0].article, attributions[0].spans


def _statement_question(story: Story, cluster: list[Attribution], outlet_of: dict[str, Outlet]
                        ) -> Question | None:
    order = [a.id for a in story.articles]
    cluster = sorted(cluster, key=lambda a: (order.index(a.article), a.start))
    speaker: Speaker = cluster[0].speaker
    outlets: list[Outlet] = []
    for attribution in cluster:
        if outlet_of[attribution.article] not in outlets:
            outlets.append(outlet_of[attribution.article])
    said_by = {o.name: [a for a in cluster if outlet_of[a.article] is o] for o in outlets}

    def named_for(outlet: Outlet, phrase: str) -> Naming | None:
        article_id, spans = _spans_for(story, said_by[outlet.name], phrase)
        return _named_here(story, article_id, speaker, spans)
    for i, a in enumerate(cluster):
        for b in cluster[i + 1:]:
            if outlet_of[a.article] is outlet_of[b.article] or fold(a.quote.text) == fold(b.quote.text):
                continue
            pair = _differing_phrases(a, b, story)
            if pair is None:
                continue
            carriers = {p: [o for o in outlets if _carries(o, p)] for p in pair}
            # Ask about the rarer wording; between equals, the fuller one ("eight support cables").
            phrase, other = sorted(pair, key=lambda p: (len(carriers[p]), -len(words(p)), p))
            # An outlet whose article never names the speaker in full is not offered.
            named = {o.name: named_for(o, phrase if o in carriers[phrase] else other) for o in outlets}
            keys = [o for o in carriers[phrase] if named[o.name] is not None]
            wrong = [o for o in outlets if o not in carriers[phrase] and named[o.name] is not None]
            if not keys or not wrong:
                continue
            name = named[keys[0].name].name  # the keyed outlet's spelling; each evidence shows its own
            many = len(keys) > 1
            prompt = (f"Outlets quoted {name} in different words. Which outlet{'s' if many else ''} "
                      f"printed the words {_quoted(phrase)}?" + (" Choose all that apply." if many else ""))
            evidence = [e for o in keys + wrong for e in _evidence_of(story, named[o.name])]
            printed = {o.name: phrase for o in keys}
            printed.update({o.name: other for o in wrong if _carries(o, other)})
            explanation = _explanation(printed)
            if len(printed) < len(keys) + len(wrong):
                explanation = explanation.replace(". Translation", "; the others word it differently. Translation", 1)
            question = _outlet_question(prompt, keys, wrong, explanation, evidence, phrase)
            if question is not None:
                return question
    return None


def generate(story: Story) -> list[Question]:
    outlet_of = _outlet_of(story)
    questions: list[Question] = []
    for group in _label_groups(story, outlet_of):
        questions.extend(_label_questions(story, group, outlet_of))
    for cluster in _statement_clusters(story, outlet_of):
        question = _statement_question(story, cluster, outlet_of)
        if question is not None:
            questions.append(question)
    return questions[:MAX_QUESTIONS]
