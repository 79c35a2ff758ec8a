"""Making quizzes: a join code a class can type, and a quiz from a story's approved questions."""
from __future__ import annotations

import secrets

from quizapp.extensions import db
from quizapp.models import Question, Quiz, QuizQuestion, Story

# No 0/O or 1/I/L: a code read aloud in a classroom must not be mistyped.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_join_code(length: int = 6) -> str:
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(length))
        if not db.session.execute(db.select(Quiz.id).where(Quiz.join_code == code)).first():
            return code


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quiz_from_story(story: Story, title: str | None = None, published: bool = True,
                    per_kind: int | None = None) -> Quiz:
    """A quiz of the story's approved questions in the order they were written; with
    `per_kind`, only the first few of each kind, so one class period covers every skill."""
    questions = db.session.execute(
        db.select(Question)
        .where(Question.story_id == story.id, Question.status == "approved")
        .order_by(Question.id)
    ).scalars().all()
    if per_kind is not None:
        taken: dict[str, int] = {}
        chosen = []
        for question in questions:
            if taken.get(question.kind, 0) < per_kind:
                taken[question.kind] = taken.get(question.kind, 0) + 1
                chosen.append(question)
        questions = chosen
    # A story's title may be longer than a quiz's; the start of it names the quiz well enough.
    limit = Quiz.title.type.length
    quiz = Quiz(title=title or shortened(story.title, limit), join_code=new_join_code(),
                published=published, story=story)
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
    db.session.add(quiz)
    return quiz
