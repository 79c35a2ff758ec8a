"""What the app does around every request, kept while it was made cheaper (issue 16): the security
headers on every kind of response, a NUL refused wherever it is sent, and the session cookie sent
again exactly when the session changed."""
from __future__ import annotations

import re

from tests.pages import hidden_fields
from tests.students.support import make_quiz, start

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                    "X-Frame-Options")


def _csrf(page) -> str:
    return hidden_fields(page.get_data(as_text=True))["csrf_token"]


def test_every_kind_of_response_carries_the_security_headers_once(app, client):
    token = start(client, make_quiz(app))
    page = client.get(f"/attempt/{token}/q/1")
    value = re.search(r'name="answer"[^>]* value="([^"]+)"', page.get_data(as_text=True))
    responses = {
        "page": page,
        "redirect": client.get(f"/attempt/{token}"),
        "not found": client.get("/no-such-page"),
        "static file": client.get("/static/style.css"),
        "refused input": client.get("/?code=a%00b"),
        "autosave (204)": client.post(
            f"/attempt/{token}/answers", headers={"X-CSRFToken": _csrf(page)},
            data={"question_id": re.search(r'data-question-id="(\d+)"',
                                           page.get_data(as_text=True)).group(1),
                  "answer": value.group(1)}),
    }
    assert [kind for kind, response in responses.items()
            if response.status_code >= 500] == []
    assert responses["autosave (204)"].status_code == 204
    for kind, response in responses.items():
        for name in SECURITY_HEADERS:
            assert response.headers.getlist(name) and len(response.headers.getlist(name)) == 1, (
                kind, name)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], kind
        response.close()


def test_a_header_a_page_sets_itself_is_kept(app):
    @app.get("/own-policy")
    def own_policy():
        return "framed by its own rule", {"Content-Security-Policy": "frame-ancestors 'self'",
                                          "X-Frame-Options": "SAMEORIGIN"}

    response = app.test_client().get("/own-policy")
    assert response.headers.getlist("Content-Security-Policy") == ["frame-ancestors 'self'"]
    assert response.headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_nul_in_an_address_or_a_form_is_refused_with_a_message(app, client):
    code = make_quiz(app)
    for response in (client.get(f"/quiz/{code}?name=Ada%00"),
                     client.post(f"/quiz/{code}", data={"student_name": "Ada\x00"})):
        assert response.status_code == 400
        assert "not allowed (NUL)" in response.get_data(as_text=True)
    # "%00" typed as text (sent as %2500) is no NUL: the page answers as usual.
    assert client.get(f"/quiz/{code}?name=%2500").status_code == 200


def test_the_session_cookie_is_sent_when_the_session_changed_and_only_then(app, client):
    code = make_quiz(app)
    join = client.get(f"/quiz/{code}")
    assert "Set-Cookie" in join.headers  # the form's CSRF token is new to the session
    token = start(client, code)
    first = client.get(f"/attempt/{token}/q/1")
    # The resume code's message is shown once: the session loses it, and the cookie is sent.
    assert "Your resume code is" in first.get_data(as_text=True)
    assert "Set-Cookie" in first.headers
    for _ in range(2):  # a question page, seen again, changes nothing in the session
        page = client.get(f"/attempt/{token}/q/1")
        assert page.status_code == 200 and "Set-Cookie" not in page.headers
    assert "Cookie" in page.headers.get("Vary", "")  # it was read: caches must key on it
    # "Not you? Start fresh" forgets the attempt: the cookie changes and is sent.
    fresh = client.post(f"/quiz/{code}/start-fresh", data={"csrf_token": _csrf(page)})
    assert fresh.status_code in (302, 303) and "Set-Cookie" in fresh.headers
