"""The cluster's smoke test (`make cluster-test`): two Rasa servers and two action servers
(`bot.cluster.Cluster` without nginx and web apps) sharing PostgreSQL (tracker store, orders,
catalog), Redis (lock store, socket.io) and RabbitMQ (event broker). One conversation that
alternates between the replicas stays one conversation; messages of one conversation sent to
both at once are handled one after the other, with nothing lost or doubled."""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from pathlib import Path

import pytest
import requests

from catalog.build import read_current_products
from tests.conftest import MODEL, PG_URL, pg_available, service_missing
from tests.e2e.test_stack import cards, texts

pytestmark = pytest.mark.cluster
AMQP = "amqp://guest:guest@127.0.0.1:5672/"


def _services() -> None:
    import redis

    if not pg_available():
        service_missing("PostgreSQL not reachable at 127.0.0.1:5432")
    try:
        redis.Redis(host="127.0.0.1", socket_timeout=1).ping()
    except redis.RedisError:
        service_missing("Redis not reachable at 127.0.0.1:6379")
    try:
        asyncio.run(_queue_size("amq.rabbitmq.reply-to", probe=True))
    except Exception:
        service_missing("RabbitMQ not reachable at 127.0.0.1:5672")


async def _queue_size(name: str, probe: bool = False, delete: str = "") -> int:
    import aio_pika

    connection = await aio_pika.connect(AMQP, timeout=5)
    try:
        if probe:
            return 0
        channel = await connection.channel()
        queue = await channel.declare_queue(name, passive=True)
        if delete:
            await queue.delete(if_unused=False, if_empty=False)
            await channel.exchange_delete(delete)
            return 0
        return queue.declaration_result.message_count
    finally:
        await connection.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    import redis
    import sqlalchemy

    from bot.cluster import Cluster

    _services()
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make model` first")
    tag = uuid.uuid4().hex[:8]
    database = PG_URL.rsplit("/", 1)[0] + f"/shopbot_ct_{tag}"
    c = Cluster(replicas=2, web=False, consumer=False, data=str(tmp_path_factory.mktemp("cluster")), model=str(MODEL),
                database_url=database, prefix=f"ct{tag}", event_queue=f"shopbot_events_ct{tag}")  # fmt: skip
    try:
        c.start(timeout=400)
        yield c
    finally:
        c.stop()
        admin = sqlalchemy.create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "shopbot_ct_{tag}"'))
        admin.dispose()
        client = redis.Redis(host="127.0.0.1")
        for key in client.scan_iter(f"ct{tag}:*"):
            client.delete(key)
        try:
            asyncio.run(_queue_size(c.event_queue, delete=c.event_exchange))
        except Exception:  # never declared: nothing to delete
            pass


@pytest.fixture(scope="module")
def products(cluster):
    return {p.id: p for p in read_current_products(Path(cluster.data) / "demo")}


def ask(url: str, text: str, sender: str, **metadata) -> list[dict]:
    response = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text, "metadata": metadata}, timeout=60)
    response.raise_for_status()
    return response.json()


def tracker_events(cluster, url: str, sender: str) -> list[dict]:
    response = requests.get(f"{url}/conversations/{sender}/tracker", params={"token": cluster.token, "include_events": "ALL"}, timeout=30)
    response.raise_for_status()
    return response.json()["events"]


def test_a_product_shown_on_one_replica_is_it_on_the_other(cluster, products):
    one, two = cluster.rasa_urls
    sender = f"ct-{uuid.uuid4()}"
    first = cards(ask(one, "I'm looking for running shoes", sender))
    assert len(first) >= 2
    name = products[first[1]["id"]].name("en")
    assert name in texts(ask(two, "tell me more about the second one", sender))
    assert name in texts(ask(one, "is it available in size 44?", sender))
    assert tracker_events(cluster, one, sender) == tracker_events(cluster, two, sender)


def test_an_order_proof_given_on_one_replica_holds_on_the_other(cluster):
    one, two = cluster.rasa_urls
    sender = f"ct-{uuid.uuid4()}"
    first = texts(ask(one, "where's my order 100234?", sender))
    assert "e-mail" in first and "on its way" not in first  # nothing shown before the proof
    assert "is on its way" in texts(ask(two, "anna@example.org", sender))
    picked = texts(ask(one, '/order_status{"order_number": "100235"}', sender))  # another order of the proven address
    assert "100235" in picked and "has been delivered" in picked


def test_one_conversation_on_both_replicas_at_once_stays_consistent(cluster):
    """Six messages of one conversation, three to each replica, all sent at the same moment: each
    is answered, and the stored conversation has every message once, each followed by its own
    answer before the next message (Rasa's lock store across servers: bot/lock_store.py)."""
    urls = cluster.rasa_urls
    sender = f"ct-{uuid.uuid4()}"
    ask(urls[0], "hello", sender)
    messages = ["do you ship to Austria?", "can I pay by invoice?", "how long do I have to return something?",
                "what does shipping to Switzerland cost?", "I'm looking for a rain jacket", "do you have gift cards?"]  # fmt: skip
    replies: dict[str, list[dict]] = {}
    start = threading.Barrier(len(messages))

    def send(i: int, text: str) -> None:
        start.wait()
        replies[text] = ask(urls[i % 2], text, sender)

    threads = [threading.Thread(target=send, args=(i, m)) for i, m in enumerate(messages)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert all(texts(replies[m]) and "One moment" not in texts(replies[m]) for m in messages), replies
    events = tracker_events(cluster, urls[1], sender)
    users = [i for i, e in enumerate(events) if e["event"] == "user"]
    assert sorted(events[i]["text"] for i in users) == sorted(["hello", *messages])  # each once, none lost
    for start_at, end in zip(users, users[1:] + [len(events)], strict=True):
        turn = events[start_at + 1 : end]
        assert any(e["event"] == "bot" for e in turn), f"message {events[start_at]['text']!r} has no answer of its own"
        assert turn[-1]["event"] == "action" and turn[-1]["name"] == "action_listen"
    # what each replica answered is what the tracker holds for that message
    for i in users:
        text = events[i]["text"]
        if text in replies:
            turn = events[i + 1 : next((j for j in users if j > i), len(events))]
            assert [e["text"] for e in turn if e["event"] == "bot" and e.get("text")] == [r["text"] for r in replies[text] if r.get("text")]


def test_events_are_stored_once_and_published_once(cluster):
    """Every event Rasa stored in PostgreSQL went to RabbitMQ once (Rasa's pika broker)."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(cluster.database_url)
    with engine.connect() as conn:
        stored = conn.execute(sqlalchemy.text("SELECT count(*) FROM events")).scalar()
    engine.dispose()
    assert stored > 0 and asyncio.run(_queue_size(cluster.event_queue)) == stored


def test_a_message_sent_on_one_replica_reaches_a_socket_on_the_other(cluster):
    """The console's live handoff: an agent's message appended through replica 2's HTTP API
    reaches the shopper's socket on replica 1 (socket.io's Redis manager: bot/socket_manager.py)."""
    import aiohttp
    import socketio

    one, two = cluster.rasa_urls
    sender = f"ct-{uuid.uuid4()}"

    async def scenario() -> tuple[str, dict]:
        client = socketio.AsyncClient()
        got: asyncio.Queue = asyncio.Queue()
        client.on("session_confirm", lambda data: got.put_nowait(("confirm", data)))
        client.on("bot_uttered", lambda data: got.put_nowait(("bot", data)))
        await client.connect(one, socketio_path="/socket.io", transports=["polling"])  # the client's WebSocket needs a newer aiohttp
        try:
            await client.emit("session_request", {"session_id": sender})
            assert (await asyncio.wait_for(got.get(), 10))[0] == "confirm"
            event = {"event": "bot", "text": "Guten Tag, hier ist Maria.", "metadata": {"person": "Maria", "handoff": "message", "handoff_message": 1}}
            params = {"execute_side_effects": "true", "output_channel": "socketio", "token": cluster.token}
            async with aiohttp.ClientSession() as http:
                async with http.post(f"{two}/conversations/{sender}/tracker/events", params=params, data=json.dumps([event])) as r:
                    assert r.status == 200, await r.text()
            kind, data = await asyncio.wait_for(got.get(), 10)
            return client.eio.sid, data
        finally:
            await client.disconnect()

    sid, data = asyncio.run(scenario())
    assert data["text"] == "Guten Tag, hier ist Maria." and data["person"] == "Maria"
    assert sid.startswith("r1-")  # nginx routes a polling client's requests by this prefix
