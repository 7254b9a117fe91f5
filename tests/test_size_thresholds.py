"""The merchant's sizing rules bound to a measure of the wearer ("Wer über 95 kg wiegt, nimmt eine
Größe größer", "from cup E we recommend one size up", "Für Cup F und größer nicht geeignet",
"heavier than the maximum weight: the next length"): read per sentence in German and English,
applied only to a shopper who states the measure and passes the bound, never read as the
product's fit or as a plain step for everyone. Made-up products."""

from __future__ import annotations

import re

import pytest

from actions.size_chart_answer import chart_answer
from actions.sizing import ActionAnswerSize
from catalog.extract_claims import fit
from catalog.measurements import Measurement
from catalog.size_bounds import has_bound, rule_of, shopper_value
from catalog.size_step_rules import measured_step, stated_step
from catalog.size_thresholds import applies
from tests.need_probes import _product
from tests.test_need_answers import page_asker
from tests.test_size_written_tables import _product as _charted


@pytest.mark.parametrize(
    ("sentence", "measure", "above", "bound", "step"),
    [
        ("Wer über 95 kg wiegt, nimmt eine Größe größer.", "weight", True, 95.0, 1),
        ("Riders heavier than 110 kg should size up.", "weight", True, 110.0, 1),
        ("Bei einer Körpergröße ab 1,85 m empfehlen wir die nächste Länge.", "height", True, 185.0, 1),
        ("If you are under 1.60 m tall, take one length shorter.", "height", False, 160.0, -1),
        ("From cup E we recommend one size up.", "cup", True, 6.0, 1),
        ("Für Cup F und größer ist das Top nicht geeignet.", "cup", True, 7.0, 0),
        ("Not suitable for riders over 120 kg.", "weight", True, 120.0, 0),
        ("Ist der Hund schwerer als das Maximalgewicht, die nächste Größe wählen.", "weight", True, None, 1),
        ("Riders heavier than the chart says should go one size up.", "weight", True, None, 1),
    ],
)
def test_a_bound_and_its_step_are_read(sentence, measure, above, bound, step) -> None:  # noqa: ANN001
    rule = rule_of(sentence)
    assert rule is not None and (rule.measure, rule.above, rule.bound, rule.step) == (measure, above, bound, step)


@pytest.mark.parametrize(
    "sentence",
    [
        "Fällt klein aus, bitte eine Nummer größer bestellen.",  # a step for everyone
        "Runs small: take one size up.",
        "Wiegt nur 450 g und ist ab 3 Jahren geeignet.",  # a bound, no step
        "Für Läufe ab 10 km empfehlen wir unsere Trailsocke.",  # another product recommended, no step
    ],
)
def test_no_bound_rule(sentence) -> None:  # noqa: ANN001
    assert rule_of(sentence) is None


def test_the_shoppers_own_value() -> None:
    assert shopper_value("ich hab 80E, passt das?", "cup") == 6.0
    assert shopper_value("I'm a 34DD", "cup") == 5.0
    assert shopper_value("Ich trage 40 und habe Cup B", "cup") == 2.0
    assert shopper_value("Er ist 1,80 m groß und wiegt 98 kg", "weight") == 98.0
    assert shopper_value("I'm 5'11\"", "height") == pytest.approx(180.3, abs=0.5)
    assert shopper_value("Ich trage sonst M", "weight") is None


def test_a_bound_step_is_no_fit_and_no_step_for_everyone() -> None:
    for lang, sentence in (("de", "Bei Körpergrößen über 1,80 m empfehlen wir, eine Nummer größer zu bestellen."),
                           ("en", "If you weigh 100 kg or more, order one size larger.")):  # fmt: skip
        assert has_bound(sentence) and list(fit(sentence)) == []
        product = _product("p", "Body Luna", sentence, lang, "Größe", ("36", "38", "40", "42"))
        assert stated_step(product, lang) is None
    assert list(fit("Fällt klein aus, bitte eine Nummer größer bestellen.")) == [("fit", "runs_small")]
    chart_bound = _product("p", "Judo Gi", "Riders heavier than the chart says should go one size up.", "en", "Size", ("150", "160"))
    assert measured_step(chart_bound, "en") is None  # "heavier than the chart" is a bound, no step from the chart for everyone


