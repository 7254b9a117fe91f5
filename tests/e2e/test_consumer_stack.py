"""The real stack with Rasa's `pika` event broker (a test-only endpoints file) and the consumer
(`python -m bot.console.consumer`) beside it: a conversation over REST shows up in the console's
list with no fold on access (the watermark never moves), and its summary row is the one the fold
on access makes from the tracker store."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid

import pytest
import requests
from sqlalchemy import select

from bot.console import auth, summary
from bot.console.db import ConsoleDB
from bot.console.events import EventStore
from tests.conftest import ROOT, running_stack
from tests.test_consumer import AMQP, rabbit_up, rows

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"


def test_a_rest_conversation_reaches_the_console_through_the_broker(tmp_path, monkeypatch):
    from tests.conftest import service_missing

    if not rabbit_up():
        service_missing("RabbitMQ not reachable at 127.0.0.1:5672")
    name = f"test_consumer_e2e_{uuid.uuid4().hex[:8]}"
    queue, exchange = name, f"{name}_exchange"  # not Rasa's shared default exchange
    data = tmp_path / "data"
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    shutil.copy(ROOT / "var" / "shopbot.db", data / "shopbot.db")
    endpoints = tmp_path / "endpoints.broker.yml"
    endpoints.write_text(
        (ROOT / "endpoints.yml").read_text(encoding="utf-8")
        + f"\nevent_broker:\n  type: pika\n  url: 127.0.0.1\n  port: 5672\n  username: guest\n  password: guest\n"
        f"  queues:\n    - {queue}\n  exchange_name: {exchange}\n",
        encoding="utf-8",
    )
    prefix = f"t{uuid.uuid4().hex[:8]}_"
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", prefix)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_EVENT_QUEUE", queue)  # the web app's console: the consumer keeps the summary
    env = dict(os.environ, SHOPBOT_AMQP_URL=AMQP, SHOPBOT_EVENT_EXCHANGE=exchange, SHOPBOT_DATA=str(data), PYTHONPATH=str(ROOT))
    log = (tmp_path / "consumer.log").open("w")
    consumer = subprocess.Popen([sys.executable, "-m", "bot.console.consumer"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    db = ConsoleDB.connect(f"sqlite:///{data / 'shopbot.db'}", prefix)
    try:
        with running_stack(data, 5115, 5165, 8186, endpoints=str(endpoints)) as stack:
            sender = f"shopper-{uuid.uuid4().hex[:6]}"
            for text in ("Guten Tag", "Ich suche leichte Wanderschuhe"):
                r = requests.post(f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook", timeout=60,
                                  json={"sender": sender, "message": text, "metadata": {"language": "de", "page_url": "/de/"}})  # fmt: skip
                assert r.status_code == 200 and r.json()
            deadline = time.monotonic() + 30
            while rows(db).get(sender, {}).get("bot_messages", 0) < 2 or rows(db)[sender]["user_messages"] < 2:
                assert consumer.poll() is None, (tmp_path / "consumer.log").read_text()
                assert time.monotonic() < deadline, f"not folded: {rows(db)}"
                time.sleep(0.2)
            auth.add_user(db, "admin", "admin", PASSWORD)
            web = requests.Session()
            base = f"http://127.0.0.1:{stack.web_port}"
            csrf = re.search(r'name="csrf" value="([^"]+)"', web.get(f"{base}/console/login", timeout=10).text).group(1)
            web.post(f"{base}/console/login", data={"csrf": csrf, "name": "admin", "password": PASSWORD}, timeout=10)
            listing = web.get(f"{base}/console", timeout=30)
            assert listing.status_code == 200 and sender in listing.text
        with db.engine.connect() as conn:
            assert summary.watermark(conn, db) == 0  # nothing was folded on access
        # the fold on access of the same tracker store, in tables of its own, makes the same row
        other = ConsoleDB.connect(f"sqlite:///{data / 'shopbot.db'}", f"t{uuid.uuid4().hex[:8]}_")
        try:
            summary.refresh(other, EventStore(f"sqlite:///{data / 'conversations.db'}"))
            deadline = time.monotonic() + 15
            while rows(db)[sender] != rows(other)[sender] and time.monotonic() < deadline:  # the last events of the turn
                time.sleep(0.2)
            assert rows(db)[sender] == rows(other)[sender]
            with db.engine.connect() as conn:
                assert len(conn.execute(select(db.replies).where(db.replies.c.sender_id == sender)).all()) == 2
        finally:
            other.drop()
    finally:
        consumer.send_signal(signal.SIGTERM)
        try:
            assert consumer.wait(timeout=15) == 0
        finally:
            if consumer.poll() is None:
                consumer.kill()
            db.drop()
            _delete(queue, exchange)


def _delete(queue: str, exchange: str) -> None:
    import asyncio

    import aio_pika

    async def run() -> None:
        conn = await aio_pika.connect(AMQP)
        async with conn:
            channel = await conn.channel()
            for q in (queue, f"{queue}.dead"):
                await channel.queue_delete(q)
            await channel.exchange_delete(exchange)

    asyncio.run(run())
