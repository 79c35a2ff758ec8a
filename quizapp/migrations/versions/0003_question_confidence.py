"""generated questions carry the generators' confidence and the reasons for it; articles say
whether they are known to be whole

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 17:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    # Questions written before this revision were never scored: NULL, shown as "not scored".
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('review_reasons', sa.Text(), nullable=False,
                                      server_default=''))


    # Articles stored before were never asked: not known.
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('whole', sa.Boolean(), nullable=True))


def downgrade():
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('whole')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('review_reasons')
        batch_op.drop_column('confidence')
