"""Rasa's Redis lock store, made safe for several Rasa servers (`lock_store:` in
`endpoints.cluster.yml`: `type: bot.lock_store.AtomicRedisLockStore`).

Rasa 3.6's `RedisLockStore` changes a conversation's ticket lock by GET, change in Python, SET.
Within one process that is atomic (the Redis calls block the event loop), across two servers it
is not: both read the same lock, both append "ticket 3", one SET wins, and two messages of one
conversation run at once (or a server's clean-up deletes the lock another just queued on, and
that message fails). Reported as #9213; `tests/test_lock_store.py` shows it. Here every change
is one optimistic Redis transaction (WATCH / MULTI / EXEC, retried on conflict), the key expires
with its last ticket (a killed server leaves nothing behind), and a waiting message looks again
every 50 ms instead of every second.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
WAIT_SECONDS = 0.05  # between two looks at a lock another message holds
KEY_GRACE_SECONDS = 60  # the key outlives its last ticket by this much


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` (same settings: host via `url`, port, db, password, key_prefix, ...)
    whose ticket changes are atomic across processes."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # Rasa builds a custom lock store from its endpoint config
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        kwargs.pop("type", None)
        prefix = kwargs.pop("key_prefix", None)
        super().__init__(**kwargs)
        if prefix:  # any characters (Rasa's own class takes only letters and digits)
            self.key_prefix = f"{prefix}:lock:"

    def _change(self, conversation_id: str, change: Callable[[TicketLock | None], tuple[TicketLock | None, T]]) -> T:
        """Applies `change` (old lock -> new lock or None to delete, result) in one transaction."""
        key = self.key_prefix + conversation_id

        def transaction(pipe: Any) -> T:
            raw = pipe.get(key)
            old = TicketLock.from_dict(json.loads(raw)) if raw else None
            new, result = change(old)
            pipe.multi()
            if new is None:
                if old is not None:
                    pipe.delete(key)
            else:
                last = max((t.expires for t in new.tickets), default=time.time())
                pipe.set(key, new.dumps(), px=max(1, int((last - time.time() + KEY_GRACE_SECONDS) * 1000)))
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Removes the ticket, and the lock with it when no one else waits, in one step."""

        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, finish)

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = WAIT_SECONDS) -> AsyncGenerator[TicketLock, None]:  # fmt: skip
        async with super().lock(conversation_id, lock_lifetime, wait_time_in_seconds) as ticket_lock:
            yield ticket_lock
