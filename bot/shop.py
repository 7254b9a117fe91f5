"""The demo shop on port 8080: home page, category listings, product pages, cart, checkout and
thank-you page, in German and English (`/de/…`, `/en/…`). It exists to show and test the chat
widget (`bot/static/widget.js`) in its real setting, so it is kept plain: products and prices
come from the published catalog version (like the action server), the cart lives in memory
under a cookie, and the checkout creates a real order through the orders backend.

Every page embeds the widget with the one-tag snippet and describes itself to the widget in a
JSON block (`#shopbot-context`: page type, product, cart, order number). All catalog and
shopper text goes through `html.escape`.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import web

from actions.facts import availability, price_text
from actions.texts import money
from catalog.build import current_folder, products_file, read_products
from catalog.models import Product, Variant
from catalog.store import Store, StoreConfig

LANGS = ("de", "en")
COOKIE = "shopbot_shop"
STATIC = Path(__file__).resolve().parent / "static"
EMAIL_RE = re.compile(r"^[^@\s<>]{1,64}@[^@\s<>]{1,190}\.[A-Za-z]{2,}$")
POSTAL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$")
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
        "err_name": "Bitte geben Sie Ihren Namen an.", "err_email": "Bitte geben Sie eine gültige E-Mail-Adresse an.",
        "err_street": "Bitte geben Sie Straße und Hausnummer an.", "err_postal_code": "Bitte geben Sie eine gültige Postleitzahl an.",
        "err_city": "Bitte geben Sie den Ort an.", "err_country": "Dorthin liefern wir leider nicht.",
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
        "err_name": "Please enter your name.", "err_email": "Please enter a valid e-mail address.",
        "err_street": "Please enter your street and number.", "err_postal_code": "Please enter a valid postal code.",
        "err_city": "Please enter your city.", "err_country": "We do not ship there, sorry.",
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

    def refresh(self) -> None:
        path = products_file(current_folder(self.folder))
        try:
            st = path.stat()
            stamp: tuple | None = (str(path), st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        if stamp != self._stamp or not self.products:
            if path.is_file():
                products = read_products(path)
                self.products = {p.id: p for p in products}
                self.by_sku = {v.sku: (p, v) for p in products for v in p.variants}
            self._stamp = stamp
        config_stamp = (self.store.folder / "store.yml").stat().st_mtime
        if config_stamp != self._config_stamp:
            self.config = Store(self.store.folder).config
            self._config_stamp = config_stamp


@dataclass
class Session:
    lines: dict[str, int] = field(default_factory=dict)  # sku -> quantity
    last_order: str | None = None


SHOP_CATALOG = web.AppKey("shop_catalog", ShopCatalog)
SHOP_SESSIONS = web.AppKey("shop_sessions", dict)  # cookie token -> Session
SHOP_ORDER_TOTALS = web.AppKey("shop_order_totals", dict)  # order number -> (total, e-mail), for the thank-you page
SHOP_ORDERS = web.AppKey("shop_orders", object)  # () -> OrdersBackend


def orders_backend(store: str, data: str):
    """The orders database (`orders/sql.py`: `DATABASE_URL` or `<data>/shopbot.db`, next to the
    catalog tables whose stock it takes)."""
    from orders.sql import SqlOrders

    return SqlOrders.open(store, data)


# ---- helpers ---------------------------------------------------------------------------------
def shop(request: web.Request) -> ShopCatalog:
    catalog: ShopCatalog = request.app[SHOP_CATALOG]
    catalog.refresh()
    return catalog


def session(request: web.Request) -> tuple[str, Session]:
    sessions: dict[str, Session] = request.app[SHOP_SESSIONS]
    token = request.cookies.get(COOKIE, "")
    if token not in sessions:
        token = secrets.token_urlsafe(18)
        sessions[token] = Session()
    return token, sessions[token]


def with_cookie(response: web.StreamResponse, token: str) -> web.StreamResponse:
    response.set_cookie(COOKIE, token, httponly=True, samesite="Lax", path="/")
    return response


def see_other(url: str, token: str) -> web.HTTPSeeOther:
    redirect = web.HTTPSeeOther(url)
    redirect.set_cookie(COOKIE, token, httponly=True, samesite="Lax", path="/")
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


def render(request: web.Request, lang: str, title: str, body: str, context: dict, token: str, status: int = 200) -> web.Response:
    """One page: header, body, the page context for the widget, the widget snippet."""
    cat = shop(request)
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


def product_tile(p: Product, lang: str) -> str:
    return (f'<li class="tile"><a href="/{lang}/products/{escape(p.id)}"><img src="{image_url(p)}" alt="" width="160" height="160">'
            f'<span class="tname">{escape(p.name(lang))}</span></a><span class="price">{escape(price_text(p, lang))}</span>'
            f'<span class="avail">{escape(availability(p, lang))}</span></li>')  # fmt: skip


def image_url(p: Product) -> str:
    return escape(p.image) if p.image and p.image.startswith(("https://", "http://", "/")) else f"/img/{escape(p.id)}.svg"


# ---- pages -----------------------------------------------------------------------------------
async def root(request: web.Request) -> web.Response:
    raise web.HTTPFound("/de/")


async def home(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), shop(request)
    token, _ = session(request)
    sections = []
    for key, category in cat.config.categories.items():
        items = [p for p in cat.products.values() if p.category == key][:4]
        if items:
            sections.append(f'<section><h2><a href="/{lang}/c/{escape(key)}">{escape(getattr(category, lang))}</a></h2>'
                            f'<ul class="grid">{"".join(product_tile(p, lang) for p in items)}</ul></section>')  # fmt: skip
    tagline = cat.config.store.tagline.get(lang) or next(iter(cat.config.store.tagline.values()))
    body = f"<h1>{escape(cat.config.store.name)}</h1><p>{escape(tagline)}</p>{''.join(sections)}"
    return render(request, lang, T[lang]["home"], body, {"page_type": "home"}, token)


async def category(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), shop(request)
    token, _ = session(request)
    key = request.match_info["category"]
    if key not in cat.config.categories:
        return render(request, lang, "404", f"<h1>{T[lang]['not_found']}</h1>", {"page_type": "other"}, token, 404)
    name = getattr(cat.config.categories[key], lang)
    items = [p for p in cat.products.values() if p.category == key]
    body = f'<h1>{escape(name)}</h1><ul class="grid">{"".join(product_tile(p, lang) for p in items)}</ul>'
    return render(request, lang, name, body, {"page_type": "category", "category": key}, token)


async def product_page(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), shop(request)
    token, _ = session(request)
    t = T[lang]
    p = cat.products.get(request.match_info["product_id"])
    if p is None:
        return render(request, lang, "404", f"<h1>{t['not_found']}</h1>", {"page_type": "other"}, token, 404)
    options = "".join(
        f'<option value="{escape(v.sku)}"{" disabled" if v.stock == 0 else ""}>{escape(variant_label(v, lang))} – {escape(money(v.price, lang))}'
        f'{" – " + t["sold_out"] if v.stock == 0 else ""}</option>' for v in p.variants)  # fmt: skip
    facts = [(t["fit"], p.text("fit_notes", lang)), (t["details"], p.text("materials", lang))]
    dl = "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in facts if v)
    body = f"""<article class="product"><img src="{image_url(p)}" alt="" width="320" height="320">
