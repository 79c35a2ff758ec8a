"""The LMS's side: LTI 1.3 login and launch (pylti1p3), the teacher's deep-linking picker, a
student's launch into a quiz, and the tool's public key set. The launches are public by design:
the LMS's signed token, not a session, says who is there."""
# The pages attach themselves to bp.
from quizapp.lti import deep_linking, launching  # noqa: F401
from quizapp.lti.blueprint import bp

__all__ = ["bp"]
