"""A story from links: the story form fetches each link from a real HTTP server (a local one,
serving saved news pages, reached only through the setting that allows loopback), reads it with
trafilatura, and shows the articles for the teacher to check before the story is saved. The
address guard is proven with hostile links: private, loopback and link-local addresses, a name
that resolves to loopback, redirects from an allowed page to private addresses, other schemes,
an oversize page and a server too slow to answer."""
from __future__ import annotations

import contextlib
import re
import threading
import time
from html import unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from quizapp import page_fetching
from quizapp.extensions import db
from quizapp.models import Story
from tests.instructors.test_stories import blank_rows
from tests.pages import hidden_fields

PAGES = Path(__file__).resolve().parent / "link_pages"
SLOW_SECONDS = 3


class SavedPages(BaseHTTPRequestHandler):
    """The saved pages, and the misbehaving answers a hostile or broken site gives."""

    redirects: ClassVar[dict[str, str]] = {
        "/moved": "/northshore-courier.html",
        "/to-private": "http://10.0.0.7/news.html",
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-loopback-name": "http://localhost:{port}/northshore-courier.html",
        "/to-file": "file:///etc/passwd",
        "/loop": "/loop",
    }

    def do_GET(self):
        path = self.path.split("?")[0]
        if path in self.redirects:
            target = self.redirects[path].format(port=self.server.server_address[1])
            self._send(302, b"", "text/html", {"Location": target})
        elif path == "/huge.html":
            # No Content-Length: the cap must hold while reading, not only on what is declared.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"<p>" + b"filler " * 1400 + b"</p>\n")
        elif path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            self._send(200, (PAGES / "island-gazette.html").read_bytes(), "text/html")
        elif path == "/photo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif (PAGES / path.lstrip("/")).is_file() and "/" not in path.lstrip("/"):
            self._send(200, (PAGES / path.lstrip("/")).read_bytes(), "text/html; charset=utf-8")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, kind: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        # The app may give up on a slow page, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass  # the test's output is for the test


@pytest.fixture(scope="module")
def site():
    """The local news site's address (http://127.0.0.1:PORT)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), SavedPages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback_allowed(app):
    """The app may fetch from this machine: only so can a test reach its local site."""
    app.config.update(STORY_LINKS_ALLOW_LOOPBACK=True, STORY_LINK_TIMEOUT=1.0,
                      STORY_LINK_MAX_BYTES=256 * 1024)
    return app


def read_links(client, links: list[str], title: str = "", rows: int = 2):
    page = client.get("/instructor/stories/new").get_data(as_text=True)
    data = {"csrf_token": hidden_fields(page)["csrf_token"], "title": title,
            "links": "\n".join(links), **blank_rows(rows), "read_links": "1"}
    return client.post("/instructor/stories/new", data=data, content_type="multipart/form-data")


def form_values(html: str) -> dict[str, str]:
    """What the form's inputs and text boxes hold, as the browser would send them back."""
    values = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and ('type="checkbox"' not in tag or " checked" in tag):
            values[name.group(1)] = unescape(value.group(1))
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html,
                                 re.S):
        values[name] = unescape(text).removeprefix("\r\n").removeprefix("\n")
    return values


def story_count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Story.id))).scalar()


