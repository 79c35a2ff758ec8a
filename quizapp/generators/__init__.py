"""The pure core: a story's articles in, evidence-backed quiz questions out.

No Flask, no database: `python -m quizapp.generators STORY_DIR` and the tests use it alone.
"""
from quizapp.generators.model import Article, Evidence, Question, Story, StoryError

# Loaded on first use, so importing one small module (model, text) stays cheap.
_LAZY = {
    "load_story": "quizapp.generators.loading.folder",
    "generate_questions": "quizapp.generators.pipeline",
    "KINDS": "quizapp.generators.pipeline",
}

__all__ = ["Article", "Evidence", "Question", "Story", "StoryError", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
