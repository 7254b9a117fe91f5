"""Read access to Rasa's SQL tracker store (its `events` table, one row per event, `data` the
event as JSON). Where it is: `SHOPBOT_TRACKER_DB_URL` (any SQLAlchemy URL, e.g. PostgreSQL),
else the PostgreSQL of `endpoints.postgres.yml` when that is the stack's `ENDPOINTS`, else the
SQLite file `SHOPBOT_TRACKER_DB` (set by `bot/stack.py`), else `<data>/conversations.db`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, inspect
from sqlalchemy.engine import URL, Engine

_md = MetaData()
EVENTS = Table(
    "events", _md,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)  # fmt: skip  # the columns of rasa.core.tracker_store.SQLTrackerStore.SQLEvent


def tracker_url(data_dir: Path | str) -> str:
    url = os.environ.get("SHOPBOT_TRACKER_DB_URL")
    if url:
        return url.replace("postgres://", "postgresql://", 1)
    if "postgres" in os.environ.get("ENDPOINTS", "") and os.environ.get("SHOPBOT_PG_HOST"):
        e = os.environ
        return URL.create(
            "postgresql", username=e.get("SHOPBOT_PG_USER"), password=e.get("SHOPBOT_PG_PASSWORD") or None,
            host=e["SHOPBOT_PG_HOST"], port=int(e.get("SHOPBOT_PG_PORT") or 5432), database=e.get("SHOPBOT_PG_DB"),
        ).render_as_string(hide_password=False)  # fmt: skip
    path = os.environ.get("SHOPBOT_TRACKER_DB") or str(Path(data_dir) / "conversations.db")
    return f"sqlite:///{Path(path).resolve()}"


class EventStore:
    """The tracker store's events table (read; written only by purge and GDPR erasure)."""

    def __init__(self, url: str):
        args = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {"pool_pre_ping": True}
        self.engine: Engine = create_engine(url, **args)
        self.table = EVENTS

    def exists(self) -> bool:
        return inspect(self.engine).has_table("events")

    def create(self) -> None:
        """Create the table as Rasa would (tests that write events with Rasa's own store do not need it)."""
        _md.create_all(self.engine)


_stores: dict[str, EventStore] = {}


def event_store(url: str) -> EventStore:
    if url not in _stores:
        _stores[url] = EventStore(url)
    return _stores[url]


def parse(data: str | None) -> dict[str, Any]:
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
