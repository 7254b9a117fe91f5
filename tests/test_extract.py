"""Facts from product texts: the extractor scored on the labelled sentence sets, and the cases
that are easy to get wrong (number formats, negation, numbers that are no fact)."""

from __future__ import annotations

import pytest

from catalog.extract import extract_sentence, extract_text, sentences
from catalog.extract_score import score
from catalog.extract_units import parse_number
from tests.conftest import FIXTURES

# Figures reached when this test was written (see ARCHITECTURE.md): the set the rules were
# written against scores 1.00 everywhere; the two held-out sets, each written before its first
# run, scored precision 0.98 / recall 0.86 and 1.00 / 0.91 before the general fixes they
# showed, and now 1.00 / 0.98 and 1.00 / 1.00. Floors sit a little below, so a regression fails.
DEV_FLOOR = {"precision": 0.95, "recall": 0.95}
HELDOUT_FLOOR = {"precision": 0.95, "recall": 0.90}


def _micro(scores: dict) -> tuple[float, float]:
    tp = sum(s["tp"] for s in scores.values())
    fp = sum(s["fp"] for s in scores.values())
    fn = sum(s["fn"] for s in scores.values())
    return tp / (tp + fp), tp / (tp + fn)


def test_labelled_set_per_kind():
    scores, mistakes = score(FIXTURES / "fact_sentences.jsonl")
    assert len(scores) == 14, sorted(scores)  # every kind is in the set
    for kind, s in scores.items():
        assert s["precision"] >= DEV_FLOOR["precision"], (kind, s, mistakes)
        assert s["recall"] >= DEV_FLOOR["recall"], (kind, s, mistakes)


@pytest.mark.parametrize("name", ["fact_sentences_heldout.jsonl", "fact_sentences_heldout2.jsonl"])
def test_heldout_sets(name):
    scores, mistakes = score(FIXTURES / name)
    precision, recall = _micro(scores)
    assert precision >= HELDOUT_FLOOR["precision"], mistakes
    assert recall >= HELDOUT_FLOOR["recall"], mistakes


def test_labelled_set_is_large_and_bilingual():
    import json

    cases = [json.loads(line) for line in (FIXTURES / "fact_sentences.jsonl").read_text().splitlines() if line]
    assert len(cases) >= 120
    assert {c["lang"] for c in cases} == {"de", "en"}
    assert sum(1 for c in cases if not c["facts"]) >= 15  # sentences with numbers but no fact


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1,2", "de", 1.2), ("1.2", "de", 1.2), ("10.000", "de", 10000), ("20,000", "en", 20000),
        ("3.350", "de", 3350), ("35.5", "de", 35.5), ("-5", "de", -5), ("−25", "de", -25),
        ("minus 10", "de", -10), ("drei", "de", 3), ("five", "en", 5), ("abc", "de", None),
    ],
)  # fmt: skip
def test_numbers_as_merchants_write_them(text, lang, value):
    assert parse_number(text, lang) == value


def _facts(text: str, lang: str = "de") -> dict:
    return {f.key: f.value for f in extract_sentence(text, lang)}


def test_one_fact_per_kind_with_units_converted():
    assert _facts("Gewicht ca. 350 g.") == {"weight_g": 350}
    assert _facts("Weight: 1.2 kg.", "en") == {"weight_g": 1200}
    assert _facts("Gesamtgewicht 1,2 kg.") == {"weight_g": 1200}
    assert _facts("Wassersäule 10.000 mm.") == {"waterproof_mm": 10000}
    assert _facts("Waterproof to IPX7.", "en") == {"waterproof": True, "ip": "IPX7"}
    assert _facts("Komfort 2 °C, Limit -4 °C, Extrem -20 °C.") == {"min_temp_c": 2, "limit_temp_c": -4}
    assert _facts("Powerbank mit 20.000 mAh / 74 Wh.") == {"battery_mah": 20000, "battery_wh": 74}
    assert _facts("30 Std. Akkulaufzeit.") == {"battery_hours": 30}
    assert _facts("Holds 750 ml.", "en") == {"capacity_l": 0.75}
    assert _facts("Abmessungen: 120 x 60 x 25 mm.") == {"dimensions_cm": [12, 6, 2.5]}
    assert _facts("Bei 30 °C waschbar, nicht in den Trockner.") == {"wash_temp_c": 30, "tumble_dry": False}
    assert "weight_g" not in _facts("Für Kinder ab Kleidergröße 74 (ca. 9 kg).")  # the weight a size stands for
    assert _facts("From size 74 (approx. 9 kg). Weight: 620 g.", "en")["weight_g"] == 620
    assert _facts("Never tumble dry.", "en")["tumble_dry"] is False  # "tumble dry" after "never" is no yes
    assert _facts("Niemals in den Trockner geben.")["tumble_dry"] is False
    assert _facts("5 Jahre Garantie.") == {"warranty_years": 5}
    assert _facts("Garantie: 24 Monate.") == {"warranty_years": 2}
    assert _facts("Bezug aus Baumwolle, Füllung aus Polyester.") == {"materials": ["cotton", "polyester"]}
    assert _facts("Nicht geeignet für Kinder unter 3 Jahren.") == {"not_suitable_for": ["Kinder unter 3 Jahren"]}
    assert _facts("Great for travel, camping and festivals.", "en") == {"suitable_for": ["travel", "camping", "festivals"]}
    assert _facts("Darf ins Handgepäck.") == {"carry_on": True}


