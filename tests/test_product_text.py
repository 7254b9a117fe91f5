"""Quotes from a product's own text and the merchant's fit advice (actions/product_text.py)."""

from __future__ import annotations

from actions.product_text import fit_advice, general_request, product_name, quote, version_row
from catalog.models import Product
from tests.test_passages import BOOT, KETTLE


def test_general_requests_are_not_questions_about_one_fact():
    for text in ("Erzählen Sie mir mehr darüber", "tell me more about it", "Details bitte", "Was ist das?", "What is the Glass Kettle?"):
        assert general_request(text, "Glass Kettle"), text
    for text in ("Is a charger included?", "What is it made of?", "Was ist das Material?", "What is the warranty?"):
        assert not general_request(text, "Glass Kettle"), text


def test_quote_answers_across_languages_and_admits_what_it_does_not_know(use_embedder):
    text, answers = quote(KETTLE, "Wie viel wiegt der Wasserkocher?", "de", use_embedder)
    assert text == "Laut Produktbeschreibung von Glass Kettle 1.7 l: „Weighs approx. 1.1 kg.“"
    assert answers[0].sentence.lang == "en"
    assert quote(KETTLE, "Hat er eine Warmhaltefunktion für Babymilch?", "de", use_embedder) == (None, [])


def test_fit_advice_from_notes_from_a_fact_source_or_from_the_description(use_embedder):
    noted = KETTLE.copy(update={"fit_notes": {"en": "Runs small: take one size up."}})
    assert fit_advice(noted, "en", use_embedder) == "Runs small: take one size up."
    assert fit_advice(noted, "de", use_embedder) == "Hinweis des Händlers: „Runs small: take one size up.“"
    assert fit_advice(BOOT, "en", use_embedder) == (
        "The shop's advice: “Der Stiefel fällt eine halbe Nummer klein aus, bitte eine Nummer größer bestellen.”"
    )
    assert fit_advice(KETTLE, "en", use_embedder) is None


def test_fit_advice_prefers_the_sentence_a_fit_fact_was_read_from(use_embedder):
    class Sourced(Product):
        fact_sources: dict = {}

    if "fact_sources" in Product.__fields__:
        Sourced = Product  # noqa: N806 - the catalog model has it now
    product = Sourced(**{**BOOT.dict(), "fact_sources": {"fit": {"text": "Fällt klein aus.", "lang": "de", "origin": "text"}}})
    assert fit_advice(product, "de", use_embedder) == "Hinweis des Händlers: „Fällt klein aus.“"


def test_the_product_type_named_in_a_question_does_not_pick_a_sentence_naming_it(use_embedder):
    from catalog.store import Category

    boot = BOOT.copy(update={"title": {"de": "Grat Pro"}, "description": {"de": "Steigeisenfester Bergschuh mit Vibram-Sohle. Bei dünnen Socken eine Größe kleiner bestellen."}})
    categories = {"shoes": Category(de="Schuhe", en="Shoes")}
    assert product_name(boot, "de", categories) == "Grat Pro (Schuhe, Shoes)"
    assert quote(boot, "Wo wird der Schuh hergestellt?", "de", use_embedder, categories) == (None, [])


# a table as the importers write it (html_to_text: one row per line, cells joined by spaces)
KIDS_BIKE = Product(
    id="kids-bike", title={"de": "Kinderrad Flink"}, category="bikes", option_names=["Laufradgröße"], size_option="Laufradgröße",
    description={"de": (
        "Leichtes Kinderrad in drei Größen.\nLaufradgröße Körpergröße Alter (ca.) Gewicht Schaltung\n"
        "16 Zoll 105–120 cm 4–6 Jahre 7,6 kg ohne, Rücktrittbremse\n20 Zoll 115–135 cm 6–9 Jahre 9,2 kg Shimano 7-Gang\n"
        "24 Zoll 130–150 cm 8–12 Jahre 10,9 kg Shimano 8-Gang\nNicht StVZO-ausgestattet."
    )},
    variants=[{"sku": f"K-{n}", "size": f"{n} Zoll", "options": {"Laufradgröße": f"{n} Zoll"}, "price": 349.0, "stock": 3} for n in (16, 20, 24)],
)  # fmt: skip


def test_a_question_naming_a_version_gets_its_row_of_the_table_with_the_header():
    row = version_row(KIDS_BIKE, "Does the 16 inch one have gears?", "en")
    assert row == "Laufradgröße Körpergröße Alter (ca.) Gewicht Schaltung … 16 Zoll 105–120 cm 4–6 Jahre 7,6 kg ohne, Rücktrittbremse"
    assert "9,2 kg" in version_row(KIDS_BIKE, "Wie schwer ist das 20 Zoll Rad?", "de")
    assert version_row(KIDS_BIKE, "Wie schwer ist das Rad?", "de") is None  # no version named
    assert version_row(KIDS_BIKE, "Ist das 20 Zoll Rad StVZO-zugelassen?", "de") is None  # nothing asked the row states


def test_a_feature_of_the_page_product_does_not_name_another_product():
    from actions.page_focus import spelt_out as _spelt_out
    from actions.page_focus import without_page_features as _without_page_features

    tights = Product(id="tights", title={"de": "Thermo-Tights"}, category="running",
                     description={"de": "Reißverschlusstasche hinten für Smartphones."}, variants=[{"sku": "T-1", "price": 59.0, "stock": 2}])  # fmt: skip
    belt = Product(id="belt", title={"en": "Running Belt Zip"}, category="running", variants=[{"sku": "B-1", "price": 24.9, "stock": 2}])
    assert "zip" not in _without_page_features("Do the tights have a zip pocket?", tights).lower()
    assert "Kapuze" in _without_page_features("Hat sie eine Kapuze?", tights)  # not a feature of the tights
    assert "Merino" not in _without_page_features("Sind die Tights aus Merino?", tights)  # a material names no product
    assert _spelt_out(belt, "Ist der Running Belt Zip wasserdicht?") and not _spelt_out(belt, "a zip pocket?")
