"""Features shoppers ask about across the languages (catalog/features.py) and how they rank
and decide a product's sentences (catalog/passages.py, actions/product_text.py)."""

from __future__ import annotations

from actions.product_text import feature_verdict
from catalog.features import denies, features
from catalog.models import Product
from catalog.passages import PassageFinder, asked_aspects, asked_features

# from the tuning store's wellies and night light (stores/kleinholz) and the demo's kind of texts
WELLIES = "Ungefüttert – für kalte Tage unter etwa 5 °C empfehlen wir dicke Wollsocken oder unseren gefütterten Frostkid."


def test_a_feature_is_found_in_both_languages():
    assert features("Are these wellies lined?") == ["lining"] == features(WELLIES)
    assert features("Hat die Jacke eine Kapuze?") == ["hood"] == features("Detachable hood with a peak.")[:1]
    assert "zip" in features("mit Reißverschluss abnehmbar") and "zip" in features("Does the cover have a zip?")
    assert features("Is it breathable?") == ["breathable"] == features("atmungsaktiv durch Luftkanäle")
    assert "usb_c" in features("rechargeable via USB-C") and "usb_c" in features("Lädt man ihn über USB Typ-C?")
    assert features("Hat der Pulli einen Kordelzug?") == ["drawstring"] and "drawstring" in features("Hood with an adjustable drawcord.")
    assert features("Does it have noise cancelling?") == ["noise_cancelling"] == features("Aktive Geräuschunterdrückung (ANC).")
    assert features("a wireless speaker") == ["wireless"] and features("Thermometer inklusive") == []


def test_negation_denies_the_feature():
    assert denies(WELLIES, "lining") is None  # "gefütterten Frostkid" (another product) names it plainly: undecided
    assert denies("Ungefüttert – für kalte Tage Wollsocken.", "lining")
    assert denies("The jacket comes without a hood.", "hood") and denies("Ohne Kapuze, dafür mit hohem Kragen.", "hood")
    assert denies("Unlined rubber boot.", "lining") and not denies("Warm lined with fleece.", "lining")
    assert not denies("Bluetooth 5.3 wireless speaker.", "wireless")  # "wireless" is no negated "wire"


def test_a_yes_no_question_gets_no_or_yes_from_the_sentence():
    assert feature_verdict("Are these wellies lined?", WELLIES) is None  # named both ways: the quote alone
    assert feature_verdict("Are these wellies lined?", "Ungefüttert – für kalte Tage empfehlen wir Wollsocken.") == "no"
    assert feature_verdict("Ist die Jacke gefüttert?", "Warm lined with recycled fleece.") == "yes"
    assert feature_verdict("Hat sie eine abnehmbare Kapuze?", "Hood sewn on.") is None  # "removable" not stated
    # a reservation anywhere in the sentence: no plain yes, the quote alone answers
    assert feature_verdict("Does it have a remote?", "Remote control not included.") is None
    assert feature_verdict("Hat die Dose einen Deckel?", "Deckel separat erhältlich.") is None


def test_words_of_the_product_name_ask_nothing():
    assert asked_features("Wie schwer ist die Kapuzenjacke?", name="Kapuzenjacke Nord") == []
    assert asked_features("Hat die Kapuzenjacke Taschen?", name="Kapuzenjacke Nord") == ["pocket"]


def test_how_is_it_charged_asks_the_way_not_the_hours():
    assert "battery" not in asked_aspects("Wie wird das Nachtlicht aufgeladen?")
    assert "charging" in asked_aspects("How do I charge it?") and "battery" not in asked_aspects("How do I charge it?")
    assert "battery" in asked_aspects("Wie lange dauert das Aufladen?") and "size" not in asked_aspects("Wie lange dauert das Aufladen?")
    assert "charging" in asked_aspects("Ist es aufladbar?")


def test_a_hardness_grade_is_no_temperature():
    assert "temperature" not in asked_aspects("Welchen Härtegrad hat die Matratze?")
    assert "temperature" in asked_aspects("Bis wie viel Grad hält der Schlafsack warm?")


NIGHT_LIGHT = Product(
    id="night-light", title={"de": "Hoot Nachtlicht Eule"}, category="home",
    description={"de": (
        "<p>Einmal antippen für warmes Licht. Mit 30-Minuten-Timer.</p><ul><li>Battery: 1200 mAh, rechargeable via USB-C "
        "(cable included, no plug)</li><li>Runtime: up to 80 hours on the lowest setting</li><li>Charging time: approx. 2 hours</li></ul>"
    )},
    variants=[{"sku": "NL-1", "price": 34.9, "stock": 4}],
)  # fmt: skip
BOOTS = Product(
    id="wellies", title={"de": "Froschkönig Gummistiefel"}, category="shoes",
    description={"de": (
        "<p>Klassische Gummistiefel aus Naturkautschuk, PVC-frei, mit Griffen zum Anziehen.</p>"
        "<p>Die Stiefel fallen groß aus: Bitte eine Nummer kleiner bestellen als sonst.</p>"
        "<p>Ungefüttert – für kalte Tage unter etwa 5 °C empfehlen wir dicke Wollsocken.</p>"
    )},
    variants=[{"sku": "W-25", "size": "25", "price": 34.9, "stock": 4}],
)  # fmt: skip


def test_an_english_feature_question_finds_the_german_sentence(use_embedder):
    finder = PassageFinder(use_embedder)
    answers = finder.answer(BOOTS, "Are these wellies lined?", "en")
    assert answers and answers[0].sentence.text.startswith("Ungefüttert")
    assert feature_verdict("Are these wellies lined?", answers[0].sentence.text) == "no"


def test_how_is_it_charged_quotes_the_way(use_embedder):
    answers = PassageFinder(use_embedder).answer(NIGHT_LIGHT, "Wie wird das Nachtlicht aufgeladen?", "de")
    assert answers and "USB-C" in answers[0].sentence.text
