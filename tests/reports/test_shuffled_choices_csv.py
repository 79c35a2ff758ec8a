"""The responses CSV letters each chosen choice as the student saw it (issue 13): with shuffled
choices, "B" is the second choice on that student's page, not the second the teacher typed."""
from __future__ import annotations

import csv
import io
import re
from html import unescape

from quizapp.extensions import db
from quizapp.models import Quiz
from tests.students.support import WHO, answer, choices, make_quiz, start, submit


def shown_order(client, token: str) -> list[str]:
    """The choice texts of question 1 in the order its page shows them."""
    page = client.get(f"/attempt/{token}/q/1").get_data(as_text=True)
    return [unescape(re.sub(r"<[^>]+>", "", label)).strip()
            for label in re.findall(r'<label for="answer-\d+"[^>]*>(.*?)</label>', page, re.S)]


def responses_csv(signed_in, quiz_id: int) -> list[dict]:
    body = signed_in.get(f"/instructor/quizzes/{quiz_id}/responses.csv").get_data()
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_letters_follow_the_order_each_student_saw(app, signed_in):
    make_quiz(app, shuffle_choices=True, shuffle_questions=False)
    with app.app_context():
        quiz = db.session.execute(db.select(Quiz)).scalar_one()
        code, quiz_id = quiz.join_code, quiz.id
    ids = choices(app)
    typed = list(ids[WHO])  # the order the teacher typed: Mara Osei, The harbour master, Bay Wire
    seen: dict[str, str] = {}  # student -> the letter their page gave the choice they picked
    for number in range(12):
        student = app.test_client()
        name = f"Student {number}"
        token = start(student, code, name)
        order = shown_order(student, token)
        assert sorted(order) == sorted(typed), order
        pick = "Bay Wire"
        assert answer(student, token, 1, [ids[WHO][pick]]).status_code == 302
        submit(student, token)
        seen[name] = "ABC"[order.index(pick)]
        if len(set(seen.values())) > 1 and any(letter != "C" for letter in seen.values()):
            break
    # Some student saw "Bay Wire" elsewhere than third, where the teacher typed it.
    assert any(letter != "C" for letter in seen.values()), "the shuffle never moved the choice"
    rows = [row for row in responses_csv(signed_in, quiz_id) if row["question_number"] == "1"]
    assert {row["student_name"]: row["chosen"] for row in rows} == seen
    assert {row["chosen_text"] for row in rows} == {"Bay Wire"}
