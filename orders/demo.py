"""Demo orders for the demo store: every status, several countries, multi-item orders, orders
outside the return window, excluded items, a partly and a fully returned order. Dates are
relative to the moment of seeding, so "delivered 6 days ago" stays true for a fresh seed.

The named orders below are the ones tests, stories and the README walk through; the rest
(from 100250 on) are generated deterministically to make the list realistic.

| order  | proof (e-mail / postal code)         | state                                                        |
|--------|--------------------------------------|--------------------------------------------------------------|
| 100234 | anna@example.org / 10115             | shipped yesterday with DHL, jacket + socks                    |
| 100235 | anna@example.org / 10115             | delivered 6 days ago: rain jacket M (L in stock, XL sold out), vitamins and memory card (not returnable) |
| 100236 | anna@example.org / 10115             | paid today: cancellable                                       |
| 100237 | ben.mueller@example.de / 80331       | delivered 45 days ago: outside the 30-day window              |
| 100238 | emma.jones@example.co.uk / NW1 6XE   | out for delivery (UK, DHL Express)                            |
| 100239 | lukas.gruber@example.at / 1060       | packed (Austria), tent + sleeping mat                         |
| 100240 | claire.martin@example.fr / 75001     | delivered 3 days ago (France): trail shoes 42                 |
| 100241 | sophie.keller@example.ch / 8001      | received just now (Switzerland)                               |
| 100242 | jan.devries@example.nl / 1012 LG     | cancelled                                                     |
| 100243 | mia.weber@example.de / 40212         | returned in full (RMA-100243-1)                               |
| 100244 | mike.johnson@example.com / 80302     | shipped to the US (DHL Express)                               |
| 100245 | paul.schneider@example.de / 50667    | delivered 12 days ago, headphones already returned (RMA-100245-1), speaker returnable |
| 100246 | lea.fischer@example.de / 04109       | delivered 2 days ago: dog food (not returnable) + leash       |

Any other store gets orders with the same numbers, customers and states, made from its own
catalog (products it shows and has in stock, picked deterministically); customers in countries
the store does not ship to are left out. A store with nothing in stock or no zone for any of
the customers gets no demo orders (`SeedSkipped` says why).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from catalog.models import Product
from catalog.store import StoreConfig
from orders.api import Order, OrderError, OrderItem, ReturnLine
from orders.policy import tracking_url
from orders.sql import SqlOrders


@dataclass(frozen=True)
class Customer:
    email: str
    name: str
    street: str
    postal_code: str
    city: str
    country: str
    language: str


ANNA = Customer("anna@example.org", "Anna Schmidt", "Invalidenstraße 44", "10115", "Berlin", "DE", "de")
CUSTOMERS = {
    "anna": ANNA,
    "ben": Customer("ben.mueller@example.de", "Ben Müller", "Marienplatz 8", "80331", "München", "DE", "de"),
    "emma": Customer("emma.jones@example.co.uk", "Emma Jones", "221B Baker Street", "NW1 6XE", "London", "GB", "en"),
    "lukas": Customer("lukas.gruber@example.at", "Lukas Gruber", "Mariahilfer Straße 12", "1060", "Wien", "AT", "de"),
    "claire": Customer("claire.martin@example.fr", "Claire Martin", "12 Rue de Rivoli", "75001", "Paris", "FR", "en"),
    "sophie": Customer("sophie.keller@example.ch", "Sophie Keller", "Bahnhofstrasse 1", "8001", "Zürich", "CH", "de"),
    "jan": Customer("jan.devries@example.nl", "Jan de Vries", "Damrak 1", "1012 LG", "Amsterdam", "NL", "en"),
    "mia": Customer("mia.weber@example.de", "Mia Weber", "Königsallee 20", "40212", "Düsseldorf", "DE", "de"),
    "mike": Customer("mike.johnson@example.com", "Mike Johnson", "1600 Pearl Street", "80302", "Boulder", "US", "en"),
    "paul": Customer("paul.schneider@example.de", "Paul Schneider", "Hohe Straße 30", "50667", "Köln", "DE", "de"),
    "lea": Customer("lea.fischer@example.de", "Lea Fischer", "Grimmaische Straße 5", "04109", "Leipzig", "DE", "de"),
    "tom": Customer("tom.wagner@example.de", "Tom Wagner", "Jungfernstieg 7", "20354", "Hamburg", "DE", "de"),
    "julia": Customer("julia.hofer@example.at", "Julia Hofer", "Herrengasse 3", "8010", "Graz", "AT", "de"),
    "noah": Customer("noah.brunner@example.ch", "Noah Brunner", "Marktgasse 9", "3011", "Bern", "CH", "de"),
    "olivia": Customer("olivia.smith@example.co.uk", "Olivia Smith", "5 Market Street", "M1 1WR", "Manchester", "GB", "en"),
    "lucas": Customer("lucas.rossi@example.it", "Lucas Rossi", "Via del Corso 100", "00186", "Roma", "IT", "en"),
    "hannah": Customer("hannah.koch@example.de", "Hannah Koch", "Kaiserstraße 15", "60311", "Frankfurt am Main", "DE", "de"),
}

# number: (customer, status, days since the order, [(product id, sku, quantity)], returned lines)
NAMED: dict[str, tuple[str, str, float, list[tuple[str, str, int]], list[int]]] = {
    "100234": ("anna", "shipped", 2, [("stadtwind-winter-jacket", "SWJ-M-BLK", 1), ("thermo-winter-socks", "TWS-3941-BLK", 2)], []),
    "100235": ("anna", "delivered", 9, [("wolkenbruch-3l", "WB3-M-RED", 1), ("vitamin-d3-1000", "VD1000", 2), ("flashvault-sdxc-64", "FV64-BLK", 1)], []),
    "100236": ("anna", "paid", 0.1, [("laufklang-earbuds", "LKE-BLK", 1)], []),
    "100237": ("ben", "delivered", 48, [("trailrunner-gtx", "TRG-42-BLK", 1)], []),
    "100238": ("emma", "out_for_delivery", 5, [("klangruhe-anc", "KRA-NVY", 1)], []),
    "100239": ("lukas", "packed", 1, [("sonnenwiese-4", "SW4-GRN", 1), ("isomatte-selbstaufblasend", "ISO-198CM-GRN", 2)], []),
    "100240": ("claire", "delivered", 8, [("trailrunner-gtx", "TRG-42-BLK", 1)], []),
    "100241": ("sophie", "received", 0.02, [("almrausch-fleece", "ARF-S-GRY", 1), ("merino-baselayer-longsleeve", "MBL-S-BLK", 1)], []),
    "100242": ("jan", "cancelled", 4, [("kompass-trail-gps-watch", "KTW-GRN", 1)], []),
    "100243": ("mia", "returned", 20, [("nieselpfad-rain-jacket", "NPR-S-NVY", 1), ("windkante-softshell", "WKS-S-BLK", 1)], [0, 1]),
    "100244": ("mike", "shipped", 3, [("solar-powerbank-20000", "SPB20-ORG", 1), ("lichtkegel-400", "LK4-BLK", 2)], []),
    "100245": ("paul", "delivered", 15, [("knochenschall-open", "KSO-BLK", 1), ("outdoor-lautsprecher", "OBL-BLU", 1)], [0]),
    "100246": ("lea", "delivered", 5, [("hundefutter-lamm-reis", "HLR-12KG", 1), ("reflex-hundeleine", "RHL-ML-RED", 1)], []),
}
GENERATED_FROM = 100250
GENERATED = 40
STATUS_AGES = {  # status -> (min, max) days since the order
    "received": (0.0, 0.2), "paid": (0.0, 1.0), "packed": (0.5, 1.5), "shipped": (1.5, 3.0),
    "out_for_delivery": (3.0, 5.0), "delivered": (5.0, 120.0), "cancelled": (1.0, 60.0), "returned": (14.0, 40.0),
}  # fmt: skip


def _payment(config: StoreConfig, rng: random.Random, lang: str) -> str:
    return rng.choice(config.payment_methods)[lang].split(" (")[0][:100]


def _tracking(carrier: str, rng: random.Random) -> str:
    return f"{rng.randrange(10**9, 10**10)}" if "Express" in carrier else f"00340434{rng.randrange(10**12):012d}"


def make_order(number: str, customer: Customer, status: str, age_days: float, lines: list[tuple[Product, str, int]],
               config: StoreConfig, now: dt.datetime, rng: random.Random) -> Order:  # fmt: skip
    """One order with timestamps that fit its status; returned orders are built as delivered
    (the seed files their returns through the backend)."""
    created = now - dt.timedelta(days=age_days)
    zone = config.zone_for(customer.country)
    assert zone is not None, f"no shipping zone for {customer.country}"
    items = []
    for product, sku, qty in lines:
        variant = next(v for v in product.variants if v.sku == sku)
        items.append(OrderItem(0, product.id, sku, product.name(customer.language), product.category,
                               variant.size, variant.color, qty, variant.price))  # fmt: skip
    subtotal = sum(i.unit_price * i.quantity for i in items)
    shipping = 0.0 if zone.free_from is not None and subtotal >= zone.free_from else zone.cost
    shipped = delivered = None
    carrier = number_ = url = None
    life = "delivered" if status == "returned" else status
    if life in ("shipped", "out_for_delivery", "delivered"):
        shipped = created + dt.timedelta(days=min(1.0, age_days / 3))
        carrier = zone.carrier
        number_ = _tracking(carrier, rng)
        url = tracking_url(config, carrier, number_)
    if life == "delivered":
        transit = min(float(zone.days[0] + 1), (now - shipped).total_seconds() / 86400 - 0.01)
        delivered = shipped + dt.timedelta(days=transit)
    updated = max(t for t in (created, shipped, delivered) if t is not None)
    if status == "cancelled":
        updated = created + dt.timedelta(hours=5)
    return Order(number, customer.email, customer.name, customer.street, customer.postal_code, customer.city,
                 customer.country, customer.language, life, created, updated, shipped, delivered, carrier, number_,
                 url, shipping, _payment(config, rng, customer.language), tuple(items))  # fmt: skip


class SeedSkipped(Exception):
    """No demo orders can be made for this store; the message says why."""


def _named_lines(by_id: dict[str, Product]) -> dict[str, list[tuple[Product, str, int]]] | None:
    """The demo store's named orders resolved in this catalog, or None when it is another store."""
    resolved = {}
    for number, (_, _, _, lines, _) in NAMED.items():
        if any(pid not in by_id or not any(v.sku == sku for v in by_id[pid].variants) for pid, sku, _ in lines):
            return None
        resolved[number] = [(by_id[pid], sku, qty) for pid, sku, qty in lines]
    return resolved


