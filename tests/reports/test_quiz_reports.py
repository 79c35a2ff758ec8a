"""Score review: item analysis against numbers worked out by hand, first attempts only, choice
counts, skills, students, sorting, the histogram, CSV exports, and sign-in.

The class (first attempts; 1 = right). Each question has three choices, A being the key.

    student   Q1  Q2  Q3   total   picked (Q1, Q2, Q3)
    Ana        1   0   1     2     A, B, A
    Ben        1   0   1     2     A, B, A
    Cai        0   0   1     1     B, C, A
    Dee        0   1   0     1     C, A, B
    Eve        0   0   0     0     -, B, C     (Eve left Q1 blank)

Besides these, Ana made a second attempt scoring 3/3 and Cai has one still in progress: neither
may count. Another quiz holds one more attempt by Ana.

Worked by hand (rest = total minus the question's mark; variances divide by n - 1 = 4):

Totals 2, 2, 1, 1, 0: mean 6/5 = 1.2; sorted 0 1 1 2 2, median 1; squared deviations
.64 + .64 + .04 + .04 + 1.44 = 2.8, variance .7, SD sqrt(.7) = 0.83666.

Q1: marks 1 1 0 0 0, mean .4 -> facility 40%. rest 1 1 1 1 0, mean .8.
    mark deviations .6 .6 -.4 -.4 -.4, squares sum 1.2 -> variance .3, SD sqrt(.3) = 54.77%.
    rest deviations .2 .2 .2 .2 -.8, squares sum .8 -> variance .2.
    products .12 + .12 - .08 - .08 + .32 = .4 -> covariance .1.
    discrimination = .1 / sqrt(.3 * .2) = .1 / .244949 = 40.82%.
    sorted marks 0 0 0 1 1 against sorted rest 0 1 1 1 1: deviations (-.4)(-.8) + (-.4)(.2)
    + (-.4)(.2) + (.6)(.2) + (.6)(.2) = .32 - .16 + .24 = .4 -> max covariance .1 -> DE 100%.
Q2: marks 0 0 0 1 0, mean .2 -> facility 20%. rest 2 2 1 0 0, mean 1.
    mark deviations -.2 -.2 -.2 .8 -.2, squares .8 -> variance .2.
    rest deviations 1 1 0 -1 -1, squares 4 -> variance 1.
    products -.2 - .2 + 0 - .8 + .2 = -1 -> covariance -.25.
    discrimination = -.25 / sqrt(.2) = -.25 / .447214 = -55.90%.
    sorted: marks 0 0 0 0 1 (dev -.2 x4, .8), rest 0 0 1 2 2 (dev -1 -1 0 1 1):
    .2 + .2 + 0 - .2 + .8 = 1 -> max covariance .25 -> DE -100%.
Q3: marks 1 1 1 0 0, mean .6 -> facility 60%. rest 1 1 0 1 0, mean .6.
    deviations .4 .4 .4 -.6 -.6 and .4 .4 -.6 .4 -.6; squares 1.2 each -> variances .3, .3.
    products .16 + .16 - .24 - .24 + .36 = .2 -> covariance .05.
    discrimination = .05 / .3 = 16.67%.
    sorted: both 0 0 1 1 1 -> .36 + .36 + .16 * 3 = 1.2 -> max covariance .3 -> DE 16.67%.
Cronbach's alpha = 3/2 * (1 - (.3 + .2 + .3) / .7) = 1.5 * (-.1/.7) = -0.2143.

Strongest third: the 4th of 5 scores sorted (ceil(5 * 2/3) = 4) is 2, so Ana and Ben.
Skills: Q1 and Q3 are "sourcing" (2 + 3 right of 10 = 50%), Q2 "numbers" (1 of 5 = 20%).
"""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta

import pytest

from quizapp.exports import results_csv
from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Quiz, QuizQuestion, Response
from quizapp.results import queries, tallies

START = datetime(2026, 3, 2, 9, 0, 0)

#           name   picks (None = left blank)  minutes taken  minutes after START it started
CLASS = [("Ana", ("A", "B", "A"), 12, 0),
         ("Ben", ("A", "B", "A"), 6, 1),
         ("Cai", ("B", "C", "A"), 20, 2),
         ("Dee", ("C", "A", "B"), 5, 3),
         ("Eve", (None, "B", "C"), 9, 4)]


