"""The dashboard's pages: `/console/dashboard` (charts drawn by Chart.js, served from
`node_modules` by `/console/vendor/chart.umd.min.js`, each with its table) and
`/console/dashboard/{table}.csv`."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np
from aiohttp import web

from bot.console import clusters, dashboard
from bot.console.db import ConsoleDB
from bot.console.journey import STAGES
from bot.console.query import known_values

ROOT = Path(__file__).resolve().parents[2]
CHART_JS = ROOT / "node_modules" / "chart.js" / "dist" / "chart.umd.min.js"
TABLES = ("days", "funnel", "languages", "response_times", "products", "unanswered")


def figures(db: ConsoleDB, r: dashboard.Range) -> dict[str, Any]:
    """Everything the page shows (runs in a worker thread: SQL and the embedder)."""
    conv = dashboard.conversation_figures(db, r)
    groups = clusters.group(dashboard.unanswered_messages(db, r))
    for g in groups:
        g["list_url"] = "/console?" + urlencode({"ids": ",".join(g["senders"][:500])})
    agent = dashboard.agent_reply_seconds(db, r)
    return {**conv, "responses": dashboard.response_times(db, r), "products": dashboard.top_products(db, r), "groups": groups,
            "agent_reply": dashboard.percentiles(np.array(agent))}  # fmt: skip


def rows_of(table: str, f: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """A table of the dashboard as CSV header and rows."""
    counts = ["conversations", "user_messages", "bot_messages", "handoffs", "fallback", "dont_know"]
    rates = ["containment", "handoff_rate", "fallback_rate", "dont_know_rate"]
    if table == "days":
        head = ["period", *counts, *rates, "rated_up", "rated_down"]
        return head, [[x["label"], *[x[k] for k in head[1:]]] for x in f["series"]]
    if table == "funnel":
        n = f["total"]["conversations"]
        return ["stage", "conversations", "share"], [[st, f["total"][st], dashboard.share(f["total"][st], n)] for st in STAGES]
    if table == "languages":
        return ["language", *counts, *rates], [[x["label"], *[x[k] for k in counts + rates]] for x in f["languages"]]
    if table == "response_times":
        head = ["period", "replies", "p50", "p90", "p95", "p99"]
        return head, [[x["label"], *[x[k] for k in head[1:]]] for x in f["responses"]["series"]]
    if table == "products":
        return ["product", "conversations"], [[x["product"], x["conversations"]] for x in f["products"]]
    head = ["question", "messages", "fallbacks", "dont_knows", "conversations", "examples"]
    return head, [[g["label"], g["count"], g["fallbacks"], g["dont_knows"], len(g["senders"]), " | ".join(g["examples"])] for g in f["groups"]]


def chart_data(f: dict[str, Any]) -> dict[str, Any]:
    """What `dashboard.js` draws (the same numbers as the tables)."""
    labels = [x["label"] for x in f["series"]]
    return {
        "funnel": {"labels": [st.replace("_", "-") for st in STAGES], "values": [f["total"][st] for st in STAGES]},
        "days": {"labels": labels, "conversations": [x["conversations"] for x in f["series"]], "messages": [x["user_messages"] for x in f["series"]]},
        "rates": {"labels": labels, **{k: [None if x[k] is None else round(100 * x[k], 1) for x in f["series"]]
                  for k in ("containment", "handoff_rate", "fallback_rate", "dont_know_rate")}},
        "responses": {"labels": [x["label"] for x in f["responses"]["series"]], "p50": [x["p50"] for x in f["responses"]["series"]],
                      "p95": [x["p95"] for x in f["responses"]["series"]]},
    }  # fmt: skip


async def _figures(request: web.Request) -> tuple[dashboard.Range, dict[str, Any]]:
    from bot.console.web import DB, _refresh

    await _refresh(request)
    r = dashboard.Range.from_query(request.query)
    return r, await asyncio.get_running_loop().run_in_executor(None, figures, request.app[DB], r)


async def dashboard_page(request: web.Request) -> web.Response:
    from bot.console.web import DB, HEADERS, _session, render

    sess = _session(request)
    r, f = await _figures(request)
    response = render(
        "dashboard.html", status=400 if r.errors else 200, s=sess, r=r, f=f, stages=STAGES, tables=TABLES,
        csv_url=lambda t: f"/console/dashboard/{t}.csv?" + urlencode(r.query()), languages=known_values(request.app[DB])["languages"],
        charts=json.dumps(chart_data(f)).replace("<", "\\u003c"),
    )  # fmt: skip
    response.headers["Content-Security-Policy"] = HEADERS["Content-Security-Policy"].replace("default-src 'none';", "default-src 'none'; script-src 'self';")
    return response


async def dashboard_csv(request: web.Request) -> web.Response:
    from bot.console.web import HEADERS, _session

    _session(request)
    table = request.match_info["table"]
    r, f = await _figures(request)
    if r.errors:
        raise web.HTTPBadRequest(text="; ".join(r.errors), headers=HEADERS)
    head, rows = rows_of(table, f)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(head)
    writer.writerows([[cell(v) for v in row] for row in rows])
    name = f"shopbot-{table}-{r.date_from}-{r.date_to}{'-' + r.language if r.language else ''}.csv"
    return web.Response(text=out.getvalue(), content_type="text/csv", headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})


def cell(value: Any) -> Any:
    """A CSV cell: rates rounded, None empty, and shopper text that a spreadsheet would run as a
    formula (=, +, -, @ first) quoted with an apostrophe (OWASP "CSV injection")."""
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


async def chart_js(request: web.Request) -> web.StreamResponse:
    """Chart.js from `node_modules` (installed by `make node_modules`); the pages work without it (tables)."""
    if not CHART_JS.is_file():
        raise web.HTTPNotFound(text=f"{CHART_JS} missing: run `make node_modules`")
    return web.FileResponse(CHART_JS, headers={"Cache-Control": "max-age=86400", "X-Content-Type-Options": "nosniff"})


def routes() -> list[web.RouteDef]:
    return [
        web.get("/console/dashboard", dashboard_page),
        web.get(r"/console/dashboard/{table:" + "|".join(TABLES) + "}.csv", dashboard_csv),
        web.get("/console/vendor/chart.umd.min.js", chart_js),
    ]
