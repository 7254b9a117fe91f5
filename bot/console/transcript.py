"""A conversation as turns for the transcript page: each shopper message (intent, confidence,
runner-up, page), the bot's actions and replies (sources, product cards, buttons) and slot
changes. A turn starts with a shopper message; events before the first one form turn 0."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from bot.console.events import EventStore, parse
from bot.console.privacy import mask
from bot.console.summary import product_sources

TURNS_PER_PAGE = 50
HIDDEN_ACTIONS = {"action_listen", "action_session_start"}
HIDDEN_SLOTS = {"session_started_metadata"}  # repeated with every session start; the page shows per message


@dataclass
class Turn:
    items: list[dict[str, Any]] = field(default_factory=list)


def _time(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts or 0, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _user(event_id: int, ts: float | None, data: dict, masked: bool) -> dict:
    parse_data = data.get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != intent.get("name")]
    meta = data.get("metadata") or {}
    text = data.get("text") or ""
    return {
        "kind": "user", "id": event_id, "time": _time(ts), "text": mask(text) if masked else text,
        "intent": intent.get("name"), "confidence": intent.get("confidence"),
        "runner_up": ranking[0].get("name") if ranking else None,
        "runner_up_confidence": ranking[0].get("confidence") if ranking else None,
        "page": meta.get("page_url"), "product_page": meta.get("product_id"),
        "entities": [{"entity": e.get("entity"), "value": e.get("value")} for e in parse_data.get("entities") or []],
    }  # fmt: skip


def _bot(event_id: int, ts: float | None, data: dict, action: str | None, masked: bool) -> dict:
    meta = data.get("metadata") or {}
    sources = [s for s in meta.get("sources") or [] if isinstance(s, str)]
    payload = (data.get("data") or {}).get("custom") or {}
    cards = payload.get("products") if isinstance(payload, dict) and payload.get("type") == "products" else []
    text = data.get("text") or ""
    if masked:
        sources = [mask(s) for s in sources]
    return {
        "kind": "bot", "id": event_id, "time": _time(ts), "text": mask(text) if masked else text, "action": action,
        "products": product_sources(sources), "passages": [s for s in sources if s not in product_sources(sources)],
        "cards": [c for c in cards or [] if isinstance(c, dict)],
        "buttons": [b.get("title") for b in (data.get("data") or {}).get("buttons") or [] if isinstance(b, dict)],
        "person": meta.get("person") if isinstance(meta.get("person"), str) else None,  # an agent's message (live handoff)
    }  # fmt: skip


def _slot(data: dict, masked: bool) -> dict:
    value = data.get("value")
    shown = value if isinstance(value, (int, float, bool)) or value is None else str(value)
    if masked and isinstance(shown, str):
        shown = mask(shown)
    return {"kind": "slot", "name": data.get("name"), "value": shown}


def load_turns(events: EventStore, sender: str, masked: bool = True) -> list[Turn]:
    e = events.table
    with events.engine.connect() as conn:
        rows = conn.execute(
            select(e.c.id, e.c.type_name, e.c.timestamp, e.c.data).where(e.c.sender_id == sender).order_by(e.c.id)
        ).all()  # fmt: skip
    turns: list[Turn] = [Turn()]
    action = None
    for r in rows:
        data = parse(r.data)
        if r.type_name == "user":
            turns.append(Turn([_user(r.id, r.timestamp, data, masked)]))
        elif r.type_name == "action":
            action = data.get("name")
            if action not in HIDDEN_ACTIONS:
                turns[-1].items.append({"kind": "action", "name": action, "confidence": data.get("confidence"), "policy": data.get("policy")})
        elif r.type_name == "bot":
            turns[-1].items.append(_bot(r.id, r.timestamp, data, action, masked))
        elif r.type_name == "slot" and data.get("name") not in HIDDEN_SLOTS:
            turns[-1].items.append(_slot(data, masked))
    if not turns[0].items:
        turns.pop(0)
    return turns


def page_of(turns: list[Turn], earlier: int, per_page: int = TURNS_PER_PAGE) -> tuple[list[Turn], int | None, int | None]:
    """The `earlier`-th page counted from the end (0: the last `per_page` turns); with the page
    numbers of the earlier and later pages (None when there is none)."""
    end = len(turns) - earlier * per_page
    start = max(0, end - per_page)
    shown = turns[start:max(end, 0)]
    return shown, (earlier + 1 if start > 0 else None), (earlier - 1 if earlier > 0 else None)
