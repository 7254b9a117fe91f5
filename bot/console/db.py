"""The console's own tables, in the catalog database (`catalog/db.py: database_url`, same
`SHOPBOT_TABLE_PREFIX`), created with `create_all` like the catalog tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Engine

from catalog.db import database_url, make_engine, table_prefix


@dataclass
class ConsoleDB:
    engine: Engine
    metadata: MetaData
    users: Table
    sessions: Table
    failures: Table
    summaries: Table
    state: Table
    tags: Table
    notes: Table
    corrections: Table
    access_log: Table
    ratings: Table
    replies: Table
    unanswered: Table
    folded: Table

    @classmethod
    def connect(cls, url: str, prefix: str | None = None) -> ConsoleDB:
        p = table_prefix(prefix)
        engine = make_engine(url)
        md = MetaData()
        users = Table(
            f"{p}console_users", md,
            Column("name", String(100), primary_key=True),
            Column("role", String(10), nullable=False),  # agent | admin
            Column("password_hash", String(200), nullable=False),
            Column("created_at", Float, nullable=False),
        )  # fmt: skip
        sessions = Table(
            f"{p}console_sessions", md,
            Column("token_hash", String(64), primary_key=True),  # sha256 of the cookie value
            Column("user", String(100), nullable=False, index=True),
            Column("csrf", String(64), nullable=False),
            Column("created_at", Float, nullable=False),
            Column("expires_at", Float, nullable=False),
        )  # fmt: skip
        failures = Table(
            f"{p}console_login_failures", md,
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("user", String(100), nullable=False, index=True),
            Column("at", Float, nullable=False),
        )  # fmt: skip
        summaries = Table(
            f"{p}console_conversations", md,
            Column("sender_id", String(255), primary_key=True),
            Column("first_ts", Float, nullable=False, index=True),
            Column("last_ts", Float, nullable=False, index=True),
            Column("language", String(10), index=True),
            Column("user_messages", Integer, nullable=False, default=0),
            Column("bot_messages", Integer, nullable=False, default=0),
            Column("intents", Text, nullable=False, default=" "),  # " greet search_product " (LIKE '% x %')
            Column("fallbacks", Integer, nullable=False, default=0),
            Column("dont_knows", Integer, nullable=False, default=0),
            Column("handoff", Boolean, nullable=False, default=False, index=True),
            Column("min_confidence", Float),
            Column("products", Text, nullable=False, default=" "),  # " id1 id2 "
            Column("page", Text),  # the last page the shopper wrote from
            Column("search_text", Text, nullable=False, default=""),  # shopper messages, lower case
            Column("reviewed", Boolean, nullable=False, default=False, index=True),
            Column("stages", Text, nullable=False, default=" "),  # journey stages reached (bot/console/journey.py)
            Column("last_action", String(100)),  # carried between folds (a bot reply's action may come in the next batch)
            Column("day", Integer, index=True),  # UTC day of first_ts (days since 1970-01-01), the dashboard's bucket
            Column("pending_ts", Float),  # the shopper message still waiting for the bot's first reply
            Column("pending_text", Text),  # the latest shopper message (what a fallback / "don't know" answered)
        )  # fmt: skip
        state = Table(
            f"{p}console_state", md,
            Column("key", String(40), primary_key=True),
            Column("value", Integer, nullable=False),
        )  # fmt: skip
        tags = Table(
            f"{p}console_tags", md,
            Column("sender_id", String(255), primary_key=True),
            Column("tag", String(60), primary_key=True),
        )  # fmt: skip
        notes = Table(
            f"{p}console_notes", md,
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("sender_id", String(255), nullable=False, index=True),
            Column("user", String(100), nullable=False),
            Column("text", Text, nullable=False),
            Column("at", Float, nullable=False),
        )  # fmt: skip
        corrections = Table(
            f"{p}console_corrections", md,
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("sender_id", String(255), nullable=False, index=True),
            Column("event_id", Integer, nullable=False),  # the user or bot event corrected
            Column("kind", String(10), nullable=False),  # intent | answer
            Column("text", Text, nullable=False),  # the shopper's message (intent) or the bot's answer
            Column("intent", String(100)),  # the right intent
            Column("action", String(100)),  # the right action (answer corrections, optional)
            Column("answer", Text),  # the right answer (answer corrections)
            Column("user", String(100), nullable=False),
            Column("at", Float, nullable=False, index=True),
        )  # fmt: skip
        ratings = Table(
            f"{p}console_ratings", md,
            Column("sender_id", String(255), primary_key=True),
            Column("event_id", Integer, primary_key=True),  # the rated bot message's event
            Column("rating", Integer, nullable=False),  # +1 helpful, -1 not helpful
            Column("at", Float, nullable=False),
        )  # fmt: skip
        replies = Table(
            f"{p}console_replies", md,  # the bot's response time to each shopper message (dashboard)
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("sender_id", String(255), nullable=False, index=True),
            Column("day", Integer, nullable=False, index=True),
            Column("seconds", Float, nullable=False),
        )  # fmt: skip
        unanswered = Table(
            f"{p}console_unanswered", md,  # shopper messages answered by a fallback or "don't know"
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("sender_id", String(255), nullable=False, index=True),
            Column("day", Integer, nullable=False, index=True),
            Column("at", Float, nullable=False),
            Column("kind", String(10), nullable=False),  # fallback | dont_know
            Column("text", Text, nullable=False),
        )  # fmt: skip
        folded = Table(
            f"{p}console_folded", md,  # the events already folded (both feeds): a redelivered or refolded event counts once
            Column("key", String(32), primary_key=True),  # 128 bits of the sha256 of the event as Rasa publishes it (summary.event_key)
            Column("at", Float, nullable=False),  # when it was folded; keys expire (summary.KEEP_KEYS_DAYS; an hourly scan, no index to keep)
        )  # fmt: skip
        access_log = Table(
            f"{p}console_access_log", md,
            Column("id", Integer, primary_key=True, autoincrement=True),
            Column("user", String(100), nullable=False),
            Column("sender_id", String(255), nullable=False),
            Column("what", String(40), nullable=False),  # reveal_personal_data, gdpr_export, ...
            Column("at", Float, nullable=False),
        )  # fmt: skip
        md.create_all(engine)
        _add_new_columns(engine, summaries)
        return cls(engine, md, users, sessions, failures, summaries, state, tags, notes, corrections, access_log, ratings, replies, unanswered, folded)

    def drop(self) -> None:
        """Drop this prefix's console tables (tests)."""
        self.metadata.drop_all(self.engine)
        self.engine.dispose()


def _add_new_columns(engine: Engine, table: Table) -> None:
    """Adds the nullable columns a newer version put in `table` to an existing database (the
    summary's dashboard columns); `create_all` only creates missing tables. Old rows keep NULL
    there until `shopbot console purge` or a re-fold."""
    have = {c["name"] for c in inspect(engine).get_columns(table.name)}
    missing = [c for c in table.columns if c.name not in have and c.nullable]
    with engine.begin() as conn:
        for c in missing:
            conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{c.name}" {c.type.compile(engine.dialect)}'))


_open: dict[tuple[str, str], ConsoleDB] = {}


def open_console_db(data_dir: Path | str, url: str | None = None, prefix: str | None = None) -> ConsoleDB:
    """One `ConsoleDB` per URL and prefix per process."""
    url = url or database_url(data_dir)
    prefix = table_prefix(prefix)
    if (url, prefix) not in _open:
        _open[(url, prefix)] = ConsoleDB.connect(url, prefix)
    return _open[(url, prefix)]
