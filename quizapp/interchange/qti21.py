"""A QTI 2.1 content package, as Canvas, Blackboard, Brightspace and others import it: items,
a test in the quiz's order and imsmanifest.xml. QTI 2.1 has no shared stimulus, so each article
travels as a web page in the package, linked from the items that quote it."""
from __future__ import annotations

import html

from quizapp.interchange import qti_markup
from quizapp.interchange.model import Article, Bank, Item, Written

DIALECT = qti_markup.Dialect(
    name="2.1",
    namespace="http://www.imsglobal.org/xsd/imsqti_v2p1",
    schema="http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd",
    manifest_namespace="http://www.imsglobal.org/xsd/imscp_v1p1",
    manifest_schema="http://www.imsglobal.org/xsd/imscp_v1p1.xsd",
    item_type="imsqti_item_xmlv2p1",
    test_type="imsqti_test_xmlv2p1",
    kebab=False,
)


def _page(b: qti_markup.Builder, article: Article) -> tuple[str, bytes, str]:
    ident = qti_markup.identifier(article.key, "article-")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    meta = html.escape(" · ".join(filter(None, [article.date, article.url])))
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(article.label)}</title></head><body>"
            f"<h1>{html.escape(article.label)}</h1><p>{meta}</p>{paragraphs}</body></html>\n")
    return f"{ident}.html", page.encode("utf-8"), "webcontent"


def _references(bank: Bank):
    ids = qti_markup.article_ids(bank)

    def refer(b: qti_markup.Builder, root, item: Item):
        body = b.q(root, "itemBody")
        keys = [key for key in item.article_keys() if key in ids]
        if keys:
            line = b.h(body, "p", "Read: ")
            for number, key in enumerate(keys):
                link = b.h(line, "a", bank.article(key).label, href=f"{ids[key]}.html")
                link.tail = ", " if number < len(keys) - 1 else None
        return body

    return refer


def write(bank: Bank) -> Written:
    return qti_markup.write_package(DIALECT, bank, _page, _references(bank))
