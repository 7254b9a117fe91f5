"""The event-broker consumer's faults against the real RabbitMQ: a batch redelivered after a
crash before the ack counts once; poison messages are dead-lettered with their reason and the
consumer goes on; it reconnects after the broker went away (a proxy cut in between, so the
machine's RabbitMQ others use keeps running); a database outage keeps the batch until the
database is back; the entry point exits cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import aio_pika
import pytest

from bot.console.consumer import Consumer
from bot.console.feed import BrokerSettings
from tests.conftest import ROOT
from tests.test_console import SHOES
from tests.test_consumer import (  # noqa: F401
    AMQP,
    console,
    count,
    fold_all,
    publish_raw,
    publish_with_rasa,
    rasa_events,
    rows,
    settings,
    until,
)

pytestmark = pytest.mark.rabbitmq


def test_a_batch_redelivered_after_a_crash_before_the_ack_counts_once(console, settings):  # noqa: F811
    db, _, _ = console
    published = rasa_events("c-shoes", SHOES, time.time() - 50)

    class CrashBeforeAck(Consumer):
        crashed = False

        async def _ack(self, last) -> None:  # noqa: ANN001
            if not self.crashed:  # the first batch is committed, nothing acked yet
                self.crashed, self.at_crash = True, self.folded
                raise ConnectionError("killed before the ack")  # the connection closes: RabbitMQ redelivers
            await super()._ack(last)

    async def scenario() -> Consumer:
        await publish_with_rasa(settings, published)
        consumer = CrashBeforeAck(settings, db)
        task = asyncio.create_task(consumer.run())
        await until(lambda: consumer.crashed and consumer.folded == len(published) and consumer.duplicates >= consumer.at_crash)
        consumer.stop.set()
        await task
        return consumer

    consumer = asyncio.run(scenario())
    assert consumer.at_crash > 0 and consumer.folded == len(published) and consumer.duplicates == consumer.at_crash
    row = rows(db)["c-shoes"]
    assert row["user_messages"] == 2 and row["bot_messages"] == 2 and count(db, db.replies) == 2


def test_poison_messages_are_dead_lettered_and_the_consumer_goes_on(console, settings, caplog):  # noqa: F811
    db, _, _ = console
    good = rasa_events("c-ok", SHOES[:1], time.time() - 10)
    poison = [
        b"\xff not json",
        b"[1, 2]",
        json.dumps({"sender_id": "c-bad", "event": "teleport", "timestamp": 1.0}).encode(),
        json.dumps({"sender_id": "c-bad", "event": "user", "text": 5, "timestamp": 1.0}).encode(),
        json.dumps({"sender_id": "c-bad", "event": "bot", "metadata": "sources", "timestamp": 1.0}).encode(),
        json.dumps({"sender_id": "", "event": "user", "text": "hi"}).encode(),
    ]

    async def scenario() -> list[tuple[bytes, str]]:
        await publish_raw(settings, poison[:3])
        consumer = Consumer(settings, db)
        task = asyncio.create_task(consumer.run())
        await publish_raw(settings, poison[3:])
        await publish_with_rasa(settings, good)
        await until(lambda: consumer.folded == len(good) and consumer.dead == len(poison))
        consumer.stop.set()
        await task
        dead = []
        conn = await aio_pika.connect(AMQP)
        async with conn:
            queue = await (await conn.channel()).declare_queue(settings.dead_queue, durable=True)
            while (m := await queue.get(fail=False)) is not None:
                dead.append((m.body, m.headers["x-shopbot-error"]))
                await m.ack()
        return dead

    with caplog.at_level("WARNING", logger="bot.console.consumer"):
        dead = asyncio.run(scenario())
    assert [body for body, _ in dead] == poison
    reasons = [why for _, why in dead]
    assert reasons[0].startswith("not JSON") and "not a JSON object" in reasons[1] and "unknown event 'teleport'" in reasons[2]
    assert "wrong types" in reasons[3] and "text" in reasons[3] and "metadata" in reasons[4] and "sender_id" in reasons[5]
    assert sum("dead-lettered a message of queue" in r.message for r in caplog.records) == len(poison)
    assert set(rows(db)) == {"c-ok"} and rows(db)["c-ok"]["user_messages"] == 1


class Proxy:
    """A TCP proxy in front of RabbitMQ that can go down and come back (a broker restart, without
    restarting the machine's RabbitMQ that others use)."""

    def __init__(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server: asyncio.base_events.Server | None = None
        self.links: list[asyncio.StreamWriter] = []

    async def start(self) -> None:
        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                writer.close()

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", 5672)
            self.links += [writer, up_writer]
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

        self.server = await asyncio.start_server(handle, "127.0.0.1", self.port)

    async def stop(self) -> None:
        self.server.close()
        for w in self.links:
            w.close()
        self.links.clear()
        await self.server.wait_closed()


def test_the_consumer_reconnects_after_the_broker_went_away(console, settings, caplog):  # noqa: F811
    db, _, _ = console
    first, second = rasa_events("c-1", SHOES[:1], time.time() - 20), rasa_events("c-2", SHOES[:1], time.time() - 10)

    async def scenario() -> Consumer:
        proxy = Proxy()
        await proxy.start()
        consumer = Consumer(BrokerSettings(f"amqp://guest:guest@127.0.0.1:{proxy.port}/%2F", settings.queue, settings.exchange), db)
        task = asyncio.create_task(consumer.run())
        await publish_with_rasa(settings, first)
        await until(lambda: consumer.folded == len(first))
        await proxy.stop()  # down: connections cut, new ones refused
        await publish_with_rasa(settings, second)  # Rasa goes on publishing into the durable queue
        await asyncio.sleep(1.5)
        await proxy.start()
        await until(lambda: consumer.folded == len(first) + len(second), timeout=40)
        consumer.stop.set()
        await task
        await proxy.stop()
        return consumer

    with caplog.at_level("WARNING", logger="bot.console.consumer"):
        asyncio.run(scenario())
    assert any("reconnecting in" in r.message for r in caplog.records)
    assert set(rows(db)) == {"c-1", "c-2"}


def test_the_entry_point_runs_and_exits_cleanly_on_sigterm(tmp_path, settings, monkeypatch):  # noqa: F811
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    env = dict(os.environ, SHOPBOT_AMQP_URL=AMQP, SHOPBOT_EVENT_QUEUE=settings.queue, SHOPBOT_EVENT_EXCHANGE=settings.exchange,
               SHOPBOT_DATA=str(tmp_path), SHOPBOT_TABLE_PREFIX=prefix, PYTHONPATH=str(ROOT))  # fmt: skip
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "bot.console.consumer"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stderr:
            lines.append(line)
            if "consuming " in line:
                break
        assert any(settings.queue in line for line in lines), lines
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_database_outage_keeps_the_batch_until_the_database_is_back(console, settings, caplog):  # noqa: F811
    from sqlalchemy.exc import OperationalError

    db, _, _ = console
    published = rasa_events("c-shoes", SHOES[:1], time.time() - 10)

    class Outage(Consumer):
        failures = 2

        def _fold_tx(self, events: list) -> int:
            if self.failures:
                self.failures -= 1
                raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
            return super()._fold_tx(events)

    with caplog.at_level("WARNING", logger="bot.console.consumer"):
        consumer = asyncio.run(fold_all(Outage(settings, db), settings, published))
    assert consumer.dead == 0 and consumer.failures == 0 and rows(db)["c-shoes"]["user_messages"] == 1
    assert sum("retrying the batch" in r.message for r in caplog.records) == 2
