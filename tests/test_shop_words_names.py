"""A product word in the other language: German plurals, English names of several words (also
with short ones: "bow tie"), a translation of several words counting for the products that have
them all ("impact driver"), and a long request word whose translation is a whole name word
naming its product ("brogues" the "Budapester Derby")."""

from __future__ import annotations

import pytest

from catalog.embedder import get_embedder
from catalog.index import ProductIndex
from catalog.models import Product
from catalog.names import NameIndex, tokens
from catalog.search import NAMED_BY_WORD, CatalogService
from catalog.shop_words import other_language, translated_names, translated_scores
from catalog.store import Store
from tests.conftest import TEST_STORE


def _product(pid: str, title: dict[str, str], description: dict[str, str]) -> Product:
    return Product(id=pid, title=title, description=description, category="misc",
                   variants=[{"sku": pid.upper(), "price": 40.0, "stock": 2}])  # fmt: skip


PRODUCTS = [
    _product("budapester", {"de": "Budapester Halbschuh Lindwurm"},
             {"de": "Rahmengenähter Schnürschuh aus Kalbsleder mit Lochmuster, Ledersohle."}),  # fmt: skip
    _product("fliege", {"de": "Fliege Seide Nachtfalter"},
             {"de": "Zum Selbstbinden, reine Seide, verstellbar von 36 bis 48 cm Halsweite."}),  # fmt: skip
    _product("krawatte", {"de": "Krawatte Grenadine Rabe"}, {"de": "Handgenähte Krawatte aus Grenadine-Seide."}),
    _product("impact", {"en": "Impact Driver Thunderbolt 18"},
             {"en": "Cordless impact driver, 18 V, 200 Nm, two batteries and a charger in the case."}),  # fmt: skip
    _product("drill", {"en": "Drill Driver Breeze 12"}, {"en": "Compact cordless drill driver, 12 V, 35 Nm."}),
    _product("bits", {"en": "Driver Bit Set Quartz"}, {"en": "32 screwdriver bits in a small box."}),
    _product("hufsalbe", {"de": "Hufsalbe Kräutergarten"}, {"de": "Pflegt trockenes, sprödes Horn mit Lorbeeröl."}),
    _product("violin", {"en": "Student Violin Outfit Sparrow"},
             {"en": "A violin with bow, case and rosin, set up in our workshop."}),  # fmt: skip
]


@pytest.fixture(scope="module")
def service() -> CatalogService:
    embedder = get_embedder("use")
    index = ProductIndex(embedder.name, embedder.dim)
    index.upsert([p.id for p in PRODUCTS], embedder.encode([p.embedding_text() for p in PRODUCTS]),
                 embedder.encode([p.short_text() for p in PRODUCTS]))  # fmt: skip
    return CatalogService(Store(TEST_STORE), PRODUCTS, index, embedder)


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex.build(PRODUCTS, set())


def _titles(pid: str) -> set[str]:
    return next(set(p.title) for p in PRODUCTS if p.id == pid)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("geigen", {"violin"}),  # a German plural by its singular
        ("jacken", {"jacket"}),
        ("tourenskischuh", {"touring", "ski boot"}),  # a compound by its known first and last part
        ("brogues", {"budapester"}),
        ("turtleneck", {"rollkragenpullover"}),
    ],
)
def test_a_word_is_named_in_the_other_language(word, expected):
    assert expected <= other_language(word), other_language(word)


def test_a_name_of_two_words_is_read_also_when_one_is_short(names):
    """"bow tie": "bow" and "tie" are too short to translate alone, the pair is the "Fliege"."""
    assert "fliege" in translated_scores(tokens("a bow tie for the wedding"), names, _titles, 100)
    assert translated_scores(["bow"], names, _titles, 100) == {}


def test_a_translation_of_several_words_counts_for_the_products_with_them_all(names):
    """"Schlagschrauber" is an "impact driver": the product named both words, not every "driver"."""
    scores = translated_scores(["schlagschrauber"], names, _titles, 100)
    assert set(scores) == {"impact"}, scores


def test_a_short_known_first_part_names_the_compounds_it_starts(names):
    """"hooves" is the "Huf-" of "Hufsalbe": a first part of three letters is read too."""
    assert "hufsalbe" in translated_scores(["hooves"], names, _titles, 100)


def test_a_long_word_names_the_product_its_translation_names(names):
    assert translated_names(["brogues"], names, _titles) == {"budapester"}
    assert translated_names(["geigen"], names, _titles) == {"violin"}
    # a translation naming a product that also has a name in the request's language names none
    assert translated_names(["brogues"], names, lambda pid: {"de", "en"}) == set()
    assert translated_names(["tie"], names, _titles) == set()  # too short to name a product alone


@pytest.mark.parametrize(
    "request_, expected",
    [
        ("brogues", "budapester"),
        ("need a bow tie for a black tie event", "fliege"),
        ("Schlagschrauber für lange Holzschrauben", "impact"),
        ("Habt ihr Geigen für Kinder?", "violin"),
    ],
)
def test_a_request_finds_the_product_named_in_the_other_language(service, request_, expected):
    hits = service.search(request_, limit=3).hits
    assert expected in [h.product.id for h in hits], [(h.product.id, round(h.score, 2)) for h in hits]


def test_a_word_naming_a_product_in_the_other_language_marks_it_named(service):
    hits = {h.product.id: h for h in service.search("brogues").hits}
    assert hits["budapester"].named >= NAMED_BY_WORD
