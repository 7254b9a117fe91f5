"""Store rules applied to an order: which items may go back and why not, when a parcel arrives,
where to track it. Pure functions over `Order` and the store config, shared by the backend
(which enforces them) and the bot (which explains them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from catalog.models import LangText
from catalog.shipping import _add_business_days, dispatch_date
from catalog.store import StoreConfig
from orders.api import Order, OrderItem

RETURN_OPEN = ("delivered",)  # a return or exchange needs the parcel to have arrived


@dataclass(frozen=True)
class Eligibility:
    """Whether one order line can be returned or exchanged now.

    code: None (eligible), "not_delivered", "window_closed", "excluded" (store exception, the
    store's own `reason` text) or "already_returned".
    """

    line_id: int
    quantity: int  # how many units may still go back (0 when not eligible)
    code: str | None
    reason: LangText | None = None
    deadline: dt.date | None = None  # last day of the return window

    @property
    def ok(self) -> bool:
        return self.code is None


def local_date(moment: dt.datetime, config: StoreConfig) -> dt.date:
    return moment.astimezone(ZoneInfo(config.store.timezone)).date()


def return_deadline(order: Order, config: StoreConfig) -> dt.date | None:
    if order.delivered_at is None:
        return None
    return local_date(order.delivered_at, config) + dt.timedelta(days=config.returns.window_days)


def exception_for(item: OrderItem, tags: Iterable[str], config: StoreConfig) -> LangText | None:
    """The store's reason when the item's category or one of its tags is excluded from returns."""
    tags = set(tags)
    for exc in config.returns.exceptions:
        if (exc.category and exc.category == item.category) or (exc.tag and exc.tag in tags):
            return exc.reason
    return None


def item_eligibility(order: Order, item: OrderItem, tags: Iterable[str], config: StoreConfig,
                     now: dt.datetime | None = None) -> Eligibility:  # fmt: skip
    now = now or dt.datetime.now(dt.timezone.utc)
    deadline = return_deadline(order, config)
    if order.status not in RETURN_OPEN or deadline is None:
        return Eligibility(item.line_id, 0, "not_delivered")
    if local_date(now, config) > deadline:
        return Eligibility(item.line_id, 0, "window_closed", deadline=deadline)
    reason = exception_for(item, tags, config)
    if reason is not None:
        return Eligibility(item.line_id, 0, "excluded", reason, deadline)
    if item.returnable_quantity <= 0:
        return Eligibility(item.line_id, 0, "already_returned", deadline=deadline)
    return Eligibility(item.line_id, item.returnable_quantity, None, deadline=deadline)


def refund_amount(order: Order, quantities: dict[int, int], config: StoreConfig) -> float:
    """Item prices of the returned units less the store's return cost (never below zero)."""
    prices = {i.line_id: i.unit_price for i in order.items}
    value = sum(prices[line] * qty for line, qty in quantities.items())
    return round(max(0.0, value - config.returns.cost), 2)


def tracking_url(config: StoreConfig, carrier: str | None, number: str | None) -> str | None:
    template = config.shipping.tracking_urls.get(carrier or "")
    return template.replace("{number}", number) if template and number else None


@dataclass(frozen=True)
class DeliveryWindow:
    earliest: dt.date
    latest: dt.date
    ship_date: dt.date
    shipped: bool  # False: the ship date is the expected dispatch day


def delivery_window(order: Order, config: StoreConfig, now: dt.datetime | None = None) -> DeliveryWindow | None:
    """Expected arrival from the zone's transit days and the (expected) ship date; None when the
    order is delivered, cancelled or returned, or its country has no zone."""
    if order.status in ("delivered", "cancelled", "returned"):
        return None
    zone = config.zone_for(order.country)
    if zone is None:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    if order.status == "out_for_delivery":
        today = local_date(now, config)
        ship = local_date(order.shipped_at, config) if order.shipped_at else today
        return DeliveryWindow(today, today, ship, True)
    if order.shipped_at is not None:
        ship, shipped = local_date(order.shipped_at, config), True
    else:
        ship, shipped = dispatch_date(config, max(now, order.created_at)), False
    earliest = _add_business_days(ship, zone.days[0], config)
    latest = _add_business_days(ship, zone.days[1], config)
    if shipped and latest < local_date(now, config):  # late parcel: say "any day now", not a past date
        earliest = latest = _add_business_days(local_date(now, config), 0, config)
    return DeliveryWindow(earliest, latest, ship, shipped)
