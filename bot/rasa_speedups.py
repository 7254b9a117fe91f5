"""Speed fixes for Rasa 3.6, applied when the Rasa server imports our channels.

Found by profiling the Rasa process under `bench/latency.py` (py-spy):
- Rasa checks every action server response with `jsonschema.validate`, which first checks the
  *schema itself* against the JSON Schema meta-schema, on every call: about half of the Rasa
  process's time per turn. Here the schema is checked once and its validator reused; responses
  are validated exactly as before and a bad response raises the same `ValidationError`.
- Every event read from the tracker store finds its class by walking all `Event` subclasses
  (`Event.resolve_by_type`, 7 % of the Rasa process's busy time): the answer is kept per name.
- The SQLite tracker store commits every turn with a full fsync (6 %): in WAL mode with
  `synchronous=NORMAL` a commit survives a crash of Rasa (not of the machine's power) and
  readers (the support console) do not block the writer. Its connections are pooled.
- Python's full garbage collections walked the whole loaded model, a 230–400 ms pause of
  every conversation each time: after loading, the model's objects are frozen (`gc.freeze`).
"""

from __future__ import annotations

import gc
import sqlite3
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core import agent
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

_schema = RemoteAction.action_response_format_spec()
_validator_class = validator_for(_schema)
_validator_class.check_schema(_schema)
_validator = _validator_class(_schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_validator.iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


_resolve_event_type = Event.resolve_by_type
_event_types: dict[str, type[Event]] = {}


def _resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    cls = _event_types.get(type_name)
    if cls is None:
        cls = _resolve_event_type(type_name, default)
        if cls is not None and cls.type_name == type_name:  # found, not the default: keep it
            _event_types[type_name] = cls
    return cls


def _sqlite_wal(dbapi_connection: object, _record: object) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


_tracker_store_init = SQLTrackerStore.__init__


def _pooled_wal_tracker_store(self: SQLTrackerStore, *args: Any, **kwargs: Any) -> None:
    _tracker_store_init(self, *args, **kwargs)
    if self.engine.dialect.name == "sqlite":  # only the tracker store's own engine
        url = self.engine.url
        self.engine.dispose()
        # SQLAlchemy 1.4 opens and closes a SQLite file connection for every session; closing
        # the last connection to a WAL database also checkpoints it: 13 % of a turn's time.
        self.engine = create_engine(url, poolclass=QueuePool, pool_size=2, connect_args={"check_same_thread": False})
        event.listen(self.engine, "connect", _sqlite_wal)
        self.sessionmaker = sessionmaker(bind=self.engine)


_load_agent = agent.load_agent


async def _load_agent_then_freeze(*args: Any, **kwargs: Any) -> agent.Agent:
    loaded = await _load_agent(*args, **kwargs)
    gc.collect()
    gc.freeze()  # the model's objects live as long as the process: no collection walks them again
    return loaded


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(_resolve_by_type)  # type: ignore[method-assign]
    SQLTrackerStore.__init__ = _pooled_wal_tracker_store  # type: ignore[method-assign]
    agent.load_agent = _load_agent_then_freeze


