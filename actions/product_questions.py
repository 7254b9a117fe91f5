"""Questions about products: does it fit a need, facts (price, stock, materials, care,
weight) and comparing two products."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet

from actions import facts
from actions.common import ShopAction, focus, reply
from actions.context import catalog, focused_products, shown, text_of
from actions.search import show_details, show_results
from actions.texts import say
from catalog.embedder import VectorCache
from catalog.models import Product

FIT_SIMILARITY = 0.45  # a description sentence this close to the question is quoted as evidence
SENTENCE_VECTORS = VectorCache()  # product text sentences, embedded once per action-server process


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
        reply(dispatcher, "\n".join(lines), sources=sources)
        return [*focus(products), SlotSet("last_topic", "fit")]

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
            reply(dispatcher, say("which_product", lang))
            return []
        product = products[0]
        aspects = [a for a, words in _INFO_ASPECTS.items() if any(w in text for w in words)]
        if not aspects:
            return show_details(dispatcher, product, lang)
        name = product.name(lang)
        lines = []
        for aspect in aspects:
            if aspect == "price":
                lines.append(f"{name}: {facts.price_text(product, lang, catalog().config.store.currency)}.")
            elif aspect == "stock":
                status = facts.availability(product, lang)
                lines.append(say("stock_summary", lang, product=name, status=status) + " " + " ".join(x for x in (facts.sizes_line(product, lang), facts.colors_line(product, lang)) if x))
            elif aspect in ("materials", "care"):
                value = product.text(aspect, lang)
                lines.append(say(aspect, lang, text=value) if value else say("no_info", lang, product=name))
            elif aspect == "weight":
                weight = product.attributes.get("weight_g")
                lines.append(f"{name}: {weight} g." if weight is not None else say("no_info", lang, product=name))
        reply(dispatcher, " ".join(lines), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
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
