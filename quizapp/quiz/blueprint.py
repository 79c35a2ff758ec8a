"""The students' blueprint, on its own so that its pages import it without importing the package."""
from flask import Blueprint

from quizapp import reader

bp = Blueprint("quiz", __name__)


@bp.app_template_global()
def article_sentences(question) -> tuple:
    """A find-the-evidence question's article (the one its sentences come from) and its
    paragraphs as runs of text and selectable sentences (indices into its choices)."""
    article = next((e.article for e in question.evidence if e.item_id is None), None)
    if article is None:
        return None, [[(choice.text, i)] for i, choice in enumerate(question.choices)]
    return article, reader.sentence_paragraphs(article.text, [c.text for c in question.choices])
