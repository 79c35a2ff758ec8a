"""Generic checks every question must pass, whoever wrote it: evidence that really is in its
article, a well-formed set of choices and answer, and words a student can read."""
from __future__ import annotations

import re
import unicodedata

from quizapp.generators.model import Question, Story
from quizapp.generators.reading.text import fold

MIN_CHOICES = 2
MAX_CHOICES = 8


def passage_in_article(article_text: str, passage: str) -> bool:
    """Whether `passage` is a non-empty, exact substring of the article's text: the test every
    evidence passage must pass, for generated and hand-written questions alike."""
    return bool(passage and passage.strip()) and passage in article_text


def normalised_choice(choice: str) -> str:
    """A choice as a reader compares it: case, quote style and spacing ignored."""
    return " ".join(fold(choice).split())


def problems(question: Question, story: Story) -> list[str]:
    """Everything wrong with `question` against `story`, in words; empty when it may be shown."""
    found: list[str] = []
    if not question.prompt.strip():
        found.append("the prompt is empty")
    if not question.explanation.strip():
        found.append("the explanation is empty")
    choices = [c.strip() for c in question.choices]
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        found.append(f"{len(choices)} choices; a question needs {MIN_CHOICES} to {MAX_CHOICES}")
    if any(not c for c in choices):
        found.append("a choice is empty")
    if len({normalised_choice(c) for c in choices}) != len(choices):
        found.append("two choices read the same")
    answer = list(question.answer)
    if not answer:
        found.append("no choice is marked correct")
    if any(not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(choices) for i in answer):
        found.append("an answer points at no choice")
    if len(set(answer)) != len(answer):
        found.append("an answer is listed twice")
    if answer and len(set(answer)) == len(choices):
        found.append("every choice is correct, so nothing is being asked")
    if not question.evidence:
        found.append("no evidence")
    articles = {article.id: article for article in story.articles}
    for evidence in question.evidence:
        article = articles.get(evidence.article)
        if article is None:
            found.append(f"evidence cites an article the story does not have: {evidence.article!r}")
        elif not passage_in_article(article.text, evidence.text):
            found.append(f"evidence is not a passage of article {evidence.article!r}: {evidence.text[:60]!r}")
    return found


def is_sound(question: Question, story: Story) -> bool:
    return not problems(question, story)


_PUNCTUATION = re.compile(r"[^\w\s]")


def prompt_signature(prompt: str) -> str:
    """The prompt with case, punctuation and quote style ignored, for spotting duplicates."""
    text = unicodedata.normalize("NFKC", fold(prompt))
    return " ".join(_PUNCTUATION.sub(" ", text).split())
