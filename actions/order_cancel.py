"""Cancellation: confirmation and the cancellation (or why it is too late: return instead)."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.context import catalog, orders
from actions.order_common import (
    TASK_SLOTS,
    OrderAction,
    blocked,
    date_text,
    items_short,
    order_error,
    reply,
    reset_task,
    write_key,
    yes_no_buttons,
)
from actions.order_forms import OrderFormValidation, validate_confirmation
from actions.texts import money, say
from orders.api import CANCELLABLE, OrderError


class ValidateCancelForm(OrderFormValidation):
    def name(self) -> str:
        return "validate_cancel_form"

    def task_slots(self, order, tracker):  # noqa: ANN001
        return TASK_SLOTS["cancel_form"] if order.status in CANCELLABLE else []

    def validate_cancel_confirm(self, value, dispatcher, tracker, domain) -> dict:  # noqa: ANN001
        return validate_confirmation("cancel_confirm", value, dispatcher, tracker)


class ActionAskCancelConfirm(OrderAction):
    def name(self) -> str:
        return "action_ask_cancel_confirm"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if order is None:
            return []
        text = say("ask_cancel_confirm", lang, number=order.number, date=date_text(order.created_at, lang), items=items_short(order, lang),
                   total=money(order.total, lang, catalog().config.store.currency), status=say(f"status_{order.status}", lang))  # fmt: skip
        reply(dispatcher, text, order, yes_no_buttons(lang))
        return []


class ActionSubmitCancel(OrderAction):
    def name(self) -> str:
        return "action_submit_cancel"

    def respond(self, dispatcher, tracker, lang, order):  # noqa: ANN001
        if blocked(dispatcher, tracker, lang, order):
            return reset_task()
        cfg = catalog().config
        key = write_key(tracker, "cancel")
        if order.status not in CANCELLABLE and not self._resent(order, key, tracker):
            if order.status in ("shipped", "out_for_delivery"):
                reply(dispatcher, say("cancel_shipped", lang, number=order.number, date=date_text(order.shipped_at or order.updated_at, lang),
                                       carrier=order.carrier or "–", days=cfg.returns.window_days), order)  # fmt: skip
            elif order.status == "delivered":
                buttons = [{"title": say("return_instead", lang), "payload": "/return_item"}, {"title": say("no_thanks", lang), "payload": "/deny"}]
                reply(dispatcher, say("cancel_delivered", lang, number=order.number, date=date_text(order.delivered_at or order.updated_at, lang)), order, buttons)
                return [*reset_task(), SlotSet("pending_offer", "return")]
            else:
                reply(dispatcher, say("cancel_already", lang, number=order.number, status=say(f"status_{order.status}", lang)), order)
            return reset_task()
        if tracker.get_slot("cancel_confirm") is not True:
            reply(dispatcher, say("cancel_declined", lang, number=order.number), order)
            return reset_task()
        try:
            orders().cancel(order.number, idempotency_key=key)
        except OrderError as exc:
            order_error(dispatcher, exc, lang, order)
            return reset_task()
        method = cfg.returns.refund_method.get(lang) or next(iter(cfg.returns.refund_method.values()))
        reply(dispatcher, say("cancel_done", lang, number=order.number, method=method), order)
        return reset_task()

    @staticmethod
    def _resent(order, key, tracker) -> bool:  # noqa: ANN001
        """A cancelled order that this very turn cancelled (the call was resent after the
        first action server died): the backend gives the cancellation back, same answer."""
        if order.status != "cancelled" or key is None or tracker.get_slot("cancel_confirm") is not True:
            return False
        try:
            orders().cancel(order.number, idempotency_key=key)
        except OrderError:
            return False
        return True
