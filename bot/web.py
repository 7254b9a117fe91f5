"""The aiohttp web side on port 8080: the demo shop with the chat widget (`bot/shop.py`,
`/de/…`, `/en/…`, the widget under `/static/`), a minimal chat page (`/chat`) that talks to
Rasa's REST webhook through `/api/chat` (same origin, so no CORS set-up is needed), and the
merchant API under `/merchant/v1` (`bot/merchant.py`)."""

from __future__ import annotations

import argparse
import os

from aiohttp import ClientSession, ClientTimeout, web

MAX_BODY = 64 * 1024
PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>shopbot</title>
<style>
body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
#log{border:1px solid #ccc;border-radius:8px;padding:1rem;min-height:20rem;white-space:pre-wrap}
.me{color:#064;margin:.5rem 0}.bot{margin:.5rem 0}.err{color:#a00}
form{display:flex;gap:.5rem;margin-top:1rem}input[type=text]{flex:1;padding:.5rem}
</style></head><body>
<h1>shopbot</h1>
<p><label>Sprache / language <select id="lang"><option value="de">Deutsch</option><option value="en">English</option></select></label></p>
<div id="log" role="log" aria-live="polite"></div>
<form id="f"><input id="msg" type="text" autocomplete="off" maxlength="1000" aria-label="Nachricht"><button>Senden</button></form>
<script>
const log = document.getElementById('log'), msg = document.getElementById('msg');
const sender = localStorage.getItem('shopbot-sender') || ('web-' + Math.random().toString(36).slice(2));
localStorage.setItem('shopbot-sender', sender);
function add(cls, text) { const d = document.createElement('div'); d.className = cls; d.textContent = text; log.appendChild(d); }
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = msg.value; if (!text.trim()) return;
  add('me', text);
  try {
    const r = await fetch('/api/chat', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({sender, message: text, metadata: {language: document.getElementById('lang').value}})});
    const replies = await r.json();
    if (!r.ok) { add('err', replies.error || r.statusText); return; }
    msg.value = '';
    for (const m of replies) { if (m.text) add('bot', m.text); }
  } catch (err) { add('err', 'Der Bot ist gerade nicht erreichbar. / The bot is unreachable.'); }
});
</script></body></html>"""


async def index(request: web.Request) -> web.Response:
    return web.Response(text=PAGE, content_type="text/html")


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def chat(request: web.Request) -> web.Response:
    try:
        body = await request.json()
    except Exception:
        return web.json_response({"error": "expected a JSON body"}, status=400)
    if not isinstance(body, dict) or not isinstance(body.get("message"), str) or not isinstance(body.get("sender"), str):
        return web.json_response({"error": "expected {sender: string, message: string}"}, status=400)
    payload = {"sender": body["sender"][:100], "message": body["message"], "metadata": body.get("metadata") or {}}
    rasa = os.environ.get("SHOPBOT_RASA_URL", "http://127.0.0.1:5005")
    try:
        async with ClientSession(timeout=ClientTimeout(total=30)) as session:
            # Rasa trusts this header from loopback (store.yml security.trusted_proxies): the shopper's address
            headers = {"X-Forwarded-For": request.remote or ""}
            async with session.post(f"{rasa}/webhooks/rest/webhook", json=payload, headers=headers) as response:
                return web.json_response(await response.json(), status=response.status)
    except Exception as exc:
        return web.json_response({"error": f"the bot is unreachable: {type(exc).__name__}"}, status=502)


def make_app(store: str | None = None, data: str | None = None, merchant: bool = True) -> web.Application:
    """The web app with the demo shop; with `merchant`, the merchant API for the store (env
    SHOPBOT_STORE / SHOPBOT_DATA)."""
    from bot.console.web import setup_console
    from bot.shop import setup_shop

    store = store or os.environ.get("SHOPBOT_STORE", "stores/demo")
    data = data or os.environ.get("SHOPBOT_DATA", "var")
    app = web.Application(client_max_size=MAX_BODY)
    app.add_routes([web.get("/chat", index), web.get("/health", health), web.post("/api/chat", chat)])
    setup_shop(app, store, data)
    setup_console(app, data, store=store)
    if merchant:
        from bot.merchant import setup_merchant

        setup_merchant(app, store, data, os.environ.get("SHOPBOT_EMBEDDER"))
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="shopbot web side: demo shop, chat page, merchant API")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--store", default=None, help="store folder (default: env SHOPBOT_STORE)")
    parser.add_argument("--data", default=None, help="data folder (default: env SHOPBOT_DATA)")
    parser.add_argument("--no-merchant", action="store_true", help="without the merchant API")
    args = parser.parse_args()
    web.run_app(make_app(args.store, args.data, not args.no_merchant), host=args.host, port=args.port, print=None)


if __name__ == "__main__":
    main()
