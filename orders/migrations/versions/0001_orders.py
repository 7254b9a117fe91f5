"""orders, items, returns, exchanges, stock reservations, verification failures

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    p = context.config.attributes["prefix"]
    op.create_table(
        f"{p}orders",
        sa.Column("store", sa.String(100), primary_key=True),
        sa.Column("number", sa.String(6), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(12), nullable=False),
        sa.Column("postal_key", sa.String(12), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("shipped_at", sa.Float),
        sa.Column("delivered_at", sa.Float),
        sa.Column("carrier", sa.String(50)),
        sa.Column("tracking_number", sa.String(64)),
        sa.Column("tracking_url", sa.Text),
        sa.Column("shipping_cost", sa.Float, nullable=False),
        sa.Column("payment_method", sa.String(100), nullable=False),
    )
    op.create_index(f"{p}orders_email", f"{p}orders", ["store", "email"])
    op.create_table(
        f"{p}order_items",
        sa.Column("line_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("store", sa.String(100), nullable=False),
        sa.Column("order_number", sa.String(6), nullable=False),
        sa.Column("product_id", sa.String(100), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("size", sa.String(40)),
        sa.Column("color", sa.String(40)),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.Float, nullable=False),
        sa.Column("returned_quantity", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["store", "order_number"], [f"{p}orders.store", f"{p}orders.number"]),
    )
    op.create_index(f"{p}order_items_order", f"{p}order_items", ["store", "order_number"])
    op.create_table(
        f"{p}order_returns",
        sa.Column("store", sa.String(100), primary_key=True),
        sa.Column("rma", sa.String(40), primary_key=True),
        sa.Column("order_number", sa.String(6), nullable=False),
        sa.Column("refund_method", sa.String(40), nullable=False),
        sa.Column("refund_amount", sa.Float, nullable=False),
        sa.Column("label_url", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.ForeignKeyConstraint(["store", "order_number"], [f"{p}orders.store", f"{p}orders.number"]),
    )
    op.create_table(
        f"{p}order_return_lines",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("store", sa.String(100), nullable=False),
        sa.Column("rma", sa.String(40), nullable=False),
        sa.Column("line_id", sa.Integer, nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["store", "rma"], [f"{p}order_returns.store", f"{p}order_returns.rma"]),
    )
    op.create_index(f"{p}order_return_lines_rma", f"{p}order_return_lines", ["store", "rma"])
    op.create_table(
        f"{p}order_exchanges",
        sa.Column("store", sa.String(100), primary_key=True),
        sa.Column("reference", sa.String(40), primary_key=True),
        sa.Column("order_number", sa.String(6), nullable=False),
        sa.Column("line_id", sa.Integer, nullable=False),
        sa.Column("old_sku", sa.String(64), nullable=False),
        sa.Column("new_sku", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("label_url", sa.Text, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.ForeignKeyConstraint(["store", "order_number"], [f"{p}orders.store", f"{p}orders.number"]),
    )
    op.create_table(
        f"{p}stock_reservations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("store", sa.String(100), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("product_id", sa.String(100), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("order_number", sa.String(6), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("reference", sa.String(40)),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("released_at", sa.Float),
    )
    op.create_index(f"{p}stock_reservations_sku", f"{p}stock_reservations", ["store", "sku"])
    op.create_table(
        f"{p}verification_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index(f"{p}verification_failures_conv", f"{p}verification_failures", ["conversation_id", "at"])


def downgrade() -> None:
    p = context.config.attributes["prefix"]
    for table in ("verification_failures", "stock_reservations", "order_exchanges", "order_return_lines",
                  "order_returns", "order_items", "orders"):  # fmt: skip
        op.drop_table(f"{p}{table}")
