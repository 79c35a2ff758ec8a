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


MATCHING = Item(
    prompt="Match each outlet with the count of damaged boats it gives.",
    choices=(Choice("12", True), Choice("20"), Choice("14", True)),
    lefts=("Coast Courier", "Bay Wire"), matches=(2, 0), type="matching",
    explanation="The Courier counts 14, the Wire 12.",
    evidence=(Passage("courier", "Officials counted 14 boats damaged"),
              Passage("wire 2", "12 boats were damaged")),
    skill="cross-checking", kind="figure_match", ident="question-4")
ORDERING = Item(
    prompt="Put the Courier's report in the order it tells it.",
    choices=(Choice("The chief's statement", True), Choice("The boat count", True),
             Choice("The agency credit", True)),
    type="ordering", explanation="Read the article from the top.",
    evidence=(Passage("courier", "Chief Mara Osei said"),),
    skill="framing", kind="story_order", ident="question-5")
EVIDENCE = Item(
    prompt="Which sentence proves that Reuters is credited?",
    choices=(Choice(WIRE, True),), type="evidence", explanation="The credit line.",
    evidence=(Passage("wire 2", WIRE),), skill="sourcing", kind="find", ident="question-6")


def typed_bank() -> Bank:
    return bank(items=(*ITEMS, MATCHING, ORDERING, EVIDENCE))


def pairs(item: Item) -> tuple[tuple[str, str], ...]:
    """What a matching round trip must keep: each left item with its match's text."""
    return tuple((left, item.choices[m].text)
                 for left, m in zip(item.lefts, item.matches, strict=True))
