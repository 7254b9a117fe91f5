"""Size questions as shoppers ask them on any shop: weights in pounds and stone, heights in feet,
a child's age, children's UK/US shoe sizes, dress sizes, "between two sizes", "should I size
up?", a chart table with a column per measure. Products from tests/fixtures/store_sizes; the
whole-answer set is tests/fixtures/size_phrasings.jsonl (`bench.answers --questions`)."""

from __future__ import annotations

import pytest

from actions.compare import ActionCompareProducts
from actions.product_questions import ActionProductInfo
from actions.size_general import conversion
from actions.sizing import ActionAnswerSize
from catalog.measurements import Measurement, find_measurement, find_measurements
from catalog.size_rules import (
    dress_eu,
    kids_shoe_eu,
    kids_size_for_age,
    kids_uk_us,
    letter_for_number,
)
from tests.conftest import FIXTURES, serving_store

STORE = FIXTURES / "store_sizes"


@pytest.fixture(scope="module")
def sizes_store(test_catalog, tmp_path_factory, use_embedder):
    """The actions answer from the sizes store for this module, then from the test store again."""
    with serving_store(STORE, tmp_path_factory.mktemp("sizes-data"), use_embedder):
        yield


@pytest.fixture
def ask(run_action, sizes_store):
    def _ask(text: str, product: str, lang: str = "en", action=None):
        messages, _ = run_action(action or ActionAnswerSize(), text, metadata={"language": lang, "product_id": product})
        return "\n".join(m.get("text") or "" for m in messages)

    return _ask


# --- reading the measurement ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [("My kid weighs 44 pounds", Measurement("weight", 20.0)), ("she's 35 lbs", Measurement("weight", 15.9)),
     ("about 3 stone", Measurement("weight", 19.1)), ("6 st 4 lb", Measurement("weight", 39.9)),
     ("He is 3'11\"", Measurement("height", 119)), ("my baby is 2 ft 5 in long", Measurement("height", 74)),
     ("She is four foot two", Measurement("height", 127)), ("My son is 6, which size?", Measurement("age", 6)),
     ("She just turned 2.", Measurement("age", 2)), ("My foot measures 10.5 inches", Measurement("foot", 26.7))],
)  # fmt: skip
def test_weights_heights_and_ages_as_shoppers_give_them(text: str, found: Measurement) -> None:
    assert find_measurement(text) == found


def test_a_bare_number_after_a_child_is_an_age_only_when_small_and_alone() -> None:
    assert find_measurement("My son is 30.") is None  # a shoe size, not an age
    assert find_measurement("Meine Tochter ist 1,28.") is None  # a height without a word: the caller decides
    assert find_measurement("I have a 40 inch TV") is None


def test_every_measurement_of_a_question() -> None:
    assert find_measurements("He is 3'11\" and weighs 50 lbs") == [Measurement("height", 119), Measurement("weight", 22.7)]


# --- rules of thumb ------------------------------------------------------------------------------


def test_age_to_kids_size_rule_of_thumb() -> None:
    assert [kids_size_for_age(a) for a in (1, 2, 5, 6, 12)] == [80, 92, 110, 116, 152]
    assert kids_size_for_age(0.5) == 68 and kids_size_for_age(0.75) == 74 and kids_size_for_age(30) is None


def test_childrens_shoe_sizes() -> None:
    assert kids_shoe_eu("uk", 10) == "28" and kids_shoe_eu("us", 12) == "30" and kids_shoe_eu("uk", 12) == "31"
    assert kids_shoe_eu("uk", 3) == "19" and kids_shoe_eu("uk", 3, [30, 31, 32, 33, 34, 35, 36]) == "36"  # a youth size
    assert kids_uk_us(30) == ("11.5", "12.5") and kids_uk_us(44) is None


def test_dress_sizes_and_numbers_as_letters() -> None:
    assert [dress_eu("uk", s) for s in (8, 10, 12, 14, 16)] == ["36", "38", "40", "42", "44"]
    assert dress_eu("us", 8) == "40" and dress_eu("uk", 9) is None
    assert letter_for_number(38) == ("M", None) and letter_for_number(52) == (None, "L") and letter_for_number(44) == ("XL", "XS")


def test_general_conversions_for_children_and_dresses() -> None:
    assert conversion("What is EU 30 in US sizes?", "en") == "Children's shoe size EU 30 is about UK 11.5 and US 12.5 (children's sizes)."
    assert conversion("Welche EU-Größe ist Kinderschuhgröße UK 10?", "de") == "Kinderschuhgröße UK 10 entspricht etwa EU 28."
    assert conversion("What is a UK 12 in EU dress sizes?", "en") == "Women's size UK 12 is German/EU size 40."
    assert conversion("What's a UK 9 in EU shoe sizes?", "en").startswith("Shoe size UK 9 is EU 43")
    assert conversion("What is medium in German sizes?", "en").startswith("Size M is roughly German size 48-50")


