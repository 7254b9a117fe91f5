"""The body measure a named size is for, read from the product's chart ("Für welche Körpergröße
ist Gr. 26?", "What height is size 44 meant for?", "What's the foot length for EU 37?"): the row's
figures with the line they come from; none for a figure the text does not write (DE/EN)."""

from __future__ import annotations

from actions.size_value_measure import size_measure_reply
from tests.test_size_written_tables import _product

_SUIT = {
    "de": "Trockenanzug.\nGröße Körpergröße Gewicht Brust\n40 165–172 cm 61–69 kg 92–97 cm\n42 168–175 cm 67–76 kg 97–102 cm\n"
          "44 170–178 cm 74–84 kg 102–108 cm",
    "en": "Dry suit.\nSize Height Weight Chest\n40 165–172 cm 61–69 kg 92–97 cm\n42 168–175 cm 67–76 kg 97–102 cm\n"
          "44 170–178 cm 74–84 kg 102–108 cm",
}
_SHOE = "Approach shoe.\nEU UK US Foot length\n36 3.5 5.5 22.4 cm\n37 4.5 6.5 23.3 cm\n38 5 7 23.7 cm"
_KIDS = "Kinder-Neoprenanzug. Wählen Sie nach Körpergröße, nicht nach Alter.\nAge 8: 121–130 cm, 23–28 kg\nAge 10: 131–140 cm, 28–34 kg"


def test_the_height_of_a_named_size_from_the_table() -> None:
    for lang, question in (("de", "Für welche Körpergröße ist Größe 42 gedacht?"), ("en", "What height is size 42 meant for?")):
        said, unknown = size_measure_reply(_product({"Größe": ["40", "42", "44"]}, _SUIT[lang], lang), question, lang, []) or ("", True)
        assert "168" in said and "175" in said and not unknown, said


def test_the_foot_length_of_a_size_named_with_its_system() -> None:
    product = _product({"Größe": ["EU 36", "EU 37", "EU 38"]}, _SHOE, "en")
    for lang, question in (("en", "What's the foot length for EU 37?"), ("de", "Welche Fußlänge hat EU 37?")):
        product = _product({"Größe": ["EU 36", "EU 37", "EU 38"]}, _SHOE, lang)
        said, unknown = size_measure_reply(product, question, lang, []) or ("", True)
        assert "23" in said and "3" in said.split("23")[1][:3] and not unknown, said


def test_an_unlabelled_row_in_cm_is_a_height() -> None:
    for lang, question in (("en", "What height is the age 10 size for?"), ("de", "Für welche Körpergröße ist die 10?")):
        said, _ = size_measure_reply(_product({"Age": ["8", "10"]}, _KIDS, lang), question, lang, []) or ("", True)
        assert "131" in said and "140" in said, said


def test_no_row_whose_figures_the_text_does_not_write() -> None:
    product = _product({"Größe": ["104", "110", "116"]}, "Kinderjacke aus Fleece.", "de")  # kids' sizes are heights only by convention
    for lang, question in (("de", "Für welche Körpergröße ist Größe 110?"), ("en", "What height is size 110 meant for?")):
        said = size_measure_reply(product, question, lang, [])
        assert said is None or "105" not in said[0], said
