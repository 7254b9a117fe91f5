"""`/static/widget.js`: the storefront widget, served as the one file a shop embeds.

The source lives in parts (`bot/static/widget/*.js`, one concern each) that share one function
scope; they are joined here, in name order, inside a single IIFE under the embed notice
(`HEADER.txt`). The joined script is built once per change of the parts and served with an ETag.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from aiohttp import web

PARTS = Path(__file__).resolve().parent / "static" / "widget"

_cache: dict[str, tuple[tuple, bytes, str]] = {}


def _state() -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns) for p in sorted(PARTS.glob("*.js")))


def widget_script() -> tuple[bytes, str]:
    """The joined widget script and its ETag (rebuilt when a part changed)."""
    state = _state()
    cached = _cache.get("widget")
    if cached and cached[0] == state:
        return cached[1], cached[2]
    header = (PARTS / "HEADER.txt").read_text(encoding="utf-8")
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PARTS.glob("*.js")))
    indented = "".join("  " + line if line.strip() else line for line in body.splitlines(keepends=True))
    script = f"{header}(function () {{\n{indented}}})();\n".encode()
    etag = '"' + hashlib.sha256(script).hexdigest()[:20] + '"'
    _cache["widget"] = (state, script, etag)
    return script, etag


async def serve_widget(request: web.Request) -> web.Response:
    script, etag = widget_script()
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if request.headers.get("If-None-Match") == etag:
        return web.Response(status=304, headers=headers)
    return web.Response(body=script, content_type="text/javascript", charset="utf-8", headers=headers)
