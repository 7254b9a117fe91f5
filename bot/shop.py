"""The demo shop on port 8080: home page, category listings, product pages, cart, checkout and
thank-you page, in German and English (`/de/…`, `/en/…`). It exists to show and test the chat
widget (`bot/static/widget.js`) in its real setting, so it is kept plain: products and prices
come from the published catalog version (like the action server), the cart lives in memory
under a cookie (`bot/shop_sessions.py`: made on the first add to cart, idle sessions expire,
the number is bounded), and the checkout (`bot/checkout.py`) creates a real order through the
orders backend. File reads (catalog refresh) and the database (checkout) run in worker
threads, off the event loop.

Every page embeds the widget with the one-tag snippet and describes itself to the widget in a
JSON block (`#shopbot-context`: page type, product, cart, order number). All catalog and
shopper text goes through `html.escape`.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
from collections.abc import Awaitable, Callable
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import web

from actions.facts import availability, price_text
from actions.texts import money
from bot.shop_sessions import Session, Sessions, SessionsUnavailable, make_session_store
from bot.widget_asset import serve_widget
from catalog.build import current_folder, products_file, read_current_products
from catalog.models import Product, Variant
from catalog.store import Store, StoreConfig

LANGS = ("de", "en")
COOKIE = "shopbot_shop"
STATIC = Path(__file__).resolve().parent / "static"
MAX_QTY = 20

T = {
    "de": {
        "home": "Startseite", "cart": "Warenkorb", "checkout": "Zur Kasse", "add": "In den Warenkorb",
        "variant": "Größe / Farbe", "sold_out": "ausverkauft", "empty": "Ihr Warenkorb ist leer.",
        "qty": "Menge", "subtotal": "Zwischensumme", "remove": "Entfernen", "update": "Aktualisieren",
        "name": "Vor- und Nachname", "email": "E-Mail-Adresse", "street": "Straße und Hausnummer",
        "postal_code": "Postleitzahl", "city": "Ort", "country": "Land", "payment": "Zahlungsart",
        "order": "Zahlungspflichtig bestellen", "thanks": "Vielen Dank für Ihre Bestellung!",
        "number": "Ihre Bestellnummer", "total": "Gesamtsumme inkl. Versand", "mail": "Eine Bestätigung geht an",
        "fix": "Bitte prüfen Sie Ihre Angaben:", "added": "Zum Warenkorb hinzugefügt.", "categories": "Kategorien",
        "no_order": "Zu dieser Sitzung gibt es keine Bestellung.", "not_found": "Diese Seite gibt es nicht.",
        "choose": "Bitte wählen Sie eine Größe bzw. Farbe.", "fit": "Passform", "details": "Details",
        "err_name": "Bitte geben Sie Ihren Namen an (bis zu 200 Zeichen).",
        "err_email": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
        "err_street": "Bitte geben Sie Straße und Hausnummer an (bis zu 200 Zeichen).",
        "err_postal_code": "Eine Postleitzahl hat 3 bis 10 Buchstaben und Ziffern, darunter mindestens eine Ziffer, z. B. 10115.",
        "err_city": "Bitte geben Sie den Ort an (bis zu 100 Zeichen).", "err_country": "Dorthin liefern wir leider nicht.",
        "err_payment": "Bitte wählen Sie eine Zahlungsart.", "err_cart": "Ihr Warenkorb ist leer.",
        "err_stock": "Ein Artikel ist nicht mehr in dieser Menge vorrätig:", "err_backend": "Die Bestellung konnte gerade nicht angelegt werden. Ihre Angaben sind erhalten; bitte versuchen Sie es gleich noch einmal.",
        "continue": "Weiter einkaufen", "lang_other": "English",
    },
    "en": {
        "home": "Home", "cart": "Cart", "checkout": "Checkout", "add": "Add to cart",
        "variant": "Size / colour", "sold_out": "sold out", "empty": "Your cart is empty.",
        "qty": "Quantity", "subtotal": "Subtotal", "remove": "Remove", "update": "Update",
        "name": "Full name", "email": "E-mail address", "street": "Street and number",
        "postal_code": "Postal code", "city": "City", "country": "Country", "payment": "Payment method",
        "order": "Place order", "thanks": "Thank you for your order!",
        "number": "Your order number", "total": "Total incl. shipping", "mail": "A confirmation goes to",
        "fix": "Please check your details:", "added": "Added to your cart.", "categories": "Categories",
        "no_order": "There is no order in this session.", "not_found": "This page does not exist.",
        "choose": "Please choose a size or colour.", "fit": "Fit", "details": "Details",
        "err_name": "Please enter your name (up to 200 characters).",
        "err_email": "Please enter a valid e-mail address, e.g. name@example.org.",
        "err_street": "Please enter your street and number (up to 200 characters).",
        "err_postal_code": "A postal code has 3 to 10 letters and digits, at least one of them a digit, e.g. 10115.",
        "err_city": "Please enter your city (up to 100 characters).", "err_country": "We do not ship there, sorry.",
        "err_payment": "Please choose a payment method.", "err_cart": "Your cart is empty.",
        "err_stock": "An item is no longer in stock in this quantity:", "err_backend": "The order could not be placed just now. Your details are kept; please try again in a moment.",
        "continue": "Continue shopping", "lang_other": "Deutsch",
    },
}


# ---- data ------------------------------------------------------------------------------------
class ShopCatalog:
    """The published catalog version and the store config, re-read when they change on disk."""

    def __init__(self, store: str, data: str):
        self.store = Store(store)
        self.folder = Path(data) / self.store.folder.name
        self._stamp: tuple | None = None
        self._config_stamp: float | None = None
        self.config: StoreConfig = self.store.config
        self.products: dict[str, Product] = {}
        self.by_sku: dict[str, tuple[Product, Variant]] = {}
        self._lock = threading.Lock()

    def money(self, amount: float, lang: str) -> str:
        return money(amount, lang, self.config.store.currency)

    def price(self, product: Product, lang: str) -> str:
        return price_text(product, lang, self.config.store.currency)

    def refresh(self) -> None:
        """Re-read what changed on disk (blocking: the pages call it in a worker thread)."""
        with self._lock:
            self._refresh()

    def _refresh(self) -> None:
        path = products_file(current_folder(self.folder))
        try:
            st = path.stat()
            stamp: tuple | None = (str(path), st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        if stamp != self._stamp or not self.products:
            if path.is_file():
                products = read_current_products(self.folder)  # a delta version laid over its base
                by_sku = {v.sku: (p, v) for p in products for v in p.variants}
                self.products, self.by_sku = {p.id: p for p in products}, by_sku
            self._stamp = stamp
        config_stamp = (self.store.folder / "store.yml").stat().st_mtime
        if config_stamp != self._config_stamp:
            self.config = Store(self.store.folder).config
            self._config_stamp = config_stamp


SHOP_CATALOG = web.AppKey("shop_catalog", ShopCatalog)
SHOP_SESSIONS = web.AppKey("shop_sessions", Sessions)
SHOP_ORDERS = web.AppKey("shop_orders", object)  # () -> OrdersBackend (blocking: call it in a worker thread)


def orders_backend(store: str, data: str):
    """The orders database (`orders/sql.py`: `DATABASE_URL` or `<data>/shopbot.db`, next to the
    catalog tables whose stock it takes)."""
    from orders.sql import SqlOrders

    return SqlOrders.open(store, data)


# ---- helpers ---------------------------------------------------------------------------------
async def shop(request: web.Request) -> ShopCatalog:
    """The catalog, refreshed from disk in a worker thread (file reads would stall every request)."""
    catalog: ShopCatalog = request.app[SHOP_CATALOG]
    await asyncio.to_thread(catalog.refresh)
    return catalog


def session(request: web.Request) -> tuple[str | None, Session]:
    """The request's session and its token, or (None, an empty session) when it has none: reading
    pages makes no session, only storing something does (`stored_session`)."""
    if "shop_session" not in request:
        token = request.cookies.get(COOKIE)
        sess = request.app[SHOP_SESSIONS].get(token)
        request["shop_session"] = (token, sess) if sess is not None else (None, Session())
    return request["shop_session"]


def stored_session(request: web.Request) -> tuple[str, Session]:
    """The request's session, made now if it has none (the shopper is about to store something)."""
    token, sess = session(request)
    if token is None:
        token, sess = request.app[SHOP_SESSIONS].create()
        request["shop_session"] = (token, sess)
    return token, sess


