"""A quiz mixing all five item types on the students' harbour story: the three choice questions
of tests/students plus one matching, one ordering and one find-the-evidence question, stored
through bank.py as the generators would write them; and the answers a test gives them."""
from __future__ import annotations

from quizapp import generators as core
from quizapp.extensions import db
from quizapp.models import Question
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
