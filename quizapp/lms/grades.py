"""Scores going back to the LMS's gradebook through Assignment and Grade Services: sent when an
attempt started from an LMS is submitted, and again (on the next view of its result, or by
`flask lti-send-grades`) while the LMS cannot be reached. Each attempt's status is kept, so the
student and the teacher see whether the grade arrived."""
from __future__ import annotations

import json
from datetime import UTC

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from quizapp.extensions import db
from quizapp.lms.tool_config import TimedSession, registration_for
from quizapp.models import (
    GRADE_RETRYING,
    GRADE_SENT,
    GRADE_WAITING,
    Attempt,
    GradeReturn,
    LmsPlatform,
    now,
)

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
STATUS_WORDS = {
    GRADE_WAITING: "Your grade goes to your course's gradebook when you submit.",
    GRADE_SENT: "Grade sent to your course's gradebook.",
    GRADE_RETRYING: "The LMS could not be reached: your grade is kept and will be sent again.",
}


def start_return(attempt: Attempt, platform: LmsPlatform, lms_user: str,
                 service: dict | None) -> GradeReturn | None:
    """The attempt's grade will go back to the LMS, when the launch allowed scores to be posted
    to a gradebook column; the caller commits."""
    if not service or SCORE_SCOPE not in service.get("scope", []) or not service.get("lineitem"):
        return None
    row = GradeReturn(attempt=attempt, platform=platform, lms_user=lms_user,
                      service=json.dumps(service), status=GRADE_WAITING, tries=0, last_error="")
    db.session.add(row)
    return row


def return_of(attempt_id: int) -> GradeReturn | None:
    return db.session.execute(db.select(GradeReturn).where(
        GradeReturn.attempt_id == attempt_id)).scalar_one_or_none()


def _grade(row: GradeReturn) -> Grade:
    attempt = row.attempt
    return (Grade().set_score_given(float(attempt.score or 0))
            .set_score_maximum(float(attempt.max_score))
            .set_timestamp(attempt.submitted_at.replace(tzinfo=UTC).isoformat())
            .set_activity_progress("Completed").set_grading_progress("FullyGraded")
            .set_user_id(row.lms_user))


def send(row: GradeReturn) -> bool:
    """Post the submitted attempt's score (score given / maximum) to the LMS; True once it has
    arrived. A failure is recorded, never raised: the student's submission stands, and the
    grade waits for the next try. The caller commits."""
    if row.status == GRADE_SENT:
        return True
    if row.attempt.submitted_at is None:
        return False
    connector = ServiceConnector(registration_for(row.platform), requests_session=TimedSession())
    service = AssignmentsGradesService(connector, json.loads(row.service))
    row.tries += 1
    try:
        service.put_grade(_grade(row))
    except (requests.RequestException, LtiException) as error:
        row.status = GRADE_RETRYING
        row.last_error = str(error)[:1000]
        return False
    row.status, row.sent_at, row.last_error = GRADE_SENT, now(), ""
    return True


def send_for(attempt: Attempt) -> GradeReturn | None:
    """Send the attempt's grade if it came from an LMS and has not arrived yet; its row, or None
    for an attempt no LMS waits for. The caller commits."""
    row = return_of(attempt.id)
    if row is not None and row.status != GRADE_SENT:
        send(row)
    return row


def send_due() -> tuple[int, int]:
    """Send every submitted attempt's grade that has not arrived: (sent, still failing). Each
    is committed as it goes, so one LMS that is down delays none of the others' records."""
    due = list(db.session.execute(
        db.select(GradeReturn).join(Attempt)
        .where(GradeReturn.status != GRADE_SENT, Attempt.submitted_at.is_not(None))
        .order_by(GradeReturn.id)).scalars())
    sent = 0
    for row in due:
        sent += send(row)
        db.session.commit()
    return sent, len(due) - sent
