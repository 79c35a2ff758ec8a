"""A story from links: the pages a teacher linked to, fetched safely (quizapp.page_fetching) and
read by the same reader as a saved page (trafilatura: text, headline, date, author, site name),
put into the story form's article rows for the teacher to check and fix before saving."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from flask import current_app

from quizapp import generators as core
from quizapp import page_fetching
from quizapp.generators.loading.folder import read_article
from quizapp.instructor.forms import MAX_LINKS, StoryForm
from quizapp.instructor.story_upload import fill_row, is_empty_row

# Pages are fetched side by side: twenty slow sites take one site's time limit, not twenty.
FETCHING_AT_ONCE = 10


def links_of(form: StoryForm) -> list[str] | None:
    """The links typed, one per line, without repeats; None with a message on the field when
    there are none or too many."""
    links: list[str] = []
    for line in (form.links.data or "").splitlines():
        link = line.strip()
        if link and link not in links:
            links.append(link)
    if not links:
        form.links.errors.append("Paste at least one link, one per line.")
        return None
    if len(links) > MAX_LINKS:
        form.links.errors.append(f"At most {MAX_LINKS} links at once; you gave {len(links)}.")
        return None
    return links


def _rules() -> page_fetching.FetchRules:
    config = current_app.config
    return page_fetching.FetchRules(timeout=float(config["STORY_LINK_TIMEOUT"]),
                                    max_bytes=int(config["STORY_LINK_MAX_BYTES"]),
                                    allow_loopback=bool(config["STORY_LINKS_ALLOW_LOOPBACK"]))


def _page_name(url: str, number: int) -> str:
    host = urlsplit(url).hostname or "page"
    return f"{host.removeprefix('www.')[:60]}-{number}.html"


def read_link(url: str, number: int, rules: page_fetching.FetchRules) -> core.Article:
    """The article at one link; PageRefused or StoryError saying why not."""
    page = page_fetching.fetch_page(url, rules)
    name = _page_name(page.url, number)
    if page.content_type == "text/plain":
        name = name.removesuffix(".html") + ".txt"
    return read_article(name, page.body, {"url": url})


def _read_all(links: list[str], rules: page_fetching.FetchRules) -> list[core.Article | str]:
    """Each link's article, or the reason it could not be read, in the links' order."""
    def one(numbered: tuple[int, str]) -> core.Article | str:
        number, url = numbered
        try:
            return read_link(url, number, rules)
        except (page_fetching.PageRefused, core.StoryError) as error:
            return str(error)

    with ThreadPoolExecutor(max_workers=min(FETCHING_AT_ONCE, len(links))) as pool:
        return list(pool.map(one, enumerate(links, start=1)))


def _free_rows(form: StoryForm, wanted: int) -> list:
    """Empty article rows for `wanted` articles, adding rows up to the form's limit."""
    rows = [entry.form for entry in form.articles if is_empty_row(entry.form)]
    while len(rows) < wanted and len(form.articles) < form.articles.max_entries:
        rows.append(form.articles.append_entry().form)
    return rows


def read_links_into(form: StoryForm) -> int | None:
    """Fetch the form's links and fill an article row per page read; the number read, or None
    when the links themselves were refused. A link that cannot be read gets a line under the
    links field and leaves no row."""
    links = links_of(form)
    if links is None:
        return None
    outcomes = _read_all(links, _rules())
    articles = [(url, got) for url, got in zip(links, outcomes, strict=True)
                if not isinstance(got, str)]
    rows = _free_rows(form, len(articles))
    for (url, article), row in zip(articles, rows, strict=False):
        fill_row(row, article, url=url)
    for url, got in zip(links, outcomes, strict=True):
        if isinstance(got, str):
            form.links.errors.append(f"{url}: {got}")
    if len(articles) > len(rows):
        form.links.errors.append("Some pages were read but there is no room for them: a story "
                                 f"takes {form.articles.max_entries} articles at most.")
    return min(len(articles), len(rows))
