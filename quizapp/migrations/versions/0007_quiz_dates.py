"""quiz dates: when a quiz opens and when it closes, each optional

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-05 05:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
# Written beside issue 13's other migrations: 0005 (item types) comes before, 0008 (workspaces)
# after, in one line.
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    # Both empty for the quizzes there are: they stay open and closed as the teacher left them.
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opens_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('closes_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('closes_at')
        batch_op.drop_column('opens_at')
