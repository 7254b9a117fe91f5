"""What kind of answer a question asks and which sentences can supply it (catalog/answer_kinds.py),
and their effect on the ranking of a product's sentences (catalog/passages.py, real embedder)."""

from __future__ import annotations

import pytest

from catalog.answer_kinds import (
    LABEL_BONUS,
    NO_FIGURE_PENALTY,
    UNIT_BONUS,
    WRONG_UNIT_PENALTY,
    fitting,
    label_of,
    label_scores,
    unit_kinds,
    unit_scores,
)
from catalog.fact_kinds import without_narrower
from catalog.models import Product
from catalog.passages import PassageFinder, asked_aspects, states_aspect


def test_a_how_long_question_on_the_battery_wants_hours_not_its_capacity():
    de = asked_aspects("Wie lange hält der Akku?")
    assert fitting(
        ["Akku: 1.800 mAh Li-Ion", "Leuchtdauer bis 40 Stunden", "Gewicht 210 g"], unit_kinds(de)
    ) == [False, True, False]
    en = asked_aspects("How long does the battery last?")
    assert fitting(
        ["Battery: 1200 mAh", "Runtime: up to 80 hours", "Length 12 cm"], unit_kinds(en)
    ) == [False, True, False]


def test_a_weight_and_a_temperature_are_given_in_their_units():
    assert fitting(
        ["Wiegt nur 1,4 kg.", "Maße 30 × 20 cm."],
        unit_kinds(asked_aspects("Wie schwer ist der Sauger?")),
    ) == [True, False]
    temperature = unit_kinds(asked_aspects("Down to what temperature will it keep me warm?"))
    assert fitting(
        ["Care: machine wash 30 °C.", "Warm down to –20 °C.", "200 g padding."], temperature
    ) == [True, True, False]


def test_a_sentence_without_any_number_loses_when_a_figure_is_asked():
    scores = unit_scores(
        ["Akku alle drei Monate nachladen.", "Leuchtdauer 40 h.", "Akku 1.800 mAh."],
        asked_aspects("Wie lange hält der Akku?"),
    )
    assert (
        scores == [-NO_FIGURE_PENALTY, UNIT_BONUS, -WRONG_UNIT_PENALTY] and UNIT_BONUS > 0
    )  # mAh: the battery, not how long
    scores = unit_scores(
        ["Very light.", "Weighs 254 g."], asked_aspects("How heavy is it?"), "How heavy is it?"
    )
    assert scores == [-NO_FIGURE_PENALTY, UNIT_BONUS] and NO_FIGURE_PENALTY > 0


def test_a_yes_no_question_asks_no_figure():
    for question in ("Kann ich mein Handy darauf laden?", "Is the battery replaceable?"):
        assert unit_kinds(asked_aspects(question), question) == []
    assert unit_kinds(asked_aspects("Wie lange hält der Akku?"), "Wie lange hält der Akku?")
    assert unit_kinds(
        asked_aspects("Can you tell me how heavy it is?"), "Can you tell me how heavy it is?"
    ) == ["weight"]


def test_label_of_a_definition_line():
    assert label_of("Kabel: 3 m, gerade") == ("Kabel", "3 m, gerade")
    assert label_of("Battery life: up to 30 hours") == ("Battery life", "up to 30 hours")
    assert label_of("Der Akku hält 30 Stunden.") is None
    assert label_of("Ein sehr langer Satz mit vielen Wörtern davor: 3 m") is None


def test_a_line_labelled_with_the_asked_thing_gains_when_it_gives_the_figure():
    def names(label: str) -> bool:
        return label.lower() in ("kabel", "cable")

    question = "How long is the cable?"
    aspects = asked_aspects(question)
    assert label_scores(
        ["Kabel: 3 m", "Kabel: gerade, fest", "Länge: 20 cm"], aspects, names, question
    ) == [LABEL_BONUS, 0.0, 0.0]
    question = "Wie lang ist das Kabel?"
    assert label_scores(
        ["Cable: 1.5 m", "Cable: braided"], asked_aspects(question), names, question
    ) == [LABEL_BONUS, 0.0]


def test_a_label_naming_a_narrower_kind_does_not_answer_the_wider_one():
    def names(label: str) -> bool:
        return True

    question = "How long does the battery last?"
    lines = ["Charging time: approx. 2 hours", "Runtime: up to 80 hours"]
    assert label_scores(lines, asked_aspects(question), names, question) == [0.0, LABEL_BONUS]
    question = "Wie lange hält der Akku?"
    lines = ["Ladezeit: ca. 2 Stunden", "Akkulaufzeit: 30 Stunden"]
    assert label_scores(lines, asked_aspects(question), names, question) == [0.0, LABEL_BONUS]


def _headphones(lang: str) -> Product:
    text = {
        "de": "Geschlossener Studiokopfhörer mit Kabel für Aufnahme und Mischung. Kabel: 3 m, gerade, einseitig geführt. 2 Jahre Garantie. Gewicht 290 g.",
        "en": "Closed-back studio headphones with a cable for recording and mixing. Cable: 3 m, straight, single-sided. 2-year warranty. Weight 290 g.",
    }[lang]
    return Product(id=f"sk2-{lang}", title={lang: "Studio SK 2"}, category="audio", description={lang: text},
                   variants=[{"sku": "SK2", "price": 129.0, "stock": 2}])  # fmt: skip


