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


def _product(
    pid: str,
    title: str,
    description: str,
    lang: str,
    option: str | None = None,
    values: tuple[str, ...] = (),
) -> Product:
    """A product on sale in each of `values` of `option` (one version when there are none)."""
    variants = [{"sku": f"{pid}-{i}", "options": {option: v} if option else {}, "size": v if option else None, "price": 10.0 + i, "stock": 5}
                for i, v in enumerate(values or ("",))]  # fmt: skip
    return Product.parse_obj({"id": pid, "title": {lang: title}, "category": "home", "description": {lang: description},
                              "option_names": [option] if option else [], "size_option": option, "variants": variants})  # fmt: skip


PAINT_DE = _product("wandfarbe", "Innenwandfarbe Reinweiß", "Hochdeckende, emissionsarme Innenfarbe für Wände und Decken.\n"
                    "Ergiebigkeit: ca. 8 m²/l pro Anstrich. Auf saugenden Untergründen empfehlen wir zwei Anstriche.",
                    "de", "Inhalt", ("0,75 l", "2,5 l", "5 l"))  # fmt: skip
PAINT_EN = _product("wall-paint", "Matt Wall Paint Chalk", "Washable matt emulsion for walls and ceilings.\n"
                    "Coverage: approx. 12 m² per litre per coat. Touch dry in 2 hours.", "en", "Size", ("1 L", "2.5 L", "5 L"))  # fmt: skip
PAINT_NO_YIELD = _product("lack", "Buntlack Seidenmatt", "Seidenmatter Buntlack für Holz und Metall innen und außen. Wasserbasiert.",
                          "de", "Inhalt", ("375 ml", "750 ml"))  # fmt: skip
TEA_DE = _product("tee", "Darjeeling First Flush", "Blumiger Schwarztee aus dem Frühjahr.\nErgibt ca. 40 Tassen pro 100 g. "
                  "Ziehzeit 3 Minuten.", "de", "Packung", ("100 g", "250 g", "500 g"))  # fmt: skip
COFFEE_EN = _product("coffee", "House Blend Beans", "Chocolatey espresso blend.\nUse about 7 g of coffee per cup.",
                     "en", "Bag", ("250 g", "500 g", "1 kg"))  # fmt: skip
DOG_DE = _product("hundefutter", "Trockenfutter Lamm & Reis", "Trockenfutter für ausgewachsene Hunde.\nGewicht des Hundes Futtermenge pro Tag\n"
                  "5 kg 90 g\n10 kg 150 g\n20 kg 250 g\n30 kg 340 g", "de", "Packungsgröße", ("2 kg", "6 kg", "12 kg"))  # fmt: skip
DOG_EN = _product("dog-food", "Adult Chicken Kibble", "Complete food for adult dogs.\nFeeding guide (per day): 10 kg: 160 g; 20 kg: 270 g; 30 kg: 360 g.",
                  "en", "Bag", ("2 kg", "6 kg"))  # fmt: skip
DETERGENT_DE = _product("waschmittel", "Colorwaschmittel flüssig", "Flüssigwaschmittel für bunte Wäsche. 1,5 l reichen für 30 Waschladungen "
                        "(bei normaler Verschmutzung und mittlerer Wasserhärte).", "de")  # fmt: skip
DETERGENT_EN = _product("laundry", "Bio Laundry Liquid", "Concentrated laundry liquid. Each bottle is enough for 40 washes.", "en",
                        "Size", ("1 bottle", "2 bottles"))  # fmt: skip
CAPSULES_EN = _product("vitamin-d", "Vitamin D3 Capsules", "Vitamin D3 in olive oil. Take 1 capsule daily with a meal.", "en",
                       "Pack", ("60 capsules", "120 capsules"))  # fmt: skip
SEED_DE = _product("rasen", "Sport- und Spielrasen", "Strapazierfähige Rasenmischung.\nAussaatmenge: 25 g/m² bei Neuanlage.",
                   "de", "Inhalt", ("500 g", "1 kg", "2,5 kg"))  # fmt: skip
FERTILISER_EN = _product("lawn-feed", "Lawn Feed Spring", "Slow-release lawn fertiliser. Apply 30 g per m².", "en",
                         "Size", ("1 kg", "2.5 kg", "5 kg"))  # fmt: skip
PORTIONS_DE = _product(
    "risotto",
    "Steinpilz-Risotto",
    "Cremiges Risotto mit Steinpilzen. Inhalt reicht für 4 Portionen.",
    "de",
)
SERVES_EN = _product("lasagne", "Family Lasagne", "Slow-cooked beef lasagne. Serves 6.", "en")

ACTIONS = (ActionProductInfo(), ActionAnswerFit(), ActionAnswerSize())
INTENTS = {
    "action_product_info": "ask_product_info",
    "action_answer_fit": "ask_product_fit",
    "action_answer_size": "ask_size",
}

