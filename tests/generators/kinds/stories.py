"""The story models the kind tests read, each built once for the whole session: the real-page
corpus and the seed, and small invented stories given as (outlet, text) pairs."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from quizapp.generators import load_story
from quizapp.generators.model import Article, Story
from quizapp.generators.reading.model import StoryModel
from tests.generators.corpus import ROOT, SEED

REAL = tuple(sorted((ROOT / "tests" / "stories" / "real").iterdir()))
CORPUS = (*REAL, SEED)


@cache
def model_of(folder: Path) -> StoryModel:
    return StoryModel(load_story(folder))


def invented(*articles: tuple[str, str]) -> StoryModel:
    """A story of one article per (outlet, text), each without a headline."""
    return StoryModel(Story("t", "t", tuple(Article(chr(97 + n), outlet, "", text)
                                            for n, (outlet, text) in enumerate(articles))))
