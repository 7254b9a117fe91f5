"""Versions of goods sold by amount, count or kind rather than by size (teas, coffee, wine,
capsules, refills): a unit said without a number ("das Kilo", "a litre"), a count of the thing
the values count ("die 120er Packung", "the 90 capsule pack"), a pack said by a word
("Dreierpack", "twin pack"), a word only one value has ("als Magnum", "Nachfüllpackung") and the
other language's word of a kind ("ground" = "Gemahlen")."""

from __future__ import annotations

from catalog.value_amounts import amounts
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def _asked(product, text: str) -> dict[str, tuple[str, ...]]:
    return {a.option: a.values for a in find_asked(product, text)}


def tea():
    return optioned("tee", ("Gewicht",), [("100 g", 5), ("250 g", 0), ("1 kg", 2)])


def coffee():
    return optioned("kaffee", ("Mahlgrad", "Packung"), [("Ganze Bohne", "500g", 4), ("Gemahlen", "500g", 0), ("Ganze Bohne", "1000g", 3)])


def capsules():
    return optioned("vitamin", ("Pack size",), [("60 capsules", 3), ("120 capsules", 0)])


def test_a_unit_without_a_number_is_one_of_it():
    assert amounts("Haben Sie das Kilo vorrätig?") == [("mass", 1000.0)]
    assert amounts("half a litre, please") == [("volume", 0.5)] and amounts("ein halbes Kilo") == [("mass", 500.0)]
    assert amounts("the literature on it") == [] and amounts("Für wie viele Quadratmeter reicht ein Liter?") == []
    assert amounts("Gibt es die Literflasche?") == [("volume", 1.0)]
    assert _asked(tea(), "Haben Sie das Kilo vorrätig?") == {"Gewicht": ("1 kg",)}
    assert _asked(tea(), "Do you sell the kilo bag?") == {"Gewicht": ("1 kg",)}


def test_a_count_of_what_the_values_count():
    assert _asked(capsules(), "Gibt es die 120er Packung?") == {"Pack size": ("120 capsules",)}
    assert _asked(capsules(), "Do you have the 120 count?") == {"Pack size": ("120 capsules",)}
    assert _asked(capsules(), "Gibt es auch 60 Capsules?") == {"Pack size": ("60 capsules",)}
    state = variant_state(capsules(), find_asked(capsules(), "Is there a 90 capsule pack?"))
    assert state.asked[0].values == () and state.state == "not_offered"


def test_a_pack_said_by_a_word():
    socks = optioned("socken", ("Pack",), [("1 Paar", 3), ("3er-Pack", 0)])
    assert _asked(socks, "Gibt es ein Dreierpack?") == {"Pack": ("3er-Pack",)}
    assert _asked(socks, "Can I buy a three-pack?") == {"Pack": ("3er-Pack",)}


def test_a_word_only_one_value_has():
    wine = optioned("wein", ("Size",), [("0.75 l", 12), ("1.5 l Magnum", 0)])
    assert _asked(wine, "Gibt es den auch als Magnum?") == {"Size": ("1.5 l Magnum",)}
    assert variant_state(wine, find_asked(wine, "Is the magnum in stock?")).state == "sold_out"
    shampoo = optioned("shampoo", ("Inhalt",), [("200 ml", 3), ("500 ml Nachfüllpack", 1)])
    assert _asked(shampoo, "Gibt es eine Nachfüllpackung?") == {"Inhalt": ("500 ml Nachfüllpack",)}
    assert _asked(shampoo, "Is there a refill?") == {"Inhalt": ("500 ml Nachfüllpack",)}
    bottles = optioned("flasche", ("Inhalt",), [("0,5 l Flasche", 3), ("1 l Flasche", 1)])
    assert _asked(bottles, "Ist die Flasche spülmaschinenfest?") == {}  # a word every value has names none


def test_the_other_languages_word_of_a_kind():
    assert _asked(coffee(), "Do you have it ground?") == {"Mahlgrad": ("Gemahlen",)}
    assert _asked(coffee(), "Is the 1 kg pack of whole beans available?") == {"Mahlgrad": ("Ganze Bohne",), "Packung": ("1000g",)}
    state = variant_state(coffee(), find_asked(coffee(), "Gibt es das Kilo auch gemahlen?"))
    assert state.state == "combination_not_offered"


def test_a_count_of_the_thing_named_in_the_other_language():
    """"with 10 blades" of values "5 Klingen" / "10 Klingen" (and back): the number counts the thing
    the values count, said in the shopper's language; a measure ("10 cm") counts nothing."""
    blades = optioned("ersatzklingen", ("Klingenanzahl", "Farbe"), [("5 Klingen", "Schwarz", 4), ("10 Klingen", "Schwarz", 0)])
    assert _asked(blades, "replacement blades with 10 blades in black?")["Klingenanzahl"] == ("10 Klingen",)
    assert variant_state(blades, find_asked(blades, "with 10 blades in black?")).state == "sold_out"
    pads = optioned("pads", ("Pack",), [("4 pads", 2), ("8 pads", 5)])
    assert _asked(pads, "Gibt es das mit 8 Polstern?") == {"Pack": ("8 pads",)}
    assert "Klingenanzahl" not in _asked(blades, "is it 10 cm long?")
    assert "Klingenanzahl" not in _asked(blades, "do you have it with 7 blades?")  # no such count: not a value


def test_a_material_no_value_is_made_of_is_not_offered():
    """"in Platin?" of "585 Gelbgold" / "585 Weißgold", "a titanium one?" of "Aluminium" / "Stahl":
    a material the shopper asks that no value is, is not offered; a colour, a material of a value
    or of the product's name is no such ask."""
    ring = optioned("ring-aurora", ("Legierung", "Ringgröße"), [("585 Gelbgold", "54", 2), ("585 Weißgold", "56", 0)])
    state = variant_state(ring, find_asked(ring, "Gibt es den Ring auch in Platin?"))
    assert state.state == "not_offered" and state.asked[0].wanted == "platin"
    assert _asked(ring, "Haben Sie ihn in Weißgold?")["Legierung"] == ("585 Weißgold",)
    assert "Legierung" not in _asked(ring, "in gold, size 54?")  # gold is what both values are
    hook = optioned("karabiner-fels", ("Material",), [("Aluminium", 5), ("Stahl", 3)])
    assert variant_state(hook, find_asked(hook, "Is there a titanium one?")).state == "not_offered"
    assert _asked(hook, "Do you have it in black?") == {}
    assert _asked(hook, "the steel one?") == {"Material": ("Stahl",)}
