"""notice kinds on jobs and their notices; ages in half years

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "16½ years" is a real age limit: ages are no longer whole numbers.
    op.alter_column('jobs', 'age_min', type_=sa.Float(), existing_type=sa.Integer())
    op.alter_column('jobs', 'age_max', type_=sa.Float(), existing_type=sa.Integer())
    op.add_column('jobs', sa.Column('kind', sa.String(length=20), nullable=False, server_default='recruitment'))
    op.add_column('job_events', sa.Column('kind', sa.String(length=20), nullable=False, server_default='recruitment'))
    op.create_index('ix_jobs_kind', 'jobs', ['kind'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_jobs_kind', table_name='jobs')
    op.drop_column('job_events', 'kind')
    op.drop_column('jobs', 'kind')
    op.alter_column('jobs', 'age_max', type_=sa.Integer(), existing_type=sa.Float(), postgresql_using='round(age_max)')
    op.alter_column('jobs', 'age_min', type_=sa.Integer(), existing_type=sa.Float(), postgresql_using='round(age_min)')
