"""Delivery windows and shipping costs from the store's zones, cut-off time and business days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from catalog.store import WEEKDAYS, StoreConfig, Zone


@dataclass(frozen=True)
class ShippingQuote:
    zone: Zone
    country: str
    ship_date: dt.date
    earliest: dt.date
    latest: dt.date
    cost: float
    free_from: float | None


def _is_business_day(day: dt.date, config: StoreConfig) -> bool:
    return WEEKDAYS[day.weekday()] in config.shipping.business_days and day not in config.shipping.holidays


def _add_business_days(day: dt.date, count: int, config: StoreConfig) -> dt.date:
    while count > 0:
        day += dt.timedelta(days=1)
        if _is_business_day(day, config):
            count -= 1
    return day


def dispatch_date(config: StoreConfig, now: dt.datetime) -> dt.date:
    """Same business day before the cut-off, else the next business day."""
    local = now.astimezone(ZoneInfo(config.store.timezone))
    day = local.date()
    if _is_business_day(day, config) and local.time() < config.shipping.cutoff_time:
        return day
    return _add_business_days(day, 1, config)


def quote(config: StoreConfig, country: str, now: dt.datetime | None = None, order_value: float | None = None) -> ShippingQuote | None:
    """When an order placed `now` arrives in `country`, and what shipping costs; None if not shipped there."""
    zone = config.zone_for(country)
    if zone is None:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    ship = dispatch_date(config, now)
    cost = zone.cost
    if order_value is not None and zone.free_from is not None and order_value >= zone.free_from:
        cost = 0.0
    return ShippingQuote(
        zone=zone,
        country=country,
        ship_date=ship,
        earliest=_add_business_days(ship, zone.days[0], config),
        latest=_add_business_days(ship, zone.days[1], config),
        cost=cost,
        free_from=zone.free_from,
    )
