"""An order write made twice for one conversation turn (nginx resends an action call to the
other action server when the first died mid-call) is made once: the backend on SQLite and on
the running PostgreSQL, and the actions with two trackers carrying the same turn."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from rasa_sdk import Tracker

from actions import context
from actions.order_cancel import ActionSubmitCancel
from actions.order_common import write_key
from actions.order_exchange import ActionSubmitExchange
from actions.order_returns import ActionSubmitReturn
from catalog.db import open_database
from catalog.importer import import_file
from catalog.repository import CatalogRepository
from catalog.store import Store
from orders.api import OrderError, ReturnLine
from orders.sql import SqlOrders
from tests.conftest import PG_URL, TEST_STORE, pg_available, service_missing
from tests.order_helpers import DOMAIN, item, order, proven, run
from tests.test_orders import TinyEmbedder, demo_products, make_backend, new_order  # noqa: F401 (a fixture)
from tests.test_orders import count as rows


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path, demo_products):  # noqa: F811
    b = make_backend(request.param, tmp_path, demo_products)
    yield b
    b.drop()
    open_database(tmp_path, b.url, b.prefix).drop()


def delivered_pair(backend: SqlOrders) -> tuple[str, int]:
    """A delivered order with one line of two headphones (both may go back)."""
    placed = new_order(backend, qty=2)
    backend.update_status(placed.number, "delivered")
    return placed.number, placed.items[0].line_id


# --- the backend ---------------------------------------------------------------------------------


def test_same_key_twice_makes_one_return_with_one_rma(backend):
    number, line = delivered_pair(backend)
    first = backend.create_return(number, [ReturnLine(line, 1, "changed_mind")], "original_payment", idempotency_key="k1")
    again = backend.create_return(number, [ReturnLine(line, 1, "changed_mind")], "original_payment", idempotency_key="k1")
    assert again == first and first.rma == f"RMA-{number}-1"
    assert rows(backend, backend.t.returns, order_number=number) == 1
    assert backend.get(number).items[0].returned_quantity == 1
    # the resent call sees the order after the first write: nothing left to return, still the same answer
    other = backend.create_return(number, [ReturnLine(line, 1, "changed_mind")], "original_payment", idempotency_key="k2")
    assert other.rma == f"RMA-{number}-2"  # a different key still writes
    assert backend.create_return(number, [], "original_payment", idempotency_key="k1") == first
    assert rows(backend, backend.t.returns, order_number=number) == 2 and rows(backend, backend.t.writes) == 2


def test_same_key_from_two_threads_at_once_writes_one_row(backend):
    number, line = delivered_pair(backend)
    barrier = threading.Barrier(2)
    results: list = []

    def attempt() -> None:
        barrier.wait()
        try:
            results.append(backend.create_return(number, [ReturnLine(line, 1, "damaged")], "original_payment", idempotency_key="same-turn").rma)
        except Exception as exc:  # noqa: BLE001 - any failure is the test's finding
            results.append(repr(exc))

    backend.checkpoint = lambda stage: threading.Event().wait(0.3)  # both past the first look, one waits for the lock
    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [f"RMA-{number}-1"] * 2
    assert rows(backend, backend.t.returns, order_number=number) == 1 and rows(backend, backend.t.writes) == 1
    assert backend.get(number).items[0].returned_quantity == 1


def test_same_key_exchange_reserves_once_and_cancel_answers_again(backend):
    number, line = delivered_pair(backend)
    stock = backend.available_stock("KRA-BLK")
    first = backend.create_exchange(number, line, "KRA-BLK", "other", idempotency_key="x1")
    assert backend.create_exchange(number, line, "KRA-BLK", "other", idempotency_key="x1") == first
    assert backend.available_stock("KRA-BLK") == stock - 1 and len(backend.exchanges_of(number)) == 1
    assert backend.create_exchange(number, line, "KRA-BLK", "other", idempotency_key="x2").reference == f"EX-{number}-2"
    with pytest.raises(OrderError) as err:  # one key, one kind of change on one order
        backend.create_return(number, [ReturnLine(line, 1, "other")], "original_payment", idempotency_key="x1")
    assert err.value.code == "invalid"

    paid = new_order(backend).number
    assert backend.cancel(paid, idempotency_key="c1").status == "cancelled"
    assert backend.cancel(paid, idempotency_key="c1").status == "cancelled"  # not "not_cancellable"
    with pytest.raises(OrderError) as err:
        backend.cancel(paid, idempotency_key="c2")
    assert err.value.code == "not_cancellable"


# --- the actions, with two trackers carrying the same turn --------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def live_orders(request, tmp_path, test_catalog):
    """The real backend on the test store (the catalog the actions use), one delivered order
    with two parkas, in service for the actions."""
    if request.param == "postgres" and not pg_available():
        service_missing("PostgreSQL not reachable at 127.0.0.1:5432")
    url = PG_URL if request.param == "postgres" else f"sqlite:///{tmp_path / 'shop.db'}"
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    store = Store(TEST_STORE)
    products = import_file(store.catalog_file, store.config.categories).products
    db = open_database(tmp_path, url, prefix)
    CatalogRepository(db, store.slug).replace_all(products, TinyEmbedder())
    backend = SqlOrders(TEST_STORE, url, prefix)
    parkas = item(1, "nordwand-parka", "NWP-M-BLK", "Nordwand Parka", "clothing", "M", "black", qty=2, price=229.0)
    backend.replace_orders([order("300001", "delivered", 5, (parkas,)), order("300002", "paid", 0.1, (parkas,))],
                           {p.id: p.tags for p in products})  # fmt: skip
    context.use_orders_backend(backend)
    yield backend
    context.use_orders_backend(None)
    backend.drop()
    db.drop()


def turn(slots: dict, message_id: str, sender: str = "shopper-idem") -> Tracker:
    """A tracker as Rasa sends it to the action server right after the shopper's "yes"."""
    latest = {"text": "ja", "intent": {"name": "affirm", "confidence": 1.0}, "entities": [], "metadata": {}}
    events = [{"event": "user", "timestamp": 1764478800.5, "text": "ja", "parse_data": latest, "message_id": message_id}]
    all_slots = {name: None for name in DOMAIN["slots"]} | {"requested_slot": None} | slots
    return Tracker(sender, all_slots, latest, events, False, None, {"name": "x"}, "action_listen")


