"""The live handoff's state, in the console's database (tables `<prefix>console_handoffs`,
`<prefix>console_handoff_messages`, `<prefix>console_agents_online`; ARCHITECTURE.md "Support
console" documents the columns), so the action server, the web app and any number of their
processes see the same queue.

A handoff is `waiting` (in the live queue), `taken` (an agent talks, the bot is paused),
`closed` (handed back to the bot) or `ticket` (nobody could take it: sent as a ticket)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Float, Integer, String, Table, Text, insert, select, update

from bot.console.db import ConsoleDB

ONLINE_SECONDS = 30  # an agent is online while a console live page has polled within this
OPEN = ("waiting", "taken")
KINDS = ("message", "connected", "handed_back")
_lock = threading.Lock()


class HandoffError(ValueError):
    """A handoff that cannot be taken, written to or handed back, with why."""


@dataclass(frozen=True)
class HandoffTables:
    handoffs: Table
    messages: Table
    online: Table


def tables(db: ConsoleDB) -> HandoffTables:
    """The handoff tables next to the console's (same prefix and metadata, so `db.drop()` drops
    them too), created on first use."""
    with _lock:
        return _tables(db)


def _tables(db: ConsoleDB) -> HandoffTables:
    p = db.users.name[: -len("console_users")]
    md = db.metadata
    if f"{p}console_handoffs" in md.tables:
        return HandoffTables(md.tables[f"{p}console_handoffs"], md.tables[f"{p}console_handoff_messages"], md.tables[f"{p}console_agents_online"])
    handoffs = Table(
        f"{p}console_handoffs", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("sender_id", String(255), nullable=False, index=True),
        Column("reason", String(20), nullable=False),  # asked | dont_know
        Column("language", String(10)),
        Column("page", Text),  # the page the shopper asked from
        Column("status", String(10), nullable=False, index=True),  # waiting | taken | closed | ticket
        Column("requested_at", Float, nullable=False, index=True),
        Column("agent", String(100)),
        Column("taken_at", Float),
        Column("first_reply_at", Float),  # the agent's first message to the shopper
        Column("closed_at", Float),
        Column("ticket", Text),  # where the ticket went: the webhook URL or the .eml file
    )  # fmt: skip
    messages = Table(
        f"{p}console_handoff_messages", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("handoff_id", Integer, nullable=False, index=True),
        Column("sender_id", String(255), nullable=False, index=True),
        Column("agent", String(100), nullable=False),
        Column("kind", String(12), nullable=False),  # message | connected | handed_back
        Column("text", Text, nullable=False),
        Column("at", Float, nullable=False),
    )  # fmt: skip
    online = Table(
        f"{p}console_agents_online", md,
        Column("user", String(100), primary_key=True),
        Column("last_seen", Float, nullable=False),
    )  # fmt: skip
    md.create_all(db.engine, tables=[handoffs, messages, online])
    return HandoffTables(handoffs, messages, online)


def heartbeat(db: ConsoleDB, user: str, now: float | None = None) -> None:
    """Marks `user` as online (a live page polled)."""
    t, now = tables(db).online, time.time() if now is None else now
    with db.engine.begin() as conn:
        if conn.execute(update(t).where(t.c.user == user).values(last_seen=now)).rowcount == 0:
            conn.execute(insert(t).values(user=user, last_seen=now))


def agents_online(db: ConsoleDB, now: float | None = None) -> list[str]:
    t, now = tables(db).online, time.time() if now is None else now
    with db.engine.connect() as conn:
        return list(conn.execute(select(t.c.user).where(t.c.last_seen > now - ONLINE_SECONDS).order_by(t.c.user)).scalars())


def open_handoff(db: ConsoleDB, sender: str) -> dict[str, Any] | None:
    """The conversation's waiting or taken handoff, if any."""
    h = tables(db).handoffs
    with db.engine.connect() as conn:
        row = conn.execute(select(h).where(h.c.sender_id == sender, h.c.status.in_(OPEN)).order_by(h.c.id.desc())).first()
    return dict(row._mapping) if row else None


def get(db: ConsoleDB, handoff_id: int) -> dict[str, Any] | None:
    h = tables(db).handoffs
    with db.engine.connect() as conn:
        row = conn.execute(select(h).where(h.c.id == handoff_id)).first()
    return dict(row._mapping) if row else None


def request(db: ConsoleDB, sender: str, reason: str, language: str | None, page: str | None, now: float | None = None) -> int:
    """Puts the conversation in the live queue (once: an open handoff is reused); its id."""
    current = open_handoff(db, sender)
    if current:
        return int(current["id"])
    h = tables(db).handoffs
    with db.engine.begin() as conn:
        result = conn.execute(insert(h).values(
            sender_id=sender, reason=reason, language=language, page=(page or None) and page[:2000], status="waiting",
            requested_at=time.time() if now is None else now,
        ))  # fmt: skip
    return int(result.inserted_primary_key[0])


