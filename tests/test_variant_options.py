"""Every option of a product answered by value, not only size and colour: the importer's choice
of the size-like option (`catalog/option_roles.py`), option values as shoppers name them
(`catalog/value_match.py`), the asked combination's state (`catalog/variants.py`), and ids made
from names (`catalog.import_common.slug`)."""

from __future__ import annotations

from bench.answer_scoring import _slug
from catalog.import_common import slug
from catalog.option_roles import assign_option_roles, is_size_value
from catalog.value_match import names_value
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def raw(names: list[str], rows: list[tuple[str, ...]]) -> dict:
    return {"option_names": names, "variants": [{"options": dict(zip(names, row, strict=True))} for row in rows]}


def test_size_like_option_by_name_or_by_values():
    helmet = raw(["Kopfumfang", "Farbe"], [("S", "Weiß"), ("M", "Weiß"), ("L", "Schwarz")])
    assign_option_roles(helmet)
    assert (helmet["size_option"], helmet["color_option"]) == ("Kopfumfang", "Farbe")
    assert [v["size"] for v in helmet["variants"]] == ["S", "M", "L"] and helmet["variants"][0]["color"] == "white"
    bike = raw(["Rahmen"], [("49 cm (XS)",), ("52 cm (S)",)])  # a name the lexicon does not know: its values
    assign_option_roles(bike)
    assert bike["size_option"] == "Rahmen" and bike["variants"][1]["size"] == "52 cm (S)"
    shoe = raw(["Größe", "Weite"], [("44", "Normal"), ("44", "Weit (2E)")])  # the first size-like; Weite stays named
    assign_option_roles(shoe)
    assert shoe["size_option"] == "Größe"
    bag = raw(["Reißverschluss"], [("links",), ("rechts",)])  # words are no sizes
    assign_option_roles(bag)
    assert bag["size_option"] is None and "size" not in bag["variants"][0]
    single = raw(["Akku"], [("500 Wh",)])  # one value describes the product, it is no choice of size
    assign_option_roles(single)
    assert single["size_option"] is None


def test_size_values():
    for value in ("M", "XS/S", "42,5", "II", "IV", "35–38", "56 cm (L)", "24 Zoll", "6 Paar", "135×200 cm"):
        assert is_size_value(value), value
    for value in ("Normal", "links", "Extra warm (Winter)", "Ocean Teal", ""):
        assert not is_size_value(value), value


def test_values_named_as_shoppers_say_them():
    assert names_value("Weit (2E)", [], "Weite", "in 44 in der weiten Ausführung?")  # inflected, bracket note left out
    assert names_value("Weit (2E)", [], "Weite", "the wide version in 44")  # the other language
    assert not names_value("rechts", [], "Reißverschluss", "Is this the right size?")  # "right" mostly means correct
    assert names_value("Extra warm (Winter)", [], "Wärmeklasse", "in 200x220 extra warm?")
    assert not names_value("Normal", [], "Weite", "in der weiten Ausführung?")
    assert names_value("ML", [], "Größe", "Haben Sie den Neo in ML?") and not names_value("ML", [], "Größe", "500 ml?")
    assert names_value("II", [], "Größe", "size II in pink?") and not names_value("I", [], "Größe", "Do I have it?")
    assert names_value("I", [], "Größe", "Größe I bitte")
    sheets = ["90–100 × 190–200 cm", "140–160 × 200 cm", "180–200 × 200–220 cm"]
    assert [names_value(v, sheets, "Größe", "the 140–160 sheet") for v in sheets] == [False, True, False]
    assert not names_value("Weit (2E)", [], "Weite", "Weitergabe")  # never inside a word


def test_any_combination_of_options_with_its_state():
    shoe = optioned("schuh", ("Größe", "Weite"), [("43", "Normal", 2), ("44", "Normal", 5), ("44", "Weit (2E)", 0), ("45", "Weit (2E)", 3)],
                    size_option="Größe")  # fmt: skip
    s = variant_state(shoe, find_asked(shoe, "Gibt es den Schuh in 44 in der weiten Ausführung?"))
    assert [a.values for a in s.asked] == [("44",), ("Weit (2E)",)]
    assert s.state == "sold_out" and s.alternatives == {"Größe": ["45"], "Weite": ["Normal"]}
    bag = optioned("schlafsack", ("Länge", "Reißverschluss"), [("Regular", "links", 2), ("Long", "links", 1), ("Long", "rechts", 0)],
                   size_option="Länge")  # fmt: skip
    assert variant_state(bag, find_asked(bag, "in Long mit Reißverschluss rechts?")).state == "sold_out"
    assert variant_state(bag, find_asked(bag, "Long mit Reißverschluss links?")).state == "low_stock"


def test_number_of_a_measured_size_and_dimensions_are_no_length():
    bike = optioned("bike", ("Rahmenhöhe",), [("52 cm (S)", 2), ("56 cm (L)", 0)], size_option="Rahmenhöhe")
    s = variant_state(bike, find_asked(bike, "Ist die Rahmenhöhe 56 lieferbar?"))
    assert s.asked[0].values == ("56 cm (L)",) and s.state == "sold_out"
    sheet = optioned("laken", ("Größe", "Steghöhe", "Farbe"), [("140–160 × 200 cm", "bis 25 cm", "Salbei", 4),
                     ("140–160 × 200 cm", "Boxspring bis 40 cm", "Salbei", 0), ("180–200 × 200–220 cm", "Boxspring bis 40 cm", "Weiß", 2)],
                     size_option="Größe", color_option="Farbe")  # fmt: skip
    asked = find_asked(sheet, "Do you have the 140–160 sheet in sage for a 40 cm boxspring?")
    assert {a.option: a.values for a in asked} == {"Größe": ("140–160 × 200 cm",), "Steghöhe": ("Boxspring bis 40 cm",), "Farbe": ("Salbei",)}
    assert variant_state(sheet, asked).state == "sold_out"


