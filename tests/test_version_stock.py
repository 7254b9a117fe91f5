"""A stock question taken for a product question ("Ist die 46,5 noch zu haben?") answers the state
of the version it names, not the product's overview (`actions.product_answers.version_stock`)."""

from __future__ import annotations

from actions.product_answers import version_stock
from tests.test_variants import optioned


def climbing_shoe():
    return optioned("felsschuh", ("Größe",), [("46", 4), ("46,5", 1), ("47", 0)], size_option="Größe")


def test_the_named_version_of_a_stock_question_says_its_own_state():
    assert version_stock(climbing_shoe(), "Ist die 46,5 beim Felsschuh noch zu haben?", "de", "EUR") == (
        "felsschuh in Größe 46,5: nur noch 1 Stück vorrätig, 51,00 €.")
    sold = version_stock(climbing_shoe(), "Is the 47 still available?", "en", "EUR")
    assert sold and sold.startswith("felsschuh is sold out in size 47.")
    assert version_stock(climbing_shoe(), "Ist der Schuh noch zu haben?", "de", "EUR") is None  # no version: the overview
    single = optioned("kreide", ("Größe",), [("200 g", 3)], size_option="Größe")
    assert version_stock(single, "Is the 200 g in stock?", "en", "EUR") is None  # one version: the product's own stock
