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
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.engine import Connection

from catalog.db import database_url, open_database, table_prefix
from catalog.store import Store, StoreConfig
from orders import policy
from orders.api import (
    Exchange,
    Order,
    OrderItem,
    Return,
    ReturnLine,
)
from orders.db import Tables, define_tables, orders_engine
from orders.sql_changes import OrderChanges, _ts
from orders.sql_stock import StockAndCheckout
from orders.throttle import Limits, ProofThrottle
from orders.validation import (
    InvalidInput,
    clean_email,
    clean_order_number,
    postal_key,
)


def _dt(value: float | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value, dt.timezone.utc) if value is not None else None


class SqlOrders(StockAndCheckout, OrderChanges):
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
            for table in (t.writes, t.return_lines, t.returns, t.exchanges, t.reservations, t.items, t.orders):
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
