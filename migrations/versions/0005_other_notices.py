"""notices that are not job notices (tenders, circulars, transfer orders…), kept apart from jobs

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'other_notices',
        sa.Column('id', sa.BigInteger(), primary_key=True),
        sa.Column('notice_key', sa.String(length=64), nullable=False),
        sa.Column('source', sa.String(length=80), nullable=False),
        sa.Column('source_kind', sa.String(length=20), nullable=False),
        sa.Column('source_url', sa.Text(), nullable=False),
        sa.Column('organisation', sa.Text(), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('kind_reason', sa.Text(), nullable=True),
        sa.Column('facts', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('facts_hash', sa.String(length=64), nullable=False),
        sa.Column('first_seen', sa.Date(), nullable=False),
        sa.Column('last_seen', sa.Date(), nullable=False),
        sa.UniqueConstraint('notice_key', name='uq_other_notices_notice_key'),
    )
    op.create_index('ix_other_notices_source', 'other_notices', ['source'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_other_notices_source', table_name='other_notices')
    op.drop_table('other_notices')
