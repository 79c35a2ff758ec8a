"""The students' blueprint, on its own so that its pages import it without importing the package."""
from flask import Blueprint

from quizapp import deciding_words, reader

bp = Blueprint("quiz", __name__)


@bp.app_template_global()
def article_sentences(question) -> tuple:
    """A find-the-evidence question's article (the one its sentences come from) and its
    paragraphs as runs of text and selectable sentences (indices into its choices)."""
    article = next((e.article for e in question.evidence if e.item_id is None), None)
    if article is None:
        return None, [[(choice.text, i)] for i, choice in enumerate(question.choices)]
    return article, reader.sentence_paragraphs(article.text, [c.text for c in question.choices])


def _key_texts(evidence) -> list[str]:
    """The key this evidence proves: its matching pair's match, or a choice question's right
    choices. An ordering's key is every item and find-the-evidence's is the passage itself:
    no words of theirs decide more than others."""
    if evidence.item is not None:
        return [evidence.item.choice.text]
    if evidence.question.type in ("single", "multiple"):
        return [choice.text for choice in evidence.question.key]
    return []


@bp.app_template_global()
def deciding_parts(text: str, evidence) -> list[tuple[str, bool]]:
    """The text (an evidence passage, or the part of it a paragraph holds) as runs of (text,
    deciding): the words that decide the key are marked. Only for pages that show the key."""
    return deciding_words.parts(text, _key_texts(evidence))
