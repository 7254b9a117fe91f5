"""Keeps the console's summary tables current from Rasa's `pika` event broker:
`python -m bot.console.consumer` (env `SHOPBOT_AMQP_URL`, `SHOPBOT_EVENT_QUEUE`,
`SHOPBOT_EVENT_EXCHANGE`, `DATABASE_URL`, `SHOPBOT_TABLE_PREFIX`, `SHOPBOT_STORE`, `SHOPBOT_DATA`).

- The queue is declared exactly as Rasa 3.6 declares it (`durable=True`, no arguments, bound to
  the fanout exchange `rasa-exchange`), so whichever side starts first, neither fails.
- A message is Rasa's event as JSON plus `sender_id` (no event id). It is checked with Rasa's own
  event schema; what is not JSON, an unknown event or of the wrong types goes to the durable
  queue `<queue>.dead` (header `x-shopbot-error`) with a log line, and is acked.
- Messages are folded in batches (what arrived while the last batch was folded, up to `BATCH`)
  through `summary.fold`, in one database transaction, and acked (`multiple`) only after it
  committed. A message redelivered after a crash finds its key in `console_folded` and is skipped.
- RabbitMQ or the database gone: the batch stays unacked, and the consumer retries with backoff
  (0.5 s doubling to 30 s). SIGTERM / SIGINT: the batch in hand is finished, then a clean exit.
- At start it folds what the tracker store holds beyond the console's watermark (events stored
  before the queue existed; the keys skip what the queue also brings), and every minute it moves
  the watermark to the tracker store's last event id of five minutes ago, so the fold on access
  (`summary.refresh`) would take over with little to re-read."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import math
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractIncomingMessage
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.shared.utils.schemas.events import EVENT_SCHEMA
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.pool import QueuePool
from yarl import URL

from bot.console import summary
from bot.console.db import ConsoleDB, open_console_db
from bot.console.events import EventStore, event_store, tracker_url
from bot.console.feed import BrokerSettings, broker_settings
from catalog.db import sqlite_pragmas

logger = logging.getLogger("bot.console.consumer")
BATCH = 500
PREFETCH = 1000
LINGER = 0.05
HOUSEKEEPING_SECONDS = 60.0
WATERMARK_DELAY = 300.0  # the watermark follows the tracker store this far behind
# Rasa's event schema is a `oneOf` over every event type, each pinned by `event`'s const: checking the
# one branch of the message's own type is the same check, at a twentieth of the time.
_BASE = {k: v for k, v in EVENT_SCHEMA.items() if k != "oneOf"}
_validators = {sub["properties"]["event"]["const"]: validator_for(EVENT_SCHEMA)({"allOf": [_BASE, sub]}) for sub in EVENT_SCHEMA["oneOf"]}
KNOWN_EVENTS = set(_validators)


class Stopping(Exception):
    """Asked to stop while a batch waited for the database: it stays unacked (RabbitMQ redelivers it)."""


def decode(body: bytes) -> tuple[summary.Event | None, str]:
    """The event of a broker message, or None and why it cannot be folded."""
    try:
        msg = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, f"not JSON ({exc})"
    if not isinstance(msg, dict):
        return None, f"not a JSON object but {type(msg).__name__}"
    sender = msg.get("sender_id")
    if not isinstance(sender, str) or not sender or len(sender) > 255:
        return None, f"sender_id {sender!r:.80} is not a conversation id (a string of 1 to 255 characters)"
    data = {k: v for k, v in msg.items() if k != "sender_id"}
    kind = data.get("event")
    if kind not in KNOWN_EVENTS:
        return None, f"unknown event {kind!r:.80}"
    error = best_match(_validators[kind].iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "event"
        return None, f"wrong types in a {kind!r} event at {where}: {error.message:.200}"
    ts = data.get("timestamp")
    if ts is not None and not math.isfinite(ts):
        return None, f"timestamp {ts!r} is not a time"
    return summary.Event(sender, kind, ts, data, summary.event_key(sender, data)), ""


def _transient(exc: BaseException) -> bool:
    """A database error worth retrying: the connection (server restart, SQLite busy)."""
    return isinstance(exc, (OperationalError, InterfaceError)) or (isinstance(exc, DBAPIError) and exc.connection_invalidated)


def safe_url(url: str) -> str:
    u = URL(url)
    return str(u.with_password("***")) if u.password else url


class Consumer:
    """One consumer of one queue. `run()` until `stop` is set."""

    def __init__(self, settings: BrokerSettings, db: ConsoleDB, events: EventStore | None = None,
                 batch: int = BATCH, prefetch: int = PREFETCH) -> None:  # fmt: skip
        self.settings, self.db, self.events = settings, pooled(db), events
        self.batch, self.prefetch = batch, prefetch
        self.stop = asyncio.Event()
        self.folded = self.duplicates = self.dead = 0
        self._caught_up = False
        self._marks: deque[tuple[float, int]] = deque()  # (monotonic time, the tracker store's max event id then)
        self._housekept = 0.0
        self._consuming = False

    async def run(self) -> None:
        delay = 0.5
        while not self.stop.is_set():
            try:
                await self._session()
                delay = 0.5
            except Stopping:
                break
            except Exception as exc:  # RabbitMQ down or restarting, connection lost: never a crash loop
                if self._consuming:  # it ran: the outage starts now, the backoff too
                    self._consuming, delay = False, 0.5
                logger.warning("RabbitMQ at %s: %s: %s; reconnecting in %.1f s", safe_url(self.settings.url), type(exc).__name__, exc, delay)
                await self._sleep(delay)
                delay = min(30.0, delay * 2)
        logger.info("stopped: %d event(s) folded, %d duplicate(s) skipped, %d dead-lettered", self.folded, self.duplicates, self.dead)

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self.stop.wait(), seconds)
        except asyncio.TimeoutError:
            pass

    async def _session(self) -> None:
        s = self.settings
        conn = await aio_pika.connect(s.url, timeout=10)
        try:
            channel = await conn.channel()  # publisher confirms: a dead letter is stored before its message is acked
            await channel.set_qos(prefetch_count=self.prefetch)
            exchange = await channel.declare_exchange(s.exchange, aio_pika.ExchangeType.FANOUT)  # as Rasa declares it
            queue = await channel.declare_queue(s.queue, durable=True)  # as Rasa declares it: no arguments
            await queue.bind(exchange, "")
            await channel.declare_queue(s.dead_queue, durable=True)
            logger.info("consuming %s (exchange %s) at %s", s.queue, s.exchange, safe_url(s.url))
            if not self._caught_up:
                await self._in_thread(self._catch_up)
                self._caught_up = True
            inbox: asyncio.Queue[AbstractIncomingMessage] = asyncio.Queue()

            async def on_message(message: AbstractIncomingMessage) -> None:
                inbox.put_nowait(message)

            await queue.consume(on_message)
            self._consuming = True
            while not self.stop.is_set():
                if conn.is_closed or channel.is_closed:
                    raise ConnectionError("connection to RabbitMQ lost")
                batch = await self._collect(inbox)
                if batch:
                    await self._handle(channel, batch)
                if time.monotonic() - self._housekept >= HOUSEKEEPING_SECONDS:
                    self._housekept = time.monotonic()
                    await self._in_thread(self._housekeeping)
        finally:
            try:
                await asyncio.wait_for(conn.close(), 5)
            except Exception:  # nosec B110 # already gone; the unacked messages go back to the queue either way
                pass

    async def _collect(self, inbox: asyncio.Queue) -> list[AbstractIncomingMessage]:
        """The next message (waiting up to 0.5 s) and what follows it while more keep coming
        (2 ms apart, at most `LINGER` seconds), up to `batch`: one transaction per batch, not per message."""
        try:
            batch = [await asyncio.wait_for(inbox.get(), 0.5)]
        except asyncio.TimeoutError:
            return []
        until = time.monotonic() + LINGER
        while len(batch) < self.batch:
            if inbox.empty():
                if time.monotonic() >= until:
                    break
                await asyncio.sleep(0.002)
                if inbox.empty():
                    break
            batch.append(inbox.get_nowait())
        return batch

    async def _handle(self, channel: AbstractChannel, batch: list[AbstractIncomingMessage]) -> None:
        good: list[tuple[AbstractIncomingMessage, summary.Event]] = []
        for message in batch:
            event, reason = decode(message.body)
            if event is None:
                await self._dead_letter(channel, message, reason)
            else:
                good.append((message, event))
        if good:
            try:
                await self._fold([e for _, e in good])
            except Stopping:
                raise
            except Exception as exc:
                logger.warning("a batch of %d event(s) could not be folded (%s: %s); folding them one by one", len(good), type(exc).__name__, exc)
                for message, event in good:
                    try:
                        await self._fold([event])
                    except Stopping:
                        raise
                    except Exception as one:
                        await self._dead_letter(channel, message, f"cannot be folded: {type(one).__name__}: {one}"[:300])
        await self._ack(batch[-1])

    async def _ack(self, last: AbstractIncomingMessage) -> None:
        """Acks the batch up to `last`, after its commit: a crash before this redelivers it, and the keys skip it."""
        await last.ack(multiple=True)

    async def _fold(self, events: list[summary.Event]) -> None:
        """Fold in one transaction; the database unreachable: retry with backoff until it is back or we stop."""
        delay, collisions = 0.5, 0
        while True:
            try:
                new = await self._in_thread(self._fold_tx, events)
                self.folded += new
                self.duplicates += len(events) - new
                return
            except Exception as exc:
                if isinstance(exc, IntegrityError) and collisions < 3:  # another process folded some of them meanwhile
                    collisions += 1
                elif not _transient(exc):
                    raise
                logger.warning("database: %s: %s; retrying the batch in %.1f s", type(exc).__name__, str(exc).splitlines()[0][:200], delay)
                await self._sleep(delay)
                if self.stop.is_set():
                    raise Stopping() from exc
                delay = min(30.0, delay * 2)

    def _fold_tx(self, events: list[summary.Event]) -> int:
        with self.db.engine.begin() as conn:
            return summary.fold(conn, self.db, events)

    async def _dead_letter(self, channel: AbstractChannel, message: AbstractIncomingMessage, reason: str) -> None:
        s = self.settings
        headers = {"x-shopbot-error": reason, "x-shopbot-queue": s.queue}
        await channel.default_exchange.publish(
            aio_pika.Message(message.body, headers=headers, content_type=message.content_type, delivery_mode=aio_pika.DeliveryMode.PERSISTENT),
            routing_key=s.dead_queue,
        )
        self.dead += 1
        logger.warning("dead-lettered a message of queue %s into %s: %s", s.queue, s.dead_queue, reason)

    @staticmethod
    async def _in_thread(fn: Callable[..., Any], *args: Any) -> Any:
        """Database work off the event loop, so RabbitMQ's heartbeats go on during a long fold."""
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def _events_ready(self) -> bool:
        try:
            return self.events is not None and self.events.exists()
        except Exception as exc:
            logger.warning("tracker store not readable (%s); the watermark stays", exc)
            return False

    def _catch_up(self) -> None:
        if self._events_ready():
            try:
                logger.info("caught up with the tracker store: %d event(s) read", summary.refresh(self.db, self.events))
            except Exception as exc:
                logger.warning("could not catch up with the tracker store (%s: %s); the queue alone feeds the summary", type(exc).__name__, exc)

    def _housekeeping(self) -> None:
        """Forget old keys; move the watermark to the tracker store's last event id of `WATERMARK_DELAY` ago."""
        try:
            with self.db.engine.begin() as conn:
                summary.prune_keys(conn, self.db)
            if not self._events_ready():
                return
            with self.events.engine.connect() as conn:
                self._marks.append((time.monotonic(), conn.execute(select(func.max(self.events.table.c.id))).scalar() or 0))
            mark = None
            while self._marks and time.monotonic() - self._marks[0][0] >= WATERMARK_DELAY:
                mark = self._marks.popleft()[1]
            if mark:
                with self.db.engine.begin() as conn:
                    if summary.watermark(conn, self.db) < mark:
                        summary.set_watermark(conn, self.db, mark)
        except Exception as exc:
            logger.warning("housekeeping skipped: %s: %s", type(exc).__name__, exc)


