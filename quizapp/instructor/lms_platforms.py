"""The admins' page of LMSs registered for LTI 1.3 (issuer, client id, endpoints, deployment
ids), with the values to give each LMS for quizapp; and the page where any instructor links
the LMS account a deep-linking launch named to their own."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp.extensions import db
from quizapp.instructor.blueprint import bp
from quizapp.instructor.forms import LmsLinkForm, LmsPlatformForm
from quizapp.instructor.ownership import admin_only
from quizapp.lms import people, platforms
from quizapp.models import LmsPlatform


def _tool_values() -> dict[str, str]:
    """What an LMS administrator pastes into the LMS for quizapp."""
    launch = url_for("lti.launch", _external=True)
    return {"Tool URL / target link URI": launch,
            "Initiate login URL (OpenID Connect)": url_for("lti.login", _external=True),
            "Redirection URI(s)": launch,
            "Public keyset URL (JWKS)": url_for("lti.jwks", _external=True),
            "Deep linking (content selection) URL": launch}


def _page(form: LmsPlatformForm | None = None, status: int = 200):
    return render_template("instructor/lms_platforms.html", platforms=platforms.all_platforms(),
                           form=form or LmsPlatformForm(formdata=None),
                           tool_values=_tool_values()), status


def _saved(platform: LmsPlatform | None, form: LmsPlatformForm) -> bool:
    try:
        saved = platforms.save(platform, form.data)
    except platforms.PlatformRefused as refused:
        db.session.rollback()
        form.client_id.errors = [*form.client_id.errors, str(refused)]
        return False
    db.session.commit()
    flash(f"{saved.name} is registered: its teachers can add quizzes to their courses.")
    return True


@bp.route("/lms-platforms", methods=["GET", "POST"])
@admin_only
def lms_platforms():
    if request.method == "GET":
        return _page()
    form = LmsPlatformForm()
    if form.validate() and _saved(None, form):
        return redirect(url_for("instructor.lms_platforms"))
    return _page(form, 422)


@bp.route("/lms-platforms/<int:platform_id>", methods=["GET", "POST"])
@admin_only
def lms_platform(platform_id: int):
    platform = db.get_or_404(LmsPlatform, platform_id)
    form = LmsPlatformForm(obj=platform) if request.method == "GET" else LmsPlatformForm()
    if request.method == "POST" and form.validate() and _saved(platform, form):
        return redirect(url_for("instructor.lms_platforms"))
    page = render_template("instructor/lms_platform.html", platform=platform, form=form)
    return page, 422 if form.errors else 200


@bp.post("/lms-platforms/<int:platform_id>/remove")
@admin_only
def remove_lms_platform(platform_id: int):
    platform = db.get_or_404(LmsPlatform, platform_id)
    name = platform.name
    platforms.remove(platform)
    db.session.commit()
    flash(f"{name} is no longer registered: its launches are refused from now on.")
    return redirect(url_for("instructor.lms_platforms"))


@bp.route("/lms-link", methods=["GET", "POST"])
def lms_link():
    """Link the LMS account a picker named (by its signed code) to the signed-in instructor."""
    form = LmsLinkForm() if request.method == "POST" else LmsLinkForm(
        formdata=None, code=request.args.get("code", "")[:2000])
    if not form.code.data:
        return render_template("instructor/lms_link.html", form=form, platform=None)
    named = people.read_link_code(form.code.data)
    if named is None:
        abort(400, description="This link code is unknown or more than an hour old: open the "
                               "quiz picker in your LMS again for a new one.")
    platform, subject, name = named
    if request.method == "POST" and form.validate():
        people.link(platform, subject, current_user)
        db.session.commit()
        flash(f"Your {platform.name} account is linked: go back to the LMS and press "
              "“I have linked my account”.")
        return redirect(url_for("instructor.dashboard"))
    return render_template("instructor/lms_link.html", form=form, platform=platform,
                           lms_name=name)
