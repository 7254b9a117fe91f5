"""Adult fashion sizes as shoppers give them, in another system than the product's: women's
UK/US/IT/FR/DE and letters, men's suit and waist sizes, collars, bras, gloves, rings, hats.
Products from tests/fixtures/store_fashion; the whole-answer set is
tests/fixtures/size_phrasings_fashion.jsonl (`bench.answers --store-dir`)."""

from __future__ import annotations

import pytest

from actions.sizing import ActionAnswerSize
from catalog.fashion_sizes import convert, product_system, women_de
from catalog.size_values import named_numbers
from tests.conftest import FIXTURES, serving_store

STORE = FIXTURES / "store_fashion"
DE_WOMEN = ["34", "36", "38", "40", "42", "44"]
LETTERS = ["XS", "S", "M", "L", "XL"]
SAKKO = ["46", "48", "50", "52", "54", "56", "24", "25", "26", "27", "98", "102", "106"]


def value(text: str, option: str, values: list[str], title: str = "") -> str | None:
    found = convert(text, option, values, title)
    return found.value if found else None


def test_the_size_system_of_a_products_values() -> None:
    assert product_system("Größe", DE_WOMEN) == "de_women" and product_system("Größe", SAKKO) == "de_men"
    assert product_system("Size", ["UK 8", "UK 10"]) == "uk" and product_system("Größe", ["IT 40", "IT 42"]) == "it"
    assert product_system("Size", ["38R", "40L"]) == "suit" and product_system("Größe", ["70B", "75C"]) == "bra_eu"
    assert product_system("Kragenweite", ["39", "40", "41"]) == "collar_cm" and product_system("Collar", ["15", "15.5"]) == "collar_in"
    assert product_system("Weite", ["30", "32", "34", "36"]) is None  # a jeans width is no German size
    assert product_system("Größe", ["7", "7,5", "8"], "Lederhandschuhe") == "glove" and product_system("Größe", ["7", "8"]) is None


def test_womens_sizes_across_systems() -> None:
    assert [women_de("uk", 12), women_de("us", 8), women_de("it", 42), women_de("fr", 40)] == [40, 40, 38, 38]
    assert value("I'm a UK 12, which size?", "Größe", DE_WOMEN) == "40"
    assert value("Ich trage in italienischen Größen 42.", "Größe", DE_WOMEN) == "38"
    assert value("I'm a German 38, which size?", "Size", ["UK 8", "UK 10", "UK 12"]) == "UK 10"
    assert value("Ich trage Größe 38. Welche italienische Größe?", "Größe", ["IT 40", "IT 42", "IT 44"]) == "IT 42"
    assert value("I'm a UK 10, which size?", "Größe", LETTERS) == "M" and value("I'm usually a 38/M", "Size", ["UK 8", "UK 10"]) == "UK 10"
    assert value("Ich trage sonst 40.", "Größe", LETTERS) is None  # a bare German number on letters: actions.size_advice
    assert value("I'm a UK 12, which size?", "Size", ["UK 10", "UK 12"]) is None  # the product's own system


def test_mens_suit_and_waist_sizes() -> None:
    assert value("I'm a 40R in suits", "Größe", SAKKO) == "50" and value("I wear a 42 long", "Größe", SAKKO) == "106"
    assert value("I'm a 38 short", "Größe", SAKKO) == "24"
    assert value("Ich habe Größe 50, bin aber kurz gewachsen. Welche Kurzgröße?", "Größe", SAKKO) == "25"
    suits = ["36R", "38R", "40R", "42R", "38L", "40L", "42L"]
    assert value("Ich trage Sakkogröße 50.", "Size", suits) == "40R" and value("Ich habe Größe 102 (Langgröße).", "Size", suits) == "40L"
    assert value("I'm a 32 waist, which size?", "Größe", ["44", "46", "48", "50", "52"]) == "48"
    assert convert("I usually wear W34 jeans", "Größe", ["48", "50", "52"]).kind == "waist"
    assert named_numbers({"Weite": ["30", "32"], "Länge": ["30", "32"]}, "I'm a 32 waist, 32 leg") == {"Weite": "32", "Länge": "32"}
    assert value("Ich trage Jeans in W36", "Size", ["S", "M", "L", "XL"]) == "L" and value("I'm a 52 in German sizes", "Size", LETTERS) == "L"


