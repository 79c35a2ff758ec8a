"""XML read safely: no DTD, no entities resolved, nothing fetched from the network, no huge
trees; a file with a DOCTYPE is refused outright (it is how entity attacks start). Errors name
the line."""
from __future__ import annotations

from lxml import etree

from quizapp.interchange.model import FormatError


def parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False)
    try:
        tree = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = f"line {error.lineno}: " if error.lineno else ""
        raise FormatError(f"{line}the file is not well-formed XML ({error.msg}).") from None
    if tree.getroottree().docinfo.doctype:
        raise FormatError("The file declares a DOCTYPE; question files never need one, and it "
                          "is refused for safety.")
    return tree


def plain_text(markup: str) -> str:
    """The words of an HTML fragment (Moodle keeps question text as HTML), paragraphs and line
    breaks kept as line breaks."""
    from lxml import html

    if "<" not in markup:
        return html.fromstring(f"<p>{markup}</p>").text_content().strip() if markup else ""
    fragment = html.fragment_fromstring(markup, create_parent="div")
    for br in fragment.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in fragment.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = [line.strip() for line in fragment.text_content().split("\n")]
    return "\n".join(line for line in lines if line)
