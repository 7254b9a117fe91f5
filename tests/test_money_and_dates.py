"""Money, dates and times in the shopper's language and the store's currency (Babel / CLDR)."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.texts import clock, day, money


@pytest.mark.parametrize(("amount", "lang", "currency", "expected"), [
    (1234.5, "de", "EUR", "1.234,50 €"),
    (1234.5, "en", "EUR", "€1,234.50"),
    (4.9, "de", "CHF", "4,90 CHF"),
    (4.9, "en", "CHF", "CHF4.90"),
    (19.99, "de", "USD", "19,99 $"),
    (19.99, "en", "GBP", "£19.99"),
    (1000, "de", "JPY", "1.000 ¥"),  # no minor unit
    (0, "de", "EUR", "0,00 €"),
])  # fmt: skip
def test_money_in_the_store_currency(amount, lang, currency, expected):
    assert money(amount, lang, currency) == expected


def test_unknown_currency_code_is_shown_as_the_code():
    assert money(5, "en", "XYZ") == "XYZ5.00"


def test_days_and_times():
    friday = dt.date(2026, 12, 4)
    assert day(friday, "de") == "Fr., 4. Dez." and day(friday, "en") == "Fri 4 Dec"
    assert day(dt.date(2026, 3, 2), "de") == "Mo., 2. März"
    assert clock(dt.time(14, 0), "de") == "14:00" and clock(dt.time(9, 5), "en") == "09:05"
    assert "\u00a0" not in money(1234.5, "de", "EUR") + day(friday, "de")  # plain spaces in chat text


def test_card_and_price_lines_use_the_store_currency():
    from actions import facts
    from catalog.store import Store
    from tests.conftest import TEST_STORE

    config = Store(TEST_STORE).config.copy(deep=True)
    config.store.currency = "CHF"
    from catalog.importer import import_file

    product = import_file(Store(TEST_STORE).catalog_file, config.categories).products[0]
    card = facts.card(product, "de", config)
    assert card["currency"] == "CHF" and card["price_text"].endswith("CHF") and "€" not in card["price_text"]
    assert "CHF" in facts.details(product, "en", config) and "€" not in facts.details(product, "en", config)
    assert "CHF" in facts.product_line(1, product, "de", config, "")
