"""The demo shop (`bot/shop.py`, `bot/cart.py`, `bot/checkout.py`) over HTTP: pages from the
published catalog, escaping, cart, checkout validation and the order it creates in the real
orders backend (SQLite in the test's data folder), sessions made only when something is stored,
and a checkout that does not stall the event loop."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
import requests
from aiohttp import web
from sqlalchemy import text

from bot.shop import SHOP_ORDERS, SHOP_SESSIONS, setup_shop
from bot.shop_sessions import SessionStore
from catalog.build import read_products
from catalog.db import open_database
from catalog.repository import CatalogRepository
from orders.api import NewOrderLine
from tests.conftest import ROOT, TEST_STORE
from tests.merchant_server import free_port

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class TinyEmbedder:
    """The catalog table needs a vector per product; the shop never searches."""

    name = "tiny"
    dim = 4

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.tile(np.array([1, 0, 0, 0], dtype=np.float32), (len(texts), 1))


class Server:
    def __init__(self, store: Path, data: Path, sessions: SessionStore | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.app = web.Application()
        setup_shop(self.app, str(store), str(data), sessions=sessions)  # the real orders backend
        self.runner = web.AppRunner(self.app)
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            self.loop.run_until_complete(self.runner.setup())
            self.loop.run_until_complete(web.TCPSite(self.runner, "127.0.0.1", self.port).start())
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert ready.wait(30)

    @property
    def orders(self):  # noqa: ANN201
        return self.app[SHOP_ORDERS]()

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(30)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """The test store with one product renamed to an XSS payload, published in the old layout and
    in the catalog tables of `<data>/shopbot.db`, where the orders backend takes its stock."""
    from catalog.models import Product

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    lines = (store / "catalog.jsonl").read_text(encoding="utf-8").splitlines()
    hostile = json.loads(lines[-1])
    hostile["title"] = {"de": XSS, "en": XSS}
    lines[-1] = json.dumps(hostile, ensure_ascii=False)
    folder = tmp_path / "data" / "store"
    folder.mkdir(parents=True)
    (folder / "products.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = open_database(tmp_path / "data")
    CatalogRepository(db, "store").replace_all([Product.parse_raw(line) for line in lines if line.strip()], TinyEmbedder())
    server = Server(store, tmp_path / "data")
    server.folder, server.hostile, server.db, server.store = folder, hostile["id"], db, store
    yield server
    server.close()


def context_of(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="shopbot-context">(.*?)</script>', html, re.S)
    assert block, "page context missing"
    return json.loads(block.group(1))


def products(site) -> dict:
    return {p.id: p for p in read_products(site.folder / "products.jsonl")}


def test_root_redirects_and_pages_embed_the_widget(site):
    response = requests.get(site.url + "/", timeout=10)
    assert response.url.endswith("/de/")
    for path in ("/de/", "/en/", "/en/c/shoes"):
        page = requests.get(site.url + path, timeout=10)
        assert page.status_code == 200
        assert re.search(r'<script src="/static/widget.js" data-bot-url="[^"]+" data-lang="(de|en)" async></script>', page.text)
        assert context_of(page.text)["language"] == path[1:3]
    assert requests.get(site.url + "/fr/", timeout=10).status_code == 404


def test_the_widget_is_served_as_one_script_joined_from_its_parts(site, tmp_path):
    widget = requests.get(site.url + "/static/widget.js", timeout=10)
    assert widget.status_code == 200 and widget.headers["Content-Type"].startswith("text/javascript")
    script = widget.text
    assert script.startswith("/* shopbot storefront widget. Embed with one tag:")
    assert script.split("\n", 12)[11] == "(function () {" and script.rstrip().endswith("})();")
    for part in sorted((ROOT / "bot" / "static" / "widget").glob("*.js")):
        first_function = next(line.strip() for line in part.read_text().splitlines() if line.startswith("function "))
        assert first_function in script, part.name
    cached = requests.get(site.url + "/static/widget.js", headers={"If-None-Match": widget.headers["ETag"]}, timeout=10)
    assert cached.status_code == 304
    node = shutil.which("node")
    if node:  # the joined parts are one valid script
        (tmp_path / "widget.js").write_text(script)
        assert subprocess.run([node, "--check", str(tmp_path / "widget.js")], capture_output=True).returncode == 0


def test_product_page_shows_live_catalog_facts(site):
    product = products(site)["trailrunner-gtx"]
    page = requests.get(site.url + "/de/products/trailrunner-gtx", timeout=10).text
    assert product.name("de") in page
    for v in product.variants:
        assert v.sku in page
    ctx = context_of(page)
    assert ctx["page_type"] == "product" and ctx["product_id"] == "trailrunner-gtx" and ctx["product_name"] == product.name("de")
    # a new price in the published file shows without a restart
    lines = (site.folder / "products.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert first["id"] == "trailrunner-gtx"
    for v in first["variants"]:
        v["price"] = 111.11
    lines[0] = json.dumps(first, ensure_ascii=False)
    (site.folder / "products.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "111,11" in requests.get(site.url + "/de/products/trailrunner-gtx", timeout=10).text
    assert requests.get(site.url + "/de/products/nope", timeout=10).status_code == 404


def test_a_delta_version_shows_its_base_products_too(site):
    """A merchant's change of one product publishes a delta version (the changed products and
    the base they lie over): the shop shows every product, the changed one as changed, and not
    the one removed."""
    lines = [line for line in (site.folder / "products.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    (site.folder / "versions" / "v1").mkdir(parents=True)
    (site.folder / "versions" / "v1" / "products.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed, removed = json.loads(lines[0]), json.loads(lines[1])["id"]
    for v in changed["variants"]:
        v["price"] = 222.22
    (site.folder / "versions" / "v2").mkdir()
    (site.folder / "versions" / "v2" / "products.jsonl").write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    (site.folder / "versions" / "v2" / "delta.json").write_text(json.dumps({"dir": "versions/v1", "removed": [removed]}), encoding="utf-8")
    (site.folder / "CURRENT").write_text(json.dumps({"version": 2, "dir": "versions/v2"}), encoding="utf-8")
    unchanged = json.loads(lines[2])["id"]
    assert requests.get(site.url + f"/de/products/{unchanged}", timeout=10).status_code == 200
    assert "222,22" in requests.get(site.url + f"/de/products/{changed['id']}", timeout=10).text
    assert requests.get(site.url + f"/de/products/{removed}", timeout=10).status_code == 404


def test_catalog_text_is_escaped(site):
    for path in (f"/de/products/{site.hostile}", "/de/"):
        page = requests.get(site.url + path, timeout=10).text
        assert "<script>alert" not in page and "<img src=x" not in page
    page = requests.get(site.url + f"/de/products/{site.hostile}", timeout=10).text
    assert "&lt;script&gt;alert" in page
    assert context_of(page)["product_name"] == XSS  # intact as data, inert as markup


FORM = {"name": "Bo Berg", "email": "bo@example.org", "street": "Weg 2", "postal_code": "8010", "city": "Graz",
        "country": "AT", "payment": "0"}  # fmt: skip


def in_cart(site, product_id: str = "trailrunner-gtx") -> tuple[requests.Session, str]:
    s = requests.Session()
    sku = next(v.sku for v in products(site)[product_id].variants if v.stock > 0)
    assert s.post(site.url + "/api/cart", json={"product_id": product_id, "sku": sku}, timeout=10).status_code == 200
    return s, sku


def test_cart_and_checkout_create_an_order(site):
    s = requests.Session()
    product = products(site)["trailrunner-gtx"]
    sku = next(v.sku for v in product.variants if v.stock > 0)
    sold_out = next((v.sku for v in product.variants if v.stock == 0), None)
    # the widget's hook: no SKU for a product with several variants -> choose on the product page
    r = s.post(site.url + "/api/cart", json={"product_id": product.id, "language": "en"}, timeout=10)
    assert r.status_code == 409 and r.json()["url"] == f"/en/products/{product.id}"
    r = s.post(site.url + "/api/cart", json={"product_id": product.id, "sku": sku}, timeout=10)
    assert r.status_code == 200 and r.json()["count"] == 1
    if sold_out:
        assert s.post(site.url + "/api/cart", json={"product_id": product.id, "sku": sold_out}, timeout=10).status_code == 409
    assert s.post(site.url + "/api/cart", data="nope", timeout=10).status_code == 400
    r = s.post(site.url + "/de/cart/add", data={"sku": sku, "quantity": "1"}, timeout=10)
    assert r.url.endswith("/de/cart") and product.name("de") in r.text
    assert context_of(r.text)["cart"] == [{"product_id": product.id, "sku": sku, "name": product.name("de"),
                                           "size": next(v.size for v in product.variants if v.sku == sku),
                                           "color": next(v.color for v in product.variants if v.sku == sku), "quantity": 2}]  # fmt: skip
    # bad input: every field is kept, nothing ordered
    bad = {"name": XSS, "email": "not-an-email", "street": "Weg 1", "postal_code": "10115", "city": "Berlin", "country": "DE", "payment": "0"}
    r = s.post(site.url + "/de/checkout", data=bad, timeout=10)
    assert r.status_code == 422 and "gültige E-Mail-Adresse" in r.text and "<script>alert" not in r.text
    assert 'value="Weg 1"' in r.text and "&lt;script&gt;" in r.text and site.orders.count() == 0
    good = dict(bad, name="Anna Muster", email="Anna@Example.org", country="AT", payment="1")
    r = s.post(site.url + "/de/checkout", data=good, timeout=10)
    assert r.url.endswith("/de/thanks")
    number = re.search(r'<strong id="order-number">(\d{6})</strong>', r.text).group(1)
    ctx = context_of(r.text)
    assert ctx["page_type"] == "thanks" and ctx["order_number"] == number and ctx["cart"] == []
    order = site.orders.get(number)  # in the database, as typed and normalised
    assert order.email == "anna@example.org" and order.country == "AT" and order.language == "de"
    assert order.name == "Anna Muster" and order.postal_code == "10115" and order.city == "Berlin"
    assert [(i.product_id, i.sku, i.quantity) for i in order.items] == [(product.id, sku, 2)]
    payment = site.app[SHOP_ORDERS]().config.payment_methods[1]
    assert order.payment_method == payment["en"]
    assert f"{order.total:.2f}".replace(".", ",") in r.text and "anna@example.org" in r.text
    # another session sees no order
    assert requests.get(site.url + "/de/thanks", timeout=10).status_code == 404


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("postal_code", "ABC", "A postal code has 3 to 10 letters and digits"),  # no digit: the backend refuses it
    ("postal_code", "1", "A postal code has 3 to 10 letters and digits"),
    ("email", "bo@exa_mple.org", "valid e-mail address"),  # "_" in the domain: not an address
    ("email", "bo@example", "valid e-mail address"),
    ("city", "Graz\x07", "your city"),
    ("name", "x" * 201, "your name"),
])  # fmt: skip
def test_the_form_accepts_what_the_backend_accepts(site, field, value, reason):
    """A field the orders backend would refuse is named with its reason next to it; what was
    typed stays in the form; nothing is ordered."""
    s, _ = in_cart(site)
    r = s.post(site.url + "/en/checkout", data=dict(FORM, **{field: value}), timeout=10)
    assert r.status_code == 422 and reason in r.text and "could not be placed" not in r.text
    assert re.search(rf'<input id="{field}" [^>]*aria-invalid="true" aria-describedby="{field}-error"', r.text)
    assert re.search(rf'<span class="field-error" id="{field}-error">[^<]*{reason}', r.text)
    assert f'<a href="#{field}">' in r.text  # the summary links to the field
    kept = {k: v for k, v in FORM.items() if k not in (field, "country", "payment")}
    assert all(f'value="{v}"' in r.text for v in kept.values())
    assert site.orders.count() == 0
    r = s.post(site.url + "/en/checkout", data=FORM, timeout=10)  # corrected: ordered
    assert r.url.endswith("/en/thanks") and site.orders.count() == 1


def test_checkout_keeps_the_form_when_the_backend_refuses(site):
    s, sku = in_cart(site)
    stock = site.orders.available_stock(sku)
    address = {k: v for k, v in FORM.items() if k != "payment"}
    site.orders.create_order(**dict(address, email="eve@example.org"), language="en", payment_method="PayPal",
                             lines=[NewOrderLine("trailrunner-gtx", sku, stock)])  # someone else took the last ones
    r = s.post(site.url + "/en/checkout", data=FORM, timeout=10)
    assert r.status_code == 422 and "no longer in stock" in r.text and 'value="Graz"' in r.text
    with site.db.engine.begin() as conn:  # the database breaks
        conn.execute(text(f"DROP TABLE {site.orders.t.orders.name}"))
    r = s.post(site.url + "/en/checkout", data=FORM, timeout=10)
    assert r.status_code == 422 and "could not be placed" in r.text and 'value="bo@example.org"' in r.text
    assert "trailrunner" in s.get(site.url + "/en/cart", timeout=10).text.lower()  # the cart is still there


def test_checkout_does_not_stall_other_requests(site):
    """While one order is being written (held just before its commit), other shoppers' pages load."""
    s, _ = in_cart(site)
    backend = site.orders
    entered, release = threading.Event(), threading.Event()

    def hold(stage: str) -> None:
        entered.set()
        release.wait(10)

    backend.checkpoint = hold
    result: dict = {}
    order = threading.Thread(target=lambda: result.update(r=s.post(site.url + "/en/checkout", data=FORM, timeout=30)))
    order.start()
    try:
        assert entered.wait(10)
        started = time.monotonic()
        assert requests.get(site.url + "/en/products/trailrunner-gtx", timeout=5).status_code == 200
        assert time.monotonic() - started < 2
    finally:
        release.set()
        order.join(30)
        backend.checkpoint = lambda stage: None
    assert result["r"].url.endswith("/en/thanks")


