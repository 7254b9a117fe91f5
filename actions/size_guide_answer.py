"""Sizes from the store's size guide for a product without a chart of its own: for a body height
when the guide gives sizes by height with open ends ("Bis ca. 1,80 m Körpergröße: 135 x 200 cm",
"1.80 m and taller: 155 x 220 cm"; `catalog.size_guide_chart.size_for_height`), and for a wearer
the question names that the guide places in a size ("Cob für … Araber und Haflinger";
`size_for_wearer`): the guide's line quoted, the size recommended and its stock."""

from __future__ import annotations

from actions.context import catalog
from actions.size_stock import availability
from actions.texts import say
from actions.variant_replies import phrase
from catalog.models import Product
from catalog.size_chart import Measurement
from catalog.size_guide_chart import size_for_height, size_for_wearer
from catalog.variants import SIZE, Asked, option_kind, option_values


def guide_height_answer(product: Product, measurement: Measurement, lang: str) -> str | None:
    """The answer for a height the store's guide places in one of the product's sizes, else None."""
    if measurement.measure != "height":
        return None
    found = size_for_height(product, catalog().policies.passages, lang, measurement.cm)
    if found is None:
        return None
    size, line, heading = found
    option = next((n for n, vs in option_values(product).items() if size in vs), SIZE)
    cm = f"{measurement.cm:g} cm"
    lines = [say("guide_quote", lang, heading=heading, text=_sentence(line)), say("guide_tall", lang, cm=cm, size=phrase(product, option, [size], lang))]
    text, _ = availability(product, [Asked(option, option_kind(product, option), size, (size,))], lang)
    return " ".join([*lines, text])


def guide_wearer_answer(product: Product, text: str, lang: str) -> str | None:
    """The answer for a wearer the question names ("für meinen Haflinger") that the guide places in a size."""
    found = size_for_wearer(product, text, catalog().policies.passages, lang)
    if found is None:
        return None
    size, wearer, sentence, heading = found
    option = next((n for n, vs in option_values(product).items() if size in vs), SIZE)
    lines = [say("guide_quote", lang, heading=heading, text=_sentence(sentence)), say("guide_wearer", lang, wearer=wearer, size=phrase(product, option, [size], lang))]
    text, _ = availability(product, [Asked(option, option_kind(product, option), size, (size,))], lang)
    return " ".join([*lines, text])


def _sentence(line: str) -> str:
    """A guide's list item as a sentence (its full stop added)."""
    return line if line.rstrip().endswith((".", "!", "?", ":")) else f"{line.rstrip()}."
