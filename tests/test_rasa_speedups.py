"""The Rasa 3.6 patches give Rasa's own answers, are applied only on Rasa 3.6.x, and every test
gets Rasa's unpatched functions back (all of them, so no later test compares a patched function
with itself)."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot import rasa_speedups

GOOD = {"events": [{"event": "slot", "name": "language", "value": "de"}], "responses": [{"text": "Hallo"}]}
BAD = {"events": [{"name": "language"}], "responses": "not a list"}


@pytest.fixture(autouse=True)
def rasa_own(rasa_unpatched):
    """Each test starts from, and gives back, Rasa's own functions (every patched one)."""
    assert RemoteAction._validate_action_result is not rasa_speedups._validate_action_result
    assert Event.resolve_by_type is not rasa_speedups._resolve_by_type
    yield


def test_same_verdicts_as_rasa():
    action = RemoteAction("action_test", None)
    with pytest.raises(ValidationError) as rasa_error:
        action._validate_action_result(BAD)
    assert action._validate_action_result(GOOD) is True
    assert rasa_speedups.apply() is True
    assert RemoteAction._validate_action_result is rasa_speedups._validate_action_result
    assert action._validate_action_result(GOOD) is True
    with pytest.raises(ValidationError) as ours:
        action._validate_action_result(BAD)
    assert ours.value.message == rasa_error.value.message


def test_event_types_resolve_as_in_rasa():
    """The per-name cache gives Rasa's own answer for every event type, also for unknown names."""
    original = Event.resolve_by_type
    names = {cls.type_name for cls in all_subclasses(Event)}
    expected = {name: original(name) for name in names}
    rasa_speedups.apply()
    assert Event.resolve_by_type is rasa_speedups._resolve_by_type
    for _ in range(2):  # the second round comes from the cache
        assert {name: Event.resolve_by_type(name) for name in names} == expected
    assert set(rasa_speedups._event_types) == names
    assert Event.resolve_by_type("no-such-event", default=UserUttered) is UserUttered
    assert "no-such-event" not in rasa_speedups._event_types
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no-such-event")


def test_other_rasa_versions_are_left_alone(caplog):
    own = (RemoteAction._validate_action_result, Event.resolve_by_type)
    with caplog.at_level("WARNING", logger="bot.rasa_speedups"):
        assert rasa_speedups.apply("3.7.0") is False
    assert (RemoteAction._validate_action_result, Event.resolve_by_type) == own
    assert "Rasa 3.7.0" in caplog.text and "skipped" in caplog.text


def test_importing_the_channels_patches_nothing():
    """The patches come with the tracker store named in endpoints.yml, not as a side effect of an import."""
    import importlib

    import bot.channels

    importlib.reload(bot.channels)
    assert RemoteAction._validate_action_result is not rasa_speedups._validate_action_result
    assert Event.resolve_by_type is not rasa_speedups._resolve_by_type