def pooled(db: ConsoleDB) -> ConsoleDB:
    """On SQLite, the same tables over one kept connection: SQLAlchemy 1.4 opens and closes one per
    transaction on a file, and closing the last connection to a WAL database checkpoints it (40 %
    of a small batch's fold). Other databases keep their pool."""
    if db.engine.dialect.name != "sqlite":
        return db
    engine = create_engine(db.engine.url, poolclass=QueuePool, pool_size=1, connect_args={"timeout": 30, "check_same_thread": False})
    event.listen(engine, "connect", sqlite_pragmas)
    return dataclasses.replace(db, engine=engine)


def _tracker_events(data: str) -> EventStore | None:
    """The tracker store to catch up from; a SQLite file that does not exist is none."""
    url = tracker_url(data)
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).is_file():
        return None
    return event_store(url)


def main() -> int:
    logging.basicConfig(level=os.environ.get("SHOPBOT_LOG_LEVEL", "INFO"), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    store = os.environ.get("SHOPBOT_STORE", "stores/demo")
    data = os.environ.get("SHOPBOT_DATA", "var")
    try:
        settings = broker_settings(store)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def _run() -> None:
        loop, stop = asyncio.get_running_loop(), asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        db, delay = None, 0.5
        while db is None and not stop.is_set():  # the database not up yet (the cluster starting): wait, don't crash-loop
            try:
                db = await loop.run_in_executor(None, open_console_db, data)
            except Exception as exc:
                logger.warning("database: %s: %s; retrying in %.1f s", type(exc).__name__, str(exc).splitlines()[0][:200], delay)
                try:
                    await asyncio.wait_for(stop.wait(), delay)
                except asyncio.TimeoutError:
                    delay = min(30.0, delay * 2)
        if db is None:
            return
        consumer = Consumer(settings, db, _tracker_events(data))
        consumer.stop = stop
        await consumer.run()

    asyncio.run(_run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
