"""Query parsing, sizes, shipping dates, language detection and the store config."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from catalog.language import detect_language
from catalog.lexicon import find_country, normalize_color
from catalog.query import parse_query
from catalog.shipping import quote
from catalog.sizes import recommend_size, uk_us_to_eu
from catalog.store import Store, StoreConfigError, load_config
from tests.conftest import DEMO_STORE, TEST_STORE

BERLIN = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def store() -> Store:
    return Store(TEST_STORE)


def test_price_limits(store):
    q = parse_query("Ich suche wasserdichte Wanderschuhe unter 150 €", store.config.categories)
    assert q.max_price == 150 and q.min_price is None and q.category == "shoes"
    assert "150" not in q.semantic_text
    q = parse_query("a jacket between 50 and 120 euros")
    assert (q.min_price, q.max_price) == (50, 120)
    q = parse_query("headphones over 100€")
    assert q.min_price == 100 and q.max_price is None


def test_colour_size_and_country_words():
    q = parse_query("schwarze Laufschuhe in Größe 44")
    assert q.colors == ("black",) and q.size == "44"
    assert parse_query("rain jacket size M").size == "M"
    assert parse_query("Luftreiniger für 40 m²").size is None
    assert parse_query("what is a UK 9 in EU?").foreign_size == ("uk", "9")
    assert normalize_color("Dunkelblau") == "navy"
    assert find_country("Wie lange dauert der Versand nach Österreich?") == "AT"
    assert find_country("do you ship to the UK?") == "GB"
    assert find_country("can you help us?") is None


def test_language_detection():
    assert detect_language("Gibt es den in 44?") == "de"
    assert detect_language("and in black?") == "en"
    assert detect_language("Größe?") == "de"
    assert detect_language("44", default=None) is None


def test_shoe_size_conversion_and_advice(test_catalog):
    assert uk_us_to_eu("uk", "9") == "43"
    assert uk_us_to_eu("us", "10") == "43"
    assert uk_us_to_eu("uk", "30") is None
    product = test_catalog.get("trailrunner-gtx")
    assert recommend_size(product, "42") == ("42.5", "runs_small")
    parka = test_catalog.get("nordwand-parka")  # its fit is only in its description ("Runs large – order one size down")
    assert recommend_size(parka, "L") == ("M", "runs_large")


def test_delivery_window_respects_cutoff_weekend_and_holidays(store):
    # Thursday 10:00 before the 14:00 cut-off: ships Thursday, 1-2 business days -> Fri..Mon
    q = quote(store.config, "DE", dt.datetime(2026, 11, 26, 10, 0, tzinfo=BERLIN))
    assert q.ship_date == dt.date(2026, 11, 26)
    assert (q.earliest, q.latest) == (dt.date(2026, 11, 27), dt.date(2026, 11, 30))
    # Thursday 15:00, after the cut-off: ships Friday
    q = quote(store.config, "AT", dt.datetime(2026, 11, 26, 15, 0, tzinfo=BERLIN))
    assert q.ship_date == dt.date(2026, 11, 27)
    assert (q.earliest, q.latest) == (dt.date(2026, 12, 1), dt.date(2026, 12, 3))
    # Christmas Eve after cut-off: 25th is a holiday, 26/27 weekend -> ships Monday 28th
    q = quote(store.config, "DE", dt.datetime(2026, 12, 24, 16, 0, tzinfo=BERLIN))
    assert q.ship_date == dt.date(2026, 12, 28)
    assert quote(store.config, "JP") is None
    assert quote(store.config, "DE", order_value=60).cost == 0
    assert quote(store.config, "CH", order_value=600).cost == 14.90


def test_demo_store_config_is_valid():
    config = Store(DEMO_STORE).config
    for code in ("DE", "AT", "CH", "GB", "US", "FR"):
        assert config.zone_for(code), f"demo store does not ship to {code}"
    assert len(config.categories) >= 8


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("shipping:\n  cutoff_time: \"14:00\"", "shipping:\n  cutoff_time: \"late\""), "shipping.cutoff_time"),
        (("days: [1, 2]", "days: [3, 1]"), "shipping.zones.0.days"),
        (("default_language: de", "default_language: fr"), "store.default_language"),
        (("countries: [AT]", "countries: [DE]"), "DE is in zone DE and AT"),
        (("- category: vitamins", "- category: vitamine"), "category 'vitamine' is not in categories"),
    ],
)
def test_wrong_store_config_names_key_and_reason(tmp_path: Path, change, message):
    text = (TEST_STORE / "store.yml").read_text(encoding="utf-8")
    assert change[0] in text
    bad = tmp_path / "store.yml"
    bad.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(StoreConfigError) as err:
        load_config(bad)
    assert message in str(err.value)


def test_missing_store_config(tmp_path):
    with pytest.raises(StoreConfigError, match="not found"):
        Store(tmp_path)


@pytest.mark.parametrize(
    ("text", "size"),
    [("Which sizes are available?", None), ("Gibt es den in 44?", "44"), ("in size M please", "M"),
     ("Größe XL", "XL"), ("gr.S", "S"), ("Ich gehe ins Büro", None), ("is it available in size 42.5?", "42.5")],
)
def test_find_size_needs_a_size_word_before_a_letter(text, size):
    from catalog.query import find_size

    assert find_size(text) == size


@pytest.mark.parametrize("text", ["Is this jeans washable at 30 degrees?", "can I wash it at 40 degree?", "bei 30 Grad waschen?", "at 60 celsius"])
def test_a_temperature_is_no_size(text):
    from catalog.query import find_size

    assert find_size(text) is None


def test_vector_cache_embeds_each_text_once_and_keeps_the_newest(use_embedder):
    from catalog.embedder import VectorCache

    calls: list[list[str]] = []

    class Counting:
        name, dim = use_embedder.name, use_embedder.dim

        def encode(self, texts):  # noqa: ANN001, ANN202
            calls.append(list(texts))
            return use_embedder.encode(texts)

    cache = VectorCache(size=2)
    first = cache.encode(Counting(), ["Wasserdicht bis 10.000 mm.", "Runs small."])
    again = cache.encode(Counting(), ["Runs small.", "Wasserdicht bis 10.000 mm."])
    assert calls == [["Wasserdicht bis 10.000 mm.", "Runs small."]]
    assert np.allclose(first[::-1], again) and np.allclose(first, use_embedder.encode(["Wasserdicht bis 10.000 mm.", "Runs small."]), atol=1e-5)
    cache.encode(Counting(), ["Ganz neu hier."])  # evicts the least recently used: "Runs small."
    cache.encode(Counting(), ["Wasserdicht bis 10.000 mm.", "Runs small."])
    assert calls[1:] == [["Ganz neu hier."], ["Runs small."]]


def test_every_database_names_its_tables_by_the_one_prefix_rule(tmp_path, monkeypatch):
    """`catalog.db.table_prefix`: the given prefix, else `SHOPBOT_TABLE_PREFIX`, else `shopbot_`;
    the catalog, the orders and the console tables all follow it."""
    from sqlalchemy import inspect

    from bot.console.db import ConsoleDB
    from catalog.db import Database, table_prefix

    monkeypatch.delenv("SHOPBOT_TABLE_PREFIX", raising=False)
    assert table_prefix() == "shopbot_" and table_prefix("x_") == "x_"
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", "env_")
    assert table_prefix() == "env_" and table_prefix("") == ""
    url = f"sqlite:///{tmp_path / 'prefix.db'}"
    Database.connect(url)
    console = ConsoleDB.connect(url)
    names = inspect(console.engine).get_table_names()
    assert "env_products" in names and "env_console_users" in names
    assert all(n.startswith("env_") for n in names)
