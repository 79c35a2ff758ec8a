"""A quiz or a story's question bank read from the rows into the plain data the interchange
writers take (quizapp.interchange): the one adapter between the models and those formats."""
from __future__ import annotations

from quizapp.extensions import db
from quizapp.interchange import model as plain
from quizapp.models import Question, QuestionStatus, Quiz, Story


def _articles(story: Story | None) -> tuple[plain.Article, ...]:
    if story is None:
        return ()
    return tuple(plain.Article(key=a.key, outlet=a.outlet_or_unknown, title=a.title,
                               text=a.text, date=a.date, url=a.url) for a in story.articles)


def _item(question: Question) -> plain.Item:
    """The question as plain data; matching's left items and their matches go with it, and
    ordering's choices are already in their right order."""
    places = {choice.id: place for place, choice in enumerate(question.choices)}
    return plain.Item(
        prompt=question.prompt,
        choices=tuple(plain.Choice(c.text, c.correct) for c in question.choices),
        explanation=question.explanation,
        evidence=tuple(plain.Passage(e.article.key, e.passage) for e in question.evidence),
        skill=question.skill, kind=question.kind, ident=f"question-{question.id}",
        type=question.type,
        lefts=tuple(item.text for item in question.items),
        matches=tuple(places[item.choice.id] for item in question.items),
    )


def quiz_bank(quiz: Quiz) -> plain.Bank:
    story = quiz.story
    return plain.Bank(
        title=quiz.title, story_title=story.title if story else quiz.title,
        story_slug=story.slug if story else "", articles=_articles(story),
        items=tuple(_item(slot.question) for slot in quiz.items),
        shuffle_questions=quiz.shuffle_questions, shuffle_choices=quiz.shuffle_choices)


def story_bank(story: Story) -> plain.Bank:
    """The story's approved questions: the ones a teacher may put in front of a class."""
    questions = db.session.execute(
        db.select(Question).where(Question.story_id == story.id,
                                  Question.status == QuestionStatus.APPROVED)
        .order_by(Question.id)).scalars().all()
    return plain.Bank(title=f"{story.title}: question bank", story_title=story.title,
                      story_slug=story.slug, articles=_articles(story),
                      items=tuple(_item(q) for q in questions))


def download_name(bank: plain.Bank, extension: str) -> str:
    """A file name made of the story's slug (ASCII by construction) or 'quiz'."""
    return f"{bank.story_slug or 'quiz'}{extension}"
