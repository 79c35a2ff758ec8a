"""Moodle XML: multichoice questions, one answer or several, with grade fractions and feedback
per choice, in a category named after the story; each article a description question before
them; matching questions as Moodle's matching. Read back (multichoice, truefalse, matching),
naming the element of anything it cannot take."""
from __future__ import annotations

import html

from lxml import etree

from quizapp.interchange.feedback import evidence_lines
from quizapp.interchange.grade_fractions import choice_fractions
from quizapp.interchange.model import (
    MATCHING,
    MULTIPLE,
    ORDERING,
    SINGLE,
    Article,
    Bank,
    Choice,
    FormatError,
    Item,
    Written,
    by_type,
)
from quizapp.interchange.safe_xml import parse, plain_text

NAME = "Moodle XML"
RIGHT, WRONG = "Right.", "Not this one: read the evidence in the feedback."


def _html(text: str) -> str:
    return "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n") if part.strip())


def _text(parent: etree._Element, tag: str, content: str, html_format: bool = True):
    element = etree.SubElement(parent, tag)
    if html_format:
        element.set("format", "html")
    etree.SubElement(element, "text").text = content
    return element


def _simple(parent: etree._Element, tag: str, value: str) -> None:
    etree.SubElement(parent, tag).text = value


def _category(quiz: etree._Element, bank: Bank) -> None:
    question = etree.SubElement(quiz, "question", type="category")
    category = etree.SubElement(question, "category")
    etree.SubElement(category, "text").text = "$course$/top/" + bank.story_title.replace("/", "//")


def _description(quiz: etree._Element, article: Article) -> None:
    question = etree.SubElement(quiz, "question", type="description")
    _text(question, "name", article.label, html_format=False)
    heading = f"<h3>{html.escape(article.label)}</h3>"
    _text(question, "questiontext", heading + _html(article.text))
    _text(question, "generalfeedback", "")
    for tag, value in (("defaultgrade", "0"), ("penalty", "0"), ("hidden", "0")):
        _simple(question, tag, value)


def _question(quiz: etree._Element, moodle_type: str, item: Item, bank: Bank,
              settings: tuple) -> etree._Element:
    """A question's common part: name, text, general feedback (the explanation and evidence),
    grade and settings, and the overall feedback."""
    question = etree.SubElement(quiz, "question", type=moodle_type)
    _text(question, "name", item.ident or item.prompt[:60], html_format=False)
    _text(question, "questiontext", _html(item.prompt))
    feedback = "\n".join(filter(None, [item.explanation, *evidence_lines(item, bank)]))
    _text(question, "generalfeedback", _html(feedback))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"),
                       ("idnumber", item.ident), *settings,
                       ("shuffleanswers", "true" if bank.shuffle_choices else "false")):
        _simple(question, tag, value)
    _text(question, "correctfeedback", _html("Right."))
    _text(question, "partiallycorrectfeedback", _html("Partly right."))
    _text(question, "incorrectfeedback", _html("Not right."))
    return question


def _tags(question: etree._Element, item: Item) -> None:
    if item.skill:
        tag = etree.SubElement(etree.SubElement(question, "tags"), "tag")
        etree.SubElement(tag, "text").text = f"skill:{item.skill}"


def _choice_item(quiz: etree._Element, item: Item, bank: Bank) -> None:
    question = _question(quiz, "multichoice", item, bank, (
        ("single", "true" if item.type == SINGLE else "false"), ("answernumbering", "abc")))
    for choice, weight in zip(item.choices, choice_fractions(item), strict=True):
        answer = _text(question, "answer", html.escape(choice.text))
        answer.set("fraction", weight)
        _text(answer, "feedback", _html(RIGHT if choice.correct else WRONG))
    _tags(question, item)


def _matching_item(quiz: etree._Element, item: Item, bank: Bank) -> None:
    """Moodle's matching question: a share of the mark per pair, as the app gives; distractors
    are sub-questions with no text, which Moodle offers as extra answers."""
    question = _question(quiz, "matching", item, bank, ())
    pairs = [(left, item.choices[match].text)
             for left, match in zip(item.lefts, item.matches, strict=True)]
    pairs += [("", c.text) for i, c in enumerate(item.choices) if i not in set(item.matches)]
    for left, right in pairs:
        sub = _text(question, "subquestion", html.escape(left))
        _text(sub, "answer", right, html_format=False)
    _tags(question, item)