def test_page_views_make_no_sessions(site):
    sessions = site.app[SHOP_SESSIONS]
    for path in ("/de/", "/en/", "/de/products/trailrunner-gtx", "/de/cart", "/de/checkout", "/de/thanks"):
        r = requests.get(site.url + path, timeout=10)
        assert "shopbot_shop" not in r.cookies, path
    assert len(sessions) == 0
    s, _ = in_cart(site)
    assert len(sessions) == 1 and s.cookies.get("shopbot_shop")
    s.get(site.url + "/de/cart", timeout=10)
    assert len(sessions) == 1  # the cookie finds it again
    assert requests.get(site.url + "/de/", cookies={"shopbot_shop": "forged"}, timeout=10).status_code == 200
    assert len(sessions) == 1


def test_prices_in_the_store_currency_and_the_page_language(site):
    """`store.yml` `currency` decides the money format on every page (re-read without a restart)."""
    product = products(site)["trailrunner-gtx"]
    low = product.min_price
    german = requests.get(site.url + "/de/products/trailrunner-gtx", timeout=10).text
    assert f"{low:.2f}".replace(".", ",") + " €" in german
    config = (site.store / "store.yml").read_text(encoding="utf-8")
    (site.store / "store.yml").write_text(config.replace("currency: EUR", "currency: CHF"), encoding="utf-8")
    german = requests.get(site.url + "/de/products/trailrunner-gtx", timeout=10).text
    english = requests.get(site.url + "/en/products/trailrunner-gtx", timeout=10).text
    assert f"{low:.2f}".replace(".", ",") + " CHF" in german and "€" not in german
    assert f"CHF{low:,.2f}" in english and "€" not in english
    s, _ = in_cart(site)
    assert "CHF" in s.get(site.url + "/en/cart", timeout=10).text


