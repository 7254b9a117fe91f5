"""The event-broker consumer (`bot/console/consumer.py`) against the fold on access
(`summary.refresh`), on the same synthetic events (`bench.console_list.events_for`: 3 events a
turn, 2 turns a conversation), with the real RabbitMQ and the console tables on SQLite and
PostgreSQL.

    .venv/bin/python -m bench.consumer [--events 30000] [--rates 200 500] [--seconds 20] [--backend sqlite postgres]

- Throughput: all events queued first, then the consumer started: events folded per second
  (batches, acks after commit). Baseline: the same events in an `events` table, one `refresh`.
- Lag at a steady rate: events published at R/s (each stamped with its publish time); the
  consumer, in a process of its own, records commit time − publish time per event. Baseline: the
  same events written into the tracker store's table at R/s and a console page view folding on
  access every second (`refresh`): lag = end of that fold − the event's time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

import aio_pika
from sqlalchemy import create_engine, insert, select, text

from bench.console_list import PG, events_for
from bot.console import summary
from bot.console.consumer import Consumer
from bot.console.db import ConsoleDB
from bot.console.events import EventStore
from bot.console.feed import BrokerSettings

AMQP = "amqp://guest:guest@127.0.0.1:5672/%2F"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


class Place:
    """Fresh console tables and tracker-store table on one backend; removed by `close`."""

    def __init__(self, backend: str) -> None:
        self.backend, self.name = backend, f"bench_consumer_{uuid.uuid4().hex[:8]}"
        if backend == "postgres":
            self.admin = create_engine(f"{PG}/test", isolation_level="AUTOCOMMIT")
            with self.admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            self.db_url = self.events_url = f"{PG}/{self.name}"
        else:
            tmp = Path(tempfile.mkdtemp())
            self.db_url, self.events_url = f"sqlite:///{tmp / 'shopbot.db'}", f"sqlite:///{tmp / 'conversations.db'}"

    def console(self, prefix: str) -> ConsoleDB:
        return ConsoleDB.connect(self.db_url, prefix)

    def events(self) -> EventStore:
        store = EventStore(self.events_url)
        store.create()
        return store

    def close(self) -> None:
        if self.backend == "postgres":
            with self.admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))


def messages(rows: list[dict]) -> list[dict]:
    return [{"sender_id": r["sender_id"], **json.loads(r["data"])} for r in rows]


async def declare(s: BrokerSettings) -> None:
    conn = await aio_pika.connect(s.url)
    async with conn:
        channel = await conn.channel()
        exchange = await channel.declare_exchange(s.exchange, aio_pika.ExchangeType.FANOUT)
        await (await channel.declare_queue(s.queue, durable=True)).bind(exchange, "")


async def publish(s: BrokerSettings, msgs: list[dict], rate: float | None = None) -> None:
    """As Rasa's `PikaEventBroker` publishes (persistent JSON to the fanout exchange); at `rate`
    per second, each message's timestamp set when it is sent."""
    conn = await aio_pika.connect(s.url)
    async with conn:
        channel = await conn.channel(publisher_confirms=False)
        exchange = await channel.declare_exchange(s.exchange, aio_pika.ExchangeType.FANOUT)
        t0 = time.time()
        for i, m in enumerate(msgs):
            if rate:
                due = t0 + i / rate
                if due > time.time():
                    await asyncio.sleep(due - time.time())
                m = {**m, "timestamp": time.time()}
            await exchange.publish(aio_pika.Message(json.dumps(m).encode(), delivery_mode=aio_pika.DeliveryMode.PERSISTENT), "")


async def cleanup(s: BrokerSettings) -> None:
    conn = await aio_pika.connect(s.url)
    async with conn:
        channel = await conn.channel()
        for q in (s.queue, s.dead_queue):
            await channel.queue_delete(q)
        await channel.exchange_delete(s.exchange)


class Timed(Consumer):
    """Records, per event, commit time − the event's timestamp (its publish time)."""

    lags: list[float]

    def _fold_tx(self, events: list[summary.Event]) -> int:
        new = super()._fold_tx(events)
        now = time.time()
        self.lags.extend(now - (e.timestamp or now) for e in events)
        return new


def consume(s: BrokerSettings, db_url: str, prefix: str, expected: int, out: str) -> None:
    """In a process of its own: consume until `expected` events are folded; lags into `out`."""
    consumer = Timed(s, ConsoleDB.connect(db_url, prefix))
    consumer.lags = []

    async def run() -> None:
        task = asyncio.create_task(consumer.run())
        while consumer.folded + consumer.duplicates < expected:
            await asyncio.sleep(0.02)
        consumer.stop.set()
        await task

    asyncio.run(run())
    Path(out).write_text(json.dumps(consumer.lags))


