"""Loading: story folders and uploaded files to articles, with page debris removed."""
from quizapp.generators.loading.folder import load_story, read_article

__all__ = ["load_story", "read_article"]
