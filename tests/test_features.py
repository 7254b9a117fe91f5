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
    assert denies("Short fingers, so they don't work with touchscreens.", "display")
    assert feature_verdict("Can I use my phone's touchscreen with these on?", "Short fingers, so they don't work with touchscreens.") == "no"
    assert feature_verdict("Does it shrink?", "Pre-washed: shrinkage is below 3 %.") is None  # a topic named is no plain yes
    assert feature_verdict("Ist sie für Allergiker geeignet?", "Nicht für Allergiker geeignet.") == "no"


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
    # the hours of charging (its own kind since the charge time is no runtime: tests/test_detail_units.py)
    assert "charge_time" in asked_aspects("Wie lange dauert das Aufladen?") and "size" not in asked_aspects("Wie lange dauert das Aufladen?")
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


# made up in the manner of a sports shop's texts (a bra, a throw, bed linen, a wetsuit)
BRA = Product(
    id="sports-bra", title={"en": "Pulse Sports Bra"}, category="clothing",
    description={"en": (
        "<p>Maximum support for running.</p><ul><li>Adjustable, padded straps</li><li>Removable pads: for cups A to D</li>"
        "<li>Fabric: 76 % recycled polyamide, 24 % elastane</li></ul><p>Care: wash at 30 °C, no fabric softener.</p>"
    )},
    variants=[{"sku": "B-1", "price": 54.9, "stock": 4}],
)  # fmt: skip
LINEN = Product(
    id="linen", title={"de": "Bettwäsche Mako-Satin"}, category="home",
    description={"de": "<p>100 % Baumwolle, Fadendichte 80 Fäden/cm².</p><p>Vorgewaschen: läuft höchstens 3 % ein.</p>"},
    variants=[{"sku": "L-1", "price": 69.9, "stock": 4}],
)  # fmt: skip


def test_care_diving_allergy_tyres_and_organic_are_features_in_both_languages():
    assert features("Darf ich Weichspüler benutzen?") == ["fabric_softener"] == features("Wash at 30 °C, no fabric softener.")
    assert features("Does it shrink?") == ["shrink"] == features("Läuft beim Waschen höchstens 3 % ein.")
    assert features("Kann ich damit tauchen gehen?") == ["diving"] == features("For open-water swimming, not for diving.")
    assert features("I'm allergic to feathers") == ["allergy"] == features("Bei einer Federallergie nicht geeignet.")
    assert features("for house-dust allergy sufferers") == ["allergy"] and features("Is the mat slippery?") == []
    assert features("Kratzt die Wolle?") == ["itch"] and features("Kann ich sie im Hallenbad tragen?") == ["pool"]
    assert features("Wie breit dürfen die Reifen sein?") == ["tyres"] == features("max. tyre width 45 mm")
    assert "organic" in features("GOTS certified organic cotton?") and features("aus Biobaumwolle") == ["organic"]
    assert features("Removable pads") == ["padding", "removable"] and "gears" in features("Schaltung: ohne, Rücktritt")
    assert denies("Wash at 30 °C, no fabric softener.", "fabric_softener") and denies("not for diving.", "diving")


def test_the_sentence_naming_every_asked_feature_answers(use_embedder):
    finder = PassageFinder(use_embedder)
    answers = finder.answer(BRA, "Sind die Polster herausnehmbar?", "de")
    assert answers and answers[0].sentence.text.startswith("Removable pads")
    assert feature_verdict("Sind die Polster herausnehmbar?", answers[0].sentence.text) == "yes"
    assert feature_verdict("Darf ich Weichspüler benutzen?", finder.answer(BRA, "Darf ich Weichspüler benutzen?", "de")[0].sentence.text) == "no"


def test_a_sentence_of_the_asked_kind_without_the_asked_feature_is_no_answer(use_embedder):
    finder = PassageFinder(use_embedder)
    assert not finder.answer(LINEN, "Is this bedding GOTS certified organic cotton?", "en")  # "100 % Baumwolle" is near, not an answer
    answers = finder.answer(LINEN, "Does it shrink in the wash?", "en")
    assert answers and "3 %" in answers[0].sentence.text


