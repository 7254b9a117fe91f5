"""Exchanges: which item, which other version (size/colour, in stock), confirmation and the
exchange itself."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.context import catalog, orders
from actions.order_common import (
    TASK_SLOTS,
    OrderAction,
    blocked,
    eligibility,
    item_text,
    items_list,
    order_error,
    pick_lines,
    product_of,
    reply,
    reset_task,
    task_message,
    title_of,
    tracker_language,
    variant_text,
    verified_order,
    why_not,
    write_key,
    yes_no_buttons,
)
from actions.order_forms import OrderFormValidation, validate_confirmation
from actions.size_asks import wanted_size
from actions.texts import join, say
from catalog.lexicon import find_colors
from catalog.models import Product, Variant
from catalog.sizes import normalize_letter
from orders.api import Order, OrderError, OrderItem


def exchangeable(order: Order) -> list[OrderItem]:
    verdicts = eligibility(order)
    out = []
    for item in order.items:
        product = product_of(item)
        if verdicts[item.line_id].ok and product and any(v.sku != item.sku for v in product.variants):
            out.append(item)
    return out


def _variant_label(variant: Variant, lang: str) -> str:
    """ "size L in red": one version in a list of versions."""
    if variant.size and variant.color:
        return say("variant_label", lang, size=variant.size, color=facts.color_name(variant.color, lang))
    return variant_text(variant.size, variant.color, lang)


def in_stock_alternatives(item: OrderItem, product: Product, around: Variant | None = None) -> list[Variant]:
    """Versions in stock that keep the size or the colour of `around` (the wanted version) or
    else of the bought one."""
    size, color = (around.size, around.color) if around else (item.size, item.color)
    return [v for v in product.variants
            if v.sku not in (item.sku, around.sku if around else None) and (v.size == size or v.color == color)
            and orders().available_stock(v.sku) > 0]  # fmt: skip


def wanted_variant(text: str, item: OrderItem, product: Product) -> tuple[Variant | None, str | None]:
    """(the variant the text asks for, what was asked in words) – size and/or colour; what
    is not named stays as in the order ("in L" keeps the colour)."""
    lowered = text.lower()
    for variant in product.variants:  # a button sends the SKU itself
        if variant.sku.lower() in lowered:
            return variant, variant.sku
    size = wanted_size(lowered, product) if product.sizes() else None
    colors = find_colors(text)
    color = colors[0] if colors else None
    if size is None and color is None:
        return None, None
    want_size = normalize_letter(size) if size else (normalize_letter(item.size) if item.size else None)
    want_color = color or item.color
    for variant in product.variants:
        if (want_size is None or (variant.size and normalize_letter(variant.size) == want_size)) and (want_color is None or variant.color == want_color):
            return variant, " ".join(x for x in (size, color) if x)
    return None, " ".join(x for x in (size, color) if x)


class ValidateExchangeForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_exchange_form"

    def task_slots(self, order, tracker):  # noqa: ANN001
        return TASK_SLOTS["exchange_form"] if exchangeable(order) else []

    def after_proof(self, order, tracker):  # noqa: ANN001
        candidates = exchangeable(order)
        if not candidates:
            return {}
        text = task_message(tracker)
        picked = [line for line in pick_lines(text, order.items) if line in {i.line_id for i in candidates}]
        if len(picked) != 1 and len(candidates) == 1:
            picked = [candidates[0].line_id]
        if len(picked) != 1:
            return {}
        result: dict[str, Any] = {"exchange_item": picked[0]}
        item = next(i for i in candidates if i.line_id == picked[0])
        product = product_of(item)
        variant, _ = wanted_variant(text, item, product) if product else (None, None)
        if variant and variant.sku != item.sku and orders().available_stock(variant.sku) > 0:
            result["exchange_variant"] = variant.sku
        return result

    def validate_exchange_item(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = tracker_language(tracker)
        order = verified_order(tracker)
        if order is None:
            return {"exchange_item": None}
        candidates = {i.line_id: i for i in exchangeable(order)}
        if isinstance(value, int) or str(value).isdigit() and int(value) in candidates:
            return {"exchange_item": int(value)} if int(value) in candidates else {"exchange_item": None}
        picked = pick_lines(str(value or ""), order.items)
        good = [line for line in picked if line in candidates]
        if len(good) == 1:
            return {"exchange_item": good[0]}
        if len(good) > 1:
            reply(dispatcher, say("exchange_one_at_a_time", lang))
        elif picked:
            verdicts = eligibility(order)
            items = {i.line_id: i for i in order.items}
            whys = [say("items_not_eligible", lang, title=title_of(items[line], lang), why=why_not(verdicts[line], lang) if not verdicts[line].ok else say("why_no_variants", lang)) for line in picked]
            reply(dispatcher, " ".join(whys), order)
        else:
            reply(dispatcher, say("items_unclear", lang))
        return {"exchange_item": None}

    def validate_exchange_variant(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = tracker_language(tracker)
        order = verified_order(tracker)
        item = next((i for i in order.items if i.line_id == tracker.get_slot("exchange_item")), None) if order else None
        product = product_of(item) if item else None
        if item is None or product is None:
            return {"exchange_variant": None}
        variant, asked = wanted_variant(str(value or ""), item, product)
        offered = say("variant_offered", lang, sizes=", ".join(product.sizes()) or "–", colors=", ".join(facts.color_name(c, lang) for c in product.colors()) or "–")
        if asked is None:
            reply(dispatcher, say("variant_unclear", lang, offered=offered))
            return {"exchange_variant": None}
        name = product.name(lang)
        if variant is None:
            reply(dispatcher, say("variant_not_offered", lang, product=name, wanted=asked, offered=offered))
            return {"exchange_variant": None}
        if variant.sku == item.sku:
            reply(dispatcher, say("variant_same", lang))
            return {"exchange_variant": None}
        if orders().available_stock(variant.sku) > 0:
            return {"exchange_variant": variant.sku}
        self._sold_out(dispatcher, item, product, variant, lang, order)
        return {"exchange_variant": None}

    @staticmethod
    def _sold_out(dispatcher: CollectingDispatcher, item: OrderItem, product: Product, variant: Variant, lang: str, order: Order) -> None:
        """Out of stock: the in-stock versions, similar products in the wanted size, or a refund."""
        lines = [say("variant_sold_out", lang, product=product.name(lang), wanted=_variant_label(variant, lang))]
        others = in_stock_alternatives(item, product, variant)
        buttons = [{"title": _variant_label(v, lang), "payload": f'/provide_order_info{{"variant": "{v.sku}"}}'} for v in others[:4]]
        if others:
            lines.append(say("variant_alternatives", lang, options=join([_variant_label(v, lang) for v in others], lang)))
        if variant.size:
            size = normalize_letter(variant.size)
            similar = [p for p in catalog().similar(product, limit=8)
                       if any(v.size and normalize_letter(v.size) == size and v.stock > 0 for v in p.variants)][:2]  # fmt: skip
            if similar:
                lines.append(say("variant_similar", lang, size=variant.size, names=join([p.name(lang) for p in similar], lang)))
        lines.append(say("variant_refund_offer", lang))
        buttons.append({"title": say("refund_instead", lang), "payload": "/return_item"})
        reply(dispatcher, " ".join(lines), order, buttons)

    def validate_exchange_confirm(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return validate_confirmation("exchange_confirm", value, dispatcher, tracker)


def _exchange_parts(order: Order, tracker: Tracker) -> tuple[OrderItem | None, Product | None, Variant | None]:
    item = next((i for i in order.items if i.line_id == tracker.get_slot("exchange_item")), None)
    product = product_of(item) if item else None
    variant = next((v for v in product.variants if v.sku == tracker.get_slot("exchange_variant")), None) if product else None
    return item, product, variant


class ActionAskExchangeItem(OrderAction):
    def name(self) -> str:
        return "action_ask_exchange_item"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        candidates = {i.line_id for i in exchangeable(order)}
        buttons = [{"title": f"{n}. {title_of(i, lang)}", "payload": f'/provide_order_info{{"item": "{n}"}}'}
                   for n, i in enumerate(order.items, start=1) if i.line_id in candidates]  # fmt: skip
        reply(dispatcher, say("ask_exchange_item", lang, number=order.number) + "\n" + items_list(order, lang), order, buttons)
        return []


class ActionAskExchangeVariant(OrderAction):
    def name(self) -> str:
        return "action_ask_exchange_variant"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        item, product, _ = _exchange_parts(order, tracker)
        if item is None or product is None:
            return []
        others = in_stock_alternatives(item, product)
        name = item_text(item, lang, qty=False)
        if not others:
            reply(dispatcher, say("ask_exchange_variant_none", lang, item=name), order, [{"title": say("refund_instead", lang), "payload": "/return_item"}])
            return []
        buttons = [{"title": _variant_label(v, lang), "payload": f'/provide_order_info{{"variant": "{v.sku}"}}'} for v in others[:6]]
        reply(dispatcher, say("ask_exchange_variant", lang, item=name, options=join([_variant_label(v, lang) for v in others], lang)), order, buttons)
        return []


class ActionAskExchangeConfirm(OrderAction):
    def name(self) -> str:
        return "action_ask_exchange_confirm"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        item, product, variant = _exchange_parts(order, tracker)
        if item is None or variant is None:
            return []
        text = say("ask_exchange_confirm", lang, item=title_of(item, lang), number=order.number,
                   old=variant_text(item.size, item.color, lang), new=_variant_label(variant, lang))  # fmt: skip
        reply(dispatcher, text, order, yes_no_buttons(lang))
        return []


def _exchange_reason(item: OrderItem, product: Product, variant: Variant) -> str:
    sizes = product.sizes()
    if item.size in sizes and variant.size in sizes and item.size != variant.size:
        return "too_small" if sizes.index(variant.size) > sizes.index(item.size) else "too_large"
    return "other"


class ActionSubmitExchange(OrderAction):
    def name(self) -> str:
        return "action_submit_exchange"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if blocked(dispatcher, tracker, lang, order):
            return reset_task()
        item, product, variant = _exchange_parts(order, tracker)
        if item is None:  # nothing in the order can be exchanged: say why
            verdicts = eligibility(order)
            whys = [say("items_not_eligible", lang, title=title_of(i, lang), why=why_not(verdicts[i.line_id], lang) if not verdicts[i.line_id].ok else say("why_no_variants", lang))
                    for i in order.items]  # fmt: skip
            reply(dispatcher, say("nothing_exchangeable", lang, number=order.number) + "\n" + "\n".join(whys), order)
            return reset_task()
        if tracker.get_slot("exchange_confirm") is not True or product is None or variant is None:
            reply(dispatcher, say("exchange_declined", lang), order)
            return reset_task()
        try:
            made = orders().create_exchange(order.number, item.line_id, variant.sku, _exchange_reason(item, product, variant),
                                            idempotency_key=write_key(tracker, "exchange"))  # fmt: skip
        except OrderError as exc:
            order_error(dispatcher, exc, lang, order)
            return reset_task()
        cfg = catalog().config
        address = (cfg.returns.address or cfg.contact.email).replace("\n", ", ")
        reply(dispatcher, say("exchange_done", lang, reference=made.reference, product=product.name(lang), new=_variant_label(variant, lang),
                               label=made.label_url, item=title_of(item, lang), old=variant_text(item.size, item.color, lang), address=address), order)  # fmt: skip
        return reset_task()
