"""The live handoff's pages (`/console/live`, `/console/live/{id}`) and their JSON for
`static/live.js`, which polls every `POLL_MS` (the pages work without it, by reloading). Each
poll marks the agent online (`handoff.heartbeat`)."""

from __future__ import annotations

from aiohttp import web

from bot.console import handoff
from bot.console.handoff import HandoffError
from bot.console.live import (
    LIVE_HEADERS,
    POLL_MS,
    RasaError,
    chat_events,
    hand_back,
    send,
    take,
    widget_messages,
)
from bot.console.web import DB, EVENTS, _form, _session, render

PREVIEW = 6  # messages shown per queued conversation


def _page(name: str, status: int = 200, **context) -> web.Response:  # noqa: ANN003
    response = render(name, status=status, poll_ms=POLL_MS, **context)
    response.headers.update(LIVE_HEADERS)
    return response


def _queue(request: web.Request) -> list[dict]:
    db, events = request.app[DB], request.app[EVENTS]
    rows = handoff.queue(db)
    for row in rows:
        row["preview"] = chat_events(events, row["sender_id"], limit=PREVIEW) if events.exists() else []
    return rows


async def live_page(request: web.Request) -> web.Response:
    sess = _session(request)
    db = request.app[DB]
    handoff.heartbeat(db, sess.user)
    fragment = request.query.get("part") == "queue"
    return _page("live_queue.html" if fragment else "live.html", s=sess, queue=_queue(request), online=handoff.agents_online(db))


def _id(request: web.Request) -> int:
    try:
        return int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound(text="no such handoff") from None


def _chat(request: web.Request, sess, error: str | None = None, status: int = 200) -> web.Response:  # noqa: ANN001
    db, events = request.app[DB], request.app[EVENTS]
    row = handoff.get(db, _id(request))
    if row is None:
        raise web.HTTPNotFound(text=f"no handoff {request.match_info['id']}")
    mine = row["status"] == "taken" and row["agent"] == sess.user
    messages = chat_events(events, row["sender_id"], masked=not mine) if events.exists() else []
    last = messages[-1]["id"] if messages else 0
    return _page("live_chat.html", status=status, s=sess, h=row, mine=mine, messages=messages, last=last, error=error)


async def chat_page(request: web.Request) -> web.Response:
    sess = _session(request)
    handoff.heartbeat(request.app[DB], sess.user)
    return _chat(request, sess)


async def chat_events_json(request: web.Request) -> web.Response:
    """New messages of the conversation after `after` (an event id), and the handoff's status."""
    sess = _session(request)
    db, events = request.app[DB], request.app[EVENTS]
    handoff.heartbeat(db, sess.user)
    row = handoff.get(db, _id(request))
    if row is None:
        raise web.HTTPNotFound(text="no such handoff")
    try:
        after = int(request.query.get("after") or 0)
    except ValueError:
        return web.json_response({"error": f"after: {request.query.get('after')!r} is not an event id"}, status=400)
    mine = row["status"] == "taken" and row["agent"] == sess.user
    messages = chat_events(events, row["sender_id"], after=after, masked=not mine) if events.exists() else []
    return web.json_response({"status": row["status"], "agent": row["agent"], "messages": messages}, headers={"Cache-Control": "no-store"})


async def chat_post(request: web.Request) -> web.Response:
    """Take, write, hand back: errors are shown on the page, nothing typed is lost."""
    sess = _session(request)
    form = await _form(request, sess)
    db, hid, what = request.app[DB], _id(request), request.match_info["what"]
    try:
        if what == "take":
            await take(db, hid, sess.user)
        elif what == "message":
            await send(db, hid, sess.user, str(form.get("text") or ""))
        else:
            await hand_back(db, hid, sess.user)
    except HandoffError as exc:
        return _chat(request, sess, error=str(exc), status=409 if what == "take" else 400)
    except RasaError as exc:
        return _chat(request, sess, error=f"{exc} – try again (what you wrote was kept for the widget's fallback)", status=502)
    if request.headers.get("Accept") == "application/json":
        return web.json_response({"ok": True})
    raise web.HTTPSeeOther(f"/console/live/{hid}" + ("#reply" if what != "handback" else ""))


def add_live_routes(app: web.Application) -> None:
    app.add_routes([
        web.get("/console/live", live_page), web.get(r"/console/live/{id:\d+}", chat_page),
        web.get(r"/console/live/{id:\d+}/events.json", chat_events_json),
        web.post(r"/console/live/{id:\d+}/{what:take|message|handback}", chat_post),
        web.get("/api/handoff/messages", widget_messages),
    ])  # fmt: skip
