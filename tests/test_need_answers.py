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


# a second round, written before the ranges, doses, option-value yields and "zweimal" were read
CEILING_DE = _product("deckenfarbe", "Deckenweiß Premium", "Spritzarme Deckenfarbe.\nVerbrauch: ca. 100–125 ml/m² je Anstrich.",
                      "de", "Inhalt", ("1 l", "2,5 l", "10 l"))  # fmt: skip
GLAZE_DE = _product("lasur", "Holzlasur Teak", "Dünnschichtlasur für außen. Ergiebigkeit: ca. 5 m²/l bei zwei Anstrichen.",
                    "de", "Inhalt", ("1 l", "2,5 l"))  # fmt: skip
OIL_EN = _product("floor-oil", "Floor Oil Clear", "Penetrating oil for wooden floors. 1 litre covers approx. 10–12 m² per coat.",
                  "en", "Size", ("500 ml", "1 L"))  # fmt: skip
TEA_EN = _product("green-tea", "Sencha Green Tea", "Grassy Japanese sencha. Use 1 teaspoon (approx. 2 g) per cup.",
                  "en", "Pack", ("50 g", "100 g", "250 g"))  # fmt: skip
COFFEE_DE = _product(
    "kaffee",
    "Filterkaffee Hausmischung 500 g",
    "Milde Röstung. Inhalt 500 g – ergibt ca. 60 Tassen.",
    "de",
)
MAGNESIUM_DE = _product(
    "magnesium",
    "Magnesium 400 – 120 Kapseln",
    "Hochdosiert. Verzehrempfehlung: täglich 2 Kapseln mit Wasser.",
    "de",
)
ZINC_DE = _product("zink", "Zink 25 mg Kapseln", "Gut verträglich. Verzehrempfehlung: 1 Kapsel täglich.", "de",
                   "Packung", ("60 Kapseln", "120 Kapseln"))  # fmt: skip
LAUNDRY_DE = _product("vollwaschmittel", "Vollwaschmittel Gel", "Für weiße und helle Wäsche, ab 20 °C.", "de",
                      "Inhalt", ("1,5 l (30 WL)", "3 l (60 WL)"))  # fmt: skip
LAUNDRY_EN = _product(
    "eco-laundry",
    "Eco Laundry Gel",
    "Plant-based laundry gel.",
    "en",
    "Size",
    ("1.5 L (30 washes)", "3 L (60 washes)"),
)
CAT_EN = _product("cat-food", "Indoor Cat Chicken", "Dry food for indoor cats.\nDaily feeding guide\n3 kg – 40 g\n4 kg – 55 g\n5 kg – 65 g",
                  "en", "Bag", ("400 g", "2 kg", "4 kg"))  # fmt: skip
CASSEROLE_EN = _product(
    "casserole",
    "Cast Iron Casserole 24 cm",
    "Enamelled cast iron, oven-safe to 250 °C. Serves 4–6.",
    "en",
)
BATHSALT_DE = _product(
    "badesalz", "Badesalz Lavendel", "500 g im Glas, reicht für ca. 8 Vollbäder.", "de"
)
FEED_DE = _product("duenger", "Rasendünger Herbst", "Kaliumbetonter Herbstdünger. Streumenge: 30–40 g/m².", "de",
                   "Inhalt", ("2,5 kg", "5 kg"))  # fmt: skip
DOG_NO_TABLE_EN = _product(
    "dog-treats",
    "Grain-free Dog Food",
    "Complete food with fresh chicken.",
    "en",
    "Bag",
    ("2 kg", "12 kg"),
)

PROBES_2: list[tuple[Product, str, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        CEILING_DE,
        "Ich habe 30 m² Decke und streiche zweimal, welcher Eimer?",
        "de",
        (r"7,5 l",),
        (),
    ),
    (
        GLAZE_DE,
        "Ich will 10 m² zweimal streichen, reicht 1 Liter?",
        "de",
        (r"\b2 l", r"nein"),
        (r"20 m²",),
    ),
    (OIL_EN, "How much do I need for a 15 m² floor with 2 coats?", "en", (r"\b3 l|3 × 1 L",), ()),
    (TEA_EN, "I drink 5 cups a day, how long does 100 g last?", "en", (r"\b10 days",), ()),
    (COFFEE_DE, "Wir trinken 4 Tassen am Tag, wie lange reicht das?", "de", (r"\b15 Tage",), ()),
    (
        MAGNESIUM_DE,
        "Wie lange reicht eine Dose, wenn ich 2 Kapseln täglich nehme?",
        "de",
        (r"\b60 Tage",),
        (),
    ),
    (ZINC_DE, "Wie lange reicht die Packung?", "de", (r"\b60 Tage", r"\b120 Tage"), ()),
    (
        LAUNDRY_DE,
        "Ich wasche 5 Mal die Woche, welche Flasche reicht 3 Monate?",
        "de",
        (r"\b64", r"3 l"),
        (),
    ),
    (LAUNDRY_EN, "How many washes do I get from the 3 L?", "en", (r"\b60 washes",), ()),
    (CAT_EN, "My cat weighs 4 kg, which bag lasts two months?", "en", (r"55 g", r"\b4 kg"), ()),
    (CASSEROLE_EN, "Is it big enough for 8 people?", "en", (r"4–6", r"\bno\b"), ()),
    (
        BATHSALT_DE,
        "Ich bade zweimal pro Woche, wie lange reicht ein Glas?",
        "de",
        (r"\b28 Tage|\b4 Wochen",),
        (),
    ),
    (FEED_DE, "Reicht der 2,5-kg-Eimer für 80 m²?", "de", (r"\bnein", r"3,2 kg"), ()),
    (
        DOG_NO_TABLE_EN,
        "My dog weighs 20 kg, how long does the 12 kg bag last?",
        "en",
        (r"no feeding|states no|gives no",),
        (r"\bdays\b",),
    ),
]


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.name())
@pytest.mark.parametrize(
    ("product", "question", "lang", "must", "must_not"),
    PROBES_2,
    ids=[f"{p[0].id}:{p[1][:30]}" for p in PROBES_2],
)
def test_ranges_doses_and_option_yields_are_read(
    ask, action, product, question, lang, must, must_not
) -> None:  # noqa: ANN001
    reply = ask(action, product, question, lang)
    assert _right(reply, must, must_not), reply


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
