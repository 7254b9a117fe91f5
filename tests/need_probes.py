"""Built products written the way shops write yields, and the questions asked of them with what the
reply must and must not say (`tests/test_need_answers.py`): a first round, and a second written before
ranges, doses, option-value yields and "zweimal" were read."""

from __future__ import annotations

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
