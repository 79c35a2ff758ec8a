"""The instructors' blueprint and its guard: every page of it needs a signed-in instructor, and
one whose workspace holds every object the address names (quizapp.instructor.ownership). The
checks are made once, for the whole blueprint, so a new page cannot forget them."""
from flask import Blueprint, current_app, request
from flask_login import current_user

from quizapp.extensions import login_manager
from quizapp.generators.gate import REVIEW_BELOW
from quizapp.instructor.ownership import check_route

bp = Blueprint("instructor", __name__, url_prefix="/instructor")


@bp.before_request
def require_instructor():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    check_route(current_app.view_functions[request.endpoint], request.view_args, request.method)
    return None


@bp.record_once
def share_review_bar(state):
    # Below this confidence a generated question is marked for a close read. A global, not a
    # context value: the question card is a macro, and imported macros see globals only.
    state.app.jinja_env.globals["review_below"] = REVIEW_BELOW
