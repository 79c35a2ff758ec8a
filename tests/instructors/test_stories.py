"""Adding a story through the web (uploaded .txt and saved .html pages, or pasted text) in one
transaction, and generating its questions with progress shown on the run page."""
from __future__ import annotations

import io
import json
import re
import time
from html import unescape
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Article, GenerationRun, Question, Story
from tests.pages import hidden_fields

FERRY = Path(__file__).resolve().parents[1] / "stories" / "loader-ferry-fire"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "beijing-denies-chinese-fighters"


def blank_rows(count: int = 2) -> dict:
    data = {}
    for i in range(count):
        for name in ("text", "outlet", "title", "date", "author", "url"):
            data[f"articles-{i}-{name}"] = ""
    return data


def post_story(client, title: str, rows: dict, **extra):
    page = client.get("/instructor/stories/new")
    assert page.status_code == 200
    data = {"csrf_token": hidden_fields(page.get_data(as_text=True))["csrf_token"], "title": title,
            **blank_rows(), **rows, "submit": "1", **extra}
    return client.post("/instructor/stories/new", data=data, content_type="multipart/form-data")


def story_count(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(db.func.count(Story.id))).scalar()


def test_a_txt_file_and_a_saved_html_page_make_a_story(app, signed_in):
    html_page = (FERRY / "02-coastline.html").read_bytes()
    wire = (FERRY / "03-wire.txt").read_bytes()
    response = post_story(signed_in, "Ferry fire", {
        "articles-0-file": (io.BytesIO(html_page), "coastline.html"),
        "articles-1-file": (io.BytesIO(wire), "wire.txt"),
        "articles-1-outlet": "Kelbury Wire", "articles-1-date": "2024-06-03",
        "articles-1-url": "javascript:alert(1)",
    })
    assert response.status_code == 302, response.get_data(as_text=True)
    page = signed_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Story saved with 2 articles. Now generate its questions." in page
    assert ">Generate questions<" in page
    assert 'href="javascript:' not in page  # an address is only a link when it is http(s)
    with app.app_context():
        story = db.session.execute(db.select(Story)).scalar_one()
        assert (story.title, story.slug) == ("Ferry fire", "ferry-fire")
        coastline, wire_row = story.articles
        # The saved page is reduced to its article: no script, menu or cookie banner.
        assert coastline.key == "coastline" and coastline.outlet == "Coastline Daily"
        assert "Passengers on the Arden Star were moved to the upper deck" in coastline.text
        assert "analytics" not in coastline.text and "cookies" not in coastline.text
        assert "Sign in" not in coastline.text
        assert (wire_row.outlet, wire_row.date, wire_row.key) == (
            "Kelbury Wire",
            "2024-06-03",
            "wire",
        )


