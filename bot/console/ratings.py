"""Shoppers' thumbs up / down on the bot's answers (sent by the widget to `POST /api/rating`),
stored with the rated bot message's event in the tracker store. One rating per message: the
latest click wins; clicking the same thumb again takes the rating back."""

from __future__ import annotations

import time

from aiohttp import web
from sqlalchemy import delete, insert, select

from bot.console.db import ConsoleDB
from bot.console.events import EventStore, parse

VALUES = {"up": 1, "down": -1, "none": 0}
MAX_TEXT = 5000


class RatingError(ValueError):
    """A rating that cannot be stored, naming what was wrong."""


def rate(db: ConsoleDB, events: EventStore, sender: str, text: str, rating: str) -> int:
    """Stores the rating of the latest bot message of `sender` with exactly this text; returns its event id."""
    if rating not in VALUES:
        raise RatingError(f"rating {rating!r}: must be one of up, down, none")
    e = events.table
    event_id = None
    if events.exists():
        with events.engine.connect() as conn:
            rows = conn.execute(select(e.c.id, e.c.data).where(e.c.sender_id == sender, e.c.type_name == "bot").order_by(e.c.id.desc()))
            event_id = next((r.id for r in rows if (parse(r.data).get("text") or "") == text), None)
    if event_id is None:
        raise RatingError("no such bot message in this conversation")
    r = db.ratings
    with db.engine.begin() as conn:
        conn.execute(delete(r).where(r.c.sender_id == sender, r.c.event_id == event_id))
        if VALUES[rating]:
            conn.execute(insert(r).values(sender_id=sender, event_id=event_id, rating=VALUES[rating], at=time.time()))
    return event_id


def ratings_of(db: ConsoleDB, sender: str) -> dict[int, int]:
    with db.engine.connect() as conn:
        return {row.event_id: row.rating for row in conn.execute(select(db.ratings).where(db.ratings.c.sender_id == sender))}


async def rating_endpoint(request: web.Request) -> web.Response:
    """`POST /api/rating` {sender, text, rating: up|down|none} from the widget (JSON only, so a
    cross-site form cannot post it without a CORS preflight)."""
    from bot.console.web import DB, EVENTS

    if request.content_type != "application/json":
        return web.json_response({"error": "expected a JSON body"}, status=415)
    try:
        body = await request.json()
    except ValueError:
        return web.json_response({"error": "expected a JSON body"}, status=400)
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("sender", "text", "rating")):
        return web.json_response({"error": "expected {sender: string, text: string, rating: 'up'|'down'|'none'}"}, status=400)
    if len(body["text"]) > MAX_TEXT or len(body["sender"]) > 255:
        return web.json_response({"error": "sender or text too long"}, status=400)
    try:
        rate(request.app[DB], request.app[EVENTS], body["sender"], body["text"], body["rating"])
    except RatingError as exc:
        return web.json_response({"error": str(exc)}, status=404 if "no such" in str(exc) else 400)
    return web.json_response({"ok": True})
