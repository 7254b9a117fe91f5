"""Speed fixes for Rasa 3.6 that have no extension point and stay patches, applied (once, and
only on Rasa 3.6.x) by the tracker store named in `endpoints.yml` (`bot/tracker_store.py`).

Found by profiling the Rasa process under `bench/latency.py` (py-spy):
- Rasa checks every action server response with `jsonschema.validate`, which first checks the
  *schema itself* against the JSON Schema meta-schema, on every call: about half of the Rasa
  process's time per turn. Here the schema is checked once and its validator reused; responses
  are validated exactly as before and a bad response raises the same `ValidationError`.
- Every event read from the tracker store finds its class by walking all `Event` subclasses
  (`Event.resolve_by_type`, 7 % of the Rasa process's busy time): the answer is kept per name.

The SQLite tracker store's WAL mode and pooled connections and the garbage-collector freeze of
the loaded model are not patches: they live in `bot.tracker_store.PooledSQLTrackerStore`.
"""

from __future__ import annotations

import logging
from typing import Any

import rasa
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

logger = logging.getLogger(__name__)
PATCHED_RASA = "3.6."  # the Rasa versions whose internals these replacements were written against

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


PATCHED = [(RemoteAction, "_validate_action_result"), (Event, "resolve_by_type")]  # (owner, attribute)


def apply(version: str = rasa.__version__) -> bool:
    """Install the patches (idempotent); on another Rasa version skip them with a log line.
    True when they are in place."""
    if not version.startswith(PATCHED_RASA):
        logger.warning("Rasa %s is not %sx: its speed patches (bot/rasa_speedups.py) are skipped", version, PATCHED_RASA)
        return False
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(_resolve_by_type)  # type: ignore[method-assign]
    return True
