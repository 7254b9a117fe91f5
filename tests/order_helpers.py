"""Shared parts of the order-action tests (tests/test_order_actions.py, tests/test_order_changes.py,
tests/test_order_idempotency.py): orders and items, a small in-memory orders backend (a fake at
the boundary) as the `backend` fixture, trackers right after a user message, and running an action."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from orders.api import CANCELLABLE, Exchange, Order, OrderError, OrderItem, Return, ReturnLine
from tests.conftest import ROOT

NOW = dt.datetime.now(dt.timezone.utc)
DOMAIN = yaml.safe_load(Path(ROOT / "domain.yml").read_text(encoding="utf-8"))


def item(line: int, pid: str, sku: str, title: str, category: str, size: str | None, color: str | None, qty: int = 1, price: float = 50.0, returned: int = 0) -> OrderItem:
    return OrderItem(line, pid, sku, title, category, size, color, qty, price, returned)


def order(number: str, status: str, days: float, items: tuple[OrderItem, ...], email: str = "anna@example.org", postcode: str = "10115", country: str = "DE") -> Order:
    created = NOW - dt.timedelta(days=days)
    shipped = created + dt.timedelta(hours=20) if status in ("shipped", "out_for_delivery", "delivered") else None
    delivered = created + dt.timedelta(days=2) if status == "delivered" else None
    tracking = ("DHL", "00340434000000000001", "https://track.example/00340434000000000001") if shipped else (None, None, None)
    return Order(number, email, "Anna Schmidt", "Invalidenstraße 44", postcode, "Berlin", country, "de", status, created, created,
                 shipped, delivered, *tracking, 4.9, "PayPal", items)  # fmt: skip


class FakeOrders:
    """The OrdersBackend protocol in memory (no `eligibility` method: the actions fall back to
    orders.policy with the catalog's tags, as for any backend)."""

    def __init__(self, orders: list[Order]):
        self.orders = {o.number: o for o in orders}
        self.failures: list[tuple[str, dt.datetime]] = []
        self.misses: list[tuple[str | None, str | None]] = []  # (order number, "email" / "postcode")
        self.returns: list[tuple[str, list[ReturnLine]]] = []
        self.exchanges: list[tuple[str, int, str, str]] = []
        self.cancelled: list[str] = []
        self.stock: dict[str, int] = {}

    def get(self, number):
        return self.orders.get(number)

    def verify(self, number, *, email=None, postal_code=None):
        o = self.orders.get(number)
        if o is None or (email is not None and o.email != email) or (postal_code is not None and o.postal_code != postal_code):
            return None
        return o

    def list_by_email(self, email):
        return sorted((o for o in self.orders.values() if o.email == email), key=lambda o: o.created_at, reverse=True)

    def create_return(self, number, lines, refund_method, now=None, *, idempotency_key=None):
        self.returns.append((number, list(lines)))
        return Return(f"RMA-{number}-{len(self.returns)}", number, tuple(lines), refund_method, 99.0, f"https://labels.example/RMA-{number}", NOW)

    def create_exchange(self, number, line_id, new_sku, reason, now=None, *, idempotency_key=None):
        if self.available_stock(new_sku) <= 0:
            raise OrderError("out_of_stock", "gone")
        self.exchanges.append((number, line_id, new_sku, reason))
        return Exchange(f"EX-{number}-1", number, line_id, "old", new_sku, reason, f"https://labels.example/EX-{number}-1", NOW)

    def cancel(self, number, *, idempotency_key=None):
        if self.orders[number].status not in CANCELLABLE:
            raise OrderError("not_cancellable", "too late")
        self.cancelled.append(number)
        return self.orders[number]

    def available_stock(self, sku):
        if sku in self.stock:
            return self.stock[sku]
        for p in context.catalog().products.values():
            for v in p.variants:
                if v.sku == sku:
                    return v.stock
        return 0

    def record_failed_verification(self, conversation_id, now=None, *, order_number=None, client=None, proof=None):
        self.failures.append((conversation_id, NOW))
        self.misses.append((order_number, proof))
        return sum(1 for c, _ in self.failures if c == conversation_id)

    def locked_until(self, conversation_id, now=None, *, client=None):
        count = sum(1 for c, _ in self.failures if c == conversation_id)
        return NOW + dt.timedelta(minutes=15) if count >= 5 else None

    def postcode_blocked_until(self, number, now=None):
        return None  # the rule itself is tested with the real backend (tests/test_order_proof.py)


@pytest.fixture(name="backend")
def fake_backend(test_catalog):
    """The fake as the action server's orders backend (import `fake_backend`; tests ask for `backend`)."""
    fake = FakeOrders([
        order("200001", "shipped", 1, (item(1, "trailrunner-gtx", "TRG-42-BLK", "TrailRunner GTX", "shoes", "42", "black"),
                                       item(2, "merino-socks", "MTS-39", "Merino Socks", "clothing", "39-42", "grey", 2, 15.0)), postcode="10115"),
        order("200002", "delivered", 5, (item(1, "nordwand-parka", "NWP-M-BLK", "Nordwand Parka", "clothing", "M", "black", price=229.0),
                                         item(2, "vitamin-d3-1000", "VD3-1000", "Vitamin D3", "vitamins", None, None),
                                         item(3, "velo-rain-shell", "VRS-S-YEL", "Velo Rain Shell", "clothing", "S", "yellow", price=89.9))),
        order("200003", "paid", 0.1, (item(1, "airpure-300", "AP300", "AirPure 300", "home", None, "white", price=199.0),)),
        order("200004", "delivered", 45, (item(1, "bergpfad-wanderschuh", "BPW-42-BRN", "Bergpfad", "shoes", "42", "brown"),),
              email="ben@example.de", postcode="80331"),
    ])  # fmt: skip
    context.use_orders_backend(fake)
    yield fake
    context.use_orders_backend(None)


def make_tracker(text: str, intent: str = "provide_order_info", slots: dict | None = None, set_now: dict | None = None,
                 sender: str = "shopper-1", history: list[dict] | None = None) -> Tracker:  # fmt: skip
    """A tracker right after a user message; `set_now` are the slots Rasa's mappings filled from it."""
    slots = {name: None for name in DOMAIN["slots"]} | {"requested_slot": None} | (slots or {}) | (set_now or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], "metadata": {}}
    events = list(history or []) + [{"event": "user", "text": text, "parse_data": latest}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (set_now or {}).items()]
    return Tracker(sender, slots, latest, events, False, None, {"name": "x"}, "action_listen")


def run(action, tracker: Tracker) -> tuple[str, dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), slots, dispatcher.messages


def proven(number: str, contact: str = "anna@example.org", **extra) -> dict:
    return {"order_number": number, "order_contact": contact, "order_verified": number, "order_proof_at": time.time(), **extra}