<div><h1>{escape(p.name(lang))}</h1><p class="price">{escape(price_text(p, lang))}</p><p class="avail">{escape(availability(p, lang))}</p>
<form method="post" action="/{lang}/cart/add" class="buy"><label for="variant">{t['variant']}</label>
<select id="variant" name="sku">{options}</select><label for="qty">{t['qty']}</label>
<input id="qty" name="quantity" type="number" min="1" max="{MAX_QTY}" value="1"><button type="submit">{t['add']}</button></form>
<p>{escape(p.text('description', lang))}</p><dl>{dl}</dl></div></article>"""
    context = {"page_type": "product", "product_id": p.id, "product_name": p.name(lang)}
    return render(request, lang, p.name(lang), body, context, token)


async def placeholder_image(request: web.Request) -> web.Response:
    """An SVG with the product's initials: the demo catalog has no photos."""
    cat = shop(request)
    p = cat.products.get(request.match_info["product_id"])
    if p is None:
        raise web.HTTPNotFound()
    words = [w for w in re.split(r"\s+", p.name("de")) if w][:2]
    initials = escape("".join(w[0] for w in words).upper())
    hue = sum(map(ord, p.id)) % 360
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160"><rect width="160" height="160" fill="hsl({hue},35%,85%)"/>'
           f'<text x="80" y="96" font-family="sans-serif" font-size="52" text-anchor="middle" fill="hsl({hue},45%,30%)">{initials}</text></svg>')  # fmt: skip
    return web.Response(text=svg, content_type="image/svg+xml", headers={"Cache-Control": "max-age=3600"})


