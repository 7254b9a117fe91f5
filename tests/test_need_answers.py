"""Which version covers a need ("Ich habe 45 m² Wand, welche Dose?", "I drink 3 cups a day –
which bag lasts a month?", "Mein Hund wiegt 20 kg, wie lange reicht der 12-kg-Sack?"): built
products written the way shops write yields, asked through the product actions on their page."""

from __future__ import annotations

import re
import sys

import pytest

from actions.product_questions import ActionAnswerFit, ActionProductInfo
from actions.sizing import ActionAnswerSize
from catalog.models import Product
from tests.need_probes import (
    COFFEE_EN,
    DETERGENT_DE,
    DOG_DE,
    DOG_EN,
    FERTILISER_EN,
    LAUNDRY_DE,
    LAUNDRY_EN,
    OIL_EN,
    PAINT_DE,
    PAINT_EN,
    PAINT_NO_YIELD,
    PORTIONS_DE,
    PROBES,
    PROBES_2,
    SEED_DE,
    SERVES_EN,
    TEA_DE,
    _product,
)

ACTIONS = (ActionProductInfo(), ActionAnswerFit(), ActionAnswerSize())
INTENTS = {
    "action_product_info": "ask_product_info",
    "action_answer_fit": "ask_product_fit",
    "action_answer_size": "ask_size",
    "action_search_products": "search_products",
}




class _OneProductCatalog:
    """The test catalog with one built product in it (the one on the shopper's page)."""

    def __init__(self, real, product: Product) -> None:  # noqa: ANN001
        self._real, self._product = real, product

    def get(self, product_id: str | None) -> Product | None:
        return self._product if product_id == self._product.id else None

    def find_named(self, text: str, *args, **kwargs) -> list[Product]:  # noqa: ANN002, ANN003, ARG002
        return []

    def named_scores(self, text: str, *args, **kwargs) -> list:  # noqa: ANN002, ANN003, ARG002
        return []

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._real, name)


def page_asker(run_action, monkeypatch):  # noqa: ANN001, ANN201
    """ask(action, product, question, lang) -> the reply on the product's page, the test catalog
    holding that one built product (also used by test_condition_answers, test_equipment_sizing)."""
    from actions import context

    real = context.catalog

    def _ask(action, product: Product, question: str, lang: str) -> str:  # noqa: ANN001
        fake = _OneProductCatalog(real(), product)
        for name, module in list(sys.modules.items()):
            if name.startswith("actions") and getattr(module, "catalog", None) is real:
                monkeypatch.setattr(module, "catalog", lambda: fake)
        messages, _ = run_action(
            action,
            question,
            INTENTS[action.name()],
            metadata={"product_id": product.id, "language": lang},
        )
        return "\n".join(m.get("text") or "" for m in messages)

    return _ask


@pytest.fixture
def ask(run_action, monkeypatch):
    """ask(action, product, question, lang) -> the reply on the product's page."""
    return page_asker(run_action, monkeypatch)


def _right(reply: str, must: tuple[str, ...], must_not: tuple[str, ...]) -> bool:
    return all(re.search(p, reply, re.I) for p in must) and not any(
        re.search(p, reply, re.I) for p in must_not
    )


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name())
@pytest.mark.parametrize(
    ("product", "question", "lang", "must", "must_not"),
    PROBES + PROBES_2,
    ids=[f"{p[0].id}:{p[1][:30]}" for p in PROBES + PROBES_2],
)
def test_a_need_is_answered_with_the_version_that_covers_it(
    ask, action, product, question, lang, must, must_not
) -> None:  # noqa: ANN001
    reply = ask(action, product, question, lang)
    assert _right(reply, must, must_not), reply


def test_yield_statements_are_read_in_german_and_english() -> None:
    from catalog.yields import rates

    def read(product: Product, lang: str) -> list[tuple]:
        return [(r.need, r.amount, r.per, r.unit, r.use) for r in rates(product, lang)]

    assert read(PAINT_DE, "de") == [("area", 8.0, 1.0, "l", False)]
    assert read(PAINT_EN, "en") == [("area", 12.0, 1.0, "l", False)]
    assert read(TEA_DE, "de") == [("cups", 40.0, 100.0, "g", False)]
    assert read(COFFEE_EN, "en") == [("cups", 1.0, 7.0, "g", True)]
    assert read(DETERGENT_DE, "de") == [("washes", 30.0, 1.5, "l", False)]
    assert read(SEED_DE, "de") == [("area", 1.0, 25.0, "g", True)]
    assert read(PORTIONS_DE, "de") == [("portions", 4.0, 1.0, "pack", False)]
    assert read(SERVES_EN, "en") == [("portions", 6.0, 1.0, "pack", False)]
    assert read(PAINT_NO_YIELD, "de") == []


