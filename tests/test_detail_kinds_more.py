"""More kinds of fact merchants of any trade state, asked in German and English: a fabric's weight
per area ("Grammatur", "fabric weight" -> "180 g/m²", "420 gsm"), a share of one substance
("Wie viel Kaschmir ist drin?" -> "20 % Kaschmir"), how hot it may be washed ("kochfest bis 95 °C"),
an inside leg, a class asked in the plural, a protection class, where it is made said the German
way round ("in Portugal gefertigt"), what a set is made of ("Set aus 2 …"), how many pieces
("3 Paar"), up to which weight ("bis 15 kg", not the product's own weight) and "aus" as the
particle of "fällt klein aus", which names no material."""

from __future__ import annotations

import pytest

from actions.product_answers import answer_lines
from catalog.fact_kinds import ASPECTS
from catalog.passages import asked_aspects
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(
        FIXTURES / "store_answers", tmp_path_factory.mktemp("kinds-data"), use_embedder
    ):
        yield


APRON = _product(
    "apron", "Grillschürze Glut",
    "<p>Robuste Grillschürze aus Baumwoll-Canvas mit verstellbarem Nackenband.</p>"
    "<p>Schwerer Canvas, 340 g/m², mit zwei Fronttaschen.</p><p>Gewicht der Schürze: 410 g.</p>"
    "<p>Fällt großzügig aus.</p>",
)  # fmt: skip
SCARF = _product(
    "scarf", "Knitted Scarf Fjord",
    "<p>Soft knitted scarf for cold days, 180 x 30 cm.</p><p>80% merino wool, 20% cashmere.</p>"
    "<p>Hand wash cold, dry flat.</p><p>Knitted in Portugal by a family business.</p>", "en",
)  # fmt: skip
COAT = _product(
    "coat", "Laborkittel Rein",
    "<p>Klassischer Laborkittel mit Druckknöpfen und drei Taschen.</p>"
    "<p>Gewebe 65 % Polyester, 35 % Baumwolle, kochfest bis 95 °C.</p><p>Wird in Polen gefertigt.</p>",
)  # fmt: skip
TOWEL = _product(
    "towel", "Gästetuch Dune",
    "<p>Weiches Gästetuch in acht Farben, 30 x 50 cm.</p><p>Dense 420 gsm cotton terry, woven in Turkey.</p>",
)  # fmt: skip
FEET = _product(
    "feet", "Gamaschen Set Trail",
    "<p>Leichte Gamaschen mit Klettverschluss.</p><p>Set aus 2 Gamaschen (vorne) und 2 Ballenboots (hinten).</p>",
)  # fmt: skip

SOCKS = _product(
    "socks", "Stoppersocken Igel",
    "<p>Kuschelige Stoppersocken mit Noppen unter der Sohle.</p><p>Größe = Schuhgröße.</p>"
    "<p>Baumwolle mit Elasthan, 3 Paar.</p>",
)  # fmt: skip
DRAPE = _product(
    "drape", "Vorhang Nachtblau",
    "<p>Blickdichter Vorhang aus schwerem Samt in Nachtblau.</p><p>Dunkelt etwa 90 % ab.</p>"
    "<p>Mit 8 Ösen aus mattem Edelstahl.</p><p>Waschbar bei 30 °C.</p>",
)  # fmt: skip
CARRIER = _product(
    "carrier", "Hüfttrage Koala",
    "<p>Leichte Hüfttrage für Kleinkinder ab 9 Monaten, für Kinder bis 15 kg.</p><p>Gewicht der Trage: 480 g.</p>",
)  # fmt: skip


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Welche Grammatur hat der Stoff?", "grammage"), ("What's the fabric weight?", "grammage"),
        ("Wie schwer ist der Stoff?", "grammage"), ("How heavy is the fabric?", "grammage"),
        ("Wie hoch ist der Kaschmiranteil?", "share"), ("How much cashmere is in it?", "share"),
        ("Wie viel Seide ist im Schal?", "share"), ("What percentage of wool?", "share"),
        ("How hot can I wash it?", "temperature"), ("Wie heiß darf ich es waschen?", "temperature"),
        ("Kann ich das auskochen?", "care"), ("Can I boil wash it?", "care"),
        ("What's the inseam?", "length"), ("Wie lang ist die Innenbeinlänge?", "length"),
        ("Which classes are the two parts?", "rating"), ("Welche Klassen gibt es?", "rating"),
        ("Welche Schutzklasse hat der Schuh?", "standard"), ("What safety class is it?", "standard"),
        ("Wie viel Füllung hat die Decke?", "weight"), ("How much filling does it have?", "weight"),
        ("How thick is the filling?", "grammage"),
        ("How many pairs are in the pack?", "count"), ("Wie viele Ösen hat der Vorhang?", "count"),
        ("Wie hoch ist die Fadendichte?", "thread_count"), ("What's the thread count?", "thread_count"),
        ("Welchen Ausschnitt hat das Shirt?", "neckline"), ("What kind of neckline does it have?", "neckline"),
        ("Up to what weight can I use it?", "load"), ("Bis zu welchem Gewicht kann ich sie nutzen?", "load"),
    ],
)  # fmt: skip
def test_the_kind_is_asked_in_both_languages(question: str, kind: str):
    assert kind in asked_aspects(question)


