"""The tracker-store configurations load our `PooledSQLTrackerStore` and keep conversations:
SQLite (the default, in WAL mode over pooled connections) and the running PostgreSQL
(endpoints.postgres.yml); creating the store applies the Rasa 3.6 speed patches."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config
from sqlalchemy import event

from bot import rasa_speedups
from bot.tracker_store import PooledSQLTrackerStore
from tests.conftest import ROOT, service_missing

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(autouse=True)
def _unpatched(rasa_unpatched, monkeypatch):
    from bot import tracker_store

    monkeypatch.setattr(tracker_store, "_frozen", True)  # no freezing of the test process
    yield


def roundtrip(endpoints: str) -> PooledSQLTrackerStore:
    config = read_endpoint_config(str(ROOT / endpoints), "tracker_store")
    store = TrackerStore.create(config, DOMAIN)
    # Rasa falls back to an in-memory store when a custom class fails to import: it must not have
    assert type(store) is PooledSQLTrackerStore
    assert Event.resolve_by_type is rasa_speedups._resolve_by_type  # the speed patches came with it
    sender = f"test-{uuid.uuid4()}"
    tracker = DialogueStateTracker.from_events(
        sender,
        [UserUttered("Gibt es den in 44?", {"name": "ask_size", "confidence": 1.0}),
         BotUttered("Ja, in Blau.", metadata={"sources": ["trailrunner-gtx"]})],
    )  # fmt: skip
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve(sender))
    bot = [e for e in again.events if isinstance(e, BotUttered)]
    assert bot and bot[-1].metadata["sources"] == ["trailrunner-gtx"]
    return store


def test_sqlite_tracker_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPBOT_ACTION_URL", "http://127.0.0.1:5055/webhook")
    monkeypatch.setenv("SHOPBOT_TRACKER_DB", str(tmp_path / "c.db"))
    store = roundtrip("endpoints.yml")
    assert (tmp_path / "c.db").stat().st_size > 0
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    connects = []
    event.listen(store.engine, "connect", lambda *_: connects.append(1))
    tracker = DialogueStateTracker.from_events("anna", [ActionExecuted("action_listen"), UserUttered("Hallo")])
    for _ in range(3):
        asyncio.run(store.save(tracker))
    assert len(asyncio.run(store.retrieve("anna")).events) == 2
    assert len(connects) <= 1  # a pooled connection, not a new one per session


def test_first_turn_freezes_the_loaded_objects(tmp_path, monkeypatch):
    """The first retrieve (the agent is loaded by then) moves the live objects out of the
    collector's reach, once per process."""
    import gc

    from bot import tracker_store

    monkeypatch.setattr(tracker_store, "_frozen", False)
    store = PooledSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        asyncio.run(store.retrieve("nobody"))
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert tracker_store.freeze_loaded_objects() is False  # once only
    finally:
        gc.unfreeze()


def test_postgres_tracker_store(monkeypatch):
    import psycopg2  # in requirements (Rasa needs it): missing is an error, not a skip
    try:
        psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="test").close()
    except psycopg2.OperationalError as exc:
        service_missing(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {exc}")
    for key, value in {"SHOPBOT_ACTION_URL": "http://127.0.0.1:5055/webhook", "SHOPBOT_PG_HOST": "127.0.0.1",
                       "SHOPBOT_PG_PORT": "5432", "SHOPBOT_PG_USER": "postgres", "SHOPBOT_PG_PASSWORD": "",
                       "SHOPBOT_PG_DB": "test"}.items():  # fmt: skip
        monkeypatch.setenv(key, value)
    store = roundtrip("endpoints.postgres.yml")
    assert store.engine.dialect.name == "postgresql"


def test_a_database_away_for_a_moment_is_waited_for_then_the_error_is_raised(tmp_path, monkeypatch):
    """A load or save that cannot reach the database (a PostgreSQL restart) is tried again on
    fresh connections, so the conversation is neither kept in one process's memory nor started
    anew by Rasa's fail-safe wrapper; a database that stays away still raises (the wrapper's turn)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from sqlalchemy.exc import OperationalError

    from bot import tracker_store

    monkeypatch.setattr(tracker_store, "RETRY_DELAYS", (0.01,) * 5)
    store = PooledSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
    real_save, real_retrieve, away = SQLTrackerStore.save, SQLTrackerStore.retrieve, {"save": 2, "load": 2}

    def flaky(kind, real):
        async def call(self, *args):
            if away[kind] > 0:
                away[kind] -= 1
                raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))
            return await real(self, *args)
        return call

    monkeypatch.setattr(SQLTrackerStore, "save", flaky("save", real_save))
    monkeypatch.setattr(SQLTrackerStore, "retrieve", flaky("load", real_retrieve))
    tracker = DialogueStateTracker.from_events("anna", [ActionExecuted("action_listen"), UserUttered("Hallo")])
    asyncio.run(store.save(tracker))
    assert [e.text for e in asyncio.run(store.retrieve("anna")).events if isinstance(e, UserUttered)] == ["Hallo"]
    assert away == {"save": 0, "load": 0}
    away["save"] = 99
    with pytest.raises(OperationalError):
        asyncio.run(store.save(tracker))
    assert away["save"] == 99 - 6  # the first attempt and one after each delay
