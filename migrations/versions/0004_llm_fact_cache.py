"""the LLM's answers about notice documents, cached by document hash

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'llm_fact_cache',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('document_hash', sa.String(length=64), nullable=False),
        sa.Column('model', sa.String(length=120), nullable=False),
        sa.Column('prompt_version', sa.String(length=20), nullable=False),
        sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    op.create_index('ix_llm_fact_cache_document_hash', 'llm_fact_cache', ['document_hash'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_llm_fact_cache_document_hash', table_name='llm_fact_cache')
    op.drop_table('llm_fact_cache')
