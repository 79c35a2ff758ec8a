"""A small story whose map has a row of each sort (a toll two outlets disagree on, a claim one
credits and another states, a quotation worded two ways) and blank cells, with markup in an
outlet's name, the title and a quotation, for the web tests of the story map; and how those
tests read a map page and the reader it links to."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from quizapp import bank, quiz_builder
from quizapp import generators as core
from quizapp.extensions import db

GAZETTE = (
    "At least 12 people were killed when a ferry sank off Port Ellis, the coast guard said.\n\n"
    "\u201cWe are still searching the water for <survivors>,\u201d said Captain Mara Voss, who "
    "leads the rescue.\n\n"
    "The ferry was carrying 140 passengers from Port Ellis, the coast guard said.")
WIRE = (
    "A ferry sank off Port Ellis, killing 19 people.\n\n"
    "\u201cWe are still searching the waters near the harbour for <survivors>,\u201d Captain "
    "Mara Voss told reporters.\n\n"
    "The ferry was carrying 140 passengers from Port Ellis.")
TIMES = "A ferry sank off Port Ellis. Rescuers searched the water and the"  # stops mid-sentence
WIRE_OUTLET = 'Bay <Wire> & "Co"'

STORY = core.Story(
    slug="ferry-map",
    title="Ferry <b>sinks</b>",
    articles=(
        core.Article(id="gazette", outlet="Harbour Gazette", title="Ferry sinks", text=GAZETTE,
                     whole=True),
        core.Article(id="wire", outlet=WIRE_OUTLET, title="Ferry down", text=WIRE, whole=True),
        core.Article(id="times", outlet="Valley Times", title="", text=TIMES),
    ),
)
QUESTION = core.Question(
    kind="conflict", skill="cross-checking",
    prompt="Which outlet gives a death toll of 19?",
    choices=(WIRE_OUTLET, "Harbour Gazette", "Valley Times"), answer=(0,),
    explanation="Bay Wire gives 19; the Harbour Gazette at least 12.",
    evidence=(core.Evidence("wire", "A ferry sank off Port Ellis, killing 19 people."),),
)


def store(app) -> tuple[int, str]:
    """The story with one approved question and a published quiz; its id and join code."""
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, [QUESTION], status="approved")
        quiz = quiz_builder.quiz_from_story(row)
        db.session.commit()
        return row.id, quiz.join_code


def value_links(html: str) -> list[tuple[str, str]]:
    """(address, the value's text) of every link in the map's cells."""
    found = []
    for cell in re.findall(r"<td>(.*?)</td>", html, re.S):
        for href, text in re.findall(r'<a href="([^"]+)">(.*?)<span class="visually-hidden">',
                                     cell, re.S):
            found.append((unescape(href), unescape(text)))
    return found


def span_of(address: str) -> tuple[int, int]:
    start, end = parse_qs(urlsplit(address).query)["at"][0].split("-")
    return int(start), int(end)


def marked(html: str) -> str:
    """The text a reader page highlights, its hidden words for screen readers left out."""
    pieces = re.findall(r"<mark[^>]*>(.*?)</mark>", html, re.S)
    text = "".join(re.sub(r'<span class="visually-hidden">.*?</span>', "", p) for p in pieces)
    return unescape(text)
