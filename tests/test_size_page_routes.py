"""A size statement on a product page that the classifier took for something else: a search
("chest 97 cm but I always wear a fleece underneath") or an order number that starts an order
task ("sie wiegt 11 kg") is answered as a size question on the page's product; a search naming
another kind of product, and a real order number, stay what they were. Built products in German
and English, asked through the search and order actions on their page."""

from __future__ import annotations

import re
import sys

import pytest

from actions.order_status import ActionAskOrderNumber, ActionOrderStatus
from actions.search import ActionSearchProducts
from catalog.models import Product
from tests.need_probes import _product
from tests.test_need_answers import _OneProductCatalog

JACKET_EN = _product(
    "softshell-harbour", "Softshell Jacket Harbour",
    "Windproof softshell for the city.\nChest: S 88–94 cm, M 95–101 cm, L 102–108 cm.\n"
    "If you wear a thick fleece under it, go one size up.",
    "en", "Size", ("S", "M", "L"),
).copy(update={"category": "clothing"})  # fmt: skip
ROMPER_DE = _product(
    "strampler-wolke", "Strampler Wolke",
    "Weicher Strampler aus Bio-Baumwolle.\nGrößen nach Gewicht:\nS: 4–7 kg\nM: 7–10 kg\nL: 10–13 kg",
    "de", "Größe", ("S", "M", "L"),
).copy(update={"category": "clothing"})  # fmt: skip


def _recommends(said: str, size: str) -> bool:
    return re.search(rf"\b(?:size|größe) {size}\b", said, re.I) is not None


@pytest.fixture
def on_page(run_action, monkeypatch):  # noqa: ANN001, ANN201
    """on_page(action, intent, product, text, lang) -> (reply text, new slots) on the product's page."""
    from actions import context

    real = context.catalog

    def _ask(action, intent: str, product: Product, text: str, lang: str):  # noqa: ANN001, ANN202
        fake = _OneProductCatalog(real(), product)
        for name, module in list(sys.modules.items()):
            if name.startswith("actions") and getattr(module, "catalog", None) is real:
                monkeypatch.setattr(module, "catalog", lambda: fake)
        messages, slots = run_action(action, text, intent, metadata={"product_id": product.id, "language": lang})
        return "\n".join(m.get("text") or "" for m in messages), slots

    return _ask


@pytest.mark.parametrize(
    ("product", "text", "lang", "size"),
    [
        (JACKET_EN, "chest 97 cm but I always wear a fleece underneath", "en", "L"),
        (JACKET_EN, "Brustumfang 90 cm", "de", "S"),
        (ROMPER_DE, "sie wiegt 11 kg", "de", "L"),
        (ROMPER_DE, "he weighs 8 kg", "en", "M"),
    ],
)
def test_a_size_statement_taken_for_a_search_is_the_page_products_size(on_page, product, text, lang, size) -> None:  # noqa: ANN001
    said, slots = on_page(ActionSearchProducts(), "search_products", product, text, lang)
    assert _recommends(said, size), said
    assert slots.get("last_topic") == "size"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("I'm looking for shoes for a 27 cm foot", "en"), ("Ich suche Schuhe für 27 cm Fußlänge", "de")],
)
def test_a_search_naming_another_kind_of_product_stays_a_search(on_page, text, lang) -> None:  # noqa: ANN001
    _, slots = on_page(ActionSearchProducts(), "search_products", JACKET_EN, text, lang)
    assert slots.get("last_topic") == "search"


@pytest.mark.parametrize(
    ("product", "text", "lang", "size"),
    [(ROMPER_DE, "sie wiegt 11 kg", "de", "L"), (JACKET_EN, "chest 100 cm", "en", "M")],
)
def test_a_size_statement_taken_for_an_order_number_ends_the_order_task(on_page, product, text, lang, size) -> None:  # noqa: ANN001
    said, slots = on_page(ActionAskOrderNumber(), "provide_order_info", product, text, lang)
    assert _recommends(said, size), said
    assert "requested_slot" in slots and slots["requested_slot"] is None  # the form ends
    said, _ = on_page(ActionOrderStatus(), "provide_order_info", product, text, lang)
    assert said == ""  # the status action of the finished form stays silent


@pytest.mark.parametrize(("text", "lang"), [("Meine Bestellnummer ist 100234", "de"), ("where is my order?", "en")])
def test_an_order_message_on_a_product_page_still_asks_for_the_number(on_page, text, lang) -> None:  # noqa: ANN001
    said, slots = on_page(ActionAskOrderNumber(), "order_status", ROMPER_DE, text, lang)
    assert "6" in said and "requested_slot" not in slots


BOOT_EN = _product("snow-boot-frost", "Kids Snow Boot Frost", "Lined winter boot for children.", "en", "Size",
                   ("28", "29", "30", "31", "32", "33")).copy(update={"category": "shoes"})  # fmt: skip


@pytest.mark.parametrize(
    ("product", "text", "lang", "size"),
    [(JACKET_EN, "I usually wear L", "en", "L"), (ROMPER_DE, "ich trag sonst M", "de", "M"),
     (BOOT_EN, "she usually wears UK 12", "en", "31"), (BOOT_EN, "Sie trägt sonst UK 12", "de", "31")],
)
def test_a_usual_size_taken_for_chat_is_the_page_products_size(on_page, product, text, lang, size) -> None:  # noqa: ANN001
    from actions.conversation import ActionFallback

    said, slots = on_page(ActionFallback(), "out_of_scope", product, text, lang)
    assert _recommends(said, size) and slots.get("last_topic") == "size", said


def test_a_usual_size_about_an_order_is_no_size_statement() -> None:
    from actions.size_asks import states_usual_size

    assert states_usual_size(JACKET_EN, "I usually wear L")
    assert states_usual_size(ROMPER_DE, "ich trag sonst M")
    assert not states_usual_size(ROMPER_DE, "Ich habe die M bestellt, wo bleibt sie?")
    assert not states_usual_size(JACKET_EN, "I usually wear a hat")
