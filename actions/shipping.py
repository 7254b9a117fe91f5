"""Shipping questions: cost, carrier and delivery window for a country (store config)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import Events, ShopAction, handoff_text, reply
from actions.context import asked_about, catalog, metadata, text_of
from actions.policies import answer_policy
from actions.size_asks import asks_for_version
from actions.sizing import answer_size
from actions.store_info import asks_hours
from actions.texts import clock, day, join, money, say
from catalog.lexicon import country_name, find_country
from catalog.policy_aspects import question_aspects, section_aspects
from catalog.shipping import quote

# words of a question about shipping (a country is one too)
_SHIPPING_WORDS = re.compile(
    r"versand|versend|verschick|liefer|\bschick|porto|zustell|paket|ankomm|\bzoll|abhol"
    r"|\bship|deliver|postage|parcel|arriv|customs|pick\s*up|collect",
    re.I,
)


# what a zone's quote does not cover: bulky goods come by freight at a price of their own, a
# same-day courier or express delivery is a service of its own
_BEYOND_QUOTE = {"freight", "express", "locker", "island"}


def policy_beyond_quote(text: str, lang: str) -> bool:
    """The policies have a section whose heading names what the question asks beyond a zone's quote
    ("How is the loft bed delivered?" -> "Furniture and freight", "same day in Munich?" -> "Same-day
    courier in Munich")."""
    asked = question_aspects(text) & _BEYOND_QUOTE
    chosen = catalog().policies.answer(text, lang) if asked else []
    return bool(chosen) and bool(section_aspects(chosen[0].heading) & asked)


def express_unmentioned(text: str, lang: str, zones: list, passages: list) -> bool:
    """The question asks for express, courier or next-day delivery and neither a zone (its carrier
    or note) nor any policy text in the shopper's language names such a service: the zone's
    standard quote is then said to be all the shop states."""
    if "express" not in question_aspects(text):
        return False
    zone_texts = [f"{z.carrier} {' '.join((z.note or {}).values())}" for z in zones]
    texts = [*zone_texts, *(f"{p.heading} {p.text}" for p in passages if p.lang == lang)]
    return not any("express" in section_aspects(t) for t in texts)


# what a shop states in a sentence of its own, beyond a zone's quote: express or courier delivery,
# parcel lockers and post offices, islands excepted from a country's zone
_STATED = ("express", "locker", "island")
# a sentence's end, not an abbreviation's dot ("e.g. Canary Islands", "z. B. Kanaren")
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?:])(?<!e\.g\.)(?<!i\.e\.)(?<!z\. B\.)(?<!\bca\.)(?<!bzw\.)(?<!etc\.)(?<!inkl\.)(?<!ggf\.)(?<!usw\.)"
                           r"(?<!\bvs\.)(?<!\bz\.)(?<!\bd\.)(?<!\bu\.)\s+(?:[-*•]\s+)?(?=[A-ZÄÖÜ*])")


def express_sentence(text: str, lang: str, passages: list, notes: tuple[str, ...] = ()) -> str | None:
    """The sentence of the policies (or of a zone's note) in the shopper's language that says what
    the shop states on what the question asks beyond a zone's quote ("Eine Expresszustellung gibt
    es nicht.", "Lieferung an DHL-Packstationen ist möglich.", "We do not deliver to islands."),
    when no heading is about it (then `policy_beyond_quote` answers with the section)."""
    asked = [a for a in _STATED if a in question_aspects(text)]
    if not asked:
        return None
    texts = [p.text for p in passages if p.lang == lang] + list(notes)
    for aspect in asked:
        for body in texts:
            for line in _SENTENCE_END.split(body):
                sentence = re.sub(r"^[-*•\s]+|\*\*", "", line).strip()
                if sentence and len(sentence) <= 200 and aspect in section_aspects(sentence):
                    return sentence
    return None