def _question(prompt: str, skill: str, origin: str) -> Question:
    return Question(
        kind="test",
        skill=skill,
        prompt=prompt,
        origin=origin,
        status="approved",
        choices=[
            Choice(position=i, text=text, correct=i == 0)
            for i, text in enumerate([f"{prompt} key", f"{prompt} B", f"{prompt} C"])
        ],
    )


def _attempt(
    quiz, questions, name, picks, started, minutes, *, submitted=True, token=None
) -> Attempt:
    token = token or f"{name}-{started:%H%M%S}-{quiz.join_code}"
    attempt = Attempt(quiz=quiz, student_name=name, token=token, submission_key=token,
                      started_at=started, max_score=len(questions))
    score = 0
    for question, pick in zip(questions, picks, strict=True):
        chosen = [] if pick is None else [question.choices["ABC".index(pick)]]
        correct = pick == "A"
        score += correct
        attempt.responses.append(Response(question=question, chosen=chosen, correct=correct,
                                          score=float(correct)))
    if submitted:
        attempt.submitted_at = started + timedelta(minutes=minutes)
        attempt.score = score
    return attempt


def _quiz(title: str, code: str, questions) -> Quiz:
    quiz = Quiz(title=title, join_code=code, published=True)
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
    return quiz


@pytest.fixture
def quiz_id(app):
    """The class above, its extra attempts, and a second quiz."""
    with app.app_context():
        questions = [_question("Q1", "sourcing", "manual"),
                     _question("Q2", "numbers", "generated"),
                     _question("Q3", "sourcing", "generated")]
        quiz = _quiz("Harbour fire", "FIRE01", questions)
        db.session.add(quiz)
        for name, picks, minutes, offset in CLASS:
            db.session.add(
                _attempt(quiz, questions, name, picks, START + timedelta(minutes=offset), minutes)
            )
        # A later attempt (all right) and an unfinished one: neither is a first submitted attempt.
        db.session.add(
            _attempt(quiz, questions, "Ana", ("A", "A", "A"), START + timedelta(hours=2), 4)
        )
        db.session.add(
            _attempt(
                quiz,
                questions,
                "Cai",
                ("A", "A", "A"),
                START - timedelta(hours=1),
                0,
                submitted=False,
            )
        )
        other = [_question("Other", "framing", "generated")]
        other_quiz = _quiz("Another story", "OTHER1", other)
        db.session.add(other_quiz)
        db.session.add(_attempt(other_quiz, other, "Ana", ("B",), START + timedelta(days=1), 3))
        db.session.commit()
        # Rows written directly, not submitted: counted as an upgrade or `rebuild-statistics`
        # counts them (tests/reports/test_tallies.py checks that submissions count the same).
        tallies.rebuild()
        db.session.commit()
        return quiz.id


def test_quiz_summary_matches_the_hand_computed_figures(app, quiz_id):
    with app.app_context():
        summary = queries.quiz_summary(quiz_id)
    assert summary.first_attempts == 5
    assert summary.submitted == 6 and summary.in_progress == 1
    assert summary.spread.mean == pytest.approx(1.2)
    assert summary.spread.median == 1
    assert summary.spread.sd == pytest.approx(0.83666, abs=1e-5)
    assert summary.alpha == pytest.approx(-0.2143, abs=1e-4)
    # Ana's 3/3 second attempt is not in the histogram.
    assert summary.histogram == [(0, 1), (1, 2), (2, 2), (3, 0)]


