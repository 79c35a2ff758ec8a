"""GIFT, Moodle's plain-text question format: written with the escaping it needs (a backslash
before ~ = # { } : and itself, \\n for a line break) and read back, naming the line of anything
it cannot take. Articles travel as description questions, the explanation and evidence as the
general feedback."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from quizapp.interchange.feedback import evidence_lines
from quizapp.interchange.grade_fractions import choice_fractions
from quizapp.interchange.model import (
    MATCHING,
    MULTIPLE,
    ORDERING,
    SINGLE,
    Bank,
    Choice,
    FormatError,
    Item,
    Written,
    by_type,
)

SPECIAL = "\\~=#{}:"
NAME = "GIFT"


def escape(text: str) -> str:
    for char in SPECIAL:  # the backslash first, so the escapes added after are not doubled
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


# --- Writing ----------------------------------------------------------------------------------

def _feedback(item: Item, bank: Bank) -> str:
    parts = [item.explanation] if item.explanation else []
    parts += evidence_lines(item, bank)
    return "\n".join(parts)


def _choice_lines(item: Item) -> list[str]:
    if item.type == SINGLE:
        return [("=" if c.correct else "~") + escape(c.text) for c in item.choices]
    return [f"~%{weight}%{escape(c.text)}"
            for c, weight in zip(item.choices, choice_fractions(item), strict=True)]


def _matching_lines(item: Item) -> list[str]:
    """Each left item with its match; the distractors as matches of no item (Moodle keeps a
    pair with an empty left side as an extra answer)."""
    lines = [f"={escape(left)} -> {escape(item.choices[match].text)}"
             for left, match in zip(item.lefts, item.matches, strict=True)]
    used = set(item.matches)
    return lines + [f"= -> {escape(c.text)}" for i, c in enumerate(item.choices) if i not in used]


ANSWER_LINES = {SINGLE: _choice_lines, MULTIPLE: _choice_lines, MATCHING: _matching_lines}


def _item_lines(item: Item, bank: Bank) -> list[str]:
    lines = []
    if item.skill:
        lines.append(f"// skill: {item.skill}")
    title = escape(item.ident or item.prompt[:40])
    lines.append(f"::{title}::[plain]{escape(item.prompt)} {{")
    lines += ["\t" + line for line in ANSWER_LINES[item.type](item)]
    feedback = _feedback(item, bank)
    if feedback:
        lines.append("\t####" + escape(feedback))
    lines.append("}")
    return lines


HOOKS = dict.fromkeys(ANSWER_LINES, _item_lines)
REASONS = {ORDERING: "GIFT has no ordering question"}


def write(bank: Bank) -> Written:
    kept, skipped = by_type(bank.items, HOOKS, NAME, REASONS)
    category = bank.story_title.replace("/", "//")
    out = [f"// {bank.title}", f"$CATEGORY: $course$/top/{category}", ""]
    for article in bank.articles:  # a description question each: text with no answers
        out.append(f"::{escape(article.label)}::[plain]{escape(article.text)}")
        out.append("")
    for item, hook in kept:
        out += hook(item, bank)
        out.append("")
    return Written(("\n".join(out)).encode("utf-8"), skipped)


# --- Reading ----------------------------------------------------------------------------------

@dataclass
class _Block:
    line: int
    text: str
    skill: str = ""


def _blocks(source: str) -> list[_Block]:
    """The questions of a file: runs of lines between blank lines, comments left out (a
    `// skill: x` comment, as written above, gives the next question's skill)."""
    blocks, lines, start, skill = [], [], 0, ""
    for number, line in enumerate([*source.splitlines(), ""], 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            found = re.match(r"//\s*skill:\s*(\S+)", stripped)
            skill = found.group(1) if found else skill
            continue
        if stripped:
            start = start or number
            lines.append(line)
            continue
        if lines:
            blocks.append(_Block(start, "\n".join(lines), skill))
        lines, start, skill = [], 0, ""
    return blocks


def _unescaped(text: str, chars: str) -> list[int]:
    """Where the characters occur in text, escaped ones left out."""
    found, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in chars:
            found.append(index)
        index += 1
    return found


def _split_question(block: _Block) -> tuple[str, str] | None:
    """(question text, answer text), or None for a description (no answers) or a category."""
    braces = _unescaped(block.text, "{}")
    if not braces:
        return None
    if len(braces) != 2 or block.text[braces[0]] != "{" or block.text[braces[1]] != "}":
        raise FormatError(f"line {block.line}: a question needs one {{ … }} answer part; "
                          "write a literal brace as \\{ or \\}.")
    after = block.text[braces[1] + 1:].strip()
    if after:
        raise FormatError(f"line {block.line}: text after the answers (a missing-word "
                          "question) cannot be imported; only multiple choice can.")
    return block.text[:braces[0]], block.text[braces[0] + 1:braces[1]]


def _prompt(head: str) -> str:
    head = head.strip()
    title = re.match(r"::(.*?)(?<!\\)::", head, re.S)
    if title:
        head = head[title.end():].strip()
    head = re.sub(r"^\[(plain|html|moodle|markdown)\]", "", head)
    return unescape(head).strip()


def _answer(raw: str, line: int) -> tuple[str, float]:
    """One answer's text and weight (percent), its feedback left out."""
    sign, body = raw[0], raw[1:]
    weight = 100.0 if sign == "=" else 0.0
    percent = re.match(r"%(-?\d+(?:\.\d+)?)%", body)
    if percent:
        weight, body = float(percent.group(1)), body[percent.end():]
    cut = _unescaped(body, "#")
    text = unescape(body[:cut[0]] if cut else body).strip()
    if not text:
        raise FormatError(f"line {line}: an answer has no text.")
    return text, weight


def split_general(answers: str) -> tuple[str, str]:
    """The answers, and the general feedback written after #### (unescaped)."""
    index = 0
    while True:
        found = answers.find("####", index)
        if found < 0:
            return answers, ""
        if found == 0 or answers[found - 1] != "\\":
            return answers[:found], unescape(answers[found + 4:]).strip()
        index = found + 4


def _matching(parts: list[str], line: int) -> dict:
    """A matching question's answers (=left -> right, = -> distractor) as item fields."""
    lefts, rights, matches = [], [], []
    for raw in parts:
        left, _, right = raw[1:].partition("->")
        right = unescape(right).strip()
        if not right:
            raise FormatError(f"line {line}: a matching pair has nothing after ->.")
        if right not in rights:
            rights.append(right)
        if unescape(left).strip():
            lefts.append(unescape(left).strip())
            matches.append(rights.index(right))
    if len(lefts) < 2:
        raise FormatError(f"line {line}: a matching question needs two pairs or more.")
    return dict(choices=tuple(Choice(r, i in matches) for i, r in enumerate(rights)),
                lefts=tuple(lefts), matches=tuple(matches), type=MATCHING)


def _answers(answers: str, line: int) -> dict:
    """The item fields the answer part gives: choices, or matching's pairs."""
    answers = answers.strip()
    starts = [*_unescaped(answers, "=~"), len(answers)]
    parts = [answers[a:b].strip() for a, b in itertools.pairwise(starts) if answers[a:b].strip()]
    if parts and all(part[0] == "=" and "->" in part for part in parts):
        return _matching(parts, line)
    return dict(choices=_choices(answers, line))


def _choices(answers: str, line: int) -> tuple[Choice, ...]:
    if re.fullmatch(r"(?i)t(rue)?|f(alse)?", answers.split("#")[0].strip()):
        true = answers[0].lower() == "t"
        return (Choice("True", true), Choice("False", not true))
    if not answers or answers[0] not in "=~":
        raise FormatError(f"line {line}: only multiple-choice and true/false questions can be "
                          "imported (answers start with = or ~).")
    starts = [*_unescaped(answers, "=~"), len(answers)]
    parsed = [_answer(answers[a:b].strip(), line) for a, b in itertools.pairwise(starts)
              if answers[a:b].strip()]
    if not any(sign == "~" for sign in (answers[i] for i in starts[:-1])):
        raise FormatError(f"line {line}: a short-answer question (no wrong choice marked ~) "
                          "cannot be imported; only multiple choice can.")
    choices = tuple(Choice(text, weight > 0) for text, weight in parsed)
    if not any(choice.correct for choice in choices):
        raise FormatError(f"line {line}: no answer is marked right (= or a positive %).")
    return choices


def read(data: bytes) -> list[Item]:
    """The multiple-choice and true/false questions of a GIFT file, in order. Anything else
    (short answer, numbers, matching, a missing word) refuses the whole file, naming the line."""
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"The file is not UTF-8 text (byte {error.start}).") from None
    items = []
    for block in _blocks(source):
        if block.text.lstrip().startswith("$CATEGORY:"):
            continue
        parts = _split_question(block)
        if parts is None:
            continue  # a description: an article or a note, not a question
        prompt = _prompt(parts[0])
        if not prompt:
            raise FormatError(f"line {block.line}: the question has no text.")
        answers, general = split_general(parts[1])
        items.append(Item(prompt=prompt, explanation=general, skill=block.skill,
                          line=block.line, **_answers(answers, block.line)))
    if not items:
        raise FormatError("The file holds no multiple-choice question.")
    return items
