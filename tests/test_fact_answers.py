"""Questions about a product answered from its typed facts, quoting the sentence of the product
text a fact was read from; nothing said when the product has no such fact."""

from __future__ import annotations

from actions import facts, fit_checks
from catalog.enrich import enrich
from catalog.models import Product


def product(description: dict, **fields) -> Product:
    raw = {
        "id": "p", "title": {"en": "Test product"}, "description": description, "category": "outdoor",
        "variants": [{"sku": "P-1", "price": 10.0, "stock": 1}], **fields,
    }  # fmt: skip
    return enrich(Product.parse_obj(raw))


JACKET = product({
    "de": "Leichte Regenjacke. Wiegt nur ca. 350 g. Wasserdicht dank 10.000 mm Wassersäule. "
          "Bei 30 °C waschbar, nicht in den Trockner. 5 Jahre Garantie. Komfort bis -5 °C, Limit -12 °C.",
})  # fmt: skip
LAMP = product({"en": "Headlamp with 40 hours of battery life. Waterproof to IPX7. Not suitable for diving. Battery 3,350 mAh."})


def test_weight_question_quotes_the_sentence():
    lines, missing = facts.fact_answer(JACKET, "Wie schwer ist die Jacke?", "de")
    assert lines == ["350 g. Laut Produktbeschreibung: „Wiegt nur ca. 350 g.“"] and missing == []


def test_washing_temperature_is_not_warmth():
    lines, _ = facts.fact_answer(JACKET, "Bei wie viel Grad kann ich sie waschen?", "de")
    assert lines[0].startswith("waschbar bei 30 °C.") and "Bei 30 °C waschbar" in lines[0]
    assert not any("Grenzbereich" in line or "warm bis" in line for line in lines)
    lines, _ = facts.fact_answer(JACKET, "Darf die Jacke in den Trockner?", "de")
    assert any(line.startswith("nicht für den Trockner") for line in lines)


def test_warranty_battery_and_temperature():
    lines, _ = facts.fact_answer(JACKET, "Wie viel Garantie gibt es?", "de")
    assert lines == ["5 Jahre Garantie. Laut Produktbeschreibung: „5 Jahre Garantie.“"]
    lines, _ = facts.fact_answer(LAMP, "How long does the battery last?", "en")
    assert lines[0] == "40 h battery life. The product description says: “Headlamp with 40 hours of battery life.”"
    verdicts = fit_checks.check_fit(JACKET, "Ist die Jacke warm genug bei -10 Grad?", "de")  # comfort -5 °C: no
    assert verdicts[0].verdict == "no" and "Grenzbereich -12 °C" in verdicts[0].fact and "Komfort bis -5 °C" in verdicts[0].fact
    assert fit_checks.check_fit(JACKET, "Reicht sie bei -3 Grad?", "de")[0].verdict == "yes"


def test_unknown_facts_are_reported_missing_not_invented():
    lines, missing = facts.fact_answer(LAMP, "How heavy is it?", "en")
    assert lines == [] and missing == ["weight_g"]


def test_waterproof_from_text_and_ip_rating():
    verdicts = fit_checks.check_fit(JACKET, "Ist die Jacke wasserdicht?", "de")
    assert verdicts[0].verdict == "yes" and "Wasserdicht dank 10.000 mm Wassersäule." in verdicts[0].fact
    splash = product({"en": "Speaker, splash-proof to IPX4."})
    assert [v.verdict for v in fit_checks.check_fit(splash, "is it waterproof?", "en")] == ["partly"]
    assert [v.verdict for v in fit_checks.check_fit(LAMP, "is it waterproof?", "en")][0] == "yes"


def test_not_suitable_for_and_carry_on():
    verdicts = fit_checks.check_fit(LAMP, "Can I take it diving?", "en")
    assert [v.verdict for v in verdicts] == ["no"] and "Not suitable for diving." in verdicts[0].fact
    bank = product({"de": "Powerbank mit 20.000 mAh / 74 Wh – darf ins Handgepäck."})
    verdicts = fit_checks.check_fit(bank, "Darf ich die Powerbank mit ins Flugzeug im Handgepäck nehmen?", "de")
    assert [v.verdict for v in verdicts] == ["yes"]


