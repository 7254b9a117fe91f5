"""Size, colour and policy rules for shops the bot has never seen: how a question names a size,
a colour or a measurement, conversions as general answers, and fit questions answered with the
merchant's advice. Products from tests/fixtures/store_answers."""

from __future__ import annotations

import json

import pytest

from actions.size_general import conversion as _conversion
from actions.sizing import ActionAnswerSize
from catalog.lexicon import find_colors
from catalog.models import Product
from catalog.policy_aspects import question_aspects
from catalog.size_chart import (
    Measurement,
    chart,
    charted_measure,
    find_measurement,
    limit_verdict,
    sizes_for,
)
from catalog.variants import amount, find_asked, same_size, wanted_size
from tests.conftest import FIXTURES
from tests.test_answer_actions import answers_store, ask  # noqa: F401  (fixtures)
from tests.test_variants import optioned, state_of


def _product(product_id: str) -> Product:
    for line in (FIXTURES / "store_answers" / "catalog.jsonl").read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if data["id"] == product_id:
            return Product.parse_obj(data)
    raise KeyError(product_id)


@pytest.mark.parametrize(
    ("text", "size"),
    [("I usually wear L", "L"), ("i usually wear l", "L"), ("ich trage m", "M"), ("I'm usually a medium", "M"),
     ("I take a large", "L"), ("does it run large?", None), ("I'm 1,82 m", None), ("5 m long?", None)],
)  # fmt: skip
def test_a_letter_size_without_the_word_size(text: str, size: str | None) -> None:
    assert wanted_size(text, _product("alpine-softshell-trousers")) == size


def test_a_combined_letter_value_holds_its_letters() -> None:
    assert same_size("S/M", "M") and same_size("L (52)", "L") and same_size("XL-XXL", "2XL")
    assert not same_size("S/M", "L") and not same_size("M", "S")


@pytest.mark.parametrize(
    ("text", "found"),
    [("mit 2 Litern", ("volume", 2.0)), ("180 Zentimeter", ("length", 180.0)), ("3 Paar", ("count", 3.0)),
     ("6er Packung", ("count", 6.0)), ("10000 mAh", ("charge", 10000.0)), ("64 GB", ("data", 64.0))],
)  # fmt: skip
def test_spelled_out_units(text: str, found: tuple[str, float]) -> None:
    assert amount(text) == found


def test_a_height_without_a_measure_word_is_read_for_the_product() -> None:
    trousers, blanket, harness = _product("alpine-softshell-trousers"), _product("wolke-tagesdecke"), _product("trail-brustgeschirr")
    assert find_measurement("Welche Größe bei 1,82 m?") is None  # no word says what is measured
    assert find_measurement("Welche Größe bei 1,82 m?", default="?") == Measurement("?", 182)
    assert find_measurement("ich bin 1,82 groß") == Measurement("height", 182)
    assert charted_measure(trousers, "de", 182) == "height"  # far from its inside-leg chart (81–84 cm)
    assert charted_measure(trousers, "de", 83) == "inside_leg"
    assert charted_measure(harness, "de", 72) == "chest"
    assert charted_measure(blanket, "de", 210) is None  # sold by length: "in 210 cm?" asks for a version


def test_conversions_both_ways_are_general_facts() -> None:
    assert _conversion("What is EU 42 in US?", "en") == "Shoe size EU 42 is UK 8 and US 9 (men's/unisex)."
    assert _conversion("Welche US-Größe ist 42?", "de") == "Schuhgröße EU 42 entspricht UK 8 und US 9 (Herren/Unisex)."
    assert _conversion("what's 43 in UK sizes?", "en") == "Shoe size EU 43 is UK 9 and US 10 (men's/unisex)."
    assert _conversion("What's a UK 9 in EU sizes?", "en").startswith("Shoe size UK 9 is EU 43")
    assert _conversion("Is 42 available?", "en") is None and _conversion("Can you send it to us in 42?", "en") is None


def test_shade_names_and_compounds_in_a_version_question_only() -> None:
    assert find_colors("Gibt es den in Dunkelgrün?", shades=True) == ["green"]
    assert find_colors("do you have it in teal", shades=True) == ["blue"]
    assert find_colors("Terracotta pot") == []  # in a search the shade more often names the product
    assert find_colors("grüner Tee", shades=True) == [] and find_colors("Eiweiß Pulver", shades=True) == []


def test_policy_aspects_of_procedure_and_payment_methods() -> None:
    assert "process" in question_aspects("Wie schicke ich etwas zurück?")
    assert "methods" in question_aspects("Welche Zahlungsarten gibt es?")
    assert "methods" in question_aspects("Do you accept Apple Pay?")


