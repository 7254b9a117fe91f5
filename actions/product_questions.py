"""Questions about products: does it fit a need, facts (price, stock, materials, care,
weight, the asked version), answers quoted from the product's own text when no structured fact
answers (`actions.product_text`), and comparing two products."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet

from actions import facts
from actions.common import ShopAction, focus, handoff_buttons, reply
from actions.context import catalog, focused_products, shown, text_of
from actions.product_text import general_request, quote
from actions.search import show_details, show_results
from actions.sizing import availability
from actions.texts import say
from catalog.models import Product
from catalog.variants import find_asked


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
            typed = ActionProductInfo._attributes(product, text, lang)
            if typed:  # a typed fact the need asks about ("how long does the battery last?")
                lines.extend(typed)
                sources.append(product.id)
                continue
            quoted, _ = quote(product, text, lang, catalog().embedder, catalog().config.categories)
            if quoted:
                lines.append(quoted)
                sources.append(product.id)
            else:
                lines.append(say("fit_unknown_product", lang, product=product.name(lang)))
        unknown = not sources
        if len(products) == 1 and products[0].total_stock == 0:  # a fitting product that cannot be bought says so
            lines.append(say("v_all_sold_out", lang, product=products[0].name(lang)))
        reply(dispatcher, "\n".join(lines), sources=sources, buttons=handoff_buttons(lang) if unknown else None)
        return [*focus(products), SlotSet("last_topic", "fit"), *([SlotSet("pending_offer", "handoff")] if unknown else [])]


_INFO_ASPECTS = {
    # not a bare "wie viel" / "how much": "wie viel wiegt", "how much water does it hold" ask no price
    "price": ("kost", "preis", "price", "cost", "how much is", "how much are", "teuer", "expensive", "günstig", "cheap"),
    "stock": ("lager", "vorrätig", "verfügbar", "stock", "available", "availability", "lieferbar", "ausverkauft", "sold out",
              "bestellbar", "bestellen", "kaufen", "zu haben", "order it", "order this", "order the", "order one", "buy"),
    # not "hergestellt" alone: "wo wird er hergestellt?" asks where, not what of
    "materials": ("material", "made of", "stoff", "fabric", "besteht", "aus was", "woraus"),
    "care": ("wasch", "wash", "pflege", "care", "reinig", "clean", "trockner", "dryer"),
    "weight": ("schwer", "gewicht", "wiegt", "weight", "weigh", "heavy", "light", "leicht"),
}


_ORIGIN = re.compile(r"\b(?:wo\b.*\b(?:hergestellt|produziert|gefertigt|gemacht)|herkunft|herstellungsland|where\b.*\b(?:made|produced|manufactured)|made in\b|country of origin|origin)", re.I)
# a question about a version's availability ("is the black one waterproof?" is not)
_AVAILABILITY = re.compile(
    r"\b(?:gibt es|gibt's|haben sie|habt ihr|hast du|vorrätig|verfügbar|lieferbar|lager|ausverkauft|noch da|bestell|kaufen"
    r"|zu haben|bekomm|erhältlich|do you (?:still )?have|have you got|got it|get it|can i get|available|in stock|stock|sold out|order|buy)",
    re.I,
)


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
            reply(dispatcher, say("which_product", lang))
            return []
        product = products[0]
        name = product.name(lang)
        asked = find_asked(product, text_of(tracker))
        if asked and (_AVAILABILITY.search(text) or len(text.split()) <= 4):  # "is the 2-litre one in stock?", "die in Anthrazit?"
            answer, sources = availability(product, asked, lang)
            reply(dispatcher, answer, sources=sources, payload=facts.cards_payload([product], lang, catalog().config))
            return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
        aspects = [a for a, words in _INFO_ASPECTS.items() if any(re.search(rf"\b{re.escape(w)}", text) for w in words)]  # word starts: not "Luftreiniger"
        if not aspects and general_request(text_of(tracker), name):
            return show_details(dispatcher, product, lang)
        lines = [say("v_all_sold_out", lang, product=name)] if product.total_stock == 0 else []
        known = True
        attributes = self._attributes(product, text_of(tracker), lang)
        if attributes:  # "how big a room can it clean?" is the room size, not the care text
            lines += attributes
            aspects = [a for a in aspects if a in ("price", "stock")]
        for aspect in aspects:
            if aspect == "price":
                lines.append(f"{name}: {facts.price_text(product, lang, catalog().config.store.currency)}.")
            elif aspect == "stock":
                status = facts.availability(product, lang)
                if product.total_stock > 0:
                    lines.append(say("stock_summary", lang, product=name, status=status) + " " + " ".join(x for x in (facts.sizes_line(product, lang), facts.colors_line(product, lang)) if x))
            elif aspect in ("materials", "care") and product.text(aspect, lang):
                lines.append(say(aspect, lang, text=product.text(aspect, lang)))
            elif aspect == "weight" and product.attributes.get("weight_g") is not None:
                lines.append(f"{name}: {product.attributes['weight_g']} g.")
            else:
                answered = self._from_text(product, text_of(tracker), lang)
                known = known and answered is not None
                lines.append(answered or say("no_info", lang, product=name))
        if not aspects and not attributes:
            answered = self._from_text(product, text_of(tracker), lang)
            known = answered is not None
            lines.append(answered or say("no_info", lang, product=name))
        lines = list(dict.fromkeys(lines))
        reply(dispatcher, " ".join(lines), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config),
              buttons=None if known else handoff_buttons(lang))  # fmt: skip
        events = [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
        return events if known else [*events, SlotSet("pending_offer", "handoff")]

    @staticmethod
    def _attributes(product: Product, question: str, lang: str) -> list[str]:
        """The typed facts the question asks about that the product has, each with its source
        sentence quoted when it was read from the text (`facts.answered_facts`)."""
        if _ORIGIN.search(question):  # "wo wird er hergestellt?" asks where, which no material answers
            return []
        return [f"{product.name(lang)}: {line}" for line in facts.answered_facts(product, question, lang).values() if line]

    @staticmethod
    def _from_text(product: Product, question: str, lang: str) -> str | None:
        """The sentence of the product's text that answers the question."""
        return quote(product, question, lang, catalog().embedder, catalog().config.categories)[0]


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
            reply(dispatcher, say("compare_need_two", lang))
            return []
        a, b = candidates[:2]
        lines = [say("compare_head", lang, a=a.name(lang), b=b.name(lang))]
        currency = cat.config.store.currency
        lines.append(f"- {say('price', lang)}: {facts.price_text(a, lang, currency)} | {facts.price_text(b, lang, currency)}")
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
        reply(dispatcher, "\n".join(lines), sources=[a.id, b.id], payload=facts.cards_payload([a, b], lang, cat.config))
        return [SlotSet("shown_products", [a.id, b.id]), SlotSet("current_product", None), SlotSet("last_topic", "compare")]
