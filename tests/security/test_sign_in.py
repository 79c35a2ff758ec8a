"""Instructors sign in with a name and password; failures from one address are throttled; the
session cookie is locked down; students never need to sign in."""
from __future__ import annotations

import importlib

import pytest

from quizapp import config, create_app
from quizapp.extensions import db
from quizapp.models import ThrottleEvent
from tests.databases import TEST_SECRET_KEY
from tests.pages import hidden_fields

PASSWORD = "correct horse battery"


def sign_in(client, name="teacher", password=PASSWORD, next_url=None, follow=False):
    page = client.get("/sign-in" + (f"?next={next_url}" if next_url else ""))
    fields = hidden_fields(page.get_data(as_text=True))
    fields.update(name=name, password=password)
    return client.post("/sign-in", data=fields, follow_redirects=follow)


def test_sign_in_with_the_right_password_opens_the_dashboard(client, instructor):
    response = sign_in(client, follow=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Signed in as teacher." in html
    assert "Your stories and quizzes" in html
    assert "Sign out" in html
    assert client.get("/instructor/").status_code == 200


@pytest.mark.parametrize("name,password", [("teacher", "wrong password"),
                                           ("nobody", PASSWORD)])
def test_unknown_name_and_wrong_password_get_the_same_message(client, instructor, name, password):
    response = sign_in(client, name=name, password=password)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "That name and password do not match an instructor account." in html
    assert f'value="{name}"' in html  # the name typed is kept
    assert PASSWORD not in html and "wrong password" not in html  # the password is not
    assert client.get("/instructor/").status_code == 302


def test_blank_fields_say_what_is_missing(client, instructor):
    response = sign_in(client, name="", password="")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Type your instructor name." in html and "Type your password." in html


def test_repeated_failures_refuse_even_the_right_password_until_the_window_passes(
    app, client, instructor
):
    limit = app.config["SIGN_IN_LIMIT"][0]
    for _ in range(limit):
        assert sign_in(client, password="guess").status_code == 422
    refused = sign_in(client)  # the right password, too late
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "Too many failed sign-ins from your address. Try again after" in html
    assert "UTC (in about 15 minutes)" in html
    assert int(refused.headers["Retry-After"]) == 15 * 60
    assert client.get("/instructor/").status_code == 302  # not signed in

    # Once the failures are older than the window, the right password works again.
    with app.app_context():
        for failure in db.session.execute(db.select(ThrottleEvent)).scalars():
            failure.at = failure.at.replace(year=failure.at.year - 1)
        db.session.commit()
    assert sign_in(client).status_code == 302
    assert client.get("/instructor/").status_code == 200


def test_a_success_clears_the_address_failures(app, client, instructor):
    limit = app.config["SIGN_IN_LIMIT"][0]
    for _ in range(limit - 1):
        sign_in(client, password="guess")
    assert sign_in(client).status_code == 302
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(ThrottleEvent.id))).scalar() == 0


def test_failures_from_another_address_do_not_count(app, client, instructor):
    limit = app.config["SIGN_IN_LIMIT"][0]
    for _ in range(limit):
        page = client.get("/sign-in")
        fields = hidden_fields(page.get_data(as_text=True))
        fields.update(name="teacher", password="guess")
        client.post("/sign-in", data=fields, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert sign_in(client).status_code == 302  # from 127.0.0.1


def test_sign_out_is_a_post_with_a_token(signed_in):
    assert signed_in.get("/sign-out").status_code == 405
    dashboard = signed_in.get("/instructor/").get_data(as_text=True)
    response = signed_in.post("/sign-out", data=hidden_fields(dashboard), follow_redirects=True)
    assert "You are signed out." in response.get_data(as_text=True)
    assert signed_in.get("/instructor/").status_code == 302


def test_sign_out_without_its_token_is_refused(signed_in):
    response = signed_in.post("/sign-out")
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert signed_in.get("/instructor/").status_code == 200  # still signed in


def test_sign_in_without_its_token_is_refused(client, instructor):
    response = client.post("/sign-in", data={"name": "teacher", "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/instructor/").status_code == 302


def test_an_anonymous_visit_is_sent_to_sign_in_and_back(client, instructor):
    response = client.get("/instructor/review?story=1")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/sign-in?next=")
    page = client.get(location)
    assert "Please sign in as an instructor to see that page." in page.get_data(as_text=True)
    fields = hidden_fields(page.get_data(as_text=True))
    assert fields["next"] == "/instructor/review?story=1"
    fields.update(name="teacher", password=PASSWORD)
    after = client.post("/sign-in", data=fields)
    assert after.headers["Location"] == "/instructor/review?story=1"


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
    "http:/evil.example", "\\\\evil.example", " //evil.example",
])
def test_next_never_leads_off_the_site(client, instructor, target):
    page = client.get("/sign-in", query_string={"next": target})
    fields = hidden_fields(page.get_data(as_text=True))
    fields.update(name="teacher", password=PASSWORD, next=target)  # even if posted directly
    response = client.post("/sign-in", data=fields)
    assert response.status_code == 302
    assert response.headers["Location"] == "/instructor/"


