"""Variant-precise answers (catalog/variants.py): the asked size, colour, length, capacity or
pack with its state and the nearest alternatives, on hand-made products."""

from __future__ import annotations

from catalog.lexicon import normalize_color
from catalog.models import Product, Variant
from catalog.variants import amount, find_asked, variant_state


def _models():
    """The catalog's models; with variant options added at this test boundary while the
    importer's `Variant.options` is not in this branch yet."""
    if "options" in Variant.__fields__:
        return Product, Variant

    class OptionVariant(Variant):
        options: dict[str, str] = {}
        color_label: str | None = None

    class OptionProduct(Product):
        variants: list[OptionVariant]
        size_option: str | None = None
        color_option: str | None = None

    OptionProduct.update_forward_refs(OptionVariant=OptionVariant)
    return OptionProduct, OptionVariant


def shoe() -> Product:
    rows = [("42", "black", 4), ("42.5", "black", 2), ("43", "black", 5), ("44", "black", 0), ("44", "blue", 3), ("46", "black", 0)]
    return Product(id="shoe", title={"en": "Trail Shoe"}, category="shoes", size_system="eu_shoe",
                   variants=[{"sku": f"S-{s}-{c}", "size": s, "color": c, "price": 120.0, "stock": n} for s, c, n in rows])  # fmt: skip


def optioned(pid: str, names: tuple[str, ...], rows: list[tuple], size_option: str | None = None, color_option: str | None = None) -> Product:
    product_model, variant_model = _models()
    variants = []
    for i, row in enumerate(rows):
        *values, stock = row
        options = dict(zip(names, values, strict=True))
        variants.append(variant_model(sku=f"{pid}-{i}", price=50.0 + i, stock=stock, options=options,
                                      size=options.get(size_option) if size_option else None,
                                      color=normalize_color(options[color_option]) if color_option else None))  # fmt: skip
    return product_model(id=pid, title={"de": pid}, category="home", variants=variants, size_option=size_option, color_option=color_option)


def state_of(product: Product, text: str):
    return variant_state(product, find_asked(product, text))


def test_size_and_colour_in_stock_and_low():
    s = state_of(shoe(), "Gibt es den in 44 in Blau?")
    assert [(a.option, a.values) for a in s.asked] == [("size", ("44",)), ("color", ("blue",))]
    assert s.state == "low_stock" and s.stock == 3
    assert state_of(shoe(), "size 43?").state == "in_stock"


def test_sold_out_size_names_nearest_sizes_in_that_colour():
    s = state_of(shoe(), "Do you have it in 46 in black?")
    assert s.state == "sold_out"
    assert s.alternatives["size"] == ["43", "42.5", "42"]  # nearest first, black only
    assert "color" not in s.alternatives  # no other colour in 46


def test_sold_out_colour_in_a_size_names_other_colours_in_that_size():
    s = state_of(shoe(), "44 in schwarz?")
    assert s.state == "sold_out"
    assert s.alternatives["color"] == ["blue"]
    assert s.alternatives["size"][0] == "43"


def test_size_not_offered():
    s = state_of(shoe(), "Haben Sie Größe 45?")
    assert s.state == "not_offered" and s.asked[0].wanted == "45"
    assert s.offered["size"] == ["42", "42.5", "43", "44", "46"]
    assert s.alternatives["size"][0] == "44"


def test_colour_not_offered():
    s = state_of(shoe(), "in red?")
    assert s.state == "not_offered" and s.asked[0].kind == "color"
    assert set(s.alternatives["color"]) == {"black", "blue"}


def test_product_sold_out_everywhere():
    p = shoe()
    for v in p.variants:
        v.stock = 0
    s = state_of(p, "44?")
    assert s.all_sold_out and s.state == "sold_out" and not s.alternatives


