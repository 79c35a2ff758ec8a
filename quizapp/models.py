"""The tables, in the classroom's words: stories of articles, questions with their choices and
evidence, quizzes, and the attempts and responses of students."""
from __future__ import annotations

import enum
import hashlib
import secrets
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    CheckConstraint,
    Column,
    Enum,
    Float,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    text,
)
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from quizapp.extensions import db


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Story(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=now)
    # The instructor whose workspace holds it (quizapp.workspaces); None only for what was
    # loaded before any admin existed, which the first admin adopts.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("instructor.id"), index=True)

    articles: Mapped[list[Article]] = relationship(
        back_populates="story", order_by="Article.position", cascade="all, delete-orphan"
    )
    questions: Mapped[list[Question]] = relationship(back_populates="story")
    owner: Mapped[Instructor | None] = relationship()


class Article(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id"), index=True)
    key: Mapped[str] = mapped_column(String(200))  # the file stem; the generators' article id
    position: Mapped[int]
    outlet: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    date: Mapped[str] = mapped_column(String(40), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    # Known to be the whole article (True), an excerpt (False), or not known (None): only a
    # whole article may be said to leave something out.
    whole: Mapped[bool | None]

    story: Mapped[Story] = relationship(back_populates="articles")

    __table_args__ = (UniqueConstraint("story_id", "key"),)

    @property
    def outlet_or_unknown(self) -> str:
        return self.outlet or "Unknown outlet"


class QuestionStatus(enum.StrEnum):
    """Where a question stands in the bank; the rules that move it live in question_status.py."""

    DRAFT = "draft"            # written, waiting for an instructor's review
    APPROVED = "approved"      # may go into quizzes
    REJECTED = "rejected"      # kept out of quizzes (kept for attempts that answered it)
    SUPERSEDED = "superseded"  # an edit copied it to a new version; kept for its attempts


class Question(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    skill: Mapped[str] = mapped_column(String(60), index=True)
    prompt: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20), default="generated")  # or "manual"
    generator_id: Mapped[str | None] = mapped_column(String(80))  # the generators' stable id
    # Stored as its plain value in a VARCHAR(20), as before the enum: no schema change.
    status: Mapped[QuestionStatus] = mapped_column(
        Enum(QuestionStatus, native_enum=False, create_constraint=False, length=20,
             values_callable=lambda members: [member.value for member in members]),
        default=QuestionStatus.DRAFT, index=True)
    # How sure the generators were of it (0-1; None for a hand-written or older question) and
    # why it is less than sure, one reason a line: the review queue shows both.
    confidence: Mapped[float | None] = mapped_column(Float)
    review_reasons: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The version this one was copied from: an edit after attempts used a question copies it,
    # so those attempts keep the wording and key they were graded on.
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("question.id"))
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime | None]
    # One of quizapp.generators.model.QUESTION_TYPES; what its choices mean is written there.
    type: Mapped[str] = mapped_column(String(20), default="single", server_default="single")

    story: Mapped[Story | None] = relationship(back_populates="questions")
    previous: Mapped[Question | None] = relationship(remote_side=[id])
    # Loaded with the question in one query per page, not one per question (bench/load.py).
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", order_by="Choice.position", cascade="all, delete-orphan",
        lazy="selectin",
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="question", order_by="Evidence.position", cascade="all, delete-orphan",
    )
    items: Mapped[list[MatchItem]] = relationship(
        back_populates="question", order_by="MatchItem.position", cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def multiple(self) -> bool:
        return self.type == "multiple"

    @property
    def key(self) -> list[Choice]:
        """The right choices: for matching, each item's match in item order; for ordering,
        every choice in the right order; else the choices marked correct."""
        if self.type == "matching":
            return [item.choice for item in self.items]
        if self.type == "ordering":
            return list(self.choices)
        return [choice for choice in self.choices if choice.correct]

    @property
    def general_evidence(self) -> list[Evidence]:
        """The evidence of the whole question, not of one matching pair."""
        return [evidence for evidence in self.evidence if evidence.item_id is None]

    @property
    def doubts(self) -> list[str]:
        return [line for line in self.review_reasons.splitlines() if line.strip()]


class Choice(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="choices")


class MatchItem(db.Model):
    """A matching question's left item (an outlet, a source) and the choice it pairs with; the
    question's other choices are distractors."""

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    choice_id: Mapped[int] = mapped_column(ForeignKey("choice.id"))

    question: Mapped[Question] = relationship(back_populates="items")
    choice: Mapped[Choice] = relationship(lazy="selectin")

    @property
    def evidence(self) -> list[Evidence]:
        """The proof of this pair."""
        return [evidence for evidence in self.question.evidence if evidence.item is self]


class Evidence(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"))
    position: Mapped[int]
    passage: Mapped[str] = mapped_column(Text)  # an exact substring of the article's text
    # Set for a matching question's proof of one pair; None for the question's own evidence.
    item_id: Mapped[int | None] = mapped_column(ForeignKey("match_item.id"))

    question: Mapped[Question] = relationship(back_populates="evidence")
    article: Mapped[Article] = relationship()
    item: Mapped[MatchItem | None] = relationship()


# Quiz settings, in the words the instructor picks them with.
ONE_PER_PAGE, ALL_ON_ONE = "one_per_page", "all_on_one"
FEEDBACK_IMMEDIATE, FEEDBACK_AT_END = "immediate", "at_end"
# Review options (Moodle's): when a student sees the right answers (with the explanations and
# evidence) and when the score, once the attempt is submitted. The rules live in review.py.
REVIEW_AFTER_ATTEMPT, REVIEW_AFTER_CLOSE, REVIEW_NEVER = "after_attempt", "after_close", "never"
# Which attempt's grade a student keeps when a quiz allows several (Moodle's grading method).
GRADE_FIRST, GRADE_BEST, GRADE_LAST = "first", "best", "last"
GRADES = (GRADE_FIRST, GRADE_BEST, GRADE_LAST)


class Quiz(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    join_code: Mapped[str] = mapped_column(String(20), unique=True)
    published: Mapped[bool] = mapped_column(default=False)
    # A closed quiz keeps its attempts but takes no new answers.
    closed: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id"))
    created_at: Mapped[datetime] = mapped_column(default=now)
    layout: Mapped[str] = mapped_column(String(20), default=ONE_PER_PAGE,
                                        server_default=ONE_PER_PAGE)
    # Media-literacy work is done with the sources at hand, so open book is the default.
    open_book: Mapped[bool] = mapped_column(default=True, server_default=sa_true())
    feedback: Mapped[str] = mapped_column(String(20), default=FEEDBACK_AT_END,
                                          server_default=FEEDBACK_AT_END)
    time_limit_minutes: Mapped[int | None]
    shuffle_questions: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    shuffle_choices: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    # Attempts are unlimited, so a throwaway attempt must not show the key: the answers wait
    # for the quiz's closing unless the instructor says otherwise.
    review_answers: Mapped[str] = mapped_column(String(20), default=REVIEW_AFTER_CLOSE,
                                                server_default=REVIEW_AFTER_CLOSE)
    review_score: Mapped[str] = mapped_column(String(20), default=REVIEW_AFTER_ATTEMPT,
                                              server_default=REVIEW_AFTER_ATTEMPT)
    # Taken on shared computers (a lab): the browser remembers no attempt of this quiz, so the
    # next student is never offered the last one's.
    shared_computer: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    # How many attempts each student may make (None: unlimited), enforced when one starts; and
    # whose grade the gradebook keeps (quizapp.results.queries.kept_attempts). The quiz builder
    # keeps the best, as Moodle does by default; quizzes made before the setting keep the first,
    # which their gradebook showed.
    attempts_allowed: Mapped[int | None]
    grade_kept: Mapped[str] = mapped_column(String(10), default=GRADE_FIRST,
                                            server_default=GRADE_FIRST)
    # The class roster, one name a line ("" for none): students then pick their name from it
    # rather than type one, and each name is one student's (the first device's key to use it;
    # the resume code moves it to another device).
    roster: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def roster_names(self) -> list[str]:
        return [line.strip() for line in (self.roster or "").splitlines() if line.strip()]
    # Whose quiz it is (its results are theirs too); see Story.owner_id.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("instructor.id"), index=True)
    # Listed on the home page for anyone to see; unlisted quizzes are reached by code or link.
    listed: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    # Open and close dates (UTC), both optional: before the one no attempt starts, from the other
    # on the quiz is closed as if the teacher had pressed "Close".
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    # Moved on by every change to the quiz or to what its students see (quizapp.quiz_versions):
    # the per-process snapshots of its pages are kept under it, so none is served stale. A new
    # quiz starts at a random version: one that takes a deleted quiz's id (SQLite reuses the
    # highest) never finds that quiz's snapshot.
    version: Mapped[int] = mapped_column(default=lambda: secrets.randbelow(1 << 30) + 1,
                                         server_default="1")

    def has_closed(self, at: datetime | None = None) -> bool:
        """Closed by the teacher, or past its close date."""
        return self.closed or (self.closes_at is not None and (at or now()) >= self.closes_at)

    def not_open_yet(self, at: datetime | None = None) -> bool:
        return self.opens_at is not None and (at or now()) < self.opens_at

    @property
    def open_for_answers(self) -> bool:
        return self.published and not self.has_closed() and not self.not_open_yet()

    story: Mapped[Story | None] = relationship()
    owner: Mapped[Instructor | None] = relationship()
    items: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", order_by="QuizQuestion.position", cascade="all, delete-orphan",
        lazy="selectin",
    )


class QuizQuestion(db.Model):
    """A question's place in a quiz; one mark each."""

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int]

    quiz: Mapped[Quiz] = relationship(back_populates="items")
    question: Mapped[Question] = relationship(lazy="selectin")

    __table_args__ = (UniqueConstraint("quiz_id", "question_id"),)


class Attempt(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Addresses use this random token, never the id, so no one reaches another's attempt.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    # The one-time key of the submitted form: a resent form finds this attempt, not a new one.
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), index=True)
    student_name: Mapped[str] = mapped_column(String(80))
    # Who took it, never shown: the statistics' "first attempt" is per student key, not per
    # display name, so two students both called Sam are two students. The joining pages give a
    # random key kept in the browser for the quiz (quizapp.quiz.access); an attempt made without
    # one (by a command, or before keys existed) gets its name's key, grouping by name as before.
    student_key: Mapped[str] = mapped_column(String(64), default=lambda context: name_key(
        context.get_current_parameters()["student_name"]))
    # Shown to the student once, when the attempt starts (and again on request): with the join
    # code and name it resumes the attempt on another device.
    resume_code: Mapped[str | None] = mapped_column(String(20))
    # Never shown: it makes the attempt's choice values and choice order, so nothing in a page
    # follows the order the choices were written in (the key was often typed first).
    choice_seed: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(16))
    started_at: Mapped[datetime] = mapped_column(default=now)
    # Fixed when the attempt starts, so changing the quiz's limit later moves no deadline.
    deadline_at: Mapped[datetime | None]
    # The question the student last saw, where a resumed attempt opens.
    last_position: Mapped[int] = mapped_column(default=0, server_default="0")
    submitted_at: Mapped[datetime | None]
    # The sum of the responses' scores: fractional once a question gives partial credit.
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[int] = mapped_column(default=0)

    quiz: Mapped[Quiz] = relationship()
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (Index("ix_attempt_quiz_id_student_key", "quiz_id", "student_key"),)