def test_a_reach_or_a_fabric_weight_is_no_yield() -> None:
    from actions.need_answer import need_answer
    from catalog.yields import rates

    robot = _product(
        "robot", "Saugroboter", "Laufzeit bis 120 Minuten, reicht für etwa 120 m².", "de"
    )
    assert rates(robot, "de") == []
    jacket = _product(
        "jacket",
        "Rain Jacket",
        "3-layer shell, 15,000 g/m²/24h breathability, 260 g/m² fabric.",
        "en",
        "Size",
        ("S", "M"),
    )
    assert need_answer(jacket, "How much does the jacket weigh?", "en") is None
    hose = _product(
        "hose", "Arbeitshose", "Robustes Gewebe, 300 g/m².", "de", "Größe", ("48", "50")
    )
    assert need_answer(hose, "Wie viel wiegt die Hose?", "de") is None


def test_a_feeding_table_gives_grams_per_day_between_its_rows() -> None:
    from catalog.feeding import feeding

    de, en = feeding(DOG_DE, "de"), feeding(DOG_EN, "en")
    assert (
        de is not None
        and de.grams(20) == (250, True)
        and de.grams(15) == (200, False)
        and de.grams(50) is None
    )
    assert en is not None and en.grams(25) == (315, False)


def test_the_smallest_version_covering_a_need_else_the_cheapest_combination() -> None:
    from actions.need_lines import cover
    from catalog.yields import version_amounts

    def picked(product: Product, need: float) -> list[tuple[str, int]]:
        return [(v.value, n) for v, n in cover(version_amounts(product), need)]

    assert picked(PAINT_DE, 5.625) == [("5 l", 1), ("0,75 l", 1)]  # 12 € + 10 €, not 3 × 2,5 l
    assert picked(PAINT_DE, 2.0) == [("2,5 l", 1)]
    assert picked(FERTILISER_EN, 3000) == [("5 kg", 1)]
    assert picked(OIL_EN, 3.0) == [("1 L", 3)]


def test_a_question_without_a_need_is_left_to_the_other_answers() -> None:
    from actions.need_answer import need_answer

    assert need_answer(PAINT_DE, "Ist die Farbe lösemittelfrei?", "de") is None
    assert need_answer(PAINT_EN, "Is the paint washable?", "en") is None
    assert need_answer(DOG_EN, "Is it grain-free?", "en") is None


def test_without_a_yield_the_reply_says_so_in_both_languages() -> None:
    from actions.need_answer import need_answer

    no_yield_en = _product(
        "varnish",
        "Floor Varnish",
        "Water-based floor varnish, satin.",
        "en",
        "Size",
        ("750 ml", "2.5 L"),
    )
    de = need_answer(PAINT_NO_YIELD, "Ich habe 45 m² Wand, welche Dose?", "de")
    en = need_answer(no_yield_en, "I have 30 m² of floor, which tin?", "en")
    assert de is not None and "keine Ergiebigkeit" in de and "375 ml" in de
    assert en is not None and "states no yield" in en and "m²/l" not in en and "750 ml" in en



def test_the_need_is_read_from_the_question_in_german_and_english() -> None:
    from catalog.needs import read_need

    de = read_need("Ich trinke 3 Tassen am Tag, welche Packung reicht einen Monat?", [])
    assert (de.daily, de.daily_word, de.days) == (3, "Tassen", 30)
    en = read_need("I do 60 washes a year, how many bottles?", [])
    assert (round(en.daily * 365), en.period) == (60, 365)
    assert read_need("Ich bade zweimal pro Woche", []).daily == 2 / 7
    paint = read_need("Ich will 20 m² zweimal streichen", [])
    assert (paint.area, paint.coats, paint.daily) == (20, 2, None)
    assert read_need("Is it enough for 8 people?", []).people == 8
    assert (
        read_need("My cat weighs 4 kg, which bag?", [4.0]).weight == 4
    )  # a weight, though a bag is called 4 kg
    assert read_need("Mein Hund wiegt 20 kg, wie lange reicht der 12-kg-Sack?", [12.0]).weight == 20


