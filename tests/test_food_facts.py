"""Details of food, drinks, cosmetics and drugstore goods asked on a product page, German and
English, also across languages: allergens and "free from", ingredient / INCI lists, caffeine,
alcohol, nutrition, shelf life, storage, origin, preparation, skin type, SPF, pH, and who it is
for. The list not naming a substance is no "free from" claim; nothing stated is invented."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines
from catalog.ingredients import (
    asked_claims,
    asked_substances,
    claim_sentences,
    declares,
    ingredient_lists,
    names,
    states_free,
    states_traces,
)
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(
        FIXTURES / "store_answers", tmp_path_factory.mktemp("food-data"), use_embedder
    ):
        yield


TEA = _product(
    "tea", "Grüner Tee Sencha",
    "<p>Feiner grüner Tee aus Japan, Anbaugebiet: Kagoshima.</p>"
    "<p>Zutaten: grüner Tee* (100 %). *aus kontrolliert biologischem Anbau. DE-ÖKO-006</p>"
    "<p>Zubereitung: 2 g pro Tasse mit 200 ml Wasser bei 70–80 °C übergießen und 2–3 Minuten ziehen lassen.</p>"
    "<p>Koffeingehalt: ca. 30 mg pro Tasse.</p><p>Kühl und trocken lagern.</p>",
)  # fmt: skip
GRANOLA = _product(
    "granola", "Crunchy Nut Granola",
    "<p>Oven-baked granola with almonds and hazelnuts.</p>"
    "<p>Ingredients: oat flakes (48%), sugar, almonds (12%), hazelnuts (8%), sunflower oil, honey, salt.</p>"
    "<p>May contain traces of peanuts and sesame.</p>"
    "<p>Nutrition per 100 g: energy 1950 kJ / 466 kcal, fat 19 g, carbohydrates 61 g, of which sugars 18 g, protein 11 g, salt 0.3 g.</p>"
    "<p>Store in a cool, dry place. Once opened, consume within 4 weeks.</p>", "en",
)  # fmt: skip
CREAM = _product(
    "cream", "Feuchtigkeitscreme Aloe",
    "<p>Leichte Feuchtigkeitscreme für trockene und empfindliche Haut. Parfümfrei, vegan, ohne Silikone. pH-Wert 5,5.</p>"
    "<p>INCI: Aqua, Aloe Barbadensis Leaf Juice, Glycerin, Caprylic/Capric Triglyceride, Cetearyl Alcohol, "
    "Butyrospermum Parkii Butter, Tocopherol, Xanthan Gum, Sodium Benzoate, Citric Acid.</p>"
    "<p>Nach dem Öffnen 12 Monate haltbar.</p>",
)  # fmt: skip
WINE = _product(
    "wine", "Riesling trocken",
    "<p>Trockener Riesling von der Mosel mit Aromen von Apfel und Zitrus.</p><p>Alkoholgehalt: 12,5 % vol. Enthält Sulfite.</p>"
    "<p>Trinktemperatur: 8–10 °C.</p>",
)  # fmt: skip
SUN = _product(
    "sun", "Sun Lotion Sensitive",
    "<p>Water-resistant sun lotion SPF 50 for sensitive skin, suitable for children from 1 year.</p>"
    "<p>Fragrance-free and free from parabens.</p>", "en",
)  # fmt: skip
CHOC = _product(
    "choc", "Vollmilchschokolade Haselnuss",
    "<p>Zutaten: Zucker, Kakaobutter, Vollmilchpulver, Haselnüsse (15 %), Kakaomasse, Emulgator: Sojalecithine, Vanilleextrakt.</p>"
    "<p>Kann Spuren von Gluten und anderen Schalenfrüchten enthalten.</p>"
    "<p>Nährwerte pro 100 g: Energie 2340 kJ / 561 kcal, Fett 36 g, Kohlenhydrate 50 g, davon Zucker 48 g, Eiweiß 8 g, Salz 0,2 g.</p>",
)  # fmt: skip
DECAF = _product(
    "decaf", "Decaf Espresso Beans",
    "<p>Decaffeinated espresso from Colombia, gently decaffeinated with CO2 (max. 0.1 % caffeine).</p>"
    "<p>Certified EU organic, DE-ÖKO-039.</p>", "en",
)  # fmt: skip
SHAMPOO = _product(
    "shampoo", "Mildes Shampoo",
    "<p>Mildes Shampoo für feines, schnell fettendes Haar. Silikonfrei.</p>"
    "<p>INCI: Aqua, Sodium Laureth Sulfate, Cocamidopropyl Betaine, Glycerin, Parfum, Citric Acid.</p>",
)  # fmt: skip
SALAMI = _product(
    "salami", "Rindersalami",
    "<p>Luftgetrocknete Salami aus 100 % Rindfleisch, halal-zertifiziert.</p><p>Nach dem Öffnen im Kühlschrank lagern und innerhalb von 5 Tagen verzehren.</p>",
)  # fmt: skip
HERBAL = _product(
    "herbal", "Herbal Tea Sleep Well",
    "<p>Herbal tea with valerian and lemon balm. Caffeine-free.</p><p>Not suitable during pregnancy and for children under 12 years.</p>", "en",
)  # fmt: skip
CRACKER = _product(
    "cracker", "Cracker Rosmarin",
    "<p>Knusprige Cracker mit Rosmarin.</p><p>Zutaten: Dinkelmehl (70 %), Sonnenblumenöl, Rosmarin, Meersalz.</p>",
)  # fmt: skip
DETERGENT = _product(
    "detergent", "Colorwaschmittel flüssig",
    "<p>Flüssiges Colorwaschmittel für bunte Wäsche, 30–60 °C.</p>"
    "<p>Dosierung: 75 ml pro Waschgang bei normaler Verschmutzung, 110 ml bei starker.</p>"
    "<p>Enthält: 5–15 % anionische Tenside, <5 % Seife, Duftstoffe (Limonene), Enzyme.</p>",
)  # fmt: skip
PORRIDGE = _product(
    "porridge", "Baby Porridge Millet",
    "<p>Millet porridge for babies from 6 months. Gluten-free, no added sugar.</p>"
    "<p>Ingredients: wholegrain millet flour (100 %).</p><p>Once opened, keep dry and use within 4 weeks.</p>", "en",
)  # fmt: skip
JUICE = _product(
    "juice", "Traubensaft rot",
    "<p>Alkoholfreier roter Traubensaft, 100 % Direktsaft.</p><p>Nach dem Öffnen gekühlt 3 Tage haltbar.</p>",
)  # fmt: skip

# (product, question, language, every part the answer must hold, parts it must not)
CASES = [
    (TEA, "Ist der Tee bio?", "de", ["DE-ÖKO-006"], []),
    (TEA, "Is it organic?", "en", ["DE-ÖKO-006"], []),
    (TEA, "Wie viel Koffein hat der Tee?", "de", ["30 mg"], []),
    (TEA, "How much caffeine per cup?", "en", ["30 mg"], []),
    (TEA, "Mit wie viel Grad aufgießen?", "de", ["70–80 °C"], []),
    (TEA, "How long should I steep it?", "en", ["2–3 Minuten"], []),
    (TEA, "Woher kommt der Tee?", "de", ["Japan"], []),
    (TEA, "Where is it grown?", "en", ["Japan"], []),
    (TEA, "Wie soll ich den Tee lagern?", "de", ["Kühl und trocken"], []),
    (TEA, "Ist Zucker drin?", "de", ["grüner Tee"], ["Ja", "zuckerfrei", "frei von"]),
    (TEA, "Is the tea halal?", "en", [], ["Yes", "halal-"]),
    (GRANOLA, "Does it contain nuts?", "en", ["Yes", "almonds"], []),
    (GRANOLA, "Enthält das Müsli Gluten?", "de", ["Ja", "oat"], []),
    (GRANOLA, "Sind Erdnüsse drin?", "de", ["traces of peanuts"], ["Nein"]),
    (GRANOLA, "Is there sugar in it?", "en", ["Yes", "sugar"], []),
    (GRANOLA, "Wie viel Zucker hat es pro 100 g?", "de", ["18 g"], []),
    (GRANOLA, "How many calories?", "en", ["466 kcal"], []),
    (GRANOLA, "Does it contain palm oil?", "en", ["No", "Ingredients"], ["free"]),
    (GRANOLA, "Wie lange hält es nach dem Öffnen?", "de", ["4 weeks"], []),
    (GRANOLA, "Is it vegan?", "en", ["No", "honey"], ["Yes"]),
    (GRANOLA, "Ist es vegetarisch?", "de", [], ["Ja", "Nein"]),
    (CREAM, "Is it suitable for sensitive skin?", "en", ["empfindliche Haut"], []),
    (
        CREAM,
        "Enthält die Creme Parabene?",
        "de",
        ["Nein", "INCI"],
        ["frei von Parabenen", "parabenfrei"],
    ),
    (CREAM, "Does it contain silicones?", "en", ["No", "ohne Silikone"], []),
    (CREAM, "Ist Alkohol drin?", "de", ["Ja", "Cetearyl Alcohol"], []),
    (CREAM, "Is it vegan?", "en", ["Yes", "vegan"], []),
    (CREAM, "Welchen pH-Wert hat die Creme?", "de", ["5,5"], []),
    (CREAM, "Does it have a scent?", "en", ["No", "Parfümfrei"], []),
    (CREAM, "Is it vegetarian?", "en", ["Yes", "vegan"], []),
    (
        CREAM,
        "Ist die Creme glutenfrei?",
        "de",
        ["kommt in der INCI-Liste", "nicht vor"],
        ["Ja", "Nein"],
    ),
    (CREAM, "How long does it keep after opening?", "en", ["12 Monate"], []),
    (WINE, "Wie viel Alkohol hat der Wein?", "de", ["12,5 % vol"], []),
    (WINE, "How much alcohol is in it?", "en", ["12,5 % vol"], []),
    (WINE, "Does it contain sulphites?", "en", ["Yes", "Sulfite"], []),
    (WINE, "Bei welcher Temperatur trinkt man ihn?", "de", ["8–10 °C"], []),
    (SUN, "Welchen Lichtschutzfaktor hat sie?", "de", ["SPF 50"], []),
    (SUN, "Ist die Sonnenmilch für Kinder geeignet?", "de", ["children from 1 year"], []),
    (SUN, "Enthält sie Parabene?", "de", ["Nein", "free from parabens"], []),
    (SUN, "Is it unscented?", "en", ["Fragrance-free"], []),
    (CHOC, "Ist die Schokolade glutenfrei?", "de", ["Spuren von Gluten"], ["Ja"]),
    (CHOC, "Does it contain soy?", "en", ["Yes", "Sojalecithine"], []),
    (CHOC, "Enthält sie Laktose?", "de", ["Ja", "Vollmilchpulver"], []),
    (CHOC, "How much sugar per 100 g?", "en", ["48 g"], []),
    (CHOC, "Enthält sie Nüsse?", "de", ["Ja", "Haselnüsse"], []),
    (DECAF, "Ist der Kaffee koffeinfrei?", "de", ["Ja", "ecaffeinated"], []),
    (DECAF, "Is it organic?", "en", ["DE-ÖKO-039"], []),
    (DECAF, "Woher kommen die Bohnen?", "de", ["Colombia"], []),
    (SHAMPOO, "Ist das Shampoo silikonfrei?", "de", ["Ja", "Silikonfrei"], []),
    (SHAMPOO, "Which hair type is it for?", "en", ["feines"], []),
    (SHAMPOO, "Does it contain perfume?", "en", ["Yes", "Parfum"], []),
    (SHAMPOO, "Wie ist der Duft?", "de", [], ["Ja –", "Nein –"]),
    (CRACKER, "Is it gluten-free?", "en", ["No", "Dinkelmehl"], ["Yes"]),
    (CRACKER, "Sind die Cracker vegan?", "de", [], ["Ja", "Nein"]),
    (TEA, "Ist der Tee auf Lager?", "de", ["Stück"], []),
    (SALAMI, "Ist die Salami halal?", "de", ["Ja", "halal"], []),
    (SALAMI, "Is it halal?", "en", ["Yes", "halal"], []),
    (SALAMI, "Wie lange hält sie nach dem Öffnen?", "de", ["5 Tagen"], []),
    (SALAMI, "How should I store it once opened?", "en", ["Kühlschrank"], []),
    (HERBAL, "Darf ich den Tee in der Schwangerschaft trinken?", "de", ["Nein", "pregnancy"], []),
    (HERBAL, "Is it caffeine-free?", "en", ["Yes", "Caffeine-free"], []),
    (HERBAL, "Ab welchem Alter ist der Tee geeignet?", "de", ["12 years"], []),
    (HERBAL, "Is it vegan?", "en", [], ["Yes", "No"]),
    (DETERGENT, "Wie dosiere ich das Waschmittel?", "de", ["75 ml"], ["Pflege", "waschbar"]),
    (DETERGENT, "How much detergent per wash?", "en", ["75 ml"], ["washable", "Care"]),
    (DETERGENT, "Enthält es Duftstoffe?", "de", ["Ja", "Duftstoffe"], []),
    (PORRIDGE, "Ab welchem Alter?", "de", ["6 months"], []),
    (PORRIDGE, "From what age is it?", "en", ["6 months"], []),
    (PORRIDGE, "Ist der Brei glutenfrei?", "de", ["Ja", "Gluten-free"], []),
    (PORRIDGE, "Ist Zucker drin?", "de", ["Nein", "Zutatenliste"], ["frei von"]),
    (JUICE, "Ist der Saft alkoholfrei?", "de", ["Ja", "Alkoholfreier"], []),
    (JUICE, "Is it alcohol-free?", "en", ["Yes", "Alkoholfreier"], []),
    (JUICE, "How long does it keep once opened?", "en", ["3 Tage"], []),
]


@pytest.mark.parametrize(
    "product, question, lang, must, must_not", CASES, ids=[f"{c[0].id}:{c[1]}" for c in CASES]
)
def test_a_food_or_cosmetics_detail_is_answered_from_the_text(
    served, product, question: str, lang: str, must, must_not
):
    lines, known = answer_lines(product, question, lang)
    reply = " ".join(lines)
    assert all(m in reply for m in must), reply
    assert not any(m in reply for m in must_not), reply
    assert known == bool(must), reply  # what the text does not say is said not to be known


def test_an_ingredient_list_is_split_at_commas_outside_brackets():
    (lst,) = ingredient_lists(["<p>Zutaten: Zucker, Haselnüsse (15 %, geröstet), Salz.</p>"])
    assert lst.label == "Zutaten" and lst.items == ["Zucker", "Haselnüsse (15 %, geröstet)", "Salz"]
    (lst,) = ingredient_lists(["<ul><li>Ingredients (INCI): Aqua, Glycerin, Parfum</li></ul>"])
    assert lst.label == "Ingredients" and lst.items == ["Aqua", "Glycerin", "Parfum"]
    assert ingredient_lists(["Mit ausgewählten Zutaten aus der Region."]) == []


@pytest.mark.parametrize(
    "substance, sentence, free",
    [
        ("gluten", "Gluten- und laktosefrei.", True), ("milk", "Gluten- und laktosefrei.", True),
        ("silicones", "Free from parabens, silicones and mineral oil.", True), ("parabens", "Ohne Parabene und Silikone.", True),
        ("caffeine", "Gently decaffeinated with CO2.", True), ("fragrance", "Unparfümiert, für empfindliche Haut.", True),
        ("sugar", "Vegetarian – no meat, no sugar, no salt.", True),
        ("gluten", "Keine Spuren von Gluten.", True),
        ("sugar", "Ohne zugesetzten Zucker.", False), ("sugar", "No added sugar.", False),
        ("gluten", "Nicht glutenfrei.", False), ("gluten", "Enthält Gluten.", False),
    ],
)  # fmt: skip
def test_a_free_claim_is_read_only_where_the_text_makes_it(
    substance: str, sentence: str, free: bool
):
    assert states_free(substance, sentence) is free


def test_traces_and_declarations_are_told_apart():
    assert states_traces("peanuts", "Kann Spuren von Erdnüssen enthalten.") and not states_traces(
        "nuts", "Kann Spuren von Erdnüssen enthalten."
    )
    assert states_traces("nuts", "May contain traces of tree nuts.")
    assert declares("sulphites", "Enthält Sulfite.") and declares("egg", "Contains: milk, egg.")
    assert not declares("milk", "Kann Spuren von Milch enthalten.") and not declares(
        "milk", "May contain milk."
    )


def test_look_alikes_name_no_substance():
    assert names("milk", "Kakaobutter, Cocoa Butter, Kokosmilch, Milchsäure") == []
    assert names("milk", "Süßrahmbutter") == ["Süßrahmbutter"] and names(
        "milk", "skimmed milk powder"
    ) == ["milk"]
    assert names("nuts", "Erdnüsse, peanuts, Muskatnuss") == [] and names(
        "peanuts", "Erdnüsse"
    ) == ["Erdnüsse"]


def test_the_asked_substances_and_labels():
    assert asked_substances("Ist der Kaffee koffeinfrei?") == ["caffeine"] and asked_substances(
        "Is it decaf?"
    ) == ["caffeine"]
    assert asked_substances("Is there sugar in it?") == ["sugar"] and asked_substances(
        "Ist da Zucker drin?"
    ) == ["sugar"]
    assert asked_substances("Wie schnell wird es geliefert?") == []
    assert asked_claims("Ist das halal?") == ["halal"] and asked_claims(
        "Is it suitable during pregnancy?"
    ) == ["pregnancy"]


@pytest.mark.parametrize(
    "claim, sentence, verdict",
    [
        ("vegan", "100 % vegan.", "yes"), ("vegan", "Nicht vegan (enthält Bienenwachs).", "no"),
        ("organic", "Zertifiziert nach EU-Bio, DE-ÖKO-001.", "yes"), ("organic", "Biologisch abbaubare Verpackung.", None),
        ("pregnancy", "Not suitable during pregnancy.", "no"), ("pregnancy", "Auch in der Schwangerschaft geeignet.", "yes"),
        ("pregnancy", "In der Schwangerschaft nicht ohne ärztlichen Rat anwenden.", None),
        ("pregnancy", "Pregnant women should consult their doctor before use.", None),
    ],
)  # fmt: skip
def test_a_label_is_affirmed_or_denied(claim: str, sentence: str, verdict: str | None):
    found = claim_sentences(claim, [sentence])
    assert (found[0][1] if found else None) == verdict


@pytest.mark.parametrize(
    "question, kind, sentences",
    [
        ("Wie viel Koffein hat er?", "caffeine", ["Koffeingehalt: ca. 30 mg pro Tasse.", "Koffeinhaltiger Tee aus Japan."]),
        ("How strong is the wine in % vol?", "alcohol", ["Alcohol: 12.5 % vol.", "Our wine has a strong alcohol taste."]),
        ("Welchen Lichtschutzfaktor hat sie?", "sun_protection", ["Sonnenmilch LSF 30.", "Lichtschutzfaktor für die ganze Familie."]),
        ("What pH does it have?", "ph", ["pH 5.5, skin-neutral.", "pH-neutral for everyday use."]),
    ],
)  # fmt: skip
def test_the_figure_of_a_food_or_cosmetics_kind_is_the_answer_asked(
    question: str, kind: str, sentences: list[str]
):
    from catalog.answer_kinds import NO_FIGURE_PENALTY, UNIT_BONUS, unit_scores
    from catalog.passages import asked_aspects

    assert kind in asked_aspects(question)
    assert unit_scores(sentences, [kind], question) == [UNIT_BONUS, -NO_FIGURE_PENALTY]


def test_the_skin_or_hair_type_is_asked_by_its_words_only():
    from catalog.passages import asked_aspects

    assert "skin_type" in asked_aspects("Für welchen Hauttyp ist die Creme?")
    assert "skin_type" in asked_aspects("Is it suitable for dry skin?")
    assert "skin_type" not in asked_aspects("Are skins included with the touring ski?")


def test_no_food_kind_is_read_from_everyday_words():
    from catalog.passages import asked_aspects

    assert asked_aspects("Wie stark ist die Saugkraft?") == ["suction"]
    assert "alcohol" not in asked_aspects("How strong is the magnet?")
    assert "keeping" not in asked_aspects("Ist der Tee auf Lager?") and "keeping" in asked_aspects(
        "Wie lagere ich den Tee?"
    )
