"""The instructors' side: stories, the question bank and review queue, quizzes, and results.

Every page of this blueprint needs a signed-in instructor: the check is made once, for the
whole blueprint, so a new page cannot forget it.
"""
from flask import Blueprint
from flask_login import current_user

from quizapp.extensions import login_manager

bp = Blueprint("instructor", __name__, url_prefix="/instructor")


@bp.before_request
def require_instructor():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


from quizapp.instructor import routes  # noqa: E402,F401  (routes attach themselves to bp)
from quizapp.instructor import questions, quizzes, stories  # noqa: E402,F401
from quizapp.instructor import reports  # noqa: E402,F401
