"""Failed order proofs counted in the database (orders/throttle.py) on SQLite and PostgreSQL:
per conversation, per client address and per order number, with the limits of store.yml."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid

import pytest
from sqlalchemy import create_engine, insert, inspect, select

from catalog.db import open_database
from catalog.store import StoreConfigError, load_config
from orders.db import define_tables, migrate
from orders.sql import SqlOrders
from tests.conftest import PG_URL, pg_available
from tests.test_orders import DEMO, NOW, demo_products, make_backend  # noqa: F401  (fixture)

MIN = dt.timedelta(minutes=1)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path, demo_products):  # noqa: F811
    b = make_backend(request.param, tmp_path, demo_products)
    yield b
    b.drop()
    open_database(tmp_path, b.url, b.prefix).drop()


def conv() -> str:
    return f"conv-{uuid.uuid4().hex}"


def test_postcode_guesses_from_fresh_conversations_block_the_postcode_of_that_order_only(backend):
    for k in range(2):
        backend.record_failed_verification(conv(), NOW + k * MIN, order_number="100234", client="203.0.113.7", proof="postcode")
        assert backend.postcode_blocked_until("100234", NOW + k * MIN) is None
    third = NOW + 2 * MIN
    backend.record_failed_verification(conv(), third, order_number="100234", client="198.51.100.1", proof="postcode")
    assert backend.postcode_blocked_until("100234", third) == third + dt.timedelta(days=1)
    assert backend.postcode_blocked_until("100235", third) is None  # another order
    # no conversation or address is locked by this: the e-mail still opens the order
    assert backend.locked_until(conv(), third, client="203.0.113.7") is None
    assert backend.postcode_blocked_until("100234", third + dt.timedelta(days=1, seconds=1)) is None


def test_email_misses_do_not_block_the_postcode(backend):
    for k in range(5):
        backend.record_failed_verification(conv(), NOW + k * MIN, order_number="100234", client="203.0.113.7", proof="email")
    assert backend.postcode_blocked_until("100234", NOW + 5 * MIN) is None


def test_many_conversations_from_one_address_lock_the_address(backend):
    client = "2001:db8::42"
    for k in range(49):
        backend.record_failed_verification(conv(), NOW + k * dt.timedelta(seconds=10), order_number=f"{100300 + k}", client=client)
    assert backend.locked_until(conv(), NOW + 9 * MIN, client=client) is None
    last = NOW + 9 * MIN
    backend.record_failed_verification(conv(), last, order_number="100400", client=client)
    assert backend.locked_until(conv(), last, client=client) == last + 60 * MIN  # a brand-new conversation too
    assert backend.locked_until(conv(), last, client="2001:db8::43") is None  # another address
    assert backend.locked_until(conv(), last) is None  # no address known: the conversation's own count


def test_limits_come_from_store_yml(tmp_path, demo_products):  # noqa: F811
    store = tmp_path / "stores" / "demo"
    shutil.copytree(DEMO, store)
    text = (store / "store.yml").read_text(encoding="utf-8")
    text = text.replace("postcode_failures: 3 ", "postcode_failures: 1 ").replace("conversation_failures: 5 ", "conversation_failures: 2 ")
    (store / "store.yml").write_text(text, encoding="utf-8")
    seeded = make_backend("sqlite", tmp_path, demo_products)
    backend = SqlOrders(store, seeded.url, seeded.prefix)
    c = conv()
    backend.record_failed_verification(c, NOW, order_number="100234", proof="postcode")
    assert backend.postcode_blocked_until("100234", NOW) == NOW + dt.timedelta(days=1)
    assert backend.locked_until(c, NOW) is None
    backend.record_failed_verification(c, NOW, order_number="100299", proof="email")
    assert backend.locked_until(c, NOW) == NOW + 15 * MIN


@pytest.mark.parametrize(("value", "message"), [
    ("trusted_proxies: [\"10.0.0.0/33\"]", "security.trusted_proxies.0"),
    ("postcode_failures: 0", "security.postcode_failures"),
    ("max_request_bytes: 10", "security.max_request_bytes"),
])  # fmt: skip
def test_wrong_security_config_names_the_key(tmp_path, value, message):
    text = (DEMO / "store.yml").read_text(encoding="utf-8")
    key = value.split(":")[0]
    start = text.index(f"  {key}:")
    end = text.index("\n", start)
    (tmp_path / "store.yml").write_text(text[:start] + f"  {value}" + text[end:], encoding="utf-8")
    with pytest.raises(StoreConfigError, match=message.replace(".", r"\.")):
        load_config(tmp_path / "store.yml")


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_upgrade_from_0001_keeps_the_old_failures(tmp_path, kind):
    if kind == "postgres" and not pg_available():
        pytest.skip("PostgreSQL not reachable at 127.0.0.1:5432")
    url = PG_URL if kind == "postgres" else f"sqlite:///{tmp_path / 'old.db'}"
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    engine = create_engine(url)
    try:
        migrate(engine, prefix, "0001")
        t = define_tables(prefix)
        with engine.begin() as conn:
            conn.execute(insert(t.failures).values(conversation_id="old", at=NOW.timestamp()))
        migrate(engine, prefix)
        with engine.connect() as conn:
            row = conn.execute(select(t.failures)).one()
        assert row.conversation_id == "old" and row.order_number is None and row.client is None
        assert {"store", "order_number", "client", "proof"} <= {c["name"] for c in inspect(engine).get_columns(f"{prefix}verification_failures")}
    finally:
        with engine.begin() as conn:
            define_tables(prefix).metadata.drop_all(conn)
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{prefix}orders_alembic_version"')
        engine.dispose()