def test_how_long_asks_a_duration_too():
    assert "duration" in asked_aspects("How long are the rides this chamois is made for?")
    assert "duration" in asked_aspects("Wie lange hält der Akku?") and "duration" not in asked_aspects("Wie lang ist das Kabel?")


STOCKINGS = Product(
    id="stockings", title={"de": "Kompressionsstrümpfe Recovery"}, category="clothing",
    description={"de": (
        "<p>Kompressionsstrümpfe für die Erholung nach langen Läufen.</p>"
        "<p>Die Strümpfe üben am Knöchel den stärksten Druck aus (20–25 mmHg), der nach oben abnimmt.</p>"
        "<p>Wichtig für die Größe ist der Wadenumfang.</p><p>Nicht kompatibel mit Steigbügeln.</p>"
    )},
    variants=[{"sku": "S-1", "price": 39.9, "stock": 4}],
)  # fmt: skip


def test_a_word_of_the_question_in_the_other_language_counts_as_shared(use_embedder):
    finder = PassageFinder(use_embedder)
    answers = finder.answer(STOCKINGS, "How much pressure do they give?", "en")  # "pressure" ~ "Druck"
    assert answers and "Druck" in answers[0].sentence.text
    shared = finder.shared_words({"pressure"}, ["am Knöchel den stärksten Druck aus", "Wichtig ist der Wadenumfang."])
    assert shared == [2.0, 0.0]
    assert finder.shared_words({"etagenbett"}, ["Höhe unter dem Bett 152 cm"], name="Hochbett Luis") == [0.0]  # the product's own kind
    assert finder.shared_words({"shoe"}, ["Der Schuh fällt klein aus."]) == [1.0]  # a short twin counts once
    assert not finder.answer(STOCKINGS, "Are they machine washable?", "en")


def test_use_and_weight_questions_in_more_words():
    assert "use" in asked_aspects("Kann ich Steigeisen verwenden?") and "use" in asked_aspects("Passt die Tasche an meine Sattelstütze?")
    assert "use" in asked_aspects("Is it compatible with dropper posts?") and "weight" in asked_aspects("Wie viel wiegen die Stöcke?")


DUVET = Product(
    id="duvet", title={"en": "Allergy-Friendly Microfibre Duvet"}, category="home",
    description={"en": (
        "<p>All-season hollow-fibre duvet.</p><p>For house-dust allergy sufferers: the whole duvet can be washed at 95 °C.</p>"
        "<p>Medium warmth – one duvet for the whole year.</p><p>88 grams, packs into its own stuff sack.</p>"
    )},
    variants=[{"sku": "D-1", "price": 89.0, "stock": 4}],
)  # fmt: skip


def test_a_feature_asked_as_what_it_is_good_for_is_answered_by_the_sentence_naming_it(use_embedder):
    for question in ("Ist die Decke für Hausstauballergiker geeignet?", "Eignet sie sich für Allergiker?"):
        answers = PassageFinder(use_embedder).answer(DUVET, question, "de")
        assert answers and answers[0].sentence.text.startswith("For house-dust allergy sufferers"), question


def test_how_small_it_packs_is_no_measure_asked():
    assert "packing" in asked_aspects("Wie klein lässt sich die Jacke verpacken?") and "size" not in asked_aspects("Wie klein lässt sich die Jacke verpacken?")


def test_a_light_is_a_lamp_and_taking_out_is_removing():
    from actions.facts import asked_attributes

    assert features("Does the helmet have a light?") == ["lamp"] and features("Is the helmet light?") == []
    assert "weight_g" not in asked_attributes("Does the helmet have a light?") and "weight_g" in asked_attributes("Is the helmet light?")
    assert "removable" in features("Can I take the battery out?") and "lamp" in features("Hinten sitzt ein abnehmbares LED-Licht")


def test_a_german_compound_shares_its_last_part():
    from catalog.passages import shares_word

    assert shares_word({"zündung"}, "Winziger Aufschraubkocher mit Piezozündung.") == 1.0
    assert shares_word({"zündung"}, "Winziger Aufschraubkocher.") == 0.0