def test_item_analysis_matches_the_hand_computed_figures(app, quiz_id):
    with app.app_context():
        analysis = queries.item_analysis(quiz_id)
        rows = [(item.number, item.numbers) for item in analysis.items]
    assert analysis.students == 5 and analysis.strong_cut == 2
    expected = [  # number, facility, SD, discrimination, efficiency (all %)
        ("Q1", 40.0, 54.772, 40.825, 100.0),
        ("Q2", 20.0, 44.721, -55.902, -100.0),
        ("Q3", 60.0, 54.772, 16.667, 16.667),
    ]
    assert [number for number, _ in rows] == [e[0] for e in expected]
    for (_, numbers), (_, facility, sd, discrimination, efficiency) in zip(
        rows, expected, strict=True
    ):
        assert numbers.responses == 5
        assert numbers.facility == pytest.approx(facility, abs=1e-3)
        assert numbers.sd == pytest.approx(sd, abs=1e-3)
        assert numbers.discrimination == pytest.approx(discrimination, abs=1e-3)
        assert numbers.efficiency == pytest.approx(efficiency, abs=1e-3)


def test_choice_counts_flags_and_reread_marks(app, quiz_id):
    with app.app_context():
        items = {item.number: item for item in queries.item_analysis(quiz_id).items}
        picked = {number: [(c.choice.text, c.count, c.strong_count) for c in item.choices]
                  for number, item in items.items()}
        flags = {number: item.flags for number, item in items.items()}
        reread = {number: item.reread for number, item in items.items()}
    assert picked == {
        "Q1": [("Q1 key", 2, 2), ("Q1 B", 1, 0), ("Q1 C", 1, 0)],  # Eve's blank counts nowhere
        "Q2": [("Q2 key", 1, 0), ("Q2 B", 3, 2), ("Q2 C", 1, 0)],
        "Q3": [("Q3 key", 3, 2), ("Q3 B", 1, 0), ("Q3 C", 1, 0)],
    }
    assert flags == {"Q1": [], "Q2": ["negative discrimination"], "Q3": ["weak discrimination"]}
    # Q2 is generated, discriminates negatively and the strong students chose B over the key.
    assert len(reread["Q2"]) == 2
    assert "more often than the key" in reread["Q2"][1]
    assert reread["Q3"] == [] and reread["Q1"] == []  # Q1 is hand-written: never marked


def test_skills_weakest_first_with_a_sentence(app, quiz_id, signed_in):
    with app.app_context():
        skills = queries.skill_mastery(quiz_id)
    assert [(s.skill, s.correct, s.responses) for s in skills] == [
        ("numbers", 1, 5),
        ("sourcing", 5, 10),
    ]
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/skills").get_data(as_text=True)
    assert "The class is weakest at numbers (20%)." in page
    assert page.index("numbers") < page.index("sourcing")


def test_results_page_shows_summary_histogram_and_attempts(quiz_id, signed_in):
    response = signed_in.get(f"/instructor/quizzes/{quiz_id}/results")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "1.20 out of 3" in page and "0.84" in page and "-0.21" in page
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert "<title" in svg and "Histogram of scores" in svg
    assert "2 scored 1" in svg  # the description reads the bars out
    assert len(re.findall(r"<rect ", svg)) == 4  # scores 0, 1, 2, 3
    assert "The histogram as a table" in page
    assert page.count("/attempt/") == 6  # one result link per submitted attempt
    assert "12 min 00 s" in page  # Ana's first attempt


def _names_in_order(page: str) -> list[str]:
    return re.findall(r'/instructor/students\?name=(\w+)">', page)


def test_attempts_sort_by_any_column(quiz_id, signed_in):
    def names(query):
        return _names_in_order(
            signed_in.get(f"/instructor/quizzes/{quiz_id}/results?{query}").get_data(as_text=True)
        )

    assert names("sort=time") == [
        "Ana",
        "Dee",
        "Ben",
        "Eve",
        "Ana",
        "Cai",
    ]  # 4, 5, 6, 9, 12, 20 min
    assert names("sort=time&order=desc") == ["Cai", "Ana", "Eve", "Ben", "Dee", "Ana"]
    assert names("sort=name&order=desc") == ["Eve", "Dee", "Cai", "Ben", "Ana", "Ana"]
    assert names("sort=score&order=desc")[0] == "Ana"  # the 3/3 second attempt
    assert names("sort=submitted") == ["Ben", "Dee", "Ana", "Eve", "Cai", "Ana"]
    url = f"/instructor/quizzes/{quiz_id}/results?sort=password_hash"
    page = signed_in.get(url).get_data(as_text=True)
    assert "cannot be sorted on" in page
    assert _names_in_order(page) == ["Ben", "Dee", "Ana", "Eve", "Cai", "Ana"]


