"""The summary table: one row per conversation (Rasa sender id), updated incrementally from
the tracker store's events (the last event id read is kept as a watermark), so the list never
scans the events table, or from Rasa's event broker (`bot/console/consumer.py`). Both feeds go
through one `fold`, which records a key per event folded (`event_key`) and skips an event whose
key is there: a redelivered message, or an event both feeds saw, counts once.

"Fallback": the NLU fallback (`nlu_fallback`) or the fallback action ran. "Don't know": an
answering action replied without any source (no product, policy, order or store fact behind
the reply), e.g. nothing found or no information on a product."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.console.db import ConsoleDB
from bot.console.events import EventStore, parse
from bot.console.journey import stages_of
from bot.console.privacy import mask

BATCH = 5000
FALLBACK_ACTIONS = {"action_fallback"}
FALLBACK_INTENTS = {"nlu_fallback"}
ANSWERING_ACTIONS = {
    "action_search_products", "action_refine_search", "action_select_product", "action_answer_size",
    "action_answer_shipping", "action_answer_fit", "action_product_info", "action_compare_products",
    "action_answer_policy",
}  # fmt: skip
HANDOFF_INTENTS = {"human_handoff"}
SOURCE_PREFIXES = ("policy:", "order:", "store.yml")
WATERMARK = "events_watermark"
KEEP_KEYS_DAYS = 30
_lock = threading.Lock()
_pruned_at = float("-inf")


def product_sources(sources: list[Any]) -> list[str]:
    """The product ids among a bot turn's sources (policy passages, orders and store facts left out)."""
    return [s for s in sources if isinstance(s, str) and s and not s.startswith(SOURCE_PREFIXES)]


def _blank(sender: str, ts: float) -> dict[str, Any]:
    return {"sender_id": sender, "first_ts": ts, "last_ts": ts, "language": None, "user_messages": 0, "bot_messages": 0,
            "intents": " ", "fallbacks": 0, "dont_knows": 0, "handoff": False, "min_confidence": None, "products": " ",
            "page": None, "search_text": "", "reviewed": False, "stages": " ", "last_action": None,
            "day": day_of(ts), "pending_ts": None, "pending_text": None}  # fmt: skip


