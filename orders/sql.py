"""`OrdersBackend` on SQLAlchemy: SQLite by default, PostgreSQL through `DATABASE_URL`.

Every change (checkout, return, exchange, cancellation, status update) is one transaction that
first locks the order row (and, for stock, the product row of the catalog), so two requests for
the same item run one after the other and the second sees what the first wrote. A failure at
any point rolls the whole change back. `checkpoint(stage)` is called inside each write
transaction just before it commits; tests replace it to inject a fault or to stall a process
they then kill.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from catalog.db import database_url, open_database
from catalog.models import Product, Variant
from catalog.store import Store, StoreConfig
from orders import policy
from orders.api import (
    CANCELLABLE,
    REFUND_METHODS,
    RETURN_REASONS,
    STATUSES,
    Exchange,
    NewOrderLine,
    Order,
    OrderError,
    OrderItem,
    Return,
    ReturnLine,
)
from orders.db import Tables, define_tables, orders_engine, table_prefix
from orders.throttle import Limits, ProofThrottle
from orders.validation import (
    InvalidInput,
    clean_address,
    clean_email,
    clean_line,
    clean_order_number,
    postal_key,
)

FIRST_NUMBER = 100001
MAX_COMMENT = 1000
LIFE = ("received", "paid", "packed", "shipped", "out_for_delivery", "delivered")  # the forward path
SHIPPED = ("shipped", "out_for_delivery", "delivered")


def _ts(moment: dt.datetime | None) -> float | None:
    return moment.timestamp() if moment is not None else None


def _dt(value: float | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value, dt.timezone.utc) if value is not None else None


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class SqlOrders:
    """The orders of one store (`store.slug`) in the database at `url` (prefix `SHOPBOT_TABLE_PREFIX`)."""

    def __init__(self, store: Store | Path | str, url: str, prefix: str | None = None):
        self._store = store if isinstance(store, Store) else Store(store)
        self.slug = self._store.slug
        self.url = url
        self.prefix = table_prefix(prefix)
        self.engine = orders_engine(url, self.prefix)
        self.t: Tables = define_tables(self.prefix)
        self.products = open_database(".", url, self.prefix).products  # the catalog's table
        self._config_mtime = self._store_mtime()
        self._skus: dict[str, str] = {}
        self._skus_state: tuple | None = None
        self._skus_lock = threading.Lock()
        self.checkpoint: Callable[[str], None] = lambda stage: None
        self.throttle = ProofThrottle(self.engine, self.t.failures, self.slug, lambda: Limits.of(self.config.security))

    @classmethod
    def open(cls, store_dir: Path | str, data_dir: Path | str, prefix: str | None = None) -> SqlOrders:
        """The backend the bot and the merchant side use: `DATABASE_URL` or `<data>/shopbot.db`."""
        return cls(store_dir, database_url(data_dir), prefix)

    # --- store config (re-read when store.yml changes, like the catalog does) ------------
    def _store_mtime(self) -> float:
        try:
            return (self._store.folder / "store.yml").stat().st_mtime
        except OSError:
            return 0.0

    @property
    def config(self) -> StoreConfig:
        mtime = self._store_mtime()
        if mtime != self._config_mtime:
            self._store = Store(self._store.folder)
            self._config_mtime = mtime
        return self._store.config

    # --- reading ---------------------------------------------------------------------
    def _orders_where(self, *extra):  # noqa: ANN202
        return and_(self.t.orders.c.store == self.slug, *extra)

    def _load(self, conn: Connection, rows: list) -> list[Order]:
        if not rows:
            return []
        it = self.t.items
        numbers = [r.number for r in rows]
        items: dict[str, list[OrderItem]] = {n: [] for n in numbers}
        for r in conn.execute(select(it).where(and_(it.c.store == self.slug, it.c.order_number.in_(numbers))).order_by(it.c.line_id)):
            items[r.order_number].append(OrderItem(
                line_id=r.line_id, product_id=r.product_id, sku=r.sku, title=r.title, category=r.category,
                size=r.size, color=r.color, quantity=r.quantity, unit_price=r.unit_price,
                returned_quantity=r.returned_quantity,
            ))  # fmt: skip
        return [
            Order(
                number=r.number, email=r.email, name=r.name, street=r.street, postal_code=r.postal_code,
                city=r.city, country=r.country, language=r.language, status=r.status,
                created_at=_dt(r.created_at), updated_at=_dt(r.updated_at), shipped_at=_dt(r.shipped_at),
                delivered_at=_dt(r.delivered_at), carrier=r.carrier, tracking_number=r.tracking_number,
                tracking_url=r.tracking_url, shipping_cost=r.shipping_cost, payment_method=r.payment_method,
                items=tuple(items[r.number]),
            )  # fmt: skip
            for r in rows
        ]

    def _get(self, conn: Connection, number: str, lock: bool = False) -> Order | None:
        query = select(self.t.orders).where(self._orders_where(self.t.orders.c.number == number))
        if lock:
            query = query.with_for_update()  # PostgreSQL; SQLite holds the write lock already
        row = conn.execute(query).first()
        return self._load(conn, [row])[0] if row else None

    def get(self, number: str) -> Order | None:
        try:
            number = clean_order_number(number)
        except InvalidInput:
            return None
        with self.engine.connect() as conn:
            return self._get(conn, number)

    def verify(self, number: str, *, email: str | None = None, postal_code: str | None = None) -> Order | None:
        """Raises `InvalidInput` for a malformed number, e-mail or postal code; every given proof must match."""
        number = clean_order_number(number)
        if email is None and postal_code is None:
            raise InvalidInput("email", "give the e-mail address or the postal code of the order")
        email = clean_email(email) if email is not None else None
        key = postal_key(postal_code) if postal_code is not None else None
        order = self.get(number)
        if order is None:
            return None
        if email is not None and order.email != email:
            return None
        if key is not None and postal_key(order.postal_code) != key:
            return None
        return order

    def list_by_email(self, email: str) -> list[Order]:
        email = clean_email(email)
        o = self.t.orders
        with self.engine.connect() as conn:
            rows = conn.execute(select(o).where(self._orders_where(o.c.email == email)).order_by(o.c.created_at.desc(), o.c.number.desc())).fetchall()
            return self._load(conn, rows)

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).where(self._orders_where())).scalar())

    def tags(self, number: str) -> dict[int, list[str]]:
        """line id -> the product's tags at checkout (what return exceptions by tag look at)."""
        it = self.t.items
        with self.engine.connect() as conn:
            rows = conn.execute(select(it.c.line_id, it.c.tags).where(and_(it.c.store == self.slug, it.c.order_number == number)))
            return {r.line_id: json.loads(r.tags) for r in rows}

    def eligibility(self, order: Order, now: dt.datetime | None = None) -> list[policy.Eligibility]:
        """Per line: can it be returned or exchanged now, and if not, why."""
        tags = self.tags(order.number)
        return [policy.item_eligibility(order, i, tags.get(i.line_id, []), self.config, now) for i in order.items]

    def returns_of(self, number: str) -> list[Return]:
        r, rl = self.t.returns, self.t.return_lines
        with self.engine.connect() as conn:
            heads = conn.execute(select(r).where(and_(r.c.store == self.slug, r.c.order_number == number)).order_by(r.c.created_at)).fetchall()
            out = []
            for h in heads:
                lines = conn.execute(select(rl).where(and_(rl.c.store == self.slug, rl.c.rma == h.rma)).order_by(rl.c.id))
                out.append(Return(h.rma, h.order_number, tuple(ReturnLine(x.line_id, x.quantity, x.reason, x.comment) for x in lines),
                                  h.refund_method, h.refund_amount, h.label_url, _dt(h.created_at)))  # fmt: skip
            return out

    def exchanges_of(self, number: str) -> list[Exchange]:
        e = self.t.exchanges
        with self.engine.connect() as conn:
            rows = conn.execute(select(e).where(and_(e.c.store == self.slug, e.c.order_number == number)).order_by(e.c.created_at))
            return [Exchange(x.reference, x.order_number, x.line_id, x.old_sku, x.new_sku, x.reason, x.label_url, _dt(x.created_at)) for x in rows]

    # --- catalog stock -----------------------------------------------------------------
    def _product(self, conn: Connection, product_id: str, lock: bool = False) -> Product | None:
        p = self.products
        query = select(p.c.data).where(and_(p.c.store == self.slug, p.c.id == product_id))
        if lock:
            query = query.with_for_update()
        data = conn.execute(query).scalar()
        return Product.parse_raw(data) if data else None

    def _reserved(self, conn: Connection, sku: str) -> int:
        r = self.t.reservations
        where = and_(r.c.store == self.slug, r.c.sku == sku, r.c.released_at.is_(None))
        return int(conn.execute(select(func.coalesce(func.sum(r.c.quantity), 0)).where(where)).scalar() or 0)

    def _product_id_of(self, sku: str) -> str | None:
        """SKU -> product id from the catalog table; after a catalog change only the rows
        written since are read again (all of them when products were removed)."""
        p = self.products
        with self.engine.connect() as conn:
            count, newest = conn.execute(select(func.count(), func.max(p.c.updated_at)).where(p.c.store == self.slug)).one()
            with self._skus_lock:
                if (count, newest) != self._skus_state:
                    known_count, known_newest = self._skus_state or (0, None)
                    since = known_newest if known_newest is not None and count >= known_count else None
                    skus = dict(self._skus) if since is not None else {}
                    query = select(p.c.id, p.c.data).where(p.c.store == self.slug)
                    if since is not None:
                        query = query.where(p.c.updated_at >= since)
                    for row in conn.execute(query):
                        for variant in json.loads(row.data).get("variants", []):
                            skus[variant["sku"]] = row.id
                    self._skus, self._skus_state = skus, (count, newest)
                return self._skus.get(sku)

    def available_stock(self, sku: str) -> int:
        product_id = self._product_id_of(sku)
        if product_id is None:
            return 0
        with self.engine.connect() as conn:
            product = self._product(conn, product_id)
            variant = next((v for v in product.variants if v.sku == sku), None) if product else None
            return max(0, variant.stock - self._reserved(conn, sku)) if variant else 0

    def _take_stock(self, conn: Connection, product: Product, variant: Variant, quantity: int, number: str,
                    source: str, reference: str | None, now: float) -> None:  # fmt: skip
        """Reserve `quantity` of a variant whose product row this transaction has locked."""
        if variant.stock - self._reserved(conn, variant.sku) < quantity:
            raise OrderError("out_of_stock", f"{variant.sku} is not in stock in that quantity")
        conn.execute(insert(self.t.reservations), [{
            "store": self.slug, "sku": variant.sku, "product_id": product.id, "quantity": quantity,
            "order_number": number, "source": source, "reference": reference, "created_at": now,
        }])  # fmt: skip

    def _release(self, conn: Connection, number: str, now: float, source: str | None = None) -> None:
        r = self.t.reservations
        where = and_(r.c.store == self.slug, r.c.order_number == number, r.c.released_at.is_(None))
        if source:
            where = and_(where, r.c.source == source)
        conn.execute(update(r).where(where).values(released_at=now))

    # --- writing ---------------------------------------------------------------------
    def _locked(self, conn: Connection, number: str) -> Order:
        try:
            number = clean_order_number(number)
        except InvalidInput as exc:
            raise OrderError("not_found", "no such order") from exc
        order = self._get(conn, number, lock=True)
        if order is None:
            raise OrderError("not_found", "no such order")
        return order

    def _touch(self, conn: Connection, number: str, now: float, **values) -> None:  # noqa: ANN003
        o = self.t.orders
        conn.execute(update(o).where(self._orders_where(o.c.number == number)).values(updated_at=now, **values))

    def _eligible_line(self, conn: Connection, order: Order, line_id: int, now: dt.datetime) -> tuple[OrderItem, policy.Eligibility]:
        item = next((i for i in order.items if i.line_id == line_id), None)
        if item is None:
            raise OrderError("invalid", f"order {order.number} has no line {line_id}")
        it = self.t.items
        tags = json.loads(conn.execute(select(it.c.tags).where(it.c.line_id == line_id)).scalar() or "[]")
        verdict = policy.item_eligibility(order, item, tags, self.config, now)
        if verdict.code == "already_returned":
            raise OrderError("already_returned", f"{item.title} has already been returned")
        if not verdict.ok:
            raise OrderError("not_returnable", f"{item.title} cannot be returned ({verdict.code})")
        return item, verdict

    def _mark_returned(self, conn: Connection, order: Order, quantities: dict[int, int], now: float, refund: bool) -> None:
        """Count the units as gone back; an order whose every unit was refunded becomes "returned"."""
        it = self.t.items
        for line_id, qty in quantities.items():
            conn.execute(update(it).where(it.c.line_id == line_id).values(returned_quantity=it.c.returned_quantity + qty))
        left = sum(i.returnable_quantity - quantities.get(i.line_id, 0) for i in order.items)
        self._touch(conn, order.number, now, **({"status": "returned"} if refund and left == 0 else {}))

    def _label_url(self, reference: str) -> str:
        return f"{self.config.store.url.rstrip('/')}/returns/{reference}/label"

    def create_return(self, number: str, lines: list[ReturnLine], refund_method: str,
                      now: dt.datetime | None = None) -> Return:  # fmt: skip
        if refund_method not in REFUND_METHODS:
            raise OrderError("invalid", f"refund method must be one of {', '.join(REFUND_METHODS)}")
        if not lines:
            raise OrderError("invalid", "a return needs at least one item")
        if len({line.line_id for line in lines}) != len(lines):
            raise OrderError("invalid", "each item once per return")
        for line in lines:
            if line.reason not in RETURN_REASONS:
                raise OrderError("invalid", f"reason must be one of {', '.join(RETURN_REASONS)}")
            if not isinstance(line.quantity, int) or line.quantity < 1:
                raise OrderError("quantity", "the quantity must be at least 1")
            if not isinstance(line.comment, str) or len(line.comment) > MAX_COMMENT or "\x00" in line.comment:
                raise OrderError("invalid", f"the comment must be text of at most {MAX_COMMENT} characters")
        now = now or _utcnow()
        with self.engine.begin() as conn:
            order = self._locked(conn, number)
            for line in lines:
                item, verdict = self._eligible_line(conn, order, line.line_id, now)
                if line.quantity > verdict.quantity:
                    raise OrderError("quantity", f"only {verdict.quantity} of {item.title} can go back")
            count = conn.execute(select(func.count()).select_from(self.t.returns).where(
                and_(self.t.returns.c.store == self.slug, self.t.returns.c.order_number == order.number))).scalar()  # fmt: skip
            rma = f"RMA-{order.number}-{count + 1}"
            quantities = {line.line_id: line.quantity for line in lines}
            ret = Return(rma, order.number, tuple(lines), refund_method,
                         policy.refund_amount(order, quantities, self.config), self._label_url(rma), now)  # fmt: skip
            conn.execute(insert(self.t.returns), [{
                "store": self.slug, "rma": rma, "order_number": order.number, "refund_method": refund_method,
                "refund_amount": ret.refund_amount, "label_url": ret.label_url, "created_at": _ts(now),
            }])  # fmt: skip
            conn.execute(insert(self.t.return_lines), [
                {"store": self.slug, "rma": rma, "line_id": ln.line_id, "quantity": ln.quantity, "reason": ln.reason, "comment": ln.comment}
                for ln in lines
            ])  # fmt: skip
            self._mark_returned(conn, order, quantities, _ts(now), refund=True)
            self.checkpoint("return")
        return ret

    def create_exchange(self, number: str, line_id: int, new_sku: str, reason: str,
                        now: dt.datetime | None = None) -> Exchange:  # fmt: skip
        if reason not in RETURN_REASONS:
            raise OrderError("invalid", f"reason must be one of {', '.join(RETURN_REASONS)}")
        now = now or _utcnow()
        with self.engine.begin() as conn:
            order = self._locked(conn, number)
            item, _ = self._eligible_line(conn, order, line_id, now)
            product = self._product(conn, item.product_id, lock=True)
            variant = next((v for v in product.variants if v.sku == new_sku), None) if product else None
            if variant is None:
                raise OrderError("unknown_variant", f"{new_sku!r} is not a variant of {item.title}")
            if variant.sku == item.sku:
                raise OrderError("invalid", "the replacement is the same variant")
            count = conn.execute(select(func.count()).select_from(self.t.exchanges).where(
                and_(self.t.exchanges.c.store == self.slug, self.t.exchanges.c.order_number == order.number))).scalar()  # fmt: skip
            reference = f"EX-{order.number}-{count + 1}"
            self._take_stock(conn, product, variant, 1, order.number, "exchange", reference, _ts(now))
            exchange = Exchange(reference, order.number, line_id, item.sku, new_sku, reason, self._label_url(reference), now)
            conn.execute(insert(self.t.exchanges), [{
                "store": self.slug, "reference": reference, "order_number": order.number, "line_id": line_id,
                "old_sku": item.sku, "new_sku": new_sku, "reason": reason, "label_url": exchange.label_url,
                "created_at": _ts(now),
            }])  # fmt: skip
            self._mark_returned(conn, order, {line_id: 1}, _ts(now), refund=False)
            self.checkpoint("exchange")
        return exchange

    def cancel(self, number: str) -> Order:
        now = time.time()
        with self.engine.begin() as conn:
            order = self._locked(conn, number)
            if order.status not in CANCELLABLE:
                raise OrderError("not_cancellable", f"order {order.number} is {order.status} and can no longer be cancelled")
            self._touch(conn, order.number, now, status="cancelled")
            self._release(conn, order.number, now)
            self.checkpoint("cancel")
            return self._get(conn, order.number)

    def update_status(self, number: str, status: str, *, carrier: str | None = None,
                      tracking_number: str | None = None, now: dt.datetime | None = None) -> Order:  # fmt: skip
        if status not in STATUSES:
            raise OrderError("invalid", f"status must be one of {', '.join(STATUSES)}")
        if carrier is not None and (not 1 <= len(carrier.strip()) <= 50 or "\x00" in carrier):
            raise OrderError("invalid", "carrier: 1 to 50 characters")
        if tracking_number is not None and not (4 <= len(tracking_number) <= 40 and tracking_number.replace("-", "").isalnum()
                                                and tracking_number.isascii()):  # fmt: skip
            raise OrderError("invalid", "tracking number: 4 to 40 letters, digits and dashes")
        moment = now or _utcnow()
        ts = _ts(moment)
        if status == "cancelled":
            return self.cancel(number)
        with self.engine.begin() as conn:
            order = self._locked(conn, number)
            if order.status in ("cancelled", "returned"):
                raise OrderError("invalid", f"order {order.number} is {order.status}; its status cannot change any more")
            if status == "returned" and order.status != "delivered":
                raise OrderError("invalid", "only a delivered order can be marked returned")
            if status in LIFE and LIFE.index(status) < LIFE.index(order.status):
                raise OrderError("invalid", f"order {order.number} is already {order.status}")
            values: dict = {"status": status}
            if carrier is not None:
                values["carrier"] = carrier.strip()
            if tracking_number is not None:
                values["tracking_number"] = tracking_number
            if status in SHIPPED:
                zone = self.config.zone_for(order.country)
                values.setdefault("carrier", order.carrier or (zone.carrier if zone else None))
                values.setdefault("tracking_number", order.tracking_number)
                values["tracking_url"] = policy.tracking_url(self.config, values["carrier"], values["tracking_number"])
                values["shipped_at"] = _ts(order.shipped_at) or ts
                self._release(conn, order.number, ts, source="order")  # the goods left the warehouse
            if status == "delivered":
                values["delivered_at"] = _ts(order.delivered_at) or ts
            self._touch(conn, order.number, ts, **values)
            self.checkpoint("status")
            return self._get(conn, order.number)

    def create_order(self, *, email: str, name: str, street: str, postal_code: str, city: str,
                     country: str, language: str, payment_method: str,
                     lines: list[NewOrderLine]) -> Order:  # fmt: skip
        # the same checks as the shop's checkout form (orders/validation.py): InvalidFields names each bad field
        address = clean_address(email=email, name=name, street=street, postal_code=postal_code, city=city)
        email, name, street, postal_code, city = (address[k] for k in ("email", "name", "street", "postal_code", "city"))
        payment_method = clean_line("payment_method", payment_method, 100)
        zone = self.config.zone_for(country)
        if zone is None:
            raise OrderError("invalid", f"we do not ship to {country!r}")
        if language not in ("de", "en"):
            raise OrderError("invalid", "language must be de or en")
        if not lines or any(not 1 <= line.quantity <= 99 for line in lines):
            raise OrderError("quantity", "each line needs a quantity from 1 to 99")
        for _attempt in range(5):  # two checkouts may pick the same next number
            try:
                return self._create_order(email, name.strip(), street.strip(), postal_code, city.strip(), country,
                                          language, payment_method.strip(), lines, zone)  # fmt: skip
            except IntegrityError:
                continue
        raise OrderError("invalid", "could not allocate an order number, try again")

    def _create_order(self, email, name, street, postal_code, city, country, language, payment_method, lines, zone) -> Order:  # noqa: ANN001
        now = time.time()
        with self.engine.begin() as conn:
            o = self.t.orders
            last = conn.execute(select(func.max(o.c.number)).where(o.c.store == self.slug)).scalar()
            number = str(max(FIRST_NUMBER, int(last) + 1 if last else FIRST_NUMBER))
            conn.execute(insert(o), [{
                "store": self.slug, "number": number, "email": email, "name": name, "street": street,
                "postal_code": postal_code, "postal_key": postal_key(postal_code), "city": city, "country": country,
                "language": language, "status": "paid", "created_at": now, "updated_at": now,
                "shipping_cost": 0.0, "payment_method": payment_method,
            }])  # fmt: skip
            subtotal = 0.0
            for line in sorted(lines, key=lambda ln: (ln.product_id, ln.sku)):  # one lock order: no deadlocks
                product = self._product(conn, line.product_id, lock=True)
                variant = next((v for v in product.variants if v.sku == line.sku), None) if product else None
                if variant is None:
                    raise OrderError("unknown_variant", f"{line.sku!r} is not a variant of {line.product_id!r}")
                self._take_stock(conn, product, variant, line.quantity, number, "order", None, now)
                conn.execute(insert(self.t.items), [self._item_row(number, product, variant, line.quantity, language)])
                subtotal += variant.price * line.quantity
            free = zone.free_from is not None and subtotal >= zone.free_from
            self._touch(conn, number, now, shipping_cost=0.0 if free else zone.cost)
            self.checkpoint("order")
            return self._get(conn, number)

    def _item_row(self, number: str, product: Product, variant: Variant, quantity: int, language: str,
                  returned: int = 0) -> dict:  # fmt: skip
        return {
            "store": self.slug, "order_number": number, "product_id": product.id, "sku": variant.sku,
            "title": product.name(language), "category": product.category, "tags": json.dumps(product.tags),
            "size": variant.size, "color": variant.color, "quantity": quantity, "unit_price": variant.price,
            "returned_quantity": returned,
        }  # fmt: skip

    # --- failed proofs (orders/throttle.py) -------------------------------------------------
    def record_failed_verification(self, conversation_id: str, now: dt.datetime | None = None, *, order_number: str | None = None,
                                   client: str | None = None, proof: str | None = None) -> int:  # fmt: skip
        return self.throttle.record(conversation_id, now, order_number=order_number, client=client, proof=proof)

    def locked_until(self, conversation_id: str, now: dt.datetime | None = None, *, client: str | None = None) -> dt.datetime | None:
        return self.throttle.locked_until(conversation_id, now, client=client)

    def postcode_blocked_until(self, order_number: str, now: dt.datetime | None = None) -> dt.datetime | None:
        return self.throttle.postcode_blocked_until(order_number, now)

    # --- demo data -----------------------------------------------------------------------
    def replace_orders(self, orders: Iterable[Order], tags: dict[str, list[str]]) -> int:
        """Make `orders` (line ids ignored) the store's only orders, with their returns, exchanges
        and reservations gone: the demo's (re)seed. One transaction."""
        t = self.t
        count = 0
        with self.engine.begin() as conn:
            for table in (t.return_lines, t.returns, t.exchanges, t.reservations, t.items, t.orders):
                conn.execute(delete(table).where(table.c.store == self.slug))
            for order in orders:
                conn.execute(insert(t.orders), [{
                    "store": self.slug, "number": order.number, "email": order.email, "name": order.name,
                    "street": order.street, "postal_code": order.postal_code, "postal_key": postal_key(order.postal_code),
                    "city": order.city, "country": order.country, "language": order.language, "status": order.status,
                    "created_at": _ts(order.created_at), "updated_at": _ts(order.updated_at),
                    "shipped_at": _ts(order.shipped_at), "delivered_at": _ts(order.delivered_at),
                    "carrier": order.carrier, "tracking_number": order.tracking_number, "tracking_url": order.tracking_url,
                    "shipping_cost": order.shipping_cost, "payment_method": order.payment_method,
                }])  # fmt: skip
                conn.execute(insert(t.items), [{
                    "store": self.slug, "order_number": order.number, "product_id": i.product_id, "sku": i.sku,
                    "title": i.title, "category": i.category, "tags": json.dumps(tags.get(i.product_id, [])),
                    "size": i.size, "color": i.color, "quantity": i.quantity, "unit_price": i.unit_price,
                    "returned_quantity": i.returned_quantity,
                } for i in order.items])  # fmt: skip
                count += 1
        return count

    def drop(self) -> None:
        """Tests: remove this prefix's orders tables and the migration record."""
        from sqlalchemy import text

        from orders.db import forget

        with self.engine.begin() as conn:
            self.t.metadata.drop_all(conn)
            conn.execute(text(f'DROP TABLE IF EXISTS "{self.prefix}orders_alembic_version"'))
        forget(self.url, self.prefix)
