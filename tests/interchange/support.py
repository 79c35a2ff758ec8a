"""A small bank with every character the formats must escape, for the writers' own tests."""
from __future__ import annotations

from quizapp.interchange.model import Article, Bank, Choice, Item, Passage

COURIER = ("Chief Mara Osei said the fire was “under control” by noon.\n\n"
           "Officials counted 14 boats damaged {at least}: a = b ~ c # d \\ e.")
WIRE = "The harbour master said 12 boats were damaged, according to Reuters."

ARTICLES = (
    Article(key="courier", outlet="Coast Courier", title="Harbour fire: 14 boats", text=COURIER,
            date="2025-04-09", url="https://example.org/courier"),
    Article(key="wire 2", outlet="Bay Wire", title="Blaze at the docks", text=WIRE),
)

ITEMS = (
    Item(prompt="Who said the fire was “under control”? {Pick one} a = b ~ c # d: e \\ f",
         choices=(Choice("Mara Osei", True), Choice("The harbour master"),
                  Choice("Bay Wire: ~ = # { } \\")),
         explanation="The Courier quotes Osei; read whom “said” points to.",
         evidence=(Passage("courier", "Chief Mara Osei said the fire was “under control” by "
                                      "noon."),),
         skill="attribution", kind="quote_attribution", ident="question-1"),
    Item(prompt="Which figures for damaged boats appear? Choose all that apply.",
         choices=(Choice("12", True), Choice("14", True), Choice("20"), Choice("<b>16</b>")),
         explanation="The outlets disagree: 14 and 12.",
         evidence=(Passage("courier", "Officials counted 14 boats damaged"),
                   Passage("wire 2", "12 boats were damaged")),
         skill="numbers", kind="numbers", ident="question-2"),
    Item(prompt="Which agency does Bay Wire credit?",
         choices=(Choice("AFP"), Choice("Reuters", True), Choice("AP")),
         explanation="Bay Wire writes “according to Reuters”.",
         evidence=(Passage("wire 2", "according to Reuters"),),
         skill="sourcing", kind="agency_credit", ident="question-3"),
)


def bank(**changes) -> Bank:
    values = dict(title="Harbour fire quiz", story_title="Fire at the harbour / docks",
                  story_slug="harbour-fire", articles=ARTICLES, items=ITEMS,
                  shuffle_questions=True, shuffle_choices=True)
    values.update(changes)
    return Bank(**values)


def keyed(items) -> list[tuple]:
    """What a round trip must keep: each prompt, its choices in order, and which are right."""
    return [(item.prompt, tuple((c.text, c.correct) for c in item.choices)) for item in items]