def test_capital_sizes_outside_the_letter_run():
    socks = optioned("strumpf", ("Größe", "Farbe"), [("I", "Neonpink", 3), ("II", "Neonpink", 0), ("II", "Schwarz", 2)],
                     size_option="Größe", color_option="Farbe")  # fmt: skip
    s = variant_state(socks, find_asked(socks, "Do you have size II in neon pink?"))
    assert s.state == "sold_out" and s.alternatives["Farbe"] == ["Schwarz"]
    wetsuit = optioned("neo", ("Größe",), [("M", 2), ("ML", 0), ("L", 1)], size_option="Größe")
    assert variant_state(wetsuit, find_asked(wetsuit, "Haben Sie den Neo in ML?")).state == "sold_out"


def test_slug_spells_out_letters_and_bench_names_ids_alike():
    for name, expected in (("Bademantel Waffelpiqué", "bademantel-waffelpique"), ("Frottier-Handtuch 600 g/m²", "frottier-handtuch-600-g-m2"),
                           ("Größe Ø 28", "groesse-o-28")):  # fmt: skip
        assert slug(name) == _slug(name) == expected


def test_size_kind_tells_a_boots_44_from_a_jackets_44():
    from catalog.option_roles import size_kind

    boots = optioned("boots", ("Size",), [(s, 1) for s in ("38", "39", "43", "44", "44.5")], size_option="Size")
    jacket = optioned("jacke", ("Größe",), [(s, 1) for s in ("34", "36", "42", "44")], size_option="Größe")
    shirt = optioned("shirt", ("Größe",), [(s, 1) for s in ("S", "M", "XL")], size_option="Größe")
    duvet = optioned("decke", ("Größe",), [("135×200 cm", 1)], size_option="Größe")
    quilt = optioned("quilt", ("Size",), [("155×220 cm", 1)], size_option="Size")
    assert [size_kind(p) for p in (boots, jacket, shirt)] == ["shoe", "clothing", "letter"]
    assert size_kind(duvet) == size_kind(quilt) == "option:size"  # "Größe" and "Size" alike


def test_similar_products_for_a_sold_out_size_are_of_the_same_size_kind(monkeypatch):
    from actions import size_stock
    from catalog.variants import Asked

    boots = optioned("boots", ("Size",), [("43", 1), ("44", 0)], size_option="Size")
    jacket = optioned("jacke", ("Größe",), [("42", 1), ("44", 3)], size_option="Größe")
    other_boots = optioned("stiefel", ("Size",), [("43", 0), ("44", 2)], size_option="Size")

    class Catalog:
        def similar(self, product, limit=3):  # noqa: ANN001, ANN201, ARG002
            return [jacket, other_boots]

    monkeypatch.setattr(size_stock, "catalog", lambda: Catalog())
    _, ids = size_stock._similar_in_size(boots, Asked("Size", "size", "44", ("44",)), "en")
    assert ids == ["stiefel"]


def test_an_option_that_is_no_measure_is_named_after_a_comma():
    from actions.variant_replies import variant_reply

    bag = optioned("schlafsack", ("Länge", "Reißverschluss"), [("Regular", "rechts", 2), ("Long", "links", 1), ("Long", "rechts", 0)],
                   size_option="Länge")  # fmt: skip
    reply = variant_reply(bag, variant_state(bag, find_asked(bag, "in Long mit Reißverschluss rechts?")), "de", "EUR")
    assert reply.startswith("schlafsack ist in Länge Long, Reißverschluss rechts leider ausverkauft.")
    assert "Vorrätig in Länge Long: Reißverschluss links." in reply


def test_a_mattress_within_a_sheets_range_and_a_height_up_to_a_value():
    sheet = optioned("laken", ("Größe", "Steghöhe"), [("90–100 × 190–200 cm", "bis 25 cm", 1), ("140–160 × 200 cm", "bis 25 cm", 2),
                     ("140–160 × 200 cm", "Boxspring bis 40 cm", 3)], size_option="Größe")  # fmt: skip
    asked = find_asked(sheet, "Meine Matratze ist 140x200 und mit Topper 32 cm hoch. Welches Laken brauche ich?")
    assert {a.option: a.values for a in asked} == {"Größe": ("140–160 × 200 cm",), "Steghöhe": ("Boxspring bis 40 cm",)}
    assert find_asked(sheet, "for a 20 cm mattress?")[0].values == ("bis 25 cm",)  # the smallest that holds it
    assert find_asked(sheet, "for a 45 cm boxspring?")[0].values == ()  # none holds it: not offered
    assert not names_value("140–160 × 200 cm", [], "Größe", "180x200")


def test_a_material_word_names_no_colour():
    bedding = optioned("bettwaesche", ("Colour",), [("Natural", 2), ("Ocean Teal", 1)], color_option="Colour")
    assert find_asked(bedding, "Ist die Bettwäsche aus Leinen?") == []
    assert find_asked(bedding, "Gibt es die in Sand?")[0].values == ("Natural",)  # a shade of the one beige colour


def test_a_value_named_by_its_name_before_the_measure():
    assert names_value("Duschtuch 70×140 cm", [], "Größe", "Gibt es das Duschtuch in Senf?")
    assert not names_value("Boxspring bis 40 cm", [], "Steghöhe", "Passt es auf ein Boxspring?")  # a word before "bis" is no name of it
    assert not names_value("Handtuch 50×100 cm", [], "Größe", "Gibt es das Handtuch in Senf?", frozenset({"frottier", "handtuch"}))