# --- whole answers on a product ------------------------------------------------------------------


def test_pounds_on_a_product_sized_by_weight(ask) -> None:
    reply = ask("My kid weighs 35 pounds, which size?", "delfin-schwimmweste")
    assert "15.9 kg" in reply and "15-20 kg" in reply and "size 35" not in reply
    reply = ask("He is 3'11\" and weighs 50 lbs. Which one?", "delfin-schwimmweste")  # the charted measure of the two
    assert "22.7 kg" in reply and "20-30 kg" in reply


def test_a_table_with_a_column_per_measure(ask) -> None:
    reply = ask("His inside leg is 22 inches, which wheel size?", "blitz-kinderrad")
    assert "20 Zoll" in reply.split(". ")[0] and "outside" not in reply
    reply = ask("Schrittlänge 48 cm – welches Rad passt?", "blitz-kinderrad", "de")
    assert "16 Zoll" in reply.split(". ")[0] and "außerhalb" not in reply
    assert "16 Zoll" in ask("He is 3'7\", 16 or 20 inch?", "blitz-kinderrad").split(". ")[0]


def test_a_childs_age_on_kids_sizes_is_a_hedged_rule_of_thumb(ask) -> None:
    reply = ask("What size for a 5 year old?", "wald-kinderjacke")
    assert reply.startswith("As a rule of thumb, a child of 5 years usually wears size 110") and "height is more reliable" in reply
    assert "gives: size 110" in reply
    reply = ask("Welche Größe für einen Sechsjährigen?", "wald-kinderjacke", "de")
    assert reply.startswith("Als Faustregel trägt ein Kind mit 6 Jahren meist Größe 116")
    assert "no size chart by age" in ask("What size for a 5 year old?", "city-steppjacke")  # not kids' sizes: no rule


def test_childrens_uk_and_us_shoe_sizes_on_a_kids_boot(ask) -> None:
    reply = ask("She wears a UK 10 kids, which size?", "schnee-kinderstiefel")
    assert reply.startswith("Children's shoe size UK 10 is about EU 28.") and "I recommend size 28" in reply
    reply = ask("Do these come in US size 12?", "schnee-kinderstiefel")  # no child named: only the kids' chart fits
    assert reply.startswith("Children's shoe size US 12 is about EU 30.") and "size 30" in reply and "46" not in reply
    reply = ask("I usually wear a UK 8, which size?", "berg-laufschuh")  # an adult's shoe keeps the adult chart
    assert reply.startswith("Shoe size UK 8 is EU 42.") and "I recommend size 42" in reply


def test_between_two_sizes_is_a_size_question_not_a_comparison(ask) -> None:
    reply = ask("She's between 110 and 116, which one?", "wald-kinderjacke", action=ActionCompareProducts())
    assert reply.startswith("Between 110 and 116: in Wald Kinderjacke I recommend size 116.") and "take the larger" in reply
    reply = ask("Mein Sohn liegt zwischen zwei Größen, 122 und 128. Welche soll ich nehmen?", "wald-kinderjacke", "de")
    assert reply.startswith("Zwischen 122 und 128: Bei Wald Kinderjacke empfehle ich Größe 128.")
    assert ask("Ich liege zwischen den Größen M und L.", "city-steppjacke", "de").startswith("Zwischen M und L: Bei City Quilted Jacket empfehle ich Größe L.")
    reply = ask("I'm between sizes, what do you suggest?", "city-steppjacke")
    assert "runs small: between two sizes, take the larger one" in reply


def test_a_measurement_asked_as_a_product_question_gets_the_size(ask) -> None:
    reply = ask("Is 116 big enough for a boy who is 119 cm?", "wald-kinderjacke", action=ActionProductInfo())
    assert "size 122" in reply


def test_size_up_is_answered_from_the_fit(ask) -> None:
    assert ask("Should I size up?", "city-steppjacke").startswith("Yes. City Quilted Jacket runs small.")
    assert ask("Should I size up?", "berg-laufschuh").startswith("No. Berg Trail Shoe is true to size.")


def test_a_german_number_on_a_product_in_letters(ask) -> None:
    reply = ask("I'm a 38 in most brands, which size?", "city-steppjacke")
    assert reply.startswith("Size 38 is roughly size M.") and "I recommend size L" in reply  # runs small: one up
    assert "If you usually wear M, I recommend size L" in ask("I wear a UK medium in jackets, what size here?", "city-steppjacke")  # letters stay letters