@pytest.fixture(scope="module")
def finder(use_embedder):
    return PassageFinder(use_embedder)


@pytest.mark.parametrize(
    "question,lang,text_lang",
    [("How long is the cable?", "en", "de"), ("Wie lang ist das Kabel?", "de", "en")],
)
def test_the_labelled_line_giving_the_length_is_quoted_well_ahead(
    finder, question, lang, text_lang
):
    """Across the languages: "Kabel: 3 m" well ahead of "2 Jahre Garantie" (a duration: "how long")."""
    product = _headphones(text_lang)
    sentences, scores, _named, order = finder.ordered(product, question, lang, product.name(lang))
    assert sentences[order[0]].text.startswith(("Kabel:", "Cable:"))
    assert scores[order[0]] >= 0.4 and scores[order[0]] - scores[order[1]] >= 0.05


def test_how_long_asks_the_time_not_what_lasts():
    question = "How long does it keep water warm?"
    kinds = unit_kinds(asked_aspects(question), question)
    assert fitting(
        [
            "Temperaturwahl: 40, 70 und 100 °C.",
            "Die Warmhaltefunktion hält die Temperatur 30 Minuten.",
        ],
        kinds,
    ) == [False, True]
    question = "Wie lange hält der Akku bei voller Leistung?"
    kinds = unit_kinds(asked_aspects(question), question)
    assert fitting(["Leistung 450 W, Akku 1.800 mAh.", "Boost: 2,5 h."], kinds) == [False, True]


def test_a_container_for_dry_goods_holds_its_weight():
    question = "Wie viel passt in den Bohnenbehälter?"
    assert fitting(
        ["Bohnenbehälter: 250 g", "Farbe Schwarz, 3 Stufen."],
        unit_kinds(asked_aspects(question), question),
    ) == [True, False]
    question = "How much laundry does the washing machine hold?"
    assert fitting(
        ["Holds 8 kg of laundry.", "1400 rpm spin."], unit_kinds(asked_aspects(question), question)
    ) == [True, False]


AQUARIUM = Product(
    id="aquarium-nordsee",
    title={"de": "Aquarium-Set Nordsee 80 L"},
    category="pets",
    description={
        "de": "Aquarium-Set mit Abdeckung und Unterschrank. Heizstab 50 W, regelbar. Innenfilter 300 l/h. Beleuchtung LED 12 W, 6.500 K."
    },
    variants=[{"sku": "AQ80", "price": 149.0, "stock": 2}],
)


@pytest.mark.parametrize(
    "question,lang",
    [
        ("How much power does the filter use?", "en"),
        ("Wie viel Strom verbraucht der Filter?", "de"),
    ],
)
def test_a_figure_in_the_asked_unit_of_another_part_is_no_answer(finder, question, lang):
    """The heater's 50 W is ranked up by its unit, but names nothing the question names: at most the closest."""
    answers = finder.answer(AQUARIUM, question, lang)
    assert not any(" W" in a.sentence.text for a in answers)


@pytest.mark.parametrize(
    "question,lines",
    [
        ("Wie lange hält der Akku?", ["Laden über USB-C, Ladezeit ca. 3 Stunden", "Leuchtdauer: 12 Stunden"]),
        ("How long does the battery last?", ["Charging: 2 h; USB-C port", "Talk time: 14 h in group mode"]),
    ],
)
def test_the_hours_of_a_charge_clause_are_no_runtime(question, lines):
    """A clause stating the charge time gives no hours to a runtime question, nor its battery kind."""
    aspects = asked_aspects(question)
    assert fitting([without_narrower(s, aspects) for s in lines], unit_kinds(aspects, question)) == [False, True]
    assert unit_scores(lines, aspects, question)[0] <= 0.0
    assert without_narrower(lines[0], aspects) != lines[0]
    # asked the charge time itself, the clause stays
    charge = "Wie lange dauert das Aufladen?" if question.startswith("Wie") else "How long does it take to charge?"
    assert without_narrower(lines[0], asked_aspects(charge)) == lines[0]


@pytest.mark.parametrize(
    "question,rate,weight",
    [
        ("Wie schwer ist das Bügeleisen?", "Dampfstoß 220 g/min, 2400 W.", "Wiegt 1,3 kg."),
        ("How much does the iron weigh?", "Steam shot 180 g/min, 2400 W.", "Weighs 1.3 kg."),
    ],
)
def test_a_figure_per_minute_is_a_rate_not_a_weight(question, rate, weight):
    aspects = asked_aspects(question)
    assert not states_aspect(rate, aspects) and states_aspect(weight, aspects)
    assert fitting([rate, weight], unit_kinds(aspects, question)) == [False, True]


@pytest.mark.parametrize(
    ("question", "line", "kept"),
    [
        ("Wie lange läuft er?", "2 Jahre Garantie, auf den Akku 1 Jahr.", ""),  # the guarantee goes on in the second clause
        ("How long does it run?", "3 years warranty, 1 year on the battery, runtime 2 hours", "runtime 2 hours"),
        ("Wie lange hält der Akku?", "Ladezeit 3 Stunden, Laufzeit 40 Stunden", "Laufzeit 40 Stunden"),  # only a guarantee goes on
    ],
)
def test_a_guarantees_further_clause_is_no_time_of_use(question, line, kept):
    assert without_narrower(line, asked_aspects(question)) == kept