NAME_KEY_PREFIX = "name:"


def name_key(student_name: str) -> str:
    """The student key of attempts made without a browser's key: one per exact name, as the
    statistics grouped attempts before keys existed (migration 0011 gives old attempts the same).
    A browser's key never starts with the prefix."""
    return NAME_KEY_PREFIX + hashlib.sha256(student_name.encode()).hexdigest()[:40]


response_choice = Table(
    "response_choice",
    db.metadata,
    Column("response_id", ForeignKey("response.id"), primary_key=True),
    Column("choice_id", ForeignKey("choice.id"), primary_key=True),
    # The response's attempt, carried here so the item analysis counts the choices of first
    # attempts without joining a million responses (README, bench/report.py). Set with the row:
    # by Response.chosen's join below, and by quizapp.attempt_rows.
    Column("attempt_id", ForeignKey("attempt.id"), nullable=False, index=True),
)


class Response(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    correct: Mapped[bool] = mapped_column(default=False)  # full marks
    # The marks earned, 0-1: a share for each right pair or place (quizapp.scoring).
    score: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    saved_at: Mapped[datetime | None]
    # Set when immediate feedback showed the key: the answer is final from then on.
    checked_at: Mapped[datetime | None]

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
    # Joined on the attempt as well, so the ORM writes the attempt into each row it adds.
    chosen: Mapped[list[Choice]] = relationship(
        secondary=response_choice, order_by="Choice.position", lazy="selectin",
        primaryjoin=lambda: and_(Response.id == foreign(response_choice.c.response_id),
                                 Response.attempt_id == foreign(response_choice.c.attempt_id)),
        secondaryjoin=lambda: Choice.id == foreign(response_choice.c.choice_id))
    pairs: Mapped[list[ResponsePair]] = relationship(cascade="all, delete-orphan",
                                                     lazy="selectin")
    places: Mapped[list[ResponsePlace]] = relationship(
        cascade="all, delete-orphan", order_by="ResponsePlace.position", lazy="selectin")

    __table_args__ = (UniqueConstraint("attempt_id", "question_id"),)

    @property
    def answered(self) -> bool:
        return bool(self.chosen or self.pairs or self.places)


# Matching answers and orders get tables of their own rather than columns on response_choice:
# its key (response, choice) would forbid giving one right item to two left items, which a
# student may do, and a column there could not be set through `Response.chosen`.
class ResponsePair(db.Model):
    """A matching answer: the choice a student paired with one left item."""

    response_id: Mapped[int] = mapped_column(ForeignKey("response.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("match_item.id"), primary_key=True)
    choice_id: Mapped[int] = mapped_column(ForeignKey("choice.id"))

    item: Mapped[MatchItem] = relationship(lazy="selectin")
    choice: Mapped[Choice] = relationship(lazy="selectin")


class ResponsePlace(db.Model):
    """An ordering answer: the place (0-based) a student gave one choice."""

    response_id: Mapped[int] = mapped_column(ForeignKey("response.id"), primary_key=True)
    choice_id: Mapped[int] = mapped_column(ForeignKey("choice.id"), primary_key=True)
    position: Mapped[int]

    choice: Mapped[Choice] = relationship(lazy="selectin")


# The item analysis's counts of each quiz's first attempts, kept as attempts are submitted and
# deleted (quizapp.results.tallies) so its pages never read a million responses (README,
# bench/report.py). Counted per first-attempt score: the strongest third moves with every new
# attempt, and is still a sum over these rows.
class QuestionTally(db.Model):
    """How many first attempts scoring attempt_score answered a question, and their marks."""

    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), primary_key=True)
    attempt_score: Mapped[float] = mapped_column(Float, primary_key=True)
    responses: Mapped[int]
    marks: Mapped[float] = mapped_column(Float)


class AnswerTally(db.Model):
    """How often first attempts scoring attempt_score gave an answer: a choice picked (part: its
    question), a choice matched to a left item (part: the item), an item put directly after
    another (part: that other item, both choices of an ordering question)."""

    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    part_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    option_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    attempt_score: Mapped[float] = mapped_column(Float, primary_key=True)
    given: Mapped[int]


class Instructor(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=now)
    # Part of every session cookie of this instructor; signing out or changing the password
    # moves it on, so a cookie copied before is refused (quizapp.auth.session).
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # An admin sees every workspace and manages the accounts.
    is_admin: Mapped[bool] = mapped_column(default=False, server_default=sa_false())

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"


class Share(db.Model):
    """A story or a quiz shared by its owner with a colleague, to view or to edit."""

    id: Mapped[int] = mapped_column(primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructor.id"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("story.id"), index=True)
    quiz_id: Mapped[int | None] = mapped_column(ForeignKey("quiz.id"), index=True)
    can_edit: Mapped[bool] = mapped_column(default=False)

    instructor: Mapped[Instructor] = relationship()

    __table_args__ = (
        UniqueConstraint("story_id", "instructor_id", name="uq_share_story_id_instructor_id"),
        UniqueConstraint("quiz_id", "instructor_id", name="uq_share_quiz_id_instructor_id"),
        CheckConstraint("(story_id IS NULL) <> (quiz_id IS NULL)", name="one_object"),
    )


class ThrottleEvent(db.Model):
    """One try counted against a limit (a failed sign-in, a resume code typed, an attempt
    started), kept for the limit's window. In the database, not in memory, so every worker
    counts the same tries; quizapp.throttle counts and adds them atomically."""

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(40))  # what is limited: "sign-in", "resume"…
    key: Mapped[str] = mapped_column(String(200))  # whose tries: an address, a quiz
    at: Mapped[datetime] = mapped_column(default=now, index=True)

    __table_args__ = (Index("ix_throttle_event_scope_key_at", "scope", "key", "at"),)


class GenerationRun(db.Model):
    """One press of "generate questions" for a story: its progress and what came out."""

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id"), index=True)
    state: Mapped[str] = mapped_column(String(20), default="queued")  # running, done, failed
    step: Mapped[str] = mapped_column(String(200), default="")
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: questions per kind
    error: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(default=now)
    finished_at: Mapped[datetime | None]
    # Moved on every few seconds while the run works: a run whose heartbeat stopped died with
    # its worker, and another may start.
    heartbeat_at: Mapped[datetime | None]

    story: Mapped[Story] = relationship()

    # One run at a time per story, enforced by the database itself: two presses of "Generate"
    # at the same moment cannot both insert an unfinished run.
    __table_args__ = (Index(
        "uq_generation_run_one_unfinished", "story_id", unique=True,
        sqlite_where=text("state IN ('queued', 'running')"),
        postgresql_where=text("state IN ('queued', 'running')")),)


class LmsPlatform(db.Model):
    """An LMS (Moodle, Canvas…) registered by an admin for LTI 1.3: the values its
    administrator gives when adding quizapp as an external tool."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(300))
    auth_login_url: Mapped[str] = mapped_column(String(500))
    auth_token_url: Mapped[str] = mapped_column(String(500))
    key_set_url: Mapped[str] = mapped_column(String(500))
    # One deployment id a line: each place in the LMS the tool was installed.
    deployment_ids: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=now)

    @property
    def deployments(self) -> list[str]:
        return [line.strip() for line in self.deployment_ids.splitlines() if line.strip()]

    __table_args__ = (UniqueConstraint("issuer", "client_id",
                                       name="uq_lms_platform_issuer_client_id"),)


class ToolKey(db.Model):
    """quizapp's own RSA key pair for LTI, made on first need: the LMSs check our messages
    (deep links, grade requests) against its public half, served at /lti/jwks. Kept in the
    database, never in code, so every worker signs with the same key and a backup keeps it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kid: Mapped[str] = mapped_column(String(64), unique=True)
    private_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=now)


