"""A bundle version named by what it adds ("mit Zweitakku", "with the to-go bottles", "im Set mit
Ersatzfilter") or a pack by its count ("the 4-pack" of "4 bulbs"), and the price of the version
a price question names (`catalog/value_match.py`, `actions.product_answers.version_price`)."""

from __future__ import annotations

import pytest

from actions.product_answers import version_price
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def vacuum():
    return optioned(
        "vacuum",
        ("Farbe", "Paket"),
        [("Grau", "Standard", 5), ("Grau", "mit Zweitakku", 6)],
        color_option="Farbe",
    )


def purifier():
    return optioned("purifier", ("Paket",), [("Gerät", 6), ("Gerät + Ersatzfilter", 7)])


def blender():
    return optioned("blender", ("Paket",), [("Standard", 4), ("mit To-go-Flaschen", 0)])


def speaker():
    return optioned("speaker", ("Edition",), [("Standard", 4), ("with carry case", 3)])


def bulbs():
    return optioned("bulbs", ("Pack",), [("1 bulb", 11), ("2 bulbs", 3), ("4 bulbs", 4)])


def wine():
    return optioned("wine", ("Anzahl",), [("1 Flasche", 9), ("6 Flaschen", 2)])


@pytest.mark.parametrize(
    "product, text, value",
    [
        (vacuum, "Was kostet der Sauger mit Zweitakku?", "mit Zweitakku"),
        (vacuum, "with the Zweitakku?", "mit Zweitakku"),
        (purifier, "Gibt es den Luftreiniger im Set mit Ersatzfilter?", "Gerät + Ersatzfilter"),
        (purifier, "Is there a bundle with a spare Ersatzfilter?", "Gerät + Ersatzfilter"),
        (blender, "Is the blender with the to-go bottles available?", "mit To-go-Flaschen"),
        (blender, "Gibt es ihn mit To-go-Flaschen?", "mit To-go-Flaschen"),
        (speaker, "Do you have it with the carry case?", "with carry case"),
        (speaker, "Gibt es ihn mit Carry Case?", "with carry case"),
        (bulbs, "How much is the 4-pack?", "4 bulbs"),
        (bulbs, "Was kostet das 4er-Pack?", "4 bulbs"),
        (wine, "Gibt es den im 6er-Pack?", "6 Flaschen"),
        (wine, "a pack of 6?", "6 Flaschen"),
    ],
)
def test_a_bundle_or_pack_named_by_what_it_adds_or_counts(product, text, value):
    asked = find_asked(product(), text)
    assert [a.values for a in asked if a.option != "Farbe"] == [(value,)], asked


@pytest.mark.parametrize(
    "product, text",
    [
        (purifier, "Welcher Ersatzfilter passt?"),
        (purifier, "Which Ersatzfilter fits this one?"),
        (speaker, "Is a carry case sold separately?"),
        (vacuum, "Wie lange hält der Zweitakku?"),
    ],
)
def test_the_added_part_asked_about_alone_is_no_bundle(product, text):
    assert find_asked(product(), text) == []


def test_a_price_question_naming_a_version_gets_its_price():
    assert "51,00" in version_price(vacuum(), "Was kostet der Sauger mit Zweitakku?", "de", "EUR")
    assert "52.00" in version_price(bulbs(), "How much is the 4-pack?", "en", "EUR")
    assert (
        version_price(vacuum(), "Was kostet der Sauger?", "de", "EUR") is None
    )  # no version named: "ab …"


def test_an_added_part_two_bundles_share_names_neither():
    table = optioned("table", ("Set",), [("Tisch + 2 Stühle", 3), ("Tisch + 4 Stühle", 2)])
    assert find_asked(table, "Gibt es den Tisch mit Stühlen?") == []


def test_a_two_tone_colour_is_not_also_its_first_colour():
    """ "S in Black/Teal?" of a wetsuit in "Black" and "Black/Teal": the two-tone one only."""
    suit = optioned(
        "suit",
        ("Size", "Colour"),
        [("S", "Black/Teal", 0), ("S", "Black", 4)],
        size_option="Size",
        color_option="Colour",
    )
    asked = find_asked(suit, "Do you have S in Black/Teal?")
    assert [a.values for a in asked if a.option == "Colour"] == [("Black/Teal",)]
    assert variant_state(suit, asked).state == "sold_out"
    assert [
        a.values for a in find_asked(suit, "Gibt es den in Black?") if a.option == "Colour"
    ] == [("Black",)]


@pytest.mark.parametrize("text", ["Does it come in pink?", "Kommt die auch in Rosa?"])
def test_comes_in_a_colour_asks_for_that_version(test_catalog, text):
    """ "Does the Sonic 3 come in pink?" of a brush in "Rosé": that version's state, not a text search."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.product_questions import version_answer

    brush = optioned("brush", ("Farbe",), [("Weiß", 3), ("Rosé", 0)], color_option="Farbe")
    dispatcher = CollectingDispatcher()
    assert version_answer(dispatcher, brush, text, "en") is not None
    said = dispatcher.messages[0]["text"]
    assert "Rosé" in said and "sold out" in said, said
