"""item types: a type per question (single, multiple, matching, ordering, evidence), matching's
left items with per-pair evidence, a partial score per response and fractional attempt scores,
and a response's pairs (matching) and places (ordering)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 05:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('type', sa.String(length=20), nullable=False,
                                      server_default='single'))
    # A question with more than one right choice has always been asked as "choose all that apply".
    op.execute("UPDATE question SET type = 'multiple' WHERE "
               "(SELECT count(*) FROM choice WHERE choice.question_id = question.id "
               "AND choice.correct) > 1")

    op.create_table('match_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['choice_id'], ['choice.id'], name=op.f('fk_match_item_choice_id_choice')),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_match_item_question_id_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_item'))
    )
    with op.batch_alter_table('match_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_item_question_id'), ['question_id'], unique=False)

    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('item_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_evidence_item_id_match_item'), 'match_item',
                                    ['item_id'], ['id'])

    # Every answer so far was all or nothing: its score is its verdict.
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('score', sa.Float(), nullable=False, server_default='0'))
    op.execute("UPDATE response SET score = 1 WHERE correct")
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.alter_column('score', existing_type=sa.Integer(), type_=sa.Float(),
                              existing_nullable=True)

    op.create_table('response_pair',
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['choice_id'], ['choice.id'], name=op.f('fk_response_pair_choice_id_choice')),
    sa.ForeignKeyConstraint(['item_id'], ['match_item.id'], name=op.f('fk_response_pair_item_id_match_item')),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_response_pair_response_id_response')),
    sa.PrimaryKeyConstraint('response_id', 'item_id', name=op.f('pk_response_pair'))
    )
    op.create_table('response_place',
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['choice_id'], ['choice.id'], name=op.f('fk_response_place_choice_id_choice')),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_response_place_response_id_response')),
    sa.PrimaryKeyConstraint('response_id', 'choice_id', name=op.f('pk_response_place'))
    )


def downgrade():
    # Going back keeps single and multiple questions; the new types have no older form, so
    # their answers, items and questions (with their choices, evidence and quiz places) go.
    op.drop_table('response_place')
    op.drop_table('response_pair')
    newer = "SELECT id FROM question WHERE type IN ('matching', 'ordering', 'evidence')"
    op.execute(f"DELETE FROM response_choice WHERE response_id IN "
               f"(SELECT id FROM response WHERE question_id IN ({newer}))")
    op.execute(f"DELETE FROM response WHERE question_id IN ({newer})")
    op.execute(f"DELETE FROM quiz_question WHERE question_id IN ({newer})")
    op.execute(f"DELETE FROM evidence WHERE question_id IN ({newer})")
    op.execute(f"DELETE FROM match_item WHERE question_id IN ({newer})")
    op.execute(f"DELETE FROM choice WHERE question_id IN ({newer})")
    op.execute(f"UPDATE question SET previous_id = NULL WHERE previous_id IN ({newer})")
    op.execute(f"DELETE FROM question WHERE id IN (SELECT id FROM ({newer}) AS newer)")
    op.execute("UPDATE attempt SET score = round(score)")
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.alter_column('score', existing_type=sa.Float(), type_=sa.Integer(),
                              existing_nullable=True)
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_column('score')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_evidence_item_id_match_item'), type_='foreignkey')
        batch_op.drop_column('item_id')
    with op.batch_alter_table('match_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_item_question_id'))
    op.drop_table('match_item')
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('type')
