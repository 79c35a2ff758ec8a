"""The page a launch that fails its checks gets: a 400 saying which check, in the words of the
LMS administrator or teacher who must mend it, never a trace."""
from __future__ import annotations

from flask import render_template

# pylti1p3's reasons, in the words of the LMS administrator who must mend the registration.
REASONS = {
    "Registration not found.": "No LMS with this issuer and client id is registered in "
                               "quizapp. An admin registers it on the LMS platforms page.",
    "Could not find registration details": "No LMS with this issuer and client id is "
                                           "registered in quizapp. An admin registers it on the "
                                           "LMS platforms page.",
    "Unable to find deployment": "This deployment of the tool is not registered: add its "
                                 "deployment id to the LMS's registration in quizapp.",
    "Unable to find public key": "The launch was signed with a key the LMS's key set does not "
                                 "list.",
    "State not found": "The launch does not follow a login from this browser: open the "
                       "activity again from the course.",
    "Invalid Nonce": "The launch does not follow a login from this browser (or was sent "
                     "twice): open the activity again from the course.",
    "Missing id_token": "The launch carried no signed token.",
    "Must have a user (sub)": "The LMS sent no user with the launch (an anonymous launch): "
                              "quizapp needs to know who takes the quiz. Turn on sharing the "
                              "launcher's identity in the tool's privacy settings.",
}


def refused(reason: str, status: int = 400):
    for known, words in REASONS.items():
        if reason.startswith(known):
            reason = words
            break
    else:
        if "Signature has expired" in reason:
            reason = "The launch's token has expired: open the activity again from the course."
        elif "Signature verification failed" in reason:
            reason = "The launch's signature does not match the LMS's key set."
    return render_template("lti/refused.html", reason=reason), status
