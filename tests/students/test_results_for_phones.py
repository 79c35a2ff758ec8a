"""Issue 13, results for phones, through the test client: mistakes first with a summary linking
to each, numbered as asked; the right answers' details folded away; the words that decide the
key marked inside the evidence (result page and reader), and only where the key is shown; the
reader's "Back to your result" returning to the question's card."""
from __future__ import annotations

import re
from html import unescape

import pytest

from quizapp import deciding_words
from quizapp.extensions import db
from quizapp.models import Evidence
from tests.pages import page_text
from tests.students.support import (
    HEDGE,
    WHICH,
    WHO,
    answer,
    choices,
    make_quiz,
    prompt_of_page,
    question_ids,
    start,
    submit,
)

CARD = re.compile(r'<li class="(right|wrong|partly|waiting)" id="review-(\d+)">(.*?)\n  </li>',
                  re.S)
DECIDING = re.compile(r'<strong class="deciding">(.*?)</strong>')


def _take(client, app, picks: dict[str, list[str]], **settings) -> tuple[str, list[str]]:
    """A student answers with the form's buttons and submits; returns the token and the prompts
    in the order the quiz asked them."""
    code = make_quiz(app, **settings)
    token = start(client, code)
    ids = choices(app)
    asked = []
    for number in (1, 2, 3):
        prompt = prompt_of_page(client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True))
        asked.append(prompt)
        answer(client, token, number, [ids[prompt][text] for text in picks.get(prompt, [])])
    submit(client, token)
    return token, asked


def _result(client, token: str) -> str:
    return client.get(f"/attempt/{token}/result").get_data(as_text=True)


def _cards(html: str) -> list[tuple[str, int, str]]:
    """The review's cards in page order: (verdict class, question id, body)."""
    return [(verdict, int(qid), body) for verdict, qid, body in CARD.findall(html)]


# --- Mistakes first --------------------------------------------------------------------------

def test_mistakes_come_first_numbered_as_asked_with_a_summary_linking_to_each(app, client):
    # WHO right; WHICH one of its two outlets (no marks: the quiz gives none for half); HEDGE wrong.
    token, asked = _take(client, app, {WHO: ["Mara Osei"], WHICH: ["Coast Courier"],
                                       HEDGE: ["True"]})
    qids = question_ids(app)
    html = _result(client, token)
    cards = _cards(html)
    mistakes = [p for p in asked if p != WHO]  # in the order asked
    assert [qid for _, qid, _ in cards] == [qids[p] for p in mistakes] + [qids[WHO]]
    assert [verdict for verdict, _, _ in cards] == ["wrong", "wrong", "right"]
    # Each card says the number the question had when it was asked.
    for _, qid, body in cards:
        number = next(n for n, p in enumerate(asked, 1) if qids[p] == qid)
        assert f'<span class="number">Question {number}:</span>' in body
    # The summary, above the review, links to each mistake and to nothing else.
    summary = html.split('<nav class="mistakes-summary"', 1)[1].split("</nav>", 1)[0]
    assert "2 questions to look at again" in summary
    assert re.findall(r'href="#review-(\d+)">Question (\d+)<', summary) == [
        (str(qids[p]), str(asked.index(p) + 1)) for p in mistakes]
    assert html.index('class="mistakes-summary"') < html.index('id="review-')
    assert "To look at again" in html and "Right answers" in html


def test_a_right_answer_folds_its_details_away_and_a_mistake_shows_them(app, client):
    token, _ = _take(client, app, {WHO: ["Mara Osei"], WHICH: ["Bay Wire"]})
    cards = {qid: (verdict, body) for verdict, qid, body in _cards(_result(client, token))}
    qids = question_ids(app)
    verdict, body = cards[qids[WHO]]
    assert verdict == "right"
    # The verdict outside; the answer, explanation and evidence inside a <details> left closed.
    folded = body.split('<details class="answer-details">', 1)
    assert len(folded) == 2 and "Right" in folded[0]
    assert "right answer" in folded[1] and "The quote is attributed to Osei." in folded[1]
    assert "<summary>" in folded[1]
    for prompt in (WHICH, HEDGE):
        verdict, body = cards[qids[prompt]]
        assert verdict in ("wrong", "partly") and "<details" not in body
        assert 'class="tag key"' in body  # the key shown at once


def test_every_question_right_says_so_and_lists_no_mistakes(app, client):
    token, _ = _take(client, app, {WHO: ["Mara Osei"], WHICH: ["Coast Courier", "Bay Wire"],
                                   HEDGE: ["False"]})
    html = _result(client, token)
    assert "Every question right." in html and "To look at again" not in html
    assert '<nav class="mistakes-summary"' not in html
    assert [verdict for verdict, _, _ in _cards(html)] == ["right"] * 3


