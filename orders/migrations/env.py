"""Alembic environment for the orders tables: run by `orders.db.migrate` with an open
connection and the table prefix in `config.attributes` (no alembic.ini, no URL here)."""

from __future__ import annotations

from alembic import context

config = context.config
prefix = config.attributes["prefix"]
connection = config.attributes["connection"]

context.configure(connection=connection, version_table=f"{prefix}orders_alembic_version")
with context.begin_transaction():
    context.run_migrations()
