"""Store rules on orders without a database: delivery windows from zones, cut-off and business
days; the return window at the store's midnight; refunds with a return fee; input formats."""

from __future__ import annotations

import datetime as dt

import pytest

from catalog.store import Store
from orders.api import Order, OrderItem
from orders.policy import delivery_window, item_eligibility, refund_amount, tracking_url
from orders.validation import (
    InvalidFields,
    InvalidInput,
    clean_address,
    clean_email,
    clean_line,
    clean_order_number,
    clean_postal_code,
    postal_key,
)
from tests.test_orders import DEMO

UTC = dt.timezone.utc
CONFIG = Store(DEMO).config
ITEM = OrderItem(1, "wolkenbruch-3l", "WB3-M-RED", "Wolkenbruch 3L", "clothing", "M", "red", 2, 229.95)


def order(status: str, created: dt.datetime, shipped: dt.datetime | None = None, delivered: dt.datetime | None = None,
          country: str = "DE", items: tuple = (ITEM,)) -> Order:  # fmt: skip
    return Order("100001", "a@example.org", "A", "Weg 1", "10115", "Berlin", country, "de", status, created, created,
                 shipped, delivered, "DHL", None, None, 0.0, "PayPal", items)  # fmt: skip


WED = dt.datetime(2026, 6, 10, 10, 0, tzinfo=UTC)  # 12:00 in Berlin, before the 14:00 cut-off


@pytest.mark.parametrize("status, created, shipped, country, now, expected", [
    ("shipped", WED, WED, "DE", WED, ("2026-06-11", "2026-06-12", True)),
    ("shipped", WED, WED + dt.timedelta(days=2), "DE", WED + dt.timedelta(days=2), ("2026-06-15", "2026-06-16", True)),  # Fri -> Mon/Tue
    ("shipped", WED, WED, "AT", WED, ("2026-06-12", "2026-06-16", True)),
    ("paid", WED, None, "DE", WED, ("2026-06-11", "2026-06-12", False)),  # ships today
    ("paid", WED, None, "DE", WED + dt.timedelta(hours=3), ("2026-06-12", "2026-06-15", False)),  # after the cut-off
    ("received", WED, None, "CH", WED, ("2026-06-15", "2026-06-18", False)),
    ("shipped", WED, WED, "DE", WED + dt.timedelta(days=9), ("2026-06-19", "2026-06-19", True)),  # late: "any day now"
    ("out_for_delivery", WED, WED, "DE", WED + dt.timedelta(days=1), ("2026-06-11", "2026-06-11", True)),
])  # fmt: skip
def test_delivery_window(status, created, shipped, country, now, expected):
    window = delivery_window(order(status, created, shipped, country=country), CONFIG, now)
    assert (window.earliest.isoformat(), window.latest.isoformat(), window.shipped) == expected


def test_no_window_when_there_is_nothing_to_expect():
    assert delivery_window(order("delivered", WED, WED, WED), CONFIG, WED) is None
    assert delivery_window(order("cancelled", WED), CONFIG, WED) is None
    assert delivery_window(order("paid", WED, country="JP"), CONFIG, WED) is None


def test_return_window_ends_at_midnight_in_the_store_timezone():
    delivered = dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    o = order("delivered", WED, delivered, delivered)
    last_evening = dt.datetime(2026, 7, 1, 21, 30, tzinfo=UTC)  # 23:30 in Berlin on day 30
    assert item_eligibility(o, ITEM, [], CONFIG, last_evening).quantity == 2
    verdict = item_eligibility(o, ITEM, [], CONFIG, last_evening + dt.timedelta(hours=1))  # 00:30 on day 31
    assert (verdict.code, verdict.deadline) == ("window_closed", dt.date(2026, 7, 1))


def test_exclusions_by_category_and_tag():
    delivered = dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    vitamins = OrderItem(2, "vitamin-d3-1000", "VD1000", "Vitamin D3", "vitamins", None, None, 1, 12.95)
    food = OrderItem(3, "hundefutter-lamm-reis", "HLR-2KG", "Hundefutter", "pet", "2 kg", None, 1, 14.95)
    o = order("delivered", WED, delivered, delivered, items=(ITEM, vitamins, food))
    assert item_eligibility(o, vitamins, [], CONFIG, WED).code == "excluded"
    assert item_eligibility(o, food, ["dog-food"], CONFIG, WED).reason["de"].startswith("Geöffnetes Tierfutter")
    assert item_eligibility(o, food, [], CONFIG, WED).ok  # the tag decides, not the category


def test_refund_less_the_return_fee():
    paid_returns = CONFIG.copy(update={"returns": CONFIG.returns.copy(update={"cost": 4.9})})
    o = order("delivered", WED, WED, WED)
    assert refund_amount(o, {1: 2}, CONFIG) == 459.9
    assert refund_amount(o, {1: 1}, paid_returns) == 225.05


def test_tracking_url_from_the_store_config():
    assert tracking_url(CONFIG, "DHL Express", "1234567890").endswith("tracking-id=1234567890")
    assert tracking_url(CONFIG, "Hermes", "1234567890") is None
    assert tracking_url(CONFIG, "DHL", None) is None


def test_input_formats():
    assert clean_order_number(" #100 234 ") == "100234"
    assert clean_email(" Anna@Example.ORG") == "anna@example.org"
    assert clean_postal_code(" sw1a  1aa ") == "SW1A 1AA" and postal_key("sw1a1aa") == "SW1A1AA"
    for bad in ("", "10023", "1002345", "100234x", "１００２３４"):
        with pytest.raises(InvalidInput):
            clean_order_number(bad)
    for bad in ("", "anna", "anna@", "@example.org", "anna@example", "anna example@x.de", "a@b.c" + "o" * 300):
        with pytest.raises(InvalidInput):
            clean_email(bad)
    for bad in ("", "1", "ABCDE", "10115-", "10115123456", "10 11 5 1 2 3"):
        with pytest.raises(InvalidInput):
            clean_postal_code(bad)


def test_address_of_a_new_order_names_every_bad_field():
    """The checks the shop's form and the orders backend share (orders/validation.py)."""
    good = {"email": " Bo@Example.org", "name": " Bo Berg ", "street": "Weg 2", "postal_code": "8010 ", "city": "Graz"}
    assert clean_address(**good) == {"email": "bo@example.org", "name": "Bo Berg", "street": "Weg 2",
                                     "postal_code": "8010", "city": "Graz"}  # fmt: skip
    with pytest.raises(InvalidFields) as err:
        clean_address(**dict(good, email="bo@exa_mple.org", postal_code="ABC", city=" ", name="x" * 201))
    assert [e.field for e in err.value.errors] == ["email", "name", "postal_code", "city"]
    assert err.value.field == "email" and isinstance(err.value, InvalidInput)
    for bad in ("", "  ", "Weg\n2", "Weg\x002", "x" * 201, None):
        with pytest.raises(InvalidInput) as one:
            clean_line("street", bad, 200)
        assert one.value.field == "street"
    assert clean_line("street", "Straße 1 ½", 200) == "Straße 1 ½"
