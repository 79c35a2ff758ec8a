"""What QTI 2.1 and QTI 3.0 share: the same items, tests and manifests, told apart by a dialect
(2.1 names things `choiceInteraction`, `maxChoices`; 3.0 `qti-choice-interaction`,
`max-choices`) and by how the articles travel (3.0: one shared stimulus each; 2.1, which has no
stimulus, a web page each, linked from the item). Written once, in 2.1's names."""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace

from lxml import etree

from quizapp.interchange.feedback import evidence_lines
from quizapp.interchange.model import (
    MATCHING,
    MULTIPLE,
    ORDERING,
    SINGLE,
    Article,
    Bank,
    Item,
    Written,
    by_type,
)

XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class Dialect:
    name: str
    namespace: str
    schema: str
    manifest_namespace: str
    manifest_schema: str
    item_type: str
    test_type: str
    kebab: bool  # 3.0's names

    def tag(self, name: str) -> str:
        """A QTI element's name in this dialect (HTML elements keep theirs)."""
        if self.kebab:
            name = "qti-" + _kebab(name)
        return f"{{{self.namespace}}}{name}"

    def attr(self, name: str) -> str:
        return _kebab(name) if self.kebab else name


def _kebab(name: str) -> str:
    return re.sub(r"([A-Z])", r"-\1", name).lower()


def identifier(text: str, prefix: str) -> str:
    """A QTI identifier (an XML name) made from a key that may hold any character."""
    return prefix + re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")


class Builder:
    """Elements in one dialect: `q` for QTI elements, `h` for HTML ones in the same namespace."""

    def __init__(self, dialect: Dialect):
        self.d = dialect

    def q(self, parent, name: str, text: str | None = None, **attributes):
        element = etree.SubElement(parent, self.d.tag(name),
                                   {self.d.attr(k): v for k, v in attributes.items()})
        element.text = text
        return element

    def h(self, parent, name: str, text: str | None = None, **attributes):
        element = etree.SubElement(parent, f"{{{self.d.namespace}}}{name}", attributes)
        element.text = text
        return element

    def root(self, name: str, **attributes):
        element = etree.Element(self.d.tag(name), {self.d.attr(k): v
                                                   for k, v in attributes.items()},
                                nsmap={None: self.d.namespace, "xsi": XSI})
        element.set(f"{{{XSI}}}schemaLocation", f"{self.d.namespace} {self.d.schema}")
        return element

    def paragraphs(self, parent, text: str) -> None:
        for part in text.split("\n"):
            if part.strip():
                self.h(parent, "p", part.strip())


