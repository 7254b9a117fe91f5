"""Which products a message names (catalog/naming.py): a name made only of the store's category
words ("Kinderskijacke Lawine" in a shop with categories for children's ski jackets and avalanche
gear) names its product when the message says each of its words. Made-up products."""

from __future__ import annotations

import math

from catalog.models import Product
from catalog.names import RARE, NameIndex
from catalog.naming import ProductNaming


def _product(pid: str, title: str, lang: str = "de") -> Product:
    return Product(id=pid, title={lang: title}, category="misc", variants=[{"sku": pid, "price": 1.0, "stock": 1}])


class _Naming(ProductNaming):
    def __init__(self, products: list[Product], generic: set[str]):
        self.products = {p.id: p for p in products}
        self.names = NameIndex.build(products, generic)
        self._rare_weight = math.log(1 + len(products) / RARE)


PRODUCTS = [
    _product("fleecejacke", "Kinderfleecejacke Murmel"),
    _product("cordhose", "Feincord-Hose"),
    _product("tie", "Silk Knit Tie", "en"),
    _product("scarf", "Silk Scarf Paisley", "en"),
    _product("gloves", "Winterhandschuhe"),
    *(_product(f"filler{i}", f"Füllartikel Nummer{i}") for i in range(12)),
]
GENERIC = {"kinderfleecejacke", "murmel", "feincord", "hose", "silk", "knit", "tie", "scarf", "winterhandschuhe"}


def test_a_name_of_category_words_spelt_out_names_its_product():
    naming = _Naming(PRODUCTS, GENERIC)
    assert [p.id for p in naming.find_named("Welche Größe der Kinderfleecejacke Murmel für 8 Jahre?")] == ["fleecejacke"]
    assert [p.id for p in naming.find_named("Bund 97 cm – welche Größe bei der Feincord-Hose?")] == ["cordhose"]
    assert [p.id for p in naming.find_named("Is the Silk Knit Tie hand-made?")] == ["tie"]


def test_category_words_alone_name_no_product():
    naming = _Naming(PRODUCTS, GENERIC)
    assert naming.find_named("Haben Sie Hosen aus Feincord?") == []  # not each word of the name as written
    assert naming.find_named("Do you have a silk tie?") == []  # "knit" not said
    assert naming.find_named("Haben Sie Winterhandschuhe?") == []  # one category word is the category


def test_a_function_word_is_no_misspelt_name_word():
    products = [_product("culotte", "Leinen-Culotte Sommer"), _product("sling", "Ring Sling Leinen"),
                *(_product(f"filler{i}", f"Füllartikel Nummer{i}") for i in range(12))]  # fmt: skip
    naming = _Naming(products, {"culotte", "ring", "sling"})
    assert naming.find_named("Ich suche einen Pullover für den Sommer") == []  # "einen" is no misspelt "Leinen"
    assert [p.id for p in naming.find_named("Is the linen sling, the Ring Sling Lienen, washable?")] == ["sling"]  # a real typo
