"""A question's markup on its page, rendered once per quiz version and choice order (kept in the
quiz's snapshot, per process) and filled in per request with the attempt's values: the page
then costs no form, field or macro for the question itself.

The question is rendered by the page's own macro (quiz/_parts.html), through the same WTForms
fields, with a mark where each choice's value and the question's number go, once with nothing
picked and once per thing that can be picked (a choice ticked; a choice chosen in one menu).
What a pick adds to the markup (`checked`, `selected`, a class) is kept with where it goes; a
page inserts the picks of its attempt's answer and puts the attempt's values in place of the
marks. A combination of picks is checked against a real rendering when the markup is made;
a question whose markup does not come out the same is rendered in full on every page instead.
Only the unpicked, unchecked and unreviewed state is made this way: a page with errors, a
checked answer or its key shown is rendered in full."""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from flask import current_app, get_template_attribute
from markupsafe import Markup, escape

from quizapp.attempts import Answer, Slot
from quizapp.quiz.forms import question_form

# Random per process, so no prompt, choice or article can hold one.
MARK = secrets.token_hex(8)
NUMBER = f"{MARK}n_"
_MARKED = re.compile(re.escape(MARK) + r"(?:n|\d+)_")
# A menu's answer that matches none of its options: nothing selected in it.
_NOTHING = f"{MARK}none"
# Markups kept per quiz version; past it that version's are made afresh (orders of ordering
# questions differ per attempt).
KEPT = 5000


def _mark(choice_id: int) -> str:
    return f"{MARK}{choice_id}_"


@dataclass(frozen=True)
class QuestionMarkup:
    unpicked: str  # the question with nothing picked, marks where the attempt's values go
    picks: dict  # a pick -> ((position in `unpicked`, text it inserts there), ...)

    def picked(self, picks) -> str:
        """The markup with these picks inserted, marks left in."""
        parts, at = [], 0
        for position, text in sorted(inserted for pick in picks for inserted in self.picks[pick]):
            parts += [self.unpicked[at:position], text]
            at = position
        return "".join(parts) + self.unpicked[at:]

    def filled(self, slot: Slot, picks) -> Markup:
        values = {_mark(choice_id): str(escape(value)) for choice_id, value in slot.values.items()}
        values[NUMBER] = str(slot.number)
        # The parts are the macro's escaped output, and the values are escaped here.
        return Markup(_MARKED.sub(lambda found: values[found.group()], self.picked(picks)))


def question_markup(quiz, slot: Slot, order, given: Answer) -> Markup | None:
    """The question of this slot as its page shows it with `given` saved (no errors, no key),
    or None where it must be rendered in full."""
    question = slot.question
    key = (question.id, tuple(choice.id for choice in slot.choices),
           tuple(choice.id for choice in order) if order is not None else None)
    kept = quiz.fragments.setdefault("questions", {})
    if key not in kept:
        if len(kept) >= KEPT:
            kept.clear()
        kept[key] = _made(slot, order)
    made = kept[key]
    return made.filled(slot, _picks(slot, given)) if made is not None else None


def _picks(slot: Slot, given: Answer) -> list:
    """The picks of a saved answer, as `_made` names them."""
    question = slot.question
    if question.type == "matching":
        offered = {choice.id for choice in slot.choices}
        pairs = dict(given.pairs)
        return [(item.position, pairs.get(item.id) if pairs.get(item.id) in offered else None)
                for item in question.items]
    if question.type == "ordering":
        return []  # the order itself is the answer, and the markup is made per order
    chosen = [choice.id for choice in slot.choices if choice.id in given.chosen]
    return chosen[:1] if question.type == "single" else chosen


def _made(slot: Slot, order) -> QuestionMarkup | None:
    question = slot.question
    marked = Slot(NUMBER, question, list(slot.choices),
                  {choice.id: _mark(choice.id) for choice in question.choices})

    def rendered(data: dict) -> str:
        form = question_form(marked, order, formdata=None, data=data, meta={"csrf": False})
        macro = get_template_attribute("quiz/_parts.html", "question_fieldset")
        return str(macro(form.parts("answer"), marked, None, False))

    choice_ids = [choice.id for choice in slot.choices]
    if question.type == "ordering":
        return QuestionMarkup(rendered({f"answer-{_mark(choice.id)}": str(place)
                                        for place, choice in enumerate(order, start=1)}), {})
    if question.type == "matching":
        nothing = {f"answer-{item.position}": _NOTHING for item in question.items}
        picks = {(item.position, choice_id):
                 {**nothing, f"answer-{item.position}": _mark(choice_id) if choice_id else ""}
                 for item in question.items for choice_id in [None, *choice_ids]}
        # Every menu set at once, each to another choice where there are enough.
        together = [(item.position, choice_ids[n % len(choice_ids)] if choice_ids else None)
                    for n, item in enumerate(question.items)]
    else:
        several = question.type != "single"
        nothing = {"answer": [] if several else None}
        picks = {choice_id: {"answer": [_mark(choice_id)] if several else _mark(choice_id)}
                 for choice_id in choice_ids}
        together = choice_ids if several else choice_ids[:1]
    made = _differences(rendered(nothing), {pick: rendered(data) for pick, data in picks.items()})
    if made is None:
        return None
    if question.type == "matching":
        all_data = {**nothing, **{f"answer-{position}": _mark(choice_id) if choice_id else ""
                                  for position, choice_id in together}}
    elif question.type == "single":
        all_data = {"answer": _mark(together[0]) if together else None}
    else:
        all_data = {"answer": [_mark(choice_id) for choice_id in together]}
    if made.picked(together) != rendered(all_data):
        current_app.logger.warning("question %s: its markup is rendered in full", question.id)
        return None
    return made


def _differences(unpicked: str, picked: dict) -> QuestionMarkup | None:
    picks = {}
    for pick, markup in picked.items():
        inserted = _insertions(unpicked, markup)
        if inserted is None:
            return None
        picks[pick] = tuple(inserted)
    return QuestionMarkup(unpicked, picks)


def _insertions(before: str, after: str, reach: int = 64) -> list | None:
    """`after` as `before` with text inserted: [(position in `before`, text)], or None if
    `after` is not that (a pick only ever adds an attribute or a class). At each difference the
    inserted text is the one after which the two agree longest (two picks' insertions may be a
    few characters apart: a class, then an attribute)."""
    found, i, j = [], 0, 0
    while i < len(before):
        step = 256  # skip long runs that are the same; the loop below finds the place
        while i + step <= len(before) and before[i:i + step] == after[j:j + step]:
            i, j = i + step, j + step
        while i < len(before) and j < len(after) and before[i] == after[j]:
            i, j = i + 1, j + 1
        if i == len(before):
            break
        agreeing = {k: _agreement(before, i, after, j + k, reach) for k in range(1, reach + 1)}
        length = max(agreeing, key=lambda k: (agreeing[k], -k))
        if agreeing[length] == 0:
            return None
        found.append((i, after[j:j + length]))
        j += length
    if j < len(after):
        found.append((len(before), after[j:]))
    return found


def _agreement(before: str, i: int, after: str, j: int, reach: int) -> int:
    """How many characters from `before[i]` and `after[j]` on are the same (up to `reach`)."""
    count = 0
    while count < reach and i + count < len(before) and j + count < len(after) \
            and before[i + count] == after[j + count]:
        count += 1
    return count
