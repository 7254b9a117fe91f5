"""A short message on a product page that only states a body measure or an age ("he weighs
12 kg", "my son is 6 and 119 cm tall", "Halsumfang 45 cm"): the shopper answers the size
question the page asks, though the classifier may call it chat or an order number. With a
product of several sizes on the page it is a size question on that product."""

from __future__ import annotations

import re

from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.policy_aspects import question_aspects
from catalog.variants import option_kind, option_values

MAX_WORDS = 14
# a message about something else than the wearer (an order, a parcel, a delivery, a room)
OTHER_SUBJECT = re.compile(
    r"\b(?:bestell\w*|order\w*|paket\w*|parcel|package|lieferung|delivery|sendung|shipment|zimmer|room|raum|wand|wall|tage?n?|days?|wochen?|weeks?)\b", re.I)


# a question, not a statement ("Ist er warm genug für 3 Jahre?")
_QUESTION = re.compile(r"\?|^\s*(?:wie|was|welche\w*|ist|sind|hat|haben|kann|gibt|passt|reicht|is|are|does|do|can|will|how|what|which|would)\b", re.I)


def states_body_measure(product: Product | None, text: str, statement: bool = False) -> bool:
    """Whether the text, on this product's page, only states the wearer's measures or age;
    `statement`: and asks no question (a product question the classifier was sure of may
    well name an age: "warm enough for a 3 year old?")."""
    if product is None or len(text.split()) > MAX_WORDS or OTHER_SUBJECT.search(text) or (statement and _QUESTION.search(text)):
        return False
    several = any(len(vs) > 1 for name, vs in option_values(product).items() if option_kind(product, name) != "color")
    if not several or question_aspects(text):
        return False
    return bool(find_measurements(text))