def add_line(cat: ShopCatalog, sess: Session, sku: str, quantity: int) -> str | None:
    """Adds to the cart; returns an error code or None."""
    if sku not in cat.by_sku:
        return "unknown_variant"
    _, variant = cat.by_sku[sku]
    wanted = min(MAX_QTY, sess.lines.get(sku, 0) + max(1, quantity))
    if variant.stock < wanted:
        return "out_of_stock"
    sess.lines[sku] = wanted
    return None


def _int(value: object, default: int = 1) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


async def cart_add_form(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), shop(request)
    token, sess = session(request)
    form = await request.post()
    sku = str(form.get("sku", ""))
    error = add_line(cat, sess, sku, _int(form.get("quantity", 1)))
    if error:
        back = f"/{lang}/products/{cat.by_sku[sku][0].id}" if sku in cat.by_sku else f"/{lang}/"
        body = f'<p class="error" role="alert">{T[lang]["choose"] if error == "unknown_variant" else T[lang]["err_stock"]}</p><p><a href="{escape(back)}">{T[lang]["continue"]}</a></p>'
        return render(request, lang, T[lang]["cart"], body, {"page_type": "cart"}, token, 409)
    raise see_other(f"/{lang}/cart", token)


async def cart_api(request: web.Request) -> web.Response:
    """JSON: {product_id, sku?, quantity?} -> the cart. Without a SKU, a product with exactly one
    variant in stock is added; otherwise 409 with the product page to choose a variant."""
    cat = shop(request)
    token, sess = session(request)
    try:
        body = await request.json()
        assert isinstance(body, dict)
    except Exception:
        return web.json_response({"error": "expected a JSON object"}, status=400)
    lang = body.get("language") if body.get("language") in LANGS else "de"
    product = cat.products.get(str(body.get("product_id", "")))
    if product is None:
        return web.json_response({"error": "unknown product"}, status=404)
    sku = body.get("sku")
    if not sku or cat.by_sku.get(sku, (None,))[0] is not product:
        in_stock = [v for v in product.variants if v.stock > 0]
        if len(in_stock) != 1:
            return with_cookie(web.json_response({"error": T[lang]["choose"], "url": f"/{lang}/products/{product.id}"}, status=409), token)
        sku = in_stock[0].sku
    error = add_line(cat, sess, sku, _int(body.get("quantity", 1)))
    if error:
        return with_cookie(web.json_response({"error": T[lang]["err_stock"], "code": error}, status=409), token)
    cart = cart_context(cat, sess, lang)
    return with_cookie(web.json_response({"cart": cart, "count": sum(line["quantity"] for line in cart), "message": T[lang]["added"]}), token)


