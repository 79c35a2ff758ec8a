"""The security suite: what an attacker, a curious student or a careless page could do, tried
against every route the app has, not a list of routes written by hand.

The URL map is walked, so a route added later is covered the day it lands: a route with a
parameter this file cannot fill, or a new endpoint that anyone may open, fails here until it is
named below on purpose.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from quizapp.extensions import db
from quizapp.models import (
    Article,
    Attempt,
    Choice,
    Evidence,
    GenerationRun,
    Instructor,
    LmsPlatform,
    Question,
    Quiz,
    Story,
)
from tests.pages import hidden_fields

PASSWORD = "correct horse battery"  # the `instructor` fixture's password

# Endpoints anyone may open. A new public endpoint is a decision: add it here, with a reason.
PUBLIC_PREFIXES = (
    "quiz.",  # the students' side: no accounts, an attempt is reached by its random token
    "health.",  # /healthz for the load balancer
    # LTI 1.3: an LMS's login and launch (proven by the LMS's signed token), the tool's public
    # key set, and the deep-linking picker (proven by its launch's id and the form token)
    "lti.",
)
PUBLIC_ENDPOINTS = frozenset({
    "static",
    "auth.sign_in",  # the form one signs in with
})


# Endpoints without CSRF protection: a POST from another site is what they are for. A new one is
# a decision: add it here, with a reason; each must still refuse a bad request and change nothing.
CSRF_EXEMPT = frozenset({
    "lti.login",  # an LMS's third-party login (OpenID Connect), posted from the LMS's site
    "lti.launch",  # an LMS's launch, posted from its site: its signed id_token proves it
})


def is_public(endpoint: str) -> bool:
    return endpoint in PUBLIC_ENDPOINTS or endpoint.startswith(PUBLIC_PREFIXES)


# --- a seeded database and the values that fill every route's parameters ----------------------

@dataclass
class Seeded:
    """The seed story and quiz, an instructor, and two students' attempts started through the
    student pages (one left open, one submitted)."""
    quiz_id: int
    join_code: str
    story_id: int
    story_slug: str
    question_id: int
    choice_id: int
    article_id: int
    evidence_id: int
    run_id: int
    instructor_id: int
    open_token: str  # an attempt still being answered
    submitted_token: str  # an attempt already graded
    student_name: str
    spare_attempt_id: int  # an attempt no other check needs: the routes that delete one use it
    platform_id: int  # an LMS registered for LTI


def start_attempt(client: FlaskClient, code: str, name: str) -> str:
    """Join the quiz as a student does (the join page's form) and return the attempt's token."""
    page = client.get(f"/quiz/{code}")
    assert page.status_code == 200, page.status_code
    fields = hidden_fields(page.get_data(as_text=True))
    fields["student_name"] = name
    started = client.post(f"/quiz/{code}", data=fields)
    assert started.status_code in (302, 303), (
        started.status_code,
        started.get_data(as_text=True)[:500],
    )
    match = re.search(r"/attempt/([^/?#]+)", started.headers["Location"])
    assert match, started.headers["Location"]
    return match.group(1)


def submit_attempt(client: FlaskClient, token: str) -> None:
    page = client.get(f"/attempt/{token}", follow_redirects=True)
    fields = {"csrf_token": hidden_fields(page.get_data(as_text=True))["csrf_token"]}
    done = client.post(f"/attempt/{token}/submit", data=fields)
    assert done.status_code in (302, 303), done.status_code
    assert client.get(f"/attempt/{token}/result").status_code == 200


def lms_platform() -> LmsPlatform:
    """An LMS registered for LTI (the admins' platforms pages name one)."""
    return LmsPlatform(name="Moodle", issuer="https://lms.test", client_id="quizapp",
                       auth_login_url="https://lms.test/auth",
                       auth_token_url="https://lms.test/token",
                       key_set_url="https://lms.test/certs", deployment_ids="1")


def seed(app: Flask, password_hash: str) -> Seeded:
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalars().first()
        question = quiz.items[0].question
        evidence = db.session.execute(db.select(Evidence)).scalars().first()
        run = GenerationRun(story_id=quiz.story_id, state="done")
        instructor = Instructor(name="teacher", password_hash=password_hash)
        platform = lms_platform()
        db.session.add_all([run, instructor, platform])
        db.session.commit()
        values = dict(platform_id=platform.id,
            quiz_id=quiz.id, join_code=quiz.join_code, story_id=quiz.story_id,
            story_slug=quiz.story.slug, question_id=question.id, choice_id=question.choices[0].id,
            article_id=evidence.article_id, evidence_id=evidence.id, run_id=run.id,
            instructor_id=instructor.id)
    student = app.test_client()
    open_token = start_attempt(student, values["join_code"], "Ada")
    submitted_token = start_attempt(app.test_client(), values["join_code"], "Grace")
    submit_attempt(app.test_client(), submitted_token)
    spare_token = start_attempt(app.test_client(), values["join_code"], "Spare")
    with app.app_context():
        quiz = db.session.get(Quiz, values["quiz_id"])
        # The walk reads every page with the most it can show: the review (answers, explanations,
        # evidence) right after an attempt, as a teacher may choose.
        quiz.review_answers = "after_attempt"
        db.session.commit()
        spare_id = db.session.execute(
            db.select(Attempt.id).where(Attempt.token == spare_token)).scalar_one()
    return Seeded(**values, open_token=open_token, submitted_token=submitted_token,
                  student_name="Grace", spare_attempt_id=spare_id)


def choice_value(app: Flask, token: str, choice_id: int) -> str:
    """What the attempt's pages carry for this choice: its value, never its id."""
    from quizapp import attempts

    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        return attempts.choice_value(attempt, db.session.get(Choice, choice_id))


@pytest.fixture
def seeded(first_run, instructor_password_hash) -> Seeded:
    return seed(first_run, instructor_password_hash)


def parameter_values(s: Seeded) -> dict[str, object]:
    """A real value for each parameter name the app's routes use. A route with a parameter
    missing here fails `url_for_rule`: add the name with a value from the seeded database."""
    return {
        "code": s.join_code,
        "join_code": s.join_code,
        "token": s.open_token,
        "quiz_id": s.quiz_id,
        "question_id": s.question_id,
        "choice_id": s.choice_id,
        "story_id": s.story_id,
        "slug": s.story_slug,
        "article_id": s.article_id,
        "evidence_id": s.evidence_id,
        "run_id": s.run_id,
        "instructor_id": s.instructor_id,
        "attempt_id": s.spare_attempt_id,
        "platform_id": s.platform_id,
        "student_name": s.student_name,
        "name": s.student_name,
        "n": 1,
        "number": 1,
        "position": 1,
        "filename": "style.css",
    }


def url_for_rule(rule: Rule, values: dict[str, object]) -> str:
    unknown = sorted(set(rule.arguments) - set(values) - set(rule.defaults or {}))
    if unknown:
        pytest.fail(
            f"route {rule.rule} ({rule.endpoint}) has parameter(s) {unknown} that the security "
            "suite cannot fill: add a real value for each to parameter_values() in "
            "tests/test_security.py, so this route's CSRF and sign-in checks run.")
    built = rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)
    assert built is not None, rule.rule
    return built[1]


def rules(app: Flask, method: str) -> list[Rule]:
    return sorted((r for r in app.url_map.iter_rules() if method in (r.methods or ())),
                  key=lambda r: (r.rule, r.endpoint))


def row_counts(app: Flask) -> dict[str, int]:
    with app.app_context(), db.engine.connect() as connection:
        return {table.name: connection.execute(
            db.select(db.func.count()).select_from(table)).scalar_one()
            for table in db.metadata.sorted_tables}


def sign_in_session(client: FlaskClient, instructor_id: int) -> FlaskClient:
    with client.session_transaction() as session:
        session["_user_id"] = f"{instructor_id}:1"
        session["_fresh"] = True
    return client


def page_text(response) -> str:
    """A page's HTML; a download (a QTI zip, a CSV) is a file, not a page, and has none."""
    data = response.get_data()  # read whole either way: a streamed CSV ends its context so
    return data.decode() if response.mimetype == "text/html" else ""


# --- CSRF --------------------------------------------------------------------------------------

def test_every_post_without_a_csrf_token_is_refused_and_changes_nothing(app, seeded):
    assert app.config.get("WTF_CSRF_ENABLED", True), "tests must run with CSRF protection on"
    values = parameter_values(seeded)
    posts = rules(app, "POST")
    assert posts, "the app has no POST route at all?"
    # Signed in, so a route that forgot CSRF would really act, and the counts would show it.
    client = sign_in_session(app.test_client(), seeded.instructor_id)
    failures = []
    for rule in posts:
        url = url_for_rule(rule, values)
        before = row_counts(app)
        response = client.post(
            url,
            data={
                "student_name": "Mallory",
                "answer": str(seeded.choice_id),
                "go": "next",
                "question_id": str(seeded.question_id),
            },
        )
        after = row_counts(app)
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        if response.status_code != 400 or changed:
            failures.append(f"POST {url} ({rule.endpoint}): status {response.status_code}, "
                            f"rows changed {changed}")
        elif rule.endpoint in CSRF_EXEMPT:
            continue  # refused by its own checks (a launch without a signed token)
        elif "security token" not in page_text(response):
            failures.append(f"POST {url} ({rule.endpoint}): 400 but not the CSRF error page")
    # Still signed in: the refused sign-out did not sign anyone out.
    assert client.get("/instructor/").status_code == 200
    assert not failures, "\n".join(failures)


def test_only_the_listed_endpoints_are_exempt_from_csrf(app):
    from quizapp.extensions import csrf

    exempt = {endpoint for endpoint, view in app.view_functions.items()
              if f"{view.__module__}.{view.__name__}" in csrf._exempt_views}
    assert exempt == CSRF_EXEMPT


def test_a_wrong_csrf_token_or_one_from_another_session_is_refused(app, seeded):
    alice, mallory = app.test_client(), app.test_client()
    code = seeded.join_code
    stolen = hidden_fields(page_text(mallory.get(f"/quiz/{code}")))
    before = row_counts(app)
    for token in ("", "not-a-token", stolen["csrf_token"]):
        # Mallory's token in Alice's browser: a forged cross-site form carries no valid token.
        fields = {**stolen, "csrf_token": token, "student_name": "Alice"}
        response = alice.post(f"/quiz/{code}", data=fields)
        assert response.status_code == 400, (token, response.status_code)
    assert row_counts(app) == before


def test_the_answer_autosave_needs_the_csrf_header(app, seeded):
    client = app.test_client()
    page = client.get(f"/attempt/{seeded.open_token}", follow_redirects=True)
    token = hidden_fields(page_text(page))["csrf_token"]
    data = {"question_id": str(seeded.question_id),
            "answer": choice_value(app, seeded.open_token, seeded.choice_id)}
    refused = client.post(f"/attempt/{seeded.open_token}/answers", data=data)
    assert refused.status_code == 400
    # The same request with the header is accepted: the refusal above was the missing token.
    accepted = client.post(f"/attempt/{seeded.open_token}/answers", data=data,
                           headers={"X-CSRFToken": token})
    assert accepted.status_code == 204, accepted.status_code


# --- sign-in required --------------------------------------------------------------------------

def refused_anonymously(response) -> bool:
    if response.status_code in (401, 403):
        return True
    redirected = response.status_code in (301, 302, 303, 307, 308)
    return redirected and "/sign-in" in response.headers.get("Location", "")


@pytest.mark.parametrize("who", ["anonymous", "student", "forged session"])
def test_every_non_public_route_refuses_anyone_not_signed_in(app, seeded, who):
    # CSRF is switched off here so that a POST reaches the sign-in check (with it on, a POST
    # without a token stops at CSRF, which the test above covers).
    app.config["WTF_CSRF_ENABLED"] = False
    values = parameter_values(seeded)
    client = app.test_client()
    if who == "student":  # a student in the middle of a quiz is still not an instructor
        start_attempt(client, seeded.join_code, "Eve")
    elif who == "forged session":  # a session naming an instructor who does not exist
        sign_in_session(client, 999_999)
    private = [r for r in app.url_map.iter_rules() if not is_public(r.endpoint)]
    assert any(r.endpoint.startswith("instructor.") for r in private)
    failures = []
    for rule in sorted(private, key=lambda r: r.rule):
        url = url_for_rule(rule, values)
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            before = row_counts(app)
            response = client.open(url, method=method, data={"title": "Hijacked"})
            changed = {t for t in before if row_counts(app)[t] != before[t]}
            if not refused_anonymously(response) or changed:
                failures.append(f"{method} {url} ({rule.endpoint}): status {response.status_code}"
                                f"{', changed ' + str(sorted(changed)) if changed else ''}")
    assert not failures, (
        "routes outside the public allowlist that someone not signed in can use (make them "
        "need sign-in, or add them to PUBLIC_ENDPOINTS on purpose):\n" + "\n".join(failures))


def test_the_public_allowlist_holds_only_student_sign_in_static_and_health(app):
    public = sorted({r.endpoint for r in app.url_map.iter_rules() if is_public(r.endpoint)})
    assert all(e.startswith(("quiz.", "health.", "lti.")) or e in PUBLIC_ENDPOINTS
               for e in public)
    assert not any(r.rule.startswith("/instructor") for r in app.url_map.iter_rules()
                   if is_public(r.endpoint))


# --- another student's attempt -----------------------------------------------------------------

def test_attempt_tokens_are_long_random_and_unrelated(app, seeded):
    tokens = [seeded.open_token, seeded.submitted_token,
              start_attempt(app.test_client(), seeded.join_code, "Ada B.")]
    # Another student (another device; "Ada" alone is warned about as already in use, see
    # tests/students/test_who_is_taking_it.py) gets an attempt of their own.
    assert len(set(tokens)) == 3
    for token in tokens:
        # 128 bits or more: url-safe base64 carries 6 bits a character.
        assert len(token) >= 22, token
        assert re.fullmatch(r"[A-Za-z0-9_\-]+", token), token
    with app.app_context():
        ids = [str(a.id) for a in db.session.execute(db.select(Attempt)).scalars()]
    assert not any(token in ids or token.isdigit() for token in tokens)


def changed(token: str) -> str:
    last = "A" if token[-1] != "A" else "B"
    return token[:-1] + last


def test_a_changed_token_finds_no_attempt_on_any_student_route(app, seeded):
    client = app.test_client()
    start_attempt(client, seeded.join_code, "Eve")  # Eve has an attempt of her own
    values = parameter_values(seeded)
    failures = []
    for victim in (seeded.open_token, seeded.submitted_token):
        guess = changed(victim)
        for rule in app.url_map.iter_rules():
            if "token" not in rule.arguments:
                continue
            url = url_for_rule(rule, {**values, "token": guess})
            for method in sorted((rule.methods or set()) & {"GET", "POST"}):
                response = client.open(url, method=method, follow_redirects=True)
                if method == "GET" and response.status_code != 404:
                    failures.append(f"GET {url}: {response.status_code}")
                if method == "POST" and response.status_code not in (400, 404):
                    failures.append(f"POST {url}: {response.status_code}")
                if "Grace" in page_text(response) or "Ada" in page_text(response):
                    failures.append(f"{method} {url} shows another student's name")
    assert not failures, "\n".join(failures)


def test_resuming_needs_the_resume_code_and_says_nothing_about_which_part_was_wrong(app, seeded):
    with app.app_context():
        grace = db.session.execute(
            db.select(Attempt).where(Attempt.token == seeded.submitted_token)).scalar_one()
        real_code = grace.resume_code
    # Some 30 bits: join codes' alphabet, six characters at least.
    assert len(real_code) >= 6, real_code
    mallory = app.test_client()

    def resume(name: str, code: str):
        fields = hidden_fields(page_text(mallory.get("/resume")))
        fields.update({"code": seeded.join_code, "student_name": name, "resume_code": code})
        return mallory.post("/resume", data=fields)

    wrong = "".join("A" if c != "A" else "B" for c in real_code)
    replies = [resume("Grace", wrong), resume("Nobody", wrong), resume("Nobody", real_code)]
    for reply in replies:
        assert reply.status_code not in (301, 302, 303), reply.headers.get("Location")
        assert seeded.submitted_token not in page_text(reply)
    strip = lambda html: re.sub(r'value="[^"]*"', "", html)  # noqa: E731  (tokens, typed values)
    assert len({(r.status_code, strip(page_text(r))) for r in replies}) == 1
    # Grace's attempt is submitted: the right code leads to her result.
    assert resume("Grace", real_code).headers["Location"].endswith(
        f"{seeded.submitted_token}/result")


def test_no_student_route_carries_a_numeric_attempt_id(app):
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("quiz."):
            continue
        # An attempt is named by its token only; an id (or any number for it) could be guessed.
        assert not any("attempt" in name for name in rule.arguments), rule.rule
        assert not re.search(r"<(?:int|float):token>", rule.rule), rule.rule


# --- numbers no database can hold -------------------------------------------------------------

HUGE = 10**20  # past a 64-bit integer: SQLite and PostgreSQL refuse it outright


def test_out_of_range_numbers_in_addresses_give_not_found_never_a_server_error(app, seeded):
    """An id typed by hand (or a link mangled in a chat) must find nothing, not crash the page."""
    # Exceptions become the 500 page a user would see; generation runs inline, not in a thread.
    app.config.update(PROPAGATE_EXCEPTIONS=False, WTF_CSRF_ENABLED=False,
                      GENERATION_IN_BACKGROUND=False)
    values = parameter_values(seeded)
    huge = {name: HUGE for name, value in values.items() if isinstance(value, int)}
    instructor = sign_in_session(app.test_client(), seeded.instructor_id)
    query = "?" + urlencode({name: str(HUGE) for name in QUERY_PARAMETERS})
    failures = []
    before = row_counts(app)
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint in ("static", "auth.sign_out"):  # signing out would end the walk early
            continue
        for url in {url_for_rule(rule, {**values, **huge}), url_for_rule(rule, values) + query}:
            for method in sorted((rule.methods or set()) & {"GET", "POST"}):
                data = {"question_id": str(HUGE), "answer": str(HUGE), "go": "next"}
                response = instructor.open(url, method=method, data=data)
                if response.status_code >= 500:
                    failures.append(f"{method} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
    changed = {t for t, n in row_counts(app).items() if n != before[t]}
    # Saving an answer, pressing "Generate questions" with a real story's id, deleting the
    # spare attempt by its real id and the tool's LTI key pair (made on the first look at
    # /lti/jwks) are the only writes here that may legitimately happen.
    assert not changed - {"response", "response_choice", "generation_run", "attempt",
                          "tool_key"}, changed


# Text fields forms are likely to have, filled with what a database may refuse: a NUL character
# (PostgreSQL cannot store one), and far more characters than any column holds.
TEXT_FIELDS = ("student_name", "name", "code", "resume_code", "password", "title", "prompt",
               "explanation", "skill", "kind", "join_code", "time_limit_minutes", "per_skill",
               "choices-0-text", "choices-1-text", "evidence-0-passage", "articles-0-text",
               "articles-0-outlet", "articles-0-title", "articles-0-date", "articles-0-author",
               "articles-0-url", "next", "submission")


@pytest.mark.parametrize("value", ["Ada\x00Lovelace", "A" * 5000], ids=["nul", "long"])
def test_hostile_form_values_get_an_answer_never_a_server_error(app, seeded, value):
    # Generation inline: a background run would outlive the test's database.
    app.config.update(PROPAGATE_EXCEPTIONS=False, WTF_CSRF_ENABLED=False,
                      GENERATION_IN_BACKGROUND=False)
    values = parameter_values(seeded)
    student = app.test_client()
    instructor = sign_in_session(app.test_client(), seeded.instructor_id)
    failures = []
    for rule in sorted(rules(app, "POST"), key=lambda r: r.rule):
        if rule.endpoint == "auth.sign_out":
            continue
        url = url_for_rule(rule, values)
        client = student if rule.endpoint.startswith(("quiz.", "auth.")) else instructor
        response = client.post(url, data=dict.fromkeys(TEXT_FIELDS, value))
        if response.status_code >= 500:
            failures.append(f"POST {url}: {response.status_code}")
    assert not failures, "\n".join(failures)


# --- escaping ----------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMAGE = "&lt;img src=x onerror=alert(1)&gt;"


def payload(field: str) -> str:
    return f"{field} {SCRIPT} {IMAGE}"


def plant_payloads(app: Flask, s: Seeded) -> dict[str, int]:
    """Every text an instructor or a student types, holding markup. Returns the ids used."""
    with app.app_context():
        quiz = db.session.get(Quiz, s.quiz_id)
        quiz.title = payload("quiz-title")
        question = quiz.items[0].question
        question.prompt = payload("question-prompt")
        question.explanation = payload("question-explanation")
        choice = question.choices[0]
        choice.text = payload("choice-text")
        article = (
            question.evidence[0].article
            if question.evidence
            else db.session.get(Article, s.article_id)
        )
        article.outlet = payload("article-outlet")
        article.title = payload("article-title")
        article.author = payload("article-author")
        story = db.session.get(Story, s.story_id)
        story.title = payload("story-title")
        for attempt in db.session.execute(db.select(Attempt)).scalars():
            attempt.student_name = payload("student-name")
        db.session.commit()
        return {"question_id": question.id, "article_id": article.id, "choice_id": choice.id}


def leaks(html: str) -> list[str]:
    # Any case: a page may print what it was given in capitals (a join code, say).
    return [raw for raw in (SCRIPT, IMAGE) if raw.lower() in html.lower()]


# Query parameters pages read (search boxes, sorting, a sign-in's next page, a join link's code).
QUERY_PARAMETERS = ("code", "name", "student", "q", "sort", "order", "next", "evidence", "skill",
                    "status", "page", "kind")


def test_markup_typed_anywhere_is_shown_escaped_on_every_page(app, seeded):
    ids = plant_payloads(app, seeded)
    values = {**parameter_values(seeded), **ids}
    anonymous = app.test_client()
    instructor = sign_in_session(app.test_client(), seeded.instructor_id)
    shown: dict[str, set[str]] = {}
    failures = []
    pages = []
    for rule in rules(app, "GET"):
        if rule.endpoint == "static":
            continue
        for token in (seeded.open_token, seeded.submitted_token):
            url = url_for_rule(rule, {**values, "token": token})
            pages.append(url)
        # What an address carries comes back in pages too ("No quiz has the code ..."): every
        # page again, with markup in the code and in the query parameters pages read.
        hostile = {**values, "code": payload("join-code"), "token": seeded.open_token}
        pages.append(url_for_rule(rule, hostile) + "?" + urlencode(
            {name: payload("query-" + name) for name in QUERY_PARAMETERS}))
    for url in sorted(set(pages)):
        for who, client in (("anonymous", anonymous), ("instructor", instructor)):
            response = client.get(url, follow_redirects=True)
            html = page_text(response)
            if response.status_code >= 500:
                failures.append(f"GET {url} as {who}: {response.status_code}")
            if response.mimetype != "text/html":
                # A CSV export holds the text as typed; a browser must never read it as a page.
                if response.headers.get("X-Content-Type-Options") != "nosniff" or (
                        response.mimetype == "text/csv"
                        and "attachment" not in response.headers.get("Content-Disposition", "")):
                    failures.append(f"GET {url}: {response.mimetype} could be sniffed as a page")
                continue
            if found := leaks(html):
                failures.append(f"GET {url} as {who}: unescaped {found}")
            for field in re.findall(r"([a-z]+-[a-z]+) " + re.escape(ESCAPED_SCRIPT), html):
                shown.setdefault(field, set()).add(url)
    assert not failures, "\n".join(failures)
    # The walk must have seen the fields, else it proved nothing: each is shown somewhere.
    expected = {"quiz-title", "question-prompt", "question-explanation", "choice-text",
                "article-outlet", "article-title", "article-author", "student-name"}
    assert expected <= set(shown), f"never shown (escaped or not): {sorted(expected - set(shown))}"


def test_student_pages_show_each_field_escaped(app, seeded):
    ids = plant_payloads(app, seeded)
    client = app.test_client()
    open_t, done_t = seeded.open_token, seeded.submitted_token
    expectations = {
        f"/quiz/{seeded.join_code}": ["quiz-title"],
        f"/attempt/{open_t}/q/1": ["question-prompt", "choice-text"],
        f"/attempt/{done_t}/result": ["question-prompt", "choice-text", "question-explanation",
                                      "student-name"],
        f"/attempt/{open_t}/articles/{ids['article_id']}": [
            "article-outlet", "article-title", "article-author"],
    }
    for url, fields in expectations.items():
        response = client.get(url, follow_redirects=True)
        html = page_text(response)
        assert response.status_code == 200, (url, response.status_code)
        assert not leaks(html), (url, leaks(html))
        for field in fields:
            assert f"{field} {ESCAPED_SCRIPT} {ESCAPED_IMAGE}" in html, (url, field)


# --- headers -----------------------------------------------------------------------------------

def policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [w.lower() for w in words[1:]]
    return directives


def test_security_headers_on_every_kind_of_response(app, seeded):
    client = app.test_client()
    urls = ["/", f"/quiz/{seeded.join_code}", f"/attempt/{seeded.open_token}",
            f"/attempt/{seeded.submitted_token}/result", "/sign-in", "/instructor/",
            "/no-such-page", f"/attempt/{changed(seeded.open_token)}", "/static/style.css"]
    for url in urls:
        with client.get(url) as response:
            headers = response.headers
        csp = policy(headers.get("Content-Security-Policy", ""))
        assert "default-src" in csp, (url, csp)
        scripts = csp.get("script-src", csp["default-src"])
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, (url, scripts)
        assert "'unsafe-inline'" not in csp["default-src"], url
        assert "'none'" in csp.get("object-src", csp["default-src"]), (url, "plugins allowed")
        assert headers.get("X-Content-Type-Options") == "nosniff", url
        assert headers.get("Referrer-Policy") in (
            "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"), url
        framing = csp.get("frame-ancestors")
        assert framing in (["'none'"], ["'self'"]) or headers.get("X-Frame-Options") in (
            "DENY", "SAMEORIGIN"), url


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>\s*\S", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)
INLINE_STYLE = re.compile(r"<style\b|<[a-z][^>]*\sstyle\s*=", re.I)


def test_no_page_has_inline_script_or_style_that_the_policy_would_block(app, seeded):
    """The policy forbids inline scripts and styles; a page relying on one would silently break."""
    values = parameter_values(seeded)
    instructor = sign_in_session(app.test_client(), seeded.instructor_id)
    failures = []
    for rule in rules(app, "GET"):
        if rule.endpoint == "static":
            continue
        url = url_for_rule(rule, values)
        html = page_text(instructor.get(url, follow_redirects=True))
        for name, pattern in (("inline <script>", INLINE_SCRIPT), ("on...= handler", EVENT_HANDLER),
                              ("javascript: URL", JAVASCRIPT_URL), ("inline style", INLINE_STYLE)):
            if match := pattern.search(html):
                failures.append(f"GET {url}: {name}: {match.group()[:80]!r}")
    assert not failures, "\n".join(failures)


# --- the session cookie ------------------------------------------------------------------------

def cookie_flags(response, name: str) -> dict[str, str] | None:
    for header in response.headers.getlist("Set-Cookie"):
        cookie_name, _, rest = header.partition("=")
        if cookie_name.strip() == name:
            flags = {}
            for part in rest.split(";")[1:]:
                key, _, value = part.strip().partition("=")
                flags[key.lower()] = value
            return flags
    return None


def sign_in(client: FlaskClient, name: str = "teacher", password: str = PASSWORD, **kwargs):
    page = client.get("/sign-in", **kwargs)
    assert page.status_code == 200
    fields = hidden_fields(page_text(page))
    fields.update({"name": name, "password": password})
    base = kwargs.get("base_url", "http://localhost")
    # Over HTTPS Flask-WTF also checks that the form came from this site, as a browser says.
    return client.post("/sign-in", data=fields, headers={"Referer": f"{base}/sign-in"}, **kwargs)


def test_the_session_cookie_is_secure_when_served_over_https(app, instructor):
    # QUIZAPP_HTTPS=1 (or instance/config.py) sets these; over plain http they must stay off,
    # or no one could sign in on a laptop.
    if os.environ.get("QUIZAPP_HTTPS") != "1":
        assert not app.config["SESSION_COOKIE_SECURE"]
    app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    client = app.test_client()
    response = sign_in(client, base_url="https://localhost")
    assert response.status_code in (302, 303), response.status_code
    flags = cookie_flags(response, app.config.get("SESSION_COOKIE_NAME", "session"))
    assert flags is not None and "secure" in flags, response.headers.getlist("Set-Cookie")
    remember = cookie_flags(response, app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))
    if remember is not None:  # a "remember me" cookie is a session too
        assert "secure" in remember and "httponly" in remember, remember


# --- signing in (more in test_sign_in.py) ------------------------------------------------------

def test_a_wrong_password_and_an_unknown_name_read_the_same(app, instructor):
    client = app.test_client()
    wrong = page_text(sign_in(client, password="not the password"))
    unknown = page_text(sign_in(client, name="nobody-by-this-name", password="not the password"))
    strip = lambda html: re.sub(r'value="[^"]*"', "", html)  # noqa: E731  (tokens, typed name)
    assert strip(wrong).replace("nobody-by-this-name", "teacher") == strip(unknown).replace(
        "nobody-by-this-name", "teacher")


# --- no answer key before submission ----------------------------------------------------------

CORRECT_IN_MARKUP = re.compile(
    r"<[^>]*\b(?:[\w-]*correct[\w-]*\s*=|=\s*[\"'][^\"']*\b(?:in)?correct\b)", re.I
)


def normalised(html: str) -> str:
    """The page without what changes from one request to the next (form tokens)."""
    return re.sub(r'(name="(?:csrf_token|submission)"[^>]*value=")[^"]*"', r'\1"',
                  re.sub(r'(value=")[^"]*("[^>]*name="(?:csrf_token|submission)")', r'\1\2', html))


def move_the_key(app: Flask, question_id: int) -> None:
    """Mark the next choice correct instead: nothing but the key changes."""
    with app.app_context():
        question = db.session.get(Question, question_id)
        marks = [c.correct for c in question.choices]
        shifted = marks[-1:] + marks[:-1]
        for choice, correct in zip(question.choices, shifted, strict=True):
            choice.correct = correct
        db.session.commit()


@pytest.mark.parametrize(
    "layout, feedback",
    [
        ("one_per_page", "at_end"),
        ("all_on_one", "at_end"),
        ("one_per_page", "immediate"),
        ("all_on_one", "immediate"),
    ],
)
def test_the_question_page_is_the_same_whichever_choice_is_correct(app, seeded, layout, feedback):
    with app.app_context():
        quiz = db.session.get(Quiz, seeded.quiz_id)
        quiz.layout, quiz.feedback = layout, feedback
        question_ids = [item.question_id for item in quiz.items]
        db.session.commit()
    client = app.test_client()
    token = start_attempt(client, seeded.join_code, "Kim")
    url = f"/attempt/{token}/q/1" if layout == "one_per_page" else f"/attempt/{token}"
    client.get(url)  # the first page, which shows the resume code once
    before = client.get(url)
    assert before.status_code == 200, before.status_code
    for question_id in question_ids:
        move_the_key(app, question_id)
    after = client.get(url)
    assert normalised(page_text(before)) == normalised(page_text(after))
    marked = CORRECT_IN_MARKUP.search(page_text(before))
    assert not marked, marked.group()


def test_no_script_or_static_file_carries_the_key(app, seeded):
    with app.app_context():
        keyed = {
            c.text
            for c in db.session.execute(db.select(Choice).where(Choice.correct)).scalars()
            if len(c.text) >= 12
        }
    assert keyed
    static = Path(app.static_folder)
    for file in static.rglob("*"):
        if file.suffix not in (".js", ".json", ".mjs", ".html", ".txt"):
            continue
        content = file.read_text(encoding="utf-8", errors="replace")
        assert not any(text in content for text in keyed), file
        assert not re.search(
            r"\b(?:answer_?key|correct_?(?:choice|answer)s?)\s*[:=]", content, re.I
        ), file


def test_the_reader_marks_no_evidence_before_feedback(app, seeded):
    """The evidence passage of a question points at its answer: asking the open-book reader to
    mark it (?evidence=) must change nothing until the student may see the feedback."""
    with app.app_context():
        quiz = db.session.get(Quiz, seeded.quiz_id)
        evidence = [(e.id, e.article_id) for item in quiz.items[:6] for e in item.question.evidence]
    assert evidence
    client = app.test_client()
    for evidence_id, article_id in evidence:
        url = f"/attempt/{seeded.open_token}/articles/{article_id}"
        plain = client.get(url)
        assert plain.status_code == 200, (url, plain.status_code)
        marked = client.get(f"{url}?evidence={evidence_id}")
        assert marked.status_code in (200, 404), marked.status_code
        if marked.status_code == 200:
            assert normalised(page_text(marked)) == normalised(page_text(plain)), evidence_id


def test_the_autosave_reply_does_not_say_whether_the_answer_is_right(app, seeded):
    client = app.test_client()
    page = client.get(f"/attempt/{seeded.open_token}", follow_redirects=True)
    token = hidden_fields(page_text(page))["csrf_token"]
    with app.app_context():
        question = db.session.get(Question, seeded.question_id)
        right = next(c.id for c in question.choices if c.correct)
        wrong = next(c.id for c in question.choices if not c.correct)
    replies = []
    for choice in (right, wrong):
        reply = client.post(f"/attempt/{seeded.open_token}/answers", headers={"X-CSRFToken": token},
                            data={"question_id": str(seeded.question_id),
                                  "answer": choice_value(app, seeded.open_token, choice)})
        replies.append((reply.status_code, reply.get_data()))
    assert replies[0] == replies[1]
