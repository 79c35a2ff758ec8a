"""The item analysis, results and skills pages read tallies of each quiz's first attempts, kept as
attempts are submitted and deleted. After every change that moves them (a submission, a later
attempt, the first one deleted, an attempt graded at its deadline, the quiz closed, a key edited)
the pages show what they show once `flask rebuild-statistics` has counted everything again from
the responses; and on random classes put through random submissions and deletions, the kept
tallies are row for row what a rebuild counts."""
from __future__ import annotations

import random
import re
from datetime import timedelta
from html import unescape

from quizapp import attempts, grading, question_versions
from quizapp.extensions import db
from quizapp.models import (
    AnswerTally,
    Attempt,
    Question,
    QuestionTally,
    Quiz,
    ResponsePair,
    ResponsePlace,
    now,
)
from quizapp.results import tallies
from tests.item_types import make_mixed_quiz
from tests.pages import hidden_fields
from tests.students.support import HEDGE, WHICH, WHO, answer, choices, make_quiz, start, submit

PAGES = ("items", "results", "skills")


def _shown(client, quiz_id: int) -> dict[str, str]:
    """The text each statistics page shows (tags, and so tokens in hidden fields, left out)."""
    shown = {}
    for page in PAGES:
        response = client.get(f"/instructor/quizzes/{quiz_id}/{page}")
        assert response.status_code == 200
        text = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
        shown[page] = re.sub(r"\s+", " ", unescape(text)).strip()
    return shown


def _rebuilt(app, runner, client, quiz_id: int) -> dict[str, str]:
    """The pages once the command has counted the quiz's first attempts again."""
    result = runner.invoke(args=["rebuild-statistics", "--quiz", str(quiz_id)])
    assert result.exit_code == 0, result.output
    return _shown(client, quiz_id)


def _quiz_id(app) -> int:
    with app.app_context():
        return db.session.execute(db.select(Quiz.id)).scalar_one()


def _take(app, client, code: str, name: str, right: bool) -> str:
    """A student answers the three questions, all right or all wrong, and submits."""
    token = start(client, code, name)
    ids = _newest_choices(app)
    picks = ({WHO: ["Mara Osei"], HEDGE: ["False"], WHICH: ["Coast Courier", "Bay Wire"]}
             if right else {WHO: ["Bay Wire"], HEDGE: ["True"], WHICH: ["Neither"]})
    for number in (1, 2, 3):
        page = unescape(client.get(f"/attempt/{token}/q/{number}").get_data(as_text=True))
        prompt = next(prompt for prompt in picks if prompt.split("?")[0] in page)
        answer(client, token, number, [ids[prompt][text] for text in picks[prompt]])
    assert submit(client, token).status_code == 302
    return token


def _newest_choices(app) -> dict[str, dict[str, int]]:
    """question prompt -> {choice text: choice id}, of the newest version of each question."""
    with app.app_context():
        return {q.prompt: {c.text: c.id for c in q.choices} for q in db.session.execute(
            db.select(Question).order_by(Question.id)).scalars()}


def _attempt_id(app, token: str) -> int:
    with app.app_context():
        return db.session.execute(db.select(Attempt.id).where(Attempt.token == token)).scalar_one()


def test_submissions_are_counted_as_a_rebuild_counts_them(app, signed_in, runner):
    code = make_quiz(app)
    for name, right in (("Ada", True), ("Bo", False), ("Cy", True)):
        _take(app, app.test_client(), code, name, right)
    quiz_id = _quiz_id(app)
    shown = _shown(signed_in, quiz_id)
    assert "first submitted attempt (3 students)" in shown["items"]
    assert shown == _rebuilt(app, runner, signed_in, quiz_id)


def test_a_later_attempt_changes_nothing_and_deleting_the_first_counts_the_next(
        app, signed_in, runner):
    code = make_quiz(app)
    student = app.test_client()
    first = _take(app, student, code, "Ada", right=False)
    _take(app, app.test_client(), code, "Bo", right=True)
    quiz_id = _quiz_id(app)
    before = _shown(signed_in, quiz_id)
    _take(app, student, code, "Ada", right=True)  # the same browser: Ada's second attempt
    assert _shown(signed_in, quiz_id)["items"] == before["items"]
    assert _shown(signed_in, quiz_id) == _rebuilt(app, runner, signed_in, quiz_id)

    results = f"/instructor/quizzes/{quiz_id}/results"
    page = signed_in.get(results).get_data(as_text=True)
    deleted = signed_in.post(f"/instructor/attempts/{_attempt_id(app, first)}/delete",
                             data=hidden_fields(page) | {"next": results}, follow_redirects=True)
    assert "The attempt by Ada was deleted" in deleted.get_data(as_text=True)
    after = _shown(signed_in, quiz_id)
    assert after["items"] != before["items"]  # Ada's all-right second attempt counts now
    assert after == _rebuilt(app, runner, signed_in, quiz_id)


