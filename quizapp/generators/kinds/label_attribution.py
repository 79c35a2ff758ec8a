"""Questions "Who called X “a label”?": a short quoted label that a named speaker applied to
something ("called the council a “reckless gambler”"), keyed to everyone the story credits with it,
with others the story quotes as wrong answers (people only for a person; people, then bodies,
for a body). A speaker is asked about once in a story: one whose own statements "Who said ...?" asks
about is not asked about again here."""

from __future__ import annotations

import re
from collections import defaultdict

from quizapp.generators.reading.names import PERSON, stem
from quizapp.generators.reading.quotations import Label, same_remark, wording
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import choose_all, names_list, ordered, question

KIND = "label_attribution"

MAX_QUESTIONS = 5
MIN_WRONG = 2  # a two-way choice is a coin toss
MAX_WRONG = 3


def write(model) -> list:
    found = []
    asked: list[str] = []
    # Speakers keyed once: those quote_attribution asks about, then each one asked here.
    keyed = set(model.quotations.statement_speakers())
    for group in _groups(model):
        speakers = {label.speaker for label in group}
        if speakers & keyed or any(same_remark(group[0].quotation.text, t) for t in asked):
            continue
        made = _question(model, group)
        if made is not None:
            found.append(made)
            asked.append(group[0].quotation.text)
            keyed |= speakers
        if len(found) >= MAX_QUESTIONS:
            break
    return found


def _usable(model, label: Label) -> bool:
    speaker = model.entities.get(label.speaker) if label.speaker else None
    return (
        speaker is not None
        and not speaker.outlet
        and not label.quotation.caption
        and bool(label.quotation.proof)
    )


def _groups(model) -> list[list[Label]]:
    """Labels with the same words, kept for the thing most often labelled with them, the ones
    most outlets carry first."""
    by_words: dict[tuple[str, ...], list[Label]] = defaultdict(list)
    for label in model.quotations.labels:
        if _usable(model, label):
            by_words[wording(label.quotation.text)].append(label)
    groups = []
    for labels in by_words.values():
        targets = defaultdict(list)
        for label in labels:
            targets[label.target_key].append(label)
        groups.append(max(targets.values(), key=len))
    groups.sort(key=lambda g: (-len({label.quotation.article for label in g}), _place(model, g[0])))
    # One speaker's labels for one thing ("plainly reckless", "utterly careless") are one
    # judgement: asked once, in the words most outlets carry.
    kept, seen = [], set()
    for group in groups:
        slot = (frozenset(label.speaker for label in group), group[0].target_key)
        if slot not in seen:
            seen.add(slot)
            kept.append(group)
    return kept


def _place(model, label: Label) -> tuple[int, int]:
    order = next(i for i, a in enumerate(model.articles) if a.id == label.quotation.article)
    return order, label.quotation.words.start


def _question(model, group: list[Label]):
    entities, quotations = model.entities, model.quotations
    first = min(group, key=lambda label: _place(model, label))
    text = first.quotation.text
    keys = sorted({label.speaker for label in group})
    # Nobody else may have applied these words to anything, anywhere in the story.
    credited = {
        label.speaker
        for label in quotations.labels
        if label.speaker and wording(label.quotation.text) == wording(text)
    }
    if credited - set(keys):
        return None
    targets = " ".join(label.target for label in group)
    # Nobody named in a sentence that prints the label (the headline "“Reckless”: Union hits
    # back at Lee's plan" names Lee) nor in what was labelled.
    near = set()
    for printing in quotations.printings(text):
        near |= quotations.speakers_near(
            printing.article, printing.sentence.start, printing.sentence.end
        )
    # A person's label against people only: a body offered for a minister's words is a choice
    # nobody weighs. A body's label against people first: the bodies a story quotes are mostly
    # the parties to it, one of which is what the label is about ("the union" for a label on its strike).
    kinds = {entities.get(k).kind for k in keys}
    wrong = [
        k
        for k in quotations.other_speakers(set(keys), text)
        if k not in near and not _named_in(model, entities.get(k), targets)
        and (kinds != {PERSON} or entities.get(k).kind == PERSON)
    ]
    wrong = sorted(ordered(text, wrong), key=lambda k: (
        entities.get(k).kind != PERSON, -len(entities.get(k).articles)))[:MAX_WRONG]
    if len(wrong) < MIN_WRONG or any(entities.gives_side_away(text, k, wrong) for k in keys):
        return None  # too few choices, or "a big win for European citizens" and one European
    evidence, names = _evidence(model, group, keys)
    if set(names) != set(keys):
        return None
    shown = f"{first.determiner} \u201c{text}\u201d" if first.determiner else f"\u201c{text}\u201d"
    prompt = f"Who called {first.target} {shown}?{choose_all(len(keys))}"
    right = [names[k] for k in keys]
    choices = [*right, *(entities.get(k).name for k in wrong)]
    if len({fold(c) for c in choices}) != len(choices):
        return None
    return question(
        KIND,
        prompt,
        right,
        [entities.get(k).name for k in wrong],
        _explanation(model, group, names, text),
        evidence,
    )


def _named_in(model, entity, text: str) -> bool:
    """Whether `text` (what was labelled) names the entity, or the country or body its titles
    name ("Peru" and a "Peruvian Health Ministry spokesman"): nobody is a plausible wrong
    answer for labelling themselves or their own side."""
    folded = fold(text)
    if any(fold(form) in folded for form in entity.forms if len(form) > 2):
        return True
    named = {stem(w) for w in re.findall(r"[A-Z][\w.'\u2019-]*", text)} - {""}
    return bool(named & model.entities.descriptors(entity.key))


def _evidence(model, group: list[Label], keys: list[str]):
    """One passage set per speaker: the labelling sentence with the speaker's full name, from
    the first outlet that prints it so."""
    evidence, names = [], {}
    for label in sorted(
        group,
        key=lambda lab: (
            bool(lab.quotation.named_elsewhere),
            len(lab.quotation.proof),
            _place(model, lab),
        ),
    ):
        if label.speaker in names:
            continue
        entity = model.entities.get(label.speaker)
        names[label.speaker] = entity.shown_in(label.quotation.proof)
        evidence.extend(label.quotation.proof)
    return evidence, names


def _outlet(model, article_id: str) -> str:
    outlet = model.outlet_of(article_id)
    return outlet.label if outlet is not None else "the article"


def _explanation(model, group: list[Label], names: dict[str, str], text: str) -> str:
    by_speaker: dict[str, set[str]] = defaultdict(set)
    for label in group:
        by_speaker[label.speaker].add(_outlet(model, label.quotation.article))
    parts = [
        f"{names_list(sorted(outlets))} credit{'s' if len(outlets) == 1 else ''} the label "
        f"to {names[key]}"
        for key, outlets in sorted(by_speaker.items())
    ]
    return (
        f"{'; '.join(parts)}. A label in quotation marks is someone's judgement, not the "
        f"outlet's: find who applied it before weighing it."
    )
