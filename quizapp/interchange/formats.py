"""The formats by the names the command line and the pages use: how each is written, its file
name ending and media type, and which can be read back."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizapp.interchange import gift, moodle_xml, qti3, qti21
from quizapp.interchange.model import Bank, Item, Written


@dataclass(frozen=True)
class Format:
    name: str  # for people
    extension: str
    mimetype: str
    write: Callable[[Bank], Written]
    read: Callable[[bytes], list[Item]] | None = None


FORMATS: dict[str, Format] = {
    "qti3": Format("QTI 3.0 package", ".zip", "application/zip", qti3.write),
    "qti21": Format("QTI 2.1 package", ".zip", "application/zip", qti21.write),
    "moodle": Format("Moodle XML", ".xml", "application/xml", moodle_xml.write, moodle_xml.read),
    "gift": Format("GIFT", ".gift.txt", "text/plain; charset=utf-8", gift.write, gift.read),
}
READABLE = {code: fmt for code, fmt in FORMATS.items() if fmt.read is not None}


def readable_for(filename: str, data: bytes) -> str:
    """Which reader takes a file: Moodle XML when it is XML (by name or first bytes), else
    GIFT."""
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return "moodle" if filename.lower().endswith(".xml") or head.startswith(b"<") else "gift"
