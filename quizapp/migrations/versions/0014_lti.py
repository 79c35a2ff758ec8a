"""lti: LMS platforms registered for LTI 1.3, the tool's key pair, what a login and a launch
remember, teachers' linked LMS accounts, and the grades going back to the LMSs

Revision ID: 0014
Revises: 0013 (class roster)
Create Date: 2026-12-05 21:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'lms_platform',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('issuer', sa.String(length=300), nullable=False),
        sa.Column('client_id', sa.String(length=300), nullable=False),
        sa.Column('auth_login_url', sa.String(length=500), nullable=False),
        sa.Column('auth_token_url', sa.String(length=500), nullable=False),
        sa.Column('key_set_url', sa.String(length=500), nullable=False),
        sa.Column('deployment_ids', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lms_platform')),
        sa.UniqueConstraint('issuer', 'client_id', name='uq_lms_platform_issuer_client_id'),
    )
    op.create_table(
        'tool_key',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kid', sa.String(length=64), nullable=False),
        sa.Column('private_key', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_key')),
        sa.UniqueConstraint('kid', name=op.f('uq_tool_key_kid')),
    )
    op.create_table(
        'launch_value',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=300), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_launch_value')),
        sa.UniqueConstraint('key', name=op.f('uq_launch_value_key')),
    )
    with op.batch_alter_table('launch_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_launch_value_expires_at'), ['expires_at'],
                              unique=False)
    op.create_table(
        'lms_account',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('platform_id', sa.Integer(), nullable=False),
        sa.Column('subject', sa.String(length=255), nullable=False),
        sa.Column('instructor_id', sa.Integer(), nullable=False),
        sa.Column('linked_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['instructor_id'], ['instructor.id'],
                                name=op.f('fk_lms_account_instructor_id_instructor'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['platform_id'], ['lms_platform.id'],
                                name=op.f('fk_lms_account_platform_id_lms_platform'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lms_account')),
        sa.UniqueConstraint('platform_id', 'subject', name='uq_lms_account_platform_id_subject'),
    )
    with op.batch_alter_table('lms_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lms_account_instructor_id'), ['instructor_id'],
                              unique=False)
    op.create_table(
        'grade_return',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('attempt_id', sa.Integer(), nullable=False),
        sa.Column('platform_id', sa.Integer(), nullable=False),
        sa.Column('lms_user', sa.String(length=255), nullable=False),
        sa.Column('service', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('tries', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'],
                                name=op.f('fk_grade_return_attempt_id_attempt'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['platform_id'], ['lms_platform.id'],
                                name=op.f('fk_grade_return_platform_id_lms_platform'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_grade_return')),
        sa.UniqueConstraint('attempt_id', name=op.f('uq_grade_return_attempt_id')),
    )
    with op.batch_alter_table('grade_return', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_return_platform_id'), ['platform_id'],
                              unique=False)


def downgrade():
    op.drop_table('grade_return')
    op.drop_table('lms_account')
    op.drop_table('launch_value')
    op.drop_table('tool_key')
    op.drop_table('lms_platform')
