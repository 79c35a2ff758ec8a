"""Looking up what lies over a stretch of text without testing every span: the index answers as
testing every span would, and an article's sentences are matched to the same claims whether its
sentences are compared one by one or through the index of wordings."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizapp.generators import load_story
from quizapp.generators.reading.model import StoryModel
from quizapp.generators.reading.spans import SpanIndex
from quizapp.generators.reading.statements import same_claim

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("seed", range(20))
def test_the_index_finds_exactly_the_spans_a_full_scan_finds(seed):
    rng = random.Random(seed)
    spans = []
    for _ in range(rng.randint(0, 60)):
        start = rng.randint(0, 500)
        # Short quotations, an empty one, and now and then one running to a paragraph's end.
        spans.append((start, start + rng.choice([0, 1, 5, 20, 40, 300])))
    index = SpanIndex(spans)
    for _ in range(200):
        start = rng.randint(0, 600)
        end = start + rng.randint(0, 80)
        expected = [i for i, (lo, hi) in enumerate(spans) if lo < end and hi > start]
        assert index.overlapping(start, end) == expected
        assert index.covering(start) == [i for i, (lo, hi) in enumerate(spans)
                                         if lo <= start < hi]


@pytest.mark.parametrize("story", ["seeds/beijing-denies-chinese-fighters",
                                   "tests/stories/real/2022-meta-layoffs"])
def test_a_claim_told_in_its_article_is_found_as_by_comparing_every_sentence(story):
    model = StoryModel(load_story(ROOT / story))
    statements = model.statements
    assert statements
    for statement in statements:
        own = statements.of_article(statement.article)
        expected = {s.presentation for s in own if same_claim(s, statement)}
        assert statements.told_in_article(statement) == expected
        assert own[statements.position(statement)] is statement