def test_while_the_verdicts_wait_the_questions_stay_in_the_order_asked(app, client):
    # The key waits for the quiz's closing: moving mistakes up would tell which are wrong.
    token, asked = _take(client, app, {WHO: ["Bay Wire"], WHICH: ["Coast Courier", "Bay Wire"]},
                         review_answers="after_close")
    qids = question_ids(app)
    html = _result(client, token)
    assert [qid for _, qid, _ in _cards(html)] == [qids[p] for p in asked]
    assert {verdict for verdict, _, _ in _cards(html)} == {"waiting"}
    assert "mistakes-summary" not in html and "To look at again" not in html
    assert "<details" not in html


# --- The deciding words ----------------------------------------------------------------------

def test_the_evidence_marks_the_key_name_inside_its_sentence_and_nothing_where_none_matches(
        app, client):
    token, _ = _take(client, app, {WHO: ["Bay Wire"]})
    cards = {qid: body for _, qid, body in _cards(_result(client, token))}
    qids = question_ids(app)
    who = cards[qids[WHO]]
    quote = re.search(r'<blockquote class="evidence"><p>(.*?)</p>', who, re.S).group(1)
    assert DECIDING.findall(quote) == ["Mara Osei"]
    assert page_text(quote).startswith("Chief Mara Osei said the fire was")
    # The outlets' names and "False" are not printed in their evidence: nothing is marked.
    assert not DECIDING.search(cards[qids[WHICH]]) and not DECIDING.search(cards[qids[HEDGE]])


def test_the_reader_marks_the_deciding_words_and_leads_back_to_the_question_card(app, client):
    token, _ = _take(client, app, {WHO: ["Bay Wire"]})
    html = _result(client, token)
    qid = question_ids(app)[WHO]
    link = re.search(rf'id="review-{qid}">.*?href="(/attempt/[^"]+/articles/\d+\?evidence=\d+)#',
                     html, re.S).group(1)
    article = client.get(unescape(link)).get_data(as_text=True)
    marked = re.search(r"<mark[^>]*>(.*?)</mark>", article, re.S).group(1)
    assert DECIDING.findall(marked) == ["Mara Osei"]
    assert len(DECIDING.findall(article)) == 1  # inside the highlight only
    back = re.search(r'<a href="([^"]+)">[^<]*Back to your result</a>', article).group(1)
    assert back == f"/attempt/{token}/result#review-{qid}"


def test_no_deciding_words_before_the_key_is_due(app, client):
    token, _ = _take(client, app, {WHO: ["Bay Wire"]}, review_answers="after_close")
    html = _result(client, token)
    assert "deciding" not in html
    qid = question_ids(app)[WHO]
    with app.app_context():
        evidence = db.session.execute(
            db.select(Evidence).where(Evidence.question_id == qid)).scalars().first()
        address = f"/attempt/{token}/articles/{evidence.article_id}?evidence={evidence.id}"
    article = client.get(address).get_data(as_text=True)
    assert "deciding" not in article and "<mark" not in article
    assert "Chief Mara Osei said" in article  # the article itself is there, unmarked


@pytest.mark.parametrize(("passage", "keys", "marked"), [
    # The key's text as printed; its first letter in either case.
    ("Chief Mara Osei said it.", ["Mara Osei"], ["Mara Osei"]),
    ("He said the Harbour Office knew.", ["The harbour office"], []),
    ("Then the harbour office said so.", ["The harbour office"], ["the harbour office"]),
    # A name's last word alone, as an article writes a person the second time.
    ("“It is out,” Osei told reporters.", ["Mara Osei"], ["Osei"]),
    # Quotation marks ignored, on either side.
    ("She called it “under control” by noon.", ["\"under control\""], ["under control"]),
    ("She called it 'under control'.", ["“under control”"], ["under control"]),
    # Figures as printed, never inside a longer one.
    ("Officials counted 14 boats, not 140 or 2,014 or 14.5.", ["14 boats damaged"], ["14"]),
    ("It cost 1,200 dollars.", ["1,200"], ["1,200"]),
    ("Fourteen boats were damaged.", ["14"], []),
    # A short key inside a longer word is no match; nothing matches, nothing is marked.
    ("By APT staff.", ["AP"], []),
    ("The cause is not yet known.", ["False"], []),
    # The key that is the whole passage (find the evidence) tells nothing by bold.
    ("The cause is not yet known.", ["The cause is not yet known."], []),
])
def test_the_deciding_words_are_plain_text_matches(passage, keys, marked):
    parts = deciding_words.parts(passage, keys)
    assert "".join(text for text, _ in parts) == passage
    assert [text for text, deciding in parts if deciding] == marked
