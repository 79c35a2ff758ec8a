"""first-attempt tallies: the item analysis's counts of each quiz's first attempts, kept

Per quiz, question and first-attempt score, how many responses and their marks; per quiz,
answer given (a choice picked, a pair matched, an item put next) and first-attempt score, how
often. Submissions and deletions keep them from now on; this fills them from the attempts already
there, so an upgraded database shows the same item analysis (README, "The instructor's pages over
a million responses").

Revision ID: 0015
Revises: 0014 (LTI)
Create Date: 2026-12-06 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# Each student's (student key's) earliest submitted attempt at each quiz, the id breaking a tie:
# quizapp.results.first_attempts as it stands at this revision.
FIRST_ATTEMPTS = """(SELECT id, quiz_id, score FROM (
    SELECT id, quiz_id, COALESCE(score, 0) AS score, row_number() OVER (
        PARTITION BY quiz_id, student_key ORDER BY submitted_at, id) AS rank
    FROM attempt WHERE submitted_at IS NOT NULL) AS ranked WHERE rank = 1) AS f"""

FILL = [
    """INSERT INTO question_tally (quiz_id, question_id, attempt_score, responses, marks)
       SELECT f.quiz_id, r.question_id, f.score, count(*), sum(r.score)
       FROM response AS r JOIN {first} ON f.id = r.attempt_id
       GROUP BY f.quiz_id, r.question_id, f.score""",
    """INSERT INTO answer_tally (quiz_id, kind, part_id, option_id, attempt_score, given)
       SELECT f.quiz_id, 'choice', c.question_id, rc.choice_id, f.score, count(*)
       FROM response_choice AS rc JOIN {first} ON f.id = rc.attempt_id
       JOIN choice AS c ON c.id = rc.choice_id
       GROUP BY f.quiz_id, c.question_id, rc.choice_id, f.score""",
    """INSERT INTO answer_tally (quiz_id, kind, part_id, option_id, attempt_score, given)
       SELECT f.quiz_id, 'pair', p.item_id, p.choice_id, f.score, count(*)
       FROM response_pair AS p JOIN response AS r ON r.id = p.response_id
       JOIN {first} ON f.id = r.attempt_id
       GROUP BY f.quiz_id, p.item_id, p.choice_id, f.score""",
    # Two places of one response, the second directly after the first.
    """INSERT INTO answer_tally (quiz_id, kind, part_id, option_id, attempt_score, given)
       SELECT f.quiz_id, 'next', a.choice_id, b.choice_id, f.score, count(*)
       FROM response_place AS a JOIN response_place AS b
         ON b.response_id = a.response_id AND b.position = a.position + 1
       JOIN response AS r ON r.id = a.response_id
       JOIN {first} ON f.id = r.attempt_id
       GROUP BY f.quiz_id, a.choice_id, b.choice_id, f.score""",
]


def upgrade():
    op.create_table(
        'question_tally',
        sa.Column('quiz_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('attempt_score', sa.Float(), nullable=False),
        sa.Column('responses', sa.Integer(), nullable=False),
        sa.Column('marks', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'],
                                name=op.f('fk_question_tally_question_id_question')),
        sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'],
                                name=op.f('fk_question_tally_quiz_id_quiz')),
        sa.PrimaryKeyConstraint('quiz_id', 'question_id', 'attempt_score',
                                name=op.f('pk_question_tally')),
    )
    op.create_table(
        'answer_tally',
        sa.Column('quiz_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('part_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('option_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('attempt_score', sa.Float(), nullable=False),
        sa.Column('given', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'],
                                name=op.f('fk_answer_tally_quiz_id_quiz')),
        sa.PrimaryKeyConstraint('quiz_id', 'kind', 'part_id', 'option_id', 'attempt_score',
                                name=op.f('pk_answer_tally')),
    )
    for statement in FILL:
        op.execute(statement.format(first=FIRST_ATTEMPTS))


def downgrade():
    op.drop_table('answer_tally')
    op.drop_table('question_tally')
