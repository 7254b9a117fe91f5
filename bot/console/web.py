"""The console's pages on the aiohttp app (`setup_console`, mounted by `bot/web.py`):
server-rendered Jinja2 HTML, no JavaScript framework, nothing from a CDN.

Every POST checks the session's CSRF token (the login form a token bound to a cookie), pages
are sent with a strict Content-Security-Policy and never cached."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from aiohttp import web

from bot.console import auth, dashboard_web, export, privacy, review
from bot.console.db import ConsoleDB, open_console_db
from bot.console.events import EventStore, event_store, tracker_url
from bot.console.feed import consumer_configured
from bot.console.journey import STAGES
from bot.console.query import Filters, known_values, list_conversations
from bot.console.ratings import rating_endpoint, ratings_of
from bot.console.summary import refresh
from bot.console.transcript import load_turns, page_of

HERE = Path(__file__).resolve().parent
COOKIE = "shopbot_console"
LOGIN_COOKIE = "shopbot_console_login"
DB: web.AppKey[ConsoleDB] = web.AppKey("console_db", ConsoleDB)
EVENTS: web.AppKey[EventStore] = web.AppKey("console_events", EventStore)
FED: web.AppKey[bool] = web.AppKey("console_fed_by_consumer", bool)
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
_env.filters["when"] = lambda ts: dt.datetime.fromtimestamp(ts or 0, dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
_env.filters["pct"] = lambda v: "–" if v is None else f"{v:.0%}"
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data: https:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
}  # fmt: skip


def render(name: str, status: int = 200, **context: Any) -> web.Response:
    return web.Response(text=_env.get_template(name).render(**context), status=status, content_type="text/html", headers=HEADERS)


def _secure(request: web.Request) -> bool:
    return request.secure or request.headers.get("X-Forwarded-Proto", "") == "https"


def _set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/console", httponly=True, samesite="Strict", secure=_secure(request))


def _session(request: web.Request) -> auth.Session:
    sess = auth.session(request.app[DB], request.cookies.get(COOKIE))
    if sess is None:
        raise web.HTTPSeeOther("/console/login")
    return sess


async def _form(request: web.Request, sess: auth.Session) -> Any:
    form = await request.post()
    if not auth.csrf_ok(sess, form.get("csrf")):
        raise web.HTTPForbidden(text="CSRF token missing or wrong: reload the page and try again", headers=HEADERS)
    return form


async def _refresh(request: web.Request) -> None:
    """Folds new conversation events into the summary, off the event loop (a first fold of a
    large tracker store takes seconds); nothing when the event-broker consumer keeps it current."""
    if request.app[FED]:
        return
    await asyncio.get_running_loop().run_in_executor(None, refresh, request.app[DB], request.app[EVENTS])


async def login_page(request: web.Request) -> web.Response:
    token = secrets.token_urlsafe(24)
    response = render("login.html", csrf=token, error=None)
    _set_cookie(request, response, LOGIN_COOKIE, token, 600)
    return response


async def login_post(request: web.Request) -> web.Response:
    form = await request.post()
    expected = request.cookies.get(LOGIN_COOKIE)
    if not expected or not secrets.compare_digest(expected, str(form.get("csrf") or "")):
        raise web.HTTPForbidden(text="CSRF token missing or wrong: reload the login page and try again", headers=HEADERS)
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    token = auth.login(request.app[DB], name, password)
    if token is None:
        error = "Wrong name or password, or the account is locked after too many failures (try again in 15 minutes)."
        response = render("login.html", status=401, csrf=expected, error=error)
        return response
    response = web.HTTPSeeOther("/console")
    _set_cookie(request, response, COOKIE, token, auth.SESSION_SECONDS)
    response.del_cookie(LOGIN_COOKIE, path="/console")
    raise response


async def logout(request: web.Request) -> web.Response:
    sess = _session(request)
    await _form(request, sess)
    auth.logout(request.app[DB], request.cookies.get(COOKIE))
    response = web.HTTPSeeOther("/console/login")
    response.del_cookie(COOKIE, path="/console")
    raise response


async def conversations(request: web.Request) -> web.Response:
    sess = _session(request)
    db = request.app[DB]
    await _refresh(request)
    f = Filters.from_query(request.query)
    rows, total = list_conversations(db, f)
    query = {k: v for k, v in request.query.items() if k != "page" and v}
    pages = max(1, -(-total // 50))

    def page_url(n: int) -> str:
        return "/console?" + urlencode({**query, "page": n})

    return render(
        "list.html", status=400 if f.errors else 200, s=sess, f=f, rows=rows, total=total, pages=pages, page_url=page_url,
        intents=review.domain()["intents"], known=known_values(db), mask=privacy.mask, stages=STAGES,
    )  # fmt: skip


def _transcript(request: web.Request, sess: auth.Session, sender: str, reveal: bool = False, error: str | None = None, status: int = 200) -> web.Response:
    db, events = request.app[DB], request.app[EVENTS]
    turns = load_turns(events, sender, masked=not reveal)
    if not turns:
        raise web.HTTPNotFound(text=f"no conversation {sender!r}", headers=HEADERS)
    try:
        earlier = max(0, int(request.query.get("earlier") or 0))
    except ValueError:
        earlier = 0
    shown, earlier_page, later_page = page_of(turns, earlier)
    d = review.domain()
    return render(
        "transcript.html", status=status, s=sess, sender=sender, turns=shown, total_turns=len(turns), earlier_page=earlier_page,
        later_page=later_page, a=review.annotations(db, sender), ratings=ratings_of(db, sender), intents=d["intents"], actions=d["actions"], revealed=reveal,
        error=error, quote=urlencode,
    )  # fmt: skip


async def transcript(request: web.Request) -> web.Response:
    await _refresh(request)
    return _transcript(request, _session(request), request.query.get("id", ""))


async def reveal(request: web.Request) -> web.Response:
    sess = _session(request)
    form = await _form(request, sess)
    sender = str(form.get("id") or "")
    privacy.log_access(request.app[DB], sess.user, sender, "reveal_personal_data")
    return _transcript(request, sess, sender, reveal=True)


async def annotate(request: web.Request) -> web.Response:
    """Tag, untag, note, reviewed, intent and answer corrections: one handler, the action in the path."""
    sess = _session(request)
    form = await _form(request, sess)
    db, events = request.app[DB], request.app[EVENTS]
    sender, what = str(form.get("id") or ""), request.match_info["what"]
    try:
        if what == "tag":
            review.add_tag(db, sender, str(form.get("tag") or ""))
        elif what == "untag":
            review.remove_tag(db, sender, str(form.get("tag") or ""))
        elif what == "note":
            review.add_note(db, sender, sess.user, str(form.get("text") or ""))
        elif what == "reviewed":
            review.set_reviewed(db, sender, form.get("reviewed") == "1")
        elif what in ("intent", "answer"):
            try:
                event_id = int(str(form.get("event") or ""))
            except ValueError as exc:
                raise review.ReviewError(f"event: {form.get('event')!r} is not an event id") from exc
            if what == "intent":
                review.correct_intent(db, events, sender, event_id, str(form.get("intent") or ""), sess.user)
            else:
                review.correct_answer(db, events, sender, event_id, str(form.get("answer") or ""), str(form.get("action") or ""), sess.user)
        else:
            raise web.HTTPNotFound()
    except review.ReviewError as exc:
        return _transcript(request, sess, sender, error=str(exc), status=400)
    raise web.HTTPSeeOther("/console/conversation?" + urlencode({"id": sender}) + (f"#e{form.get('event')}" if form.get("event") else ""))


async def export_file(request: web.Request) -> web.Response:
    _admin(request)
    since_text = request.query.get("since") or ""
    try:
        since = dt.date.fromisoformat(since_text) if since_text else None
    except ValueError:
        raise web.HTTPBadRequest(text=f"since: {since_text!r} is not a date (YYYY-MM-DD)", headers=HEADERS) from None
    items = export.corrections(request.app[DB], since)
    kind = request.match_info["kind"]
    body = export.nlu_yaml(items, since) if kind == "nlu" else export.stories_yaml(items, since)
    name = "nlu_corrections.yml" if kind == "nlu" else "test_corrections.yml"
    return web.Response(text=body, content_type="application/x-yaml",
                        headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


async def export_page(request: web.Request) -> web.Response:
    sess = _admin(request)
    return render("export.html", s=sess, count=len(export.corrections(request.app[DB])))


def _admin(request: web.Request) -> auth.Session:
    sess = _session(request)
    if not sess.admin:
        raise web.HTTPForbidden(text="this page is for admins", headers=HEADERS)
    return sess


async def users_page(request: web.Request) -> web.Response:
    sess = _admin(request)
    return render("users.html", s=sess, users=auth.list_users(request.app[DB]), error=None, roles=auth.ROLES)


async def users_post(request: web.Request) -> web.Response:
    """Add or remove an account (admins); an admin cannot remove themself."""
    sess = _admin(request)
    form = await _form(request, sess)
    db = request.app[DB]
    name = str(form.get("name") or "")
    try:
        if request.match_info["what"] == "add":
            auth.add_user(db, name, str(form.get("role") or ""), str(form.get("password") or ""))
        elif name == sess.user:
            raise auth.AccountError("you cannot remove your own account")
        elif not auth.remove_user(db, name):
            raise auth.AccountError(f"no user {name!r}")
    except auth.AccountError as exc:
        return render("users.html", status=400, s=sess, users=auth.list_users(db), error=str(exc), roles=auth.ROLES)
    raise web.HTTPSeeOther("/console/users")


def setup_console(app: web.Application, data: str | Path, db_url: str | None = None, events_url: str | None = None,
                  store: str | Path | None = None) -> None:  # fmt: skip
    """Mounts the console under /console: its tables in the catalog database, conversations
    from the tracker store (see `bot/console/events.py`), the summary folded on access unless
    the consumer is configured (`bot/console/feed.py`, for `store` or `SHOPBOT_STORE`)."""
    app[FED] = consumer_configured(store or os.environ.get("SHOPBOT_STORE"))
    app[DB] = open_console_db(data, db_url)
    app[EVENTS] = event_store(events_url or tracker_url(os.environ.get("SHOPBOT_DATA", data)))
    app.add_routes([
        web.get("/console/login", login_page), web.post("/console/login", login_post), web.post("/console/logout", logout),
        web.get("/console", conversations), web.get("/console/conversation", transcript),
        web.post("/console/conversation/reveal", reveal), web.post("/console/conversation/{what}", annotate),
        web.post("/api/rating", rating_endpoint),
        web.get("/console/users", users_page), web.post(r"/console/users/{what:add|remove}", users_post),
        web.get("/console/export", export_page), web.get(r"/console/export/{kind:nlu|stories}.yml", export_file),
        *dashboard_web.routes(),
    ])  # fmt: skip
    from bot.console.live_web import add_live_routes  # its handlers use this module's helpers

    add_live_routes(app)
    app.router.add_static("/console/static", HERE / "static")
