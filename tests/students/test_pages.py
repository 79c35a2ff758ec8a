"""An automated accessibility check of every students' page: a language, exactly one h1,
a label for every input, a fieldset with a legend per question."""
from __future__ import annotations

import re

from tests.pages import hidden_fields
from tests.students.support import (
    WHO,
    answer,
    choices,
    make_quiz,
    outline,
    prompt_of_page,
    set_quiz,
    start,
    submit,
)


def _student_pages(app, client) -> dict[str, str]:
    """Every kind of page a student meets, by name -> HTML."""
    code = make_quiz(app, feedback="immediate", time_limit_minutes=30)
    pages = {"home": client.get("/"), "join": client.get("/join"),
             "start": client.get(f"/quiz/{code}"), "resume": client.get("/resume"),
             "not found": client.get("/quiz/NOPE99")}
    home = pages["home"].get_data(as_text=True)
    pages["join with errors"] = client.post(
        "/join", data=hidden_fields(home) | {"code": "", "student_name": ""}
    )
    pages["resume with errors"] = client.post(
        "/resume",
        data=hidden_fields(client.get("/resume").get_data(as_text=True))
        | {"code": code, "student_name": "x", "resume_code": "ABCDEF"},
    )
    token = start(client, code)
    ids = choices(app)
    for number in (1, 2, 3):
        page = client.get(f"/attempt/{token}/q/{number}")
        pages[f"question {number}"] = page
        if prompt_of_page(page.get_data(as_text=True)) == WHO:
            answer(client, token, number, [ids[WHO]["Mara Osei"]], go="check")
            pages["checked question"] = client.get(f"/attempt/{token}/q/{number}")
    pages["finish"] = client.get(f"/attempt/{token}/finish")
    pages["article"] = client.get(f"/attempt/{token}/articles/1")
    submit(client, token)
    pages["result"] = client.get(f"/attempt/{token}/result")
    pages["article with evidence"] = client.get(f"/attempt/{token}/articles/1?evidence=1")
    set_quiz(app, layout="all_on_one")
    other = start(client, code, "Bo")
    pages["all on one"] = client.get(f"/attempt/{other}")
    set_quiz(app, closed=True)
    pages["closed"] = client.get(f"/quiz/{code}")
    return {name: response.get_data(as_text=True) for name, response in pages.items()}


def test_every_student_page_has_a_language_one_h1_and_labelled_inputs(app, client):
    pages = _student_pages(app, client)
    assert len(pages) == 17
    for name, html in pages.items():
        page = outline(html)
        assert page.lang == "en", name
        assert page.h1 == 1, f"{name}: {page.h1} h1"
        assert page.unlabelled() == [], f"{name}: unlabelled {page.unlabelled()}"
        assert page.fieldsets == page.legends, name


def test_question_pages_group_each_question_in_a_fieldset_with_its_prompt_as_legend(app, client):
    pages = _student_pages(app, client)
    for name in ("question 1", "question 2", "question 3", "checked question"):
        page = outline(pages[name])
        assert page.fieldsets == 1, name
        assert [c["type"] for c in page.controls if c["type"] in ("radio", "checkbox")], name
    assert outline(pages["all on one"]).fieldsets == 3
    # The status line the page script writes into is announced politely to screen readers.
    assert '<p class="save-status" role="status"></p>' in pages["question 1"]
    # The remaining time is text the server computed, whether or not a script counts down.
    assert "Time left:" in pages["question 1"] and "minutes" in pages["question 1"]


def test_right_and_wrong_are_said_in_words_not_only_colour(app, client):
    pages = _student_pages(app, client)
    assert "✓</span> Right" in pages["checked question"]
    assert "right answer" in pages["result"]
    assert "Not answered" in pages["result"] or "Not right" in pages["result"]
    assert "Evidence starts:" in pages["article with evidence"]


def test_the_home_page_links_instructors_to_their_pages(app, client):
    """Issue 13: a teacher opening the site found no way in."""
    home = client.get("/").get_data(as_text=True)
    link = re.search(r'<a href="/instructor/">([^<]+)</a>', home)
    assert link and "Sign in" in link.group(1)
    signing_in = client.get("/instructor/")
    assert signing_in.status_code == 302 and "/sign-in" in signing_in.headers["Location"]
