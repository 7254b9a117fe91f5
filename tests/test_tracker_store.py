"""The tracker-store configurations load and keep conversations: SQLite (the default) and
the running PostgreSQL (endpoints.postgres.yml)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from tests.conftest import ROOT

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def roundtrip(endpoints: str) -> None:
    config = read_endpoint_config(str(ROOT / endpoints), "tracker_store")
    store = TrackerStore.create(config, DOMAIN)
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


def test_sqlite_tracker_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPBOT_ACTION_URL", "http://127.0.0.1:5055/webhook")
    monkeypatch.setenv("SHOPBOT_TRACKER_DB", str(tmp_path / "c.db"))
    roundtrip("endpoints.yml")
    assert (tmp_path / "c.db").stat().st_size > 0


def test_postgres_tracker_store(monkeypatch):
    psycopg2 = pytest.importorskip("psycopg2")
    try:
        psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="test").close()
    except psycopg2.OperationalError as exc:  # the brief promises a running server: fail loudly
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {exc}")
    for key, value in {"SHOPBOT_ACTION_URL": "http://127.0.0.1:5055/webhook", "SHOPBOT_PG_HOST": "127.0.0.1",
                       "SHOPBOT_PG_PORT": "5432", "SHOPBOT_PG_USER": "postgres", "SHOPBOT_PG_PASSWORD": "",
                       "SHOPBOT_PG_DB": "test"}.items():  # fmt: skip
        monkeypatch.setenv(key, value)
    roundtrip("endpoints.postgres.yml")
