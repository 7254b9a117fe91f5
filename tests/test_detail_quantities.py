"""Details merchants of any trade state by their unit (`catalog/quantities.py`): torque, hardness,
thickness, a filling's share, a limit, a height said in passing in a list of facts; how it
closes, what one price buys, whether a thing comes along ("ohne Akku": no), what letters of
the name mean, and a table row named by the asked version ("die 28er Pfanne")."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines
from actions.product_text import absence_verdict
from catalog.passages import asked_aspects
from catalog.quantities import QUANTITIES, states_figure
from catalog.variants import find_asked
from catalog.word_forms import asked_letters
from tests.conftest import FIXTURES, serving_store
from tests.test_answer_actions import _run_with_ranking
from tests.test_variants import optioned
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(
        FIXTURES / "store_answers", tmp_path_factory.mktemp("quantity-data"), use_embedder
    ):
        yield


DRIVER = _product(
    "driver", "Impact Driver ID 20",
    "<p>Brushless 18 V impact driver with <strong>200 Nm</strong> for decking and lag bolts. 3 speed settings, LED light.</p>"
    "<ul><li>No-load speed: 0–3,000 rpm</li><li>Weight: 1.2 kg</li></ul>", "en",
)  # fmt: skip
KNIFE = _product(
    "knife", "Santokumesser Hikari",
    "<p>Santokumesser mit 18 cm Klinge aus Damaststahl. Härte 61 HRC. Griff aus Olivenholz, Gewicht 180 g.</p>",
)  # fmt: skip
PADS = _product(
    "pads", "Kniepolster Flex",
    "<p>Kniepolster aus Schaum, 25 mm stark, für alle Arbeitshosen mit Kniepolstertaschen.</p><p>Inhalt: 1 Paar.</p>",
)  # fmt: skip
SLEEPING_PAD = _product(
    "sleeping-pad", "Isomatte Fjell",
    "<p>Selbstaufblasende Isomatte mit Ventil aus Messing, Länge 190 cm, Breite 60 cm.</p>"
    "<p>Aus 5 cm Schaumkern mit Bezug aus Polyester, für Nächte bis etwa 0 °C.</p><p>Packmaß 30 × 15 cm.</p>",
)  # fmt: skip
YOGA_MAT = _product(
    "yoga-mat", "Yoga Mat Lotus",
    "<p>Non-slip yoga mat for studio and home, 183 × 61 cm, weighs 1.2 kg.</p>"
    "<p>Natural rubber base, only 6 mm thin, rolls up with the strap included.</p>",
    lang="en",
)  # fmt: skip
MATTRESS = _product(
    "mattress", "Kaltschaummatratze Nordlicht",
    "<p>7-Zonen-Kaltschaummatratze mit Klimaband (bei 140 × 200), Höhe 22 cm, Bezug mit Tencel versteppt, abnehmbar und bei 60 °C waschbar.</p>"
    "<p>Ab 120 kg Körpergewicht ist die Matratze nicht geeignet.</p>",
)  # fmt: skip
PILLOW = _product(
    "pillow", "Kopfkissen Wolke",
    "<p>Kopfkissen mit 70 % Daunen und 30 % Federn, Bezug aus Baumwoll-Batist.</p><p>Waschbar bei 60 °C.</p>",
)  # fmt: skip
DRILL = _product(
    "drill", "Schlagbohrmaschine SB 20",
    "<p>85 Nm, bohrt in Beton.</p><p>Die kräftige Schlagbohrmaschine für Bohrungen in Beton bis 16 mm, Holz bis 40 mm, Stahl bis 13 mm.</p>"
    "<p>Die Variante Solo kommt ohne Akku und ohne Ladegerät.</p>",
)  # fmt: skip
CHARGER = _product(
    "charger", "Quick Charger 18 V",
    "<p>Quick charger for all 18 V batteries of our range. Charges a 4.0 Ah battery in approx. 45 minutes. Wall mountable.</p>", "en",
)  # fmt: skip
CURTAIN = _product(
    "curtain", "Blackout Curtain Luna",
    "<p>Blackout curtain with 8 eyelets, width 140 cm.</p><p>Material: 100 % polyester. Price per panel (1 piece).</p>", "en",
)  # fmt: skip
BOOT = _product(
    "boot", "Winterstiefel S3 CI Frost",
    "<p>Gefütterter Sicherheitsstiefel S3 CI: CI steht für geprüfte Kälteisolierung der Sohle.</p><p>Weite W11, Stahlkappe.</p>",
)  # fmt: skip
COVER = _product(
    "cover", "Linen Duvet Cover Set",
    "<p>Stonewashed linen duvet cover set, soft from the first night.</p><p>Button closure (wooden buttons).</p>", "en",
)  # fmt: skip


@pytest.mark.parametrize(
    "question, kind",
    [
        ("How much torque does it have?", "torque"), ("Wie viel Drehmoment hat er?", "torque"),
        ("How hard is the steel?", "hardness"), ("Wie hart ist die Klinge?", "hardness"),
        ("Wie dick sind die Polster?", "thickness"), ("How thick are the pads?", "thickness"),
        ("What is the filling?", "filling"), ("Womit ist das Kissen gefüllt?", "filling"),
        ("What's the biggest hole it can drill?", "limit"), ("Wie dick darf der Ast höchstens sein?", "limit"),
        ("Welche Spannung hat der Akku?", "voltage"), ("How many volts?", "voltage"),
        ("Wie viel Speicher hat es?", "storage"), ("How much storage?", "storage"),
        ("Welche Frequenz?", "frequency"), ("What refresh rate?", "frequency"),
        ("Wie wird der Bezug verschlossen?", "closure"), ("How does the cover close?", "closure"),
        ("Is the price for a pair or for one curtain?", "price_unit"), ("Ist der Preis pro Stück?", "price_unit"),
    ],
)  # fmt: skip
def test_a_quantity_is_asked_by_its_words_in_both_languages(question: str, kind: str):
    assert kind in asked_aspects(question)


def test_no_quantity_is_read_from_everyday_words():
    assert "voltage" not in asked_aspects("Wie entspannt sitzt man darauf?")
    assert "storage" not in asked_aspects("Speichert die Pfanne die Hitze?")
    assert "price_unit" not in asked_aspects("Was kostet das Set?")
    assert "closure" not in asked_aspects("What time do you close?")


def test_a_quantity_is_stated_with_its_figure():
    assert states_figure(_pattern("torque"), "Drehmoment hart / weich 60 Nm / 28 Nm")
    assert states_figure(_pattern("hardness"), "Forged stainless steel, 57 HRC, full tang.")
    assert states_figure(
        _pattern("thickness"), "Kniepolster aus Schaum, 20 mm stark, für alle Hosen."
    )
    assert not states_figure(_pattern("thickness"), "Besonders dicker Stoff.")
    assert states_figure(_pattern("thickness"), "Einteiler aus 1,2 mm Ziegenleder.")
    assert states_figure(_pattern("thickness"), "A 5 mm neoprene hood, only 3 mm thin at the face.")
    assert not states_figure(_pattern("thickness"), "Cup A = 12–13 cm Differenz zwischen Brust und Unterbrust.")
    assert not states_figure(_pattern("thickness"), "Standard 32 mm speakers.")
    assert not states_figure(_pattern("filling"), "Füllgewicht je nach Wärmeklasse.")


def _pattern(kind: str):
    from catalog.fact_kinds import ASPECTS

    assert kind in QUANTITIES
    return ASPECTS[kind][1]


@pytest.mark.parametrize(
    "product, question, lang, expected",
    [
        (DRIVER, "How much torque does it have?", "en", "200 Nm"),
        (DRIVER, "Wie viel Drehmoment hat er?", "de", "200 Nm"),
        (KNIFE, "How hard is the steel?", "en", "61 HRC"),
        (KNIFE, "Wie hart ist der Stahl?", "de", "61 HRC"),
        (PADS, "Wie dick sind die Polster?", "de", "25 mm"),
        (PADS, "How thick are they?", "en", "25 mm"),
        (SLEEPING_PAD, "Wie dick ist die Isomatte?", "de", "5 cm"),
        (SLEEPING_PAD, "How thick is it?", "en", "5 cm"),
        (YOGA_MAT, "How thick is the mat?", "en", "6 mm"),
        (YOGA_MAT, "Wie dick ist die Yogamatte?", "de", "6 mm"),
        (MATTRESS, "Wie hoch ist die Matratze?", "de", "22 cm"),
        (MATTRESS, "How tall is the mattress?", "en", "22 cm"),
        (PILLOW, "What is the filling?", "en", "70 % Daunen"),
        (PILLOW, "Womit ist das Kissen gefüllt?", "de", "70 % Daunen"),
        (DRILL, "What's the biggest hole it can drill in concrete?", "en", "16 mm"),
        (DRILL, "Bis zu welchem Durchmesser bohrt sie maximal in Beton?", "de", "16 mm"),
        (CHARGER, "How long does charging take?", "en", "45 minutes"),
        (CHARGER, "Wie lange dauert das Laden?", "de", "45 minutes"),
        (CURTAIN, "Is the price for a pair or for one curtain?", "en", "per panel"),
        (CURTAIN, "Gilt der Preis pro Stück oder für ein Paar?", "de", "per panel"),
        (BOOT, "Wofür steht CI?", "de", "Kälteisolierung"),
        (BOOT, "What does the CI in the name mean?", "en", "Kälteisolierung"),
    ],
)  # fmt: skip
def test_the_sentence_stating_the_asked_quantity_answers(
    served, product, question: str, lang: str, expected: str
):
    lines, known = answer_lines(product, question, lang)
    assert known and expected in " ".join(lines), lines


def test_a_sentence_denying_the_asked_thing_says_no(served):
    lines, known = answer_lines(DRILL, "Ist bei der Solo-Variante ein Akku dabei?", "de")
    assert known and lines[0].startswith("Nein.") and "ohne Akku" in lines[0]
    assert (
        absence_verdict(
            "Does it come with a charger?", "Battery and charger not included (tool only)."
        )
        == "no"
    )
    assert absence_verdict("Hat sie einen Deckel?", "Deckel separat erhältlich.") == "no"
    assert absence_verdict("Hat sie einen Deckel?", "Mit Glasdeckel.") is None
    assert (
        absence_verdict("Can I buy it without a battery?", "Solo comes without battery.") is None
    )  # the question says "without"


def test_the_letters_whose_meaning_is_asked():
    assert asked_letters("What does the CI in the name mean?") == "CI"
    assert asked_letters("Wofür steht GTX?") == "GTX"
    assert asked_letters("Was bedeutet S3?") == "S3"
    assert asked_letters("Is the CI version in stock?") is None


@pytest.mark.parametrize(
    "question, lang",
    [("Wie wird der Bezug verschlossen?", "de"), ("How does the cover close?", "en")],
)
def test_how_it_closes_taken_for_a_shop_rule_is_answered_from_the_page(
    served, monkeypatch, question: str, lang: str
):
    from actions.context import catalog
    from actions.policies import ActionAnswerPolicy

    cat = catalog()
    get = cat.get
    monkeypatch.setattr(cat, "get", lambda pid: COVER if pid == "cover" else get(pid))
    reply = _run_with_ranking(
        ActionAnswerPolicy(),
        question,
        "cover",
        [("ask_policy", 0.6), ("ask_product_info", 0.2)],
        lang,
    )
    assert "Button closure" in reply


@pytest.mark.parametrize(
    "question",
    [
        "Wie schwer ist die 28er Pfanne?",
        "How heavy is the 28 pan?",
        "Wie schwer ist die 28-cm-Pfanne?",
    ],
)
def test_a_version_named_by_its_number_with_er(question: str):
    pan = optioned(
        "pan",
        ("Durchmesser",),
        [("20 cm", 3), ("24 cm", 2), ("28 cm", 1)],
        size_option="Durchmesser",
    )
    assert [a.values for a in find_asked(pan, question)] == [("28 cm",)]


@pytest.mark.parametrize(
    "question, sentence, kind",
    [
        ("Wie hoch ist sie?", "7-Zonen-Kaltschaummatratze mit 1.000 Federn pro m² (bei 140 × 200), Höhe 22 cm, Bezug mit Tencel versteppt, abnehmbar und bei 60 °C waschbar.", "height"),
        ("How heavy is it?", "Compact 18 V drill driver with brushless motor, two gears and LED light, weight 1.2 kg, made for furniture and assembly.", "weight"),
    ],
)  # fmt: skip
def test_a_list_of_facts_is_as_close_as_its_clause_stating_the_asked_kind(
    use_embedder, question: str, sentence: str, kind: str
):
    from catalog.passages import PassageFinder

    finder = PassageFinder(use_embedder)
    vector = use_embedder.encode([question])[0]
    whole = float(use_embedder.encode([sentence])[0] @ vector)
    assert finder.clause_scores(vector, [sentence], [kind])[0] > whole + 0.05
    assert (
        finder.clause_scores(vector, ["Höhe 22 cm."], [kind])[0] == -1.0
    )  # one clause: the sentence itself


def test_the_ranking_scores_a_list_of_facts_by_its_clause_and_adds_the_figure_bonus(use_embedder):
    from catalog.answer_kinds import NO_FIGURE_PENALTY, UNIT_BONUS
    from catalog.passages import ASPECT_BONUS, FIGURE_BONUS, PassageFinder

    finder = PassageFinder(use_embedder)
    for question, long_, plain, figured in [
        (
            "Wie hoch ist sie?",
            "7-Zonen-Matratze mit Klimaband, Höhe 22 cm, Bezug mit Tencel versteppt, bei 60 °C waschbar.",
            "Die Matratze ist angenehm hoch.",
            "Sie ist 22 cm hoch.",
        ),
        (
            "How tall is it?",
            "Floor lamp with linen shade, height 150 cm, dimmable, foot switch on the cable.",
            "It is a tall lamp.",
            "It is 150 cm tall.",
        ),
    ]:
        vector = use_embedder.encode([question])[0]
        clause = finder.clause_scores(vector, [long_], ["height"])[0]
        assert finder.rank(question, [long_])[0] >= clause + ASPECT_BONUS + FIGURE_BONUS - 1e-4
        raw = use_embedder.encode([plain, figured]) @ vector
        ranked = finder.rank(question, [plain, figured])
        assert (
            abs((ranked[1] - raw[1]) - (ranked[0] - raw[0]) - FIGURE_BONUS - UNIT_BONUS - NO_FIGURE_PENALTY) < 1e-4
        )  # the same words shared, a figure more: in the asked unit (catalog/answer_kinds.py), against no number at all
