"""The orders backend as the bot, the demo shop and the merchant side see it.

One small interface (`OrdersBackend`) with plain, immutable records; the SQLAlchemy
implementation lives in `orders/sql.py`. Money is in EUR as floats rounded to cents (the
catalog's convention); times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Protocol

OrderStatus = Literal[
    "received", "paid", "packed", "shipped", "out_for_delivery", "delivered", "cancelled", "returned",
]  # fmt: skip
STATUSES: tuple[str, ...] = (
    "received", "paid", "packed", "shipped", "out_for_delivery", "delivered", "cancelled", "returned",
)  # fmt: skip
CANCELLABLE: tuple[str, ...] = ("received", "paid", "packed")
RETURN_REASONS: tuple[str, ...] = (
    "too_small", "too_large", "not_as_described", "damaged", "wrong_item", "changed_mind", "other",
)  # fmt: skip
REFUND_METHODS: tuple[str, ...] = ("original_payment", "store_credit")


class OrderError(Exception):
    """A request the backend refuses, with a reason code the bot can explain.

    Codes: not_found, not_cancellable, not_returnable, already_returned, quantity,
    out_of_stock, unknown_variant, invalid.
    """

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class OrderItem:
    line_id: int
    product_id: str
    sku: str
    title: str
    category: str
    size: str | None
    color: str | None
    quantity: int
    unit_price: float
    returned_quantity: int = 0  # already in a return or exchange

    @property
    def returnable_quantity(self) -> int:
        return self.quantity - self.returned_quantity


@dataclass(frozen=True)
class Order:
    number: str  # six digits, e.g. "100234"
    email: str  # lower-case
    name: str
    street: str
    postal_code: str
    city: str
    country: str  # ISO 3166 alpha-2, e.g. "DE"
    language: str  # "de" | "en"
    status: str  # one of STATUSES
    created_at: dt.datetime
    updated_at: dt.datetime
    shipped_at: dt.datetime | None
    delivered_at: dt.datetime | None
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    shipping_cost: float
    payment_method: str
    items: tuple[OrderItem, ...] = field(default_factory=tuple)

    @property
    def total(self) -> float:
        return round(sum(i.unit_price * i.quantity for i in self.items) + self.shipping_cost, 2)


@dataclass(frozen=True)
class ReturnLine:
    line_id: int
    quantity: int
    reason: str  # one of RETURN_REASONS
    comment: str = ""  # the shopper's own words, stored as text


@dataclass(frozen=True)
class Return:
    rma: str  # e.g. "RMA-100234-1"
    order_number: str
    lines: tuple[ReturnLine, ...]
    refund_method: str
    refund_amount: float
    label_url: str
    created_at: dt.datetime


@dataclass(frozen=True)
class Exchange:
    reference: str  # e.g. "EX-100234-1"
    order_number: str
    line_id: int
    old_sku: str
    new_sku: str
    reason: str
    label_url: str
    created_at: dt.datetime


@dataclass(frozen=True)
class NewOrderLine:
    """A cart line at checkout; the backend takes title, category and price from the catalog."""

    product_id: str
    sku: str
    quantity: int


class OrdersBackend(Protocol):
    def get(self, number: str) -> Order | None:
        """The order, unverified (merchant side and internal use only)."""

    def verify(self, number: str, *, email: str | None = None, postal_code: str | None = None) -> Order | None:
        """The order when the e-mail or postal code matches it; None for an unknown number and for a
        wrong e-mail/postal code alike (no enumeration)."""

    def list_by_email(self, email: str) -> list[Order]:
        """All orders of one e-mail address, newest first (call only for a verified e-mail)."""

    def create_order(self, *, email: str, name: str, street: str, postal_code: str, city: str,
                     country: str, language: str, payment_method: str,
                     lines: list[NewOrderLine]) -> Order:
        """Checkout: validates the lines against live stock, takes the stock, status "paid"."""

    def create_return(self, number: str, lines: list[ReturnLine], refund_method: str,
                      now: dt.datetime | None = None, *, idempotency_key: str | None = None) -> Return:
        """One transaction; raises OrderError (not_returnable, already_returned, quantity, ...).
        A second call with the same `idempotency_key` returns the first call's return."""

    def create_exchange(self, number: str, line_id: int, new_sku: str, reason: str,
                        now: dt.datetime | None = None, *, idempotency_key: str | None = None) -> Exchange:
        """Reserves one unit of `new_sku` and records the exchange in one transaction (once per key)."""

    def cancel(self, number: str, *, idempotency_key: str | None = None) -> Order:
        """Cancels an order that has not shipped; raises OrderError("not_cancellable") otherwise.
        A second call with the same `idempotency_key` returns the order instead of that error."""

    def update_status(self, number: str, status: str, *, carrier: str | None = None,
                      tracking_number: str | None = None, now: dt.datetime | None = None) -> Order:
        """Merchant side: move an order along its life (sets shipped_at / delivered_at)."""

    def available_stock(self, sku: str) -> int:
        """Catalog stock of a variant minus open reservations."""

    def record_failed_verification(self, conversation_id: str, now: dt.datetime | None = None, *,
                                   order_number: str | None = None, client: str | None = None,
                                   proof: str | None = None) -> int:
        """Counts a failed proof (for the conversation, the client address and the order number;
        `proof` is "email" or "postcode"); returns the conversation's failures within its window."""

    def locked_until(self, conversation_id: str, now: dt.datetime | None = None, *,
                     client: str | None = None) -> dt.datetime | None:
        """When a conversation (or client address) with too many failures may try again; None when not locked."""

    def postcode_blocked_until(self, order_number: str, now: dt.datetime | None = None) -> dt.datetime | None:
        """Until when a postcode no longer proves this order number (after failed postcode proofs);
        its e-mail address still does."""
