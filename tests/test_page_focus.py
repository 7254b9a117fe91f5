"""Which product a message on a product page is about (actions/page_focus.py)."""

from __future__ import annotations

from actions.page_focus import distinct_text, on_page, points_at_page, shortened, without_owned
from catalog.models import Product
from catalog.shop_words import kind_names


def _product(pid: str, *titles: str, description: str = "") -> Product:
    return Product(
        id=pid, title=dict(zip(("de", "en"), titles, strict=False)), category="sport",
        description={"de": description} if description else {}, variants=[{"sku": pid, "price": 1.0, "stock": 1}],
    )  # fmt: skip


ROLLER = _product("roller", "Foam Roller Recovery 33 cm")
STOCKINGS = _product("stockings", "Kompressionsstrümpfe Recovery")
GTX = _product("gtx", "TrailRunner GTX")
LITE = _product("lite", "TrailRunner Lite")


def test_a_word_of_the_page_products_own_name_names_no_other_product():
    left = distinct_text("Hilft die Rolle bei der Recovery nach dem Lauf?", ROLLER).split()
    assert "Recovery" not in left and "Rolle" not in left  # "Rolle" ~ "Roller", slightly inflected
    assert "Lauf?" in left
    assert "Lite" in distinct_text("Is the TrailRunner Lite lighter?", GTX).split()


def test_a_material_names_no_other_product_on_a_page():
    merino_tee = _product("tee", "Merino 150 T-Shirt")
    assert "merino" not in distinct_text("Is this one pure merino wool?", merino_tee).lower()


def test_here_and_this_point_at_the_page():
    assert points_at_page("I have your Trailrunner Lite in 42 — which size here?")
    assert points_at_page("Bei Etuikleidern trage ich 38, welche Größe hier?")
    assert points_at_page("which size for these boots?")
    assert not points_at_page("Is the Trailrunner Lite waterproof?")


def _only(*words: str):
    return lambda word: word in words


def test_the_page_product_wins_and_another_named_one_is_the_reference():
    text = "I have your Trailrunner Lite in 42 — which size here?"
    assert on_page([LITE], [LITE], GTX, text, _only("gtx")) == [GTX, LITE]
    assert on_page([LITE], [LITE], GTX, "Is the Trailrunner Lite waterproof?", _only("gtx")) == [LITE]  # not pointing here
    assert on_page([STOCKINGS], [], ROLLER, "Hilft die Rolle bei der Recovery?", _only()) == []  # the page, as when nothing is named
    assert on_page([STOCKINGS, ROLLER], [], ROLLER, "Hilft der Foam Roller bei der Recovery?", _only()) == [ROLLER]


def test_a_word_only_the_page_products_name_has_names_the_page():
    jammer = _product("jammer", "Swim Jammer Pro Men")
    swimsuit = _product("swimsuit", "Badeanzug Damen Chlorresistent")
    assert on_page([swimsuit], [swimsuit], jammer, "Ist die Jammer chlorresistent?", _only("jammer")) == [jammer, swimsuit]
    assert on_page([LITE], [LITE], GTX, "Is the TrailRunner Lite waterproof?", _only("gtx")) == [LITE]  # a word both names have
    scooter = _product("scooter", "Kids Scooter")
    puzzle = _product("puzzle", "Alpine Lake Puzzle")
    assert on_page([puzzle], [puzzle], scooter, "Is the Alpine Lake Puzzle good for kids?", _only("scooter")) == [puzzle]


# --- the page product kept first (made-up products) --------------------------------------------

WANDERSTIEFEL = _product("stiefel", "Lederwanderstiefel Alpbach")
TRAIL_BOOT = _product("trailboot", "Ridgeline Trail Boot")
STRUMPFHOSE = _product("strumpfhose", "Stützstrumpfhose Urlaub 40 DEN")
SPORT_BRA = _product("sportbra", "Sport-BH Tempo High Support")
HELMET_KIDS = _product("kidshelmet", "Kinderfahrradhelm Flitzer")
HELMET_ADULT = _product("adulthelmet", "Fahrradhelm Cirrus MIPS")


def test_the_page_products_kind_in_the_other_language_names_no_other_product():
    assert "boot" not in distinct_text("my foot is 25.2 cm, which boot size?", WANDERSTIEFEL).lower()
    assert "stiefel" not in distinct_text("Sind die Stiefel wasserdicht?", TRAIL_BOOT).lower()
    assert "Ridgeline" in distinct_text("Is the Ridgeline boot lighter?", WANDERSTIEFEL)  # its own name word stays


def test_the_page_products_kind_keeps_it_first_before_another_kind():
    text = "Which size of the holiday support tights?"
    assert on_page([SPORT_BRA], [SPORT_BRA], STRUMPFHOSE, text, _only()) == [STRUMPFHOSE, SPORT_BRA]
    text = "Welche Größe hat die Strumpfhose im Vergleich zum Support-BH?"
    assert on_page([SPORT_BRA], [SPORT_BRA], STRUMPFHOSE, text, _only()) == [STRUMPFHOSE, SPORT_BRA]
    # the other product is of the same kind: the kind word decides nothing
    assert on_page([TRAIL_BOOT], [TRAIL_BOOT], WANDERSTIEFEL, "Is the Ridgeline Trail boot waterproof?", _only()) == [TRAIL_BOOT]
    assert on_page([SPORT_BRA], [SPORT_BRA], STRUMPFHOSE, "Is the Tempo High Support padded?", _only()) == [SPORT_BRA]


