"""A story folder, or one uploaded file, read into articles: front matter, story.toml, HTML and
page debris handled here, so every kind sees the same text: the article as published, with its
captions and credit lines (reading marks them) and without the page's furniture.

Precedence for an article's facts: story.toml, then the file's front matter, then what the page
itself carries (HTML metadata, a byline, a date line, a credit line such as "By AFP").
"""
from __future__ import annotations

import codecs
import datetime as dt
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quizapp.generators.loading.page import article_text
from quizapp.generators.model import Article, Story, StoryError

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST = "story.toml"
# Files that document a folder rather than report the story (README.md, SOURCES.md).
FOLDER_NOTES = frozenset({"readme", "sources", "license", "licence", "notes", "changelog",
                          "contributing", "authors", "copying"})
FIELDS = ("title", "outlet", "date", "author", "url")
# "whole: yes" (front matter) or `whole = true` (story.toml): the person who added the article
# says it is the whole article, not an excerpt; "no" says it is an excerpt.
WHOLE = "whole"
_YES, _NO = frozenset({"yes", "true", "1"}), frozenset({"no", "false", "0"})
# The longest value each fact may hold (what the database keeps): longer is text pasted into the
# wrong place, or a page's metadata run on. An article id (file stem) and a slug (folder name)
# are kept to MAX_NAME_LENGTH.
FIELD_LIMITS = {"title": 500, "outlet": 200, "date": 40, "author": 200, "url": 2000}
MAX_NAME_LENGTH = 200
STORY_TITLE_LIMIT = 300  # a quiz made of the story is named after it


def load_story(path: str | Path) -> Story:
    """Every article file of the folder, in file-name order; the whole story or a StoryError."""
    folder = Path(path)
    if not folder.exists():
        raise StoryError(f"{folder}: there is no such story folder.")
    if not folder.is_dir():
        raise StoryError(f"{folder}: this is a file; a story is a folder of article files.")
    if len(folder.name) > MAX_NAME_LENGTH:
        raise StoryError(
            f"{folder.name[:60]}…: the folder's name is {len(folder.name)} characters long; "
            f"a story folder's name may have at most {MAX_NAME_LENGTH}. Rename it.")
    manifest = _manifest(folder)
    overrides = manifest.get("articles", {})
    files = _article_files(folder, overrides)
    if not files:
        raise StoryError(
            f"{folder.name}: the folder has no article files ({', '.join(ARTICLE_SUFFIXES)}).")
    stems: dict[str, str] = {}
    for file in files:
        if file.stem in stems:  # the stem is the article's id, so it must be unique
            raise StoryError(
                f"{stems[file.stem]} and {file.name}: two articles share the name "
                f"{file.stem!r}; rename one of them.")
        stems[file.stem] = file.name
    articles = tuple(
        read_article(file.name, _file_bytes(file), overrides.get(file.name, {})) for file in files)
    title = _fitted(MANIFEST, "title", _text_value(manifest.get("title", "")), STORY_TITLE_LIMIT)
    return Story(slug=folder.name,
                 title=title or _shortened(articles[0].title, STORY_TITLE_LIMIT) or folder.name,
                 articles=articles)


def read_article(filename: str, data: bytes, overrides: Mapping[str, Any] | None = None) -> Article:
    """One article from a file's bytes: HTML reduced to its text, front matter read, page debris
    removed. `overrides` (title, outlet, date, author, url) win over what the file says."""
    name = Path(filename).name
    suffix = Path(name).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise StoryError(
            f"{name}: only {', '.join(ARTICLE_SUFFIXES)} files can be read as articles.")
    if len(Path(name).stem) > MAX_NAME_LENGTH:
        raise StoryError(f"{name[:60]}…: the file name is longer than {MAX_NAME_LENGTH} "
                         "characters. Give it a shorter name.")
    raw = _decoded(name, data)
    if not raw.strip():
        raise StoryError(f"{name}: the file is empty.")
    facts: dict[str, str] = {}
    given: dict[str, str] = {}  # what a person wrote: front matter and story.toml
    if suffix in HTML_SUFFIXES:
        raw, found = _html_text(name, raw)
        # A page's own metadata is a guess: an over-long one is cut, not held against the file.
        facts.update({key: _shortened(value, FIELD_LIMITS[key]) for key, value in found.items()})
    else:
        given, raw = _front_matter(name, raw)
    said_whole = _whole(name, given.pop(WHOLE, None))
    for key, value in (overrides or {}).items():
        if key in FIELDS:
            given[key] = _text_value(value)
        elif key == WHOLE:
            said_whole = _whole(MANIFEST, value)
    facts.update({key: _fitted(name, key, value) for key, value in given.items()})
    cleaned = article_text(raw, title=facts.get("title", ""), author=facts.get("author", ""),
                           outlet=facts.get("outlet", ""))
    if not cleaned.paragraphs:
        raise StoryError(
            f"{name}: no article text is left once page debris (menus, links, appeals, "
            "dates) is removed; check that the file holds the article's paragraphs.")
    title = facts.get("title") or _shortened(cleaned.title, FIELD_LIMITS["title"])
    return Article(
        id=Path(name).stem,
        outlet=facts.get("outlet", _shortened(cleaned.credit, FIELD_LIMITS["outlet"])),
        title=title,
        text=with_headline(title, cleaned.text),
        date=facts.get("date", _shortened(cleaned.date, FIELD_LIMITS["date"])),
        url=facts.get("url", ""),
        author=facts.get("author", _shortened(cleaned.author, FIELD_LIMITS["author"])),
        filename=name,
        whole=said_whole if said_whole is not None else (True if cleaned.page_goes_on else None),
    )


