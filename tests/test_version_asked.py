"""A version asked by its own values ("Ist der 90 cm in Moos da?", "12M in Dusty Pine?", "42R in
Charcoal available?", "Burgundy in the extra long length?") gets that version's state, not a
sentence of the text naming the same figure, a general size conversion or a measure of the
option (`actions.size_detail_route`, `actions.product_answers`, `actions.sizing`); "auch in einer
anderen Farbe als Sand?" of a product in one colour: only that one (DE/EN)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import size_stock, sizing
from actions.product_answers import AVAILABILITY, feature_answer
from actions.product_questions import version_answer
from actions.size_detail_route import (
    asks_stock,
    own_version_asked,
    version_detail,
    without_asked_options,
)
from catalog.models import Product
from catalog.passages import asked_aspects
from tests.test_variants import optioned


def _described(product: Product, title: str, text: str, lang: str) -> Product:
    product.title = {lang: title}
    product.description = {lang: text}
    return product


def sleeping_bag() -> Product:
    rows = [("70 cm", "Wolke", 5), ("70 cm", "Moos", 4), ("90 cm", "Wolke", 6), ("90 cm", "Moos", 0)]
    bag = optioned("bag", ("Größe", "Farbe"), rows, size_option="Größe", color_option="Farbe")
    return _described(bag, "Schlafsack Mondschein", "Leichter Schlafsack.\n70 cm 50–65 cm 0–6 Monate\n90 cm 66–85 cm 6–18 Monate", "de")


def cardigan() -> Product:
    rows = [("6M", "Oat", 3), ("12M", "Oat", 5), ("6M", "Dusty Pine", 2), ("12M", "Dusty Pine", 0)]
    knit = optioned("knit", ("Size", "Colour"), rows, size_option="Size", color_option="Colour")
    return _described(knit, "Knit Cardigan Birch", "Soft knit cardigan.\n6M 68 cm\n12M 80 cm", "en")


def suit() -> Product:
    rows = [("40R", "Navy", 2), ("42R", "Navy", 3), ("40R", "Charcoal Grey", 1), ("42R", "Charcoal Grey", 0)]
    return _described(optioned("suit", ("Size", "Colour"), rows, size_option="Size", color_option="Colour"), "Wool Suit Harbour", "A wool suit.", "en")


def tie() -> Product:
    rows = [("Bordeaux", "Standard 145 cm", 4), ("Bordeaux", "Überlänge 160 cm", 0), ("Marine", "Überlänge 160 cm", 2)]
    return _described(optioned("tie", ("Farbe", "Länge"), rows, size_option="Länge", color_option="Farbe"), "Strickkrawatte Tweed",
                      "Länge: Standard 145 cm oder Überlänge 160 cm.", "de")  # fmt: skip


def briefs() -> Product:
    rows = [("M", "Light", 3), ("M", "Medium", 0), ("L", "Medium", 2)]
    return _described(optioned("briefs", ("Größe", "Saugstärke"), rows, size_option="Größe"), "Slip Welle", "Slip mit drei Saugstärken.", "de")


def curtain() -> Product:
    rows = [("140x175", "Sand", 3), ("140x245", "Sand", 2), ("140x175", "Nachtblau", 4), ("140x245", "Nachtblau", 0)]
    drape = optioned("drape", ("Maß", "Farbe"), rows, size_option="Maß", color_option="Farbe")
    return _described(drape, "Vorhang Abendrot", "Blickdichter Vorhang mit Schlaufen.", "de")


def test_there_asks_whether_it_is_in_stock() -> None:
    for text in ("Ist der 90 cm in Moos da?", "Ist Moos noch da?", "Nachtblau in 245 Länge da?"):
        assert AVAILABILITY.search(text) and asks_stock(text), text
    for text in ("Ist da ein Reißverschluss dran?", "Wie lang ist die 90 cm?", "Is the sleeve long?"):
        assert not asks_stock(text), text


def test_a_figure_naming_the_asked_version_quotes_no_sentence() -> None:
    assert feature_answer(sleeping_bag(), "Ist der 90 cm in Moos da?", "de") is None
    assert feature_answer(cardigan(), "12M in Dusty Pine?", "en") is None


def test_a_fact_asked_of_a_version_quotes_the_sentence_with_its_figure() -> None:
    """"Wie viel … für 90 cm?" asks a fact of that version, not its stock: the figure's sentence answers."""
    said = feature_answer(sleeping_bag(), "Wie viel wiegt der Schlafsack in 90 cm?", "de")
    assert said and "66–85 cm" in said
    said = feature_answer(cardigan(), "How long is the 12M?", "en")
    assert said and "80 cm" in said