def test_write_key_is_the_turn():
    slots = {"return_items": [1]}
    assert write_key(turn(slots, "m1"), "return") == write_key(turn(slots, "m1"), "return")
    assert write_key(turn(slots, "m1"), "return") != write_key(turn(slots, "m2"), "return")
    assert write_key(turn(slots, "m1"), "return") != write_key(turn(slots, "m1", sender="someone-else"), "return")
    assert write_key(turn(slots, "m1"), "return") != write_key(turn(slots, "m1"), "exchange")
    assert write_key(Tracker("s", {}, {}, [], False, None, {}, "action_listen"), "return") is None


def test_a_resent_action_call_writes_once_and_answers_the_same(live_orders):
    number = "300001"
    line = live_orders.get(number).items[0].line_id
    exchange = {**proven(number), "exchange_item": line, "exchange_variant": "NWP-L-BLK", "exchange_confirm": True}
    first, _, _ = run(ActionSubmitExchange(), turn(exchange, "msg-1"))
    resent, _, _ = run(ActionSubmitExchange(), turn(exchange, "msg-1"))  # the same turn, on the other server
    assert f"EX-{number}-1" in first and resent == first
    assert len(live_orders.exchanges_of(number)) == 1 and live_orders.get(number).items[0].returned_quantity == 1

    ret = {**proven(number, order_proof_at=time.time()), "return_items": [line], "return_reason": "other", "return_confirm": True}
    first, _, _ = run(ActionSubmitReturn(), turn(ret, "msg-2"))
    resent, _, _ = run(ActionSubmitReturn(), turn(ret, "msg-2"))
    assert f"RMA-{number}-1" in first and resent == first
    assert len(live_orders.returns_of(number)) == 1 and live_orders.get(number).items[0].returned_quantity == 2

    cancel = {**proven("300002"), "cancel_confirm": True}
    first, _, _ = run(ActionSubmitCancel(), turn(cancel, "msg-3"))
    resent, _, _ = run(ActionSubmitCancel(), turn(cancel, "msg-3"))
    later, _, _ = run(ActionSubmitCancel(), turn(cancel, "msg-4"))  # a new turn: it is cancelled already
    assert "storniert" in first and resent == first and later != first