def settings() -> BrokerSettings:
    name = f"bench_consumer_{uuid.uuid4().hex[:8]}"
    return BrokerSettings(AMQP, name, f"{name}_exchange")


def throughput(place: Place, rows: list[dict]) -> dict:
    s = settings()
    asyncio.run(declare(s))
    asyncio.run(publish(s, messages(rows)))
    db = place.console(f"c{uuid.uuid4().hex[:6]}_")
    consumer = Consumer(s, db)

    async def run() -> float:
        task = asyncio.create_task(consumer.run())
        t0 = time.perf_counter()
        while consumer.folded < len(rows):
            await asyncio.sleep(0.01)
        took = time.perf_counter() - t0
        consumer.stop.set()
        await task
        return took

    took = asyncio.run(run())
    asyncio.run(cleanup(s))
    base_db, events = place.console(f"b{uuid.uuid4().hex[:6]}_"), place.events()
    with events.engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(events.table), rows[i : i + 5000])
    t0 = time.perf_counter()
    summary.refresh(base_db, events)
    base = time.perf_counter() - t0
    with events.engine.begin() as conn:
        conn.execute(events.table.delete())
    return {"events": len(rows), "consumer_s": took, "consumer_eps": len(rows) / took, "refresh_s": base, "refresh_eps": len(rows) / base}


def lag_consumer(place: Place, rows: list[dict], rate: float) -> list[float]:
    s = settings()
    asyncio.run(declare(s))
    out = Path(tempfile.mkdtemp()) / "lags.json"
    proc = multiprocessing.get_context("spawn").Process(target=consume, args=(s, place.db_url, f"l{uuid.uuid4().hex[:6]}_", len(rows), str(out)))
    proc.start()
    time.sleep(3)  # the consumer's imports and connection
    asyncio.run(publish(s, messages(rows), rate))
    proc.join(timeout=120)
    asyncio.run(cleanup(s))
    return json.loads(out.read_text())


def lag_refresh(place: Place, rows: list[dict], rate: float, every: float = 1.0) -> list[float]:
    db, events = place.console(f"r{uuid.uuid4().hex[:6]}_"), place.events()
    with events.engine.begin() as conn:
        conn.execute(events.table.delete())
    done = threading.Event()

    def write() -> None:
        t0 = time.time()
        for i in range(0, len(rows), 5):  # Rasa stores a turn's events together
            due = t0 + i / rate
            if due > time.time():
                time.sleep(due - time.time())
            now = time.time()
            with events.engine.begin() as conn:
                conn.execute(insert(events.table), [{**r, "timestamp": now, "data": json.dumps({**json.loads(r["data"]), "timestamp": now})}
                                                     for r in rows[i : i + 5]])  # fmt: skip
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    lags: list[float] = []
    while True:
        finished = done.is_set()
        with db.engine.connect() as conn:
            before = summary.watermark(conn, db)
        summary.refresh(db, events)
        end = time.time()
        with db.engine.connect() as conn:
            after = summary.watermark(conn, db)
        with events.engine.connect() as conn:
            e = events.table
            lags += [end - ts for (ts,) in conn.execute(select(e.c.timestamp).where(e.c.id > before, e.c.id <= after))]
        if finished:
            break
        time.sleep(every)
    writer.join()
    return lags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=30_000)
    parser.add_argument("--rates", type=float, nargs="+", default=[200, 500])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--lag-only", action="store_true", help="skip the throughput run")
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    args = parser.parse_args()
    rng = random.Random(7)
    for backend in args.backend:
        place = Place(backend)
        try:
            rows = events_for(args.events // 6, 0, rng)
            t = None if args.lag_only else throughput(place, rows)
            print(f"{backend}: {t['events']} events: consumer {t['consumer_s']:.1f} s = {t['consumer_eps']:.0f} events/s; "
                  f"fold on access {t['refresh_s']:.1f} s = {t['refresh_eps']:.0f} events/s", flush=True) if t else None  # fmt: skip
            for rate in args.rates:
                n = int(rate * args.seconds)
                part = events_for(n // 6 + 1, 0, rng)[:n]
                c = lag_consumer(place, part, rate)
                r = lag_refresh(place, part, rate)
                print(f"{backend} at {rate:.0f} events/s ({n} events): lag p50 / p95 / max ms: consumer "
                      f"{1000 * statistics.median(c):.0f} / {1000 * pct(c, 0.95):.0f} / {1000 * max(c):.0f}; fold on access every 1 s "
                      f"{1000 * statistics.median(r):.0f} / {1000 * pct(r, 0.95):.0f} / {1000 * max(r):.0f}", flush=True)  # fmt: skip
        finally:
            place.close()


if __name__ == "__main__":
    main()
