"""Questions in the files other tools read and write: QTI 3.0 and 2.1 packages, Moodle XML and
GIFT. Pure: plain data in (interchange.model), bytes out, and bytes in, plain data out; no Flask,
no database. quizapp.exports.question_bank reads the rows into this plain data and
quizapp.question_import stores what the readers return."""
