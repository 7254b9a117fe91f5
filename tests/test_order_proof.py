"""Proving an order in a conversation (actions/order_proof.py) through the order actions, with
the real orders backend on SQLite seeded with the demo orders: a postcode proves only its own
order, every miss counts (conversation, client address, order number), wrong postcodes for one
order make it ask for the e-mail address, and a proof expires when idle."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher
from sqlalchemy import select

from actions import context
from bot.metadata import CLIENT_KEY
from tests.conftest import ROOT
from tests.test_orders import demo_products, make_backend  # noqa: F401  (fixture)

DOMAIN = yaml.safe_load(Path(ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def actions():
    executor = ActionExecutor()
    executor.register_package("actions")
    return executor.actions


@pytest.fixture
def backend(test_catalog, tmp_path, demo_products):  # noqa: F811
    b = make_backend("sqlite", tmp_path, demo_products)
    context.use_orders_backend(b)
    yield b
    context.use_orders_backend(None)
    b.drop()


def tracker(text: str, intent: str = "provide_order_info", slots: dict | None = None, set_now: dict | None = None,
            sender: str | None = None, client: str = "203.0.113.5") -> Tracker:  # fmt: skip
    slots = {name: None for name in DOMAIN["slots"]} | {"requested_slot": None} | (slots or {}) | (set_now or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], "metadata": {CLIENT_KEY: client}}
    events = [{"event": "user", "text": text, "parse_data": latest}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (set_now or {}).items()]
    return Tracker(sender or f"conv-{uuid.uuid4().hex}", slots, latest, events, False, None, {"name": "x"}, "action_listen")


def run(actions, name: str, t: Tracker) -> tuple[str, dict]:
    dispatcher = CollectingDispatcher()
    result = actions[name](dispatcher, t, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def proven(number: str, contact: str, at: float | None = None) -> dict:
    return {"order_number": number, "order_contact": contact, "order_verified": number, "order_proof_at": at or time.time()}


def failures(backend) -> list:
    with backend.engine.connect() as conn:
        return conn.execute(select(backend.t.failures)).fetchall()


VALIDATE = "validate_order_verification_form"


def test_a_postcode_proves_only_the_order_it_was_given_for(actions, backend):
    # 100234 and 100235 share Anna's postcode: the proof of one does not open the other
    _, slots = run(actions, VALIDATE, tracker("and the status of 100235?", "order_status", proven("100234", "10115")))
    assert slots["order_number"] == "100235" and slots.get("order_verified") is None
    assert slots["order_contact"] is None and slots["requested_slot"] == "order_contact"
    assert failures(backend) == []  # nothing was tried
    typed = tracker("10115", slots={"order_number": "100235", "requested_slot": "order_contact"}, set_now={"order_contact": "10115"})
    _, slots = run(actions, VALIDATE, typed)
    assert slots["order_verified"] == "100235"  # typed for this order, it proves it


def test_an_email_proof_covers_its_other_orders_and_a_kept_email_that_misses_counts(actions, backend):
    _, slots = run(actions, VALIDATE, tracker('/order_status{"order_number": "100236"}', "order_status", proven("100234", "anna@example.org")))
    assert slots["order_verified"] == "100236"
    text, slots = run(actions, VALIDATE, tracker("status of 100237", "order_status", proven("100234", "anna@example.org")))
    assert slots.get("order_verified") is None and slots["order_contact"] is None and "100237" not in text
    [row] = failures(backend)
    assert (row.order_number, row.proof, row.client) == ("100237", "email", "203.0.113.5")


def test_wrong_postcodes_from_fresh_conversations_make_it_ask_for_the_email(actions, backend):
    for wrong in ("1061", "1062", "1063"):
        t = tracker("1061", slots={"order_number": "100239", "requested_slot": "order_contact"}, set_now={"order_contact": wrong})
        text, slots = run(actions, VALIDATE, t)
        assert slots.get("order_verified") is None and "keine Bestellung" in text
    right = tracker("1060", slots={"order_number": "100239", "requested_slot": "order_contact"}, set_now={"order_contact": "1060"})
    text, slots = run(actions, VALIDATE, right)
    assert slots.get("order_verified") is None and slots["order_contact"] is None
    assert slots["requested_slot"] == "order_contact" and "keine Bestellung" not in text
    text, _ = run(actions, "action_ask_order_contact", tracker("1060", slots={"order_number": "100239", "requested_slot": "order_contact"}))
    assert "E-Mail-Adresse, mit der bestellt wurde" in text and "Postleitzahl der Lieferadresse" not in text
    email = tracker("lukas.gruber@example.at", slots={"order_number": "100239", "requested_slot": "order_contact"},
                    set_now={"order_contact": "lukas.gruber@example.at"})  # fmt: skip
    _, slots = run(actions, VALIDATE, email)
    assert slots["order_verified"] == "100239"
    assert backend.postcode_blocked_until("100234") is None  # other orders keep their postcode


def test_failures_from_one_address_lock_out_new_conversations(actions, backend):
    for k in range(49):
        backend.record_failed_verification(f"bot-{k}", order_number=f"{100300 + k}", client="198.51.100.7")
    t = tracker("100234 mallory@example.org", "order_status", client="198.51.100.7")
    run(actions, VALIDATE, t)  # the 50th miss
    fresh = tracker("100234 anna@example.org", "order_status", client="198.51.100.7")
    _, slots = run(actions, VALIDATE, fresh)
    assert slots.get("order_verified") is None and slots["requested_slot"] is None  # the form ends
    text, _ = run(actions, "action_order_status", tracker("100234 anna@example.org", "order_status", {"order_number": "100234", "order_contact": "anna@example.org"},
                                                         client="198.51.100.7"))  # fmt: skip
    assert "Anschluss" in text and "Kundenservice" in text
    _, slots = run(actions, VALIDATE, tracker("100234 anna@example.org", "order_status", client="198.51.100.8"))
    assert slots["order_verified"] == "100234"  # another address


def test_a_proof_expires_when_idle_and_is_kept_alive_by_use(actions, backend):
    stale = proven("100234", "anna@example.org", at=time.time() - 31 * 60)
    text, _ = run(actions, "action_order_status", tracker("where is it?", "order_status", stale))
    assert "100234" not in text and "unterwegs" not in text
    _, slots = run(actions, VALIDATE, tracker("where is it?", "order_status", stale))
    assert slots["order_contact"] is None and slots.get("order_verified") is None and slots["requested_slot"] == "order_contact"
    recent = proven("100234", "anna@example.org", at=time.time() - 29 * 60)
    text, slots = run(actions, "action_order_status", tracker("where is it?", "order_status", recent))
    assert "100234" in text and abs(slots["order_proof_at"] - time.time()) < 5
