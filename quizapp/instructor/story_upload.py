"""The new-story form's rows turned into the generators' Story: each article read from an
uploaded file or pasted text by the same reader the story folders use."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from quizapp import generators as core
from quizapp.extensions import db
from quizapp.generators.loading.folder import read_article
from quizapp.instructor.forms import ArticleRow, StoryForm
from quizapp.models import Story

FACTS = ("outlet", "title", "date", "author", "url")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "story"


def free_slug(title: str) -> str:
    """A story slug made from the title, numbered if another story has it already."""
    base = _slug(title)
    slug, number = base, 1
    while db.session.execute(db.select(Story.id).where(Story.slug == slug)).first():
        number += 1
        slug = f"{base}-{number}"
    return slug


def is_empty_row(row: ArticleRow) -> bool:
    upload = row.file.data
    return not (upload and getattr(upload, "filename", "")) and not any(
        (row[name].data or "").strip() for name in ("text", *FACTS))


def fill_row(row: ArticleRow, article: core.Article, url: str = "") -> None:
    """The row shows the article as read, for the teacher to check: its text in the text box,
    and the outlet, headline, date and author the page gave where the row has none yet."""
    row.text.data = article.text
    for name, value in (("outlet", article.outlet), ("title", article.title),
                        ("date", article.date), ("author", article.author),
                        ("url", url or article.url)):
        if value and not (row[name].data or "").strip():
            row[name].data = value


def keep_chosen_files(form: StoryForm) -> None:
    """"Add another article" sends the form back, and a browser never fills a file input in
    again: each chosen file is read now and its text kept in its row, so nothing is chosen twice.
    A file that cannot be read gets its message and stays to be chosen again."""
    for entry in form.articles:
        row = entry.form
        upload = row.file.data
        if not (upload and getattr(upload, "filename", "")) or (row.text.data or "").strip():
            continue
        try:
            article = read_article(Path(upload.filename).name, upload.read(),
                                   {name: row[name].data for name in FACTS if row[name].data})
        except core.StoryError as error:
            row.file.errors = [*row.file.errors, str(error)]
            continue
        fill_row(row, article)
        row.file.data = None
        row.kept_from = Path(upload.filename).name  # the page says where the text came from


def _row_article(row: ArticleRow, number: int) -> core.Article | None:
    """The article of one row, None for an empty row; errors go next to the row's fields."""
    upload = row.file.data
    has_file = bool(upload and getattr(upload, "filename", ""))
    text = (row.text.data or "").strip()
    facts = {name: row[name].data for name in FACTS if row[name].data}
    if row.whole.data:
        facts["whole"] = True
    if not has_file and not text:
        if facts:
            row.text.errors.append("Paste the article's text or choose its file.")
        return None
    if has_file and text:
        row.file.errors.append("Choose a file or paste the text, not both.")
        return None
    if has_file:
        filename, data, field = Path(upload.filename).name, upload.read(), row.file
    else:
        filename, data, field = f"article-{number}.txt", text.encode("utf-8"), row.text
    try:
        return read_article(filename, data, facts)
    except core.StoryError as error:
        field.errors.append(str(error))
        return None


def story_from_form(form: StoryForm) -> core.Story | None:
    """The story the form describes, or None with a message next to each field at fault."""
    articles = []
    for number, entry in enumerate(form.articles, start=1):
        article = _row_article(entry.form, number)
        if article is not None:
            articles.append(article)
    failed = any(entry.form.file.errors or entry.form.text.errors for entry in form.articles)
    if failed:
        return None
    if not articles:
        form.articles.entries[0].form.text.errors.append(
            "A story needs at least one article: paste its text or choose its file.")
        return None
    # An article's id is its file name's stem and must be unique within the story.
    used: set[str] = set()
    unique = []
    for article in articles:
        key, number = article.id, 1
        while key in used:
            number += 1
            key = f"{article.id}-{number}"
        used.add(key)
        unique.append(core.Article(id=key, outlet=article.outlet, title=article.title,
                                   text=article.text, date=article.date, url=article.url,
                                   author=article.author, filename=article.filename,
                                   whole=article.whole))
    return core.Story(slug=free_slug(form.title.data), title=form.title.data,
                      articles=tuple(unique))