def test_a_yield_the_versions_name_and_one_per_kilo_of_body_weight() -> None:
    from catalog.feeding import feeding
    from catalog.yields import quantity, rates

    assert [(r.amount, r.per, r.unit, r.options) for r in rates(LAUNDRY_DE, "de")] == [
        (30, 1.5, "l", True)
    ]
    assert [(r.amount, r.per) for r in rates(LAUNDRY_EN, "en")] == [(30, 1.5)]
    uneven = _product(
        "mixed", "Gel", "Gel.", "en", "Size", ("1.5 L (30 washes)", "3 L (80 washes)")
    )  # a concentrate
    assert rates(uneven, "en") == []
    wet = _product("nassfutter", "Nassfutter Rind", "Fütterungsempfehlung: ca. 200 g pro 4 kg Körpergewicht und Tag.", "de",
                   "Packung", ("6 x 200 g", "6 x 400 g"))  # fmt: skip
    table = feeding(wet, "de")
    assert table is not None and table.grams(5) == (250, False)
    assert quantity("6 x 400 g") == (2400, "g") and quantity("12-kg-Sack") == (12000, "g")


def test_a_yield_of_one_version_among_several_is_left_to_the_version_answer() -> None:
    from actions.need_answer import need_answer

    cloth = _product("tischdecke", "Tischdecke", "Maße: 130 x 160 cm (für 4 Personen), 140 x 200 cm (6 Personen).", "de",
                     "Maß", ("130 x 160 cm", "140 x 200 cm"))  # fmt: skip
    assert need_answer(cloth, "Welche Größe für 6 Personen?", "de") is None
    bottles = _product(
        "soap", "Hand Soap", "Each bottle is enough for 40 washes.", "en", "Size", ("250 ml", "1 l")
    )
    assert (
        need_answer(bottles, "I do 80 washes a month, which size?", "en") is None
    )  # each of two sizes: not said which
    per_bottle = _product(
        "det",
        "Detergent",
        "One bottle is enough for about 40 loads (1.5 l).",
        "en",
        "Size",
        ("1.5 l", "3 l"),
    )
    said = need_answer(per_bottle, "I do 5 loads a week, how long does the 3 l bottle last?", "en")
    assert said is not None and "80 loads" in said and "112 days" in said


def test_a_need_between_the_ends_of_a_range_is_only_just_covered() -> None:
    from actions.need_answer import need_answer

    fryer = _product(
        "fritteuse", "Heißluftfritteuse XL", "5,5-Liter-Korb – genug für 4–5 Personen.", "de"
    )
    assert need_answer(fryer, "Für wie viele Personen reicht sie?", "de").startswith(
        "Heißluftfritteuse XL reicht für etwa 4–5 Personen."
    )
    assert need_answer(fryer, "Reicht sie für 5 Personen?", "de").startswith(
        "Nur knapp: Heißluftfritteuse XL reicht für etwa 4–5 Personen."
    )
    assert need_answer(fryer, "Reicht sie für 6 Personen?", "de").startswith("Nein:")
    assert need_answer(fryer, "Reicht sie für 4 Personen?", "de").startswith("Ja:")
    said = need_answer(OIL_EN, "Is the 1 L enough for 11 m²?", "en")
    assert said is not None and "Only just: 1 L covers about 10–12 m²" in said and "1.1 l" in said


def test_a_capacity_is_not_used_up_by_the_day() -> None:
    from actions.need_answer import need_answer

    machine = _product(
        "kaffeemaschine", "Filterkaffeemaschine", "Glaskanne für 10 Tassen, Warmhalteplatte.", "de"
    )
    assert need_answer(machine, "Ich trinke 3 Tassen am Tag, wie lange reicht die?", "de") is None
    teapot = _product("teapot", "Teapot", "Cast iron teapot, enough for 6 cups.", "en")
    assert need_answer(teapot, "I drink 2 cups a day, how long does it last?", "en") is None
    assert need_answer(teapot, "Is it enough for 8 cups?", "en").startswith(
        "No, not enough: Teapot covers 6 cups."
    )