def test_length_option_in_cm_and_metres():
    p = optioned("tagesdecke", ("Farbe", "Länge"), [("Sand", "200 cm", 4), ("Sand", "220 cm", 1), ("Anthrazit", "220 cm", 0), ("Anthrazit", "240 cm", 6)],
                 color_option="Farbe")  # fmt: skip
    s = state_of(p, "Gibt es die in 220 cm?")
    assert s.asked[0].option == "Länge" and s.asked[0].values == ("220 cm",)
    assert s.state == "low_stock" and s.stock == 1
    assert state_of(p, "in 2,2 m?").asked[0].values == ("220 cm",)
    grey = state_of(p, "in grau?")  # the colour family of the merchant's "Anthrazit"
    assert grey.asked[0].values == ("Anthrazit",) and grey.asked[0].wanted == "grey"
    anthracite = state_of(p, "in Anthrazit und 220 cm?")
    assert anthracite.state == "sold_out"
    assert anthracite.alternatives["Länge"] == ["240 cm"] and anthracite.alternatives["Farbe"] == ["Sand"]
    missing = state_of(p, "do you have 250 cm?")
    assert missing.state == "not_offered" and missing.asked[0].wanted == "250 cm"
    assert missing.alternatives["Länge"][0] == "240 cm"


def test_capacity_and_pack_options():
    bottle = optioned("bottle", ("Volumen",), [("0,5 l", 3), ("1 l", 8), ("2 Liter", 0)])
    assert state_of(bottle, "die 2-Liter-Version?").state == "sold_out"
    half = state_of(bottle, "gibt es 500 ml?")
    assert half.asked[0].values == ("0,5 l",) and half.state == "low_stock"
    socks = optioned("socks", ("Packung",), [("3er-Pack", 10), ("6er-Pack", 2)])
    assert state_of(socks, "im 3er-Pack?").asked[0].values == ("3er-Pack",)
    six = state_of(socks, "a pack of 6?")
    assert six.asked[0].values == ("6er-Pack",) and six.state == "low_stock" and six.stock == 2


def test_word_values_and_letter_sizes():
    trousers = optioned("trousers", ("Größe", "Length"), [("M", "Regular", 5), ("M", "Long", 0), ("L", "Long", 2)], size_option="Größe")
    s = state_of(trousers, "Is M available in Long?")
    assert [(a.option, a.values) for a in s.asked] == [("Größe", ("M",)), ("Length", ("Long",))]
    assert s.state == "sold_out" and s.alternatives == {"Größe": ["L"], "Length": ["Regular"]}
    assert state_of(trousers, "I'm looking for it") .asked == []  # the m of "I'm" is no size


def test_amount_parsing():
    assert amount("2-Liter") == ("volume", 2.0)
    assert amount("500 ml") == ("volume", 0.5)
    assert amount("3er-Pack") == ("count", 3.0)
    assert amount("1,5 m") == ("length", 150.0)
    assert amount("Größe M") is None


def test_a_temperature_is_never_a_size() -> None:
    """"Is this jeans washable at 30 degrees?" asked about washing, not about waist 30."""
    jeans = optioned("jeans", ("Weite", "Länge"), [("W30", "L32", 2), ("W32", "L32", 0), ("W32", "L34", 1)], size_option="Weite")
    for text in ("Is this jeans washable at 30 degrees?", "Kann ich die bei 30 Grad waschen?", "waschbar bei 30 °C?", "at 30° ok?"):
        assert find_asked(jeans, text) == [], text
    assert [a.values for a in find_asked(jeans, "Gibt es die in W30?")] == [("W30",)]
    assert [a.values for a in find_asked(jeans, "W30 please, is it washable at 40 degrees?")] == [("W30",)]


def test_a_size_word_opening_a_short_question_is_the_size():
    shirt = optioned("leinenhemd", ("Größe", "Farbe"), [("S", "Salbei", 2), ("M", "Salbei", 5), ("S", "Schwarz", 6)],
                     size_option="Größe", color_option="Farbe")  # fmt: skip
    s = state_of(shirt, "small in sage?")
    assert [(a.option, a.values) for a in s.asked] == [("Größe", ("S",)), ("Farbe", ("Salbei",))]
    assert s.state == "low_stock"
    assert state_of(shirt, "Medium?").asked[0].values == ("M",)
    assert all(a.option != "Größe" for a in state_of(shirt, "Small logo on the chest?").asked)  # no size asked