def save_session(request: web.Request) -> None:
    """Stores the request's session after a handler changed it (Redis; in memory a no-op)."""
    token, sess = request.get("shop_session", (None, None))
    if token and sess is not None:
        request.app[SHOP_SESSIONS].save(token, sess)


@web.middleware
async def sessions_down(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
    """The session store is unreachable: a clear 503, and the shopper's cart stays as it was."""
    try:
        return await handler(request)
    except SessionsUnavailable:
        text = "Der Warenkorb ist gerade nicht erreichbar – bitte versuchen Sie es in einigen Sekunden noch einmal. / The cart is unavailable right now – please try again in a few seconds."
        if request.path.startswith("/api/"):
            return web.json_response({"error": text}, status=503, headers={"Retry-After": "5"})
        return web.Response(text=text, status=503, headers={"Retry-After": "5"})


def with_cookie(response: web.StreamResponse, token: str | None) -> web.StreamResponse:
    if token:
        response.set_cookie(COOKIE, token, httponly=True, samesite="Lax", path="/")
    return response


def see_other(url: str, token: str | None) -> web.HTTPSeeOther:
    redirect = web.HTTPSeeOther(url)
    with_cookie(redirect, token)
    return redirect


def lang_of(request: web.Request) -> str:
    lang = request.match_info.get("lang", "de")
    if lang not in LANGS:
        raise web.HTTPNotFound(text="unknown language")
    return lang


def cart_lines(cat: ShopCatalog, sess: Session) -> list[tuple[Product, Variant, int]]:
    return [(cat.by_sku[sku][0], cat.by_sku[sku][1], qty) for sku, qty in sess.lines.items() if sku in cat.by_sku]


def variant_label(variant: Variant, lang: str) -> str:
    """'48 / Kurz / Dunkelblau': the options as the merchant named them, else size and colour."""
    from catalog.lexicon import color_name

    if variant.options:
        return " / ".join(variant.options.values())
    parts = [p for p in (variant.size, color_name(variant.color, lang) if variant.color else None) if p]
    return " / ".join(parts) or variant.sku


def cart_context(cat: ShopCatalog, sess: Session, lang: str) -> list[dict]:
    return [{"product_id": p.id, "sku": v.sku, "name": p.name(lang), "size": v.size, "color": v.color, "quantity": q}
            for p, v, q in cart_lines(cat, sess)]  # fmt: skip


def bot_url() -> str:
    return os.environ.get("SHOPBOT_PUBLIC_BOT_URL") or os.environ.get("SHOPBOT_RASA_URL", "http://localhost:5005")


def render(request: web.Request, lang: str, title: str, body: str, context: dict, token: str | None, status: int = 200) -> web.Response:
    """One page: header, body, the page context for the widget, the widget snippet."""
    cat = request.app[SHOP_CATALOG]  # refreshed by the page's handler
    _, sess = session(request)
    t = T[lang]
    other = "en" if lang == "de" else "de"
    path = request.path
    switch = re.sub(r"^/(de|en)/", f"/{other}/", path) if re.match(r"^/(de|en)/", path) else f"/{other}/"
    count = sum(sess.lines.values())
    categories = "".join(f'<li><a href="/{lang}/c/{escape(key)}">{escape(getattr(c, lang))}</a></li>' for key, c in cat.config.categories.items())
    ctx = {"language": lang, "cart": cart_context(cat, sess, lang), "add_to_cart": True, "card_image": "/img/{id}.svg", **context}
    # JSON inside <script>: no "<", ">" or "&" can end the block early
    ctx_json = json.dumps(ctx, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} – {escape(cat.config.store.name)}</title>
<link rel="stylesheet" href="/static/shop.css"></head><body>
<header class="top"><a class="brand" href="/{lang}/">{escape(cat.config.store.name)}</a>
<nav aria-label="{t['categories']}"><ul>{categories}</ul></nav>
<a class="cartlink" href="/{lang}/cart">{t['cart']} (<span id="cart-count">{count}</span>)</a>
<a class="lang" href="{escape(switch)}" hreflang="{other}">{t['lang_other']}</a></header>
<main id="main">{body}</main>
<p id="shop-status" role="status" aria-live="polite"></p>
<script type="application/json" id="shopbot-context">{ctx_json}</script>
<script src="/static/shop.js" defer></script>
<script src="/static/widget.js" data-bot-url="{escape(bot_url())}" data-lang="{lang}" async></script>
</body></html>"""
    return with_cookie(web.Response(text=page, content_type="text/html", status=status), token)


def product_tile(cat: ShopCatalog, p: Product, lang: str) -> str:
    return (f'<li class="tile"><a href="/{lang}/products/{escape(p.id)}"><img src="{image_url(p)}" alt="" width="160" height="160">'
            f'<span class="tname">{escape(p.name(lang))}</span></a><span class="price">{escape(cat.price(p, lang))}</span>'
            f'<span class="avail">{escape(availability(p, lang))}</span></li>')  # fmt: skip


def image_url(p: Product) -> str:
    return escape(p.image) if p.image and p.image.startswith(("https://", "http://", "/")) else f"/img/{escape(p.id)}.svg"


# ---- pages -----------------------------------------------------------------------------------
async def root(request: web.Request) -> web.Response:
    raise web.HTTPFound("/de/")


async def home(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    token, _ = session(request)
    sections = []
    for key, category in cat.config.categories.items():
        items = [p for p in cat.products.values() if p.category == key][:4]
        if items:
            sections.append(f'<section><h2><a href="/{lang}/c/{escape(key)}">{escape(getattr(category, lang))}</a></h2>'
                            f'<ul class="grid">{"".join(product_tile(cat, p, lang) for p in items)}</ul></section>')  # fmt: skip
    tagline = cat.config.store.tagline.get(lang) or next(iter(cat.config.store.tagline.values()))
    body = f"<h1>{escape(cat.config.store.name)}</h1><p>{escape(tagline)}</p>{''.join(sections)}"
    return render(request, lang, T[lang]["home"], body, {"page_type": "home"}, token)


async def category(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    token, _ = session(request)
    key = request.match_info["category"]
    if key not in cat.config.categories:
        return render(request, lang, "404", f"<h1>{T[lang]['not_found']}</h1>", {"page_type": "other"}, token, 404)
    name = getattr(cat.config.categories[key], lang)
    items = [p for p in cat.products.values() if p.category == key]
    body = f'<h1>{escape(name)}</h1><ul class="grid">{"".join(product_tile(cat, p, lang) for p in items)}</ul>'
    return render(request, lang, name, body, {"page_type": "category", "category": key}, token)


async def product_page(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    token, _ = session(request)
    t = T[lang]
    p = cat.products.get(request.match_info["product_id"])
    if p is None:
        return render(request, lang, "404", f"<h1>{t['not_found']}</h1>", {"page_type": "other"}, token, 404)
    options = "".join(
        f'<option value="{escape(v.sku)}"{" disabled" if v.stock == 0 else ""}>{escape(variant_label(v, lang))} – {escape(cat.money(v.price, lang))}'
        f'{" – " + t["sold_out"] if v.stock == 0 else ""}</option>' for v in p.variants)  # fmt: skip
    facts = [(t["fit"], p.text("fit_notes", lang)), (t["details"], p.text("materials", lang))]
    dl = "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in facts if v)
    body = f"""<article class="product"><img src="{image_url(p)}" alt="" width="320" height="320">
<div><h1>{escape(p.name(lang))}</h1><p class="price">{escape(cat.price(p, lang))}</p><p class="avail">{escape(availability(p, lang))}</p>
<form method="post" action="/{lang}/cart/add" class="buy"><label for="variant">{t['variant']}</label>
<select id="variant" name="sku">{options}</select><label for="qty">{t['qty']}</label>
<input id="qty" name="quantity" type="number" min="1" max="{MAX_QTY}" value="1"><button type="submit">{t['add']}</button></form>
<p>{escape(p.text('description', lang))}</p><dl>{dl}</dl></div></article>"""
    context = {"page_type": "product", "product_id": p.id, "product_name": p.name(lang)}
    return render(request, lang, p.name(lang), body, context, token)


async def placeholder_image(request: web.Request) -> web.Response:
    """An SVG with the product's initials: the demo catalog has no photos."""
    cat = await shop(request)
    p = cat.products.get(request.match_info["product_id"])
    if p is None:
        raise web.HTTPNotFound()
    words = [w for w in re.split(r"\s+", p.name("de")) if w][:2]
    initials = escape("".join(w[0] for w in words).upper())
    hue = sum(map(ord, p.id)) % 360
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160"><rect width="160" height="160" fill="hsl({hue},35%,85%)"/>'
           f'<text x="80" y="96" font-family="sans-serif" font-size="52" text-anchor="middle" fill="hsl({hue},45%,30%)">{initials}</text></svg>')  # fmt: skip
    return web.Response(text=svg, content_type="image/svg+xml", headers={"Cache-Control": "max-age=3600"})


