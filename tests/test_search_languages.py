"""A request in one language finds a product the merchant named in the other ("reading glasses"
for the "Lesebrille", "Matschanzug" for the "Rain Suit"), and a store's own category word is no
misspelling of a product's name word ("Hund" for the "Pullover für Hunde")."""

from __future__ import annotations

import pytest

from catalog.embedder import get_embedder
from catalog.index import ProductIndex
from catalog.models import Product
from catalog.names import NameIndex
from catalog.search import CatalogService
from catalog.shop_words import other_language
from catalog.store import Store
from tests.conftest import TEST_STORE


def _product(
    pid: str, title: dict[str, str], description: dict[str, str], category: str = "misc"
) -> Product:
    return Product(id=pid, title=title, description=description, category=category,
                   variants=[{"sku": pid.upper(), "price": 30.0, "stock": 3}])  # fmt: skip


PRODUCTS = [
    _product(
        "lesebrille",
        {"de": "Lesebrille Kreis 6"},
        {
            "de": "Leichte Lesebrille aus Acetat in vielen Stärken, entspiegelte Gläser, Rahmenbreite 136 mm. Inklusive Stoffetui."
        },
    ),
    _product(
        "aviator",
        {"en": "Aviator Sunglasses Polaris"},
        {"en": "Classic aviator sunglasses with polarised lenses, UV400, metal frame, category 3."},
    ),
    _product(
        "etui",
        {"de": "Brillenetui Leder"},
        {"de": "Hartschalenetui aus pflanzlich gegerbtem Leder für Brillen bis 150 mm."},
    ),
    _product(
        "rain-suit",
        {"en": "Puddle Jumper Rain Suit"},
        {
            "en": "One-piece rain suit for puddle days. PU-coated polyester, waterproof to 8,000 mm, welded seams, PVC-free. Elastic foot straps and reflective details."
        },
    ),
    _product(
        "schlafsack",
        {"de": "Babyschlafsack Traumzeit"},
        {
            "de": "Ganzjahres-Schlafsack für Raumtemperaturen von 16 bis 20 Grad, aus Bio-Baumwolle, mit Zwei-Wege-Reißverschluss."
        },
    ),
    _product(
        "walkjacke",
        {"de": "Walkjacke Bergfloh"},
        {
            "de": "Gefütterte Jacke aus Schurwoll-Walk (100 % Merinowolle) mit Zipfelkapuze. Wind- und wasserabweisend. Größen 62/68 bis 98/104."
        },
    ),
    _product(
        "beanie",
        {"en": "Merino Baby Beanie"},
        {"en": "Double-layer beanie in fine merino wool (100%), with ear flaps and ties."},
    ),
    _product(
        "schleppleine",
        {"de": "Schleppleine BioThane"},
        {
            "de": "Schleppleine aus BioThane, schmutzabweisend und wasserfest. Ideal für Rückruftraining. Breite 13 mm, Karabiner aus Edelstahl."
        },
    ),
    _product(
        "pouch",
        {"en": "Treat Pouch Pocket"},
        {"en": "Treat pouch for training on the go, with a magnetic closure and a belt clip."},
    ),
    _product(
        "pullover",
        {"de": "Strickpullover Loden für Hunde"},
        {
            "de": "Gestrickter Hundepullover aus Schurwolle und Polyamid, Rollkragen, Loch für die Leine."
        },
    ),
    _product(
        "apron",
        {"en": "Baker's Linen Apron"},
        {"en": "Stonewashed linen apron with a large front pocket."},
    ),
    _product(
        "hundebett",
        {"de": "Hundebett Wolke oval"},
        {
            "de": "Kuscheliges ovales Hundebett mit hohem Rand zum Anlehnen, für Hunde, die sich gern einrollen. Bezug abnehmbar."
        },
    ),
]


