"""Order status: asking for the proof, the status answer and stopping an order task."""

from __future__ import annotations

import datetime as dt

from rasa_sdk.events import SlotSet

from actions.context import catalog, orders, text_of
from actions.order_common import (
    TASK_INTENTS,
    OrderAction,
    blocked,
    date_text,
    intent_of,
    items_short,
    reply,
    reset_task,
    tidy,
)
from actions.order_proof import postcode_refused
from actions.policies import rules_asked
from actions.texts import day, join, money, say
from catalog.models import Product
from catalog.other_shop import other_shop
from orders import parse, policy
from orders.api import Order


def named_other_shop(tracker) -> str | None:  # noqa: ANN001
    """The other shop an order-status message names ("Where is my Zalando order?"), if any."""
    if intent_of(tracker) != "order_status":
        return None
    cat = catalog()
    cfg = cat.config
    own = [cfg.store.name, cfg.store.url, *(z.carrier for z in cfg.shipping.zones), *cfg.shipping.tracking_urls]
    brands = {p.vendor for p in cat.products.values() if p.vendor}
    return other_shop(text_of(tracker), own, brands, lambda w: cat.names.df(w) > 0 or w in cat.names.generic)


def size_statement(tracker) -> bool:  # noqa: ANN001
    """"he weighs 12 kg", "Brustumfang 100 cm" on a product's page, taken for an order number that
    starts an order task: the shopper's measures for that product's size (`page_size_statement`)."""
    from actions.size_asks import page_size_statement  # noqa: PLC0415 (the size modules import the shop side)

    if intent_of(tracker) not in ("provide_order_info", "order_status") or tracker.get_slot("order_number") or tracker.get_slot("order_contact"):
        return False
    return page_size_statement(tracker)


class ActionAskOrderNumber(OrderAction):
    def name(self) -> str:
        return "action_ask_order_number"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        starting = intent_of(tracker) in TASK_INTENTS and not tracker.get_slot("order_contact")
        if starting and order is None and (shop := named_other_shop(tracker)):
            # the refusal ends the form; its "complete at once" rule then runs action_order_status, which stays silent
            reply(dispatcher, say("other_shop_order", lang, shop=shop, store=catalog().config.store.name))
            return [SlotSet("requested_slot", None)]
        if order is None and size_statement(tracker):  # "1.74 m, 80 kg" on a ski's page: its length, no order task
            from actions.sizing import answer_size  # noqa: PLC0415

            return [*answer_size(dispatcher, tracker, lang), SlotSet("requested_slot", None)]
        ask = say("ask_order_number" if starting else "ask_order_number_again", lang)
        if starting and intent_of(tracker) in ("return_item", "exchange_item") and (rules := rules_asked(text_of(tracker), lang)):
            ask = "\n".join([*rules, say("ask_order_number_if_ordered", lang)])  # the rule asked first, then the task
        reply(dispatcher, ask)
        return []


class ActionAskOrderContact(OrderAction):
    def name(self) -> str:
        return "action_ask_order_contact"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        # after wrong postcodes for this order number only its e-mail address opens it
        reply(dispatcher, say("ask_order_email" if postcode_refused(tracker) else "ask_order_contact", lang))
        return []


def status_text(order: Order, lang: str, now: dt.datetime | None = None) -> str:
    cfg = catalog().config
    lines = [say("order_head", lang, number=order.number, date=date_text(order.created_at, lang), status=say(f"status_{order.status}", lang))]
    lines.append(say("order_items", lang, items=items_short(order, lang), total=money(order.total, lang, cfg.store.currency)))
    if order.carrier and order.tracking_number and order.status in ("shipped", "out_for_delivery", "delivered"):
        key = "order_tracking" if order.tracking_url else "order_tracking_no_url"
        lines.append(say(key, lang, carrier=order.carrier, tracking=order.tracking_number, url=order.tracking_url))
    window = policy.delivery_window(order, cfg, now)
    if window:
        span = say("window_day", lang, a=day(window.earliest, lang)) if window.earliest == window.latest else say("window_range", lang, a=day(window.earliest, lang), b=day(window.latest, lang))
        if window.shipped:
            lines.append(say("order_window", lang, window=span))
        else:
            lines.append(say("order_window_dispatch", lang, ship=day(window.ship_date, lang), window=span))
    if order.status == "delivered" and order.delivered_at:
        lines.append(say("order_delivered_on", lang, date=date_text(order.delivered_at, lang)))
        deadline = policy.return_deadline(order, cfg)
        if deadline and deadline >= policy.local_date(now or dt.datetime.now(dt.timezone.utc), cfg):
            lines.append(say("order_return_until", lang, date=day(deadline, lang)))
    return " ".join(lines)


def after_delivery(order: Order, lang: str) -> tuple[str, list[str]]:
    """One or two products that complete a delivered order and a review invitation: short, optional."""
    cat = catalog()
    bought = [p for i in order.items if (p := cat.get(i.product_id))]
    if not bought:
        return "", []
    owned = {p.id for p in bought}
    extras: list[Product] = []
    for product in bought:
        for other in cat.complements(product):
            if other.id not in owned and other not in extras:
                extras.append(other)
    extras = extras[:2]
    lines = []
    if extras:
        lines.append(say("order_complements", lang, names=join([p.name(lang) for p in extras], lang)))
    lines.append(say("order_review", lang, product=bought[0].name(lang), url=cat.config.product_url(bought[0].id, lang)))
    return " ".join(lines), [p.id for p in extras]


class ActionOrderStatus(OrderAction):
    def name(self) -> str:
        return "action_order_status"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None and (named_other_shop(tracker) or size_statement(tracker)):
            return reset_task()  # the order of another shop was refused, or the size answered, when the form asked
        if blocked(dispatcher, tracker, lang, order):
            return []
        text = status_text(order, lang)
        sources = [f"order:{order.number}"]
        if order.status == "delivered":
            extra, ids = after_delivery(order, lang)
            if extra:
                text += "\n" + extra
                sources += ids
        buttons = None
        info = parse.parse(tracker.get_slot("order_contact") or "", expect="contact")
        if info.email:  # the e-mail is proven: its other orders may be listed
            others = [o for o in orders().list_by_email(info.email) if o.number != order.number][:5]
            if others:
                text += "\n" + say("order_others", lang)
                buttons = [{"title": say("order_pick", lang, number=o.number, date=date_text(o.created_at, lang), status=say(f"status_{o.status}", lang)),
                            "payload": f'/order_status{{"order_number": "{o.number}"}}'} for o in others]  # fmt: skip
        dispatcher.utter_message(text=tidy(text), buttons=buttons, sources=sources)
        return []


class ActionOrderStopped(OrderAction):
    def name(self) -> str:
        return "action_order_stopped"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        reply(dispatcher, say("order_stopped", lang))
        return [*reset_task(), SlotSet("requested_slot", None)]
