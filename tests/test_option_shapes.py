"""Option values read by their shape (catalog/option_shapes.py) and the asked value's state when
several values match it, on made-up products in German and English."""

from __future__ import annotations

from catalog.lexicon import normalize_color
from catalog.option_shapes import (
    affixed_number,
    asked_dimensions,
    labelled_sizes,
    several_colors,
    shaped_size,
    signed_value,
    system_size,
)
from tests.test_variant_replies import reply
from tests.test_variants import optioned, state_of


def corset():
    rows = [("65A", 3), ("65B", 0), ("70B", 4), ("70C", 2), ("75C", 5), ("75D", 0)]
    return optioned("corsage", ("Größe",), rows, size_option="Größe")


def test_a_size_of_the_values_pattern_that_is_not_offered_is_said_so_with_the_nearest():
    s = state_of(corset(), "Gibt es die Corsage in 85C?")
    assert [(a.wanted, a.values) for a in s.asked] == [("85C", ())]
    assert s.state == "not_offered"
    assert s.alternatives["Größe"][0] == "75C"  # the nearest band in the asked cup first
    assert reply(corset(), "do you have 70 C?", "en") == "corsage in size 70C: only 2 left, €53.00."
    assert state_of(corset(), "in 75D?").state == "sold_out"


def test_prefixed_and_partly_lettered_runs():
    trousers = optioned("cord", ("Weite",), [("W29", 2), ("W31", 1), ("W33", 4)], size_option="Weite")
    assert reply(trousers, "Habt ihr die in W36?", "de").startswith("cord gibt es nicht in Weite W36.")
    assert state_of(trousers, "W31?").state == "low_stock"
    board = optioned("ski", ("Länge",), [("161", 1), ("168", 2), ("168W", 3)], size_option="Länge")
    assert reply(board, "do you have it in 175?", "en").startswith("No, ski doesn't come in Länge 175.")
    read = shaped_size(["161", "168", "168W"])
    assert read and read("in 2 days") is None and read("the 168W?") == "168W" and read("in 400?") is None
    assert shaped_size(["40", "42", "44"]) is None  # bare numbers: the size readers' own
    assert shaped_size(["S", "M"]) is None


def test_a_value_of_several_colours_is_named_by_each_of_them():
    values = ["Moos kariert", "Ziegel/Marine kariert"]
    assert several_colors(values, normalize_color, "in brick/navy?") == ("Ziegel/Marine kariert",)
    assert several_colors(values, normalize_color, "in navy?") == ()
    scarf = optioned("scarf", ("Farbe",), [("Moos kariert", 2), ("Ziegel/Marine kariert", 0)], color_option="Farbe")
    assert reply(scarf, "Den Schal in Ziegel und Marine?", "de").startswith("scarf ist in Ziegel/Marine kariert leider ausverkauft.")


def test_a_colour_outside_the_lexicon_is_no_colour_the_shopper_names():
    lute = optioned("lute", ("Finish",), [("Natur", 2), ("Tobacco Burst", 3)], color_option="Finish")
    assert reply(lute, "Does it come in black?", "en") == "No, lute doesn't come in black. Offered: Natur or Tobacco Burst."
    assert reply(lute, "Gibt es die in Rot?", "de").startswith("lute gibt es nicht in Rot.")


def test_a_sold_out_value_among_several_the_colour_matches_is_named():
    tights = optioned("tights", ("Größe", "Farbe"), [("M", "Schwarz", 0), ("M", "Anthrazit", 4), ("L", "Schwarz", 2)], size_option="Größe", color_option="Farbe")
    assert reply(tights, "M in black or anthracite?", "en") == "Yes, tights is available in size M in black (Anthrazit): in stock, €51.00. Sold out: Schwarz."
    assert "Ausverkauft" not in reply(tights, "L in Schwarz?", "de")


def test_option_words_in_the_other_language():
    scissors = optioned("scissors", ("Hand",), [("Rechts", 3), ("Links", 0)])
    assert reply(scissors, "left-handed ones in stock?", "en").startswith("scissors is sold out in Hand Links.")
    assert reply(scissors, "Habt ihr die für Linkshänder?", "de").startswith("scissors ist in Hand Links leider ausverkauft.")
    cable = optioned("cable", ("Stecker",), [("gerade", 3), ("gewinkelt", 1)])
    assert reply(cable, "with the angled plug?", "en").startswith("cable in Stecker gewinkelt: only 1 left")
    belt = optioned("belt", ("Länge",), [("Standard 100 cm", 3), ("Überlänge 120 cm", 0)])
    assert "sold out" in reply(belt, "the extra long one?", "en")
    sticks = optioned("sticks", ("Modell",), [("3A", 3), ("4B", 0)])
    assert reply(sticks, "4B in stock?", "en").startswith("sticks is sold out in Modell 4B.")


def brogue():
    rows = [("8", "E", 2), ("8", "F", 0), ("9", "E", 0), ("9", "F", 3), ("10", "F", 1)]
    return optioned("brogue", ("Size (UK)", "Fitting"), rows, size_option="Size (UK)")


def test_a_size_in_the_system_the_option_is_named_by_is_its_value():
    assert [(a.option, a.wanted, a.values) for a in state_of(brogue(), "Habt ihr den in UK 9, Fitting E?").asked] == [
        ("Size (UK)", "9", ("9",)), ("Fitting", "E", ("E",))]
    assert reply(brogue(), "UK 9 in F fitting?", "en") == "brogue in Size (UK) 9, Fitting F: only 3 left, €53.00."
    assert reply(brogue(), "do you have UK 11?", "en").startswith("No, brogue doesn't come in Size (UK) 11.")
    assert system_size("Größe", "UK 9") is None and system_size("Größe (UK)", "EU 43") is None
    assert system_size("US-Größe", "size 9 US please")[0] == "9"


