"""The one adapter between the pure generators and the database: stories and generated
questions in, rows out, and rows back into the generators' plain Story."""
from __future__ import annotations

import hashlib

from sqlalchemy import exists

from quizapp import generators as core
from quizapp.extensions import db
from quizapp.generators.gate import REVIEW_BELOW
from quizapp.models import (
    Article,
    Choice,
    Evidence,
    Question,
    QuestionStatus,
    QuizQuestion,
    Response,
    Story,
)


class StoryExists(ValueError):
    pass


def store_story(story: core.Story, owner_id: int | None = None) -> Story:
    """Add a loaded story and its articles to an instructor's workspace (None: the first admin
    adopts it); the caller commits (one transaction, all or none)."""
    if db.session.execute(db.select(Story.id).where(Story.slug == story.slug)).first():
        raise StoryExists(f"A story named {story.slug!r} is already loaded.")
    row = Story(slug=story.slug, title=story.title, owner_id=owner_id)
    for position, article in enumerate(story.articles):
        row.articles.append(Article(
            key=article.id, position=position, outlet=article.outlet, title=article.title,
            url=article.url, date=article.date, author=article.author, text=article.text,
            whole=article.whole,
        ))
    db.session.add(row)
    return row


def story_for_generators(row: Story) -> core.Story:
    return core.Story(
        slug=row.slug,
        title=row.title,
        articles=tuple(
            core.Article(id=a.key, outlet=a.outlet, title=a.title, text=a.text,
                         date=a.date, url=a.url, author=a.author, whole=a.whole)
            for a in row.articles
        ),
    )


def _shuffled(question: core.Question) -> list[tuple[str, bool]]:
    """Choices in an order fixed by their text, so the key is not always first."""
    pairs = [(text, index in question.answer) for index, text in enumerate(question.choices)]
    return sorted(pairs, key=lambda pair: hashlib.sha1(
        (question.id + "\x1f" + pair[0]).encode("utf-8")).hexdigest())


def _fill(row: Question, question: core.Question, articles: dict[str, Article]) -> None:
    row.kind, row.skill = question.kind, question.skill
    row.prompt, row.explanation = question.prompt, question.explanation
    row.choices = [Choice(position=i, text=text, correct=correct)
                   for i, (text, correct) in enumerate(_shuffled(question))]
    row.evidence = [Evidence(position=i, article=articles[e.article], passage=e.text)
                    for i, e in enumerate(question.evidence)]
    row.confidence = question.confidence
    row.review_reasons = "\n".join(question.reasons)


def status_for(question: core.Question, asked: QuestionStatus) -> QuestionStatus:
    """Approval asked for is given only to questions the generators are sure of: the others stay
    drafts, marked for review, until a person has read them."""
    if asked == QuestionStatus.APPROVED and question.confidence < REVIEW_BELOW:
        return QuestionStatus.DRAFT
    return asked


def store_generated(story: Story, questions: list[core.Question],
                    status: QuestionStatus = QuestionStatus.DRAFT) -> dict:
    """Replace the story's generated questions that no attempt has used; keep the used ones.
    New questions get `status`, except that approval goes only to questions whose confidence
    reaches gate.REVIEW_BELOW (the rest stay drafts for review).

    Returns counts: added, updated, kept (used by attempts), removed, and to_review (new
    questions left as drafts because the generators were unsure of them).
    """
    articles = {a.key: a for a in story.articles}
    used = exists().where(Response.question_id == Question.id)
    existing = db.session.execute(
        db.select(Question, used).where(
            Question.story_id == story.id, Question.origin == "generated")
    ).all()
    kept = {q.generator_id: q for q, is_used in existing if is_used}
    unused = {q.generator_id: q for q, is_used in existing if not is_used}
    counts = {"added": 0, "updated": 0, "kept": len(kept), "removed": 0, "to_review": 0}
    # A generated question an instructor edited became theirs ("manual"): never add it again.
    taken_over = set(db.session.execute(
        db.select(Question.generator_id).where(
            Question.story_id == story.id, Question.origin != "generated",
            Question.generator_id.is_not(None))).scalars())
    fresh_ids = set()
    for question in questions:
        fresh_ids.add(question.id)
        if question.id in kept or question.id in taken_over:
            continue
        row = unused.get(question.id)
        if row is None:
            row = Question(story=story, origin="generated", generator_id=question.id,
                           status=status_for(question, status))
            db.session.add(row)
            counts["added"] += 1
            counts["to_review"] += row.status != status
        else:
            counts["updated"] += 1
        _fill(row, question, articles)
    for generator_id, row in unused.items():
        if generator_id not in fresh_ids:
            for item in db.session.execute(
                db.select(QuizQuestion).where(QuizQuestion.question_id == row.id)
            ).scalars():
                db.session.delete(item)
            db.session.delete(row)
            counts["removed"] += 1
    return counts