def test_links_are_read_checked_by_the_teacher_and_saved_whole(app, signed_in, site,
                                                               loopback_allowed):
    links = [f"{site}/northshore-courier.html", f"{site}/moved?from=newsletter",
             f"{site}/island-gazette.html"]
    response = read_links(signed_in, links, title="Ferry fire")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html
    assert "3 articles were read from the links" in html
    values = form_values(html)
    # Each page's metadata, as trafilatura reads it, fills its row; the text box holds the text.
    assert values["articles-0-outlet"] == "Northshore Courier"
    assert values["articles-0-title"] == "Ferry service suspended after engine fire in harbour"
    assert (values["articles-0-date"], values["articles-0-author"]) == ("2025-03-17",
                                                                        "Priya Raman")
    assert values["articles-0-url"] == links[0]
    assert "All 212 passengers and nine crew were brought ashore" in values["articles-0-text"]
    assert "Most read" not in values["articles-0-text"]  # the page's furniture stays behind
    assert values["articles-1-url"] == links[1]  # the redirect was followed, the link kept
    assert values["articles-2-outlet"] == "Island Gazette"
    assert "cookies" not in values["articles-2-text"]
    assert values["links"] == "\n".join(links)  # what was typed stays
    assert story_count(app) == 0  # nothing saved before the teacher confirms

    # The teacher fixes what the page got wrong and drops the repeated article, then saves.
    values.update({"articles-2-outlet": "The Island Gazette", "articles-1-text": "",
                   "articles-1-outlet": "", "articles-1-title": "", "articles-1-date": "",
                   "articles-1-author": "", "articles-1-url": "", "submit": "1"})
    values.pop("read_links", None)
    saved = signed_in.post("/instructor/stories/new", data=values,
                           content_type="multipart/form-data")
    assert saved.status_code == 302, saved.get_data(as_text=True)
    with app.app_context():
        story = db.session.execute(db.select(Story)).scalar_one()
        assert story.title == "Ferry fire"
        outlets = {article.outlet: article for article in story.articles}
        assert set(outlets) == {"Northshore Courier", "The Island Gazette"}
        courier = outlets["Northshore Courier"]
        assert (courier.date, courier.author, courier.url) == ("2025-03-17", "Priya Raman",
                                                               links[0])
        assert "The cause of the fire is not yet known." in courier.text
        assert courier.text.count("Ferry service suspended after engine fire") == 1


def test_a_link_that_cannot_be_read_is_named_and_the_others_are_kept(app, signed_in, site,
                                                                     loopback_allowed):
    response = read_links(signed_in, [f"{site}/island-gazette.html", f"{site}/gone.html"])
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "1 article was read from the links" in html
    assert f"{site}/gone.html: the site answered 404 (Not Found)." in html
    assert form_values(response.get_data(as_text=True))["articles-0-outlet"] == "Island Gazette"


@pytest.mark.parametrize(("path", "reason"), [
    ("/to-private", "10.0.0.7 is at a private or local address"),
    ("/to-metadata", "169.254.169.254 is at a private or local address"),
    ("/to-file", "only http:// and https:// addresses can be fetched"),
    ("/loop", "redirects more than 5 times"),
    ("/huge.html", "the page is larger than 256 KB"),
    ("/slow.html", "took longer than 1 second to answer"),
    ("/photo.png", "gives a image/png, not a web page"),
])
def test_hostile_and_broken_pages_are_refused(app, signed_in, site, loopback_allowed, path,
                                              reason):
    response = read_links(signed_in, [f"{site}{path}"])
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert reason in html, html
    assert form_values(response.get_data(as_text=True))["articles-0-text"] == ""
    assert story_count(app) == 0


def test_loopback_stays_refused_by_default_even_for_the_local_site(app, signed_in, site):
    port = site.rsplit(":", 1)[1]
    hostile = [f"{site}/northshore-courier.html", f"http://localhost:{port}/island-gazette.html",
               f"http://[::1]:{port}/", "http://10.1.2.3/", "http://192.168.0.1/admin",
               "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/",
               "file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://example.com/a.html"]
    response = read_links(signed_in, hostile)
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "articles were read" not in html and "article was read" not in html
    for link in hostile[:7]:
        assert f"{link}: " in html and "private or local address" in html.split(f"{link}: ")[1]
    for link in hostile[7:]:
        assert f"{link}: only http:// and https:// addresses can be fetched." in html


def test_a_redirect_to_a_loopback_name_is_refused_when_loopback_is(site):
    """The guard itself: a page on an allowed address that sends the fetcher to a name resolving
    to this machine is refused at that hop."""
    rules = page_fetching.FetchRules(timeout=2, allow_loopback=False)
    with pytest.raises(page_fetching.PageRefused, match="localhost is at a private or local"):
        page_fetching.fetch_page(f"http://localhost:{site.rsplit(':', 1)[1]}/", rules)
    allowed = page_fetching.FetchRules(timeout=2, allow_loopback=True)
    page = page_fetching.fetch_page(f"{site}/to-loopback-name", allowed)
    assert page.url.startswith("http://localhost:") and b"MV Larkspur" in page.body


def test_too_many_links_change_nothing(app, signed_in):
    links = [f"https://news{n}.example/a" for n in range(21)]
    response = read_links(signed_in, links)
    assert response.status_code == 422
    assert "At most 20 links at once; you gave 21." in unescape(response.get_data(as_text=True))
