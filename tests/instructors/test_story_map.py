"""The story map on the instructor's side: reached from the dashboard, the story and the quiz;
a table a screen reader can follow; every value a link to the reader with its passage marked;
whatever the articles print shown as text, never as markup."""
from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Article, Quiz
from tests import map_story


def test_the_map_is_linked_where_a_teacher_looks(app, signed_in):
    story_id, _code = map_story.store(app)
    address = f"/instructor/stories/{story_id}/map"
    for page in ("/instructor/", f"/instructor/stories/{story_id}"):
        assert f'href="{address}"' in signed_in.get(page).get_data(as_text=True), page
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
    assert f'href="{address}"' in signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(
        as_text=True)


def test_the_map_sets_the_outlets_side_by_side_fact_by_fact(app, signed_in):
    story_id, _code = map_story.store(app)
    html = signed_in.get(f"/instructor/stories/{story_id}/map").get_data(as_text=True)
    assert "<caption" in html and 'role="region"' in html
    headers = re.findall(r'<th scope="col">(.*?)</th>', html)
    assert headers == ["What the outlets give", "Harbour Gazette",
                       "Bay &lt;Wire&gt; &amp; &#34;Co&#34;", "Valley Times"]
    rows = re.findall(r'<th scope="row">(.*?)</th>', html, re.S)
    toll = next(row for row in rows if row.startswith("The death toll"))
    assert "Outlets disagree" in toll  # said in words, read out with every cell of the row
    assert any("Worded differently" in row for row in rows)
    assert any("Presented differently" in row for row in rows)
    assert "Outlets disagree</strong> on 1 row: The death toll" in html
    assert "Not in the text we have (it is cut off)" in html  # Valley Times stops mid-sentence


def test_what_the_articles_print_is_shown_as_text(app, signed_in):
    story_id, _code = map_story.store(app)
    html = signed_in.get(f"/instructor/stories/{story_id}/map").get_data(as_text=True)
    assert "<survivors>" not in html and "<Wire>" not in html and "<b>sinks" not in html
    assert "&lt;survivors&gt;" in html and "Ferry &lt;b&gt;sinks&lt;/b&gt;" in html


def test_every_value_opens_the_reader_with_its_passage_marked(app, signed_in):
    story_id, _code = map_story.store(app)
    html = signed_in.get(f"/instructor/stories/{story_id}/map").get_data(as_text=True)
    links = map_story.value_links(html)
    assert len(links) >= 8
    with app.app_context():
        texts = {a.id: a.text for a in db.session.execute(db.select(Article)).scalars()}
    for address, value in links:
        match = re.fullmatch(rf"/instructor/stories/{story_id}/articles/(\d+)\?at=\d+-\d+#marked",
                             address)
        assert match, address
        start, end = map_story.span_of(address)
        page = signed_in.get(address).get_data(as_text=True)
        assert 'id="marked"' in page and "Back to the story map" in page
        shown = map_story.marked(page)
        assert shown == texts[int(match.group(1))][start:end].strip()
        # A figure or a quotation links to its own words; a claim to the sentence telling it.
        assert value.strip("\u201c\u201d") in shown or value.startswith(("credits", "states"))


def test_the_reader_marks_nothing_for_an_address_that_points_nowhere(app, signed_in):
    story_id, _code = map_story.store(app)
    with app.app_context():
        article = db.session.execute(db.select(Article).where(Article.key == "gazette")
                                     ).scalar_one()
        article_id, length = article.id, len(article.text)
    for at in ("9-3", "x-y", f"0-{length + 1}", "-5-2", "", "3"):
        page = signed_in.get(f"/instructor/stories/{story_id}/articles/{article_id}?at={at}")
        assert page.status_code == 200
        assert "<mark" not in page.get_data(as_text=True), at


def test_an_article_of_another_story_or_a_missing_story_is_not_found(app, signed_in):
    story_id, _code = map_story.store(app)
    with app.app_context():
        article_id = db.session.execute(db.select(Article.id)).scalars().first()
    assert signed_in.get(f"/instructor/stories/{story_id + 1}/map").status_code == 404
    assert signed_in.get(
        f"/instructor/stories/{story_id + 1}/articles/{article_id}").status_code == 404
    assert signed_in.get(f"/instructor/stories/{story_id}/articles/999999").status_code == 404


def test_the_map_needs_a_signed_in_instructor(app, client):
    story_id, _code = map_story.store(app)
    response = client.get(f"/instructor/stories/{story_id}/map")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