def test_the_name_of_an_asked_option_asks_no_detail() -> None:
    assert "length" not in asked_aspects(without_asked_options(tie(), "Burgundy in the extra long length?"))
    assert "length" not in asked_aspects(without_asked_options(tie(), "Bordeaux in Länge Überlänge?"))
    assert not {"suction", "thickness"} & set(asked_aspects(without_asked_options(briefs(), "Den Slip in M, Saugstärke Medium?")))
    assert version_detail(tie(), "Burgundy in the extra long length?", "en") is None
    assert version_detail(tie(), "Bordeaux in der Länge Überlänge?", "de") is None


def test_the_products_own_size_as_written_asks_no_conversion() -> None:
    assert own_version_asked(suit(), "42R in Charcoal Grey available?")
    assert own_version_asked(suit(), "Gibt es den Anzug in 42R in Charcoal Grey?")
    assert not own_version_asked(suit(), "Welche deutsche Größe ist 42R?")  # a conversion asked
    assert not own_version_asked(suit(), "Is UK 42R available?")  # a system named


# --- whole answers ---------------------------------------------------------------------------


@pytest.fixture
def ask(run_action, monkeypatch):
    def _ask(product: Product, text: str, lang: str) -> str:
        monkeypatch.setattr(sizing, "focused_products", lambda tracker, limit=1: [product])
        monkeypatch.setattr(size_stock, "_similar_in_size", lambda product, asked, lang: ("", []))  # not in the test index
        messages, _ = run_action(sizing.ActionAnswerSize(), text, intent="ask_size", metadata={"language": lang})
        return " ".join(m.get("text") or "" for m in messages)

    return _ask


def test_a_version_asked_by_its_values_gets_its_state(ask) -> None:
    said = ask(sleeping_bag(), "Ist der 90 cm in Moos da?", "de")
    assert said.startswith("Schlafsack Mondschein ist in Größe 90 cm in Moos leider ausverkauft."), said
    said = ask(cardigan(), "12M in Dusty Pine?", "en")
    assert said.startswith("Knit Cardigan Birch is sold out in size 12M in Dusty Pine."), said
    said = ask(suit(), "42R in Charcoal Grey available?", "en")
    assert said.startswith("Wool Suit Harbour is sold out in size 42R in Charcoal Grey."), said
    said = ask(suit(), "Gibt es den Anzug in 42R in Charcoal Grey?", "de")
    assert "ausverkauft" in said and "Größe 42R" in said, said
    said = ask(tie(), "Burgundy in the extra long length?", "en")
    assert said.startswith("Strickkrawatte Tweed is sold out in red (Bordeaux)"), said
    said = ask(curtain(), "Nachtblau in 245 Länge da?", "de")
    assert said.startswith("Vorhang Abendrot ist in Maß 140x245 in Nachtblau leider ausverkauft."), said
    said = ask(curtain(), "Is the 245 length in navy available?", "en")
    assert said.startswith("Vorhang Abendrot is sold out in Maß 140x245 in navy (Nachtblau)."), said
    said = ask(briefs(), "Den Slip in M, Saugstärke Medium – vorrätig?", "de")
    assert said.startswith("Slip Welle ist in Größe M, Saugstärke Medium leider ausverkauft."), said


def test_another_colour_than_the_only_one(test_catalog) -> None:
    sand = optioned("coat", ("Größe", "Farbe"), [("S", "Sand", 2), ("M", "Sand", 3)], size_option="Größe", color_option="Farbe")
    sand.title = {"de": "Mantel Düne", "en": "Coat Dune"}
    for text, lang, want in (("Gibt es den Mantel auch in einer anderen Farbe als Sand?", "de", "Mantel Düne gibt es nur in Sand."),
                             ("Is the coat available in another colour than Sand?", "en", "Coat Dune comes only in Sand.")):  # fmt: skip
        dispatcher = CollectingDispatcher()
        assert version_answer(dispatcher, sand, text, lang) is not None, text
        assert dispatcher.messages[0]["text"] == want, dispatcher.messages[0]["text"]


def test_a_shoes_width_asked_in_either_language() -> None:
    from catalog.variants import find_asked

    rows = [("42", "10", 3), ("42", "11", 2), ("43", "11", 0), ("43", "12", 4)]
    shoe = optioned("boot", ("Schuhgröße", "Weite"), rows, size_option="Schuhgröße")
    for text in ("Is size 42 width 11 in stock?", "Gibt es die 42 in Weite 11?"):
        assert [(a.option, a.values) for a in find_asked(shoe, text)] == [("Schuhgröße", ("42",)), ("Weite", ("11",))], text
