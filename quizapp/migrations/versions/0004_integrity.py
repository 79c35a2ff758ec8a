"""integrity: review options and shared computers per quiz; a secret seed per attempt for its
choice values; instructors' session versions; one throttle table for every limit; generation
heartbeats and one unfinished run per story

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

UNFINISHED = "state IN ('queued', 'running')"


def _random_hex(dialect: str) -> str:
    # 32 hex digits from the database's own random source, one value per row.
    if dialect == 'postgresql':
        return "replace(gen_random_uuid()::text, '-', '')"
    return 'lower(hex(randomblob(16)))'


def upgrade():
    bind = op.get_bind()
    dialect = bind.dialect.name

    # Review options. A quiz with immediate feedback has always shown each answer at once and
    # keeps doing so; every other quiz shows the answers when it closes, since attempts are
    # unlimited and a throwaway attempt must not give the key away.
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_answers', sa.String(length=20), nullable=False,
                                      server_default='after_close'))
        batch_op.add_column(sa.Column('review_score', sa.String(length=20), nullable=False,
                                      server_default='after_attempt'))
        batch_op.add_column(sa.Column('shared_computer', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE quiz SET review_answers = 'after_attempt' WHERE feedback = 'immediate'")

    # Every attempt, old ones too, gets its own secret seed.
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('choice_seed', sa.String(length=64), nullable=True))
    op.execute(f"UPDATE attempt SET choice_seed = {_random_hex(dialect)}")
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.alter_column('choice_seed', existing_type=sa.String(length=64), nullable=False)

    with op.batch_alter_table('instructor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False,
                                      server_default='1'))

    # Failed sign-ins move into the table every limit shares, and keep counting there.
    op.create_table('throttle_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_throttle_event'))
    )
    with op.batch_alter_table('throttle_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_throttle_event_at'), ['at'], unique=False)
        batch_op.create_index('ix_throttle_event_scope_key_at', ['scope', 'key', 'at'],
                              unique=False)
    op.execute("INSERT INTO throttle_event (scope, key, at) "
               "SELECT 'sign-in', address, at FROM sign_in_failure")
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_in_failure_at'))
        batch_op.drop_index(batch_op.f('ix_sign_in_failure_address'))
    op.drop_table('sign_in_failure')

    # A run still unfinished at the upgrade died with the server that ran it (the upgrade runs
    # with the site stopped); marking it failed also lets the one-run-per-story index be made.
    with op.batch_alter_table('generation_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('heartbeat_at', sa.DateTime(), nullable=True))
    op.execute("UPDATE generation_run SET state = 'failed', "
               "error = 'This run stopped without finishing (the server was upgraded); "
               "nothing from it was saved.' "
               f"WHERE {UNFINISHED}")
    op.create_index('uq_generation_run_one_unfinished', 'generation_run', ['story_id'],
                    unique=True, sqlite_where=sa.text(UNFINISHED),
                    postgresql_where=sa.text(UNFINISHED))


def downgrade():
    op.drop_index('uq_generation_run_one_unfinished', table_name='generation_run')
    with op.batch_alter_table('generation_run', schema=None) as batch_op:
        batch_op.drop_column('heartbeat_at')

    op.create_table('sign_in_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_failure'))
    )
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_in_failure_address'), ['address'], unique=False)
        batch_op.create_index(batch_op.f('ix_sign_in_failure_at'), ['at'], unique=False)
    op.execute("INSERT INTO sign_in_failure (address, at) "
               "SELECT substr(key, 1, 100), at FROM throttle_event WHERE scope = 'sign-in'")
    with op.batch_alter_table('throttle_event', schema=None) as batch_op:
        batch_op.drop_index('ix_throttle_event_scope_key_at')
        batch_op.drop_index(batch_op.f('ix_throttle_event_at'))
    op.drop_table('throttle_event')

    with op.batch_alter_table('instructor', schema=None) as batch_op:
        batch_op.drop_column('session_version')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('choice_seed')
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('shared_computer')
        batch_op.drop_column('review_score')
        batch_op.drop_column('review_answers')
