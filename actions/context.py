"""What the shopper means: their language, and which product "this", "the second one" or
"the TrailRunner" refers to."""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
from pathlib import Path

from rasa_sdk import Tracker
from rasa_sdk.events import EventType

from actions.page_focus import distinct_text, on_page, spelt_out, without_owned
from bot.metadata import CLIENT_KEY, clean
from catalog.build import CURRENT_FILE
from catalog.index import MANIFEST_FILE, serve_single_queries
from catalog.language import detect_language
from catalog.models import Product
from catalog.notify import Waiter
from catalog.policies import PolicyIndex, read_passages
from catalog.search import CatalogService, names_a_product
from catalog.store import Store
from orders.api import OrdersBackend

MAX_MESSAGE_CHARS = 1000
EMPTY_MESSAGE = "/invalid_input"  # what bot/channels.py sends for an empty message
log = logging.getLogger(__name__)
serve_single_queries()


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
        return st.st_mtime_ns, st.st_ino
    except OSError:
        return None


class LiveCatalog:
    """A store's catalog in service, swapped for a new version without a restart.

    A watcher thread checks the `CURRENT` pointer and the store's `store.yml` and policy files
    every few hundred milliseconds (at once when Redis announces a change), loads a new
    version completely and only then swaps the reference, so answers come from the old or the
    new catalog, never from a half-loaded one. A version that fails to load is logged and the
    old one stays in service.
    """

    def __init__(self, store: str, data: str):
        self.store = store
        self.data = data
        self.folder = Path(data) / Path(store).resolve().name
        self.service: CatalogService | None = None
        self.key: tuple | None = None
        self._failed: tuple | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._known: dict[str, Product] = {}  # JSON line -> parsed product, from the last version

    def stamp(self) -> tuple:
        """(catalog version stamp, store config / policies stamp), from a few `stat` calls."""
        catalog = _stat(self.folder / CURRENT_FILE) or _stat(self.folder / "index" / MANIFEST_FILE)
        store = Path(self.store)
        policies = store / "policies"
        files = sorted(policies.glob("*.md")) if policies.is_dir() else []
        return catalog, (_stat(store / "store.yml"), _stat(policies), tuple(_stat(f) for f in files))

    def get(self) -> CatalogService:
        if self.service is None:
            with self._lock:
                if self.service is None:
                    self._load(self.stamp())
            self._start_watcher()
        assert self.service is not None
        return self.service

    def _load(self, stamp: tuple) -> None:
        if self.service is not None and self.key is not None and self.key[0] == stamp[0]:
            store = Store(self.store)  # only the store config or policies changed
            policies = PolicyIndex(read_passages(store.policies_dir), self.service.embedder)
            self.service = self.service.with_store(store, policies)
        else:
            policies = self.service.policies if self.service is not None and self.key and self.key[1] == stamp[1] else None
            self.service = CatalogService.open(self.store, self.data, known=self._known, policies=policies,
                                               previous=self.service)  # fmt: skip
        if self.key is None:
            gc.collect()
        # The catalog lives until the next version: without this every full collection walks
        # all its objects again, a 100+ ms pause of every conversation (bench/README.md). An old
        # version is freed by reference counting; only garbage in cycles at this moment stays.
        gc.freeze()
        self.key = stamp

    def _start_watcher(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._watch, name="catalog-watcher", daemon=True)
            self._thread.start()

    def refresh(self) -> bool:
        """Load a new version if there is one; True when something was swapped in."""
        stamp = self.stamp()
        if stamp == self.key or stamp == self._failed or stamp[0] is None:
            return False
        with self._lock:
            try:
                self._load(stamp)
                return True
            except Exception as exc:
                self._failed = stamp
                log.error("new catalog version not loaded, the previous one stays in service: %s", exc)
                return False

    def _watch(self) -> None:
        waiter = Waiter()
        while not self._stopped.is_set():
            waiter.wait()
            if not self._stopped.is_set():
                self.refresh()

    def stop(self) -> None:
        self._stopped.set()


_live: dict[tuple[str, str], LiveCatalog] = {}
_live_lock = threading.Lock()


def catalog() -> CatalogService:
    """The catalog the action server answers from (see `LiveCatalog`)."""
    key = (os.environ.get("SHOPBOT_STORE", "stores/demo"), os.environ.get("SHOPBOT_DATA", "var"))
    live = _live.get(key)
    if live is None:
        with _live_lock:
            live = _live.setdefault(key, LiveCatalog(*key))
    return live.get()


def _cache_clear() -> None:
    with _live_lock:
        for live in _live.values():
            live.stop()
        _live.clear()


catalog.cache_clear = _cache_clear  # type: ignore[attr-defined]


def metadata(tracker: Tracker) -> dict:
    """The message's metadata with wrong types and lengths dropped (`bot.metadata.clean`): our
    channels clean it already, but a tracker may come from another channel (`rasa shell`, a
    custom one); the client address set by our channels is kept."""
    meta = tracker.latest_message.get("metadata") or {}
    if not isinstance(meta, dict):
        return {}
    out = clean(meta, tracker.sender_id or "?")
    if isinstance(meta.get(CLIENT_KEY), str):
        out[CLIENT_KEY] = meta[CLIENT_KEY][:64]
    return out


