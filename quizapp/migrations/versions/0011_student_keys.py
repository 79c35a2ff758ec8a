"""student keys: each attempt says which student took it, apart from the name they typed

The statistics' "first attempt" was per display name, so two students both called Sam were
merged. Attempts now carry a student key (a random one kept in the browser); the attempts made
before get one key per exact name within their quiz, so the old statistics stay as they were.

Revision ID: 0011
Revises: 0010 (choice counts by attempt)
Create Date: 2026-12-05 13:10:00

"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _name_key(student_name: str) -> str:
    # quizapp.models.name_key as it is at this revision (a migration never imports the models,
    # which move on): the key of attempts made without a browser's key.
    return "name:" + hashlib.sha256(student_name.encode()).hexdigest()[:40]


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('student_key', sa.String(length=64), nullable=True))
    connection = op.get_bind()
    attempt = sa.table('attempt', sa.column('id', sa.Integer),
                       sa.column('student_name', sa.String), sa.column('student_key', sa.String))
    rows = connection.execute(sa.select(attempt.c.id, attempt.c.student_name)).all()
    if rows:
        # By primary key, many at a time: student_name has no index to find a name's rows by.
        connection.execute(
            attempt.update().where(attempt.c.id == sa.bindparam('attempt_id'))
            .values(student_key=sa.bindparam('key')),
            [{'attempt_id': row.id, 'key': _name_key(row.student_name)} for row in rows])
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.alter_column('student_key', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index('ix_attempt_quiz_id_student_key', ['quiz_id', 'student_key'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_quiz_id_student_key')
        batch_op.drop_column('student_key')
