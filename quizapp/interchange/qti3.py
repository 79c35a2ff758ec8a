"""A QTI 3.0 content package: each article a qti-assessment-stimulus, each question a
qti-assessment-item that refers to the stimuli its evidence quotes, a qti-assessment-test in
the quiz's order, and imsmanifest.xml listing them."""
from __future__ import annotations

from quizapp.interchange import qti_markup
from quizapp.interchange.model import Article, Bank, Item, Written

DIALECT = qti_markup.Dialect(
    name="3.0.0",
    namespace="http://www.imsglobal.org/xsd/imsqtiasi_v3p0",
    schema="https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd",
    manifest_namespace="http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1",
    manifest_schema="https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd",
    item_type="imsqti_item_xmlv3p0",
    test_type="imsqti_test_xmlv3p0",
    kebab=True,
)
STIMULUS_TYPE = "imsqti_stimulus_xmlv3p0"


def _stimulus(b: qti_markup.Builder, article: Article) -> tuple[str, bytes, str]:
    ident = qti_markup.identifier(article.key, "article-")
    root = b.root("assessmentStimulus", identifier=ident, title=article.label)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    body = b.q(root, "stimulusBody")
    b.h(body, "h2", article.label)
    if article.date or article.url:
        b.h(body, "p", " · ".join(filter(None, [article.date, article.url])))
    b.paragraphs(body, article.text)
    return f"{ident}.xml", qti_markup.document_bytes(root), STIMULUS_TYPE


def _references(bank: Bank):
    ids = qti_markup.article_ids(bank)

    def refer(b: qti_markup.Builder, root, item: Item):
        keys = [key for key in item.article_keys() if key in ids]
        for key in keys:
            b.q(root, "assessmentStimulusRef", identifier=ids[key], href=f"{ids[key]}.xml",
                title=bank.article(key).label)
        body = b.q(root, "itemBody")
        for key in keys:
            # Where a player shows the shared stimulus beside the question (a data-* attribute,
            # as QTI 3 allows; qti-components fills the element of this name).
            b.h(body, "div", **{"class": "qti-shared-stimulus", "data-stimulus-idref": ids[key]})
        return body

    return refer


def write(bank: Bank) -> Written:
    return qti_markup.write_package(DIALECT, bank, _stimulus, _references(bank))
