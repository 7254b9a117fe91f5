"""Which product a message on a product page is about (actions/page_focus.py)."""

from __future__ import annotations

from actions.page_focus import distinct_text, on_page, points_at_page
from catalog.models import Product


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
