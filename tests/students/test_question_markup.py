"""A question page's markup is made once per quiz version and choice order and filled in with the
attempt's values: what it shows must be exactly what the page's macro renders through the
question's WTForms fields, for every type, answer, choice order and place in the quiz."""
from __future__ import annotations

import itertools
import re

import pytest
from flask import get_template_attribute

from quizapp import attempt_rows, attempts
from quizapp.attempts import Answer
from quizapp.extensions import db
from quizapp.models import Question
from quizapp.quiz.access import attempt_view_or_404
from quizapp.quiz.forms import answer_data, question_form
from quizapp.quiz.question_markup import MARK, question_markup
from tests.item_types import make_mixed_quiz
from tests.students.support import start


def _answers(slot) -> list[Answer]:
    """Answers a student may save to this question: nothing, and a spread of picks."""
    question, ids = slot.question, [choice.id for choice in slot.choices]
    if question.type == "matching":
        items = [item.id for item in question.items]
        return [Answer()] + [Answer(pairs=tuple(sorted(zip(items, picked, strict=False))))
                             for picked in itertools.permutations(ids, len(items))] + [
                   Answer(pairs=((items[0], ids[0]),)), Answer(pairs=((items[-1], ids[-1]),))]
    if question.type == "ordering":
        return [Answer()] + [Answer(order=order) for order in itertools.permutations(ids)]
    return [Answer()] + [Answer(chosen=frozenset(picked)) for size in range(1, len(ids) + 1)
                         for picked in itertools.combinations(ids, size)]


def _rendered(slot, order, given: Answer) -> str:
    """The question as the page rendered it before (and still does when the key is shown)."""
    form = question_form(slot, order, formdata=None, data=answer_data(slot, "answer", given))
    macro = get_template_attribute("quiz/_parts.html", "question_fieldset")
    return str(macro(form.parts("answer"), slot, None, False))


@pytest.mark.parametrize("shuffled", [False, True])
def test_the_markup_made_once_is_what_the_macro_renders_for_every_answer(app, client, shuffled):
    code = make_mixed_quiz(app, shuffle_choices=shuffled, shuffle_questions=shuffled)
    tokens = [start(client, code, name) for name in ("Ada", "Ben", "Cy")]
    checked = 0
    for token in tokens:
        with app.test_request_context():
            view = attempt_view_or_404(token)
            for slot in attempt_rows.slots(view, set()):
                for given in _answers(slot):
                    order = (attempts.shown_order(slot, given)
                             if slot.question.type == "ordering" else None)
                    made = question_markup(view.quiz, slot, order, given)
                    assert made is not None, slot.question.type  # none fell back to the macro
                    assert str(made) == _rendered(slot, order, given)
                    assert MARK not in made
                    checked += 1
    assert checked > 100


def test_a_question_page_shows_the_made_markup_with_the_saved_answer(app, client):
    code = make_mixed_quiz(app)
    token = start(client, code)
    with app.app_context():
        multiple = db.session.execute(db.select(Question).where(
            Question.type == "multiple")).scalar_one()
        first, second = multiple.choices[0].id, multiple.choices[1].id
    with app.test_request_context():
        view = attempt_view_or_404(token)
        slot = next(s for s in attempt_rows.slots(view, set()) if s.question.id == multiple.id)
        values = [slot.values[first], slot.values[second]]
    page = client.get(f"/attempt/{token}/q/{slot.number}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    saved = client.post(f"/attempt/{token}/q/{slot.number}",
                        data={"csrf_token": csrf, "answer": values, "go": "back"})
    assert saved.status_code == 302
    page = client.get(f"/attempt/{token}/q/{slot.number}").get_data(as_text=True)
    with app.test_request_context():
        expected = _rendered(slot, None, Answer(chosen=frozenset({first, second})))
    assert expected in page
    assert re.findall(r"<input checked[^>]*>", page) == re.findall(r"<input checked[^>]*>",
                                                                     expected)
    assert len(re.findall(r"<input checked", page)) == 2
