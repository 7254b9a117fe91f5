"""Stock and new orders for `SqlOrders`: reservations against the catalog's product rows, and
checkout. Each write locks the product rows it touches, in one order (no deadlocks)."""

from __future__ import annotations

import json
import time

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from catalog.models import Product, Variant
from orders.api import NewOrderLine, Order, OrderError
from orders.validation import clean_address, clean_line, postal_key

FIRST_NUMBER = 100001


class StockAndCheckout:
    """Mixed into `SqlOrders` (uses its `engine`, `t`, `slug`, `products`, `config`, `_get`, `_touch`)."""

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