def test_collars_bras_gloves_rings_hats() -> None:
    cm = [str(n) for n in range(37, 46)]
    inches = ["14.5", "15", "15.5", "16", "16.5", "17", "17.5"]
    assert value("My collar size is 15.5", "Kragenweite", cm) == "39" and value("Meine Kragenweite ist 15 ½ Zoll", "Kragenweite", cm) == "39"
    assert value("Ich habe Kragenweite 41", "Collar", inches) == "16" and value("My neck is 42 cm", "Collar", inches) == "16.5"
    bras = ["70C", "75B", "75C", "75E", "80F"]
    assert value("I'm a 34B", "Größe", bras) == "75B" and value("I wear a UK 34DD", "Größe", bras) == "75E"
    assert value("Ich trage UK 36E", "Größe", bras) == "80F" and value("I'm a US 32C", "Größe", bras) == "70C"
    assert value("Mein Handumfang ist 19 cm", "Größe", ["6,5", "7", "7,5", "8"], "Lederhandschuhe") == "7,5"
    rings = ["50", "52", "54", "56", "58"]
    assert value("Umfang 54 mm", "Ringgröße", rings) == "54" and value("I'm a US size 7 ring", "Ringgröße", rings) == "54"
    assert value("inner diameter 18 mm", "Ringgröße", rings) == "56" and value("Ringgröße UK N", "Ringgröße", rings) == "54"
    hats = [str(n) for n in range(55, 62)]
    assert value("My head is 22.5 inches around", "Hutgröße", hats) == "57" and value("US hat size 7 1/4", "Hutgröße", hats) == "58"


def test_waist_and_length_written_as_a_pair() -> None:
    options = {"Weite": ["30", "32", "33", "34"], "Länge": ["30", "32", "34"]}
    assert named_numbers(options, "Do you have it in 32/34?") == {"Weite": "32", "Länge": "34"}
    assert named_numbers({"Größe": ["38", "40"]}, "38/40") == {}


# --- whole answers on the fixture store --------------------------------------------------------


@pytest.fixture(scope="module")
def fashion_store(test_catalog, tmp_path_factory, use_embedder):
    """The actions answer from the fashion store for this module, then from the test store again."""
    with serving_store(STORE, tmp_path_factory.mktemp("fashion-data"), use_embedder):
        yield


@pytest.fixture
def ask(run_action, fashion_store):
    def _ask(text: str, product: str, lang: str = "en"):
        messages, _ = run_action(ActionAnswerSize(), text, metadata={"language": lang, "product_id": product})
        return "\n".join(m.get("text") or "" for m in messages)

    return _ask


def test_a_uk_dress_size_on_a_german_sized_dress_names_the_stock(ask) -> None:
    reply = ask("I'm a UK 10 – is the black one available in my size?", "etuikleid-mila")
    assert reply.startswith("UK 10 is about size 38 here (a general conversion") and "sold out in size 38 in black" in reply


def test_a_collar_in_inches_on_a_shirt_in_cm(ask) -> None:
    reply = ask("My collar size is 15.5, which size?", "businesshemd-graben")
    assert reply.startswith("A collar of 15.5 inch is size 39 here") and "Kragenweite 39: in stock" in reply


def test_a_suit_size_and_a_bra_size(ask) -> None:
    assert "I recommend size 106" in ask("I wear a 42 long, which size?", "sakko-ringstrasse")
    reply = ask("Ich trage in UK-Größen 36E. Welche Größe ist das hier?", "spitzen-bh-elena", "de")
    assert reply.startswith("BH-Größe UK 36E entspricht EU 80F")


def test_oversized_38_m_sizes_down(ask) -> None:
    assert "I recommend size S" in ask("I'm usually a 38/M, what do you recommend?", "strickpullover-alma")


def test_a_bare_german_number_on_letters_from_a_shopify_export(ask) -> None:
    """A Shopify export names no size system: letters are known from the values themselves."""
    assert ask("Ich trage sonst 36. Welche Größe?", "seidenbluse-lina", "de").startswith("Größe 36 entspricht etwa Größe S.")


def test_general_conversions_about_no_product() -> None:
    from actions.size_general import conversion
    from catalog.fashion_sizes import general

    assert general("What is a 34DD bra in European sizes?") == ("bra", "UK 34DD", "75E")
    assert general("What is an Italian 44 in German sizes?") == ("women", "IT 44", "40")
    assert general("What's a 42 long in German suit sizes?") == ("men", "42 long", "106")
    assert general("Kragenweite 41 – welche Größe ist das in Zoll?") == ("collar", "41 cm", "16\u2033")
    assert general("Is the jacket in 42 long enough?") is None and general("What is UK 9 in EU?") is None
    assert conversion("Welche EU-Größe hat ein BH in UK 36C?", "de").startswith("BH-Größe UK 36C entspricht EU 80C")