HOOKS = {SINGLE: _choice_item, MULTIPLE: _choice_item, MATCHING: _matching_item}
REASONS = {ORDERING: "Moodle's ordering question is a plugin that many sites lack; use QTI"}


def write(bank: Bank) -> Written:
    kept, skipped = by_type(bank.items, HOOKS, NAME, REASONS)
    quiz = etree.Element("quiz")
    quiz.append(etree.Comment(f" {bank.title.replace('--', '- -')} "))
    _category(quiz, bank)
    for article in bank.articles:
        _description(quiz, article)
    for item, hook in kept:
        hook(quiz, item, bank)
    data = etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return Written(data, skipped)


# --- Reading ----------------------------------------------------------------------------------

SKIPPED_TYPES = frozenset({"category", "description"})


def _where(question: etree._Element, number: int) -> str:
    name = question.findtext("name/text") or ""
    named = f" “{name.strip()}”" if name.strip() else ""
    return f"<question> {number}{named} (line {question.sourceline})"


def _field(element: etree._Element, path: str) -> str:
    node = element.find(path)
    if node is None:
        return ""
    raw = node.findtext("text") or ""
    return plain_text(raw) if node.get("format", "html") in ("html", "moodle_auto_format") \
        else raw.strip()


def _fraction(answer: etree._Element, where: str) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        raise FormatError(f"{where}: <answer fraction=\"{answer.get('fraction')}\"> (line "
                          f"{answer.sourceline}) is not a number.") from None


def _choices(question: etree._Element, where: str) -> tuple[Choice, ...]:
    choices = []
    for answer in question.findall("answer"):
        text = _field(answer, ".")
        if question.get("type") == "truefalse":
            text = text.capitalize()  # Moodle writes "true" and "false"
        if not text:
            raise FormatError(f"{where}: an <answer> (line {answer.sourceline}) has no text.")
        choices.append(Choice(text, _fraction(answer, where) > 0))
    if len(choices) < 2:
        raise FormatError(f"{where}: a multiple-choice question needs two answers or more.")
    if not any(choice.correct for choice in choices):
        raise FormatError(f"{where}: no <answer> has a positive fraction, so none is right.")
    return tuple(choices)


def _skill(question: etree._Element) -> str:
    for text in question.findall("tags/tag/text"):
        if (text.text or "").startswith("skill:"):
            return text.text.removeprefix("skill:").strip()
    return ""


def _matching(question: etree._Element, where: str) -> dict:
    lefts, rights, matches = [], [], []
    for sub in question.findall("subquestion"):
        right = (sub.findtext("answer/text") or "").strip()
        if not right:
            raise FormatError(f"{where}: a <subquestion> (line {sub.sourceline}) has no "
                              "<answer>.")
        if right not in rights:
            rights.append(right)
        left = _field(sub, ".")
        if left:
            lefts.append(left)
            matches.append(rights.index(right))
    if len(lefts) < 2:
        raise FormatError(f"{where}: a matching question needs two <subquestion>s or more.")
    return dict(choices=tuple(Choice(r, i in matches) for i, r in enumerate(rights)),
                lefts=tuple(lefts), matches=tuple(matches), type=MATCHING)


READ_TYPES = ("multichoice", "truefalse", "matching")


def _item(question: etree._Element, number: int) -> Item:
    where = _where(question, number)
    kind = question.get("type", "")
    if kind not in READ_TYPES:
        raise FormatError(f"{where}: type=\"{kind}\" cannot be imported; only multichoice, "
                          "truefalse and matching questions can.")
    prompt = _field(question, "questiontext")
    if not prompt:
        raise FormatError(f"{where}: <questiontext> is empty.")
    answers = _matching(question, where) if kind == "matching" else dict(
        choices=_choices(question, where))
    return Item(prompt=prompt, explanation=_field(question, "generalfeedback"),
                skill=_skill(question), line=question.sourceline or 0, **answers)


def read(data: bytes) -> list[Item]:
    """The multichoice, truefalse and matching questions of a Moodle XML file, in order
    (categories and descriptions passed over). Any other type refuses the whole file, naming
    the element."""
    root = parse(data)
    if root.tag != "quiz":
        raise FormatError(f"line {root.sourceline}: the root element is <{root.tag}>; a Moodle "
                          "XML file starts with <quiz>.")
    items = [_item(question, number)
             for number, question in enumerate(root.iterchildren("question"), 1)
             if question.get("type") not in SKIPPED_TYPES]
    if not items:
        raise FormatError("The file holds no multichoice, truefalse or matching question.")
    return items
