"""Which value of any option fits the shopper, and the state of a combination of values: a
sentence pairing each value of a non-size option with a body-weight range ("H2 for a body
weight up to 75 kg, H3 for 75 to 100 kg") charts that option, and a weight beyond every range is
meant for none of its values; two values asked together ("H3 in 90x200") are one version; a width
option's values said without its name ("Weite 12"), the widest for wide feet; a bundle sold by its
amount ("Set 2 × 4,0 Ah"); a merchant's condition ("with thick socks one size up") the shopper's
words contradict does not apply, and is no fit of the product."""

from __future__ import annotations

from actions.size_asks import _names_option
from actions.size_chart_answer import chart_answer
from actions.variant_replies import phrase, variant_reply
from catalog.extract_claims import fit
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.size_advice import contradicts, width_value
from catalog.size_chart import chart
from catalog.sizes import step_value
from catalog.variants import find_asked, variant_state


def _product(options: dict[str, list[str]], description: str = "", lang: str = "de", sold_out: tuple[str, ...] = (),
             size_option: str | None = None) -> Product:  # fmt: skip
    """A product sold in every combination of `options`; `sold_out`: the combinations ("90x200/H3") at 0."""
    combos: list[dict[str, str]] = [{}]
    for name, values in options.items():
        combos = [{**c, name: v} for c in combos for v in values]
    variants = [{"sku": f"p-{i}", "options": c, "size": c.get(size_option or "", None), "price": 100.0,
                 "stock": 0 if "/".join(c.values()) in sold_out else 5} for i, c in enumerate(combos)]  # fmt: skip
    return Product.parse_obj({"id": "p", "title": {lang: "Matratze Test"}, "category": "bedding", "description": {lang: description},
                              "option_names": list(options), "size_option": size_option, "variants": variants})  # fmt: skip


FIRM_EN = "Memory foam mattress. Firmness: H2 for a body weight up to 75 kg, H3 for 75 to 100 kg. Not recommended above 100 kg."
FIRM_DE = "Taschenfederkern. Härtegrad: H2 für ein Körpergewicht bis 80 kg, H3 für 80 bis 110 kg. Ab 110 kg ist die Matratze nicht geeignet."


def test_a_sentence_pairing_option_values_with_weight_ranges_is_a_chart() -> None:
    en = _product(
        {"Size": ["90x200", "140x200"], "Firmness": ["H2", "H3"]}, FIRM_EN, "en", size_option="Size"
    )
    assert [(r.size, r.option, r.low, r.high, r.measure) for r in chart(en, "en")] == [
        ("H2", "Firmness", 0.0, 75.0, "weight"),
        ("H3", "Firmness", 75.0, 100.0, "weight"),
    ]
    de = _product(
        {"Größe": ["90x200", "140x200"], "Härtegrad": ["H2", "H3"]}, FIRM_DE, size_option="Größe"
    )
    assert [(r.size, r.low, r.high, r.measure) for r in chart(de, "de")] == [
        ("H2", 0.0, 80.0, "weight"),
        ("H3", 80.0, 110.0, "weight"),
    ]


def test_the_option_value_for_a_weight_and_none_beyond_every_range() -> None:
    en = _product(
        {"Size": ["90x200", "140x200"], "Firmness": ["H2", "H3"]}, FIRM_EN, "en", size_option="Size"
    )
    fits = chart_answer(en, find_measurements("I weigh 85 kg. H2 or H3?"), "", "en", "EUR")
    assert fits and "gives: Firmness H3" in fits
    beyond = chart_answer(en, find_measurements("I weigh 105 kg, which firmness?"), "", "en", "EUR")
    assert (
        beyond
        and "is not meant for 105 kg" in beyond
        and "100 kg" in beyond
        and "Not recommended above 100 kg" in beyond
    )
    assert "H3" not in beyond  # no nearest value
    de = _product(
        {"Größe": ["90x200", "140x200"], "Härtegrad": ["H2", "H3"]}, FIRM_DE, size_option="Größe"
    )
    fits = chart_answer(
        de, find_measurements("Ich wiege 68 kg, welcher Härtegrad?"), "", "de", "EUR"
    )
    assert fits and "Härtegrad H2" in fits
    beyond = chart_answer(de, find_measurements("Ich wiege 115 kg, welche Härte?"), "", "de", "EUR")
    assert (
        beyond
        and "keine Ausführung" in beyond
        and "bis 110 kg" in beyond
        and "nicht geeignet" in beyond
    )


def test_two_values_asked_together_are_one_version() -> None:
    for lang, text in (("de", "Haben Sie die H3 in 90x200?"), ("en", "Is 90x200 in H3 in stock?")):
        bed = _product(
            {"Größe": ["90x200", "140x200"], "Härtegrad": ["H2", "H3"]},
            lang=lang,
            sold_out=("90x200/H3",),
            size_option="Größe",
        )
        asked = find_asked(bed, text)
        assert {(a.option, a.values) for a in asked} == {
            ("Größe", ("90x200",)),
            ("Härtegrad", ("H3",)),
        }
        reply = variant_reply(bed, variant_state(bed, asked), lang, "EUR")
        assert (
            "ausverkauft" if lang == "de" else "sold out"
        ) in reply and "H2" in reply  # the other firmness in that size