def test_deleting_the_only_attempt_leaves_nothing_counted(app, signed_in, runner):
    code = make_quiz(app)
    token = _take(app, app.test_client(), code, "Ada", right=True)
    quiz_id = _quiz_id(app)
    results = f"/instructor/quizzes/{quiz_id}/results"
    page = signed_in.get(results).get_data(as_text=True)
    signed_in.post(f"/instructor/attempts/{_attempt_id(app, token)}/delete",
                   data=hidden_fields(page) | {"next": results}, follow_redirects=True)
    shown = _shown(signed_in, quiz_id)
    assert "nothing to analyse" in shown["items"]
    assert shown == _rebuilt(app, runner, signed_in, quiz_id)


def test_an_attempt_graded_at_its_deadline_becomes_the_first(app, signed_in, runner):
    """Ada's first attempt ran out an hour ago, unsubmitted; on another device (her resume code
    moves her key there) she submits a second. The results page then grades the first at its
    deadline: dated before the second, it is her first attempt from then on."""
    code = make_quiz(app, time_limit_minutes=60)
    walked_away = start(app.test_client(), code, "Ada")
    second = _take(app, app.test_client(), code, "Ada L", right=True)
    _take(app, app.test_client(), code, "Bo", right=False)
    with app.app_context():
        rows = {row.token: row for row in db.session.execute(db.select(Attempt)).scalars()}
        rows[walked_away].student_key = rows[second].student_key
        rows[walked_away].started_at = now() - timedelta(hours=2)
        rows[walked_away].deadline_at = now() - timedelta(hours=1)
        db.session.commit()
    quiz_id = _quiz_id(app)
    assert _counted_scores(app, quiz_id) == {0.0, 3.0}  # Bo's wrong answers, Ada's second
    shown = _shown(signed_in, quiz_id)  # the visit grades the attempt that ran out
    with app.app_context():
        graded = db.session.execute(
            db.select(Attempt).where(Attempt.token == walked_away)).scalar_one()
        assert graded.submitted_at == graded.deadline_at and graded.score == 0
    assert _counted_scores(app, quiz_id) == {0.0}  # Ada's blank first attempt, not her second
    assert shown == _rebuilt(app, runner, signed_in, quiz_id)


def _counted_scores(app, quiz_id: int) -> set[float]:
    """The first-attempt scores the tallies count responses at."""
    with app.app_context():
        return set(db.session.execute(
            db.select(QuestionTally.attempt_score)
            .where(QuestionTally.quiz_id == quiz_id, QuestionTally.responses > 0)).scalars())


def test_closing_the_quiz_counts_the_attempts_it_grades(app, signed_in, runner):
    code = make_quiz(app)
    client = app.test_client()
    token = start(client, code, "Ada")
    ids = choices(app)
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    prompt = next(p for p in (WHO, HEDGE, WHICH) if p.split("?")[0] in unescape(page))
    answer(client, token, 1, [next(iter(ids[prompt].values()))])
    quiz_id = _quiz_id(app)
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}").get_data(as_text=True)
    closing = signed_in.post(f"/instructor/quizzes/{quiz_id}/close", data=hidden_fields(page),
                             follow_redirects=True)
    assert "Quiz closed" in closing.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Attempt, _attempt_id(app, token)).submitted_at is not None
        assert db.session.execute(db.select(db.func.count()).select_from(QuestionTally)
                                  .where(QuestionTally.quiz_id == quiz_id)).scalar_one()
    assert _shown(signed_in, quiz_id) == _rebuilt(app, runner, signed_in, quiz_id)


def test_a_key_edited_after_attempts_keeps_the_counts(app, signed_in, runner):
    code = make_quiz(app)
    _take(app, app.test_client(), code, "Ada", right=True)
    with app.app_context():
        question = db.session.execute(
            db.select(Question).where(Question.prompt == HEDGE)).scalar_one()
        content = question_versions.content_of(question)
        content.choices = [(text, not correct) for text, correct in content.choices]
        question_versions.edit_question(question, content)  # a new version for later attempts
        db.session.commit()
    _take(app, app.test_client(), code, "Bo", right=True)
    quiz_id = _quiz_id(app)
    shown = _shown(signed_in, quiz_id)
    assert "earlier version" in shown["items"]
    assert shown == _rebuilt(app, runner, signed_in, quiz_id)


