"""The custom actions: one per intent (see data/rules.yml). Every reply states only catalog,
store-config or policy facts and lists them in `sources`, which Rasa keeps in the bot event's
metadata for later review."""

from __future__ import annotations

import dataclasses
import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.context import (
    EMPTY_MESSAGE,
    MAX_MESSAGE_CHARS,
    catalog,
    focused_products,
    language,
    metadata,
    only_changes,
    ordinal,
    shown,
    text_of,
)
from actions.texts import day, join, money, say
from catalog.embedder import VectorCache
from catalog.lexicon import country_name, find_colors, find_country
from catalog.models import Product
from catalog.query import Query, find_size, parse_query
from catalog.search import SearchResult
from catalog.shipping import quote
from catalog.sizes import (
    LETTER_TO_EU_CLOTHING,
    eu_to_uk_us,
    normalize_letter,
    recommend_size,
    uk_us_to_eu,
)

Events = list[EventType]
FIT_SIMILARITY = 0.45  # a description sentence this close to the question is quoted as evidence
POLICY_SIMILARITY = 0.3
SENTENCE_VECTORS = VectorCache()  # product text sentences, embedded once per action-server process


def _reply(dispatcher: CollectingDispatcher, text: str, sources: list[str] | None = None, payload: dict | None = None, buttons: list[dict] | None = None) -> None:
    dispatcher.utter_message(text=text, json_message=payload, buttons=buttons, sources=sources or [])


def _common_slots(tracker: Tracker, lang: str) -> Events:
    events: Events = [SlotSet("language", lang)]
    page = metadata(tracker).get("product_id")
    if page and catalog().get(page) and page != tracker.get_slot("page_product"):
        events.append(SlotSet("page_product", page))
    return events


def _focus(products: list[Product]) -> Events:
    return [SlotSet("current_product", products[0].id if len(products) == 1 else None)]


def _handoff_text(lang: str) -> str:
    c = catalog().config.contact
    phone = f", {'Telefon' if lang == 'de' else 'phone'}: {c.phone}" if c.phone else ""
    return say("handoff", lang, how=c.human_handoff.get(lang) or next(iter(c.human_handoff.values())), hours=c.hours.get(lang) or next(iter(c.hours.values())), email=c.email, phone=phone)


def _handoff_buttons(lang: str) -> list[dict]:
    yes, no = ("Ja, bitte", "Nein, danke") if lang == "de" else ("Yes, please", "No, thanks")
    return [{"title": yes, "payload": "/affirm"}, {"title": no, "payload": "/deny"}]


