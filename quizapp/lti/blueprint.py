"""The LTI blueprint, on its own so that its pages import it without importing the package."""
from flask import Blueprint

from quizapp.lti import frames

bp = Blueprint("lti", __name__, url_prefix="/lti")


@bp.record_once
def install_frames(state) -> None:
    frames.init_app(state.app)
