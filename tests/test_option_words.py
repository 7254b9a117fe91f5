"""An option asked for by another word of its kind ("prints" of "Motiv", "Wärme" of "Warmth
level"), answered on the product's page whichever intent the classifier gave the message; a
version named by a word in the other language or inflected ("high" of "Hoch", "mittlere" of
"Mittel"), by one side of its measure ("in 245 Länge") or by the colour word of a joined name
("in Rosé" of "Abendrot-Rosé")."""

from __future__ import annotations

from types import SimpleNamespace

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import option_list_answer
from actions.variant_replies import listed_option
from catalog.option_names import names_option, option_group
from catalog.value_match import names_value
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def towel():
    return optioned("strandtuch", ("Motiv", "Größe"), [("Anker", "70x140", 3), ("Möwe", "70x140", 0), ("Anker", "100x180", 2)],
                    size_option="Größe")  # fmt: skip


def blanket():
    return optioned("daunendecke", ("Warmth level", "Size"), [("Light", "135x200", 2), ("Extra warm", "135x200", 4)], size_option="Size")


def test_an_option_named_by_a_word_of_its_kind():
    assert names_option("prints", "Motiv") and names_option("Drucke", "Motiv") and names_option("patterns", "Dessin")
    assert names_option("Wärmegrade", "Warmth level") and names_option("warmth", "Wärmestufe")
    assert not names_option("colours", "Motiv") and not names_option("prints", "Größe")
    assert option_group("Kissenmotiv") == option_group("print") and option_group("Schuhgröße") is None


def test_the_list_of_an_option_asked_by_another_word():
    assert listed_option(towel(), "which prints are there?") == "Motiv"
    assert listed_option(towel(), "Welche Muster gibt es?") == "Motiv"
    assert listed_option(blanket(), "Welche Wärmegrade gibt es?") == "Warmth level"
    assert listed_option(blanket(), "which warmth options are there?") == "Warmth level"
    assert listed_option(blanket(), "Which prints are there?") is None  # no such option


def _ask(text: str, product, monkeypatch, named=()):  # noqa: ANN001
    cat = SimpleNamespace(get=lambda pid: product if pid == product.id else None, find_named=lambda t: list(named), config=None)
    monkeypatch.setattr(option_list_answer, "catalog", lambda: cat)
    monkeypatch.setattr(option_list_answer.facts, "cards_payload", lambda *a: None)
    latest = {"text": text, "intent": {"name": "search_product"}, "entities": [], "metadata": {"product_id": product.id}}
    dispatcher = CollectingDispatcher()
    events = option_list_answer.answer_option_list(dispatcher, Tracker("t", {}, latest, [], False, None, {}, "action_listen"), "de")
    return events, "\n".join(m.get("text") or "" for m in dispatcher.messages)


def test_the_page_products_list_whatever_the_intent(monkeypatch):
    events, said = _ask("Welche Motive gibt es?", towel(), monkeypatch)
    assert events is not None and "Anker" in said and "Möwe" in said
    events, said = _ask("which prints are there?", towel(), monkeypatch)
    assert events is not None and "Anker" in said
    assert _ask("Welche Motive gibt es in 100x180?", towel(), monkeypatch)[0] is None  # a version asked: its state, not the list
    assert _ask("Welche Motive hat das Badetuch Welle?", towel(), monkeypatch, named=[blanket()])[0] is None  # another product
    assert _ask("Welche Größen empfehlen Sie für einen Erwachsenen, der gern groß liegt?", towel(), monkeypatch)[0] is None


def test_which_one_to_choose_is_advice_not_the_list(monkeypatch):
    assert _ask("Welche Wärmegrade gibt es?", blanket(), monkeypatch)[0] is not None
    assert _ask("Ich schwitze nachts schnell. Welchen Wärmegrad soll ich nehmen?", blanket(), monkeypatch)[0] is None
    assert _ask("I sleep hot, which warmth level should I take?", blanket(), monkeypatch)[0] is None
    assert listed_option(blanket(), "Welchen Wärmegrad soll ich nehmen?") is None  # the product answers' path too