@pytest.fixture(scope="module")
def service() -> CatalogService:
    embedder = get_embedder("use")
    index = ProductIndex(embedder.name, embedder.dim)
    index.upsert([p.id for p in PRODUCTS], embedder.encode([p.embedding_text() for p in PRODUCTS]),
                 embedder.encode([p.short_text() for p in PRODUCTS]))  # fmt: skip
    return CatalogService(Store(TEST_STORE), PRODUCTS, index, embedder)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("glasses", {"brille"}),
        ("jacket", {"jacke"}),
        ("lesebrille", {"glasses", "reading"}),  # a German compound by its parts
        ("matschanzug", {"suit", "rain"}),
        (
            "hundekörbchen",
            {"bed", "basket", "bett"},
        ),  # and the German synonym the English word names
        ("rückruftraining", {"recall"}),
    ],
)
def test_a_word_is_named_in_the_other_language(word, expected):
    found = other_language(word)
    assert expected <= found, found


@pytest.mark.parametrize("word", ["matschanzug", "lesebrille", "weather", "schön", "baumwolle"])
def test_a_word_is_not_translated_into_its_own_parts_or_a_material(word):
    assert not {"anzug", "brille", "wolle"} & other_language(word)
    assert other_language(word) <= {
        "suit",
        "mud",
        "rain",
        "regen",
        "glasses",
        "spectacles",
        "readers",
        "reading",
    }


@pytest.mark.parametrize(
    "request_, expected",
    [
        ("cheap reading glasses", "lesebrille"),
        ("Matschanzug für die Kita", "rain-suit"),
        ("a warm wool jacket for my toddler", "walkjacke"),
        ("Hundekörbchen mit hohem Rand, in dem sich mein Hund einrollen kann", "hundebett"),
    ],
)
def test_a_request_finds_the_product_named_in_the_other_language(service, request_, expected):
    hits = service.search(request_, limit=2).hits
    assert expected in [h.product.id for h in hits], [
        (h.product.id, round(h.score, 2)) for h in hits
    ]


def test_a_category_word_of_the_store_is_no_misspelt_name_word(service):
    """'Hund' is the store's word for the dog category, not a typo of the 'Hunde' in 'Strickpullover
    Loden für Hunde': no name bonus; a real typo of a rare name word still gets one."""
    plain = service._lexical(["hund"])[0]
    generic = CatalogService(
        service.store, list(service.products.values()), service.index, service.embedder
    )
    generic.names = NameIndex(generic.names.names, generic.names.by_category, {"hund", "hunde"})
    assert "pullover" in plain  # without the category word, "hund" passes for a misspelt "hunde"
    assert "pullover" not in generic._lexical(["hund"])[0]
    assert "schleppleine" in generic._lexical(["schlepleine"])[0]


def test_a_category_word_names_no_product_by_a_typo(service):
    """'a long line' in a shop whose dog category lists 'long line' names no 'Linen Apron'."""
    request = "a long line for recall training"
    assert [p.id for p in service.find_named(request)] == [
        "apron"
    ]  # "line" passes for a misspelt "linen"
    generic = CatalogService(
        service.store, list(service.products.values()), service.index, service.embedder
    )
    generic.names = NameIndex(generic.names.names, generic.names.by_category, {"long", "line"})
    assert generic.find_named(request) == []
    assert [p.id for p in generic.find_named("the linen apron")] == ["apron"]


def test_a_translation_counts_only_for_products_named_in_that_language_alone(service):
    """A product with a name in the request's language is found by that name; the translation
    lifts only the ones named in the other language alone."""
    from catalog.shop_words import translated_scores

    german_only = translated_scores(["glasses"], service.names, lambda pid: {"de"}, 100)
    assert (
        "lesebrille" in german_only and "etui" not in german_only
    )  # "Brillen-etui" is no kind of glasses
    assert translated_scores(["glasses"], service.names, lambda pid: {"de", "en"}, 100) == {}
    both = translated_scores(["reading", "glasses"], service.names, lambda pid: {"de"}, 100)
    assert both["lesebrille"] > german_only["lesebrille"]  # "reading" and "glasses" add up