def test_fit_and_width_advice():
    assert _facts("Fällt eine halbe Nummer klein aus.") == {"fit": "runs_small"}
    assert _facts("Runs small – one size up.", "en") == {"fit": "runs_small"}
    assert _facts("Fällt weit aus, eine Größe kleiner bestellen.") == {"fit": "runs_large"}
    assert _facts("True to size.", "en") == {"fit": "true_to_size"}
    assert _facts("Weite Passform für breite Füße.") == {"width": "wide"}
    assert _facts("Runs narrow.", "en") == {"width": "narrow"}  # width, not a size advice
    assert _facts("Fits small items like keys.", "en") == {}


def test_negation_and_numbers_that_are_no_fact():
    assert _facts("Die Jacke ist nicht wasserdicht.") == {"waterproof": False}
    assert _facts("Wasserabweisende Imprägnierung.") == {}
    assert _facts("Ladezeit ca. 2 Stunden.") == {}
    assert _facts("Hält Getränke 12 Stunden heiß.") == {}
    assert _facts("Belastbar bis 120 kg.") == {"max_load_kg": 120}  # what it carries, not its weight
    assert _facts("Powerbanks über 160 Wh dürfen nicht ins Flugzeug.") == {}
    assert _facts("Operating temperature 0–40 °C.", "en") == {}
    assert _facts("Sprengung 8 mm, Stollen 5 mm.") == {}
    assert _facts("Packmaß 20 x 10 cm.") == {}
    # a carry-on hint the merchant does not promise (stores/kleinholz's buggy) is no fact; "most airlines" is
    assert _facts("Die Maße gefaltet entsprechen bei vielen Airlines dem Handgepäck – bitte vorher bei Ihrer Fluggesellschaft nachfragen.") == {}
    assert _facts("Fits many airlines' cabin size; please check with your airline first.", "en") == {}
    assert _facts("Fits the carry-on limits of most airlines.", "en") == {"carry_on": True}


def test_sentences_keep_abbreviations_and_quote_the_source():
    text = "Leichter Schuh. Gewicht ca. 350 g (Gr. 42). Fällt klein aus – eine Größe größer wählen."
    assert sentences(text) == ["Leichter Schuh.", "Gewicht ca. 350 g (Gr. 42).", "Fällt klein aus – eine Größe größer wählen."]
    facts = {f.key: f for f in extract_text(text, "de")}
    assert facts["weight_g"].text == "Gewicht ca. 350 g (Gr. 42)." and facts["weight_g"].unit == "g"
    assert facts["fit"].value == "runs_small" and facts["fit"].lang == "de"


def test_a_fill_weight_is_no_weight_of_the_product():
    assert "weight_g" not in {f.key for f in extract_text("Füllgewicht 650 g (Regular) bzw. 720 g (Long).", "de")}
    assert {f.key: f.value for f in extract_text("Füllgewicht 650 g, Gesamtgewicht 1.290 g.", "de")}["weight_g"] == 1290


def test_a_hand_wash_temperature_is_no_machine_wash():
    assert "wash_temp_c" not in {f.key for f in extract_text("Bei Bedarf Handwäsche bei 30 °C mit Wollwaschmittel.", "de")}
    assert {f.key: f.value for f in extract_text("Maschinenwäsche bei 30 °C oder Handwäsche.", "de")}["wash_temp_c"] == 30


def test_a_labelled_weight_wins_over_an_earlier_one_in_passing():
    from catalog.extract import extract_text

    weight = lambda text, lang: next(f.value for f in extract_text(text, lang) if f.key == "weight_g")  # noqa: E731
    assert weight("<p>Bis Kleidergröße 104 bzw. 20 kg.</p><p>Gewicht: 620 g</p>", "de") == 620
    assert weight("<p>Holds a toddler, 20 kg.</p><p>It weighs 700 g.</p>", "en") == 700
    assert weight("<p>Gewicht: 1,2 kg.</p><p>Füllgewicht 500 g.</p>", "de") == 1200  # a filling's weight is not its own
