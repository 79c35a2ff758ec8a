"""pygiftparser, the independent GIFT parser the tests read our GIFT with, and how its text
compares with ours."""
from __future__ import annotations

import io
import warnings

with warnings.catch_warnings():
    # pygiftparser 1.1 asks locale.getdefaultlocale() on import, deprecated since Python 3.11.
    warnings.simplefilter("ignore", DeprecationWarning)
    from pygiftparser import parser as giftparser
    from pygiftparser import utils as giftutils


def parsed_questions(text: str) -> list:
    return giftparser.parseFile(io.StringIO(text))


def their_text(text: str) -> str:
    # pygiftparser unescapes ~ = # { } : but leaves an escaped backslash doubled, where Moodle
    # reads one backslash; the line break it leaves as \\n.
    return giftutils.transformSpecials(text).replace("\\\\", "\\").replace("\\n", "\n")
