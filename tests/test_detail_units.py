"""A measured spec asked by its quantity, not by its unit (catalog/fact_kinds.py, catalog/passages.py,
actions/product_answers.py): suction -> Pa, brightness -> lm / lx, colour temperature -> K, area -> m²,
charge time vs. runtime, a part's capacity, a unit the question names, a kind read from the product's name."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines, asks_own_part, in_asked_unit
from catalog.enrich import enrich
from catalog.fact_kinds import ASPECTS
from catalog.models import Product
from catalog.passages import asked_aspects
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(
        FIXTURES / "store_answers", tmp_path_factory.mktemp("units-data"), use_embedder
    ):
        yield


@pytest.mark.parametrize(
    ("question", "kind", "sentence"),
    [
        ("Wie viel Saugkraft hat er?", "suction", "Saugroboter mit 8000 Pa und LiDAR."),
        ("What's the suction power?", "suction", "Suction: 2700 Pa."),
        ("Wie hell ist die Lampe?", "brightness", "E27, 806 lm, 7 W."),
        ("How bright does it get?", "brightness", "Simulates a sunrise up to 300 lx."),
        ("Welche Farbtemperatur hat sie?", "colour_temperature", "Lichtfarbe: 2700 K, warmweiß"),
        (
            "What colour temperature is it?",
            "colour_temperature",
            "Tunable white from 2000 to 6500 K.",
        ),
        ("Wie schnell dreht der Mixer?", "speed", "Er dreht mit bis zu 32.000 U/min."),
        ("How fast does the motor spin?", "speed", "Motor speed 25,000 rpm."),
        ("Wie viel bar hat die Maschine?", "pressure", "15 bar Pumpendruck."),
        ("What pressure does it have?", "pressure", "6.5 bar pump pressure."),
        ("Wie viele Wh hat der Akku?", "energy", "20.000 mAh (74 Wh)."),
        ("How many Wh does it have?", "energy", "A 288 Wh LiFePO4 battery."),
        ("Für welche Raumgröße ist er?", "area", "Für Räume bis 48 m²."),
        ("What room size is it for?", "area", "For rooms up to 30 m²."),
        ("Welchen Radius hat der Ski?", "radius", "68 mm Taille, 14 m Radius."),
        ("What's the turning radius?", "radius", "Radius: R 14"),
        ("Welche Füllkraft hat die Daune?", "fill_power", "Daunen mit 700 cuin."),
        ("What fill power is the down?", "fill_power", "Very warm (800 fill power)."),
        (
            "Wie viel Federweg hat die Gabel?",
            "suspension_travel",
            "Hardtail mit 120 mm Federgabel.",
        ),
        ("How much travel does the fork have?", "suspension_travel", "140 mm travel up front."),
        ("Nach welcher Norm ist der Helm geprüft?", "standard", "Norm EN 1077 Klasse B."),
        ("Which standard is it certified to?", "standard", "EN 12277 type C."),
        ("Wie schnell heizt er auf?", "heat_up", "Aufgeheizt in 20 Sekunden."),
        ("How fast does it heat up?", "heat_up", "Ready to iron in 2 minutes."),
        (
            "Wie lange dauert das Aufladen?",
            "charge_time",
            "Selbst aufladen: 65 W, in ca. 2 Stunden voll",
        ),
        ("How long does it take to charge?", "charge_time", "Ladezeit 4 Stunden."),
        (
            "Wie viele Lüftungsöffnungen hat der Helm?",
            "vents",
            "12 regulierbare Lüftungsöffnungen.",
        ),
        ("How many vents does it have?", "vents", "Skihelm mit 12 Lüftungsöffnungen."),
    ],
)
def test_a_quantity_asked_by_its_name_is_the_kind_its_unit_states(
    question: str, kind: str, sentence: str
):
    assert kind in asked_aspects(question)
    assert ASPECTS[kind][1].search(sentence)


def test_a_narrower_kind_replaces_the_wider_one_the_same_words_ask():
    assert asked_aspects("Wie lange dauert das Aufladen?") == ["charge_time"]  # not the runtime
    assert "battery" not in asked_aspects(
        "How long does it take to recharge the power bank itself?"
    )
    assert "speed" not in asked_aspects("How fast does the steam cleaner heat up?")
    assert "size" not in asked_aspects("Für welche Raumgröße ist der Luftreiniger?")
    assert "temperature" not in asked_aspects("Welche Farbtemperatur hat die Lampe?")
    assert "temperature" not in asked_aspects("What colour temperature is the bulb?")
    assert "temperature" in asked_aspects(
        "Wie warm ist der Schlafsack?"
    )  # a warmth is still a temperature
    assert "battery" in asked_aspects("Wie lange hält der Akku?")


def test_the_size_of_a_part_that_holds_something_asks_its_capacity():
    assert "capacity" in asked_aspects("How big is the dust bin?") and "capacity" in asked_aspects(
        "Wie groß ist der Wassertank?"
    )
    assert "capacity" not in asked_aspects(
        "How big is the table?"
    ) and "capacity" not in asked_aspects("Wie groß ist der Tisch?")
    assert ASPECTS["capacity"][1].search("Der 2-l-Behälter ist aus Tritan.")
    robot = _product("r", "Saugroboter S8", "Staubbehälter: 400 ml", "de")
    assert asks_own_part(robot, "Wie groß ist der Staubbehälter?") and asks_own_part(
        robot, "How big is the dust bin?"
    )
    bottle = _product("b", "Trinkflasche Sport", "Fasst 750 ml.", "de")
    assert not asks_own_part(bottle, "Wie groß ist die Trinkflasche?")


def test_a_kind_is_not_read_from_words_of_the_products_name():
    name = "RoboClean Lite 2"
    assert "care" not in asked_aspects("How much suction does the RoboClean Lite 2 have?", name)
    assert "care" in asked_aspects("How do I clean the RoboClean Lite 2?", name)
    assert "care" in asked_aspects("Wie reinige ich den Filter?", name)


def test_a_unit_the_question_names_keeps_only_figures_in_it():
    assert not in_asked_unit("20,000 mAh battery", "How many Wh does the power bank have?")
    assert in_asked_unit("20.000 mAh (74 Wh)", "Wie viele Wh hat die Powerbank?")
    assert not in_asked_unit(
        "3 h Akkulaufzeit", "Wie viele Quadratmeter schafft er mit einer Akkuladung?"
    )
    assert in_asked_unit("for rooms up to 30 m²", "How many m² does it clean?")
    assert in_asked_unit(
        "40 h battery life", "How long does the battery last?"
    )  # no unit named: any figure


def test_a_measured_quantity_is_answered_by_the_sentence_stating_its_unit(served):
    robot = _product(
        "rc",
        "RoboClean Lite 2",
        "<p>The RoboClean Lite 2 cleans in neat lanes using a gyroscope.</p><p>Suction: 2700 Pa. The dust bin holds 600 ml.</p>",
        "en",
    )
    lines, known = answer_lines(robot, "How much suction does the RoboClean Lite 2 have?", "en")
    assert known and "2700 Pa" in " ".join(lines)
    lamp = _product(
        "wl",
        "Lichtwecker Sonnenaufgang",
        "<p>Lichtwecker mit Radio.</p><p>Simuliert 30 Minuten lang einen Sonnenaufgang bis 300 lx. Betrieb am Netzteil.</p>",
        "de",
    )
    lines, known = answer_lines(lamp, "Wie hell wird der Lichtwecker?", "de")
    assert known and "300 lx" in " ".join(lines)


def test_charge_time_is_no_runtime(served):
    bank = _product(
        "pb",
        "Powerbank Reise 20000",
        "<p>Powerbank mit 20.000 mAh und bis zu 10 Stunden Laufzeit.</p><ul><li>Selbst aufladen: 65 W, in ca. 2 Stunden voll</li></ul>",
        "de",
    )
    lines, _ = answer_lines(bank, "Wie lange dauert es, die Powerbank selbst aufzuladen?", "de")
    assert "2 Stunden" in " ".join(lines)
    vac = _product(
        "hv",
        "Handstaubsauger Flink",
        "<p>Runtime up to 40 minutes. Charging time 4 hours.</p>",
        "en",
    )
    lines, _ = answer_lines(vac, "How long does it take to charge?", "en")
    assert "4 hours" in " ".join(lines)


def test_a_measured_quantity_taken_for_a_size_question_is_answered_as_a_detail(served):
    from actions.sizing import _measured_detail

    ski = enrich(Product(
        id="ski", title={"de": "Slalomski Carve"}, category="ski", option_names=["Länge"],
        description={"de": "<p>Slalomski mit Bindung, 68 mm Taille, 12 m Radius bei 165 cm.</p><p>Für Könner.</p>"},
        variants=[{"sku": f"ski-{n}", "price": 1.0, "stock": 1, "options": {"Länge": f"{n} cm"}} for n in (155, 165)],
    ))  # fmt: skip
    assert "12 m Radius" in (_measured_detail(ski, "Welchen Radius hat der Ski?", "de") or "")
    assert "12 m Radius" in (_measured_detail(ski, "What radius does the ski have?", "en") or "")
    assert (
        _measured_detail(ski, "Welche Länge brauche ich bei 1,80 m?", "de") is None
    )  # a size question stays one
    purifier = _product(
        "ap",
        "Air Purifier Pure 250",
        "<p>A quiet air purifier.</p><p>CADR 250 m³/h for rooms up to 30 m².</p>",
        "en",
    )
    assert "30 m²" in (
        _measured_detail(purifier, "Für welche Raumgröße ist der Pure 250?", "de") or ""
    )


@pytest.mark.parametrize(
    "question",
    ["Haben Sie die Jacke in Hellblau in M?", "Do you have it in bright red?", "Gibt es die Lampe in Warmweiß?", "Is it good for travel?",
     "Hat die Jacke Druckknöpfe?", "Welche Größe hat die Liegefläche?", "Is the standard version in stock?", "Is size M ready to ship?",
     "Is it a smart home hub?"],
)  # fmt: skip
def test_a_version_or_an_everyday_word_asks_no_measured_quantity(question: str):
    from catalog.fact_kinds import MEASURED_KINDS

    assert not MEASURED_KINDS & set(asked_aspects(question))


def test_a_feature_named_connect_or_an_output_asks_no_power():
    assert "power" not in asked_aspects("Do the speakers support Spotify Connect?")
    assert "power" not in asked_aspects("Kann ich den Kopfhörer an den Fernseher anschließen?")
    assert "power" in asked_aspects("What's the peak output of the power station?")
