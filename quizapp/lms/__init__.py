"""quizapp as an LTI 1.3 tool inside an LMS (Moodle, Canvas…): the platforms an admin
registered, the tool's key pair, what launches remember, teachers' linked LMS accounts and the
grades sent back. The pages are quizapp.lti's; the protocol itself is pylti1p3's."""
