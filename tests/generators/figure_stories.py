"""The stories the figure kinds are checked on whole: the real-page corpus, the seed, and the
invented stories of tests/stories/, each loaded once."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from quizapp.generators import load_story
from quizapp.generators.model import Story
from quizapp.generators.reading.model import StoryModel
from tests.generators.corpus import SEED, STORIES


def every_story() -> list[Path]:
    real = sorted(p for p in (STORIES / "real").iterdir() if p.is_dir())
    invented = sorted(p for p in STORIES.iterdir() if p.is_dir() and p.name != "real")
    return [*real, SEED, *invented]


@cache
def loaded(path: Path) -> Story:
    return load_story(path)


@cache
def model_of(path: Path) -> StoryModel:
    return StoryModel(loaded(path))
