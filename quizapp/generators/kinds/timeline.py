"""Numbers: a figure updated over time, where the texts say when each count was given ("rose to
at least 16 on Friday", "17 ... Saturday"). "Which outlet gives the latest count?", keyed to the
outlet whose count the texts date latest, with outlets whose counts they date earlier as the
wrong choices. Days are read against each article's date (dateparser), and a question is asked
only when every choice's day is plain and the latest is one outlet's alone."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from quizapp.generators.model import Question
from quizapp.generators.reading.facts import Fact
from quizapp.generators.reading.figures import Figure
from quizapp.generators.writing.choices import MAX_CHOICES, picked, question
from quizapp.generators.writing.figures import by_amount, day_of, label, sentence_of, shown

KIND = "timeline"
MAX_QUESTIONS = 2
MIN_DATED = 3


@lru_cache(maxsize=256)
def _resolve(day: str, published: str) -> dt.date | None:
    """The date a day word names, read from the article's date ("Friday" in an article of
    Saturday 13 October is 12 October); None when the article has no date or the word none."""
    try:
        base = dt.datetime.fromisoformat(published[:10])
    except ValueError:
        return None
    import dateparser  # loaded on first use: most stories never need it

    found = dateparser.parse(day, languages=["en"], settings={
        "RELATIVE_BASE": base + dt.timedelta(hours=23), "PREFER_DATES_FROM": "past"})
    if found is None or found.date() > base.date():
        return None
    return found.date()


def _dated(model, fact: Fact) -> dict[str, tuple[Figure, dt.date]]:
    """Article -> its count of the fact and the day the text gives it, for counts given as
    rising ("rose to", "so far") or with a day word right beside them."""
    found: dict[str, tuple[Figure, dt.date]] = {}
    for figure in fact.figures:
        day = day_of(figure)
        if not day or not figure.update or sentence_of(model, figure) is None:
            continue
        article = model.story.article(figure.article)
        when = _resolve(day, article.date)
        if when is not None and label(model, figure.article):
            found.setdefault(figure.article, (figure, when))
    return found


def _question(model, fact: Fact) -> Question | None:
    dated = _dated(model, fact)
    if len(dated) < MIN_DATED:
        return None
    latest = max(when for _, when in dated.values())
    keys = [a for a, (_, when) in dated.items() if when == latest]
    if len(keys) != 1:
        return None
    key = keys[0]
    newest = dated[key][0]
    wrong = [a for a, (f, when) in dated.items()
             if when < latest and len(by_amount([f, newest])) > 1]
    if len(wrong) < 2:
        return None
    wrong = picked(sorted(wrong), fact.label, MAX_CHOICES - 1)
    prompt = (f"The articles give {fact.label} as it stood on different days. Which outlet gives "
              "the latest count?")
    told = [f"{label(model, a)} gives {shown(dated[a][0])} ({dated[a][0].when})"
            for a in [key, *wrong]]
    explanation = ("; ".join(told) + ". A toll or count rises as it is updated: note when each "
                   "figure was given before comparing outlets.")
    evidence = [sentence_of(model, dated[a][0]) for a in [key, *wrong]]
    return question(KIND, prompt, [label(model, key)], [label(model, a) for a in wrong],
                    explanation, evidence, 0.85,
                    ["the days are read from the articles' dates and their day words"])


def write(model) -> list[Question]:
    questions = []
    for fact in model.facts:
        if fact.label and fact.category == "count" and len(fact.values) > 1:
            found = _question(model, fact)
            if found is not None:
                questions.append(found)
    return questions[:MAX_QUESTIONS]