class ShopAction(Action, ABC):
    """Common frame: resolve language, run `respond`, add the shared slots."""

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        """The reply and the slots it sets; the language is already decided."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Events:
        lang = language(tracker, catalog().config.store.default_language)
        return only_changes(tracker, _common_slots(tracker, lang) + self.respond(dispatcher, tracker, lang))


# --- products ----------------------------------------------------------------


def _query_to_slot(query: Query) -> dict:
    return dataclasses.asdict(query)


def _query_from_slot(value: Any) -> Query | None:
    if not isinstance(value, dict):
        return None
    try:
        value = dict(value)
        value["colors"] = tuple(value.get("colors") or ())
        value["foreign_size"] = tuple(value["foreign_size"]) if value.get("foreign_size") else None
        return Query(**value)
    except TypeError:
        return None


def show_results(dispatcher: CollectingDispatcher, result: SearchResult, lang: str) -> Events:
    cat = catalog()
    q = result.query
    if not result.hits:
        _reply(dispatcher, say("nothing_found", lang), sources=[], buttons=_handoff_buttons(lang))
        return [SlotSet("shown_products", []), SlotSet("pending_offer", "handoff"), SlotSet("last_topic", "search"), SlotSet("last_search", _query_to_slot(q))]
    if result.dropped:
        reasons = []
        for name in result.dropped:
            if name == "size":
                reasons.append(say("dropped_size", lang, size=q.size))
            elif name == "color":
                reasons.append(say("dropped_color", lang, color=join([facts.color_name(c, lang) for c in q.colors], lang)))
            else:
                reasons.append(say("dropped_price", lang))
        head = say("found_relaxed", lang, dropped=", ".join(reasons))
    elif not result.confident:
        head = say("found_weak", lang)
    else:
        head = say("found_one" if len(result.hits) == 1 else "found", lang)
    lines = [head]
    for i, hit in enumerate(result.hits, start=1):
        why = facts.why_line(hit.product, lang, q.text, hit.matched, q.size, q.max_price, q.colors)
        lines.append(facts.product_line(i, hit.product, lang, cat.config, why))
    products = [h.product for h in result.hits]
    _reply(dispatcher, "\n".join(lines), sources=[p.id for p in products], payload=facts.cards_payload(products, lang, cat.config))
    return [
        SlotSet("shown_products", [p.id for p in products]),
        SlotSet("last_search", _query_to_slot(q)),
        SlotSet("last_topic", "search"),
        *_focus(products),
    ]


class ActionSearchProducts(ShopAction):
    def name(self) -> str:
        return "action_search_products"

    def respond(self, dispatcher, tracker, lang):
        result = catalog().search(text_of(tracker))
        return show_results(dispatcher, result, lang)


_CHEAPER = re.compile(r"\b(günstiger|billiger|preiswerter|cheaper|less expensive|lower price|budget)", re.I)


class ActionRefineSearch(ShopAction):
    """Elliptical follow-ups: "and in black?", "size 46?", "cheaper?", "and to Austria?"."""

    def name(self) -> str:
        return "action_refine_search"

    def respond(self, dispatcher, tracker, lang):
        text = text_of(tracker)
        topic = tracker.get_slot("last_topic")
        previous = _query_from_slot(tracker.get_slot("last_search"))
        if topic == "shipping" or (find_country(text) and not find_colors(text)):
            return answer_shipping(dispatcher, tracker, lang)
        on_product = metadata(tracker).get("product_id") or (topic in ("size", "product", "fit") and tracker.get_slot("current_product"))
        variant_words = find_size(text) or find_colors(text) or tracker.get_slot("pending_offer") == "usual_size"
        if on_product and variant_words and not (topic == "search" and previous):
            return answer_size(dispatcher, tracker, lang)
        cat = catalog()
        new = parse_query(text, cat.config.categories)
        if previous is None:
            return show_results(dispatcher, cat.search(new), lang)
        query = new.merged_into(previous)
        if _CHEAPER.search(text) and new.max_price is None:
            shown_products = shown(tracker)
            if shown_products:
                # cheaper than the best match shown, which is the one the shopper looked at
                query = dataclasses.replace(query, max_price=shown_products[0].min_price - 0.01)
        return show_results(dispatcher, cat.search(query), lang)


class ActionSelectProduct(ShopAction):
    def name(self) -> str:
        return "action_select_product"

    def respond(self, dispatcher, tracker, lang):
        shown_products = shown(tracker)
        position = ordinal(text_of(tracker))
        named = catalog().find_named(text_of(tracker))
        if named:
            product = named[0]
        elif not shown_products:
            _reply(dispatcher, say("nothing_shown", lang))
            return []
        elif position is None or position >= len(shown_products):
            _reply(dispatcher, say("no_such_position", lang, count=len(shown_products)))
            return []
        else:
            product = shown_products[position]
        return show_details(dispatcher, product, lang)


def show_details(dispatcher: CollectingDispatcher, product: Product, lang: str) -> Events:
    cat = catalog()
    text = facts.details(product, lang, cat.config)
    extras = cat.complements(product)
    if extras:
        text += "\n" + say("also_fits", lang, names=join([p.name(lang) for p in extras], lang))
    _reply(dispatcher, text, sources=[product.id, *(p.id for p in extras)], payload=facts.cards_payload([product], lang, cat.config))
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]


# --- sizes --------------------------------------------------------------------

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


def _wanted_size(text: str, product: Product) -> str | None:
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
        return say("size_available", lang, product=name, size=offered[0], color=color_text, stock=stock, price=money(v.price, lang)), [product.id]
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
        _reply(dispatcher, conversion or say("which_product", lang), sources=["sizes:conversion-table"] if conversion else [])
        return [SlotSet("last_topic", "size")]
    product = products[0]
    name = product.name(lang)
    if not product.sizes():
        _reply(dispatcher, say("no_sizes", lang, product=name), sources=[product.id])
        return [SlotSet("current_product", product.id), SlotSet("last_topic", "size")]
    colors = find_colors(text)
    color = colors[0] if colors else None
    wanted = _wanted_size(text, product)
    lines: list[str] = []
    sources = [product.id]
    if conversion:
        lines.append(conversion)
        sources.append("sizes:conversion-table")
    asked_before = tracker.get_slot("pending_offer") == "usual_size"
    if not wanted and _ADVICE.search(text):
        _reply(dispatcher, say("ask_usual_size", lang, product=name, example="M" if product.size_system == "letter" else "42"), sources=[product.id])
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
    _reply(dispatcher, " ".join(lines), sources=sources, payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, SlotSet("current_product", product.id), SlotSet("last_topic", "size")]


class ActionAnswerSize(ShopAction):
    def name(self) -> str:
        return "action_answer_size"

    def respond(self, dispatcher, tracker, lang):
        return answer_size(dispatcher, tracker, lang)


# --- shipping ------------------------------------------------------------------


def answer_shipping(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    cfg = catalog().config
    text = text_of(tracker)
    country = find_country(text) or metadata(tracker).get("country") or tracker.get_slot("shipping_country")
    zones = join([z.name.get(lang) or z.code for z in cfg.shipping.zones], lang)
    if not country:
        country = cfg.shipping.zones[0].countries[0]  # the home market first, then ask
        ask = say("ship_ask_country", lang, zones=zones)
    else:
        ask = ""
    q = quote(cfg, country)
    if q is None:
        _reply(dispatcher, say("ship_no_zone", lang, country=country_name(country, lang), zones=zones), sources=["store.yml#shipping.zones"])
        return [SlotSet("last_topic", "shipping")]
    free = say("ship_free_from", lang, amount=money(q.free_from, lang)) if q.free_from is not None else ""
    cost = say("free", lang) if q.cost == 0 else money(q.cost, lang)
    days = f"{q.zone.days[0]}–{q.zone.days[1]}" if q.zone.days[0] != q.zone.days[1] else str(q.zone.days[0])
    lines = [say("ship_quote", lang, country=country_name(country, lang), carrier=q.zone.carrier, days=days, cost=cost, free=free)]
    products = focused_products(tracker, limit=1)
    sources = [f"store.yml#shipping.zones.{q.zone.code}"]
    if products and q.free_from is not None and products[0].min_price >= q.free_from and q.cost > 0:
        lines.append(say("ship_free_for_product", lang, product=products[0].name(lang), price=money(products[0].min_price, lang)))
        sources.append(products[0].id)
    window = say("window_day", lang, a=day(q.earliest, lang)) if q.earliest == q.latest else say("window_range", lang, a=day(q.earliest, lang), b=day(q.latest, lang))
    lines.append(say("ship_window", lang, ship=day(q.ship_date, lang), window=window, cutoff=cfg.shipping.cutoff_time.strftime("%H:%M")))
    if q.zone.note:
        lines.append(q.zone.note.get(lang) or next(iter(q.zone.note.values())))
    if ask:
        lines.append(ask)
    _reply(dispatcher, " ".join(lines), sources=sources)
    return [SlotSet("shipping_country", country if not ask else tracker.get_slot("shipping_country")), SlotSet("last_topic", "shipping")]


class ActionAnswerShipping(ShopAction):
    def name(self) -> str:
        return "action_answer_shipping"

    def respond(self, dispatcher, tracker, lang):
        return answer_shipping(dispatcher, tracker, lang)


# --- fit, info, compare --------------------------------------------------------------


class ActionAnswerFit(ShopAction):
    def name(self) -> str:
        return "action_answer_fit"

    def respond(self, dispatcher, tracker, lang):
        text = text_of(tracker)
        products = focused_products(tracker)
        if not products:  # "which air purifier is good for allergies?" is a search
            return show_results(dispatcher, catalog().search(text), lang)
        lines, sources = [], []
        for product in products[:3]:
            verdicts = facts.check_fit(product, text, lang)
            if verdicts:
                overall = "no" if any(v.verdict == "no" for v in verdicts) else "partly" if any(v.verdict == "partly" for v in verdicts) else "yes"
                answer = say(f"fit_{overall}", lang, fact="; ".join(v.fact for v in verdicts if v.fact))
                lines.append(f"{product.name(lang)}: {answer}" if len(products) > 1 else answer)
                sources.append(product.id)
                continue
            sentence = self._evidence(product, text, lang)
            if sentence:
                lines.append(f"{product.name(lang)}: " + say("fit_from_text", lang, sentence=sentence))
                sources.append(product.id)
            else:
                lines.append(say("fit_unknown_product", lang, product=product.name(lang)))
        _reply(dispatcher, "\n".join(lines), sources=sources)
        return [*_focus(products), SlotSet("last_topic", "fit")]

    @staticmethod
    def _evidence(product: Product, question: str, lang: str) -> str | None:
        """The description sentence closest in meaning to the question, if close enough."""
        texts = [t for t in (product.text("description", lang), product.text("fit_notes", lang), product.text("materials", lang)) if t]
        sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 15]
        if not sentences:
            return None
        embedder = catalog().embedder
        question_vector = embedder.encode([question])[0]
        scores = SENTENCE_VECTORS.encode(embedder, sentences) @ question_vector
        best = int(scores.argmax())
        return sentences[best] if scores[best] >= FIT_SIMILARITY else None


_INFO_ASPECTS = {
    "price": ("kost", "preis", "price", "cost", "how much", "wie viel", "wieviel", "teuer", "expensive"),
    "stock": ("lager", "vorrätig", "verfügbar", "stock", "available", "availability", "lieferbar", "ausverkauft", "sold out"),
    "materials": ("material", "made of", "stoff", "fabric", "besteht", "hergestellt", "aus was", "woraus"),
    "care": ("wasch", "wash", "pflege", "care", "reinig", "clean", "trockner", "dryer"),
    "weight": ("schwer", "gewicht", "wiegt", "weight", "weigh", "heavy", "light", "leicht"),
}


class ActionProductInfo(ShopAction):
    def name(self) -> str:
        return "action_product_info"

    def respond(self, dispatcher, tracker, lang):
        text = text_of(tracker).lower()
        products = focused_products(tracker, limit=1)
        if not products:
            result = catalog().search(text_of(tracker))
            if result.hits:
                return show_results(dispatcher, result, lang)
            _reply(dispatcher, say("which_product", lang))
            return []
        product = products[0]
        aspects = [a for a, words in _INFO_ASPECTS.items() if any(w in text for w in words)]
        if not aspects:
            return show_details(dispatcher, product, lang)
        name = product.name(lang)
        lines = []
        for aspect in aspects:
            if aspect == "price":
                lines.append(f"{name}: {facts.price_text(product, lang)}.")
            elif aspect == "stock":
                status = facts.availability(product, lang)
                lines.append(say("stock_summary", lang, product=name, status=status) + " " + " ".join(x for x in (facts.sizes_line(product, lang), facts.colors_line(product, lang)) if x))
            elif aspect in ("materials", "care"):
                value = product.text(aspect, lang)
                lines.append(say(aspect, lang, text=value) if value else say("no_info", lang, product=name))
            elif aspect == "weight":
                weight = product.attributes.get("weight_g")
                lines.append(f"{name}: {weight} g." if weight is not None else say("no_info", lang, product=name))
        _reply(dispatcher, " ".join(lines), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]


class ActionCompareProducts(ShopAction):
    def name(self) -> str:
        return "action_compare_products"

    def respond(self, dispatcher, tracker, lang):
        cat = catalog()
        named = cat.find_named(text_of(tracker))
        candidates = named + [p for p in shown(tracker) if p not in named]
        current = cat.get(tracker.get_slot("current_product"))
        if current and current not in candidates:
            candidates.insert(len(named), current)
        if len(candidates) < 2:
            _reply(dispatcher, say("compare_need_two", lang))
            return []
        a, b = candidates[:2]
        lines = [say("compare_head", lang, a=a.name(lang), b=b.name(lang))]
        lines.append(f"- {say('price', lang)}: {facts.price_text(a, lang)} | {facts.price_text(b, lang)}")
        keys = [k for k in dict.fromkeys([*a.attributes, *b.attributes]) if k in facts.ATTRIBUTE_WORDS or k in ("width", "use", "animal")]
        for key in keys:
            left = facts.attribute_phrase(key, a.attributes.get(key), lang) or "–"
            right = facts.attribute_phrase(key, b.attributes.get(key), lang) or "–"
            lines.append(f"- {left} | {right}")
        if a.sizes() or b.sizes():
            lines.append(f"- {say('sizes', lang)}: {', '.join(a.sizes(in_stock=True)) or say('none', lang)} | {', '.join(b.sizes(in_stock=True)) or say('none', lang)}")
            lines.append(f"- {say('fit', lang)}: {facts.fit_sentence(a, lang)} | {facts.fit_sentence(b, lang)}")
        colors_a = ", ".join(facts.color_name(c, lang) for c in a.colors(in_stock=True))
        colors_b = ", ".join(facts.color_name(c, lang) for c in b.colors(in_stock=True))
        if colors_a or colors_b:
            lines.append(f"- {say('colors', lang)}: {colors_a or '–'} | {colors_b or '–'}")
        for product in (a, b):
            desc = product.text("description", lang)
            if desc:
                lines.append(f"{product.name(lang)}: {facts.first_sentence(desc)}")
        _reply(dispatcher, "\n".join(lines), sources=[a.id, b.id], payload=facts.cards_payload([a, b], lang, cat.config))
        return [SlotSet("shown_products", [a.id, b.id]), SlotSet("current_product", None), SlotSet("last_topic", "compare")]


# --- store policies, people, small talk --------------------------------------------------


class ActionAnswerPolicy(ShopAction):
    def name(self) -> str:
        return "action_answer_policy"

    def respond(self, dispatcher, tracker, lang):
        hits = catalog().policies.search(text_of(tracker), lang, k=2)
        if not hits or hits[0][1] < POLICY_SIMILARITY:
            _reply(dispatcher, say("policy_unknown", lang, handoff=_handoff_text(lang)))
            return [SlotSet("last_topic", "policy")]
        best, score = hits[0]
        chosen = [best]
        if len(hits) > 1 and hits[1][1] >= score - 0.03 and hits[1][0].topic == best.topic:
            chosen.append(hits[1][0])
        text = "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in chosen)
        _reply(dispatcher, text, sources=[f"policy:{p.ref}" for p in chosen])
        return [SlotSet("last_topic", "policy")]


class ActionHandoff(ShopAction):
    def name(self) -> str:
        return "action_handoff"

    def respond(self, dispatcher, tracker, lang):
        _reply(dispatcher, _handoff_text(lang), sources=["store.yml#contact"])
        return [SlotSet("pending_offer", None), SlotSet("handoff_requested", True)]


class ActionFallback(ShopAction):
    def name(self) -> str:
        return "action_fallback"

    def respond(self, dispatcher, tracker, lang):
        _reply(dispatcher, say("fallback", lang), buttons=_handoff_buttons(lang))
        return [SlotSet("pending_offer", "handoff")]


class ActionYesNo(ShopAction):
    def name(self) -> str:
        return "action_yes_no"

    def respond(self, dispatcher, tracker, lang):
        intent = tracker.latest_message.get("intent", {}).get("name")
        if tracker.get_slot("pending_offer") == "handoff" and intent == "affirm":
            _reply(dispatcher, _handoff_text(lang), sources=["store.yml#contact"])
            return [SlotSet("pending_offer", None), SlotSet("handoff_requested", True)]
        if tracker.get_slot("pending_offer") == "return" and intent == "affirm":
            # "ja" to "return it instead?" after a cancellation that came too late
            return [SlotSet("pending_offer", None), FollowupAction("return_form")]
        _reply(dispatcher, say("anything_else", lang))
        return [SlotSet("pending_offer", None)]


class ActionSmalltalk(ShopAction):
    def name(self) -> str:
        return "action_smalltalk"

    def respond(self, dispatcher, tracker, lang):
        cfg = catalog().config
        intent = tracker.latest_message.get("intent", {}).get("name")
        shop = cfg.store.name
        if intent == "greet":
            page = catalog().get(metadata(tracker).get("product_id"))
            if page:
                _reply(dispatcher, say("greet_product", lang, shop=shop, product=page.name(lang)), sources=[page.id])
            else:
                _reply(dispatcher, say("greet", lang, shop=shop, tagline=cfg.store.tagline.get(lang) or ""))
        elif intent == "bot_challenge":
            _reply(dispatcher, say("bot_challenge", lang, shop=shop, handoff=_handoff_text(lang)))
        elif intent in ("goodbye", "thank"):
            _reply(dispatcher, say(intent, lang))
        else:
            _reply(dispatcher, say("anything_else", lang))
        return []


class ActionInvalidInput(ShopAction):
    """Says what was wrong with an empty or oversized message (see bot/nlu_guard.py)."""

    def name(self) -> str:
        return "action_invalid_input"

    def respond(self, dispatcher, tracker, lang):
        raw = tracker.latest_message.get("text") or ""
        if raw.strip() and raw != EMPTY_MESSAGE:
            _reply(dispatcher, say("invalid_long", lang, length=len(raw), limit=MAX_MESSAGE_CHARS))
        else:
            _reply(dispatcher, say("invalid_empty", lang))
        return []
