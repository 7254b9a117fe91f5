"""The event-broker consumer (`bot/console/consumer.py`) against the real RabbitMQ: events
published by Rasa's own `PikaEventBroker` end up in the same summary rows as the fold on access
makes from Rasa's SQL tracker store; the hand-over at start counts once; the console folds on
access only without a consumer. Faults are in `test_consumer_faults.py`. Each test has its own
queue and fanout exchange (Rasa's default exchange would reach every queue bound to it)."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from pathlib import Path

import aio_pika
import pytest
from sqlalchemy import select

from bot.console import summary
from bot.console.consumer import Consumer, decode
from bot.console.feed import BrokerSettings, consumer_configured
from bot.console.summary import refresh
from tests.conftest import ROOT, service_missing
from tests.test_console import ORDER, SHOES, add_turns, any_console, open_console, save_conversation  # noqa: F401

pytestmark = pytest.mark.rabbitmq
AMQP = "amqp://guest:guest@127.0.0.1:5672/%2F"


def rabbit_up(port: int = 5672) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def settings():
    if not rabbit_up():
        service_missing("RabbitMQ not reachable at 127.0.0.1:5672")
    name = f"test_consumer_{uuid.uuid4().hex[:10]}"
    s = BrokerSettings(AMQP, name, f"{name}_exchange")
    yield s

    async def cleanup() -> None:
        conn = await aio_pika.connect(AMQP)
        async with conn:
            channel = await conn.channel()
            for q in (s.queue, s.dead_queue):
                await channel.queue_delete(q)
            await channel.exchange_delete(s.exchange)

    asyncio.run(cleanup())


@pytest.fixture
def console(tmp_path, monkeypatch):
    c = open_console(tmp_path, monkeypatch)
    yield c
    c[0].drop()


def rasa_events(sender: str, turns: list[tuple], start: float) -> list[dict]:
    """The messages Rasa's tracker store publishes for these turns (as `save_conversation` writes them)."""
    from rasa.core.tracker_store import InMemoryTrackerStore
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(ROOT / "domain.yml"))
    captured: list[dict] = []

    class Capture:
        def publish(self, event: dict) -> None:
            captured.append(event)

    store = InMemoryTrackerStore(domain, event_broker=Capture())

    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker(sender, domain.slots)
    add_turns(tracker, turns, start)
    asyncio.run(store.save(tracker))
    return captured


async def publish_with_rasa(s: BrokerSettings, events: list[dict]) -> None:
    """Through Rasa's own `PikaEventBroker` (its queue declaration, exchange and message format)."""
    from rasa.core.brokers.pika import PikaEventBroker

    broker = PikaEventBroker("127.0.0.1", "guest", "guest", queues=[s.queue], exchange_name=s.exchange, event_loop=asyncio.get_running_loop())
    await broker.connect()
    for e in events:
        broker.publish(e)
    while broker._background_tasks:  # publish() is fire-and-forget; wait for its tasks
        await asyncio.sleep(0.05)
    await broker.close()


async def publish_raw(s: BrokerSettings, bodies: list[bytes]) -> None:
    conn = await aio_pika.connect(AMQP)
    async with conn:
        channel = await conn.channel()
        exchange = await channel.declare_exchange(s.exchange, aio_pika.ExchangeType.FANOUT)
        await (await channel.declare_queue(s.queue, durable=True)).bind(exchange, "")
        for body in bodies:
            await exchange.publish(aio_pika.Message(body), "")


