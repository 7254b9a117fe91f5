"""The answer to a question naming a level, mode or setting ("Wie lange hält der Akku auf der
höchsten Stufe?", "battery life on level 1?", "mit ANC?", "auf der leisesten Stufe?"): that
setting's figure with the merchant's line (`catalog.asked_level`), before the product's headline
value ("bis zu 40 Stunden"), which holds for another setting."""

from __future__ import annotations

from actions.texts import say
from catalog.asked_level import level_figure, without_level
from catalog.models import Product
from catalog.passages import asked_aspects, product_sentences


def level_answer(product: Product, question: str, lang: str) -> str | None:
    """"Heizhandschuhe …: 2 h – laut Produktbeschreibung: „3 (65 °C) approx. 2 h“", or None."""
    name = product.name(lang)
    sentences = product_sentences(product, lang)
    found = level_figure(question, asked_aspects(without_level(question), name), [s.text for s in sentences])
    if not found:
        return None
    i, level = found
    sentence = sentences[i]
    quote = sentence.quoted if level.alone else level.clause  # a table row with its header; one clause of a list
    return say("level_figure", lang, product=name, figure=level.figure, sentence=quote)
