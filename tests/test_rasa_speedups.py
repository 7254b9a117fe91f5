"""The cached action-response validation accepts and refuses exactly what Rasa's own does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

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
