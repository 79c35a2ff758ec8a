"""The review queue at speed: the questions of the stories an instructor may edit, filtered by
kind, skill, status and confidence; approve, reject and a quick edit of the wording in place
(with JavaScript by fetch, which gets JSON back; without, the page comes back at the same
card, by its anchor); "approve all" for the drafts shown. Keyboard shortcuts live in
static/instructor.js."""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import question_status, question_versions, workspaces
from quizapp.extensions import db
from quizapp.generators import registry
from quizapp.generators.gate import REVIEW_BELOW
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import QuickEditForm
from quizapp.models import Question, QuestionStatus, Story
from quizapp.routing import database_id, safe_next
from quizapp.workspaces import Access

ANY = ""
STATUSES = {"draft": "drafts", "approved": "approved", "rejected": "rejected", "all": "any"}
CONFIDENCES = {"low": f"below {REVIEW_BELOW:.0%}: read closely",
               "high": f"{REVIEW_BELOW:.0%} or more", "unscored": "not scored (hand-written)"}


# The filters' menus: (name, label, [(value, words)]).
FILTER_OPTIONS = [
    ("status", "Status", list(STATUSES.items())),
    ("kind", "Kind", [(k, k.replace("_", " ")) for k in [*sorted(registry.KIND_NAMES), "manual"]]),
    ("skill", "Skill", [(s, s) for s in sorted(registry.SKILL_NAMES)]),
    ("confidence", "Confidence", list(CONFIDENCES.items())),
]


@dataclass(frozen=True)
class Filters:
    kind: str = ANY
    skill: str = ANY
    status: str = "draft"
    confidence: str = ANY
    ignored: tuple[str, ...] = ()  # filters whose value was not one offered

    @classmethod
    def from_args(cls, args) -> Filters:
        offered = {"kind": set(registry.KIND_NAMES) | {"manual"}, "skill": registry.SKILL_NAMES,
                   "status": set(STATUSES), "confidence": set(CONFIDENCES)}
        values, ignored = {}, []
        for name, allowed in offered.items():
            value = args.get(name, ANY).strip()
            if value and value not in allowed:
                ignored.append(name)
                continue
            if value:
                values[name] = value
        return cls(**values, ignored=tuple(ignored))

    def where(self, query):
        if self.status != "all":
            query = query.where(Question.status == self.status)
        else:
            query = query.where(Question.status != QuestionStatus.SUPERSEDED)
        if self.kind:
            query = query.where(Question.kind == self.kind)
        if self.skill:
            query = query.where(Question.skill == self.skill)
        return query.where(*self._confidence())

    def _confidence(self) -> list:
        return {"low": [Question.confidence < REVIEW_BELOW],
                "high": [Question.confidence >= REVIEW_BELOW],
                "unscored": [Question.confidence.is_(None)]}.get(self.confidence, [])

    def shows(self, question: Question) -> bool:
        """Whether a question (just approved or rejected) still belongs in the list shown."""
        return self.status in ("all", question.status)

    def args(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ("kind", "skill", "status", "confidence")
                if getattr(self, name)}


def _story_filter() -> Story | None:
    story_id = request.args.get("story", type=database_id)
    if story_id is None:
        return None
    story = db.session.get(Story, story_id)
    if workspaces.story_access(story, current_user) < Access.EDIT:
        abort(404)
    return story


@bp.get("/review")
def review():
    story = _story_filter()
    filters = Filters.from_args(request.args)
    # The questions of the stories this instructor may edit, and no one else's.
    query = filters.where(db.select(Question).join(Story, Story.id == Question.story_id).where(
        workspaces.visible_stories(current_user, Access.EDIT)))
    if story is not None:
        query = query.where(Question.story_id == story.id)
    shown = db.session.execute(query.order_by(Question.story_id, Question.id)).scalars().all()
    return render_template(
        "instructor/review.html", shown=shown, story=story, filters=filters,
        drafts=[q for q in shown if q.status == QuestionStatus.DRAFT],
        filter_options=FILTER_OPTIONS, quick_form=QuickEditForm(formdata=None))


def wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def answer(question: Question, message: str, status: int = 200):
    """JSON for the page's script; otherwise the page again, at the card's anchor."""
    if wants_json():
        return jsonify(ok=status == 200, message=message, status=question.status,
                       prompt=question.prompt, explanation=question.explanation,
                       id=question.id), status
    flash(message, "error" if status != 200 else "message")
    back = safe_next(request.values.get("next")) or url_for("instructor.review")
    anchor = request.form.get("anchor", "")
    if anchor.startswith("q-") and anchor[2:].isdigit():
        back = back.split("#")[0] + "#" + anchor
    return redirect(back)


def _status_change(question_id: int, change, done: str):
    question = db.get_or_404(Question, question_id)
    try:
        change(question)
    except question_status.StatusError as refused:
        db.session.rollback()
        if not wants_json() and not request.form.get("anchor"):
            abort(409, description=str(refused))
        return answer(question, str(refused), 409)
    db.session.commit()
    return answer(question, done)


@bp.post("/questions/<int:question_id>/approve")
def approve_question(question_id: int):
    return _status_change(question_id, question_status.approve,
                          "Question approved: it can now go into quizzes.")


@bp.post("/questions/<int:question_id>/reject")
def reject_question(question_id: int):
    return _status_change(question_id, question_status.reject,
                          "Question rejected: it will not go into quizzes.")


@bp.post("/questions/<int:question_id>/quick-edit")
def quick_edit(question_id: int):
    """The wording only (prompt and explanation), from the card: the choices stay, so the
    question changes in place for everyone (question_versions)."""
    question = db.get_or_404(Question, question_id)
    form = QuickEditForm()
    if not form.validate():
        message = " ".join(error for field in (form.prompt, form.explanation)
                           for error in field.errors) or "The edit was not saved."
        return answer(question, message, 422)
    content = question_versions.content_of(question)
    content.prompt, content.explanation = form.prompt.data, form.explanation.data
    try:
        saved = question_versions.edit_question(question, content)
    except question_status.StatusError as refused:
        db.session.rollback()
        return answer(question, str(refused), 409)
    db.session.commit()
    return answer(saved, "Question saved.")


@bp.post("/review/approve-all")
def approve_all():
    ids = [int(i) for i in request.form.getlist("question") if i.isdigit() and len(i) < 19]
    # Only the drafts of stories this instructor may edit: another's ids are passed over.
    ids = list(db.session.execute(
        db.select(Question.id).join(Story, Story.id == Question.story_id)
        .where(Question.id.in_(ids), workspaces.visible_stories(current_user, Access.EDIT)))
        .scalars())
    approved, waiting = question_status.approve_drafts(ids)
    db.session.commit()
    flash(f"{approved} question{'s' if approved != 1 else ''} approved."
          + (f" {waiting} still need{'s' if waiting == 1 else ''} evidence before approval."
             if waiting else ""))
    return redirect(safe_next(request.form.get("next")) or url_for("instructor.review"))
