"""Size rules merchants write for pets and babies (DE/EN): "size = a body measure + N cm" (one
reader, also on a table column it names), a table column "for dogs up to N kg", an age column in
months, the next size at the upper limit of a range, one size up for a group the question names,
and the shopper's words for a dog's length, its back and a newborn."""

from __future__ import annotations

from actions.size_chart_answer import chart_answer
from catalog.measurements import Measurement, find_measurements
from catalog.models import Product
from catalog.size_chart import chart, sizes_for
from tests.test_size_written_tables import _product, _rows


def _bed(lang: str) -> Product:
    text = {
        "de": "Ovales Hundebett.\nWelche Größe? Messen Sie Ihren Hund im Liegen von der Nasenspitze bis zum Rutenansatz und geben Sie "
              "20 cm dazu – das ist die richtige Innenlänge.\nGröße Außenmaß Innenlänge\n60 cm 60 x 50 cm 45 cm\n80 cm 80 x 65 cm 62 cm\n"
              "100 cm 100 x 80 cm 80 cm\n120 cm 120 x 95 cm 98 cm",
        "en": "Oval dog bed.\nWhich size? Measure your dog lying down from the nose to the base of the tail and add 20 cm – that is "
              "the right inner length.\nSize Outside Inner length\n60 cm 60 x 50 cm 45 cm\n80 cm 80 x 65 cm 62 cm\n"
              "100 cm 100 x 80 cm 80 cm\n120 cm 120 x 95 cm 98 cm",
    }[lang]  # fmt: skip
    return _product({"Länge" if lang == "de" else "Length": ["60 cm", "80 cm", "100 cm", "120 cm"]}, text, lang)


def _size(product: Product, lang: str, question: str) -> str:
    found, _ = sizes_for(chart(product, lang), find_measurements(question, default="?")[0])
    return found[0].size


def test_a_rule_naming_a_table_column_sizes_by_that_column() -> None:
    for lang, questions in (("de", ("Mein Hund ist von der Nase bis zum Rutenansatz 60 cm lang.", "Er misst 75 cm von Nase bis Rute.")),
                            ("en", ("My dog is 60 cm from nose to base of tail.", "She measures 75 cm from the nose to the base of the tail."))):  # fmt: skip
        bed = _bed(lang)
        assert _size(bed, lang, questions[0]) == "100 cm"  # 60 + 20 = 80 cm inside: the 100 cm bed, not the 80 cm one
        assert _size(bed, lang, questions[1]) == "120 cm"  # 95 cm inside: 98 cm
        assert _size(bed, lang, questions[0].replace("60", "40")) == "80 cm"  # 60 cm inside: 62 cm


def test_one_offset_reader_keeps_each_kind_of_rule() -> None:
    bag = _product({"Länge": ["190 cm", "210 cm"]}, "Schlafsacklänge = Körpergröße + ca. 20 cm.")
    assert _rows(bag) == {("190 cm", "height", 0, 170), ("210 cm", "height", 170.1, 190)}  # a height's rule is a minimum
    bag_en = _product({"Length": ["190 cm", "210 cm"]}, "Choose your height plus 20 cm.", "en")
    assert _size(bag_en, "en", "I'm 180 cm tall") == "210 cm"
    belt = _product({"Länge": ["85", "90", "95"]}, "Wählen Sie die Gürtelgröße etwa 10 cm größer als Ihre Bundweite.")
    assert ("90", "waist", 77.5, 82.5) in _rows(belt)  # "etwa": the nearest
    assert _rows(_product({"Größe": ["85", "90"]}, "Etwa 10 cm größer als Ihre Bundweite.")) == set()  # a comparison needs a length option
    shirt = _product({"Kragenweite": ["39/40", "41/42"]}, "Messen Sie Ihren Halsumfang und addieren Sie 1 cm.")
    assert ("41/42", "neck", 40, 41) in _rows(shirt)  # a collar pair
    chain = _product({"Length": ["45 cm", "55 cm"]}, "Measure around your neck and add 10–15 cm.", "en")
    assert _rows(chain, "en") == {("45 cm", "neck", 32.5, 32.5), ("55 cm", "neck", 42.5, 42.5)}  # a range: its middle, as a fallback


def test_a_column_for_dogs_up_to_a_weight() -> None:
    for lang, text, question in (
        ("en", "Orthopaedic bed.\nSize Dimensions For dogs up to\nM 80 x 60 x 13 cm 20 kg\nL 100 x 70 x 13 cm 35 kg\nXL 120 x 80 x 13 cm 50 kg",
         "My dog weighs 28 kg"),
        ("de", "Orthopädisches Bett.\nGröße Maße Für Hunde bis\nM 80 x 60 x 13 cm 20 kg\nL 100 x 70 x 13 cm 35 kg\nXL 120 x 80 x 13 cm 50 kg",
         "Mein Hund wiegt 42 kg"),
    ):  # fmt: skip
        bed = _product({"Size" if lang == "en" else "Größe": ["M", "L", "XL"]}, text, lang)
        assert ("L", "weight", 20.1, 35) in _rows(bed, lang)
        assert _size(bed, lang, question) == ("L" if lang == "en" else "XL")
        assert _size(bed, lang, question.replace("28", "20").replace("42", "20")) == "M"  # up to 20 kg is still M
    trailer = _product({"Größe": ["S", "L"]}, "Anhänger.\nGröße Maße Zuladung bis\nS 80 x 60 cm 20 kg\nL 100 x 70 cm 35 kg")
    assert not any(r[1] == "weight" for r in _rows(trailer))  # what it carries is no body weight


