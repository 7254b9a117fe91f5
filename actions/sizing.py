"""Size questions: conversions (UK/US/letters), recommendations from the usual size and
availability of a size (and colour)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, ShopAction, reply
from actions.context import catalog, focused_products, text_of
from actions.texts import join, money, say
from catalog.lexicon import find_colors
from catalog.models import Product
from catalog.query import find_size
from catalog.sizes import (
    LETTER_TO_EU_CLOTHING,
    eu_to_uk_us,
    normalize_letter,
    recommend_size,
    uk_us_to_eu,
)

_USUAL = re.compile(
    r"(normalerweise|sonst|meistens|üblicherweise|eigentlich|usually|normally|typically|generally|i wear|i take|ich trage|ich habe|trage ich|habe ich)",
    re.I,
)


_ADVICE = re.compile(
    r"(welche größe|welche grösse|welche nummer|welche größe soll|größe empfehlen|empfehlen sie|which size|what size should|recommend|size should i)",
    re.I,
)


def _conversion(text: str, lang: str) -> str | None:
    m = re.search(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", text, re.I)
    if m:
        system, size = m.group(1).upper(), m.group(2).replace(",", ".")
        eu = uk_us_to_eu(system, size)
        if eu is None:
            return say("size_conversion_unknown", lang, system=system, size=size)
        uk, us = eu_to_uk_us(eu) or ("?", "?")
        return say("size_conversion_shoe", lang, system=system, size=size, eu=eu, uk=uk, us=us)
    m = re.search(r"\b(xxs|xs|s|m|l|xl|xxl)\b", text, re.I)
    if m and re.search(r"\b(eu|deutsch|german|konfektion|numeric|numerisch|zahl)", text, re.I):
        letter = normalize_letter(m.group(1))
        if letter in LETTER_TO_EU_CLOTHING:
            men, women = LETTER_TO_EU_CLOTHING[letter]
            return say("letter_to_eu", lang, letter=letter, men=men, women=women)
    return None


def wanted_size(text: str, product: Product) -> str | None:
    m = re.search(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", text, re.I)
    if m and product.size_system in (None, "eu_shoe"):
        return uk_us_to_eu(m.group(1), m.group(2).replace(",", "."))
    size = find_size(text)
    if size is None:
        m = re.search(r"\b(xxs|xs|s|m|l|xl|xxl)\b", text) if product.size_system == "letter" else None
        size = m.group(1).upper() if m else None
    return size


def size_availability(product: Product, size: str, color: str | None, lang: str) -> tuple[str, list[str]]:
    """(answer, source ids) for "is `product` available in `size` (and `color`)?"."""
    cat = catalog()
    name = product.name(lang)
    size_norm = normalize_letter(size)
    offered = [s for s in product.sizes() if normalize_letter(s) == size_norm]
    if not offered:
        return say("size_not_offered", lang, product=name, size=size, sizes=", ".join(product.sizes())), [product.id]
    variants = product.variants_for(size=offered[0], color=color)
    in_stock = [v for v in variants if v.stock > 0]
    if in_stock:
        v = in_stock[0]
        colors = [facts.color_name(x.color, lang) for x in in_stock if x.color]
        stock = say("low_stock", lang, count=v.stock) if sum(x.stock for x in in_stock) <= 3 else say("in_stock", lang)
        color_text = f" ({', '.join(colors)})" if colors else ""
        return say("size_available", lang, product=name, size=offered[0], color=color_text, stock=stock, price=money(v.price, lang, cat.config.store.currency)), [product.id]
    if color:
        others = [facts.color_name(v.color, lang) for v in product.variants_for(size=offered[0]) if v.stock > 0 and v.color]
        if others:
            return say("size_sold_out_color", lang, product=name, size=offered[0], color=facts.color_name(color, lang), others=", ".join(others)), [product.id]
    answer = say("size_sold_out", lang, product=name, size=offered[0])
    if color is None:
        others = [facts.color_name(v.color, lang) for v in product.variants_for(size=offered[0]) if v.stock > 0 and v.color]
        if others:  # pragma: no cover - covered by the branch above when a colour is asked
            answer = say("size_sold_out_color", lang, product=name, size=offered[0], color="", others=", ".join(others))
    alternatives = [p for p in cat.similar(product, limit=8) if any(v.stock > 0 and v.size and normalize_letter(v.size) == size_norm for v in p.variants)][:2]
    nearby = product.sizes(in_stock=True)
    if nearby:
        answer += " " + say("size_nearby", lang, sizes=", ".join(nearby))
    if alternatives:
        answer += " " + say("size_alternatives", lang, size=offered[0], names=join([p.name(lang) for p in alternatives], lang))
    return answer, [product.id, *(p.id for p in alternatives)]


def answer_size(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    text = text_of(tracker)
    products = focused_products(tracker, limit=1)
    conversion = _conversion(text, lang)
    if not products:
        reply(dispatcher, conversion or say("which_product", lang), sources=["sizes:conversion-table"] if conversion else [])
        return [SlotSet("last_topic", "size")]
    product = products[0]
    name = product.name(lang)
    if not product.sizes():
        reply(dispatcher, say("no_sizes", lang, product=name), sources=[product.id])
        return [SlotSet("current_product", product.id), SlotSet("last_topic", "size")]
    colors = find_colors(text)
    color = colors[0] if colors else None
    wanted = wanted_size(text, product)
    lines: list[str] = []
    sources = [product.id]
    if conversion:
        lines.append(conversion)
        sources.append("sizes:conversion-table")
    asked_before = tracker.get_slot("pending_offer") == "usual_size"
    if not wanted and _ADVICE.search(text):
        reply(dispatcher, say("ask_usual_size", lang, product=name, example="M" if product.size_system == "letter" else "42"), sources=[product.id])
        return [SlotSet("pending_offer", "usual_size"), SlotSet("current_product", product.id), SlotSet("last_topic", "size")]
    if wanted and (asked_before or _USUAL.search(text)):
        size, why = recommend_size(product, wanted)
        lines.append(say("size_recommend", lang, usual=wanted, product=name, size=size, why=facts.fit_sentence(product, lang) if why != "unknown" else say("fit_unknown", lang)))
        answer, more = size_availability(product, size, color, lang)
        lines.append(answer)
        sources += more
        events = [SlotSet("usual_size", wanted), SlotSet("pending_offer", None)]
    elif wanted:
        answer, more = size_availability(product, wanted, color, lang)
        lines.append(answer)
        sources += more
        events = []
    else:
        lines.append(say("size_overview", lang, product=name, sizes=facts.sizes_line(product, lang), fit=facts.fit_sentence(product, lang)))
        events = []
    reply(dispatcher, " ".join(lines), sources=sources, payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, SlotSet("current_product", product.id), SlotSet("last_topic", "size")]


class ActionAnswerSize(ShopAction):
    def name(self) -> str:
        return "action_answer_size"

    def respond(self, dispatcher, tracker, lang):
        return answer_size(dispatcher, tracker, lang)
