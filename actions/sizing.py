"""Size questions: conversions (UK/US/letters), the size to take from the usual size (with the
merchant's fit advice), the size for a body measurement, and the state of the asked version —
size, colour, length, capacity, pack — with its nearest alternatives (`catalog.variants`).
The parts: stock per option (`size_stock`), advice from the usual size and the fit (`size_fit`),
body measurements (`size_measures`); this module reads the question and picks one."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, ShopAction, reply
from actions.context import catalog, focused_products, metadata, text_of
from actions.size_fit import _between, _fit_answer, _recommend, _recommend_between
from actions.size_general import conversion as size_conversion
from actions.size_general import size_guide
from actions.size_measures import _answer_measurement, _measure_in_text, _measurement
from actions.size_stock import _size_option, _sized_options, availability, overview
from actions.texts import say
from catalog.lexicon import find_colors, find_country
from catalog.models import Product
from catalog.names import tokens
from catalog.query import find_size
from catalog.size_advice import width_value
from catalog.size_table import own_eu
from catalog.sizes import uk_us_to_eu
from catalog.variants import (
    SIZE,
    Asked,
    find_asked,
    is_size_name,
    option_kind,
    option_values,
)

_USUAL = re.compile(
    r"(normalerweise|sonst|meistens|üblicherweise|eigentlich|usually|normally|typically|generally|i wear|i take|ich trage|ich habe|trage ich|habe ich"
    r"|usual size|übliche größe|normale größe|normal size|regular size|meine größe ist|my size is|in der regel|i'm (?:a|an) (?:size )?[\dxsml]"
    r"|\b(?:trägt|wears|takes|hat)\b(?:\s+\w+){0,2}?\s+(?:größe\s+|size\s+|schuhgröße\s+|a\s+|an\s+)?[\dxsml]"  # "mein Kind trägt 31", "she wears 116"
    r"|\b(?:is|ist)\s+(?:a|an|eine?)\s+\d)",  # "my daughter is a 20"
    re.I,
)


_ADVICE = re.compile(
    r"(welche größe|welche grösse|welche nummer|welche größe soll|größe empfehlen|empfehlen sie|which size|what size\b(?!s)|recommend"
    r"|size should i|welche länge|which length|welche helmgröße|which one|welche soll|size up|größer bestellen|should i (?:get|order|take))",
    re.I,
)
# "which sizes are there?" asks for the overview, not for advice
_WHICH_SIZES = re.compile(r"(welche größen|welche grössen|in welchen größen|which sizes|what sizes|sizes (?:do you have|are there|available))", re.I)
# "fällt der Schuh klein aus?", "does it run small?", "is it true to size?": how the product fits
_FIT_QUESTION = re.compile(
    r"fällt|fallen|ausfallen|größengetreu|größengerecht|grössengerecht|passgenau|passform|\bruns?\b|\bcomes? up\b"
    r"|true to size|\bfit(?:s)? (?:small|large|big|true|normal)|how (?:does|do) (?:it|they|this|these) fit|\bsize (?:up|down)\b", re.I)
_SHOE_SIZE = re.compile(r"\d{2}(?:\.5)?")


def wanted_size(text: str, product: Product) -> str | None:
    """The size named in an exchange request (`actions.order_exchange`)."""
    m = re.search(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", text, re.I)
    if m and product.size_system in (None, "eu_shoe"):
        own = own_eu(product, text)
        return own[2] if own else uk_us_to_eu(m.group(1), m.group(2).replace(",", "."))
    size = find_size(text)
    if size is None:
        m = re.search(r"\b(xxs|xs|s|m|l|xl|xxl)\b", text) if product.size_system == "letter" else None
        size = m.group(1).upper() if m else None
    return size


def _example_size(product: Product) -> str:
    """A size of the product to show how to answer "what size do you usually wear?"."""
    values = option_values(product).get(_size_option(product) or SIZE) or []
    return values[len(values) // 2] if values else ("M" if product.size_system == "letter" else "42")



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
    named = catalog().find_named(text_of(tracker))
    if named:
        return named[0].id == product.id
    words = {w for lang in ("de", "en") for w in tokens(product.name(lang)) if len(w) >= 4}
    return bool(words & set(tokens(text_of(tracker))))  # "den Schneeanzug" of "Polarfuchs Schneeanzug"


def answer_size(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    text = text_of(tracker)
    products = focused_products(tracker, limit=1)
    conversion = size_conversion(text, lang)
    if not products:
        if conversion:
            reply(dispatcher, conversion, sources=["sizes:conversion-table"])
        elif guide := size_guide(text, lang, advice=bool(_ADVICE.search(text))):
            reply(dispatcher, "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in guide), sources=[f"policy:{p.ref}" for p in guide])
        else:
            reply(dispatcher, say("which_product", lang))
        return [SlotSet("last_topic", "size")]
    product = products[0]
    name = product.name(lang)
    done = [SlotSet("current_product", product.id), SlotSet("last_topic", "size")]
    if conversion and not any(_SHOE_SIZE.fullmatch(s) for s in product.sizes()):
        # "US 10 in EU?" on the page of a jacket: a general question, answered generally
        reply(dispatcher, conversion, sources=["sizes:conversion-table"])
        return [SlotSet("last_topic", "size")]
    if conversion and (own := own_eu(product, text, lang)):  # the product's own EU/UK/US table
        conversion = say("size_conversion_own", lang, product=name, system=own[0], size=own[1], eu=own[2])
    measurement = None if conversion else _measurement(product, text, lang)
    if measurement and _sized_options(product):
        return _answer_measurement(dispatcher, product, measurement, text, lang)
    if measurement and (answer := _measure_in_text(product, measurement, text, lang)):
        reply(dispatcher, answer, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    asked = find_asked(product, text)
    if (width := width_value(product, text)) and all(a.option != width[0] for a in asked):  # "breite Füße": the wide version
        asked.append(Asked(width[0], option_kind(product, width[0]), width[1], (width[1],)))
    if not _sized_options(product) and not asked:
        first = say("v_all_sold_out", lang, product=name) + " " if product.total_stock == 0 else ""
        reply(dispatcher, first + say("no_sizes", lang, product=name), sources=[product.id])
        return done
    lines: list[str] = []
    sources = [product.id]
    if conversion:
        lines.append(conversion)
        sources.append("sizes:conversion-table")
    size = next((a for a in asked if a.kind == SIZE), None)
    asked_before = tracker.get_slot("pending_offer") == "usual_size"
    wears = is_size_name(_size_option(product) or SIZE) or product.size_system in ("eu_shoe", "letter", "eu_clothing")
    between = _between(product, text)
    if not size and not between and _ADVICE.search(text) and not _WHICH_SIZES.search(text) and wears:
        reply(dispatcher, say("ask_usual_size", lang, product=name, example=_example_size(product)), sources=[product.id])
        return [SlotSet("pending_offer", "usual_size"), *done]
    events: Events = []
    if between:
        more, ids = _recommend_between(product, between, asked, lang)
        lines += more
        sources += ids
    elif size and (asked_before or _USUAL.search(text) or _ADVICE.search(text)):  # "Meine Jeansgröße ist 50, welche Größe?"
        more, ids = _recommend(product, size.wanted, asked, lang, text)  # the size as the shopper said it
        lines += more
        sources += ids
        events = [SlotSet("usual_size", size.wanted), SlotSet("pending_offer", None)]
    elif asked:
        from actions.product_questions import feature_answer  # noqa: PLC0415 (it imports this module)

        feature = feature_answer(product, text, lang)  # "Does the 20 inch bike have gears?" asks no stock
        answer, ids = (feature, []) if feature else availability(product, asked, lang)
        lines.append(answer)
        sources += ids
    elif _FIT_QUESTION.search(text) and wears:
        lines.append(_fit_answer(product, text, lang))
        events = [SlotSet("pending_offer", "usual_size")]
    else:
        lines.append(overview(product, lang))
    reply(dispatcher, " ".join(lines), sources=list(dict.fromkeys(sources)), payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, *done]


class ActionAnswerSize(ShopAction):
    def name(self) -> str:
        return "action_answer_size"

    def respond(self, dispatcher, tracker, lang):
        return answer_size(dispatcher, tracker, lang)
