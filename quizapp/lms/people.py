"""Who an LTI launch is: a teacher, through the quizapp account they linked to their LMS
account (by signing in once); a student, by the LMS's id for them (their student key at a quiz)
and the name the LMS gives."""
from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from quizapp.extensions import db
from quizapp.models import Instructor, LmsAccount, LmsPlatform

# A link code is shown in the LMS's frame and used in another tab within the hour.
LINK_CODE_SECONDS = 60 * 60
STUDENT_KEY_PREFIX = "lti:"
ROLE_INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="quizapp-lms-link")


def link_code(platform: LmsPlatform, subject: str, name: str) -> str:
    """A signed, hour-long code naming the LMS account, for its owner to link while signed in."""
    return _serializer().dumps([platform.id, subject, name])


def read_link_code(code: str) -> tuple[LmsPlatform, str, str] | None:
    """The platform, LMS user id and name a link code names, or None if it is forged, expired
    or names a platform removed since."""
    try:
        platform_id, subject, name = _serializer().loads(code, max_age=LINK_CODE_SECONDS)
    except (BadSignature, ValueError, TypeError):
        return None
    platform = db.session.get(LmsPlatform, platform_id)
    return None if platform is None else (platform, subject, name)


def link(platform: LmsPlatform, subject: str, instructor: Instructor) -> None:
    """The LMS account is this instructor's from now on (a link made before is moved); the
    caller commits."""
    row = db.session.execute(db.select(LmsAccount).where(
        LmsAccount.platform_id == platform.id, LmsAccount.subject == subject)
    ).scalar_one_or_none()
    if row is None:
        row = LmsAccount(platform_id=platform.id, subject=subject)
        db.session.add(row)
    row.instructor_id = instructor.id


def linked_instructor(platform: LmsPlatform, subject: str) -> Instructor | None:
    return db.session.execute(db.select(Instructor).join(LmsAccount).where(
        LmsAccount.platform_id == platform.id, LmsAccount.subject == subject)
    ).scalar_one_or_none()


def student_key(platform: LmsPlatform, subject: str) -> str:
    """The student's key at every quiz launched from this LMS: one per LMS user, so their
    attempts count against the quiz's limit wherever they launch it from."""
    digest = hashlib.sha256(f"{platform.id}:{subject}".encode()).hexdigest()
    return STUDENT_KEY_PREFIX + digest[:56]


def display_name(claims: dict) -> str:
    """The name the LMS gives: its full name, or given and family names, or its user name."""
    name = claims.get("name") or " ".join(
        part for part in (claims.get("given_name"), claims.get("family_name")) if part)
    name = " ".join(str(name or claims.get("preferred_username") or "").split())
    return name[:80] or "LMS student"
