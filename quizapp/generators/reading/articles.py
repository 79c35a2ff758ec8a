"""Each article read once: its paragraphs and sentences as exact passages of its text, which one
is the headline, which are prose (not captions, credits or headings), and whether the text may
be cut off, so no question claims what the part we do not have leaves out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.generators.model import Article, Story
from quizapp.generators.reading.text import sentences as split_sentences

# What a finished sentence ends with: a full stop, ! or ?, then perhaps closing quotes or a
# bracket ("... he said." / "... (AP)" / '... said."').
_FINISHED = re.compile(r"""[.!?\u2026]["'\u201d\u2019)\]]*\s*$|\)\s*$""")
# Fewer words than this and a line is a caption, credit or label, not a paragraph of prose.
PROSE_WORDS = 6


@dataclass(frozen=True)
class Passage:
    """An exact slice of one article's text: evidence is always made of these."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Passage):
    index: int = 0  # in the article, from 0 (the headline, when there is one)
    paragraph: int = 0
    # "headline"; "prose" (a sentence of the report); "caption" (a photo's caption or credit);
    # "credit" (a byline, agency tag or sign-off line); "short" (a line too short to be prose)
    role: str = "prose"
    finished: bool = True  # ends as a sentence ends (a cut-off text's last one does not)

    @property
    def prose(self) -> bool:
        return self.role == "prose"


@dataclass(frozen=True)
class ArticleReading:
    id: str
    outlet: str
    text: str
    headline: Sentence | None  # the title as the text opens with it
    paragraphs: tuple[Passage, ...]
    sentences: tuple[Sentence, ...]
    complete: bool  # the text ends on a finished sentence: nothing shows it was cut off

    def passage(self, start: int, end: int) -> Passage:
        return Passage(self.id, start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    @property
    def body(self) -> tuple[Sentence, ...]:
        """The sentences after the headline."""
        return tuple(s for s in self.sentences if s is not self.headline)

    @property
    def last_sentence(self) -> Sentence | None:
        return self.sentences[-1] if self.sentences else None


def is_finished(text: str) -> bool:
    return bool(_FINISHED.search(text.rstrip()))


def _paragraphs(article: Article) -> list[Passage]:
    return [Passage(article.id, m.start(), m.end(), m.group())
            for m in re.finditer(r"[^\n]+", article.text) if m.group().strip()]


def _role(is_headline: bool, words: int) -> str:
    if is_headline:
        return "headline"
    return "prose" if words >= PROSE_WORDS else "short"


def read_article(article: Article) -> ArticleReading:
    paragraphs = _paragraphs(article)
    found: list[Sentence] = []
    title = " ".join(article.title.split())
    headline: Sentence | None = None
    for number, paragraph in enumerate(paragraphs):
        is_headline = number == 0 and bool(title) and paragraph.text.strip() == title
        words = len(paragraph.text.split())
        for piece in split_sentences(paragraph.text):
            start, end = paragraph.start + piece.start, paragraph.start + piece.end
            sentence = Sentence(
                article.id, start, end, article.text[start:end], index=len(found),
                paragraph=number,
                role=_role(is_headline, words),
                finished=is_finished(piece.text))
            found.append(sentence)
            if is_headline and headline is None:
                headline = sentence
    last = paragraphs[-1].text if paragraphs else ""
    return ArticleReading(
        id=article.id, outlet=" ".join(article.outlet.split()), text=article.text,
        headline=headline, paragraphs=tuple(paragraphs), sentences=tuple(found),
        complete=bool(last) and is_finished(last))


def read_articles(story: Story) -> tuple[ArticleReading, ...]:
    return tuple(read_article(article) for article in story.articles)
