"""Numbers: a figure updated over time. Where the texts date several counts ("rose to at least 16
on Friday", "17 ... Saturday"), "Which outlet gives the latest count?", keyed to the outlet whose
count the texts date latest. Where two outlets' figures differ because one was given earlier, or
at an earlier stage of the count ("with 99.1% of voting machines counted" against "with all the
votes counted"), "What do their articles show about why the figures differ?", keyed to that
reason, each other reason shown false by the two sentences."""
from __future__ import annotations

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import MAX_CHOICES, picked, question
from quizapp.generators.writing.differences import (
    new_ground,
    stage_difference,
    time_difference,
    why_question,
)
from quizapp.generators.writing.figures import by_amount, dated, label, sentence_of, shown

KIND = "timeline"
MAX_QUESTIONS = 2
MIN_DATED = 3


def _dated(model, fact: Fact) -> dict[str, tuple[Figure, object]]:
    """Article -> its count of the fact and the day the text gives it, for counts given as
    rising ("rose to", "so far") with a day word right beside them."""
    found: dict[str, tuple[Figure, object]] = {}
    for figure in fact.figures:
        if not figure.update or sentence_of(model, figure) is None:
            continue
        when = dated(model, figure)
        if when is not None and label(model, figure.article):
            found.setdefault(figure.article, (figure, when))
    return found


def _latest(model, fact: Fact) -> Question | None:
    dated_counts = _dated(model, fact)
    if len(dated_counts) < MIN_DATED:
        return None
    latest = max(when for _, when in dated_counts.values())
    keys = [a for a, (_, when) in dated_counts.items() if when == latest]
    if len(keys) != 1:
        return None
    key = keys[0]
    newest = dated_counts[key][0]
    wrong = [a for a, (f, when) in dated_counts.items()
             if when < latest and len(by_amount([f, newest])) > 1]
    if len(wrong) < 2:
        return None
    wrong = picked(sorted(wrong), fact.label, MAX_CHOICES - 1)
    prompt = (f"The articles give {fact.label} as it stood on different days. Which outlet gives "
              "the latest count?")
    told = [f"{label(model, a)} gives {shown(dated_counts[a][0])} ({dated_counts[a][0].when})"
            for a in [key, *wrong]]
    explanation = ("; ".join(told) + ". A toll or count rises as it is updated: note when each "
                   "figure was given before comparing outlets.")
    evidence = [sentence_of(model, dated_counts[a][0]) for a in [key, *wrong]]
    return question(KIND, prompt, [label(model, key)], [label(model, a) for a in wrong],
                    explanation, evidence, 0.85,
                    ["the days are read from the articles' dates and their day words"])


def _why(model, fact: Fact) -> Question | None:
    pair = stage_difference(model, fact)
    if pair is not None:
        return why_question(KIND, model, pair)
    pair = time_difference(model, fact)
    if pair is not None:
        return why_question(KIND, model, pair, 0.9,
                            ("the days are read from the articles' dates and their day words",))
    return None


def write(model) -> list[Question]:
    questions = []
    for fact in model.facts:
        if not fact.label or not fact.own:
            continue
        found = _latest(model, fact) if fact.category == "count" and len(fact.values) > 1 \
            else None
        found = found or _why(model, fact)
        if found is not None and new_ground(found, questions):
            questions.append(found)
    return questions[:MAX_QUESTIONS]