def test_an_escaped_double_slash_in_next_stays_a_path_on_this_site(client, instructor):
    page = client.get("/sign-in", query_string={"next": "/%2F%2Fevil.example"})
    fields = {**hidden_fields(page.get_data(as_text=True)), "name": "teacher", "password": PASSWORD}
    response = client.post("/sign-in", data=fields)
    # A browser asks this site for /%2F%2Fevil.example: a page not found, not another site.
    assert response.headers["Location"] == "/%2F%2Fevil.example"


def test_the_session_cookie_is_httponly_and_samesite_lax(client, instructor):
    response = sign_in(client)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on a laptop must still work


def test_the_session_cookie_is_secure_when_served_over_https(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_HTTPS", "1")
    importlib.reload(config)
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET_KEY,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'q.sqlite'}"})
    finally:
        monkeypatch.delenv("QUIZAPP_HTTPS")
        importlib.reload(config)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    from werkzeug.security import generate_password_hash

    from quizapp.models import Instructor
    with app.app_context():
        db.create_all()
        db.session.add(Instructor(name="teacher", password_hash=generate_password_hash(PASSWORD)))
        db.session.commit()
    client = app.test_client()
    response = sign_in(client)
    assert response.status_code == 302
    assert "Secure" in response.headers["Set-Cookie"]
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_a_signed_in_instructor_visiting_sign_in_goes_to_the_dashboard(signed_in):
    response = signed_in.get("/sign-in")
    assert response.status_code == 302 and response.headers["Location"] == "/instructor/"


def test_students_pages_need_no_sign_in(client):
    assert client.get("/").status_code == 200
    assert "Sign out" not in client.get("/").get_data(as_text=True)


def test_behind_a_trusted_proxy_failures_are_counted_per_visitor(tmp_path):
    from werkzeug.security import generate_password_hash

    from quizapp.models import Instructor

    app = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET_KEY, "TRUSTED_PROXIES": 1,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'q.sqlite'}"})
    with app.app_context():
        db.create_all()
        db.session.add(Instructor(name="teacher", password_hash=generate_password_hash(PASSWORD)))
        db.session.commit()
    # Every request comes from the proxy's own address; the visitor's is in the header.
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    colleague = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    client = app.test_client()
    for _ in range(app.config["SIGN_IN_LIMIT"][0]):
        page = client.get("/sign-in", environ_base=attacker)
        fields = {
            **hidden_fields(page.get_data(as_text=True)),
            "name": "teacher",
            "password": "guess",
        }
        client.post("/sign-in", data=fields, environ_base=attacker)
    page = client.get("/sign-in", environ_base=attacker)
    fields = {**hidden_fields(page.get_data(as_text=True)), "name": "teacher", "password": PASSWORD}
    assert client.post("/sign-in", data=fields, environ_base=attacker).status_code == 429
    other = app.test_client()
    page = other.get("/sign-in", environ_base=colleague)
    fields = {**hidden_fields(page.get_data(as_text=True)), "name": "teacher", "password": PASSWORD}
    assert other.post("/sign-in", data=fields, environ_base=colleague).status_code == 302
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
