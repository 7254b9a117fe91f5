"""The demo shop (`bot/shop.py`) over HTTP: pages from the published catalog, escaping, cart,
checkout validation and the order it creates. The orders backend is a recording fake here (the
browser tests use the real one)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
import requests
from aiohttp import web

from bot.shop import setup_shop
from catalog.build import read_products
from orders.api import NewOrderLine, Order, OrderError
from tests.conftest import TEST_STORE
from tests.merchant_server import free_port

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class FakeOrders:
    def __init__(self, fail: Exception | None = None):
        self.calls: list[dict] = []
        self.fail = fail

    def create_order(self, **kwargs) -> Order:
        self.calls.append(kwargs)
        if self.fail:
            raise self.fail
        now = dt.datetime.now(dt.timezone.utc)
        fields = {k: v for k, v in kwargs.items() if k != "lines"}
        return Order(number=f"{100000 + len(self.calls)}", status="paid", created_at=now, updated_at=now, shipped_at=None,
                     delivered_at=None, carrier=None, tracking_number=None, tracking_url=None, shipping_cost=4.9, **fields)  # fmt: skip


class Server:
    def __init__(self, store: Path, data: Path, orders: FakeOrders):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        app = web.Application()
        setup_shop(app, str(store), str(data), orders=lambda: orders)
        self.runner = web.AppRunner(app)
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

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(30)


@pytest.fixture
def site(tmp_path):
    """The test store with one product renamed to an XSS payload, published in the old layout."""
    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    lines = (store / "catalog.jsonl").read_text(encoding="utf-8").splitlines()
    hostile = json.loads(lines[-1])
    hostile["title"] = {"de": XSS, "en": XSS}
    lines[-1] = json.dumps(hostile, ensure_ascii=False)
    folder = tmp_path / "data" / "store"
    folder.mkdir(parents=True)
    (folder / "products.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    orders = FakeOrders()
    server = Server(store, tmp_path / "data", orders)
    server.orders, server.folder, server.hostile = orders, folder, hostile["id"]
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
    assert requests.get(site.url + "/static/widget.js", timeout=10).status_code == 200
    assert requests.get(site.url + "/fr/", timeout=10).status_code == 404


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


def test_catalog_text_is_escaped(site):
    for path in (f"/de/products/{site.hostile}", "/de/"):
        page = requests.get(site.url + path, timeout=10).text
        assert "<script>alert" not in page and "<img src=x" not in page
    page = requests.get(site.url + f"/de/products/{site.hostile}", timeout=10).text
    assert "&lt;script&gt;alert" in page
    assert context_of(page)["product_name"] == XSS  # intact as data, inert as markup


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
    assert 'value="Weg 1"' in r.text and "&lt;script&gt;" in r.text and not site.orders.calls
    good = dict(bad, name="Anna Muster", email="Anna@Example.org", country="AT", payment="1")
    r = s.post(site.url + "/de/checkout", data=good, timeout=10)
    assert r.url.endswith("/de/thanks") and "100001" in r.text
    ctx = context_of(r.text)
    assert ctx["page_type"] == "thanks" and ctx["order_number"] == "100001" and ctx["cart"] == []
    call = site.orders.calls[0]
    assert call["email"] == "anna@example.org" and call["country"] == "AT" and call["language"] == "de"
    assert call["lines"] == [NewOrderLine(product_id=product.id, sku=sku, quantity=2)]
    assert call["payment_method"].startswith("Credit card") or call["payment_method"]
    # another session sees no order
    assert requests.get(site.url + "/de/thanks", timeout=10).status_code == 404


def test_checkout_keeps_the_form_when_the_backend_refuses(site):
    s = requests.Session()
    product = products(site)["trailrunner-gtx"]
    sku = next(v.sku for v in product.variants if v.stock > 0)
    s.post(site.url + "/api/cart", json={"product_id": product.id, "sku": sku}, timeout=10)
    site.orders.fail = OrderError("out_of_stock", sku)
    form = {"name": "Bo", "email": "bo@example.org", "street": "Weg 2", "postal_code": "8010", "city": "Graz", "country": "AT", "payment": "0"}
    r = s.post(site.url + "/en/checkout", data=form, timeout=10)
    assert r.status_code == 422 and "no longer in stock" in r.text and 'value="Graz"' in r.text
    site.orders.fail = RuntimeError("database down")
    r = s.post(site.url + "/en/checkout", data=form, timeout=10)
    assert r.status_code == 422 and "could not be placed" in r.text
    assert product.name("en") in s.get(site.url + "/en/cart", timeout=10).text  # the cart is still there


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
