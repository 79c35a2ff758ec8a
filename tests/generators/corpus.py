"""How the generator tests read stories and questions: where the stories are, the keyed
choices, the words a prompt quotes, the one question a test is about, what an outlet printed."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable

from quizapp.generators.model import Question, Story
from quizapp.generators.reading.text import fold

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "beijing-denies-chinese-fighters"
STORIES = ROOT / "tests" / "stories"
QUOTED = re.compile(r"\u201c(.+?)\u2026?\u201d")
# Words news text prints before a figure to hedge its size: "more than 50" is not "50".
QUALIFIERS = ("at least", "more than", "fewer than", "less than", "nearly", "almost", "about",
              "around", "approximately", "roughly", "over", "under", "up to", "some")


def keys(question: Question) -> set[str]:
    return {question.choices[i] for i in question.answer}


def key(question: Question) -> str:
    """The one keyed choice; fails on a question with several."""
    (index,) = question.answer
    return question.choices[index]


def quoted(question: Question) -> str:
    """The first words the prompt puts in curly quotes, without a trailing ellipsis."""
    return QUOTED.search(question.prompt).group(1).rstrip("\u2026")


def the_one(questions: Iterable[Question], test: Callable[[Question], bool] | None = None, *,
            prompt: str | None = None, mentioning: str | None = None) -> Question:
    """The single question passing `test`, with exactly `prompt`, or whose prompt mentions
    `mentioning` (case and quote style ignored); fails, listing the prompts, unless exactly one."""
    questions = list(questions)
    found = [q for q in questions
             if (test is None or test(q)) and (prompt is None or q.prompt == prompt)
             and (mentioning is None or fold(mentioning) in fold(q.prompt))]
    assert len(found) == 1, [q.prompt for q in questions]
    return found[0]


def outlet_text(story: Story, outlet: str) -> str:
    """Everything the outlet's articles in the story print."""
    return "\n".join(a.text for a in story.articles if a.outlet == outlet)


def evidence_is_article_text(story: Story, question: Question) -> bool:
    """Every evidence passage is an exact substring of the article it names."""
    return all(e.text in story.article(e.article).text for e in question.evidence)


def qualifiers_before(text: str, number: str) -> set[str]:
    """The QUALIFIERS that `text` prints right before `number` ("more than" of "more than 50")."""
    return {q for q in QUALIFIERS if re.search(rf"(?<!\w){q}\s+{re.escape(fold(number))}(?!\d|[,.]\d)", fold(text))}