def record_ticket(db: ConsoleDB, sender: str, reason: str, language: str | None, page: str | None, now: float | None = None) -> int:
    """A handoff nobody could take, kept for the numbers; `set_ticket` says where it went."""
    h = tables(db).handoffs
    with db.engine.begin() as conn:
        result = conn.execute(insert(h).values(
            sender_id=sender, reason=reason, language=language, page=(page or None) and page[:2000], status="ticket",
            requested_at=time.time() if now is None else now,
        ))  # fmt: skip
    return int(result.inserted_primary_key[0])


def set_ticket(db: ConsoleDB, handoff_id: int, where: str) -> None:
    """Where the ticket went; a handoff still waiting (nobody came) becomes a ticket."""
    h = tables(db).handoffs
    with db.engine.begin() as conn:
        conn.execute(update(h).where(h.c.id == handoff_id).values(ticket=where))
        conn.execute(update(h).where(h.c.id == handoff_id, h.c.status == "waiting").values(status="ticket"))


def queue(db: ConsoleDB) -> list[dict[str, Any]]:
    """Open handoffs, oldest request first."""
    h = tables(db).handoffs
    with db.engine.connect() as conn:
        rows = conn.execute(select(h).where(h.c.status.in_(OPEN)).order_by(h.c.requested_at, h.c.id))
        return [dict(r._mapping) for r in rows]


def take(db: ConsoleDB, handoff_id: int, agent: str, now: float | None = None) -> dict[str, Any]:
    """The agent takes a waiting handoff (or one they already hold); another agent's is refused."""
    h = tables(db).handoffs
    with db.engine.begin() as conn:
        changed = conn.execute(
            update(h).where(h.c.id == handoff_id, h.c.status == "waiting")
            .values(status="taken", agent=agent, taken_at=time.time() if now is None else now)
        ).rowcount  # fmt: skip
    row = get(db, handoff_id)
    if row is None:
        raise HandoffError(f"no handoff {handoff_id}")
    if not changed and not (row["status"] == "taken" and row["agent"] == agent):
        who = f" by {row['agent']}" if row["agent"] else ""
        raise HandoffError(f"handoff {handoff_id} is {row['status']}{who}, it cannot be taken")
    return row


def _held(db: ConsoleDB, handoff_id: int, agent: str) -> dict[str, Any]:
    row = get(db, handoff_id)
    if row is None:
        raise HandoffError(f"no handoff {handoff_id}")
    if row["status"] != "taken" or row["agent"] != agent:
        raise HandoffError(f"handoff {handoff_id} is not yours to write in (status {row['status']}, agent {row['agent'] or 'none'})")
    return row


def add_message(db: ConsoleDB, handoff_id: int, agent: str, text: str, kind: str = "message", now: float | None = None) -> int:
    """Stores what the agent sent (or a notice); the first real message sets `first_reply_at`."""
    text = text.strip()
    if kind not in KINDS:
        raise HandoffError(f"kind {kind!r}: must be one of {', '.join(KINDS)}")
    if kind == "message" and not text:
        raise HandoffError("the message is empty")
    if len(text) > 4000:
        raise HandoffError(f"the message has {len(text)} characters, at most 4000 are allowed")
    row = _held(db, handoff_id, agent)
    t, now = tables(db), time.time() if now is None else now
    with db.engine.begin() as conn:
        result = conn.execute(insert(t.messages).values(
            handoff_id=handoff_id, sender_id=row["sender_id"], agent=agent, kind=kind, text=text, at=now,
        ))  # fmt: skip
        if kind == "message" and row["first_reply_at"] is None:
            conn.execute(update(t.handoffs).where(t.handoffs.c.id == handoff_id).values(first_reply_at=now))
    return int(result.inserted_primary_key[0])


def hand_back(db: ConsoleDB, handoff_id: int, agent: str, now: float | None = None) -> dict[str, Any]:
    row = _held(db, handoff_id, agent)
    h = tables(db).handoffs
    with db.engine.begin() as conn:
        conn.execute(update(h).where(h.c.id == handoff_id).values(status="closed", closed_at=time.time() if now is None else now))
    return row


def messages_for(db: ConsoleDB, sender: str, after: int = 0) -> list[dict[str, Any]]:
    """What agents sent to this conversation after message id `after` (the widget's REST fallback)."""
    m = tables(db).messages
    with db.engine.connect() as conn:
        rows = conn.execute(select(m).where(m.c.sender_id == sender, m.c.id > after).order_by(m.c.id).limit(200))
        return [dict(r._mapping) for r in rows]