class LaunchValue(db.Model):
    """What an LTI login and launch remember between requests (state, nonce, the launch's
    claims), in the database rather than the session cookie: the LMS posts the launch from its
    own site, and a browser does not send our SameSite=Lax cookie with it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    expires_at: Mapped[datetime] = mapped_column(index=True)


class LmsAccount(db.Model):
    """A teacher's LMS account linked to their quizapp account (they signed in once to link
    it): their deep-linking launches list that account's quizzes."""

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lms_platform.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(255))  # the LMS's user id (the launch's "sub")
    instructor_id: Mapped[int] = mapped_column(
        ForeignKey("instructor.id", ondelete="CASCADE"), index=True)
    linked_at: Mapped[datetime] = mapped_column(default=now)

    instructor: Mapped[Instructor] = relationship()

    __table_args__ = (UniqueConstraint("platform_id", "subject",
                                       name="uq_lms_account_platform_id_subject"),)


GRADE_WAITING = "waiting"  # the attempt is not submitted yet
GRADE_SENT = "sent"
GRADE_RETRYING = "retrying"  # the LMS could not be reached: sent again later


class GradeReturn(db.Model):
    """An attempt started from an LMS, whose score goes back to the LMS's gradebook through
    Assignment and Grade Services; its status is shown to the student and the teacher."""

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"),
                                            unique=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lms_platform.id", ondelete="CASCADE"),
                                             index=True)
    lms_user: Mapped[str] = mapped_column(String(255))  # the student's "sub" in the LMS
    # The launch's Assignment and Grade Services claim (JSON): the gradebook column and scopes.
    service: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=GRADE_WAITING)
    tries: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]

    attempt: Mapped[Attempt] = relationship()
    platform: Mapped[LmsPlatform] = relationship()