def test_attempts_are_paged(app, quiz_id, signed_in):
    with app.app_context():
        page = queries.attempt_page(quiz_id, "name", page=2, per_page=4)
    assert (page.total, page.pages, page.page) == (6, 2, 2)
    assert [row.student_name for row in page.rows] == ["Dee", "Eve"]


def test_item_page_shows_numbers_flags_in_words_and_reread_link(quiz_id, signed_in, app):
    page = signed_in.get(f"/instructor/quizzes/{quiz_id}/items").get_data(as_text=True)
    assert "40.8%" in page and "-55.9%" in page and "16.7%" in page
    assert "negative discrimination" in page and "weak discrimination" in page
    assert page.count("<strong>Re-read this question</strong>") == 1
    with app.app_context():
        q2 = db.session.execute(db.select(Question.id).where(Question.prompt == "Q2")).scalar_one()
    # Each question links to its edit form, which comes back to this page.
    back = f"/instructor/quizzes/{quiz_id}/items"
    assert f'href="/instructor/questions/{q2}/edit?next={back}"' in page


def test_answers_to_an_earlier_version_of_a_question_are_shown_as_such(app, signed_in):
    with app.app_context():
        old = _question("Old wording", "sourcing", "generated")
        old.status = "superseded"
        quiz = _quiz("Edited", "EDIT01", [old])
        db.session.add(quiz)
        db.session.add(_attempt(quiz, [old], "Ana", ("A",), START, 3))
        db.session.flush()
        new = _question("New wording", "sourcing", "generated")
        new.previous_id = old.id
        quiz.items[0].question = new
        db.session.add(_attempt(quiz, [new], "Ben", ("B",), START, 4))
        db.session.commit()
        tallies.rebuild(quiz.id)
        quiz_id = quiz.id
        numbers = [(item.number, item.question.prompt, item.numbers.responses)
                   for item in queries.item_analysis(quiz_id).items]
    assert numbers == [("Q1", "New wording", 1), ("Q1 (earlier version)", "Old wording", 1)]
    rows = _csv(signed_in.get(f"/instructor/quizzes/{quiz_id}/responses.csv"))
    assert [(row[1], row[3]) for row in rows[1:]] == [("Ana", "1"), ("Ben", "1")]


def test_student_page_lists_every_attempt_of_one_name(quiz_id, signed_in):
    page = signed_in.get("/instructor/students?name=Ana").get_data(as_text=True)
    assert "Harbour fire" in page and "Another story" in page
    assert page.count("/result\"") == 3
    url = f"/instructor/students?name=Ana&quiz_id={quiz_id}"
    only_one_quiz = signed_in.get(url).get_data(as_text=True)
    assert only_one_quiz.count("/result\"") == 2
    index = signed_in.get("/instructor/students").get_data(as_text=True)
    assert "Cai" in index and "(2 attempts)" in index
    huge = signed_in.get("/instructor/students?name=Ana&quiz_id=100000000000000000000")
    assert huge.status_code == 200 and huge.get_data(as_text=True).count("/result\"") == 3
    nobody = signed_in.get("/instructor/students?name=Zed").get_data(as_text=True)
    assert "No attempts under the name" in nobody


