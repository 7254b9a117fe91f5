"""failed proofs also keyed by store, order number, client address and kind of proof

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    p = context.config.attributes["prefix"]
    table = f"{p}verification_failures"
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("store", sa.String(100)))
        batch.add_column(sa.Column("order_number", sa.String(6)))
        batch.add_column(sa.Column("client", sa.String(64)))
        batch.add_column(sa.Column("proof", sa.String(10)))  # "email", "postcode" or null
    op.create_index(f"{p}verification_failures_order", table, ["store", "order_number", "at"])
    op.create_index(f"{p}verification_failures_client", table, ["client", "at"])


def downgrade() -> None:
    p = context.config.attributes["prefix"]
    table = f"{p}verification_failures"
    op.drop_index(f"{p}verification_failures_client", table)
    op.drop_index(f"{p}verification_failures_order", table)
    with op.batch_alter_table(table) as batch:
        for column in ("proof", "client", "order_number", "store"):
            batch.drop_column(column)
