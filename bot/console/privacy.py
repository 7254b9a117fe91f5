"""Personal data in conversations: masking for the console (e-mail addresses, phone numbers,
order numbers), the log of who opened them, purge by age and GDPR access / erasure."""

from __future__ import annotations

import json
import re
import time

from sqlalchemy import delete, insert, select

from bot.console.db import ConsoleDB
from bot.console.events import EventStore, parse

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# international or national numbers with at least 7 digits, spaces, dashes, dots, slashes or brackets between
PHONE = re.compile(r"(?<![\w.,])(?:\+|00)?\d(?:[\s./()-]{0,2}\d){6,15}(?![\w,])")
ORDER = re.compile(r"(?<![\d.,/-])#?\d{6}(?![\d.,/]\d|\d)")  # orders/parse.py: six-digit order numbers
MASK = "•••"


def mask(text: str) -> str:
    """The text with e-mail addresses, phone numbers and order numbers replaced by a mark naming what was there."""
    text = EMAIL.sub(f"[e-mail {MASK}]", text)
    text = PHONE.sub(lambda m: f"[phone {MASK}]" if len(re.sub(r"\D", "", m.group())) >= 7 else m.group(), text)
    return ORDER.sub(f"[order {MASK}]", text)


def log_access(db: ConsoleDB, user: str, sender: str, what: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(db.access_log).values(user=user, sender_id=sender, what=what, at=time.time()))


def access_log(db: ConsoleDB, sender: str | None = None) -> list[dict]:
    a = db.access_log
    q = select(a).order_by(a.c.id)
    if sender:
        q = q.where(a.c.sender_id == sender)
    with db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def senders_with_email(events: EventStore, email: str) -> list[str]:
    """Conversations in which a shopper wrote this e-mail address (case-insensitive, whole address)."""
    if not events.exists():
        return []
    e = events.table
    needle = email.strip().lower()
    found = set()
    with events.engine.connect() as conn:
        rows = conn.execute(select(e.c.sender_id, e.c.data).where(e.c.type_name.in_(("user", "slot")), e.c.data.ilike(f"%{needle}%")))
        for sender, data in rows:
            event = parse(data)
            text = event.get("text") if event.get("event") == "user" else str(event.get("value") or "")
            if any(m.lower() == needle for m in EMAIL.findall(text or "")):
                found.add(sender)
    return sorted(found)


def export_conversations(events: EventStore, senders: list[str]) -> dict:
    """Every event of these conversations, as Rasa stored them (GDPR access)."""
    e = events.table
    out = {}
    with events.engine.connect() as conn:
        for sender in senders:
            rows = conn.execute(select(e.c.data).where(e.c.sender_id == sender).order_by(e.c.id))
            out[sender] = [parse(r[0]) for r in rows]
    return {"exported_at": time.time(), "conversations": out}


def delete_conversations(db: ConsoleDB, events: EventStore, senders: list[str]) -> int:
    """Erase these conversations: their events in the tracker store and everything the console
    keeps about them (summary, tags, notes, corrections, ratings, the dashboard's rows). Returns the events deleted."""
    if not senders:
        return 0
    deleted = 0
    with events.engine.begin() as conn:
        for i in range(0, len(senders), 500):
            deleted += conn.execute(delete(events.table).where(events.table.c.sender_id.in_(senders[i : i + 500]))).rowcount
    with db.engine.begin() as conn:
        for table in (db.summaries, db.tags, db.notes, db.corrections, db.ratings, db.replies, db.unanswered):
            for i in range(0, len(senders), 500):
                conn.execute(delete(table).where(table.c.sender_id.in_(senders[i : i + 500])))
    return deleted


def purge(db: ConsoleDB, events: EventStore, older_than_days: float) -> tuple[int, int]:
    """Delete conversations whose last event is older than the given days; (conversations, events)."""
    from bot.console.summary import refresh

    if older_than_days < 0:
        raise ValueError(f"--older-than: {older_than_days} must not be negative")
    refresh(db, events)
    cutoff = time.time() - older_than_days * 86400
    with db.engine.connect() as conn:
        senders = [r[0] for r in conn.execute(select(db.summaries.c.sender_id).where(db.summaries.c.last_ts < cutoff))]
    return len(senders), delete_conversations(db, events, senders)


def resolve(events: EventStore, conversation: str | None, email: str | None) -> list[str]:
    """The conversations a GDPR request names: by id, by e-mail address, or both."""
    senders = set()
    if conversation:
        e = events.table
        with events.engine.connect() as conn:
            if conn.execute(select(e.c.id).where(e.c.sender_id == conversation).limit(1)).first():
                senders.add(conversation)
    if email:
        senders.update(senders_with_email(events, email))
    return sorted(senders)


def dumps(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


__all__ = ["mask", "log_access", "access_log", "purge", "resolve", "export_conversations", "delete_conversations"]
