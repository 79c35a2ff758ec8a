"""The results page (score, per-skill breakdown, every question reviewed) and the open-book
reader view, whose evidence highlight appears only once feedback is allowed."""
from __future__ import annotations

import re
from html import unescape

from quizapp.extensions import db
from quizapp.models import Article, Evidence
from tests.pages import hidden_fields, page_text
from tests.students.support import (
    HEDGE,
    WHICH,
    WHO,
    answer,
    choices,
    csrf,
    make_quiz,
    prompt_of_page,
    question_ids,
    start,
    submit,
    values,
)


def _answer_by_autosave(client, token, app, picks: dict[str, list[str]]) -> None:
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    for prompt, texts in picks.items():
        response = client.post(f"/attempt/{token}/answers", headers=headers, data={
            "question_id": qids[prompt],
            "answer": values(client, token, [ids[prompt][t] for t in texts])})
        assert response.status_code == 204


def _skill_rows(html: str) -> dict[str, tuple[int, int]]:
    table = html.split('<table class="skills">', 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        skill = re.search(r'<th scope="row">([^<]+?)\s*<', row).group(1).strip()
        right, total = (int(n) for n in re.findall(r"<td>(\d+)</td>", row))
        rows[skill] = (right, total)
    return rows


def test_results_show_the_score_and_the_right_count_per_skill(app, client):
    code = make_quiz(app)
    token = start(client, code)
    _answer_by_autosave(client, token, app, {
        WHO: ["Mara Osei"], WHICH: ["Coast Courier", "Bay Wire"], HEDGE: ["True"]})
    html = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "you scored <strong>2 out of 3</strong>" in html
    assert _skill_rows(html) == {"Attribution": (1, 1), "Cross-checking": (1, 1), "Hedging": (0, 1)}
    # In words as well as a bar: the share is written out.
    assert '<meter min="0" max="1" value="0"' in html and "0%" in html
    assert "(who said or claimed it)" in html


def test_the_review_shows_each_answer_the_key_the_explanation_and_evidence_links(app, client):
    code = make_quiz(app)
    token = start(client, code)
    _answer_by_autosave(client, token, app, {WHO: ["Bay Wire"], WHICH: ["Bay Wire"]})
    html = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    items = re.findall(r'<li class="(right|wrong|partly)" id="review-\d+">(.*?)\n  </li>', html,
                       re.S)
    assert len(items) == 3
    by_prompt = {unescape(re.search(r"<h3><span class=\"number\">Question \d:</span> (.*?)</h3>",
                                    body).group(1)): (verdict, body)
                 for verdict, body in items}
    verdict, body = by_prompt[WHO]
    assert verdict == "wrong" and "✗</span> Not right" in body
    assert re.search(r"Bay Wire\s*<em class=\"tag mine\">your answer</em>", body)
    assert re.search(r"Mara Osei\s*<strong class=\"tag key\">right answer</strong>", body)
    assert "The quote is attributed to Osei." in body
    link = re.search(r'href="(/attempt/[^"]+/articles/(\d+)\?evidence=(\d+)#evidence-\3)"', body)
    assert link, body
    assert "✗</span> Not answered" in by_prompt[HEDGE][1]
    # The link opens the article with the passage marked at the anchor it points to.
    article = client.get(unescape(link.group(1)).split("#")[0]).get_data(as_text=True)
    assert f'<mark id="evidence-{link.group(3)}">' in article
    marked = re.search(r"<mark[^>]*>(.*?)</mark>", article, re.S).group(1)
    assert "Chief Mara Osei said the fire was" in page_text(marked)


def test_the_reader_view_shows_the_article_with_its_byline(app, client):
    code = make_quiz(app)
    token = start(client, code)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    links = re.findall(rf'href="(/attempt/{token}/articles/\d+)"', page)
    assert len(links) == 2  # every article of the story, not only the evidence's
    html = client.get(links[0]).get_data(as_text=True)
    assert "<h1>Harbour fire</h1>" in html
    for fact in ("Coast Courier", "2025-05-02", "Lena Park"):
        assert fact in html
    assert '<a href="https://coast.example/fire" rel="noopener noreferrer">' in html
    text = html.split('<div class="article-text">', 1)[1].split("</div>", 1)[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", text)
    assert len(paragraphs) == 3 and paragraphs[2] == "The cause is not yet known."


def test_no_highlight_before_feedback_at_the_end(app, client):
    code = make_quiz(app)
    token = start(client, code)
    with app.app_context():
        evidence = db.session.execute(db.select(Evidence).where(
            Evidence.passage.startswith("Chief Mara"))).scalar_one()
        address = f"/attempt/{token}/articles/{evidence.article_id}?evidence={evidence.id}"
    before = client.get(address)
    assert before.status_code == 200
    assert "<mark" not in before.get_data(as_text=True)
    submit(client, token)
    after = client.get(address).get_data(as_text=True)
    assert f'<mark id="evidence-{evidence.id}">' in after


def test_immediate_feedback_unlocks_the_highlight_of_the_checked_question_only(app, client):
    code = make_quiz(app, feedback="immediate")
    token = start(client, code)
    ids = choices(app)
    with app.app_context():
        passages = {
            e.passage: (e.article_id, e.id)
            for e in db.session.execute(db.select(Evidence)).scalars()
        }
    who = passages["Chief Mara Osei said the fire was \u201cunder control\u201d by noon."]
    hedge = passages["The cause is not yet known."]
    number = next(n for n in (1, 2, 3) if prompt_of_page(
        client.get(f"/attempt/{token}/q/{n}").get_data(as_text=True)) == WHO)
    answer(client, token, number, [ids[WHO]["Mara Osei"]], go="check")
    page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
    assert f"/articles/{who[0]}?evidence={who[1]}#evidence-{who[1]}" in page
    checked = client.get(f"/attempt/{token}/articles/{who[0]}?evidence={who[1]}")
    checked = checked.get_data(as_text=True)
    assert f'<mark id="evidence-{who[1]}">' in checked
    unchecked = client.get(f"/attempt/{token}/articles/{hedge[0]}?evidence={hedge[1]}")
    unchecked = unchecked.get_data(as_text=True)
    assert "<mark" not in unchecked


def test_a_closed_book_quiz_hides_the_articles_until_submission(app, client):
    code = make_quiz(app, open_book=False)
    token = start(client, code)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "/articles/" not in page
    with app.app_context():
        article_id = db.session.execute(db.select(Article.id)).scalars().first()
    assert client.get(f"/attempt/{token}/articles/{article_id}").status_code == 404
    submit(client, token)
    assert client.get(f"/attempt/{token}/articles/{article_id}").status_code == 200


def test_an_article_outside_the_quiz_is_not_found(app, client):
    code = make_quiz(app)
    token = start(client, code)
    assert client.get(f"/attempt/{token}/articles/999").status_code == 404


def test_a_result_before_submission_leads_back_to_the_quiz(app, client):
    code = make_quiz(app)
    token = start(client, code)
    response = client.get(f"/attempt/{token}/result")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/attempt/{token}")
    assert hidden_fields(client.get(f"/attempt/{token}/q/1").get_data(as_text=True))