def test_pasted_text_makes_an_article_too(app, signed_in):
    response = post_story(
        signed_in,
        "Pasted",
        {
            "articles-0-text": "Dock strike ends\r\n\r\n"
            "Union leader Ana Ruiz said the deal was \u201cfair\u201d.",
            "articles-0-outlet": "Port News",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        article = db.session.execute(db.select(Article)).scalar_one()
        assert article.outlet == "Port News"
        assert "Union leader Ana Ruiz said the deal was \u201cfair\u201d." in article.text


@pytest.mark.parametrize("upload,message", [
    ((b"%PDF-1.4\x00\x01binary", "report.txt"), "this looks like a binary file"),
    ((b"\xff\xfe\xfa not utf-8", "latin.txt"), "the file is not UTF-8 text"),
    ((b"", "empty.txt"), "the file is empty"),
    ((b"Some words", "story.docx"), "only .txt, .md, .markdown, .html, .htm files can be read"),
    ((b"<html><body><nav>Home</nav></body></html>", "page.html"), "no article text"),
])
def test_a_bad_file_gets_a_message_next_to_it_and_nothing_is_saved(app, signed_in, upload, message):
    data, name = upload
    good = (FERRY / "03-wire.txt").read_bytes()
    response = post_story(signed_in, "Half a story", {
        "articles-0-file": (io.BytesIO(good), "wire.txt"),
        "articles-1-file": (io.BytesIO(data), name),
        "articles-1-outlet": "Kept Outlet",
    })
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "The story was not saved" in page
    # The message sits in the second article's fieldset, after its file field.
    second = page.split("<legend>Article 2</legend>", 1)[1].split("</fieldset>", 1)[0]
    assert message in second.replace("&#39;", "'")
    assert 'value="Kept Outlet"' in page and 'value="Half a story"' in page  # typed values stay
    assert story_count(app) == 0


def test_a_story_needs_a_title_and_an_article(app, signed_in):
    response = post_story(signed_in, "", {})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Give the story a title." in page
    response = post_story(signed_in, "No articles", {"articles-1-outlet": "Only an outlet"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Paste the article&#39;s text or choose its file." in page
    assert story_count(app) == 0


def test_a_file_and_pasted_text_in_one_row_are_refused(app, signed_in):
    response = post_story(signed_in, "Both", {
        "articles-0-file": (io.BytesIO(b"Text in a file."), "a.txt"),
        "articles-0-text": "And pasted text.",
    })
    assert response.status_code == 422
    assert "Choose a file or paste the text, not both." in response.get_data(as_text=True)
    assert story_count(app) == 0


def test_another_article_row_is_added_without_a_script(app, signed_in):
    page = signed_in.get("/instructor/stories/new").get_data(as_text=True)
    assert page.count("<legend>Article") == 2
    data = {"csrf_token": hidden_fields(page)["csrf_token"], "title": "Growing", **blank_rows(),
            "articles-0-text": "Kept text.", "add_article": "1"}
    response = signed_in.post(
        "/instructor/stories/new", data=data, content_type="multipart/form-data"
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<legend>Article") == 3
    assert "Kept text." in html and 'value="Growing"' in html
    assert story_count(app) == 0


def test_another_article_row_keeps_the_files_already_chosen(app, signed_in):
    """Issue 13: "Add another article" used to drop the chosen files (a browser never fills a
    file input in again), so the teacher had to choose them all again."""
    page = signed_in.get("/instructor/stories/new").get_data(as_text=True)
    data = {"csrf_token": hidden_fields(page)["csrf_token"], "title": "Ferry fire",
            **blank_rows(), "articles-0-file": (io.BytesIO((FERRY / "02-coastline.html")
                                                           .read_bytes()), "coastline.html"),
            "articles-1-file": (io.BytesIO((FERRY / "03-wire.txt").read_bytes()), "wire.txt"),
            "articles-1-outlet": "Kelbury Wire", "add_article": "1"}
    response = signed_in.post("/instructor/stories/new", data=data,
                              content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count("<legend>Article") == 3
    assert "The text below was read from coastline.html." in html
    assert "Passengers on the Arden Star were moved to the upper deck" in html
    assert 'value="Coastline Daily"' in html  # the page's outlet, read with its text
    # The teacher saves without choosing any file again: both articles are in the story.
    kept = {name: unescape(value) for name, value in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>\r?\n?(.*?)</textarea>', html, re.S)}
    fields = {name: unescape(value) for name, value in re.findall(
        r'<input[^>]*name="(articles-[^"]+|title)"[^>]*value="([^"]*)"', html)
        if not name.endswith("-whole")}
    saved = signed_in.post("/instructor/stories/new", data={
        "csrf_token": hidden_fields(html)["csrf_token"], **fields, **kept, "submit": "1"},
        content_type="multipart/form-data")
    assert saved.status_code == 302, saved.get_data(as_text=True)
    with app.app_context():
        story = db.session.execute(db.select(Story)).scalar_one()
        outlets = sorted(article.outlet for article in story.articles)
        assert outlets == ["Coastline Daily", "Kelbury Wire"]


def test_a_too_large_upload_gets_a_plain_message(app, signed_in):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    response = post_story(signed_in, "Huge", {
        "articles-0-file": (io.BytesIO(b"x" * 20_000), "huge.txt")})
    assert response.status_code == 413
    assert "What you sent is too large" in response.get_data(as_text=True)
    assert story_count(app) == 0


# --- generating questions ---------------------------------------------------------------------

def seed_story_via_the_form(client) -> str:
    files = sorted(SEED.glob("*.txt"))
    rows = {
        f"articles-{i}-file": (io.BytesIO(f.read_bytes()), f.name) for i, f in enumerate(files[:2])
    }
    response = post_story(client, "Beijing denies", rows)
    assert response.status_code == 302
    return response.headers["Location"]


def test_generate_writes_drafts_into_the_review_queue_and_reports_counts(app, signed_in):
    app.config["GENERATION_IN_BACKGROUND"] = False
    story_url = seed_story_via_the_form(signed_in)
    page = signed_in.get(story_url).get_data(as_text=True)
    response = signed_in.post(
        f"{story_url}/generate", data={"csrf_token": hidden_fields(page)["csrf_token"]}
    )
    assert response.status_code == 302 and "/instructor/runs/" in response.headers["Location"]
    run_page = signed_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Done." in run_page and 'http-equiv="refresh"' not in run_page
    with app.app_context():
        run = db.session.execute(db.select(GenerationRun)).scalar_one()
        counts = json.loads(run.counts)
        drafts = (
            db.session.execute(db.select(Question).where(Question.status == "draft"))
            .scalars()
            .all()
        )
        by_kind = {}
        for question in drafts:
            by_kind[question.kind] = by_kind.get(question.kind, 0) + 1
        assert run.state == "done" and run.done == run.total
    assert drafts, "the seed's articles give questions"
    assert {k: v for k, v in counts["kinds"].items() if v} == by_kind
    assert counts["stored"]["added"] == len(drafts)
    for kind, count in by_kind.items():
        assert re.search(rf"<td>{kind.replace('_', ' ')}</td><td>{count}</td>", run_page)
    assert f"{len(drafts)} new drafts went into the review queue" in run_page
    queue = signed_in.get("/instructor/review").get_data(as_text=True)
    assert f"{len(drafts)} drafts to review." in queue
    # Pressed again: the same questions are written afresh, none doubled.
    again = signed_in.post(
        f"{story_url}/generate",
        data={"csrf_token": hidden_fields(queue)["csrf_token"]},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "0 new drafts went into the review queue." in again
    assert f"{len(drafts)} questions no student had answered were written afresh" in again
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar() == len(drafts)


def test_generation_runs_in_the_background_and_the_run_page_shows_progress(app, signed_in):
    assert app.config["GENERATION_IN_BACKGROUND"]
    story_url = seed_story_via_the_form(signed_in)
    page = signed_in.get(story_url).get_data(as_text=True)
    response = signed_in.post(
        f"{story_url}/generate", data={"csrf_token": hidden_fields(page)["csrf_token"]}
    )
    run_url = response.headers["Location"]
    first = None
    for _ in range(600):  # bounded: at most about a minute on a busy machine
        html = signed_in.get(run_url).get_data(as_text=True)
        first = first or html
        if "Done." in html or "Generation failed" in html:
            break
        assert 'http-equiv="refresh" content="2"' in html  # refreshes itself while working
        time.sleep(0.1)
    assert "Done." in html, html
    assert "<progress" in first
    with app.app_context():
        run = db.session.execute(db.select(GenerationRun)).scalar_one()
        assert run.state == "done" and run.finished_at is not None
        drafts = db.session.execute(
            db.select(db.func.count(Question.id)).where(Question.status == "draft")).scalar()
    assert drafts > 0 and f"{drafts} new drafts went into the review queue" in html


def test_a_second_press_while_running_goes_to_the_run_under_way(app, signed_in):
    story_url = seed_story_via_the_form(signed_in)
    story_id = int(story_url.rsplit("/", 1)[1])
    with app.app_context():
        db.session.add(GenerationRun(story_id=story_id, state="running"))
        db.session.commit()
        run_id = db.session.execute(db.select(GenerationRun.id)).scalar_one()
    page = signed_in.get(story_url).get_data(as_text=True)
    response = signed_in.post(
        f"{story_url}/generate",
        data={"csrf_token": hidden_fields(page)["csrf_token"]},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Questions for this story are being written already." in html
    assert response.request.path == f"/instructor/runs/{run_id}"
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(GenerationRun.id))).scalar() == 1


def test_a_run_whose_worker_died_says_so_and_can_be_started_again(app, signed_in):
    from datetime import timedelta

    from quizapp.models import now

    story_url = seed_story_via_the_form(signed_in)
    story_id = int(story_url.rsplit("/", 1)[1])
    with app.app_context():
        db.session.add(GenerationRun(story_id=story_id, state="running",
                                     started_at=now() - timedelta(hours=1)))
        db.session.commit()
        run_id = db.session.execute(db.select(GenerationRun.id)).scalar_one()
    html = signed_in.get(f"/instructor/runs/{run_id}").get_data(as_text=True)
    assert "This run stopped without finishing" in html
    assert 'http-equiv="refresh"' not in html
    app.config["GENERATION_IN_BACKGROUND"] = False
    response = signed_in.post(
        f"{story_url}/generate",
        data={"csrf_token": hidden_fields(html)["csrf_token"]},
        follow_redirects=True,
    )
    assert "Done." in response.get_data(as_text=True)


def test_a_run_that_breaks_says_so_and_saves_no_question(app, signed_in, monkeypatch):
    from quizapp import generators

    story_url = seed_story_via_the_form(signed_in)
    page = signed_in.get(story_url).get_data(as_text=True)

    def broken(story, kinds=None):
        raise RuntimeError("a bug in a generator")

    monkeypatch.setattr(generators, "generate_questions", broken)
    app.config["GENERATION_IN_BACKGROUND"] = False
    response = signed_in.post(
        f"{story_url}/generate",
        data={"csrf_token": hidden_fields(page)["csrf_token"]},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert (
        "Generation failed: Something went wrong while writing the questions; none were saved."
        in html
    )
    assert "a bug in a generator" not in html  # no trace or internal message reaches the page
    with app.app_context():
        assert db.session.execute(db.select(GenerationRun.state)).scalar_one() == "failed"
        assert db.session.execute(db.select(db.func.count(Question.id))).scalar() == 0


def test_a_run_whose_heartbeat_stopped_a_minute_ago_no_longer_blocks_generate(app, signed_in):
    # The attack report: an interrupted run stayed "Working" for 15 minutes and blocked
    # "Generate". A run's heartbeat moves every few seconds; one that stopped is dead.
    from datetime import timedelta

    from quizapp.models import now

    story_url = seed_story_via_the_form(signed_in)
    story_id = int(story_url.rsplit("/", 1)[1])
    with app.app_context():
        db.session.add(GenerationRun(story_id=story_id, state="running", step="Wrote numbers",
                                     started_at=now() - timedelta(minutes=2),
                                     heartbeat_at=now() - timedelta(seconds=50)))
        db.session.commit()
        dead_id = db.session.execute(db.select(GenerationRun.id)).scalar_one()
    html = signed_in.get(f"/instructor/runs/{dead_id}").get_data(as_text=True)
    assert "This run stopped without finishing" in html and 'http-equiv="refresh"' not in html
    app.config["GENERATION_IN_BACKGROUND"] = False
    response = signed_in.post(f"{story_url}/generate",
                              data={"csrf_token": hidden_fields(html)["csrf_token"]},
                              follow_redirects=True)
    assert "Done." in response.get_data(as_text=True)
    with app.app_context():
        states = dict(db.session.execute(db.select(GenerationRun.id, GenerationRun.state)).all())
    assert states[dead_id] == "failed" and sorted(states.values()) == ["done", "failed"]


def test_a_running_generation_keeps_its_heartbeat_going(app, signed_in, monkeypatch):
    from datetime import timedelta

    from quizapp import generation_runs, generators

    story_url = seed_story_via_the_form(signed_in)
    beats = []
    write = generators.generate_questions

    def slow(story, progress=None, **kwargs):
        # A long kind, with no progress to report: only the heartbeat shows the run is alive.
        time.sleep(0.5)
        with app.app_context():
            beats.append(db.session.execute(db.select(GenerationRun.heartbeat_at)).scalar_one())
        return write(story, progress=progress, **kwargs)

    monkeypatch.setattr(generation_runs, "HEARTBEAT_EVERY", timedelta(seconds=0.1))
    monkeypatch.setattr(generators, "generate_questions", slow)
    app.config["GENERATION_IN_BACKGROUND"] = False
    page = signed_in.get(story_url).get_data(as_text=True)
    response = signed_in.post(f"{story_url}/generate",
                              data={"csrf_token": hidden_fields(page)["csrf_token"]})
    assert response.status_code == 302
    with app.app_context():
        run = db.session.execute(db.select(GenerationRun)).scalar_one()
        assert run.state == "done"
        assert beats[0] > run.started_at + timedelta(seconds=0.3)  # beaten while it slept
