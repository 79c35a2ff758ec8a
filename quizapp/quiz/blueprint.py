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


def _key_texts(evidence, question) -> list[str]:
    """The key this evidence proves: its matching pair's match, or a choice question's right
    choices. An ordering's key is every item and find-the-evidence's is the passage itself:
    no words of theirs decide more than others. By ids and fields alone, so that the question
    pages' snapshots (quizapp/snapshots.py) and the database's rows both serve."""
    if evidence.item_id is not None:
        return [item.choice.text for item in question.items if item.id == evidence.item_id]
    if question.type in ("single", "multiple"):
        return [choice.text for choice in question.choices if choice.correct]
    return []


@bp.app_template_global()
def deciding_parts(text: str, evidence, question=None) -> list[tuple[str, bool]]:
    """The text (an evidence passage, or the part of it a paragraph holds) as runs of (text,
    deciding): the words that decide the key are marked. Only for pages that show the key.
    The question is the evidence's own unless given (a snapshot's evidence has no link back)."""
    return deciding_words.parts(text, _key_texts(evidence, question or evidence.question))