def test_fit_question_is_answered_yes_or_no_with_the_advice_and_the_sizes(ask):  # noqa: F811
    reply, slots, _ = ask(ActionAnswerSize(), "fällt der Schuh klein aus?", "frost-winterstiefel", "de")
    assert reply.startswith("Ja. Frost Winterstiefel fällt klein aus. Der Stiefel fällt eine Nummer klein aus")
    assert "Größen vorrätig: 38, 39, 41." in reply and slots["pending_offer"] == "usual_size"
    reply, _, _ = ask(ActionAnswerSize(), "Is it true to size?", "frost-winterstiefel", "en")
    assert reply.startswith("No. Frost Winterstiefel runs small.")
    reply, _, _ = ask(ActionAnswerSize(), "does it run small?", "trail-brustgeschirr", "en")
    assert reply.startswith("We have no fit information for Trail Brustgeschirr")


def test_usual_letter_size_in_lower_case_gets_a_recommendation(ask):  # noqa: F811
    reply, slots, _ = ask(ActionAnswerSize(), "i usually wear l", "alpine-softshell-trousers", "en")
    assert reply.startswith("If you usually wear L, I recommend size M in Alpine Softshell Trousers.")
    assert slots["usual_size"] == "L"


def test_a_height_in_metres_without_a_chart_says_so_without_a_stray_quote(ask):  # noqa: F811
    reply, slots, _ = ask(ActionAnswerSize(), "which size for 1.82 m?", "frost-winterstiefel", "en")
    assert reply.startswith("We have no size chart by height for Frost Winterstiefel.")  # not "28 cm hoch" of the shaft
    assert slots["pending_offer"] == "usual_size"
    reply, _, _ = ask(ActionAnswerSize(), "Do you have it in 2.2 m?", "wolke-tagesdecke", "en")
    assert reply.startswith("Wolke Tagesdecke in Länge 220 cm: only 1 left")


def test_weights_and_ages_in_a_question_and_in_option_values() -> None:
    assert find_measurement("My daughter weighs 19 kg, which size?") == Measurement("weight", 19.0)
    assert find_measurement("Welche Größe für eine Dreijährige?") == Measurement("age", 3.0)
    assert find_measurement("for a 9 months old") == Measurement("age", 0.75)
    vest = optioned("vest", ("Größe",), [("15-20 kg", 3), ("20-30 kg", 2)], size_option="Größe")
    fit, exact = sizes_for(chart(vest, "de"), Measurement("weight", 19))
    assert exact and fit[0].size == "15-20 kg"
    mittens = optioned("mittens", ("Size",), [("1-2 years", 3), ("3-4 years", 2), ("5-6 years", 1)], size_option="Size")
    fit, exact = sizes_for(chart(mittens, "en"), Measurement("age", 4))  # "3-4 years" until the fifth birthday
    assert exact and fit[0].size == "3-4 years"
    assert sizes_for(chart(mittens, "en"), Measurement("height", 100)) == ([], False)  # ages chart no height


def test_a_length_from_a_rule_of_the_text() -> None:
    bag = Product(id="bag", title={"de": "Schlafsack"}, category="home",
                  description={"de": "Warm bis -5 °C. Schlafsacklänge = Körpergröße + ca. 20 cm."},
                  variants=[{"sku": "B1", "price": 60.0, "stock": 3, "options": {"Länge": "130 cm"}},
                            {"sku": "B2", "price": 65.0, "stock": 0, "options": {"Länge": "150 cm"}},
                            {"sku": "B3", "price": 70.0, "stock": 2, "options": {"Länge": "170 cm"}}])  # fmt: skip
    fit, exact = sizes_for(chart(bag, "de"), Measurement("height", 130))
    assert exact and fit[0].size == "150 cm"


def test_the_minimum_a_text_gives_decides_whether_it_fits_yet() -> None:
    sentence = "Sattelhöhe 30–40 cm, passend ab einer Schrittlänge von 32 cm."
    assert limit_verdict(sentence, Measurement("inside_leg", 30)) == "too_small"
    assert limit_verdict(sentence, Measurement("inside_leg", 34)) == "fits"
    assert limit_verdict("Belastbar bis 25 kg.", Measurement("weight", 30)) == "too_large"
    assert limit_verdict("Aus Holz.", Measurement("weight", 30)) is None


def test_versions_named_by_a_bare_number_a_colour_word_dimensions_or_a_compound() -> None:
    jacket = optioned("jacket", ("Größe",), [("122", 3), ("128", 0), ("134", 0), ("140", 0)], size_option="Größe")
    assert state_of(jacket, "Is the 140 available?").state == "sold_out"
    assert state_of(jacket, "Gibt es die in 146?").state == "not_offered"
    assert find_asked(jacket, "Lieferung in 2 Tagen?") == []  # a count of days is no size
    shoe = optioned("shoe", ("Größe",), [("20", 3), ("21", 0)], size_option="Größe")
    assert state_of(shoe, "Mein Kind hat Schuhgröße 21.").state == "sold_out"
    bed = optioned("bed", ("Ausführung",), [("Natur geölt", 3), ("Weiß lasiert", 0)])
    assert state_of(bed, "Gibt es das Bett in Weiß?").state == "sold_out"
    mattress = optioned("mattress", ("Größe",), [("60 x 120 cm", 0), ("70 x 140 cm", 4)], size_option="Größe")
    assert state_of(mattress, "Haben Sie die Matratze in 60x120?").state == "sold_out"
    lamp = optioned("lamp", ("Motiv",), [("Waldkauz", 2), ("Uhu", 5)])
    assert state_of(lamp, "Ist die Waldkauz-Variante noch zu haben?").state == "low_stock"