def test_sessions_expire_when_idle_and_are_bounded():
    now = [0.0]
    store = SessionStore(idle_seconds=60, max_sessions=3, clock=lambda: now[0])
    a, sa = store.create()
    sa.lines["X"] = 1
    now[0] = 30
    assert store.get(a) is sa  # used: idle time starts again
    b, _ = store.create()
    c, _ = store.create()
    now[0] = 80
    assert store.get(a) is sa  # 50 s idle
    d, _ = store.create()  # full: the least recently used (b) makes room
    assert len(store) == 3 and store.get(b) is None and store.get(c) is not None
    now[0] = 80 + 61
    assert store.get(a) is None and store.get(d) is None and len(store) == 0
    assert store.get(None) is None and store.get("") is None


def test_socketio_output_sends_custom_payloads_as_custom():
    from bot.channels import ShopSocketIOOutput

    sent: list[tuple] = []

    class Sio:
        async def emit(self, event, data=None, room=None, **kwargs):
            sent.append((event, data, room))

    output = ShopSocketIOOutput(Sio(), "bot_uttered")
    payload = {"type": "products", "products": [{"id": "a"}]}
    asyncio.run(output.send_response("sess-1", {"text": "Hi", "custom": payload}))
    assert sent == [("bot_uttered", {"text": "Hi"}, "sess-1"), ("bot_uttered", {"custom": payload}, "sess-1")]