def _pick_lines(pool: list[Product], rng: random.Random, count: int) -> list[tuple[Product, str, int]]:
    lines = []
    for product in rng.sample(pool, min(count, len(pool))):
        variant = rng.choice([v for v in product.variants if v.stock > 0])
        lines.append((product, variant.sku, rng.choice((1, 1, 1, 2))))
    return lines


def demo_orders(products: list[Product], config: StoreConfig, now: dt.datetime) -> tuple[list[Order], dict[str, list[int]]]:
    """The orders and, per order to be returned, the indexes of its items that go back."""
    rng = random.Random(3)
    shown = [p for p in products if p.shown]
    by_id = {p.id: p for p in shown}
    stocked = [p for p in shown if any(v.stock > 0 for v in p.variants)]
    served = {key for key, c in CUSTOMERS.items() if config.zone_for(c.country) is not None}
    named = _named_lines(by_id)
    if named is None:
        if not stocked:
            raise SeedSkipped("no product is in stock, so there is nothing to order")
        if not served:
            raise SeedSkipped("the store ships to none of the demo customers' countries (DE, AT, CH, GB, FR, NL, IT, US)")
        returnable = [p for p in stocked if not any(e.category == p.category or (e.tag and e.tag in p.tags)
                                                    for e in config.returns.exceptions)] or stocked  # fmt: skip
    orders, returns = [], {}
    for number, (who, status, age, lines, returned) in NAMED.items():
        if named is not None:
            resolved = named[number]
        elif who not in served:
            continue
        else:  # the same order made from this store's products
            resolved = _pick_lines(returnable if status in ("returned", "delivered") else stocked, rng, max(len(lines), 1))
            returned = [i for i in returned if i < len(resolved)]
        orders.append(make_order(number, CUSTOMERS[who], status, age, resolved, config, now, rng))
        if returned:
            returns[number] = returned
    statuses = list(STATUS_AGES)
    people = [c for key, c in CUSTOMERS.items() if key != "anna" and key in served]  # Anna keeps exactly her three orders
    for k in range(GENERATED if people and stocked else 0):
        number = str(GENERATED_FROM + k)
        status = statuses[k % len(statuses)]
        low, high = STATUS_AGES[status]
        customer = people[(k * 7) % len(people)]
        if customer.country == "US" and named is not None:  # the demo store does not ship vitamins or pet food there
            pool = [p for p in stocked if p.category not in ("vitamins", "pet")]
        elif named is None and status == "returned":  # what the store's exceptions let go back
            pool = returnable
        else:
            pool = stocked
        lines = _pick_lines(pool, rng, rng.choice((1, 1, 2, 2, 3)))
        orders.append(make_order(number, customer, status, round(rng.uniform(low, high), 2), lines, config, now, rng))
        if status == "returned":
            returns[number] = list(range(len(lines)))
    return orders, returns


def seed(backend: SqlOrders, products: list[Product], now: dt.datetime | None = None) -> tuple[int, int]:
    """Replace the store's orders with the demo orders and file their returns: (orders, returns)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    orders, returns = demo_orders(products, backend.config, now)
    backend.replace_orders(orders, {p.id: p.tags for p in products})
    filed = 0
    for order in orders:
        if order.number not in returns:
            continue
        stored = backend.get(order.number)
        lines = [ReturnLine(stored.items[i].line_id, stored.items[i].quantity, "too_small" if i % 2 else "changed_mind")
                 for i in returns[order.number]]  # fmt: skip
        try:
            backend.create_return(order.number, lines, "original_payment", now=stored.delivered_at + dt.timedelta(days=2))
        except OrderError:  # another store's rules (e.g. no return window): the order stays delivered
            continue
        filed += 1
    return len(orders), filed
