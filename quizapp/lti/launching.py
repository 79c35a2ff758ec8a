"""LTI 1.3 login and launch, checked by pylti1p3 against the registered platforms: the LMS's
login request is answered with the redirect to its authorisation page, and the launch it posts
back (a signed id_token) opens the teacher's picker or the student's quiz. Both come from the
LMS's site, so they carry no CSRF token (exempted here, and only here): the signed token is
what proves them. A launch that fails a check gets a 400 page saying which, never a trace."""
from __future__ import annotations

import secrets

from flask import jsonify, redirect, render_template, url_for
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskOIDCLogin, FlaskRequest
from pylti1p3.exception import LtiException, OIDCException

from quizapp import attempts
from quizapp.extensions import csrf, db
from quizapp.lms import grades, people, platforms, tool_keys
from quizapp.lms.launch_storage import DatabaseLaunchStorage
from quizapp.lms.tool_config import DatabaseToolConf, TimedSession, find_platform
from quizapp.lti import deep_linking, frames
from quizapp.lti.blueprint import bp
from quizapp.lti.refusals import refused
from quizapp.models import Attempt, Quiz

CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
PRESENTATION = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation"
DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"

@bp.route("/login", methods=["GET", "POST"])
@csrf.exempt
def login():
    """The LMS's third-party login: on to its authorisation page, which posts the launch."""
    oidc = FlaskOIDCLogin(FlaskRequest(), DatabaseToolConf(),
                          launch_data_storage=DatabaseLaunchStorage())
    try:
        # One redirect URI for every launch, the one the LMS's registration lists; the course
        # link's own address (target_link_uri) is the same, or carries only the quiz's code.
        response = oidc.redirect(url_for("lti.launch", _external=True))
    except (LtiException, OIDCException) as error:
        db.session.rollback()
        return refused(str(error))
    db.session.commit()
    return response


@bp.post("/launch")
@csrf.exempt
def launch():
    message = FlaskMessageLaunch(FlaskRequest(), DatabaseToolConf(),
                                 requests_session=TimedSession(),
                                 launch_data_storage=DatabaseLaunchStorage())
    try:
        claims = message.get_launch_data()
    except LtiException as error:
        db.session.rollback()
        return refused(str(error))
    platform = find_platform(claims["iss"], message.get_client_id())
    frames.allow(platforms.origins_of(
        platform, (claims.get(PRESENTATION) or {}).get("return_url", ""),
        (claims.get(DEEP_LINKING) or {}).get("deep_link_return_url", "")))
    if message.is_deep_link_launch():
        page = deep_linking.picker(message, platform, claims)
    elif message.is_resource_launch():
        page = _student_launch(platform, claims)
    else:
        page = refused("quizapp answers course links and deep linking only; the LMS sent "
                       "another kind of message.")
    db.session.commit()
    return page


def _student_launch(platform, claims: dict):
    """The quiz the course's link names, opened as the LMS's user: their unfinished attempt,
    else their last result, else a new attempt under the LMS's name, whose grade goes back."""
    code = str((claims.get(CUSTOM) or {}).get("quiz", "")).strip().upper()
    quiz = db.session.execute(
        db.select(Quiz).where(Quiz.join_code == code)).scalar_one_or_none() if code else None
    if quiz is None:
        return refused("This course link names no quiz in quizapp (its custom parameter "
                       "quiz=CODE is missing or names a quiz removed since). Ask your teacher "
                       "to choose the quiz again.")
    key = people.student_key(platform, claims["sub"])
    made = list(db.session.execute(
        db.select(Attempt).where(Attempt.quiz_id == quiz.id, Attempt.student_key == key)
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())).scalars())
    unfinished = next((attempt for attempt in made if attempt.submitted_at is None), None)
    if unfinished is not None:
        return redirect(url_for("quiz.attempt", token=unfinished.token))
    if made:
        return redirect(url_for("quiz.result", token=made[0].token))
    if not quiz.open_for_answers:
        return render_template("quiz/closed.html", quiz=quiz,
                               why=f"The quiz “{quiz.title}” is not open."), 403
    attempt = attempts.start_attempt(quiz, people.display_name(claims),
                                     secrets.token_urlsafe(24), student_key=key)
    grades.start_return(attempt, platform, claims["sub"], claims.get(AGS))
    return redirect(url_for("quiz.attempt", token=attempt.token))


@bp.get("/jwks")
def jwks():
    """The tool's public keys, which the LMSs check our deep links and grade requests with."""
    return jsonify(tool_keys.key_set())
