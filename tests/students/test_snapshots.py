"""The question pages read a published quiz from a snapshot kept per process under the quiz's
version: a page costs one query (the attempt with its responses) and an answer save one upsert
in one transaction, and no edit, close or reopen is ever served stale, even by another worker."""
from __future__ import annotations

import contextlib
import re

from sqlalchemy import event

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Question, Quiz
from tests.databases import app_config
from tests.instructors.test_questions import edit, edit_data
from tests.pages import hidden_fields
from tests.students.support import (
    WHICH,
    WHO,
    answer,
    choices,
    make_quiz,
    prompt_of_page,
    saved_answers,
    set_quiz,
    start,
    values,
)


@contextlib.contextmanager
def statements(app):
    """The SQL statements the app sends (BEGIN included), and how many transactions commit."""
    sent, commits = [], []
    with app.app_context():
        engine = db.engine

    def record(_connection, _cursor, statement, *_args):
        sent.append(" ".join(statement.split()).lower())

    def committed(_connection):
        commits.append(True)

    event.listen(engine, "before_cursor_execute", record)
    event.listen(engine, "commit", committed)
    try:
        yield sent, commits
    finally:
        event.remove(engine, "before_cursor_execute", record)
        event.remove(engine, "commit", committed)


def _queries(sent: list[str]) -> list[str]:
    return [statement for statement in sent if not statement.startswith("begin")]


def test_a_question_page_reads_the_attempt_with_its_responses_and_nothing_else(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids = choices(app)
    answer(client, token, 1, [ids[WHO]["Mara Osei"]])
    client.get(f"/attempt/{token}/q/2")  # the quiz's snapshot is built once, here

    with statements(app) as (sent, _):
        page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)

    assert prompt_of_page(page) == WHO
    picked = values(client, token, [ids[WHO]["Mara Osei"]])[0]
    assert re.search(rf'value="{picked}"[^>]*checked|checked[^>]*value="{picked}"', page)
    queries = _queries(sent)
    assert len(queries) == 1, queries
    assert re.search(r"from attempt join quiz .* left outer join response .* left outer join "
                     r"response_choice .*where attempt.token", queries[0])


