"""Importing GIFT and Moodle XML into a story's bank from the command line: ten questions each
arrive as drafts that need evidence; a bad file names its line and saves nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from quizapp import question_status
from quizapp.extensions import db
from quizapp.interchange import gift, moodle_xml
from quizapp.models import Question
from tests.instructors.support import store_story
from tests.interchange.support import MATCHING, pairs, typed_bank

FILES = Path(__file__).resolve().parent / "files"


def questions(app) -> list[Question]:
    with app.app_context():
        rows = db.session.execute(db.select(Question).order_by(Question.id)).scalars().all()
        for row in rows:
            _ = row.choices, row.evidence
        db.session.expunge_all()
        return rows


@pytest.mark.parametrize("name", ["ten-questions.gift", "ten-questions.xml"])
def test_ten_questions_import_as_drafts_that_need_evidence(app, runner, name):
    store_story(app)
    result = runner.invoke(args=["import-questions", "harbour-fire", str(FILES / name)])
    assert result.exit_code == 0, result.output
    assert "Imported 10 questions into 'harbour-fire' as drafts" in result.output
    rows = questions(app)
    assert len(rows) == 10
    assert {row.status for row in rows} == {"draft"} and {row.origin for row in rows} == {"manual"}
    assert rows[2].skill == "numbers" and rows[0].skill in ("attribution", "cross-checking")
    assert [c.correct for c in rows[2].choices] == [True, True, False]
    with app.app_context():
        row = db.session.get(Question, rows[0].id)
        assert question_status.needs_evidence(row)
        with pytest.raises(question_status.StatusError, match="needs evidence"):
            question_status.approve(row)


def test_a_bad_file_names_its_line_and_saves_nothing(app, runner, tmp_path):
    store_story(app)
    good = (FILES / "ten-questions.gift").read_text()
    bad = tmp_path / "bad.gift"
    bad.write_text(good + "\n::Chief::Name the fire chief. {=Osei =Mara Osei}\n")
    line = len(good.splitlines()) + 2
    result = runner.invoke(args=["import-questions", "harbour-fire", str(bad)])
    assert result.exit_code != 0
    assert f"Nothing imported. GIFT: line {line}: a short-answer question" in result.output
    assert questions(app) == []


def test_a_bad_moodle_file_names_the_element(app, runner, tmp_path):
    store_story(app)
    bad = tmp_path / "bad.xml"
    bad.write_text((FILES / "ten-questions.xml").read_text().replace(
        '<question type="truefalse">\n    <name><text>Fourteen',
        '<question type="essay">\n    <name><text>Fourteen'))
    result = runner.invoke(args=["import-questions", "harbour-fire", str(bad)])
    assert result.exit_code != 0
    assert "<question> 8 “Fourteen” (line 54): type=\"essay\" cannot be imported" in result.output
    assert questions(app) == []


def test_importing_into_a_missing_story_says_so(app, runner):
    result = runner.invoke(args=["import-questions", "nowhere",
                                 str(FILES / "ten-questions.gift")])
    assert result.exit_code != 0 and "No story named 'nowhere'" in result.output


@pytest.mark.parametrize("writer", [gift, moodle_xml])
def test_a_matching_question_imports_with_its_pairs(app, runner, tmp_path, writer):
    store_story(app)
    path = tmp_path / "typed.txt"
    path.write_bytes(writer.write(typed_bank()).data)
    result = runner.invoke(args=["import-questions", "harbour-fire", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 4 questions" in result.output  # 3 choice questions and the matching one
    with app.app_context():
        row = db.session.execute(
            db.select(Question).where(Question.type == "matching")).scalar_one()
        assert [(item.text, item.choice.text) for item in row.items] == list(pairs(MATCHING))
        assert sorted(c.text for c in row.choices) == ["12", "14", "20"]
