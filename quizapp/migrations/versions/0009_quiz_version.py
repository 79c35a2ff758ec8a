"""quiz version: a counter every change to a quiz (or to what its students see) moves on

Revision ID: 0009
Revises: 0008 (workspaces; written beside it, put after it when the branches met)
Create Date: 2026-12-05 08:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    # Every quiz there is starts at version 1: no process holds a snapshot of it yet.
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('version')
