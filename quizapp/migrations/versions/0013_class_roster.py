"""class roster: an optional list of the names students pick from when they join a quiz

Quizzes made before have none: their students type their names, as they did.

Revision ID: 0013
Revises: 0012 (attempts allowed)
Create Date: 2026-12-05 14:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('roster', sa.Text(), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('roster')
