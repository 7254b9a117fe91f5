"""Product search, elliptical refinements ("and in black?") and picking a shown product."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, ShopAction, focus, handoff_buttons, reply
from actions.compare import ActionCompareProducts, asked_pair
from actions.context import catalog, metadata, named_products, ordinal, shown, text_of
from actions.named_subject import subject_off_page
from actions.option_list_answer import answer_option_list
from actions.policies import answer_searched_policy
from actions.shipping import answer_shipping
from actions.size_asks import (
    asks_for_version,
    names_page_version,
    page_condition,
    page_size_statement,
)
from actions.sizing import answer_size, availability
from actions.store_info import answer_hours
from actions.texts import join, say
from actions.variant_replies import searched_version_note
from catalog.lexicon import find_colors, find_country
from catalog.models import Product
from catalog.off_task import asks_other_task
from catalog.query import Query, find_size, parse_query
from catalog.scope import asks_medical_advice
from catalog.search import SearchResult
from catalog.size_chart import find_measurement
from catalog.variants import find_asked


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
    if asks_other_task(q.text) or asks_medical_advice(q.text):  # whichever action searched it (a policy guess naming a category …)
        reply(dispatcher, say("fallback", lang), buttons=handoff_buttons(lang))
        return [SlotSet("pending_offer", "handoff")]
    if (events := answer_hours(dispatcher, q.text, lang)) is not None:  # "Habt ihr samstags offen?" taken for a search
        return events
    if (events := answer_searched_policy(dispatcher, q.text, lang)) is not None:  # "Kann ich eine Trage ausleihen?", whichever action searched it
        return events
    if not result.hits:
        reply(dispatcher, say("nothing_found", lang), sources=[], buttons=handoff_buttons(lang))
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
    named = cat.find_named(q.text)  # the one product the request names: its asked version's own state
    for i, hit in enumerate(result.hits, start=1):
        currency = cat.config.store.currency  # the asked combination's state first: "in M" and "in blue" apart may hide it
        why = searched_version_note(hit.product, q.text, lang, currency, named=named == [hit.product]) or facts.why_line(hit.product, lang, q.text, hit.matched, q.size, q.max_price, q.colors, currency)
        lines.append(facts.product_line(i, hit.product, lang, cat.config, why))
    products = [h.product for h in result.hits]
    reply(dispatcher, "\n".join(lines), sources=[p.id for p in products], payload=facts.cards_payload(products, lang, cat.config))
    return [
        SlotSet("shown_products", [p.id for p in products]),
        SlotSet("last_search", _query_to_slot(q)),
        SlotSet("last_topic", "search"),
        *focus(products),
    ]


class ActionSearchProducts(ShopAction):
    def name(self) -> str:
        return "action_search_products"

    def respond(self, dispatcher, tracker, lang):
        if asks_other_task(text_of(tracker)):  # "write me a poem about toasters": no product request
            reply(dispatcher, say("fallback", lang), buttons=handoff_buttons(lang))
            return [SlotSet("pending_offer", "handoff")]
        if (events := answer_option_list(dispatcher, tracker, lang)) is not None:  # "Welche Farben gibt es?" on a page
            return events
        if names_page_version(tracker) or page_condition(tracker):  # "Haben Sie den Schneeanzug in 104?" on its page
            return answer_size(dispatcher, tracker, lang)
        if page_size_statement(tracker):  # "hand circumference 20 cm" on the glove's page: its size, not a search
            return answer_size(dispatcher, tracker, lang)
        from actions.product_questions import (  # noqa: PLC0415 (it imports this module)
            ActionProductInfo,
            page_asks_property,
            page_short_question,
        )

        if page_asks_property(tracker, lang):  # "Bis wie viel Grad hält der Stiefel warm?" on the boot's page
            return ActionProductInfo().respond(dispatcher, tracker, lang)
        if asked_pair(text_of(tracker)):  # "Gesichtscreme Alpenrose oder Hyaluron-Serum für fettige Haut?"
            return ActionCompareProducts().respond(dispatcher, tracker, lang)
        if named_size_question(tracker):  # "Bund 97 cm – welche Größe bei der Feincord-Hose?": that one's size
            return answer_size(dispatcher, tracker, lang)
        if subject_off_page(tracker) is not None:  # "Wo wird der Kaschmirpullover hergestellt?": a detail of that one
            return ActionProductInfo().respond(dispatcher, tracker, lang)
        result = catalog().search(text_of(tracker))
        if not result.hits and (events := _page_version(dispatcher, tracker, lang)) is not None:
            return events
        if page_short_question(tracker, result.query.category):  # "waist width?" on the board's page
            return ActionProductInfo().respond(dispatcher, tracker, lang)
        return show_results(dispatcher, result, lang)


_WHICH_SIZE = re.compile(r"\b(?:welche|which|what)\s+(?:größe|grösse|size|nummer)\b", re.I)


def named_size_question(tracker) -> bool:  # noqa: ANN001
    """Off a product page, a question which size to take of the one product it names, taken for a
    search ("Welche Größe der Kinderskijacke Lawine für einen 10-Jährigen?", "which size of the
    Ridgeline boots for a 27 cm foot?"): a size question about that product."""
    if metadata(tracker).get("product_id") or not _WHICH_SIZE.search(text_of(tracker)):
        return False
    return len(named_products(tracker, limit=2)) == 1


def _page_version(dispatcher: CollectingDispatcher, tracker, lang: str) -> Events | None:  # noqa: ANN001
    """"Do you have a 15 kg bag?" on the page of a food sold in 2, 6 and 12 kg, which no search
    finds: the asked version of the page's product, its state and the values offered."""
    page = catalog().get(metadata(tracker).get("product_id"))
    asked = find_asked(page, text_of(tracker)) if page is not None and asks_for_version(tracker) else []
    if not asked:
        return None
    answer, sources = availability(page, asked, lang)
    reply(dispatcher, answer, sources=sources, payload=facts.cards_payload([page], lang, catalog().config))
    return [SlotSet("current_product", page.id), SlotSet("last_topic", "product")]


_CHEAPER = re.compile(r"\b(günstiger|billiger|preiswerter|cheaper|less expensive|lower price|budget)", re.I)


class ActionRefineSearch(ShopAction):
    """Elliptical follow-ups: "and in black?", "size 46?", "cheaper?", "and to Austria?"."""

    def name(self) -> str:
        return "action_refine_search"

    def respond(self, dispatcher, tracker, lang):
        text = text_of(tracker)
        if (events := answer_option_list(dispatcher, tracker, lang)) is not None:  # "Welche Farben gibt es?" on a page
            return events
        topic = tracker.get_slot("last_topic")
        previous = _query_from_slot(tracker.get_slot("last_search"))
        if topic == "shipping" or (find_country(text) and not find_colors(text)):
            return answer_shipping(dispatcher, tracker, lang)
        on_product = metadata(tracker).get("product_id") or (topic in ("size", "product", "fit") and tracker.get_slot("current_product"))
        product = catalog().get(metadata(tracker).get("product_id") or tracker.get_slot("current_product")) if on_product else None
        variant_words = (find_size(text) or find_colors(text) or tracker.get_slot("pending_offer") == "usual_size"
                         or (product is not None and bool(find_asked(product, text) or find_measurement(text))))  # "in 220 cm?", "Innenbein 84 cm?"
        if on_product and (variant_words or page_condition(tracker)) and not (topic == "search" and previous):
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
            result = catalog().search(text_of(tracker)) if position is None else None
            if result is not None and result.confident:  # "hi-vis vest class 2" taken for picking one: a search
                return show_results(dispatcher, result, lang)
            reply(dispatcher, say("nothing_shown", lang))
            return []
        elif position is None or position >= len(shown_products):
            reply(dispatcher, say("no_such_position", lang, count=len(shown_products)))
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
    reply(dispatcher, text, sources=[product.id, *(p.id for p in extras)], payload=facts.cards_payload([product], lang, cat.config))
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
