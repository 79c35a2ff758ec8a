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
    MatchItem,
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


def _stored_order(question: core.Question) -> list[int]:
    """The choices' indices in the order they are stored. Ordering keeps the right order (the
    pages shuffle it) and find-the-evidence the article's; the others go in an order fixed by
    their text, so the key is not always first."""
    indices = list(range(len(question.choices)))
    if question.type in ("ordering", "evidence"):
        return indices
    return sorted(indices, key=lambda i: hashlib.sha1(
        (question.id + "\x1f" + question.choices[i]).encode("utf-8")).hexdigest())


def _fill(row: Question, question: core.Question, articles: dict[str, Article]) -> None:
    row.kind, row.skill, row.type = question.kind, question.skill, question.type
    row.prompt, row.explanation = question.prompt, question.explanation
    row.confidence = question.confidence
    row.review_reasons = "\n".join(question.reasons)
    # Old evidence points at old items, which point at old choices: all are replaced before
    # anything is flushed, so the deletes go in that order.
    with db.session.no_autoflush:
        _fill_key(row, question, articles)


def _fill_key(row: Question, question: core.Question, articles: dict[str, Article]) -> None:
    # Ordering's every choice belongs to its key; matching's right items are those paired.
    key = set(range(len(question.choices))) if question.type == "ordering" else set(question.answer)
    order = _stored_order(question)
    by_index = {index: Choice(position=place, text=question.choices[index], correct=index in key)
                for place, index in enumerate(order)}
    items = [MatchItem(position=i, text=text, choice=by_index[question.answer[i]])
             for i, text in enumerate(question.items)]
    proofs = [(None, e) for e in question.evidence] + [
        (items[i], e) for i, proof in enumerate(question.item_evidence) for e in proof]
    row.evidence = [Evidence(position=i, article=articles[e.article], passage=e.text, item=item)
                    for i, (item, e) in enumerate(proofs)]
    row.items = items
    row.choices = [by_index[index] for index in order]


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
