"""QTI 3.0 and 2.1 packages, checked with lxml against the structure the specifications give
(the official XSDs are in no PyPI or npm package we can install, so they are not used), and
QTI 2.1 checked by an independent converter, citolab-qti-convert, which upgrades it to 3.0."""
from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from qti_convert import upgrade_package_files

from quizapp.interchange import qti3, qti21
from tests.interchange.support import ARTICLES, ITEMS, bank, keyed, typed_bank

QTI3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI21 = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP3 = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"


def files_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def parsed(files: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(files[name])


def read_items(files: dict[str, bytes], ns: str, kebab: bool) -> list[tuple]:
    """Prompt, choices and key of every item, in the test's order: a reader of our own, here
    only to check the package says what the bank says."""
    name = (lambda n: f"{{{ns}}}qti-{n}") if kebab else (lambda n: f"{{{ns}}}{n}")
    attr = "href"
    test = parsed(files, _test_href(files))
    refs = test.iter(name("assessment-item-ref" if kebab else "assessmentItemRef"))
    out = []
    for ref in refs:
        item = parsed(files, ref.get(attr))
        key = {v.text for v in item.iter(name("value"))
               if v.getparent().tag == name("correct-response" if kebab else "correctResponse")}
        choices = [(c.text, c.get("identifier") in key)
                   for c in item.iter(name("simple-choice" if kebab else "simpleChoice"))]
        prompt = next(item.iter(name("prompt"))).text
        out.append((prompt, tuple(choices)))
    return out


def _test_href(files: dict[str, bytes]) -> str:
    manifest = etree.fromstring(files["imsmanifest.xml"])
    return next(r.get("href") for r in manifest.iter("{*}resource")
                if r.get("type").startswith("imsqti_test"))


# --- QTI 3.0 -----------------------------------------------------------------------------------

def qti3_files() -> dict[str, bytes]:
    return files_of(qti3.write(bank()).data)


def test_qti3_items_say_what_the_bank_says_in_order():
    assert read_items(qti3_files(), QTI3, kebab=True) == keyed(ITEMS)


def test_qti3_manifest_lists_every_file_with_its_type_and_dependencies():
    files = qti3_files()
    manifest = parsed(files, "imsmanifest.xml")
    assert manifest.tag == f"{{{CP3}}}manifest"
    resources = {r.get("identifier"): r for r in manifest.iter(f"{{{CP3}}}resource")}
    assert {r.get("href") for r in resources.values()} == set(files) - {"imsmanifest.xml"}
    types = [r.get("type") for r in resources.values()]
    assert types.count("imsqti_stimulus_xmlv3p0") == len(ARTICLES)
    assert types.count("imsqti_item_xmlv3p0") == len(ITEMS)
    assert types.count("imsqti_test_xmlv3p0") == 1
    for resource in resources.values():
        for dependency in resource.iter(f"{{{CP3}}}dependency"):
            assert dependency.get("identifierref") in resources
    second = resources["question-2"]
    assert [d.get("identifierref") for d in second.iter(f"{{{CP3}}}dependency")] == [
        "article-courier", "article-wire-2"]


def test_qti3_each_article_is_a_stimulus_that_items_refer_to():
    files = qti3_files()
    stimulus = parsed(files, "article-courier.xml")
    assert stimulus.tag == f"{{{QTI3}}}qti-assessment-stimulus"
    body = stimulus.find(f"{{{QTI3}}}qti-stimulus-body")
    assert [p.text for p in body.iter(f"{{{QTI3}}}p")][1:] == ARTICLES[0].paragraphs
    item = parsed(files, "question-2.xml")
    refs = item.findall(f"{{{QTI3}}}qti-assessment-stimulus-ref")
    assert [r.get("href") for r in refs] == ["article-courier.xml", "article-wire-2.xml"]
    assert all(r.get("href") in files for r in refs)
    # The specification's order: declarations, stimulus refs, body, processing, feedback.
    order = [child.tag.removeprefix(f"{{{QTI3}}}") for child in item]
    assert order == ["qti-response-declaration", "qti-outcome-declaration",
                     "qti-outcome-declaration", "qti-outcome-declaration",
                     "qti-assessment-stimulus-ref", "qti-assessment-stimulus-ref",
                     "qti-item-body", "qti-response-processing", "qti-modal-feedback"]


def test_qti3_response_processing_scores_the_key_and_feedback_carries_the_evidence():
    item = parsed(qti3_files(), "question-2.xml")
    declaration = item.find(f"{{{QTI3}}}qti-response-declaration")
    assert declaration.get("cardinality") == "multiple"
    interaction = next(item.iter(f"{{{QTI3}}}qti-choice-interaction"))
    assert interaction.get("max-choices") == "0" and interaction.get("shuffle") == "true"
    match = next(item.iter(f"{{{QTI3}}}qti-match"))
    assert [c.tag.split("}")[1] for c in match] == ["qti-variable", "qti-correct"]
    feedback = item.find(f"{{{QTI3}}}qti-modal-feedback")
    words = " ".join(feedback.itertext())
    assert "The outlets disagree: 14 and 12." in words
    assert "“Officials counted 14 boats damaged”" in words and "“12 boats were damaged”" in words


def test_qti3_test_keeps_the_quiz_order_and_its_shuffle():
    files = qti3_files()
    test = parsed(files, "test.xml")
    refs = [r.get("identifier") for r in test.iter(f"{{{QTI3}}}qti-assessment-item-ref")]
    assert refs == ["question-1", "question-2", "question-3"]
    assert next(test.iter(f"{{{QTI3}}}qti-ordering")).get("shuffle") == "true"
    unshuffled = files_of(qti3.write(bank(shuffle_questions=False)).data)
    assert next(parsed(unshuffled, "test.xml").iter(f"{{{QTI3}}}qti-ordering")).get(
        "shuffle") == "false"


# --- QTI 2.1 -----------------------------------------------------------------------------------

def qti21_files() -> dict[str, bytes]:
    return files_of(qti21.write(bank()).data)


def test_qti21_items_say_what_the_bank_says_and_link_their_articles():
    files = qti21_files()
    assert read_items(files, QTI21, kebab=False) == keyed(ITEMS)
    item = parsed(files, "question-2.xml")
    assert item.tag == f"{{{QTI21}}}assessmentItem"
    links = [a.get("href") for a in item.iter(f"{{{QTI21}}}a")]
    assert links == ["article-courier.html", "article-wire-2.html"]
    assert all(link in files for link in links)
    feedback = item.find(f"{{{QTI21}}}modalFeedback")
    assert feedback.get("outcomeIdentifier") == "FEEDBACK"
    assert "“12 boats were damaged”" in " ".join(feedback.itertext())


def test_qti21_manifest_is_ims_cp_with_21_resource_types():
    manifest = parsed(qti21_files(), "imsmanifest.xml")
    types = sorted({r.get("type") for r in manifest.iter(f"{{{CP}}}resource")})
    assert types == ["imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1", "webcontent"]


def test_an_independent_converter_upgrades_our_qti21_to_qti3_with_the_same_keys():
    upgraded = upgrade_package_files(qti21_files())
    files = {name: data if isinstance(data, bytes) else data.encode()
             for name, data in upgraded.files.items()}
    assert read_items(files, QTI3, kebab=True) == keyed(ITEMS)


@pytest.mark.parametrize("writer", [qti3, qti21])
def test_every_file_is_well_formed_utf8_xml_or_a_page(writer):
    for name, data in files_of(writer.write(bank()).data).items():
        if name.endswith(".xml"):
            assert etree.fromstring(data) is not None
        else:
            assert data.decode("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("writer", "ns", "kebab"), [(qti3, QTI3, True), (qti21, QTI21, False)])
def test_matching_and_ordering_carry_their_keys_and_find_the_evidence_is_left_out(writer, ns,
                                                                                  kebab):
    out = writer.write(typed_bank())
    assert [s.item.type for s in out.skipped] == ["evidence"]
    files = files_of(out.data)
    name = (lambda n: f"{{{ns}}}qti-{n}") if kebab else (lambda n: f"{{{ns}}}{n[0].lower()}"
                                                          + n.title().replace("-", "")[1:])
    matching = parsed(files, "question-4.xml")
    values = [v.text for v in matching.iter(name("value"))
              if v.getparent().tag == name("correct-response")]
    assert values == ["L1 R3", "L2 R1"]  # Coast Courier -> 14, Bay Wire -> 12
    entries = [e.get("map-key" if kebab else "mapKey") for e in matching.iter(name("map-entry"))]
    assert entries == values
    assert next(matching.iter(name("match-interaction"))) is not None
    ordering = parsed(files, "question-5.xml")
    declaration = next(ordering.iter(name("response-declaration")))
    assert declaration.get("cardinality") == "ordered"
    shown = [c.text for c in ordering.iter(name("simple-choice"))]
    assert sorted(shown) == shown  # not written in the right order
    assert "question-6.xml" not in files
