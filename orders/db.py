"""The orders tables and their engine.

The tables live in the catalog's database (`DATABASE_URL` or `<data>/shopbot.db`) under the same
table prefix, so an exchange can read a variant's catalog stock in the transaction that reserves
it. The schema is owned by Alembic (`orders/migrations/`); `Tables` below mirrors the newest
migration for queries (a test compares the two).

SQLite gets its own engine that starts every transaction with `BEGIN IMMEDIATE`: two writers
then queue for the write lock instead of one failing when it upgrades a read lock. On PostgreSQL
the write paths lock the order row (`SELECT ... FOR UPDATE`) instead.
"""

from __future__ import annotations

import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Column,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass
class Tables:
    metadata: MetaData
    orders: Table
    items: Table
    returns: Table
    return_lines: Table
    exchanges: Table
    reservations: Table
    failures: Table
    writes: Table


def define_tables(prefix: str) -> Tables:
    """The schema as of the newest migration."""
    md = MetaData()
    p = prefix
    orders = Table(
        f"{p}orders", md,
        Column("store", String(100), primary_key=True),
        Column("number", String(6), primary_key=True),
        Column("email", String(254), nullable=False),  # lower-case
        Column("name", String(200), nullable=False),
        Column("street", String(200), nullable=False),
        Column("postal_code", String(12), nullable=False),
        Column("postal_key", String(12), nullable=False),  # upper-case, no spaces or dashes
        Column("city", String(100), nullable=False),
        Column("country", String(2), nullable=False),
        Column("language", String(2), nullable=False),
        Column("status", String(20), nullable=False),
        Column("created_at", Float, nullable=False),
        Column("updated_at", Float, nullable=False),
        Column("shipped_at", Float),
        Column("delivered_at", Float),
        Column("carrier", String(50)),
        Column("tracking_number", String(64)),
        Column("tracking_url", Text),
        Column("shipping_cost", Float, nullable=False),
        Column("payment_method", String(100), nullable=False),
        Index(f"{p}orders_email", "store", "email"),
    )  # fmt: skip
    items = Table(
        f"{p}order_items", md,
        Column("line_id", Integer, primary_key=True, autoincrement=True),
        Column("store", String(100), nullable=False),
        Column("order_number", String(6), nullable=False),
        Column("product_id", String(100), nullable=False),
        Column("sku", String(64), nullable=False),
        Column("title", String(300), nullable=False),
        Column("category", String(100), nullable=False),
        Column("tags", Text, nullable=False),  # JSON list, as in the catalog at checkout
        Column("size", String(40)),
        Column("color", String(40)),
        Column("quantity", Integer, nullable=False),
        Column("unit_price", Float, nullable=False),
        Column("returned_quantity", Integer, nullable=False),
        ForeignKeyConstraint(["store", "order_number"], [f"{p}orders.store", f"{p}orders.number"]),
        Index(f"{p}order_items_order", "store", "order_number"),
    )  # fmt: skip
    returns = Table(
        f"{p}order_returns", md,
        Column("store", String(100), primary_key=True),
        Column("rma", String(40), primary_key=True),
        Column("order_number", String(6), nullable=False),
        Column("refund_method", String(40), nullable=False),
        Column("refund_amount", Float, nullable=False),
        Column("label_url", Text, nullable=False),
        Column("created_at", Float, nullable=False),
        ForeignKeyConstraint(["store", "order_number"], [f"{p}orders.store", f"{p}orders.number"]),
    )  # fmt: skip
    return_lines = Table(
        f"{p}order_return_lines", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("store", String(100), nullable=False),
        Column("rma", String(40), nullable=False),
        Column("line_id", Integer, nullable=False),
        Column("quantity", Integer, nullable=False),
        Column("reason", String(40), nullable=False),
        Column("comment", Text, nullable=False),
        ForeignKeyConstraint(["store", "rma"], [f"{p}order_returns.store", f"{p}order_returns.rma"]),
        Index(f"{p}order_return_lines_rma", "store", "rma"),
    )  # fmt: skip
    exchanges = Table(
        f"{p}order_exchanges", md,
        Column("store", String(100), primary_key=True),
        Column("reference", String(40), primary_key=True),
        Column("order_number", String(6), nullable=False),
        Column("line_id", Integer, nullable=False),
        Column("old_sku", String(64), nullable=False),
        Column("new_sku", String(64), nullable=False),
        Column("reason", String(40), nullable=False),
        Column("label_url", Text, nullable=False),
        Column("created_at", Float, nullable=False),
        ForeignKeyConstraint(["store", "order_number"], [f"{p}orders.store", f"{p}orders.number"]),
    )  # fmt: skip
    reservations = Table(
        f"{p}stock_reservations", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("store", String(100), nullable=False),
        Column("sku", String(64), nullable=False),
        Column("product_id", String(100), nullable=False),
        Column("quantity", Integer, nullable=False),
        Column("order_number", String(6), nullable=False),
        Column("source", String(20), nullable=False),  # "order" (checkout) or "exchange"
        Column("reference", String(40)),  # the exchange's reference
        Column("created_at", Float, nullable=False),
        Column("released_at", Float),
        Index(f"{p}stock_reservations_sku", "store", "sku"),
    )  # fmt: skip
    failures = Table(
        f"{p}verification_failures", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("conversation_id", String(255), nullable=False),
        Column("at", Float, nullable=False),
        Column("store", String(100)),  # 0002: which order was tried, from where, with what
        Column("order_number", String(6)),
        Column("client", String(64)),
        Column("proof", String(10)),  # "email", "postcode" or null (nothing usable given)
        Index(f"{p}verification_failures_conv", "conversation_id", "at"),
        Index(f"{p}verification_failures_order", "store", "order_number", "at"),
        Index(f"{p}verification_failures_client", "client", "at"),
    )  # fmt: skip
    writes = Table(
        f"{p}order_writes", md,  # 0003: what each idempotency key (one per conversation turn) made
        Column("store", String(100), primary_key=True),
        Column("key", String(64), primary_key=True),
        Column("kind", String(20), nullable=False),  # "return", "exchange" or "cancel"
        Column("order_number", String(6), nullable=False),
        Column("reference", String(40), nullable=False),  # the RMA, the exchange's reference or the order number
        Column("created_at", Float, nullable=False),
    )  # fmt: skip
    return Tables(md, orders, items, returns, return_lines, exchanges, reservations, failures, writes)


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # the driver must not open transactions on its own
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine, prefix: str, revision: str = "head") -> None:
    """Bring the orders tables up to `revision` (one migrator at a time on PostgreSQL)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["prefix"] = prefix
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(f"{prefix}orders-migrate".encode())})
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


_engines: dict[str, Engine] = {}
_migrated: set[tuple[str, str]] = set()
_lock = threading.Lock()


def orders_engine(url: str, prefix: str) -> Engine:
    """One engine per URL per process, migrated once per prefix."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = make_engine(url)
        if (url, prefix) not in _migrated:
            migrate(engine, prefix)
            _migrated.add((url, prefix))
    return engine


def forget(url: str, prefix: str) -> None:
    """Tests: the next `orders_engine` call migrates again (after the tables were dropped)."""
    with _lock:
        _migrated.discard((url, prefix))
