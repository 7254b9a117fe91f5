"""The number words: one base table (`catalog.number_words`), and what each reader adds to it.
The product-text reader (`catalog.extract_units`) takes the articles "a" / "an" as one and knows
15, 20, 30; the body-measurement reader (`catalog.measurements`) leaves "a" alone. Both know 11."""

from __future__ import annotations

from catalog import extract_units, measurements
from catalog.extract import extract_text
from catalog.measurements import find_measurements
from catalog.number_words import NUMBER_WORDS


def test_both_readers_start_from_the_one_base_table():
    assert NUMBER_WORDS.items() <= extract_units.NUMBER_WORDS.items()
    assert NUMBER_WORDS.items() <= measurements.NUMBER_WORDS.items()
    only_text = set(extract_units.NUMBER_WORDS) - set(NUMBER_WORDS)
    only_measures = set(measurements.NUMBER_WORDS) - set(NUMBER_WORDS)
    assert only_text == {"a", "an", "einen", "einem", "fünfzehn", "fifteen", "zwanzig", "twenty", "dreißig", "thirty"}
    assert only_measures == set()


def test_base_words_are_read_by_both():
    assert extract_units.parse_number("zwölf") == 12 and extract_units.parse_number("three", "en") == 3
    assert [f.value for f in extract_text("Zwölf Jahre Garantie.", "de") if f.key == "warranty_years"] == [12]
    assert [(m.measure, m.cm) for m in find_measurements("my son is twelve")] == [("age", 12.0)]


def test_the_article_is_one_only_in_product_text():
    assert extract_units.parse_number("a", "en") == 1 and extract_units.parse_number("an", "en") == 1
    assert extract_units.parse_number("einen") == 1
    assert "a" not in measurements.NUMBER_WORDS
    assert [(m.measure, m.cm) for m in find_measurements("for a 5 year old")] == [("age", 5.0)]  # "a" is no 1


def test_tens_of_a_duration_only_in_product_text():
    assert [f.value for f in extract_text("Zwanzig Jahre Garantie auf den Rahmen.", "de") if f.key == "warranty_years"] == [20]
    assert extract_units.parse_number("thirty", "en") == 30
    assert find_measurements("she is twenty") == []


def test_eleven_is_read_by_both():
    assert [(m.measure, m.cm) for m in find_measurements("my son is eleven")] == [("age", 11.0)]
    assert [(m.measure, m.cm) for m in find_measurements("für einen elfjährigen Jungen")] == [("age", 11.0)]
    assert extract_units.parse_number("elf") == 11
    assert [f.value for f in extract_text("Elf Jahre Garantie.", "de") if f.key == "warranty_years"] == [11]