def test_the_rule_holds_past_the_bound_only() -> None:
    de = _product("p", "Laufbody Luna", "Elastischer Body. Bei Körpergrößen über 1,80 m eine Nummer größer bestellen.", "de", "Größe", ("36", "38", "40"))
    assert applies(de, "de", "Ich bin 1,84 m und trage sonst 38") is not None
    assert applies(de, "de", "Ich bin 1,70 m und trage sonst 38") is None
    assert applies(de, "de", "Ich trage sonst 38") is None  # no height stated
    en = _product("p", "Swim Top Wave", "Soft swim top. From cup E we recommend one size up.", "en", "Size", ("38", "40", "42"))
    assert applies(en, "en", "I wear 40 with an E cup") is not None
    assert applies(en, "en", "I wear 40, cup E") is not None
    assert applies(en, "en", "I wear 40 and need a cup holder") is None  # "a cup" names no cup size
    assert applies(en, "en", "I wear 40, cup C") is None


_KIDS_SKI = ("100 cm", "110 cm", "120 cm")
_SKI_DE = "Kinderski.\nLänge Körpergröße max. Gewicht\n100 cm 95–104 cm 25 kg\n110 cm 105–114 cm 30 kg\n120 cm 115–124 cm 35 kg\n" \
          "Ist das Kind schwerer als das Maximalgewicht, die nächste Länge wählen."
_SKI_EN = "Kids' ski.\nLength by height: 100 cm = 95–104 cm | 110 cm = 105–114 cm | 120 cm = 115–124 cm\n" \
          "Riders over 32 kg should take the next length."


def test_the_chart_size_steps_past_the_bound() -> None:
    de = _charted({"Länge": list(_KIDS_SKI)}, _SKI_DE, "de")
    heavy = chart_answer(de, [Measurement("height", 108), Measurement("weight", 33)], "Er ist 108 cm und wiegt 33 kg", "de", "EUR") or ""
    # the "max. Gewicht" column read as a weight chart or the merchant's step past the row's maximum
    assert re.search(r"(?:empfehle ich|Ich empfehle) Länge 120 cm", heavy)
    light = chart_answer(de, [Measurement("height", 108), Measurement("weight", 28)], "Er ist 108 cm und wiegt 28 kg", "de", "EUR") or ""
    assert "Maximalgewicht" not in light and "Länge 110 cm" in light
    en = _charted({"Length": list(_KIDS_SKI)}, _SKI_EN, "en")
    heavy = chart_answer(en, [Measurement("height", 108), Measurement("weight", 33)], "He is 108 cm and weighs 33 kg", "en", "EUR") or ""
    assert re.search(r"recommend length 120 cm", heavy, re.I) and "over 32 kg" in heavy
    assert "over 32 kg" not in (chart_answer(en, [Measurement("height", 108)], "He is 108 cm", "en", "EUR") or "")


@pytest.fixture
def ask(run_action, monkeypatch):  # noqa: ANN001, ANN201
    return page_asker(run_action, monkeypatch)


_SIZES = ("36", "38", "40", "42")
TOP_DE = _product("bikini-top-koralle", "Bikini-Top Koralle", "Bügel-Top aus recyceltem Polyamid. Ab Cup D empfehlen wir eine Nummer größer.", "de", "Größe", _SIZES)
TOP_EN = _product("swim-top-reef", "Swim Top Reef", "Soft swim top. Not suitable for cup F and larger – too little support.", "en", "Size", _SIZES)


@pytest.mark.usefixtures("test_catalog")
def test_the_usual_size_steps_for_the_shopper_past_the_bound(ask) -> None:  # noqa: ANN001
    assert "Größe 40" in ask(ActionAnswerSize(), TOP_DE, "Ich trage sonst 38 und habe Cup E – welche Größe?", "de")
    plain = ask(ActionAnswerSize(), TOP_DE, "Ich trage sonst 38 und habe Cup B – welche Größe?", "de")
    assert "Größe 38" in plain and "Ab Cup D" in plain  # the usual size, the rule quoted


@pytest.mark.usefixtures("test_catalog")
def test_a_size_the_product_is_not_meant_for(ask) -> None:  # noqa: ANN001
    said = ask(ActionAnswerSize(), TOP_EN, "I'm a 75G, will this work for me?", "en")
    assert "isn't meant" in said and "Not suitable for cup F" in said
    assert "isn't meant" not in ask(ActionAnswerSize(), TOP_EN, "I'm a 75C, will this work for me?", "en")