def _whole(name: str, value: Any) -> bool | None:
    """What `whole` says: yes (the whole article), no (an excerpt), or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    said = str(value).strip().lower()
    if said in _YES | _NO:
        return said in _YES
    raise StoryError(f"{name}: whole must be yes or no (is this the whole article, or an "
                     f"excerpt?), not {str(value)[:40]!r}.")


def _fitted(name: str, key: str, value: str, limit: int | None = None) -> str:
    """A fact a person gave, refused with a message when it is too long to be that fact."""
    limit = limit or FIELD_LIMITS[key]
    if len(value) > limit:
        raise StoryError(f"{name}: the {key} given (in story.toml or the front matter) is "
                         f"{len(value)} characters long; a {key} may have at most {limit}: "
                         f"{value[:60]!r}…")
    return value


def _shortened(value: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when there is one, marked with an ellipsis."""
    if len(value) <= limit:
        return value
    cut = value[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip() + "\u2026"


def with_headline(title: str, body: str) -> str:
    """The headline is what the outlet published first: it stays the text's first paragraph, so
    a question saying an outlet never mentions something is checked against its headline too,
    and a headline can be quoted as evidence."""
    title = " ".join(title.split())
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}"


# --- the folder --------------------------------------------------------------------------------

def _article_files(folder: Path, overrides: Mapping[str, Any]) -> list[Path]:
    named = set(overrides)
    files = []
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if not file.is_file() or file.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if file.name.startswith((".", "_")) and file.name not in named:
            continue
        if file.stem.lower() in FOLDER_NOTES and file.name not in named:
            continue
        files.append(file)
    return files


def _file_bytes(file: Path) -> bytes:
    try:
        size = file.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise StoryError(_too_big(file.name, size))
        return file.read_bytes()
    except OSError as error:  # no permission, a file removed meanwhile, a disk error
        raise StoryError(f"{file.name}: the file cannot be read ({error.strerror}).") from error


def _too_big(name: str, size: int) -> str:
    return (f"{name}: the file is {size / 1024 / 1024:.1f} MiB; an article may be at most "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MiB. Save only the article's text.")


def _manifest(folder: Path) -> dict[str, Any]:
    file = folder / MANIFEST
    if not file.is_file():
        return {}
    try:
        manifest = tomllib.loads(_decoded(MANIFEST, _file_bytes(file)))
    except tomllib.TOMLDecodeError as error:
        raise StoryError(f"{MANIFEST}: it is not valid TOML ({error}).") from error
    articles = manifest.get("articles", {})
    if not isinstance(articles, dict) or not all(isinstance(v, dict) for v in articles.values()):
        raise StoryError(
            f'{MANIFEST}: each article must be a table such as [articles."file.txt"].')
    tables = [("", manifest), *((f' of [articles."{k}"]', v) for k, v in articles.items())]
    for where, table in tables:
        for key in FIELDS:
            if isinstance(table.get(key), (dict, list)):
                raise StoryError(f'{MANIFEST}: {key}{where} must be text, such as {key} = "...".')
    for filename in sorted(articles):
        if not (folder / filename).is_file():
            raise StoryError(
                f"{MANIFEST}: it describes {filename!r}, but the folder has no such file.")
    return manifest


# --- one file ----------------------------------------------------------------------------------

def _decoded(name: str, data: bytes) -> str:
    if len(data) > MAX_ARTICLE_BYTES:
        raise StoryError(_too_big(name, len(data)))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows editors' "Unicode" is UTF-16 with a byte-order mark: text, not a binary file.
        # Bytes that only happen to start like one are judged below like any other.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = "\x00"
        if "\x00" not in text:
            return text
    if b"\x00" in data:
        raise StoryError(
            f"{name}: this looks like a binary file (a PDF, a Word document, an image), not "
            "text. Save the article as plain text, markdown or HTML.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoryError(
            f"{name}: the file is not UTF-8 text (unreadable byte at position {error.start}). "
            "Save it again with UTF-8 encoding.") from error


def _front_matter(name: str, raw: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` lines / `---` at the top of a file, and the text after it."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].strip() != "---":
        return {}, raw
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise StoryError(
            f"{name}: the front matter opened by '---' on line {start + 1} is never closed; add "
            "a '---' line after the last 'key: value' line.")
    facts: dict[str, str] = {}
    for i in range(start + 1, end):
        line = lines[i].strip()
        if not line or line.startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise StoryError(
                f"{name}: line {i + 1} of the front matter is not a 'key: value' line: {line!r}.")
        key = key.strip().lower()
        if key in (*FIELDS, WHOLE):
            facts[key] = _unquoted(value.strip())
    return facts, "\n".join(lines[end + 1:])


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _html_text(name: str, html: str) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page (trafilatura) and the title, author, date and site name
    its metadata gives."""
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    text, document = "", None
    # Precision first keeps sidebars out; a page it finds nothing in gets a second, wider look.
    for precise in (True, False):
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_precision=precise,
            deduplicate=False)
        text = getattr(document, "text", None) if document is not None else None
        if text and text.strip():
            break
    if not text or not text.strip():
        raise StoryError(f"{name}: no article text was found in this HTML page.")
    facts = {}
    for field, attribute in (("title", "title"), ("author", "author"), ("date", "date"),
                             ("outlet", "sitename")):
        value = getattr(document, attribute, None)
        if value and str(value).strip():
            facts[field] = str(value).strip()
    return text, facts


def _text_value(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value).strip()
