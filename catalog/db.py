"""The catalog database: the source of truth for products, their embeddings, index versions,
import jobs and merchant API tokens.

SQLite (`<data>/shopbot.db`) by default, PostgreSQL (or any SQLAlchemy URL) through
`DATABASE_URL`. Table names carry a prefix (`SHOPBOT_TABLE_PREFIX`, default `shopbot_`), so
tests and several shops can share one database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine

DEFAULT_PREFIX = "shopbot_"


def table_prefix(prefix: str | None = None) -> str:
    """The prefix of every table name: `prefix` when given, else `SHOPBOT_TABLE_PREFIX`, else `shopbot_`."""
    return os.environ.get("SHOPBOT_TABLE_PREFIX", DEFAULT_PREFIX) if prefix is None else prefix


def database_url(data_dir: Path | str) -> str:
    """`DATABASE_URL` if set, else a SQLite file in the data folder."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url.replace("postgres://", "postgresql://", 1)
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(data_dir).resolve() / 'shopbot.db'}"


def make_engine(url: str) -> Engine:
    """An engine for the shop's database: SQLite in WAL mode (readers never wait for the writer),
    else a pool that checks its connections (PostgreSQL restarts)."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, future=False)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
    event.listen(engine, "connect", sqlite_pragmas)
    return engine


def sqlite_pragmas(conn, _record) -> None:  # noqa: ANN001
    """WAL (readers never wait for the writer), commits without fsync (a crash of the process loses nothing)."""
    cursor = conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@dataclass
class Database:
    """An engine and the catalog tables (created on first use)."""

    engine: Engine
    metadata: MetaData
    products: Table
    versions: Table
    jobs: Table
    tokens: Table

    @classmethod
    def connect(cls, url: str, prefix: str | None = None) -> Database:
        prefix = table_prefix(prefix)
        engine = make_engine(url)
        metadata = MetaData()
        products = Table(
            f"{prefix}products", metadata,
            Column("store", String(100), primary_key=True),
            Column("id", String(100), primary_key=True),
            Column("data", Text, nullable=False),  # the product as JSON
            Column("content_hash", String(32), nullable=False),
            Column("embed_hash", String(32), nullable=False),  # model + embedded text
            Column("vector", LargeBinary, nullable=False),  # float32, L2-normalised
            Column("variants", Integer, nullable=False),
            Column("updated_at", Float, nullable=False),
        )  # fmt: skip
        versions = Table(
            f"{prefix}index_versions", metadata,
            Column("store", String(100), primary_key=True),
            Column("version", Integer, primary_key=True),
            Column("model", String(200), nullable=False),
            Column("index_type", String(40), nullable=False),
            Column("products", Integer, nullable=False),
            Column("variants", Integer, nullable=False),
            Column("catalog_hash", String(32), nullable=False),
            Column("path", Text, nullable=False),
            Column("build_seconds", Float, nullable=False),
            Column("created_at", Float, nullable=False),
        )  # fmt: skip
        jobs = Table(
            f"{prefix}jobs", metadata,
            Column("id", String(40), primary_key=True),
            Column("store", String(100), nullable=False, index=True),
            Column("kind", String(40), nullable=False),
            Column("status", String(20), nullable=False),  # queued, running, done, failed
            Column("stage", String(40), nullable=False, default=""),
            Column("done", Integer, nullable=False, default=0),
            Column("total", Integer, nullable=False, default=0),
            Column("report", Text),  # JSON
            Column("error", Text),
            Column("created_at", Float, nullable=False),
            Column("updated_at", Float, nullable=False),
        )  # fmt: skip
        tokens = Table(
            f"{prefix}merchant_tokens", metadata,
            Column("id", String(40), primary_key=True),
            Column("name", String(200), nullable=False),
            Column("token_hash", String(64), nullable=False, unique=True),
            Column("created_at", Float, nullable=False),
            Column("revoked_at", Float),
        )  # fmt: skip
        metadata.create_all(engine)
        return cls(engine, metadata, products, versions, jobs, tokens)

    def drop(self) -> None:
        """Drop this prefix's tables (tests)."""
        self.metadata.drop_all(self.engine)
        self.engine.dispose()


_open: dict[tuple[str, str], Database] = {}


def open_database(data_dir: Path | str, url: str | None = None, prefix: str | None = None) -> Database:
    """One `Database` per URL and prefix per process."""
    url = url or database_url(data_dir)
    prefix = table_prefix(prefix)
    key = (url, prefix)
    if key not in _open:
        _open[key] = Database.connect(url, prefix)
    return _open[key]