def test_usual_size_given_with_wears_or_is_a_and_kids_sizes_between(ask):  # noqa: F811
    reply, slots, _ = ask(ActionAnswerSize(), "Do these run small? My daughter is a 39.", "frost-winterstiefel", "en")
    assert reply.startswith("If you usually wear 39, I recommend size 40 in Frost Winterstiefel.")
    reply, _, _ = ask(ActionAnswerSize(), "Mein Kind trägt 40. Welche Größe?", "pfad-sandale", "de")
    assert reply.startswith("Wenn Sie sonst 40 tragen, empfehle ich bei Pfad Sandale Größe")


def test_a_size_question_about_no_product_is_answered_from_the_size_guide(use_embedder, monkeypatch):
    """The demo store's size guide answers "how do I measure …" without a product."""
    from types import SimpleNamespace

    from actions import size_general
    from catalog.policies import PolicyIndex, read_passages
    from tests.conftest import DEMO_STORE

    policies = PolicyIndex(read_passages(DEMO_STORE / "policies"), use_embedder)
    monkeypatch.setattr(size_general, "catalog", lambda: SimpleNamespace(policies=policies))
    assert [p.heading for p in size_general.size_guide("Do your shoes run small or large?", "en")][0] == "Runs small or large"
    assert size_general.size_guide("Gibt es die in 44?", "de") == []  # a version of some product: ask which one


def test_numbered_options_by_name_and_amounts_of_money() -> None:
    jeans = optioned("jeans", ("Waist", "Length"), [("30", "32", 2), ("32", "32", 0), ("32", "34", 3), ("34", "34", 1)], size_option="Waist")
    assert state_of(jeans, "Do you have W32 L34?").state == "low_stock" and state_of(jeans, "W32 L34").stock == 3
    assert state_of(jeans, "W32/L32?").state == "sold_out"
    assert [(a.option, a.wanted) for a in find_asked(jeans, "32 waist, 30 length")] == [("Waist", "32"), ("Length", "30")]
    assert [(a.option, a.wanted) for a in find_asked(jeans, "Weite 34 Länge 32")] == [("Waist", "34"), ("Length", "32")]
    card = optioned("card", ("Betrag",), [("25 €", 99), ("50 €", 99)])
    assert [a.values for a in find_asked(card, "Gibt es den Gutschein über 50 Euro?")] == [("50 €",)]
    assert [a.values for a in find_asked(card, "a €25 card?")] == [("25 €",)]


def test_can_i_order_it_refused_by_the_classifier_is_answered_on_a_product_page(run_action, answers_store):  # noqa: F811
    from actions.conversation import ActionFallback

    messages, _ = run_action(ActionFallback(), "Can I still order the lamp?", intent="out_of_scope",
                             metadata={"language": "en", "product_id": "lumo-desk-lamp"})  # fmt: skip
    assert messages[0]["text"] == "Lumo Desk Lamp is currently sold out in every version."
    messages, _ = run_action(ActionFallback(), "what is the meaning of life?", intent="out_of_scope",
                             metadata={"language": "en", "product_id": "lumo-desk-lamp"})  # fmt: skip
    assert messages[0]["text"].startswith("I'm afraid I can't answer that.")


def test_feet_and_inches() -> None:
    assert find_measurement("I am 5'10\", which size?") == Measurement("height", 178)
    assert find_measurement("Is the M ok for a 6 foot guy?") == Measurement("height", 183)
    assert find_measurement("my chest is 40 inches") == Measurement("chest", 101.6)  # to the millimetre: 10.5 inches of foot are 26.7 cm, not 27
    assert find_measurement("I wear a 32 in jeans") is None  # "in" here is no inch
    jeans = optioned("jeans", ("Waist",), [("30", 2), ("32", 0), ("34", 3)], size_option="Waist")
    fit, exact = sizes_for(chart(jeans, "en"), find_measurement("34 inch waist"))
    assert exact and fit[0].size == "34"  # waist sizes of jeans are inches


def test_a_measurement_between_two_chart_sizes_names_the_one_to_take(ask):  # noqa: F811
    reply, _, _ = ask(ActionAnswerSize(), "my dog's chest is 69 cm, which size?", "trail-brustgeschirr", "en")
    assert "69 cm falls between size M or L in Trail Brustgeschirr." in reply and "I recommend size L." in reply
