"""The cached action-response validation accepts and refuses exactly what Rasa's own does."""

from __future__ import annotations

import asyncio

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from sqlalchemy import event

from bot import rasa_speedups

GOOD = {"events": [{"event": "slot", "name": "language", "value": "de"}], "responses": [{"text": "Hallo"}]}
BAD = {"events": [{"name": "language"}], "responses": "not a list"}


@pytest.fixture
def action():
    original = RemoteAction._validate_action_result
    yield RemoteAction("action_test", None)
    RemoteAction._validate_action_result = original


def test_same_verdicts_as_rasa(action):
    with pytest.raises(ValidationError) as rasa_error:
        action._validate_action_result(BAD)
    assert action._validate_action_result(GOOD) is True
    rasa_speedups.apply()
    assert action._validate_action_result(GOOD) is True
    with pytest.raises(ValidationError) as ours:
        action._validate_action_result(BAD)
    assert ours.value.message == rasa_error.value.message


def test_event_types_resolve_as_in_rasa():
    """The per-name cache gives Rasa's own answer for every event type, also for unknown names."""
    from rasa.shared.core.events import Event, UserUttered
    from rasa.shared.utils.common import all_subclasses

    original = Event.resolve_by_type
    names = {cls.type_name for cls in all_subclasses(Event)}
    expected = {name: original(name) for name in names}
    rasa_speedups.apply()
    try:
        for _ in range(2):  # the second round comes from the cache
            assert {name: Event.resolve_by_type(name) for name in names} == expected
        assert Event.resolve_by_type("no-such-event", default=UserUttered) is UserUttered
        assert "no-such-event" not in rasa_speedups._event_types
        with pytest.raises(ValueError, match="Unknown event name"):
            Event.resolve_by_type("no-such-event")
    finally:
        Event.resolve_by_type = original


def test_sqlite_tracker_store_commits_in_wal_mode(tmp_path):
    """Rasa's SQL tracker store on SQLite runs in WAL mode, and keeps what it saved."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    original = SQLTrackerStore.__init__
    rasa_speedups.apply()
    rasa_speedups.apply()  # idempotent
    try:
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        connects = []
        event.listen(store.engine, "connect", lambda *_: connects.append(1))
        tracker = DialogueStateTracker.from_events("anna", [ActionExecuted("action_listen"), UserUttered("Hallo")])
        asyncio.run(store.save(tracker))
        asyncio.run(store.save(tracker))
        assert len(asyncio.run(store.retrieve("anna")).events) == 2
        assert len(connects) <= 1  # a pooled connection, not a new one per session
    finally:
        SQLTrackerStore.__init__ = original  # the other tests get Rasa's own store
    again = asyncio.run(SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db")).retrieve("anna"))
    assert [e.type_name for e in again.events] == ["action", "user"]


def test_the_loaded_model_is_frozen_out_of_garbage_collection(monkeypatch):
    """After the agent loads, its objects are moved out of the collector's reach (gc.freeze)."""
    import gc

    async def load_agent(**_kwargs):
        return "agent"

    monkeypatch.setattr(rasa_speedups, "_load_agent", load_agent)
    gc.unfreeze()
    try:
        assert asyncio.run(rasa_speedups._load_agent_then_freeze(model_path="m")) == "agent"
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