def test_an_age_column_in_months_and_a_newborn() -> None:
    body = _product({"Größe": ["50/56", "62/68", "74/80"]},
                    "Wickelbody.\nGröße Körpergröße Alter\n50/56 bis 56 cm 0–2 Monate\n62/68 57–68 cm 2–6 Monate\n74/80 69–80 cm 6–12 Monate")
    assert {("50/56", "age", 0, 0.17), ("62/68", "age", 0.17, 0.5)} <= _rows(body)  # "0–2 Monate", "2–6 Monate" meet
    assert find_measurements("Welche Größe für ein Neugeborenes?") == [Measurement("age", 0.0)]
    assert find_measurements("Which size for a newborn?") == [Measurement("age", 0.0)]
    for lang, question in (("de", "Welche Größe für ein Neugeborenes?"), ("en", "Which size for a newborn baby?")):
        answer = chart_answer(body, find_measurements(question), question, lang, "EUR")
        assert "50/56" in answer and "62/68" not in answer
    assert _size(body, "de", "Sie ist 4 Monate alt") == "62/68"


def test_the_shoppers_words_for_a_dogs_length_and_back() -> None:
    assert find_measurements("Mein Hund ist von der Nase bis zum Rutenansatz 60 cm lang") == [Measurement("body_length", 60.0)]
    assert find_measurements("My dog is 40 cm from nose to base of tail") == [Measurement("body_length", 40.0)]
    assert find_measurements("My French Bulldog measures 32 cm along the back") == [Measurement("back", 32.0)]
    assert find_measurements("My dog's back is 40 cm") == [Measurement("back", 40.0)]
    assert find_measurements("I'm 180 cm, can I send it back?") == [Measurement("height", 180.0)]  # "back" alone names no measure


def _harness(lang: str) -> Product:
    text = {"de": "Softmesh-Geschirr.\nGrößen (Brustumfang):\nGr. 3: 43–51 cm\nGr. 4: 51–60 cm\nGr. 5: 60–70 cm\n"
                  "Achtung: Das Geschirr fällt eher klein aus – liegt Ihr Hund an der oberen Grenze einer Größe, nehmen Sie bitte die nächste Nummer.",
            "en": "Softmesh harness.\nSizes (chest girth):\nSize 3: 43–51 cm\nSize 4: 51–60 cm\nSize 5: 60–70 cm\n"
                  "Note: if your dog is at the upper end of a size, please take the next size."}[lang]  # fmt: skip
    values = ["Gr. 3", "Gr. 4", "Gr. 5"] if lang == "de" else ["Size 3", "Size 4", "Size 5"]
    return _product({"Größe" if lang == "de" else "Size": values}, text, lang)


def test_the_next_size_at_the_upper_limit_of_a_range() -> None:
    de = _harness("de")
    assert "empfehle ich Größe Gr. 4" in chart_answer(de, [Measurement("chest", 50)], "Brustumfang 50 cm, welche Größe?", "de", "EUR")
    assert "Gr. 4" not in chart_answer(de, [Measurement("chest", 46)], "Brustumfang 46 cm, welche Größe?", "de", "EUR")  # the middle: Gr. 3
    en = _harness("en")
    assert "recommend size Size 5" in chart_answer(en, [Measurement("chest", 59)], "chest 59 cm", "en", "EUR")
    assert "Size 5" not in chart_answer(en, [Measurement("chest", 53)], "chest 53 cm", "en", "EUR")


def test_one_size_up_for_a_group_the_question_names() -> None:
    coat = _product({"Size": ["S", "M", "L"]}, "Raincoat.\nSizes (back length): S – 32 cm, M – 40 cm, L – 48 cm.\n"
                    "For deep-chested breeds (e.g. Whippet, Boxer, French Bulldog) we recommend one size up.", "en")  # fmt: skip
    assert "recommend size L" in chart_answer(coat, [Measurement("back", 40)], "My whippet has a back length of 40 cm", "en", "EUR")
    assert "recommend size L" not in chart_answer(coat, [Measurement("back", 40)], "My dog has a back length of 40 cm", "en", "EUR")
    mantel = _product({"Größe": ["S", "M", "L"]}, "Regenmantel.\nGrößen (Rückenlänge): S – 32 cm, M – 40 cm, L – 48 cm.\n"
                      "Für Windhunde (z. B. Whippet, Greyhound) empfehlen wir eine Größe größer.")  # fmt: skip
    assert "empfehle ich Größe M" in chart_answer(mantel, [Measurement("back", 32)], "Mein Windhund hat 32 cm Rückenlänge", "de", "EUR")
    assert "empfehle ich Größe M" not in chart_answer(mantel, [Measurement("back", 32)], "Mein Dackel hat 32 cm Rückenlänge", "de", "EUR")


def test_between_two_sizes_the_merchants_rule_for_a_back_length() -> None:
    pulli = _product({"Größe": ["S", "M", "L"]}, "Hundepullover.\nGrößen nach Rückenlänge:\nS – 30 cm\nM – 36 cm\nL – 42 cm\n"
                     "Liegt Ihr Hund zwischen zwei Größen, nehmen Sie die kleinere.")  # fmt: skip
    answer = chart_answer(pulli, find_measurements("My dog's back is 40 cm, between M and L. Which one?"), "between M and L", "en", "EUR")
    assert "I recommend size M" in answer
