"""The live handoff's settings from `store.yml`'s `console:` section: when agents answer in the
chat (`service_hours`, in the store's `store.timezone`) and where tickets go (`ticket_webhook`;
without it, `.eml` files for the shop's `contact.email`).

    console:
      service_hours:            # day or day range: "HH:MM-HH:MM" or a list of them; absent = always
        mon-fri: "09:00-18:00"
        sat: "10:00-14:00"
      ticket_webhook: https://desk.example/hooks/shopbot   # optional

A wrong value stops with the key and the reason (`HandoffConfigError`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")

Spans = list[tuple[int, int]]  # minutes since midnight, [start, end)


class HandoffConfigError(ValueError):
    """`console.service_hours` or `console.ticket_webhook` is wrong; the message names the key."""


@dataclass(frozen=True)
class HandoffConfig:
    email: str
    timezone: str = "Europe/Berlin"
    hours: dict[str, Spans] | None = None  # weekday -> spans; None: no service hours set, always open
    ticket_webhook: str | None = None
    shop: str = ""
    contact_hours: dict[str, str] = field(default_factory=dict)  # the shopper-facing text per language

    def is_open(self, when: dt.datetime | None = None) -> bool:
        """Whether `when` (default: now) is within the service hours, in the store's time zone."""
        if self.hours is None:
            return True
        local = (when or dt.datetime.now(dt.timezone.utc)).astimezone(ZoneInfo(self.timezone))
        minute = local.hour * 60 + local.minute
        return any(start <= minute < end for start, end in self.hours.get(WEEKDAYS[local.weekday()], []))


def _days(key: str) -> list[str]:
    parts = [p.strip().lower() for p in str(key).split("-")]
    if not all(p in WEEKDAYS for p in parts) or len(parts) > 2:
        raise HandoffConfigError(f"console.service_hours: {key!r} is not a weekday or range like mon-fri ({', '.join(WEEKDAYS)})")
    first, last = WEEKDAYS.index(parts[0]), WEEKDAYS.index(parts[-1])
    if last < first:
        raise HandoffConfigError(f"console.service_hours: {key!r} runs backwards (write e.g. mon-fri)")
    return list(WEEKDAYS[first : last + 1])


def _spans(key: str, value: object) -> Spans:
    items = value if isinstance(value, list) else [value]
    spans: Spans = []
    for item in items:
        m = _SPAN.match(str(item))
        if not m:
            raise HandoffConfigError(f"console.service_hours.{key}: {item!r} is not a time span like \"09:00-18:00\"")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if h1 > 23 or m1 > 59 or m2 > 59 or end > 24 * 60 or end <= start:
            raise HandoffConfigError(f"console.service_hours.{key}: {item!r} is not a span within one day (start before end, at most 24:00)")
        spans.append((start, end))
    return spans


def parse_hours(raw: object) -> dict[str, Spans] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise HandoffConfigError("console.service_hours: expected days mapped to time spans, e.g. {mon-fri: \"09:00-18:00\"}")
    hours: dict[str, Spans] = {}
    for key, value in raw.items():
        spans = _spans(str(key), value)
        for day in _days(str(key)):
            hours.setdefault(day, []).extend(spans)
    return hours


def load_handoff_config(store_dir: Path | str) -> HandoffConfig:
    path = Path(store_dir) / "store.yml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise HandoffConfigError(f"{path}: cannot read: {exc}") from exc
    console = raw.get("console") or {}
    if not isinstance(console, dict):
        raise HandoffConfigError(f"{path}: console: expected a mapping")
    webhook = console.get("ticket_webhook") or None
    if webhook is not None and not (isinstance(webhook, str) and webhook.startswith(("http://", "https://"))):
        raise HandoffConfigError(f"{path}: console.ticket_webhook: {webhook!r} is not an http(s) URL")
    store, contact = raw.get("store") or {}, raw.get("contact") or {}
    hours_text = contact.get("hours") if isinstance(contact.get("hours"), dict) else {}
    try:
        hours = parse_hours(console.get("service_hours"))
    except HandoffConfigError as exc:
        raise HandoffConfigError(f"{path}: {exc}") from None
    return HandoffConfig(
        email=str(contact.get("email") or ""), timezone=str(store.get("timezone") or "Europe/Berlin"), hours=hours,
        ticket_webhook=webhook, shop=str(store.get("name") or ""), contact_hours={k: str(v) for k, v in hours_text.items()},
    )  # fmt: skip
