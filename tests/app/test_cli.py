"""The commands an operator types: init-db, load-story, generate, create-quiz,
create-instructor and setup (what the README's run command does on first start)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from werkzeug.security import check_password_hash

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Instructor, Question, Quiz, Response, Story
from tests.databases import TEST_SECRET_KEY

SEED = Path(__file__).resolve().parents[2] / "seeds" / "beijing-denies-chinese-fighters"


def count(app, model):
    with app.app_context():
        return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_init_db_creates_the_tables(tmp_path):
    from quizapp import create_app

    app = create_app(
        {"SECRET_KEY": TEST_SECRET_KEY,
         "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'new.sqlite'}"}
    )
    result = app.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "Database ready" in result.output
    assert count(app, Story) == 0
    with app.app_context():
        db.engine.dispose()


def test_load_story_stores_the_seed_articles_with_their_outlets(app, runner):
    result = runner.invoke(args=["load-story", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.output
    with app.app_context():
        articles = db.session.execute(db.select(Article).order_by(Article.position)).scalars().all()
        assert [a.outlet for a in articles] == [
            "Dunya News", "Newszop", "The Moscow Times", "Paolo Bibat's blog", "Euromaidan Press"]
        assert articles[2].date == "2025-04-09"
        assert all(a.text.strip() for a in articles)


def test_loading_the_same_story_twice_is_refused(app, runner):
    runner.invoke(args=["load-story", str(SEED)])
    again = runner.invoke(args=["load-story", str(SEED)])
    assert again.exit_code != 0
    assert "already loaded" in again.output
    assert count(app, Story) == 1


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda folder: None, "no such story folder"),
        (lambda folder: folder.mkdir(), "no article"),
        (lambda folder: (folder.mkdir(), (folder / "a.txt").write_text("")), "a.txt"),
        (
            lambda folder: (
                folder.mkdir(),
                (folder / "a.txt").write_text("A fine first article, long enough to keep."),
                (folder / "b.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1")),
            ),
            "b.txt",
        ),
    ],
)
def test_bad_story_folders_get_a_message_and_change_nothing(app, runner, tmp_path, make, expected):
    folder = tmp_path / "story"
    make(folder)
    result = runner.invoke(args=["load-story", str(folder)])
    assert result.exit_code != 0
    assert expected.lower() in result.output.lower()
    assert "Traceback" not in result.output
    assert count(app, Story) == 0
    assert count(app, Article) == 0


def test_generate_stores_questions_with_evidence_from_their_articles(app, runner, generated_once):
    runner.invoke(args=["load-story", str(SEED)])
    result = runner.invoke(args=["generate", SEED.name])
    assert result.exit_code == 0, result.output
    with app.app_context():
        questions = db.session.execute(db.select(Question)).scalars().all()
        assert len(questions) >= 10
        assert {q.status for q in questions} == {"draft"}
        for question in questions:
            assert any(c.correct for c in question.choices)
            assert question.evidence
            for evidence in question.evidence:
                assert evidence.passage in evidence.article.text


def test_generate_for_an_unknown_story_says_so(runner):
    result = runner.invoke(args=["generate", "no-such-story"])
    assert result.exit_code != 0
    assert "No story named 'no-such-story'" in result.output


def test_regenerating_keeps_questions_that_attempts_used(app, runner, generated_once):
    runner.invoke(args=["load-story", str(SEED)])
    runner.invoke(args=["generate", SEED.name, "--approve"])
    runner.invoke(args=["create-quiz", SEED.name])
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        used = quiz.items[0].question
        used_id, used_prompt = used.id, used.prompt
        attempt = Attempt(quiz=quiz, student_name="Ada", token="t" * 32, submission_key="s" * 32)
        attempt.responses.append(Response(question=used, chosen=[used.choices[0]],
                                          correct=used.choices[0].correct))
        db.session.add(attempt)
        db.session.commit()
        total = db.session.execute(db.select(db.func.count(Question.id))).scalar_one()
    result = runner.invoke(args=["generate", SEED.name])
    assert result.exit_code == 0, result.output
    assert "1 kept" in result.output
    with app.app_context():
        kept = db.session.get(Question, used_id)
        assert kept is not None and kept.prompt == used_prompt
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar_one() == total


def test_create_instructor_reads_the_password_from_stdin_and_hashes_it(app, runner):
    result = runner.invoke(args=["create-instructor", "ms-rivera"], input="correct horse battery\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        instructor = db.session.execute(db.select(Instructor)).scalar_one()
        assert instructor.name == "ms-rivera"
        assert "correct horse" not in instructor.password_hash
        assert check_password_hash(instructor.password_hash, "correct horse battery")
    again = runner.invoke(args=["create-instructor", "ms-rivera"], input="another password\n")
    assert again.exit_code != 0 and "exists already" in again.output


def test_create_instructor_refuses_a_short_password(app, runner):
    result = runner.invoke(args=["create-instructor", "mr-short"], input="abc\n")
    assert result.exit_code != 0
    assert "at least 8 characters" in result.output
    assert count(app, Instructor) == 0


def test_setup_seeds_an_empty_database_once_with_a_published_quiz(
    app, runner, client, generated_once
):
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert quiz.published
        kinds = Counter(item.question.kind for item in quiz.items)
        approved = Counter(db.session.execute(
            db.select(Question.kind).where(Question.status == "approved")).scalars())
        # Up to two questions of every kind the generators were sure of: each skill is
        # practised in one class period, and nothing unsure is published unread.
        assert kinds == Counter({kind: min(2, n) for kind, n in approved.items()})
        assert len(kinds) >= 6
        assert all(item.question.status == "approved" for item in quiz.items)
        assert all(item.question.confidence >= 0.7 for item in quiz.items)
        code = quiz.join_code
    assert code in client.get("/").get_data(as_text=True)
    assert client.get(f"/quiz/{code}").status_code == 200
    again = runner.invoke(args=["setup"])
    assert again.exit_code == 0 and "nothing seeded" in again.output
    assert count(app, Quiz) == 1


def test_create_quiz_takes_at_most_n_questions_of_each_kind(app, runner, generated_once):
    runner.invoke(args=["load-story", str(SEED)])
    runner.invoke(args=["generate", SEED.name, "--approve"])
    result = runner.invoke(args=["create-quiz", SEED.name, "--per-kind", "1", "--title", "Warm-up"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        assert quiz.title == "Warm-up"
        kinds = Counter(item.question.kind for item in quiz.items)
        approved = {q.kind for q in db.session.execute(
            db.select(Question).where(Question.status == "approved")).scalars()}
        assert set(kinds.values()) == {1} and set(kinds) == approved


def test_create_quiz_without_approved_questions_is_refused(app, runner, generated_once):
    runner.invoke(args=["load-story", str(SEED)])
    runner.invoke(args=["generate", SEED.name])  # drafts only
    result = runner.invoke(args=["create-quiz", SEED.name])
    assert result.exit_code != 0
    assert "no approved questions" in result.output
    assert count(app, Quiz) == 0


def test_a_quiz_from_a_story_with_a_very_long_title_keeps_its_start(app):
    from quizapp.models import Article, Choice, Evidence, Question, QuestionStatus
    from quizapp.quiz_builder import quiz_from_story

    with app.app_context():
        story = Story(slug="long", title="Floods " * 60)
        article = Article(key="a", position=0, text="The river rose by two metres.")
        story.articles.append(article)
        story.questions.append(Question(
            kind="numbers", skill="numbers", prompt="How far did the river rise?",
            status=QuestionStatus.APPROVED,
            choices=[Choice(position=0, text="Two metres", correct=True),
                     Choice(position=1, text="Five metres")],
            evidence=[Evidence(position=0, article=article, passage="rose by two metres")]))
        db.session.add(story)
        db.session.flush()
        quiz = quiz_from_story(story)
        db.session.commit()
        assert quiz.title.startswith("Floods Floods") and quiz.title.endswith("…")
        assert len(quiz.title) <= 300
