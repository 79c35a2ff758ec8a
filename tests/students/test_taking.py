"""Taking a quiz: every button saves, the page script's autosave saves, immediate feedback
makes an answer final, the all-on-one layout, shuffled orders that hold across reloads, and
form tokens that outlive a long quiz."""
from __future__ import annotations

import re
import time
import types
from datetime import timedelta

import itsdangerous.timed

from quizapp.extensions import db
from quizapp.models import Attempt, Response
from tests.pages import hidden_fields, page_text
from tests.students.support import (
    HEDGE,
    WHICH,
    WHO,
    answer,
    attempt_row,
    choices,
    csrf,
    make_quiz,
    prompt_of_page,
    question_ids,
    saved_answers,
    start,
    submit,
    values,
)


def _page_prompts(client, token, count=3):
    return [prompt_of_page(client.get(f"/attempt/{token}/q/{n}").get_data(as_text=True))
            for n in range(1, count + 1)]


def test_next_back_jump_and_finish_each_save_the_answer(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    prompts = _page_prompts(client, token)
    first, second = prompts[0], prompts[1]

    def pick(prompt, text=None):
        options = ids[prompt]
        return [options[text] if text else next(iter(options.values()))]

    moved = answer(client, token, 1, pick(first), go="next")
    assert moved.headers["Location"].endswith(f"/attempt/{token}/q/2")
    moved = answer(client, token, 2, pick(second), go="back")
    assert moved.headers["Location"].endswith(f"/attempt/{token}/q/1")
    assert set(saved_answers(app, token)) == {qids[first], qids[second]}
    moved = answer(client, token, 1, pick(first, list(ids[first])[-1]), go="3")  # jump
    assert moved.headers["Location"].endswith(f"/attempt/{token}/q/3")
    assert saved_answers(app, token)[qids[first]] == set(pick(first, list(ids[first])[-1]))
    moved = answer(client, token, 3, pick(prompts[2]), go="finish")
    assert moved.headers["Location"].endswith(f"/attempt/{token}/finish")
    assert len(saved_answers(app, token)) == 3
    # Saved, not graded: no score until the student submits.
    row = attempt_row(app, token)
    assert row.submitted_at is None and row.score is None
    # The reload lands where the student was.
    assert client.get(f"/attempt/{token}").headers["Location"].endswith("/q/3")


def test_the_finish_page_lists_the_unanswered_questions(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids = choices(app)
    prompts = _page_prompts(client, token)
    answer(client, token, 2, [next(iter(ids[prompts[1]].values()))], go="finish")
    finish = client.get(f"/attempt/{token}/finish").get_data(as_text=True)
    assert "You answered 1 of 3 questions." in finish
    missing = finish.split("Not answered yet:", 1)[1].split("</ul>", 1)[0]
    assert f'href="/attempt/{token}/q/1">Question 1</a>' in missing
    assert f'href="/attempt/{token}/q/3">Question 3</a>' in missing
    assert "Question 2<" not in missing


def test_checkboxes_say_choose_all_that_apply_and_radios_do_not(app, client):
    code = make_quiz(app)
    token = start(client, code)
    for number in (1, 2, 3):
        page = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
        prompt = prompt_of_page(page)
        if prompt == WHICH:
            assert page.count('type="checkbox"') == 3 and 'type="radio"' not in page
            assert "choose all that apply" in page.lower()
        else:
            assert 'type="radio"' in page and 'type="checkbox"' not in page
            assert "all that apply" not in page.lower()
        if prompt == HEDGE:  # a true/false question: two choices, one answer
            assert page.count('type="radio"') == 2


def test_autosave_saves_one_answer_and_says_204(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    both = [ids[WHICH]["Coast Courier"], ids[WHICH]["Bay Wire"]]
    response = client.post(f"/attempt/{token}/answers", headers=headers,
                           data={"question_id": qids[WHICH],
                                 "answer": values(client, token, both)})
    assert response.status_code == 204
    assert saved_answers(app, token) == {qids[WHICH]: set(both)}
    # Unticking everything saves "nothing chosen".
    response = client.post(f"/attempt/{token}/answers", headers=headers,
                           data={"question_id": qids[WHICH]})
    assert response.status_code == 204
    assert saved_answers(app, token) == {qids[WHICH]: set()}


def test_autosave_refuses_what_is_not_a_choice_of_that_question(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    bad = [
        # another question's choice
        {"question_id": qids[WHO], "answer": values(client, token, [ids[WHICH]["Bay Wire"]])},
        # two on a radio
        {"question_id": qids[WHO], "answer": values(client, token, list(ids[WHO].values())[:2])},
        {"question_id": qids[WHO], "answer": "x"},
        # a choice's id, which the page never carries
        {"question_id": qids[WHO], "answer": str(ids[WHO]["Mara Osei"])},
        {"question_id": 99999, "answer": values(client, token, [ids[WHO]["Mara Osei"]])},
    ]
    for data in bad:
        assert (
            client.post(f"/attempt/{token}/answers", headers=headers, data=data).status_code == 400
        )
    assert saved_answers(app, token) == {}
    # Without the token header the save is refused too.
    response = client.post(f"/attempt/{token}/answers",
                           data={"question_id": qids[WHO],
                                 "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert response.status_code == 400
    assert saved_answers(app, token) == {}


def test_autosave_after_submission_is_409_and_changes_nothing(app, client):
    code = make_quiz(app)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    client.post(f"/attempt/{token}/answers", headers=headers,
                data={"question_id": qids[WHO],
                      "answer": values(client, token, [ids[WHO]["Bay Wire"]])})
    submit(client, token)
    response = client.post(f"/attempt/{token}/answers", headers=headers,
                           data={"question_id": qids[WHO],
                                 "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert response.status_code == 409
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Bay Wire"]}
    # The form buttons say so too, and change nothing.
    page = client.post(f"/attempt/{token}/q/1", data={
        "csrf_token": headers["X-CSRFToken"],
        "answer": values(client, token, [ids[WHO]["Mara Osei"]])},
                       follow_redirects=True).get_data(as_text=True)
    assert "submitted already; nothing was changed" in page
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Bay Wire"]}


def _move_deadline(app, token, **delta):
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt).where(Attempt.token == token)).scalar_one()
        attempt.deadline_at = attempt.started_at + timedelta(**delta)
        db.session.commit()


def test_autosave_after_the_deadline_and_its_grace_is_409(app, client):
    code = make_quiz(app, time_limit_minutes=10)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    headers = {"X-CSRFToken": csrf(client, token)}
    _move_deadline(app, token, seconds=-20)  # 20 s ago: within the grace for a save in flight
    late = client.post(f"/attempt/{token}/answers", headers=headers,
                       data={"question_id": qids[WHO],
                             "answer": values(client, token, [ids[WHO]["Bay Wire"]])})
    assert late.status_code == 204
    _move_deadline(app, token, minutes=-5)
    too_late = client.post(f"/attempt/{token}/answers", headers=headers,
                           data={"question_id": qids[WHO],
                                 "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert too_late.status_code == 409
    assert "Time is up" in too_late.get_data(as_text=True)
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Bay Wire"]}


def test_immediate_feedback_shows_right_or_wrong_then_locks_the_answer(app, client):
    code = make_quiz(app, feedback="immediate")
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    number = _page_prompts(client, token).index(WHO) + 1
    before = client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True)
    assert 'value="check"' in before
    assert "The quote is attributed to Osei." not in before
    checked = answer(client, token, number, [ids[WHO]["Bay Wire"]], go="check")
    assert checked.headers["Location"].endswith(f"/q/{number}")
    page = client.get(checked.headers["Location"]).get_data(as_text=True)
    assert '<span aria-hidden="true">✗</span> Not right' in page  # a word and a symbol
    assert "The quote is attributed to Osei." in page
    assert "Chief Mara Osei said the fire was" in page_text(page)  # the evidence
    assert "right answer" in page and 'value="check"' not in page
    assert re.search(r"<input checked disabled", page)
    with app.app_context():
        response = db.session.execute(db.select(Response)).scalar_one()
        assert response.checked_at is not None and response.correct is False
    # Changing it afterwards is refused, by the autosave and by the form.
    headers = {"X-CSRFToken": hidden_fields(page)["csrf_token"]}
    refused = client.post(f"/attempt/{token}/answers", headers=headers,
                          data={"question_id": qids[WHO],
                                "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert refused.status_code == 409
    again = client.post(f"/attempt/{token}/q/{number}", follow_redirects=True, data={
        "csrf_token": headers["X-CSRFToken"], "go": "next",
        "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert "You checked this answer already; it cannot be changed." in again.get_data(as_text=True)
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Bay Wire"]}
    # Pressing Next on the locked page (its inputs are disabled, so send nothing) is fine.
    moved = client.post(f"/attempt/{token}/q/{number}", data={"csrf_token": headers["X-CSRFToken"],
                                                               "go": "back"}, follow_redirects=True)
    assert "cannot be changed" not in moved.get_data(as_text=True)
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Bay Wire"]}
    # The submitted grade is the checked one.
    result = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "0 out of 3" in result


def test_checking_nothing_asks_for_an_answer_and_locks_nothing(app, client):
    code = make_quiz(app, feedback="immediate")
    token = start(client, code)
    page = answer(client, token, 1, [], go="check")
    html = client.get(page.headers["Location"]).get_data(as_text=True)
    assert "Choose an answer before checking it." in html
    assert 'value="check"' in html
    with app.app_context():
        assert db.session.execute(db.select(db.func.count(Response.id))).scalar_one() == 0


def test_checking_a_value_the_page_never_offered_says_so_and_saves_nothing(app, client):
    code = make_quiz(app, feedback="immediate")
    token = start(client, code)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    refused = client.post(f"/attempt/{token}/q/1", data={
        "csrf_token": hidden_fields(page)["csrf_token"], "go": "check", "answer": "forged"})
    assert refused.status_code == 400
    assert "This answer was not saved" in refused.get_data(as_text=True)
    assert 'value="check"' in refused.get_data(as_text=True)  # the page again, to answer
    assert saved_answers(app, token) == {}


def test_feedback_at_the_end_shows_nothing_before_submission(app, client):
    code = make_quiz(app)  # at_end is the default
    token = start(client, code)
    ids = choices(app)
    number = _page_prompts(client, token).index(WHO) + 1
    after = answer(client, token, number, [ids[WHO]["Bay Wire"]], go="check")
    page = client.get(after.headers["Location"]).get_data(as_text=True)
    assert 'value="check"' not in page
    for hidden in ("Not right", "The quote is attributed", "right answer", "Chief Mara Osei said"):
        assert hidden not in page_text(page)


def test_all_on_one_page_saves_every_answer_and_checks_one(app, client):
    code = make_quiz(app, layout="all_on_one", feedback="immediate")
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    page = client.get(f"/attempt/{token}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count("<fieldset") == 3 and "Question 3 of 3" in html
    data = {"csrf_token": hidden_fields(html)["csrf_token"],
            f"q{qids[WHO]}": values(client, token, [ids[WHO]["Mara Osei"]]),
            f"q{qids[WHICH]}": values(client, token, [ids[WHICH]["Bay Wire"]]),
            "go": f"check-{qids[WHO]}"}
    response = client.post(f"/attempt/{token}", data=data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/attempt/{token}#question-{qids[WHO]}")
    assert saved_answers(app, token) == {qids[WHO]: {ids[WHO]["Mara Osei"]},
                                         qids[WHICH]: {ids[WHICH]["Bay Wire"]}}
    html = client.get(f"/attempt/{token}").get_data(as_text=True)
    assert '<span aria-hidden="true">✓</span> Right' in html
    assert html.count("The quote is attributed to Osei.") == 1
    assert "Both print the figure" not in html  # the unchecked question shows no feedback
    # Saving again leaves the checked answer alone (its inputs are disabled and not sent).
    data = {"csrf_token": hidden_fields(html)["csrf_token"], "go": "finish",
            f"q{qids[WHICH]}": values(client, token, [ids[WHICH]["Bay Wire"],
                                                      ids[WHICH]["Coast Courier"]])}
    response = client.post(f"/attempt/{token}", data=data)
    assert response.headers["Location"].endswith(f"/attempt/{token}/finish")
    assert saved_answers(app, token)[qids[WHO]] == {ids[WHO]["Mara Osei"]}
    result = client.get(submit(client, token).headers["Location"]).get_data(as_text=True)
    assert "2 out of 3" in result


def test_shuffled_orders_are_fixed_per_attempt(app, client):
    code = make_quiz(app, shuffle_questions=True, shuffle_choices=True)
    orders = set()
    for name in ("A", "B", "C", "D", "E", "F", "G", "H"):
        token = start(client, code, name)
        seen = []
        for _ in range(2):  # a reload shows the very same order
            pages = [
                client.get(f"/attempt/{token}/q/{n}").get_data(as_text=True) for n in (1, 2, 3)
            ]
            seen.append(
                tuple(
                    (
                        prompt_of_page(p),
                        tuple(re.findall(r'name="answer" type="\w+" value="([0-9a-f]+)"', p)),
                    )
                    for p in pages
                )
            )
        assert seen[0] == seen[1]
        orders.add(seen[0])
    # Eight attempts do not all share one order (3! question orders x choice orders).
    assert len(orders) > 1


def test_a_form_token_still_works_two_hours_into_a_long_quiz(app, client, monkeypatch):
    code = make_quiz(app, time_limit_minutes=180)
    token = start(client, code)
    ids, qids = choices(app), question_ids(app)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    form_token = hidden_fields(page)["csrf_token"]
    # The page was loaded two hours ago: the token's signature clock says so...
    later = time.time() + 2 * 60 * 60 + 60
    monkeypatch.setattr(itsdangerous.timed, "time", types.SimpleNamespace(time=lambda: later))
    # ...and so does the attempt (the server's deadline is checked against the real clock).
    with app.app_context():
        attempt = db.session.execute(db.select(Attempt)).scalar_one()
        attempt.started_at -= timedelta(hours=2, minutes=1)
        attempt.deadline_at -= timedelta(hours=2, minutes=1)
        db.session.commit()
    saved = client.post(f"/attempt/{token}/answers", headers={"X-CSRFToken": form_token},
                        data={"question_id": qids[WHO],
                              "answer": values(client, token, [ids[WHO]["Mara Osei"]])})
    assert saved.status_code == 204
    submitted = client.post(f"/attempt/{token}/submit", data={"csrf_token": form_token})
    assert submitted.status_code == 302 and submitted.headers["Location"].endswith("/result")
    assert attempt_row(app, token).score == 1
    # A token is good for the configured six hours, longer than a class period's quiz.
    assert app.config["WTF_CSRF_TIME_LIMIT"] >= 3 * 60 * 60


def test_the_readme_states_the_deadline_grace_the_server_applies():
    # The attack report: answers were accepted 30 s past the deadline while the README said
    # they were refused. The README now says what the server does.
    from pathlib import Path

    from quizapp.attempts import GRACE

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    seconds = int(GRACE.total_seconds())
    assert f"{seconds}-second grace" in readme
    assert f"up to {seconds} seconds after the deadline" in readme
    assert "saves after the deadline are refused" not in readme
