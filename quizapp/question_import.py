"""Questions read from a GIFT or Moodle XML file stored in a story's bank as drafts written by
hand ("manual"): all of the file or nothing. They come without evidence, so the review queue
marks them "needs evidence" and they cannot be approved until a teacher adds some
(quizapp.question_status.needs_evidence)."""
from __future__ import annotations

from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.interchange import formats
from quizapp.interchange.model import FormatError, Item
from quizapp.models import Choice, MatchItem, Question, QuestionStatus, Story, now
from quizapp.question_versions import MANUAL

MAX_CHOICES = 20
MAX_PROMPT = 2000  # as the question form allows
MAX_QUESTIONS = 500


class ImportRefused(ValueError):
    """The file cannot be imported; the message names the line or element, for a person."""


def read_file(filename: str, data: bytes) -> list[Item]:
    code = formats.readable_for(filename, data)
    try:
        items = formats.READABLE[code].read(data)
    except FormatError as error:
        raise ImportRefused(f"{formats.FORMATS[code].name}: {error}") from None
    for item in items:
        _check(item, formats.FORMATS[code].name)
    if len(items) > MAX_QUESTIONS:
        raise ImportRefused(f"The file holds {len(items)} questions; at most {MAX_QUESTIONS} "
                            "are imported at once.")
    return items


def _check(item: Item, format_name: str) -> None:
    where = f"{format_name}: the question at line {item.line}" if item.line else format_name
    if len(item.prompt) > MAX_PROMPT:
        raise ImportRefused(f"{where} has {len(item.prompt)} characters; a question may have "
                            f"at most {MAX_PROMPT}.")
    if len(item.choices) > MAX_CHOICES:
        raise ImportRefused(f"{where} has {len(item.choices)} choices; at most {MAX_CHOICES}.")


def store_drafts(story: Story, items: list[Item], default_skill: str) -> list[Question]:
    """Add the items to the story's bank as manual drafts. The caller commits (or rolls back:
    nothing is saved unless all is)."""
    stored = []
    for item in items:
        skill = item.skill if item.skill in registry.SKILL_NAMES else default_skill
        choices = [Choice(position=i, text=c.text, correct=c.correct)
                   for i, c in enumerate(item.choices)]
        question = Question(
            story=story, kind=MANUAL, skill=skill, prompt=item.prompt, type=item.type,
            explanation=item.explanation, origin=MANUAL, status=QuestionStatus.DRAFT,
            review_reasons="Imported from a file: add evidence (the passages that prove its "
                           "key) before approving it.",
            created_at=now(), choices=choices,
            items=[MatchItem(position=i, text=left, choice=choices[match])
                   for i, (left, match) in enumerate(zip(item.lefts, item.matches,
                                                         strict=True))])
        db.session.add(question)
        stored.append(question)
    db.session.flush()
    return stored
