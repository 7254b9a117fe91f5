"""A speed fix for Rasa 3.6, applied when the Rasa server imports our channels.

Rasa checks every action server response with `jsonschema.validate`, which first checks the
*schema itself* against the JSON Schema meta-schema, on every call. Profiled under
`bench/latency.py` (py-spy, 1 conversation) that re-check was about half of the Rasa process's
time per turn. Here the schema is checked once and its validator reused; responses are
validated exactly as before and a bad response raises the same `ValidationError`.
"""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

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


def apply() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]

