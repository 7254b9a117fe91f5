"""Malformed message metadata (lists, objects, huge strings where ids belong) reaches actions
from channels other than ours; every action still answers (actions/context.py `metadata`)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import ActionExecutor

from actions import context
from bot.metadata import CLIENT_KEY

HOSTILE = [
    {"product_id": ["trailrunner-gtx"], "country": {"code": "AT"}, "language": "de" * 2500, "cart": "everything"},
    {"product_id": {"id": "trailrunner-gtx"}, "country": ["AT", "CH"], "language": ["en"], "page_type": 7},
]
CASES = [
    ("action_answer_shipping", "Was kostet der Versand?", "ask_shipping"),
    ("action_answer_size", "Welche Größe soll ich nehmen?", "ask_size"),
    ("action_product_info", "Ist der wasserdicht?", "ask_product_info"),
    ("action_search_products", "Ich suche Wanderschuhe", "search_product"),
]


@pytest.fixture(scope="module")
def actions():
    executor = ActionExecutor()
    executor.register_package("actions")
    return executor.actions


@pytest.mark.parametrize("meta", HOSTILE)
@pytest.mark.parametrize(("name", "text", "intent"), CASES)
def test_actions_answer_despite_malformed_metadata(actions, run_action, name, text, intent, meta):
    action = actions[name]
    messages, _ = run_action(action.__self__ if hasattr(action, "__self__") else action, text, intent, metadata=meta)
    assert messages and any(m.get("text") for m in messages)


def test_metadata_keeps_good_values_and_the_channels_client_address():
    from rasa_sdk import Tracker

    latest = {"text": "hi", "metadata": {"product_id": "trailrunner-gtx", "country": ["AT"], CLIENT_KEY: "203.0.113.5"}}
    tracker = Tracker("s", {}, latest, [], False, None, {}, "action_listen")
    assert context.metadata(tracker) == {"product_id": "trailrunner-gtx", CLIENT_KEY: "203.0.113.5"}
    assert context.client_address(tracker) == "203.0.113.5"
