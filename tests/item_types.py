"""A quiz mixing all five item types on the students' harbour story: the three choice questions
of tests/students plus one matching, one ordering and one find-the-evidence question, stored
through bank.py as the generators would write them; and the answers a test gives them."""
from __future__ import annotations

import re
from html import unescape

from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Question
from tests.pages import hidden_fields
from tests.students.support import OSEI_SAID, QUESTIONS, make_quiz

MATCH = "Match each outlet with the damage it reports."
ORDER = "Put these in the order Coast Courier reports them, first to last."
FIND = "Find the sentence that says who gave the figure of fourteen damaged boats."

COURIER_FIGURE = "Fourteen boats were damaged, the harbour office said."
WIRE_FIGURE = "Officials counted 14 boats damaged."

MATCHING = core.Question(
    kind="figure_matching", skill="cross-checking", prompt=MATCH,
    items=("Coast Courier", "Bay Wire"),
    choices=("Fourteen boats damaged, says the harbour office",
             "14 boats damaged, officials counted",
             "Twelve boats damaged, says the coast guard"),
    answer=(0, 1), type="matching",
    explanation="Both give the same toll, from different sources.",
    evidence=(),
    item_evidence=((core.Evidence("a", COURIER_FIGURE),), (core.Evidence("b", WIRE_FIGURE),)),
)
ORDERING = core.Question(
    kind="report_order", skill="sourcing", prompt=ORDER,
    choices=("Osei says the fire is under control",
             "The harbour office counts the damaged boats",
             "The cause is not known yet"),
    answer=(0, 1, 2), type="ordering",
    explanation="The article gives the chief's words first, then the toll, then the cause.",
    evidence=(core.Evidence("a", OSEI_SAID),),
)
FINDING = core.Question(
    kind="find_source", skill="sourcing", prompt=FIND,
    choices=(OSEI_SAID, COURIER_FIGURE, "The cause is not yet known."),
    answer=(1,), type="evidence",
    explanation="The harbour office is credited with the figure.",
    evidence=(core.Evidence("a", COURIER_FIGURE),),
)
ALL_TYPES = [*QUESTIONS, MATCHING, ORDERING, FINDING]


def make_mixed_quiz(app, **settings) -> str:
    """The students' quiz with a question of every type; returns the join code."""
    return make_quiz(app, ALL_TYPES, **settings)


def question_row(prompt: str) -> Question:
    """The stored question with this prompt (inside an app context)."""
    return db.session.execute(db.select(Question).where(Question.prompt == prompt)).scalar_one()


def menus(html: str) -> dict[str, dict[str, str]]:
    """Each <select> of a page by its label's text: {label: {option text: value}}."""
    labels = _labels(html)
    found = {}
    for attrs, body in re.findall(r"<select([^>]*)>(.*?)</select>", html, re.S):
        options = re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', body)
        found[labels[_attribute(attrs, "id")]] = {unescape(text): value
                                                  for value, text in options}
    return found


def menu_names(html: str) -> dict[str, str]:
    """Each <select>'s name by its label's text."""
    labels = _labels(html)
    return {labels[_attribute(attrs, "id")]: _attribute(attrs, "name")
            for attrs in re.findall(r"<select([^>]*)>", html)}


def _labels(html: str) -> dict[str, str]:
    return {for_: unescape(re.sub(r"<[^>]+>", "", text)).strip() for for_, text in
            re.findall(r'<label[^>]*for="([^"]+)"[^>]*>(.*?)</label>', html, re.S)}


def _attribute(attrs: str, name: str) -> str:
    return re.search(rf'{name}="([^"]+)"', attrs).group(1)


def item_order(html: str) -> list[str]:
    """An ordering page's items, in the order it lists them."""
    return [unescape(text) for text in re.findall(
        r'<span class="item-text"><label[^>]*>([^<]*)</label>', html)]


def boxes(html: str) -> dict[str, str]:
    """Each checkbox's value by its label's text."""
    labels = {for_: unescape(text).strip()
              for for_, text in re.findall(r'<label for="([^"]+)">([^<]*)</label>', html)}
    return {labels[id_]: value for id_, value in re.findall(
        r'<input id="([^"]+)" name="[^"]+" type="checkbox" value="([^"]+)"', html)}


def number_of(client, token: str, prompt: str, count: int = 6) -> int:
    """The page number of the question with this prompt in a one-per-page attempt."""
    for number in range(1, count + 1):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        if unescape(prompt) in unescape(page):
            return number
    raise KeyError(prompt)


def answer_question(client, token: str, prompt: str, fields) -> None:
    """Answer the question with this prompt: `fields(page)` gives the form fields to send."""
    number = number_of(client, token, prompt)
    page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
    sent = client.post(f"/attempt/{token}/q/{number}", data={
        "csrf_token": hidden_fields(page)["csrf_token"], "go": "next", **fields(page)})
    assert sent.status_code == 302