def test_phrases_for_new_keys():
    assert facts.attribute_phrase("dimensions_cm", [55, 40, 20.5], "de") == "Maße 55 × 40 × 20,5 cm"
    assert facts.attribute_phrase("materials", ["cotton", "polyester"], "de") == "Material: Baumwolle und Polyester"
    assert facts.attribute_phrase("waterproof_mm", 10000, "en") == "10,000 mm hydrostatic head"
    assert facts.attribute_phrase("tumble_dry", False, "en") == "not for the tumble dryer"
    assert facts.attribute_phrase("carry_on", True, "de") == "fürs Handgepäck geeignet"


def test_structured_fact_is_not_quoted():
    structured = product({"en": "Weighs 400 g."}, attributes={"weight_g": 380})
    lines, _ = facts.fact_answer(structured, "how heavy?", "en")
    assert lines == ["380 g"]


def test_quote_in_the_question_language_when_the_text_has_it():
    both = product({"de": "Wiegt nur 140 g.", "en": "Weighs only 140 g."})
    assert facts.fact_answer(both, "how heavy is it?", "en")[0] == ["140 g. The product description says: “Weighs only 140 g.”"]
    assert facts.fact_answer(both, "wie schwer?", "de")[0] == ["140 g. Laut Produktbeschreibung: „Wiegt nur 140 g.“"]
    german_only = product({"de": "Wiegt nur 140 g."})
    assert "Wiegt nur 140 g." in facts.fact_answer(german_only, "how heavy is it?", "en")[0][0]


def test_question_words_do_not_match_inside_other_words():
    lines, missing = facts.fact_answer(JACKET, "What is it made of?", "en")
    assert "battery_wh" not in missing


def test_fit_advice_in_the_shoppers_language_or_quoted():
    shoe = product({"de": "Fällt klein aus – eine Größe größer bestellen."}, variants=[{"sku": "S-42", "size": "42", "price": 1.0, "stock": 1}])
    assert facts.fit_sentence(shoe, "de") == "Fällt klein aus – eine Größe größer bestellen."
    assert facts.fit_sentence(shoe, "en") == "This model runs small. The product description says: “Fällt klein aus – eine Größe größer bestellen.”"


def test_a_hydrostatic_head_alone_answers_whether_it_is_waterproof():
    shell = product({"de": "<ul><li><strong>Wassersäule:</strong> 20.000 mm</li><li><strong>Gewicht:</strong> 1,2 kg</li></ul>"})
    verdict = fit_checks.check_fit(shell, "Ist die Jacke wasserdicht?", "de")[0]
    assert verdict.verdict == "yes" and verdict.fact.startswith("wasserdicht (20.000 mm Wassersäule)") and "„Wassersäule: 20.000 mm“" in verdict.fact
    softshell = product({"en": "Softshell with a 800 mm water column."})
    assert fit_checks.check_fit(softshell, "Is it waterproof?", "en")[0].verdict == "partly"
    assert facts.fact_answer(shell, "Wie schwer ist sie?", "de")[0][0].startswith("1,2 kg.")  # a kilogram weight in kg


def test_not_suitable_for_a_material_answers_across_languages_and_is_no_material():
    detergent = product({"en": "Suitable for washing at 20–60 °C. <b>Not suitable for wool and silk</b> – use a wool detergent instead."})
    assert "materials" not in detergent.attributes
    verdicts = fit_checks.check_fit(detergent, "Kann ich damit Wolle waschen?", "de")
    assert verdicts[0].verdict == "no" and "Not suitable for wool and silk" in verdicts[0].fact


def test_a_washing_temperature_asked_is_checked_against_the_products():
    assert fit_checks.check_fit(JACKET, "Kann ich die Jacke bei 40 Grad waschen?", "de")[0].verdict == "no"  # "Bei 30 °C waschbar"
    verdict = fit_checks.check_fit(JACKET, "Can I wash it at 30 degrees?", "en")[0]
    assert verdict.verdict == "yes" and verdict.fact.startswith("machine washable at 30 °C")
