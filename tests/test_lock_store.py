"""The cluster's lock store (`bot/lock_store.py`) on the running Redis: two store objects with
their own connections in two threads stand for two Rasa servers."""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest

from tests.conftest import service_missing

REDIS = "127.0.0.1"


@pytest.fixture
def stores():
    import redis

    from bot.lock_store import AtomicRedisLockStore

    try:
        redis.Redis(host=REDIS, socket_timeout=1).ping()
    except redis.RedisError:
        service_missing("Redis not reachable at 127.0.0.1:6379")
    prefix = f"test{uuid.uuid4().hex[:8]}"
    made = [AtomicRedisLockStore(host=REDIS, port=6379, db=0, key_prefix=prefix) for _ in range(2)]
    yield made
    client = redis.Redis(host=REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def in_threads(*jobs) -> None:  # noqa: ANN002
    threads = [threading.Thread(target=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)


def test_two_servers_never_get_the_same_ticket(stores):
    conversation = f"c-{uuid.uuid4().hex}"
    tickets: list[list[int]] = [[], []]

    def issue(i: int):  # noqa: ANN202
        return lambda: tickets[i].extend(stores[i].issue_ticket(conversation, 60) for _ in range(150))

    in_threads(issue(0), issue(1))
    issued = tickets[0] + tickets[1]
    assert len(issued) == 300 and len(set(issued)) == 300  # Rasa's own RedisLockStore loses some: duplicates
    lock = stores[0].get_lock(conversation)
    assert lock is not None and len(lock.tickets) == 300


def test_one_conversation_runs_one_message_at_a_time_across_servers(stores):
    """Each 'message' reads a counter, yields, writes it back + 1 while holding the conversation's
    lock: with mutual exclusion across the two servers no increment is lost."""
    import redis

    conversation = f"c-{uuid.uuid4().hex}"
    counter = f"{stores[0].key_prefix}counter"
    client = redis.Redis(host=REDIS)
    client.set(counter, 0)
    inside = [0]
    overlaps = [0]

    async def messages(store):  # noqa: ANN001, ANN202
        for _ in range(15):
            async with store.lock(conversation, 30):
                inside[0] += 1
                overlaps[0] += inside[0] > 1
                value = int(client.get(counter))
                await asyncio.sleep(0.002)
                client.set(counter, value + 1)
                inside[0] -= 1

    in_threads(*(lambda s=s: asyncio.run(messages(s)) for s in stores))
    assert int(client.get(counter)) == 30 and overlaps[0] == 0
    assert stores[0].get_lock(conversation) is None  # the last one out deletes the lock


def test_cleanup_keeps_the_lock_someone_else_queued_on(stores):
    conversation = f"c-{uuid.uuid4().hex}"
    first = stores[0].issue_ticket(conversation, 30)
    second = stores[1].issue_ticket(conversation, 30)
    stores[0].cleanup(conversation, first)
    lock = stores[1].get_lock(conversation)
    assert lock is not None and not lock.is_locked(second)  # now it is the second's turn
    stores[1].cleanup(conversation, second)
    assert stores[1].get_lock(conversation) is None


def test_the_lock_key_expires_after_its_last_ticket(stores):
    import redis

    from bot.lock_store import KEY_GRACE_SECONDS

    conversation = f"c-{uuid.uuid4().hex}"
    stores[0].issue_ticket(conversation, 5)  # a server killed while it held the ticket leaves this behind
    ttl = redis.Redis(host=REDIS).ttl(stores[0].key_prefix + conversation)
    assert 0 < ttl <= 5 + KEY_GRACE_SECONDS