def test_a_shortened_compound_of_the_page_products_name_names_it():
    text = "Hat der Kinderhelm MIPS?"
    assert on_page([HELMET_ADULT], [HELMET_ADULT], HELMET_KIDS, text, _only("kinderfahrradhelm")) == [HELMET_KIDS, HELMET_ADULT]
    assert on_page([HELMET_ADULT], [HELMET_ADULT], HELMET_KIDS, "Hat der Cirrus MIPS?", _only("kinderfahrradhelm")) == [HELMET_ADULT]


def test_the_shoppers_own_thing_names_no_product():
    assert "Pony" not in without_owned("Wie viel gebe ich meinem Pony mit 250 kg?")
    assert "Fohlen" not in without_owned("Darf ich das bei meinem 2 Monate alten Fohlen verwenden?")
    assert "Collie" not in without_owned("Is it safe for my old collie with a bad hip?")
    assert "Collie" in without_owned("Is the Collie harness padded?")
    pellets, pony = _product("pellets", "Kräuterpellets Ruhig"), _product("pony", "Kinderreithelm Pony Star")
    assert on_page([pony], [pony], pellets, "Wie viel gebe ich meinem Pony?", _only(), owned=True) == [pellets, pony]


def test_another_product_named_by_words_the_page_products_text_says_is_the_reference():
    gloves = _product("gloves", "Heated Gloves Ember", description="Heat levels: 1 (45 °C) approx. 6 h. CE EN 13594 Level 1 KP.")
    insert = _product("insert", "Knee Protector Insert Level 1")
    assert on_page([insert], [insert], gloves, "battery life on level 1?", _only()) == [gloves, insert]
    helm = _product("helm", "Integralhelm Sturm", description="Intercom-ready: passend für Funkbox T3 und T5.")
    box = _product("box", "Intercom Funkbox T5")
    assert on_page([box], [box], helm, "Passt da eine Funkbox T5 rein?", _only()) == [helm, box]
    assert on_page([insert], [insert], helm, "Is the knee insert level 1?", _only()) == [insert]  # not in the helmet's text
    k20 = _product("k20", "Kradlink K20", description="Kompatibel mit dem Kradlink K10.")
    k10 = _product("k10", "Kradlink K10")
    assert on_page([k10], [k10], k20, "What is the range of the Kradlink K10?", _only()) == [k10]  # a model code, asked alone
    assert on_page([k10], [k10], k20, "Wie weit reicht das Kradlink K10?", _only()) == [k10]
    assert on_page([k10], [k10], k20, "Funktioniert es mit dem K10?", _only()) == [k20, k10]


def test_kind_names_and_shortened_compounds():
    assert kind_names("boot") == kind_names("boots") == {"stiefel"}
    assert kind_names("Lederwanderstiefel") == {"boots"}
    assert kind_names("Reit") == set()  # a first part is no kind
    assert kind_names("Helme") == {"helmet"}
    assert shortened("kinderhelm", "kinderfahrradhelm") and shortened("damenjacke", "damenregenjacke")
    assert not shortened("kinderhelm", "kinderhelm") and not shortened("kindermütze", "kinderfahrradhelm")


def test_what_the_page_products_name_says_in_the_other_language_names_no_other_product():
    kettle = _product("kettle", "Reisewasserkocher Faltbar 0,6 l")
    assert "travel" not in distinct_text("How many watts does the travel kettle have?", kettle).lower()
    left = distinct_text("Ist der Reise-Föhn leiser?", _product("iron", "Travel Iron Compact"))
    assert "Reise" not in left and "Föhn" in left  # "Reise" is its "Travel", the hair dryer another product


def test_what_the_shopper_wears_or_has_names_no_product():
    assert "protektor" not in without_owned("brust 104 und ich trag nen Rückenprotektor").lower()
    assert "fleece" not in without_owned("chest 99 cm but I wear a fleece underneath")
    assert "husky" not in without_owned("Ich habe einen Husky mit 30 kg").lower()
    assert "Flow" in without_owned("I have a question about the Flow")  # the question is the shopper's, not the product
    assert "Flow" in without_owned("Ich habe gelesen, dass der Flow gut ist")  # "habe" as a tense, nothing owned


def test_the_page_product_named_beside_another_comes_first():
    ash, oak = _product("ash", "Eschenholz Kochlöffel"), _product("oak", "Eichenholz Kochlöffel")
    assert on_page([oak, ash], [oak], ash, "is ash wood lighter than Eichenholz?", _only()) == [ash, oak]
    assert on_page([ash, oak], [ash], oak, "Ist Eichenholz schwerer als Eschenholz?", _only()) == [oak, ash]


def test_a_colour_or_the_page_products_option_value_names_no_other_product():
    gi = Product(id="gi", title={"en": "Judo Gi Randori"}, category="sport", variants=[
        {"sku": "gi-1", "price": 1.0, "stock": 1, "options": {"Size": "170", "Colour": "Blue"}}])  # fmt: skip
    assert "white" not in distinct_text("Is size 170 in white in stock?", gi)  # no "Kids Gi White"
    assert "Weiß" not in distinct_text("Gibt es den in Weiß?", gi)
    linen = Product(id="bedding", title={"de": "Leinenbettwäsche Föhr"}, category="home", variants=[
        {"sku": "b-1", "price": 1.0, "stock": 1, "options": {"Größe": "155x220", "Farbe": "Dünensand"}}])  # fmt: skip
    left = distinct_text("Gibt es die in 155x220 in Dünensand?", linen)
    assert "Dünensand" not in left and "Gibt" in left  # no "Wohndecke Dünenstrand"
    assert "Randori" in distinct_text("Is the Randori lighter than the Kata gi?", linen)  # a name word stays