# (product, question, lang, what the reply must say (regexes), what it must not say)
PROBES: list[tuple[Product, str, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        PAINT_DE,
        "Ich habe 45 m² Wand, welche Dose brauche ich?",
        "de",
        (r"5,6 l", r"5-l|5 l", r"0,75"),
        (),
    ),
    (PAINT_DE, "Für wie viel m² reicht die 2,5-l-Dose?", "de", (r"\b20 m²",), ()),
    (
        PAINT_DE,
        "Ich will 20 m² mit zwei Anstrichen streichen, welche Dose?",
        "de",
        (r"40 m²", r"5 l"),
        (),
    ),
    (
        PAINT_EN,
        "I need to paint 30 m² of wall, which tin do I need?",
        "en",
        (r"2\.5 l", r"2\.5 ?L"),
        (),
    ),
    (
        PAINT_EN,
        "Is the 1 L tin enough for 20 m² with two coats?",
        "en",
        (r"\bno\b|not enough", r"3\.3 l"),
        (),
    ),
    (
        PAINT_NO_YIELD,
        "Ich habe 45 m² Wand, welche Dose brauche ich?",
        "de",
        (r"keine|nicht",),
        (r"m²/l", r"\d+ ?m² pro"),
    ),
    (
        TEA_DE,
        "Ich trinke 3 Tassen am Tag, welche Packung reicht einen Monat?",
        "de",
        (r"90 Tassen", r"250 g"),
        (),
    ),
    (
        COFFEE_EN,
        "I drink 4 cups a day, how long does the 1 kg bag last?",
        "en",
        (r"\b35 days|\b5 weeks",),
        (),
    ),
    (
        DOG_DE,
        "Mein Hund wiegt 20 kg, wie lange reicht der 12-kg-Sack?",
        "de",
        (r"250 g", r"48 Tage"),
        (),
    ),
    (
        DOG_EN,
        "My dog weighs 25 kg, how long will the 6 kg bag last?",
        "en",
        (r"\b19 days|\b19\b",),
        (),
    ),
    (
        DETERGENT_DE,
        "Ich wasche 4 Mal pro Woche, wie lange reicht die Flasche?",
        "de",
        (r"30 Waschladungen", r"7 Wochen|52 Tage"),
        (),
    ),
    (
        DETERGENT_EN,
        "I do 60 washes a year, how many bottles do I need?",
        "en",
        (r"2 bottles|two bottles|\b2 × ",),
        (),
    ),
    (
        CAPSULES_EN,
        "I take 2 capsules a day – how long does the 60 pack last?",
        "en",
        (r"\b30 days",),
        (),
    ),
    (
        SEED_DE,
        "Welche Packung brauche ich für 50 m² Rasen?",
        "de",
        (r"1,25 kg|1\.250 g|1250 g",),
        (),
    ),
    (
        FERTILISER_EN,
        "Is the 2.5 kg bag enough for 100 m²?",
        "en",
        (r"\bno\b|not enough", r"3 kg"),
        (),
    ),
    (PORTIONS_DE, "Reicht das für 6 Personen?", "de", (r"4 Portionen", r"nein|nicht"), ()),
    (
        SERVES_EN,
        "Is it enough for 8 people?",
        "en",
        (r"serves 6|6 servings|6 portions", r"\bno\b|not enough"),
        (),
    ),
]


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


@pytest.fixture
def ask(run_action, monkeypatch):
    """ask(action, product, question, lang) -> the reply on the product's page."""
    from actions import context

    real = context.catalog

    def _ask(action, product: Product, question: str, lang: str) -> str:
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


def _right(reply: str, must: tuple[str, ...], must_not: tuple[str, ...]) -> bool:
    return all(re.search(p, reply, re.I) for p in must) and not any(
        re.search(p, reply, re.I) for p in must_not
    )


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name())
@pytest.mark.parametrize(
    ("product", "question", "lang", "must", "must_not"),
    PROBES,
    ids=[f"{p[0].id}:{p[1][:30]}" for p in PROBES],
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
    from catalog.yields import feeding

    de, en = feeding(DOG_DE, "de"), feeding(DOG_EN, "en")
    assert de is not None and de.grams(20) == 250 and de.grams(15) == 200 and de.grams(50) is None
    assert en is not None and en.grams(25) == 315


def test_the_versions_covering_a_need_leave_the_least_over() -> None:
    from actions.need_answer import _combination
    from catalog.yields import version_amounts

    assert _combination(version_amounts(PAINT_DE), 5.625) == [("5 l", 1), ("0,75 l", 1)]
    assert _combination(version_amounts(FERTILISER_EN), 3000) == [("1 kg", 3)]


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
