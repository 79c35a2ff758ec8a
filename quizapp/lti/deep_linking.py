"""The teacher's deep-linking picker: launched from the LMS's "add an activity", a teacher
whose LMS account is linked to their quizapp account sees their quizzes and picks one; the
picked quiz goes back to the LMS as a signed deep-link response naming it (custom parameter
quiz=CODE), with a gradebook column of the quiz's marks. An LMS account not linked yet gets a
link to sign in and link it once, in a tab of its own."""
from __future__ import annotations

from flask import render_template, session, url_for
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskRequest
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException
from pylti1p3.lineitem import LineItem

from quizapp import headers, workspaces
from quizapp.extensions import db
from quizapp.lms import people, platforms
from quizapp.lms.launch_storage import DatabaseLaunchStorage
from quizapp.lms.tool_config import DatabaseToolConf, TimedSession, find_platform
from quizapp.lti import frames
from quizapp.lti.blueprint import bp
from quizapp.lti.forms import PickQuizForm
from quizapp.lti.refusals import refused
from quizapp.models import LmsPlatform, Quiz

DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
NOT_YOURS = "Choose one of the quizzes listed: that one is not in your workspace."


def picker(message: FlaskMessageLaunch, platform: LmsPlatform, claims: dict,
           form: PickQuizForm | None = None, status: int = 200):
    """The picker of the launching teacher's quizzes, or the page that links their account."""
    form = form or PickQuizForm(formdata=None, launch=message.get_launch_id())
    teacher = people.linked_instructor(platform, claims["sub"])
    if teacher is None:
        code = people.link_code(platform, claims["sub"], people.display_name(claims))
        return render_template(
            "lti/link_account.html", form=form, platform=platform,
            link_url=url_for("instructor.lms_link", code=code, _external=True)), status
    quizzes = db.session.execute(
        db.select(Quiz).where(workspaces.visible_quizzes(teacher))
        .order_by(Quiz.published.desc(), Quiz.created_at.desc(), Quiz.id.desc())).scalars()
    return render_template("lti/picker.html", form=form, teacher=teacher, quizzes=list(quizzes),
                           platform=platform), status


def _resource(quiz: Quiz) -> DeepLinkResource:
    return (DeepLinkResource().set_url(url_for("lti.launch", _external=True))
            .set_title(quiz.title).set_custom_params({"quiz": quiz.join_code})
            .set_lineitem(LineItem().set_label(quiz.title)
                          .set_score_maximum(max(len(quiz.items), 1))
                          .set_resource_id(quiz.join_code)))


@bp.post("/deep-link")
def choose():
    """A quiz picked (or "I have linked my account", with none): back to the LMS with it."""
    form = PickQuizForm()
    if not form.validate():
        return refused("The picker's form was incomplete: open it again from the LMS.", 422)
    try:
        message = FlaskMessageLaunch.from_cache(
            form.launch.data, FlaskRequest(), DatabaseToolConf(),
            launch_data_storage=DatabaseLaunchStorage(), requests_session=TimedSession())
    except LtiException:
        return refused("This picker's launch has expired or is unknown: open it again from "
                       "the LMS.")
    claims = message.get_launch_data()
    platform = find_platform(claims["iss"], message.get_client_id())
    if not message.is_deep_link_launch() or platform is None:
        return refused("This launch was not the LMS's deep linking.")
    return_url = claims[DEEP_LINKING]["deep_link_return_url"]
    headers.allow_framing(session.get(frames.FRAMED_BY) or
                          platforms.origins_of(platform, return_url))
    teacher = people.linked_instructor(platform, claims["sub"])
    if form.quiz.data is None or teacher is None:
        return picker(message, platform, claims, form)
    quiz = db.session.get(Quiz, form.quiz.data)
    if workspaces.quiz_access(quiz, teacher) < workspaces.Access.VIEW:
        form.quiz.errors = [NOT_YOURS]
        return picker(message, platform, claims, form, 422)
    token = message.get_deep_link().get_response_jwt([_resource(quiz)])
    headers.allow_form_posts_to([platforms.origin(return_url)])
    return render_template("lti/deep_link_return.html", quiz=quiz, return_url=return_url,
                           token=token)
