"""The orders backend on SQLite and on the running PostgreSQL (same tests, parametrised): demo
data, verification without enumeration, returns, exchanges with stock, cancellation, status
updates, lock-out, hostile input, concurrency, and faults in the middle of a write."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from catalog.db import open_database
from catalog.importer import import_file
from catalog.repository import CatalogRepository
from catalog.store import Store
from orders.api import NewOrderLine, OrderError, ReturnLine
from orders.demo import seed
from orders.sql import SqlOrders
from orders.validation import InvalidInput
from tests.conftest import PG_URL, pg_available, service_missing

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "stores" / "demo"
NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.timezone.utc)  # a Wednesday; the demo is seeded at NOW
LATER = NOW + dt.timedelta(hours=1)


class TinyEmbedder:
    """The catalog table needs a vector per product; these tests never search."""

    name = "tiny"
    dim = 4

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.tile(np.array([1, 0, 0, 0], dtype=np.float32), (len(texts), 1))


@pytest.fixture(scope="module")
def demo_products():
    store = Store(DEMO)
    result = import_file(store.catalog_file, store.config.categories)
    assert result.ok
    return result.products


def make_backend(kind: str, tmp_path: Path, products) -> SqlOrders:
    if kind == "postgres":
        if not pg_available():
            service_missing("PostgreSQL not reachable at 127.0.0.1:5432")
        url = PG_URL
    else:
        url = f"sqlite:///{tmp_path / 'shop.db'}"
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    db = open_database(tmp_path, url, prefix)
    CatalogRepository(db, "demo").replace_all(products, TinyEmbedder())
    backend = SqlOrders(DEMO, url, prefix)
    seed(backend, products, NOW)
    return backend


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path, demo_products):
    b = make_backend(request.param, tmp_path, demo_products)
    yield b
    b.drop()
    open_database(tmp_path, b.url, b.prefix).drop()


def count(backend: SqlOrders, table, **where) -> int:
    query = select(func.count()).select_from(table)
    for key, value in where.items():
        query = query.where(table.c[key] == value)
    with backend.engine.connect() as conn:
        return conn.execute(query).scalar()


def set_stock(backend: SqlOrders, product_id: str, sku: str, stock: int) -> None:
    db = open_database(".", backend.url, backend.prefix)
    repo = CatalogRepository(db, "demo")
    product = repo.get(product_id)
    for variant in product.variants:
        if variant.sku == sku:
            variant.stock = stock
    repo.put(product, TinyEmbedder())


def line_of(order, sku: str) -> int:
    return next(i.line_id for i in order.items if i.sku == sku)


# --- demo data and schema ---------------------------------------------------------------------


def test_demo_orders_cover_every_status_country_and_case(backend):
    with backend.engine.connect() as conn:
        rows = conn.execute(select(backend.t.orders.c.number, backend.t.orders.c.status, backend.t.orders.c.country)).fetchall()
    assert len(rows) >= 40
    assert {r.status for r in rows} == {"received", "paid", "packed", "shipped", "out_for_delivery", "delivered", "cancelled", "returned"}
    assert len({r.country for r in rows}) >= 5
    orders = [backend.get(r.number) for r in rows]
    assert sum(1 for o in orders if len(o.items) > 1) >= 10
    verdicts = [v for o in orders if o.status == "delivered" for v in backend.eligibility(o, NOW)]
    assert {"window_closed", "excluded", "already_returned", None} <= {v.code for v in verdicts}
    shipped = backend.get("100234")
    assert shipped.carrier == "DHL" and shipped.tracking_url.endswith(shipped.tracking_number)


def test_migrations_match_the_tables_the_code_queries(backend):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    ours = set(backend.t.metadata.tables)  # other prefixes' and the catalog's tables share the database

    def include_name(name, type_, parent_names):  # noqa: ANN001, ANN202
        return name in ours if type_ == "table" else True

    with backend.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        assert compare_metadata(context, backend.t.metadata) == []


def test_reseeding_replaces_orders_returns_and_reservations(backend, demo_products):
    backend.create_return("100235", [ReturnLine(line_of(backend.get("100235"), "WB3-M-RED"), 1, "too_small")], "original_payment", NOW)
    seed(backend, demo_products, NOW)
    assert [r.rma for r in backend.returns_of("100235")] == []
    assert backend.get("100235").items[0].returned_quantity == 0


# --- verification ---------------------------------------------------------------------------


def test_verify_by_email_or_postal_code(backend):
    assert backend.verify("100234", email="Anna@Example.org ").number == "100234"
    assert backend.verify("#100234", postal_code=" 10115").number == "100234"
    assert backend.verify("100238", postal_code="nw16xe").number == "100238"  # UK codes: case and space free
    assert backend.verify("100234", email="anna@example.org", postal_code="10115").number == "100234"


def test_wrong_proof_looks_like_an_unknown_order(backend):
    assert backend.verify("100234", email="ben.mueller@example.de") is None
    assert backend.verify("100234", postal_code="80331") is None
    assert backend.verify("999999", email="anna@example.org") is None
    assert backend.verify("100234", email="anna@example.org", postal_code="80331") is None  # every proof given must match


@pytest.mark.parametrize("field, value", [
    ("number", "12345"), ("number", "1002345"), ("number", "100234' OR '1'='1"), ("number", "<b>100234</b>"),
    ("email", "anna"), ("email", "anna@example.org' --"), ("email", "<script>@x.de"), ("email", "a" * 250 + "@x.de"),
    ("postal_code", "1"), ("postal_code", "10115; DROP TABLE x"), ("postal_code", "<i>10115</i>"), ("postal_code", "ABCDE"),
])  # fmt: skip
def test_malformed_input_is_refused_with_the_field(backend, field, value):
    kwargs = {"email": "anna@example.org"} if field != "postal_code" else {"postal_code": value}
    if field == "email":
        kwargs = {"email": value}
    with pytest.raises(InvalidInput) as err:
        backend.verify(value if field == "number" else "100234", **kwargs)
    assert err.value.field == ("order_number" if field == "number" else field)
    assert backend.get("100234") is not None  # nothing was harmed


def test_list_by_email_newest_first_and_hostile_email(backend):
    assert [o.number for o in backend.list_by_email("anna@example.org")] == ["100236", "100234", "100235"]
    assert backend.list_by_email("nobody@example.org") == []
    with pytest.raises(InvalidInput):
        backend.list_by_email("x' OR '1'='1")


def test_lockout_after_five_failures_for_fifteen_minutes(backend):
    conv = f"conv-{uuid.uuid4().hex}\x00<script>"  # any sender id Rasa passes on
    for k in range(4):
        assert backend.record_failed_verification(conv, NOW + dt.timedelta(minutes=k)) == k + 1
        assert backend.locked_until(conv, NOW + dt.timedelta(minutes=k)) is None
    last = NOW + dt.timedelta(minutes=4)
    assert backend.record_failed_verification(conv, last) == 5
    assert backend.locked_until(conv, last + dt.timedelta(minutes=1)) == last + dt.timedelta(minutes=15)
    assert backend.locked_until(conv, last + dt.timedelta(minutes=15, seconds=1)) is None
    assert backend.locked_until("another-conversation", last) is None
    # old failures fall out of the window: five failures spread over an hour never lock
    spread = f"conv-{uuid.uuid4().hex}"
    for k in range(5):
        backend.record_failed_verification(spread, NOW + dt.timedelta(minutes=16 * k))
    assert backend.locked_until(spread, NOW + dt.timedelta(minutes=64)) is None


# --- returns ---------------------------------------------------------------------------------


def test_eligibility_explains_each_item(backend):
    order = backend.get("100235")
    verdicts = {i.sku: v for i, v in zip(order.items, backend.eligibility(order, NOW), strict=True)}
    assert verdicts["WB3-M-RED"].ok and verdicts["WB3-M-RED"].quantity == 1
    assert verdicts["VD1000"].code == "excluded" and "supplements" in verdicts["VD1000"].reason["en"]
    assert verdicts["FV64-BLK"].code == "excluded" and "Speicherkarten" in verdicts["FV64-BLK"].reason["de"]
    assert {v.code for v in backend.eligibility(backend.get("100237"), NOW)} == {"window_closed"}
    assert {v.code for v in backend.eligibility(backend.get("100234"), NOW)} == {"not_delivered"}
    paul = backend.get("100245")
    assert [v.code for v in backend.eligibility(paul, NOW)] == ["already_returned", None]


def test_return_creates_rma_refund_and_label(backend):
    order = backend.get("100235")
    jacket = line_of(order, "WB3-M-RED")
    ret = backend.create_return("100235", [ReturnLine(jacket, 1, "too_small", "Ärmel zu kurz <b>'; DROP TABLE orders; --")], "original_payment", LATER)
    assert ret.rma == "RMA-100235-1"
    assert ret.refund_amount == 229.95  # free returns in the demo store
    assert ret.label_url == "http://localhost:8080/returns/RMA-100235-1/label"
    stored = backend.returns_of("100235")
    assert stored[0].lines[0].comment == "Ärmel zu kurz <b>'; DROP TABLE orders; --"
    after = backend.get("100235")
    assert after.status == "delivered"  # the vitamins and the card stay with the shopper
    assert next(i for i in after.items if i.line_id == jacket).returnable_quantity == 0
    with pytest.raises(OrderError) as err:
        backend.create_return("100235", [ReturnLine(jacket, 1, "too_small")], "original_payment", LATER)
    assert err.value.code == "already_returned"


@pytest.mark.parametrize("number, sku, qty, code", [
    ("100235", "VD1000", 1, "not_returnable"),     # excluded category
    ("100235", "FV64-BLK", 1, "not_returnable"),   # excluded tag
    ("100237", "TRG-42-BLK", 1, "not_returnable"),  # outside the window
    ("100234", "SWJ-M-BLK", 1, "not_returnable"),   # not delivered yet
    ("100245", "KSO-BLK", 1, "already_returned"),
    ("100246", "RHL-ML-RED", 2, "quantity"),
])  # fmt: skip
def test_ineligible_returns_are_refused_and_write_nothing(backend, number, sku, qty, code):
    before = count(backend, backend.t.returns)
    with pytest.raises(OrderError) as err:
        backend.create_return(number, [ReturnLine(line_of(backend.get(number), sku), qty, "changed_mind")], "original_payment", LATER)
    assert err.value.code == code
    assert count(backend, backend.t.returns) == before


def test_return_input_checks(backend):
    line = line_of(backend.get("100246"), "RHL-ML-RED")
    cases = [
        ("100246", [ReturnLine(line, 1, "no-reason")], "original_payment", "invalid"),
        ("100246", [ReturnLine(line, 1, "other")], "cash", "invalid"),
        ("100246", [], "original_payment", "invalid"),
        ("100246", [ReturnLine(line, 0, "other")], "original_payment", "quantity"),
        ("100246", [ReturnLine(line, 1, "other", "x" * 1001)], "original_payment", "invalid"),
        ("100246", [ReturnLine(line, 1, "other", "nul \x00 byte")], "original_payment", "invalid"),
        ("100246", [ReturnLine(999999, 1, "other")], "original_payment", "invalid"),
        ("100235", [ReturnLine(line, 1, "other")], "original_payment", "invalid"),  # another order's line
        ("999999", [ReturnLine(line, 1, "other")], "original_payment", "not_found"),
        ("1' OR 1=1", [ReturnLine(line, 1, "other")], "original_payment", "not_found"),
    ]
    for number, lines, method, code in cases:
        with pytest.raises(OrderError) as err:
            backend.create_return(number, lines, method, LATER)
        assert err.value.code == code, (number, lines, method)


def test_returning_every_item_marks_the_order_returned(backend):
    order = backend.get("100240")
    backend.create_return("100240", [ReturnLine(order.items[0].line_id, 1, "too_large")], "store_credit", LATER)
    assert backend.get("100240").status == "returned"


def test_two_returns_for_the_same_item_at_once_create_one(backend):
    line = line_of(backend.get("100246"), "RHL-ML-RED")
    barrier = threading.Barrier(4)
    results: list = []

    def attempt() -> None:
        barrier.wait()
        try:
            results.append(backend.create_return("100246", [ReturnLine(line, 1, "damaged")], "original_payment", LATER).rma)
        except OrderError as exc:
            results.append(exc.code)

    backend.checkpoint = lambda stage: threading.Event().wait(0.2)  # widen the window between check and commit
    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["RMA-100246-1"] + ["already_returned"] * 3
    assert count(backend, backend.t.returns, order_number="100246") == 1
    assert backend.get("100246").items[1].returned_quantity == 1


# --- exchanges and stock --------------------------------------------------------------------


def test_exchange_reserves_the_new_variant(backend):
    jacket = line_of(backend.get("100235"), "WB3-M-RED")
    before = backend.available_stock("WB3-L-RED")
    ex = backend.create_exchange("100235", jacket, "WB3-L-RED", "too_small", LATER)
    assert (ex.reference, ex.old_sku, ex.new_sku) == ("EX-100235-1", "WB3-M-RED", "WB3-L-RED")
    assert backend.available_stock("WB3-L-RED") == before - 1
    assert backend.exchanges_of("100235") == [ex]
    with pytest.raises(OrderError) as err:
        backend.create_exchange("100235", jacket, "WB3-S-RED", "too_small", LATER)
    assert err.value.code == "already_returned"


@pytest.mark.parametrize("new_sku, code", [("WB3-XL-RED", "out_of_stock"), ("TRG-42-BLK", "unknown_variant"),
                                           ("WB3-M-RED", "invalid"), ("'; DELETE FROM x; --", "unknown_variant")])  # fmt: skip
def test_exchange_refusals_write_nothing(backend, new_sku, code):
    jacket = line_of(backend.get("100235"), "WB3-M-RED")
    with pytest.raises(OrderError) as err:
        backend.create_exchange("100235", jacket, new_sku, "too_small", LATER)
    assert err.value.code == code
    assert count(backend, backend.t.exchanges) == 0 and count(backend, backend.t.reservations) == 0
    assert backend.get("100235").items[0].returned_quantity == 0


def test_last_unit_goes_to_one_of_two_simultaneous_exchanges(backend):
    set_stock(backend, "trailrunner-gtx", "TRG-44-BLK", 1)
    assert backend.available_stock("TRG-44-BLK") == 1
    # a second delivered order with the same shoe, made through checkout
    order = backend.create_order(email="kim@example.org", name="Kim Berg", street="Weg 1", postal_code="10115", city="Berlin",
                                 country="DE", language="de", payment_method="PayPal",
                                 lines=[NewOrderLine("trailrunner-gtx", "TRG-42-BLK", 1)])  # fmt: skip
    for status in ("shipped", "delivered"):
        backend.update_status(order.number, status, now=NOW)
    pairs = [("100240", line_of(backend.get("100240"), "TRG-42-BLK")), (order.number, order.items[0].line_id)]
    barrier = threading.Barrier(2)
    results: list = []

    def attempt(number: str, line: int) -> None:
        barrier.wait()
        try:
            results.append(backend.create_exchange(number, line, "TRG-44-BLK", "too_small", LATER).reference)
        except OrderError as exc:
            results.append(exc.code)

    backend.checkpoint = lambda stage: threading.Event().wait(0.2)
    threads = [threading.Thread(target=attempt, args=pair) for pair in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r if r == "out_of_stock" else "ok" for r in results) == ["ok", "out_of_stock"]
    assert backend.available_stock("TRG-44-BLK") == 0


# --- checkout, cancellation, status -----------------------------------------------------------


def new_order(backend: SqlOrders, sku: str = "KRA-NVY", qty: int = 1, country: str = "DE"):
    return backend.create_order(email="Kim@Example.org", name="Kim Berg", street="Weg 1", postal_code="10115", city="Berlin",
                                country=country, language="en", payment_method="PayPal",
                                lines=[NewOrderLine("klangruhe-anc", sku, qty)])  # fmt: skip


def test_checkout_takes_stock_and_cancel_gives_it_back(backend):
    stock = backend.available_stock("KRA-NVY")
    order = new_order(backend, qty=stock)
    assert order.status == "paid" and order.email == "kim@example.org" and order.number > "100289"
    assert order.items[0].title == "Klangruhe ANC Over-Ear Headphones" and order.shipping_cost == 0.0  # over free_from
    assert backend.available_stock("KRA-NVY") == 0
    with pytest.raises(OrderError) as err:
        new_order(backend)
    assert err.value.code == "out_of_stock"
    assert backend.cancel(order.number).status == "cancelled"
    assert backend.available_stock("KRA-NVY") == stock
    with pytest.raises(OrderError) as err:
        backend.cancel(order.number)
    assert err.value.code == "not_cancellable"


def test_checkout_refusals_write_nothing(backend):
    before = count(backend, backend.t.orders)
    for kwargs, code in [({"sku": "NOPE"}, "unknown_variant"), ({"qty": 0}, "quantity"), ({"country": "JP"}, "invalid"),
                         ({"qty": 99}, "out_of_stock")]:  # fmt: skip
        with pytest.raises(OrderError) as err:
            new_order(backend, **kwargs)
        assert err.value.code == code
    with pytest.raises(InvalidInput):
        backend.create_order(email="nope", name="x", street="x", postal_code="10115", city="x", country="DE", language="de",
                             payment_method="PayPal", lines=[NewOrderLine("klangruhe-anc", "KRA-NVY", 1)])  # fmt: skip
    assert count(backend, backend.t.orders) == before and count(backend, backend.t.reservations) == 0


def test_cancel_only_before_shipping(backend):
    assert backend.cancel("100236").status == "cancelled"
    assert backend.cancel("100239").status == "cancelled"  # packed
    for number in ("100234", "100238", "100235", "100242"):
        with pytest.raises(OrderError) as err:
            backend.cancel(number)
        assert err.value.code == "not_cancellable"
    with pytest.raises(OrderError) as err:
        backend.cancel("999999")
    assert err.value.code == "not_found"


def test_status_walks_the_life_of_an_order(backend):
    order = new_order(backend)
    assert backend.available_stock("KRA-NVY") == 1
    packed = backend.update_status(order.number, "packed", now=NOW)
    assert packed.status == "packed" and packed.shipped_at is None
    shipped = backend.update_status(order.number, "shipped", tracking_number="00340434123456789012", now=NOW)
    assert (shipped.carrier, shipped.shipped_at) == ("DHL", NOW)
    assert shipped.tracking_url == "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434123456789012"
    assert backend.available_stock("KRA-NVY") == 2  # the reservation ends when the parcel leaves
    backend.update_status(order.number, "out_for_delivery", now=LATER)
    delivered = backend.update_status(order.number, "delivered", now=LATER)
    assert (delivered.delivered_at, delivered.shipped_at) == (LATER, NOW)
    for status, kwargs in [("packed", {}), ("delivered", {"tracking_number": "<script>"}), ("lost", {}), ("shipped", {"carrier": ""})]:
        with pytest.raises(OrderError) as err:
            backend.update_status(order.number, status, **kwargs)
        assert err.value.code == "invalid"
    with pytest.raises(OrderError):
        backend.update_status("100242", "shipped")  # cancelled stays cancelled


# --- faults in the middle of a write ------------------------------------------------------------


class Boom(Exception):
    pass


def explode(stage: str) -> None:
    raise Boom(stage)


def test_a_fault_before_commit_leaves_nothing_half_made(backend):
    backend.checkpoint = explode
    jacket = line_of(backend.get("100235"), "WB3-M-RED")
    stock = backend.available_stock("WB3-L-RED")
    with pytest.raises(Boom):
        backend.create_return("100235", [ReturnLine(jacket, 1, "too_small")], "original_payment", LATER)
    with pytest.raises(Boom):
        backend.create_exchange("100235", jacket, "WB3-L-RED", "too_small", LATER)
    with pytest.raises(Boom):
        backend.cancel("100236")
    with pytest.raises(Boom):
        new_order(backend)
    assert count(backend, backend.t.returns, order_number="100235") == 0
    assert count(backend, backend.t.return_lines) == count(backend, backend.t.return_lines, reason="too_small") + count(
        backend, backend.t.return_lines, reason="changed_mind")  # only the seed's lines
    assert count(backend, backend.t.exchanges) == 0 and count(backend, backend.t.reservations) == 0
    assert backend.get("100235").items[0].returned_quantity == 0
    assert backend.get("100236").status == "paid"
    assert backend.available_stock("WB3-L-RED") == stock
    backend.checkpoint = lambda stage: None
    assert backend.create_exchange("100235", jacket, "WB3-L-RED", "too_small", LATER).reference == "EX-100235-1"


KILLED_WRITER = """
import datetime as dt, sys, time
from orders.sql import SqlOrders
backend = SqlOrders(sys.argv[1], sys.argv[2], sys.argv[3])
def stall(stage):
    print("inside", flush=True)
    time.sleep(600)