def document_bytes(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@dataclass
class Package:
    """The files of a content package, each with the manifest resource that lists it."""

    files: dict[str, bytes]
    resources: list[tuple[str, str, str, list[str]]]  # identifier, type, href, dependencies


# --- Items -----------------------------------------------------------------------------------

def _share(count: int) -> str:
    return repr(1 / count) if count else "0"


def _response_declaration(b: Builder, root, item: Item) -> None:
    """The key: the right choices; matching's pairs (left Ln to right Rm), each worth an equal
    share through a mapping; ordering's choices in their right order."""
    if item.type == MATCHING:
        response = b.q(root, "responseDeclaration", identifier="RESPONSE",
                       cardinality="multiple", baseType="directedPair")
        pairs = [f"L{i + 1} R{match + 1}" for i, match in enumerate(item.matches)]
    elif item.type == ORDERING:
        response = b.q(root, "responseDeclaration", identifier="RESPONSE",
                       cardinality="ordered", baseType="identifier")
        pairs = [f"C{i + 1}" for i in range(len(item.choices))]
    else:
        response = b.q(root, "responseDeclaration", identifier="RESPONSE",
                       cardinality="single" if item.type == SINGLE else "multiple",
                       baseType="identifier")
        pairs = [f"C{index + 1}" for index in item.key]
    correct = b.q(response, "correctResponse")
    for value in pairs:
        b.q(correct, "value", value)
    if item.type == MATCHING:
        mapping = b.q(response, "mapping", defaultValue="0", lowerBound="0", upperBound="1")
        for pair in pairs:
            b.q(mapping, "mapEntry", mapKey=pair, mappedValue=_share(len(pairs)))


def _declarations(b: Builder, root, item: Item) -> None:
    _response_declaration(b, root, item)
    for name, base, default in (("SCORE", "float", "0"), ("MAXSCORE", "float", "1")):
        outcome = b.q(root, "outcomeDeclaration", identifier=name, cardinality="single",
                      baseType=base)
        b.q(b.q(outcome, "defaultValue"), "value", default)
    b.q(root, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single",
        baseType="identifier")


def _set(b: Builder, parent, name: str, base: str, value: str) -> None:
    b.q(b.q(parent, "setOutcomeValue", identifier=name), "baseValue", value, baseType=base)


def _choice_score(b: Builder, processing, item: Item) -> None:
    """One mark when the choices are exactly the key, as the app grades."""
    condition = b.q(processing, "responseCondition")
    when = b.q(condition, "responseIf")
    match = b.q(when, "match")
    b.q(match, "variable", identifier="RESPONSE")
    b.q(match, "correct", identifier="RESPONSE")
    _set(b, when, "SCORE", "float", "1")
    _set(b, b.q(condition, "responseElse"), "SCORE", "float", "0")


def _matching_score(b: Builder, processing, item: Item) -> None:
    """A share per right pair (the mapping's values), as the app grades matching."""
    condition = b.q(processing, "responseCondition")
    when = b.q(condition, "responseIf")
    b.q(b.q(when, "isNull"), "variable", identifier="RESPONSE")
    _set(b, when, "SCORE", "float", "0")
    otherwise = b.q(condition, "responseElse")
    b.q(b.q(otherwise, "setOutcomeValue", identifier="SCORE"), "mapResponse",
        identifier="RESPONSE")


def _ordering_score(b: Builder, processing, item: Item) -> None:
    """As the app grades ordering (Moodle's "relative to the next item, excluding the last"):
    a share for each item but the last whose right successor the student put directly after
    it. Written out as one condition per item and place, since QTI has no 'position of'."""
    count = len(item.choices)
    _set(b, processing, "SCORE", "float", "0")
    for first in range(1, count):
        for place in range(1, count):
            when = b.q(b.q(processing, "responseCondition"), "responseIf")
            both = b.q(when, "and")
            for offset in (0, 1):
                match = b.q(both, "match")
                b.q(b.q(match, "index", n=str(place + offset)), "variable", identifier="RESPONSE")
                b.q(match, "baseValue", f"C{first + offset}", baseType="identifier")
            total = b.q(b.q(when, "setOutcomeValue", identifier="SCORE"), "sum")
            b.q(total, "variable", identifier="SCORE")
            b.q(total, "baseValue", _share(count - 1), baseType="float")


SCORING = {SINGLE: _choice_score, MULTIPLE: _choice_score, MATCHING: _matching_score,
           ORDERING: _ordering_score}


def _response_processing(b: Builder, root, item: Item) -> None:
    """The item's score by its type's rule; the feedback shown whatever was answered."""
    processing = b.q(root, "responseProcessing")
    SCORING[item.type](b, processing, item)
    _set(b, processing, "FEEDBACK", "identifier", "EXPLANATION")


def _modal_feedback(b: Builder, root, item: Item, bank: Bank) -> None:
    feedback = b.q(root, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="EXPLANATION",
                   showHide="show", title="Why")
    body = b.q(feedback, "contentBody") if b.d.kebab else feedback
    b.paragraphs(body, item.explanation)
    for line in evidence_lines(item, bank):
        quote = b.h(body, "blockquote")
        b.h(quote, "p", line)


def _choice_interaction(b: Builder, body, item: Item, bank: Bank) -> None:
    interaction = b.q(body, "choiceInteraction", responseIdentifier="RESPONSE",
                      shuffle="true" if bank.shuffle_choices else "false",
                      maxChoices="1" if item.type == SINGLE else "0")
    b.q(interaction, "prompt", item.prompt)
    for index, choice in enumerate(item.choices):
        b.q(interaction, "simpleChoice", choice.text, identifier=f"C{index + 1}")


def _match_interaction(b: Builder, body, item: Item, bank: Bank) -> None:
    interaction = b.q(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                      maxAssociations=str(len(item.lefts)))
    b.q(interaction, "prompt", item.prompt)
    lefts = b.q(interaction, "simpleMatchSet")
    for index, left in enumerate(item.lefts):
        b.q(lefts, "simpleAssociableChoice", left, identifier=f"L{index + 1}", matchMax="1")
    rights = b.q(interaction, "simpleMatchSet")
    for index, choice in enumerate(item.choices):
        b.q(rights, "simpleAssociableChoice", choice.text, identifier=f"R{index + 1}",
            matchMax=str(len(item.lefts)))


def _order_interaction(b: Builder, body, item: Item, bank: Bank) -> None:
    interaction = b.q(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
    b.q(interaction, "prompt", item.prompt)
    # Written in the order of their text, not the right order, for a player that does not
    # shuffle; the identifiers (C1 first) carry the key.
    for index, choice in sorted(enumerate(item.choices), key=lambda pair: pair[1].text):
        b.q(interaction, "simpleChoice", choice.text, identifier=f"C{index + 1}")


INTERACTIONS: dict[str, Callable] = {SINGLE: _choice_interaction, MULTIPLE: _choice_interaction,
                                     MATCHING: _match_interaction, ORDERING: _order_interaction}


def item_document(b: Builder, item: Item, bank: Bank, references: Callable) -> bytes:
    """An assessment item. `references(builder, root, body, item)` adds what points at the
    articles (a stimulus reference in 3.0, links in 2.1) and returns nothing."""
    root = b.root("assessmentItem", identifier=item.ident, title=item.prompt[:80],
                  adaptive="false", timeDependent="false")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    _declarations(b, root, item)
    body = references(b, root, item)
    INTERACTIONS[item.type](b, body, item, bank)
    _response_processing(b, root, item)
    _modal_feedback(b, root, item, bank)
    return document_bytes(root)


# --- The test and the manifest ---------------------------------------------------------------

def test_document(b: Builder, bank: Bank, items: list[Item]) -> bytes:
    """The quiz in its order, shuffled when the quiz shuffles; the score is the sum of the
    items' scores."""
    root = b.root("assessmentTest", identifier="TEST", title=bank.title)
    outcome = b.q(root, "outcomeDeclaration", identifier="SCORE", cardinality="single",
                  baseType="float")
    b.q(b.q(outcome, "defaultValue"), "value", "0")
    part = b.q(root, "testPart", identifier="PART", navigationMode="nonlinear",
               submissionMode="individual")
    section = b.q(part, "assessmentSection", identifier="SECTION", title=bank.title,
                  visible="true")
    b.q(section, "ordering", shuffle="true" if bank.shuffle_questions else "false")
    for item in items:
        b.q(section, "assessmentItemRef", identifier=item.ident, href=f"{item.ident}.xml")
    processing = b.q(root, "outcomeProcessing")
    total = b.q(b.q(processing, "setOutcomeValue", identifier="SCORE"), "sum")
    b.q(total, "testVariables", variableIdentifier="SCORE")
    return document_bytes(root)


def manifest_document(d: Dialect, package: Package, title: str) -> bytes:
    ns = d.manifest_namespace
    root = etree.Element(f"{{{ns}}}manifest", identifier="MANIFEST",
                         nsmap={None: ns, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{ns} {d.manifest_schema}")
    metadata = etree.SubElement(root, f"{{{ns}}}metadata")
    etree.SubElement(metadata, f"{{{ns}}}schema").text = "QTI Package"
    etree.SubElement(metadata, f"{{{ns}}}schemaversion").text = d.name
    etree.SubElement(root, f"{{{ns}}}organizations")
    resources = etree.SubElement(root, f"{{{ns}}}resources")
    for ident, kind, href, dependencies in package.resources:
        resource = etree.SubElement(resources, f"{{{ns}}}resource", identifier=ident,
                                    type=kind, href=href)
        etree.SubElement(resource, f"{{{ns}}}file", href=href)
        for dependency in dependencies:
            etree.SubElement(resource, f"{{{ns}}}dependency", identifierref=dependency)
    root.insert(0, etree.Comment(f" {title.replace('--', '- -')} "))
    return document_bytes(root)


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def article_ids(bank: Bank) -> dict[str, str]:
    return {article.key: identifier(article.key, "article-") for article in bank.articles}


def write_package(d: Dialect, bank: Bank, articles: Callable[[Builder, Article], tuple],
                  references: Callable) -> Written:
    """The package: `articles(builder, article)` gives (file name, bytes, resource type) for
    each article; items refer to them through `references`."""
    b = Builder(d)
    kept, skipped = by_type(bank.items, INTERACTIONS, f"QTI {d.name}")
    # Identifiers as the adapter made them, or numbered for items read from another file.
    items = [item if item.ident else replace(item, ident=f"item-{number}")
             for number, (item, _) in enumerate(kept, 1)]
    package = Package({}, [])
    ids = article_ids(bank)
    for article in bank.articles:
        href, data, kind = articles(b, article)
        package.files[href] = data
        package.resources.append((ids[article.key], kind, href, []))
    for item in items:
        href = f"{item.ident}.xml"
        package.files[href] = item_document(b, item, bank, references)
        package.resources.append((item.ident, d.item_type, href,
                                  [ids[key] for key in item.article_keys() if key in ids]))
    package.files["test.xml"] = test_document(b, bank, items)
    package.resources.insert(0, ("TEST", d.test_type, "test.xml",
                                 [item.ident for item in items]))
    files = {"imsmanifest.xml": manifest_document(d, package, bank.title), **package.files}
    return Written(zipped(files), skipped)
