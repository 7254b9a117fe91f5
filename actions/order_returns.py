"""Returns: which items, why, confirmation and the return itself (RMA, label, refund)."""

from __future__ import annotations

import re

from actions.context import catalog, orders
from actions.order_common import (
    TASK_SLOTS,
    OrderAction,
    blocked,
    chosen_text,
    eligibility,
    items_list,
    order_error,
    pick_lines,
    reply,
    reset_task,
    task_message,
    title_of,
    tracker_language,
    verified_order,
    why_not,
    write_key,
    yes_no_buttons,
)
from actions.order_forms import OrderFormValidation, validate_confirmation
from actions.texts import money, say
from orders import parse, policy
from orders.api import RETURN_REASONS, Order, OrderError, ReturnLine

_REASON_WORDS: tuple[tuple[str, str], ...] = (
    ("too_small", r"zu (klein|eng|kurz)|too (small|tight|short)|kleiner als|smaller than"),
    ("too_large", r"zu (groß|gross|weit|lang)|too (big|large|loose|long)"),
    ("damaged", r"kaputt|beschädigt|defekt|gerissen|broken|damaged|faulty|defective|torn|doesn'?t work|funktioniert nicht"),
    ("wrong_item", r"falsche[nrs]? (artikel|größe|farbe|produkt)|falsch geliefert|wrong (item|size|colou?r|product)|not what i ordered|nicht bestellt"),
    ("not_as_described", r"nicht wie beschrieben|anders als|not as described|different from|doesn'?t look like"),
    ("changed_mind", r"gefällt (mir )?nicht|nicht mehr|anders überlegt|brauche? (es|ihn|sie) nicht|changed my mind|don'?t (like|need|want)|no longer"),
)


def reason_of(text: str) -> str:
    lowered = text.lower()
    for code in RETURN_REASONS:
        if re.search(rf"\b{code}\b", lowered):
            return code
    for code, pattern in _REASON_WORDS:
        if re.search(pattern, lowered):
            return code
    return "other"


class ValidateReturnForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_return_form"

    def task_slots(self, order, tracker):  # noqa: ANN001
        verdicts = eligibility(order)
        return TASK_SLOTS["return_form"] if any(v.ok for v in verdicts.values()) else []

    def after_proof(self, order, tracker):  # noqa: ANN001
        verdicts = eligibility(order)
        ok = [i for i in order.items if verdicts[i.line_id].ok]
        if not ok:
            return {}
        picked = pick_lines(task_message(tracker), order.items)
        if picked and all(verdicts[line].ok for line in picked):
            return {"return_items": picked}
        return {}

    def validate_return_items(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        lang = tracker_language(tracker)
        order = verified_order(tracker)
        if order is None:
            return {"return_items": None}
        verdicts = eligibility(order)
        if isinstance(value, list):
            picked = [int(v) for v in value if str(v).isdigit()]
        else:
            picked = pick_lines(str(value or ""), order.items)
        items = {i.line_id: i for i in order.items}
        if parse.ALL_WORDS.search(str(value or "")) and not isinstance(value, list):
            picked = [line for line in picked if verdicts[line].ok]
        good = [line for line in picked if line in items and verdicts[line].ok]
        bad = [line for line in picked if line in items and not verdicts[line].ok]
        if bad:
            reply(dispatcher, " ".join(say("items_not_eligible", lang, title=title_of(items[line], lang), why=why_not(verdicts[line], lang)) for line in bad), order)
        if good and not bad:
            return {"return_items": good}
        if not bad:
            reply(dispatcher, say("items_unclear", lang))
        return {"return_items": None}

    def validate_return_reason(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        text = str(value or "").replace("\x00", "").strip()
        code = reason_of(text)
        typed = not text.startswith("/")  # a button sends "/provide_order_info{...}"
        return {"return_reason": code, "return_comment": text[:500] if typed else ""}

    def validate_return_confirm(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return validate_confirmation("return_confirm", value, dispatcher, tracker)


class ActionAskReturnItems(OrderAction):
    def name(self) -> str:
        return "action_ask_return_items"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        verdicts = eligibility(order)
        ok = [(n, i) for n, i in enumerate(order.items, start=1) if verdicts[i.line_id].ok]
        buttons = [{"title": f"{n}. {title_of(i, lang)}", "payload": f'/provide_order_info{{"item": "{n}"}}'} for n, i in ok]
        if len(ok) > 1:
            buttons.append({"title": say("all_items", lang), "payload": '/provide_order_info{"item": "all"}'})
        reply(dispatcher, say("ask_return_items", lang, number=order.number) + "\n" + items_list(order, lang), order, buttons)
        return []


class ActionAskReturnReason(OrderAction):
    def name(self) -> str:
        return "action_ask_return_reason"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        buttons = [{"title": say(f"reason_{code}", lang), "payload": f'/provide_order_info{{"reason": "{code}"}}'} for code in RETURN_REASONS]
        reply(dispatcher, say("ask_return_reason", lang, items=chosen_text(order, tracker.get_slot("return_items"), lang)), order, buttons)
        return []


def _return_quantities(order: Order, lines: list[int]) -> dict[int, int]:
    verdicts = eligibility(order)
    return {line: verdicts[line].quantity for line in lines if line in verdicts and verdicts[line].ok}


class ActionAskReturnConfirm(OrderAction):
    def name(self) -> str:
        return "action_ask_return_confirm"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        cfg = catalog().config
        lines = tracker.get_slot("return_items") or []
        amount = policy.refund_amount(order, _return_quantities(order, lines), cfg)
        method = cfg.returns.refund_method.get(lang) or next(iter(cfg.returns.refund_method.values()))
        text = say("ask_return_confirm", lang, items=chosen_text(order, lines, lang), number=order.number,
                   reason=say(f"reason_{tracker.get_slot('return_reason') or 'other'}", lang), amount=money(amount, lang, cfg.store.currency), method=method)  # fmt: skip
        reply(dispatcher, text, order, yes_no_buttons(lang))
        return []


class ActionSubmitReturn(OrderAction):
    def name(self) -> str:
        return "action_submit_return"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if blocked(dispatcher, tracker, lang, order):
            return reset_task()
        lines = tracker.get_slot("return_items") or []
        if not lines:  # nothing in the order can go back: say why, item by item
            verdicts = eligibility(order)
            whys = [say("items_not_eligible", lang, title=title_of(i, lang), why=why_not(verdicts[i.line_id], lang)) for i in order.items]
            reply(dispatcher, say("nothing_returnable", lang, number=order.number) + "\n" + "\n".join(whys), order)
            return reset_task()
        if tracker.get_slot("return_confirm") is not True:
            reply(dispatcher, say("return_declined", lang), order)
            return reset_task()
        cfg = catalog().config
        reason = tracker.get_slot("return_reason") or "other"
        comment = tracker.get_slot("return_comment") or ""
        quantities = _return_quantities(order, lines)
        try:
            made = orders().create_return(order.number, [ReturnLine(line, qty, reason, comment) for line, qty in quantities.items()], "original_payment",
                                          idempotency_key=write_key(tracker, "return"))  # fmt: skip
        except OrderError as exc:
            order_error(dispatcher, exc, lang, order)
            return reset_task()
        method = cfg.returns.refund_method.get(lang) or next(iter(cfg.returns.refund_method.values()))
        address = (cfg.returns.address or cfg.contact.email).replace("\n", ", ")
        key = "return_done_paid" if cfg.returns.cost > 0 else "return_done"
        reply(dispatcher, say(key, lang, rma=made.rma, label=made.label_url, items=chosen_text(order, lines, lang), address=address,
                               amount=money(made.refund_amount, lang, cfg.store.currency), method=method, days=cfg.returns.refund_days,
                               cost=money(cfg.returns.cost, lang, cfg.store.currency)), order)  # fmt: skip
        return reset_task()
