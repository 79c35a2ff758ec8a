"""The story model: what a careful reader knows after reading every article once. Kinds ask it;
they never read the raw text again, so a fix in reading mends every kind (as spaCy's Doc is
read by every pipeline component).

Each part is read the first time a kind asks for it, then kept: a story is read once however
many kinds run. Each part's records are defined beside the rules that read them.
"""
from __future__ import annotations

from functools import cached_property

from quizapp.generators.model import Story
from quizapp.generators.reading.articles import ArticleReading, Passage, read_articles
from quizapp.generators.reading.outlets import Outlet, read_outlets


class StoryModel:
    def __init__(self, story: Story) -> None:
        self.story = story

    # --- the articles --------------------------------------------------------------------------

    @cached_property
    def articles(self) -> tuple[ArticleReading, ...]:
        return read_articles(self.story)

    @cached_property
    def outlets(self) -> tuple[Outlet, ...]:
        return read_outlets(self.articles)

    def article(self, article_id: str) -> ArticleReading:
        for reading in self.articles:
            if reading.id == article_id:
                return reading
        raise KeyError(article_id)

    def outlet_of(self, article_id: str) -> Outlet | None:
        for outlet in self.outlets:
            if outlet.article == article_id:
                return outlet
        return None

    def passage(self, article_id: str, start: int, end: int) -> Passage:
        return self.article(article_id).passage(start, end)

    # --- what the articles say (each read by its own module, on first use) ---------------------

    @cached_property
    def entities(self):
        """People and organisations, each with every variant of its name clustered."""
        from quizapp.generators.reading.names import read_entities

        return read_entities(self)

    @cached_property
    def sorts(self):
        """Each person's and body's sort: a body, a public person (an office or role) or a private
        one (a resident, a witness), read from how the story introduces them."""
        from quizapp.generators.reading.sorts import read_sorts

        return read_sorts(self)

    @cached_property
    def ranks(self):
        """Ranks outlets give in their own words: "the country's 15th-largest bank"."""
        from quizapp.generators.reading.ranks import read_ranks

        return read_ranks(self)

    @cached_property
    def quotations(self):
        """Quoted words with their speaker, outlet and place, and the labels among them."""
        from quizapp.generators.reading.quotations import read_quotations

        return read_quotations(self)

    @cached_property
    def figures(self):
        """Every figure with its value, qualifier, unit, what it counts, who gives it and when."""
        from quizapp.generators.reading.figures import read_figures

        return read_figures(self)

    @cached_property
    def facts(self):
        """Figures grouped across outlets by the quantity they give: the same toll, the same sum."""
        from quizapp.generators.reading.facts import read_facts

        return read_facts(self)

    @cached_property
    def credits(self):
        """Bylines, agency tags, sign-offs and "according to": whom each article relies on."""
        from quizapp.generators.reading.credits import read_credits

        return read_credits(self)

    def carries_copy(self, article_id: str) -> bool:
        """Whether the article credits a news agency or another outlet for the whole of its text
        ("(Reuters) -", "This article first ran on ..."): its words are that source's, not the
        outlet's own choice."""
        return any(c.article == article_id and c.whole and c.named for c in self.credits)

    @cached_property
    def shared_texts(self):
        """Pairs of articles carrying the same text: word for word, reworded or respun."""
        from quizapp.generators.reading.provenance import read_shared_texts

        return read_shared_texts(self)

    @cached_property
    def statements(self):
        """How each sentence of each article presents what it says: asserted, attributed or
        hedged, and by what words."""
        from quizapp.generators.reading.statements import read_statements

        return read_statements(self)

    @cached_property
    def terms(self):
        """Loaded and neutral terms each outlet uses, and whose voice each one is in."""
        from quizapp.generators.reading.terms import read_terms

        return read_terms(self)


_LAST: list[tuple[Story, StoryModel]] = []


def read_story(story: Story) -> StoryModel:
    """The story's model, read once: the same story asked for again gets the same model."""
    for seen, model in _LAST:
        if seen is story or seen == story:
            return model
    model = StoryModel(story)
    _LAST[:] = [(story, model)]
    return model