def test_a_bundle_is_named_by_its_amount() -> None:
    drill = _product({"Ausführung": ["Solo", "Set 2 × 4,0 Ah"]})
    for text in (
        "Ist das Set mit den zwei 4,0-Ah-Akkus lieferbar?",
        "Is the set with two 4.0 Ah batteries in stock?",
    ):
        assert [(a.option, a.values) for a in find_asked(drill, text)] == [
            ("Ausführung", ("Set 2 × 4,0 Ah",))
        ]
    cloth = _product(
        {"Maß": ["140 x 200 cm", "140 x 250 cm"]}
    )  # dimensions are neither a count nor a length
    for text in ("Haben Sie die 140 x 250?", "Do you have the 140 x 250?"):
        assert [(a.option, a.values) for a in find_asked(cloth, text)] == [
            ("Maß", ("140 x 250 cm",))
        ]


BOOT_DE = "Den Stiefel gibt es in zwei Weiten: Weite 10 (normal) und Weite 12 (extra breit, z. B. bei breitem Vorfuß)."


def test_width_values_are_read_without_the_options_name() -> None:
    boot = _product(
        {"Schuhgröße": ["43", "44"], "Weite": ["Weite 10", "Weite 12"]},
        BOOT_DE,
        size_option="Schuhgröße",
    )
    assert width_value(boot, "Ich habe einen sehr breiten Vorfuß. Welche Weite passt?") == (
        "Weite",
        "Weite 12",
    )
    assert width_value(boot, "Size 44 in the extra wide fitting?") == ("Weite", "Weite 12")
    assert width_value(boot, "I have narrow feet") == ("Weite", "Weite 10")
    plain = _product(
        {"Size": ["43", "44"], "Width": ["Width 11", "Width 10"]},
        "A safety shoe.",
        "en",
        size_option="Size",
    )
    assert width_value(plain, "I have wide feet, size 44") == (
        "Width",
        "Width 11",
    )  # the highest number without a word
    assert find_asked(boot, "Welche Weite passt?") == []  # the option's name names no value
    assert phrase(boot, "Weite", ["Weite 12"], "de") == "Weite 12"
    assert phrase(boot, "Weite", ["Weite 10", "Weite 12"], "en") == "Weite 10 or Weite 12"
    assert phrase(plain, "Size", ["43"], "en") != "43"  # other options keep their name


def test_a_condition_the_shopper_contradicts_does_not_apply() -> None:
    assert contradicts("thick socks", "Ich habe Schuhgröße 41 und trage dünne Socken.")
    assert contradicts("dicken Socken", "I wear size 41 with thin socks")
    assert contradicts("thick socks", "I never wear thick socks")
    assert contradicts("dicke Socken", "Ich trage keine dicken Socken")
    assert not contradicts("thick socks", "Ich trage dicke Wollsocken")
    assert not contradicts("thick socks", "I wear thick socks in winter")
    assert step_value(["40", "41", "42"], "41", 1) == "42"  # a plain number run steps too


def test_a_step_under_a_condition_is_no_fit_of_the_product() -> None:
    assert list(fit("Sizes EU 39–47, true to size; with thick socks take one size up.")) == [
        ("fit", "true_to_size")
    ]
    assert list(fit("Mit dicken Socken eine Größe größer; sonst größengerecht.")) == [
        ("fit", "runs_small")
    ]  # no fit outright before it
    assert list(fit("Fällt normal aus, für dicke Socken eine Nummer größer.")) == [
        ("fit", "true_to_size")
    ]
    assert list(
        fit("Cut roomy for layering – if you only wear a T-shirt underneath, size down.")
    ) == [("fit", "runs_large")]
    assert list(fit("Fällt klein aus; für dicke Socken eine Nummer größer.")) == [
        ("fit", "runs_small")
    ]
    assert list(fit("Wenn Sie zwischen zwei Größen liegen, nehmen Sie die größere.")) == [
        ("fit", "runs_small")
    ]


def test_a_value_is_named_by_the_note_the_text_gives_it() -> None:
    boot = _product(
        {"Schuhgröße": ["43", "44"], "Weite": ["Weite 10", "Weite 12"]},
        BOOT_DE,
        size_option="Schuhgröße",
    )
    for text in (
        "Gibt es den Stiefel in 44 in der normalen Weite?",
        "Do you have it in 44 in the regular width?",
    ):
        assert {(a.option, a.values) for a in find_asked(boot, text)} == {
            ("Schuhgröße", ("44",)),
            ("Weite", ("Weite 10",)),
        }


def test_what_the_text_says_of_a_width_wins_over_its_number() -> None:
    text = "Zwei Leisten: Weite 11 (extra breit) und Weite 12 (schmal geschnitten)."
    boot = _product(
        {"Schuhgröße": ["43", "44"], "Weite": ["Weite 11", "Weite 12"]},
        text,
        size_option="Schuhgröße",
    )
    assert width_value(boot, "Ich habe breite Füße") == ("Weite", "Weite 11")
    assert width_value(boot, "I have wide feet") == ("Weite", "Weite 11")


def test_naming_an_option_beside_a_measurement_asks_which_value() -> None:
    de = _product({"Größe": ["90x200"], "Härtegrad": ["H2", "H3"]}, FIRM_DE, size_option="Größe")
    assert _names_option(de, "Ich wiege 115 kg, welchen Härtegrad?")
    en = _product({"Size": ["90x200"], "Firmness": ["H2", "H3"]}, FIRM_EN, "en", size_option="Size")
    assert _names_option(en, "I weigh 105 kg – which firmness should I get?")
    assert not _names_option(en, "I weigh 105 kg – is it comfortable?")
