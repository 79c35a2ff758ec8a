"""workspaces: stories and quizzes belong to an instructor and may be shared with colleagues;
an admin role; quizzes are listed on the home page only when their owner says so

Revision ID: 0008
Revises: 0007 (written beside 0005 and 0007 and put after them when the branches met; it reads
neither item types nor dates)
Create Date: 2026-12-05 06:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# The first admin, else the first instructor: who the school's existing work now belongs to.
FIRST_ADMIN = ("(SELECT id FROM instructor ORDER BY is_admin DESC, created_at, id LIMIT 1)")


def upgrade():
    with op.batch_alter_table('instructor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_admin', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    # Someone must manage the accounts: the oldest account, as the one that set the server up.
    op.execute("UPDATE instructor SET is_admin = TRUE WHERE id = "
               "(SELECT id FROM instructor ORDER BY created_at, id LIMIT 1)")

    for table in ('story', 'quiz'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_owner_id'), ['owner_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_owner_id_instructor'),
                                        'instructor', ['owner_id'], ['id'])
        # Existing work goes to the first admin (NULL while there is no account: the first
        # admin made later adopts it).
        op.execute(f"UPDATE {table} SET owner_id = {FIRST_ADMIN}")

    # Every quiz was on the home page before; from now on a quiz is listed only on purpose, so
    # existing ones are unlisted too (their codes and links still work).
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('listed', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))

    op.create_table('share',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('quiz_id', sa.Integer(), nullable=True),
    sa.Column('can_edit', sa.Boolean(), nullable=False),
    sa.CheckConstraint('(story_id IS NULL) <> (quiz_id IS NULL)',
                       name=op.f('ck_share_one_object')),
    sa.ForeignKeyConstraint(['instructor_id'], ['instructor.id'],
                            name=op.f('fk_share_instructor_id_instructor')),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_share_quiz_id_quiz')),
    sa.ForeignKeyConstraint(['story_id'], ['story.id'], name=op.f('fk_share_story_id_story')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share')),
    sa.UniqueConstraint('quiz_id', 'instructor_id', name='uq_share_quiz_id_instructor_id'),
    sa.UniqueConstraint('story_id', 'instructor_id', name='uq_share_story_id_instructor_id')
    )
    with op.batch_alter_table('share', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_instructor_id'), ['instructor_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_share_quiz_id'), ['quiz_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_share_story_id'), ['story_id'], unique=False)


def downgrade():
    with op.batch_alter_table('share', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_share_story_id'))
        batch_op.drop_index(batch_op.f('ix_share_quiz_id'))
        batch_op.drop_index(batch_op.f('ix_share_instructor_id'))
    op.drop_table('share')
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('listed')
    for table in ('quiz', 'story'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_owner_id_instructor'),
                                     type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_owner_id'))
            batch_op.drop_column('owner_id')
    with op.batch_alter_table('instructor', schema=None) as batch_op:
        batch_op.drop_column('is_admin')
