"""The merchant's order routes over HTTP on SQLite and PostgreSQL: token, look-up, the life of
an order (packed -> shipped with tracking -> delivered) and refusals that name the field."""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from catalog.db import open_database
from catalog.importer import import_file
from catalog.store import Store
from catalog.tokens import create_token
from orders.demo import seed
from orders.sql import SqlOrders
from tests.conftest import use_database
from tests.merchant_server import ServerThread
from tests.test_orders import DEMO


@pytest.fixture(params=["sqlite", "postgres"])
def shop(request, tmp_path, monkeypatch):
    use_database(request.param, monkeypatch)
    data = tmp_path / "data"
    store = Store(DEMO)
    backend = SqlOrders.open(DEMO, data)
    seed(backend, import_file(store.catalog_file, store.config.categories).products, dt.datetime.now(dt.timezone.utc))
    _, token = create_token(open_database(data), "tests")
    with ServerThread(str(DEMO), str(data)) as server:
        server.headers = {"Authorization": f"Bearer {token}"}
        server.backend = backend
        yield server
    backend.drop()
    open_database(data).drop()


def test_order_routes_need_the_token(shop):
    assert requests.get(f"{shop.url}/merchant/v1/orders/100234", timeout=10).status_code == 401
    r = requests.patch(f"{shop.url}/merchant/v1/orders/100236", json={"status": "packed"}, headers={"Authorization": "Bearer nope"}, timeout=10)
    assert r.status_code == 401
    assert shop.backend.get("100236").status == "paid"


def test_look_up_orders(shop):
    r = requests.get(f"{shop.url}/merchant/v1/orders/100245", headers=shop.headers, timeout=10)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "delivered" and body["returns"][0]["rma"] == "RMA-100245-1"
    assert body["items"][0]["returnable_quantity"] == 0
    for number in ("999999", "12", "1' OR '1'='1"):
        assert requests.get(f"{shop.url}/merchant/v1/orders/{number}", headers=shop.headers, timeout=10).status_code == 404
    r = requests.get(f"{shop.url}/merchant/v1/orders", params={"email": "ANNA@example.org"}, headers=shop.headers, timeout=10)
    assert [o["number"] for o in r.json()["orders"]] == ["100236", "100234", "100235"]
    r = requests.get(f"{shop.url}/merchant/v1/orders", params={"email": "<script>"}, headers=shop.headers, timeout=10)
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "email"


def test_walk_an_order_through_its_life(shop):
    url = f"{shop.url}/merchant/v1/orders/100236"
    assert requests.patch(url, json={"status": "packed"}, headers=shop.headers, timeout=10).json()["status"] == "packed"
    r = requests.patch(url, json={"status": "shipped", "tracking_number": "00340434000000000001"}, headers=shop.headers, timeout=10)
    assert r.status_code == 200
    body = r.json()
    assert body["carrier"] == "DHL" and body["tracking_url"].endswith("piececode=00340434000000000001")
    assert shop.backend.get("100236").status == "shipped"  # what the bot reads
    assert requests.patch(url, json={"status": "delivered"}, headers=shop.headers, timeout=10).json()["delivered_at"]
    assert shop.backend.get("100236").delivered_at is not None


@pytest.mark.parametrize("body, status, field", [
    ({"status": "lost"}, 422, "status"),
    ({"status": "shipped", "tracking_number": "<script>x</script>"}, 422, "tracking_number"),
    ({"status": "shipped", "colour": "red"}, 422, "colour"),
    ({}, 422, "status"),
    ({"status": "shipped", "carrier": "DHL\x00"}, 422, "carrier"),
    ({"status": "received"}, 422, None),  # backwards
    ({"status": "cancelled"}, 409, None),  # 100234 has shipped
])  # fmt: skip
def test_refused_changes_name_the_problem(shop, body, status, field):
    r = requests.patch(f"{shop.url}/merchant/v1/orders/100234", json=body, headers=shop.headers, timeout=10)
    assert r.status_code == status, r.text
    if field:
        assert field in [f["field"] for f in r.json()["fields"]]
    assert shop.backend.get("100234").status == "shipped"


def test_malformed_bodies(shop):
    url = f"{shop.url}/merchant/v1/orders/100234"
    assert requests.patch(url, data=b"{not json", headers=shop.headers, timeout=10).status_code == 400
    assert requests.patch(url, json=["shipped"], headers=shop.headers, timeout=10).status_code == 422
    assert requests.patch(f"{shop.url}/merchant/v1/orders/abc", json={"status": "paid"}, headers=shop.headers, timeout=10).status_code == 404