def answer_shipping(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    cfg = catalog().config
    text = text_of(tracker)
    # collecting, paying, or a return's shipping ("pay for the return shipping from Switzerland?"): no shipping zone, the policies say
    asked = question_aspects(text)  # paying ("Do you take American Express?") is no shipping either
    paying = "payment" in asked and "shipping" not in asked and not find_country(text)  # "pay import VAT if you send it to Hamburg?" is shipping
    if {"pickup", "returns"} & asked or paying or asks_hours(text) or policy_beyond_quote(text, lang):
        return answer_policy(dispatcher, tracker, lang)
    if asks_for_version(tracker, sizes=False):  # "do you have it in navy?" asks for a version, not for shipping
        return answer_size(dispatcher, tracker, lang)
    if not find_country(text) and not _SHIPPING_WORDS.search(text):
        from actions.product_questions import (  # imports actions.search, which imports this
            ActionProductInfo,
            page_asks_property,
            page_question,
        )

        # "Is it PVC free?" on a product page asks about the product, and so does "Is the DWR
        # PFC-free?" that the classifier gave shipping alone: a sentence of the page's text answers it
        if page_question(tracker) or page_asks_property(tracker, lang):
            return ActionProductInfo().respond(dispatcher, tracker, lang)
    country = find_country(text) or metadata(tracker).get("country") or tracker.get_slot("shipping_country")
    zones = join([z.name.get(lang) or z.code for z in cfg.shipping.zones], lang)
    if not country:
        country = cfg.shipping.zones[0].countries[0]  # the home market first, then ask
        ask = say("ship_ask_country", lang, zones=zones)
    else:
        ask = ""
    q = quote(cfg, country)
    if q is None:
        reply(dispatcher, say("ship_no_zone", lang, country=country_name(country, lang), zones=zones), sources=["store.yml#shipping.zones"])
        return [SlotSet("last_topic", "shipping")]
    free = say("ship_free_from", lang, amount=money(q.free_from, lang, cfg.store.currency)) if q.free_from is not None else ""
    cost = say("free", lang) if q.cost == 0 else money(q.cost, lang, cfg.store.currency)
    days = f"{q.zone.days[0]}–{q.zone.days[1]}" if q.zone.days[0] != q.zone.days[1] else str(q.zone.days[0])
    unmentioned = express_unmentioned(text, lang, cfg.shipping.zones, catalog().policies.passages)
    lines = [say("ship_express_unknown", lang)] if unmentioned else []  # "Gibt es Expressversand?" where the shop names none
    notes = tuple(z.note.get(lang) or "" for z in cfg.shipping.zones if z.note)
    stated = None if unmentioned else express_sentence(text, lang, catalog().policies.passages, notes)
    if stated and ask and "island" in asked:  # "Do you deliver to Tenerife?": what the shop says of islands, no home quote
        reply(dispatcher, f"{stated} {ask}", sources=["store.yml#shipping.zones"])
        return [SlotSet("last_topic", "shipping")]
    if stated:
        lines.append(stated)  # "Eine Expresszustellung gibt es nicht." where a policy says so
    lines.append(say("ship_quote", lang, country=country_name(country, lang), carrier=q.zone.carrier, days=days, cost=cost, free=free))
    product = asked_about(tracker)  # a shipping question is not bent onto the last product shown
    products = [product] if product else []
    sources = [f"store.yml#shipping.zones.{q.zone.code}"]
    if products and q.free_from is not None and products[0].min_price >= q.free_from and q.cost > 0:
        lines.append(say("ship_free_for_product", lang, product=products[0].name(lang), price=money(products[0].min_price, lang, cfg.store.currency)))
        sources.append(products[0].id)
    window = say("window_day", lang, a=day(q.earliest, lang)) if q.earliest == q.latest else say("window_range", lang, a=day(q.earliest, lang), b=day(q.latest, lang))
    lines.append(say("ship_window", lang, ship=day(q.ship_date, lang), window=window, cutoff=clock(cfg.shipping.cutoff_time, lang)))
    if q.zone.note:
        lines.append(q.zone.note.get(lang) or next(iter(q.zone.note.values())))
    if ask:
        lines.append(ask)
    if unmentioned:
        lines.append(handoff_text(lang))
    reply(dispatcher, " ".join(lines), sources=sources)
    return [SlotSet("shipping_country", country if not ask else tracker.get_slot("shipping_country")), SlotSet("last_topic", "shipping")]


class ActionAnswerShipping(ShopAction):
    def name(self) -> str:
        return "action_answer_shipping"

    def respond(self, dispatcher, tracker, lang):
        return answer_shipping(dispatcher, tracker, lang)
