"""A quiz's class roster: the names its students pick from, pasted or read from a class list
file, cleaned and checked when the teacher saves them; and names compared as students type them
(case and spacing aside)."""
from __future__ import annotations

import csv
import io

MAX_NAMES = 500
NAME_LENGTH = 80  # as a typed name (quizapp.quiz.forms)
FILE_BYTES = 256 * 1024  # 500 names of 80 characters fit many times over
# A CSV's first row that names its column rather than a student (compared as names are).
HEADERS = {"name", "names", "student", "students", "student name", "student names", "full name",
           "pupil", "pupils", "pupil name"}


class UnreadableFile(ValueError):
    """A class list file that holds no names to read, in the teacher's words."""


def normalise_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def cleaned(text: str) -> str:
    """The roster as stored: a name a line, each with its spacing tidied, no empty lines."""
    return "\n".join(" ".join(line.split()) for line in (text or "").splitlines() if line.strip())


def from_file(data: bytes, filename: str) -> str:
    """The names in a class list file, one a line: a .txt's lines, or a CSV's first column
    without its header row; UTF-8, as spreadsheets save "CSV UTF-8" (with a BOM) and editors
    save text (without)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\0" in text:  # NUL: a binary file whose bytes happen to decode
        raise UnreadableFile("The file is not a text file of names in UTF-8: save the class list "
                             "as “Text” or “CSV UTF-8” and upload that.")
    if filename.lower().endswith(".csv"):
        text = _first_column(text)
    if not cleaned(text):
        raise UnreadableFile("The file has no names in it.")
    return text


def _first_column(text: str) -> str:
    try:
        # Spreadsheets in much of Europe separate columns with semicolons.
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:  # one column: nothing to tell apart
        dialect = csv.excel
    names = [row[0] if row else "" for row in csv.reader(io.StringIO(text), dialect)]
    if names and normalise_name(names[0]) in HEADERS:
        names = names[1:]
    return "\n".join(names)


def problem(text: str) -> str | None:
    """What is wrong with a roster the teacher typed, in their words, or None."""
    names = cleaned(text).splitlines()
    if len(names) > MAX_NAMES:
        return f"A roster holds at most {MAX_NAMES} names; this one has {len(names)}."
    long = next((name for name in names if len(name) > NAME_LENGTH), None)
    if long is not None:
        return f"Keep each name under {NAME_LENGTH} characters: “{long[:40]}…” is longer."
    seen: dict[str, str] = {}
    for name in names:
        if normalise_name(name) in seen:
            return (f"“{name}” is on the roster twice: add an initial to tell the two students "
                    "apart.")
        seen[normalise_name(name)] = name
    return None


def on_roster(names: list[str], name: str) -> str | None:
    """The roster's spelling of the name, or None when it is not on the roster."""
    wanted = normalise_name(name)
    return next((listed for listed in names if normalise_name(listed) == wanted), None)