def setup_shop(app: web.Application, store: str, data: str, orders: Callable[[], Any] | None = None,
               sessions: Sessions | None = None) -> None:  # fmt: skip
    """Mounts the shop; `orders` makes the orders backend (called once, on the first checkout,
    in a worker thread)."""
    from bot import cart, checkout  # they build on this module's helpers

    made: list = []
    lock = threading.Lock()

    def backend():  # noqa: ANN202
        with lock:
            if not made:
                made.append(orders() if orders else orders_backend(store, data))
            return made[0]

    app[SHOP_CATALOG] = ShopCatalog(store, data)
    app[SHOP_SESSIONS] = sessions or make_session_store()
    app.middlewares.append(sessions_down)
    app[SHOP_ORDERS] = backend
    app.add_routes([
        web.get("/", root),
        web.get("/{lang:(de|en)}/", home),
        web.get("/{lang:(de|en)}/c/{category}", category),
        web.get("/{lang:(de|en)}/products/{product_id}", product_page),
        web.get("/img/{product_id}.svg", placeholder_image),
        web.post("/{lang:(de|en)}/cart/add", cart.cart_add_form),
        web.route("*", "/{lang:(de|en)}/cart", cart.cart_page),
        web.route("*", "/{lang:(de|en)}/checkout", checkout.checkout),
        web.get("/{lang:(de|en)}/thanks", checkout.thanks),
        web.post("/api/cart", cart.cart_api),
        web.get("/static/widget.js", serve_widget),  # joined from bot/static/widget/*.js
        web.static("/static", STATIC),
    ])  # fmt: skip
