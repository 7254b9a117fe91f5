"""Rasa's SQL tracker store, tuned: named in `endpoints.yml` (`type: bot.tracker_store.PooledSQLTrackerStore`),
so every Rasa command that loads the endpoints (`rasa run`, `rasa shell`, `rasa interactive`)
uses it; no patching of Rasa's own class.

- On SQLite, commits run in WAL mode with `synchronous=NORMAL` (a commit survives a crash of
  Rasa, not of the machine's power; readers such as the support console do not block the
  writer) over pooled connections: SQLAlchemy 1.4 otherwise opens and closes a connection per
  session, and closing the last connection to a WAL database checkpoints it (13 % of a turn).
  Other databases (PostgreSQL) keep Rasa's engine.
- Rasa's speed patches that have no extension point (`bot/rasa_speedups.py`, guarded by the
  Rasa version) are applied when the store is created, i.e. in exactly the processes that load
  our endpoints.
- Python's full garbage collections walked the whole loaded model (230–400 ms pauses): on the
  first conversation turn, when the agent has loaded, the objects alive then are frozen out of
  the collector's reach (`gc.freeze`). Rasa 3.6 has no agent-loaded hook, and Sanic refuses
  listeners added while the server starts, which is when Rasa creates the tracker store.
- A database that went away for a moment (a PostgreSQL restart or failover: 2–3 s) is waited
  for: a load or save that fails to connect is tried again for up to about 8 s, on fresh
  connections. Rasa would otherwise keep the conversation in that process's memory only (save)
  or start it anew (load): messages answered but missing from the database, a form forgotten.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot import rasa_speedups

logger = logging.getLogger(__name__)
_frozen = False
RETRY_DELAYS = (0.25, 0.5, 1.0, 2.0, 4.0)  # seconds between attempts while the database is away


def _sqlite_wal(dbapi_connection: object, _record: object) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def freeze_loaded_objects() -> bool:
    """Move every object alive now out of the collector's reach, once per process; True the first time."""
    global _frozen
    if _frozen:
        return False
    _frozen = True
    gc.collect()
    gc.freeze()  # the model's objects live as long as the process: no collection walks them again
    logger.info("froze %d objects out of garbage collection", gc.get_freeze_count())
    return True


class PooledSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` with a pooled WAL engine on SQLite; same tables, same configuration keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rasa_speedups.apply()
        if self.engine.dialect.name == "sqlite":
            url = self.engine.url
            self.engine.dispose()
            self.engine = create_engine(url, poolclass=QueuePool, pool_size=2, connect_args={"check_same_thread": False})
            event.listen(self.engine, "connect", _sqlite_wal)
            self.sessionmaker = sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        freeze_loaded_objects()  # the first turn: the agent is loaded
        return await _again_while_away("load", lambda: SQLTrackerStore.retrieve(self, sender_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        # each attempt counts the events already stored and adds the rest in one commit
        await _again_while_away("save", lambda: SQLTrackerStore.save(self, tracker))


async def _again_while_away(what: str, call: Callable[[], Awaitable[Any]]) -> Any:
    """`call()`, again after each delay while the database cannot be reached; then its error."""
    for delay in (*RETRY_DELAYS, None):
        try:
            return await call()
        except OperationalError as exc:  # connection refused or dropped: SQLAlchemy renews the pool
            if delay is None:
                raise
            logger.warning("tracker %s failed, the database is away (%s); again in %.2f s", what, str(exc.orig).strip()[:120], delay)
            await asyncio.sleep(delay)
    return None