def test_the_narrower_kind_replaces_the_wider_one():
    assert "height" not in asked_aspects("Wie hoch ist der Daunenanteil?")
    assert "weight" not in asked_aspects("Wie schwer ist der Stoff?")
    assert "weight" in asked_aspects("Wie schwer ist die Schürze?")
    assert "grammage" not in asked_aspects("Wie schwer ist die Schürze?")
    assert "grammage" not in asked_aspects("Wie schwer ist der Kunststoffkoffer?")
    assert "share" not in asked_aspects("Welche Bestandteile hat das Set?")
    assert "temperature" not in asked_aspects("Was heißt CI?")
    assert "height" not in asked_aspects("Wie hoch ist die Fadendichte?")
    assert asked_aspects("How many cups fit?") == ["capacity"]  # what is counted is another kind's
    assert "count" not in asked_aspects("Wie viele Kapseln pro Tag?")
    assert "weight" not in asked_aspects("Up to what weight can I use it?")


@pytest.mark.parametrize(
    "kind, sentence, states",
    [
        ("grammage", "Material: 100 % Baumwoll-Canvas, 340 g/m².", True),
        ("grammage", "Dense 420 gsm cotton terry.", True),
        ("grammage", "Gewicht der Schürze: 410 g.", False),
        ("weight", "Dense 420 gsm cotton terry.", True),
        ("share", "80% merino wool, 20% cashmere.", True),
        ("care", "Gewebe aus Baumwolle, kochfest bis 95 °C.", True),
        ("care", "Krankenhauswäschegeeignet bis 60 °C.", True),
        ("origin", "Wird in Polen gefertigt.", True),
        ("origin", "Der Stiefel wird in Italien von Hand gefertigt.", True),
        ("origin", "In Ruhe gefertigt.", False),
        ("included", "Set aus 2 Gamaschen (vorne) und 2 Ballenboots (hinten).", True),
        ("included", "A set of two pillowcases.", True),
        ("filling", "Füllung: 90 % neue Gänsedaunen, 10 % Federn.", True),
        ("filling", "Wattierung 150 g/m² aus Polyester.", True),
        ("thread_count", "Percale, thread count 300 (approx. 120 threads/cm²).", True),
        ("thread_count", "Fadendichte: 80 Fäden/cm².", True),
        ("neckline", "Shirt mit V-Ausschnitt.", True),
        ("neckline", "Classic crew neck, short sleeves.", True),
        ("neckline", "Kurze Ärmel, gerader Saum.", False),
        ("count", "Rutschfeste Socken, 3 Paar.", True),
        ("count", "Curtain with 8 eyelets.", True),
        ("count", "Sold as a pair.", True),
        ("count", "Programme 8", True),
        ("count", "Waschbar bei 40 Grad, 2 Jahre Garantie.", False),
        ("count", "Gewicht 2,5 kg, Länge 120 cm.", False),
        ("count", "Härte H4 über 100 kg.", False),
        ("material", "Fällt großzügig aus.", False),
        ("material", "Der Hoodie fällt klein aus – bitte eine Größe größer.", False),
        ("material", "Schürze aus Baumwolle.", True),
        ("material", "Gewebe aus 100 % Leinen.", True),
    ],
)  # fmt: skip
def test_a_sentence_states_the_kind(kind: str, sentence: str, states: bool):
    assert bool(ASPECTS[kind][1].search(sentence)) is states


@pytest.mark.parametrize(
    "product, question, lang, expected",
    [
        (APRON, "Wie schwer ist der Stoff?", "de", "340 g/m²"),
        (APRON, "How heavy is the fabric?", "en", "340 g/m²"),
        (TOWEL, "Welche Grammatur hat das Handtuch?", "de", "420 gsm"),
        (TOWEL, "What's the fabric weight?", "en", "420 gsm"),
        (SCARF, "How much cashmere is in it?", "en", "20% cashmere"),
        (SCARF, "Wie viel Kaschmir ist im Schal?", "de", "20% cashmere"),
        (COAT, "Kann ich den Kittel auskochen?", "de", "95 °C"),
        (COAT, "Can I boil wash it?", "en", "95 °C"),
        (COAT, "Where is it made?", "en", "Polen"),
        (COAT, "Wo wird er hergestellt?", "de", "Polen"),
        (FEET, "Was ist im Set enthalten?", "de", "Set aus 2"),
        (FEET, "What's included in the set?", "en", "Set aus 2"),
        (SOCKS, "How many pairs are in the pack?", "en", "3 Paar"),
        (SOCKS, "Wie viele Paar sind in der Packung?", "de", "3 Paar"),
        (DRAPE, "How many eyelets does it have?", "en", "8 Ösen"),
        (DRAPE, "Wie viele Ösen hat der Vorhang?", "de", "8 Ösen"),
        (CARRIER, "Up to what weight can I use the carrier?", "en", "bis 15 kg"),
        (CARRIER, "Bis zu welchem Gewicht kann ich die Trage nutzen?", "de", "bis 15 kg"),
    ],
)  # fmt: skip
def test_the_sentence_stating_the_asked_kind_answers(
    served, product, question: str, lang: str, expected: str
):
    lines, _known = answer_lines(product, question, lang)
    assert expected in " ".join(lines), lines
    assert "410 g" not in " ".join(lines)  # the apron's own weight answers no question about its fabric
