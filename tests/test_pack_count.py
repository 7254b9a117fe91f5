"""A pack named by its count ("im Fünferpack", "a pack of ten") answers how many are in it
(`catalog.fact_kinds`, the count's sentences)."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("pack-count-data"), use_embedder):
        yield


SOCKS = _product(
    "socks",
    "Arbeitssocken Baumwolle",
    "<p>Robuste Arbeitssocken aus 80 % Baumwolle, verstärkte Ferse.</p><p>Im Fünferpack (sortierte Farben).</p>",
)
CLOTHS = _product(
    "cloths",
    "Microfibre Cleaning Cloths",
    "<p>Lint-free microfibre cloths, 40 x 40 cm.</p><p>Sold as a pack of ten.</p>",
    "en",
)


def test_a_pack_named_by_its_count_answers_how_many(served):
    lines, known = answer_lines(SOCKS, "Wie viele Socken sind in einer Packung?", "de")
    assert known and "Fünferpack" in lines[0]
    lines, known = answer_lines(CLOTHS, "How many cloths are in one pack?", "en")
    assert known and "pack of ten" in lines[0]
