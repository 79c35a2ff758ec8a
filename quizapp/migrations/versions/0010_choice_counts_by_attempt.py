"""choice counts by attempt: each picked choice carries its response's attempt

The item analysis counts how often each choice was picked in first attempts; with the attempt
on the pick itself it no longer joins every response (README, "The instructor's pages over a
million responses").

Revision ID: 0010
Revises: 0009 (quiz version)
Create Date: 2026-12-05 09:15:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('response_choice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempt_id', sa.Integer(), nullable=True))
    # Every pick there is gets its response's attempt, before the column may not be empty.
    op.execute("UPDATE response_choice SET attempt_id = (SELECT response.attempt_id "
               "FROM response WHERE response.id = response_choice.response_id)")
    with op.batch_alter_table('response_choice', schema=None) as batch_op:
        batch_op.alter_column('attempt_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(batch_op.f('fk_response_choice_attempt_id_attempt'),
                                    'attempt', ['attempt_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_response_choice_attempt_id'), ['attempt_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('response_choice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_response_choice_attempt_id'))
        batch_op.drop_constraint(batch_op.f('fk_response_choice_attempt_id_attempt'),
                                 type_='foreignkey')
        batch_op.drop_column('attempt_id')