async def cart_page(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), shop(request)
    token, sess = session(request)
    t = T[lang]
    if request.method == "POST":
        form = await request.post()
        for sku in list(sess.lines):
            qty = _int(form.get(f"qty-{sku}", sess.lines[sku]), sess.lines[sku])
            if form.get("remove") == sku or qty <= 0:
                del sess.lines[sku]
            elif sku in cat.by_sku:
                sess.lines[sku] = min(qty, MAX_QTY, cat.by_sku[sku][1].stock) or sess.lines[sku]
        raise see_other(f"/{lang}/cart", token)
    lines = cart_lines(cat, sess)
    if not lines:
        body = f'<h1>{t["cart"]}</h1><p>{t["empty"]}</p><p><a href="/{lang}/">{t["continue"]}</a></p>'
        return render(request, lang, t["cart"], body, {"page_type": "cart"}, token)
    rows = "".join(
        f'<tr><td><a href="/{lang}/products/{escape(p.id)}">{escape(p.name(lang))}</a> ({escape(variant_label(v, lang))})</td>'
        f'<td><label class="sr" for="qty-{escape(v.sku)}">{t["qty"]}</label><input id="qty-{escape(v.sku)}" name="qty-{escape(v.sku)}" type="number" min="0" max="{MAX_QTY}" value="{q}"></td>'
        f'<td>{escape(money(v.price * q, lang))}</td><td><button name="remove" value="{escape(v.sku)}">{t["remove"]}</button></td></tr>'
        for p, v, q in lines)  # fmt: skip
    subtotal = sum(v.price * q for _, v, q in lines)
    body = (f'<h1>{t["cart"]}</h1><form method="post"><table class="cart">{rows}</table>'
            f'<p class="sum">{t["subtotal"]}: <strong>{escape(money(subtotal, lang))}</strong></p>'
            f'<button type="submit">{t["update"]}</button></form><p><a class="button" href="/{lang}/checkout">{t["checkout"]}</a></p>')  # fmt: skip
    return render(request, lang, t["cart"], body, {"page_type": "cart"}, token)


FIELDS = ("name", "email", "street", "postal_code", "city", "country", "payment")


def countries(config: StoreConfig, lang: str) -> list[tuple[str, str]]:
    out = []
    for zone in config.shipping.zones:
        zone_name = zone.name.get(lang) or next(iter(zone.name.values()))
        out.extend((c, zone_name if len(zone.countries) == 1 else f"{c} ({zone_name})") for c in zone.countries)
    return out


def checkout_form(cat: ShopCatalog, lang: str, values: dict[str, str], errors: list[str]) -> str:
    t = T[lang]
    errs = "".join(f"<li>{escape(e)}</li>" for e in errors)
    error_box = f'<div class="error" role="alert"><p>{t["fix"]}</p><ul>{errs}</ul></div>' if errors else ""

    def text(name: str, kind: str = "text", auto: str = "") -> str:
        return (f'<p><label for="{name}">{t[name]}</label><input id="{name}" name="{name}" type="{kind}" required maxlength="200" '
                f'autocomplete="{auto}" value="{escape(values.get(name, ""))}"></p>')  # fmt: skip

    country_opts = "".join(f'<option value="{c}"{" selected" if values.get("country", "DE") == c else ""}>{escape(label)}</option>' for c, label in countries(cat.config, lang))
    pay_opts = "".join(
        f'<p class="radio"><input type="radio" id="pay-{i}" name="payment" value="{i}"{" checked" if values.get("payment", "0") == str(i) else ""}>'
        f'<label for="pay-{i}">{escape(m.get(lang) or next(iter(m.values())))}</label></p>' for i, m in enumerate(cat.config.payment_methods))  # fmt: skip
    return (f'<h1>{t["checkout"]}</h1>{error_box}<form method="post" class="checkout">'
            f'{text("name", auto="name")}{text("email", "email", "email")}{text("street", auto="street-address")}'
            f'{text("postal_code", auto="postal-code")}{text("city", auto="address-level2")}'
            f'<p><label for="country">{t["country"]}</label><select id="country" name="country">{country_opts}</select></p>'
            f'<fieldset><legend>{t["payment"]}</legend>{pay_opts}</fieldset><button type="submit">{t["order"]}</button></form>')  # fmt: skip


def validate(cat: ShopCatalog, values: dict[str, str], lang: str) -> list[str]:
    t = T[lang]
    errors = []
    if not 1 <= len(values["name"]) <= 200:
        errors.append(t["err_name"])
    if not EMAIL_RE.match(values["email"]) or len(values["email"]) > 254:
        errors.append(t["err_email"])
    if not 1 <= len(values["street"]) <= 200:
        errors.append(t["err_street"])
    if not POSTAL_RE.match(values["postal_code"]):
        errors.append(t["err_postal_code"])
    if not 1 <= len(values["city"]) <= 100:
        errors.append(t["err_city"])
    if values["country"] not in {c for c, _ in countries(cat.config, lang)}:
        errors.append(t["err_country"])
    if not values["payment"].isdigit() or int(values["payment"]) >= len(cat.config.payment_methods):
        errors.append(t["err_payment"])
    return errors


