"""Off a product page, a question which size to take of the one product it names, taken for a
search, is answered as a size question about that product (actions/search.py:
`named_size_question`); a size question naming no product, or a request for products, stays a
search. Built products in German and English."""

from __future__ import annotations

import sys

import pytest

from actions.search import ActionSearchProducts
from catalog.models import Product
from tests.need_probes import _product
from tests.test_need_answers import _OneProductCatalog, page_asker
from tests.test_size_page_routes import ROMPER_DE

JACKET_EN = _product(
    "softshell-harbour", "Softshell Jacket Harbour",
    "Windproof softshell for the city.\nChest: S 88–94 cm, M 95–101 cm, L 102–108 cm.",
    "en", "Size", ("S", "M", "L"),
).copy(update={"category": "clothing"})  # fmt: skip


class _NamingCatalog(_OneProductCatalog):
    """The one built product, named when the text spells its name."""

    def find_named(self, text: str, *args, **kwargs) -> list[Product]:  # noqa: ANN002, ANN003, ARG002
        return [self._product] if all(w.lower() in text.lower() for w in self._product.name("de").split()) else []


@pytest.fixture
def off_page(run_action, monkeypatch):  # noqa: ANN001, ANN201
    from actions import context

    real = context.catalog

    def _ask(product: Product, text: str, lang: str) -> str:
        fake = _NamingCatalog(real(), product)
        for name, module in list(sys.modules.items()):
            if name.startswith("actions") and getattr(module, "catalog", None) is real:
                monkeypatch.setattr(module, "catalog", lambda: fake)
        messages, _ = run_action(ActionSearchProducts(), text, "search_products", metadata={"language": lang})
        return "\n".join(m.get("text") or "" for m in messages)

    return _ask


def test_which_size_of_a_named_product_is_its_size_question(off_page):
    assert "size L" in off_page(JACKET_EN, "chest 104 cm - which size of the Softshell Jacket Harbour?", "en")


def test_welche_groesse_of_a_named_product_is_its_size_question(off_page):  # one catalog per test: the fixture patches once
    assert "Größe M" in off_page(ROMPER_DE, "Sie wiegt 8 kg – welche Größe beim Strampler Wolke?", "de")


def test_a_size_question_naming_no_product_stays_a_search(off_page):
    said = off_page(JACKET_EN, "which size of softshell jacket for chest 104 cm?", "en")
    assert "size L" not in said


@pytest.fixture
def on_page(run_action, monkeypatch):  # noqa: ANN001, ANN201
    ask = page_asker(run_action, monkeypatch)
    return lambda product, text, lang: ask(ActionSearchProducts(), product, text, lang)


TROUSERS_DE = _product(
    "regenhose-bach", "Regenhose Bach",
    "Regenhose zum Überziehen.\nBundweite: S 70–78 cm, M 79–87 cm, L 88–96 cm.",
    "de", "Größe", ("S", "M", "L"),
).copy(update={"category": "clothing"})  # fmt: skip


def test_what_the_shopper_wears_is_no_search_for_it_on_a_page(on_page):
    # "Stiefel" is the store's shoe category: worn by the shopper, it asks the page's size, not for shoes
    assert "Größe M" in on_page(TROUSERS_DE, "Bundweite 84 cm und ich trage einen Stiefel darunter", "de")
