"""How many failed order proofs are allowed, counted in the database so the limits hold across
conversations, processes and replicas.

A failed proof is one row: when, which conversation, which client address, which order number,
and whether a postcode or an e-mail address was tried. Three limits read those rows:

- a conversation with too many failures is locked for a while (the oldest rule);
- so is a client address, since conversation ids are chosen by the client and cost nothing;
- an order number with too many failed *postcode* proofs stops taking postcodes for a while.
  Postcodes are few (4 or 5 digits), e-mail addresses are not, so the real customer can still
  open the order with the e-mail address while someone else keeps guessing postcodes.

Limits come from `store.yml` `security:` (`catalog.store.Security`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, and_, delete, func, insert, select
from sqlalchemy.engine import Engine

from catalog.store import Security

EMAIL, POSTCODE = "email", "postcode"
KEEP = dt.timedelta(days=2)  # rows older than every window are deleted


@dataclass(frozen=True)
class Limits:
    conversation_failures: int = 5
    conversation_lock: dt.timedelta = dt.timedelta(minutes=15)
    client_failures: int = 50
    client_lock: dt.timedelta = dt.timedelta(minutes=60)
    postcode_failures: int = 3
    postcode_block: dt.timedelta = dt.timedelta(days=1)

    @classmethod
    def of(cls, security: Security) -> Limits:
        minutes = dt.timedelta(minutes=1)
        return cls(security.conversation_failures, security.conversation_lock_minutes * minutes,
                   security.client_failures, security.client_lock_minutes * minutes,
                   security.postcode_failures, security.postcode_block_minutes * minutes)  # fmt: skip


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _clean(value: str | None, limit: int) -> str | None:
    return value.replace("\x00", "")[:limit] if value else None


class ProofThrottle:
    """The failed-proof rows of one store in `table` (orders.db `verification_failures`)."""

    def __init__(self, engine: Engine, table: Table, store: str, limits: Callable[[], Limits]):
        self.engine, self.f, self.store, self.limits = engine, table, store, limits

    def record(self, conversation_id: str, now: dt.datetime | None = None, *, order_number: str | None = None,
               client: str | None = None, proof: str | None = None) -> int:  # fmt: skip
        """Counts one failed proof; returns the conversation's failures within its lock window."""
        now = now or _utcnow()
        f, limits = self.f, self.limits()
        conversation_id = _clean(conversation_id, 255) or ""
        row = {"conversation_id": conversation_id, "at": now.timestamp(), "store": self.store,
               "order_number": _clean(order_number, 6), "client": _clean(client, 64),
               "proof": proof if proof in (EMAIL, POSTCODE) else None}  # fmt: skip
        with self.engine.begin() as conn:
            conn.execute(delete(f).where(f.c.at < (now - max(KEEP, limits.postcode_block, limits.client_lock, limits.conversation_lock)).timestamp()))
            conn.execute(insert(f), [row])
            since = (now - limits.conversation_lock).timestamp()
            return int(conn.execute(select(func.count()).where(and_(f.c.conversation_id == conversation_id, f.c.at > since))).scalar())

    def _until(self, where, limit: int, span: dt.timedelta, now: dt.datetime) -> dt.datetime | None:  # noqa: ANN001
        with self.engine.connect() as conn:
            count, last = conn.execute(select(func.count(), func.max(self.f.c.at)).where(and_(where, self.f.c.at > (now - span).timestamp()))).one()
        if count < limit:
            return None
        until = dt.datetime.fromtimestamp(last, dt.timezone.utc) + span
        return until if until > now else None

    def locked_until(self, conversation_id: str, now: dt.datetime | None = None, *, client: str | None = None) -> dt.datetime | None:
        """When this conversation (or, with `client`, this client address) may try again; None when it may now."""
        now = now or _utcnow()
        limits = self.limits()
        ends = [self._until(self.f.c.conversation_id == (_clean(conversation_id, 255) or ""),
                            limits.conversation_failures, limits.conversation_lock, now)]  # fmt: skip
        if client:
            ends.append(self._until(self.f.c.client == _clean(client, 64), limits.client_failures, limits.client_lock, now))
        return max((e for e in ends if e is not None), default=None)

    def postcode_blocked_until(self, order_number: str, now: dt.datetime | None = None) -> dt.datetime | None:
        """Until when a postcode does not open this order number (its e-mail address still does)."""
        now = now or _utcnow()
        limits = self.limits()
        where = and_(self.f.c.store == self.store, self.f.c.order_number == _clean(order_number, 6), self.f.c.proof == POSTCODE)
        return self._until(where, limits.postcode_failures, limits.postcode_block, now)
