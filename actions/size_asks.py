"""Which messages on a product page are size questions, whatever intent the classifier gave
them: a version of the page's product asked ("in navy?", "in 220 cm?"), a body measure the
product's sizes chart, a condition row of its text; and the size named in an exchange request."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.condition_answer import asks_condition
from actions.context import catalog, metadata, text_of
from actions.page_focus import points_at_page, without_owned
from actions.size_advice import BETWEEN_SIZES, USUAL, between, usual_in_product_system
from actions.size_measure import charts, measurement, names_measure
from actions.size_problem import fit_problem
from actions.size_statement import MAX_WORDS, OTHER_SUBJECT, states_body_measure
from actions.size_stock import sized_options
from catalog.lexicon import find_colors, find_country
from catalog.models import Product
from catalog.names import tokens
from catalog.query import find_size, parse_query
from catalog.size_advice import width_value
from catalog.size_evidence import evidence
from catalog.size_evidence_pick import picks
from catalog.variants import SIZE, find_asked


def wanted_size(text: str, product: Product) -> str | None:
    """The size named in an exchange request (`actions.order_exchange`)."""
    if converted := usual_in_product_system(product, text, "en"):
        return converted[0]
    size = find_size(text)
    if size is None:
        m = re.search(r"\b(xxs|xs|s|m|l|xl|xxl)\b", text) if product.size_system == "letter" else None
        size = m.group(1).upper() if m else None
    return size


def asks_for_version(tracker: Tracker, sizes: bool = True) -> bool:
    """On a product page, a message naming a colour, a size or another option value ("in navy?",
    "in 220 cm?") asks for a version of that product, whatever intent the classifier gave it.
    `sizes=False` leaves bare numbers out (a shipping question may count days or items)."""
    text = text_of(tracker)
    product = catalog().get(metadata(tracker).get("product_id"))
    if product is None or find_country(text):
        return False
    return bool(find_colors(text, shades=True) or (sizes and (find_size(text) or find_asked(product, text))))


def names_page_version(tracker: Tracker) -> bool:
    """"Haben Sie den Schneeanzug in 104?" on that product's page: a version of the page's
    product, though the classifier took it for a search (the product is named, a value asked)."""
    product = catalog().get(metadata(tracker).get("product_id"))
    if product is None or not asks_for_version(tracker) or not find_asked(product, text_of(tracker)):
        return False
    if points_at_page(text_of(tracker)):  # "Do you have this collar in black?": this one, however it is called
        return True
    named = catalog().find_named(text_of(tracker))
    if named:
        return named[0].id == product.id
    words = {_plain(w) for lang in ("de", "en") for w in tokens(product.name(lang)) if len(w) >= 4}
    said = {_plain(w) for w in tokens(text_of(tracker)) if len(w) >= 4}
    said |= {s[: -len(end)] for s in said for end in _PLURAL_ENDINGS if s.endswith(end) and len(s) - len(end) >= 4}
    # "den Schneeanzug" of "Polarfuchs Schneeanzug"; "das Trikot" of "Radtrikot Sprint" (the last part of a compound);
    # "die Uhrenarmbänder" of "Uhrenarmband Leder" (a plural)
    return bool(words & said) or any(w.endswith(s) and len(w) > len(s) for w in words for s in said)


_PLURAL_ENDINGS = ("er", "en", "e", "n", "s")


def _plain(word: str) -> str:
    """A word without umlauts, so that a plural ("Bänder") meets its singular ("Band")."""
    return word.translate(str.maketrans("äöü", "aou"))


# words that make a measurement a size question ("is 116 big enough for 119 cm?"), not one about
# a quality ("warm enough for a 3 year old?")
_SIZE_CUE = re.compile(r"\b(?:size\w*|größe\w*|grösse\w*|groß genug|big enough|large enough|long enough|lang genug|reicht|passt|fits?|which one|welche[nrs]?|nummer|length|länge)\b", re.I)


def asks_size_advice(tracker: Tracker) -> bool:
    """On a product page, "she's between 110 and 116", "I'm between sizes", wide or narrow feet on
    a product sold in widths or a body measurement the product's sizes chart ("reicht 110 für
    112 cm?") is a size question, whatever intent the classifier gave it (a comparison of two sizes is no comparison of two products)."""
    product = catalog().get(metadata(tracker).get("product_id"))
    if product is None:
        return False
    text = text_of(tracker)
    if states_body_measure(product, text, statement=True) or asks_condition(product, text, metadata(tracker).get("language") or "en"):  # "my son is 3", "72 kg, welche Härte?"
        return True
    if not sized_options(product):  # "Passt die Kinderuhr an ein Handgelenk von 13 cm?": the sentence on that measure
        found = measurement(product, text, "en") if _SIZE_CUE.search(text) else None
        return found is not None and names_measure(product, found, "en")
    if fit_problem(product, text):  # "Die 42 war zu klein – welche jetzt?": the next size
        return True
    if between(product, text) or BETWEEN_SIZES.search(text) or width_value(product, text):  # "sehr breiter Vorfuß" on a boot sold in widths
        return True
    found = measurement(product, text, "en") if _SIZE_CUE.search(text) or _names_option(product, text) else None
    if found is not None and charts(product, found, "en"):
        return True
    return bool(_SIZE_CUE.search(text)) and bool(picks(text, evidence(product, "en")))  # "Sattelhöhe 77 cm – welche?"


def states_usual_size(product: Product, text: str) -> bool:
    """A short message giving the size the shopper usually wears: one of the product's own ("ich
    trag sonst M") or one in another system that converts to them ("Mein Kind hat Schuhgröße 34"
    on a ski boot in Mondopoint); not one about an order or a parcel ("Ich habe die M bestellt")."""
    if len(text.split()) > MAX_WORDS or OTHER_SUBJECT.search(text) or not USUAL.search(text):
        return False
    return any(a.kind == SIZE and a.values for a in find_asked(product, text)) or bool(usual_in_product_system(product, text, "en"))


def page_size_statement(tracker: Tracker) -> bool:
    """"chest 99 cm but I wear a fleece underneath", "1.74 m, 80 kg" on a jacket's or a ski's page,
    taken for a search or an order number: the shopper's measures for the page's product
    (`asks_size_advice`) or the usual size they wear, in another system than the product's, unless the message names another product or a category other than
    the page's ("Ich suche Handschuhe für 20 cm Handumfang" on a jacket's page is a search)."""
    product = catalog().get(metadata(tracker).get("product_id"))
    text = text_of(tracker)
    if product is None or not (asks_size_advice(tracker) or states_usual_size(product, text)):
        return False
    # what they wear or own names no product asked for ("ich trag nen Rückenprotektor"): read both ways
    texts = (text, without_owned(text))
    if all((named := catalog().find_named(t)) and named[0].id != product.id for t in texts):
        return False
    categories = [parse_query(t, catalog().config.categories).category for t in texts]
    return any(category is None or category == product.category for category in categories)


def page_condition(tracker: Tracker) -> bool:
    """"Ich schlafe auf der Seite, welche Festigkeit?" on the pillow's page: the text's row for that case."""
    product = catalog().get(metadata(tracker).get("product_id"))
    return product is not None and asks_condition(product, text_of(tracker), metadata(tracker).get("language") or "en")


def _names_option(product: Product, text: str) -> bool:
    """Whether the question names one of the product's options other than colour ("which
    firmness", "welcher Härtegrad"): with a measurement the chart charts, a question of which value."""
    lowered = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(name.lower())}", lowered) for name in sized_options(product) if len(name) >= 4)
