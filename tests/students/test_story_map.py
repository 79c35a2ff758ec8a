"""The story map on the student's side: there only after submitting (not found before, so it
gives nothing away during the quiz), linked from the result, each value opening the reader with
its passage marked; the reader marks a place by its offsets only after submission."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Article
from tests import map_story
from tests.students.support import set_quiz, start, submit


def test_the_map_is_not_found_before_submission(app, client):
    _story_id, code = map_story.store(app)
    token = start(client, code)
    assert client.get(f"/attempt/{token}/map").status_code == 404
    assert client.get("/attempt/not-a-token/map").status_code == 404


def test_the_map_waits_with_the_answers_for_the_quiz_to_close(app, client):
    _story_id, code = map_story.store(app)  # a new quiz shows its answers once closed
    token = start(client, code)
    assert submit(client, token).status_code == 302
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert "See the story map" not in result
    assert client.get(f"/attempt/{token}/map").status_code == 404


def test_after_submitting_the_result_links_to_the_map_and_each_value_to_its_passage(app, client):
    _story_id, code = map_story.store(app)
    set_quiz(app, review_answers="after_attempt")  # the map comes with the answers
    token = start(client, code)
    assert submit(client, token).status_code == 302
    result = client.get(f"/attempt/{token}/result").get_data(as_text=True)
    assert f'href="/attempt/{token}/map"' in result
    html = client.get(f"/attempt/{token}/map").get_data(as_text=True)
    assert "Outlets disagree" in html and "&lt;survivors&gt;" in html and "<survivors>" not in html
    assert f'href="/attempt/{token}/result"' in html
    links = map_story.value_links(html)
    assert links
    with app.app_context():
        texts = {a.id: a.text for a in db.session.execute(db.select(Article)).scalars()}
    for address, _value in links:
        match = re.fullmatch(rf"/attempt/{token}/articles/(\d+)\?at=\d+-\d+#marked", address)
        assert match, address
        start_at, end = map_story.span_of(address)
        page = client.get(address).get_data(as_text=True)
        assert "The passage the story map points at is" in page
        assert f'href="/attempt/{token}/map"' in page  # back to the map
        assert map_story.marked(page) == texts[int(match.group(1))][start_at:end].strip()


def test_an_open_book_reader_marks_no_map_place_before_submission(app, client):
    _story_id, code = map_story.store(app)
    set_quiz(app, open_book=True)
    token = start(client, code)
    with app.app_context():
        article_id = db.session.execute(db.select(Article.id)).scalars().first()
    page = client.get(f"/attempt/{token}/articles/{article_id}?at=0-11")
    assert page.status_code == 200
    assert "<mark" not in page.get_data(as_text=True)
