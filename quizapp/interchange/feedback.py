"""How an item's explanation and evidence read as feedback, the same in every format: the
explanation, then each passage with the article it comes from."""
from __future__ import annotations

from quizapp.interchange.model import Bank, Item


def evidence_lines(item: Item, bank: Bank) -> list[str]:
    lines = []
    for passage in item.evidence:
        article = bank.article(passage.article_key)
        source = article.label if article else passage.article_key
        lines.append(f"Evidence ({source}): “{passage.text}”")
    return lines
