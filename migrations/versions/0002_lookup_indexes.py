"""indexes for the store's lookups: notices by key, jobs by organisation

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every batch asks which job holds each notice key, and the near-duplicate index asks for
    # an organisation's jobs by name: without these, both scan their whole table.
    op.create_index('ix_job_events_notice_key', 'job_events', ['notice_key'], unique=False)
    op.create_index('ix_jobs_organisation', 'jobs', ['organisation'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_jobs_organisation', table_name='jobs')
    op.drop_index('ix_job_events_notice_key', table_name='job_events')