def day_of(ts: float) -> int:
    """The UTC day of a timestamp, as days since 1970-01-01 (the dashboard's bucket)."""
    return int(ts // 86400)


def _add_word(words: str, word: str) -> str:
    return words if f" {word} " in words else f"{words}{word} "


def apply(row: dict[str, Any], type_name: str, ts: float | None, data: dict[str, Any], sink: dict[str, list] | None = None) -> None:
    """Fold one event into a summary row. Into `sink` go the rows of the dashboard's tables:
    `replies` (seconds from a shopper message to the bot's first reply) and `unanswered` (the
    shopper message a fallback or "don't know" answered)."""
    sink = {"replies": [], "unanswered": []} if sink is None else sink
    if ts:
        row["first_ts"], row["last_ts"] = min(row["first_ts"], ts), max(row["last_ts"], ts)
    if type_name == "user":
        row["user_messages"] += 1
        text = (data.get("text") or "").strip()
        row["pending_text"] = text[:2000] or None
        if ts and row.get("pending_ts") is None:
            row["pending_ts"] = ts
        if text:
            row["search_text"] = f"{row['search_text']}\n{text.lower()}"[-20000:]
        parse_data = data.get("parse_data") or {}
        intent = (parse_data.get("intent") or {}).get("name")
        confidence = (parse_data.get("intent") or {}).get("confidence")
        if intent:
            row["intents"] = _add_word(row["intents"], intent)
            row["fallbacks"] += intent in FALLBACK_INTENTS
            row["handoff"] = row["handoff"] or intent in HANDOFF_INTENTS
        if isinstance(confidence, (int, float)) and intent not in FALLBACK_INTENTS:
            row["min_confidence"] = confidence if row["min_confidence"] is None else min(row["min_confidence"], confidence)
        if intent in FALLBACK_INTENTS:  # FallbackClassifier keeps the real prediction in the ranking
            ranked = [r.get("confidence") for r in parse_data.get("intent_ranking") or [] if r.get("name") not in FALLBACK_INTENTS]
            if ranked and isinstance(ranked[0], (int, float)):
                row["min_confidence"] = ranked[0] if row["min_confidence"] is None else min(row["min_confidence"], ranked[0])
        meta = data.get("metadata") or {}
        meta = meta if isinstance(meta, dict) else {}
        for stage in sorted(stages_of(intent, meta)):
            row["stages"] = _add_word(row["stages"], stage)
        if isinstance(meta.get("language"), str):
            row["language"] = meta["language"][:10]
        if isinstance(meta.get("page_url"), str):
            row["page"] = meta["page_url"][:500]
        if isinstance(meta.get("product_id"), str) and meta["product_id"]:
            row["products"] = _add_word(row["products"], meta["product_id"][:100])
    elif type_name == "action":
        row["last_action"] = (data.get("name") or "")[:100] or None
        row["fallbacks"] += data.get("name") in FALLBACK_ACTIONS
        if data.get("name") in FALLBACK_ACTIONS:
            _unanswered(row, sink, "fallback", ts)
    elif type_name == "bot":
        row["bot_messages"] += 1
        sources = (data.get("metadata") or {}).get("sources")
        sources = sources if isinstance(sources, list) else []
        for pid in product_sources(sources):
            row["products"] = _add_word(row["products"], pid[:100])
        dont_know = row.get("last_action") in ANSWERING_ACTIONS and not sources
        row["dont_knows"] += dont_know
        if dont_know:
            _unanswered(row, sink, "dont_know", ts)
        if ts and row.get("pending_ts") is not None:
            sink["replies"].append({"sender_id": row["sender_id"], "day": day_of(ts), "seconds": max(0.0, ts - row["pending_ts"])})
        row["pending_ts"] = None
    elif type_name == "slot":
        if data.get("name") == "handoff_requested" and data.get("value"):
            row["handoff"] = True
        if data.get("name") == "language" and isinstance(data.get("value"), str) and not row["language"]:
            row["language"] = data["value"][:10]


def _unanswered(row: dict[str, Any], sink: dict[str, list], kind: str, ts: float | None) -> None:
    if row.get("pending_text"):
        at = ts or row["last_ts"]
        text = mask(row["pending_text"])  # the dashboard shows these to agents: no personal data kept
        sink["unanswered"].append({"sender_id": row["sender_id"], "day": day_of(at), "at": at, "kind": kind, "text": text})
        row["pending_text"] = None  # one entry per shopper message


def event_key(sender: str, data: dict[str, Any]) -> str:
    """The dedup key of an event: a hash of the message Rasa's event broker publishes for it
    (`{"sender_id": …, **event.as_dict()}`), re-serialised canonically, so the tracker store's
    row and the broker's message of one event give the same key."""
    body = json.dumps({**data, "sender_id": sender}, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:32]  # 128 bits: no collision in any shop's lifetime


class Event(NamedTuple):
    """One event to fold, from either feed (the tracker store's table or the event broker)."""

    sender_id: str
    type_name: str
    timestamp: float | None
    data: dict[str, Any]
    key: str


def watermark(conn, db: ConsoleDB) -> int:  # noqa: ANN001
    value = conn.execute(select(db.state.c.value).where(db.state.c.key == WATERMARK)).scalar()
    return int(value or 0)


def set_watermark(conn, db: ConsoleDB, value: int) -> None:  # noqa: ANN001
    if conn.execute(update(db.state).where(db.state.c.key == WATERMARK).values(value=value)).rowcount == 0:
        conn.execute(insert(db.state).values(key=WATERMARK, value=value))


def refresh(db: ConsoleDB, events: EventStore, batch: int = BATCH) -> int:
    """Fold all events newer than the watermark into the summary table; returns how many were
    read. One transaction per batch moves the watermark with the fold; two processes folding the
    same events at once collide on the events' keys and the later one re-reads the watermark."""
    if not events.exists():
        return 0
    done, collisions = 0, 0
    with _lock:
        while True:
            with db.engine.connect() as conn:
                mark = watermark(conn, db)
            e = events.table
            with events.engine.connect() as conn:
                rows = conn.execute(
                    select(e.c.id, e.c.sender_id, e.c.type_name, e.c.timestamp, e.c.data).where(e.c.id > mark).order_by(e.c.id).limit(batch)
                ).all()  # fmt: skip
            if not rows:
                return done
            evs = []
            for r in rows:
                data = parse(r.data)
                evs.append(Event(r.sender_id, r.type_name, r.timestamp, data, event_key(r.sender_id, data)))
            try:
                with db.engine.begin() as conn:
                    fold(conn, db, evs)
                    set_watermark(conn, db, rows[-1].id)
            except IntegrityError:  # another process folded (some of) these meanwhile: start again from its watermark
                collisions += 1
                if collisions > 3:
                    raise
                continue
            done += len(rows)
            prune_now(db)


def prune_now(db: ConsoleDB, every: float = 3600.0) -> None:
    """`prune_keys` at most once per `every` seconds per process."""
    global _pruned_at
    if time.monotonic() - _pruned_at >= every:
        _pruned_at = time.monotonic()
        with db.engine.begin() as conn:
            prune_keys(conn, db)


def prune_keys(conn, db: ConsoleDB, now: float | None = None) -> int:  # noqa: ANN001
    """Forget the keys of events folded more than `KEEP_KEYS_DAYS` ago (no redelivery comes that late)."""
    cutoff = (now or time.time()) - KEEP_KEYS_DAYS * 86400
    return conn.execute(delete(db.folded).where(db.folded.c.at < cutoff)).rowcount


def fold(conn, db: ConsoleDB, events: list[Event]) -> int:  # noqa: ANN001
    """Fold these events into the summary table within the caller's transaction, skipping the
    ones already folded (their key is in `console_folded`; the keys are written first, so a
    concurrent fold of the same events fails on the unique key before touching a row). Returns
    how many were new."""
    keys = list({ev.key for ev in events})
    seen: set[str] = set()
    f = db.folded
    for i in range(0, len(keys), 500):
        seen.update(conn.execute(select(f.c.key).where(f.c.key.in_(keys[i : i + 500]))).scalars())
    now = time.time()
    fresh: list[Event] = []
    for ev in events:
        if ev.key not in seen:
            seen.add(ev.key)  # the same event twice in one batch counts once as well
            fresh.append(ev)
    if not fresh:
        return 0
    conn.execute(insert(f), [{"key": ev.key, "at": now} for ev in fresh])
    by_sender: dict[str, list[Event]] = {}
    for ev in fresh:
        by_sender.setdefault(ev.sender_id, []).append(ev)
    s = db.summaries
    existing = {}
    senders = list(by_sender)
    for i in range(0, len(senders), 500):
        for r in conn.execute(select(s).where(s.c.sender_id.in_(senders[i : i + 500])).with_for_update()):
            existing[r.sender_id] = dict(r._mapping)
    new, changed = [], []
    sink: dict[str, list] = {"replies": [], "unanswered": []}
    for sender, evs in by_sender.items():
        row = existing.get(sender) or _blank(sender, evs[0].timestamp or 0.0)
        if row.get("day") is None:  # a row folded before the dashboard existed
            row["day"] = day_of(row["first_ts"])
        for ev in evs:
            apply(row, ev.type_name, ev.timestamp, ev.data, sink)
        (changed if sender in existing else new).append(row)
    for name in ("replies", "unanswered"):
        if sink[name]:
            conn.execute(insert(getattr(db, name)), sink[name])
    if new:
        conn.execute(insert(s), new)
    if changed:
        fields = [c.name for c in s.columns if c.name not in ("sender_id", "reviewed")]
        conn.execute(
            update(s).where(s.c.sender_id == bindparam("_sender")).values({f: bindparam(f"_{f}") for f in fields}),
            [{"_sender": r["sender_id"], **{f"_{f}": r[f] for f in fields}} for r in changed],
        )
    return len(fresh)
