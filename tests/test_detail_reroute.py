"""Detail questions that went to the search or to a version's stock, and yes/no policy questions:
a product named off a page by one word of its long name, a where / how-much question naming a
version, a plain "No." / "Yes." before the section that decides. Made-up products and rules."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from actions import named_subject as ns
from actions.policy_verdict import verdict
from catalog.models import Product
from catalog.names import NameIndex
from catalog.policies import Passage


def _product(pid: str, title: str, lang: str = "de") -> Product:
    return Product(id=pid, title={lang: title}, category="clothing", variants=[{"sku": pid, "price": 1.0, "stock": 1}])


PRODUCTS = [
    _product("frack", "Frackhemd mit Stehkragen und Doppelmanschette"),
    _product("anorak", "Regen Anorak Nordlicht wasserdicht"),
    _product("duffle", "Duffle Coat Lodenwolle"),
    _product("hemd-blau", "Oxfordhemd blau"),
    _product("hemd-weiss", "Leinenhemd weiß"),
    _product("saddle", "Saddle Shoes Brogue", "en"),
    _product("speaker", "Soundbox Tonwerk 300", "en"),
    _product("speaker2", "Soundbox Tonwerk Mini", "en"),
    _product("grinder", "Kaffeemühle Mahlwerk 40"),
]


@pytest.fixture
def shop(monkeypatch):
    products = {p.id: p for p in PRODUCTS}
    fake = SimpleNamespace(names=NameIndex.build(PRODUCTS, generic=set()), products=products, get=products.get)
    monkeypatch.setattr(ns, "catalog", lambda: fake)


def _named(text: str) -> str | None:
    product = ns.named_subject(text)
    return product.id if product else None


def test_one_word_of_a_long_name_names_its_product_in_a_detail_question(shop):
    assert _named("Wo wird das Frackhemd genäht?") == "frack"
    assert _named("Ist der Anorak gefüttert?") == "anorak"
    assert _named("where are the saddle shoes made?") == "saddle"
    assert _named("Hat das Futter des Dufflecoats Knebelverschlüsse?") == "duffle"  # two name words written together, genitive


def test_a_request_a_shared_word_or_another_model_names_none(shop):
    assert _named("Habt ihr Frackhemden?") is None  # a request for products
    assert _named("Frackhemd mit Stehkragen?") is None  # no question asked, a search
    assert _named("Wo werden die Soundboxen gebaut?") is None  # two products share the word
    assert _named("Wann kommt die Mahlwerk 60?") is None  # the name has a number, another one asked
    assert _named("Wie laut ist die Mahlwerk 40?") == "grinder"
    assert _named("Was ist der Unterschied zwischen Frackhemd und Oxfordhemd?") is None  # a comparison
    assert _named("Kann ich das Frackhemd zurückgeben?") is None  # the shop's rule, not a detail


def test_a_where_or_how_much_question_naming_a_version_is_a_fact_question():
    from actions import size_detail_route as route

    assert route._FACT_QUESTION.search("Wo endet das Bein bei der kurzen Version?")
    assert route._FACT_QUESTION.search("How much does the heavy one absorb?")
    assert not route._FACT_QUESTION.search("Gibt es die kurze Version in M?")
    assert not route._FACT_QUESTION.search("Is the long one in stock?")


def test_the_closest_sentence_counts_when_it_names_the_asked_version():
    from actions.size_detail_route import _quotes_version

    pants = Product(id="pants", title={"de": "Schlupfhose Kiel"}, category="clothing", option_names=["Saugkraft"],
                    variants=[{"sku": "L", "price": 1.0, "stock": 1, "options": {"Saugkraft": "Leicht"}},
                              {"sku": "S", "price": 1.0, "stock": 1, "options": {"Saugkraft": "Stark"}}])  # fmt: skip
    assert _quotes_version(pants, "Wie viel nimmt die Hose in Stark auf?", "Am nächsten kommt: „Stark: bis zu 25 ml“")
    assert not _quotes_version(pants, "Wie viel nimmt die Hose in Stark auf?", "Am nächsten kommt: „Leicht: bis zu 10 ml“")


RULES_EN = [
    Passage("returns", "en", "Hygiene", "- Socks and tights can only be returned unworn and in the sealed bag.\n"
            "- Ear plugs cannot be returned once the box has been opened.\n- Hats and scarves may be tried on and returned within 14 days."),  # fmt: skip
    Passage("returns", "en", "Size exchange", "If the size of a child's helmet does not fit, we exchange it for another size free of charge."),
]
RULES_DE = [
    Passage("returns", "de", "Ausnahmen", "Gutscheinkarten sind vom Umtausch ausgeschlossen. Stoffe vom Meter schneiden wir für Sie zu."),
]


def test_a_yes_no_policy_question_gets_a_plain_no_when_the_rule_rules_it_out():
    assert verdict("I opened the box of ear plugs, can I still return them?", RULES_EN, "en") == "No."
    assert verdict("I wore the socks and tights once – can I return them?", RULES_EN, "en") == "No."  # "only unworn", and they were worn
    assert verdict("Kann ich eine Gutscheinkarte zurückgeben?", RULES_DE, "de") == "Nein."


def test_no_verdict_for_an_open_question_a_condition_or_a_vague_match():
    assert verdict("How long do I have to return hats?", RULES_EN, "en") is None  # not asked as yes/no
    assert verdict("My child's helmet size does not fit, can you exchange it?", RULES_EN, "en") != "No."  # "does not fit" is the condition
    assert verdict("Can I pay by invoice?", RULES_EN, "en") is None  # nothing close
    assert verdict("Can I return scarves and hats that I tried on?", RULES_EN, "en") == "Yes."
