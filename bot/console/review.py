"""Review of a conversation: tags, notes, the reviewed mark, and corrections (a shopper
message's intent, or a bot answer marked wrong with the right answer). Intents and actions
offered are the domain's (`domain.yml`)."""

from __future__ import annotations

import re
import time
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy import delete, insert, select, update

from bot.console.db import ConsoleDB
from bot.console.events import EventStore, parse

ROOT = Path(__file__).resolve().parents[2]
TAG = re.compile(r"^[\w .:-]{1,60}$", re.UNICODE)
MAX_NOTE = 5000


class ReviewError(ValueError):
    """A review input that cannot be stored, naming what was wrong."""


@lru_cache(maxsize=4)
def domain(path: str = str(ROOT / "domain.yml")) -> dict[str, list[str]]:
    """The domain's intents and custom actions (the choices for corrections)."""
    d = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    intents = [i if isinstance(i, str) else next(iter(i)) for i in d.get("intents") or []]
    actions = [a for a in d.get("actions") or [] if isinstance(a, str) and a.startswith("action_")]
    return {"intents": intents, "actions": actions}


def add_tag(db: ConsoleDB, sender: str, tag: str) -> None:
    tag = tag.strip()
    if not TAG.match(tag):
        raise ReviewError(f"tag {tag!r}: use 1-60 letters, digits, spaces, '.', ':', '_' or '-'")
    with db.engine.begin() as conn:
        if not conn.execute(select(db.tags).where(db.tags.c.sender_id == sender, db.tags.c.tag == tag)).first():
            conn.execute(insert(db.tags).values(sender_id=sender, tag=tag))


def remove_tag(db: ConsoleDB, sender: str, tag: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(db.tags).where(db.tags.c.sender_id == sender, db.tags.c.tag == tag))


def add_note(db: ConsoleDB, sender: str, user: str, text: str) -> None:
    text = text.strip()
    if not text:
        raise ReviewError("note: empty")
    if len(text) > MAX_NOTE:
        raise ReviewError(f"note: {len(text)} characters, at most {MAX_NOTE}")
    with db.engine.begin() as conn:
        conn.execute(insert(db.notes).values(sender_id=sender, user=user, text=text, at=time.time()))


def set_reviewed(db: ConsoleDB, sender: str, reviewed: bool) -> None:
    with db.engine.begin() as conn:
        conn.execute(update(db.summaries).where(db.summaries.c.sender_id == sender).values(reviewed=reviewed))


def _event(events: EventStore, sender: str, event_id: int, kind: str) -> dict:
    e = events.table
    with events.engine.connect() as conn:
        row = conn.execute(select(e.c.type_name, e.c.data).where(e.c.id == event_id, e.c.sender_id == sender)).first()
    if row is None or row.type_name != kind:
        raise ReviewError(f"event {event_id}: no {'shopper message' if kind == 'user' else 'bot answer'} of this conversation")
    return parse(row.data)


def correct_intent(db: ConsoleDB, events: EventStore, sender: str, event_id: int, intent: str, user: str) -> None:
    if intent not in domain()["intents"]:
        raise ReviewError(f"intent {intent!r}: not an intent of domain.yml")
    text = (_event(events, sender, event_id, "user").get("text") or "").strip()
    if not text or text.startswith("/"):
        raise ReviewError(f"event {event_id}: a button payload or empty message is no training example")
    _store(db, sender, event_id, "intent", text=text, intent=intent, user=user)


def correct_answer(db: ConsoleDB, events: EventStore, sender: str, event_id: int, answer: str, action: str, user: str) -> None:
    """Marks a bot answer wrong; `answer` is the right answer, `action` (optional) the action that should have run."""
    answer = answer.strip()
    if not answer:
        raise ReviewError("right answer: empty")
    if action and action not in domain()["actions"]:
        raise ReviewError(f"action {action!r}: not an action of domain.yml")
    _event(events, sender, event_id, "bot")
    e = events.table
    with events.engine.connect() as conn:  # the shopper message this answer replied to
        row = conn.execute(
            select(e.c.id, e.c.data).where(e.c.sender_id == sender, e.c.type_name == "user", e.c.id < event_id).order_by(e.c.id.desc()).limit(1)
        ).first()  # fmt: skip
    if row is None:
        raise ReviewError(f"event {event_id}: the answer follows no shopper message")
    message = parse(row.data)
    intent = ((message.get("parse_data") or {}).get("intent") or {}).get("name")
    corrected = _corrected_intent(db, sender, row.id)
    _store(db, sender, event_id, "answer", text=(message.get("text") or "").strip(), intent=corrected or intent,
           action=action or None, answer=answer[:MAX_NOTE], user=user)  # fmt: skip


def _corrected_intent(db: ConsoleDB, sender: str, event_id: int) -> str | None:
    c = db.corrections
    with db.engine.connect() as conn:
        return conn.execute(
            select(c.c.intent).where(c.c.sender_id == sender, c.c.event_id == event_id, c.c.kind == "intent").order_by(c.c.id.desc()).limit(1)
        ).scalar()  # fmt: skip


def _store(db: ConsoleDB, sender: str, event_id: int, kind: str, **values) -> None:  # noqa: ANN003
    c = db.corrections
    with db.engine.begin() as conn:  # one correction per event and kind: the latest wins
        conn.execute(delete(c).where(c.c.sender_id == sender, c.c.event_id == event_id, c.c.kind == kind))
        conn.execute(insert(c).values(sender_id=sender, event_id=event_id, kind=kind, at=time.time(), **values))


def annotations(db: ConsoleDB, sender: str) -> dict:
    """Tags, notes, corrections (by event id) and the reviewed mark of one conversation."""
    with db.engine.connect() as conn:
        tags = [r.tag for r in conn.execute(select(db.tags).where(db.tags.c.sender_id == sender).order_by(db.tags.c.tag))]
        notes = [dict(r._mapping) for r in conn.execute(select(db.notes).where(db.notes.c.sender_id == sender).order_by(db.notes.c.id))]
        corr = [dict(r._mapping) for r in conn.execute(select(db.corrections).where(db.corrections.c.sender_id == sender))]
        reviewed = conn.execute(select(db.summaries.c.reviewed).where(db.summaries.c.sender_id == sender)).scalar()
    return {"tags": tags, "notes": notes, "corrections": {(c["event_id"], c["kind"]): c for c in corr}, "reviewed": bool(reviewed)}
