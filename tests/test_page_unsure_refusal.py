"""On a product page, a question the classifier refused without conviction is asked about that
product (`actions.product_questions.page_unsure_refusal`); chat it is sure of stays refused. So is
a question of a few words taken for a search ("waist width?", `page_short_question`)."""

from __future__ import annotations

import re
import sys

import pytest

from actions.conversation import ActionFallback
from catalog.models import Product
from tests.conftest import FIXTURES, serving_store
from tests.need_probes import _product
from tests.test_need_answers import _OneProductCatalog

REFUSED = r"can't answer that|kann ich leider nicht beantworten"

DUVET_DE = _product("daunendecke-wolke", "Daunendecke Wolke", "Leichte Sommerdecke.\nFüllung: 90 % Entendaunen, 10 % Federn.",
                    "de", "Größe", ("135x200", "155x220"))  # fmt: skip
RADIO_EN = _product("helmet-radio", "Helmet Radio Talk 3", "Bluetooth intercom for two riders.\nRange up to 1 km.",
                    "en", "Pack", ("single", "duo"))  # fmt: skip


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("page-unsure-refusal-data"), use_embedder):
        yield


@pytest.fixture
def refused_on_page(monkeypatch):
    """refused_on_page(product, question, lang, intent, confidence) -> the fallback's reply on the page."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import context

    real = context.catalog

    def _ask(product: Product, question: str, lang: str, intent: str, confidence: float) -> str:
        fake = _OneProductCatalog(real(), product)
        for name, module in list(sys.modules.items()):
            if name.startswith("actions") and getattr(module, "catalog", None) is real:
                monkeypatch.setattr(module, "catalog", lambda: fake)
        latest = {"text": question, "intent": {"name": intent, "confidence": confidence}, "entities": [],
                  "intent_ranking": [{"name": intent, "confidence": confidence}],
                  "metadata": {"product_id": product.id, "language": lang}}  # fmt: skip
        dispatcher = CollectingDispatcher()
        ActionFallback().run(dispatcher, Tracker("test-user", {}, latest, [], False, None, {}, "action_listen"), {})
        return "\n".join(m.get("text") or "" for m in dispatcher.messages)

    return _ask


@pytest.mark.parametrize(
    ("product", "question", "lang", "intent", "confidence"),
    [
        (DUVET_DE, "Is it goose or duck down?", "en", "out_of_scope", 0.6),
        (DUVET_DE, "Woher kommen die Gänse?", "de", "out_of_scope", 0.51),
        (RADIO_EN, "talk time?", "en", "nlu_fallback", 0.4),
        (RADIO_EN, "Wie lange hält der Akku beim Sprechen?", "de", "nlu_fallback", 0.4),
    ],
)
def test_an_unsure_refusal_on_a_page_is_answered_about_its_product(served, refused_on_page, product, question, lang, intent, confidence):
    said = refused_on_page(product, question, lang, intent, confidence)
    assert not re.search(REFUSED, said, re.I), said
    assert product.name(lang) in said or product.name("de") in said or product.name("en") in said, said


@pytest.mark.parametrize(
    ("product", "question", "lang"),
    [
        (RADIO_EN, "What time is it?", "en"),
        (DUVET_DE, "Wie spät ist es?", "de"),
        (RADIO_EN, "What does a flight to Tokyo cost?", "en"),
    ],
)
def test_chat_the_classifier_is_sure_of_stays_refused_on_a_page(served, refused_on_page, product, question, lang):
    assert re.search(REFUSED, refused_on_page(product, question, lang, "out_of_scope", 0.95), re.I)


def test_an_unsure_refusal_asking_for_other_products_is_no_page_question(served, refused_on_page):
    said = refused_on_page(RADIO_EN, "Do you have other intercoms?", "en", "nlu_fallback", 0.4)
    assert "Helmet Radio Talk 3" not in said, said  # not "The description of Helmet Radio Talk 3 says: …"


BOARD_DE = _product("snowboard-drift", "Snowboard Drift 152", "Allmountain-Snowboard mit Camber.\nTaillenbreite: 25,2 cm.", "de", "Länge", ("148", "152"))
GOGGLE_DE = _product("skibrille-horizont", "Skibrille Horizont", "Skibrille mit Magnetwechsel.\nIm Lieferumfang: zwei Scheiben (S2 und S1).",
                     "de", "Größe", ("M", "L"))  # fmt: skip


@pytest.fixture
def searched_on_page(run_action, monkeypatch):
    """searched_on_page(product, question, lang) -> the search action's reply on the product's page."""
    from actions import context
    from actions.search import ActionSearchProducts

    real = context.catalog

    def _ask(product: Product, question: str, lang: str) -> str:
        fake = _OneProductCatalog(real(), product)
        for name, module in list(sys.modules.items()):
            if name.startswith("actions") and getattr(module, "catalog", None) is real:
                monkeypatch.setattr(module, "catalog", lambda: fake)
        messages, _ = run_action(ActionSearchProducts(), question, "search_product", metadata={"product_id": product.id, "language": lang})
        return "\n".join(m.get("text") or "" for m in messages)

    return _ask


@pytest.mark.parametrize(
    ("product", "question", "lang", "must"),
    [
        (BOARD_DE, "waist width?", "en", "25,2 cm"),
        (BOARD_DE, "Taillenbreite?", "de", "25,2 cm"),
        (GOGGLE_DE, "Welche Scheiben sind dabei?", "de", "S2"),
    ],
)
def test_a_short_question_taken_for_a_search_on_a_page_asks_its_product(served, searched_on_page, product, question, lang, must):
    said = searched_on_page(product, question, lang)
    assert must in said and "1. " not in said, said

