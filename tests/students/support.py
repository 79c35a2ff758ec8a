"""What the students' tests share: a small made-up story with a quiz, and a student's steps
(start, answer, submit) done through the real pages and forms."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from quizapp import attempts, bank, quiz_builder
from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Quiz
from tests.pages import hidden_fields

OSEI_SAID = "Chief Mara Osei said the fire was \u201cunder control\u201d by noon."
COAST_TEXT = (OSEI_SAID + "\n\n"
              "Fourteen boats were damaged, the harbour office said.\n\n"
              "The cause is not yet known.")
BAY_TEXT = "Officials counted 14 boats damaged.\n\nThe harbour reopened on Tuesday."

STORY = core.Story(
    slug="harbour-fire",
    title="Fire at the harbour",
    articles=(
        core.Article(id="a", outlet="Coast Courier", title="Harbour fire", text=COAST_TEXT,
                     date="2025-05-02", author="Lena Park", url="https://coast.example/fire"),
        core.Article(id="b", outlet="Bay Wire", title="Blaze at the docks", text=BAY_TEXT,
                     date="2025-05-03"),
    ),
)

WHO = "Who said the fire was \u201cunder control\u201d?"
WHICH = "Which outlets report 14 damaged boats? Choose all that apply."
HEDGE = "Does Coast Courier present the cause as known?"

QUESTIONS = [
    core.Question(
        kind="quote_attribution",
        skill="attribution",
        prompt=WHO,
        choices=("Mara Osei", "The harbour master", "Bay Wire"),
        answer=(0,),
        explanation="The quote is attributed to Osei.",
        evidence=(core.Evidence("a", OSEI_SAID),),
    ),
    core.Question(
        kind="outlet_detail",
        skill="cross-checking",
        prompt=WHICH,
        choices=("Coast Courier", "Bay Wire", "Neither"),
        answer=(0, 1),
        explanation="Both print the figure, one in words.",
        evidence=(
            core.Evidence("a", "Fourteen boats were damaged"),
            core.Evidence("b", "Officials counted 14 boats damaged."),
        ),
    ),
    core.Question(
        kind="hedging",
        skill="hedging",
        prompt=HEDGE,
        choices=("True", "False"),
        answer=(1,),
        explanation="It says the cause is not yet known.",
        evidence=(core.Evidence("a", "The cause is not yet known."),),
    ),
]


def make_quiz(app, questions=None, **settings) -> str:
    """Store the story and a published quiz of its three questions; returns the join code.

    The quiz shows the right answers right after each attempt, as a teacher may choose (a new
    quiz waits for its closing): most tests read the review that follows a submission. Tests of
    the review options pass `review_answers` themselves (None: the quiz's own default). Other
    `questions` than the three may be given."""
    settings.setdefault("review_answers", "after_attempt")
    settings = {name: value for name, value in settings.items() if value is not None}
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, QUESTIONS if questions is None else questions,
                             status="approved")
        quiz = quiz_builder.quiz_from_story(row)
        for name, value in settings.items():
            setattr(quiz, name, value)
        db.session.commit()
        return quiz.join_code


def set_quiz(app, **settings) -> None:
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        for name, value in settings.items():
            setattr(quiz, name, value)
        db.session.commit()


def choices(app) -> dict[str, dict[str, int]]:
    """question prompt -> {choice text: choice id}"""
    with app.app_context():
        return {q.prompt: {c.text: c.id for c in q.choices}
                for q in db.session.execute(db.select(Question)).scalars()}


def question_ids(app) -> dict[str, int]:
    with app.app_context():
        return {q.prompt: q.id for q in db.session.execute(db.select(Question)).scalars()}


def start(client, code: str, name: str = "Ada") -> str:
    """Join the quiz by its link and start; returns the attempt's token."""
    page = client.get(f"/quiz/{code}").get_data(as_text=True)
    response = client.post(f"/quiz/{code}", data=hidden_fields(page) | {"student_name": name})
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.search(r"/attempt/([A-Za-z0-9_-]+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def values(client, token: str, chosen: list[int]) -> list[str]:
    """What the attempt's pages carry for these choices (never their ids): what a browser sends
    when the student ticks them."""
    with client.application.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        return [attempts.choice_value(attempt, db.session.get(Choice, choice_id))
                for choice_id in chosen]


def csrf(client, token: str) -> str:
    """The CSRF token of the attempt's current page, as the page script reads it."""
    page = client.get(f"/attempt/{token}", follow_redirects=True).get_data(as_text=True)
    return hidden_fields(page)["csrf_token"]


def answer(client, token: str, number: int, chosen: list[int | str], go: str = "next"):
    """Answer question `number` of a one-per-page quiz with the form's buttons; `chosen` are
    choice ids, sent as the values the page gives those choices (or those values, read off the
    page)."""
    page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
    sent = [c for c in chosen if isinstance(c, str)] + values(
        client, token, [c for c in chosen if not isinstance(c, str)])
    for value in sent:
        assert f'value="{value}"' in page, "the page does not offer that choice"
    data = {"csrf_token": hidden_fields(page)["csrf_token"], "go": go, "answer": sent}
    return client.post(f"/attempt/{token}/q/{number}", data=data)


def prompt_of_page(html: str) -> str:
    legend = re.search(r"<legend>(.*?)</legend>", html, re.S)
    assert legend, "no question on the page"
    text = re.sub(r"<[^>]+>", "", legend.group(1))
    return unescape(text).replace("(choose all that apply)", "").strip()


def submit(client, token: str):
    page = client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    return client.post(f"/attempt/{token}/submit",
                       data={"csrf_token": hidden_fields(page)["csrf_token"]})


def attempt_row(app, token: str) -> Attempt:
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        db.session.expunge(attempt)
        return attempt


def saved_answers(app, token: str) -> dict[int, set[int]]:
    """question id -> chosen choice ids, as stored."""
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        return {r.question_id: {c.id for c in r.chosen} for r in attempt.responses}


class PageOutline(HTMLParser):
    """What the accessibility checks read from a page: the html lang, the h1s, every form
    control with its id and type, the labels' targets, and the ids of fieldsets' legends."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self._label_depth = 0
        self.fieldsets = 0
        self.legends = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self._label_depth += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            self.controls.append(attrs | {"_tag": tag, "_wrapped": self._label_depth > 0})
        elif tag == "fieldset":
            self.fieldsets += 1
        elif tag == "legend":
            self.legends += 1

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1

    def unlabelled(self) -> list[dict]:
        out = []
        for control in self.controls:
            if control.get("type") in ("hidden", "submit", "button"):
                continue
            named = control.get("aria-label") or control.get("aria-labelledby")
            if not (control["_wrapped"] or control.get("id") in self.label_for or named):
                out.append(control)
        return out


def outline(html: str) -> PageOutline:
    parser = PageOutline()
    parser.feed(html)
    return parser
