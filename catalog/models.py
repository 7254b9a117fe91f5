"""Products and variants as the bot sees them (pydantic v1, the version Rasa 3.6 ships)."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, Field, validator

LANGUAGES = ("de", "en")
COLORS = (
    "black", "white", "grey", "blue", "navy", "red", "green", "olive", "brown",
    "beige", "yellow", "orange", "pink", "purple", "silver",
)  # fmt: skip
FITS = ("runs_small", "true_to_size", "runs_large")
SIZE_SYSTEMS = ("eu_shoe", "letter", "eu_clothing", "one_size")
HIDDEN_STATUSES = ("draft", "archived", "unpublished")
UNTRACKED_STOCK = 9999  # the stock of a variant whose shop does not count it (`stock_tracked` False)

LangText = dict[str, str]


def _check_lang_text(value: LangText | None, required: bool) -> LangText | None:
    if value is None:
        if required:
            raise ValueError("needs a text in 'de' or 'en'")
        return None
    if isinstance(value, str):
        raise ValueError('must be a language map such as {"de": "...", "en": "..."}')
    cleaned = {k: v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}
    unknown = set(cleaned) - set(LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language(s) {sorted(unknown)}; use 'de' or 'en'")
    if required and not cleaned:
        raise ValueError("needs a non-empty text in 'de' or 'en'")
    return cleaned or None


class Variant(BaseModel):
    sku: str = Field(..., min_length=1, max_length=64)
    size: str | None = None  # the value of the product's size-like option (`Product.size_option`)
    color: str | None = None  # colour family (one of COLORS), for "in black?"
    color_label: str | None = None  # the colour as the merchant named it ("Dunkelblau", "Sand")
    options: dict[str, str] = {}  # every option as exported, in order: {"Größe": "M", "Länge": "220 cm"}
    image: str | None = None
    price: float = Field(..., ge=0, le=1_000_000)
    compare_at_price: float | None = Field(None, ge=0)
    stock: int = Field(..., ge=0)
    stock_tracked: bool | None = None  # False: the shop does not count it (always available; stock = UNTRACKED_STOCK)

    @validator("size", "color", "color_label", "image", pre=True)
    def _blank_is_none(cls, v):  # noqa: N805
        if v is None:
            return None
        v = str(v).strip()
        return v or None

    @validator("color")
    def _known_color(cls, v):  # noqa: N805
        if v is not None and v.lower() not in COLORS:
            raise ValueError(f"unknown colour {v!r}; use one of {', '.join(COLORS)}")
        return v.lower() if v else v


class Product(BaseModel):
    id: str = Field(..., regex=r"^[a-z0-9][a-z0-9-]{0,99}$")
    title: LangText
    description: LangText | None = None
    category: str = Field(..., min_length=1)
    vendor: str | None = None
    tags: list[str] = []
    attributes: dict[str, Any] = {}
    fit: str | None = None
    fit_notes: LangText | None = None
    size_system: str | None = None
    materials: LangText | None = None
    care: LangText | None = None
    image: str | None = None
    images: list[str] = []  # every product image in order (`image` is the first)
    related: list[str] = []
    option_names: list[str] = []  # the variant options in export order ("Größe", "Farbe", "Länge")
    size_option: str | None = None  # the size-like one of them (size, Länge, capacity, pack …)
    color_option: str | None = None
    status: str | None = None  # None = shown; "draft", "archived", "unpublished": not shown to shoppers
    variants: list[Variant] = Field(..., min_items=1)
    # where each fact came from: {key: {"text": sentence, "lang", "origin": "text"|"structured"}}
    # (written by `catalog.enrich`)
    fact_sources: dict[str, dict[str, Any]] = {}

    @validator("attributes")
    def _scalar_attributes(cls, v):  # noqa: N805
        scalar = (str, int, float, bool, type(None))
        for key, value in v.items():
            if isinstance(value, list) and all(isinstance(x, scalar) for x in value):
                continue  # e.g. materials, suitable_for, dimensions_cm
            if not isinstance(value, scalar):
                raise ValueError(f"attribute {key!r} must be a string, number, true/false, null or a list of those")
        return v

    @validator("title")
    def _title(cls, v):  # noqa: N805
        return _check_lang_text(v, required=True)

    @validator("description", "fit_notes", "materials", "care")
    def _texts(cls, v):  # noqa: N805
        return _check_lang_text(v, required=False)

    @validator("fit")
    def _fit(cls, v):  # noqa: N805
        if v is not None and v not in FITS:
            raise ValueError(f"must be one of {', '.join(FITS)}")
        return v

    @validator("size_system")
    def _size_system(cls, v):  # noqa: N805
        if v is not None and v not in SIZE_SYSTEMS:
            raise ValueError(f"must be one of {', '.join(SIZE_SYSTEMS)}")
        return v

    @validator("status")
    def _status(cls, v):  # noqa: N805
        if v in (None, "active"):
            return None
        if v not in HIDDEN_STATUSES:
            raise ValueError(f"must be one of active, {', '.join(HIDDEN_STATUSES)}")
        return v

    @validator("variants")
    def _unique_skus(cls, v):  # noqa: N805
        skus = [variant.sku for variant in v]
        if len(set(skus)) != len(skus):
            raise ValueError("duplicate SKU within the product")
        return v

    # --- reading helpers -------------------------------------------------
    def text(self, field: str, lang: str) -> str:
        """The field in `lang`, else in the other language, else ''."""
        value: LangText | None = getattr(self, field)
        if not value:
            return ""
        return value.get(lang) or next(iter(value.values()))

    def name(self, lang: str) -> str:
        return self.text("title", lang)

    @property
    def shown(self) -> bool:
        """Whether shoppers may see it (drafts, archived and unpublished products are only the merchant's)."""
        return self.status is None

    @property
    def languages(self) -> set[str]:
        return set(self.title) | set(self.description or {})

    @property
    def min_price(self) -> float:
        return min(v.price for v in self.variants)

    @property
    def max_price(self) -> float:
        return max(v.price for v in self.variants)

    @property
    def total_stock(self) -> int:
        return sum(v.stock for v in self.variants)

    def colors(self, in_stock: bool = False) -> list[str]:
        seen: dict[str, None] = {}
        for v in self.variants:
            if v.color and (v.stock > 0 or not in_stock):
                seen[v.color] = None
        return list(seen)

    def sizes(self, color: str | None = None, in_stock: bool = False) -> list[str]:
        seen: dict[str, None] = {}
        for v in self.variants:
            if v.size and (color is None or v.color == color) and (v.stock > 0 or not in_stock):
                seen[v.size] = None
        return list(seen)

    def variants_for(self, size: str | None = None, color: str | None = None) -> list[Variant]:
        def same(a: str | None, b: str | None) -> bool:
            return b is None or (a is not None and a.lower() == b.lower())

        return [v for v in self.variants if same(v.size, size) and same(v.color, color)]

    def embedding_text(self) -> str:
        """What gets embedded: names, category, tags and descriptions in every language."""
        parts = list(self.title.values())
        parts.append(self.category)
        parts.append(", ".join(self.tags))
        parts.extend(re.sub(r"\s+", " ", d) for d in (self.description or {}).values())
        return ". ".join(p for p in parts if p)

    def short_text(self) -> str:
        """The product's second, short text: names, category and tags without the description,
        which in a long text dilutes the match of a short request ("Hörspiel-Box")."""
        parts = list(dict.fromkeys(self.title.values()))
        parts.append(self.category.replace("-", " ").replace("_", " "))
        parts.append(", ".join(self.tags))
        return ". ".join(p for p in parts if p)

    def content_hash(self) -> str:
        return hashlib.sha256(
            json.dumps(self.dict(), sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()[:16]