async def until(check, timeout: float = 20.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def rows(db) -> dict[str, dict]:  # noqa: ANN001
    with db.engine.connect() as conn:
        return {r.sender_id: dict(r._mapping) for r in conn.execute(select(db.summaries))}


async def fold_all(consumer: Consumer, settings, published: list[dict]) -> Consumer:  # noqa: ANN001
    """Runs `consumer` while Rasa's broker publishes `published`, until it folded them all."""
    task = asyncio.create_task(consumer.run())
    await publish_with_rasa(settings, published)
    await until(lambda: consumer.folded == len(published))
    consumer.stop.set()
    await task
    return consumer


def count(db, table) -> int:  # noqa: ANN001
    with db.engine.connect() as conn:
        return len(conn.execute(select(table)).all())


def test_rasa_events_from_the_broker_make_the_same_rows_as_the_fold_on_access(any_console, settings, tmp_path, monkeypatch):  # noqa: F811
    """On SQLite and on PostgreSQL (the cluster's)."""
    db, events, _ = any_console
    start = time.time() - 100
    published = rasa_events("c-shoes", SHOES, start) + rasa_events("c-order", ORDER, start + 5)
    assert {m["event"] for m in published} >= {"user", "bot", "action", "slot"} and all("sender_id" in m for m in published)

    consumer = asyncio.run(fold_all(Consumer(settings, db, batch=7), settings, published))  # several batches
    assert consumer.dead == 0 and consumer.duplicates == 0
    # the same conversations through Rasa's SQL tracker store and the fold on access, in tables of their own
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    from bot.console.db import ConsoleDB

    other = ConsoleDB.connect(str(db.engine.url))
    save_conversation(events, "c-shoes", SHOES, start=start)
    save_conversation(events, "c-order", ORDER, start=start + 5)
    refresh(other, events)
    try:
        assert rows(db) == rows(other) and len(rows(db)) == 2
        assert rows(db)["c-shoes"]["user_messages"] == 2 and rows(db)["c-shoes"]["dont_knows"] == 1
        assert count(db, db.replies) == count(other, other.replies) == 4
        assert count(db, db.unanswered) == count(other, other.unanswered) == 1
        # both feeds give an event the same key: the fold on access now skips everything the consumer folded
        with db.engine.begin() as conn:
            summary.set_watermark(conn, db, 0)
        assert refresh(db, events) > 0 and rows(db) == rows(other)
    finally:
        other.drop()


def test_decode_takes_what_rasa_publishes_and_keys_it_like_the_tracker_store_row():
    message = rasa_events("c-1", SHOES[:1], 1_700_000_000.0)[0]
    event, why = decode(json.dumps(message).encode())
    assert why == "" and event.sender_id == "c-1" and event.type_name == message["event"]
    stored = json.loads(json.dumps({k: v for k, v in message.items() if k != "sender_id"}))  # the tracker store's `data`
    assert event.key == summary.event_key("c-1", stored)
    assert decode(json.dumps({**message, "timestamp": "yesterday"}).encode())[0] is None


def test_the_feed_switch_reads_the_env_and_store_yml(tmp_path, monkeypatch):
    store = tmp_path / "store"
    store.mkdir()
    monkeypatch.delenv("SHOPBOT_EVENT_QUEUE", raising=False)
    assert not consumer_configured(store)
    (store / "store.yml").write_text("console:\n  event_queue: shopbot_events\n", encoding="utf-8")
    assert consumer_configured(store)
    (store / "store.yml").write_text("console:\n  retention_days: 30\n", encoding="utf-8")
    assert not consumer_configured(store)
    monkeypatch.setenv("SHOPBOT_EVENT_QUEUE", "shopbot_events")
    assert consumer_configured(store)
    (store / "store.yml").write_text("console:\n  event_queue: [1]\n", encoding="utf-8")
    monkeypatch.delenv("SHOPBOT_EVENT_QUEUE")
    with pytest.raises(ValueError, match="console.event_queue"):
        consumer_configured(Path(store))


@pytest.mark.parametrize("configured", [False, True])
def test_the_console_list_folds_on_access_only_without_a_consumer(console, tmp_path, monkeypatch, configured):
    from aiohttp import web
    from aiohttp.test_utils import TestClient, TestServer

    from bot.console import auth
    from bot.console.web import setup_console
    from tests.test_console import PASSWORD
    from tests.test_console_web import login

    db, events, _ = console
    store = tmp_path / "store"
    store.mkdir()
    (store / "store.yml").write_text("console:\n  event_queue: shopbot_events\n" if configured else "console: {}\n", encoding="utf-8")
    monkeypatch.delenv("SHOPBOT_EVENT_QUEUE", raising=False)
    auth.add_user(db, "ana", "agent", PASSWORD)
    save_conversation(events, "c-shoes", SHOES)

    async def main() -> str:
        app = web.Application()
        setup_console(app, tmp_path, db_url=str(db.engine.url), events_url=str(events.engine.url), store=store)
        async with TestClient(TestServer(app)) as client:
            await login(client, "ana")
            return await (await client.get("/console")).text()

    html = asyncio.run(main())
    with db.engine.connect() as conn:
        mark = summary.watermark(conn, db)
    assert (mark == 0 and "c-shoes" not in html) if configured else (mark > 0 and "c-shoes" in html)


def test_at_start_it_folds_the_tracker_store_and_the_keys_skip_what_the_queue_also_brings(console, settings, monkeypatch):
    """The hand-over: events stored before the consumer ran (also in the queue) count once; then
    the watermark follows the tracker store, so the fold on access would not re-read them."""
    from bot.console import consumer as consumer_module

    db, events, _ = console
    start = time.time() - 100
    save_conversation(events, "c-shoes", SHOES, start=start)  # stored by Rasa, published as well
    published = rasa_events("c-shoes", SHOES, start)

    async def scenario() -> Consumer:
        await publish_with_rasa(settings, published)
        consumer = Consumer(settings, db, events)
        task = asyncio.create_task(consumer.run())
        await until(lambda: consumer.duplicates == len(published))
        consumer.stop.set()
        await task
        return consumer

    consumer = asyncio.run(scenario())
    assert consumer.folded == 0 and rows(db)["c-shoes"]["user_messages"] == 2 and count(db, db.replies) == 2
    save_conversation(events, "c-order", ORDER)
    monkeypatch.setattr(consumer_module, "WATERMARK_DELAY", 0.0)
    consumer._housekeeping()
    with db.engine.connect() as conn, events.engine.connect() as ev:
        from sqlalchemy import func

        assert summary.watermark(conn, db) == ev.execute(select(func.max(events.table.c.id))).scalar()
