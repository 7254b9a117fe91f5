"""The demo shop's sessions in Redis (`SHOPBOT_REDIS_URL`): two web apps (two cluster replicas)
serve one shopper's cart and checkout; Redis down answers 503 and loses nothing."""

from __future__ import annotations

import re
import uuid

import pytest

from bot.shop import SHOP_SESSIONS
from tests.conftest import service_missing
from tests.test_shop import Server, in_cart, products, site  # noqa: F401 - the fixture

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_env(monkeypatch):
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError:
        service_missing("Redis not reachable at 127.0.0.1:6379")
    prefix = f"test{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("SHOPBOT_REDIS_URL", REDIS_URL)
    monkeypatch.setenv("SHOPBOT_REDIS_PREFIX", prefix)
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def two_shops(redis_env, site, tmp_path):  # noqa: F811
    other = Server(site.store, tmp_path / "data")  # another web replica on the same store and database
    yield site, other
    other.close()


def test_a_cart_made_on_one_replica_is_served_by_the_other(two_shops, redis_env):
    one, two = two_shops
    s, sku = in_cart(one)
    name = products(one)["trailrunner-gtx"].name("de")
    cart = s.get(two.url + "/de/cart", timeout=10)
    assert name in cart.text and 'value="1"' in cart.text
    s.post(two.url + "/de/cart", data={f"qty-{sku}": "2"}, timeout=10)
    assert 'value="2"' in s.get(one.url + "/de/cart", timeout=10).text
    address = {"name": "Anna Muster", "email": "anna@example.org", "street": "Weg 1", "postal_code": "10115",
               "city": "Berlin", "country": "DE", "payment": "0"}  # fmt: skip
    r = s.post(two.url + "/de/checkout", data=address, timeout=10)
    number = re.search(r'<strong id="order-number">(\d{6})</strong>', r.text).group(1)
    thanks = s.get(one.url + "/de/thanks", timeout=10)
    assert thanks.status_code == 200 and number in thanks.text
    assert name not in s.get(one.url + "/de/cart", timeout=10).text  # emptied for both
    assert [(i.sku, i.quantity) for i in one.orders.get(number).items] == [(sku, 2)]


def test_redis_down_answers_503_and_the_cart_survives(two_shops, redis_env):
    import redis

    one, two = two_shops
    s, sku = in_cart(one)
    sessions = two.app[SHOP_SESSIONS]
    working = sessions.redis
    sessions.redis = redis.Redis(port=1, socket_connect_timeout=0.5)  # Redis unreachable for this replica
    try:
        r = s.post(two.url + "/api/cart", json={"product_id": "trailrunner-gtx", "sku": sku}, timeout=10)
        assert r.status_code == 503 and r.headers["Retry-After"] and "try again" in r.json()["error"]
        page = s.get(two.url + "/de/cart", timeout=10)
        assert page.status_code == 503 and "einigen Sekunden" in page.text
    finally:
        sessions.redis = working
    assert 'value="1"' in s.get(two.url + "/de/cart", timeout=10).text  # the cart as it was, cookie unchanged
