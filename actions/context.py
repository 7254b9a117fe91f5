"""What the shopper means: their language, and which product "this", "the second one" or
"the TrailRunner" refers to."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from rasa_sdk import Tracker

from catalog.index import MANIFEST_FILE
from catalog.language import detect_language
from catalog.models import Product
from catalog.search import CatalogService

MAX_MESSAGE_CHARS = 1000
EMPTY_MESSAGE = "/invalid_input"  # what bot/channels.py sends for an empty message


@lru_cache(maxsize=4)
def _open_catalog(store: str, data: str, version: float) -> CatalogService:
    return CatalogService.open(store, data)


def catalog() -> CatalogService:
    """The catalog the action server answers from.

    Reopened when `shopbot catalog import` has published a new index (the manifest is written
    last, so its mtime marks a complete new version); otherwise served from memory.
    """
    store = os.environ.get("SHOPBOT_STORE", "stores/demo")
    data = os.environ.get("SHOPBOT_DATA", "var")
    manifest = Path(data) / Path(store).resolve().name / "index" / MANIFEST_FILE
    try:
        version = manifest.stat().st_mtime
        _last_version[manifest] = version
    except OSError:  # an import is swapping folders right now: keep the version in service
        version = _last_version.get(manifest, 0.0)
    return _open_catalog(store, data, version)


_last_version: dict[Path, float] = {}


catalog.cache_clear = _open_catalog.cache_clear  # type: ignore[attr-defined]


def metadata(tracker: Tracker) -> dict:
    meta = tracker.latest_message.get("metadata") or {}
    return meta if isinstance(meta, dict) else {}


def text_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "")[:MAX_MESSAGE_CHARS]


def language(tracker: Tracker, default: str = "de") -> str:
    """Page metadata first, then the message itself, then what the conversation used so far."""
    meta_lang = metadata(tracker).get("language")
    if meta_lang in ("de", "en"):
        detected = detect_language(text_of(tracker))
        # a shopper on the German page who writes English gets English answers
        return detected or meta_lang
    return detect_language(text_of(tracker)) or tracker.get_slot("language") or default


_ORDINALS = [
    (r"\b(erste[nrms]?|first|1\.|nummer 1|number 1|no\.? ?1|#1|den einen|eins)\b", 0),
    (r"\b(zweite[nrms]?|second|2\.|nummer 2|number 2|no\.? ?2|#2|zwei)\b", 1),
    (r"\b(dritte[nrms]?|third|3\.|nummer 3|number 3|no\.? ?3|#3|drei)\b", 2),
    (r"\b(letzte[nrms]?|last|latter)\b", -1),
]


def ordinal(text: str) -> int | None:
    lowered = text.lower()
    for pattern, position in _ORDINALS:
        if re.search(pattern, lowered):
            return position
    if m := re.fullmatch(r"\s*(?:nr\.?|nummer|number|no\.?)?\s*([1-3])\s*[.!?]?\s*", lowered):
        return int(m.group(1)) - 1
    return None


def shown(tracker: Tracker) -> list[Product]:
    cat = catalog()
    return [p for pid in tracker.get_slot("shown_products") or [] if (p := cat.get(pid))]


def focused_products(tracker: Tracker, limit: int = 3) -> list[Product]:
    """Products the message is about, best guess first.

    Named in the text > "the second one" > a product page the shopper just opened > the
    product talked about last > the page they are on > the products shown last.
    """
    cat = catalog()
    text = text_of(tracker)
    named = cat.find_named(text)
    if named:
        return named[:limit]
    shown_products = shown(tracker)
    position = ordinal(text)
    if position is not None and shown_products and position < len(shown_products):
        return [shown_products[position]]
    page = cat.get(metadata(tracker).get("product_id"))
    current = cat.get(tracker.get_slot("current_product"))
    if page and (current is None or page.id != tracker.get_slot("page_product")):
        return [page]  # a page the shopper just opened is "this"
    if current:
        return [current]
    return shown_products[:limit]