def test_a_bra_sold_by_band_and_cup_and_petite_or_tall_lengths() -> None:
    from catalog.fashion_measures import band_and_cup_values
    from catalog.value_match import names_value

    options = {"Band": ["70", "75", "80"], "Cup": ["B", "C", "D", "E"]}
    assert band_and_cup_values(options, "I'm a UK 34DD") == {"Band": "75", "Cup": "E"}
    assert band_and_cup_values(options, "Haben Sie 80C?") == {"Band": "80", "Cup": "C"}
    assert band_and_cup_values({"Größe": ["70", "75"]}, "34D") == {}
    lengths = ["Kurz", "Normal", "Lang"]
    assert names_value("Lang", lengths, "Länge", "Is there a tall length?") and names_value("Kurz", lengths, "Länge", "in petite?")
    assert not names_value("Normal", lengths, "Länge", "Is there a tall length?")


def test_a_height_picks_the_length_and_the_usual_size_the_size(ask) -> None:
    reply = ask("Ich bin 1,68 m und trage 38. Welche Variante soll ich nehmen?", "stoffhose-ella", "de")
    assert "Länge Normal" in reply and "empfehle ich bei Stoffhose Ella Größe 38" in reply
    reply = ask("Do you have it in 34D?", "sport-bra-flow")
    assert "Band 75" in reply and "Cup D" in reply


def test_a_tall_length_is_the_long_one(ask) -> None:
    reply = ask("Is there a tall length in size 40?", "stoffhose-ella")
    assert "size 40 in Länge Lang" in reply and "sold out" in reply


def test_a_conversion_asked_in_eu_stays_general() -> None:
    assert value("What is US 10 in EU?", "Size", LETTERS) is None and value("I'm a US 10, which size?", "Size", LETTERS) == "L"


def test_a_weight_an_age_or_a_length_is_no_clothing_size() -> None:
    assert value("I'm 52 kg, which size?", "Size", LETTERS) is None and value("Ich bin 50 Jahre alt, welche Größe?", "Size", LETTERS) is None
    assert value("Ich trage Größe 36 cm", "Size", ["UK 8", "UK 10"]) is None and value("Ich trage Größe 36", "Size", ["UK 8", "UK 10"]) == "UK 8"


def test_a_bare_size_letters_on_mens_numbers_and_a_womens_waist() -> None:
    found = convert("I'm a size 12, which one should I get?", "Größe", DE_WOMEN)
    assert (found.value, found.kind, found.other) == ("40", "bare", "44")  # UK 12, and what a US 12 would be
    assert value("I'm usually a size 12", "Größe", LETTERS, "Strickpullover damen") == "M" and value("I'm a size 12", "Size", LETTERS, "Men's tee") is None
    assert value("I'm usually a medium, which size?", "Größe", ["44", "46", "48", "50"]) == "48"
    assert value("Ich trage meistens L.", "Size", ["38R", "40R", "42R"]) == "42R"
    assert value("I'm a 28 waist, which size?", "Größe", DE_WOMEN) == "38" and value("I'm a 32 waist", "Size", LETTERS, "Joggers men") == "M"


def test_a_bare_size_is_said_to_be_read_as_uk(ask) -> None:
    reply = ask("I'm a size 12, which one should I get?", "etuikleid-mila")
    assert reply.startswith("If size 12 is a UK size, it is about size 40 here; a US 12 would be about 44 (a general conversion).")


def test_it_and_de_as_words_name_no_size_system() -> None:
    assert value("Is it 40 euros?", "Größe", DE_WOMEN) is None and value("I'm an IT 42", "Größe", DE_WOMEN) == "38"


def test_a_measure_in_cm_beside_the_neck_is_no_collar_in_inches() -> None:
    from catalog.fashion_sizes import general

    assert general("the distance from my neck to the edge of my shoulder is 15 cm") is None
    assert general("Vom Hals bis zur Schulter sind es 14 cm") is None
    assert general("my collar is 15.5, what is that in cm?")[2] == "39 cm"
    assert general("Kragenweite 16 Zoll in cm?")[2] == "41 cm"
