"""Sizes for a body measurement from the product's own data (catalog/size_chart.py)."""

from __future__ import annotations

from catalog.models import Product
from catalog.size_chart import Measurement, chart, find_measurement, sizes_for
from tests.test_variants import optioned


def test_find_measurement():
    assert find_measurement("Ich bin 182 cm groß, welche Größe?") == Measurement("height", 182.0)
    assert find_measurement("ich bin 1,82 m") == Measurement("height", 182.0)
    assert find_measurement("Innenbeinlänge 81 cm") == Measurement("inside_leg", 81.0)
    assert find_measurement("my dog's chest is 72 cm") == Measurement("chest", 72.0)
    assert find_measurement("Mein Sohn ist 120 cm, welche Größe?") == Measurement("height", 120.0)
    assert find_measurement("Is the 220 cm version in stock?") is None  # a size asked for, no body measure


def test_chart_from_a_sentence_with_ranges():
    harness = Product(
        id="harness", title={"de": "Brustgeschirr"}, category="pets",
        description={"de": "Gepolstert. Messen Sie den Brustumfang Ihres Hundes: Größe M passt für 55–70 cm, Größe L für 68–85 cm. Waschbar."},
        variants=[{"sku": "H-M", "size": "M", "price": 30.0, "stock": 2}, {"sku": "H-L", "size": "L", "price": 32.0, "stock": 0}],
    )  # fmt: skip
    rows = chart(harness, "en")
    assert [(r.size, r.low, r.high, r.measure) for r in rows] == [("M", 55, 70, "chest"), ("L", 68, 85, "chest")]
    fit, exact = sizes_for(rows, Measurement("chest", 72))
    assert exact and [r.size for r in fit] == ["L"]
    both, _ = sizes_for(rows, Measurement("chest", 69))
    assert [r.size for r in both] == ["M", "L"]
    far, exact = sizes_for(rows, Measurement("chest", 95))
    assert not exact and far[0].size == "L"
    assert sizes_for(rows, Measurement("height", 170)) == ([], False)  # the chart measures the chest


def test_chart_from_single_measures_next_to_option_values():
    p = optioned("pants", ("Size", "Length"), [("M", "Regular", 3), ("M", "Long", 1)], size_option="Size")
    p.description = {"en": "Softshell trousers. The inside leg is 81 cm in the regular length and 86 cm in the long length."}
    rows = chart(p, "de")
    assert {(r.size, r.low) for r in rows} == {("Regular", 81), ("Long", 86)}
    fit, exact = sizes_for(rows, Measurement("inside_leg", 86))
    assert exact and fit[0].size == "Long" and fit[0].option == "Length"


def test_chart_from_option_values_with_ranges():
    p = optioned("kids-jacket", ("Körpergröße",), [("104–110 cm", 2), ("116–122 cm", 0), ("128–134 cm", 5)])
    rows = chart(p, "de")
    assert [(r.size, r.measure) for r in rows][0] == ("104–110 cm", "height")
    fit, exact = sizes_for(rows, Measurement("height", 120))
    assert exact and fit[0].size == "116–122 cm"


def test_a_size_named_before_another_does_not_take_its_range():
    p = Product(id="vest", title={"en": "Vest"}, category="pets",
                description={"en": "Comes in sizes M and L: M fits a chest of 55–70 cm, L fits 68–85 cm."},
                variants=[{"sku": "V-M", "size": "M", "price": 30.0, "stock": 2}, {"sku": "V-L", "size": "L", "price": 32.0, "stock": 2}])  # fmt: skip
    assert sorted((r.size, r.low, r.high) for r in chart(p, "en")) == [("L", 68, 85), ("M", 55, 70)]


def test_a_measure_named_option_with_plain_numbers_is_a_chart():
    p = optioned("kids-shirt", ("Körpergröße",), [("104", 2), ("110/116", 3), ("122", 0), ("128", 4)])
    rows = chart(p, "de")
    assert [(r.size, r.low, r.high, r.measure) for r in rows][1] == ("110/116", 110, 116, "height")
    fit, exact = sizes_for(rows, Measurement("height", 119))
    assert exact and fit[0].size == "122"  # the next size up
    fit, exact = sizes_for(rows, Measurement("height", 140))
    assert not exact and fit[0].size == "128"
    adult = optioned("shirt", ("Größe",), [("48", 2), ("50", 3), ("52", 1)])
    assert chart(adult, "de") == []  # an adult "Größe" says nothing about what it measures


def test_german_kids_sizes_are_heights():
    """Kids' sizes 50 … 176 are the child's height: 104 fits 99–104 cm, 92/98 fits 87–98 cm."""
    kids = optioned("kids-shirt", ("Größe",), [("92/98", 2), ("104/110", 3), ("116/122", 1)])
    assert [(r.size, r.low, r.high, r.measure) for r in chart(kids, "de")][0] == ("92/98", 87, 98, "height")
    assert sizes_for(chart(kids, "de"), Measurement("height", 110)) == ([chart(kids, "de")[1]], True)
    single = optioned("kids-jacket", ("Größe",), [("98", 2), ("104", 3), ("110", 1)])
    fit, exact = sizes_for(chart(single, "de"), Measurement("height", 100))
    assert exact and fit[0].size == "104"


def test_rows_that_name_no_measure_chart_only_numbers_near_theirs():
    from catalog.size_chart import ChartRow, usable_rows

    rows = [ChartRow("M", "Größe", 95, 100, None, "M (95–100 cm)"), ChartRow("XL", "Größe", 101, 106, None, "XL (101–106 cm)")]
    assert usable_rows(rows, Measurement("chest", 104)) == rows
    assert usable_rows(rows, Measurement("height", 168)) == []  # "Ich bin 1,68 m": no chest of 80–106 cm
    assert sizes_for(rows, Measurement("height", 168)) == ([], False)
    assert [r.size for r in sizes_for(rows, Measurement("chest", 104))[0]] == ["XL"]


def test_feet_in_the_plural_are_a_foot_length():
    assert find_measurement("Meine Füße sind 25 cm lang, welche Größe?") == Measurement("foot", 25.0)
    assert find_measurement("My feet are 26 cm long") == Measurement("foot", 26.0)
    assert find_measurement("I am 6 feet tall") == Measurement("height", 183)


def test_a_childs_age_before_a_dash_or_colon():
    assert find_measurement("My son is 5 – 110 or 116?") == Measurement("age", 5.0)
    assert find_measurement("Meine Tochter ist 7: 122 oder 128?") == Measurement("age", 7.0)