def test_own_system_of_an_option_named_by_it_unless_another_system_is_asked():
    from actions.sizing import own_system

    assert own_system(brogue(), "Do you have it in UK 9?")
    assert not own_system(brogue(), "I wear UK 9, what US size is that?")  # a conversion is asked


def gloves():
    rows = [("10 oz", 2), ("12 oz", 0), ("14 oz", 5), ("16 oz", 4)]
    return optioned("sparring-gloves", ("Gewicht",), rows, size_option="Gewicht")


def wrap():
    rows = [("Größe 3 (3,2 m)", 2), ("Größe 4 (3,7 m)", 0), ("Größe 6 (4,6 m)", 7)]
    return optioned("tragetuch-welle", ("Länge",), rows, size_option="Länge")


def test_a_value_of_the_values_words_around_a_number_is_read_offered_or_not():
    assert reply(gloves(), "Gibt es die auch in 8 oz?", "de").startswith("sparring-gloves gibt es nicht in Gewicht 8 oz.")
    assert reply(gloves(), "do you have them in 18oz?", "en").startswith("No, sparring-gloves doesn't come in Gewicht 18oz.")
    assert state_of(gloves(), "12 oz noch da?").state == "sold_out"
    assert state_of(gloves(), "in 14 oz?").state == "in_stock"
    assert reply(wrap(), "Gibt es das Tuch auch in Größe 7?", "de").startswith("tragetuch-welle gibt es nicht in Länge Größe 7.")
    assert [a.values for a in state_of(wrap(), "is size 6 in stock?").asked] == [("Größe 6 (4,6 m)",)]
    assert state_of(wrap(), "size 4?").state == "sold_out"


def test_numbers_outside_the_run_or_without_the_words_ask_no_value():
    assert state_of(gloves(), "Versand in 2 Tagen?").asked == []
    read = affixed_number(["10 oz", "12 oz", "16 oz"])
    assert read and read("40 oz in grams?") is None and read("8 Unzen?") is None  # far beyond 10 … 16; no "oz"
    assert affixed_number(["40", "42", "44"]) is None  # bare numbers: the size readers' own
    assert affixed_number(["10 oz", "12 g"]) is None  # no words the values share
    steps = affixed_number(["Stufe 1", "Stufe 2", "Stufe 3"])
    assert steps and steps("gibt es Stufe 4?") == ("Stufe 4", 4.0) and steps("in 4?") is None


def approach_shoe():
    rows = [("EU 40 / UK 6.5", 4), ("EU 42 / UK 8", 0), ("EU 42.5 / UK 8.5", 1), ("EU 44 / UK 9.5", 3)]
    return optioned("approach", ("Größe",), rows, size_option="Größe")


def test_a_size_held_by_a_system_label_of_the_value_is_that_value():
    assert state_of(approach_shoe(), "Scrambler UK 8 available?").state == "sold_out"
    assert reply(approach_shoe(), "Gibt es den noch in 42,5?", "de").startswith("approach in Größe EU 42.5 / UK 8.5: nur noch 1 Stück")
    assert [a.values for a in state_of(approach_shoe(), "UK 9.5?").asked] == [("EU 44 / UK 9.5",)]
    assert state_of(approach_shoe(), "in 43?").state == "not_offered"
    assert labelled_sizes(["EU 36", "EU 37"], "37", "Gibt es den noch in 37?") == ("EU 37",)
    assert labelled_sizes(["EU 36", "EU 37"], "M", "in M?") == ()


def test_a_dimension_the_product_does_not_come_in_is_said_so():
    sheet = optioned("spannlaken", ("Größe",), [("90x200 cm", 3), ("140x200 cm", 0), ("160x200 cm", 5)], size_option="Größe")
    assert reply(sheet, "Gibt es das auch in 180x200?", "de").startswith("spannlaken gibt es nicht in Größe 180x200.")
    assert reply(sheet, "in 180 x 200 cm?", "en").startswith("No, spannlaken doesn't come in size 180 x 200")
    assert state_of(sheet, "140x200?").state == "sold_out"
    assert asked_dimensions(["S", "M"], "180x200?") is None
    assert asked_dimensions(["90x200", "140x200"], "Versand in 2 Tagen?") is None


def test_a_signed_number_asks_the_value_equal_to_it_or_one_not_offered():
    mask = optioned("tauchmaske", ("Dioptrien",), [("ohne", 9), ("-1,5", 6), ("-2,0", 0), ("-4,0", 1), ("-6,0", 5)])
    assert reply(mask, "Is -4.0 in stock?", "en") == "tauchmaske in Dioptrien -4,0: only 1 left, €53.00."
    assert reply(mask, "Gibt es die Maske auch mit -7,0?", "de").startswith("tauchmaske gibt es nicht in Dioptrien -7,0.")
    assert state_of(mask, "−2 dpt noch da?").state == "sold_out"
    assert state_of(mask, "ohne Korrektur?").state == "in_stock"
    assert signed_value(["-1,5", "-6,0"], "Lieferung in 3-4 Tagen?") is None  # a range of days, no sign
    assert signed_value(["S", "M"], "-4?") is None
