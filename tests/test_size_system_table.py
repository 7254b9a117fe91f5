"""A size asked in another system from the product's own table of systems ("EU FR UK US", "UK DE
Waist Hip", "EU UK US (women) Foot length"): the row of the given size gives the asked column;
"ich habe DE 38" is answered as advice; no table, or a system it lacks, no answer (DE/EN)."""

from __future__ import annotations

from actions.size_system_answer import system_reply
from tests.test_size_written_tables import _product

_BRA = "Bügel-BH aus Spitze.\nInternationale Größen:\nEU FR UK US\n70 85 32 32\n75 90 34 34\n80 95 36 36\nHandwäsche."
_TIGHTS = "Reithose mit Vollbesatz.\nSizing (UK sizes):\nUK DE Waist (in / cm)\n8 34 25 / 64\n10 36 27 / 68\n12 38 29 / 73\nTrue to size."
_SHOE = "Wanderschuh.\nEU UK US (women) Foot length\n37 4.5 6.5 23.3 cm\n38 5 7 23.7 cm\n38.5 5.5 7.5 24.1 cm"


def test_the_asked_column_of_the_given_size_row() -> None:
    bra = _product({"Größe": ["70B", "75B", "80C"]}, _BRA, "de")
    said = system_reply(bra, "Welche französische Größe entspricht EU 75?", "de") or ""
    assert "FR 90" in said and "75 90 34 34" in said, said
    said = system_reply(bra, "Which US size is EU 80?", "en") or ""
    assert "US 36" in said, said
    shoe = _product({"Größe": ["EU 37", "EU 38", "EU 38.5"]}, _SHOE, "en")
    assert "UK 5.5" in (system_reply(shoe, "What's the UK size for EU 38.5?", "en") or "")
    assert "US 7" in (system_reply(shoe, "Welche US-Damengröße ist EU 38?", "de") or "")


def test_a_size_the_shopper_wears_is_advice() -> None:
    tights = _product({"Size": ["UK 8", "UK 10", "UK 12"]}, _TIGHTS, "de")
    said = system_reply(tights, "Ich habe in deutschen Größen 38, welche UK-Größe?", "de") or ""
    assert "empfehle" in said and "UK 12" in said, said
    said = system_reply(tights, "I wear DE 36 – which UK size?", "en") or ""
    assert "recommend UK 10" in said, said


def test_no_table_or_no_such_column_no_answer() -> None:
    plain = _product({"Größe": ["70B", "75B"]}, "Bügel-BH aus Spitze. Handwäsche.", "de")
    assert system_reply(plain, "Welche französische Größe entspricht EU 75?", "de") is None
    bra = _product({"Größe": ["70B", "75B", "80C"]}, _BRA, "en")
    assert system_reply(bra, "Which IT size is EU 75?", "en") is None
    assert system_reply(bra, "Is EU 75 in stock?", "en") is None
