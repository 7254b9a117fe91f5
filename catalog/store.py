"""A store is a folder: catalog file, `store.yml` and `policies/*.md`.

`load_store` validates `store.yml` and fails with the key and the reason, so a merchant's
typo stops the bot at start instead of producing wrong answers later.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, root_validator, validator

from catalog.models import LANGUAGES, LangText

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class StoreConfigError(Exception):
    """store.yml is missing or wrong; the message names the key and the reason."""


def _lang_text(v: LangText) -> LangText:
    if not isinstance(v, dict) or not any(v.get(lang) for lang in LANGUAGES):
        raise ValueError("needs a text for 'de' and/or 'en'")
    return v


class StoreInfo(BaseModel):
    name: str
    url: str = "http://localhost:8080"
    currency: str = "EUR"
    default_language: str = "de"
    timezone: str = "Europe/Berlin"
    tagline: LangText

    _tagline = validator("tagline", allow_reuse=True)(_lang_text)

    @validator("default_language")
    def _lang(cls, v):  # noqa: N805
        if v not in LANGUAGES:
            raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
        return v

    @validator("timezone")
    def _tz(cls, v):  # noqa: N805
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(v)
        except Exception as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v


class Contact(BaseModel):
    email: str
    phone: str | None = None
    hours: LangText
    human_handoff: LangText

    _texts = validator("hours", "human_handoff", allow_reuse=True)(_lang_text)


class Zone(BaseModel):
    code: str
    name: LangText
    countries: list[str] = Field(..., min_items=1)
    carrier: str
    days: tuple[int, int]
    cost: float = Field(..., ge=0)
    free_from: float | None = Field(None, ge=0)
    note: LangText | None = None

    @validator("days")
    def _days(cls, v):  # noqa: N805
        if v[0] < 0 or v[1] < v[0]:
            raise ValueError("must be [min, max] business days with 0 <= min <= max")
        return v

    @validator("countries", each_item=True)
    def _iso(cls, v):  # noqa: N805
        if not re.fullmatch(r"[A-Z]{2}", v):
            raise ValueError(f"{v!r} is not a two-letter ISO country code")
        return v


class Shipping(BaseModel):
    cutoff_time: dt.time
    business_days: list[str] = list(WEEKDAYS[:5])
    holidays: list[dt.date] = []
    zones: list[Zone] = Field(..., min_items=1)
    tracking_urls: dict[str, str] = {}  # carrier -> parcel tracking page, "{number}" = tracking number

    @validator("tracking_urls", each_item=True)
    def _tracking_url(cls, v):  # noqa: N805
        if "{number}" not in v or not v.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL containing {number}")
        return v

    @validator("business_days", each_item=True)
    def _weekday(cls, v):  # noqa: N805
        if v not in WEEKDAYS:
            raise ValueError(f"{v!r} is not one of {', '.join(WEEKDAYS)}")
        return v

    @validator("zones")
    def _countries_once(cls, v):  # noqa: N805
        seen: dict[str, str] = {}
        for zone in v:
            for country in zone.countries:
                if country in seen:
                    raise ValueError(f"{country} is in zone {seen[country]} and {zone.code}")
                seen[country] = zone.code
        return v


class ReturnException(BaseModel):
    category: str | None = None
    tag: str | None = None
    reason: LangText

    @root_validator
    def _one_target(cls, values):  # noqa: N805
        if not values.get("category") and not values.get("tag"):
            raise ValueError("needs a 'category' or a 'tag'")
        return values


class Returns(BaseModel):
    window_days: int = Field(..., ge=0)
    cost: float = Field(0, ge=0)
    refund_days: int = Field(..., ge=0)
    refund_method: LangText
    address: str | None = None  # where parcels go back to (one line per part, "\n"-separated)
    exceptions: list[ReturnException] = []


class Category(BaseModel):
    de: str
    en: str
    synonyms: list[str] = []


class Security(BaseModel):
    """Limits that keep orders from being opened by guessing, and the chat from being flooded.

    A failed proof (wrong e-mail / postcode, unknown number) counts for the conversation, the
    client address and the order number alike; see `orders/throttle.py` and `bot/limits.py`.
    """

    conversation_failures: int = Field(5, ge=1)  # failed proofs in one conversation ...
    conversation_lock_minutes: int = Field(15, ge=1)  # ... lock it for this long
    client_failures: int = Field(50, ge=1)  # failed proofs from one client address ...
    client_lock_minutes: int = Field(60, ge=1)  # ... within and for this long
    postcode_failures: int = Field(3, ge=1)  # failed postcode proofs for one order ...
    postcode_block_minutes: int = Field(1440, ge=1)  # ... then only its e-mail opens it, this long
    proof_idle_minutes: int = Field(30, ge=1)  # a proof unused this long must be given again
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]  # whose X-Forwarded-For is believed
    conversation_messages_per_minute: int = Field(30, ge=1)
    client_messages_per_minute: int = Field(300, ge=1)
    max_request_bytes: int = Field(32768, ge=1024)  # a chat message with its page metadata

    @validator("trusted_proxies", each_item=True)
    def _network(cls, v):  # noqa: N805
        import ipaddress

        try:
            ipaddress.ip_network(v, strict=False)
        except ValueError as exc:
            raise ValueError(f"{v!r} is not an IP address or network (e.g. 10.0.0.0/8)") from exc
        return v


class StoreConfig(BaseModel):
    store: StoreInfo
    contact: Contact
    shipping: Shipping
    returns: Returns
    payment_methods: list[LangText] = Field(..., min_items=1)
    warranty: LangText
    categories: dict[str, Category]
    security: Security = Security()

    _warranty = validator("warranty", allow_reuse=True)(_lang_text)

    @validator("categories")
    def _some_categories(cls, v):  # noqa: N805
        if not v:
            raise ValueError("needs at least one category")
        return v

    @root_validator(skip_on_failure=True)
    def _exceptions_name_categories(cls, values):  # noqa: N805
        for exc in values["returns"].exceptions:
            if exc.category and exc.category not in values["categories"]:
                raise ValueError(
                    f"returns.exceptions: category {exc.category!r} is not in categories"
                )
        return values

    def zone_for(self, country: str) -> Zone | None:
        return next((z for z in self.shipping.zones if country in z.countries), None)

    def product_url(self, product_id: str, lang: str) -> str:
        return f"{self.store.url.rstrip('/')}/{lang}/products/{product_id}"


def _format_errors(path: Path, exc: ValidationError) -> str:
    lines = [f"{path}: invalid store config"]
    for err in exc.errors():
        key = ".".join(str(part) for part in err["loc"] if part != "__root__")
        lines.append(f"  {key or '(top level)'}: {err['msg']}")
    return "\n".join(lines)


def load_config(path: Path) -> StoreConfig:
    if not path.is_file():
        raise StoreConfigError(f"{path}: store config not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise StoreConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise StoreConfigError(f"{path}: expected a mapping at the top level")
    try:
        return StoreConfig.parse_obj(raw)
    except ValidationError as exc:
        raise StoreConfigError(_format_errors(path, exc)) from exc


class Store:
    """A store folder on disk."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder).resolve()
        if not self.folder.is_dir():
            raise StoreConfigError(f"{self.folder}: store folder not found")
        self.config = load_config(self.folder / "store.yml")

    @property
    def slug(self) -> str:
        return self.folder.name

    @property
    def catalog_file(self) -> Path:
        for name in ("catalog.jsonl", "catalog.csv"):
            if (self.folder / name).is_file():
                return self.folder / name
        raise StoreConfigError(f"{self.folder}: no catalog.jsonl or catalog.csv")

    @property
    def policies_dir(self) -> Path:
        return self.folder / "policies"