backend.checkpoint = stall
now = dt.datetime.fromisoformat(sys.argv[6])
backend.create_exchange(sys.argv[4], int(sys.argv[5]), "WB3-L-RED", "too_small", now)
"""


def test_killing_the_process_mid_exchange_loses_nothing(backend):
    jacket = line_of(backend.get("100235"), "WB3-M-RED")
    stock = backend.available_stock("WB3-L-RED")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(DEMO), backend.url, backend.prefix, "100235", str(jacket), LATER.isoformat()],
                            stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
    try:
        assert proc.stdout.readline().strip() == "inside"  # the exchange is written, not committed
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        proc.kill()
    assert count(backend, backend.t.exchanges) == 0 and count(backend, backend.t.reservations) == 0
    assert backend.available_stock("WB3-L-RED") == stock
    # the lock died with the process: the shopper's retry goes through
    assert backend.create_exchange("100235", jacket, "WB3-L-RED", "too_small", LATER).reference == "EX-100235-1"
    assert backend.available_stock("WB3-L-RED") == stock - 1


def test_store_config_changes_are_picked_up(tmp_path, demo_products):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(DEMO, store)
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    prefix = "c_"
    CatalogRepository(open_database(tmp_path, url, prefix), "store").replace_all(demo_products, TinyEmbedder())
    backend = SqlOrders(store, url, prefix)
    seed(backend, demo_products, NOW)
    order = backend.get("100246")
    assert backend.eligibility(order, NOW)[1].ok
    text = (store / "store.yml").read_text(encoding="utf-8").replace("    - tag: memory-card", "    - tag: leash\n      reason: {de: Nein., en: No.}\n    - tag: memory-card")
    (store / "store.yml").write_text(text, encoding="utf-8")
    os.utime(store / "store.yml", (1, 1))  # a different mtime even on coarse clocks
    assert backend.eligibility(order, NOW)[1].code == "excluded"
    assert json.loads(json.dumps(backend.tags("100246")))  # tags are plain JSON lists