def test_the_command_says_what_it_counted_and_refuses_an_unknown_quiz(app, runner):
    make_quiz(app)
    counted = runner.invoke(args=["rebuild-statistics"])
    assert counted.exit_code == 0
    assert "Counted the first attempts of 1 quiz again." in counted.output
    unknown = runner.invoke(args=["rebuild-statistics", "--quiz", "999"])
    assert unknown.exit_code != 0 and "No quiz has the id 999" in unknown.output
    assert "Traceback" not in unknown.output
    bad = runner.invoke(args=["rebuild-statistics", "--quiz", "seven"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


# --- Random classes: kept tallies against a rebuild ------------------------------------------

def _tally_rows(quiz_id: int) -> set[tuple]:
    """Every row that counts something; marks to 9 places (sums taken in another order)."""
    questions = {(row.question_id, row.attempt_score, row.responses, round(row.marks, 9))
                 for row in db.session.execute(db.select(QuestionTally).where(
                     QuestionTally.quiz_id == quiz_id)).scalars() if row.responses}
    answers = {(row.kind, row.part_id, row.option_id, row.attempt_score, row.given)
               for row in db.session.execute(db.select(AnswerTally).where(
                   AnswerTally.quiz_id == quiz_id)).scalars() if row.given}
    return questions | answers


def _random_attempt(rng: random.Random, quiz: Quiz, key: str) -> Attempt:
    """An unsubmitted attempt answering each question at random (some left blank)."""
    attempt = attempts.start_attempt(quiz, f"Student {key}", f"{rng.getrandbits(64):016x}",
                                     student_key=key)
    db.session.flush()
    attempts.save_answers(attempt, [(item.question, _random_answer(rng, item.question))
                                    for item in quiz.items if rng.random() > 0.15])
    return attempt


def _random_answer(rng: random.Random, question: Question) -> attempts.Answer:
    if question.type == "matching":
        return attempts.Answer(pairs=tuple((item.id, rng.choice(question.choices).id)
                                           for item in question.items))
    if question.type == "ordering":
        order = [choice.id for choice in question.choices]
        rng.shuffle(order)
        return attempts.Answer(order=tuple(order))
    picked = [c.id for c in question.choices if rng.random() < 0.4] or [question.choices[0].id]
    return attempts.Answer(chosen=frozenset(picked[:1] if question.type == "single" else picked))


def test_random_classes_keep_the_tallies_a_rebuild_counts(app):
    make_mixed_quiz(app)
    for seed in range(3):
        rng = random.Random(seed)
        with app.app_context():
            quiz = db.session.execute(db.select(Quiz)).scalar_one()
            keys = [f"key-{seed}-{n}" for n in range(6)]
            waiting: list[int] = []
            for step in range(18):
                move = rng.random()
                if move < 0.45 or not waiting:
                    waiting.append(_random_attempt(rng, quiz, rng.choice(keys)).id)
                elif move < 0.8:
                    # Submitted now, or graded at a deadline that may precede others' submissions.
                    attempt = db.session.get(Attempt, waiting.pop(rng.randrange(len(waiting))))
                    at = now() - timedelta(minutes=rng.randrange(0, 600))
                    assert grading.grade_attempt(attempt, at=at)
                else:
                    done = db.session.execute(db.select(Attempt).where(
                        Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
                    ).scalars().all()
                    if done:
                        attempts.delete_attempt(rng.choice(done))
                db.session.commit()
                kept = _tally_rows(quiz.id)
                tallies.rebuild(quiz.id)
                db.session.commit()
                assert kept == _tally_rows(quiz.id), (seed, step)
            # The classes gave every kind of answer the tallies count.
            assert {row[0] for row in kept if isinstance(row[0], str)} == {
                "choice", "pair", "next"}
            for attempt in db.session.execute(db.select(Attempt)).scalars().all():
                attempts.delete_attempt(attempt)
            db.session.commit()
            assert _tally_rows(quiz.id) == set()
            assert not db.session.execute(db.select(ResponsePair)).first()
            assert not db.session.execute(db.select(ResponsePlace)).first()