def _csv(response) -> list[list[str]]:
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_attempts_csv(quiz_id, signed_in):
    response = signed_in.get(f"/instructor/quizzes/{quiz_id}/attempts.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == results_csv.ATTEMPT_CSV_COLUMNS
    assert len(rows) == 1 + 7  # every attempt, the unfinished one too
    ana = rows[1]
    assert ana[1:] == ["Ana", "yes", "2026-03-02 09:00:00", "2026-03-02 09:12:00", "720", "2", "3",
                       "yes"]  # the quiz keeps the first grade (made before the setting)
    assert sum(row[2] == "yes" for row in rows[1:]) == 5
    assert [row[2] for row in rows[1:]] == [row[8] for row in rows[1:]]


def test_responses_csv(quiz_id, signed_in):
    rows = _csv(signed_in.get(f"/instructor/quizzes/{quiz_id}/responses.csv"))
    assert rows[0] == results_csv.RESPONSE_CSV_COLUMNS
    assert len(rows) == 1 + 7 * 3
    eve = [row for row in rows if row[1] == "Eve"]
    assert [(row[3], row[5], row[6], row[7], row[8]) for row in eve] == [
        ("1", "sourcing", "", "", "0"),
        ("2", "numbers", "B", "Q2 B", "0"),
        ("3", "sourcing", "C", "Q3 C", "0"),
    ]
    dee_q2 = next(row for row in rows if row[1] == "Dee" and row[3] == "2")
    assert (dee_q2[6], dee_q2[8]) == ("A", "1")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(app, signed_in):
    with app.app_context():
        question = _question("Which?", "sourcing", "manual")
        question.choices[1].text = "=HYPERLINK(\"http://x\")"
        quiz = _quiz("Formulas", "FORM01", [question])
        db.session.add(quiz)
        for offset, name in enumerate(["=1+1", "+x", "-x", "@x", "\tx", "Zoë"]):
            db.session.add(
                _attempt(quiz, [question], name, ("B",), START + timedelta(minutes=offset), 1)
            )
        db.session.commit()
        quiz_id = quiz.id
    attempts = _csv(signed_in.get(f"/instructor/quizzes/{quiz_id}/attempts.csv"))
    assert [row[1] for row in attempts[1:]] == ["'=1+1", "'+x", "'-x", "'@x", "'\tx", "Zoë"]
    responses = _csv(signed_in.get(f"/instructor/quizzes/{quiz_id}/responses.csv"))
    assert {row[7] for row in responses[1:]} == {"'=HYPERLINK(\"http://x\")"}


def test_neutralise_leaves_numbers_and_plain_text_alone():
    assert results_csv.neutralise_row([-3, "Ana", "a=b", "\rx", None]) == [
        -3,
        "Ana",
        "a=b",
        "'\rx",
        None,
    ]


def test_empty_quiz_pages_say_so(app, signed_in):
    with app.app_context():
        quiz = _quiz("Nobody yet", "EMPTY1", [_question("Q", "sourcing", "generated")])
        db.session.add(quiz)
        db.session.commit()
        quiz_id = quiz.id
    def page(name: str) -> str:
        return signed_in.get(f"/instructor/quizzes/{quiz_id}/{name}").get_data(as_text=True)

    assert "No one has submitted this quiz yet" in page("results")
    assert "nothing to analyse" in page("items")
    assert "No one has submitted" in page("skills")
    assert _csv(signed_in.get(f"/instructor/quizzes/{quiz_id}/responses.csv")) == [
        results_csv.RESPONSE_CSV_COLUMNS
    ]
    assert signed_in.get("/instructor/quizzes/9999/results").status_code == 404


REPORTS = [  # address, something only the signed-in page shows
    ("/instructor/quizzes/{id}/results", b"Harbour fire"),
    ("/instructor/quizzes/{id}/items", b"Q2 B"),
    ("/instructor/quizzes/{id}/skills", b"sourcing"),
    ("/instructor/students?name=Ana", b"Another story"),
    ("/instructor/quizzes/{id}/attempts.csv", b"student_name"),
    ("/instructor/quizzes/{id}/responses.csv", b"Q2 B"),
]


@pytest.mark.parametrize("url, content", REPORTS)
def test_reports_need_a_signed_in_instructor(client, quiz_id, url, content):
    response = client.get(url.format(id=quiz_id))
    assert response.status_code in (302, 401)
    assert content not in response.get_data()


@pytest.mark.parametrize("url, content", REPORTS)
def test_reports_open_for_a_signed_in_instructor(signed_in, quiz_id, url, content):
    response = signed_in.get(url.format(id=quiz_id))
    assert response.status_code == 200
    assert content in response.get_data()


def test_dashboard_links_each_quiz_to_its_reports(quiz_id, signed_in):
    page = signed_in.get("/instructor/").get_data(as_text=True)
    for address in (
        f"/instructor/quizzes/{quiz_id}/results",
        f"/instructor/quizzes/{quiz_id}/items",
        f"/instructor/quizzes/{quiz_id}/skills",
        "/instructor/students",
    ):
        assert f'href="{address}"' in page
