"""Two versions of one product weighed against each other ("Was kostet das Hundebett in 60 cm
im Vergleich zu 80 cm?", "the 2 kg or the 6 kg bag?"): each asked value of one option with its
price and state, from the variants — not a search and not two products."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet

from actions import facts
from actions.common import Events, reply
from actions.compare import named_pair
from actions.context import catalog, focused_products, text_of
from actions.texts import money, say
from actions.variant_replies import phrase
from catalog.models import Product
from catalog.variants import find_asked, variant_options

# what stands between the two versions
_VERSUS = re.compile(
    r"\s+(?:im vergleich zu[rm]?|verglichen mit|gegenüber|statt|anstatt|compared (?:to|with)|versus|vs\.?|oder|or|und|and"
    r"|als)\s+|,|/(?!\d)",
    re.I,
)


# what is asked of the versions: their price, stock or difference ("Ist sie in Schwarz oder Blau
# wasserdicht?" asks a property, answered from the text)
_ASKS = re.compile(
    r"kost|preis|price|teurer|günstiger|billiger|cheaper|more expensive|how much|wie ?viel|unterschied|difference"
    r"|vergleich|compare|vorrätig|lieferbar|verfügbar|in stock|available|auf lager",
    re.I,
)


def compared_values(product: Product, text: str) -> tuple[str, list[str]] | None:
    """(option, values) when the sides of the text's "X vs Y" each name another value of one
    option of the product; else None."""
    sides = [s for s in _VERSUS.split(text) if s and s.strip()]
    if len(sides) < 2 or not _ASKS.search(text):
        return None
    found: dict[str, list[str]] = {}
    for side in sides:
        for asked in find_asked(product, side):
            for value in asked.values[:1]:
                if value not in found.setdefault(asked.option, []):
                    found[asked.option].append(value)
    options = [(option, values) for option, values in found.items() if len(values) >= 2]
    return options[0] if len(options) == 1 else None


def _version_line(product: Product, option: str, value: str, lang: str) -> str:
    variants = [v for v in product.variants if variant_options(product, v).get(option) == value]
    in_stock = [v for v in variants if v.stock > 0]
    low, high = min(v.price for v in variants), max(v.price for v in variants)
    currency = catalog().config.store.currency
    price = (
        money(low, lang, currency)
        if low == high
        else say("price_from", lang, price=money(low, lang, currency))
    )
    state = say("in_stock", lang) if in_stock else say("sold_out", lang)
    return f"- {phrase(product, option, [value], lang)}: {price}, {state}"


def answer_versions(dispatcher, tracker, lang: str) -> Events | None:  # noqa: ANN001
    """The asked versions of the one product the message is about, each with its price and
    state; None when the message does not weigh two versions of one product."""
    text = text_of(tracker)
    named = named_pair(
        text
    )  # the sides of "X vs Y" name one product, else it is the page's or the last one
    products = named if named else focused_products(tracker, limit=1)
    if len(products) != 1:
        return None
    product = products[0]
    compared = compared_values(product, text)
    if compared is None:
        return None
    option, values = compared
    lines = [say("versions_head", lang, product=product.name(lang))]
    lines += [_version_line(product, option, value, lang) for value in values]
    reply(
        dispatcher,
        "\n".join(lines),
        sources=[product.id],
        payload=facts.cards_payload([product], lang, catalog().config),
    )
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
