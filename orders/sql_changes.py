"""Changes to an existing order for `SqlOrders`: returns, exchanges, cancellation and status
updates. Each is one transaction that first locks the order row.

A return, exchange or cancellation may carry an idempotency key (the action server derives it
from the conversation turn, `actions/order_common.write_key`): the key is stored with what the
write made, in the write's transaction (unique per store), and a second call with the same key
(nginx resending an action call whose first server died after committing) gets that first
result back instead of writing again. The check runs once before the input checks (a resent
call sees the order after the first write) and again under the order's lock (two calls at once).
"""

from __future__ import annotations

import datetime as dt
import json
import time

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.engine import Connection

from orders import policy
from orders.api import (
    CANCELLABLE,
    REFUND_METHODS,
    RETURN_REASONS,
    STATUSES,
    Exchange,
    Order,
    OrderError,
    OrderItem,
    Return,
    ReturnLine,
)
from orders.validation import InvalidInput, clean_order_number

MAX_COMMENT = 1000
LIFE = ("received", "paid", "packed", "shipped", "out_for_delivery", "delivered")  # the forward path
SHIPPED = ("shipped", "out_for_delivery", "delivered")


def _ts(moment: dt.datetime | None) -> float | None:
    return moment.timestamp() if moment is not None else None


def _dt(value: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(value, dt.timezone.utc)


def _number_or_none(number: str) -> str | None:
    try:
        return clean_order_number(number)
    except InvalidInput:
        return None


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class OrderChanges:
    """Mixed into `SqlOrders` (uses its `engine`, `t`, `slug`, `config`, `_get`, `_orders_where`, stock helpers)."""

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

    # --- idempotency keys ---------------------------------------------------------------
    def _replay(self, conn: Connection, key: str | None, kind: str, number: str) -> Return | Exchange | Order | None:
        """What an earlier write with `key` made (None: no such write yet, or no key)."""
        if key is None:
            return None
        w = self.t.writes
        row = conn.execute(select(w).where(and_(w.c.store == self.slug, w.c.key == key))).first()
        if row is None:
            return None
        if row.kind != kind or row.order_number != _number_or_none(number):
            raise OrderError("invalid", "this idempotency key was used for another change")
        if kind == "return":
            return self._return_of(conn, row.reference)
        if kind == "exchange":
            return self._exchange_of(conn, row.reference)
        return self._get(conn, row.reference)

    def _replayed(self, key: str | None, kind: str, number: str) -> Return | Exchange | Order | None:
        if key is None:
            return None
        with self.engine.connect() as conn:
            return self._replay(conn, key, kind, number)

    def _remember(self, conn: Connection, key: str | None, kind: str, number: str, reference: str, now: float) -> None:
        if key is not None:
            conn.execute(insert(self.t.writes), [{"store": self.slug, "key": key, "kind": kind, "order_number": number,
                                                  "reference": reference, "created_at": now}])  # fmt: skip

    def _return_of(self, conn: Connection, rma: str) -> Return:
        r, rl = self.t.returns, self.t.return_lines
        h = conn.execute(select(r).where(and_(r.c.store == self.slug, r.c.rma == rma))).one()
        lines = conn.execute(select(rl).where(and_(rl.c.store == self.slug, rl.c.rma == rma)).order_by(rl.c.id))
        return Return(h.rma, h.order_number, tuple(ReturnLine(x.line_id, x.quantity, x.reason, x.comment) for x in lines),
                      h.refund_method, h.refund_amount, h.label_url, _dt(h.created_at))  # fmt: skip

    def _exchange_of(self, conn: Connection, reference: str) -> Exchange:
        e = self.t.exchanges
        x = conn.execute(select(e).where(and_(e.c.store == self.slug, e.c.reference == reference))).one()
        return Exchange(x.reference, x.order_number, x.line_id, x.old_sku, x.new_sku, x.reason, x.label_url, _dt(x.created_at))

    # --- the changes ----------------------------------------------------------------------
    def create_return(self, number: str, lines: list[ReturnLine], refund_method: str,
                      now: dt.datetime | None = None, *, idempotency_key: str | None = None) -> Return:  # fmt: skip
        done = self._replayed(idempotency_key, "return", number)
        if done is not None:
            return done
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
            done = self._replay(conn, idempotency_key, "return", number)
            if done is not None:
                return done
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
            self._remember(conn, idempotency_key, "return", order.number, rma, _ts(now))
            self.checkpoint("return")
        return ret

    def create_exchange(self, number: str, line_id: int, new_sku: str, reason: str,
                        now: dt.datetime | None = None, *, idempotency_key: str | None = None) -> Exchange:  # fmt: skip
        done = self._replayed(idempotency_key, "exchange", number)
        if done is not None:
            return done
        if reason not in RETURN_REASONS:
            raise OrderError("invalid", f"reason must be one of {', '.join(RETURN_REASONS)}")
        now = now or _utcnow()
        with self.engine.begin() as conn:
            order = self._locked(conn, number)
            done = self._replay(conn, idempotency_key, "exchange", number)
            if done is not None:
                return done
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
            self._remember(conn, idempotency_key, "exchange", order.number, reference, _ts(now))
            self.checkpoint("exchange")
        return exchange

    def cancel(self, number: str, *, idempotency_key: str | None = None) -> Order:
        now = time.time()
        with self.engine.begin() as conn:
            order = self._locked(conn, number)
            done = self._replay(conn, idempotency_key, "cancel", number)
            if done is not None:
                return done
            if order.status not in CANCELLABLE:
                raise OrderError("not_cancellable", f"order {order.number} is {order.status} and can no longer be cancelled")
            self._touch(conn, order.number, now, status="cancelled")
            self._release(conn, order.number, now)
            self._remember(conn, idempotency_key, "cancel", order.number, order.number, now)
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