def test_an_answer_save_is_one_upsert_of_the_response_and_its_choices(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids = choices(app)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    sent_value = values(client, token, [ids[WHO]["Mara Osei"]])

    with statements(app) as (sent, commits):
        saved = client.post(f"/attempt/{token}/q/1", data={
            "csrf_token": hidden_fields(page)["csrf_token"], "go": "next",
            "answer": sent_value})

    assert saved.status_code == 302
    assert saved_answers(app, token) == {_question_id(app, WHO): {ids[WHO]["Mara Osei"]}}
    queries = _queries(sent)
    reads = [q for q in queries if q.startswith("select")]
    writes = [q for q in queries if not q.startswith("select")]
    assert len(reads) == 1, reads  # the attempt with its responses
    assert [w.split(" (")[0].split(" set")[0].split(" where")[0] for w in writes] == [
        "update attempt", "insert into response", "delete from response_choice",
        "insert into response_choice"], writes
    assert "on conflict (attempt_id, question_id) do update" in writes[1]
    assert len(commits) == 1
    if _on_sqlite(app):
        assert sent[0] == "begin immediate"  # the write lock first: no upgrade to fail


def test_an_answer_sent_again_unchanged_only_moves_its_time(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids = choices(app)
    which = ids[WHICH]
    both = [which["Coast Courier"], which["Bay Wire"]]
    number = 2
    assert prompt_of_page(client.get(f"/attempt/{token}/q/2").get_data(as_text=True)) == WHICH
    assert answer(client, token, number, both, go="back").status_code == 302

    with statements(app) as (sent, commits):
        again = answer(client, token, number, both, go="back")  # "Back" sends it as it was
    assert again.status_code == 302 and len(commits) == 1
    writes = [q for q in _queries(sent) if not q.startswith("select")]
    assert [w.split(" ")[:3] for w in writes] == [["update", "attempt", "set"],
                                                  ["insert", "into", "response"]], writes
    reads = [q for q in _queries(sent) if q.startswith("select")]
    # Read under the attempt's lock: no other tab's save can slip in before the comparison.
    assert _on_sqlite(app) or reads[-1].endswith("for update of attempt"), reads

    with statements(app) as (sent, _):
        changed = answer(client, token, number, [which["Bay Wire"]], go="back")
    assert changed.status_code == 302
    assert any(q.startswith("delete from response_choice") for q in _queries(sent))
    assert saved_answers(app, token)[_question_id(app, WHICH)] == {which["Bay Wire"]}


def _on_sqlite(app) -> bool:
    with app.app_context():
        return db.engine.dialect.name == "sqlite"


def _question_id(app, prompt: str) -> int:
    with app.app_context():
        return db.session.execute(db.select(Question.id).where(Question.prompt == prompt)
                                  ).scalar_one()


def test_a_save_without_the_form_token_is_refused_and_saves_nothing(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids = choices(app)
    refused = client.post(f"/attempt/{token}/q/1", data={
        "go": "next", "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert refused.status_code == 400
    assert saved_answers(app, token) == {}


@contextlib.contextmanager
def another_worker(app):
    """A second app on the same database, as another gunicorn worker is: its own snapshots."""
    other = create_app(app_config(app.config["SQLALCHEMY_DATABASE_URI"]))
    try:
        yield other
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_a_teachers_edit_in_another_worker_shows_on_the_next_page(app, client, instructor):
    code = make_quiz(app)
    token = start(client, code)
    assert prompt_of_page(client.get(f"/attempt/{token}/q/1").get_data(as_text=True)) == WHO
    reworded = "Whom does the Coast Courier quote saying the fire was under control?"

    with another_worker(app) as other:
        teacher = other.test_client()
        with teacher.session_transaction() as session:
            session["_user_id"] = f"{instructor}:1"
            session["_fresh"] = True
        assert edit(teacher, _question_id(app, WHO), prompt=reworded).status_code == 302

    assert prompt_of_page(client.get(f"/attempt/{token}/q/1").get_data(as_text=True)) == reworded


def test_new_choices_reach_new_attempts_while_started_ones_keep_theirs(app, client, signed_in):
    code = make_quiz(app)
    student = app.test_client()
    token = start(student, code)
    ids = choices(app)
    answer(student, token, 1, [ids[WHO]["Mara Osei"]])  # the question is in use: edits copy it
    old_page = student.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "The harbour master" in old_page

    question_id = _question_id(app, WHO)
    form = edit_data(signed_in.get(f"/instructor/questions/{question_id}/edit").get_data(
        as_text=True))
    master = next(name for name, value in form.items() if value == "The harbour master")
    assert edit(signed_in, question_id, **{master: "The fire chief"}).status_code == 302

    assert "The harbour master" in student.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    newcomer = app.test_client()
    new_page = newcomer.get(f"/attempt/{start(newcomer, code, 'Grace')}/q/1").get_data(
        as_text=True)
    assert "The fire chief" in new_page and "The harbour master" not in new_page


def test_closing_submits_at_the_next_page_and_reopening_takes_answers_again(app, client,
                                                                            signed_in):
    code = make_quiz(app)
    student = app.test_client()
    token = start(student, code)
    ids = choices(app)
    answer(student, token, 1, [ids[WHO]["Mara Osei"]])
    with app.app_context():
        quiz_id = db.session.execute(db.select(Quiz.id)).scalar_one()
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    form = {"csrf_token": hidden_fields(page)["csrf_token"]}

    signed_in.post(f"/instructor/quizzes/{quiz_id}/close", data=form)
    closed = student.get(f"/attempt/{token}/q/2")
    assert closed.headers["Location"].endswith(f"/attempt/{token}/result")

    with another_worker(app) as other:
        # This worker first reads the quiz while it is closed...
        elsewhere = other.test_client()
        assert elsewhere.get(f"/attempt/{token}/q/2").status_code == 302
        signed_in.post(f"/instructor/quizzes/{quiz_id}/reopen", data=form)
        # ...and takes answers again once it is reopened.
        again = start(elsewhere, code, "Ada again")
        moved = answer(elsewhere, again, 1, [ids[WHO]["Mara Osei"]])
        assert moved.headers["Location"].endswith(f"/attempt/{again}/q/2")
    assert saved_answers(app, again) == {_question_id(app, WHO): {ids[WHO]["Mara Osei"]}}


def test_a_settings_change_shows_on_the_next_page(app, client):
    code = make_quiz(app)
    token = start(client, code)
    assert "The articles (open book)" in client.get(f"/attempt/{token}/q/1").get_data(
        as_text=True)
    set_quiz(app, open_book=False, title="Harbour fire, closed book")
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    assert "The articles (open book)" not in page
    assert "Harbour fire, closed book" in page
