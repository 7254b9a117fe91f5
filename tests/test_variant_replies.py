"""The words of variant-precise answers (actions/variant_replies.py)."""

from __future__ import annotations

from actions.size_chart_answer import chart_reply
from actions.variant_replies import variant_reply
from catalog.size_chart import Measurement
from tests.test_variants import optioned, shoe, state_of


def reply(product, text: str, lang: str) -> str:
    return variant_reply(product, state_of(product, text), lang, "EUR")


def test_sold_out_size_is_named_with_nearest_sizes_and_other_colours():
    assert reply(shoe(), "44 in schwarz?", "de") == (
        "Trail Shoe ist in Größe 44 in Schwarz leider ausverkauft. Vorrätig in Schwarz: Größe 43, 42.5 oder 42. "
        "Vorrätig in Größe 44: Blau."
    )
    assert reply(shoe(), "Do you have 46 in black?", "en") == "Trail Shoe is sold out in size 46 in black. In stock in black: size 43, 42.5 or 42."


def test_low_stock_and_not_offered():
    assert reply(shoe(), "44 in blue?", "en") == "Trail Shoe in size 44 in blue: only 3 left, €120.00."
    assert reply(shoe(), "Größe 43?", "de") == "Ja, Trail Shoe gibt es in Größe 43: vorrätig, 120,00 €."
    assert reply(shoe(), "in red?", "en") == "No, Trail Shoe doesn't come in red. Offered: black or blue."


def test_sold_out_everywhere_says_so_first():
    p = shoe()
    for v in p.variants:
        v.stock = 0
    assert reply(p, "44?", "de") == "Trail Shoe ist derzeit in allen Varianten ausverkauft."
    assert reply(p, "size 45?", "en").startswith("Trail Shoe is currently sold out in every version. No, Trail Shoe doesn't come in size 45.")


def test_options_other_than_size_and_colour_are_named():
    throw = optioned("throw", ("Farbe", "Länge"), [("Sand", "200 cm", 4), ("Sand", "220 cm", 1), ("Anthrazit", "220 cm", 0), ("Anthrazit", "240 cm", 6)], color_option="Farbe")
    assert reply(throw, "in 220 cm?", "en") == "throw in Länge 220 cm: only 1 left, €51.00. In stock only in Sand."
    assert reply(throw, "in Anthrazit und 220 cm?", "de") == (
        "throw ist in Anthrazit in Länge 220 cm leider ausverkauft. Vorrätig in Länge 220 cm: Sand. Vorrätig in Anthrazit: Länge 240 cm."
    )
    assert reply(throw, "in grau?", "de") == "Ja, throw gibt es in Grau (Anthrazit): vorrätig, 53,00 €. Vorrätig nur in Länge 240 cm."


def test_chart_reply_names_the_size_and_its_state():
    jacket = optioned("kids-jacket", ("Körpergröße",), [("104–110 cm", 2), ("116–122 cm", 0), ("128–134 cm", 5)])
    text = chart_reply(jacket, Measurement("height", 120), "de", "EUR")
    assert text.startswith("Bei Körpergröße 120 cm passt laut Größenangaben von kids-jacket: Körpergröße 116–122 cm.")
    assert "leider ausverkauft" in text and "104–110 cm oder 128–134 cm" in text
    assert chart_reply(jacket, Measurement("chest", 80), "de", "EUR") is None  # the chart is by height
    outside = chart_reply(jacket, Measurement("height", 150), "en", "EUR")
    assert outside.startswith("150 cm is outside kids-jacket's size information; the nearest is Körpergröße 128–134 cm.")


def test_a_size_like_option_keeps_its_own_name():
    rug = optioned("rug", ("Länge",), [("200 cm", 0), ("240 cm", 3)], size_option="Länge")
    assert reply(rug, "in 200 cm?", "de") == "rug ist in Länge 200 cm leider ausverkauft. Vorrätig: Länge 240 cm."
    assert reply(rug, "in 300 cm?", "en") == "No, rug doesn't come in Länge 300 cm. Offered: Länge 200 cm or 240 cm. In stock: Länge 240 cm."


def test_a_searched_version_of_two_options_says_its_own_state():
    """A search for a size in a colour ("Parka in M blau?") states that combination when it is not
    plainly in stock; one option alone, or a combination in stock, keeps the search's own line."""
    from actions.variant_replies import searched_version_note
    from tests.test_variants import optioned

    parka = optioned("parka-fjord", ("Größe", "Farbe"), [("M", "Blau", 1), ("M", "Schwarz", 5), ("L", "Blau", 0), ("L", "Schwarz", 4)],
                     size_option="Größe", color_option="Farbe")  # fmt: skip
    low = searched_version_note(parka, "Gibt es den Parka in M blau?", "de", "EUR")
    assert low and "nur noch 1" in low
    sold = searched_version_note(parka, "the parka in L in blue?", "en", "EUR")
    assert sold and "sold out" in sold and "M" in sold  # the nearest in stock after it
    assert searched_version_note(parka, "the parka in M in black?", "en", "EUR") is None
    assert searched_version_note(parka, "Parka in L?", "de", "EUR") is None


def test_a_searched_product_the_request_names_says_the_state_of_one_asked_option():
    """"Nereus in Weiß lieferbar?" taken for a search: the named product's line says that colour is
    sold out, and a size it does not come in is said so; a product only found, not named, keeps
    its search line for one option."""
    from actions.variant_replies import searched_version_note
    from tests.test_variants import optioned

    computer = optioned("tiefenmesser", ("Farbe",), [("Ozeanblau", 8), ("Weiß", 0)], color_option="Farbe")
    sold = searched_version_note(computer, "Tiefenmesser in Weiß lieferbar?", "de", "EUR", named=True)
    assert sold and sold.startswith("tiefenmesser ist in Weiß leider ausverkauft.")
    assert searched_version_note(computer, "Tiefenmesser in Weiß lieferbar?", "de", "EUR") is None  # not named: the search's line
    assert searched_version_note(computer, "the tiefenmesser in blue?", "en", "EUR", named=True) is None  # plainly in stock
    mattress = optioned("harbour-mattress", ("Größe",), [("90x200", 2), ("140x200", 6)], size_option="Größe")
    missing = searched_version_note(mattress, "Do you have the Harbour mattress in 180x200 too?", "en", "EUR", named=True)
    assert missing and missing.startswith("No, harbour-mattress doesn't come in")
