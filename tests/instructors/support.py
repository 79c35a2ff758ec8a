"""What the instructor tests share: a story with questions, and a student taking a quiz through
its pages as a browser would."""
from __future__ import annotations

import re

from quizapp import bank
from quizapp import generators as core
from quizapp.extensions import db
from tests.pages import hidden_fields
from tests.students.support import values

OSEI_SAID = "Chief Mara Osei said the fire was \u201cunder control\u201d by noon."
COURIER = ("Harbour fire\n\n" + OSEI_SAID + " "
           "Officials counted 14 boats damaged.")
WIRE = "Blaze at the docks\n\nThe harbour master said 12 boats were damaged, according to Reuters."

STORY = core.Story(
    slug="harbour-fire",
    title="Fire at the harbour",
    articles=(
        core.Article(id="courier", outlet="Coast Courier", title="Harbour fire", text=COURIER),
        core.Article(id="wire", outlet="Bay Wire", title="Blaze at the docks", text=WIRE),
    ),
)


def question(prompt: str, skill: str = "attribution", kind: str = "quote_attribution",
             choices=("Mara Osei", "The harbour master", "Bay Wire"), answer=(0,)) -> core.Question:
    return core.Question(
        kind=kind, skill=skill, prompt=prompt, choices=tuple(choices), answer=tuple(answer),
        explanation="The quote is attributed to Osei.",
        evidence=(core.Evidence("courier", OSEI_SAID),),
    )


def store_story(app, questions=(), status="draft") -> int:
    """The harbour story with these questions; returns the story's id."""
    with app.app_context():
        row = bank.store_story(STORY)
        bank.store_generated(row, list(questions), status=status)
        db.session.commit()
        return row.id


def take_quiz(client, join_code: str, name: str, answers: dict[int, list[int]]) -> str:
    """A student takes a one-question-per-page quiz through its pages, choosing these choice
    ids on these pages (1-based), and submits; returns the attempt's token."""
    page = client.get(f"/quiz/{join_code}")
    assert page.status_code == 200, page.status_code
    fields = hidden_fields(page.get_data(as_text=True))
    fields["student_name"] = name
    started = client.post(f"/quiz/{join_code}", data=fields)
    assert started.status_code in (302, 303), started.status_code
    token = re.search(r"/attempt/([^/?#]+)", started.headers["Location"]).group(1)
    for number, choice_ids in answers.items():
        question = client.get(f"/attempt/{token}/q/{number}")
        assert question.status_code == 200, question.status_code
        data = hidden_fields(question.get_data(as_text=True))
        data.update(answer=values(client, token, choice_ids), go="next")
        saved = client.post(f"/attempt/{token}/q/{number}", data=data)
        assert saved.status_code in (302, 303), saved.status_code
    page = client.get(f"/attempt/{token}", follow_redirects=True)
    done = client.post(
        f"/attempt/{token}/submit",
        data={"csrf_token": hidden_fields(page.get_data(as_text=True))["csrf_token"]},
    )
    assert done.status_code in (302, 303), done.status_code
    return token
