"""The seed quiz through the command line: exported in all four formats, and the GIFT and Moodle
XML imported back into its story as drafts with the same prompts, choices and keys; QTI read
back by our test reader and, for 2.1, by an independent converter."""
from __future__ import annotations

from pathlib import Path

import pytest
from qti_convert import upgrade_package_files

from quizapp.extensions import db
from quizapp.interchange import gift, moodle_xml
from quizapp.models import Question, QuestionStatus, Quiz, Story
from tests.interchange.independent_gift import parsed_questions, their_text
from tests.interchange.test_qti import QTI3, QTI21, files_of, read_items

CHOICE_TYPES = ("single", "multiple")


def seed_quiz(app) -> tuple[str, str, list[tuple]]:
    """The seed quiz's join code, its story's slug and what a round trip must keep of its
    single- and multiple-choice questions (matching has its own round-trip tests, and no
    format carries find-the-evidence: export names those)."""
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().one()
        keyed = [(slot.question.prompt,
                  tuple((c.text, c.correct) for c in slot.question.choices))
                 for slot in quiz.items if slot.question.type in CHOICE_TYPES]
        return quiz.join_code, quiz.story.slug, keyed


def typed_prompts(app) -> set[str]:
    """The prompts of the seed quiz's matching, ordering and evidence questions."""
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().one()
        return {slot.question.prompt for slot in quiz.items
                if slot.question.type not in CHOICE_TYPES}


def typed_types(app) -> list[str]:
    """The types of the seed quiz's matching and ordering questions, which GIFT and Moodle XML
    carry, in order."""
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().one()
        return sorted(slot.question.type for slot in quiz.items
                      if slot.question.type not in (*CHOICE_TYPES, "evidence"))


def choice_items(app, items: list) -> list:
    """Read-back items without those of the other types (their prompts say which)."""
    others = typed_prompts(app)
    return [item for item in items if item[0] not in others]


def export(runner, tmp_path: Path, code: str, fmt: str, *extra) -> Path:
    output = tmp_path / f"seed.{fmt}"
    result = runner.invoke(args=["export", *extra, code, "--format", fmt, "--output",
                                 str(output)])
    assert result.exit_code == 0, result.output
    left_out = [line for line in result.output.splitlines() if line.startswith("Left out")]
    assert all("leaves out this evidence question" in line for line in left_out)
    return output


@pytest.mark.parametrize("fmt", ["gift", "moodle"])
def test_the_seed_quiz_goes_out_and_back_in_with_the_sameparsed_questions(first_run, runner,
                                                                    tmp_path, fmt):
    code, slug, keyed = seed_quiz(first_run)
    output = export(runner, tmp_path, code, fmt)
    result = runner.invoke(args=["import-questions", slug, str(output)])
    assert result.exit_code == 0, result.output
    typed = typed_types(first_run)
    assert f"Imported {len(keyed) + len(typed)} questions" in result.output
    with first_run.app_context():
        imported = db.session.execute(
            db.select(Question).where(Question.origin == "manual").order_by(Question.id)
        ).scalars().all()
        assert [(q.prompt, tuple((c.text, c.correct) for c in q.choices))
                for q in imported if q.type in CHOICE_TYPES] == keyed
        assert sorted(q.type for q in imported if q.type not in CHOICE_TYPES) == typed
        assert {q.status for q in imported} == {QuestionStatus.DRAFT}
        assert all(not q.evidence for q in imported)


def test_the_seed_quiz_as_qti3_and_qti21_holds_every_question_and_key(first_run, runner,
                                                                        tmp_path):
    code, _, keyed = seed_quiz(first_run)
    qti3_files = files_of(export(runner, tmp_path, code, "qti3").read_bytes())
    assert choice_items(first_run, read_items(qti3_files, QTI3, kebab=True)) == keyed
    assert sum(1 for name in qti3_files if name.startswith("article-")) == 5
    qti21_files = files_of(export(runner, tmp_path, code, "qti21").read_bytes())
    assert choice_items(first_run, read_items(qti21_files, QTI21, kebab=False)) == keyed
    # The independent converter's QTI 3.0 of our 2.1 says the same.
    upgraded = {name: data if isinstance(data, bytes) else data.encode()
                for name, data in upgrade_package_files(qti21_files).files.items()}
    assert choice_items(first_run, read_items(upgraded, QTI3, kebab=True)) == keyed


def test_the_seed_quiz_as_gift_reads_the_same_in_an_independent_parser(first_run, runner,
                                                                        tmp_path):
    code, _, keyed = seed_quiz(first_run)
    text = export(runner, tmp_path, code, "gift").read_text(encoding="utf-8")
    questions = [q for q in parsed_questions(text) if type(q.answers).__name__ != "Description"]
    assert all(q.valid for q in questions)
    others = typed_prompts(first_run)
    assert [(their_text(q.text), tuple((their_text(a.answer), a.fraction > 0)
                                        for a in q.answers.answers))
            for q in questions if their_text(q.text) not in others] == keyed


def test_a_story_bank_exports_its_approvedparsed_questions(first_run, runner, tmp_path):
    _, slug, _ = seed_quiz(first_run)
    with first_run.app_context():
        approved = db.session.execute(
            db.select(db.func.count(Question.id)).where(
                Question.status == QuestionStatus.APPROVED,
                Question.type != "evidence")).scalar()
    output = tmp_path / "bank.gift"
    result = runner.invoke(args=["export", "--story", slug, "--format", "gift",
                                 "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {approved} questions and 5 articles as GIFT" in result.output
    assert len(gift.read(output.read_bytes())) == approved


@pytest.mark.parametrize(("args", "words"), [
    (["NOPE42", "--format", "gift"], "No quiz has the join code 'NOPE42'"),
    (["--story", "no-such-story", "--format", "gift"], "No story named 'no-such-story'"),
    (["--format", "gift"], "Name a quiz by its join code, or a story"),
    (["X", "--format", "pdf"], "'pdf' is not one of"),
])
def test_export_says_what_is_wrong(app, runner, tmp_path, args, words):
    result = runner.invoke(args=["export", *args, "--output", str(tmp_path / "out")])
    assert result.exit_code != 0 and words in result.output
    assert not (tmp_path / "out").exists()


def test_moodle_xml_of_the_seed_has_the_story_as_category(first_run, runner, tmp_path):
    code, _, keyed = seed_quiz(first_run)
    data = export(runner, tmp_path, code, "moodle").read_bytes()
    with first_run.app_context():
        title = db.session.execute(db.select(Story.title)).scalar_one()
    assert f"$course$/top/{title}".encode() in data
    assert len(moodle_xml.read(data)) == len(keyed) + len(typed_types(first_run))
