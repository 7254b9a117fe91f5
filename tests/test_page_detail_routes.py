"""A detail question on a product page reaches the product's text whichever intent the classifier
gave it: a measure none of its options is or its colour asked as a size question, a question
taken for chat or for a shop rule that its text answers (`actions.size_detail_route`,
`actions.product_questions.page_text_question`, `actions.policies.answer_policy`)."""

from __future__ import annotations

import sys

import pytest

from actions.conversation import ActionFallback
from actions.policies import ActionAnswerPolicy
from actions.product_answers import asked_info_aspects
from actions.size_detail_route import asks_other_measure, detail_instead
from catalog.models import Product
from tests.conftest import FIXTURES, serving_store
from tests.need_probes import _product
from tests.test_need_answers import _OneProductCatalog


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("page-detail-routes-data"), use_embedder):
        yield


LINE_EN = _product("tracking-line", "Tracking Line Meadow", "Tracking line of coated webbing, 16 mm wide, with a brass snap hook.\n"
                   "Colour: signal orange.", "en", "Length", ("5 m", "10 m", "15 m"))  # fmt: skip
STOCKINGS_DE = _product("strumpf", "Halterlose Strümpfe Rosalie", "Halterlose Strümpfe in 20 DEN mit 10 cm breitem Spitzenrand.\n"
                        "Farbe: Anthrazit.", "de", "Größe", ("1", "2", "3"))  # fmt: skip
BLANKET_DE = _product("decke", "Wolldecke Heide", "Weiche Decke aus Schurwolle.", "de", "Größe", ("135x200 cm", "155x220 cm"))
SOCKS_EN = _product("compression-socks", "Travel Compression Socks", "Graduated compression socks for long flights.\n"
                    "Wearing time: up to 10 hours a day.", "en", "Size", ("S", "M", "L"))  # fmt: skip
SOCKS_DE = _product("stuetzstruempfe", "Reise-Stützstrümpfe Lena", "Stützstrümpfe mit abgestufter Kompression für lange Flüge.\n"
                    "Tragedauer: bis zu 10 Stunden täglich.", "de", "Größe", ("S", "M", "L"))  # fmt: skip
SHORTS_EN = _product("chafing-shorts", "Anti-Chafing Shorts Breeze", "Soft microfibre shorts worn under skirts.\nLeg length approx. 18 cm.",
                     "en", "Size", ("S", "M", "L"))  # fmt: skip
NIGHTDRESS_DE = _product("nachthemd", "Nachthemd Ilse", "Nachthemd aus Baumwolljersey mit kurzen Ärmeln.\nLänge ca. 105 cm.",
                         "de", "Größe", ("S", "M", "L"))  # fmt: skip
SHOE_EN = _product("boot-xt", "Work Boot Granit XT", "Leather safety boot S3.\nXT = extra traction: a deeper lug sole for mud.",
                   "en", "Size", ("41", "42", "43"))  # fmt: skip


def test_a_measure_no_option_is_or_the_colour_is_asked_of_the_text():
    assert asks_other_measure(LINE_EN, "How wide is the tracking line?", "en")
    assert asks_other_measure(STOCKINGS_DE, "Wie breit ist der Spitzenrand?", "de")
    assert asks_other_measure(STOCKINGS_DE, "Welche Farbe haben die Strümpfe?", "de")
    assert asks_other_measure(LINE_EN, "what colour is it?", "en")
    assert not asks_other_measure(LINE_EN, "How long is the line?", "en")  # its lengths are its versions
    assert not asks_other_measure(BLANKET_DE, "Wie breit ist die Decke?", "de")  # "135x200 cm" measures both ways
    assert not asks_other_measure(STOCKINGS_DE, "Wie breit ist Größe 2?", "de")  # a version named
    assert not asks_other_measure(LINE_EN, "Is the 10 m in stock?", "en")


def test_the_text_answers_instead_of_the_sizes_in_stock(served):
    said = detail_instead(LINE_EN, "How wide is the tracking line?", "en")
    assert said and "16 mm" in said
    said = detail_instead(STOCKINGS_DE, "Wie breit ist der Spitzenrand?", "de")
    assert said and "10 cm" in said
    said = detail_instead(STOCKINGS_DE, "Welche Farbe haben die Strümpfe?", "de")
    assert said and "Anthrazit" in said
    said = detail_instead(LINE_EN, "What colour is the line?", "en")
    assert said and "orange" in said
    assert detail_instead(LINE_EN, "How long is the line?", "en") is None


def test_stockings_ask_no_stock():
    assert "stock" not in asked_info_aspects("How long are the stockings?")
    assert "stock" in asked_info_aspects("Are the stockings in stock?")


@pytest.fixture
def on_page(run_action, monkeypatch):
    """on_page(action, intent, product, question, lang) -> the reply on the product's page."""
    from actions import context

    real = context.catalog

    def _ask(action, intent: str, product: Product, question: str, lang: str) -> str:  # noqa: ANN001
        fake = _OneProductCatalog(real(), product)
        for name, module in list(sys.modules.items()):
            if name.startswith("actions") and getattr(module, "catalog", None) is real:
                monkeypatch.setattr(module, "catalog", lambda: fake)
        messages, _ = run_action(action, question, intent, metadata={"product_id": product.id, "language": lang})
        return "\n".join(m.get("text") or "" for m in messages)

    return _ask


@pytest.mark.parametrize(
    ("product", "question", "lang", "must"),
    [
        (NIGHTDRESS_DE, "Wie lang ist das Nachthemd?", "de", "105 cm"),
        (SOCKS_EN, "How long can I wear them?", "en", "10 hours"),
        (SHOE_EN, "What does XT mean?", "en", "extra traction"),
    ],
)
def test_a_question_taken_for_chat_that_the_page_text_answers(served, on_page, product, question, lang, must):
    assert must in on_page(ActionFallback(), "out_of_scope", product, question, lang)


def test_chat_the_page_text_does_not_answer_is_refused(served, on_page):
    said = on_page(ActionFallback(), "out_of_scope", SOCKS_EN, "Who will win the cup final?", "en")
    assert "Compression" not in said and "10 hours" not in said


@pytest.mark.parametrize(
    ("product", "question", "lang", "must"),
    [
        (SOCKS_DE, "How long can I wear the support stockings?", "en", "10 Stunden"),
        (SHORTS_EN, "Wie lang sind die Beine der Shorts?", "de", "18 cm"),
    ],
)
def test_a_question_taken_for_a_shop_rule_naming_none_that_the_text_answers(served, on_page, product, question, lang, must):
    assert must in on_page(ActionAnswerPolicy(), "ask_policy", product, question, lang)


def test_a_shop_rule_named_stays_the_rule(served, on_page):
    said = on_page(ActionAnswerPolicy(), "ask_policy", SOCKS_EN, "How long do I have to return the socks?", "en")
    assert "10 hours" not in said