def pillow():
    return optioned("kissen", ("Höhe",), [("Niedrig (8 cm)", 4), ("Mittel (10 cm)", 2), ("Hoch (12 cm)", 0)], size_option="Höhe")


def test_a_value_word_in_the_other_language_or_inflected():
    s = variant_state(pillow(), find_asked(pillow(), "is the high version in stock?"))
    assert s.asked[0].values == ("Hoch (12 cm)",) and s.state == "sold_out"
    assert find_asked(pillow(), "Haben Sie das in low?")[0].values == ("Niedrig (8 cm)",)
    assert find_asked(pillow(), "die mittlere Höhe vorrätig?")[0].values == ("Mittel (10 cm)",)
    assert find_asked(pillow(), "medium please")[0].values == ("Mittel (10 cm)",)


def curtain():
    return optioned("vorhang", ("Maß", "Farbe"), [("140x160", "Oliv", 3), ("140x250", "Oliv", 0), ("140x250", "Sand", 5)], size_option="Maß")


def test_one_side_of_a_measure_said_with_what_it_measures():
    sizes = ["140x160", "140x250"]
    assert names_value("140x250", sizes, "Maß", "in 250 Länge?") and names_value("140x250", sizes, "Maß", "length 250 cm")
    assert not names_value("140x250", sizes, "Maß", "250 Stück?")  # no measure word
    assert not any(names_value(v, sizes, "Maß", "140 breit?") for v in sizes)  # a side both share names neither
    s = variant_state(curtain(), find_asked(curtain(), "Oliv in 250 Länge da?"))
    assert s.state == "sold_out" and {a.option for a in s.asked} == {"Maß", "Farbe"}


def breeches():
    return optioned("reithose", ("Größe", "Farbe"), [("36", "Abendrot-Rosé", 0), ("36", "Black", 4), ("38", "Abendrot-Rosé", 2)],
                    size_option="Größe", color_option="Farbe")  # fmt: skip


def test_the_word_of_a_joined_colour_name():
    s = variant_state(breeches(), find_asked(breeches(), "Ist die 36 in Rosé noch da?"))
    assert s.state == "sold_out" and s.asked[1].values == ("Abendrot-Rosé",)
    jackets = optioned("jacke", ("Colour",), [("Dark Olive", 1), ("Dark Navy", 2)], color_option="Colour")
    assert not find_asked(jackets, "in dark?")  # a word two values share names neither
    linen = optioned("laken", ("Farbe",), [("Leinen natur", 1), ("Salbei", 2)], color_option="Farbe")
    assert not find_asked(linen, "Ist das aus Leinen?")  # a material is no colour


def sweater():
    return optioned("pulli", ("Size", "Colour"), [("S", "Heather", 2), ("M", "Heather", 0)], size_option="Size", color_option="Colour")


def test_another_value_of_an_option_with_one(monkeypatch):
    from actions.variant_replies import only_option  # noqa: PLC0415

    assert only_option(sweater(), "Gibt es den Pulli auch in einer anderen Farbe als Heather?") == "Colour"
    assert only_option(sweater(), "Do you have it in another colour?") == "Colour"
    assert only_option(sweater(), "Welche Farbe hat der Pulli?") is None  # no other one asked
    assert only_option(towel(), "Gibt es andere Motive?") is None  # more than one: the list answers
    events, said = _ask("Gibt es den Pulli auch in einer anderen Farbe als Heather?", sweater(), monkeypatch)
    assert events is not None and "nur in Heather" in said


def gloves():
    return optioned("handschuh", ("Größe", "Pack"), [("8", "1 Paar", 5), ("9", "1 Paar", 5), ("9", "10 Paar", 0), ("10", "10 Paar", 3)],
                    size_option="Größe")  # fmt: skip


def test_a_packs_count_is_no_size():
    for text in ("Do you have the 10-pair pack in size 9?", "Gibt es das 10er-Pack in Größe 9?", "10 pairs in size 9?"):
        s = variant_state(gloves(), find_asked(gloves(), text))
        assert {a.option: a.values for a in s.asked} == {"Größe": ("9",), "Pack": ("10 Paar",)}, text
        assert s.state == "sold_out"
