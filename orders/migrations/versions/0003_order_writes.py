"""one row per order write made for a conversation turn (idempotency key -> what it made)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    p = context.config.attributes["prefix"]
    op.create_table(
        f"{p}order_writes",
        sa.Column("store", sa.String(100), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),  # the primary key is the unique constraint
        sa.Column("kind", sa.String(20), nullable=False),  # "return", "exchange" or "cancel"
        sa.Column("order_number", sa.String(6), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),  # the RMA, the exchange's reference or the order number
        sa.Column("created_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    p = context.config.attributes["prefix"]
    op.drop_table(f"{p}order_writes")