def client_address(tracker: Tracker) -> str | None:
    """The shopper's IP address as the channel saw it (None outside our channels)."""
    return metadata(tracker).get(CLIENT_KEY)


def text_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "")[:MAX_MESSAGE_CHARS]


def only_changes(tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """`events` without the slot events that set a slot to the value it already has.

    Every stored event is loaded, replayed and sent to the action server again on each later
    turn; most actions re-state the language and the topic (the ten-turn conversation of
    bench/latency.py stores 73 events with this filter, 87 without).
    """
    values = dict(tracker.slots)
    kept = []
    for e in events:
        if e.get("event") == "slot":
            if e["name"] in values and values[e["name"]] == e["value"]:
                continue
            values[e["name"]] = e["value"]
        kept.append(e)
    return kept


def language(tracker: Tracker, default: str = "de") -> str:
    """Page metadata first, then the message itself, then what the conversation used so far.
    A button payload ("/affirm", '/provide_order_info{"reason": "damaged"}') says nothing
    about the language."""
    text = "" if text_of(tracker).startswith("/") else text_of(tracker)
    meta_lang = metadata(tracker).get("language")
    if meta_lang in ("de", "en"):
        detected = detect_language(text)
        # a shopper on the German page who writes English gets English answers
        return detected or meta_lang
    return detect_language(text) or tracker.get_slot("language") or default


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


# A product the page is not about must be named this clearly (share of its name's weight, see
# `CatalogService.named_scores`) to take the page product's place.
CLEARLY_NAMED = 0.5
CLEAR_TYPO_LETTERS = 5  # on a product page, a typo in another product's name is forgiven in longer words only


def named_products(tracker: Tracker, limit: int = 3) -> list[Product]:
    """Products the message itself names. On a product page another product must be named
    clearly (`CLEARLY_NAMED`) by words the page's product does not share, or spelt out
    (`actions.page_focus`); a number or unit alone never names one ("27 cm", "US 10")."""
    cat = catalog()
    page = cat.get(metadata(tracker).get("product_id"))
    text = text_of(tracker)
    named = cat.find_named(text)
    if page and named and named != [page]:
        # a short word near a name word is another word, not a typo: "the long line" is no "Linen Apron"
        distinct = distinct_text(text, page)
        others = cat.find_named(distinct, min_score=CLEARLY_NAMED, typo_letters=CLEAR_TYPO_LETTERS)
        # named only as the shopper's own ("meinem Pony"): the page stays first
        owned = bool(others) and not cat.find_named(without_owned(distinct), min_score=CLEARLY_NAMED, typo_letters=CLEAR_TYPO_LETTERS)
        others += [p for p in named if p not in others and spelt_out(p, text)]
        only_page = lambda word: cat.names.df(word) == 1 and names_a_product(word)  # noqa: E731
        named = on_page(named, others, page, text, only_page, owned)
    return named[:limit]


def asked_about(tracker: Tracker) -> Product | None:
    """The product a general question (shipping, a policy) is about: one the message names, else
    the page the shopper is on; never one talked about earlier, so "how long is the warranty?"
    after a search is answered for the shop, not bent onto the last product shown."""
    named = named_products(tracker, limit=1)
    return named[0] if named else catalog().get(metadata(tracker).get("product_id"))


def focused_products(tracker: Tracker, limit: int = 3) -> list[Product]:
    """Products the message is about, best guess first.

    Named in the text > "the second one" > a product page the shopper just opened > the
    product talked about last > the page they are on > the products shown last.
    """
    cat = catalog()
    text = text_of(tracker)
    named = named_products(tracker, limit)
    if named:
        return named
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


_orders_lock = threading.Lock()
_orders: dict[tuple[str, str, str], OrdersBackend] = {}


def orders() -> OrdersBackend:
    """The orders backend of the store in service, created once per process: `DATABASE_URL`
    or the SQLite file in the data folder (the rule of `catalog.db.database_url`)."""
    from orders.sql import SqlOrders  # SQLAlchemy only when an order is discussed

    store, data = os.environ.get("SHOPBOT_STORE", "stores/demo"), os.environ.get("SHOPBOT_DATA", "var")
    key = (store, data, os.environ.get("DATABASE_URL", ""))
    backend = _orders.get(key)
    if backend is None:
        with _orders_lock:
            backend = _orders.get(key) or _orders.setdefault(key, SqlOrders.open(store, data))
    return backend


def use_orders_backend(backend: OrdersBackend | None) -> None:
    """Put a backend in service (tests at the boundary); None forgets every backend."""
    with _orders_lock:
        _orders.clear()
        if backend is not None:
            key = (os.environ.get("SHOPBOT_STORE", "stores/demo"), os.environ.get("SHOPBOT_DATA", "var"), os.environ.get("DATABASE_URL", ""))
            _orders[key] = backend
