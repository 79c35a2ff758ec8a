"""An article's sentences for a find-the-evidence question written in the question form, split
by the generators' own reading (the splitting their questions are made of, which the student
page then lays out in the article), and the sentences a question offers students: those that
prove the claim and the nearest others, chosen as the generators choose them."""
from __future__ import annotations

from quizapp import generators as core
from quizapp.generators.reading.articles import ArticleReading, Sentence, read_article
from quizapp.generators.writing.sentences import window
from quizapp.models import Article


def _reading(article: Article) -> ArticleReading:
    return read_article(core.Article(
        id=article.key, outlet=article.outlet, title=article.title, text=article.text,
        date=article.date, url=article.url, author=article.author, whole=article.whole))


def sentences_of(article: Article) -> list[Sentence]:
    """Every sentence of the article but its headline, in its order: what the form offers to
    tick (a credit line or a short sentence may prove a claim too)."""
    reading = _reading(article)
    return [sentence for sentence in reading.sentences if sentence is not reading.headline]


def offered(article: Article, keys: list[Sentence]) -> list[Sentence]:
    """The sentences students may pick: the keys and the nearest sentences of the report that
    stand whole on their own, six in all where the article has them, in the article's order."""
    return window(_reading(article), keys, lambda sentence: True)
