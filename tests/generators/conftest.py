"""Fixtures the generator tests share: the seed story and its quiz, the made-up stories of
tests/stories/ by folder name, and one kind's questions on any story, each built once."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Callable

import pytest

from quizapp.generators import generate_questions, load_story, registry
from quizapp.generators.model import Question, Story
from quizapp.generators.reading.model import read_story

from tests.generators.corpus import SEED, STORIES


@cache
def _loaded(path: Path) -> Story:
    return load_story(path)


@cache
def _generated(kind: str, story: Story) -> tuple[Question, ...]:
    # A kind's own output, before the pipeline's checks: what its module promises by itself.
    return tuple(registry.kind(kind).write(read_story(story)))


@pytest.fixture(scope="session")
def seed_story() -> Story:
    return _loaded(SEED)


@pytest.fixture(scope="session")
def seed_questions(seed_story: Story) -> tuple[Question, ...]:
    """The seed story's whole quiz, as the pipeline writes it."""
    return tuple(generate_questions(seed_story))


@pytest.fixture(scope="session")
def story() -> Callable[[str], Story]:
    """`story(name)`: the made-up story in tests/stories/<name>/."""
    return lambda name: _loaded(STORIES / name)


@pytest.fixture(scope="session")
def questions_of() -> Callable[[str, Story], tuple[Question, ...]]:
    """`questions_of(kind, story)`: the questions that kind's module writes for the story."""
    return _generated


@pytest.fixture
def questions(request, questions_of) -> Callable[[Story], tuple[Question, ...]]:
    """`questions(story)`: the questions of the kind the test module names in its KIND."""
    return lambda story: questions_of(request.module.KIND, story)


def pytest_terminal_summary(terminalreporter):
    from tests.generators.test_real_corpus import UNGRADED

    waiting = {name: count for name, count in UNGRADED.items() if count}
    if waiting:
        terminalreporter.write_line(
            f"{sum(waiting.values())} generated question(s) not graded yet ("
            + ", ".join(f"{name}: {count}" for name, count in sorted(waiting.items()))
            + "); write the next round's packets with bench/quality.py --packets DIR")
