"""attempts allowed: how many attempts a student may make at a quiz, and which grade is kept

Quizzes made before allow unlimited attempts, as they did, and keep each student's first grade,
as their gradebook showed.

Revision ID: 0012
Revises: 0011 (student keys)
Create Date: 2026-12-05 13:25:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempts_allowed', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('grade_kept', sa.String(length=10), server_default='first',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('grade_kept')
        batch_op.drop_column('attempts_allowed')