async def checkout(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), shop(request)
    token, sess = session(request)
    t = T[lang]
    if not cart_lines(cat, sess):
        body = f'<h1>{t["checkout"]}</h1><p>{t["empty"]}</p><p><a href="/{lang}/">{t["continue"]}</a></p>'
        return render(request, lang, t["checkout"], body, {"page_type": "checkout"}, token)
    if request.method == "GET":
        return render(request, lang, t["checkout"], checkout_form(cat, lang, {}, []), {"page_type": "checkout"}, token)
    form = await request.post()
    values = {k: str(form.get(k, "")).strip() for k in FIELDS}
    values["email"] = values["email"].lower()
    values["country"] = values["country"].upper()
    errors = validate(cat, values, lang)
    if not errors:
        from orders.api import NewOrderLine, OrderError

        method = cat.config.payment_methods[int(values["payment"])]
        try:
            order = request.app[SHOP_ORDERS]().create_order(
                email=values["email"], name=values["name"], street=values["street"], postal_code=values["postal_code"],
                city=values["city"], country=values["country"], language=lang, payment_method=method.get("en") or method.get(lang, ""),
                lines=[NewOrderLine(product_id=p.id, sku=v.sku, quantity=q) for p, v, q in cart_lines(cat, sess)],
            )  # fmt: skip
        except OrderError as exc:
            errors.append(f"{t['err_stock']} {exc}" if exc.code in ("out_of_stock", "quantity", "unknown_variant") else t["err_backend"])
        except Exception:  # the database is down: keep everything the shopper typed
            request.app.logger.exception("checkout failed")
            errors.append(t["err_backend"])
        else:
            sess.lines.clear()
            sess.last_order = order.number
            request.app[SHOP_ORDER_TOTALS][order.number] = (order.total, order.email)
            raise see_other(f"/{lang}/thanks", token)
    return render(request, lang, t["checkout"], checkout_form(cat, lang, values, errors), {"page_type": "checkout"}, token, 422)


async def thanks(request: web.Request) -> web.Response:
    lang = lang_of(request)
    token, sess = session(request)
    t = T[lang]
    if not sess.last_order:
        return render(request, lang, t["thanks"], f"<h1>{t['no_order']}</h1>", {"page_type": "other"}, token, 404)
    number = sess.last_order
    total, email = request.app[SHOP_ORDER_TOTALS].get(number, (None, ""))
    total_line = f'<p>{t["total"]}: <strong>{escape(money(total, lang))}</strong></p>' if total is not None else ""
    body = (f'<h1>{t["thanks"]}</h1><p>{t["number"]}: <strong id="order-number">{escape(number)}</strong></p>{total_line}'
            f'<p>{t["mail"]} {escape(email)}.</p><p><a href="/{lang}/">{t["continue"]}</a></p>')  # fmt: skip
    return render(request, lang, t["thanks"], body, {"page_type": "thanks", "order_number": number}, token)


def setup_shop(app: web.Application, store: str, data: str, orders: Callable[[], Any] | None = None) -> None:
    """Mounts the shop; `orders` makes the orders backend (called once, on the first checkout)."""
    made: list = []

    def backend():
        if not made:
            made.append(orders() if orders else orders_backend(store, data))
        return made[0]

    app[SHOP_CATALOG] = ShopCatalog(store, data)
    app[SHOP_SESSIONS] = {}
    app[SHOP_ORDER_TOTALS] = {}
    app[SHOP_ORDERS] = backend
    app.add_routes([
        web.get("/", root),
        web.get("/{lang:(de|en)}/", home),
        web.get("/{lang:(de|en)}/c/{category}", category),
        web.get("/{lang:(de|en)}/products/{product_id}", product_page),
        web.get("/img/{product_id}.svg", placeholder_image),
        web.post("/{lang:(de|en)}/cart/add", cart_add_form),
        web.route("*", "/{lang:(de|en)}/cart", cart_page),
        web.route("*", "/{lang:(de|en)}/checkout", checkout),
        web.get("/{lang:(de|en)}/thanks", thanks),
        web.post("/api/cart", cart_api),
        web.static("/static", STATIC),
    ])  # fmt: skip
