"""The live handoff in the console (`/console/live`): the queue, taking a conversation (Rasa
pauses it), writing to the shopper, handing back (Rasa resumes it).

The bot is paused and resumed with Rasa's own `pause` / `resume` events, and an agent's message
is a `bot` event whose metadata names the `person`; all go through Rasa's HTTP API
(`POST /conversations/{id}/tracker/events?execute_side_effects=true&output_channel=socketio`,
with the stack's API token), so they are stored in the tracker and pushed to the widget through
Rasa's socket.io server (`bot/channels.py` keeps the person's name). While paused, Rasa still
stores the shopper's messages; this page polls them from the tracker store. The widget's REST
fallback is `GET /api/handoff/messages` (the agents' messages as stored here)."""

from __future__ import annotations

import os
import time
from typing import Any
from urllib.parse import quote

import aiohttp
from aiohttp import web
from sqlalchemy import select

from bot.console import handoff, privacy
from bot.console.events import parse
from bot.console.handoff import HandoffError

POLL_MS = 1500
NOTICES = {
    "connected": {"de": "Sie sind jetzt mit {name} aus unserem Kundenservice verbunden.", "en": "You're now connected to {name} from our customer service."},
    "handed_back": {"de": "{name} hat das Gespräch an den digitalen Assistenten zurückgegeben.", "en": "{name} has handed the conversation back to the digital assistant."},
}  # fmt: skip
LIVE_HEADERS = {"Content-Security-Policy": "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"}


class RasaError(RuntimeError):
    """Rasa's HTTP API refused or could not be reached, with what it said."""


async def append_events(sender: str, events: list[dict[str, Any]]) -> None:
    """Appends events to the conversation through Rasa's HTTP API; bot events are sent to the
    shopper on the socket.io channel."""
    base = os.environ.get("SHOPBOT_RASA_URL", "http://127.0.0.1:5005").rstrip("/")
    params = {"execute_side_effects": "true", "output_channel": "socketio"}
    if os.environ.get("SHOPBOT_API_TOKEN"):
        params["token"] = os.environ["SHOPBOT_API_TOKEN"]
    url = f"{base}/conversations/{quote(sender, safe='')}/tracker/events"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
            async with session.post(url, json=events, params=params) as response:
                if response.status >= 300:
                    raise RasaError(f"Rasa answered {response.status}: {(await response.text())[:300]}")
    except aiohttp.ClientError as exc:
        raise RasaError(f"Rasa is not reachable at {base}: {exc}") from exc


def notice(kind: str, language: str | None, name: str) -> str:
    texts = NOTICES[kind]
    return texts.get(language or "", texts["en"]).format(name=name)


def person_event(text: str, agent: str, kind: str, message_id: int) -> dict[str, Any]:
    return {"event": "bot", "text": text, "timestamp": time.time(), "metadata": {"person": agent, "handoff": kind, "handoff_message": message_id}}


def chat_events(events: Any, sender: str, after: int = 0, masked: bool = True, limit: int = 300) -> list[dict[str, Any]]:
    """The conversation's messages after event id `after`: shopper, bot and person."""
    t = events.table
    query = (
        select(t.c.id, t.c.type_name, t.c.timestamp, t.c.data)
        .where(t.c.sender_id == sender, t.c.type_name.in_(("user", "bot")), t.c.id > after)
        .order_by(t.c.id.desc()).limit(limit)
    )  # fmt: skip
    with events.engine.connect() as conn:
        rows = list(conn.execute(query))[::-1]
    out = []
    for row in rows:
        data = parse(row.data)
        text = str(data.get("text") or "")
        if not text:
            continue
        meta = data.get("metadata") or {}
        person = meta.get("person") if isinstance(meta, dict) else None
        who = "user" if row.type_name == "user" else ("person" if person else "bot")
        out.append({
            "id": row.id, "who": who, "person": person, "text": privacy.mask(text) if masked and who == "user" else text,
            "at": row.timestamp, "notice": isinstance(meta, dict) and meta.get("handoff") in ("connected", "handed_back"),
        })  # fmt: skip
    return out


async def take(db: Any, handoff_id: int, agent: str) -> dict[str, Any]:
    """The agent takes the conversation: recorded, the bot paused, the shopper told who it is."""
    row = handoff.take(db, handoff_id, agent)
    text = notice("connected", row["language"], agent)
    mid = handoff.add_message(db, handoff_id, agent, text, kind="connected")
    privacy.log_access(db, agent, row["sender_id"], "live_handoff")
    await append_events(row["sender_id"], [{"event": "pause", "timestamp": time.time()}, person_event(text, agent, "connected", mid)])
    return row


async def send(db: Any, handoff_id: int, agent: str, text: str) -> None:
    """The agent's message: stored (the REST fallback reads it) and pushed through Rasa."""
    mid = handoff.add_message(db, handoff_id, agent, text)
    row = handoff.get(db, handoff_id) or {}
    await append_events(row["sender_id"], [person_event(text.strip(), agent, "message", mid)])


async def hand_back(db: Any, handoff_id: int, agent: str) -> None:
    """The bot answers again: the shopper told, the conversation resumed, the handoff closed."""
    row = handoff.get(db, handoff_id)
    if row is None:
        raise HandoffError(f"no handoff {handoff_id}")
    text = notice("handed_back", row["language"], agent)
    mid = handoff.add_message(db, handoff_id, agent, text, kind="handed_back")
    await append_events(row["sender_id"], [person_event(text, agent, "handed_back", mid), {"event": "resume", "timestamp": time.time()}])
    handoff.hand_back(db, handoff_id, agent)


async def widget_messages(request: web.Request) -> web.Response:
    """`GET /api/handoff/messages?sender=…&after=…`: the agents' messages for the widget, when
    its socket missed them (the sender id is the conversation's random secret, as for ratings)."""
    from bot.console.web import DB

    sender = request.query.get("sender", "")
    try:
        after = int(request.query.get("after") or 0)
    except ValueError:
        return web.json_response({"error": f"after: {request.query.get('after')!r} is not a message id"}, status=400)
    if not sender or len(sender) > 255:
        return web.json_response({"error": "sender: give the conversation id (at most 255 characters)"}, status=400)
    rows = handoff.messages_for(request.app[DB], sender, after)
    return web.json_response([
        {"handoff_message": r["id"], "person": r["agent"], "handoff": r["kind"], "text": r["text"]} for r in rows
    ], headers={"Cache-Control": "no-store", "Access-Control-Allow-Origin": "*"})  # fmt: skip  # the widget may sit on the shop's own domain
