"""A class roster uploaded as a file beside the box to paste it in: a .txt of names or a CSV's
first column (its header row skipped), in UTF-8 with or without a BOM, tidied and checked as
pasted names are; a file's names replace the box's. A bad file is refused with a message, the
form keeping what was typed, and nothing saved."""
from __future__ import annotations

import io

import pytest

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.instructors.test_quizzes import mixed_story, settings

BOM = "\ufeff".encode()


def _send(signed_in, story_id: int, ids: dict[str, int], filename: str, content: bytes,
          follow: bool = False, **fields):
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    data = settings(page, **{"questions": [str(ids["A1?"])]} | fields)
    data["roster_file"] = (io.BytesIO(content), filename)
    return signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=data,
                          follow_redirects=follow)


def _saved_roster(app) -> list[str] | None:
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one_or_none()
        return None if quiz is None else quiz.roster_names


def test_the_form_sends_files_and_keeps_its_csrf_token(app, signed_in):
    story_id, _ = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and 'name="csrf_token"' in page
    assert 'type="file"' in page and 'name="roster_file"' in page
    assert 'accept=".txt,.csv,text/plain,text/csv"' in page


def test_a_spreadsheets_csv_with_a_bom_and_a_header_gives_its_first_column(app, signed_in):
    story_id, ids = mixed_story(app)
    sheet = ("\ufeffName,Class\r\n  Ada   Lovelace ,7B\r\n\"Osei, Mara\",7B\r\n,\r\n"
             "Grace Hopper,7C\r\n")
    saved = _send(signed_in, story_id, ids, "class 7B.csv", sheet.encode(), follow=True,
                  roster="Someone Typed")
    assert "3 names: students pick theirs" in saved.get_data(as_text=True)
    # The file's names replace the box's: the file is the class list the teacher chose.
    assert _saved_roster(app) == ["Ada Lovelace", "Osei, Mara", "Grace Hopper"]


def test_a_csv_of_semicolons_without_a_bom(app, signed_in):
    story_id, ids = mixed_story(app)
    _send(signed_in, story_id, ids, "klasse.csv", "Name;Klasse\nZoë Brandt;7B\nJürgen Ott;7B\n"
          .encode())
    assert _saved_roster(app) == ["Zoë Brandt", "Jürgen Ott"]


def test_a_text_file_is_a_name_a_line(app, signed_in):
    story_id, ids = mixed_story(app)
    # Every line is a name, even one that looks like a header: only a CSV has one.
    _send(signed_in, story_id, ids, "names.TXT", b"Name\n\n  Bo   Li\nAda\n")
    assert _saved_roster(app) == ["Name", "Bo Li", "Ada"]


BAD_FILES = [
    ("class.pdf", b"%PDF-1.4 Ada", "Upload the class list as a .txt or .csv file."),
    ("class.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text file of names in UTF-8"),
    ("class.txt", "Ada\n".encode("utf-16"), "is not a text file of names in UTF-8"),
    ("class.txt", b"Ada Lovelace\n" * 21_000, "The file is over 256 KiB"),
    ("class.csv", BOM + b"Name,Class\n\n", "The file has no names in it."),
    ("class.txt", b"  \n\n", "The file has no names in it."),
    ("class.txt", b"Ada Lovelace\nGrace Hopper\nADA  lovelace\n",
     "“ADA lovelace” is on the roster twice: add an initial"),
    ("class.txt", "".join(f"Student {n}\n" for n in range(501)).encode(),
     "A roster holds at most 500 names; this one has 501."),
]


@pytest.mark.parametrize(("filename", "content", "message"), BAD_FILES,
                         ids=["pdf", "image", "utf-16", "too big", "header only", "empty",
                              "a name twice", "too many"])
def test_a_bad_file_is_refused_with_a_message_and_nothing_saved(app, signed_in, filename,
                                                                content, message):
    story_id, ids = mixed_story(app)
    refused = _send(signed_in, story_id, ids, filename, content, title="Harbour <quiz>",
                    roster="Grace Hopper")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "The quiz was not saved" in html and message in html
    # What was typed stays; nothing is stored.
    assert 'value="Harbour &lt;quiz&gt;"' in html and ">\r\nGrace Hopper</textarea>" in html
    assert _saved_roster(app) is None


def test_a_good_file_on_a_form_sent_back_for_another_reason_leaves_its_names_in_the_box(
        app, signed_in):
    story_id, ids = mixed_story(app)
    refused = _send(signed_in, story_id, ids, "class.txt", b"Ada Lovelace\nGrace Hopper\n",
                    questions=[])
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Tick at least one question." in html
    assert ">\r\nAda Lovelace\nGrace Hopper</textarea>" in html  # a browser never refills a file
    assert _saved_roster(app) is None


def test_an_upload_without_the_forms_token_is_refused(app, signed_in):
    story_id, ids = mixed_story(app)
    page = signed_in.get(f"/instructor/stories/{story_id}/quizzes/new").get_data(as_text=True)
    data = settings(page, questions=[str(ids["A1?"])])
    del data["csrf_token"]
    data["roster_file"] = (io.BytesIO(b"Ada\n"), "class.txt")
    refused = signed_in.post(f"/instructor/stories/{story_id}/quizzes/new", data=data)
    assert refused.status_code in (400, 422) and _saved_roster(app) is None
